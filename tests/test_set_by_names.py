"""A criteria set recognised by its rows' names in the set's order (issue 11): a garbled OCR
dump's codes shifted or pushed under a part the document does not have, so no row is weighed
against its own criterion and the set goes unrecognised by codes, although the names, in order,
are the set's. The dumps' tables are real Tesseract output of the corpus generator, written here
by the test; the rows asserted are the ones the tables print."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.pipeline import _names_in_set_order, convert_file
from normalize.criteria import criteria_set, load_criteria_sets
from normalize.criteria.match import FLAG_CODE_BY_NAME
from normalize.criteria.match_settings import MatchSettings
from normalize.criteria.recognise import recognise_set
from schemas.records import ScoreRow, ScoreTable

# The garbled column-number row "0) 2)_ @) _ 0ø 8 1 8" read as criterion 1 pushes the printed
# "1." under a part I, and every code after it (I.1.1 for 1.1, I.1.1.1 for 1.1.1 …).
PUSHED_BY_COLUMN_NUMBERS = (
    "_ : tê m. . ; Thang | Điểm tự: Tà\n"
    "STT Nội dung đánh giá Tài liệu kiểm chứng điểm - Hưng thẩm |\n"
    ": lềm chấm š\n"
    ": định -\n"
    "0) 2)_ @) _ 0ø 8 1 8\n"
    "1. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC ` ễ 10 7,75 7,75 -\n"
    "11 | Kế hoạch CCHC năm l5 1. i8 4/25.\n"
    "1.1.1 | Ban hành kế hoạch CCHC năm Đạt yêu cầu theo hướng dẫn . tại 1\n"
    "Xác định đầy đủ các nhiệm vụ CCHC trên các lĩnh vực | Thực hiện đầy đủ, đúng quy định lẽ lẽ\n"
    "1.1.2 | theo kế hoạch năm của UBND tỉnh và bố trí kinh phí : 1 ai 1\n"
    "thực hiện\n"
    "Các kết-quả phải đạt được xác định rõ ràng, cụ thể và Công văn số 94/CV-VP ngày\n"
    "1.1.3 | định rõ trách nhiệm triển khai của phòng, ban, đơn vị 05/05/2013 1 075 0,75\n"
    "trực thuộc : :\n"
    "11.4 | Mức độ thực hiện kế hoạch CCHC Kế hoạch số 200/KH-UBND ngày 3 Tó nạ\n"
    "Na : : 15/08/2013 : í '\n"
    "1.2 | Báo cáo CCHC 2 0 0,5\n"
    "L21 Tất cả báo cáo được gửi đúng thời gian quy định (báo . 1 : 0,25 025\n"
    "cáo quí I, quí II, báo cáo 6 tháng và báo cáo năm) | lễ\n"
    "Tất cả báo cáo có đầy đủ nội dung theo hướng dẫn Quyết định số 312/QĐ-UBND ngày\n"
    "1/220 JÊT ồ : 1 0,25 0,25\n"
    ": N : 15/02/2013 JỆ lộ\n"
    "1.3 | Kiểm tra công tác CCHC : 3 3\n"
    "Tổng cộng l. 10 7,75 71/08."
)

# The title "KẾ HOẠCH" read as criterion 1 does the same (the whole dump up to the total); the row printed
# "1.1.2 | lĩnh vực theo …" under its name's first line keeps the pushed code "I.1.1.2".
PUSHED_BY_TITLE = (
    "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "\n"
    "XÃ TAM ĐỊNH Độc lập - Tự do - Hạnh phúc\n"
    "Số: 196/KH-UBND Tam Định, ngày 19 tháng 11 năm 2013\n"
    "KẾ HOẠCH\n"
    "\n"
    "Nâng cao Chỉ số cải cách hành chính năm 2014\n"
    "\n"
    "Căn cứ kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2013, "
    "UBND xã Tam Định ban hành Kế hoạch nâng cao Chỉ số cải\n"
    "cách hành chính năm 2014. Kết quả tự đánh giá, chấm điểm năm 2013 như sau:\n"
    "\n"
    "sx Điểm\n"
    "ĐIỂM Í phàng\n"
    "TT Nội dung đánh giá Giải trình Thang | UBND | Nộivu\n"
    "điểm xã tự -\n"
    "chấm thấm\n"
    "định\n"
    "mm @2)_— G) 4) G6) (6)\n"
    "1. CÔNG TÁC CHI ĐẠO, ĐIEU HÃNH CCHC 10 7,25 7,25\n"
    "1.1 Kế hoạch CCHC năm 5 3,5 3,5\n"
    "1.1.1 | Ban hành kế hoạch CCHC năm Chưa đầy đủ tài liệu kiểm chứng 1 0,25 0,25\n"
    "Xác định đầy đủ các nhiệm vụ CCHC trên các\n"
    "1.1.2 | lĩnh vực theo kế hoạch năm của UBND tỉnh và 1 1 1\n"
    "bố trí kinh phí thực hiện\n"
    "Các kết quả phải đạt được xác định rõ ràng, cụ Chưa đầy đủ tài liệu kiểm chứng\n"
    "1.1.3 | thể và định rõ trách nhiệm triển khai của phòng, 1 0,75 0,75\n"
    "ban, đơn vị trực thuộc\n"
    "Mức độ thực hiện kế hoạch CCHC Công văn số 72/CV-UBND ngày\n"
    "1.1.4 23/12/2013 2 1,75 1,75\n"
    "1.2 Báo cáo CCHC 2 2 2\n"
    "Tất cả báo cáo được gửi đúng thời gian quy định | Quyết định số 291/QĐ-UBND ngày\n"
    "1.2.1 | (báo cáo quí I, quí II, báo cáo 6 tháng và báo 10/4/2013 1 1 1\n"
    "cáo năm)\x0cĐiểm Điểm\n"
    "Phòng\n"
    "TT Nội dung đánh giá Giải trình Thang | UBND | Nộivu\n"
    "điểm xã tự -\n"
    "chấm thấm\n"
    "định\n"
    "q) (2) Ê)) (42) G) (6)\n"
    "122 đan cả báo cáo có đầy đủ nội dung theo hướng 1 1 1\n"
    "1.3. | Kiểm tra công tác CCHC 3 1,5 1,5\n"
    "TỔNG ĐIỂM 10 7,25 7,25"
)

# The names' first lines printed above their coded lines, each row read from its wrapped middle
# ("1.1.2. | lĩnh vực theo-kế hoạch năm của UBND tỉnh và s1: 1"), no name opening its criterion's
# wording but the field's, glued ("ÔNGTÁCCHỈBẠO,BIỀUHÀNHCCHC"), and 1.1.4's.
NAMES_WRAPPED_AROUND_CODES = (
    "`... ỦY BAN NHÂN DÂN - CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM .\n"
    "; XÃ DIÊN CƯỜNG : _ Độc lập - Tự do - Hạnh phúc : 7\n"
    ".. _ Số22/BCUBND - Diên Cường, ngày 21 tháng 1 năm 2015 ằm :\n"
    "_ BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH\n"
    ". : NĂM 2014CỦA UBND XÃ DIÊN CƯỜNG _\n"
    "- Thực hiện Kế hoạch số 45/KH-UBND ngày 11/7/2014 của UBND huyện Phước Thanh "
    "về việc triển khai công tác cải cách hành chính năm :\n"
    ": 2014; UBND xã Diên Cường báo cáo kết quả tự đánh giá, chấm điểm như sau: - : :\n"
    "Đi g | Điểm Điảc Í :\n"
    "Sir Lĩnh vực, tiêu chí Nội dung giải trình m' . | bế\n"
    "Ieim xa tự s\n"
    "Sim định\n"
    "- Thế chấm :\n"
    "_ | 1 |ÔNGTÁCCHỈBẠO,BIỀUHÀNHCCHC EETOritcTitit BErtiyiritriErtrrTrnltrtxrmiritx ieT :\n"
    "E ii me Si ST: at tnilrrrmiirro min\n"
    "s Giải lo 1c tin rộ nị Ti aTprrbr TErtrVefsirtrmritrrer tmimmeni Ti s.\n"
    "Xác định đầy đủ các nhiệm vụ CCHC trên các : :\n"
    "1.1.2. | lĩnh vực theo-kế hoạch năm của UBND tỉnh và s1: 1 lỆ Ti g\n"
    "bố trí kinh phí thực hiện - : ụ :\n"
    "ni, Các kết quả phải đạt được xác định rõ ràng, cụ . : :\n"
    "1.1.3 | thể và định rõ trách nhiệm triển khai của phòng, .. . 1 1\n"
    "ban, đơn vị trực thuộc :\n"
    "; L14 Mức độ thực hiện kế hoạchCCHC_ - Báo cáo số 241/BC-UBND- ngày 2 an sa ng\n"
    ": Si : _] 23/7/2014\n"
    "[— | 12 |Bácioccnc SE l7 ri g Tổ lưm tổ TU 8g _ ..\n"
    "Tất cả báo cáo được gửi đúng thời gian quy định | Hoàn thành 100% kế hoạch :\n"
    "am 1.2.1 | (báo cáo quí I, quí III, báo cáo 6 tháng và báo - - : 1U 1 0,5 -\n"
    ": cáo năm) ị SN\n"
    "Kiểm tra công tác CCHC Báo cáo số 229/BC-UBND ngày\n"
    "là . 2 tin dg Di 5 2,75 .\n"
    "\n"
    "\n"
    "\n"
    "ca Điểm\n"
    "STT : Lĩnh vực tiêu ch ˆ Nội dung giải trình thêm, UPBNDTT pm. `...\n"
    "liếm xã tự Ỷ\n"
    ": : SẮP định\n"
    ": : : chấm _ :\n"
)

HEAD = (
    "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "XÃ MỸ ĐỊNH Độc lập - Tự do - Hạnh phúc\n"
    "Số: 194/KH-UBND Mỹ Định, ngày 5 tháng 2 năm 2014\n"
    "KẾ HOẠCH\n\n"
    "Nâng cao Chỉ số cải cách hành chính năm 2014\n\n"
    "Căn cứ kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2013, UBND xã ban hành Kế hoạch\n"
    "nâng cao Chỉ số cải cách hành chính năm 2014. Kết quả tự đánh giá, chấm điểm năm 2013 như sau:\n\n"
)

# (no set by its codes: the names' order alone is asked)
NO_CODES = MatchSettings(min_score=2.0)

SET_CODES = ["1", "1.1", "1.1.1", "1.1.2", "1.1.3", "1.1.4", "1.2", "1.2.1", "1.2.2", "1.3"]


def _rows(tmp_path: Path, text: str) -> list[ScoreRow]:
    path = tmp_path / "dump.txt"
    path.write_text(text + "\n", encoding="utf-8")
    return [r for t in convert_file(path).score_tables for r in t.rows]


def test_rows_pushed_under_a_part_by_the_column_number_row_take_the_sets_codes(tmp_path):
    rows = _rows(tmp_path, HEAD + PUSHED_BY_COLUMN_NUMBERS)
    assert [r.code for r in rows] == SET_CODES
    by_code = {r.code: r for r in rows}
    # The figures the dump prints on the rows' lines: "10 7,75 7,75", "1 075 0,75", "| 3 3".
    assert (by_code["1"].max_points, by_code["1"].self_points, by_code["1"].appraised_points) == (10, 7.75, 7.75)
    assert (by_code["1.1.3"].max_points, by_code["1.1.3"].self_points) == (1, 0.75)
    assert (by_code["1.3"].max_points, by_code["1.3"].self_points) == (3, 3)
    assert by_code["1.1"].name == "Kế hoạch CCHC năm"
    assert any(f.startswith(FLAG_CODE_BY_NAME) for f in by_code["1.1"].flags)


def test_a_row_left_under_the_pushed_part_takes_the_code_its_name_follows_in_the_set(tmp_path):
    rows = _rows(tmp_path, PUSHED_BY_TITLE)
    assert [r.code for r in rows] == SET_CODES
    by_code = {r.code: r for r in rows}
    # "1.1.2 | lĩnh vực theo kế hoạch năm của UBND tỉnh và 1 1 1", its name's first line above.
    assert (by_code["1.1.2"].max_points, by_code["1.1.2"].self_points) == (1, 1)
    assert by_code["1.1.2"].name.startswith("Xác định đầy đủ các nhiệm vụ CCHC")
    # "1. CÔNG TÁC CHI ĐẠO, ĐIEU HÃNH CCHC 10 7,25 7,25" and "1.3. | Kiểm tra công tác CCHC 3 1,5 1,5".
    assert (by_code["1"].max_points, by_code["1"].self_points) == (10, 7.25)
    assert (by_code["1.3"].max_points, by_code["1.3"].self_points) == (3, 1.5)


# Codes pushed under a part by a column-number row read as criterion 1: each row's code is
# another criterion's or none of the set's; names and maxima, in order, are the set's.
PUSHED_ROWS = [
    ("1", "0) 2)_ 0ø", 8),
    ("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", 10),
    ("I.1.1", "Kế hoạch CCHC năm", 5),
    ("I.1.1.1", "Ban hành kế hoạch CCHC năm", 1),
    ("I.1.1.2", "Xác định đầy đủ các nhiệm vụ CCHC trên các lĩnh vực theo kế hoạch năm", 1),
    ("I.1.1.3", "Các kết-quả phải đạt được xác định rõ ràng, cụ thể và định rõ trách nh", 1),
    ("I.1.2", "Báo cáo CCHC", 2),
    ("I.1.2.1", "Tất cả báo cáo được gửi đúng thời gian quy định (báo cáo quí I, quí II", 1),
    ("I.1.3", "Kiểm tra công tác CCHC", 3),
]


def _table(*rows: tuple[str, str, float | None]) -> ScoreTable:
    return ScoreTable(
        rows=[ScoreRow(code=c, name=n, name_raw=n, max_points=m, flags=["code_inferred"]) for c, n, m in rows],
        read_from="lines",
    )


def test_names_in_the_sets_order_recognise_it_where_the_codes_say_none():
    pushed = PUSHED_ROWS
    assert recognise_set([_table(*pushed)]) is None  # by codes: no row weighed against its criterion
    match = recognise_set([_table(*pushed)], order=_names_in_set_order)
    assert match is not None and match.cset.id == "ca-mau_2013"
    assert match.score > match.runner_up and match.sure()
    # The same names over maxima OCR garbled say no set: names alone are many provinces' wordings.
    garbled = [(c, n, m + 0.5) for c, n, m in pushed]
    assert recognise_set([_table(*garbled)], order=_names_in_set_order) is None


def test_a_typed_tables_codes_are_sure_and_its_names_are_not_aligned_to_any_set():
    # The same rows read from a DOCX grid: a typed code is printed as the commune wrote it, so a
    # table no set fits by its codes is another set's, not one OCR shifted; the names are not
    # aligned (the alignment over every set is the costliest step of a typed conversion).
    typed = _table(*PUSHED_ROWS)
    typed.read_from = "docx"
    asked = []

    def order(rows, cset):
        asked.append(cset.id)
        return _names_in_set_order(rows, cset)

    assert recognise_set([typed], order=order) is None and asked == []
    typed.read_from = "lines"  # the same rows split from an OCR dump's lines
    match = recognise_set([typed], order=order)
    assert asked and match is not None and match.cset.id == "ca-mau_2013"


def test_names_two_sets_share_recognise_neither():
    # Field wordings printed alike in two provinces' sets: the order says nothing of which.
    table = _table(
        ("1", "Công tác chỉ đạo, điều hành", None),
        ("2", "Cải cách thủ tục hành chính", None),
        ("3", "Cải cách tổ chức bộ máy hành chính", None),
        ("4", "Cải cách tài chính công", None),
    )
    shared = [criteria_set("bnv-tinh_2948"), criteria_set("ba-ria-vung-tau_2023")]
    assert all(len(_names_in_set_order(table.rows, s)) >= 3 for s in shared)
    assert recognise_set([table], sets=load_criteria_sets(), order=_names_in_set_order, settings=NO_CODES) is None


def test_rows_read_from_their_names_wrapped_middle_recognise_the_set_and_take_its_wording(tmp_path):
    rows = _rows(tmp_path, "".join(NAMES_WRAPPED_AROUND_CODES))
    by_code = {r.code: r for r in rows}
    cset = criteria_set("ca-mau_2013").by_code()
    # "1.1.2. | lĩnh vực theo-kế hoạch năm của UBND tỉnh và s1: 1", "1.1.3 | thể và định rõ … 1 1"
    for code in ("1.1.2", "1.1.3"):
        assert by_code[code].name == cset[code].name
        assert (by_code[code].max_points, by_code[code].self_points) == (1, 1)
    assert by_code["1.1.4"].name == "Mức độ thực hiện kế hoạch CCHC"
    assert by_code["1"].name == "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC"


def test_a_piece_of_a_wording_pairs_a_rows_name_with_its_criterion_in_order():
    table = _table(
        ("1", "ÔNGTÁCCHỈBẠO,BIỀUHÀNHCCHC EETOritcTitit BErtiyiritriErtrrTrnltrtxrmiritx", None),
        ("1.1.2", "lĩnh vực theo-kế hoạch năm của UBND tỉnh và", 1),
        ("1.1.3", "thể và định rõ trách nhiệm triển khai của phòng,", 1),
        ("1.1.4", "Mức độ thực hiện kế hoạchCCHC_", None),
        ("1.2", "Bácioccnc SE l7 ri g Tổ lũm tổ TU 8g Tất cả báo cáo được gửi đúng thời gian quy", None),
        ("1.3", "am 1.2.1 (báo cáo quí I, quí III, báo cáo 6 tháng và báo 1U cáo năm)", 1),
        ("1.4", "Kiểm tra công tác CCHC là 2 tin do Đi", 5),
    )
    named = [(k, c.code) for k, c in _names_in_set_order(table.rows, criteria_set("ca-mau_2013"))]
    assert (1, "1.1.2") in named and (2, "1.1.3") in named and (3, "1.1.4") in named
    match = recognise_set([table], order=_names_in_set_order)
    assert match is not None and match.cset.id == "ca-mau_2013"
