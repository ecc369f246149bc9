"""A statistics annex row whose code OCR read behind a double quote mark ("“21 | Sécén bo …",
"“3.1 [Sono so …": a speck of the grid's edge before the code, as "‘3.1" or "'4" are read), on a
``--psm 6`` page that smeared the row's figure cell into the ruling lines. Only single quotes
were taken for specks before a code, so the line gave no cells, and with no figure it was taken
for words wrapped from the row above: the row was lost (issue 11). The dump is written by the
test."""

from pathlib import Path

from annex_dumps import ANNEX_DUMP_HEAD, read_annex_dump
from corpus_helpers import not_read

# The report's head down to the form's title and caption: OCR lost the header line (--psm 6).
HEADLESS = "\n".join(ANNEX_DUMP_HEAD.splitlines()[:9]) + "\n"

# As printed: 1 Số cuộc kiểm tra CCHC = 4; 2 Số cán bộ, công chức cấp xã = 24; 2.1 = 22; 2.2 = 2;
# 2.3 = 91.67 %; 3 Tổng số hồ sơ TTHC tiếp nhận trong kỳ = 568; 3.1 = 558; 3.2 = 10. The figures of
# 2.1 and 3.1, the rows behind a double quote, smeared.
ROWS = """1 [So cuoc kiem tra CCHC da thuc hien | Cuoc | 4 |
2 | So can bo, cong chuc cap xa | Nguoi | 24 |
“21 | So can bo, cong chuc dat chuan ——~—S~SS‘NQTSSTSSCSC*d
22 | So can bo, cong chuc chua dat chuan | Nguoi | 2 |
23 [Ty le can bo, cong chuc dat chuan | % | 91,67 |
3 | Tong so ho so TTHC tiep nhan trong ky | Ho so | 568 |
“3.1 [So ho so tiep nhan truc tuyen ——SSS~i~SC*WO |S
3.2 | So ho so tiep nhan truc tiep va qua buu chinh | Ho so | 10 |
"""


def test_a_code_behind_a_double_quote_is_read(tmp_path: Path):
    rows = read_annex_dump(tmp_path, HEADLESS + ROWS, "annex-eng-psm6.txt")
    assert sorted(rows) == ["1", "2", "2.1", "2.2", "2.3", "3", "3.1", "3.2"]
    assert rows["2.1"]["indicator"] == "Số cán bộ, công chức đạt chuẩn"
    assert rows["3.1"]["indicator"].endswith("Số hồ sơ tiếp nhận trực tuyến")  # the cell's edge "[" kept
    # Their figures were smeared: none is read.
    assert not_read(rows["2.1"]) and not_read(rows["3.1"])
    assert rows["3"]["value"] == 568 and rows["3.2"]["value"] == 10
