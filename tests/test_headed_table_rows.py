"""Score tables of OCR dumps whose rows no reader opened, found by their header and read by the
criteria set's wordings; a score table's header is no statistics annex's. The texts are real
Tesseract output of the corpus generator's dumps (tools/corpusgen/dumps.py), cut to the table."""

from __future__ import annotations

from cchc_extract.pipeline import convert_file, result_to_json

HEAD = "UBND XÃ QUÝ AN\nSố: 236/BC-UBND\nBÁO CÁO\nTự đánh giá, chấm điểm\n"

# Seed 1404 d06-i4 (F14 layout, vie psm 6, degraded): each criterion's scoring scale prints three
# lines beside its name, the codes are specks ("tE", "Ti") or lost, row 3's line is a smear.
SCALES = """UBND xã Quý An báo cáo kết quả tự đánh giá, chấm điểm như sau;
1 TT _ Lĩnh vực, tiêu chí . Cách tính điểm .| Thang | Điểm tự Ghi chú : :
: : : : - điểm đánh : :
tE Công tác chỉ đạo, điều hành cải cách hành + Đạt 100%: 10 điểm .. 10 10 Báo cáo số 258/BC-UBND |. Tin
c: chính : + Đạt từ 90% đến dưới 100%: 5 điểm . | ngày 10/12/2023 :
: Ác + Dưới 90%: 0 điểm .... :
: _ Xây dựng và tổ chức thực hiện văn bản quy + Hoàn thành 100% kế hoạch: 10 điểm - 10 Kế hoạch số 146/KH-UBND
| phạm pháp luật tại tỉnh + Hoàn thành từ 80% đến dưới 100% kế . Hgãy 34/01/2023 :
: : : : hoạch: 5 điểm :
.. `. + Hoàn thành dưới 80% kế hoạch:0 điểm  : )
IS ikerstct cTiirrnTfYtriitrcetiiirtyEpiisirrSrbmtytrtretprrrrR@rrrriltrtrat0frmgt@rrmirrrrriem _
Cải cách tổ chức bộ máy hành chính + Hoàn thành 100% kế hoạch: 11 điểm nc 11 11 Đã ban hành đúng thời gian
: s + Hoàn thành từ 80% đến dưới 100% kế - quy định
: : hoạch: 5,5 điểm : :
: : -—___—_—_ | † Hoàn thành dưới 80% kế hoạch: 0 điểm : - :
Ti Xây dựng và nâng cao chất lượng đội ngũ 16 Thực hiện đầy đủ, đúng quy
công chức, viên chức định - :
Cải cách tài chính công `. + Đạt 100%: 7 điểm T Kế hoạch số 51/KH-UBND
n + Đạt từ 90% đến dưới 100%: 3,5 điểm ngày 09/12/2023
: : + Dưới 90%: 0 điểm - : :
7. | Hiện đại hóa hành chính : -_ | + Đạt 100%: 16 điểm. : 16 -
sn + Đạt từ 90% đến dưới 100%: 8 điểm
: + Dưới 90%: 0 điểm nh. :
Nơi nhận: TM. ỦY BAN NHÂN DÂN
"""

# Seed 1405 d01-i2 (vie, 250 dpi): the header's labels wrap ("Thang | Điểm tự" over "điểm
# chấm") and row 1's explanation under it opens "Thực hiện", an annex's figure label.
WRAPPED_HEADER = """quả tự đánh giá, chấm điểm như sau:

STT Nội dung đánh giá Thang | Điểm tự Ghi chú
điểm chấm
Công tác chỉ đạo, điều hành cải cách hành Thực hiện đầy đủ, đúng
1. „ 10 10 .
chính quy định
2 Xây dựng và tổ chức thực hiện văn bản 10 10 Công văn số 288/CV-
quy phạm pháp luật tại tỉnh UBND ngày 28/11/2024
3. Cải cách thủ tục hành chính 14,5 14
A. Cải cách tổ chức bộ máy hành chính 11 11
Xây dựng và nâng cao chất lượng đội ngũ Tỷ lệ đạt 65%
5, R 26 Về NgHB ( 16 14,5
công chức, viên chức
6. Cải cách tài chính công 7 7 Không phát sinh
Tổng cộng 68,5 66,5
Nơi nhận: TM. ỦY BAN NHÂN DÂN
"""


def _convert(tmp_path, text: str) -> dict:
    path = tmp_path / "dump.txt"
    path.write_text(HEAD + text, encoding="utf-8")
    return result_to_json(convert_file(path, path.name))


def test_a_headed_table_of_scales_is_read_past_its_first_lines(tmp_path):
    # The header tells the table not read, its span running on to the signature block past the
    # scales' lines (a scale's "Hoàn thành từ 80% … kế" names one points word: no header printed
    # again); the set's wordings then find the six criteria whose names the text holds.
    out = _convert(tmp_path, SCALES)
    rows = [r for t in out["score_tables"] for r in t["rows"]]
    assert [r["code"] for r in rows] == ["1", "2", "4", "5", "6", "7"]
    assert rows[3]["name"] == "Xây dựng và nâng cao chất lượng đội ngũ công chức, viên chức"
    assert all("row_from_set_order" in r["flags"] for r in rows)
    # (row 3's line is a smear: told, not invented)
    assert any("rows 3 not found" in u["reason"] for u in out["unread"])


def test_a_score_header_wrapped_over_two_lines_is_no_annex(tmp_path):
    out = _convert(tmp_path, WRAPPED_HEADER)
    assert not out["statistics"]
    rows = [r for t in out["score_tables"] for r in t["rows"]]
    # (the generator's truth: maxima 10, 10, 14.5, 11, 16, 7; self 10, 10, 14, 11, 14.5, 7)
    assert [r["code"] for r in rows] == ["1", "2", "3", "4", "5", "6"]
    assert [r["max_points"] for r in rows] == [10, 10, 14.5, 11, 16, 7]
    assert [r["self_points"] for r in rows] == [10, 10, 14, 11, 14.5, 7]
