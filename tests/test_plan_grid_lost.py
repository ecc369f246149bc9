"""A plan's task grid lost and said (issues 16, 20): an OCR dump whose grid header OCR garbled gives
no task row, and the document says a task grid is printed but not read; a scanned grid's last row
on a page, cut by the page's foot under a section row merged across, keeps its column rules (short
ones) and so its cells."""

import json
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz

from cchc_extract.pipeline import PipelineOptions, convert_document
from extract.model import IngestedDocument
from extract.ocr_grid import _grid_cells, find_rules, rule_stubs
from extract.ocr_settings import OcrSettings
from extract.segment.unread import _textless_tasks
from extract.segment.unread_settings import UnreadSettings
from extract.text_reader import parse_text
from normalize.text import fold
from schemas.records import ExtractionResult, SourceInfo, SourceRef, TaskRow, TaskTable

# P04's OCR dump (seed 435, i1) as Tesseract printed its grid, the header's first line garbled
# as a degraded scan prints it (the second, "TT hiện phối hợp", names too few columns).
_GRID = """II. NHIỆM VỤ, GIẢI PHÁP KHẮC PHỤC

Các nhiệm vụ khắc phục tiêu chí bị trừ điểm như sau:

{header}
TT hiện phối hợp
I_| CẢI CÁCH THỂ CHẾ
1 | Rà soát, kiểm tra văn bản quy phạm | Công chức Tài | Ban Chỉ đạo Thường Quyết định
pháp luật do HĐND, UBND xã ban | chính - Kế toán | CCHC xã xuyên
hành
2_ | Xây dựng Kế hoạch theo dõi thi Phòng Kinh tế | Các ngành Thường Kết quả giải
hành pháp luật trên địa bàn xã liên quan, Các | xuyên quyết
đoàn thể
II | CẢI CÁCH THỦ TỤC HÀNH CHÍNH
3 | Rà soát, đề xuất đơn giản hóa thủ tục | Công chức Địa | Các ngành Tháng Hồ sơ lưu trữ
hành chính chính - Xây liên quan, Các | 12/2024
dựng đoàn thể
4 | Số hóa hồ sơ, kết quả giải quyếtthủ | Công chức Địa | Các bộ phận Tháng Biên bản kiểm
tục hành chính chính - Xây chuyên môn 03/2024 tra
dựng
5 | Tiếp nhận, xử lý phản ánh, kiến nghị | Công chức Văn | Các ngành Trước ngày | Biên bản kiểm
của cá nhân, tổ chức hóa - Xã hội liên quan 16/05/2024 tra
Nơi nhận: TM. UY BAN NHAN DAN
"""
_PRINTED = "Số Nội dung công việc Đầu mối thực Cơ quan Lộ trình Sản phẩm"
_GARBLED = "Sé Néi dnng cdng viéc Dầu mếi thurc Co qnan L6 trinh Sản phấm"


def _convert(text: str) -> dict:
    doc = IngestedDocument(path="x.txt", format="txt", pages=parse_text(text))
    result = ExtractionResult(source=SourceInfo(path="x.txt"))
    convert_document(doc, result, PipelineOptions())
    return {"tasks": [r for t in result.task_tables for r in t.rows], "unread": result.unread}


def test_a_grid_whose_header_is_garbled_in_part_is_read():
    read = _convert(_GRID.format(header=_PRINTED))
    assert [r.code for r in read["tasks"]] == ["1", "2", "3", "4", "5"]
    assert not [p for p in read["unread"] if "task" in p.reason]  # read whole: nothing claimed lost
    # Its last labels still legible ("Dầu mếi thurc Co qnan L6 trinh Sản phấm"): lead,
    # coordinators, deadline, product, in that order, the task's column before them.
    garbled = _convert(_GRID.format(header=_GARBLED))["tasks"]
    assert [r.code for r in garbled] == ["1", "2", "3", "4", "5"]
    first = garbled[0]
    assert first.task == "Rà soát, kiểm tra văn bản quy phạm pháp luật do HĐND, UBND xã ban hành"
    assert (first.product, first.deadline) == ("Quyết định", "Thường xuyên")
    assert (first.lead, first.coordinator) == ("Công chức Tài chính - Kế toán", "Ban Chỉ đạo CCHC xã")


_DUMPS = Path(__file__).parent / "plan_dumps"


def _dump(name: str) -> tuple[dict, list[str]]:
    text = (_DUMPS / name).read_text(encoding="utf-8")
    truth = json.loads((_DUMPS / f"{name}.truth.json").read_text(encoding="utf-8"))
    return _convert(text), [r["task"] for r in truth["task_rows"]]


def _found(rows: list[TaskRow], truth: list[str]) -> tuple[int, int]:
    """(truth tasks read, rows read that are no truth task): the benchmark's match by task text."""
    used: set[int] = set()
    for task in truth:
        scores = [(fuzz.ratio(fold(task), fold(r.task)), k) for k, r in enumerate(rows) if k not in used]
        best = max(scores, default=(0.0, -1))
        if best[0] >= 80:
            used.add(best[1])
    return len(used), len(rows) - len(used)


def test_a_grid_whose_first_numbers_ocr_garbled_is_read():
    # Seed 455's P04 plan rasterised at 200 dpi, degraded, OCR'd (vie, psm 4): rows 1-3 print as
    # "I1 .1 Tổ chức …", "I6” Xây dựng …", "S b1 lề hành …", later ones as "ĐÁ MS) Công bố …",
    # "4l i35 Niêm yết …". Before, no row started (each waited for the number 1): nothing read.
    read, truth = _dump("s455-p04-i2-ocr-dump-d200.txt")
    found, invented = _found(read["tasks"], truth)
    assert (found, invented) == (14, 1)
    tasks = [r.task for r in read["tasks"]]
    assert any(t.startswith("Công bố danh mục văn bản hết hiệu lực") for t in tasks)  # not in row 6
    # Rows 1-3 lost are told (the numbered run it names is the plan's prose above the grid, "1. …
    # năm trước / 2. Điểm số …": the grid's own lines 1-3 print no number).
    (part,) = [p for p in read["unread"] if "task" in p.reason]
    assert part.kind == "rows"


def test_a_grid_whose_header_ocr_cut_is_read_by_its_rows_shape():
    # Seed 455's P04 plan at 150 dpi, degraded: the header's line cut in two ("TT - Tên nhiệm vụ
    # Kết quả, sản" / "Thời gian | Đầu mối thực | Đơn vị phối"), its repeat garbled ("Tên nhệm
    # vụ"). Joining the halves read 2 of 7 rows and invented 5: no header is read; the rows' own
    # shape (``task_shape``, on by default) reads all 7, inventing none.
    read, truth = _dump("s455-p04-i1-ocr-dump-d150.txt")
    assert _found(read["tasks"], truth) == (7, 0)
    assert all("columns_from_rows" in r.flags for r in read["tasks"])
    assert not [p for p in read["unread"] if "task" in p.reason]


def test_numbered_prose_is_no_task_grid():
    # A five-year plan's numbered aims name years and units, but print no grid's ruling bars.
    text = (
        "II. MỤC TIÊU, NHIỆM VỤ CỤ THỂ\n"
        "1. Đến năm 2030, 100% thủ tục hành chính của Ủy ban nhân dân xã được công khai.\n"
        "2. Công chức Văn phòng - Thống kê số hóa hồ sơ trong năm 2026.\n"
        "3. Bộ phận Một cửa tiếp nhận 100% hồ sơ đúng hạn đến năm 2030.\n"
    )
    assert not [p for p in _convert(text)["unread"] if "task" in p.reason]


def _ruled_page() -> np.ndarray:
    """A page's ink: a 4-column grid whose third row is a section title merged across (no inner
    rules) and whose fourth, cut by the page's foot, is one printed line high (40 px)."""
    ink = np.zeros((700, 900), dtype=bool)
    rows = [100, 300, 500, 550, 590]
    cols = [100, 300, 500, 700, 850]
    for y in rows:
        ink[y : y + 2, cols[0] : cols[-1] + 2] = True
    for x in (cols[0], cols[-1]):
        ink[rows[0] : rows[-1] + 2, x : x + 2] = True
    for x in cols[1:-1]:
        ink[rows[0] : rows[2] + 2, x : x + 2] = True  # rows 1–2
        ink[rows[3] : rows[4] + 2, x : x + 2] = True  # the cut row: a 40-px stub
    return ink


def test_a_short_column_rule_under_a_merged_row_keeps_the_cut_rows_cells():
    settings = OcrSettings()
    ink = _ruled_page()
    h, v = find_rules(ink, 142, settings.rule_merge_px), find_rules(ink.T, 142, settings.rule_merge_px)
    tol = settings.rule_merge_px * 3
    ys = sorted({round(r.pos) for r in h})
    xs = sorted({round(r.pos) for r in v})

    def last_row(rules):
        return sorted((c[2], c[4]) for c in _grid_cells(xs, ys, h, rules, tol, settings) if c[1] == len(ys) - 2)

    assert last_row(v) == [(0, 4)]  # the stubs too short for a rule: one cell across the row
    stubs = rule_stubs(ink, h, v, settings.rule_merge_px, tol)
    assert sorted(round(s.pos) for s in stubs) == [300, 500, 700]
    assert last_row(v + stubs) == [(0, 1), (1, 1), (2, 1), (3, 1)]
    # the merged section row above has no inner rule, so no stub: it stays one cell
    assert sorted((c[2], c[4]) for c in _grid_cells(xs, ys, h, v + stubs, tol, settings) if c[1] == 2) == [(0, 4)]


def test_a_task_row_whose_cells_merged_into_its_number_is_told():
    # Scan seed 435 s05-i1 before the short rules: the cut row came out as one cell, its words in
    # the number ("11 5.3 | Đánh giá …"); s05-i3: in the code ("5.4Cửcánbộ,côngchức…").
    def row(code, task, criterion_code="1.1"):
        return TaskRow(code=code, task=task, criterion_code=criterion_code, source=SourceRef(page=2, line_start=1))

    rows = [row(str(n), f"Nhiệm vụ {n}") for n in range(1, 11)]
    table = TaskTable(title="KHUNG KẾ HOẠCH", columns=["Số TT", "TC", "Nhiệm vụ", "Thời gian"], rows=rows)
    result = ExtractionResult(source=SourceInfo(path="x.pdf"), task_tables=[table])
    assert _textless_tasks(result, UnreadSettings()) == []  # read whole: nothing claimed
    table.rows.append(row("11 5.3 | Đánh giá, xếp loại cán bộ | Báo cáo", "năm"))
    table.rows.append(row("12", "", criterion_code="5.4Cửcánbộ,côngchứcthamgia"))
    (part,) = _textless_tasks(result, UnreadSettings())
    assert part.kind == "rows" and part.text_sample.startswith("11 5.3 | Đánh giá")
    assert part.reason.startswith("2 of the 12 rows")
