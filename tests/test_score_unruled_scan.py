"""Score tables scanned without ruling lines: the OCR reader finds no ruled grid; the borderless
table is found from the words' positions (white gutters between columns, rows from numbering) as on
text-layer pages. The line reader's positional columns (header words' x-positions) are tested on
synthetic layouts below."""

import json
from pathlib import Path

import pytest
from rapidfuzz import fuzz
from unidecode import unidecode

from cchc_extract.pipeline import convert_file
from extract.base import ingest
from extract.model import IngestedDocument, Line, Page, Word
from extract.segment.score_lines import column_ranges, gutter, header_key
from extract.segment.score_tables import find_score_tables

ROOT = Path(__file__).resolve().parents[1]
SCAN = ROOT / "samples" / "renderings" / "score_table_unruled_scan.png"
REFERENCE = ROOT / "golden" / "reference" / "renderings" / "score_table_unruled_scan.png.reference.json"


def _fold(text: str) -> str:
    return " ".join(unidecode(text or "").lower().split())


@pytest.fixture(scope="module")
def reference():
    (table,) = json.loads(REFERENCE.read_text(encoding="utf-8"))["score_tables"]
    return table


@pytest.fixture(scope="module")
def scanned():
    """The page through real Tesseract: no ruling lines to make a grid of."""
    doc = ingest(SCAN)
    assert [p.method for p in doc.pages] == ["ocr"]
    return doc


@pytest.fixture(scope="module")
def converted():
    (table,) = convert_file(SCAN).score_tables  # the whole pipeline, as `cchc-extract convert`
    return table


@pytest.mark.needs_tesseract
def test_scan_read_by_position(scanned, reference):
    (table,) = scanned.pages[0].tables
    assert table.source == "ocr-text"  # from the words' positions: the page has no ruling lines
    assert table.n_cols == 5  # STT | criterion | max | self | explanation
    header = [c.text for c in sorted(table.cells, key=lambda c: c.col) if c.row == 0]
    assert header[0] == "STT" and header[1] == "Tiêu chí" and header[-1] == "Giải trình"
    # every criterion row starts a table row: its code alone in the first column
    codes = [c.text.rstrip(".") for c in sorted(table.cells, key=lambda c: c.row) if c.col == 0 and c.row > 0]
    assert len(codes) >= len(reference["rows"])
    assert all(c.conf is not None for c in table.cells)  # OCR confidence kept per cell, as a grid's


@pytest.mark.needs_tesseract
def test_scan_codes_and_values_match_reference(converted, reference):
    rows = {r.code: r for r in converted.rows}
    assert [r.code for r in converted.rows] == [r["code"] for r in reference["rows"]]  # none invented or lost
    for ref in reference["rows"]:
        row = rows[ref["code"]]
        assert (row.max_points, row.self_points) == (ref["max_points"], ref["self_points"]), ref["code"]
        assert row.appraised_points is None  # the table has no appraised column
    assert (converted.stated_total_max, converted.stated_total_self) == (15.0, 14.0)


@pytest.mark.needs_tesseract
def test_scan_wrapped_names_joined_and_explanations_apart(converted, reference):
    rows = {r.code: r for r in converted.rows}
    for ref in reference["rows"]:
        row = rows[ref["code"]]
        assert fuzz.ratio(_fold(row.name), _fold(ref["name"])) >= 90, ref["code"]
        assert fuzz.ratio(_fold(row.explanation), _fold(ref["explanation"])) >= 90, ref["code"]
    # Five printed lines of one name cell, beside a one-line row of numbers.
    assert _fold(rows["1.3.1"].name).endswith("so luong cac cuoc kiem tra)")
    # A number inside a wrapped name stays name text, not points.
    assert rows["1.6.2"].name.endswith("0,25 điểm") and rows["1.6.2"].max_points == 0.25
    # The explanation's second line ("nghị.") sits alone in its column: still the same row's.
    assert _fold(rows["1.4.2"].explanation) == "loa truyen thanh, hoi nghi."


@pytest.mark.needs_tesseract
def test_scan_misread_code_repaired_by_sequence(converted):
    # Whatever Tesseract makes of the STT cell (a lost dot "11", a dot read as a digit "1.442"),
    # the sequence fixes the code; a changed digit is flagged.
    assert all(r.code_raw for r in converted.rows)
    changed = [r for r in converted.rows if _digits(r.code_raw) != _digits(r.code)]
    assert all("code_repaired" in r.flags or "code_inferred" in r.flags for r in changed)


def _digits(code: str) -> str:
    return "".join(ch for ch in code if ch.isdigit())


# ---------------------------------------------------------------- synthetic layouts


def _line(number: int, words: list[tuple[str, float]], y: float, page: int = 1) -> Line:
    """A line of words at the given left x-positions (8 units a character, 20 units high)."""
    boxed = [Word(text, (x, y, x + 8 * len(text), y + 20), 95.0) for text, x in words]
    return Line(
        text=" ".join(t for t, _ in words),
        page=page,
        number=number,
        words=boxed,
        bbox=(boxed[0].bbox[0], y, boxed[-1].bbox[2], y + 20),
    )


def _appraised_layout() -> IngestedDocument:
    """STT | Tiêu chí (wide, left-aligned) | Điểm tối đa | Điểm tự chấm | Điểm thẩm định |
    Giải trình; names wrap onto a second line and run far right of their header word."""
    name = ("Xác định đầy đủ các nhiệm vụ sản phẩm thời gian").split()
    rows = [
        [
            ("STT", 40),
            ("Tiêu", 120),
            ("chí", 160),
            ("Điểm", 700),
            ("tối", 740),
            ("đa", 772),
            ("Điểm", 860),
            ("tự", 900),
            ("chấm", 920),
            ("Điểm", 1010),
            ("thẩm", 1050),
            ("định", 1090),
            ("Giải", 1180),
            ("trình", 1220),
        ],
        [("1.", 40), ("CÔNG", 120), ("TÁC", 170), ("CHỈ", 210), ("ĐẠO", 245), ("15", 740), ("14", 900), ("13,5", 1050)],
        [("1.1", 40)]
        + [(w, 120 + 52 * i) for i, w in enumerate(name)]
        + [("2,5", 740), ("2", 900), ("1,5", 1050), ("Thiếu", 1180)],
        [("với", 120), ("kế", 160), ("hoạch", 185), ("huyện", 240), ("sản", 1180), ("phẩm", 1215)],
        [("1.2", 40), ("Báo", 120), ("cáo", 160), ("định", 190), ("kỳ", 230), ("12,5", 740), ("12", 900), ("12", 1050)],
        [("Tổng", 120), ("15", 740), ("14", 900), ("13,5", 1050)],
    ]
    lines = [_line(i + 1, words, 100 + 30 * i) for i, words in enumerate(rows)]
    page = Page(number=1, blocks=lines, width=1400, height=2000, method="ocr", dpi=150)
    return IngestedDocument(path="layout.png", format="image", pages=[page])


def test_appraised_column_by_position():
    (table,) = find_score_tables(_appraised_layout())
    rows = {r.code: r for r in table.rows}
    assert [r.code for r in table.rows] == ["1", "1.1", "1.2"]
    assert (rows["1"].max_points, rows["1"].self_points, rows["1"].appraised_points) == (15.0, 14.0, 13.5)
    assert (rows["1.1"].max_points, rows["1.1"].self_points, rows["1.1"].appraised_points) == (2.5, 2.0, 1.5)
    # Name words far right of the "Tiêu chí" header stay name; the wrapped line joins the row.
    assert rows["1.1"].name == "Xác định đầy đủ các nhiệm vụ sản phẩm thời gian với kế hoạch huyện"
    assert rows["1.1"].explanation == "Thiếu sản phẩm"
    assert (table.stated_total_max, table.stated_total_self) == (15.0, 14.0)


def test_column_ranges_from_wrapped_header_and_gutters():
    doc = _appraised_layout()
    lines = doc.pages[0].lines
    columns = column_ranges(lines[:1], lines[1:], doc.pages[0])
    assert list(columns) == ["code", "name", "max", "self", "appraised", "explanation"]
    name_lo, name_hi = columns["name"]
    assert name_lo < 120 and 120 + 52 * 10 + 8 * 4 < name_hi < 740  # the name column runs to its gutter
    # OCR glues "Điểm" to the next word; the glued word still names its column.
    assert (header_key("Điểmtối"), header_key("Điểmtự"), header_key("thẩm"), header_key("Điểm")) == (
        "max",
        "self",
        "appraised",
        None,
    )


def test_gutter_is_least_inked_run_nearest_the_next_header():
    ink = [3] * 10 + [1] * 3 + [0] * 2 + [2] * 5 + [0] * 6 + [3] * 4
    assert gutter(ink, 0, len(ink), near=25) == 22.5  # the clear run under the next header's edge
    assert gutter(ink, 0, len(ink), near=12) == 13.5  # word spaces blank in every line look alike
    assert gutter([0] * 10, 2, 8) == 5.0  # no ink at all: half-way


@pytest.mark.needs_tesseract
def test_scan_table_has_its_printed_title_and_each_row_its_own_line(scanned, converted, reference):
    # The title printed over the table (a speck before it, "(TRÍCH)" under it) is the table's, as
    # the reference reads it; each row points at its own line of the page's grid, not the table's
    # first one, and that line prints the row's code.
    assert converted.title == reference["title"]
    (grid,) = scanned.pages[0].tables
    lines = [r.source.line_start for r in converted.rows]
    assert lines == sorted(set(lines))
    for row in converted.rows:
        printed = [c.text for c in grid.cells if c.row == row.source.line_start - grid.line_start and c.col == 0]
        assert printed and printed[0].rstrip(".") == row.code_raw.rstrip(".")
