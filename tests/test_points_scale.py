"""A maximum printed as the scale a criterion is scored on ("0 - 2", "0 – 0,5 – 1", "0 ÷ 2", "Tối
đa 2; không đạt 0", "Tối đa: 2" over "Không đạt: 0"), under "Thang điểm" / "Khung điểm": read as its
top, the steps no numbers or rows, the self points in their column; by the parser alone, from a DOCX
table written here, and from a text dump's lines read without positions."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from cchc_extract.pipeline import convert_file, result_to_json
from normalize.points_scale import points_scale


@pytest.mark.parametrize(
    ("cell", "top", "steps"),
    [
        ("0 - 2", "2", ("0", "2")),
        ("0-2", "2", ("0", "2")),
        ("0 ÷ 2,5", "2,5", ("0", "2,5")),
        ("0 – 0,5 – 1", "1", ("0", "0,5", "1")),
        ("0-1,25-2,5", "2,5", ("0", "1,25", "2,5")),
        ("0 - 2 điểm", "2", ("0", "2")),
        ("Tối đa 2; không đạt 0", "2", ("0", "2")),
        ("Tối đa: 2\nKhông đạt: 0", "2", ("0", "2")),
        ("Đạt: 1,5\nKhông đạt: 0", "1,5", ("0", "1,5")),
        ("Tối đa: 1 Không đạt: 0", "1", ("0", "1")),  # (the cell's lines joined by a space)
        ("Tối đa 2", "2", ("2",)),
    ],
)
def test_a_scale_reads_as_its_top_with_its_steps(cell, top, steps):
    scale = points_scale(cell)
    assert scale is not None and scale.top == top and scale.steps == steps


@pytest.mark.parametrize(
    "cell",
    ["2", "2,5", "1 - 2", "2 - 0", "1.1-1.2", "9/10", "Năm 2024", "Hoàn thành 100%: 1,5", "Đạt 2 Chưa đạt 1", ""],
)
def test_no_scale_is_read_where_none_is_printed(cell):
    """A figure, a span not from 0 ("1 - 2", a span of codes), a fall ("2 - 0"), a fraction, a year,
    a scale line of the name's ("Hoàn thành 100%: 1,5", which says no top), steps none worth 0."""
    assert points_scale(cell) is None


ROWS = [
    ("1", "Công tác chỉ đạo, điều hành cải cách hành chính", "6", "5"),
    ("1.1", "Ban hành kế hoạch cải cách hành chính năm", "0 - 2", "2"),
    ("1.2", "Thực hiện chế độ báo cáo cải cách hành chính định kỳ", "0 – 0,5 – 1", "0,5"),
    ("1.3", "Công tác tuyên truyền cải cách hành chính", "Tối đa: 2\nKhông đạt: 0", "2"),
    ("1.4", "Kiểm tra công tác cải cách hành chính tại các bộ phận", "0 ÷ 1", "0,5"),
]
TRUTH = {"1": (6.0, 5.0), "1.1": (2.0, 2.0), "1.2": (1.0, 0.5), "1.3": (2.0, 2.0), "1.4": (1.0, 0.5)}


def _scale_docx(
    path: Path,
    rows=(*ROWS, ("", "Tổng cộng", "6", "5")),
    header=("STT", "Tiêu chí đánh giá", "Khung điểm", "Điểm tự chấm", "Ghi chú"),
) -> Path:
    doc = Document()
    doc.add_paragraph("BÁO CÁO TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024")
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, label in zip(table.rows[0].cells, header):
        cell.text = label
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = text
    doc.save(str(path))
    return path


def test_a_docx_table_headed_khung_diem_reads_each_scale_as_its_maximum(tmp_path):
    out = result_to_json(convert_file(_scale_docx(tmp_path / "thang-diem.docx")))
    (table,) = out["score_tables"]
    read = {r["code"]: (r["max_points"], r["self_points"]) for r in table["rows"]}
    assert read == TRUTH  # (no row for a step, the self points in their column)
    assert next(r for r in table["rows"] if r["code"] == "1.2")["max_points_raw"] == "0 – 0,5 – 1"  # the steps kept
    assert out["unread"] == []
    assert not [c for c in out["checks"] if c["status"] == "mismatch"]


# A text dump's lines of the same table (the scale printed between the name and the self points).
DUMP = """BÁO CÁO TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024
STT   Tiêu chí đánh giá                                   Thang điểm   Điểm tự chấm   Ghi chú
1     Công tác chỉ đạo, điều hành cải cách hành chính        6             5
1.1   Ban hành kế hoạch cải cách hành chính năm             0 - 2          2        Kế hoạch số 12/KH-UBND
1.2   Thực hiện chế độ báo cáo cải cách hành chính định kỳ  0 – 0,5 – 1   0,5       Chưa đầy đủ
1.3   Công tác tuyên truyền cải cách hành chính             0 – 1 – 2      2
1.4   Kiểm tra công tác cải cách hành chính tại các bộ phận 0 ÷ 1         0,5
      Tổng cộng                                              6             5
"""


def test_a_dump_line_reads_a_dashed_scale_as_its_maximum_and_keeps_the_zero_out_of_the_name(tmp_path):
    path = tmp_path / "dump.txt"
    path.write_text(DUMP, encoding="utf-8")
    out = result_to_json(convert_file(path))
    (table,) = out["score_tables"]
    read = {r["code"]: (r["max_points"], r["self_points"]) for r in table["rows"]}
    assert read == TRUTH
    names = {r["code"]: r["name"] for r in table["rows"]}
    assert names["1.2"] == "Thực hiện chế độ báo cáo cải cách hành chính định kỳ"
    assert names["1.1"] == "Ban hành kế hoạch cải cách hành chính năm"
    assert not [c for c in out["checks"] if c["status"] == "mismatch"]


# A typed table whose maxima are all worded scales, its criterion 2 stating 6,75 where its
# sub-criteria make 6,5 (the commune's fault), its criterion 3 left unscored (blank cells).
WORDED_ROWS = [
    ("1", "Công tác chỉ đạo, điều hành cải cách hành chính", "5", "4,5"),
    ("1.1", "Ban hành kế hoạch cải cách hành chính năm", "Tối đa: 2\nKhông đạt: 0", "2"),
    ("1.2", "Thực hiện chế độ báo cáo cải cách hành chính định kỳ", "Tối đa: 3\nKhông đạt: 0", "2,5"),
    ("2", "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật", "8", "6,75"),
    ("2.1", "Ban hành văn bản quy phạm pháp luật theo thẩm quyền", "Tối đa: 3\nKhông đạt: 0", "2,75"),
    ("2.2", "Rà soát, hệ thống hóa văn bản quy phạm pháp luật", "Tối đa: 2\nKhông đạt: 0", "2"),
    ("2.3", "Tổ chức thực hiện và kiểm tra việc thực hiện văn bản", "Tối đa: 3\nKhông đạt: 0", "1,75"),
    ("3", "Cải cách tổ chức bộ máy hành chính", "7", ""),
    ("3.1", "Thực hiện quy định về chức năng, nhiệm vụ, quyền hạn", "Tối đa: 3\nKhông đạt: 0", ""),
    ("3.2", "Thực hiện quy chế làm việc của Ủy ban nhân dân", "Tối đa: 4\nKhông đạt: 0", ""),
]


def test_worded_scales_are_typed_print_so_a_typed_sum_fault_is_the_communes_and_one_entry(tmp_path):
    """Words in a maximum's cell are the scale's printed form, not letters OCR made of digits: the
    DOCX is typed (no misreading explains criterion 2's sum, a `mismatch` on its own row, queued
    once), a score equal to its scale's top is full marks, and a section left unscored is blank
    as printed, not a lost cell."""
    header = ("STT", "Tiêu chí đánh giá", "Thang điểm", "Điểm tự chấm")
    out = result_to_json(convert_file(_scale_docx(tmp_path / "thang-diem-chu.docx", WORDED_ROWS, header)))
    assert out["source"]["read_by_ocr"] is False
    rows = {r["code"]: r for r in out["score_tables"][0]["rows"]}
    assert rows["2.1"]["max_points"] == 3.0 and rows["2.1"]["self_points"] == 2.75
    failed = [(c["code"], c["status"]) for c in out["checks"] if c["status"] not in ("ok", "skipped")]
    assert failed == [("2", "mismatch")]
    assert [(r["code"], r["field"]) for r in out["review"]] == [("2", "self_points")]


def test_a_long_dash_ocr_read_as_two_still_parts_the_steps():
    # a held-out scan of the scale-range layout printed "0 – 5 – 10"; Tesseract read "0—-5-—10"
    scale = points_scale("0—-5-—10")
    assert scale is not None and (scale.top, scale.steps) == ("10", ("0", "5", "10"))
    assert points_scale("0--2") is not None
    assert points_scale("0----2") is None  # (a run of rules is no step sign)
    assert points_scale("1--2") is None  # (no 0: a span, not a scale)
