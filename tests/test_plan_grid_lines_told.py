"""A task grid's lines read into no row are told (issue 16): OCR broke a grid's rows (their numbers
garbled, "60)", "Sires"), the line reader lost its place, and the barred lines of the rows below,
naming lead units and deadlines, came out as nothing. A grid read whole claims nothing."""

from cchc_extract.pipeline import PipelineOptions, convert_document
from extract.model import IngestedDocument
from extract.segment.unread_task_lines import unread_task_lines
from extract.text_reader import parse_text
from schemas.records import ExtractionResult, SourceInfo, SourceRef, TaskRow, TaskTable

# A grid as Tesseract prints it: row 1 read, then rows whose numbers and bars OCR garbled, then
# barred rows 4 to 6 that the reader, having lost its place, took into no row.
_BROKEN = """II. NHIỆM VỤ, GIẢI PHÁP

Số | Nội dung công việc | Chủ trì | Cơ quan phối hợp | Lộ trình | Sản phẩm
TT
1 | Xây dựng Kế hoạch tuyên truyền | Văn phòng - Thống kê | Ban Chỉ đạo | Cả năm 2025 | Trang thông tin
cải cách hành chính
4 | Rà soát, kiểm tra văn bản quy | Công an xã | Các bộ phận | Thường xuyên | Kế hoạch
phạm pháp luật do HĐND ban hành
5 | Tổ chức phổ biến, giáo dục pháp luật | Văn phòng - Thống kê | UBMTTQ | Tháng 10/2025 | Văn bản
6 | Công bố danh mục văn bản hết hiệu lực | Công chức Tư pháp - Hộ tịch | Các đoàn thể | 20/02/2025 | Danh mục
Nơi nhận:
"""


def _plan(rows: list[tuple[str, int, int]]) -> ExtractionResult:
    table = TaskTable(
        title="",
        columns=["TT", "Nhiệm vụ"],
        rows=[
            TaskRow(
                code=c, task=f"Nhiệm vụ {c}", flags=["from_lines"], source=SourceRef(page=1, line_start=a, line_end=b)
            )
            for c, a, b in rows
        ],
    )
    return ExtractionResult(source=SourceInfo(path="x.txt"), task_tables=[table])


def _read(result: ExtractionResult):
    spans = [(r.source.line_start, r.source.line_end) for t in result.task_tables for r in t.rows]
    return lambda line, page: any(a <= line.number <= b for a, b in spans)


def test_barred_lines_of_tasks_read_into_no_row_are_told():
    doc = IngestedDocument(path="x.txt", format="txt", pages=parse_text(_BROKEN))
    result = _plan([("1", 5, 6)])
    (part,) = unread_task_lines(doc, result, _read(result))
    assert part.kind == "rows" and (part.line_start, part.line_end) == (7, 10)
    assert part.text_sample.startswith("4 | Rà soát, kiểm tra văn bản quy")
    # Every row read: no line of the grid is left, nothing is claimed.
    whole = _plan([("1", 5, 6), ("4", 7, 8), ("5", 9, 9), ("6", 10, 10)])
    assert unread_task_lines(doc, whole, _read(whole)) == []


def test_a_typed_grid_read_from_cells_is_left_to_other_tellers():
    doc = IngestedDocument(path="x.txt", format="txt", pages=parse_text(_BROKEN))
    typed = _plan([("1", 5, 6)])
    typed.task_tables[0].rows[0].flags.clear()  # a typed grid's cells: its lines are not looked at
    assert unread_task_lines(doc, typed, _read(typed)) == []


def test_a_grid_read_whole_through_the_pipeline_claims_nothing():
    text = _BROKEN.replace("4 | Rà soát", "2 | Rà soát").replace("5 | Tổ chức", "3 | Tổ chức")
    text = text.replace("6 | Công bố", "4 | Công bố")
    doc = IngestedDocument(path="x.txt", format="txt", pages=parse_text(text))
    result = ExtractionResult(source=SourceInfo(path="x.txt"))
    convert_document(doc, result, PipelineOptions())
    assert [r.code for r in result.task_tables[0].rows] == ["1", "2", "3", "4"]
    assert [p for p in result.unread if "task" in p.reason] == []
