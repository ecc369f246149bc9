"""An annex turned over (a row per quarter and the half-year's, indicators across) read on a scan
whose units row lost a bracket to the cell's rule ("(Lượt") and whose figure carries dust read as
an underscore ("_619"): the units row is still the units row and the figure still a figure, so the
annex is read (seed 12131's S30 scan of N64, page 2: on 488dbd93 the table was told unread, 0 of
its 12 rows read)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_extract.pipeline import convert_file
from extract.segment.stat_across_units import unit_row_apart
from extract.segment.stat_values import parse_stat_value, without_dust

DATA = Path(__file__).parent / "data" / "scans66"


def test_a_unit_with_one_bracket_lost_is_still_a_unit():
    header = [["Thời gian", "1. Số cuộc", "2. Số nhiệm vụ", "2.3. Tỷ lệ"], ["ĐVT", "(Lượt", "Nhiệm vụ)", "(%)"]]
    rest, units = unit_row_apart(header)
    assert rest == header[:1]
    assert units == {1: "Lượt", 2: "Nhiệm vụ", 3: "%"}
    # a column's number alone, or words with no bracket, are no unit
    assert unit_row_apart([["a", "b"], ["(3", "4)"]])[1] == {}
    assert unit_row_apart([["a", "b", "c"], ["ĐVT", "Lượt", "(Hồ sơ)"]])[1] == {}


def test_dust_before_a_figure_is_dropped_on_a_scan_only():
    assert without_dust("_619", ocr=True) == "619"
    assert without_dust("~ 21", ocr=True) == "21"
    assert without_dust("_619", ocr=False) == "_619"
    assert without_dust("-5", ocr=True) == "-5"  # a minus is no dust
    assert parse_stat_value("_96,61", "%", ocr=True)[0] == 96.61
    assert parse_stat_value("_619", "Hồ sơ", ocr=True)[0] == 619


@pytest.mark.needs_tesseract
def test_a_scanned_annex_turned_over_is_read_through_its_specks():
    result = convert_file(DATA / "s12131-s30-i3-n64-periods-as-rows-page2.jpg", "page2")
    # the generator's truth (s30-i3-n64-i3-periods-as-rows-whole-last.pdf.truth.json): the half-year's row
    truth = {
        "1": 40,
        "2": 22,
        "2.1": 18,
        "2.2": 4,
        "2.3": 76.82,
        "3": None,
        "3.1": 619,
        "3.1.a": 298,
        "3.1.b": 300,
        "3.1.c": 21,
        "3.2": 96.61,
        "4": 21,
    }
    (annex,) = result.statistics
    assert {r.code: r.value for r in annex.rows} == truth
    assert not [u for u in result.unread if u.kind == "table"]
