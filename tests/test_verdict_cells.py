"""A points cell printing a verdict with its points ("Đạt (2,5)", "Không đạt (0)") prints that
figure: the words are the commune's, no sign of a malformed or garbled cell
(``printed_cells.printed_figure``), so a scan's scores read from such cells are not queued for
their form alone (seed 11161's S23 scan: 14 right values queued at 0.76)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_extract.pipeline import convert_file
from cchc_extract.reconcile.printed_cells import garbled_beside, malformed, printed_figure
from schemas.records import ScoreRow

DATA = Path(__file__).parent / "data" / "scans_verdicts65"


def test_a_verdict_with_its_points_prints_its_figure():
    assert printed_figure("Đạt (2,5)") == "2,5"
    assert printed_figure("Không đạt (0)") == "0"
    assert printed_figure("Đạt một phần (0,5)") == "0,5"
    assert printed_figure("1,5 điểm") == "1,5"
    assert not malformed(printed_figure("Đạt (2,5)"), "score")
    # OCR's damage stays malformed: the bracket read "q" and a digit lost
    assert malformed(printed_figure("Đạt một phần q,5)"), "score")
    assert malformed(printed_figure("Đạt một phần ()"), "score")


def test_a_maximum_beside_a_verdict_cell_is_not_beside_a_garbled_one():
    row = ScoreRow(code="3.1", name="x", max_points=4.0, self_points=3.0, max_points_raw="4")
    row.self_points_raw = "Đạt một phần (3)"
    assert not garbled_beside(row, "max_points")
    row.self_points_raw = "Đạt một phần q,5)"
    assert garbled_beside(row, "max_points")


@pytest.mark.needs_tesseract
def test_a_scans_verdict_scores_are_read_and_not_queued_for_their_form():
    result = convert_file(DATA / "s11161-s23-i3-n44-verdict-bracketed-part1.jpg", "part1")
    rows = {r.code: r for t in result.score_tables for r in t.rows}
    truth = {"1.1.1": (1, 1), "1.1.2": (2, 0.5), "1.3": (2.5, 2.5), "1.4": (2, 0), "1.5": (2.5, 2.5)}
    for code, (maximum, score) in truth.items():
        assert (rows[code].max_points, rows[code].self_points) == (maximum, score), code
    queued = {(r.item, r.field) for r in result.review}
    pointers = {
        r.code: f"/score_tables/{ti}/rows/{ri}"
        for ti, t in enumerate(result.score_tables)
        for ri, r in enumerate(t.rows)
    }
    for code in ("1.3", "1.4", "1.5"):
        assert (pointers[code], "self_points") not in queued, code
        assert rows[code].value_confidence["self_points"] >= 0.8, code
