"""A header row of units under the labels ("Đơn vị tính | (Lượt) | (Người) | … | (%) | (Cuộc)")
whose "(%)" a scan read as a figure ("94") is still a header row: taken for the body's first row of
figures, the annex turned over (a row per quarter, the half-year's last) had a body the period rows
could not account for, and the whole table was told unread, 0 of its 6 rows read (seed 13001's S30
scan of N64, page 2, on 7f36aba1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_extract.pipeline import convert_file
from extract.segment.joined import JoinedRow
from extract.segment.stat_across_periods import whole_period_row
from extract.segment.stat_across_units import printed_codes, row_units
from extract.segment.stat_period_parts import is_part_label
from extract.segment.table_header import header_row_count
from normalize.codes import letter_item

DATA = Path(__file__).parent / "data" / "scans68"

_LABELS = ["Kỳ báo cáo", "1. Số cuộc tuyên truyền", "2. Số cán bộ", "2.3. Tỷ lệ đạt chuẩn", "3. Số cuộc kiểm tra"]


def test_a_units_row_with_a_garbled_unit_heads_the_table():
    units = ["Đơn vi tính", "(Lươu", "(Ñgười)", "94", "(Cuôc)"]
    figures = ["Quý I", "25", "19", "100", "4"]
    assert header_row_count([_LABELS, units, figures]) == 2
    assert row_units(units, _LABELS) == {1: "Lươu", 2: "Ñgười", 4: "Cuôc"}
    # a row of figures is no row of units, whatever its first cell says
    assert row_units(["Đơn vị tính", "25", "19", "100", "4"], _LABELS) is None
    assert header_row_count([_LABELS, figures]) == 1


def test_a_lettered_item_whose_bracket_a_scan_read_as_j_keeps_its_letter():
    # Tesseract's reading of the header of seed 13001's S27 scan of N50 (page 2): "c)" came out
    # "€j", the labels printed no code any more, and every column was coded by its place: the
    # item 3.1.c (truth 7) was lost under code "10"
    labels = [
        "3.1. Số hồ sơ TTHC đã giải quyết",
        "a) Giải quyết trước hạn",
        "b) Giải quyết đúng hạn",
        "€j Giải quyết quá hạn",
        "3.2. Tỷ lệ hồ sơ giải quyết trước hạn và đúng han",
    ]
    codes = printed_codes(labels)
    assert codes is not None
    assert [c for c, _ in codes] == ["3.1", "3.1.a", "3.1.b", "3.1.c", "3.2"]
    assert letter_item("€j") == "c"
    assert letter_item("aj") is None  # a plain letter's "j" is no bracket


@pytest.mark.needs_tesseract
@pytest.mark.parametrize(
    ("image", "truth"),
    [
        # seed 13001's S30 scan of N64, page 2: "(%)" read "94" (the generator's truth,
        # s30-i3-n64-i3-periods-as-rows-whole-last.pdf.truth.json of that seed)
        ("s13001-s30-i3-n64-units-row-garbled-page2.jpg", {"1": 45, "2": 19, "2.1": 19, "2.2": 0, "2.3": 100, "3": 6}),
        # seed 14131's: "(%)" read "4"
        (
            "s14131-s30-i3-n64-units-row-garbled-page2.jpg",
            {"1": 3, "2": 659, "2.1": 547, "2.2": 112, "2.3": 73, "3": 10},
        ),
    ],
)
def test_a_scanned_annex_turned_over_reads_under_its_garbled_units_row(image, truth):
    result = convert_file(DATA / image, "page2")
    (annex,) = result.statistics
    assert {r.code: r.value for r in annex.rows} == truth
    assert not [u for u in result.unread if u.kind == "table"]


def _row(cells: list[str]) -> JoinedRow:
    return JoinedRow(cells, [False] * len(cells), 1, 0, 0, 0)


def test_a_quarter_whose_numeral_reads_as_a_bracket_is_a_quarter():
    # Tesseract's reading of the first period row of the same page scanned whole: "Quý I" → "Quy]"
    assert whole_period_row(
        [
            _row(["Quy]", "2", "282"]),
            _row(["Quý II", "1", "377"]),
            _row(["Lũy kế 6 tháng", "3", "659"]),
        ]
    )
    assert not is_part_label("Quy định")
