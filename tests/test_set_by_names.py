"""A criteria set recognised by its rows' names in the set's order (issue 11): a garbled OCR
dump's codes shifted or pushed under a part the document does not have, so no row is weighed
against its own criterion and the set goes unrecognised by codes, although the names, in order,
are the set's. The dumps' tables are real Tesseract output of the corpus generator, written here
by the test; the rows asserted are the ones the tables print."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.pipeline import _names_in_set_order, convert_file
from normalize.criteria import criteria_set, load_criteria_sets
from normalize.criteria.match import FLAG_CODE_BY_NAME, MatchSettings, recognise_set
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


def _table(*rows: tuple[str, str, float | None]) -> ScoreTable:
    return ScoreTable(
        rows=[ScoreRow(code=c, name=n, name_raw=n, max_points=m, flags=["code_inferred"]) for c, n, m in rows],
        read_from="lines",
    )


def test_names_in_the_sets_order_recognise_it_where_the_codes_say_none():
    # Codes shifted one place by a row OCR lost (the names are 1, 1.1.2, 1.1.3, 1.2.1, 1.3's).
    table = _table(
        ("1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC c5 N81 2], [KếhạhGCCHCmm", 6),
        ("1.1", "Lưu BanhànhkehoshOCHCnim BE GttrErrf", 7),
        ("1.1.1", "Xác định đầy đủ các nhiệm vụ CCHC trên các Đã ban hành đúng thời gian", 0.5),
        ("1.2", "Các kết quả phải đạt được xác định rõ ràng, cụ Tỷ lệ đạt", 5),
        ("1.2.1", "Tất cả báo cáo được gửi đúng thời gian quy định Chưa hoàn thành", 1),
        ("1.3", "Kiểm tra công tác CCHC 77... 1ã ag ấn.", None),
    )
    assert recognise_set([table]) is None  # by codes: every row weighed against another criterion
    match = recognise_set([table], order=_names_in_set_order)
    assert match is not None and match.cset.id == "ca-mau_2013"
    assert match.score > match.runner_up


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
