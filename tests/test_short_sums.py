"""Blank score cells a sum short of its whole says hold the rest (``reconcile/short_sums.py``):
lost cells, queued, and the whole's undecided relation told on their entries."""

from __future__ import annotations

import json
from pathlib import Path

from cchc_extract.reconcile import reconcile
from cchc_extract.reconcile.derived import derive_lost_cells
from cchc_extract.reconcile.derived_blanks import queue_blanks_under_derived
from cchc_extract.reconcile.short_sums import blank_cells, short_sums
from schemas.records import ExtractionResult, ScoreRow, from_dict

DATA = Path(__file__).parent / "data" / "scans_levels66"


def _read() -> ExtractionResult:
    doc = json.loads((DATA / "s12161-s24-i3-n48-levels-points.read.json").read_text(encoding="utf-8"))
    return from_dict(ExtractionResult, doc)


def _pointers(result: ExtractionResult) -> dict[str, str]:
    return {r.code or "": f"/score_tables/0/rows/{i}" for i, r in enumerate(result.score_tables[0].rows)}


def test_blanks_where_the_sum_falls_short_are_queued_as_lost():
    result = _read()
    reconcile(result)
    at = _pointers(result)
    rows = {r.code: r for r in result.score_tables[0].rows}
    queued = {(r.item, r.field) for r in result.review}
    # the generator's truth: 1.1.2 0,5, 1.3 0, 1.5 2, 3.1 2,75, read blank (their level columns)
    for code in ("1.1.2", "1.3", "1.5", "3.1"):
        assert rows[code].self_points is None, code
        assert (at[code], "self_points") in queued, code
        assert rows[code].value_confidence["self_points"] < 0.8, code
    # the wholes they fall short of are read right (truth 7,5, 1,5, 12,75) and keep their own
    # entry: the relation names the figure it could not check
    for code, whole in (("1", 7.5), ("1.1", 1.5), ("3", 12.75)):
        assert rows[code].self_points == whole
        assert (at[code], "self_points") in queued, code
    shorts = {s.check_id: s for s in short_sums(result, result.checks)}
    assert shorts["sum_self:/score_tables/0/rows/1:self_points"].covers  # 1.1.2's maximum 2 ≥ 0,5 short


def test_a_blank_the_sums_close_without_stays_out():
    # 3.2 = 3 = 3.2.2 1,5 + 3.2.3 1,5: its blank 3.2.1 adds nothing the sum wants
    result = _read()
    reconcile(result)
    at = _pointers(result)
    assert all(s.rows != () for s in short_sums(result, result.checks))
    lost = {k for s in short_sums(result, result.checks) for k in s.rows}
    assert int(at["3.2.1"].rsplit("/", 1)[1]) not in lost


def test_a_group_made_by_its_childrens_figures_is_no_blank_part():
    rows = [
        ScoreRow(code="1", name="a", max_points=4.0, self_points=None),
        ScoreRow(code="1.1", name="b", max_points=2.0, self_points=1.0, self_points_raw="1"),
        ScoreRow(code="1.2", name="c", max_points=2.0, self_points=None),
    ]
    kids = {0: [1, 2]}
    assert blank_cells(rows, kids, 0, "self_points") == [0, 2]
    rows[2].self_points, rows[2].self_points_raw = 2.0, "2"
    assert blank_cells(rows, kids, 0, "self_points") == []


def test_blanks_under_a_score_the_sums_derived_are_queued():
    # 2's self score printed "b)": derived 5,5 from the total 25,75 less 1's 7,5 and 3's 12,75
    # (truth 5,5); its sub-criteria 2.1, 2.2, 2.3 read blank (truth 1,5, 1,25, 2,75) must hold it
    result = _read()
    reconcile(result)
    queue_blanks_under_derived(result, derive_lost_cells(result))
    at = _pointers(result)
    rows = {r.code: r for r in result.score_tables[0].rows}
    assert rows["2"].self_points == 5.5
    queued = {(r.item, r.field) for r in result.review}
    for code in ("2.1", "2.2", "2.3"):
        assert rows[code].self_points is None, code
        assert (at[code], "self_points") in queued, code
        assert rows[code].value_confidence["self_points"] < 0.8, code
    # 3.2's blank 3.2.1 is under a score read, whose sum closes: not doubted
    assert (at["3.2.1"], "self_points") not in queued
