"""A scanned "Nội dung | Số liệu" table whose keys print their codes ("4. Số hồ sơ TTHC đã giải
quyết") and their items' bullets ("- Giải quyết trước hạn"): Tesseract lost some bullets outright
and read others with a wave ("~ Số cán bộ …"). Such rows are items of the coded key above, as their
bulleted neighbours are (``stat_key_value.unmarked_items``), when the printed numbering around them
loses no code. On c104f28b each took the next code inferred in the column ("3.1", "4.1", "6.1"),
codes the document never printed, and the wave opened its name (seed 12001's S24 scan of N49: a row
missed and one invented)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from cchc_extract.pipeline import convert_file
from extract.segment.stat_key_value import unmarked_items

DATA = Path(__file__).parent / "data" / "scans67"

# The generator's truth (s24-i4-n49-i4-counts-unit-in-name.pdf.truth.json): code and value of each row.
TRUTH = [
    ("1", 3.0),
    ("2", 107.0),
    (None, 55.0),
    (None, 49.0),
    (None, 3.0),
    (None, 51.4),
    ("3", 544.0),
    (None, 438.0),
    (None, 106.0),
    (None, 80.51),
    ("4", 360.0),
    (None, 208.0),
    (None, 145.0),
    (None, 7.0),
    (None, 98.06),
    ("5", 20.0),
    (None, 18.0),
    (None, 2.0),
    (None, 90.0),
    ("6", 20.0),
    (None, 19.0),
    (None, 1.0),
    (None, 95.0),
    ("7", 55.0),
]


@pytest.mark.needs_tesseract
def test_items_whose_bullet_ocr_lost_stay_items_of_the_key_above():
    result = convert_file(DATA / "s12001-s24-i4-n49-bullets-lost-page1.jpg", "page1")
    (annex,) = result.statistics
    assert [(r.code, r.value) for r in annex.rows] == TRUTH
    # an item's name opens with its words, not with what is left of its bullet
    assert all(r.indicator[:1].isupper() for r in annex.rows)
    parents = [r.parent for r in annex.rows if r.code is None]
    assert parents == ["2"] * 4 + ["3"] * 3 + ["4"] * 4 + ["5"] * 3 + ["6"] * 3


@dataclass
class _Draft:
    indicator: str
    printed: str | None
    token: str | None = None
    ocr: bool = True
    coded: bool = True
    bullet: bool = False


def _rows(*specs: tuple[str, str | None, bool]) -> list[_Draft]:
    return [_Draft(text, printed, bullet=bullet) for text, printed, bullet in specs]


def test_a_lost_code_keeps_the_column_repairs_reading():
    # "4." lost between "3." and "5.": the unopened row may be that code, and is left to the repair
    rows = _rows(
        ("Tổng số hồ sơ", "3", False),
        ("Số hồ sơ trực tuyến", None, True),
        ("Số hồ sơ đã giải quyết", None, False),
        ("Giải quyết đúng hạn", None, True),
        ("Số nhiệm vụ", "5", False),
    )
    unmarked_items(rows, keyed=True)
    assert [r.bullet for r in rows] == [False, True, False, True, False]
    assert rows[2].coded
    # with "4." printed, the same row between bullets is an item, its wave gone
    rows = _rows(
        ("Số hồ sơ đã giải quyết", "4", False),
        ("~ Giải quyết trước hạn", None, False),
        ("Giải quyết đúng hạn", None, True),
        ("Số nhiệm vụ", "5", False),
    )
    unmarked_items(rows, keyed=True)
    assert rows[1].bullet and not rows[1].coded and rows[1].indicator == "Giải quyết trước hạn"


def test_no_bullet_beside_them_or_typed_rows_stay_as_read():
    # no bullet in the run's neighbourhood: nothing says the rows are items
    rows = _rows(("Tổng số", "3", False), ("Số hồ sơ", None, False), ("Số nhiệm vụ", "4", False))
    unmarked_items(rows, keyed=True)
    assert not rows[1].bullet
    # the last rows of the table with no bullet closing them: a last code OCR lost ("7.") stays one
    rows = _rows(("Số cán bộ", "6", False), ("Số đạt chuẩn", None, True), ("Số cuộc tuyên truyền", None, False))
    unmarked_items(rows, keyed=True)
    assert not rows[2].bullet
    # a table whose codes stand in their own column is not keyed: left to its code column's repair
    rows = _rows(("Số hồ sơ", "4", False), ("Giải quyết trước hạn", None, False), ("Giải quyết", None, True))
    unmarked_items(rows, keyed=False)
    assert not rows[1].bullet
    # typed text is read as printed
    rows = _rows(("Số hồ sơ", "4", False), ("Giải quyết trước hạn", None, False), ("Giải quyết", None, True))
    for r in rows:
        r.ocr = False
    unmarked_items(rows, keyed=True)
    assert not rows[1].bullet
