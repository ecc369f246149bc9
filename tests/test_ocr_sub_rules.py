"""A statistics table laid across a phone photo ("Số hồ sơ mới tiếp nhận | … | Đã giải quyết |
Đang giải quyết") whose merged header "Đã giải quyết" stands over two sub-columns ("Đúng hạn |
Quá hạn") and one row of figures: the rule between the sub-columns is two rows high, shorter than a
ruling line must be, and was taken for a letter's stroke; the two sub-columns became one cell and
their figures 534 and 10 one value, 53410, with "Quá hạn" lost untold (seed 16001's S11 photo of an
across-two-level annex, the table's crop of the straightened page; truth from the generator:
489, 411, —, 534, 10, 57)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from cchc_extract.pipeline import convert_file
from extract.ocr_grid import Rule
from extract.ocr_sub_rules import SubRuleSettings, sub_column_rules

PHOTO = Path(__file__).parent / "data" / "scans70" / "across_sub_columns_photo.png"


def _rule(pos, start, end, width=1):
    return Rule(pos=pos, start=start, end=end, lo=int(pos), hi=int(pos) + width - 1)


def _grid(sub_rows: int):
    """A ruled table 400 px wide, rows of 40 px, long rules at 0/200/400, and a stroke at x=300
    inked over the last ``sub_rows`` rows."""
    ink = np.zeros((200, 420), dtype=bool)
    ys = [20, 60, 100, 140]
    h = [_rule(y, 0, 400) for y in ys]
    v = [_rule(x, 20, 140) for x in (0, 200, 400)]
    for y in ys:
        ink[y, 0:401] = True
    for x in (0, 200, 400):
        ink[20:141, x] = True
    ink[140 - 40 * sub_rows : 141, 300] = True
    return ink, h, v


def test_a_stroke_through_a_ruling_line_into_the_next_row_is_a_rule():
    ink, h, v = _grid(2)
    found = sub_column_rules(ink, h, v, dpi=200, tol=12, settings=SubRuleSettings())
    assert [(r.pos, r.start, r.end) for r in found] == [(300.0, 61, 140)]


def test_a_stroke_within_one_row_is_no_rule():
    # (a tall letter or a bar in one cell fills a row; it does not cross a ruling line)
    ink, h, v = _grid(1)
    assert sub_column_rules(ink, h, v, dpi=200, tol=12, settings=SubRuleSettings()) == []


def test_a_stroke_outside_any_grid_is_no_rule():
    ink, h, _ = _grid(2)
    assert sub_column_rules(ink, h, [], dpi=200, tol=12, settings=SubRuleSettings()) == []


@pytest.mark.needs_tesseract
def test_the_sub_columns_of_a_short_table_on_a_photo_are_two_columns():
    assert Image.open(PHOTO).size == (1455, 163)
    result = convert_file(PHOTO)
    rows = [(r.code, r.indicator, r.value) for table in result.statistics for r in table.rows]
    assert rows == [
        ("1", "Số hồ sơ mới tiếp nhận", 489),
        ("2", "Số hồ sơ từ kỳ trước chuyển qua", 411),
        ("3", "Đã giải quyết", None),
        ("3.1", "Đúng hạn", 534),
        ("3.2", "Quá hạn", 10),
        ("4", "Đang giải quyết", 57),
    ]
    assert result.unread == []


def test_a_slanted_column_rule_is_no_new_rule_in_each_row():
    # A keystoned photo's column rule runs aslant: found as one rule over the band of columns it
    # crosses (seed 16001's S11 TIFF of F29: x 98..130 over the table), its stretch in each row is
    # that rule; taken for a sub-column's, every column split in two and 9 of 16 points were lost.
    ink, h, v = _grid(2)
    slanted = [*v[:2], Rule(pos=290.0, start=20, end=140, lo=280, hi=302), v[2]]
    assert sub_column_rules(ink, h, slanted, dpi=200, tol=4, settings=SubRuleSettings()) == []
