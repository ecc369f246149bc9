"""Points cells of a dump's three-column rows (max, self, appraised) that OCR garbled between the
row's figures (issue 11): two letters read for a 1 ("11 ii 11": the 11 of the self cell), a speck
read as capitals before the row's last figure ("16 16 SH 16"), a speck read as a capital no
Vietnamese word prints glued before a figure ("Ö16"). The lines are shaped as real Tesseract
output of seeds 563 and 564's D05 and D02 dumps; tests/data/dumps_appraised23 holds a small
dump made for these cases, read end to end."""

from pathlib import Path

import pytest

from cchc_extract.pipeline import convert_file
from extract.segment.line_common import glued_digits
from extract.segment.line_points import _number_run
from extract.segment.score_readings import points_readings

DUMP = Path(__file__).parent / "data" / "dumps_appraised23" / "cells-between.txt"


def _run(line: str, n_points: int = 3) -> list[str] | None:
    run = _number_run([(t, t) for t in line.split()], n_points)
    return run[2] if run else None


@pytest.mark.parametrize(
    "line, cells",
    [
        # The self cell's 11 read as two letters between the max and the appraised figure.
        ("nee cach t6 chifc b6 may hanh chinh 11 ii 11 Hoan thanh 100% ke hoach", ["11", "ii", "11"]),
        ("Cai cach to chuc bo may hanh chinh 11 Il 10", ["11", "Il", "10"]),
        # ... not a roman numeral, nor letters with no figure after them.
        ("bao cao quy II 1 1", ["1", "1"]),
        ("Cai cach to chuc bo may 11 ii Hoan thanh", None),
        # A speck read as capitals before the line's last figure: the appraised cell after it.
        ("1.1.2 linh vuc theo ke hoach nam cua UBND tinh va : 1 1 SH 1", ["1", "1", "1"]),
        # ... not when words go on after that figure (an explanation's capitals and its count).
        ("hanh chinh 10 9 VP Ban hanh 2 lan", ["10", "9"]),
    ],
)
def test_cells_between_the_rows_figures(line, cells):
    assert _run(line) == cells


def test_two_ones_read_both_ways():
    assert points_readings("ii") == [11.0, 1.0]


def test_a_foreign_capital_glued_to_a_figure_is_a_speck():
    assert glued_digits("Ö14,5") == "14,5"
    assert glued_digits("Ü10") == "10"
    # A Vietnamese capital is a letter of the text ("Ô10" is no cell read with a speck).
    assert glued_digits("Ô10") is None
    assert glued_digits("Ă5") is None


def test_the_dump_reads_every_appraised_cell():
    result = convert_file(DUMP)
    (table,) = result.score_tables
    rows = {r.code: (r.max_points, r.self_points, r.appraised_points) for r in table.rows}
    assert rows["4"] == (11.0, 11.0, 11.0)  # "11 ii 11"
    assert rows["5"] == (16.0, 16.0, 16.0)  # "16 16 SH 16"
    assert rows["7"] == (16.0, 16.0, 15.75)  # "Ö16 16 15,75"
    assert len(table.rows) == 8
    # The "ii" is a reading of ours: the row is doubted, not silently taken.
    four = next(r for r in table.rows if r.code == "4")
    assert "ambiguous_number" in four.flags


def test_two_marked_ones_are_a_cell_read_by_the_rows_bound():
    # vie OCR gives the speck-like 1s marks no Vietnamese letter pair carries ("1 ïÌ 1", seed 563's d05-i4).
    assert _run("1.2.1 | (bao cao qui I, qui III, bao cao 6 thang va bao 22/05/2013 1 ïÌ 1") == ["1", "ïÌ", "1"]
    assert points_readings("ïÌ") == [11.0, 1.0]


def test_a_numbers_line_opening_with_no_word_goes_to_the_row_awaiting_them():
    from extract.model import Line
    from extract.segment.line_cells import read_line
    from extract.segment.row_openings import names_row

    def opens_name(text: str) -> bool:
        return names_row(read_line(Line(text=text, raw=text, page=1, number=1), False))

    # A centred row's numbers line under its whole name: garbled letters, a date, a cell's "TL".
    assert not opens_name("ñ NIệi b : 3/8/2013 TL 025 0,25")
    # A name's first words on its numbers' line open a row of their own.
    assert opens_name("Cải cách thủ tục hành chính 14,5 14 14")
    assert opens_name("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC 10 8,25 7,75")
    # ... and after a printed code, a name OCR glued together does (seed 425's d01-i3).
    assert opens_name("1.1 | KéhoachCCHC nam | 5 4,75")


def test_a_centred_rows_numbers_below_its_name(tmp_path):
    # Lines of seed 563's d05-i4 (vie, degraded): the row's name on one line, its figures under it
    # beside its explanation's date and OCR's letters; the row's cells are read, none lost.
    text = DUMP.read_text(encoding="utf-8").replace(
        "6. Cai cach tai chinh cong 7 7 6,75 Thong bao s6 126/TB-UBND ngay 18/08/2023",
        "ˆ | Cai cach tai chinh cong Thong bao s6 126/TB-UBND ngay |. ãỊ\nñ NIệi b : 18/08/2023 TL 7 6,75",
    )
    dump = tmp_path / "centred.txt"
    dump.write_text(text, encoding="utf-8")
    (table,) = convert_file(dump).score_tables
    six = next(r for r in table.rows if r.code == "6")
    # (its "TL" before the figures is a speck's, or the self cell OCR garbled: the run read is 7, 6,75)
    assert (six.max_points, six.self_points) == (7.0, 6.75)
    assert six.source.line_end == six.source.line_start + 1
    assert len(table.rows) == 8
