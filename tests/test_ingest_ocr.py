"""OCR with the real Tesseract (vie) on scanned renderings: a rotated, noisy PNG of a ruled score
table, and a two-page bilevel TIFF."""

import json
import os
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from rapidfuzz.distance import Levenshtein

from extract.base import ingest
from extract.ocr import find_rules, skew_angle

ROOT = Path(__file__).resolve().parents[1]
RENDERINGS = ROOT / "samples" / "renderings"


def reference_cells(name: str) -> list[list[str]]:
    """The rendered cells of a score-table rendering's reference rows (code, name, max, self)."""
    data = json.loads((ROOT / "golden" / "reference" / "renderings" / f"{name}.reference.json").read_text("utf-8"))
    fmt = lambda v: "" if v is None else f"{v:g}"  # noqa: E731
    return [
        [r["code_printed"], r["name"], fmt(r["max_points"]), fmt(r["self_points"])]
        for r in data["score_tables"][0]["rows"]
    ]


@pytest.fixture(scope="module")
def png_doc():
    return ingest(RENDERINGS / "score_table_scan.png")


def char_accuracy(truth: list[list[str]], got: list[list[str]]) -> float:
    errors = total = 0
    for t_row, g_row in zip(truth, got):
        for t, g in zip(t_row, g_row):
            errors += Levenshtein.distance(t, g)
            total += len(t)
    return 1 - errors / total


@pytest.mark.needs_tesseract
def test_png_scan_gives_the_ruled_grid_with_merged_header(png_doc):
    assert png_doc.format == "image" and png_doc.method == "ocr"
    page = png_doc.pages[0]
    assert page.dpi == 300 and page.width == 2481
    table = page.tables[0]
    assert table.source == "ocr-lines"
    # two header rows, one complete section, its "Tổng" row
    assert (table.n_rows, table.n_cols) == (2 + len(reference_cells("score_table_scan.png")) + 1, 5)
    cells = {(c.row, c.col): c for c in table.cells}
    assert cells[(0, 2)].col_span == 2 and cells[(0, 0)].row_span == 2 and cells[(0, 4)].row_span == 2
    assert cells[(0, 2)].text == "Điểm"


@pytest.mark.needs_tesseract
def test_png_cell_text_accuracy_and_diacritics(png_doc):
    truth = reference_cells("score_table_scan.png")
    got = png_doc.pages[0].tables[0].text_rows()[2:]
    assert char_accuracy(truth, got) >= 0.97
    row = next(r for r in got if r[0] == "7.2")
    assert row[1:4] == ["Cung cấp dịch vụ công trực tuyến", "4.5", "4.5"]  # Vietnamese diacritics survive OCR
    assert got[-1][1:4] == ["Tổng", "11.5", "11.5"]
    # numbers in narrow cells (page segmentation drops them, the retry strip brings them back)
    points = [(t[2], t[3]) for t in truth]
    read = [(g[2], g[3]) for g in got]
    assert sum(p == r for p, r in zip(points, read)) >= 0.9 * len(points)


@pytest.mark.needs_tesseract
def test_words_have_boxes_and_confidences(png_doc):
    words = [w for ln in png_doc.lines() for w in ln.words]
    assert words and all(0.0 <= w.conf <= 1.0 and w.bbox is not None for w in words)
    cells = [c for t in png_doc.tables() for c in t.cells if c.text]
    assert all(0.0 <= c.conf <= 1.0 for c in cells)
    assert any("Ủy ban nhân dân" in ln.text or "Kèm theo" in ln.text for ln in png_doc.lines())


@pytest.mark.needs_tesseract
def test_multipage_tiff_one_page_per_frame():
    doc = ingest(RENDERINGS / "stats_annex_scan.tif")
    assert [p.method for p in doc.pages] == ["ocr", "ocr"]
    assert not doc.pages[0].tables and doc.pages[1].tables
    assert any("Hương Sơn" in ln.text for ln in doc.pages[0].lines)
    table = doc.pages[1].tables[0]
    assert table.n_cols == 5
    rows = table.text_rows()
    assert any(r[3] == "78,94%" for r in rows)
    assert any(r[2] == "Nhiệm vụ" and r[3] == "19" for r in rows)


def test_deskew_finds_the_rotation():
    page = Image.open(RENDERINGS / "score_table_scan.png").convert("L")
    base = skew_angle(page)
    assert base == pytest.approx(-0.8, abs=0.15)  # make_samples rotated it by +0.8°
    assert skew_angle(page.rotate(1.5, fillcolor=255)) == pytest.approx(base - 1.5, abs=0.15)


def test_ruling_lines_from_runs():
    ink = np.zeros((200, 400), dtype=bool)
    ink[50:53, 20:380] = True  # a 3-px horizontal rule
    ink[150, 20:200] = True
    ink[151, 199:380] = True  # one rule drifting by a pixel
    ink[100, 30:60] = True  # a letter stroke, too short
    rules = find_rules(ink, min_len=100, merge_px=4)
    assert [(round(r.pos), r.start, r.end) for r in rules] == [(51, 20, 380), (150, 20, 380)]


def test_openmp_threads_limited_for_parallel_pages():
    import extract.ocr  # noqa: F401

    assert "OMP_THREAD_LIMIT" in os.environ  # set (unless the user chose) when OCR is imported
