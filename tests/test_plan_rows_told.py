"""Task rows of a degraded plan dump printed but not read are told (issues 16, 20): a grid read from
OCR'd lines whose numbers jump (1, 2, 4: row 3's number lost, its lines read into row 2), and a
grid no row was read from whose numbered lines start past 1 and skip numbers OCR garbled. A plan
read whole, typed or dumped, claims nothing."""

from cchc_extract.pipeline import PipelineOptions, convert_document
from extract.model import IngestedDocument
from extract.segment.unread_tasks import unread_task_gaps, unread_task_runs
from extract.text_reader import parse_text
from schemas.records import ExtractionResult, SourceInfo, SourceRef, TaskRow, TaskTable

# A task grid as Tesseract prints it from a plan's page: ruling bars read as "|", each row's
# first line opening with its number.
_GRID = """II. NHIỆM VỤ, GIẢI PHÁP KHẮC PHỤC

Số Nội dung công việc Đầu mối thực Cơ quan Lộ trình Sản phẩm
TT hiện phối hợp
I_| CẢI CÁCH THỂ CHẾ
1 | Rà soát, kiểm tra văn bản quy phạm | Công chức Tài | Ban Chỉ đạo Thường Quyết định
pháp luật do HĐND, UBND xã ban | chính - Kế toán | CCHC xã xuyên
hành
2_ | Xây dựng Kế hoạch theo dõi thi Phòng Kinh tế | Các ngành Thường Kết quả giải
hành pháp luật trên địa bàn xã liên quan, Các | xuyên quyết
đoàn thể
II | CẢI CÁCH THỦ TỤC HÀNH CHÍNH
{third}Rà soát, đề xuất đơn giản hóa thủ tục | Công chức Địa | Các ngành Tháng Hồ sơ lưu trữ
hành chính chính - Xây liên quan, Các | 12/2024
dựng đoàn thể
4 | Số hóa hồ sơ, kết quả giải quyết thủ | Công chức Địa | Các bộ phận Tháng Biên bản kiểm
tục hành chính chính - Xây chuyên môn 03/2024 tra
dựng
5 | Tiếp nhận, xử lý phản ánh, kiến nghị | Công chức Văn | Các ngành Trước ngày | Biên bản kiểm
của cá nhân, tổ chức hóa - Xã hội liên quan 16/05/2024 tra
Nơi nhận: TM. UY BAN NHAN DAN
"""


def _convert(text: str) -> ExtractionResult:
    doc = IngestedDocument(path="x.txt", format="txt", pages=parse_text(text))
    result = ExtractionResult(source=SourceInfo(path="x.txt"))
    convert_document(doc, result, PipelineOptions())
    return result


def _task_parts(result: ExtractionResult) -> list:
    return [p for p in result.unread if "task" in p.reason]


def test_a_grid_read_whole_claims_no_lost_row():
    result = _convert(_GRID.format(third="3 | "))
    assert [r.code for r in result.task_tables[0].rows] == ["1", "2", "3", "4", "5"]
    assert _task_parts(result) == []


def test_a_row_whose_number_ocr_lost_is_told_by_the_jump():
    # Row 3's number and bar lost: its lines go into the row above, and the numbers read jump 2 → 4.
    result = _convert(_GRID.format(third=""))
    assert [r.code for r in result.task_tables[0].rows] == ["1", "2", "4", "5"]
    (part,) = _task_parts(result)
    assert part.kind == "rows"
    assert "task rows 3 " in part.reason and "jump from 2 to 4" in part.reason
    assert "Xây dựng Kế hoạch theo dõi thi" in part.text_sample  # row 2's lines, where row 3 went
    assert any(item.item.startswith("/unread/") for item in result.review)


def _rows(codes: list[str], flags: list[str]) -> ExtractionResult:
    rows = [
        TaskRow(code=c, task=f"Nhiệm vụ {c}", flags=list(flags), source=SourceRef(page=1, line_start=3 * k + 4))
        for k, c in enumerate(codes)
    ]
    table = TaskTable(title="", columns=["TT", "Nhiệm vụ"], rows=rows)
    return ExtractionResult(source=SourceInfo(path="x.txt"), task_tables=[table])


def test_numbering_that_restarts_or_jumps_far_or_was_typed_is_no_row_lost():
    doc = IngestedDocument(path="x.txt", format="txt", pages=parse_text("\n".join(f"dòng {k}" for k in range(40))))
    assert unread_task_gaps(doc, _rows(["1", "2", "3", "1", "2"], ["from_lines"])) == []  # a section's own numbers
    assert unread_task_gaps(doc, _rows(["1", "2", "10", "11"], ["from_lines"])) == []  # another numbering
    assert unread_task_gaps(doc, _rows(["1", "2", "4"], [])) == []  # a typed grid's cells: read as printed
    (part,) = unread_task_gaps(doc, _rows(["1", "2", "5", "6"], ["from_lines"]))
    assert part.reason.startswith("task rows 3, 4 are printed") and (part.line_start, part.line_end) == (7, 9)
    # A grid whose first row read is 2: row 1's lines are above it.
    (part,) = unread_task_gaps(doc, _rows(["2", "3", "4"], ["from_lines"]))
    assert part.reason.startswith("task rows 1 are printed (the grid's numbers start at 1")
    assert (part.line_start, part.line_end) == (1, 3) and part.text_sample == "dòng 0 / dòng 1 / dòng 2"


# A grid no row was read from (its header lost): OCR garbled rows 1 and 4 and the numbers of 6
# and 7, and specks open some lines (": .3. |").
_NO_HEADER = """II. NHIỆM VỤ CỤ THỂ
: chí lne
Tổ chức hội nghị sơ kết công tác cải cách | Công an xã : di
: 2| Ban hành Kế hoạch kiểm tra công tác cải Văn phòng - Các ngành liên Cả năm 2025 Trang thông tin
; L cách hành chính .Thống kê .| quan được cập nhật
: .3. | Công bố danh mục văn bản hết hiệu lực, Công chức Văn Ban Chỉ đạo Cả năm 2025 Trang thông tin
Tổ chức phổ biến, giáo dục pháp luật cho | Công chức Tài ; :
5| Rà soát, kiểm tra văn bản quy phạm pháp. Công chức Địa Các ngành liên Quý II/2025 Hồ sơ lưu trữ
sc luật do HĐND, UBND xã ban hành . chính - Xây dựng | quan
Xây dựng Kế hoạch theo dõi thi hành pháp | Công chức-Tài Các ngành liên Thường xuyên
„8 ..| Tiếp nhận, giải quyết hồ sơ thủ tục hành Công an xã -- | Các bộ phận Quý II/2025 Báo cáo
"""


def test_a_grid_whose_first_numbers_and_some_others_ocr_lost_is_told():
    doc = IngestedDocument(path="x.txt", format="txt", pages=parse_text(_NO_HEADER))
    empty = ExtractionResult(source=SourceInfo(path="x.txt"))
    (part,) = unread_task_runs(doc, empty)
    assert part.kind == "table" and "rows 2, 3, 5, 8" in part.reason
    assert part.text_sample.startswith(": 2| Ban hành Kế hoạch")
