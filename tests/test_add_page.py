"""The "Add a programme" page: an uploaded document is read, shown, and compared for this session only;
a hostile file gets one sentence in the user's language and changes nothing."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from bench.synthetic.bad_files import BAD_FILES
from bench.synthetic.fixture_documents import make_docx
from loaders.build import DATA_DIR, DB_ENV_VAR
from loaders.errors import read_error_messages
from loaders.read import DEFAULT_LIMITS
from programme_analysis.formatting import escape_markdown
from programme_analysis.issue_messages import issue_message
from programme_analysis.texts import text
from tests.left_out import LEFT_OUT, build_shared

ENTRY = str(Path(__file__).resolve().parent.parent / "dashboard.py")
GOLDEN = Path(__file__).parent / "golden"
MIME = {
    ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pdf": "application/pdf",
    ".txt": "text/plain",
}


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Path:
    return build_shared(tmp_path_factory)


def _app(shared: Path, monkeypatch, lang: str = "uk") -> AppTest:
    monkeypatch.setenv(DB_ENV_VAR, str(shared))
    at = AppTest.from_file(ENTRY, default_timeout=240)
    if lang != "uk":
        at.query_params["lang"] = lang
    at.run()
    at.switch_page("pages/add_programme.py").run()
    assert not at.exception
    return at


def _upload(at: AppTest, path: Path) -> AppTest:
    at.file_uploader(key="add_upload").set_value(
        (path.name, path.read_bytes(), MIME.get(path.suffix, "application/octet-stream"))
    )
    at.run()
    assert not at.exception, at.exception
    return at


def _golden_years(community_id: str) -> dict[int, str]:
    with open(GOLDEN / "programme_totals.csv", encoding="utf-8") as handle:
        return {int(r["year"]): r for r in csv.DictReader(handle) if r["community_id"] == community_id}


def test_an_uploaded_docx_is_read_shown_and_compared_for_this_session_only(shared, tmp_path, monkeypatch):
    before = shared.read_bytes()
    document = make_docx(DATA_DIR / "sources" / LEFT_OUT["source_file"], tmp_path / "programme.docx")
    at = _upload(_app(shared, monkeypatch), document)
    assert not at.error, [e.value for e in at.error]
    community = LEFT_OUT["community_id"]
    with open(DATA_DIR / "sources" / "communities.csv", encoding="utf-8") as handle:
        expected = next(r for r in csv.DictReader(handle) if r["community_id"] == community)
    shown = " ".join(m.value for m in at.markdown)
    assert escape_markdown(expected["name_uk"]) in shown and escape_markdown(expected["katottg"]) in shown
    assert any(b.label == text("add_compare", "uk") for b in at.button)

    next(b for b in at.button if b.label == text("add_compare", "uk")).click().run()
    assert next(s.value for s in at.success) == text("add_compared", "uk")
    at.switch_page("pages/overview.py").run()
    assert not at.exception
    assert expected["name_uk"] in [s.value for s in at.header]
    at.switch_page("pages/spending_by_year.py").run()
    years = at.get("plotly_chart")
    assert years and not at.exception
    # the sidebar's "all years" and "all communities" grew with the upload: its years are charted
    spec = json.loads(years[0].proto.spec)
    assert any(trace.get("name") == expected["name_uk"] for trace in spec["data"])
    # on the peers page the upload is ranked and on the map of communities with programmes
    at.switch_page("pages/peer_comparison.py").run()
    assert not at.exception
    assert expected["name_uk"] in at.dataframe[0].value.iloc[:, 2].tolist()
    peers_map = json.loads(at.get("plotly_chart")[1].proto.spec)
    assert any(expected["name_uk"] in trace.get("text", []) for trace in peers_map["data"])
    assert shared.read_bytes() == before  # the shared database is never written

    other = AppTest.from_file(ENTRY, default_timeout=240)  # another session sees nothing of it
    other.run()
    assert expected["name_uk"] not in [s.value for s in other.header]


HOSTILE = [
    "corrupt zip",
    "zip bomb (ratio)",
    "password-protected PDF",
    "image-only PDF at a huge resolution",
    "PDF of a thousand blank pages",
    "300-page PDF",
    "garbage named .pdf",
    "old binary .doc",
]


# every hostile file in Ukrainian (the default), two of them in English too
@pytest.mark.parametrize(
    ("case", "lang"),
    [(case, "uk") for case in HOSTILE] + [("corrupt zip", "en"), ("image-only PDF at a huge resolution", "en")],
)
def test_a_hostile_file_gets_one_sentence_in_the_users_language_and_changes_nothing(
    case, lang, shared, tmp_path, monkeypatch
):
    make, kind = BAD_FILES[case]
    path = make(tmp_path)
    before = shared.read_bytes()
    at = _upload(_app(shared, monkeypatch, lang), path)
    errors = [e.value for e in at.error]
    assert len(errors) == 1, errors
    template = read_error_messages()[kind][lang].split("{")[0].strip()
    assert escape_markdown(template[:40]) in errors[0]
    assert shared.read_bytes() == before
    assert not at.get("plotly_chart")


def test_a_file_over_the_size_limit_is_refused(shared, tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    line = "Програма міжнародного співробітництва на 2024 рік\n".encode()
    path.write_bytes(line * (DEFAULT_LIMITS.max_file_bytes // len(line) + 1))
    assert path.stat().st_size > DEFAULT_LIMITS.max_file_bytes
    at = _upload(_app(shared, monkeypatch), path)
    errors = [e.value for e in at.error]
    assert (
        len(errors) == 1
        and escape_markdown(read_error_messages()["too_large"]["uk"].split("{")[0].strip()[:30]) in errors[0]
    )


def test_document_text_with_markup_is_shown_as_printed(shared, tmp_path, monkeypatch):
    source = (DATA_DIR / "sources" / LEFT_OUT["source_file"]).read_text(encoding="utf-8")
    hostile = source.replace("Програма ", "<script>alert(1)</script> **Програма ")  # wherever the title is read from
    path = tmp_path / "programme.txt"
    path.write_text(hostile, encoding="utf-8")
    at = _upload(_app(shared, monkeypatch), path)
    assert not at.error, [e.value for e in at.error]
    with duckdb.connect(str(shared), read_only=True) as con:
        assert con.execute("SELECT COUNT(*) FROM programmes WHERE title_uk LIKE '%<script>%'").fetchone()[0] == 0
    title = next(m.value for m in at.markdown if m.value.startswith(f"**{text('add_title', 'uk')}:**"))
    assert escape_markdown("<script>alert(1)</script> **Програм") in title


def _community_name(community_id: str) -> str:
    with open(DATA_DIR / "sources" / "communities.csv", encoding="utf-8") as handle:
        return next(r["name_uk"] for r in csv.DictReader(handle) if r["community_id"] == community_id)


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_a_programme_whose_measures_cannot_be_read_is_shown_with_what_was_read_and_the_gap(
    lang, shared, tmp_path, monkeypatch
):
    source = (DATA_DIR / "sources" / LEFT_OUT["source_file"]).read_text(encoding="utf-8")
    # as the community's own document names it
    council = re.search(r"[А-ЯІЇЄҐ]\w+(?:ської|цької|зької) (?:міської|селищної|сільської) ради", source).group()
    path = tmp_path / "short_programme.txt"
    path.write_text(
        f"ЗАТВЕРДЖЕНО рішенням {council} від 12.12.2030 № 5\n"
        f"Програма міжнародного співробітництва міста {_community_name(LEFT_OUT['community_id'])} на 2031 рік\n"
        "Обсяг фінансування Програми на 2031 рік становить 75,0 тис. гривень.\n"
        "1. Візити делегацій до міст-партнерів.\n",
        encoding="utf-8",
    )
    at = _upload(_app(shared, monkeypatch, lang), path)
    assert not at.error, [e.value for e in at.error]  # not refused
    shown = " ".join(str(v) for frame in at.dataframe for v in frame.value.astype(str).to_numpy().ravel())
    assert issue_message("measures_not_found", "", lang) in shown  # the gap is said, in the user's language
    assert any(b.label == text("add_compare", lang) for b in at.button), (
        [b.label for b in at.button],
        [w.value for w in at.warning],
        path.read_text(),
    )
    how = next(c.value for c in at.caption if c.value.startswith(text("add_how_matched", lang)))
    assert (
        ("знайдено в реєстрі" in how and "matched" not in how and "score" not in how)
        if lang == "uk"
        else "matched in the register" in how
    )


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_a_file_with_no_programme_gets_one_sentence_in_the_users_language(lang, shared, tmp_path, monkeypatch):
    path = tmp_path / "minutes.txt"
    path.write_text("Протокол засідання\nПрисутні: 5 осіб\n", encoding="utf-8")
    before = shared.read_bytes()
    errors = [e.value for e in _upload(_app(shared, monkeypatch, lang), path).error]
    assert len(errors) == 1 and escape_markdown(read_error_messages()["no_programme"][lang][:40]) in errors[0]
    assert shared.read_bytes() == before
