"""The parser is plain Python: importing all of it loads no Django."""

import subprocess
import sys

SCRIPT = """
import importlib, pkgutil, sys
import giamsat.parsing
from giamsat.parsing.cli import main
for module in pkgutil.walk_packages(giamsat.parsing.__path__, "giamsat.parsing."):
    if ".tests" not in module.name and module.name != "giamsat.parsing.__main__":
        importlib.import_module(module.name)
loaded = sorted(name for name in sys.modules if name == "django" or name.startswith("django."))
print(len([name for name in sys.modules if name.startswith("giamsat.parsing.")]), loaded)
"""


def test_importing_the_parser_loads_no_django():
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True, timeout=120
    )

    count, loaded = done.stdout.split(" ", 1)
    assert loaded.strip() == "[]"
    assert int(count) >= 8  # the walk did import the package's modules
