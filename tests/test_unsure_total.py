"""A table's stated total that OCR read unsurely (issue 14): when its rows disagree with it, the
document is not reported wrong (``mismatch``); the total goes to review as a reading we doubt
(``misread``). The case: a 300-dpi scan whose totals row prints 7,5 self points, read "5" by
Tesseract at word confidence 0.53 (its rows, all read right, add up to 7,5). A total read surely
that its rows disagree with stays the commune's fault."""

from __future__ import annotations

from cchc_extract.reconcile import reconcile
from schemas.records import ExtractionResult, ScoreRow, ScoreTable, SourceInfo, SourceRef


def _row(code: str, max_points: float, self_points: float, parent: str | None = None) -> ScoreRow:
    return ScoreRow(
        code=code,
        level=code.count(".") + 1,
        parent=parent,
        max_points=max_points,
        self_points=self_points,
        source=SourceRef(page=1),
        confidence=0.96,
    )


def _scan(total_confidence: dict[str, float]) -> ExtractionResult:
    rows = [
        _row("1", 10, 7.5),
        _row("1.1", 5, 3, "1"),
        _row("1.2", 2, 2, "1"),
        _row("1.3", 3, 2.5, "1"),
    ]
    table = ScoreTable(
        rows=rows,
        stated_total_max=10,
        stated_total_self=5,
        stated_total_confidence=total_confidence,
        read_from="ocr-lines",
    )
    return ExtractionResult(source=SourceInfo(method="ocr", read_by_ocr=True), score_tables=[table])


def _total_check(result: ExtractionResult):
    return next(c for c in result.checks if c.kind == "stated_total" and c.field == "self_points")


def test_a_total_read_unsurely_that_its_rows_disagree_with_is_a_misreading_to_review():
    result = _scan({"max_points": 0.96, "self_points": 0.53})
    reconcile(result)
    check = _total_check(result)
    assert check.status == "misread"
    assert "read as '5' may be 7,5" in check.message  # its characters with "7," lost
    assert any(r.item == "/score_tables/0" and r.field == "self_points" for r in result.review)
    assert not [c for c in result.checks if c.status == "mismatch"]


def test_a_total_read_surely_that_its_rows_disagree_with_stays_the_communes_fault():
    result = _scan({"max_points": 0.96, "self_points": 0.96})
    reconcile(result)
    assert _total_check(result).status == "mismatch"
    # and with no confidence known (a typed document), the same
    typed = _scan({})
    typed.source = SourceInfo(method="text")
    reconcile(typed)
    assert _total_check(typed).status == "mismatch"


def test_a_total_whose_characters_are_the_rows_sum_with_some_lost_is_one_entry():
    """The "5" read at 0.53 is "7,5" with "7," lost: the rows' sum is a reading of the total's
    own characters, so the total alone goes to review with 7,5 offered (one doubt, one entry),
    not the total and the top row beside it."""
    result = _scan({"max_points": 0.96, "self_points": 0.53})
    reconcile(result)
    entries = [(r.item, r.field, r.alternatives) for r in result.review]
    assert entries == [("/score_tables/0", "self_points", [7.5])]


def test_a_total_read_unsurely_whose_characters_are_not_the_sums_keeps_its_suspects():
    """An unsure "6" is no part of "7,5": nothing says which of the total and the top row is
    wrong, so both stay in the queue."""
    result = _scan({"max_points": 0.96, "self_points": 0.53})
    result.score_tables[0].stated_total_self = 6
    reconcile(result)
    assert _total_check(result).status == "misread"
    assert {(r.item, r.field) for r in result.review} == {
        ("/score_tables/0", "self_points"),
        ("/score_tables/0/rows/0", "self_points"),
    }
