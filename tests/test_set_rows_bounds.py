"""Rows of an OCR dump found by the criteria set's wording between the rows a table read
(``set_rows``'s gaps, issue 11), where the rows read around them no longer hid them: a row under a
code OCR misread into one the set has not ("13" read "1.5"), a row read across a page's end, and
the last row read, whose span swallowed the lines of the criteria printed after it (their codes
and figures lost, their names still printed). Each found row is named by the set, flagged
``row_from_set_order``, queued whole, and its cells are only the figures its own line prints.

The dumps are the text Tesseract gave of three of the corpus generator's scans (seed 662 d04-i3,
seed 651 d04-i4, seed 662 d06-i5); the names and figures asserted are the generator's truth."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.set_rows import FLAG_FROM_SET_ORDER
from normalize.text import fold_words
from schemas import schema_errors

_MISREAD = [
    "UY BAN NHAN DAN XA THINH CONG HOA XA HOI CHU NGHIA VIET NAM",
    "",
    "TAM : Doc lap - Ty do - Hanh phic",
    "S6: 185/BC-UBND _. Thinh Tam; ngay 10 thang 2 nam 2014",
    "BAO CAO",
    "",
    "Két qua ty danh gia, cham diém Chi sé cai cach hanh chinh",
    "nam 2013 cia UBND xa Thinh Tam",
    "",
    "Thue hién Ké hoach s6 293/KH- UBND ngay 13/3/2013 cua UBND huyén Trung Hiép vé viéc trién"
    " khai cong tac cai cach hanh chinh nam",
    "2013; UBND xa Thinh Tam bao cdo két qua tu danh gia, cham diém nhu sau:",
    "",
    ": : Diém Diémty | Diém",
    "STT Linh vue, tiéu chi ! Giai trinh a danh tham",
    "; j chuan oe :",
    ": : gia dinh",
    ". 1. | CONG TAC CHi DAO, DIEU HANH CCHC : 10 9,25 9",
    "ik . | Kéhoach CCHC nam : 5 a 4,75",
    "111 Ban hanh ké hoach.CCHC nam Cong van s6 276/CV-UBND ngay | 1 1 a",
    "oie 15/12/2013",
    "Xac dinh day da cdc nhiém vu CCHC trén cac Thue hién day du, ding quy dink",
    "112 linh vurc theo ké hoach nam cua UBND tinh va : 1 les 0,75",
    "b6 tri kinh phi thic hién ; : :",
    ": Cac két qua phai dat duc xac dinh r6 rang, cu",
    "west) thé va dinh r6 trach nhiém trién khai ctia phong, ‘ 1 il 1",
    "ban, don vi truc thuéc : :",
    "114 Mire d6.thurc hién ké hoach CCHC -| Hoan thanh 100% ké hoach 2 Qo 2",
    "12 Bao céo CCHC : Te 1,25 1,25",
    "Tat ca bao cdo duc giti ding thdi gian quy dinh :",
    "sleet (bao cao qui I, qui III, bao cao 6 thang va bao : 1 0,75 0,75",
    "céo nam) :",
    "L 22 Tat ca bao cao cé day du ndi dung theo huéng Thong bdo sé 176/TB-UBND ngay_ 1 05 05",
    "ig: dan. : : ._ | 06/06/2013 : e =",
    "13 Kiém tra céng tac CCHC ; ‘ Khong phat sinh i 3 3 3\x0cSTT _ Linh vu, tiéu chi - : Giai trinh",
    "",
    "Tong cong |",
    "Noi nha@n: . KT.CHU TICH",
    "- UBND huyén Trung Hiép (b/c); PHO CHU TICH",
    "- TT Dang ity, HDND xa (b/c); ee",
    "=r VE. VP.",
    "",
    "Than Céng Manh",
]

_PAGED = [
    ". ỦY BAN NHÂN DÂN XÃHỢPMỸ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NĂM",
    ": : : = Ai - Độc lập - Tự do - Hạnh phúc „`. Hi",
    "—_ Số: 122/BC-UBND : Hợp Mỹ, ngày 21 tháng 1 năm 2015",
    ": BÁO CÁO - .",
    "__ Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính  ˆ",
    ": : __ năm 2014 của UBND xã Hợp Mỹ",
    "__..Thực hiện Kế hoạch số 236/KH-UBND ngày 20/6/2014 của UBND huyện Xuân Phú về việc"
    " triển khai công tác cải cách hành chính năm .",
    "__ 2014; UBND xã Hợp Mỹ báo cáo kết quả tự đánh giá, chấm điểm như sau: : : : :",
    "- — I Điểm - : ⁄",
    "si : Điểm : :",
    ": Phòng | :",
    "STT Nội dung đánh giá Hướng UBND | Njyu | - — Tài liệu kiểm chứng :",
    ": : lem xa tự ~ - : ỹ",
    "D ; : : di thẩm ' | - :",
    ": ễ : định",
    "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC EriTeirftrarlfr Em ra... a7 1...",
    "— | — | 1.1 |KếhoạchCCHC năm BE E72iviEirii IS nã... ...",
    '[| 1.11 | Ban hành kế hoạch CCHC năm ` Không phát sinh "..',
    "Xác định đầy đủ các nhiệm vụ CCHC trên các Quyết định số 205/QĐ-UBND ngày",
    "1.1.2 | lĩnh vực theo kế hoạch năm của UBND tỉnh và 1 '9/6/2014 : T,",
    "bố trí kinh phí thực hiện ` : :",
    'ĐÓ Các kết quả phải đạt được xác định rõ ràng, cụ Đạt yêu cầu theo hướng dẫn "',
    "5n 1.1.3 | thể và định rõ trách nhiệm triển khai của phòng, 1 1 lo",
    ". | bản, đơn vị trực thuộc _ sc z _",
    "Mức độ thực hiện kế hoạch CCHC. .Chưa hoàn thành 4/14 nhiệm vụ",
    "1.1.4 : 3 1,25 đô T",
    ": : theo kế hoạch",
    "| __. | 12 | BáocáoCCHC fỆ777ERmiTyilimi In 67 71 _",
    ". Tất cả báo cáo được gửi đúng thời gian quy định lo g",
    "1.2.1 | (báo cáo quí I, quí III, báo cáo 6 tháng và báo Si 1 0,75 -",
    "Ni : cáo năm) : : ễ",
    "",
    "",
    "",
    "Điểm Điểm |: : : : _",
    "Phòng ˆ :",
    "STT Nội dung đánh giá TU LTU | Ngựa. Tài liệu kiếm chứng",
    ": điểm |: xãtự | „",
    ": : : chấm HN :",
    "- định :",
    ': ".... na : "¬¬ :',
    "=“..: me cả báo cáo có đầy đủ nội dung theo hướng Tỷ lệ đạt 87% .",
    "¡3 | Kiếm tra công tác CCHC ` : : _¿ __ | Thông báo số 99/TB-UBND ngày : :",
    ", : 12/04/2014 ' WG, ng:",
    "` _ TỔNG ĐIỂM 8ã s15. 511 5 5. I |",
    "_ Nơi nhận: ___TM. ỦY BAN NHÂN DÂN ' : . :",
    "- UBND huyện Xuân Phú (b/c); : CHỦ TỊCH :",
    "_> Chủ tịch, các PCT UBND xã; (Đã ký) : : KH ni",
    "- Lưu: VT, VP. cốc : : nG ni",
    "Nguyễn Hồng Thảo .",
]

_SWALLOWED = [
    "UBND XASONMY DONG . CONGHOA xA HOI CHU NGHIA VIET NAM",
    "wannnn- Doc lap - Tu do - Hanh phic",
    "",
    "S6: 30/BC-UBND Son My Déng, ngay 19 théng 03 nam 2024",
    "",
    "BAO CAO",
    "Ty danh gia, cham diém xac dinh Chi so cai cach hanh chinh nam 2023",
    "",
    "Thu hién Ké hoach s6 250/KH-UBND ngay 25/1 1/2023 cita UBND huyén Thinh Xuan vé",
    "viéc trién khai cng tac cai cach hanh chinh nam 2023; UBND xa Son My Dong DO cao két",
    "_ qua tu danh gia, cham diém nhv sau:",
    "",
    "STT Linh vue, tiéu chi | Diém | Diém |. Tai ligu kiém",
    "toi da tw chitng",
    "ae cham",
    "1. _ | Céng tac chi dao, diéu hanh cai cach 10 10 | Thong bao s6",
    "| hanh chinh 55/TB-UBND",
    "ngay 12/03/2023",
    "Bao cao s6",
    "106/BC- UBND",
    "ngay",
    "",
    "25/11/2023; mét",
    "s6 ndi dung con",
    "cham so vGi thoi",
    "gian quy dinh, da",
    "khac phuc trong",
    "quy sau",
    "",
    "2. | Xay dung va té chifc thu'c hién van 10 10",
    "ban quy pham phap !uat tai tinh",
    "",
    "3. | Cai cach tha tuc hanh chinh | 14,5 | 14,5 | Thong bao sé",
    "",
    "140/TB-UBND",
    "ngay 25/11/2023",
    "Bao cao s6",
    "59/BC-UBND",
    "ngay",
    "19/12/2023;. da",
    "tong hop, bao",
    "cao két qua thu'c",
    "hién vé UBND",
    "cap trén ding",
    "thoi han",
    "",
    "4. | Cai cach t6 chic b6 may hanh chinh 11. | 10,25 | Ké hoach sé",
    "",
    "| 301/KH-UBND",
    "ngay 21/05/2023",
    "| Bao cao s6",
    "oe 296/BC- UBND",
    "",
    "",
    "",
    "12/09/2023; tai",
    "liéu kiém ching",
    "vu tai Van >",
    "phong HDND va",
    "UBND xa.",
    "",
    "5. | Xay dung va nang cao chat higng doi",
    "",
    "‘ngii cong chifc, vién chifc",
    "",
    "+—",
    "",
    "16 .",
    "",
    "14,5 -",
    "",
    "| UBND xa",
    "",
    "- 21/10/2023; tai",
    "",
    "Ké hoach s6",
    "83/KH-UBND",
    "ngay 5/5/2023",
    "Céng van s6",
    "238/CV-VP ngay",
    "liéu kiém ching",
    "",
    "lvu tai Van",
    "phong HDND va",
    "",
    "les :",
    "Cai cach tai chinh cong",
    "",
    "87/KH-UBND —",
    "",
    "-62/QD-UBND",
    "-| ngay :",
    "",
    "Ké hoach sé -",
    "",
    "ngay 27/10/2023",
    "Quyét dinh s6",
    "",
    "03/12/2023; cac",
    "nhiém vu duoc",
    "trién khai day du,",
    "ding tién d6 theo",
    "ké hoach dé ra",
    "",
    "dt",
    "",
    "Resse Z",
    "Hién dai héa hanh chinh",
    "",
    "16.",
    "",
    "16",
    "",
    "| cao két qua thu",
    "",
    "ngay oo",
    "| 20/06/2023; da",
    "",
    "| thoi han",
    "",
    "Ké hoach s6",
    "152/KH-UBND",
    "ngay 14/02/2023",
    "Thong bao so",
    "147/TB-UBND",
    "",
    "tong hop, bao",
    "",
    "hién ve UBND",
    "cap trén ding",
    "",
    "Tac dong cia CCHC dén ngwéi dan, —",
    "",
    "t6 chic va phat trién kinh té xa hoi",
    "cua tinh",
    "",
    "15,5",
    "",
    "15",
    "",
    "te",
    "",
    "Quyét dinh s6",
    "193/QD-UBND -",
    "ngay 13/12/2023",
    "Thong bao so",
    "207/TB-UBND",
    "ngay 6/8/2023; :",
    "cac nhiém vu",
    "duoc trién khai",
    "day du, dung tién",
    "",
    "dé theo ké hoach |",
    "",
    "",
    "",
    "a aoe Tong sé diém",
    "",
    "Noi nhén:",
    "",
    "- UBND huyén Thinh Xuan (b/c);",
    "_ = Chi tich, cic PCT UBND xa:",
    "",
    "- Luu: VT, VP.",
    "",
    "| dera",
    "100 | 97,25",
    "",
    "KT. CHU TICH",
    "_PHO CHU TICH",
    "",
    "Ha Thi Van",
]


def _rows(tmp_path: Path, lines: list[str]) -> tuple[dict, dict[str, dict]]:
    path = tmp_path / "dump.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = result_to_json(convert_file(path))
    assert out["errors"] == [] and schema_errors(out) == []
    return out, {r["code"]: r for t in out["score_tables"] for r in t["rows"]}


def _queued_whole(out: dict, code: str) -> bool:
    at = {
        f"/score_tables/{ti}/rows/{ri}"
        for ti, t in enumerate(out["score_tables"])
        for ri, r in enumerate(t["rows"])
        if r["code"] == code
    }
    return any(q["item"] in at and q["field"] is None for q in out["review"])


def test_a_row_under_a_code_the_set_has_not_bounds_no_criteria_and_hides_none(tmp_path):
    # Row 1.3's "13 Kiém tra céng tac CCHC" came out under a code the set has not; 1.2.1's name
    # line (line 29, "Tat ca bao cdo duc giti ding thdi gian quy dinh :") was read as 1.2's second
    # line, its figures line's code lost ("sleet"). The set puts 1.2.1 alone between 1.2 and 1.2.2.
    out, rows = _rows(tmp_path, _MISREAD)
    row = rows["1.2.1"]
    assert row["name"] == (
        "Tất cả báo cáo được gửi đúng thời gian quy định (báo cáo quí I, quí III, báo cáo 6 tháng và báo cáo năm)"
    )
    assert FLAG_FROM_SET_ORDER in row["flags"] and row["source"]["line_start"] == 29
    assert _queued_whole(out, "1.2.1")
    codes = [r["code"] for t in out["score_tables"] for r in t["rows"]]
    assert codes.index("1.2") < codes.index("1.2.1") < codes.index("1.2.2")
    # (its figures are on the next line, not its own: none is made up)
    assert row["max_points"] in (None, 1.0) and row["self_points"] in (None, 0.75)


def test_a_criterion_printed_after_a_page_break_inside_a_rows_span_is_found(tmp_path):
    # 1.2.1 is the first page's last row; the second page repeats the header and prints 1.2.2's
    # name line ("=“..: me cả báo cáo có đầy đủ nội dung theo hướng", line 42) over 1.3's line.
    out, rows = _rows(tmp_path, _PAGED)
    row = rows["1.2.2"]
    assert row["name"] == "Tất cả báo cáo có đầy đủ nội dung theo hướng dẫn"
    assert FLAG_FROM_SET_ORDER in row["flags"] and row["source"]["line_start"] == 42
    assert _queued_whole(out, "1.2.2")
    codes = [r["code"] for t in out["score_tables"] for r in t["rows"]]
    assert codes.index("1.2.1") < codes.index("1.2.2") < codes.index("1.3")


def test_the_criteria_the_last_rows_span_swallowed_are_found_by_their_names(tmp_path):
    # Row 5's figures and explanation run on to the table's end: the name lines of 6, 7 and 8
    # (lines 87, 108, 132), their codes lost, were read as 5's. The truth prints all eight.
    out, rows = _rows(tmp_path, _SWALLOWED)
    assert list(rows) == ["1", "2", "3", "4", "5", "6", "7", "8"]
    names = {
        "6": "Cải cách tài chính công",
        "7": "Hiện đại hóa hành chính",
        "8": "Tác động của CCHC đến người dân, tổ chức và phát triển kinh tế xã hội của tỉnh",
    }
    for code, name in names.items():
        # (the set writes "hoá" where the truth writes "hóa": the same word)
        assert fold_words(rows[code]["name"]) == fold_words(name) and FLAG_FROM_SET_ORDER in rows[code]["flags"]
        assert _queued_whole(out, code)
    assert [rows[c]["source"]["line_start"] for c in names] == [87, 108, 132]
    # (their figures are printed lines away, under other rows' words: none is read into them)
    assert all(rows[c]["max_points"] in (None, m) for c, m in (("6", 7.0), ("7", 16.0), ("8", 15.5)))
