"""Points numbers OCR read without their decimal comma, chosen by the table's arithmetic."""

from extract.model import Line
from extract.segment.line_header import HeaderLayout
from extract.segment.score_lines import read_line
from extract.segment.score_readings import points_readings, resolve_lost_commas
from schemas.records import ScoreRow


def _row(code, parent, max_raw, self_raw, appraised_raw=None):
    def value(raw):
        return float(raw.replace(",", ".")) if raw else None

    return ScoreRow(
        code=code,
        parent=parent,
        max_points=value(max_raw),
        self_points=value(self_raw),
        appraised_points=value(appraised_raw),
        max_points_raw=max_raw,
        self_points_raw=self_raw,
        appraised_points_raw=appraised_raw,
    )


def test_readings_of_a_comma_less_cell():
    assert points_readings("15") == [15.0, 1.5]
    assert points_readings("05") == [0.5]  # no points cell prints a leading zero
    assert points_readings("025") == [0.25, 2.5]
    assert points_readings("2,5") == [] and points_readings("3") == []


def test_bounds_choose_the_reading_and_keep_the_others():
    # Real eng dump line (d02-i1): "1. | CONGTACCHIDAO, DIEUHANHCCHC | 10 | 825 | 775 | CS".
    rows = [_row("1", None, "10", "825", "775"), _row("1.1", "1", "5", "15", "05")]
    resolve_lost_commas(rows)
    assert (rows[0].self_points, rows[0].appraised_points) == (8.25, 7.75)
    assert rows[0].alternatives["self_points"] == [825.0, 82.5]
    assert "ambiguous_number" in rows[0].flags
    assert (rows[1].self_points, rows[1].appraised_points) == (1.5, 0.5)


def test_a_parent_sum_chooses_between_readings_that_both_fit():
    # "25" under a max of 30 fits as 25 and as 2.5: the children's sum says which.
    rows = [_row("1", None, "60", "4,5"), _row("1.1", "1", "30", "2"), _row("1.2", "1", "30", "25")]
    resolve_lost_commas(rows)
    assert rows[2].self_points == 2.5 and rows[2].alternatives["self_points"] == [25.0]


def test_a_part_heading_takes_the_reading_its_children_add_up_to():
    # A phone photo (S04, seed 120): part I's max "455" lost its comma; with no bound above it the
    # smallest reading (4,55) had been taken, and every child was then read under it ("10" as 1,0).
    rows = [_row("I", None, "455", "30")] + [
        _row(code, "I", mx, sf) for code, mx, sf in (("1", "10", "10"), ("2", "10", "9"), ("3", "14,5", "0"))
    ]
    rows.append(_row("4", "I", "11", "11"))
    resolve_lost_commas(rows)
    assert [r.max_points for r in rows] == [45.5, 10.0, 10.0, 14.5, 11.0]
    assert [r.self_points for r in rows] == [30.0, 10.0, 9.0, 0.0, 11.0]
    assert rows[0].alternatives["max_points"] == [455.0, 4.55]
    # points are quarter points: "145" under a max of 16 is 14,5 (1,45 kept as the other reading)
    rows = [_row("3", None, "16", "145")]
    resolve_lost_commas(rows)
    assert rows[0].self_points == 14.5 and rows[0].alternatives["self_points"] == [145.0, 1.45]


def test_over_scored_row_keeps_the_nearest_reading():
    rows = [_row("1.1.4", None, "2", "25")]
    resolve_lost_commas(rows)
    assert rows[0].self_points == 2.5  # over the max (a fault to report), by the least the text allows


def test_line_with_lost_commas_reads_its_points():
    # Real vie dump line (d01-i2): the self points "0,25" read as "025".
    line = Line(text="Tất cả báo cáo có đầy đủ nội dung theo hướng 1 025 Công văn số 178/CV-", page=1, number=3)
    cells = read_line(line, False, HeaderLayout())
    assert (cells.max_raw, cells.self_raw) == ("1", "025")
    assert [t for t, _ in cells.explanation][:2] == ["Công", "văn"]


def test_specks_and_letters_read_for_digits_beside_a_number():
    # Real vie dump lines (d03-i4): "1 0`" (a speck on the 0), "lì: 1" is not a run ("lì" is a
    # word), "l: 0,5" is (the max 1 read as "l").
    layout = HeaderLayout()
    cells = read_line(
        Line(text="Tất cả báo cáo có đầy đủ nội dung theo hướng dẫn ¿ 1 0`", page=1, number=1), False, layout
    )
    assert (cells.max_raw, cells.self_raw) == ("1", "0")
    line = Line(text="Các kết quả phải đạt được xác định rõ ràng, cụ thể và định rõ trách l: 0,5", page=1, number=2)
    cells = read_line(line, False, layout)
    assert (cells.max_raw, cells.self_raw) == ("l", "0,5")
    # A name's "I" is a word, not a cell: no number beside it.
    cells = read_line(Line(text="định (báo cáo quí I, quí III, báo cáo 6 tháng và", page=1, number=3), False, layout)
    assert not cells.has_numbers


def test_a_reading_in_quarters_is_chosen_over_one_that_is_not():
    # Real vie dump line (seed 112 d04-i4): "5, Xây dựng và nâng cao chất lượng đội ngũ công chức, 16 145 145":
    # 1,45 and 14,5 both fit under 16; points are given in quarters, so 14,5.
    rows = [_row("5", None, "16", "145", "145")]
    resolve_lost_commas(rows)
    assert (rows[0].self_points, rows[0].appraised_points) == (14.5, 14.5)
    assert rows[0].alternatives["self_points"] == [145.0, 1.45]


def test_with_no_bound_the_quarter_reading_of_three_digits():
    # Seed 114 d04-i2: "3 Cải cách thủ tục hành chính 145 0 0", a top row (no parent's max above it).
    rows = [_row("3", None, "145", "0"), _row("1", None, "10", "825")]
    resolve_lost_commas(rows)
    assert rows[0].max_points == 14.5 and rows[1].self_points == 8.25


def test_a_stated_total_whose_comma_ocr_lost_is_the_reading_its_rows_add_up_to():
    # A phone photo (S04, seed 120): the total row's "7,5" read "75" had raised a false mismatch.
    from extract.segment.points_cells import parse_total as _parse_total

    rows = [_row("1", None, "10", "7,5"), _row("1.1", "1", "5", "2,5"), _row("1.2", "1", "5", "5")]
    assert _parse_total(("10", "75"), True, rows) == (10.0, 7.5)
    assert _parse_total(("10", "75"), False, rows) == (10.0, 75.0)  # typed: as printed
    assert _parse_total(("10", "85"), True, rows) == (10.0, 85.0)  # no reading adds up: as read
