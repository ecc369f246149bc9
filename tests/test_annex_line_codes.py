"""Row lines of a statistics annex in an OCR dump (``extract/segment/stat_line_cells.py``): a code
whose dot OCR read as a comma, and a figure with the grid's corner beside it, read on a small
``--psm 3``-style dump made for them."""

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json

DUMP = """Phụ lục 1
BIỂU THỐNG KÊ SỐ LIỆU CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2024
(Kèm theo Báo cáo số 173/BC-UBND ngày 12/11/2024 của UBND xã An Phú)
TT Chỉ tiêu Đơn vị tính Kết quả Ghi chú
1 Số sáng kiến, giải pháp CCHC được công nhận Sáng kiến 2
2 Tổng số thủ tục hành chính thuộc thẩm quyền giải Thủ tục 135
quyết của UBND xã
2.1 | Số TTHC cung cấp dịch vụ công trực tuyến toàn trình Thủ tục 81
2.2 | Số TTHC cung cấp dịch vụ công trực tuyến một phần Thủ tục 50
- 2,3. | Số TTHC chỉ cung cấp thông tin Thủ tục 4+
2.4 | Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến toàn trình % 60
3 | Tổng số hồ sơ TTHC tiếp nhận trong kỳ Hồ sơ 671
3.1 | Số hồ sơ tiếp nhận trực tuyến Hồ sơ 591
3.2 | Số hồ sơ tiếp nhận trực tiếp và qua bưu chính Hồ sơ 80
3.3 | Tỷ lệ hồ sơ tiếp nhận trực tuyến % 88,08
"""


def test_code_read_with_a_comma_and_figure_with_a_corner_are_read(tmp_path: Path) -> None:
    path = tmp_path / "annex-psm3.txt"
    path.write_text(DUMP, encoding="utf-8")
    out = result_to_json(convert_file(path, path.name))
    rows = {r["code"]: r for r in out["statistics"][0]["rows"]}
    # "- 2,3. | Số TTHC chỉ cung cấp thông tin Thủ tục 4+": row 2.3, its figure 4
    assert rows["2.3"]["indicator"] == "Số TTHC chỉ cung cấp thông tin"
    assert (rows["2.3"]["unit"], rows["2.3"]["value"]) == ("Thủ tục", 4)
    assert rows["2.2"]["indicator"] == "Số TTHC cung cấp dịch vụ công trực tuyến một phần"
    # 81 + 50 + 4 = 135: the group adds up, no mismatch from a row lost
    assert not [c for c in out["checks"] if c["status"] == "mismatch"]
