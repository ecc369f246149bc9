"""A degraded dump's row that printed one figure, its maximum's cell lost (issue 11): "7.1 | Ung dung
céng nghé thong tin trong 5 :" over 7.1.1 "3 3" and 7.1.2 "3 2". The line reader puts a lone figure
in the maximum column; the sums say which cell it is: as the self score 7.1's children's scores add
up to it (3 + 2 = 5), as the maximum their maxima do not (3 + 3 = 6). It is moved to the self
column, the maximum is the cell lost, and the move is a repaired check, queued. No criteria set
settles these rows (the table is the commune's own set). The dump is Tesseract's, from the
generated corpus (seed 19001, family D26), its truth stored beside it; the expected values are the
truth file's."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.reconcile.hierarchy import children_of, resolve_parents
from cchc_extract.reconcile.score_columns import place_lone_maxima
from schemas.records import ScoreRow, ScoreTable
from tests.corpus_helpers import score_rows_with_truth

_NAME = "s19001-d26-i3-n72-i3-self-by-level-self-only-eng-psm6-200dpi-degraded.txt"
_DUMP = Path(__file__).parent / "data" / "dumpnums76" / _NAME


def test_a_lone_figure_the_scores_add_up_to_is_the_self_score():
    rows, want, out = score_rows_with_truth(_DUMP)
    for code, score in (("7.1", 5.0), ("4.1", 2.5)):  # (the truth file's self points)
        assert want[code]["self_points"] == score
        assert rows[code]["self_points"] == score, code
        assert rows[code]["max_points"] != score  # (not the figure read twice)
    repaired = {(c.get("code"), c.get("field")) for c in out["checks"] if c["kind"] == "score_from_max"}
    assert ("7.1", "self_points") in repaired
    queued = {(i.get("code"), i.get("field")) for i in out["review"]}
    assert ("7.1", "self_points") in queued


def _row(code: str, most: float | None, score: float | None, flags: list[str]) -> ScoreRow:
    return ScoreRow(code=code, name=f"Tiêu chí {code}", max_points=most, self_points=score, flags=flags)


def _placed(rows: list[ScoreRow]) -> list[ScoreRow]:
    from cchc_extract.reconcile.core import _Ledger

    parents, _ = resolve_parents(rows)
    place_lone_maxima(0, ScoreTable(rows=rows), (parents, children_of(parents)), _Ledger(), 0.01)
    return rows


def test_only_where_no_sum_holds_with_it_as_the_maximum():
    kids = [_row("7.1.1", 3.0, 3.0, []), _row("7.1.2", 3.0, 2.0, [])]
    moved = _placed([_row("7.1", 5.0, None, ["missing_self"]), *kids])[0]
    assert (moved.max_points, moved.self_points, moved.flags) == (None, 5.0, ["missing_max"])
    # the children's maxima add up to the figure: it is the maximum, whatever the scores say
    full = [_row("7.1.1", 3.0, 3.0, []), _row("7.1.2", 2.0, 2.0, [])]
    kept = _placed([_row("7.1", 5.0, None, ["missing_self"]), *full])[0]
    assert (kept.max_points, kept.self_points) == (5.0, None)
    # no sum to judge by (a child's score lost): kept where it was read
    lost = [_row("7.1.1", 3.0, None, ["missing_self"]), _row("7.1.2", 3.0, 2.0, [])]
    alone = _placed([_row("7.1", 5.0, None, ["missing_self"]), *lost])[0]
    assert (alone.max_points, alone.self_points) == (5.0, None)
