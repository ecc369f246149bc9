"""A row's name read as its wording's first printed line alone (issue 11): the name's other lines
were lost or given to another column's words, and the row's name is that first line, then the
scale's or the explanation's words beside it ("Xác định đầy đủ các nhiệm vụ CCHC trên các Xác định
đầy đủ nhiệm vụ và có bố trí …"). Its printed code and that long opening agree on the criterion:
the set's snap takes the wording. The dumps are seed 801's d06-i4 (scale before the maximum, vie
psm 3: test_dump_scale_figure's) and seed 662's d01-i4 (five columns, vie, degraded), written here."""

from pathlib import Path

from normalize.criteria import CriterionDef
from normalize.criteria.match_settings import MatchSettings
from normalize.criteria.name_agreement import first_line_read
from score_dumps import read_score_dump
from test_dump_scale_figure import DUMP as SCALE_BESIDE_DUMP

# 1.1.2's wrapped lines are read for a repeated header ("lĩnh vực … tỉnh kiểm chứng": the wording's
# "lĩnh vực" and the explanation's "kiểm chứng" are header words) and skipped: the row keeps its
# first line, its figures and its explanation's first line.
WRAP_TAKEN_FOR_HEADER_DUMP = "\n".join(
    (
        "ỦY BAN NHÂN DÂN",
        "",
        "XÃ KIM ĐỊNH",
        "",
        "Số: 134/BC-UBND",
        "",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "",
        "Độc lập - Tự do - Hạnh phúc",
        "",
        "BÁO CÁO :",
        "Tự đánh giá, chấm điểm xác định Chỉ số cải cách hành chính năm 2013",
        "",
        "Kim Định, ngày 27 tháng 12 năm 2013 `",
        "",
        "Thực hiện Kế hoạch số 87/KH-UBND ngày 13/4/2013 của UBND huyện Quý Tiến về việc",
        "triển khai công tác cải cách hành chính năm 2013; UBND xã Kim Định báo cáo kết quả tự",
        "đánh giá, chấm điểm như sau: , : :",
        "TT Nội dung đánh giá Điểm | Điểm tự | Tài liệu kiểm chứng",
        "tối đa đánh Ỹ",
        "1: CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH 10 4,25",
        "CCHC",
        "11 | KếhoạchCCHC năm Đ 3,25",
        "1.1.1 | Ban hành kế hoạch CCHC năm 1 1 ù",
        "1.1.2, | Xác định đầy đủ các nhiệm vụ CCHC trên các { 0 Chưa đầy đủ tài liệu",
        "lĩnh vực theo kế hoạch năm của UBND tỉnh kiểm chứng",
        "và bố trí kinh phí thực hiện",
        "1.1.3 | Các kết quả phải đạt được xác định rõ ràng, 1 T Quyết định số 115/QĐ-",
        "cụ thể và định rõ trách nhiệm triển khai của UBND ngày 26/6/2013",
        "phòng, ban, đơn vị trực thuộc : ;",
        "1.1.4 | Mức độ thực hiện kế hoạch CCMHC 2 1",
        "12. | Báo cáoCCHC š 2 1",
        "1.2.1 | Tất cả báo cáo được gửi đúng thời gian quy 1 j. Quyết định số 280/QĐ-",
        "định (báo cáo quí I, quí III, báo cáo 6 tháng và UBND ngày 20/08/2013",
        "báo cáo năm) :",
        "1.2.2 | Tất cả báo cáo có đầy đủ nội dung theo hướng 1 0,75 Thông báo số 62/TB-",
        "dẫn Ễ : UBND ngày 07/09/2013",
        "1.3. | Kiểm tra công tác CCHC Si) 0 Công văn số 137/CV-",
        "UBND ngày 06/07/2013",
        "Tổng số điểm 10 4,25",
        "Nơi nhận: TM. ỦY BAN NHÂN DÂN",
        "- UBND huyện Quý Tiến (b/c); ễ CHỦ TỊCH",
        "- Chủ tịch, các PCT UBND xã; (Đã ký)",
        "",
        "- Lưu: VT, VP,",
        "",
        "Phạm Ngọc Quyết .",
        "",
    )
)

PLANNED = (
    "Xác định đầy đủ các nhiệm vụ CCHC trên các lĩnh vực theo kế hoạch năm của UBND tỉnh và bố trí kinh phí thực hiện"
)


def test_a_name_read_as_its_first_line_and_the_scale_s_words_takes_its_wording(tmp_path: Path):
    # 1.1.2's name wraps over three lines beside its scale's items; its second line holds the
    # scale's "phí: 1" and the line parser reads it for a row of its own, dropped: 1.1.2 keeps its
    # first line and the scale's first item.
    _, rows = read_score_dump(tmp_path, SCALE_BESIDE_DUMP)
    _, row = rows["1.1.2"]
    assert row["name"] == PLANNED
    # what was read is kept
    assert (
        row["name_raw"] == "Xác định đầy đủ các nhiệm vụ CCHC trên các Xác định đầy đủ nhiệm vụ và có bố trí Tinh” ủI"
    )
    assert any(f.startswith("name_from_criteria_set") for f in row["flags"])


def test_a_name_read_as_its_first_line_and_the_explanation_takes_its_wording(tmp_path: Path):
    _, rows = read_score_dump(tmp_path, WRAP_TAKEN_FOR_HEADER_DUMP)
    _, row = rows["1.1.2"]
    assert row["name"] == PLANNED
    assert row["name_raw"] == "Xác định đầy đủ các nhiệm vụ CCHC trên các 0 Chưa đầy đủ tài liệu"
    # the other rows of the table are named as printed
    assert rows["1.1.3"][1]["name"].startswith("Các kết quả phải đạt được xác định rõ ràng")


ROWS = (
    CriterionDef("1.1.2", "1.1", PLANNED, 1.0),
    CriterionDef(
        "1.2.1",
        "1.2",
        "Tất cả báo cáo được gửi đúng thời gian quy định (báo cáo quí I, quí III, báo cáo 6 tháng và báo cáo năm)",
        1.0,
    ),
    CriterionDef("1.2.2", "1.2", "Tất cả báo cáo có đầy đủ nội dung theo hướng dẫn", 1.0),
    CriterionDef("1.3", "1", "Kiểm tra công tác CCHC", 1.0),
)


def test_a_long_opening_of_the_wording_read_first_names_the_criterion():
    s = MatchSettings()
    # its first printed line, OCR's slips in it, then the other column's words
    assert first_line_read("Xác định đầy đủ các nhiệm vụ CCHC trên các Xác định đầy đủ nhiệm vụ", ROWS[0], ROWS, s)
    assert first_line_read("Tất cả báo cáo được gửi đúng thời gian_", ROWS[1], ROWS, s)
    # glued words are read by their letters
    assert first_line_read("Tấtcảbáocáođượcgửiđúngthờigian Đủ số lượng: 1", ROWS[1], ROWS, s)


def test_a_short_or_shared_opening_or_another_s_wording_names_nothing():
    s = MatchSettings()
    # "Tất cả báo cáo" opens 1.2.1 and 1.2.2 alike: too short, and no more the one than the other
    # (nor is an opening a quarter of whose letters OCR changed: "Tat cd bdo cdo dugc giti …")
    assert not first_line_read("Tat cd bdo cdo dugc giti ding théi gian_", ROWS[1], ROWS, s)
    assert not first_line_read("Tất cả báo cáo Đạt yêu cầu: 1", ROWS[1], ROWS, s)
    # 1.2.2's wording is no opening of 1.2.1's
    assert not first_line_read("Tất cả báo cáo có đầy đủ nội dung theo hướng dẫn", ROWS[1], ROWS, s)
    # the opening read elsewhere than first (another row's words before it) is not this test's
    assert not first_line_read("Kiểm tra công tác CCHC Xác định đầy đủ các nhiệm vụ", ROWS[0], ROWS, s)
    # a wording no longer than the opening asked for is for the whole-name tests
    assert not first_line_read("Kiểm tra công tác CCHC 1 1", ROWS[3], ROWS, s)
