"""Cells OCR lost that the output still gives, vouched for twice, are no part left unread (issue 16:
no unread entry on a document read completely), while the cell's flag and blank raw text still say
the value was not read; a value one sum alone gave stays told unread and queued
(``cchc_extract/reconcile/recovered.py``). The rows are built here as a dump's line reader gives
them (``test_derived_cells._lines_table``: 1.2's maximum lost, its children's 1 and 1 read)."""

from __future__ import annotations

from cchc_extract.pipeline import result_to_json
from cchc_extract.reconcile.derived import FLAG_DERIVED, derive_lost_cells
from schemas.records import ExtractionResult, ReviewItem, SourceInfo, UnreadPart
from test_derived_cells import _lines_table

LOST = "figures not read (the row's other figures were): "
TABLE_PART = "table of 3 rows × 2 columns not read (not recognised as a score or statistics table)"


def _result(table, *reasons: str) -> ExtractionResult:
    """A dump's result holding ``table`` and the unread parts told of it, each queued as the
    pipeline queues them (``/unread/N``, confidence 0)."""
    parts = [UnreadPart(page=1, kind="table" if r == TABLE_PART else "rows", reason=r, line_start=3) for r in reasons]
    review = [
        ReviewItem(item=f"/unread/{i}", field=None, reason=f"not read: {p.reason}", confidence=0.0)
        for i, p in enumerate(parts)
    ]
    return ExtractionResult(
        source=SourceInfo(path="x.txt", read_by_ocr=True), score_tables=[table], unread=parts, review=review
    )


def test_a_maximum_the_sum_and_the_set_agree_on_is_no_part_left_unread():
    table = _lines_table()
    # 1.2.1's self score was lost too: 1.2's 1,75 less 1.2.2's 1 gives it, one route alone.
    table.rows[1].self_points, table.rows[1].self_points_raw = None, None
    table.rows[1].flags.append("missing_self")
    result = _result(table, TABLE_PART, f"{LOST}1.2 max points", f"{LOST}1.2 max points, 1.2.1 self points")
    derive_lost_cells(result)
    row = table.rows[0]
    # 1.2's maximum is its children's 1 + 1, and the set's 1.2 is 2: two relations agree on it.
    assert row.max_points == 2.0 and row.max_points_raw is None and f"{FLAG_DERIVED}max_points" in row.flags
    assert table.rows[1].self_points == 0.75 and f"{FLAG_DERIVED}self_points" in table.rows[1].flags
    # The part naming 1.2's maximum alone is gone; the other names only what is still not
    # established: 1.2.1's self score, which one sum alone gave.
    assert [p.reason for p in result.unread] == [TABLE_PART, f"{LOST}1.2.1 self points"]
    # The queue follows: the gone part's entry goes, the later one points at its new place, and
    # the value one sum gave is asked about with what it came from.
    assert [(e.item, e.reason) for e in result.review] == [
        ("/unread/0", f"not read: {TABLE_PART}"),
        ("/unread/1", f"not read: {LOST}1.2.1 self points"),
        (
            "/score_tables/0/rows/1",
            "not read; derived from the sums of 1.2 self points, 1.2.2 self points (confidence 0.99)",
        ),
    ]
    # The JSON written says the same (the summary counts a document's ``unread`` entries).
    out = result_to_json(result)
    assert [p["reason"] for p in out["unread"]] == [TABLE_PART, f"{LOST}1.2.1 self points"]


def test_a_cell_told_on_its_own_entry_is_answered_there_and_a_document_so_recovered_lists_nothing_unread():
    table = _lines_table()
    result = _result(table, f"{LOST}1.2 max points")
    # (the part folded onto the cell's entry, as ``queue_once`` tells a part naming queued cells)
    result.review = [
        ReviewItem(
            item="/score_tables/0/rows/0",
            field="max_points",
            reason=f"confidence 0.01 below 0.80\nnot read: {LOST}1.2 max points",
            confidence=0.01,
        )
    ]
    derive_lost_cells(result)
    assert result.unread == [] and result.review == []
    assert table.rows[0].max_points == 2.0 and table.rows[0].max_points_raw is None


def test_a_score_one_sum_alone_gave_stays_told_unread_and_queued():
    table = _lines_table()
    # 1.2 prints 2 / (lost); its children 0,75 and 1: the one route, its children's sum, gives 1,75.
    row = table.rows[0]
    row.max_points, row.max_points_raw, row.self_points, row.self_points_raw = 2.0, "2", None, None
    row.flags = ["missing_self", "name_from_criteria_set:ca-mau_2013"]
    result = _result(table, f"{LOST}1.2 self points")
    derive_lost_cells(result)
    assert row.self_points == 1.75 and f"{FLAG_DERIVED}self_points" in row.flags
    assert [p.reason for p in result.unread] == [f"{LOST}1.2 self points"]
    assert [e.item for e in result.review] == ["/unread/0", "/score_tables/0/rows/0"]
    assert "derived from the sums of 1.2.1 self points, 1.2.2 self points" in result.review[1].reason


def test_a_maximum_a_sure_set_filled_in_that_a_sum_holding_vouches_for_is_no_part_left_unread():
    from cchc_extract.reconcile import reconcile

    table = _lines_table()
    # 1.2 read 2 / 1,75; 1.2.1's maximum lost and filled in from the set (1), its score read.
    table.rows[0].max_points, table.rows[0].max_points_raw = 2.0, "2"
    table.rows[0].flags = ["name_from_criteria_set:ca-mau_2013"]
    child = table.rows[1]
    child.max_points, child.max_points_raw = 1.0, None
    child.flags = ["name_from_criteria_set:ca-mau_2013", "max_from_criteria_set:ca-mau_2013"]
    told = "points of 1.2.1 not read (rows recovered by their names in the criteria set)"
    result = _result(table, told)
    reconcile(result)  # 1.2's maxima: 1 + 1 = 2 holds, with every member read
    assert any(c.kind == "sum_children" and c.status == "ok" for c in result.checks)
    result.review += [ReviewItem(item="/unread/0", field=None, reason=f"not read: {told}", confidence=0.0)]
    derive_lost_cells(result)
    assert result.unread == [] and result.review == []
    assert child.max_points_raw is None and "max_from_criteria_set:ca-mau_2013" in child.flags
    # The same maximum where the sum does not hold (1.2 read 3): vouched for by the set alone.
    table.rows[0].max_points, table.rows[0].max_points_raw = 3.0, "3"
    result = _result(table, told)
    reconcile(result)
    derive_lost_cells(result)
    assert [p.reason for p in result.unread] == [told]


def test_a_row_told_whole_keeps_its_part_while_a_cell_of_it_is_blank():
    """A row recovered by the criteria set's order carries no ``missing_*`` flag for the cells it
    lacks: its blank score is lost all the same, whatever its maximum's account."""
    from cchc_extract.reconcile import reconcile

    table = _lines_table()
    # 1.2 read 2 and its self score lost; 1.2.1's maximum the set's (held: 1 + 1 = 2), its score lost.
    table.rows[0].max_points, table.rows[0].max_points_raw = 2.0, "2"
    table.rows[0].self_points, table.rows[0].self_points_raw = None, None
    table.rows[0].flags = ["name_from_criteria_set:ca-mau_2013", "missing_self"]
    child = table.rows[1]
    child.max_points, child.max_points_raw = 1.0, None
    child.self_points, child.self_points_raw = None, None
    child.flags = ["row_from_set_order", "max_from_criteria_set:ca-mau_2013"]
    told = "points of 1.2.1 not read (rows recovered by their names in the criteria set)"
    result = _result(table, told)
    reconcile(result)
    derive_lost_cells(result)
    assert child.self_points is None and [p.reason for p in result.unread] == [told]
