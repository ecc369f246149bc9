"""A points cell OCR printed with a mark misread — a slash for its decimal comma ("1/75" for 1,75: the
comma's stroke drawn taller by a blur), a speck glued on its edge ("_1,75") — reads as no number in a
grid, whose cells are parsed alone; when the table's sums give the cell the value its own characters
spell read as the line reader reads a points cell (``points_cell``), the page has said the value twice
(the sum and the cell's digits), as two routes agreeing would: the derived value leaves the queue and
the cell is no part left unread (issue 16), while its flag and its raw text still say how it was read
(``cchc_extract/reconcile/derived.py``, ``printed_as_derived``). The rows are built here as a scan's
grid reader gives them: 1.2 prints 2 / (the cell), its children 1 / 0,75 and 1 / 1."""

from __future__ import annotations

import pytest

from cchc_extract.reconcile.derived import FLAG_DERIVED, derive_lost_cells
from cchc_extract.reconcile.settings import ReconcileSettings
from schemas.records import ExtractionResult, ReviewItem, SourceInfo, UnreadPart
from test_derived_cells import _lines_table


def _result(printed: str) -> ExtractionResult:
    """1.2's self score printed ``printed``, read as no number, told unread and queued as the
    pipeline tells a grid cell whose characters gave no number."""
    table = _lines_table()
    row = table.rows[0]
    row.max_points, row.max_points_raw = 2.0, "2"
    row.self_points, row.self_points_raw = None, printed
    row.flags = ["number_unsure", "missing_self", "name_from_criteria_set:ca-mau_2013"]
    table.read_from = "grid"
    reason = f"figures not read (printed, but not as a number): 1.2 self points printed '{printed}'"
    return ExtractionResult(
        source=SourceInfo(path="scan.pdf", read_by_ocr=True),
        score_tables=[table],
        unread=[UnreadPart(page=1, kind="rows", reason=reason, line_start=3)],
        review=[
            ReviewItem(
                item="/score_tables/0/rows/0",
                field="self_points",
                raw=printed,
                reason=f"not read: {reason}",
                confidence=0.36,
            )
        ],
    )


@pytest.mark.parametrize("printed", ["1/75", "1:75", "_1,75", "1,75`"])
def test_a_cell_printed_with_a_mark_misread_confirms_the_value_its_sum_gives(printed):
    result = _result(printed)
    derive_lost_cells(result)
    row = result.score_tables[0].rows[0]
    # 1.2.1's 0,75 and 1.2.2's 1 add up to 1,75, the figure the cell's digits spell.
    assert row.self_points == 1.75 and f"{FLAG_DERIVED}self_points" in row.flags
    assert row.self_points_raw == printed  # as OCR printed it
    assert result.unread == [] and result.review == []


def test_a_slashed_figure_the_sum_does_not_give_is_no_witness_and_the_cell_stays_told():
    # "1/25" is not the children's 1,75 (a digit misread, or a fault in the sum): one route alone.
    result = _result("1/25")
    derive_lost_cells(result)
    row = result.score_tables[0].rows[0]
    assert row.self_points == 1.75 and f"{FLAG_DERIVED}self_points" in row.flags
    assert [p.reason for p in result.unread] == [
        "figures not read (printed, but not as a number): 1.2 self points printed '1/25'"
    ]
    assert [e.item for e in result.review] == ["/score_tables/0/rows/0"]
    assert "derived from the sums of 1.2.1 self points, 1.2.2 self points" in result.review[0].reason
    # The knob off, the right figure is one route too.
    result = _result("1/75")
    derive_lost_cells(result, ReconcileSettings(derived_witness_in_print=False))
    assert len(result.unread) == 1 and [e.item for e in result.review] == ["/score_tables/0/rows/0"]
