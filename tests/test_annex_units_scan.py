"""A scanned annex turned over (a row per hamlet, the commune's "Tổng số" row last): its commune
row's label with a speck read as a quote, and a lettered indicator whose "c)" OCR read "©)"."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_extract.pipeline import convert_file
from extract.segment.stat_across_units import label_key, printed_codes

DATA = Path(__file__).parent / "data" / "scans_annex"


def test_a_labels_key_leaves_out_the_marks_a_scan_puts_round_it():
    assert label_key("'Tống số") == "tong so"
    assert label_key("Toàn xã:") == "toan xa"
    assert label_key("“Tổng cộng.") == "tong cong"


def test_a_lettered_indicator_read_with_a_symbol_for_its_letter_keeps_its_code():
    """ "©)" is "c)" as OCR prints it (``normalize.codes.letter_item``): every label still prints its
    code, so the annex is coded by its labels, not by column."""
    labels = [
        "3.1. Tổng số thủ tục",
        "a) Số TTHC toàn trình",
        "b) Số TTHC một phần",
        "©) Số TTHC chỉ cung cấp",
        "3.2. Tỷ lệ",
    ]
    assert [code for code, _ in printed_codes(labels) or []] == ["3.1", "3.1.a", "3.1.b", "3.1.c", "3.2"]
    assert printed_codes(["3.1. Tổng số", "1) Số TTHC"]) is None  # (a digit is no item's letter)


@pytest.mark.needs_tesseract
def test_a_scanned_annex_turned_over_reads_the_communes_row():
    """The annex of a real scan (dev seed 9161, S27 instance 1: the scan of N50, twelve indicators
    across, five hamlets and "Tổng số" last; the page's top down to the table's foot, 211 dpi, as
    scanned). Tesseract read the total's label "'Tống số" (a speck as a quote) and "c)" as "©)":
    the table was told as not read, 0 of 12 indicators. Each indicator is read from the commune's
    row with the truth's code and figure (2.'s "22", read "2", mended by 2.1 + 2.2 and flagged)."""
    result = convert_file(DATA / "s9161-s27-i1-n50-units-across.jpg")
    rows = {r.code: r for a in result.statistics for r in a.rows}
    truth = {
        "1": 2,
        "2": 22,
        "2.1": 18,
        "2.2": 4,
        "2.3": 81.82,
        "3": None,
        "3.1": 111,
        "3.1.a": 95,
        "3.1.b": 16,
        "3.1.c": 0,
        "3.2": 85.59,
        "4": 1,
    }
    assert {code: r.value for code, r in rows.items()} == truth
    assert all("units_rows_unread" in r.flags for r in rows.values())
    assert "repaired_value" in rows["2"].flags
    assert not [u for u in result.unread if u.kind == "table"]
