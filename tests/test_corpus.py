"""The reader on the generated corpus of the genre (bench/synthetic/corpus): every number it returns is the model's.

- The committed sample (tests/fixtures/corpus/: .docx, LibreOffice's PDF of a .docx, .txt in UTF-8 and cp1251, each
  beside the model it was rendered from) needs no LibreOffice: every document gives no wrong number and no silent
  gap; the Word and text files are read fully right.
- Hypothesis draws fresh models and renders them as .docx and .txt (PDF needs LibreOffice: the sweep,
  ``python -m bench.synthetic.corpus --sweep 500``, does those): each is read fully right.
- The comparison itself is checked: a model that differs from its document by one number is caught.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from bench.synthetic.corpus.check import _said_cut_short, check
from bench.synthetic.corpus.model import DIMENSIONS, Programme, programmes
from bench.synthetic.corpus.render import render
from loaders.extract import DataIssue

SAMPLE = Path(__file__).parent / "fixtures" / "corpus"
MODELS = sorted(SAMPLE.glob("*.json"))


def _document(model: Path) -> Path:
    return next(p for p in SAMPLE.glob(f"{model.stem}.*") if p.suffix != ".json")


def test_the_sample_is_committed_and_covers_every_dimension_value():
    assert len(MODELS) >= 60
    layouts = [Programme.from_json(m.read_text(encoding="utf-8")).layout for m in MODELS]
    missing = [
        (name, value)
        for name, values in DIMENSIONS.items()
        for value in values
        if not any(lay[name] == value for lay in layouts)
    ]
    assert missing == []


@pytest.mark.parametrize("model", MODELS, ids=lambda p: p.stem)
def test_no_wrong_number_and_no_silent_gap(model: Path):
    p = Programme.from_json(model.read_text(encoding="utf-8"))
    result = check(p, _document(model))
    assert result.outcome not in ("wrong", "silent"), result.summary()
    if p.layout["format"] != "pdf":
        assert result.outcome == "right", result.summary()


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(
    p=programmes(fixed={"format": "docx"})
    | programmes(fixed={"format": "txt-utf8"})
    | programmes(fixed={"format": "txt-cp1251"})
)
def test_word_and_text_documents_read_fully_right(p: Programme, tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    result = check(p, render(p, folder, "generated"))
    assert result.outcome == "right", f"{p.layout}\n{result.summary()}"


def _first_stated(p: Programme) -> tuple[int, int]:
    for m, measure in enumerate(p.measures):
        for year, value in measure.amounts.items():
            if isinstance(value, int) and value:
                return m, year
    raise AssertionError("the model plans no money")


def _financed_in_a_table(model: Path) -> bool:
    return Programme.from_json(model.read_text(encoding="utf-8")).layout["financing"] == "table"


@pytest.mark.parametrize(
    "model", [m for m in MODELS if "_txt" in m.stem and _financed_in_a_table(m)][:3], ids=lambda p: p.stem
)
def test_the_comparison_catches_one_wrong_number(model: Path):
    p = Programme.from_json(model.read_text(encoding="utf-8"))
    altered = copy.deepcopy(p)
    m, year = _first_stated(altered)
    altered.measures[m].amounts[year] += 1000
    result = check(altered, _document(model))
    assert result.outcome == "wrong"
    assert any(f"measure {m + 1}, {year}" in w for w in result.wrong)


@pytest.mark.parametrize("model", [m for m in MODELS if "_txt" in m.stem][:3], ids=lambda p: p.stem)
def test_the_comparison_catches_a_dropped_partner(model: Path):
    p = Programme.from_json(model.read_text(encoding="utf-8"))
    fewer = copy.deepcopy(p)
    fewer.partners = fewer.partners[1:]
    result = check(fewer, _document(model))
    assert result.outcome == "wrong" and any(p.partners[0].name in w for w in result.wrong)


READ_RIGHT = Path(__file__).parent / "fixtures" / "corpus_read_right"


@pytest.mark.parametrize("model", sorted(READ_RIGHT.glob("*.json")), ids=lambda p: p.stem)
def test_word_processor_pdfs_of_layouts_once_missed_read_fully_right(model: Path):
    """LibreOffice's PDFs of generated documents the sweep once read only in part (bulleted measures under a «№ з/п»
    header with no numbers below it, a borderless table going on over pages with its first column indented or its
    empty columns missing, a merged cell's text alone on a new page, «1» / «658 000,00» wrapped in a passport cell,
    years wrapped inside narrow header cells or joined in one header line, a cell's yearly totals going on in a box, a
    header repeated at a page's foot read with columns of its own, a row number «а)» and the amounts wrapped letter by
    letter in narrow columns, a total's decimals alone at a page's top under the repeated header, a header at a page's
    foot whose amount title goes on above the year titles on the next page, a table going on under a header whose
    «№» column is set apart where the first page's was read into the measures' column, year titles joined in one line
    with the part of the sum's title a narrow column left there, «Всьо» / «го», the table's own header back after a
    garbled one at a page's foot, «N з/п» merged into «Заходи», the header printed again as text in the council's
    own column titles, a second header titling its amount column beside the years where the first titled it above
    them, or over amounts printed with their years in one cell, an amount title across the years whose first line
    fits one column, «Потреба у» / «фінансуванні, мільйонів гривень», the header printed again as text with its narrow
    cells' words broken over lines «з ння 2026 2027 Всьог» / «о» / «/» / «п», a table going on under its header set
    apart otherwise whose unit, «млн грн», was lost with the header's second line, a second table's header whose first
    two columns stand apart over rows that still merge them as the first table's header did, an amount title whose
    unit wrapped to a row of its own under it, «Обсяг фінансування за» / «роками, грн», once read as thousands)."""
    p = Programme.from_json(model.read_text(encoding="utf-8"))
    result = check(p, model.with_suffix(".pdf"))
    assert result.outcome == "right", result.summary()


def test_a_name_read_only_in_its_beginning_is_a_gap_only_where_the_reader_said_so():
    """The comparison takes a measure's name cut short as a said gap only with ``title_cut_short`` at its line;
    without it, or for a name that is not the beginning of the model's, it stays wrong."""
    read = {"measure_title": "Підготовка заявок з метою розширення зв'язків,", "source_line": 7}
    model = "Підготовка заявок з метою розширення зв'язків, залучення інвестицій"
    said = [DataIssue("warning", "title_cut_short", "…", 7)]
    assert _said_cut_short(read, model, said)
    assert not _said_cut_short(read, model, [DataIssue("warning", "title_cut_short", "…", 8)])
    assert not _said_cut_short(read, "Переклад матеріалів", said)
