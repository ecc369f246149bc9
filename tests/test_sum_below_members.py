"""A failed sum whose stated figure is below every member read queues the stated figure, not the
members (``cchc_extract.reconcile.suspects.below_every_member``, issue 14): no reading of one member
makes a sum that small, so the doubt is the parent's figure or its place (OCR lost the code of
"1.1.1" and its place made it "1"; a parent's "11" read "1"). The relation is still OCR's
misreading, not the commune's fault, and a member still goes to review for its own doubt."""

from __future__ import annotations

from cchc_extract.reconcile import reconcile
from schemas.records import ExtractionResult, ScoreRow, ScoreTable, SourceInfo, SourceRef


def _row(code: str, line: int, mx: float, own: float, confidence: float = 0.92, *flags: str) -> ScoreRow:
    return ScoreRow(
        code=code,
        code_raw=None if "code_inferred" in flags else code,
        name=f"Tiêu chí {code}",
        name_raw=f"Tiêu chí {code}",
        level=code.count(".") + 1,
        max_points=mx,
        max_points_raw=f"{mx:g}".replace(".", ","),
        self_points=own,
        self_points_raw=f"{own:g}".replace(".", ","),
        confidence=confidence,
        flags=list(flags),
        source=SourceRef(page=1, line_start=line, line_end=line),
    )


def _dump(rows: list[ScoreRow], ocr: bool = True) -> ExtractionResult:
    return ExtractionResult(source=SourceInfo(method="text", read_by_ocr=ocr), score_tables=[ScoreTable(rows=rows)])


def _sum_entries(result: ExtractionResult, code: str) -> set[tuple[str, str | None]]:
    return {(r.item, r.field) for r in result.review if r.reason and r.reason.startswith(f"{code}: max points")}


def test_a_parent_below_every_sub_criterion_is_queued_alone():
    # "1" (its code placed by position) states 1 over four sub-criteria of 2 and 2,5.
    rows = [
        _row("1", 10, 1, 1, 0.57, "code_inferred"),
        _row("1.1", 11, 2, 2),
        _row("1.2", 12, 2.5, 2.5),
        _row("1.3", 13, 2, 1.5),
        _row("1.4", 14, 2.5, 2),
    ]
    result = _dump(rows)
    reconcile(result)
    (check,) = [c for c in result.checks if c.kind == "sum_children" and c.field == "max_points"]
    assert check.status == "misread"  # OCR's doing, not the commune's fault
    assert _sum_entries(result, "1") == {("/score_tables/0/rows/0", "max_points")}


def test_a_parent_a_member_could_reach_keeps_its_members_queued():
    # 1,5 under 2 and 2,5: a member read one place up ("25" for 2,5) could make that sum; the
    # members stay the suspects they are.
    rows = [
        _row("1", 10, 1.5, 1, 0.57, "code_inferred"),
        _row("1.1", 11, 2, 2),
        _row("1.2", 12, 1, 1),
    ]
    result = _dump(rows)
    reconcile(result)
    entries = _sum_entries(result, "1")
    assert ("/score_tables/0/rows/1", "max_points") in entries or ("/score_tables/0/rows/2", "max_points") in entries
