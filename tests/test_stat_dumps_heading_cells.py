"""A statistics annex of a degraded ``--psm 11`` dump, printed one cell per line, whose group
headings ("Công khai thủ tục hành chính", "Kết quả giải quyết hồ sơ …") print neither a unit nor a
figure. OCR reads each row's cells in an order of its own, so the cells read right after a heading
are the next row's: its code with the dot lost ("21" for 2.1), or its unit and figure printed
before its code and indicator. Read as the heading's, they gave the heading a figure and a unit,
and the rows after it were coded one place off (issue 11: rows missed and invented, the heading's
figure wrong). A heading counts nothing (``stat_cells.CellRow.heads``). An item whose letter OCR
garbled ("°)") is worded as a heading is, and keeps its unit (its group's) and figure. The dump is
written by the test."""

from pathlib import Path

from annex_dumps import ANNEX_DUMP_HEAD
from cchc_extract.pipeline import convert_file, result_to_json

# The report's head as a sparse-text dump prints it, a paragraph per line, the header's labels
# one per line.
HEAD = "\n\n".join(ANNEX_DUMP_HEAD.splitlines()[:-1] + ["STT", "Noi dung", "DVT", "So lieu", "Ghi chu"]) + "\n"

# As printed: 1 = 43; heading 2; 2.1 = 103 = 61 + 41 + 1; 2.2 = 61 / 103 = 59.22 %; heading 3;
# 3.1 = 447 = 278 + 156 + 13; 3.2 = 434 / 447 = 97.09 %; 4 = 23. The codes of 1, 2 and 3 lost.
CELLS = [
    "43",
    "So cuoc tuyen truyen CCHC",
    "Luot",
    "Cong khai thu tuc hanh chinh",
    "21",
    "Thu tuc",
    "103",
    "Tong so thu tuc hanh chinh thuoc tham quyen giai",
    "quyet cua UBND xa",
    "a)",
    "So TTHC cung cap dich vu cong truc tuyen toan trinh",
    "Thu tuc",
    "61",
    "b)",
    "So TTHC cung cap dich vu cong truc tuyen mot phan",
    "Thu tuc",
    "41",
    "c)",
    "So TTHC chi cung cap thong tin",
    "Thu tuc",
    "1",
    "2.2",
    "Ty le TTHC cung cap dich vu cong truc tuyen toan trinh",
    "%",
    "59,22",
    "Ket qua giai quyet ho so thu tuc hanh chinh",
    "Ho so",
    "447",
    "3.1",
    "So ho so TTHC da giai quyet",
    "a)",
    "Giai quyet truoc han",
    "Ho so",
    "278",
    "b)",
    "Giai quyet dung han",
    "Ho so",
    "156",
    "°)",
    "Giai quyet qua han",
    "Ho so",
    "13",
    "3.2",
    "Ty le ho so giai quyet truoc han va dung han",
    "%",
    "97,09",
    "So can bo, cong chuc cap xa",
    "Nguoi",
    "23",
]


def _rows(tmp_path: Path) -> dict[str, dict]:
    dump = tmp_path / "annex-eng-psm11.txt"
    dump.write_text(HEAD + "\n" + "\n\n".join(CELLS) + "\n", encoding="utf-8")
    out = result_to_json(convert_file(dump))
    (annex,) = out["statistics"]
    return {r["code"]: r for r in annex["rows"]}


def test_the_cells_after_a_heading_are_the_next_rows(tmp_path: Path):
    rows = _rows(tmp_path)
    assert list(rows)[:8] == ["1", "2", "2.1", "2.1.a", "2.1.b", "2.1.c", "2.2", "3"]
    # "21" after the heading is 2.1's code, its dot lost; "Thu tuc" / "103" are 2.1's
    assert rows["2"]["value"] is None and not rows["2"]["unit"]
    assert rows["2"]["indicator"].startswith("Công khai")
    assert (rows["2.1"]["unit"], rows["2.1"]["value"]) == ("Thủ tục", 103)
    assert rows["2.2"]["value"] == 59.22
    # "Ho so" / "447" / "3.1" / "So ho so …": the unit and figure of 3.1, read before its code
    assert rows["3"]["value"] is None and not rows["3"]["unit"]
    assert rows["3.1"]["value"] == 447 and rows["3.1"]["indicator"].startswith("Số hồ sơ")


def test_an_item_whose_letter_ocr_garbled_keeps_its_unit_and_figure(tmp_path: Path):
    rows = _rows(tmp_path)
    assert [rows[c]["value"] for c in ("3.1.a", "3.1.b", "3.1.c", "3.2", "4")] == [278, 156, 13, 97.09, 23]
    assert rows["3.1.c"]["indicator"] == "Giải quyết quá hạn" and rows["3.1.c"]["unit"] == "Hồ sơ"
