"""Specks read as dashes inside a ruled grid's cells (seed 21221's scans of a plan's task table).
S21-i4: a speck between "CCHC" and "xã," read "-" (3 × 2 px under words 22 px high; the page's
printed dashes 8-9 × 3-4) made the coordinator "Ban Chỉ đạo CCHC - xã, Các đoàn thể"; S29-i4: a
speck between "dựng" and "Quy" read glued, "dựng-Quy" (the word's glyphs: no bar, a 2 × 3 dot at
mid height) made the task "Xây dựng-Quy chế chi tiêu nội bộ năm 2023". Both silent. The generator's
truth files print "Ban Chỉ đạo CCHC xã, Các đoàn thể" and "Xây dựng Quy chế chi tiêu nội bộ năm
2023". Boxes and confidences are Tesseract's words on those pages, the glyphs the connected
components of the page's ink in the glued word's box; the cell boxes are stand-ins around them."""

from __future__ import annotations

import numpy as np

from extract.model import Word
from extract.ocr_dot_dash import grid_dust
from extract.ocr_settings import OcrSettings

CELL = (770, 430, 1100, 620)  # the coordinators' cell of S21-i4's task table (stand-in)
LONE = (1200, 430, 1260, 470)  # a cell printing "-" alone


def _s21_words():
    return [
        ((1, 0, 0), Word("CCHC", (881, 445, 958, 466), 0.95)),
        ((1, 0, 1), Word("-", (970, 459, 973, 461), 0.87)),  # the speck
        ((1, 0, 2), Word("xã,", (782, 479, 815, 503), 0.95)),
        ((1, 0, 3), Word("hóa", (782, 579, 823, 601), 0.95)),
        ((1, 0, 4), Word("-", (831, 592, 840, 595), 0.93)),  # printed: "Văn hóa - Xã hội"
        ((1, 0, 5), Word("Xã", (849, 580, 881, 601), 0.95)),
        ((1, 0, 6), Word("-", (1228, 448, 1231, 450), 0.9)),  # a cell's lone "-", however small
    ]


def test_a_speck_read_as_a_dash_in_a_grid_cell_is_dust_a_printed_dash_and_a_lone_one_stay():
    words = _s21_words()
    tables = [[(CELL, 0, 0, 1, 1), (LONE, 0, 1, 1, 1)]]
    dropped = grid_dust(words, tables, np.zeros((700, 1300), dtype=bool), OcrSettings())
    assert dropped == {id(words[1][1])}


# "dựng-Quy" at (305, 483, 421, 510) on S29-i4's third page (words 22 px high): its glyphs
# (left, top, width, height) within the box.
GLUED = (305, 483, 421, 510)
GLYPHS = [(0, 0, 13, 21), (14, 4, 29, 17), (19, 22, 4, 3), (45, 6, 14, 21), (61, 11, 2, 3), (67, 0, 20, 26)]
GLYPHS += [(88, 7, 13, 14), (102, 7, 14, 20)]


def _ink(glyphs) -> np.ndarray:
    ink = np.zeros((600, 500), dtype=bool)
    for left, top, width, height in glyphs:
        ink[GLUED[1] + top : GLUED[1] + top + height, GLUED[0] + left : GLUED[0] + left + width] = True
    return ink


def _s29_words():
    return [
        ((1, 0, 0), Word("Xây", (250, 483, 298, 510), 0.95)),
        ((1, 0, 1), Word("dựng-Quy", GLUED, 0.84)),
        ((1, 0, 2), Word("chế", (428, 483, 470, 505), 0.95)),
    ]


def test_a_dash_read_glued_between_letters_whose_ink_is_a_dot_is_a_space():
    words = _s29_words()
    grid_dust(words, [[((240, 470, 490, 530), 0, 0, 1, 1)]], _ink(GLYPHS), OcrSettings())
    assert [w.text for _, w in words] == ["Xây", "dựng Quy", "chế"]


def test_a_glued_dash_printed_as_a_bar_stays():
    # the dot swapped for a bar as the page prints its dashes ("chính - Kế": 8-11 × 3-4 px), apart from "g" and "Q"
    printed = [g for g in GLYPHS if g != (61, 11, 2, 3)] + [(60, 11, 6, 3)]
    words = _s29_words()
    grid_dust(words, [[((240, 470, 490, 530), 0, 0, 1, 1)]], _ink(printed), OcrSettings())
    assert words[1][1].text == "dựng-Quy"
