"""Score tables whose points are written as deductions ("Điểm trừ") or as verdicts ("Đạt" in a
points cell), as real DOCX files: the deductions column is never read as the self points; with no
self column printed, the self points are the maximum less the deduction, flagged as derived; a verdict
reads as the maximum or 0 where the maximum is read, and stays unread (missing) where it is not."""

from pathlib import Path

import cchc_extract
from extract.segment.deduction_points import (
    DERIVED_FLAG,
    DISAGREES_FLAG,
    VERDICT_FLAG,
    deduction_column,
    deductions_only,
)
from layout_docs import CLOSE, SCORE_REPORT_HEAD, plain_docx


def _convert(path: Path, rows: list[tuple[str, ...]]):
    """A score report whose one table is ``rows`` (header first), as a DOCX, converted."""
    return cchc_extract.convert(plain_docx(path, SCORE_REPORT_HEAD, rows, CLOSE + ("Nguyễn Văn An",)))


def _rows(result) -> list[dict]:
    return [r for t in result.data["score_tables"] for r in t["rows"]]


def _read(result) -> list[tuple]:
    return [(r["code"], r["max_points"], r["self_points"]) for r in _rows(result)]


def test_deduction_label_is_told_from_its_reason():
    labels = ["STT", "Tiêu chí", "Điểm tối đa", "Số điểm trừ", "Lý do bị trừ điểm"]
    assert deduction_column(labels) == 3
    assert deduction_column(["TT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Lý do trừ điểm"]) is None


def test_self_points_derived_from_deductions(tmp_path: Path):
    rows = [
        ("STT", "Tiêu chí", "Điểm tối đa", "Số điểm trừ", "Lý do trừ điểm"),
        ("1", "Công tác chỉ đạo, điều hành cải cách hành chính", "8", "1,5", ""),
        ("1.1", "Kế hoạch cải cách hành chính năm", "4", "0", ""),
        ("1.2", "Báo cáo cải cách hành chính định kỳ", "4", "1,5", "Chậm 02 báo cáo quý"),
        ("2", "Cải cách thủ tục hành chính", "6", "0,25", ""),
        ("2.1", "Công khai thủ tục hành chính", "3", "0", ""),
        ("2.2", "Giải quyết hồ sơ đúng hạn", "3", "0,25", "01 hồ sơ trễ hạn"),
        ("", "Tổng cộng", "14", "1,75", ""),
    ]
    result = _convert(tmp_path / "deductions.docx", rows)
    assert _read(result) == [
        ("1", 8.0, 6.5),
        ("1.1", 4.0, 4.0),
        ("1.2", 4.0, 2.5),
        ("2", 6.0, 5.75),
        ("2.1", 3.0, 3.0),
        ("2.2", 3.0, 2.75),
    ]
    assert all(DERIVED_FLAG in r["flags"] for r in _rows(result))
    assert result.data["score_tables"][0]["stated_total_self"] == 12.25
    sums = [c for c in result.data["checks"] if c.get("status") == "mismatch"]
    assert sums == []


def test_deductions_beside_printed_self_points_are_not_a_points_column(tmp_path: Path):
    rows = [
        ("STT", "Tiêu chí", "Điểm tối đa", "Điểm trừ", "Điểm còn lại", "Lý do"),
        ("1", "Công tác chỉ đạo, điều hành cải cách hành chính", "8", "1", "7", ""),
        ("1.1", "Kế hoạch cải cách hành chính năm", "4", "0", "4", ""),
        ("1.2", "Báo cáo cải cách hành chính định kỳ", "4", "1", "3", "Chậm báo cáo"),
        ("", "Tổng cộng", "8", "1", "7", ""),
    ]
    result = _convert(tmp_path / "both.docx", rows)
    assert _read(result) == [("1", 8.0, 7.0), ("1.1", 4.0, 4.0), ("1.2", 4.0, 3.0)]
    assert not any(DERIVED_FLAG in r["flags"] for r in _rows(result))


def test_verdict_in_points_cell_reads_as_maximum_or_nothing(tmp_path: Path):
    rows = [
        ("STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Ghi chú"),
        ("1", "Công tác chỉ đạo, điều hành cải cách hành chính", "7", "5", ""),
        ("1.1", "Ban hành kế hoạch cải cách hành chính năm", "2", "Đạt", ""),
        ("1.2", "Ban hành báo cáo cải cách hành chính", "2", "Chưa đạt", ""),
        ("1.3", "Kiểm tra công tác cải cách hành chính", "3", "3", ""),
        ("2", "Cải cách thủ tục hành chính", "4", "0", ""),
        ("2.1", "Công khai thủ tục hành chính", "4", "Không đạt", ""),
        ("", "Tổng cộng", "11", "5", ""),
    ]
    result = _convert(tmp_path / "verdicts.docx", rows)
    assert _read(result) == [
        ("1", 7.0, 5.0),
        ("1.1", 2.0, 2.0),
        ("1.2", 2.0, 0.0),
        ("1.3", 3.0, 3.0),
        ("2", 4.0, 0.0),
        ("2.1", 4.0, 0.0),
    ]
    flagged = [r["code"] for r in _rows(result) if VERDICT_FLAG in r["flags"]]
    assert flagged == ["1.1", "1.2", "2.1"]


def test_self_points_that_disagree_with_the_deduction_are_doubted(tmp_path: Path):
    rows = [
        ("STT", "Tiêu chí", "Điểm tối đa", "Điểm bị trừ", "Điểm tự chấm", "Lý do"),
        ("1", "Công tác chỉ đạo, điều hành cải cách hành chính", "8", "1", "6", ""),
        ("1.1", "Kế hoạch cải cách hành chính năm", "4", "0", "4", ""),
        ("1.2", "Báo cáo cải cách hành chính định kỳ", "4", "1", "2", "Chậm báo cáo"),
        ("", "Tổng cộng", "8", "1", "6", ""),
    ]
    result = _convert(tmp_path / "disagree.docx", rows)
    assert _read(result) == [("1", 8.0, 6.0), ("1.1", 4.0, 4.0), ("1.2", 4.0, 2.0)]
    assert [r["code"] for r in _rows(result) if DISAGREES_FLAG in r["flags"]] == ["1", "1.2"]
    assert [(e["code"], e["field"]) for e in result.data["review"]] == [("1", "self_points"), ("1.2", "self_points")]
    assert not [c for c in result.data["checks"] if c["status"] == "mismatch"]


def test_wrapped_header_lines_name_deductions_only():
    # OCR's lines of a header whose labels wrap: the deduction's words fall on three lines, the
    # reason's label ("Nguyên nhân trừ" / "điểm") speaks of deductions too and is no column of points.
    assert deductions_only(["TT Tiêu chí đánh giá Điểm tối Số Nguyên nhân trừ", "đa điểm bị điểm", "trừ"])
    assert deductions_only(["STT Nội dung tiêu chí Điểm tối Điểm Lý do trừ điểm", "đa trừ"])
    # a self column beside the deductions keeps the figures as printed
    assert not deductions_only(["STT Tiêu chí Điểm tối đa Điểm trừ Điểm tự chấm Lý do"])
    # a reason's column alone names no deduction
    assert not deductions_only(["STT Tiêu chí Điểm tối đa Điểm đạt Lý do trừ điểm"])
    assert not deductions_only(["STT Tiêu chí Điểm tối đa Ghi chú"])


def test_a_self_column_of_verdict_words_alone_reads_them_as_points_and_keeps_the_communes_fault(tmp_path: Path):
    """A typed self column that prints only "Đạt" / "Không đạt" (no figure anywhere in it): the header
    names it the self points and no figure column stands in, so the words are the points. Those words
    are the commune's typing, no OCR confusion: the total the maxima miss stays the commune's fault
    (``mismatch``), and the rows read from words are not doubted for it."""
    rows = [
        ("TT", "Nội dung tiêu chí", "Thang điểm", "Điểm UBND xã tự chấm", "Giải trình"),
        ("1.", "Công tác chỉ đạo, điều hành cải cách hành chính", "10", "Đạt", "Công văn số 258/CV-VP"),
        ("2.", "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật", "10", "Không đạt", ""),
        ("3.", "Cải cách thủ tục hành chính", "14,5", "Đạt", ""),
        ("4.", "Cải cách tổ chức bộ máy hành chính", "11", "", ""),
        ("", "Tổng cộng", "47,5", "", ""),
    ]
    result = _convert(tmp_path / "verdicts-alone.docx", rows)
    assert _read(result) == [("1", 10.0, 10.0), ("2", 10.0, 0.0), ("3", 14.5, 14.5), ("4", 11.0, None)]
    assert [r["code"] for r in _rows(result) if VERDICT_FLAG in r["flags"]] == ["1", "2", "3"]
    assert result.data["source"]["read_by_ocr"] is False
    total = [c for c in result.data["checks"] if c["kind"] == "stated_total" and c["field"] == "max_points"]
    assert [c["status"] for c in total] == ["mismatch"]


def test_a_self_column_of_ticks_alone_stays_no_points(tmp_path: Path):
    rows = [
        ("TT", "Nội dung tiêu chí", "Thang điểm", "Điểm tự chấm", "Giải trình"),
        ("1", "Công tác chỉ đạo, điều hành cải cách hành chính", "10", "x", ""),
        ("2", "Cải cách thủ tục hành chính", "14,5", "x", ""),
        ("", "Tổng cộng", "24,5", "", ""),
    ]
    result = _convert(tmp_path / "ticks-alone.docx", rows)
    assert _read(result) == [("1", 10.0, None), ("2", 14.5, None)]
    assert not [r for r in _rows(result) if VERDICT_FLAG in r["flags"]]
