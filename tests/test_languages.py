"""Ukrainian and English are both complete: the catalogue has every key in both, and an English
page shows no Cyrillic except quoted document text (measure titles, document titles, printed lines)."""

from __future__ import annotations

import json
import re
import shutil
import string

import pytest
from google.protobuf.json_format import MessageToDict

from programme_analysis.texts import DOMAIN, LABELS, LANGUAGES, LOCALES, TEXTS, read_catalogues
from tests.app_pages import PAGES, _database, run_page  # noqa: F401 (the session's database for every page run)
from tests.slides import SLIDE_COUNT

CYRILLIC = re.compile(r"[\u0400-\u04FF]")
# The language switch is labelled in both languages, so that either reader finds it.
SWITCH = {TEXTS["language_switch"]["uk"], TEXTS["language_uk"]["en"]}
QUOTED = re.compile(r"“[^”]*”|«[^»]*»|`[^`]*`|'[^']*'")


def _placeholders(value: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(value) if name}


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_every_text_exists_in_both_languages_with_the_same_placeholders(key):
    entry = TEXTS[key]
    assert set(entry) == set(LANGUAGES), f"{key}: {sorted(entry)}"
    assert all(entry[lang].strip() for lang in LANGUAGES)
    assert _placeholders(entry["uk"]) == _placeholders(entry["en"])


@pytest.mark.parametrize("group", sorted(LABELS))
def test_every_label_exists_in_both_languages(group):
    for value, entry in LABELS[group].items():
        assert set(entry) == set(LANGUAGES), f"{group}.{value}"
        assert _placeholders(entry["uk"]) == _placeholders(entry["en"])


def test_the_catalogues_have_the_same_messages_and_none_is_fuzzy():
    from babel.messages.pofile import read_po

    ids = {}
    for lang in LANGUAGES:
        with (LOCALES / lang / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as handle:
            catalogue = read_po(handle, locale=lang)
        ids[lang] = {(m.context, m.id) for m in catalogue if m.id}
        assert [m.id for m in catalogue if m.id and m.fuzzy] == [], lang
    assert ids["uk"] == ids["en"]


def test_a_message_missing_from_one_catalogue_is_found(tmp_path):
    shutil.copytree(LOCALES, tmp_path / "locales")
    english = tmp_path / "locales" / "en" / "LC_MESSAGES" / f"{DOMAIN}.po"
    english.write_text(
        english.read_text(encoding="utf-8").replace('msgid "not_stated"\nmsgstr "not stated"\n', ""), encoding="utf-8"
    )
    texts, _ = read_catalogues(tmp_path / "locales")
    assert texts["not_stated"] == {"uk": "не зазначено"}


def test_english_texts_have_no_cyrillic_outside_quotes():
    for key, entry in TEXTS.items():
        if key.startswith("language_"):
            continue  # the language switch is labelled in both languages and names each language in itself
        assert not CYRILLIC.search(QUOTED.sub("", entry["en"])), key
    for group, values in LABELS.items():
        for value, entry in values.items():
            assert not CYRILLIC.search(entry["en"]), f"{group}.{value}"


def _strings(value, path=""):
    """Every string in a nested dict/list, with where it was found."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, f"{path}[{index}]")


# Proto fields that carry data rather than interface text (table cells, chart specs checked below,
# printed source lines shown as code, the language switch's own names).
DATA_FIELDS = ("data", "spec", "arrowData", "styler", "id", "formId", "columns", "selectionMode", "language")


def _interface_text(app) -> list[tuple[str, str]]:
    found = []
    for node in app:
        proto = getattr(node, "proto", None)
        if proto is None or node.type in ("code", "arrow_data_frame"):
            continue
        if node.type == "plotly_chart":
            figure = json.loads(proto.spec)
            layout = figure["layout"]
            found += [
                ("chart title", layout["title"]["text"]),
                ("chart subtitle", layout["title"].get("subtitle", {}).get("text", "")),
            ]
            found += [
                (f"axis {axis}", layout[axis]["title"]["text"])
                for axis in ("xaxis", "yaxis")
                if layout.get(axis, {}).get("title", {}).get("text")
            ]
            found += [("trace name", trace["name"]) for trace in figure["data"] if trace.get("name")]
            continue
        fields = {k: v for k, v in MessageToDict(proto).items() if k not in DATA_FIELDS}
        found += list(_strings(fields, node.type))
    for table in app.dataframe:
        found += [("column header", str(column)) for column in table.value.columns]
    return found


@pytest.mark.parametrize("page", [*PAGES, "pages/methodology.py"])
def test_an_english_page_shows_no_cyrillic_outside_quotes(page):
    app = run_page(page, {"lang": "en"})
    offending = [
        (where, value)
        for where, value in _interface_text(app)
        if CYRILLIC.search(QUOTED.sub("", value)) and value not in SWITCH
    ]
    assert not offending, offending[:5]


@pytest.mark.parametrize("slide", range(1, SLIDE_COUNT + 1))
def test_an_english_slide_shows_no_cyrillic_outside_quotes(slide):
    app = run_page(None, {"lang": "en", "present": "1", "slide": str(slide)})
    offending = [
        (where, value)
        for where, value in _interface_text(app)
        if CYRILLIC.search(QUOTED.sub("", value)) and value not in SWITCH
    ]
    assert not offending, offending[:5]


def test_every_kind_of_data_issue_the_loaders_record_has_words_in_both_languages():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    source = "\n".join(path.read_text(encoding="utf-8") for path in (root / "loaders").rglob("*.py"))
    kinds = set(re.findall(r'(?:issue\(|DataIssue\()\s*"(?:info|warning|error)",\s*"([a-z_]+)"', source))
    kinds |= set(re.findall(r"'warning', '([a-z_]+)'", source))  # issues written in SQL (total_mismatch)
    kinds |= set(re.findall(r'quirk = "([a-z_]+)"', source))  # quirks of a printed number become the issue's kind
    assert {"trailing_decimal_comma", "total_mismatch", "place_not_found", "amounts_in_missing_annex"} <= kinds
    assert kinds <= set(LABELS["issue_kind"]), sorted(kinds - set(LABELS["issue_kind"]))


def test_no_interface_text_names_a_file_of_the_code():
    """Readers see what was done ("checked by hand"), never a rules file's name (loaders/rules/*.csv, *.py, *.sql)."""
    import re

    code_files = re.compile(
        r"[\w/]+\.(py|sql|toml)\b|rules/|\b(category_rules|place_pins|partner_matches|table_words|column_roles)\.csv"
    )
    named = [(key, lang) for key, texts in TEXTS.items() for lang, words in texts.items() if code_files.search(words)]
    assert named == []


def test_every_kind_of_unread_row_is_named_in_both_languages():
    """The /add page lists the rows it did not read with what each looks like: a word in the page's language, not a code."""
    from loaders.rules import read_rules_csv

    kinds = {row["kind"] for row in read_rules_csv("unread_row_patterns.csv")}
    assert kinds and kinds == set(LABELS["unread_kind"])


def test_a_locator_is_said_in_ukrainian_on_a_ukrainian_page():
    from loaders.errors import locator_in

    said = locator_in("page 3, table 1 (no ruling), row 4 (continued on page 4)", "uk")
    assert not re.search(r"[A-Za-z]", said), said
