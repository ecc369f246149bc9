"""Score-table dump rows lost to a garbled header, a lost code, an explanation inside a name and
cells OCR read as letters (issue 11). Small lines made for each rule, then real Tesseract dumps of
the corpus generator (seed 521, the development seed of this change) with its truth beside them.
"""

from pathlib import Path

from benchmarks.corpus_scoring import score_document
from corpus_helpers import converted_with_truth
from extract.model import Line
from extract.segment.headless_table import headless_start
from extract.segment.line_cells import read_line
from extract.segment.line_common import LineTableSettings
from extract.segment.line_header import HeaderLayout
from extract.segment.row_draft import RowDraft
from extract.segment.score_readings import doubted_score
from extract.segment.set_rows import SetRowSettings, _row
from extract.segment.set_wording import Aligned, opens
from extract.segment.stray_numbers import code_read_for_max
from normalize.criteria import CriterionDef
from normalize.criteria.name_runs import NameRunSettings, _gapped_run
from normalize.criteria.wording import WordingSettings

DEGRADED = Path(__file__).parent / "data" / "dumps_degraded"
THREE = HeaderLayout(points=("max", "self", "appraised"))


def _line(text: str, number: int = 1) -> Line:
    return Line(text=text, page=1, number=number)


def _read(stem: str) -> tuple[dict[str, dict], dict, dict]:
    output, truth = converted_with_truth(DEGRADED / f"s521-{stem}.txt")
    rows = {r["code"]: r for t in output["score_tables"] for r in t["rows"]}
    return rows, score_document(truth, output)["tally"], output


# ---------------------------------------------------------------- a header garbled past reading

_GARBLED = [
    "BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH",
    "Thực hiện Kế hoạch số 258/KH-UBND của UBND huyện, UBND xã báo cáo kết quả tự đánh giá,",
    "chấm điểm như sau:",
    ": : : § i Điểm tỷ",
    "e là a. i ỉ Ddiém ea SƠN ủy 2",
    "Xác định đầy đủ các nhiệm vụ CCHC trên các",
    "1.1.2 | lĩnh vực theo kế hoạch năm của UBND tỉnh 1 1",
    "1.1.3 | cụ thể và định rõ trách nhiệm triển khai của 1 0,5",
    "1.1.4 Mức độ thực hiện kế hoạch CCHC 2 2",
    "Nơi nhận:",
]


def test_a_garbled_header_under_a_scoring_title_starts_at_the_first_name_line():
    lines = [_line(t, k) for k, t in enumerate(_GARBLED, 1)]
    start = headless_start(lines, LineTableSettings())
    assert start is not None
    assert start.lines[start.body].text.startswith("Xác định đầy đủ")  # not the header's garbled lines
    assert start.lines[start.header].text.startswith(": : :")


def test_no_headless_table_without_a_scoring_title_or_with_too_few_scored_rows():
    lines = [_line(t, k) for k, t in enumerate(_GARBLED, 1)]
    untitled = [_line("BÁO CÁO KẾT QUẢ CÔNG TÁC CẢI CÁCH HÀNH CHÍNH", 1), *lines[1:]]
    assert headless_start(untitled, LineTableSettings()) is None
    assert headless_start(lines[:8], LineTableSettings()) is None  # two scored rows: no table


def test_a_dump_whose_header_ocr_garbled_is_read_by_its_rows():
    # Lines 9-14 ("§ i Điểm tỷ", "Ddiém ea SƠN ủy 2", "chuẩn òa") are the header, no line naming
    # two columns: the rows under the title were all lost before. Now 1.1.2-1.3 are read with
    # their truth's figures, 1.1 by the set's wording, and the rows still lost are told.
    rows, tally, output = _read("d01-i3-ruled-center-eng-150dpi-degraded")
    assert tally["found"] >= 6 and tally["invented"] == 0
    assert (rows["1.1.3"]["max_points"], rows["1.1.3"]["self_points"]) == (1.0, 1.0)
    assert (rows["1.2.1"]["max_points"], rows["1.2.1"]["self_points"]) == (1.0, 0.5)
    assert rows["1.3"]["name"] == "Kiểm tra công tác CCHC"
    assert (rows["1.3"]["max_points"], rows["1.3"]["self_points"]) == (3.0, 3.0)
    told = " ".join(u["reason"] for u in output["unread"])
    assert "1.1.1" in told and "1.2" in told


# ---------------------------------------------------------------- a lost code and its figures


def test_a_number_no_code_can_follow_beside_a_figure_within_it_is_the_rows_points():
    rows = [RowDraft(code="2", max_raw="10", self_raw="10")]
    waiting = RowDraft(name=[("Cải", "Cải"), ("cách", "cách")])
    rows.append(waiting)
    cells = read_line(_line("11 10,5 h"), False)
    assert cells.code == "11"
    assert code_read_for_max(waiting, cells, rows, LineTableSettings())
    # "3" after "2" is the next code: no figure
    assert not code_read_for_max(waiting, read_line(_line("3 10,5 h"), False), rows, LineTableSettings())
    # a figure above the number: no maximum and score
    assert not code_read_for_max(waiting, read_line(_line("11 12 h"), False), rows, LineTableSettings())


def test_a_centred_rows_lost_code_does_not_join_it_to_the_row_above():
    # Line 17 "Cải cách hủ tục hành chính Lm [85 |" (3, its cells garbled), line 18 "Cải cách tổ
    # chức bộ máy hành chính Ban hành chậm so với", line 19 "11 10,5 h": row 4 is 11 / 10,5.
    rows, tally, _ = _read("d01-i2-ruled-center-vie-150dpi")
    assert rows["3"]["name"] == "Cải cách thủ tục hành chính"
    assert rows["4"]["name"] == "Cải cách tổ chức bộ máy hành chính"
    assert (rows["4"]["max_points"], rows["4"]["self_points"]) == (11.0, 10.5)
    assert tally["found"] == tally["rows"] == 8 and tally["invented"] == 0


# ---------------------------------------------------------------- the set's rows and their figures


def test_a_set_row_takes_the_run_of_figures_that_opens_with_the_sets_maximum():
    crit = CriterionDef(
        code="2", parent="", name="Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật tại tỉnh", max_points=10.0
    )
    line = _line("2. | Xây dựng và tổ chức thực hiện văn 1 bản quy phạm pháp | Đã ban hành đúng quy định 10 10 10")
    found = opens(line, crit, SetRowSettings())
    assert found is not None and found.tail == ["1"]
    row = _row(found, SetRowSettings())
    assert (row.max_points, row.self_points) == (10.0, 10.0)
    # with no later run opening with the set's maximum, the first run stays the row's (none here)
    lone = Aligned(line, crit, 90.0, 10, ["1"], runs=[["1"], ["9", "8"]])
    assert _row(lone, SetRowSettings()).max_points is None


# ---------------------------------------------------------------- a name around its explanation


def test_a_wording_with_the_explanations_first_line_inside_it_is_found():
    wording = "Các kết quả phải đạt được xác định rõ ràng, cụ thể và định rõ trách nhiệm triển khai"
    read = "Các kết quả phải đạt được xác định rõ ràng, cụ Tỷ lệ đạt 87% thể và định rõ trách nhiệm triển khai"
    tokens = read.split()
    a, b, c = _gapped_run(tokens, 5, wording, NameRunSettings(), WordingSettings())
    assert " ".join(tokens[a:b]) == "Tỷ lệ đạt 87%"
    assert " ".join(tokens[:a] + tokens[b:c]) == wording
    other = "Các kết quả phải đạt Tỷ lệ đạt 87% và các việc khác".split()
    assert _gapped_run(other, 5, wording, NameRunSettings(), WordingSettings()) is None


def test_a_name_printed_around_its_explanations_first_line_is_the_rows_name():
    # Line 24 "Các kết quả phải đạt được xác định rõ ràng, cụ Tỷ lệ đạt 87%", line 25 "1.1.3 |
    # thể và định rõ trách nhiệm …": the name goes on after the explanation's first line.
    rows, tally, _ = _read("d05-i2-ruled-center-vie-250dpi")
    assert rows["1.1.3"]["name"].startswith("Các kết quả phải đạt được xác định rõ ràng, cụ thể và định rõ")
    assert rows["1.1.3"]["explanation"] == "Tỷ lệ đạt 87%"
    assert tally["numbers_right"] == tally["numbers"] == 30


# ---------------------------------------------------------------- cells OCR read as letters


def test_ruled_cells_read_as_letters_alone_are_the_rows_cells():
    cells = read_line(_line("6. Cai cach tai chinh cong Ban hanh cham so voi quy dinh | o7 | o | o |"), False, THREE)
    assert (cells.max_raw, cells.self_raw, cells.appraised_raw) == ("o7", "o", "o")
    # without the bars, letters ending a line are words as likely as cells
    cells = read_line(_line("6. Cai cach tai chinh cong Ban hanh cham so voi quy dinh o7 o o"), False, THREE)
    assert cells.max_raw is None


def test_a_dumps_ruled_letter_cells_are_read_and_doubted():
    # Line 23 "| 6. | Cai cach tai chinh cong Ban hanh cham so véi quy dinh | o7 | o | o |": 7, 0, 0.
    rows, _, _ = _read("d04-i1-ruled-center-eng-250dpi")
    row = rows["6"]
    assert (row["max_points"], row["self_points"], row["appraised_points"]) == (7.0, 0.0, 0.0)
    assert "unsure_self_points:0.50" in row["flags"]


def test_a_zero_score_beside_the_other_score_above_it_is_doubted():
    assert doubted_score("0", {"max": 7.0, "self": 0.0, "appraised": 6.0}, "self")
    assert not doubted_score("0", {"max": 7.0, "self": 0.0, "appraised": 0.0}, "self")
    assert not doubted_score("6", {"max": 7.0, "self": 6.0, "appraised": 6.0}, "self")
    assert doubted_score("s10", {"max": 10.0, "self": 10.0, "appraised": 10.0}, "self")


def test_a_maximum_whose_comma_ocr_read_as_a_space_is_joined_by_the_sets_maximum():
    from normalize.criteria.match_settings import MatchSettings
    from normalize.criteria.set_cells import _split_maximum
    from schemas.records import ScoreRow

    row = ScoreRow(code="8", name="Tác động của CCHC", max_points=15.0, max_points_raw="15", self_points=5.0)
    row.self_points_raw = "5"
    assert _split_maximum(row, 15.5, "set", MatchSettings())
    assert (row.max_points, row.max_points_raw, row.self_points) == (15.5, "15,5", None)
    assert "missing_self" in row.flags and row.alternatives["self_points"] == [5.0]
    printed = ScoreRow(code="8", name="Tác động của CCHC", max_points=15.0, max_points_raw="15", self_points=4.0)
    printed.self_points_raw = "4"
    assert not _split_maximum(printed, 15.5, "set", MatchSettings())  # 15,4 is no quarter's figure


def test_a_quarter_figures_units_digit_read_as_a_capital_is_a_doubted_cell():
    from extract.segment.line_common import glued_digits

    assert glued_digits("A,75") == "4,75" and glued_digits("S,5") == "5,5"
    assert glued_digits("A") is None and glued_digits("Anh,5") is None
    cells = read_line(_line("1.1 | Kế hoạch CCHC năm 5 A,75 4,25"), False, THREE)
    assert (cells.max_raw, cells.self_raw, cells.appraised_raw) == ("5", "A,75", "4,25")
    assert doubted_score("A,75", {"max": 5.0, "self": 4.75, "appraised": 4.25}, "self")
