"""A row's name read as its wording's first printed line alone, or its last lines alone (issue 11):
the name's other lines were lost, given to another column's words or to the row above, and the
row's name is that first line, then the scale's or the explanation's words beside it ("Xác định đầy
đủ các nhiệm vụ CCHC trên các Xác định đầy đủ nhiệm vụ và có bố trí …"), or those last lines, then
the next row's words. Its printed code and that long piece of its wording agree on the criterion:
the set's snap takes the wording. The dumps are seed 801's d06-i4 (scale before the maximum, vie
psm 3: test_dump_scale_figure's), seed 662's d01-i4 (five columns, vie, degraded) and seed 1105's
d01-i3 (five columns, centred, eng, degraded), written here."""

from pathlib import Path

from normalize.criteria import CriterionDef
from normalize.criteria.match_settings import MatchSettings
from normalize.criteria.name_agreement import first_line_read, last_lines_read
from score_dumps import read_score_dump
from test_dump_scale_figure import DUMP as SCALE_BESIDE_DUMP
from test_set_rows_bounds import _SWALLOWED, _rows

# 1.1.2's wrapped lines were read for a repeated header ("lĩnh vực … tỉnh kiểm chứng": the wording's
# "lĩnh vực" and the explanation's "kiểm chứng" are header words) and skipped, the row keeping its
# first line; a line holding a piece of a catalogued wording is no header now
# (``line_header.holds_wording_piece``), and the row reads its wrapped lines as well.
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

# 1.2.1's name prints over three lines, its code on the middle one: the first ("Tat ca bao céo dug
# giti ding thdi gian quy") is read with row 1.2's, and 1.2.1's own text opens with "dinh (bao cdo
# qui I, …)" and goes on with 1.2.2's name, whose code OCR misread ("1.2.9").
FIRST_LINE_ABOVE_DUMP = "\n".join(
    (
        "UY BAN NHAN DAN CONG HOA XA HOI CHU NGHiA VIET NAM",
        "",
        "XAHA PHU | : Doc lap - Ty do - Hanh phiic",
        "S6: 301/BC-UBND Ha Phi, ngay 08 thang 02 nam 2014",
        "BAO CAO",
        "",
        "Tw danh gia, cham diém xac dinh Chi s6 cai cach hanh chinh nam 2013",
        "",
        "Thu hién Ké hoach s6 136/KH-UBND ngay 17/3/2013 cia UBND huyén Ditc Long Déng",
        ".vé viéc trién khai cong tac cdi céch hanh chinh nim 2013; UBND xa Ha Phi bao cao két",
        "qua tu’ danh gia, cham diém nhv sau:",
        "",
        "TT Linh vuc, tiéu chi ee | rartipu lag chien",
        ": toi da cham",
        "1, | CONG TAC CHi DAO, DIEUHANH | a ee",
        "- | CCHC | :",
        "1.1 | Ké hoach CCHC nam 5 a5",
        "1.1.1 | Ban hanh ké hoach CCHC nim ; i 0.95 | Cong van sé 160/CV-",
        'es oe _| "| UBND ngay 13/09/2013',
        "| Xac dinh day di cdc nhiém vu CCHC trén cdc Khong phat sinh",
        "1.1.2 | Tinh vuc theo ké hoach nim cia UBND tinh AL 1",
        "va bé tri kinh phi thc hién",
        "Cac két qua phai dat dugc xdc dinh 16 rang,",
        "1.1.3 | cu thé va dinh ré trach nhiém trién khai cta 1 a",
        "; hong, ban, don vi truc thudc",
        "1.1.4 | Mttc d6 thu hién ké hoach CCHC ee 4235 |",
        "1.2 | Bao cdo CCHC Se 125 |",
        "| Tat ca bao céo dug giti ding thdi gian quy | Quyét dinh s6 113/QD-",
        "1.2.1 | dinh (bao cdo qui I, qui III, bao cdo 6 thang va ih 1 UBND ngay 05/01/2013.",
        "bdo cao nam) ° a",
        '1.2.9 | Tat cd bao cdo cé day dai noi dung theo hudng | oe ce "| Thong bao so 150/TB-',
        "oe odan eal | UBND ngay 1/7/2013",
        "aa | Kiém tra cng tac CCHC 3 275 7 Céng van s6 54/CV-",
        "ie es [ p OT | UBND ngay 1/3/2013 _|",
        "TONG DIEM ae 95",
        "Noi nhén: a TM. UY BAN NHAN DAN",
        "_- UBND huyén Ditc Long Déng (b/c); ; CHU TICH -",
        "- TT Dang ty, HDND xa (b/c); :",
        "- Lau: VT, VP.",
        "",
        "Trinh Bich Nga",
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
    assert row["name_raw"] == (
        "Xác định đầy đủ các nhiệm vụ CCHC trên các 0 Chưa đầy đủ tài liệu lĩnh vực theo kế hoạch năm của UBND"
        " tỉnh kiểm chứng và bố trí kinh phí thực hiện"
    )
    # the other rows of the table are named as printed
    assert rows["1.1.3"][1]["name"].startswith("Các kết quả phải đạt được xác định rõ ràng")


def test_a_name_read_as_its_last_lines_and_the_next_row_s_words_takes_its_wording(tmp_path: Path):
    _, rows = read_score_dump(tmp_path, FIRST_LINE_ABOVE_DUMP)
    _, row = rows["1.2.1"]
    assert row["name"] == (
        "Tất cả báo cáo được gửi đúng thời gian quy định (báo cáo quí I, quí III, báo cáo 6 tháng và báo cáo năm)"
    )
    assert row["name_raw"].startswith("dinh (bao cdo qui I, qui III, bao cdo 6 thang va bdo cao nam)")
    assert rows["1.1.2"][1]["name"] == PLANNED


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


def test_a_long_closing_of_the_wording_read_first_names_the_criterion():
    s = MatchSettings()
    # the name's last lines, the first given to the row above, then the next row's words
    read = "lĩnh vực theo kế hoạch năm của UBND tỉnh và bố trí kinh phí ll toi lù thực hiện Các kết quả phải"
    assert last_lines_read(read, ROWS[0], ROWS, s)
    assert last_lines_read("định (báo cáo quí I, quí III, báo cáo 6 tháng và báo cáo năm) Tất cả", ROWS[1], ROWS, s)
    # an opening is first_line_read's, not a closing
    assert not last_lines_read("Xác định đầy đủ các nhiệm vụ CCHC trên các lĩnh vực", ROWS[0], ROWS, s)
    # a closing too short to tell ("báo cáo năm)"), or a middle piece with other words first
    assert not last_lines_read("báo cáo năm) Tất cả báo cáo có đầy đủ nội dung", ROWS[1], ROWS, s)
    assert not last_lines_read("Kiểm tra công tác CCHC lĩnh vực theo kế hoạch năm của UBND tỉnh", ROWS[0], ROWS, s)


def test_a_row_found_by_the_set_s_order_is_spelt_as_its_line_prints_it(tmp_path: Path):
    # Rows 6, 7 and 8's name lines were read as row 5's (test_set_rows_bounds): the set's order
    # finds them, and row 7's line prints "Hiện đại hóa hành chính" where the set writes "hoá".
    _, rows = _rows(tmp_path, _SWALLOWED)
    assert rows["7"]["name"] == "Hiện đại hóa hành chính"
