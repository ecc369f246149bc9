"""A group whose whole and first part OCR both lost, its other part and its share read, as a real
Tesseract 5 dump gives it (``annex69/d14001-f12-annex-psm3-degraded.txt``: the D07 dump of seed
14001, ``vie``, ``--psm 3``, degraded):

    3 Số nhiệm vụ trong Kế hoạch CCHC năm Nhiệm vụ ch
    3.1 | Số nhiệm vụ đã hoàn thành Nhiệm vụ SIIL
    3.2 | Số nhiệm vụ chưa hoàn thành Nhiệm vụ 3
    3.3. | Tỷ lệ hoàn thành Kế hoạch CCHC năm % 91,18

The whole is 3.1 and 3.2, and 3.1 over it is 91,18 %: one whole number makes that (31 of 34), so
3.1 is derived, then 3 from its parts, both queued as derived (never read). Before, both stayed
blank. The values asserted are the generator's truth."""

from __future__ import annotations

from annex69_data import DATA, truth_values
from cchc_extract.pipeline import convert_file, result_to_json

DUMP = DATA / "d14001-f12-annex-psm3-degraded.txt"


def test_a_part_and_its_whole_both_lost_are_derived_from_the_share_and_the_other_part():
    values = truth_values(DUMP)
    out = result_to_json(convert_file(DUMP))
    (annex,) = out["statistics"]
    rows = {r["code"]: r for r in annex["rows"]}
    assert (values["3"], values["3.1"], values["3.2"], values["3.3"]) == (34.0, 31.0, 3.0, 91.18)
    assert rows["3.1"]["value"] == values["3.1"] and rows["3"]["value"] == values["3"]
    assert "derived_from_sums:value" in rows["3.1"]["flags"] and rows["3.1"]["value_raw"] == ""
    queued = {q["code"]: q for q in out["review"]}
    assert queued["3.1"]["value"] == 31.0 and "count of share of 3.3" in queued["3.1"]["reason"]
    assert queued["3"]["value"] == 34.0
