"""A plan's task table with no code column, scanned: the section title merged across the row, "V.
Xây dựng và phát triển chính quyền điện tử, chính quyền số", came back cut by the grid at the column
rules, "V, Xây dựng và phát triển chính quyền điˆn" | "tử, chính quyền số" (the cells as OCR read
them, seed 16001's S25 scan of P07, instance 3, page 3), so it was taken for a task ("V, Xây dựng
…") and the two tasks under it were read as section IV's, wrong and not queued (truth, the
generator's: section V). A section title whose pieces after the first go on mid-sentence (a
lower-case word, no figure) is a heading (``task_sections.section_of``)."""

from __future__ import annotations

from extract.segment.joined import JoinedRow
from extract.segment.task_sections import section_of

_MAPPING = {"task": 0, "product": 1, "deadline": 2, "lead": 3, "coordinator": 4}


def _row(cells: list[str], conf: float | None = 0.9) -> JoinedRow:
    return JoinedRow(
        cells=cells, bold=[False] * len(cells), page=3, line_start=0, line_end=0, fragment=0, confs=[conf] * len(cells)
    )


def test_a_section_title_cut_at_the_column_rules_is_a_heading():
    row = _row(["V, Xây dựng và phát triển chính quyền điˆn", "tử, chính quyền số", "", "", ""])
    section, heading, title = section_of(row, _MAPPING, "IV")
    assert (section, heading) == ("V", True)
    assert title == "Xây dựng và phát triển chính quyền điˆn tử, chính quyền số"


def test_a_task_row_after_a_numeral_stays_a_task():
    # its other cells open their own text (a product, a deadline, a unit): no title going on
    row = _row(["V. Xây dựng kế hoạch", "Kế hoạch", "Quý I/2026", "Văn phòng - Thống kê", ""])
    assert section_of(row, _MAPPING, "IV")[1] is False
    row = _row(["V, Xây dựng kế hoạch", "trước ngày 15/3", "", "", ""])
    assert section_of(row, _MAPPING, "IV")[1] is False
    # a typed row (no OCR confidence) is taken as printed
    assert (
        section_of(_row(["V, Xây dựng chính quyền", "tử, chính quyền số", "", "", ""], None), _MAPPING, "IV")[1]
        is False
    )
