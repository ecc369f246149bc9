"""The tenth batch's mechanisms on real DOCX files: a verdict printed with its points ("Đạt (2)",
"Đạt một phần: 1,5 điểm") reads as the points (``normalize.verdict_points``); a plan's target
column beside last year's result gives this year's targets only, a report's plan-and-result annex
none (``extract.segment.plan_target_columns``); criterion and sub-criterion names in two columns
side by side, blank or merged down, are one name column (``extract.segment.side_names``)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

import cchc_extract
from layout_docs import CLOSE, SCORE_REPORT_HEAD, decree30_head, plain_docx
from normalize.numbers import points_figure
from normalize.verdict_points import verdict_figure

_PLAN_HEAD = decree30_head(
    "XÃ HÒA BÌNH",
    "12/KH-UBND",
    "Hòa Bình, ngày 05 tháng 01 năm 2025",
    "KẾ HOẠCH",
    "Cải cách hành chính năm 2025",
)
_SIGNED = (*CLOSE, "Nguyễn Văn An")


def _score_rows(result) -> list[tuple]:
    return [
        (r["code"], r["name"], r["max_points"], r["self_points"])
        for t in result.data["score_tables"]
        for r in t["rows"]
    ]


@pytest.mark.parametrize(
    ("cell", "figure"),
    [
        ("Đạt (2)", "2"),
        ("Không đạt (0)", "0"),
        ("Đạt một phần (1,5)", "1,5"),
        ("Chưa đạt đầy đủ (13,5)", "13,5"),
        ("Đạt: 2 điểm", "2"),
        ("Đạt một phần: 0,25 điểm", "0,25"),
        ("Không hoàn thành (0)", "0"),
        ("Dat (2)", "2"),  # (OCR's lost marks)
    ],
)
def test_a_verdict_with_its_points_is_the_points(cell, figure):
    assert verdict_figure(cell) == figure
    assert points_figure(cell) == figure


@pytest.mark.parametrize("cell", ["Đạt", "1 (2)", "Kế hoạch (2)", "Văn bản số 12 (2024)"])
def test_no_verdict_no_figure_taken(cell):
    assert verdict_figure(cell) is None


def test_verdict_cells_with_points_read_in_a_score_report(tmp_path: Path):
    rows = [
        ("STT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Ghi chú"),
        ("1", "Công tác chỉ đạo, điều hành cải cách hành chính", "5", "3,5", ""),
        ("1.1", "Ban hành kế hoạch cải cách hành chính năm", "2", "Đạt (2)", ""),
        ("1.2", "Ban hành báo cáo cải cách hành chính", "1", "Không đạt (0)", ""),
        ("1.3", "Kiểm tra công tác cải cách hành chính", "2", "Đạt một phần: 1,5 điểm", ""),
        ("", "Tổng cộng", "5", "3,5", ""),
    ]
    result = cchc_extract.convert(plain_docx(tmp_path / "verdict-points.docx", SCORE_REPORT_HEAD, rows, _SIGNED))
    assert [(c, m, s) for c, _n, m, s in _score_rows(result)] == [
        ("1", 5.0, 3.5),
        ("1.1", 2.0, 2.0),
        ("1.2", 1.0, 0.0),
        ("1.3", 2.0, 1.5),
    ]
    assert not result.data["unread"]


def test_verdicts_with_their_points_are_typed_words_and_the_communes_fault_stays_its_own(tmp_path: Path):
    """ "Đạt: 2 điểm" in a typed points cell is the commune's wording, no OCR confusion: the document
    is not judged OCR'd, and a field whose maxima miss its sum is the commune's ``mismatch``."""
    rows = [
        ("STT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Ghi chú"),
        ("1", "Công tác chỉ đạo, điều hành cải cách hành chính", "6", "3,5", ""),
        ("1.1", "Ban hành kế hoạch cải cách hành chính năm", "2", "Đạt: 2 điểm", ""),
        ("1.2", "Ban hành báo cáo cải cách hành chính", "1", "Không đạt: 0 điểm", ""),
        ("1.3", "Kiểm tra công tác cải cách hành chính", "2", "Đạt một phần: 1,5 điểm", ""),
        ("", "Tổng cộng", "6", "3,5", ""),
    ]
    result = cchc_extract.convert(plain_docx(tmp_path / "verdict-colon.docx", SCORE_REPORT_HEAD, rows, _SIGNED))
    assert result.data["source"]["read_by_ocr"] is False
    sums = [c for c in result.data["checks"] if c["kind"] == "sum_children" and c["field"] == "max_points"]
    assert [(c["code"], c["status"]) for c in sums] == [("1", "mismatch")]


def _targets(result) -> list[tuple]:
    return [(t["indicator"], t["comparator"], t["value"], t["year"]) for t in result.data["targets"]]


@pytest.mark.parametrize(
    ("header", "row_cells"),
    [
        # this year's target beside last year's result
        (("TT", "Chỉ tiêu", "ĐVT", "Kết quả năm 2024", "Kế hoạch năm 2025"), (("91", "≥ 95"), ("4", "Trên 5"))),
        # the target, and last year's result in a note
        (
            ("TT", "Tên chỉ tiêu", "Đơn vị tính", "Chỉ tiêu năm 2025", "Ghi chú (kết quả năm trước)"),
            (("≥ 95", "Năm 2024 đạt 91%"), ("Trên 5", "Năm 2024 đạt 4")),
        ),
    ],
)
def test_a_plans_targets_beside_last_years_result(tmp_path: Path, header, row_cells):
    names = ("Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn", "Số cuộc kiểm tra công tác cải cách hành chính")
    units = ("%", "cuộc")
    rows = [header] + [(str(k + 1), n, u, *cells) for k, (n, u, cells) in enumerate(zip(names, units, row_cells))]
    before = (*_PLAN_HEAD, "I. MỤC ĐÍCH, YÊU CẦU", "II. MỤC TIÊU", "Phấn đấu đạt các chỉ tiêu chủ yếu sau:")
    result = cchc_extract.convert(plain_docx(tmp_path / "plan.docx", before, rows, _SIGNED))
    assert _targets(result) == [(names[0], ">=", 95.0, 2025), (names[1], ">", 5.0, 2025)]
    assert not result.data["statistics"]  # (last year's result is context: no annex of it)


def test_a_reports_plan_and_result_of_one_year_are_no_targets(tmp_path: Path):
    rows = [
        ("TT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2025", "Thực hiện năm 2025"),
        ("1", "Số cuộc kiểm tra công tác cải cách hành chính", "Cuộc", "4", "5"),
    ]
    result = cchc_extract.convert(plain_docx(tmp_path / "report.docx", SCORE_REPORT_HEAD, rows, _SIGNED))
    assert not result.data["targets"]


_SIDE_ROWS = [
    (
        "1.",
        "Công tác chỉ đạo, điều hành cải cách hành chính",
        "Công tác chỉ đạo, điều hành cải cách hành chính",
        "5",
        "4",
    ),
    ("1.1", "Kế hoạch cải cách hành chính năm", "", "3", "2"),
    ("1.1.1", "Kế hoạch cải cách hành chính năm", "Ban hành kế hoạch kịp thời", "1", "1"),
    ("1.1.2", "Kế hoạch cải cách hành chính năm", "Mức độ hoàn thành kế hoạch", "2", "1"),
    ("1.2", "Kiểm tra công tác cải cách hành chính", "", "2", "2"),
]


def _side_docx(path: Path, layout: str) -> Path:
    """A score report whose names stand in two columns: a field's across both
    (merged across), a criterion's in the first, its sub-criteria's in the second with the first
    merged down from the criterion ("merged"), blank ("blank"), or printing the criterion's name
    again on each sub-criterion's row ("repeated")."""
    doc = docx.Document()
    for text in SCORE_REPORT_HEAD:
        doc.add_paragraph(text)
    table = doc.add_table(rows=1 + len(_SIDE_ROWS), cols=6)
    table.style = "Table Grid"
    for cell, text in zip(
        table.rows[0].cells, ("STT", "Tiêu chí", "Tiêu chí thành phần", "Điểm tối đa", "Điểm tự chấm", "Ghi chú")
    ):
        cell.text = text
    for r, (code, crit, sub, top, own) in enumerate(_SIDE_ROWS, start=1):
        cells = table.rows[r].cells
        cells[0].text, cells[3].text, cells[4].text = code, top, own
        if crit == sub:  # a field: one cell across both name columns
            cells[1].merge(cells[2]).text = crit
        elif sub:
            cells[2].text = sub  # (the first column blank, or merged down below)
            if layout == "repeated":
                cells[1].text = crit
        else:
            cells[1].text = crit
    if layout == "merged":  # the criterion's cell merged down beside its sub-criteria
        table.cell(2, 1).merge(table.cell(4, 1))
        table.cell(2, 1).paragraphs[0].text = "Kế hoạch cải cách hành chính năm"
    for text in _SIGNED:
        doc.add_paragraph(text)
    doc.save(str(path))
    return path


@pytest.mark.parametrize("layout", ["blank", "merged", "repeated"])
def test_names_side_by_side_are_one_name_column(tmp_path: Path, layout: str):
    result = cchc_extract.convert(_side_docx(tmp_path / f"side-{layout}.docx", layout))
    assert _score_rows(result) == [
        ("1", "Công tác chỉ đạo, điều hành cải cách hành chính", 5.0, 4.0),
        ("1.1", "Kế hoạch cải cách hành chính năm", 3.0, 2.0),
        ("1.1.1", "Ban hành kế hoạch kịp thời", 1.0, 1.0),
        ("1.1.2", "Mức độ hoàn thành kế hoạch", 2.0, 1.0),
        ("1.2", "Kiểm tra công tác cải cách hành chính", 2.0, 2.0),
    ]
    assert not result.data["unread"]


_MONTHS_DUMP = """UY BAN NHAN DAN
XA HOA BINH
CONG HOA XA HOI CHU NGHIA VIET NAM
Doc lap - Tu do - Hanh phuc
So: 21/BC-UBND
Hoa Binh, ngay 15 thang 07 nam 2024
BAO CAO
Ket qua cong tac cai cach hanh chinh 6 thang dau nam 2024

UBND xa bao cao ket qua; so lieu chi tiet tai Phu luc kem theo.

Phu luc 1
SO LIEU KET QUA THUC HIEN CONG TAC CAI CACH HANH CHINH 6 THANG DAU NAM 2024

STT Noi dung DVT Ket qua thuc hien
T1 T2 T3 T4 T5 T6 Tong 6
thang
1 So cuoc kiem tra CCHC da thuc hien Cuoc 0 4 0 0 1 0 5
2 So ho so TTHC da giai quyet Ho so 64 71 188 46 94 90 553
3 So can bo, cong chuc cap xa Nguoi 21 21 21 21 21 21 21
"""


def test_a_dumps_month_columns_give_the_six_months_figure(tmp_path: Path):
    """An OCR dump's annex printing "T1 … T6 | Tổng 6 tháng": the value is the six months' figure
    (the line reader took January's), the months stay in the note."""
    path = tmp_path / "months-dump.txt"
    path.write_text(_MONTHS_DUMP, encoding="utf-8")
    result = cchc_extract.convert(path)
    rows = [(r["code"], r["value"]) for s in result.data["statistics"] for r in s["rows"]]
    assert rows == [("1", 5.0), ("2", 553.0), ("3", 21.0)]
    notes = [r["note"] or "" for s in result.data["statistics"] for r in s["rows"]]
    assert "64" in notes[1] and "90" in notes[1]
