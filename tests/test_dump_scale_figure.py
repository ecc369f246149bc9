"""A row's line in a layout printing the scoring scale before the points (issue 14), whose figures
open with a bulleted scale item's points and have too few after them for every points column
("+ Đủ số lượng, và đúng thời gian quy định: 1 PT 1", printed 1 | 1 | 0,5 after the scale): the
scale's "1" is read as the maximum and the figures after it land one column right of their own,
so a score equal to that maximum agrees on nothing and is queued. The dump is written here: the
text Tesseract gave of one of the corpus generator's scans (seed 801), cut after its rows."""

from extract.segment.scale_lines import closes_scale_item
from score_dumps import queued_cell, read_score_dump

DUMP = "\n".join(
    [
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "",
        "XÃ ĐỨC QUANG Ỷ - Độc lập - Tự do - Hạnh phúc",
        "Số: 247/BC-UBND - Đức Quang, ngày 7 tháng 11 năm 2013",
        "BÁO CÁO",
        "",
        "Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính",
        "năm 2013 của UBND xã Đức .",
        "",
        "Thực hiện Kế hoạch số 30/KH- UBND ngày 3/12/2013 của UBND huyện Thái Lâm Bắc về việc triển"
        " Tan ng công tác cải cách hành chính",
        "năm 2013; UBND xã Đức Quang báo c cáo kết quả tự đánh giá, chấm điểm như sau:",
        "",
        "STT | Nội dung đánh giá v Cách tính điểm Thang Điểm Ghi chú",
        "điểm | UBND",
        "xã tự",
        "chấm",
        "1 CÔNG TÁC CHÍ ĐẠO, ĐIỀU HÀNH CCHC „ 10 5,75",
        "J1 ] Kế hoạch CCHC năm _—. Sà ly  Í 425 j",
        "",
        "1.1.1 | Ban hành kế Ta CCHC năm + Ban hành kịp thời: 1 nU 0,25",
        ": + Ban hành không kịp thời: 0,5",
        "+ Không ban hành: 0",
        "",
        "1.1.2 | Xác định đầy đủ các nhiệm vụ CCHC trên các + Xác định đầy đủ nhiệm vụ và có bố trí Tinh” ủI j",
        "lĩnh vực theo kế hoạch năm của UBND tỉnh và | phí: 1",
        'bố trí kinh Pn thực hiện + Không xác định đầy đủ nhiệm vụ "hoặc',
        "không bố trí kinh phí: 0 : : :",
        "1.1.3 | Các kết quả phải đạt được xác NHữn rõ ràng, cụ + Đạt yêu cầu: 1 T ị l jÌ Thực hiện đầy đủ, đúng quy",
        "thể và định rõ trách nhiệm triển khai của phòng, + Không đạt yêu cầu: 0 định",
        "ban, đơn vị trực thuộc gu ớn : _",
        "1.1.4 | Mức độ thực hiện kế hoạch CCHC +. Thực hiện trên 90% kế hoạch: 2. T 2 2 __ | Thông báo số 121/TB-",
        "... + Thực hiện từ 70% - 90% kế hoạch: 1 : : UBND ngày 28/11/2013",
        "",
        "+ Dưới 70% kế hoạch: 0",
        "",
        "12 | Báo cáoOCHC | . .: 7m... 1.55",
        "",
        "",
        "",
        "STT _ Nội dung đánh giá",
        "",
        "Cách tính điểm",
        "",
        "Thang",
        "điểm",
        "",
        "_UBND",
        "xã tự",
        "chấm",
        "",
        "Điểm",
        "",
        "Ghi chú",
        "",
        "(báo cáo quí I, quí II, báo cáo 6 tháng v và báo",
        "",
        "+ Không đủ số lượng báo cáo hoặc không",
        "",
        "1.2.1 | Tất cả báo cáo được gửi đúng thời gian quy định | + Đủ số lượng, và đúng thời gian quy định: 1 PT 1",
        "",
        "71 nạ Báo cáo số 166/BC-UBND",
        "",
        "ngày 09/09/2013",
        "",
        "cáo năm) đúng thời gian quy định: 0 : _ -",
        "1.2.2 | Tất cả báo cáo có đầy đủ nội . theo hướng + Đạt yêu cầu: 1 ni + Thông báo số 39/TB-UBND",
        "dẫn + Không đạt yêu cầu: 0 ngày 18/4/2013",
        "",
        "",
    ]
)


def test_a_score_after_a_scale_items_figure_is_queued(tmp_path):
    out, rows = read_score_dump(tmp_path, DUMP)
    k, row = rows["1.2.1"]
    # printed: maximum 1, self score 0,5; read 1 and 1, the first the scale's
    assert (row["max_points"], row["self_points"]) == (1.0, 1.0)
    assert "scale_figure_read" in row["flags"]
    assert queued_cell(out, k, "self_points")


def test_a_scale_items_figure_is_told_from_a_colon_after_a_name():
    assert closes_scale_item("Tất cả báo cáo được gửi đúng thời gian quy định | + Đủ số lượng, và đúng thời gian: 1")
    assert closes_scale_item("Các kết quả phải đạt được xác định rõ ràng, cụ - Đạt yêu cầu: 1")
    # a colon OCR made of a speck after a criterion's name labels no scale: its figure is the maximum
    assert not closes_scale_item("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH: 10")
    assert not closes_scale_item("Kế hoạch CCHC năm: 5")
    # nor a dash and a colon OCR made of specks ("Vị Hiện đại hóa hành chính - : 16. 16 16")
    assert not closes_scale_item("Vị Hiện đại hóa hành chính - : 16.")
