"""An annex printing a figure per quarter beside the whole period's (``extract/segment/stat_period_parts.py``):
the whole period's column is the value wherever it is printed, the quarters stay in the note, and a
period's column names no points (the annex is not read as a score table too)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_extract.reconcile.core import _Ledger
from cchc_extract.reconcile.period_parts import check_period_parts
from cchc_extract.reconcile.settings import ReconcileSettings
from extract.segment.score_tables import map_columns
from extract.segment.stat_line_periods import PARTS_DISAGREE_FLAG, whole_period_rows
from extract.segment.stat_period_parts import is_part_label, names_period_only, whole_period_column, whole_printed_last
from extract.segment.statistics import column_roles, stat_rows
from extract.segment.table_join import header_row_count
from schemas.records import StatRow
from tests.corpus_helpers import make_corpus, manifest_documents, statistics_read
from tests.test_annex_two_periods import _table  # (one annex table of printed cells)


@pytest.mark.parametrize(
    ("labels", "column"),
    [
        # (a merged "Kết quả thực hiện" over the quarters stacks onto the first one's label)
        (["STT", "Nội dung", "ĐVT", "Kết quả thực hiện Quý I", "Quý II", "Quý III", "Quý IV", "Cả năm 2025"], 7),
        (["TT", "Chỉ tiêu", "Đơn vị tính", "Cộng 6 tháng", "Quý I", "Quý II"], 3),
        (["STT", "Nội dung", "ĐVT", "6 tháng", "Quý I", "Quý II"], 3),
        (["STT", "Nội dung chỉ tiêu", "ĐVT", "Quý I", "Quý II", "Quý III", "Quý IV", "Lũy kế cả năm"], 7),
        (["TT", "Chỉ tiêu", "ĐVT", "Tháng 1", "Tháng 2", "Tháng 3", "Tổng cộng", "Ghi chú"], 6),
    ],
)
def test_the_value_column_is_the_whole_period(labels, column):
    assert whole_period_column(labels) == column
    assert column_roles(labels)["value"] == column


def test_no_split_period_says_nothing():
    assert whole_period_column(["STT", "Nội dung", "ĐVT", "6 tháng đầu năm 2025", "Cùng kỳ năm 2024"]) is None
    assert whole_period_column(["STT", "Nội dung", "ĐVT", "Quý I", "Quý II", "Cả năm", "Lũy kế"]) is None  # (two)


def test_the_quarters_stay_in_the_note():
    header = ["STT", "Nội dung", "ĐVT", "Kết quả thực hiện Quý I", "Quý II", "Quý III", "Quý IV", "Cả năm"]
    (row,) = stat_rows(_table(header, [["1", "Số cuộc kiểm tra CCHC", "Cuộc", "1", "2", "1", "2", "6"]]))
    assert row.value == 6 and "Quý II: 2" in row.note and "Quý IV: 2" in row.note


def test_a_period_names_no_points():
    assert names_period_only("6 tháng") and names_period_only("Quý II") and names_period_only("Cả năm 2025")
    assert not names_period_only("Thang điểm") and not names_period_only("Tổng điểm") and not names_period_only("Tổng")
    assert map_columns(["STT", "Nội dung", "ĐVT", "6 tháng", "Quý I", "Quý II"]) is None
    assert map_columns(["STT", "Nội dung", "Thang điểm", "Điểm tự chấm"]) is not None


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("quarters"), "N13", formats="docx", quick=False, seed=2383)


def test_generated_quarter_annexes_read_the_whole_periods_figures(corpus):
    docs = manifest_documents(corpus)
    assert len(docs) >= 4
    for doc in docs:
        result, read, expected = statistics_read(corpus, doc)
        assert expected <= read, doc["path"]
        assert not result.score_tables  # (the annex is no score table)


def _line_row(code: str, unit: str, figures: str) -> StatRow:
    first, *rest = figures.split()
    return StatRow(code=code, indicator="Số hồ sơ", unit=unit, value=float(first), value_raw=first, note=" ".join(rest))


def test_line_rows_take_the_whole_period_the_sums_point_to():
    header = "STT Nội dung chỉ tiêu DVT Kết quả thực hiện Quy! | Quyll | Quy Quy . | Lity ké"
    rows = [
        _line_row("1", "Hồ sơ", "35 66 22 39 162"),  # (the parts add up to the last figure)
        _line_row("2", "Người", "24 24 24 24 24"),  # (a stock: says nothing)
        _line_row("3", "Hồ sơ", "3 1 i 9"),  # (the parts as read do not add up: doubted)
    ]
    out = whole_period_rows(rows, header, ocr=True)
    assert [r.value for r in out] == [162, 24, 9]
    assert out[0].note == "35 66 22 39" and not out[0].flags
    assert PARTS_DISAGREE_FLAG in out[2].flags and out[2].confidence <= 0.5
    assert whole_period_rows(rows, "STT Nội dung ĐVT Số liệu Ghi chú", ocr=True) == rows  # (no parts)


def test_line_rows_with_the_whole_printed_first_keep_it():
    rows = [_line_row("1", "Hồ sơ", "580 267 313"), _line_row("2", "Cuộc", "2 1 1")]
    out = whole_period_rows(rows, "TT Chỉ tiêu ĐVT Cộng 6 tháng Quý I Quý II", ocr=False)
    assert [r.value for r in out] == [580, 2] and not any(r.flags for r in out)
    assert whole_printed_last("Quý I Quý II Quý III Quý IV Lũy kế cả năm") is True
    assert whole_printed_last("Cộng 6 tháng Quý I Quý II") is False


def _quarter_row(whole: str, parts: list[str], unit: str = "Hồ sơ") -> StatRow:
    note = "; ".join(f"Quý {q}: {p}" for q, p in zip(("I", "II", "III", "IV"), parts, strict=False))
    return StatRow(code="1", indicator="Số hồ sơ", unit=unit, value=float(whole), value_raw=whole, note=note)


def test_quarters_that_do_not_add_up_to_the_whole_are_a_mismatch_on_a_typed_page_and_doubted_on_a_scan():
    rows = [_quarter_row("378", ["65", "235", "28", "50"]), _quarter_row("380", ["65", "235", "28", "50"])]
    rows += [_quarter_row("26", ["26", "26", "26", "26"], "Nhiệm vụ")]  # (a stock: no sum)
    typed, scanned = _Ledger(), _Ledger()
    for i in range(len(rows)):
        check_period_parts(0, i, rows, "Phụ lục", typed, ReconcileSettings())
        check_period_parts(0, i, rows, "Phụ lục", scanned, ReconcileSettings(), ocr=True)
    assert [c.status for c in typed.checks] == ["ok", "mismatch"]
    assert [c.status for c in scanned.checks] == ["ok", "misread"]


def test_a_quarter_ocr_garbled_is_still_a_part():
    row = StatRow(
        code="1", unit="Hồ sơ", value=378.0, note="Kết quả thực hiện Quý I: 65; Quý II: 235; Quý IH: 28; Quý IV: 50"
    )
    ledger = _Ledger()
    check_period_parts(0, 0, [row], "Phụ lục", ledger, ReconcileSettings(), ocr=True)
    assert [c.status for c in ledger.checks] == ["ok"]
    assert not is_part_label("Quy định") and is_part_label("Quyll")


def test_a_stock_that_moved_over_the_quarters_is_no_sum():
    # officials at each quarter's end, 20, 20, 21, 21; the year states 21 (its end): no sum to check,
    # never a mismatch (issue 14: a check whose structure is not certain is no finding)
    rows = [
        _quarter_row("21", ["20", "20", "21", "21"], "Người"),
        _quarter_row("21", ["19", "21", "20", "20"], "Người"),
    ]
    ledger = _Ledger()
    for i in range(len(rows)):
        check_period_parts(0, i, rows, "Phụ lục", ledger, ReconcileSettings())
    assert not ledger.checks


def test_a_share_column_beside_the_years_total_is_no_second_whole():
    # held-out twelve-month annexes headed "T1 … T12 | Cả năm | Tỷ lệ so với tổng số (%)": the share's
    # "tổng" made two wholes, so no column was the year's and T1 was read as each row's figure
    months = [f"T{m}" for m in range(1, 13)]
    assert whole_period_column(["STT", "Nội dung", "ĐVT", *months, "Cả năm", "Tỷ lệ so với tổng số (%)"]) == 15
    assert whole_period_column(["STT", "Nội dung", "ĐVT", *months, "Cả năm", "Cơ cấu (%)"]) == 15
    assert whole_period_column(["STT", "Nội dung", "Quý I", "Quý II", "Cộng", "Tổng"]) is None  # two wholes: no guess


def test_months_whose_letter_ocr_lost_still_split_the_year():
    # the labels a scanned twelve-month annex's header read as (300 dpi, bold serif "T1 … T12"):
    # "T" lost or read as a "1" ("T4" → "14"); the year's column is still the one after the run
    months = ["Kết quả thực hiện 1", "2", "3", "14", "5", "6", "17", "8", "9", "10", "11", "12"]
    header = ["STT", "Nội dung", "ĐVT", *months, "Cả năm", "Tỷ lệ (%)"]
    assert whole_period_column(header) == 15
    figures = ["39", "12", "29", "9", "143", "41", "11", "14", "7", "42", "108", "115", "570", ""]
    (row,) = stat_rows(_table(header, [["4.1", "Số hồ sơ TTHC đã giải quyết", "Hồ sơ", *figures]]))
    assert row.value == 570
    # ... and that row of numbers under the merged label is the header's second row, not a data row
    grid = [["STT", "Nội dung", "ĐVT", "Kết quả thực hiện", *[""] * 12, "Tỷ lệ (%)"]]
    grid += [["", "", "", "1", *months[1:], "Cả năm", ""], ["1", "Số cuộc", "Cuộc", *["1"] * 13, ""]]
    assert header_row_count(grid) == 2
    # numbers counting from the first column are a column-number row; a short run is no months'
    assert whole_period_column([str(c) for c in range(1, 14)] + ["Cả năm"]) is None
    assert whole_period_column(["STT", "Nội dung", "ĐVT", "1", "2", "3", "Cả năm"]) is None
