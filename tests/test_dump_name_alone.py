"""A row coded by its place alone, its points lost, whose name runs on past the whole of another
criterion's long wording: the name alone says which criterion it is (``match._opens_alone``)."""

from __future__ import annotations

from pathlib import Path

from normalize.criteria import criteria_set
from normalize.criteria.match import FLAG_CODE_BY_NAME, apply_criteria_sets
from normalize.criteria.recognise import printed_maxima
from schemas.records import ScoreRow, ScoreTable
from score_dumps import read_score_dump

# Seed 904's d06-i6 (a typed table rasterised, degraded, Tesseract vie psm 6): 1.1.4's code and
# points are lost to specks ("Mức độ thực hiện kế hoạch CCHC ..,. T5 an 5a 51g."), 1.2's line
# beneath it is garbage; the row is placed as 1.2.
LOST_POINTS_DUMP = (
    "si ỦY BAN NHÂN DÂN _ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM :\n"
    "| _ XÃ ĐỨC HỢP . . Độc lập - Tự do - Hạnh phúc\n"
    ".______ Số: 70/BG-UBND Đức Hợp, ngày 9 tháng 2 năm 2014. „\n"
    ": .... BÁO CÁO. : :\n"
    "c Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính\n"
    "Ả _ năm 2013 của UBND xã Đức Hợp: : : ị\n"
    "Thực hiện Kế hoạch số 232/KH-UBND ngày 5/8/2013 của UBND huyện Hợp Long về việc triển "
    "khai công tác cải cách hành chính năm\n"
    "2013; UBND xã Đức Hợp báo cáo kết quả tự đánh giá, chấm điểm như sau: .\n"
    "Mã số Tiêu chí, tiêu chí thành phần 1 tich _ Ï Điểm | Điểmtự| Điểm | . :\n"
    "vs _ chuẩn | đánh | thấm | -\n"
    "vn : . in giá _ định\n"
    ": . mẽ ễ của\n"
    ": Phòng\n"
    "lại ; Nội vụ :\n"
    "CÔNG TÁC CHÍ ĐẠO, ĐIỀU HÀNH CCHC - aẽ 5 78 ng\n"
    "Kế hoạch CCHC năm _ EEr Tri rãi in iirc of tpirrmie\n"
    "1.1.1 | Ban hành kế hoạch CCHC năm : Công văn số 123/CV-UBND ngày 1 0,75 U05\n"
    "_ 25/03/2013 The :\n"
    "1.1.2 | Xác định đầy đủ các nhiệm vụ CCHC trên các lĩnh vực theo | Cồng văn số 230/CV-VP ngày 1 1 0B)\n"
    "Ti kế hoạch năm của UBND tỉnh và bố trí kinh phí thực hiện 5/2/2013 :\n"
    ": : 1.1.3 | Các kết quả phải đạt được xác định rõ ràng, cụ thể và định rõ 1 1 0,75 :\n"
    "vàng trách nhiệm triển khai của phòng, ban, đơn vị trực thuộc `\n"
    "Mức độ thực hiện kế hoạch CCHC ..,. T5 an 5a 51g. :\n"
    "7 rẽcn 755 cố ca DU E6 7a  aaaTg gan\n"
    "1.2.1 | Tất cả báo cáo được gửi đúng thời gian quy định (báo cáo quí | Kế hoạch số 236/KH-UBND ngày 1 0,5 :\n"
    "1, quí II, báo cáo 6 tháng và báo cáo năm) , 15/3/2013. :\n"
    "_ Tất cả báo cáo có đầy đủ nội dung theo hướng dẫn Đã ban hành đúng thời gian quy định :\n"
    "\n"
    "\n"
    "\n"
    ": Mã số Tiêu chí, tiêu chí thành phần : A : Ghi chú Điểm | Điểm tự _ Điểm Ni S7 ý\n"
    "- chuẩn đánh thẩm chen,\n"
    ": và, : nh — giá định\n"
    ": Phòng\n"
    ": Nội vụ .G\n"
    "Bớ lộ 6 nụ Tự li si T1 3g ÿagpiliiT sitirrrÿiTairfrrgrrmrmlierrr1rrmi nan\n"
    "1.3 | Kiểm tra công tác CCHC vn, Thông báo số 295/TB-UBND ngày Bi\n"
    "Pẽ ẽ...a 5 DU sẽ ấn ]gÐ U Ợ 7\n"
    "5a Uống lấn 007107 am. si pm. rạn ca\n"
    "sng Nơi nhận: — - : KT. CHỦ TỊCH ` .\n"
    "- UBND huyện Hợp Long (b/©); PHÓ CHỦ TỊCH : :\n"
    "- Chủ tịch, các PCT UBND xã; : s (Đã ký) : v\n"
    " -Lưu: VI, VE. : vn r : '\n"
    ": : TÊ Diệp Ngọc Uyên :\n"
)

# Seed 1101's d05-i4 (Tesseract vie, degraded): criterion 1's heading line and 1.1's line
# ("KếhoạchCCHC năm", its code read "11" beside specks) read as one row placed as 1.1, no points.
HEADING_GLUED_DUMP = (
    "ỦY BAN NHÂN DÂN XÃ THỊNH ' CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    ": : _ TAM Độc lập - Tự do - Hạnh phúc\n"
    "| Số: 287/BC-UBND Thịnh Tam, ngày 21 tháng 12 năm 2013 : Me\n"
    "Ảo. Ý BÁOCÁO ~- _ mi\n"
    ": van Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính -\n"
    "n n năm 2013 của UBND xã Thịnh Tam s ị\n"
    ": Thực hiện Kế hoạch số 46/KH-UBND ngày 07/02/2013 của UBND huyện Lâm Cường về việc triển "
    "khai công tác cải cách hành chính năm\n"
    "2013; UBND xã Thịnh Tam báo cáo kết quả tự đánh giá, chấm điểm như sau: c\n"
    ".= . Điểm\n"
    "lô sa n - Phòng\n"
    "STT - Lĩnh vực, tiêu chí Tài liệu kiếm chứng ¡ Đim | ĐI UD | Ngấyu `...\n"
    ": : : : tối đa chấm E :\n"
    "ằ : ễ : thấm : Ũ\n"
    ": : Xi - mẽ. 5...\n"
    "CÔNG TÁC CHÍ ĐẠO, ĐIỀU HÀNH CCHC jƒm. .... 6.6 S8\n"
    "| —_ | 11 | KếhoạchCCHC năm EiiitiETdiETLTE TEEN t5 lESEUDU Si gi hơn\n"
    "| | 1.1.1 | Ban hành kế hoạch CCHC năm Chưa đầy đủ tài liệu kiểm chứng j7 c,.01.. 7ã... :\n"
    "vả , Xác định đầy đủ các nhiệm vụ CCHC trên các Thông báo số 135/TB-UBND ngày\n"
    "112 lĩnh vực theo kế hoạch năm của UBND tỉnh và 04/03/2013 1,5 0,5 0;5 :\n"
    "bố trí kinh phí thực hiện - -\n"
    ".. Các kết quả phải đạt được xác định rõ rằng, cụ Kế hoạch số 210/&H-UBND ngày ] so :\n"
    "1.1:3 | thể và định rõ trách nhiệm triển khai của phòng, | 10/3/2013. : 1 0;5 0,25\n"
    "__ | ban, đơn vị trực thuộc : : :\n"
    "Pin Tin 0 nai lợi Sợ my 77 gu ng\n"
    "PB nã g6 g6 a5 ga SG SG SG g1\n"
    "Tất cả báo cáo được gửi đúng thời gian quy định | Công văn số 305/CV-VP ngày\n"
    "1.2.1 | (báo cáo quí I, quí II, báo cáo 6 tháng và báo 06/09/2013. No lÌ 1 nông DU\n"
    "cáo năm). : :\n"
    "Tất cả báo cáo có đầy đủ nội dung theo hướng - | Chưa hoàn thành 1/7 nhiệm vụ theo\n"
    "10232 s : Đ, 1 : 5\n"
    ": dẫn - | kế hoạch :\n"
    "\n"
    "\n"
    "\n"
    "Tế: : : SP: Điểm : :\n"
    "; m. Sài - Phòng\n"
    "STT Lãnh vực, tiêu chí Tài liệu kiếm chứng ĐI  . Nộivụ\n"
    ": : ẳ tối đa chấm ệ Ử\n"
    ": thẩm\n"
    "jj Hinh |. :\n"
    "7L. |: l3 |KmEacongtieeCCHC Không phát sinh\n"
    "___- Nơi nhận: 1... TM. ỦY BAN NHÂN DÂN . : n.\n"
    "- UBND huyện Lâm Cường (b/); CHỦ TỊCH .\n"
    ": - TT Đảng ủy,HĐND xã(b/c), '  ' j..s .. : :\n"
    "ˆ “1 -Em>VT,VP Nội | : li -\n"
    ". : Võ Thanh Lan j\n"
)


def test_a_row_whose_name_runs_on_past_another_criterion_s_wording_is_that_criterion(tmp_path: Path):
    _, rows = read_score_dump(tmp_path, LOST_POINTS_DUMP)
    _, row = rows["1.1.4"]
    assert row["name"] == "Mức độ thực hiện kế hoạch CCHC"
    assert any(f.startswith(FLAG_CODE_BY_NAME) for f in row["flags"])
    # its place's criterion, whose line OCR garbled, is put back from its children
    assert rows["1.2"][1]["name"] == "Báo cáo CCHC"


def test_a_heading_glued_to_the_next_row_placed_as_that_row_is_the_heading(tmp_path: Path):
    _, rows = read_score_dump(tmp_path, HEADING_GLUED_DUMP)
    assert rows["1"][1]["name"] == "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC"
    # the row beneath it, named by the set's order
    assert rows["1.1"][1]["name"] == "Kế hoạch CCHC năm"
    assert rows["1.1.1"][1]["name"] == "Ban hành kế hoạch CCHC năm"


def _placed(set_id: str, leave_out: str, place: str, name: str, most: float | None) -> tuple[ScoreTable, ScoreRow]:
    """The set's rows as printed, ``leave_out`` lost, and the row at ``place`` read as ``name``
    (coded by its place, ``most`` its maximum read)."""
    cset = criteria_set(set_id)
    printed = printed_maxima(cset)
    rows = [ScoreRow(code=c.code, name=c.name, max_points=printed.get(c.code), flags=[]) for c in cset.rows]
    rows = [r for r in rows if r.code != leave_out]
    row = next(r for r in rows if r.code == place)
    row.name, row.max_points, row.flags = name, most, ["code_inferred"]
    return ScoreTable(title="", rows=rows), row


def test_the_name_alone_recodes_only_a_long_wording_no_other_opens_over_no_points():
    named = "Mức độ thực hiện kế hoạch CCHC 7 rẽcn 755 cố ca DU"
    table, row = _placed("ca-mau_2013", "1.1.4", "1.2", named, None)
    apply_criteria_sets([table])
    assert (row.code, row.name) == ("1.1.4", "Mức độ thực hiện kế hoạch CCHC")
    # a short wording ("Kiểm tra công tác CCHC", 19 letters) is no evidence alone
    table, row = _placed("ca-mau_2013", "1.3", "1.2", "Kiểm tra công tác CCHC là 2 tin do Đi", None)
    apply_criteria_sets([table])
    assert row.code == "1.2"
    # points read that fit the place: the place stands (the name and the points must agree then)
    table, row = _placed("ca-mau_2013", "1.1.4", "1.2", named, 2.0)
    apply_criteria_sets([table])
    assert row.code == "1.2"
