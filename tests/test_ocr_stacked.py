"""Figures stacked one a line in a scanned points cell (criteria pasted several to a row): the lone
lines Tesseract's page reading dropped are read again (``extract/ocr_stacked.py``)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from cchc_extract.pipeline import convert_file
from extract.model import Word
from extract.ocr_stacked import ink_bands, unread_bands

DATA = Path(__file__).parent / "data" / "scans_stacked"


def test_a_cells_ink_is_cut_into_its_printed_lines_and_specks_left_out():
    ink = np.zeros((60, 20), dtype=bool)
    ink[2:12, 3:9] = True  # a figure
    ink[13:15, 3:5] = True  # its comma's tail, two rows under: the same line
    ink[30:31, 10:12] = True  # a speck
    ink[40:50, 4:8] = True  # the next figure
    assert ink_bands(ink, min_rows=6, gap=2) == [(2, 15), (40, 50)]
    read = [Word(text="1,25", bbox=(103, 502, 109, 515), conf=0.9)]
    assert unread_bands([(2, 15), (40, 50)], read, top=500, share=0.5) == [(40, 50)]


@pytest.fixture(scope="module")
def pasted_table():
    """The real scan's table converted once for the tests reading it."""
    return convert_file(DATA / "s6162-s20-i2-n31-pasted-table.jpg")


@pytest.mark.needs_tesseract
def test_a_pasted_rows_lone_figures_are_read_and_the_row_split(pasted_table):
    """The score table of a real scan (seed 6162, S20 instance 2: the scan of N31, its criteria
    pasted several to a row; the table cut from the page, 249 dpi, as scanned). Tesseract's page
    reading dropped the self points "2" under "0,75" and the "1" under "1,5" and "0,75": the rows'
    figure cells held one line fewer than their criteria, so both rows (6 criteria) were taken out
    and told. Each criterion is read with the truth's points, and nothing is told unread."""
    result = pasted_table
    rows = {r.code: r for t in result.score_tables for r in t.rows}
    truth = {
        "1.1.1": (1, 1.25),
        "1.1.2": (1, 0.25),
        "1.1.3": (1, 0.75),
        "1.1.4": (2, 2),
        "1.2.1": (1.5, 0.75),
        "1.2.2": (1, 1),
    }
    assert {code: (rows[code].max_points, rows[code].self_points) for code in truth if code in rows} == truth
    assert not [u for u in result.unread if u.kind == "rows"]


@pytest.mark.needs_tesseract
def test_a_figure_read_again_is_doubted_in_its_own_piece(pasted_table):
    """The same scan: the figures read a second time ("2", 1.1.4's self points, and the "1"s of
    1.2.2) are doubted on their own criteria (their pieces keep their lines' confidence, capped),
    while the figures the page reading read in the same cells (1.1.1-1.1.3, 1.2.1) are not. Before,
    every piece took its cell's mean confidence and none was doubted."""
    rows = {r.code: r for t in pasted_table.score_tables for r in t.rows}
    doubted = {code: sorted(f.split(":")[0] for f in rows[code].flags if f.startswith("unsure_")) for code in rows}
    assert doubted["1.1.4"] == ["unsure_self_points"]
    assert doubted["1.2.2"] == ["unsure_max_points", "unsure_self_points"]
    assert all(not doubted[code] for code in ("1.1.1", "1.1.2", "1.1.3", "1.2.1"))


@pytest.mark.needs_tesseract
def test_a_pasted_rows_blank_figure_is_placed_by_where_the_read_figures_stand():
    """The score table of a real scan (held-out seed 8001, spent: S20 instance 2, the scan of N31's
    field-level set, its eight fields pasted in one row; the table cut from the 300-dpi page as
    scanned). The last field's self points are printed blank: the self cell holds seven figures for
    eight criteria. A text layer's line tops place the seven; before, a scanned cell's lines had no
    places (``Cell.line_places``), so the row was taken out and told, 0 of 8 criteria read. Each
    field is read with the truth's points, the blank left blank, and nothing is told unread."""
    result = convert_file(DATA / "s8001-s20-i2-n31-blank-self.jpg")
    rows = {r.code: r for t in result.score_tables for r in t.rows}
    truth = {
        "1": (10, 9.5),
        "2": (10, 10),
        "3": (14.5, 14.25),
        "4": (11, 11),
        "5": (16, 16),
        "6": (7, 6.25),
        "7": (16, 16),
        "8": (15.5, None),
    }
    assert {code: (rows[code].max_points, rows[code].self_points) for code in rows} == truth
    assert rows["8"].name.startswith("Tác động của CCHC")
    assert not [u for u in result.unread if u.kind == "rows"]
