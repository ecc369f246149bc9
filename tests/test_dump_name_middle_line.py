"""A wrapped criterion name's middle line that shares two column labels' words with the header
("lĩnh vực … kiểm chứng": the name's and the explanation's) is the row's text, not the header
printed again (``line_header.is_repeated_header``, ``line_split.continues_criterion_name``):
dropped as a repeat, it took the name's last two lines with it (issue 11, names CER)."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.pipeline import PipelineOptions, convert_file, result_to_json
from extract.model import Line
from extract.segment.line_header import is_repeated_header
from normalize.criteria.match import MatchSettings

MIDDLE = "lĩnh vực theo kế hoạch năm của UBND tỉnh kiểm chứng"

# An unruled dump whose explanation column prints last, its labels "Tài liệu kiểm chứng".
DUMP = f"""\
ỦY BAN NHÂN DÂN XÃ AN THẠNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 73/BC-UBND An Thạnh, ngày 12 tháng 01 năm 2015

BÁO CÁO
Tự đánh giá, chấm điểm xác định Chỉ số cải cách hành chính năm 2014

Mã số Lĩnh vực/Tiêu chí/Tiêu chí thành phần Thang Điểmtự Tài liệu kiếm chứng

điểm chấm
I KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ 7 5,5
CẢI CÁCH HÀNH CHÍNH
1. Kế hoạch CCHC năm 5 3,5
a) Ban hành kế hoạch CCHC năm 1 1 Thông báo số 58/TB-
UBND ngày 10/09/2014
b) Xác định đầy đủ các nhiệm vụ CCHC trên các 1 0,5 Chưa đầy đủ tài liệu
{MIDDLE}
và bố trí kinh phí thực hiện
c) Các kết quả phải đạt được xác định rõ ràng, 1 0 Quyết định số 211/QĐ-
cụ thể và định rõ trách nhiệm triển khai của UBND ngày 27/03/2014
phòng, ban, đơn vị trực thuộc
d) Mức độ thực hiện kế hoạch CCHC 2 2 Đã ban hành đúng thời
gian quy định
2. Báo cáo CCHC 2 2
a) Tất cả báo cáo được gửi đúng thời gian quy 1 1 Công văn số 16/CV-
định (báo cáo quí I, quí II, báo cáo 6 tháng và UBND ngày 11/03/2014
báo cáo năm)
b) Tất cả báo cáo có đầy đủ nội dung theo hướng 1 1
dẫn
Tổng 7 5,5
Nơi nhận: KT. CHỦ TỊCH
- Lưu: VT. PHÓ CHỦ TỊCH
"""


def test_a_names_middle_line_naming_two_column_labels_is_no_repeated_header():
    assert not is_repeated_header(Line(text=MIDDLE, page=1, number=1))
    # the header printed again at a page's top still is one
    assert is_repeated_header(Line(text="STT Lĩnh vực, tiêu chí Tài liệu kiểm chứng Điểm | Điểm tự", page=2, number=1))
    assert is_repeated_header(Line(text="TT Tiêu chí, tiêu chí thành phần Điểm Điểm tự Giải trình", page=2, number=1))


def test_the_name_wrapped_over_three_lines_is_read_whole(tmp_path: Path):
    path = tmp_path / "dump.txt"
    path.write_text(DUMP, encoding="utf-8")
    # (names as read, not snapped to a set's wording: the lines the name is made of are under test)
    out = result_to_json(convert_file(path, options=PipelineOptions(criteria=MatchSettings(snap_names=False))))
    rows = [r for t in out["score_tables"] for r in t["rows"]]
    row = next(r for r in rows if r["name"].startswith("Xác định đầy đủ"))
    assert row["name"] == (
        "Xác định đầy đủ các nhiệm vụ CCHC trên các lĩnh vực theo kế hoạch năm của UBND tỉnh "
        "và bố trí kinh phí thực hiện"
    )
    assert row["explanation"] == "Chưa đầy đủ tài liệu kiểm chứng"
    assert (row["max_points"], row["self_points"]) == (1, 0.5)
