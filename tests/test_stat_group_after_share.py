"""A group's code OCR misread right under the share that closes the group above, as a real
Tesseract 5 dump gives it (``annex70/d15001-n81-label-rows-psm4-degraded.txt``: the D28 dump of
seed 15001's N81 annex, ``vie``, ``--psm 4``, degraded):

    42 | Số hồ sơ tiếp nhận trực tiếp và qua bưu chính Hồsơ - 25
    4.3 LTý lệ hồ sơ tiếp nhận trực tuyến % 92,98
    9 __ | Số cán bộ, công chức cấp xã, : Người 18 |

"9" is 5 misread. Before, the column repair read it as 4.4, one more part of group 4, and the
rows under it followed it there. A share closes its group's parts (the forms print it last), and
the row under it counts in another unit than the group's counts ("Người", not "Hồ sơ"): it opens
the next group, whatever OCR made of its code. The values asserted are the generator's truth."""

from __future__ import annotations

from annex69_data import truth_values
from annex70_data import DATA, converted_annex

DUMP = DATA / "d15001-n81-label-rows-psm4-degraded.txt"


def test_a_count_in_another_unit_under_a_share_opens_the_next_group_though_its_code_was_misread():
    values = truth_values(DUMP)
    _, rows = converted_annex(DUMP)
    assert values["5"] == 18.0 and values["4.3"] == 92.98
    assert rows["5"]["value"] == values["5"] and rows["5"]["unit"] == "Người"
    assert rows["5"]["indicator"].startswith("Số cán bộ, công chức cấp xã")
    assert not any(c.startswith("4.") and r["unit"] == "Người" for c, r in rows.items())
