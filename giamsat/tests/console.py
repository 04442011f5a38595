"""Run the installed ``giamsat`` command in a subprocess, with only the environment given."""

import os
import subprocess
import sys
from pathlib import Path

GIAMSAT = Path(sys.executable).with_name("giamsat")
_KEPT = {"PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "SYSTEMROOT"}


def run_giamsat(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    """``giamsat ARGS`` in ``tmp_path`` (its var/ too), with ``env`` added to a bare environment."""
    environ = {k: v for k, v in os.environ.items() if k in _KEPT}
    environ["GIAMSAT_VAR_DIR"] = str(tmp_path / "var")
    environ.update(env)
    return subprocess.run(
        [str(GIAMSAT), *args], env=environ, cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )


def run_python(tmp_path: Path, code: str, **env: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k in _KEPT}
    environ.update({"GIAMSAT_VAR_DIR": str(tmp_path / "var"), "DJANGO_SETTINGS_MODULE": "giamsat.settings"})
    environ.update(env)
    return subprocess.run(
        [sys.executable, "-c", code], env=environ, cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )
