"""OCR text dumps read end to end: real Tesseract output (``eng`` and ``vie``) of score tables the
corpus generator printed (``tools/corpusgen/dumps.py``: PDF → pdftoppm → tesseract), scored
against the generator's truth. Files and truth in tests/data/dumps."""

from pathlib import Path

import pytest

from benchmarks.corpus_scoring import score_document
from cchc_extract.pipeline import convert_file, result_to_json
from corpus_helpers import converted_with_truth
from extract.model import Line
from extract.segment import score_lines
from extract.segment.line_cells import read_line
from extract.segment.line_common import line_tokens, points_cell
from extract.segment.line_header import HeaderLayout, header_layout, is_header_line
from extract.segment.table_end import TOTAL_LABEL
from normalize.text import fold

DUMPS = Path(__file__).parent / "data" / "dumps"
FILES = sorted(DUMPS.glob("*.txt"))


def _scored(path: Path) -> dict:
    output, truth = converted_with_truth(path, path.stem)
    return score_document(truth, output)


# Name character error each dump is held to: where the reader stands now (issue 11's target is
# 3%; names wrapped above a centred numbers line and explanation-first splits are not there yet).
NAME_CER = {
    "d01-i1-ruled-top-eng-150dpi": 0.15,
    "d02-i1-ruled-top-eng-150dpi": 0.15,
    "d04-i1-ruled-center-eng-150dpi": 0.45,  # explanation before the points: the split is weak
    "d04-i2-ruled-center-vie-200dpi": 0.05,  # centred numbers, name lines above and below
}


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_dump_rows_numbers_and_names(path):
    tally = _scored(path)["tally"]
    assert tally["found"] == tally["rows"]
    # Numbers the layout's columns hold (appraised ones too), read from where they print.
    assert tally["numbers_right"] >= 0.9 * tally["numbers"]
    assert tally["name_errors"] <= NAME_CER[path.stem] * tally["name_chars"]


def _lines(*texts: str) -> list[Line]:
    return [Line(text=t, page=1, number=k) for k, t in enumerate(texts, start=1)]


def test_header_layout_from_real_dump_headers():
    # eng, seven grid columns, explanation before the points (d04-i1): the label words wrap.
    text = (DUMPS / "d04-i1-ruled-center-eng-150dpi.txt").read_text(encoding="utf-8").splitlines()
    start = next(k for k, t in enumerate(text) if t.startswith(("STT", "TT ")))
    layout = header_layout(_lines(*text[start - 1 : start + 4]))
    assert layout.points == ("max", "self", "appraised") and layout.explanation_first
    # eng (diacritics lost), the explanation last.
    layout = header_layout(_lines("STT Linh vuc, tiéu chi Diém | Diém ty | Diém Ghi cha", "chuan cham tham", "dinh"))
    assert layout.points == ("max", "self", "appraised") and not layout.explanation_first
    # Four columns: no appraised column, no explanation.
    layout = header_layout(_lines("TT Lĩnh vực, tiêu chí Điểm Điểm tự", "tối đa chấm"))
    assert layout.points == ("max", "self") and not layout.explanation_first


# Degraded dumps (the corpus generator's, dev instances): OCR lost codes, whole lines of points and
# parents. Rows read must come out under their code, and every number not read right must be in
# the review queue; the floor is where the reader stands now.
DEGRADED = Path(__file__).parent / "data" / "dumps_degraded"
DEGRADED_ROWS = {
    "d01-i3-ruled-center-eng-200dpi-degraded": 6,
    "d03-i1-ruled-top-eng-300dpi": 6,
    "d03-i3-ruled-top-eng-150dpi-degraded": 9,
    # Seven grid columns; a speck under "Điểm tối đa" read as "8" on the header's main line.
    "d05-i1-ruled-center-eng-150dpi": 3,
}


@pytest.mark.parametrize("stem", sorted(DEGRADED_ROWS))
def test_degraded_dump_rows_read_with_doubt_and_queued(stem):
    path = DEGRADED / f"{stem}.txt"
    scored = _scored(path)
    tally = scored["tally"]
    assert tally["found"] >= DEGRADED_ROWS[stem]
    assert tally["wrong_values"] == tally["wrong_queued"]  # no silent error
    assert tally["partial_told"] == tally["partial_docs"]  # rows lost are told


def test_header_line_with_a_speck_read_as_a_digit_opens_the_table():
    # d05-i1: "STT N6i dung danh gia dié 8 danh tham N6i dung giai trinh" names three columns by
    # their phrases; the lone "8" is OCR's reading of a wrapped label, not a points cell.
    header = "STT N6i dung danh gia dié 8 danh tham N6i dung giai trinh"
    assert is_header_line(Line(text=header, page=1, number=1))
    # A body line with points is no header even when its name has header words in it.
    assert not is_header_line(Line(text="1.1 Tự đánh giá, chấm điểm 2 1,5", page=1, number=1))
    assert not is_header_line(Line(text="Nội dung đánh giá tiêu chí 2 1", page=1, number=1))


def test_whole_criterion_name_line_is_a_row_coded_by_its_name():
    # d03-i1: "Ban hanh ké hoach CCHC nam" (1.1.1) and "Mitc dé thyrc hién ké hoach CCHC" (1.1.4)
    # print alone, their code and points lost; each is its own row, coded by the criteria set.
    out = result_to_json(convert_file(DEGRADED / "d03-i1-ruled-top-eng-300dpi.txt"))
    rows = {r["code"]: r for t in out["score_tables"] for r in t["rows"]}
    for code, name in (("1.1.1", "Ban hành kế hoạch CCHC năm"), ("1.1.4", "Mức độ thực hiện kế hoạch CCHC")):
        assert rows[code]["name"] == name
        assert "code_inferred" in rows[code]["flags"]
    # Their maxima, lost with the points, are the criteria set's (recognised surely from the rows
    # read whole), with their source said: 1 and 2, as the document prints them (truth file).
    assert (rows["1.1.1"]["max_points"], rows["1.1.4"]["max_points"]) == (1.0, 2.0)
    assert all("max_from_criteria_set:ca-mau_2013" in rows[c]["flags"] for c in ("1.1.1", "1.1.4"))
    # The row whose self points OCR read after a garbled max cell ("trách a} 0" in d03-i3)
    out = result_to_json(convert_file(DEGRADED / "d03-i3-ruled-top-eng-150dpi-degraded.txt"))
    rows = {r["code"]: r for t in out["score_tables"] for r in t["rows"]}
    # (their max cells lost, the criteria set's maxima stand for them, as the truth file prints: 1)
    assert rows["1.1.3"]["self_points"] == 0.0 and rows["1.1.3"]["max_points"] == 1.0
    assert rows["1.2.2"]["self_points"] == 0.25 and rows["1.2.2"]["max_points"] == 1.0
    assert all("max_from_criteria_set:ca-mau_2013" in rows[c]["flags"] for c in ("1.1.3", "1.2.2"))


def test_points_cell_with_its_comma_misread_or_a_dash_speck():
    # "10/5", "2:75": a decimal comma OCR read as a slash or colon, taken only beside points.
    assert points_cell('"10/5', beside_points=True) == "10,5" and points_cell("10/5") is None
    assert points_cell("2:75", beside_points=True) == "2,75"
    assert points_cell("7/14", beside_points=True) is None  # "Chưa hoàn thành 7/14 nhiệm vụ"
    assert points_cell("-145") == "145"  # a speck before "14,5" whose comma was lost
    layout = HeaderLayout(points=("max", "self", "appraised"))
    cells = read_line(
        Line(text='Cải cách tổ chức bộ máy hành chính - Đã ban hành 11 11 "10/5', page=1, number=1), False, layout
    )
    assert (cells.max_raw, cells.self_raw, cells.appraised_raw) == ("11", "11", "10,5")


def test_seven_column_dump_whose_appraised_label_ocr_garbled():
    # d05-i3: the header's "thẩm định" came out "tha" / "_dinh"; lines carrying three points cells
    # say the table has an appraised column. "ioe 0,25 0,75": two numbers for three columns, the
    # second above the first: the max is the cell lost (a self score above the max is no reading).
    out = result_to_json(convert_file(DEGRADED / "d05-i3-ruled-center-eng-150dpi-degraded.txt"))
    rows = {r["code"]: r for t in out["score_tables"] for r in t["rows"]}
    # (the max lost, then given after the checks: 1.2's 2 less 1.2.2's 1, the set's 1 too; ``reconcile.derived``)
    assert (rows["1.2.1"]["max_points"], rows["1.2.1"]["self_points"], rows["1.2.1"]["appraised_points"]) == (
        1.0,
        0.25,
        0.75,
    )
    assert rows["1.2.1"]["max_points_raw"] is None and any(f.startswith("derived_from") for f in rows["1.2.1"]["flags"])
    assert rows["1.2.2"]["appraised_points"] == 1.0


def test_centred_rows_whose_code_line_lost_its_numbers():
    # d02-i3: names centred around their code's line ("XAc dinh day dai …" / "1.1.2 | theo ké
    # hoach …" / "thutc hién"); 1.1.2's numbers OCR read as "Cay eA ih". Codes that go on with a
    # name's lower-case middle say the layout is centred; the code line without numbers is still
    # 1.1.2's middle line, so the lines after it are its own until the next name opens 1.1.3; the
    # speck and date under 1.1.1's numbers ("Dee ; 15/11/2014") open no row.
    out = result_to_json(convert_file(DEGRADED / "d02-i3-ruled-center-eng-200dpi-degraded.txt"))
    rows = {r["code"]: r for t in out["score_tables"] for r in t["rows"]}
    assert rows["1.1.2"]["name"].startswith("Xác định") and rows["1.1.2"]["name"].endswith("thực hiện")
    assert rows["1.1.3"]["name"].startswith("Các kết quả phải đạt")
    assert (rows["1.1.3"]["max_points"], rows["1.1.3"]["self_points"], rows["1.1.3"]["appraised_points"]) == (1, 1, 1)
    # (its max from the criteria set, as the truth file prints it: 1; its self points lost, then
    # derived after the checks from 1.1's sum, 1 as the truth prints it: ``reconcile.derived``)
    assert rows["1.1.2"]["max_points"] == 1.0 and rows["1.1.2"]["self_points"] == 1.0
    assert rows["1.1.2"]["self_points_raw"] is None and "derived_from_sums:self_points" in rows["1.1.2"]["flags"]
    assert "max_from_criteria_set:ca-mau_2013" in rows["1.1.2"]["flags"]
    # "Nơi nhận: … CHỦ TỊCH" opens the next page (pages joined by blank lines): the table ends there,
    # its header words notwithstanding; the recipients under it are no row.
    assert "1.4" not in rows


def test_total_line_with_its_so_misread():
    # d02-i1: "Tong sé diém 10 8,5 7,25" is the totals row ("Tổng số điểm"), not a criterion.
    assert TOTAL_LABEL.match(fold("Tong sé diém 10 8,5 7,25"))
    assert not TOTAL_LABEL.match(fold("Tong so ho so TTHC 10 8"))


def test_header_whose_label_lines_ocr_garbled_still_opens_the_table():
    # Seed 21's d03-i3: the wrapped header's "Điểm tối đa" came out "a téida | UBND" and "xa tw",
    # lines of no header words, between "TT Tieu chi, …" and ". cham_ |"; they do not cut the
    # header in two, so its concepts (criterion, self points) add up and the table is read.
    path = DEGRADED / "s21-d03-i3-ruled-top-eng-300dpi-degraded.txt"
    header = ["TT Tieu chi, tiéu chi thanh phan ee Diém | Diem", "a téida | UBND", "xa tw", ". cham_ |"]
    body = "o | CONG TAC CHi DAO, DIEU HANH CCHC 10 cE"
    settings = score_lines.LineTableSettings()
    assert score_lines._table_start(_lines(*header, body), 0, settings) == (0, 4)
    # A line with points or a code is no fragment: the header's run ends before it.
    assert score_lines._table_start(_lines(header[0], "1.1 Ké hoach 5", header[3]), 0, settings) is None
    # A writer's text export prints one cell per line: the first row's code "1." is short, but a
    # number in a line of no header words ends the header (its name has header words: "chỉ").
    cells = ["TT", "Lĩnh vực, tiêu chí", "Điểm chuẩn", "Điểm UBND xã tự chấm", "Tài liệu kiểm chứng"]
    first_row = ["1.", "Công tác chỉ đạo, điều hành cải cách hành chính", "10"]
    assert score_lines._table_start(_lines(*cells, *first_row), 0, settings) == (0, 5)
    # Seed 23's d03-i3: the header's last fragment carries a speck read as a digit, beside its word.
    garbled = ["TT x Tiéu chi, tiéu chi thanh phan ‘| Diém Diém", "téida | UBND", ": xa ty", "‘ 5 cham"]
    assert score_lines._table_start(_lines(*garbled, "16 CONG TAC CHI DAO 10 4,25"), 0, settings) == (0, 4)
    tally = _scored(path)["tally"]
    assert tally["found"] >= 6 and tally["numbers_right"] >= 6  # none before: no table was found


def test_more_numbers_than_points_columns_ending_the_line():
    # Seed 23's d03-i3: "1.1__| Ké hoach CCHC nam 3 5 4" (max 5, self 4): three numbers for two
    # columns; 3 then 5 is no max and self score, so the cells are the last two.
    two = HeaderLayout(points=("max", "self"))
    cells = read_line(Line(text="1.1__| Ké hoach CCHC nam 3 5 4", page=1, number=1), False, two)
    assert (cells.code, cells.max_raw, cells.self_raw) == ("1.1", "5", "4")
    # Seed 23's d02-i4: "10. 55 3| 093" (10, 5,5, 5,25): 55 is 5,5 with its comma lost, so the
    # first numbers are the cells and the speck after them is not.
    three = HeaderLayout(points=("max", "self", "appraised"))
    cells = read_line(Line(text="1. | CÔNG TÁC CHỈ ĐẠO LH ln 10. 55 3| 093 |", page=1, number=1), False, three)
    assert (cells.max_raw, cells.self_raw) == ("10", "55")
    tally = _scored(DEGRADED / "s23-d03-i3-ruled-top-eng-150dpi-degraded.txt")["tally"]
    assert tally["found"] == tally["rows"] == 10 and tally["numbers_right"] >= 17


def test_one_cell_per_line_points_with_a_decimal_comma_are_no_code():
    # Seed 7's f15-i1 (a writer's text export, one cell per line): "1.3" / "Kiểm tra công tác
    # CCHC" / "3" / "1,5": after code 1.3, "1,5" reads like the next code 1.5, but the row still
    # waits for its self points and a code prints with dots. It was read as a row of its own.
    path = Path(__file__).parent / "data" / "writer_text" / "s7-f15-i1-writer-text.txt"
    tally = _scored(path)["tally"]
    assert tally["found"] == tally["rows"] and tally["invented"] == 0
    rows = {r["code"]: r for t in result_to_json(convert_file(path))["score_tables"] for r in t["rows"]}
    assert (rows["1.3"]["max_points"], rows["1.3"]["self_points"]) == (3, 1.5)


def test_inferred_code_the_set_lacks_gives_way_to_the_name_and_a_bracket_is_a_rule():
    # Seed 11's d01-i1: "Kiém ta cOng tac CCHC 3 [2 |" after 1.2.2, its code lost. Its place says
    # 1.2.3, a code the criteria set does not have; its name is the set's 1.3. "[2" is the self
    # cell with the ruling line before it read as a bracket.
    path = DEGRADED / "s11-d01-i1-ruled-top-eng-300dpi.txt"
    rows = {r["code"]: r for t in result_to_json(convert_file(path))["score_tables"] for r in t["rows"]}
    assert "1.2.3" not in rows
    assert (rows["1.3"]["max_points"], rows["1.3"]["self_points"]) == (3, 2)
    assert any(f.startswith("code_from_criteria_set") for f in rows["1.3"]["flags"])
    assert points_cell("[2", beside_points=True) == "2" and points_cell("[2") is None
    tally = _scored(path)["tally"]
    assert tally["found"] == tally["rows"] == 10 and tally["invented"] == 0


def test_numbers_right_after_the_code_of_a_centred_row():
    # Seed 7's d01-i2: "4. 11 11 l -", the name printed above and below the numbers' line: the
    # numbers open the line after the STT code. A lone number opening a line is still no cell.
    two = HeaderLayout(points=("max", "self"))
    cells = read_line(Line(text="4. 11 11 l -", page=1, number=1), False, two)
    assert (cells.code, cells.max_raw, cells.self_raw) == ("4.", "11", "11")
    cells = read_line(Line(text="6 tháng đầu năm 2 1", page=1, number=1), False, two)
    assert (cells.max_raw, cells.self_raw) == ("2", "1")
    tally = _scored(DEGRADED / "s7-d01-i2-ruled-center-vie-250dpi.txt")["tally"]
    assert tally["found"] == tally["rows"] and tally["numbers_right"] == tally["numbers"]


def test_centred_rows_told_by_a_code_line_with_no_name_and_a_name_line_is_no_header():
    # Seed 11's d02-i3 (three rows): "Cai cach thi tuchanh chinh ~ Quyét dinh …" over "3. : 14,5. 14,5
    # 14,25": a code and numbers with no name, under a line that opens like a name, say the names
    # print around the numbers' line. The first row's name line opens with a catalogued criterion
    # name ("Cong tac chi dao, diéu hanh cai cach hanh chinh — | Quyét dinh …"): no header line,
    # whatever header words ("chỉ", "đạo") it has. "Tong cong Sos 33 se" is the totals row.
    path = DEGRADED / "s11-d02-i3-ruled-center-eng-300dpi-degraded.txt"
    rows = {r["code"]: r for t in result_to_json(convert_file(path))["score_tables"] for r in t["rows"]}
    assert rows["1"]["name"] == "Công tác chỉ đạo, điều hành cải cách hành chính"
    assert rows["3"]["name"] == "Cải cách thủ tục hành chính"
    assert (rows["3"]["max_points"], rows["3"]["self_points"], rows["3"]["appraised_points"]) == (14.5, 14.5, 14.25)
    assert set(rows) == {"1", "2", "3"}
    assert not is_header_line(
        Line(text="Cong tac chi dao, diéu hanh cai cach hanh chinh — | Quyét dinh", page=1, number=1)
    )
    assert TOTAL_LABEL.match(fold("Tong cong Sos 33 se"))
    assert not TOTAL_LABEL.match(fold("Tong so ho so TTHC 10 8"))


def test_speck_between_two_cells_and_the_third():
    # Seed 11's d05-i3 ("16 | 16 ne 16") and the standing corpus's d02-i3 ("2 2 en 2"): a speck read as small letters
    # between the self and the appraised cell; the run of cells goes on past it.
    three = HeaderLayout(points=("max", "self", "appraised"))
    line = "5 Xay dung va nang cao chat lugng, doi ngii cong chifc, - 16 | 16 ne 16 | Bao cdo so 2/BC-UBND ngay"
    cells = read_line(Line(text=line, page=1, number=1), False, three)
    assert (cells.max_raw, cells.self_raw, cells.appraised_raw) == ("16", "16", "16")
    # A capital opens the explanation: "Đã 3 lần" is its text, not a speck and a cell.
    cells = read_line(Line(text="1.2 Báo cáo CCHC 2 1,5 Đã 3 lần", page=1, number=1), False, three)
    assert (cells.max_raw, cells.self_raw, cells.appraised_raw) == ("2", "1,5", None)


def test_a_totals_row_ocr_garbled_past_its_pattern():
    # Real lines of seed 112 / 111 dumps: the label glued or misread, a cell garbled after the numbers.
    from extract.segment.table_end import is_garbled_total

    for line in ("|  _ Tốngốđểm | 10 | 75 | |", "| TONG DIEM 4 10 | G7 | as", "Tổng số điểm 1 B5"):
        assert is_garbled_total(fold(line)), line
    # A signer named Tống, a heading's words, a statistics row: no totals label.
    for line in ("Tống Khắc Vinh", "Tổng hợp kết quả", "Tổng số hồ sơ TTHC tiếp nhận 10 8"):
        assert not is_garbled_total(fold(line)), line


def test_tai_lieu_names_the_explanation_column_and_a_speckled_bar_is_a_bar():
    # Seed 114 d04-i1: "kiểm chứng" came out "kiém chitng"; "Tài liệu" still names the column, so the
    # header's line names two concepts (no table was found before).

    line = "STT N6@i dung danh gia Tai liéu kiém chitng dia 8 danh tham"
    assert {"self", "explanation"} <= score_lines.header_concepts(line)
    assert is_header_line(Line(text=line, page=1, number=1))
    # "TL |__| Kéhoach CCHC nlm": the rule between the garbled STT cell and the name stays a bar.
    tokens = line_tokens(Line(text="TL |__| Kéhoach CCHC nlm Ls 8s |", page=1, number=1))
    assert [raw for _, raw in tokens][:3] == ["TL", "|", "Kéhoach"]


def test_a_rules_specks_read_as_letters_make_no_row():
    # Seed 114 d04-i2, the line under row 1's numbers: "l l 7 15/08/2024" (its ruling lines read as
    # "l", a speck as 7): no code, no cells; the row above takes its text.
    cells = read_line(Line(text="l l 7 15/08/2024", page=1, number=1), False)
    assert cells.code is None and not cells.has_numbers
    # A roman numeral's heading keeps its code; a letter read for 1 above the self score stays a cell.
    assert read_line(Line(text="I ĐÁNH GIÁ KẾT QUẢ 74 71", page=1, number=1), False).code == "I"
    cells = read_line(Line(text="1.2 Báo cáo CCHC l 0,5", page=1, number=1), False)
    assert (cells.max_raw, cells.self_raw) == ("l", "0,5")


def _tokens(text: str) -> list[tuple[str, str]]:
    return [(w, w) for w in text.split()]


def test_specks_of_the_cells_around_a_name_leave_it():
    from extract.segment.line_words import name_tokens

    def name(text: str) -> str:
        return " ".join(t for t, _ in name_tokens(_tokens(text)))

    # Seed 003's STT cell read "M?c" before "Mirc d6 …"; the corpus's degraded dumps: a code's
    # letter and digit, a short run of letters that is no syllable, points cells after the name.
    assert name("M?c Mirc d6 xtr Iy dé xuat") == "Mirc d6 xtr Iy dé xuat"
    assert name("E 2 Xây dựng và tổ chức thực hiện") == "Xây dựng và tổ chức thực hiện"
    assert name("lah Kế hoạch CCHC năm") == "Kế hoạch CCHC năm"
    assert name("Cải cách tổ chức bộ máy hành chính n1") == "Cải cách tổ chức bộ máy hành chính"
    assert name("Các kết quả phải đạt được trực thuộc ods") == "Các kết quả phải đạt được trực thuộc"
    # Words stay: a roman numeral, an abbreviation, a bracket, a syllable, a short name.
    assert name("Báo cáo quí I") == "Báo cáo quí I"
    assert name("UBND Kiểm soát thủ tục hành chính (TTHC)") == "UBND Kiểm soát thủ tục hành chính (TTHC)"
    assert name("Tỷ lệ đạt cà") == "Tỷ lệ đạt cà"
    assert name("a) Ban hành kế hoạch") == "a) Ban hành kế hoạch"
    assert name("T Kế hoạch") == "T Kế hoạch"


def test_headers_whose_stt_label_or_phrases_ocr_garbled_open_the_table():
    # Seed 171 d04-i4 (vie): "STT" read "5MP" and d04-i3 (eng): "TT" read "1T"; a digit opening a
    # word of letters is a garbled label, not a heading's number ("1.3. Điểm số …" is prose).
    settings = score_lines.LineTableSettings()
    vie = [": 1... Điểm Điểm tự Điểm ..", "5MP Lĩnh vực, tiêu chí : thuận đánh thẩm †- Nội dung giải trình"]
    body = "1..| CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC 10 8,75 8,75"
    assert score_lines._table_start(_lines(*vie, ": giác | định 1...", body), 0, settings) == (0, 3)
    # ... and a short fragment of header words after the header's line, a speck digit first.
    eng = ["Điểm", "i as . Phòng", "1T Nại dung đánh giá: + Ghicha uế Điểm | Nội vụ", "5 s tham", "định"]
    assert score_lines._table_start(_lines(*eng, "Công tác chỉ đạo 10 0 0"), 0, settings) == (0, 5)
    assert not score_lines._opens_header(Line(text="1.3. Điểm số của tiêu chí", page=1, number=1))
    # Seed 171 d02-i3: "Ghi chi" ("Ghi chú") names the explanation though the best alignment of
    # the phrase straddles a word's edge (" ghi ch").
    line = "SIT Tiéu chi, tiéu chi thanh phan Diem igm | ham Ghi chi"
    assert score_lines.header_concepts(line) == {"criterion", "explanation"}
    assert "explanation" not in score_lines.header_concepts("Tiêu chí đánh giá chung")


def test_garbled_column_numbers_row_stamps_and_rule_letters():
    from extract.segment.score_lines import _column_numbers
    from extract.segment.table_end import is_garbled_total

    # Seed 171 d05-i2: the "(1) (2) … (7)" row under the header came out "mm G) @ | 6 (6"; it is
    # no row (it made an "I" part that every code was put under).
    assert _column_numbers(Line(text="mm G) @ | 6 (6", page=1, number=1))
    assert _column_numbers(Line(text="(1) (2) (3) (4) (5)", page=1, number=1))
    assert not _column_numbers(Line(text="1. Công tác (chỉ đạo) 10 9", page=1, number=1))
    assert is_garbled_total(fold("si TỔNG ĐIỂM : 68,5 35,75"))
    assert is_garbled_total(fold("| TỔNG ĐIỂM na 8,75"))
    assert not is_garbled_total(fold("Tống Na 5"))
    three = HeaderLayout(points=("max", "self", "appraised"))
    # Seed 171 d02-i4: a ruling line read as "L" before the code and between two cells.
    line = "L 1.1.1 | Ban hành kế hoạch CCHC năm. Ẫ. ; Chưa đầy đủ tài liệu kiểm chứng_ 1. 0,5 L 0,25"
    cells = read_line(Line(text=line, page=1, number=1), False, three)
    assert (cells.code, cells.max_raw, cells.self_raw, cells.appraised_raw) == ("1.1.1", "1", "0,5", "0,25")
    cells = read_line(
        Line(text="L 1. ` TÁC CHỈ ĐẠO, ĐIÊỀU HÀNH CCHC | mn AC Ỷ _ 10 L 6,5- 6,25.", page=1, number=1), False, three
    )
    assert (cells.code, cells.max_raw, cells.self_raw, cells.appraised_raw) == ("1.", "10", "6,5", "6,25")
    # Seed 172 d01-i3: a letter before a bare number is no speck to drop: "10" stays a cell, no code.
    cells = read_line(Line(text="i . : : 10 10", page=1, number=1), False)
    assert cells.code != "10" and (cells.max_raw, cells.self_raw) == ("10", "10")
    # Seed 171 d05-i3: "5," is row 5's code with a speck comma when the row's numbers follow.
    cells = read_line(Line(text="5, on z : : 16 16 15,75 5", page=1, number=1), False, three)
    assert cells.code == "5," and (cells.max_raw, cells.self_raw, cells.appraised_raw) == ("16", "16", "15,75")


def test_column_numbers_row_under_a_repeated_header_is_layout():
    # The "(1) (2) …" row prints under the header on every page; OCR garbles it ("mm G) @ | (4"):
    # under a repeated header it is no text of the row above either.
    from extract.model import IngestedDocument
    from extract.text_reader import parse_text

    header = "TT Tiêu chí, tiêu chí thành phần Điểm tối đa Điểm tự chấm"
    text = "\n".join(
        [
            header,
            "(1) (2) (3) (4)",
            "1. Công tác chỉ đạo, điều hành cải cách hành chính 10 9",
            "2. Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật 10 8",
            "\f" + header,
            "mm G) @ | (4",
            "3. Cải cách thủ tục hành chính 14,5 14",
            "Tổng cộng 34,5 31",
        ]
    )
    doc = IngestedDocument(path="x.txt", format="txt", pages=parse_text(text))
    (table,) = score_lines.find_line_tables(doc)
    assert [(r.code, r.max_raw, r.self_raw, r.explanation) for r in table.rows] == [
        ("1.", "10", "9", []),
        ("2.", "10", "8", []),
        ("3.", "14,5", "14", []),
    ]
