"""Dot leaders on a page image (``extract.ocr_leaders``), and a scanned table's pieces joined over
a page turn when the pages are one paper at two sizes (``page_scale``, ``gap_row_head``)."""

from __future__ import annotations

import json

import numpy as np
import pdfplumber
import pytest

from extract.model import Cell, IngestedDocument, Line, Page, Table, Word
from extract.ocr import OcrSettings, ocr_page
from extract.ocr_leaders import LeaderSettings, erase_leaders, reach_over_leaders
from extract.segment.page_scale import page_scale
from extract.segment.table_join import join_tables
from tests.corpus_helpers import make_corpus, manifest_documents


def test_a_row_of_lone_even_dots_is_erased_and_a_words_diacritics_kept():
    gray = np.full((300, 600), 255, dtype=np.uint8)
    for k in range(20):  # a leader: 6-px dots every 12 px on one line
        gray[100:106, 20 + 12 * k : 26 + 12 * k] = 0
    for k in range(20):  # dots each right over a letter's stroke (a diacritic): no leader
        gray[200:206, 20 + 12 * k : 26 + 12 * k] = 0
        gray[209:240, 21 + 12 * k : 25 + 12 * k] = 0
    assert erase_leaders(gray, gray < 128, 300) == [(20, 100, 254, 106)]
    assert (gray[100:106] == 255).all()
    assert (gray[200:206] < 128).sum() == 20 * 36
    # a few dots (an ellipsis, "v.v...") are no leader
    few = np.full((100, 200), 255, dtype=np.uint8)
    for k in range(3):
        few[50:56, 20 + 12 * k : 26 + 12 * k] = 0
    assert erase_leaders(few, few < 128, 300) == []


@pytest.fixture(scope="module")
def dotted_page(tmp_path_factory):
    """The first page of a generated tab-aligned table with dot leaders (N24, seed 2521), as a
    300-dpi image, and its truth's rows."""
    out = tmp_path_factory.mktemp("dotted")
    corpus = make_corpus(out, "N24", formats="pdf", quick=False, seed=2521)
    doc = next(d for d in manifest_documents(corpus) if d["path"].endswith("dots.pdf"))
    truth = json.loads((corpus / (doc["path"] + ".truth.json")).read_text(encoding="utf-8"))
    with pdfplumber.open(corpus / doc["path"]) as pdf:
        image = pdf.pages[0].to_image(resolution=300).original.convert("L")
    return image, [r for t in truth["score_tables"] for r in t["rows"]]


def _maxima_read(page: Page) -> dict[str, str]:
    """Code → the cell of the column before the last, in the page's first table of 4 columns or more."""
    tables = [b for b in page.blocks if isinstance(b, Table) and b.n_cols >= 4]
    if not tables:
        return {}
    cells = {(c.row, c.col): c.text for c in tables[0].cells}
    n = tables[0].n_cols
    return {cells.get((r, 0), "").rstrip("."): cells.get((r, n - 2), "") for r in range(tables[0].n_rows)}


def test_a_scanned_leaders_figures_stand_in_a_column_of_their_own(dotted_page):
    image, rows = dotted_page
    maxima = {r["code"]: f"{r['max_points']:g}".replace(".", ",") for r in rows}

    def right(page: Page) -> int:
        read = _maxima_read(page)
        return sum(1 for code, value in maxima.items() if read.get(code) == value)

    # half the rows' maxima or more read in a column of their own, the leaders gone (the lone
    # figures Tesseract drops on a clean page are another matter)
    assert right(ocr_page(image, 1, 300)) >= len(maxima) // 2
    # read with the leaders left in, the dots bridge the gap: no column of maxima
    assert right(ocr_page(image, 1, 300, settings=OcrSettings(leaders=LeaderSettings(min_dots=0)))) == 0


def _table(page: int, rows: list[list[tuple[str, float, float]]], edges: list[float], top: float) -> Table:
    cells = [
        Cell(row=r, col=c, text=text, bbox=(x0, top + 60 * r, x1, top + 60 * r + 40))
        for r, row in enumerate(rows)
        for c, (text, x0, x1) in enumerate(row)
    ]
    box = (edges[0], top, edges[-1], top + 60 * len(rows))
    return Table(page=page, cells=cells, n_rows=len(rows), n_cols=4, source="ocr-text", bbox=box, col_edges=edges)


def test_a_scanned_tables_piece_on_a_smaller_page_image_keeps_its_columns_and_its_first_row():
    # Page 2 scanned at a smaller zoom (2043 px wide, page 1 2357): page 1's edges stand elsewhere
    # in its pixels. The row the break cut begins on page 2 with a coded line left out of the piece.
    first = _table(
        1,
        [
            [("TT", 222, 289), ("Lĩnh vực, tiêu chí", 383, 739), ("Tối đa", 1597, 1727), ("Điểm đạt", 1884, 2069)],
            [("3.2.1", 229, 300), ("Tỷ lệ hồ sơ giải quyết đúng hạn", 384, 1044), ("5", 1652, 1672), ("5", 1936, 1960)],
        ],
        [216.0, 350.0, 1474.0, 1808.0, 2069.0],
        1000,
    )
    piece = _table(
        2,
        [
            [("", 0, 0), ("hồ sơ quá hạn", 333, 559), ("1,5", 1419, 1466), ("1,25", 1681, 1748)],
            [("3.2.3", 197, 277), ("Số hóa hồ sơ", 333, 981), ("1,5", 1419, 1466), ("1,5", 1692, 1738)],
        ],
        [196.0, 304.0, 1248.0, 1572.0, 1748.0],
        257,
    )
    opening = Line(
        text="3.2.2. Thực hiện xin lỗi người dân khi giải quyết", page=2, number=40, bbox=(197, 202, 1029, 242)
    )
    piece.line_start = 41
    doc = IngestedDocument(
        path="x.pdf",
        format="pdf",
        pages=[Page(1, [first], width=2357, height=3333), Page(2, [opening, piece], width=2043, height=2888)],
    )
    assert page_scale(doc, 1, 2) == pytest.approx(2043 / 2357)
    (table,) = join_tables(doc)
    assert [r.cells for r in table.rows] == [
        ["3.2.1", "Tỷ lệ hồ sơ giải quyết đúng hạn", "5", "5"],
        ["3.2.2", "Thực hiện xin lỗi người dân khi giải quyết hồ sơ quá hạn", "1,5", "1,25"],
        ["3.2.3", "Số hóa hồ sơ", "1,5", "1,5"],
    ]
    # a landscape page after a portrait one is another paper: its pixels are taken as they are
    doc.pages[1].width, doc.pages[1].height = 3333, 2357
    assert page_scale(doc, 1, 2) == 1.0


def test_the_names_last_word_reaches_over_its_leaders_first_half():
    name, figure, other = (
        Word("năm", (100, 50, 160, 80)),
        Word("5", (600, 50, 615, 80)),
        Word("x", (100, 200, 120, 230)),
    )
    reach_over_leaders([name, figure, other], [(165, 74, 590, 80)])
    assert name.bbox is not None and 160 < name.bbox[2] <= 600 - 2 * 30
    assert figure.bbox == (600, 50, 615, 80) and other.bbox == (100, 200, 120, 230)
