"""Codes and maxima of OCR dumps held against the criteria set (issue 11): a line named as no
criterion, coded by its place alone or printing no points, holds no code against a row named as
that criterion; a maximum of look-alike letters ("sI") keeps its readings for the set and the
arithmetic to choose. Real Tesseract dumps of seed 451's documents (tests/data/dumps_codes20,
with the generator's truth), read end to end."""

from pathlib import Path

from corpus_helpers import scored_rows_with_truth
from extract.segment.score_readings import points_readings, resolve_lost_commas
from schemas.records import ScoreRow

DUMPS = Path(__file__).parent / "data" / "dumps_codes20"


def test_a_header_line_read_as_code_3_holds_no_code_against_the_row_named_3():
    # "3 chuan |- we fe" (the header's "chuẩn", no points) was read as row 3 above row 1; the row
    # "Cai cach thi tuc hanh chinh" (its code lost) then stayed 3.2 behind it.
    rows, want, tally = scored_rows_with_truth(DUMPS / "s451-d05-i3-ruled-center-eng-200dpi-degraded.txt")
    assert rows["3"]["name"] == want["3"]["name"] == "Cải cách thủ tục hành chính"
    assert "3.2" not in rows
    assert not any("chuẩn" in r["name"] for r in rows.values())
    assert tally["invented"] == 0


def test_a_cell_of_lookalike_letters_with_an_s_reads_every_way():
    assert points_readings("sI") == [51.0, 5.0, 1.0]
    assert points_readings("Ss") == [55.0, 5.0]
    assert points_readings("s1") == [1.0, 51.0]  # (a letter glued to a digit: ``glued_readings``)


def test_a_maximum_of_lookalike_letters_keeps_its_readings_even_when_the_first_fits():
    # "sI" as a part's maximum (nothing above it to bound it) was 51 and nothing else: a figure
    # that contradicted the set's 5 and cost the set its sureness. It keeps 5 and 1 as readings
    # (the set's maxima take 5: ``set_cells._take_set_reading``) and is queued as ambiguous.
    row = ScoreRow(code="1", max_points=51.0, max_points_raw="sI", self_points=4.0, self_points_raw="4")
    resolve_lost_commas([row])
    assert row.max_points == 51.0
    assert row.alternatives["max_points"] == [5.0, 1.0]
    assert "ambiguous_number" in row.flags
    # ... under a parent's maximum of 10 the bound chooses 5 at once
    top = ScoreRow(code="1", max_points=10.0, max_points_raw="10")
    child = ScoreRow(code="1.1", parent="1", max_points=51.0, max_points_raw="sI")
    resolve_lost_commas([top, child])
    assert child.max_points == 5.0 and child.alternatives["max_points"] == [51.0, 1.0]


def _run(line: str, n_points: int) -> list[str] | None:
    from extract.segment.line_points import _number_run

    run = _number_run([(t, t) for t in line.split()], n_points)
    return run[2] if run else None


def test_a_lone_figure_and_a_garbled_token_before_a_full_run_are_no_cells():
    # Seed 451's d04-i3 (eng, 150 dpi): "2 z" (the scale's specks) were read as the maximum 2
    # and a self score "z" read 2, the appraised 10 read 1,0; the row's cells end the line.
    line = "1. | Céng tac chi dao, diéu hanh cai cach hanh chinh 2 z 10 9,5 9,25"
    assert _run(line, 3) == ["10", "9,5", "9,25"]
    # ... a lone figure beside a garbled cell with no full run after it stays the row's cells
    assert _run("trách nhiệm a} 0 Kế hoạch", 2) == ["a}", "0"]


def test_a_degree_sign_glued_to_a_cell_is_a_speck():
    # d04-i3 row 2: "... ngay 10° 10 10": the maximum was lost (None).
    line = "2 Xay dung va t6 chifc thyc hién van ban quy pham Ké hoach s6 284/KH-UBND ngay 10° 10 10"
    assert _run(line, 3) == ["10", "10", "10"]


def test_a_one_word_line_coded_by_its_place_holds_no_code_against_the_row_named_so():
    # The shape last round's dev seed showed (d02-i3): "pees" with a figure, coded 2 by its place
    # between row 1 and the row whose name is criterion 2's wording (its code lost too, placed 3).
    from normalize.criteria import criteria_set
    from normalize.criteria.match import snap_to_set
    from normalize.criteria.recognise import recognise_set
    from schemas.records import ScoreTable

    cset = criteria_set("bnv-tinh_2948")
    wording = cset.by_code()

    def row(code: str, name: str, most: float | None, own: float | None, placed: bool) -> ScoreRow:
        flags = ["code_inferred"] if placed else []
        return ScoreRow(code=code, name=name, max_points=most, self_points=own, flags=flags)

    rows = [
        row("1", wording["1"].name, 10.0, 9.0, False),
        row("2", "pees", 1.0, None, True),
        row("3", wording["2"].name, 10.0, 8.0, True),
        row("4", wording["4"].name, 11.0, 11.0, False),
        row("5", wording["5"].name, 16.0, 15.0, False),
    ]
    table = ScoreTable(rows=rows)
    match = recognise_set([table], sets=[cset])
    assert match is not None
    snap_to_set([table], match)
    named = next(r for r in table.rows if r.name == wording["2"].name)
    assert named.code == "2"
    assert any(r.name == "pees" for r in table.rows)  # (kept: its figure is for the review to judge)


def test_a_cell_printing_a_percent_is_no_points_number():
    # Seed 451's d05-i4 row 1: "… ĐIỀU HÀNH CCHC. : 10 55% Iÿ R85" (9 and 8,5 printed): "55%" was
    # read 55, a false "self-assessed 55 exceeds the maximum 10"; it is a garbled cell, unread.
    from extract.segment.points_cells import read_points as _number

    assert _number("55%", ocr=True) is None
    assert _number("5,5", ocr=True) == 5.5
