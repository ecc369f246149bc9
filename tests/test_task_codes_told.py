"""A task code printed in a plan's list that gave no task row is told (issue 16), also past the
last task read on a page — a task paragraph's source names its first line only — and also when OCR
read its first full stop as a comma ("5,3. Duy trì …"). Lines under the next section's heading
are no part of the list, and a list read whole claims nothing."""

from extract.model import IngestedDocument
from extract.segment.unread_tasks import unread_task_codes
from extract.text_reader import parse_text
from schemas.records import ExtractionResult, SourceInfo, SourceRef, TaskRow, TaskTable

_PLAN = """5. Xây dựng và phát triển chính quyền điện tử
5.1. Triển khai thanh toán trực tuyến phí, lệ phí (đơn vị chủ trì: Công chức Tư pháp - Hộ tịch;
kết quả, sản phẩm: Thông báo; thời hạn: Quý II/2023).
5.2. Vận hành hệ thống quản lý chất lượng (phối hợp: Các ngành liên quan; thời hạn: Quý IV/2023;
bộ phận chủ trì: Phòng Văn hóa - Xã hội; sản phẩm: Kết quả giải quyết).
{third}Duy trì Trang thông tin điện tử của xã (Phối hợp thực hiện: Các bộ phận chuyên môn;
sản phẩm: Danh mục công bố; Thời gian thực hiện: Tháng 02/2023; Chủ trì: Công an xã).
III. TỔ CHỨC THỰC HIỆN
1.1. Giao Văn phòng - Thống kê theo dõi, đôn đốc việc thực hiện Kế hoạch này.
"""


def _parts(third: str, codes: list[str]) -> list:
    doc = IngestedDocument(path="x.txt", format="txt", pages=parse_text(_PLAN.format(third=third)))
    lines = doc.pages[0].lines
    firsts = [next(ln.number for ln in lines if ln.text.startswith(f"{c}.")) for c in codes]
    # as the paragraph reader gives them: each task's source its first line only
    rows = [
        TaskRow(code=c, task=c, flags=["from_paragraph"], source=SourceRef(page=1, line_start=n, line_end=n))
        for c, n in zip(codes, firsts, strict=True)
    ]
    table = TaskTable(title="", columns=[], rows=rows, form="paragraphs")
    return unread_task_codes(doc, ExtractionResult(source=SourceInfo(path="x.txt"), task_tables=[table]))


def test_a_task_past_the_last_read_whose_code_ocr_printed_with_a_comma_is_told():
    (part,) = _parts("5,3. ", ["5.1", "5.2"])
    assert part.kind == "rows"
    assert part.reason.startswith("tasks 5.3 printed")
    assert part.text_sample.startswith("5,3. Duy trì")


def test_a_task_past_the_last_read_is_told():
    (part,) = _parts("5.3. ", ["5.1", "5.2"])
    assert part.reason.startswith("tasks 5.3 printed")


def test_a_list_read_whole_claims_nothing_and_the_next_section_is_no_part_of_it():
    # 1.1 under "III. TỔ CHỨC THỰC HIỆN" is an instruction, not a task of the list
    assert _parts("5.3. ", ["5.1", "5.2", "5.3"]) == []


def test_a_decimal_is_no_task_code():
    assert _parts("1,5 điểm. ", ["5.1", "5.2"]) == []
