"""A capitals section heading's wrapped line in an OCR dump stays the heading's (issue 11): not
the first words of the next criterion's name. A small dump made for it, read end to end, and the
rule on its own."""

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.heading_wraps import heading_wrap
from extract.segment.line_common import LineTableSettings
from extract.segment.row_draft import RowDraft

# An unruled table (Tesseract's default page segmentation) whose part headings wrap in capitals
# onto a line of their own: "CẢI CÁCH HÀNH CHÍNH" is the end of part I's heading.
DUMP = """\
ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ AN BÌNH Độc lập - Tự do - Hạnh phúc
Số: 12/BC-UBND An Bình, ngày 10 tháng 12 năm 2014
BÁO CÁO
Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2014
Thực hiện Kế hoạch số 31/KH-UBND của UBND huyện, UBND xã An Bình báo cáo kết quả tự đánh giá,
chấm điểm như sau:
STT Tiêu chí, tiêu chí thành phần Điểm tối Điểm tự Tài liệu kiểm chứng
đa chấm
I KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ 7 5
CẢI CÁCH HÀNH CHÍNH
1 Kế hoạch CCHC năm 5 3,75
a) Ban hành kế hoạch CCHC năm 1 1
b) Xác định đầy đủ các nhiệm vụ CCHC trên các 1 0,75 Báo cáo số 116/BC-
lĩnh vực theo kế hoạch năm của UBND tỉnh UBND ngày 28/12/2014
và bố trí kinh phí thực hiện
c) Các kết quả phải đạt được xác định rõ ràng, 1 1 Thông báo số 154/TB-
cụ thể và định rõ trách nhiệm triển khai của UBND ngày 01/09/2014
phòng, ban, đơn vị trực thuộc
d) Mức độ thực hiện kế hoạch CCHC 2 1 Quyết định số 7/QĐ-
UBND ngày 28/06/2014
2 Báo cáo CCHC 2 1,25
II KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ 3 0
KHÁC
1 Kiểm tra công tác CCHC 3 0 Chưa đầy đủ tài liệu
kiểm chứng
TỔNG ĐIỂM 10 5
Nơi nhận: KT. CHỦ TỊCH
- Lưu: VT, VP.
"""


def _tokens(text: str) -> list[tuple[str, str]]:
    return [(w, w) for w in text.split()]


def _heading(name: str) -> RowDraft:
    row = RowDraft(page=1, line_start=1, line_end=1, started_by="numbers", name=_tokens(name))
    row.add_number("7")
    row.add_number("5")
    return row


def test_a_part_headings_wrapped_capitals_stay_in_its_name(tmp_path: Path):
    path = tmp_path / "heading-dump.txt"
    path.write_text(DUMP, encoding="utf-8")
    output = result_to_json(convert_file(path))
    rows = {r["code"]: r for t in output["score_tables"] for r in t["rows"]}
    assert rows["I"]["name"] == "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH"
    assert rows["1"]["name"] == "Kế hoạch CCHC năm"
    assert rows["II"]["name"] == "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ KHÁC"
    assert len(rows) == 9


def test_a_capitals_line_is_a_headings_wrap_only_where_no_criterion_opens():
    settings = LineTableSettings()
    heading = _heading("KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ")
    assert heading_wrap(heading, _tokens("CẢI CÁCH HÀNH CHÍNH"), settings)
    # a sub-heading printed above its code and numbers opens a catalogued criterion: its own row
    assert not heading_wrap(heading, _tokens("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"), settings)
    # a name in small letters is the next row's
    assert not heading_wrap(heading, _tokens("Kế hoạch CCHC năm"), settings)
    # a heading with an explanation is no heading wrapping alone
    explained = _heading("KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ")
    explained.explanation = _tokens("Báo cáo số 5")
    assert not heading_wrap(explained, _tokens("CẢI CÁCH HÀNH CHÍNH"), settings)
    # a heading that is a whole catalogued name is complete: the capitals line after it is the next
    whole = _heading("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC")
    assert not heading_wrap(whole, _tokens("CẢI CÁCH TỔ CHỨC BỘ MÁY"), settings)
