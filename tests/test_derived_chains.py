"""Lost cells the sums determine in chains (``reconcile.derived``, ``derive_in_chains``): a row
whose whole line OCR lost (1.1, 1.2: no figure read, the maximum the set's) has its scores, the
appraised one too, as its children's added up; then 1.3's lost scores are 1's less 1.1's and
1.2's, a sum that held two lost cells until the first pass derived them. A value derived from a
derived one is never confirmed: it stays queued, and told unread."""

from __future__ import annotations

from cchc_extract.reconcile.derived import FLAG_DERIVED, derive_lost_cells, table_derivations
from cchc_extract.reconcile.settings import ReconcileSettings
from normalize.criteria import load_criteria_sets
from schemas.records import ExtractionResult, ScoreRow, ScoreTable, SourceInfo

SET_FLAG = "name_from_criteria_set:ca-mau_2013"


def _row(code: str, parent: str | None, most: float, scores: tuple[float, float] | None, flags: list[str]) -> ScoreRow:
    self_, appraised = scores if scores is not None else (None, None)
    raw = None if scores is None else (f"{self_:g}", f"{appraised:g}")
    return ScoreRow(
        code=code,
        parent=parent,
        level=code.count(".") + 1,
        name=code,
        max_points=most,
        self_points=self_,
        appraised_points=appraised,
        max_points_raw=f"{most:g}" if "max_from_criteria_set:ca-mau_2013" not in flags else None,
        self_points_raw=raw and raw[0],
        appraised_points_raw=raw and raw[1],
        value_confidence={"max_points": 0.99, "self_points": 0.99, "appraised_points": 0.99},
        flags=[SET_FLAG, *flags],
    )


def _table() -> ScoreTable:
    """Field 1 of the ca-mau 2013 set as a dump reads it: 1 prints 10 / 8 / 8; the lines of 1.1
    and 1.2 lost every figure (only ``missing_self`` flagged, no appraised cell beside a figure
    read to flag); 1.3 printed its maximum and two cells OCR garbled."""
    lost_line = ["missing_self", "max_from_criteria_set:ca-mau_2013"]
    return ScoreTable(
        rows=[
            _row("1", None, 10.0, (8.0, 8.0), []),
            _row("1.1", "1", 5.0, None, lost_line),
            _row("1.1.1", "1.1", 1.0, (0.0, 0.0), []),
            _row("1.1.2", "1.1", 1.0, (1.0, 1.0), []),
            _row("1.1.3", "1.1", 1.0, (1.0, 1.0), []),
            _row("1.1.4", "1.1", 2.0, (1.5, 1.5), []),
            _row("1.2", "1", 2.0, None, lost_line),
            _row("1.2.1", "1.2", 1.0, (1.0, 1.0), []),
            _row("1.2.2", "1.2", 1.0, (1.0, 1.0), []),
            _row("1.3", "1", 3.0, None, ["missing_self", "missing_appraised"]),
        ],
        read_from="lines",
    )


def _derive(s: ReconcileSettings = ReconcileSettings()) -> tuple[ExtractionResult, dict[str, ScoreRow]]:
    table = _table()
    result = ExtractionResult(source=SourceInfo(path="x.txt", read_by_ocr=True), score_tables=[table])
    derive_lost_cells(result, s)
    return result, {r.code or "": r for r in table.rows}


def test_a_lost_lines_appraised_cell_is_lost_with_its_self_score():
    cset = next(c for c in load_criteria_sets() if c.id == "ca-mau_2013")
    found = {(d.row, d.field): d.value for d in table_derivations(0, _table(), cset, ReconcileSettings())}
    # 1.1 and 1.2: self and appraised as their children's added up (the appraised cell never
    # flagged missing: its line read no figure at all); 1.3's sum still holds two lost cells.
    assert found == {
        (1, "self_points"): 3.5,
        (1, "appraised_points"): 3.5,
        (6, "self_points"): 2.0,
        (6, "appraised_points"): 2.0,
    }


def test_a_sum_left_with_one_lost_cell_once_the_others_are_derived_gives_it_chained_and_queued():
    result, rows = _derive()
    assert (rows["1.3"].self_points, rows["1.3"].appraised_points) == (2.5, 2.5)  # 8 - 3,5 - 2
    assert {f"{FLAG_DERIVED}self_points", f"{FLAG_DERIVED}appraised_points"} <= set(rows["1.3"].flags)
    assert rows["1.3"].self_points_raw is None  # derived, not read
    # Chained: derived from derived cells, never confirmed, so each stays in the review queue.
    queued = {(e.item, e.field) for e in result.review}
    assert {("/score_tables/0/rows/9", "self_points"), ("/score_tables/0/rows/9", "appraised_points")} <= queued
    assert all("derived from the sums of" in e.reason for e in result.review if e.item.endswith("/rows/9"))


def test_without_chains_the_sum_holding_two_lost_cells_gives_nothing():
    _, rows = _derive(ReconcileSettings(derive_in_chains=False))
    assert (rows["1.1"].self_points, rows["1.3"].self_points, rows["1.3"].appraised_points) == (3.5, None, None)


def test_the_benchmark_counts_a_derived_cell_still_queued_as_not_read():
    # The document as the pipeline writes it: 1.3's derived cells queued, so the benchmark's
    # "read whole" figure does not take it for read (README, section 6: told unread and queued).
    from benchmarks.corpus_scoring import derived_unconfirmed
    from cchc_extract.pipeline import result_to_json

    result, _ = _derive()
    cells = derived_unconfirmed(result_to_json(result))
    assert ("/score_tables/0/rows/9", "self_points") in cells and (
        "/score_tables/0/rows/9",
        "appraised_points",
    ) in cells
    # A derived cell the queue let go (confirmed twice) counts as read.
    result.review = [e for e in result.review if not e.item.endswith("/rows/9")]
    assert not any(item.endswith("/rows/9") for item, _ in derived_unconfirmed(result_to_json(result)))
