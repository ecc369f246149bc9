"""The twenty-second batch of layouts, typed (seed 18341 of tools/make_corpus.py; every expected
value is the generator's truth file beside the document):

- carry lines at a page break ("Cộng chuyển trang", "Cộng trang trước chuyển sang"): before, each
  was read as a criterion with a code inferred for it (extract/segment/carry_lines.py);
- self points split under a merged "Điểm tự chấm" ("Điểm theo tiêu chí | Điểm cộng | Tổng"):
  before, the first part was the self points and the bonus the appraised points; the sum's
  sub-column is the self points (extract/segment/self_subcolumns.py);
- an annex pairing plan and result per half year and for the year, each period merged over "Kế
  hoạch | Thực hiện" ("KH | TH"): before, the table was taken for a plan's targets (no annex, told
  nothing), its values left blank, or "KH | TH" read as a score table's points; the merged period
  is carried to its sub-columns (extract/segment/header_groups.py) and the year's result is the
  value (extract/segment/stat_period_parts.py);
- an annex printing a unit once for a run (merged down, or "nt" in the later cells): before, the
  rows under the merge had no unit and the others the unit "nt" (extract/segment/stat_unit_once.py)."""

import json
from pathlib import Path

import pytest

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.carry_lines import is_carry_line, opens_with_carry
from extract.segment.stat_unit_once import is_ditto
from normalize.text import fold

DATA = Path(__file__).parent / "data" / "batch72"


def _truth(name: str) -> dict:
    return json.loads((DATA / f"{name}.truth.json").read_text())


def _read(name: str) -> dict:
    return result_to_json(convert_file(DATA / name))


def _scores(doc: dict) -> list[tuple]:
    return [(r["code"], r["max_points"], r["self_points"]) for t in doc["score_tables"] for r in t["rows"]]


def _stats(doc: dict, field: str) -> list[tuple]:
    return [(r["code"], r.get(field)) for t in doc["statistics"] for r in t["rows"]]


def test_carry_lines_at_a_page_break_are_no_rows():
    name = "s18341-n90-i1-carry-lines-out-and-in.docx"
    assert _scores(_read(name)) == _scores(_truth(name))


def test_the_self_points_are_the_sum_of_their_sub_columns():
    name = "s18341-n91-i4-self-split-parts-first.docx"
    assert _scores(_read(name)) == _scores(_truth(name))


@pytest.mark.parametrize(
    "name", ["s18341-n92-i1-half-plans-halves-first.docx", "s18341-n92-i3-half-plans-halves-first.pdf"]
)
def test_the_years_result_is_the_value_of_an_annex_by_half_year(name):
    out, truth = _read(name), _truth(name)
    assert _stats(out, "value") == _stats(truth, "value")
    assert out["score_tables"] == []  # ("KH | TH": no "khung điểm" and "thang điểm")


@pytest.mark.parametrize("name", ["s18341-n93-i1-unit-once-merged.pdf", "s18341-n93-i2-unit-once-ditto.docx"])
def test_a_unit_printed_once_is_each_rows_unit(name):
    assert _stats(_read(name), "unit") == _stats(_truth(name), "unit")


@pytest.mark.parametrize(
    ("label", "carry"),
    [
        ("Cộng chuyển trang", True),
        ("Cộng chuyển sang trang sau", True),
        ("Cộng trang", True),
        ("Số trang trước chuyển sang", True),
        ("Tổng cộng", False),
        ("Cộng", False),
        ("Trang thông tin điện tử", False),
    ],
)
def test_a_carry_lines_label(label, carry):
    assert is_carry_line(fold(label)) is carry


@pytest.mark.parametrize(
    ("line", "carry"),
    [
        # OCR dump lines as Tesseract's English model read the generator's carry labels
        ("Trang truéc chuyén sang 10 7,5", True),
        ("Cong trang 10 7,5STT N6Oi dung tiéu chi Diém Diém Van ban kiém", True),  # the next page's header glued on
        ("1.2 | Bao cao CCHC 2 1,25", False),
        ("Chuyển sang trang mới xyz", False),
    ],
)
def test_a_carry_line_in_a_dump(line, carry):
    assert (is_carry_line(fold(line)) or opens_with_carry(fold(line))) is carry


@pytest.mark.parametrize(
    ("cell", "ditto"), [("nt", True), ("-nt-", True), ("Nt", True), ("Như trên", True), ("Người", False), ("", False)]
)
def test_a_ditto_unit(cell, ditto):
    assert is_ditto(cell) is ditto
