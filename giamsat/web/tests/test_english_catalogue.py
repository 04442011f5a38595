"""The English catalogue: every message translated, placeholders kept, the .mo compiled from the .po."""

import ast
import gettext
import re
import string
from pathlib import Path

import pytest

import giamsat

MESSAGES = Path(giamsat.__file__).parent / "locale" / "en" / "LC_MESSAGES"
PERCENT = re.compile(r"%(?:\([^)]*\))?[#0 +-]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa%]")


def read_po(path):
    """The entries of a .po file as dicts: flags, msgid, msgid_plural, msgstr (or msgstr[n])."""
    entries, entry, key = [], None, None
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if entry:
                entries.append(entry)
            entry, key = None, None
            continue
        entry = entry if entry is not None else {"flags": set()}
        if line.startswith("#,"):
            entry["flags"].update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            entry[key] += ast.literal_eval(line)
        else:
            key, _, quoted = line.partition(" ")
            entry[key] = ast.literal_eval(quoted)
    return [e for e in entries if "msgid" in e]


def translations(entry):
    """(source, translation) pairs of an entry: one, or one per plural form."""
    if "msgid_plural" in entry:
        return [(entry["msgid"], entry["msgstr[0]"]), (entry["msgid_plural"], entry["msgstr[1]"])]
    return [(entry["msgid"], entry["msgstr"])]


def brace_fields(text):
    return sorted(field for _, field, _, _ in string.Formatter().parse(text) if field is not None)


@pytest.fixture(scope="module")
def entries():
    return [e for e in read_po(MESSAGES / "django.po") if e["msgid"]]


def test_the_catalogue_holds_giamsats_messages(entries):
    ids = {e["msgid"] for e in entries}
    assert len(entries) > 900
    assert {"Đăng xuất", "đúng tiến độ", "Bảng điều hành"} <= ids


def test_every_message_is_translated_and_none_is_fuzzy(entries):
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e["flags"]]
    empty = [source for e in entries for source, text in translations(e) if not text.strip()]
    assert fuzzy == []
    assert empty == []


def test_placeholders_match(entries):
    wrong = []
    for entry in entries:
        for source, text in translations(entry):
            if "python-format" in entry["flags"] and sorted(PERCENT.findall(source)) != sorted(PERCENT.findall(text)):
                wrong.append((source, text))
            if "python-brace-format" in entry["flags"] and brace_fields(source) != brace_fields(text):
                wrong.append((source, text))
    assert wrong == []


def test_the_status_words_have_their_english_names(entries):
    english = {e["msgid"]: e["msgstr"] for e in entries if "msgstr" in e}
    assert [english[w] for w in ("đạt", "đúng tiến độ", "có nguy cơ", "chậm tiến độ", "không đạt", "chưa có số liệu")] == [
        "met", "on track", "at risk", "behind schedule", "missed", "no data",
    ]


def test_the_compiled_catalogue_matches_the_po_file(entries):
    with (MESSAGES / "django.mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)._catalog
    expected = {}
    for entry in entries:
        if "msgid_plural" in entry:
            expected[(entry["msgid"], 0)] = entry["msgstr[0]"]
            expected[(entry["msgid"], 1)] = entry["msgstr[1]"]
        else:
            expected[entry["msgid"]] = entry["msgstr"]
    compiled.pop("", None)  # the header
    assert compiled == expected, "run `make messages` to compile giamsat/locale/en"
