"""Score-table dump rows lost to OCR's garbling (issue 11): a table whose figures OCR smudged
past behaving as points, told by its header and its criteria rows; specks left of a cell's bar;
an STT cell read as letters ("Tị.") and a ruling line drawn through a name; a coded row whose
whole name is read; a coded line of another criterion's whole name; a name split from the
explanation it runs into; a one-letter speck before an explanation's wrapped words. Real
Tesseract dumps of the corpus generator with their truth beside them, and lines made for each
rule."""

from pathlib import Path

from benchmarks.corpus_scoring import score_document
from corpus_helpers import converted_with_truth
from extract.model import Line
from extract.segment.line_cells import read_line
from extract.segment.line_words import name_tokens
from extract.segment.named_criteria import scored_lines
from extract.segment.row_draft import RowDraft
from extract.segment.row_openings import past_place
from extract.segment.score_lines import LineTableSettings
from schemas.records import ScoreRow, ScoreTable, SourceRef

DEGRADED = Path(__file__).parent / "data" / "dumps_degraded"


def _read(stem: str) -> tuple[dict[str, dict], dict]:
    output, truth = converted_with_truth(DEGRADED / f"{stem}.txt")
    rows = {r["code"]: r for t in output["score_tables"] for r in t["rows"]}
    return rows, score_document(truth, output)["tally"]


def _line(text: str) -> Line:
    return Line(text=text, raw=text, page=1, number=1)


def _tokens(text: str) -> list[tuple[str, str]]:
    return [(w, w) for w in text.split()]


def test_a_table_of_smudged_figures_is_read_by_its_criteria_rows():
    # Lines 19-49: "1. | CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC 1Í E5. 75", "11 |KếhoạchCCHCnăm - -
    # 1.1. 5.. 35" …: no pair of figures in order, yet each row prints its code and criterion.
    rows, tally = _read("s583-d05-i4-ruled-center-vie-300dpi-degraded")
    assert tally["found"] == tally["rows"] == 10
    assert rows["1.1.1"]["name"] == "Ban hành kế hoạch CCHC năm"  # line 21 "P n | Ban hành …"
    assert rows["1.1.2"]["name"].startswith("Xác định đầy đủ các nhiệm vụ CCHC")
    assert rows["1.2"]["name"] == "Báo cáo CCHC"


def test_a_task_table_keyed_by_codes_stays_set_aside():
    # Codes and dates, no points header, no criterion's name: a plan's tasks, not a score table.
    rows = [
        ScoreRow(code=f"1.{k}", name=name, max_points=v, self_points=None, source=SourceRef(page=1))
        for k, (name, v) in enumerate([("Rà soát quy trình nội bộ", 2026.0), ("Tập huấn cán bộ", 3.0)], 1)
    ]
    rows.append(ScoreRow(code="1.3", name="Ban hành kế hoạch CCHC năm", max_points=1.2, source=SourceRef(page=1)))
    table = ScoreTable(rows=rows)
    assert not scored_lines(table, frozenset(), 0.5)
    assert not scored_lines(table, frozenset({"max", "self"}), 0.5)  # one named row of three


def test_specks_left_of_a_cells_bar_are_no_code_nor_name():
    cells = read_line(_line("P n | Ban hành kế hoạch CCHC năm __ Thông báo số 175/TB-UBND"), False)
    assert cells.code is None and "Ban" in [raw for _, raw in cells.name]
    cells = read_line(_line("CC | 11 [KếhoahcCCHCnam E:E7T/777iEiEitir"), False)
    assert cells.code == "11"
    cells = read_line(_line("l P | bố trí kinh phí thực hiện Xã ln"), False)
    assert cells.code is None and cells.name[0][1] == "bố"
    # (a wrapped name's word before a bar stays: no lone letter among it)
    cells = read_line(_line("và | 22/12/2013 Thông báo"), False)
    assert cells.name[0][1] == "và"


def test_an_stt_cell_read_as_letters_and_a_drawn_rule_leave_the_name():
    name = name_tokens(_tokens("Tị. [Kếhoạch GCHC năm E————————T¡"))
    assert [raw for _, raw in name] == ["[Kếhoạch", "GCHC", "năm"]


def test_a_row_lost_between_garbled_lines_is_read():
    # d05-i2 line 15 "CC —[ Tị. [Kếhoạch GCHC năm E————————T¡ T4 | 4z": 1.1, its code lost.
    rows, _ = _read("s581-d05-i2-ruled-center-vie-150dpi")
    assert rows["1.1"]["name"] == "Kế hoạch CCHC năm"
    # d05-i4 line 14 "sá là T111, Ban hành kế hoạch CCHC năm: Đạt yêu cầu …": 1.1.1 after specks.
    rows, _ = _read("s581-d05-i4-ruled-center-vie-250dpi-degraded")
    assert rows["1.1.1"]["name"] == "Ban hành kế hoạch CCHC năm"
    assert rows["1.1"]["name"] == "Kế hoạch CCHC năm"


def test_a_coded_name_runs_into_no_explanation():
    # Line 20 "4 Cai cach té chifc b6 may hanh chinh oi. Th6ng bao s6 274/TB-UBND ngay".
    rows, tally = _read("s581-d05-i3-ruled-center-eng-300dpi-degraded")
    assert rows["4"]["name"] == "Cải cách tổ chức bộ máy hành chính"
    assert tally["invented"] == 0


def test_a_coded_line_of_another_whole_name_is_the_next_row():
    # Lines 22-25: "… công chức, 15,25" (5, its code lost), "6. | Cai cdch tai chinh cong", "Hign
    # dai hoa hank chinh" (7): three rows, not 5 coded 6 with the others' names.
    rows, tally = _read("s583-d05-i3-ruled-center-eng-250dpi-degraded")
    assert rows["6"]["name"] == "Cải cách tài chính công"
    assert rows["7"]["name"] == "Hiện đại hóa hành chính"
    assert rows["5"]["self_points"] == 15.25
    assert tally["found"] == tally["rows"] == 8
    # Line 36 "12 | BáocáoCCHC - z 1 1" under "¡12 Mức độ thực hiện kế hoạch CCHC. … 2 075- 125".
    rows, tally = _read("s625-d04-i4-ruled-center-vie-300dpi-degraded")
    assert rows["1.1.4"]["name"] == "Mức độ thực hiện kế hoạch CCHC"
    assert rows["1.2"]["name"] == "Báo cáo CCHC"


def test_a_late_code_is_the_rows_own_at_its_place():
    settings = LineTableSettings()
    rows = [RowDraft(page=1, line_start=1, line_end=1, started_by="code")]
    rows[0].code = "1"
    rows += [RowDraft(page=1, line_start=k, line_end=k, started_by="numbers") for k in range(2, 6)]
    assert past_place("6.", rows, settings)  # the last row's place is 5
    assert not past_place("5", rows, settings)
    assert not past_place("L2", rows, settings)  # (read through a lookalike: says nothing)


def test_a_one_letter_speck_before_an_explanations_words_is_no_part():
    cells = read_line(_line("' I I UBND ngày 11/05/2024"), False)
    assert cells.code is None
    rows, tally = _read("s625-d01-i2-ruled-center-vie-300dpi")
    assert sorted(rows) == ["1", "2", "3", "4", "5", "6", "7", "8"]
    assert tally["invented"] == 0


def test_a_heading_under_the_header_stays_before_the_rows():
    # Lines 12-15 "CONG TAC CHi DAO, DIEU HANH ap 705" / "me CCHC" / "K€ hoach CCHC nim : a" /
    # "111 Ban hanh …": the heading and 1.1 keep their own rows, 1.1.1 its name.
    rows, tally = _read("s583-d01-i3-ruled-center-eng-200dpi-degraded")
    assert rows["1"]["name"] == "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC"
    assert rows["1.1"]["name"] == "Kế hoạch CCHC năm"
    assert rows["1.1.1"]["name"] == "Ban hành kế hoạch CCHC năm"
    assert tally["found"] == tally["rows"] == 10
