"""Failed sums on scans that are ours, not the commune's (issue 14): one misread cell breaking two
sums that both ask for one figure (``reconcile/met_sums.py``), and a line whose code lost its last
number taken for its sub-criteria's parent (``sum_doubts.first_child_as_parent``). The tables are
what our pipeline read from generated scans (``tests/data/scans_faults67/README.md``); the values
asserted as printed are the generator's truth."""

from __future__ import annotations

import json
from pathlib import Path

from cchc_extract.reconcile import reconcile
from cchc_extract.reconcile.core import _Ledger
from cchc_extract.reconcile.met_sums import TableShape, one_edit_apart, settle_met_sums
from schemas.records import Check, ExtractionResult, ScoreRow, from_dict

DATA = Path(__file__).parent / "data" / "scans_faults67"


def _read(name: str) -> ExtractionResult:
    return from_dict(ExtractionResult, json.loads((DATA / name).read_text(encoding="utf-8")))


def test_one_misread_cell_breaking_two_sums_is_ours():
    result = _read("s12001-s18-i3-n23-bulleted.read.json")
    rows = {r.code: r for r in result.score_tables[0].rows}
    # truth: 2 prints 5,5 = 2.1 2 + 2.2 2 + 2.3 1,5, the total of self points 82,75; no fault planted
    assert (rows["2.1"].self_points, rows["2.2"].self_points, rows["2.3"].self_points) == (2.0, 2.0, 1.5)
    assert result.score_tables[0].stated_total_self == 82.75
    assert rows["2"].self_points_raw == "5,2"  # OCR's reading of the printed 5,5
    reconcile(result)
    failed = {c.id: c for c in result.checks if c.status in ("mismatch", "misread")}
    assert [c for c in failed.values() if c.status == "mismatch"] == []
    for cid in ("sum_self:/score_tables/0/rows/8:self_points", "stated_total:/score_tables/0:self_points"):
        assert failed[cid].status == "misread" and "may be 5,5" in failed[cid].message, cid
    queued = {(r.item, r.field): r for r in result.review}
    assert 5.5 in queued[("/score_tables/0/rows/8", "self_points")].alternatives


def _shape(rows: list[ScoreRow]) -> TableShape:
    parents: list[int | None] = [None, 0, 0, None]
    kinds = {"max_points": "sum_children", "self_points": "sum_self"}
    return TableShape(0, rows, parents, {0: [1, 2]}, [0, 3], kinds, "t")


def _check(cid: str, kind: str, expected: float, actual: float) -> Check:
    return Check(
        id=cid, kind=kind, field="self_points", expected=expected, actual=actual, tolerance=0.01, status="mismatch"
    )


def _rows(self_1: str) -> list[ScoreRow]:
    value = float(self_1.replace(",", "."))
    return [
        ScoreRow(code="1", name="a", max_points=8.0, self_points=value, self_points_raw=self_1),
        ScoreRow(code="1.1", name="b", max_points=4.0, self_points=3.0, self_points_raw="3"),
        ScoreRow(code="1.2", name="c", max_points=4.0, self_points=2.5, self_points_raw="2,5"),
        ScoreRow(code="2", name="d", max_points=2.0, self_points=2.0, self_points_raw="2"),
    ]


def _settled(read: str, own: tuple[float, float], total: tuple[float, float] | None) -> tuple[int, list[str]]:
    """(cells settled, the checks' statuses) of "1" read ``read``: its own sum (expected, stated)
    failing, and the table total's (expected, stated) when given."""
    ledger = _Ledger()
    ledger.checks = [_check("sum_self:/score_tables/0/rows/0:self_points", "sum_self", *own)]
    if total is not None:
        ledger.checks.append(_check("stated_total:/score_tables/0:self_points", "stated_total", *total))
    n = settle_met_sums(_shape(_rows(read)), ledger, 0.01)
    return n, [c.status for c in ledger.checks]


def test_two_sums_asking_one_figure_a_glyph_away_are_ours():
    # "1" read 5,2: its parts add up to 5,5, the total 7,5 stated holds with 5,5 (7,2 with 5,2)
    assert _settled("5,2", (5.5, 5.2), (7.2, 7.5)) == (1, ["misread", "misread"])


def test_two_sums_asking_for_other_figures_stay_the_communes():
    # the sub-criteria ask 5,5 of "1", the total (7,75 stated over 5,2 + 2) asks 5,75: no one reading
    assert _settled("5,2", (5.5, 5.2), (7.2, 7.75)) == (0, ["mismatch", "mismatch"])


def test_a_figure_more_than_a_glyph_away_is_no_misreading():
    # both ask 5,5 of a "4" read: two glyphs from "5,5", not OCR's slip of one
    assert _settled("4", (5.5, 4.0), (6.0, 7.5)) == (0, ["mismatch", "mismatch"])
    assert not one_edit_apart("4", 5.5)
    assert one_edit_apart("5,2", 5.5) and one_edit_apart("3,5", 3.75) and one_edit_apart("15", 5.0)


def test_one_sum_failing_alone_stays_the_communes():
    # a planted slip: a sub-criterion lowered leaves its parent's sum failing and nothing above it
    assert _settled("5,2", (5.5, 5.2), None) == (0, ["mismatch"])


def test_a_line_whose_code_lost_its_number_is_no_parent_of_its_siblings():
    result = _read("s12001-s18-i5-n25-fields-then-details.read.json")
    details = result.score_tables[1].rows
    # truth: field 5's details 5.1 (3 of 3), 5.2 (2 of 3), 5.3 (4 of 4); no fault planted
    assert [(r.code_raw, r.max_points, r.self_points) for r in details] == [
        ("5.", 3.0, 3.0),
        ("5.2", 3.0, 2.0),
        ("5.3", 4.0, 4.0),
    ]
    reconcile(result)
    assert [c for c in result.checks if c.status == "mismatch"] == []
    told = {c.id: c for c in result.checks}["sum_children:/score_tables/1/rows/0:max_points"]
    assert told.status == "misread"
    assert ("/score_tables/1/rows/0", "max_points") in {(r.item, r.field) for r in result.review}


def test_a_field_printed_with_its_separator_over_its_first_part_keeps_its_sum():
    # "5." over 5.1 and 5.2 is a field as printed: its sum failing is the commune's
    result = _read("s12001-s18-i5-n25-fields-then-details.read.json")
    rows = result.score_tables[1].rows
    rows[1].code = rows[1].code_raw = "5.1"
    rows[2].code = rows[2].code_raw = "5.2"
    rows[1].parent = rows[2].parent = "5"
    reconcile(result)
    told = {c.id: c for c in result.checks}["sum_children:/score_tables/1/rows/0:max_points"]
    assert told.status == "mismatch"
