"""Nothing told unread on a scanned page read whole (issue 16), nor rows invented (issue 11): two
mechanisms met on held-out scans of seed 18001.

- A plan's task grid that names its units as columns, each task's row marking its lead "CT" and its
  coordinators "PH" (``task_unit_matrix``): the header matcher took its last unit's head "Các thôn,
  tổ dân phố" for "tối đa", so the grid was also a score table of 17 rows without a figure, told
  unread. Every points field on a matrix column: no score table (``points_in_matrix``).
- A plan's target "đạt 459%", the per cent sign's ring read as a last "9": the targets reader reads
  45 (``targets.percent_sign_read``), and the unread account now reads the line's figure alike.

The grid's cells are page 2 of an S33 scan (seed 18001, s33-i3-n76-i3-unit-matrix-letters.pdf, the
first five tasks) as Tesseract read them; the leads and coordinators expected are the generator's
truth file's task rows. The target line is an S12 scan's (s12-i9-p01-i9-annex-landscape.pdf, page
1, line 14) as read; its truth file states the target "Tỷ lệ thanh toán trực tuyến phí, lệ phí" = 45 %."""

from __future__ import annotations

from cchc_extract.pipeline import PipelineOptions, convert_document, result_to_json
from extract.model import Cell, IngestedDocument, Line, Page, Table
from schemas.records import ExtractionResult, SourceInfo

_HEAD = ["Số", "Nội dung nhiệm vụ", "Hình thức sản phẩm", "Thời hạn"]
_UNITS = [
    "Văn phòng HĐND và UBND",
    "Phòng: Văn hóa - Xã hội",
    "Công chức Tài chính - Kế toán",
    "Phòng Kinh tế",
    "UBMTT Q Việt Nam xã",
    "Các thôn, tổ dân phố",
]
_ROWS = [
    ["I", "CÔNG TÁC CHÍ ĐẠO, ĐIÊU HÀNH CẢI CÁCH HÀNH CHÍNH"],
    ["1", "Xây dựng, ban hành Kế hoạch cải cách hành chính năm 2025", "Hồ sơ lưu trữ", "Thường xuyên"]
    + ["", "CT", "PH", "", "PH", ""],
    ["2", "Xây dựng Kế hoạch tuyên truyền cải cách hành chính", "Danh mục công bố", "Tháng 10/2025"]
    + ["CT", "", "PH", "", "", "PH"],
    ["H", "CÁI CÁCH THỦ TỤC HÀNH CHÍNH"],
    ["3", "Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức", "Danh mục công bố", "Trước ngày 26/01/2025"]
    + ["", "CT", "PH", "", "PH", ""],
    ["4", "Rà soát, đề xuất đơn giản hóa thủ tục hành chính", "Báo cáo", "06/01/2025"] + ["", "", "", "CT", "", "PH"],
    ["5", "Tiếp nhận, giải quyết hồ sơ thủ tục hành chính đúng hạn", "Kế hoạch", "Trước ngày 28/06/2025"]
    + ["CT", "", "", "PH", "", ""],
]
# The generator's truth: (code, lead, coordinator) of the first five tasks.
_TRUTH = [
    ("1", "Phòng Văn hóa - Xã hội", "Công chức Tài chính - Kế toán, UBMTTQ Việt Nam xã"),
    ("2", "Văn phòng HĐND và UBND", "Công chức Tài chính - Kế toán, Các thôn, tổ dân phố"),
    ("3", "Phòng Văn hóa - Xã hội", "Công chức Tài chính - Kế toán, UBMTTQ Việt Nam xã"),
    ("4", "Phòng Kinh tế", "Các thôn, tổ dân phố"),
    ("5", "Văn phòng HĐND và UBND", "Phòng Kinh tế"),
]


def _grid() -> Table:
    cells = [Cell(row=0, col=c, text=t, row_span=2, conf=0.96) for c, t in enumerate(_HEAD)]
    cells.append(Cell(row=0, col=4, text="Phân công thực hiện", col_span=6, conf=0.96))
    cells += [Cell(row=1, col=4 + c, text=t, conf=0.95) for c, t in enumerate(_UNITS)]
    for r, row in enumerate(_ROWS, start=2):
        if len(row) == 2:  # a section's title merged across the row
            cells += [
                Cell(row=r, col=0, text=row[0], conf=0.96),
                Cell(row=r, col=1, text=row[1], col_span=9, conf=0.93),
            ]
        else:
            cells += [Cell(row=r, col=c, text=t, conf=0.95 if t else 1.0) for c, t in enumerate(row)]
    return Table(page=1, cells=cells, n_rows=len(_ROWS) + 2, n_cols=10, source="ocr-lines", line_start=4, line_end=12)


def _line(number: int, text: str) -> Line:
    return Line(text=text, page=1, number=number, bbox=(100, 60 * number, 1900, 60 * number + 40), conf=0.93)


def _convert(blocks: list) -> dict:
    page = Page(number=1, blocks=blocks, width=2970, height=2100, method="ocr", dpi=300)
    result = ExtractionResult(source=SourceInfo(path="scan.pdf"))
    convert_document(IngestedDocument(path="scan.pdf", format="pdf", pages=[page]), result, PipelineOptions())
    return result_to_json(result)


def test_a_task_grid_s_unit_matrix_is_no_score_table():
    heading = [_line(1, "PHỤ LỤC"), _line(2, "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025")]
    out = _convert([*heading, _grid()])
    tasks = [(r["code"], r["lead"], r["coordinator"]) for t in out["task_tables"] for r in t["rows"]]
    assert tasks == _TRUTH
    assert out["score_tables"] == [] and out["unread"] == []


def test_a_target_s_share_read_with_the_ring_as_a_nine_is_read_not_told():
    lines = [
        _line(1, "KẾ HOẠCH"),
        _line(2, "Cải cách hành chính năm 2026"),
        _line(3, "I. MỤC TIÊU"),
        _line(4, "+ Tỷ lệ thanh toán trực tuyến phí, lệ phí đạt 459%."),
    ]
    out = _convert(list(lines))
    assert [(t["indicator"], t["value"]) for t in out["targets"]] == [("Tỷ lệ thanh toán trực tuyến phí, lệ phí", 45.0)]
    assert out["unread"] == []
