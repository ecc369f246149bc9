"""The eighteenth batch of layouts, typed (seed 14271 of tools/make_corpus.py, truth the generator's):
a plan's units as columns marked "CT"/"PH" or "Chủ trì"/"Phối hợp" (extract/segment/task_unit_matrix.py)
and a criterion's evidence printed as a row of its own under it (extract/segment/evidence_rows.py)."""

import json
from pathlib import Path

import pytest

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.evidence_rows import evidence_text
from extract.segment.joined import JoinedRow
from extract.segment.task_budget import total_row
from extract.segment.task_unit_matrix import mark_of

DATA = Path(__file__).parent / "data" / "batch68"


def _truth(name: str) -> dict:
    return json.loads((DATA / f"{name}.truth.json").read_text())


@pytest.mark.parametrize("name", ["s14271-n76-i1-unit-matrix-letters.pdf", "s14271-n76-i2-unit-matrix-words.docx"])
def test_units_marked_in_a_matrix_give_lead_and_coordinators(name):
    out = result_to_json(convert_file(DATA / name))
    fields = ("task", "lead", "coordinator")
    got = [tuple(r.get(f) for f in fields) for t in out["task_tables"] for r in t["rows"]]
    assert got == [tuple(r.get(f) for f in fields) for r in _truth(name)["task_rows"]]
    # (the marks are no unit's name, nor a column of their own)
    assert not any(r["extra"] or r["official"] for t in out["task_tables"] for r in t["rows"])


def test_a_mark_is_a_cell_of_a_mark_alone():
    assert mark_of("CT") == "lead" and mark_of("Chủ trì") == "lead" and mark_of(" PH ") == "coordinator"
    assert mark_of("Phối hợp") == "coordinator"
    assert mark_of("Công chức Tư pháp - Hộ tịch chủ trì") is None and mark_of("") is None


@pytest.mark.parametrize(
    "name", ["s14271-n75-i3-evidence-rows-labelled.docx", "s14271-n75-i2-evidence-rows-bracketed.pdf"]
)
def test_evidence_rows_are_their_criterion_s_explanation(name):
    out = result_to_json(convert_file(DATA / name))
    truth = _truth(name)
    fields = ("code", "name", "max_points", "self_points", "explanation")
    got = [tuple(r.get(f) or None for f in fields) for t in out["score_tables"] for r in t["rows"]]
    assert got == [tuple(r.get(f) or None for f in fields) for t in truth["score_tables"] for r in t["rows"]]
    assert any(r.get("explanation") for t in truth["score_tables"] for r in t["rows"])


def _row(*cells: str) -> JoinedRow:
    return JoinedRow(cells=list(cells), bold=[False] * len(cells), page=1, line_start=0, line_end=0, fragment=0)


def test_evidence_text_needs_a_label_or_brackets():
    label = "Tài liệu kiểm chứng: Quyết định số 252/QĐ-UBND ngày 10/06/2014"
    assert evidence_text(_row(label, label, label)) == "Quyết định số 252/QĐ-UBND ngày 10/06/2014"
    assert evidence_text(_row("", "(Công văn số 99/CV-VP)", "(Công văn số 99/CV-VP)")) == "Công văn số 99/CV-VP"
    assert evidence_text(_row("1.2", "Giải trình: x", "1", "1")) is None  # a criterion's row
    assert evidence_text(_row("", "Giải trình kết quả thực hiện", "", "")) is None  # no label's colon


# A crop of seed 14271's S33 scan of N77 (s33-i4-n77-i4-budget-total-first.pdf, page 2: the header,
# the total row "Cộng | 97" printed first and the first two sections). The generator's truth: tasks
# 1-2 under section I, 3-5 under II.
SCAN_TRUTH = [("I", "1"), ("I", "2"), ("II", "3"), ("II", "4"), ("II", "5")]


def test_a_total_row_printed_first_opens_no_section():
    out = result_to_json(convert_file(DATA / "s14271-s33-i4-n77-total-first-crop.jpg"))
    got = [(r["section"], r["code"]) for t in out["task_tables"] for r in t["rows"]]
    assert got == SCAN_TRUTH
    assert total_row(["Tổng cộng", "Tổng cộng", "Tổng cộng", "57,5", "", ""])
    assert not total_row(["TỔNG KẾT", "Đánh giá kết quả", "", ""])  # a heading's words, no sums
