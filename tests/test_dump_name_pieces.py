"""A criterion's name printed in pieces, a scoring scale's words between them, in an OCR dump
(issue 11): the pieces hold the row's code's wording, so they are the name and the scale's words
are not. A small dump made for it (a scale column beside the names, Tesseract's default page
segmentation), read end to end, and the matching on its own."""

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from normalize.criteria import CriterionDef
from normalize.criteria.match import apply_criteria_sets
from normalize.criteria.name_pieces import name_pieces, names_opened_above
from schemas.records import ScoreRow, ScoreTable

DUMP = """\
ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ AN BÌNH Độc lập - Tự do - Hạnh phúc
Số: 41/BC-UBND An Bình, ngày 12 tháng 12 năm 2014
BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2014
Thực hiện Kế hoạch số 31/KH-UBND của UBND huyện, UBND xã An Bình báo cáo kết quả tự đánh giá,
chấm điểm như sau:
STT Nội dung đánh giá Hướng dẫn chấm điểm Thang Điểm tự Tài liệu kiểm chứng
điểm chấm
1. | CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC : 10 6
1.1. | Kế hoạch CCHC năm 5 3
1.1.1 | Ban hành kế hoạch CCHC năm + Ban hành kịp thời: 1 1 1
+ Ban hành không kịp thời: 0,5
+ Không ban hành: 0
1.1.2 | Xác định đầy đủ các nhiệm vụ CCHC trên các + Xác định đầy đủ nhiệm vụ và có bố trí kinh |: 1 0,5 Kế hoạch số
lĩnh vực theo kế hoạch năm của UBND tỉnh và _ | phí: 1 305/KH-UBND
bố trí kinh phí thực hiện + Không xác định đầy đủ nhiệm vụ hoặc ,
không bố trí kinh phí: 0
1.1.3 | Các kết quả phải đạt được xác định rõ ràng, cụ + Đạt yêu cầu: 1 1 0,5
thể và định rõ trách nhiệm triển khai của phòng, | + Không đạt yêu cầu: 0
ban, đơn vị trực thuộc
1.1.4 | Mức độ thực hiện kế hoạch CCHC + Thực hiện trên 90% kế hoạch: 2 2 1
+ Thực hiện từ 70% - 90% kế hoạch: 1
+ Dưới 70% kế hoạch: 0
1.2 | Báo cáo CCHC 2 1
1.2.1 | Tất cả báo cáo được gửi đúng thời gian quy định | + Đủ số lượng và đúng thời gian quy định: 1 1 0,5 Chưa đủ
(báo cáo quí I, quí III, báo cáo 6 tháng và báo + Không đủ số lượng báo cáo hoặc không kiểm chứng
cáo năm) đúng thời gian quy định: 0
1.2.2 | Tất cả báo cáo có đầy đủ nội dung theo hướng + Đạt yêu cầu: 1 1 0,5
dẫn + Không đạt yêu cầu: 0
1.3 | Kiểm tra công tác CCHC + Hoàn thành 100% kế hoạch: 3 điểm 3 2 Ban hành chậm so với quy
+ Hoàn thành từ 80% đến dưới 100% kế định
hoạch: 1,5 điểm
+ Hoàn thành dưới 80% kế hoạch: 0 điểm
Tổng cộng 10 6
Nơi nhận: KT. CHỦ TỊCH
- Lưu: VT, VP.
"""

WORDING = (
    "Xác định đầy đủ các nhiệm vụ CCHC trên các lĩnh vực theo kế hoạch năm của UBND tỉnh và bố trí kinh phí thực hiện"
)


def test_a_name_printed_between_a_scales_lines_is_its_pieces(tmp_path: Path):
    path = tmp_path / "scale-dump.txt"
    path.write_text(DUMP, encoding="utf-8")
    output = result_to_json(convert_file(path))
    rows = {r["code"]: r for t in output["score_tables"] for r in t["rows"]}
    assert rows["1.1.2"]["name"] == WORDING
    assert "có bố trí kinh" in rows["1.1.2"]["name_raw"]  # as read, the scale's words run in
    assert "có bố trí kinh" in rows["1.1.2"]["explanation"]  # the other column's words kept
    assert [rows["1.1.2"]["max_points"], rows["1.1.2"]["self_points"]] == [1, 0.5]
    assert rows["1.1.3"]["name"].endswith("phòng, ban, đơn vị trực thuộc")
    assert "Đạt yêu cầu" not in rows["1.1.3"]["name"]


def test_pieces_hold_the_wording_in_order_past_specks_and_damage():
    read = (
        "Xác định đầy đủ các nhiệm vụ CCHC trên các Xác định đầy đủ nhiệm vụ và có bố trí kinh 1 1Ì "
        "ĩnh vực theo kế hoạch năm của UBND tỉnh và .phí: 1 bố trí kinh phí thựchiện Không xác định"
    ).split()
    found = name_pieces(read, WORDING)
    assert found is not None
    pieces, held = found
    assert [" ".join(read[a:b]) for a, b in pieces] == [
        "Xác định đầy đủ các nhiệm vụ CCHC trên các",
        "ĩnh vực theo kế hoạch năm của UBND tỉnh và",  # a letter lost at the line's edge
        "bố trí kinh phí thựchiện",  # two words glued
    ]
    assert held == len(WORDING.split())


def test_no_pieces_where_the_text_does_not_print_the_wording():
    # the name's last line lost: a tenth of the wording is missing
    lost = "Xác định đầy đủ các nhiệm vụ CCHC trên các + Đạt: 1 lĩnh vực theo kế hoạch năm của UBND".split()
    assert name_pieces(lost, WORDING) is None
    # the wording's words, but not opening the row's text (another row's name before them)
    late = ("Ban hành kế hoạch CCHC năm " + WORDING).split()
    assert name_pieces(late, WORDING) is None
    # a short wording is found in too many scales and explanations to be told
    assert name_pieces("Báo cáo + Đạt: 1 CCHC".split(), "Báo cáo CCHC") is None


def test_with_no_set_recognised_the_rows_code_and_pieces_agree_on_a_criterion():
    # one row: no set is recognised from it, but its code is 1.1.2 in a set whose wording the
    # name's pieces hold, another column's words between them
    read = (
        "Xác định đầy đủ các nhiệm vụ CCHC trên các Xác định đầy đủ nhiệm vụ và có bố trí kinh "
        "lĩnh vực theo kế hoạch năm của UBND tỉnh và phí: 1 bố trí kinh phí thực hiện"
    )
    row = ScoreRow(code="1.1.2", name=read, explanation="Không xác định đầy đủ: 0")
    apply_criteria_sets([ScoreTable(rows=[row], read_from="lines")])
    assert row.name == WORDING
    assert row.name_raw == read
    assert row.explanation.startswith("Xác định đầy đủ nhiệm vụ và có bố trí kinh phí: 1")


def test_a_centred_names_opening_line_read_as_a_row_of_its_own_is_the_coded_rows():
    # (an eng dump: "Xac dinh … trén cdc" printed above "1.1.2 | linh vuc …", the explanation's
    # first words beside it; the line parser made it a row with no code)
    above = ScoreRow(
        code="1.1.1",
        name="Xac dinh day dt cdc nhiém vu CCHC trén cdc a Khong phat sinh",
        max_points=4,  # "Khong phat sinh 4": a speck read as a figure
        flags=["code_inferred"],
    )
    row = ScoreRow(
        code="1.1.2", name="linh vuc theo ké hoach nam ctia UBND tinh", explanation="va bé6 tri kinh phi thy hién 1B oe"
    )
    crit = CriterionDef(code="1.1.2", parent="1.1", name=WORDING, max_points=1)
    other = CriterionDef(code="1.1.1", parent="1.1", name="Ban hành kế hoạch CCHC năm", max_points=1)
    moved = names_opened_above([above, row], {"1.1.2": crit, "1.1.1": other}, lambda n, c: n == c.name, [other, crit])
    assert moved == 1
    assert row.name.startswith("Xac dinh day dt cdc nhiém vu CCHC trén")
    assert "linh vuc theo ké hoach" in row.name and "Khong phat sinh" not in row.name
    assert row.name.endswith("UBND tinh va bé6 tri kinh phi thy hién")
    assert above.name == "" and above.explanation.endswith("a Khong phat sinh")
    # a row above printing its own code keeps its text
    coded = ScoreRow(code="1.1.1", name="Xac dinh day dt cdc nhiém vu CCHC trén cdc")
    again = ScoreRow(code="1.1.2", name="linh vuc theo ké hoach nam ctia UBND tinh va bé6 tri kinh phi thy hién")
    assert names_opened_above([coded, again], {"1.1.2": crit}, lambda n, c: n == c.name, [other, crit]) == 0
    # a line of words alone above is a name's wrap the row readers join: left to them
    words = ScoreRow(code="1.1.1", name="Xac dinh day dt cdc nhiém vu CCHC trén cdc a Khong", flags=["code_inferred"])
    below = ScoreRow(code="1.1.2", name="linh vuc theo ké hoach nam ctia UBND tinh va bé6 tri kinh phi thy hién")
    assert names_opened_above([words, below], {"1.1.2": crit}, lambda n, c: n == c.name, [other, crit]) == 0
