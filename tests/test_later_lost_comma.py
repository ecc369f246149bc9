"""A row's line printing one figure more than its cells, the later cells with their decimal commas
lost ("Cải cách thủ tục hành chính C7 7 | 145 | 145 | 145 _" for 14,5 thrice): the criteria set's
maximum (14,5) chooses the cells one number later when the lost comma put back reads them, in
quarters, within it (``normalize.criteria.set_cells._within_set_max``). Seed 11192's D05 i2 (vie,
200 dpi; tests/data/dumps_later65 with the generator's truth), read end to end (issue 11). Before,
"7" (a speck's digit) was read as the maximum and 1,45 as both scores."""

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json

DUMP = Path(__file__).parent / "data" / "dumps_later65" / "s11192-d05-i2-ruled-center-vie-200dpi.txt"


def test_the_sets_maximum_reads_the_later_cells_with_their_commas_put_back():
    truth = json.loads(DUMP.with_name(DUMP.name + ".truth.json").read_text(encoding="utf-8"))
    printed = {r["code"]: r for r in truth["score_tables"][0]["rows"]}
    assert (printed["3"]["max_points"], printed["3"]["self_points"], printed["3"]["appraised_points"]) == (
        14.5,
        14.5,
        14.5,
    )
    assert "C7 7 | 145 | 145 | 145" in DUMP.read_text(encoding="utf-8")
    output = result_to_json(convert_file(DUMP))
    rows = {r["code"]: r for t in output["score_tables"] for r in t["rows"]}
    row = rows["3"]
    assert (row["max_points"], row["self_points"], row["appraised_points"]) == (
        14.5,
        14.5,
        14.5,
    )  # before: 7, 1,45, 1,45
