"""A centred row's numbers' line holding only its code and its figures, a ruling line's speck
between the first two ("2 10 ._ 10 10"): the first figure is a cell, as it is with no speck there
(``line_points._number_after``); before, it was taken for the name's and the appraised cell was
lost. Seed 11192's D02 i4 (vie, 250 dpi, degraded; tests/data/dumps_later65 with the generator's
truth), read end to end (issue 11)."""

import json
from pathlib import Path

import pytest

from cchc_extract.pipeline import convert_file, result_to_json
from extract.model import Line
from extract.segment.line_cells import read_line
from extract.segment.line_header import HeaderLayout

DUMP = Path(__file__).parent / "data" / "dumps_later65" / "s11192-d02-i4-ruled-center-vie-250dpi-degraded.txt"
THREE = HeaderLayout(points=("max", "self", "appraised"))


@pytest.mark.parametrize("text", ["2 10 10 10", "2 10 ._ 10 10", "2 10 | 10 10"])
def test_a_speck_after_the_first_figure_keeps_it_a_cell(text):
    cells = read_line(Line(text=text, page=1, number=1), False, THREE)
    assert (cells.max_raw, cells.self_raw, cells.appraised_raw) == ("10", "10", "10")


def test_the_dumps_row_2_reads_its_three_figures():
    truth = json.loads(DUMP.with_name(DUMP.name + ".truth.json").read_text(encoding="utf-8"))
    printed = {r["code"]: r for r in truth["score_tables"][0]["rows"]}
    assert (printed["2"]["max_points"], printed["2"]["self_points"], printed["2"]["appraised_points"]) == (10, 10, 10)
    assert "\n2 10 ._ 10 10\n" in DUMP.read_text(encoding="utf-8")
    output = result_to_json(convert_file(DUMP))
    row = {r["code"]: r for t in output["score_tables"] for r in t["rows"]}["2"]
    assert (row["max_points"], row["self_points"], row["appraised_points"]) == (10, 10, 10)  # before: appraised None
