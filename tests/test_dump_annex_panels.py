"""An annex printed in two panels side by side, read from an OCR dump (issues 11, 16). D25 i2 of
seeds 12001 (psm 3) and 13102 (psm 4): N67 reports whose "Phụ lục 1" stands twice across the page,
"TT Chỉ tiêu Đơn vị Số liệu TT Chỉ tiêu Đơn vị Số liệu", each line holding a row of each panel
("2.1 | Số cán bộ, công chức đạt chuẩn Người 19 4.2 | Số phản ánh, kiến nghị đang xử lý Phản ánh
0"); tests/data/dumps_panels67 with the generator's truth. Before, the doubled header was no
header and no row was read (the annex told unread as a whole). Now the header's repeat says two
panels, each line is cut where the right panel's row starts (``stat_two_panels``) and the
annex is read as printed: the left panel's rows, then the right's."""

import json
from pathlib import Path

import pytest

from cchc_extract.pipeline import convert_file, result_to_json

DATA = Path(__file__).parent / "data" / "dumps_panels67"
DUMPS = sorted(DATA.glob("*.txt"))


def _truth(dump: Path) -> dict[str, float]:
    truth = json.loads(dump.with_name(dump.name + ".truth.json").read_text(encoding="utf-8"))
    return {r["code"]: r["value"] for a in truth["statistics"] for r in a["rows"]}


@pytest.mark.parametrize("dump", DUMPS, ids=[d.name[:6] for d in DUMPS])
def test_both_panels_are_read(dump: Path):
    printed = _truth(dump)
    output = result_to_json(convert_file(dump))
    rows = {r["code"]: r for a in output["statistics"] for r in a["rows"]}
    right = [code for code in printed if code in rows and rows[code]["value"] == printed[code]]
    # before: no row at all; now all but the odd row OCR garbled past reading
    assert len(right) >= len(printed) - 1, sorted(set(printed) - set(right))
    # the right panel's rows, which stood beside the left's on one line
    for code in ("4", "4.2", "5.1", "5.2"):
        assert rows[code]["value"] == printed[code], code
    # no wrong value sure: what is not right is doubted or told
    for code, row in rows.items():
        if code in printed and row["value"] != printed[code]:
            assert row["confidence"] < 0.9 or {q.get("code") for q in output["review"]} >= {code}, code


def test_the_panels_printed_twelve_and_thirteen():
    printed = _truth(DUMPS[0])
    assert (printed["2.1"], printed["4.2"], printed["3.3"], printed["6"]) == (19, 0, 18, 28)
    text = DUMPS[0].read_text(encoding="utf-8")
    assert "2.1 | Số cán bộ, công chức đạt chuẩn Người 19 4.2 | Số phản ánh, kiến nghị đang xử lý ˆ Phản ánh 0" in text
