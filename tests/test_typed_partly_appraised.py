"""A typed score table whose appraised column is filled on the field rows only: the self scores of
the rows with a blank appraised cell stand in the cells the printed grid gives them, so the blank
beside them makes their column no guess (``score_cells.column_guessed``) and the sums that hold
vouch for them (``held``); on OCR'd characters, where a cell can be lost, the same blank still
makes the column a guess. The rows are the generator's truth for seed 20001's N100 i2
(``n100-i2-appraised-fields-only.docx.truth.json``): field 1 self 6,5 appraised 6, every other
appraised cell blank."""

from __future__ import annotations

from cchc_extract.reconcile import reconcile
from cchc_extract.reconcile.score_cells import column_guessed
from schemas.records import MISSING_FLAG, ExtractionResult, ScoreRow, ScoreTable, SourceInfo

# (code, parent, max, self, appraised) as the truth file gives them
TRUTH = (
    ("1", None, 10.0, 6.5, 6.0),
    ("1.1", "1", 5.0, 4.5, None),
    ("1.1.1", "1.1", 1.0, 1.0, None),
    ("1.1.2", "1.1", 1.0, 0.5, None),
    ("1.1.3", "1.1", 1.0, 1.0, None),
    ("1.1.4", "1.1", 2.0, 2.0, None),
    ("1.2", "1", 2.0, 0.5, None),
    ("1.2.1", "1.2", 1.0, 0.25, None),
    ("1.2.2", "1.2", 1.0, 0.25, None),
    ("1.3", "1", 3.0, 1.5, None),
)


def _table(read_from: str) -> ScoreTable:
    rows = [
        ScoreRow(
            code=code,
            parent=parent,
            level=code.count(".") + 1,
            max_points=most,
            self_points=own,
            appraised_points=appraised,
            max_points_raw=f"{most:g}".replace(".", ","),
            self_points_raw=f"{own:g}".replace(".", ","),
            appraised_points_raw=None if appraised is None else f"{appraised:g}",
            confidence=0.9,
            flags=[] if appraised is not None else [MISSING_FLAG["appraised_points"]],
        )
        for code, parent, most, own, appraised in TRUTH
    ]
    return ScoreTable(rows=rows, stated_total_max=10.0, stated_total_self=6.5, read_from=read_from)


def _self_scores_queued(result: ExtractionResult) -> set[str]:
    return {e.item for e in result.review if e.field == "self_points"}


def test_typed_self_scores_beside_a_blank_appraised_cell_are_not_queued():
    result = ExtractionResult(source=SourceInfo(format="docx", method="docx"), score_tables=[_table("docx")])
    reconcile(result)
    assert result.score_tables[0].rows[1].self_points == 4.5
    assert not any(c.status != "ok" for c in result.checks)
    # (main queued the self scores below their maximum, 6 of them, at 0.607)
    assert _self_scores_queued(result) == set()
    assert not column_guessed(result.score_tables[0].rows[1], "self_points", cells_lost=False)


def test_ocrd_self_scores_beside_a_lost_appraised_cell_keep_their_doubt():
    result = ExtractionResult(
        source=SourceInfo(format="pdf", method="ocr", read_by_ocr=True), score_tables=[_table("ocr-lines")]
    )
    reconcile(result)
    row = result.score_tables[0].rows[3]  # 1.1.2, self 0,5 of 1: no twin to vouch for it
    assert column_guessed(row, "self_points")
    assert "/score_tables/0/rows/3" in _self_scores_queued(result)
