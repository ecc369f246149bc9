"""OCR text dumps whose cells OCR damaged: letters glued to a cell's digits, lost cells, specks and
ruling lines read as letters or bars, rows whose code OCR lost; each dump written by the test, its
rows and cells checked against what the dump prints."""

from cchc_extract.pipeline import convert_file, result_to_json
from extract.model import Line
from extract.segment import score_lines
from extract.segment.line_cells import read_line
from extract.segment.line_common import glued_digits, glued_readings, line_tokens, points_cell
from extract.segment.line_header import HeaderLayout, is_header_line
from extract.segment.line_words import name_before_garbled_cells, unspecked
from extract.segment.score_readings import points_readings
from test_ocr_dumps import DEGRADED, _lines, _scored


def test_a_speck_letter_glued_before_a_cells_digits():
    # Seed 171 d04-i4: "1.3 | Kiểm tra công tác CCHC 3 a3 [ 3" (3, 3, 3): the "a" is a speck.
    three = HeaderLayout(points=("max", "self", "appraised"))
    cells = read_line(Line(text="1.3 | Kiểm tra công tác CCHC 3 a3 [ 3", page=1, number=1), False, three)
    # The cell is kept as printed (the letter may be a digit OCR garbled: the value is doubted)
    # and read as its digits.
    assert (cells.max_raw, cells.self_raw, cells.appraised_raw) == ("3", "a3", "3")
    assert glued_digits(cells.self_raw) == "3"
    # Only beside a number: alone it is a word's ("quí a3" stays text), and no item letter is read.
    assert points_cell("a3") is None and points_cell("a3", beside_points=True) == "a3"
    assert points_cell("a)", beside_points=True) is None and glued_digits("a)") is None


def test_a_letter_glued_after_a_cells_digits():
    # Seed 345 d05-i4 (truth 10, 8, 7,25): "1. | CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC. 10 8V JR755" —
    # the self score 8 with a speck read "V" glued after it; the row's max and self are read
    # (before, the run was not found and the part row lost both), the appraised cell lost.
    three = HeaderLayout(points=("max", "self", "appraised"))
    line = "1. | CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC. 10 8V JR755"
    cells = read_line(Line(text=line, page=1, number=1), False, three)
    assert (cells.code, cells.max_raw, cells.self_raw) == ("1.", "10", "8V")
    assert glued_digits("8V") == "8" and glued_digits("8") is None
    # A small letter a digit looks like may be that digit garbled: both readings are kept for the
    # sums and the set's maximum to choose. A capital one, or one with a mark, is a digit garbled
    # (seed 261 d03-i4's "1G" is 16; seed 346 d06-i6's "3 2 1ó..." for 3, 2 and a lost cell): no cell.
    # (and the digit reading's comma lost, in quarters: "5s" may be 5,5)
    assert glued_readings("5s") == [5.0, 55.0, 5.5]
    assert points_cell("1G", beside_points=True) is None and points_cell("1ó", beside_points=True) is None
    # After a 1 the letter is the second digit of 10-19 garbled (seed 346: "1U. 10", "10 ; 1g 10"
    # for 10, 10 and 10, 10, 10); after a decimal, its last digit ("2,7Ð" for 2,75).
    assert glued_digits("1U") is None and glued_digits("1g") is None and glued_digits("2,7Ð") is None
    # Seed 345 d04-i2 (truth 5, 3,75, 3): "— —Ƒ 1.1 | KếhoachCCHC năm —5s | 35 | 3 |": a rule's
    # dash, then the max 5 with a speck glued after it (before: the max lost).
    assert points_cell("—5s", beside_points=True) == "5s" and points_cell("—5s") is None
    assert points_cell("8V") is None  # alone, a word's ("Điều 8a" stays text)


def test_a_capital_i_glued_before_a_digit_is_a_cell_read_both_ways():
    # Seed 345 d06-i6 (truth 11, 11, 11; the explanation printed before the points): "… Kế hoạch
    # số 167/KH-UBND ngày I1 - 11 11" — the max 11 with its first 1 read "I". Before, the run was
    # "11 11" and the appraised cell was lost.
    three = HeaderLayout(points=("max", "self", "appraised"))
    line = "A. Cải cách tổ chức bộ giờ 1 hành chính ' Kế hoạch số 167/KH-UBND ngày I1 - 11 11"
    cells = read_line(Line(text=line, page=1, number=1), False, three)
    assert (cells.max_raw, cells.self_raw, cells.appraised_raw) == ("I1", "11", "11")
    # Each glued cell is a reading with its alternative, for the sums and the set's maximum to
    # choose ("l5" under a parent of 10 is 5, the "l" a rule; "i0" may be 10; "l5" may be 1,5, its
    # comma lost beside the letter): no 3-digit reading.
    assert glued_readings("I1") == [11.0, 1.0] and glued_readings("l5") == [5.0, 15.0, 1.5]
    assert glued_readings("i0") == [0.0, 10.0] and glued_readings("s10") == [10.0]
    assert glued_readings("11") == [] and points_readings("l5") == [5.0, 15.0, 1.5]


def test_a_lost_cell_inside_the_run_and_an_overlong_cell_before_the_explanation():
    # Seed 191's d05-i3: "10 <0 10" (10, 10, 10): the appraised 10 after the garbled self
    # score is the row's too. d01-i3: "… CCHC nam 1 4105 Ké hoach s6 249/KH-" (1 and 1,25):
    # "4105" is a cell OCR garbled, not the name's; a year there stays the text's, and more
    # numbers after it leave the run to the later numbers.
    three = HeaderLayout(points=("max", "self", "appraised"))
    line = "iB Cong tac chi dao, diéu hanh cai cach hanh chinh 10 <0 10 Khong phat sinh"
    cells = read_line(Line(text=line, page=1, number=1), False, three)
    assert (cells.max_raw, cells.self_raw, cells.appraised_raw) == ("10", "<0", "10")
    assert [raw for _, raw in cells.explanation] == ["Khong", "phat", "sinh"]
    two = HeaderLayout(points=("max", "self"))
    cells = read_line(
        Line(text="111 Ban hanh ké hoach CCHC nam 1 4105 Ké hoach s6 249/KH-", page=1, number=1), False, two
    )
    assert (cells.code, cells.max_raw, cells.self_raw) == ("111", "1", "4105")
    assert [raw for _, raw in cells.name][-1] == "nam"
    cells = read_line(
        Line(text="111 Ban hanh ké hoach CCHC nam 1 2014 Ké hoach s6 249/KH-", page=1, number=1), False, two
    )
    assert cells.max_raw is None and cells.self_raw is None
    # d01-i4: "'3._ | Cải cách thủ tục hành chính 14,5 1451|:" (14,5 and 14,5) ends its line with
    # the garbled cell, a ruling line glued to it; the row was missed and row 2 read as 3.
    line = "'3._ | Cải cách thủ tục hành chính 14,5 1451|:"
    cells = read_line(Line(text=line, page=1, number=1), False, two)
    assert (cells.code, cells.max_raw, cells.self_raw) == ("3.", "14,5", "1451|:")


def test_a_totals_label_whose_marks_ocr_misread_is_the_totals_row():
    # Seed 191's d01-i3: "Téng sé diém 9 8 |" ("Tổng số điểm" once repaired) was read as a row
    # 1.4 (invented) and its total of 9 against the top rows' 10 (a planted fault) went unchecked.
    # "1 4105" in 1.1.1's line is its max and a garbled self cell (its name had swallowed them).
    path = DEGRADED / "s191-d01-i3-ruled-center-eng-300dpi-degraded.txt"
    rows = {r["code"]: r for t in result_to_json(convert_file(path))["score_tables"] for r in t["rows"]}
    assert "1.4" not in rows and rows["1.1.1"]["max_points"] == 1
    tally = _scored(path)["tally"]
    assert tally["invented"] == 0 and tally["found"] >= 9
    assert tally["faults_flagged"] == tally["faults"] == 2


def test_a_lone_letter_with_a_mark_no_vietnamese_letter_carries_is_a_lost_cell():
    # Seed 191's d02-i4: "… 05/01/2013 ï 0,5 0,25 ụ : :" (1, 0,5, 0,25): "ï" is the max cell OCR
    # garbled, which backs the three points columns the garbled header did not name (its
    # appraised column was missed whole, 7 values blank and not queued); "ụ" is a syllable.
    from extract.segment.line_cells import garbled_cell

    assert garbled_cell(("ï", "ï")) and garbled_cell(("†", "†"))
    assert not garbled_cell(("ụ", "ụ")) and not garbled_cell(("a", "a"))
    three = HeaderLayout(points=("max", "self", "appraised"), explanation_first=True)
    line = "1.1.2 | theo kế hoạch năm của UBND tỉnh và bố trí kinh phí 05/01/2013 ï 0,5 0,25 ụ : :"
    cells = read_line(Line(text=line, page=1, number=1), False, three)
    assert (cells.max_raw, cells.self_raw, cells.appraised_raw) == ("ï", "0,5", "0,25")


def test_a_row_whose_code_ocr_lost_kept_from_a_garbled_table_when_name_and_points_say_its_place():
    # Seed 191's d05-i3: "> Xay dung va t6 chifc … quy pham_- 10 8.5 8.5": its code garbled, its
    # place (between 1 and 4) says 2, its name took 2's wording and its max 10 is the set's. The
    # table's other doubtful rows (a wrapped name tail "phap luattaitinh z 2", a garbled line of
    # 3) are still withdrawn and told.
    path = DEGRADED / "s191-d05-i3-ruled-center-eng-250dpi-degraded.txt"
    result = result_to_json(convert_file(path))
    rows = {r["code"]: r for t in result["score_tables"] for r in t["rows"]}
    assert (rows["2"]["max_points"], rows["2"]["self_points"], rows["2"]["appraised_points"]) == (10, 8.5, 8.5)
    # Row 3 ("| Cai cach tha tuc hanh chinh Thong bao …", its figures garbled below) is found by its
    # name's place in the set; its self score (13) is told lost.
    assert set(rows) == {"1", "2", "3", "4"} and rows["3"]["self_points"] is None
    assert any(u["reason"].startswith("points of 3 not read") for u in result["unread"])
    tally = _scored(path)["tally"]
    assert tally["invented"] == 0 and tally["found"] == 4


def test_rows_placed_by_nothing_are_withdrawn_and_told():
    # Seed 211's d04-i4 (vie, 300 dpi, degraded): OCR garbled row 1's line ("Bồi cong nề HE 7| 78
    # 8") and a line under 1.1.3 ("ˆ 1 1 Ẳ Mức độ …"); both were coded by their place alone, named
    # as no criterion, with a maximum that is not the set's for that code: invented rows whose
    # numbers went into the sums. They are withdrawn and told; the rows OCR left readable stay.
    # Row 1's line, the one row line above 1.1 under the header, is then row 1 by the code tree
    # (``set_ancestors.ancestors_by_tree``): named by the set, its garbled figures not read but told.
    path = DEGRADED / "d04-i4-ruled-center-vie-300dpi-degraded.txt"
    scored = _scored(path)
    tally = scored["tally"]
    assert tally["invented"] == 0
    assert tally["found"] >= 8
    assert tally["wrong_values"] == tally["wrong_queued"]
    assert tally["partial_told"] == tally["partial_docs"]
    result = result_to_json(convert_file(path, path.stem))
    first = result["score_tables"][0]["rows"][0]
    assert (first["code"], first["max_points"], first["self_points"]) == ("1", None, None)
    assert "Bồi" in first["name_raw"] and first["name"] == "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC"
    reasons = [part["reason"] for part in result["unread"]]
    assert any(r.startswith("points of 1 not read") for r in reasons)
    assert not any(r.startswith("row 1 not read") for r in reasons)  # (it is read: its points are told)


def test_lone_decimal_points_number_before_the_explanation_is_a_cell():
    # Seed 211's d05-i1: "3. Cai cach thu tuc hanh chinh 14,5 Chua day du tai liéu kiém chitng"
    # prints the maximum only (no score); a decimal comma is no document's number nor a count.
    three = HeaderLayout(points=("max", "self", "appraised"))
    text = "3. Cai cach thu tuc hanh chinh 14,5 Chua day du tai liéu kiém chitng"
    cells = read_line(Line(text=text, page=1, number=1), False, three)
    assert (cells.code, cells.max_raw, cells.self_raw) == ("3.", "14,5", None)
    assert [raw for _, raw in cells.explanation][:2] == ["Chua", "day"]
    # Seed 211's d01-i2: vie OCR printed the comma as a dot; the line opens row 8 (its code and
    # name), not the row above's code line.
    text = "8 Tác động của CCHC đến người dân, tổ 15.5 Chưa đầy đủ tài liệu"
    cells = read_line(Line(text=text, page=1, number=1), False, HeaderLayout(points=("max", "self")))
    assert (cells.code, cells.max_raw, cells.self_raw) == ("8", "15.5", None)
    # A whole number there stays the text's ("6 tháng Báo cáo …" is no cell), and a code's dot too.
    cells = read_line(Line(text="1.2.1 Gửi đúng thời gian 6 Báo cáo năm", page=1, number=1), False, three)
    assert not cells.has_numbers
    cells = read_line(Line(text="2 Thực hiện theo tiêu chí 1.2 Báo cáo năm", page=1, number=1), False, three)
    assert not cells.has_numbers


def test_first_row_past_its_stt_speck_and_a_heading_wrapped_around_its_numbers():
    # Seed 211's d01-i3 (eng, 150 dpi, degraded): "i CONG TAC CHI DAO, DIEU HANH oh ae" is row 1
    # (its "1" read as "i"), not a header line; its wrapped "CCHC 5 “i" carries its numbers'
    # line; "1.1 | Ké hoach CCHC nam …" under it opens row 1.1 (a capitals heading does not take
    # the code of a name in small letters). Before: row 1 missed, 1.1 invented as 'CCHC'.
    assert not is_header_line(Line(text="i CONG TAC CHI DAO, DIEU HANH oh ae", page=1, number=1))
    tally = _scored(DEGRADED / "s211-d01-i3-ruled-center-eng-150dpi-degraded.txt")["tally"]
    assert tally["found"] == tally["code_ok"] == tally["rows"] == 10
    assert tally["invented"] == 0
    assert tally["wrong_values"] == tally["wrong_queued"]


def test_fragments_of_a_repeated_header_are_no_row():
    # Seed 211's d05-i4: the header repeated at a page break, its wrapped labels cut into lines
    # around the line naming the columns; those were read as row 1.3's name ("Điểm .J Điểm tự
    # Kiểm tra công tác CCHC …", an invented row, and 1.3 missed).
    lines = _lines(
        "cáo năm) : Ta ;: B : : sê : Điểm in",
        ": : Điểm .J Điểm tự | Phòng",
        "TT Tiêu chí, tiêu chí thành phần Ghi chú # đánh Nội vụ",
        "- chuẩn SẼ z",
        ": . giá thấm -",
        ": định",
        ": 13 | Kiểm tra công tác CCHC Chưa hoàn thành 5/18 nhiệm vụ _.. 3 15 S5",
    )
    settings = score_lines.LineTableSettings()
    beside = [score_lines._beside_repeated_header(lines, k, settings) for k in range(len(lines))]
    assert beside == [False, True, False, True, True, True, False]
    # A name's wrapped words under a row are no header's, with no repeated header beside them.
    assert not score_lines._beside_repeated_header(_lines("1.1.4 Mức độ thực hiện 2 2", "thực hiện"), 1, settings)


def test_short_criterion_name_before_its_garbled_cells_is_a_row():
    # Seed 211's d02-i4: "Báo cáo CCHC BEf TtiSTiigifccirtricyppfifErđraroir-iMfgriei A" is row
    # 1.2, its points cells OCR garbled into a run of no words; the name is too short for a
    # catalogued prefix (20 characters). Explanation words after a name are words, not such a run.
    settings = score_lines.LineTableSettings()
    line = Line(text="Báo cáo CCHC BEf TtiSTiigifccirtricyppfifErđraroir-iMfgriei A", page=1, number=1)
    name = name_before_garbled_cells(unspecked(line_tokens(line)), settings)
    assert [raw for _, raw in name] == ["Báo", "cáo", "CCHC"]
    line = Line(text="Báo cáo CCHC quý I đúng hạn", page=1, number=1)
    assert name_before_garbled_cells(unspecked(line_tokens(line)), settings) == []


def test_ruling_lines_read_as_bars_make_no_portal_table_and_a_lookalike_pair_is_a_speck():
    # Seed 231 d06-i6 (a typed two-level-header table, Tesseract psm 4, vie, degraded): rows whose
    # ruling lines OCR read as bars ("—... | Xây dựng … 9,75 |", "6. | Cải cách tài chính công . 7 |
    # 7 HỆ |") are no web-portal export (their first cells are specks and words, no STT column):
    # they stay lines for the line reader. "lÌ : ; :" above row 1 is a speck, no roman part whose
    # children every row would become (their maxima then bounded by its 10: "145" read 1,45).
    path = DEGRADED / "s231-d06-i6-f11-i6-explanation-before-points-vie-psm4-300dpi-degraded.txt"
    scored = _scored(path)
    tally = scored["tally"]
    assert tally["found"] >= 6
    assert tally["wrong_values"] == tally["wrong_queued"]
    rows = {r["code"]: r for t in result_to_json(convert_file(path))["score_tables"] for r in t["rows"]}
    assert "I" not in rows
    assert (rows["3"]["max_points"], rows["3"]["self_points"]) == (14.5, 14.5)
    assert (rows["5"]["max_points"], rows["5"]["self_points"], rows["5"]["appraised_points"]) == (16, 15.75, 15.75)
    # "T65y 11 0ˆ 0": a circumflex OCR read apart from any letter is a speck on the self cell's 0.
    assert (rows["4"]["max_points"], rows["4"]["self_points"], rows["4"]["appraised_points"]) == (11, 0, 0)


def test_bar_lines_of_an_ocr_dump_stay_lines():
    from extract.text_reader import parse_text

    text = (
        "—... | Xây dựng và tổ chức thực hiện văn bản quy phạm pháp mi Thông báo số 65/TB-UBND 9,75 |\n"
        "__ | luật tại tỉnh 16/01/2024 : :\n"
        "3. | Cải cách thủ tụchành chính -: : : Hoàn thành 100% kế hoạch Ô HẢO | 145 145 —`|\n"
        "A. Cải cách tổ chức bộ máy hành chính - -_| Kế hoạch số 319/KH-UBND T65y 11 0ˆ 0\n"
        "6. | Cải cách tài chính công . 7 | 7 HỆ |\n"
    )
    page = parse_text(text)[0]
    assert not page.tables and len(page.lines) == 5


def test_scale_lines_of_a_scale_column_are_no_rows():
    # Seed 231 d06-i4 (a scale column, psm 4, vie, degraded): "- Ban hành kịp thời: 1", "- Ban hành
    # không kịp thời: 0,5..", "- Không ban hành: 0" are 1.1.1's scale, not rows 1.1.1.1, 1.1.1.2, 1.1.2.
    path = DEGRADED / "s231-d06-i4-f14-i4-scale-before-max-vie-psm4-250dpi-degraded.txt"
    rows = [r for t in result_to_json(convert_file(path))["score_tables"] for r in t["rows"]]
    names = " ".join(r["name"] for r in rows)
    assert "kịp thời" not in names and "Không ban hành" not in names
    scale = [item for r in rows for item in r["scale"]]
    assert scale[:3] == ["Ban hành kịp thời: 1", "Ban hành không kịp thời: 0,5", "Không ban hành: 0"]


def test_a_lone_accent_where_a_cell_stands_is_a_lost_cell_not_a_speck():
    # "7 … Hiện đại hóa hành chính TÔ, 16 ˆ": the self cell OCR could not read stands as a mark
    # apart from the 16 (glued to a number, "0ˆ", it is a speck on that number's edge).
    from extract.segment.line_cells import garbled_cell

    assert garbled_cell(("ˆ", "ˆ"), last=True)
    assert not garbled_cell(("0ˆ", "0ˆ"), last=True)
