"""A field's heading in capitals that OCR glued to the row under it ("A CONG TAC CHI DAO, DIEU HANH. a
==" over "1.1 | Kéhoach CCHC nam 5 325)"; "CÔNG TÁC CHÍ ĐẠO, ĐIỀU HÃNH CCHC [Kếhoạch …" on one line)
is read as that row's first line; the field's row, which the set requires above its first
sub-criterion, is recovered from it (``set_regions.table_gaps``: the first row's own first line is looked
at with the lines above it), named by the set, its cells told, and the part "row 1 not read (its
sub-criteria … were)" goes.

The dumps are the text Tesseract gave of the corpus generator's seed 651 d01-i3 (English-trained)
and seed 905 d04-i4 (Vietnamese-trained), development seeds; the names are the generator's truth."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_extract.reconcile.restored import FLAG_RESTORED
from extract.segment.set_rows import FLAG_FROM_SET_ORDER
from score_dumps import read_score_dump

ENG_DUMP = [
    "_ UBND XA SON PHU",
    "",
    "“Thy hién Ké hoach $6 27/KH-UBND n",
    "trién khai c6ng tac cdi céch hanh chinh nam 2013; UBN",
    "",
    "S6: 130/BC-UBND",
    "",
    "CONG HOA XA HOI CHU NGHIA VIET NAM",
    "",
    "‘Doc lap - Ty do - Hanh phiic",
    "",
    "BAO CAO",
    "Két qua ty danh gia, cham diém Chi sé cai cach hanh chinh",
    "nam 2013 cia UBND xa Son Phi",
    "",
    "danh gid, cham diém nhw sau:",
    "",
    "Son Phi, ngay 4 thang 1 ném 2014",
    "",
    "gay 22/02/2013 cia UBND huyén Bite Kim vé viéc",
    "D xa Son Phii bdo cdo két qua tw",
    "",
    "so 7B |",
    "1T Tiéu chi, tiéu chi thanh phan | a Vue | Ghi cha",
    "A CONG TAC CHI DAO, DIEU HANH. a ==",
    "ci CCHC Z",
    "1.1 | Kéhoach CCHC nam 5 325)",
    "111 Ban hanh ké hoach CCHC nam 1 05 Ké hoach s6 196/KH-",
    "Sa i : 2 UBND igay 14/7/2013",
    "Xe dinh day di cac nhiém va CCHC trén cdc Cong van s6 311/CV-",
    "1.1.2 | linh vuc theo ké hoach nam ctia UBND tinh 1- 0,5 VP ngay 28/9/2013",
    "va b6 tri kinh phi thuc hién",
    "Cac két qua phai dat dugc xac dinh ro rang, Ké hoach s6 229/KH-",
    "",
    "1.1.3 | cu thé va dinh ré trach nhiém trién khai cia 1 0,25 UBND ngay 28/02/2013",
    ": phong, ban, don vi true thuéc -",
    "",
    "114 Mite d6 thuc hién ké hoach CCHC 2 2 Cong van s6 141/CV-",
    "ae VP ngay 05/07/2013",
    "1.2 _| Bao céo CCHG 2 Weel :",
    "",
    "Tat ca bao cdo duoc giti dting théi gian quy Thyc hién day di, ding",
    "",
    "1.2.1 | dinh (bdo cdo qui I, qui II, bao cdo 6 thang va 1 1 quy dinh",
    "",
    '"_| bao cdo nam)',
    "",
    "1.22 a e bao cdo c6 day di ndi dung theo huéng 1 0,75",
    "",
    "13 Kiém tra cong tac CCHC 3 25 Ban hanh cham so véi",
    "5 fe quy dinh",
    "Noi nhén: TM. UY BAN NHAN DAN",
    "",
    "- UBND huyén Difc Kim (b/c);",
    "- TT. Dang ty, HDND xa (b/c);",
    "- Luu: VT, VP.",
    "",
    "CHU TICH",
    "",
    "Luu Minh Oanh",
]

VIE_DUMP = [
    "Set ˆ_ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "T. : XÃ KHÁNH VĨNH ụ Độc lập - Tự do - Hạnh phúc",
    ": Số: 133 /KH-UBND Khánh Vĩnh, ngày 26 tháng 01 năm 2015",
    ": tin ._ KẾHOẠCH ] : :",
    "Nâng cao Chỉ số cải cách hành chính năm 2015 : :",
    "Căn cứ kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2014, UBND xã Khánh Vĩnh ban hành Kế hoạch nâng cao Chỉ số",  # noqa: E501
    "cải cách hành chính năm 2015. Kết quả tự đánh giá, chấm điểm năm 2014 như sau: . :",
    "ï Điểm : : ệ",
    ": n SS mi Phòng : Ặ :",
    "STT Nội dung đánh giá ĐIỂM llý 1h BE LỆ Nội VỤ Giải trình",
    "tối đa chấm ti",
    ": ÿ thẩm",
    ": Ề So nil định °",
    "CÔNG TÁC CHÍ ĐẠO, ĐIỀU HÃNH CCHC 7? tiEititETrifeisfiitieittitfiEni T gi it",
    "°[— — | 4 [KếhoahCOHCnăm li f6 sEEltbi-EIES/) 5cbiDRiic ti SE",
    "Ban hành kế hoạch CCHC năm Chưa hoàn thành 12/18 nhiệm vụ",
    "111 1 E",
    "N theo kế hoạch",
    "Ỷ : Xác định đầy đủ các nhiệm vụ CCHC trên các Kế hoạch số 67/KH-UBND ngày",
    "1.1.2 | lĩnh vực theo kế hoạch năm của UBND tỉnh và 1 1 1 18/1/2014 :",
    "Ễ bố trí kinh phí thực hiện 9 :",
    ". | Các kết quả phải đạt được xác định rõ ràng, cụ Chưa đầy đủ tài liệu kiểm chứng",
    "1.1.3 | thể và định rõ trách nhiệm triển khai của phòng, 1 `",
    "ban, đơn vị trực thuộc Š",
    "[ ———T T14. | Mức độ thực hiện kế hoạch CCHC J  ÔÔÐ ô €6",
    "IEbeiBiitidDi TT 7020 i1 0x seriirEnIEETsEMi-iilistIMEWSSEstcbiebrirstisiEtttil",
    "Tất cả báo cáo được gửi đúng thời gian quy định : }",
    ": 1.2.1 | (báo cáo quí I, quí II, báo cáo 6 tháng và báo 1 1 1",
    "š .cáo năm) điền Ỹ",
    "122 'Tất cả báo cáo có đầy đủ nội dung theo hướng, 15 1 1 Quyết định số 6†1/QĐ-UBND ngày :",
    "Môi dẫn - 19/05/2014 Ị",
    "",
    "",
    "",
    "Điểm : : :",
    "ệ (| 2 cà: Phòng : : : vn",
    "; STT : Nội dung đánh giá Hàn The Nội vụ Giải trình :",
    ". : tên thẩm",
    "định",
    "13 Kiểm tra công tác CCHC 3 3 3 Công văn số 50/CV-UBND ngày :",
    ": : 14/12/2014 `",
    '`"... sa On ga gan ng .',
    "_ Nơi nhận: KT. CHỦ TỊCH ì .-",
    ": - UBND huyện Định Thạnh (b/c); PHÓ CHỦ TỊCH : '",
    "-_..... “ Chủ tịch, các PCT UBND xã; ¡ (Đã ký)",
    "- Lưu: VT, VP. : TP HIẾN :",
    ": Hồ ThịVân :",
]

FIELD = "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC"


# The English dump glues the heading to 1.1's line (25); the Vietnamese one prints the heading on
# line 14 and 1.1's garbled name "[KếhoahCOHCnăm" on line 15: the field's row is read from its own
# line there, by the set's wording it prints whole (``match``), or from the set's order.
@pytest.mark.parametrize(("dump", "line", "sub_line"), [(ENG_DUMP, 25, 25), (VIE_DUMP, 14, 15)])
def test_a_fields_heading_glued_to_its_first_sub_criterion_is_the_fields_row(tmp_path: Path, dump, line, sub_line):
    out, _ = read_score_dump(tmp_path, "\n".join(dump) + "\n")
    rows = [r for t in out["score_tables"] for r in t["rows"]]
    assert [r["code"] for r in rows[:2]] == ["1", "1.1"]
    field, sub = rows[0], rows[1]
    assert field["name"] == FIELD
    assert FLAG_FROM_SET_ORDER in field["flags"] or any(f.startswith("name_from_criteria_set") for f in field["flags"])
    assert sub["name"] == "Kế hoạch CCHC năm"
    assert (field["source"]["line_start"], sub["source"]["line_start"]) == (line, sub_line)
    # Its score is printed on no line read: told, not read; the sums may give it (1.1's, 1.2's and
    # 1.3's added up, solved in chains), flagged derived with its raw blank and the row queued.
    assert field["self_points_raw"] is None
    assert field["self_points"] is None or "derived_from_sums:self_points" in field["flags"]
    assert any(q["item"] == "/score_tables/0/rows/0" for q in out["review"])
    told = [p["reason"] for p in out["unread"]]
    assert not [r for r in told if r.startswith("row 1 not read")]
    assert any("1" in r.removeprefix("points of ").split(" not read")[0].split(", ") for r in told)


# Seed 905 d06-i4 (Vietnamese-trained OCR, development seed): rows 1 and 1.1 printed above 1.1.1 as
# two garbled lines, of which one only reads as a row's ("… 6p 1. ga"); 1.1.1's own line is no
# ancestor's, and the code tree does not place one on it.
TREE_DUMP = [
    "_ : ___ ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM ... : _",
    ": XÃ XUÂN HỢP. : __ Độc lập - Tự do - Hạnh phúc . :",
    ": Số: 251/BC-UBND : -_ Xuân Hợp, ngày 24 tháng 01 năm 2014 :",
    ". BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH . _",
    "_ NĂM 2013 CỦA UBND XÃ XUÂN HỢP _. mm .",
    "jm. Tự hiện Kế hoạch số 113/KH-UBND ngày 20/9/2013 của UBND huyện Phước Quý về việc triển khai công tác cải cách hành chính năm",  # noqa: E501
    "2013; UBND xã Xuân Hợp báo cáo kết quả tự đánh giá, chấm điểm như sau: | : '",
    "Jj TT Nội dung đánh giá Phương pháp chấm điểm . _ | Thang. | Điểm tự Tài liệu kiểm chứng",
    ": : : : điểm đánh",
    "_ T6n re crinoanEnimammncmj. ng C7 77756. 6p 1. ga",
    "Ta nacc°“n mm... .ẽ5. 5s... sẽ",
    "1.1.1 | Ban hành kế hoạch CCHC năm Ban hành kịp thời: 1 ` 1 0,5",
    "Ban hành không kịp thời: 0,5 An:",
    ": : : nã S: Không ban hành: 0 : :",
    ": 1.1.2: | Xác định đầy đủ các nhiệm vụ CCHC trên các Xác định đầy đủ nhiệm vụ và có bố trí kinh j 0,25 Ban hành chậm so với quy",  # noqa: E501
    "lĩnh vực theo kế hoạch năm của UBND tỉnh và _ phí: 1 : ni định",
    "ị bố trí kinh phí thực hiện Không xác định đầy đủ nhiệm vụ hoặc không HT :",
    'â.: : -_| bố trí kinh phí: 0 "cố',
    "1.1.3 | Các kết quả phải đạt được xác định rõ ràng, cụ Đạt yêu cầu: 1 : : j 1 1 | Đạt yêu cầu theo hướng dẫn :",
    ": thể và định rõ trách nhiệm triển khai của phòng, | Không đạt yêu cầu: 0 . : : HỆ",
    ": | ban, đơn vị trực thuộc : „",
    ": l cố Mức độ thực hiện kế hoạch CCHC Thực hiện trên 90% kế hoạch: 2 TP 2 Thông báo số 120/TB- :",
    "ị : VÉP mì : Thực hiện từ 70% - 90% kế hoạch: 1 - UBND ngày 24/12/2013.",
    ": : -_ | Dưới 70% kế hoạch: 0 Ni :",
    'h Báo cáo CCHC _ "na... ằãa.agagag nãgS ai: :',
    "| 1⁄2.1 | Tất cả báo cáo được gửi đúng thời gian quy định | Đủ số lượng và đúng thời gian quy định: 1 2",
    ". : (báo cáo quí I, quí III, báo cáo 6 tháng vàbáo - | Không đủ số lượng báo cáo hoặc không đúng",
    "cáo năm) | thời gian quy định: 0 ¬",
    "",
    "",
    "",
    ". điểm đánh .",
    "Eoái-picoxiesie=eeovfi¬.~27222RBRiOf ki: (Re",
    "dẫn : n „. Không đạt yêu cầu: 0 : ,",
    "13 | KiếmtracôngtácCCHC - Ban hành đúng thời gian quy định: 3 điểm s) 2,25 _ | Kế hoạch số 222/KH-UBND",
    "rime= — NÊN HH | La ưế",
    "¡ Không ban hành: 0 điểm : :",
    "Nơinhận ` - 1â : KT. CHỦ TỊCH ` ..",
    "- UBND huyện Phước Quý (b/c), . __ PHÓ CHỦ TỊCH :",
    "- Chủ tịch, các PCT UBND xã; : : :",
    "- Lưu: VT, VP. : | .. _ T.",
    ": : . - _ Thân Thị Thủy : : :",
]


def test_no_ancestor_is_placed_on_the_first_rows_own_line_by_the_tree_alone(tmp_path: Path):
    out, _ = read_score_dump(tmp_path, "\n".join(TREE_DUMP) + "\n")
    rows = [r for t in out["score_tables"] for r in t["rows"]]
    first = next(r for r in rows if r["code"] == "1.1.1")
    assert first["source"]["line_start"] == 12  # "1.1.1 | Ban hành kế hoạch CCHC năm …"
    assert not [r for r in rows if r is not first and r["source"]["line_start"] == 12]
    # 1.1 is printed (its line garbled above 1.1.1): restored from the set, on no line (not 1.1.1's),
    # its cells not read; the field 1 stays unrestored (a table may print a field's rows alone).
    assert not [r for r in rows if r["code"] == "1"]
    assert all(FLAG_RESTORED in r["flags"] and r["source"]["line_start"] is None for r in rows if r["code"] == "1.1")
    told = [p["reason"] for p in out["unread"]]
    assert any(r.startswith("row 1.1 not read") for r in told) and any(r.startswith("row 1 not read") for r in told)
