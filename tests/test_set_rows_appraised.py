"""Rows recovered by the criteria set's order keep their appraised score where their own runs
show the column (issue 11: legible figures left blank). Seed 12101's D02 i3 (eng, 250 dpi,
degraded; tests/data/dumps_appraised66 with the generator's truth): OCR garbled the header ("Fe |
at | Novy Giai trinh") and every code, so each row is recovered from its name's place in the set,
and no row read by the line reader said the table has an appraised column: "2. : Pea ae 10 10 9,5",
"16 15,75 15,75", "15,5 15,5 15,25" came out 10 / 10 / blank. The runs themselves open with the
set's maximum and print two scores within it, which a table of max and self does not."""

from __future__ import annotations

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.set_row_figures import shows_appraised

DUMP = Path(__file__).parent / "data" / "dumps_appraised66" / "s12101-d02-i3-ruled-center-eng-250dpi-degraded.txt"


def test_the_third_figure_is_the_appraised_score():
    truth = json.loads(DUMP.with_name(DUMP.name + ".truth.json").read_text(encoding="utf-8"))
    printed = {r["code"]: r for r in truth["score_tables"][0]["rows"]}
    text = DUMP.read_text(encoding="utf-8")
    assert "10 10 9,5" in text and "16 15,75 15,75" in text and "15,5 15,5 15,25" in text
    output = result_to_json(convert_file(DUMP))
    rows = {r["code"]: r for t in output["score_tables"] for r in t["rows"]}
    for code in ("2", "7", "8"):
        want = printed[code]
        got = rows[code]
        assert (got["max_points"], got["self_points"]) == (want["max_points"], want["self_points"])
        assert got["appraised_points"] == want["appraised_points"], code  # before: None
    assert (printed["2"]["appraised_points"], printed["7"]["appraised_points"]) == (9.5, 15.75)


def test_two_figures_and_an_explanations_figure_show_no_column():
    def run(*values: float) -> list[tuple[str, float]]:
        return [(str(v), v) for v in values]

    # max and self, then the explanation's "01 kế hoạch" on one row only: no column
    assert not shows_appraised([(run(10, 10), 10), (run(1, 1, 1), 1), (run(2, 2), 2), (run(3, 2.5), 3)], 2, 0.4)
    # three runs opening with the set's maximum, two scores within it each
    assert shows_appraised(
        [(run(10, 10, 9.5), 10), (run(16, 15.75, 15.75), 16), (run(15.5, 15.5, 15.25), 15.5)], 2, 0.4
    )
    # a run whose first figure is not the set's maximum is no witness
    assert not shows_appraised([(run(9, 8, 7), 10), (run(15, 14, 13), 16)], 2, 0.4)
