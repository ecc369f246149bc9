"""A dump of a table whose scale column prints before the maximum ("Đạt yêu cầu: 1. | 1 | 0,25"):
the scale item's points, a speck after them, open the line's run of figures, and are no third
points column (``points_columns.points_from_numbers`` asks the line reader's ``scale_figure``, not
only "label: points" with nothing after the figure). Seed 11191's D06 i4 (F14, vie, psm 6,
250 dpi, degraded; tests/data/dumps_scale65 with the generator's truth), read end to end (issue 11).
Before, an appraised column was taken from those lines and every scored row's cells were read one
column off (1.1.3 self 1 and appraised 0,25 for a self score of 0,25)."""

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json

DUMP = (
    Path(__file__).parent
    / "data"
    / "dumps_scale65"
    / "s11191-d06-i4-f14-i4-scale-before-max-vie-psm6-250dpi-degraded.txt"
)


def test_the_scales_points_are_no_appraised_column():
    truth = json.loads(DUMP.with_name(DUMP.name + ".truth.json").read_text(encoding="utf-8"))
    printed = {r["code"]: (r["max_points"], r["self_points"]) for r in truth["score_tables"][0]["rows"]}
    assert all(r.get("appraised_points") is None for r in truth["score_tables"][0]["rows"])
    text = DUMP.read_text(encoding="utf-8")
    assert "Đạt yêu cầu: 1. 1 0,25" in text and "kế hoạch: 2. ; 2. 1" in text
    output = result_to_json(convert_file(DUMP))
    rows = {r["code"]: r for t in output["score_tables"] for r in t["rows"]}
    assert all(r["appraised_points"] is None for r in rows.values())  # before: 1.1.1, 1.1.3, 1.1.4
    for code in ("1.1.1", "1.1.3", "1.1.4", "1.2.2"):
        assert (rows[code]["max_points"], rows[code]["self_points"]) == printed[code]
    assert printed["1.1.3"] == (1, 0.25) and printed["1.1.4"] == (2, 1)
