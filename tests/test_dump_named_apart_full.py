"""A row whose figures are all read does not take the code of the next line when that line opens
with another criterion's whole name (issues 11, 14). Seed 13001's D06 i6 (an F11 report,
explanation before the points: vie, psm 4, 250 dpi, degraded; tests/data/dumps_apart68 with the
generator's truth): criterion 5's code read "Bỹ", its name garbled ("chất Hi cc đội ngũ công cH
viên"), its figures "16 16 16" whole; the next line "6. | Cải cách tài chính công Đạt yêu cầu …"
lost its figures. Before, the row took code 6 and 6's name ran on into it: criterion 6 read
16, 16, 16 (its 7 lost), 5 made up from the set with no scores. Now the line opening criterion
6's name is a row of its own (``row_openings.named_apart``)."""

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json

DUMP = next((Path(__file__).parent / "data" / "dumps_apart68").glob("s13001-*.txt"))


def test_a_full_row_leaves_the_next_criterions_code_alone():
    truth = json.loads(DUMP.with_name(DUMP.name + ".truth.json").read_text(encoding="utf-8"))
    printed = {r["code"]: r for r in truth["score_tables"][0]["rows"]}
    text = DUMP.read_text(encoding="utf-8")
    assert "đội ngũ công cH viên [ Đạt YÊU cầu theo hướng dẫn 16 16 16\n" in text
    assert "\n6. | Cải cách tài chính công Đạt yêu cầu theo hướng dẫn" in text
    output = result_to_json(convert_file(DUMP))
    rows = {r["code"]: r for t in output["score_tables"] for r in t["rows"]}
    keys = ("max_points", "self_points", "appraised_points")
    assert [rows["5"][k] for k in keys] == [printed["5"][k] for k in keys] == [16, 16, 16]
    assert rows["6"]["max_points"] == printed["6"]["max_points"] == 7  # before: 16, row 5's
    assert rows["6"]["self_points"] != 16 and rows["6"]["appraised_points"] != 16
