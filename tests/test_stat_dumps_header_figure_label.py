"""An annex header whose figure label OCR garbled (issue 11): "a Noi dung DVT Seligu | _Ghi chu"
(a degraded psm 4 dump: "TT" read "a", "Số liệu" read "Séligu") names the indicator, the unit and
the note, and the form's figure column stands between the unit and the note, so it is the header.
Unread as one, the line "Kết quả giải quyết …" of a heading row two lines down, which names a
figure label, made a header of three lines that swallowed the first rows, and the annex was told
unread whole; a psm 3 dump whose header labels came one per line, "Chỉ tiêu" / "Đơn vị" / "Ghi chú",
the figure label "Kết quả" far below them, gave no header at all. The dumps are written by the test."""

from pathlib import Path

from annex_dumps import ANNEX_DUMP_HEAD
from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.stat_line_header import is_statistics_header

# As printed: 2.1 = 245 = 200 + 40 + 5, 3 = 20 = 17 + 3, 3.3 = 17 / 20 = 85 %. OCR lost the code
# cells of row 1, of the heading 2 (which prints no unit and no figure) and of 2.1, whose unit and
# figure it smeared over two lines of specks.
ROWS = """So sang kien, giai phap CCHC duoc cong nhan Sang kien | 2 |
Ket qua giai quyet ho so thu tuc hanh chinh
So ho so TTHC da giai quyet
Ho so Su,
Hose | at | |
a) | Giai quyet truoc han Ho so 200
b) | Giai quyet dung han Ho so 40
c) | Giai quyet qua han Ho so 5
3 | So can bo, cong chuc cap xa Nguoi 20
3.1 | So can bo, cong chuc dat chuan Nguoi 17
3.2 | So can bo, cong chuc chua dat chuan Nguoi 3
3.3 | Ty le can bo, cong chuc dat chuan % 85
"""

_HEADER = "STT | Noi dung | Don vi tinh | So lieu | Ghi chu\n"


# The caption as a degraded page prints it, a speck after it: too long a line to be a header's
# (so the title above it, which names "SO LIEU", is no header line either).
_CAPTION = "(Kem theo Bao cao so 120/BC-UBND ngay 10/11/2023 cua UBND xa An Phu)"
_SPECKED = "(Kem theo Bao cao so 120/BC-UBND ngay 10/11/2023 cua UBND xa An Phu Thuong) _"


def _read(tmp_path: Path, header: str) -> dict:
    assert ANNEX_DUMP_HEAD.endswith(_HEADER) and _CAPTION in ANNEX_DUMP_HEAD
    head = ANNEX_DUMP_HEAD[: -len(_HEADER)].replace(_CAPTION, _SPECKED)
    dump = tmp_path / "annex-eng-psm4.txt"
    dump.write_text(head + header + ROWS, encoding="utf-8")
    return result_to_json(convert_file(dump))


def test_a_header_naming_indicator_unit_and_note_is_the_header_with_its_figure_label_garbled():
    assert is_statistics_header("a Noi dung DVT Seligu | _Ghi chu")
    assert is_statistics_header("Chỉ tiêu -- Đơn vị Ghi chú")
    # the figure column is inferred only between a unit and a note: neither alone makes a header
    assert not is_statistics_header("a Noi dung Seligu | _Ghi chu")
    assert not is_statistics_header("a Noi dung DVT Seligu")
    # a plan's task table names its own columns, and is no annex
    assert not is_statistics_header("TT Nội dung nhiệm vụ Đơn vị chủ trì Ghi chú")


def test_rows_under_a_header_whose_figure_label_ocr_garbled_are_read(tmp_path: Path):
    out = _read(tmp_path, "a Noi dung DVT Seligu | _Ghi chu\n")
    (annex,) = out["statistics"]
    rows = {r["indicator"]: r for r in annex["rows"]}
    assert rows["Giải quyết trước hạn"]["value"] == 200 and rows["Giải quyết trước hạn"]["unit"] == "Hồ sơ"
    assert rows["Giải quyết quá hạn"]["value"] == 5
    assert [(r["code"], r["value"]) for r in annex["rows"][-4:]] == [("3", 20), ("3.1", 17), ("3.2", 3), ("3.3", 85)]
    assert annex["rows"][0]["value"] == 2 and annex["rows"][0]["unit"] == "Sáng kiến"
    # 2.1's figure is told lost, not the annex as a whole
    assert not [u for u in out["unread"] if "none of its rows could be read" in u["reason"]]
    assert [u for u in out["unread"] if "is not in the text" in u["reason"]]


def test_header_labels_one_per_line_with_the_figure_label_below_them(tmp_path: Path):
    # psm 3 set the header's cells one per line and the figure label "Ket qua" with the code
    # label on a line of its own, after the unit's wrapped "tinh"
    out = _read(tmp_path, "Chi tieu\n-- Don vi\nGhi chu\nTT Ket qua\n: : tinh :\n")
    (annex,) = out["statistics"]
    assert [(r["code"], r["value"]) for r in annex["rows"][-4:]] == [("3", 20), ("3.1", 17), ("3.2", 3), ("3.3", 85)]
    assert [r["value"] for r in annex["rows"] if r["indicator"].startswith("Giải quyết")] == [200, 40, 5]
