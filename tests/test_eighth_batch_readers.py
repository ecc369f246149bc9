"""The eighth batch's forms read whole on DOCX files made here with python-docx and run through the
whole pipeline (``cchc_extract.api.convert``): a criterion not scored ("Không chấm", or blank
beside a note saying so: ``extract/segment/points_none.py``), fields closed by subtotal rows
("Cộng", "Cộng mục 1", "Cộng (1)": ``extract/segment/field_subtotals.py``), an annex against last
year with a signed difference and a per cent (``cchc_extract/reconcile/period_change.py``), and a
plan's lead and coordinators in one cell (``extract/segment/task_units.py``)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from cchc_extract.api import convert
from extract.segment.points_none import MARKED_NONE, NOT_SCORED, none_said
from extract.segment.score_adjustments import COUNTED_OUT, stated_adjustment
from extract.segment.task_units import units_apart

HEAD = "BÁO CÁO KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024"


def _docx(path: Path, title: str, header: list[str], rows: list[list[str]], under: str = "") -> Path:
    doc = docx.Document()
    doc.add_paragraph("UBND XÃ TÂN LẬP")
    doc.add_paragraph(title)
    table = doc.add_table(rows=0, cols=len(header))
    for cells in [header, *rows]:
        row = table.add_row().cells
        for cell, text in zip(row, cells):
            cell.text = text
    if under:
        doc.add_paragraph(under)
    doc.save(path)
    return path


def _rows(result) -> dict[str, dict]:
    (table,) = result.to_dict()["score_tables"]
    return {r["code"]: r for r in table["rows"]}


@pytest.mark.parametrize(
    ("raw", "note", "said"),
    [
        ("Không chấm", "", NOT_SCORED),
        ("KCĐ", "", NOT_SCORED),
        ("Không chấm điểm", "Không phát sinh trong năm 2024", NOT_SCORED),
        ("", "Không phát sinh, không chấm điểm", NOT_SCORED),
        ("", "Biên bản kiểm tra số 12", None),
        ("-", "", MARKED_NONE),
        ("2,5", "", None),
    ],
)
def test_a_cell_says_not_scored_by_its_words_or_its_note(raw, note, said):
    assert none_said(raw, note) == said


def test_a_criterion_not_scored_is_no_zero_no_fault_and_nothing_lost(tmp_path):
    header = ["STT", "Tiêu chí đánh giá", "Điểm tối đa", "Điểm tự đánh giá", "Tài liệu kiểm chứng"]
    rows = [
        ["1", "Công tác chỉ đạo, điều hành", "6", "3,5", ""],
        ["1.1", "Kế hoạch cải cách hành chính", "3", "3", ""],
        ["1.2", "Kiểm tra công tác cải cách hành chính", "2", "Không chấm", "Không phát sinh trong năm 2024"],
        ["1.3", "Tuyên truyền cải cách hành chính", "1", "0,5", ""],
        ["2", "Cải cách thể chế", "4", "2", ""],
        ["2.1", "Ban hành văn bản theo thẩm quyền", "2", "", "Không phát sinh, không chấm điểm"],
        ["2.2", "Rà soát văn bản", "2", "2", ""],
        ["", "Tổng cộng", "10", "5,5", ""],
    ]
    under = "Ghi chú: Các tiêu chí không phát sinh không chấm điểm. Tổng điểm tối đa sau khi trừ: 6 điểm."
    result = convert(_docx(tmp_path / "kcd.docx", HEAD, header, rows, under))
    got = _rows(result)
    for code in ("1.2", "2.1"):
        assert got[code]["self_points"] is None and got[code]["max_points"] is not None
        assert "self_not_scored" in got[code]["flags"] and "missing_self" not in got[code]["flags"]
    assert "Không phát sinh" in got["1.2"]["explanation"]
    assert not result.mismatches  # the parents sum the scored criteria only: no fault
    assert not result.unread  # the word is the document's, no figure lost
    sums = [c for c in result.checks if c.kind == "sum_self" and c.code in ("1", "2")]
    assert len(sums) == 2 and all(c.status == "ok" for c in sums)
    (counted,) = [c for c in result.checks if c.kind == "counted_out_max"]  # 10 - 2 (1.2) - 2 (2.1)
    assert (counted.status, counted.expected, counted.actual) == ("ok", 6, 6)


@pytest.mark.parametrize(
    ("line", "points"),
    [
        ("Ghi chú: Các tiêu chí không phát sinh không chấm điểm. Tổng điểm tối đa sau khi trừ: 57,5 điểm.", 57.5),
        ("* Tiêu chí không chấm điểm (không phát sinh): 11 điểm; tổng điểm chuẩn tính lại là 57,5 điểm.", 57.5),
        ("Tổng điểm sau khi cộng, trừ: 84 điểm", None),  # the adjusted total, not the maximum
    ],
)
def test_the_maximum_counted_out_is_read_from_the_line_under_the_table(line, points):
    stated = stated_adjustment(line)
    assert stated is not None
    assert (stated.kind == COUNTED_OUT) == (points is not None)
    assert points is None or stated.points == points


@pytest.mark.parametrize("label", ["Cộng", "Cộng mục {n}", "Cộng ({n})", "Cộng lĩnh vực {n}"])
def test_a_subtotal_row_gives_its_field_its_points(tmp_path, label):
    header = ["STT", "Tiêu chí đánh giá", "Điểm tối đa", "Điểm tự đánh giá"]
    rows = [
        ["1", "Công tác chỉ đạo, điều hành", "", ""],
        ["1.1", "Kế hoạch cải cách hành chính", "3", "3"],
        ["1.2", "Kiểm tra công tác cải cách hành chính", "2", "1,5"],
        ["", label.format(n=1), "5", "4,5"],
        ["2", "Cải cách thể chế", "", ""],
        ["2.1", "Ban hành văn bản theo thẩm quyền", "2", "2"],
        ["2.2", "Rà soát văn bản", "3", "1"],
        ["", label.format(n=2), "6", "3"],  # 2 + 3 = 5, not 6: the field's maximum is wrong
        ["", "Tổng cộng", "11", "7,5"],
    ]
    result = convert(_docx(tmp_path / "cong.docx", HEAD, header, rows))
    got = _rows(result)
    assert set(got) == {"1", "1.1", "1.2", "2", "2.1", "2.2"}  # the subtotal is no criterion
    assert (got["1"]["max_points"], got["1"]["self_points"]) == (5, 4.5)
    assert (got["2"]["max_points"], got["2"]["self_points"]) == (6, 3)
    (table,) = result.to_dict()["score_tables"]
    assert (table["stated_total_max"], table["stated_total_self"]) == (11, 7.5)  # the grand total's
    (fault,) = result.mismatches
    assert (fault.kind, fault.code) == ("sum_children", "2")


def test_an_annex_against_last_year_checks_its_difference_and_per_cent(tmp_path):
    header = ["STT", "Nội dung", "ĐVT", "Cùng kỳ năm trước", "Kỳ này", "Tăng (+), giảm (-)", "So sánh (%)", "Ghi chú"]
    rows = [
        ["1", "Số hồ sơ TTHC đã tiếp nhận", "Hồ sơ", "469", "513", "+44", "+9,4%", ""],
        ["1.1", "Giải quyết trước hạn", "Hồ sơ", "393", "430", "+37", "+9,4%", ""],
        ["1.2", "Giải quyết đúng hạn", "Hồ sơ", "73", "80", "+7", "+9,6%", ""],
        ["1.3", "Giải quyết quá hạn", "Hồ sơ", "3", "3", "0", "0%", ""],
        ["2", "Số sáng kiến được công nhận", "Sáng kiến", "4", "3", "-2", "75", ""],  # 3 - 4 is -1
    ]
    title = "PHỤ LỤC SỐ LIỆU KẾT QUẢ CẢI CÁCH HÀNH CHÍNH 6 THÁNG ĐẦU NĂM 2024"
    result = convert(_docx(tmp_path / "annex.docx", title, header, rows))
    (annex,) = result.to_dict()["statistics"]
    assert [r["value"] for r in annex["rows"]] == [513, 430, 80, 3, 3]  # this period's, by its header
    changes = [c for c in result.checks if c.kind == "period_change"]
    assert len(changes) == 10
    (wrong,) = [c for c in changes if c.status != "ok"]
    assert (wrong.code, wrong.actual, wrong.expected) == ("2", -2, -1)
    assert not [c for c in result.checks if c.kind == "ratio" and c.status != "ok"]  # "+9,4%" is no share


@pytest.mark.parametrize(
    ("cell", "lead", "coordinator"),
    [
        (
            "Chủ trì: Văn phòng - Thống kê\nPhối hợp: Các đoàn thể, Các thôn",
            "Văn phòng - Thống kê",
            "Các đoàn thể, Các thôn",
        ),
        ("Công an xã\n(Phối hợp: UBMTTQ Việt Nam xã)", "Công an xã", "UBMTTQ Việt Nam xã"),
        ("Chủ trì: Công chức Tư pháp - Hộ tịch", "Công chức Tư pháp - Hộ tịch", ""),
        # (one sentence, the lead its subject: the coordinator's first letter raised, as a unit stands alone)
        (
            "Công chức Tư pháp - Hộ tịch chủ trì, phối hợp với các bộ phận chuyên môn",
            "Công chức Tư pháp - Hộ tịch",
            "Các bộ phận chuyên môn",
        ),
        ("Công an xã chủ trì,\nphối hợp với UBMTTQ Việt Nam xã", "Công an xã", "UBMTTQ Việt Nam xã"),
        ("Văn phòng - Thống kê chủ trì phối hợp với các thôn.", "Văn phòng - Thống kê", "Các thôn"),
    ],
)
def test_units_in_one_cell_read_apart(cell, lead, coordinator):
    assert units_apart(cell) == (lead, coordinator)


def test_a_unit_worded_with_phoi_hop_is_no_label():
    assert units_apart("Phối hợp với các đoàn thể") is None


def test_a_plans_units_cell_gives_lead_and_coordinators(tmp_path):
    header = ["TT", "Nhiệm vụ", "Đơn vị chủ trì, phối hợp", "Thời gian hoàn thành", "Sản phẩm"]
    rows = [
        [
            "1",
            "Xây dựng Kế hoạch tuyên truyền CCHC",
            "Chủ trì: Văn phòng - Thống kê\nPhối hợp: Các đoàn thể",
            "Quý I, II",
            "Kế hoạch",
        ],
        ["2", "Rà soát thủ tục hành chính", "Công an xã\n(Phối hợp: Các thôn, tổ dân phố)", "Quý II - III", "Báo cáo"],
        ["3", "Kiểm tra công vụ", "Công chức Tư pháp - Hộ tịch", "Thường xuyên", "Báo cáo"],
    ]
    title = "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024"
    result = convert(_docx(tmp_path / "plan.docx", title, header, rows))
    (table,) = result.to_dict()["task_tables"]
    got = [(r["lead"], r["coordinator"], r["deadline"]) for r in table["rows"]]
    assert got == [
        ("Văn phòng - Thống kê", "Các đoàn thể", "Quý I, II"),
        ("Công an xã", "Các thôn, tổ dân phố", "Quý II - III"),
        ("Công chức Tư pháp - Hộ tịch", "", "Thường xuyên"),
    ]


def test_not_scored_words_are_typed_words_not_ocr_and_leave_blank_fields_unqueued(tmp_path):
    """A typed table whose self cells say "Không chấm" is no OCR reading: its letters are the
    document's words (seed 5001's N34 DOCX was judged an OCR dump by them, and the blank self cells of
    a field the province scores were queued, eight entries for nothing wrong)."""
    header = ["STT", "Tiêu chí đánh giá", "Điểm tối đa", "Điểm tự đánh giá", "Tài liệu kiểm chứng"]
    rows = [
        ["1", "Công tác chỉ đạo, điều hành", "6", "4", ""],
        ["1.1", "Kế hoạch cải cách hành chính", "3", "3", ""],
        ["1.2", "Kiểm tra công tác cải cách hành chính", "2", "Không chấm", "Không phát sinh trong năm 2024"],
        ["1.3", "Tuyên truyền cải cách hành chính", "1", "1", ""],
        ["2", "Cải cách thể chế", "4", "2", ""],
        ["2.1", "Ban hành văn bản theo thẩm quyền", "2", "KCĐ", "Không áp dụng đối với xã"],
        ["2.2", "Rà soát văn bản", "2", "2", ""],
        ["3", "Chính quyền số", "6", "", ""],
        ["3.1", "Dịch vụ công trực tuyến", "3", "", ""],
        ["3.2", "Trang thông tin điện tử", "3", "", ""],
    ]
    result = convert(_docx(tmp_path / "survey.docx", HEAD, header, rows))
    assert result.to_dict()["source"]["read_by_ocr"] is False
    got = _rows(result)
    assert all(got[c]["self_points"] is None for c in ("3", "3.1", "3.2"))
    assert not [r for r in result.review if r.code in ("3", "3.1", "3.2")]
    assert not result.mismatches
