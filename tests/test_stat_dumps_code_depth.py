"""A statistics annex of a degraded ``--psm 11`` dump, printed one cell per line, whose codes OCR
lost on a run of rows (1, 2, 2.1 … 3.1), with the items' letters and 3.2 printed. The column
repair inferred each lost code as the child of the one above (2, 2.1, 2.1.1, 2.1.1.1 …), so the
run's rows went one level deeper each and the items under them deeper still (3.1.2.a): rows
missed and invented (issue 11). A form numbers its rows to one depth, the deepest its column
prints with dots (``stat_numbering.printed_depth``: 2 here, an item one level under its parent),
and no code is inferred deeper. The dump is written by the test."""

from pathlib import Path

from annex_dumps import ANNEX_DUMP_HEAD, read_annex_dump
from extract.segment.stat_numbering import printed_depth

# The report's head as a sparse-text dump prints it, a paragraph per line.
HEAD = "\n\n".join(ANNEX_DUMP_HEAD.splitlines()[:6]) + "\n\n"

# A degraded psm 11 page's annex as Tesseract's eng model read it, a cell per paragraph. As printed:
# 1 = 8; 2 = 22 = 19 + 3; 2.3 = 86.36 %; heading 3; 3.1 = 131 = 108 + 23 + 0; 3.2 = 82.44 %;
# heading 4; 4.1 = 447 = 238 + 200 + 9; 4.2 = 97.99 %; 5 = 26 = 23 + 3; 5.3 = 88.46 %; 6 = 647 =
# 601 + 46; 6.3 = 92.89 %; 7 = 24. Every code up to 3.2 lost or garbled ("Zt", "at"), the figures
# of 2.1 to 3 read a row off ("ig)" for 19, the share 86,36 before the heading).
ANNEX = [
    "BIEU THONG KE SO LIEU CONG TAG CAI CACH HANH CHIiNH 6 THANG",
    "DAU NAM 2014",
    "ae theo Bdo cdo s6 249/BC-UBND ngay 17/11/2014 ctia UBND xd Tam Hung Doni)",
    "sit |",
    "a",
    "Noi dung",
    "DVT",
    "So liéu",
    "Ghi chi",
    "S6 van ban chi dao, diéu hanh CCHC da ban hanh",
    "Van ban",
    "8",
    "_| S6 nhiém vu trong Ké hoach CCHC nam",
    "Zt",
    "Nhiém vu",
    "22",
    "Ts6 nhiém vu da hoan thanh",
    "Nhiém vu",
    "ig)",
    "22",
    "S6 nhiém vu chwa hoan thanh",
    "Nhiém vu",
    "23",
    "Ty 1é hoan thanh Ké hoach CCHC nam",
    "%",
    "86,36",
    "C6ng khai thi tuc hanh chinh",
    "at",
    "| TOng s6 tht tuc hanh chinh thuéc tham quyén giai",
    "Tht tuc",
    "131",
    "| quyét cia UBND xa",
    "a)",
    "| S6 TTHC cung cap dich vu cOng tru tuyén toan trinh",
    "Thu tuc",
    "108",
    "b)",
    "| 86 I'THC cung cap dich vu cong tric tuyén mét phan",
    "Thu tuc",
    "23",
    "c)",
    "| S6 TTHC chi cung cap th6ng tin",
    "Thu tuc",
    "3.2",
    "Ty 1é TTHC cung cap dich vu cong truc tuyén toan",
    "%",
    "82,44",
    "trinh",
    "Két qua giai quyét ho so thu tuc hanh chinh",
    "41",
    "S6 hé so TTHC da giai quyét",
    "HO so",
    "447",
    "a)",
    "Giai quyét truéc han",
    "H6 so",
    "238",
    "b)",
    "Giai quyét ding han",
    "H6 so",
    "200",
    "°)",
    "Gidi quyét qua han",
    "HO so",
    "4.2",
    "[",
    "Ty 1€ ho so giai quyét trwdc han va dung han",
    "%",
    "3799",
    "| So can b6, cong chitc cap xa",
    "5.1",
    "Nguoi",
    "26",
    "| So can b@, céng chitc dat chuan",
    "Nguoi",
    "23",
    "oe",
    "[so can bé, cong chifc cha dat chuan",
    "5.3",
    "Nguoi",
    "| Ty 1é can bé, céng chive dat chuan",
    "%",
    "88,46",
    "Téng sé ho so TTHC tiép nhan trong ky",
    "H6 so",
    "647",
    "6.1",
    "S6 hé so tiép nhan truc tuyén",
    "HO so",
    "601",
    "6.2",
    "S6 hi so tiép nhan truc tiép va qua butu chinh",
    "H6 so",
    "46",
    "6.3",
    "Ty 1€ ho so tiép nhan try tuyén",
    "%",
    "92,89",
    "S0 cuéc tuyén truyén CCHC",
    "Lugot",
    "24",
]


def _rows(tmp_path: Path) -> dict[str, dict]:
    return read_annex_dump(tmp_path, HEAD + "\n\n".join(ANNEX) + "\n")


def test_codes_lost_on_a_run_of_rows_stay_at_the_depth_the_column_prints(tmp_path: Path) -> None:
    rows = _rows(tmp_path)
    named = {
        "2": "nhiệm vụ trong Kế hoạch",
        "2.1": "nhiệm vụ đã hoàn thành",
        "2.2": "nhiệm vụ chưa hoàn thành",
        "2.3": "Tỷ lệ hoàn thành",
        "3": "Công khai thủ tục",
        "3.1": "thủ tục hành chính thuộc",
        "3.1.a": "toàn trình",
        "3.1.b": "một phần",
        "3.1.c": "chỉ cung cấp thông tin",
        "3.2": "Tỷ lệ TTHC",
        "4": "Kết quả giải quyết",
    }
    for code, words in named.items():
        assert words in rows[code]["indicator"], code
    # No code deeper than the column prints (2.2): an item one level under its parent (3.1.a).
    assert [c for c in rows if c.count(".") > 1 and not (c.count(".") == 2 and c[-1].isalpha())] == []
    assert rows["3.1.a"]["value"] == 108


def test_the_depth_is_the_deepest_code_printed_with_its_dots() -> None:
    assert printed_depth([None, "3.2", "a)", "4"]) == 2
    assert printed_depth(["1", "2.1.", "3.1.2"]) == 3
    # A column whose dots OCR lost says nothing of its depth, nor does a figure read as a code.
    assert printed_depth(["1", "21", "22", "a)"]) is None
    assert printed_depth(["1", "1.234"]) is None
