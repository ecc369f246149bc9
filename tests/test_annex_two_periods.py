"""An annex printing two periods side by side (``extract/segment/stat_periods.py``): its own period's
figures are the values, the earlier period's stay in the note, a year-headed comparison is no plan's
targets, and a figures column no label names is told (``missing_value``), never left blank as read.
Points printed with their unit ("1,5 điểm", "95đ" off a scan) keep the printed figure and its
comma-less readings (``normalize.numbers.points_figure``)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from cchc_extract.api import convert
from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.score_readings import points_readings
from extract.segment.stat_periods import compares_periods, this_period_column
from extract.segment.statistics import column_roles, stat_rows
from extract.segment.target_tables import is_target_table
from normalize.numbers import lost_decimal_readings
from tests.corpus_helpers import make_corpus, manifest_documents, read_truth, statistics_read


def _table(header: list[str], rows: list[list[str]]) -> JoinedTable:
    joined = [
        JoinedRow(cells=r, bold=[False] * len(r), page=1, line_start=10 + k, line_end=10 + k, fragment=0)
        for k, r in enumerate(rows)
    ]
    return JoinedTable([header], joined, [1], len(header), "test", 9, 10 + len(rows), 0)


@pytest.mark.parametrize(
    ("labels", "column"),
    [
        (["TT", "Chỉ tiêu", "ĐVT", "Cùng kỳ năm trước", "Kỳ này", "So sánh (%)", "Ghi chú"], 4),
        (["STT", "Nội dung", "ĐVT", "6 tháng đầu năm 2014", "Cùng kỳ năm 2013", "Tăng/giảm so với cùng kỳ (%)"], 3),
        (["STT", "Nội dung chỉ tiêu", "ĐVT", "Năm 2013", "Năm 2012", "Ghi chú"], 3),
        (["STT", "Nội dung", "ĐVT", "Số liệu cùng kỳ", "Số liệu", "Ghi chú"], 4),
    ],
)
def test_the_value_column_is_the_reports_own_period(labels, column):
    assert column_roles(labels)["value"] == column


def test_year_columns_of_a_plan_are_targets_and_a_comparison_is_not():
    plan = ["TT", "Chỉ tiêu", "Đơn vị tính", "Năm 2026", "Năm 2027"]
    report = ["STT", "Nội dung chỉ tiêu", "ĐVT", "Năm 2013", "Năm 2012", "Ghi chú"]
    assert not compares_periods(plan) and this_period_column(plan) is None
    assert compares_periods(report)
    figures = [["1", "Số sáng kiến", "Sáng kiến", "3", "2", ""]]
    assert is_target_table(_table(plan, [r[:5] for r in figures]))
    assert not is_target_table(_table(report, figures))
    (row,) = stat_rows(_table(report, figures))
    assert row.value == 3 and "Năm 2012: 2" in row.note


@pytest.mark.parametrize(
    "change",
    [["Tăng (+), giảm (-)", "Tỷ lệ tăng, giảm (%)"], ["Tăng (+), giảm (-)", ""], ["Tăng, giảm", "Ghi chú"]],
)
def test_a_change_labelled_by_its_signs_makes_forward_years_a_reports_periods(change, tmp_path):
    """Last year beside this year, years running forward as a plan's do, and the change between
    them labelled "Tăng (+), giảm (-)" or "Tỷ lệ tăng, giảm (%)" (N36; a seed-9163 scan of it was
    read as 56 targets by year and no annex row, nothing told): a report's annex, its value this
    year's figure."""
    header = ["STT", "Nội dung chỉ tiêu", "ĐVT", "Năm 2022", "Năm 2023", *change]
    assert compares_periods(header) and column_roles(header)["value"] == 4
    doc = docx.Document()
    doc.add_paragraph("SỐ LIỆU KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2023")
    rows = [
        header,
        ["1", "Số sáng kiến, giải pháp CCHC được công nhận", "Sáng kiến", "2", "3", "+1", "150", ""][: len(header)],
        ["2", "Số cán bộ, công chức cấp xã", "Người", "21", "20", "-1", "95,2", ""][: len(header)],
        ["2.1", "Số cán bộ, công chức đạt chuẩn", "Người", "19", "20", "+1", "105,3", ""][: len(header)],
    ]
    table = doc.add_table(rows=0, cols=len(header))
    for cells in rows:
        for cell, text in zip(table.add_row().cells, cells):
            cell.text = text
    doc.save(tmp_path / "annex.docx")
    result = convert(tmp_path / "annex.docx").extraction
    assert not result.targets
    assert [(r.code, r.value) for s in result.statistics for r in s.rows] == [("1", 3), ("2", 20), ("2.1", 20)]


def test_a_figures_column_no_label_names_is_told_not_blank():
    header = ["STT", "Chỉ tiêu", "Đơn vị tính", "Đợt 1", "Ghi chú"]
    rows = stat_rows(_table(header, [["1", "Số cuộc kiểm tra", "Cuộc", "4", ""], ["2", "Công khai", "", "", ""]]))
    assert rows[0].value is None and "missing_value" in rows[0].flags and rows[0].confidence < 0.5
    assert "missing_value" not in rows[1].flags  # (a heading prints no figure: nothing lost)


def test_a_points_unit_is_no_digit_of_the_figure():
    assert points_readings("25đ") == [25.0, 2.5]
    assert lost_decimal_readings("95 đ", upper=12) == [9.5]
    assert lost_decimal_readings("95 điểm", upper=12) == [9.5]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("periods"), "N03,N05", formats="docx", quick=False, seed=2190)


def test_generated_two_period_annexes_read_this_periods_figures(corpus):
    docs = [d for d in manifest_documents(corpus) if d["family"].startswith("N05")]
    assert len(docs) >= 4
    for doc in docs:
        result, read, expected = statistics_read(corpus, doc)
        assert expected <= read, doc["path"]
        assert not result.targets  # (a report's two periods: no plan's targets invented)


def test_generated_points_with_units_keep_the_printed_maximum(corpus):
    docs = [d for d in manifest_documents(corpus) if d["family"].startswith("N03")]
    assert docs
    for doc in docs:
        truth = read_truth(corpus, doc)
        result = convert(corpus / doc["path"]).extraction
        read = {(r.code, r.max_points, r.self_points) for t in result.score_tables for r in t.rows}
        expected = {(r["code"], r["max_points"], r["self_points"]) for t in truth["score_tables"] for r in t["rows"]}
        assert expected <= read, doc["path"]


def test_a_comma_read_as_a_slash_beside_a_whole_number_is_a_comma():
    from extract.segment.line_common import misread_comma

    assert misread_comma("2/0") == "2,0" and misread_comma("10/5") == "10,5"
    assert misread_comma("7/14") is None  # (a count of tasks, no points cell)
