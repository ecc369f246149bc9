"""A plan's OCR'd task table whose header no reader found (issues 20, 16): the columns read from
the rows' own shape — a number (or what OCR made of it), a task's opening words, then a product,
a deadline, the lead unit and the coordinating ones, a criterion code, in the grid's order — and
the rows read under them. Numbered prose naming a unit and a time is no table.

The dumps are real Tesseract output: seed 473's P04 plans (``tools/make_corpus.py --seed 473
--families P04``), their PDFs rasterised at 200 dpi through the generator's own degradation and
OCR'd by ``tools/corpusgen/dumps.ocr_pdf`` with ``OcrDump(lang="vie", dpi=200, psm=4,
degrade=True)`` and the seed string "p04-iN-statements/d200"; the truth is the generator's."""

import json
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from extract.model import IngestedDocument
from extract.segment.task_line_settings import TaskLineSettings
from extract.segment.task_lines import find_task_lines
from extract.segment.task_shape import astray, row_cells
from extract.text_reader import parse_text
from normalize.text import fold
from schemas.records import ExtractionResult, SourceInfo, TaskRow

_DUMPS = Path(__file__).parent / "plan_dumps"


def _read(name: str) -> tuple[ExtractionResult, list[TaskRow], list[dict]]:
    """The dump's task tables with the shape rule on (``row_shapes``, off by default: see
    ``TaskLineSettings``), as the pipeline would read them."""
    doc = IngestedDocument(path="x.txt", format="txt", pages=parse_text((_DUMPS / name).read_text(encoding="utf-8")))
    result = ExtractionResult(source=SourceInfo(path="x.txt"))
    result.task_tables = find_task_lines(doc, TaskLineSettings(row_shapes=True))
    truth = json.loads((_DUMPS / f"{name}.truth.json").read_text(encoding="utf-8"))["task_rows"]
    return result, [r for t in result.task_tables for r in t.rows], truth


def _matched(rows: list[TaskRow], truth: list[dict]) -> dict[int, TaskRow]:
    """Each truth row's index → the row read for it (the benchmark's match by task text)."""
    used: dict[int, TaskRow] = {}
    for i, t in enumerate(truth):
        free = [r for r in rows if all(r is not u for u in used.values())]
        best = max(free, key=lambda r: fuzz.ratio(fold(t["task"]), fold(r.task)), default=None)
        if best is not None and fuzz.ratio(fold(t["task"]), fold(best.task)) >= 80:
            used[i] = best
    return used


def test_a_grid_with_a_codes_column_and_no_legible_header_is_read():
    # The header OCR glued to the sentence above ("… như sau:SIT1C 'Tên nhiệm vụ - Đơn vị chủ: |
    # Đơn vị phối Lộ trình Kết quả, sản"): the task's label lost, no header. Before, nothing read
    # (told as a table). The rows' first lines print number, code, task, lead, coordinators,
    # deadline, product ("2 12.4 | Công bố danh mục … | Công an xã Các ngành Trước ngày | Hồ sơ
    # lưu trữ"); rows 1, 7, 9, 12 print their numbers garbled ("1121", "T5 |)", "9/03", "121795").
    result, rows, truth = _read("s473-p04-i2-ocr-dump-d200.txt")
    (table,) = result.task_tables
    assert table.columns == ["code", "criterion_code", "task", "lead", "coordinator", "deadline", "product"]
    matched = _matched(rows, truth)
    assert (len(matched), len(rows)) == (14, 14)  # all read, none invented
    assert [r.code for r in rows] == [str(n) for n in range(1, 15)]
    assert all("columns_from_rows" in r.flags for r in rows)
    second = matched[1]
    assert (second.product, second.deadline, second.lead, second.coordinator, second.criterion_code) == (
        "Hồ sơ lưu trữ",
        "Trước ngày 26/06/2024",
        "Công an xã",
        "Các ngành liên quan",
        "2.4",
    )
    # A section row whose numeral OCR printed with a mark and a bar ("V- | XÂY DỰNG VÀ …") is a
    # section, not row 10's words.
    assert fold(matched[9].task) == fold("Xây dựng Quy chế chi tiêu nội bộ năm 2024")
    assert (matched[10].section, matched[10].product) == ("V", "Danh mục công bố")


def test_rows_whose_numbers_ocr_garbled_are_read_under_the_rows_shape():
    # Header "T | Chỉ Nội dung nhiệm vụ Hình thức sản | Thờihạn | Bộ phận chủ Bộ phận" names a
    # code column the rows print in no row's cell of its own; rows 1-4 print their numbers as
    # "160 2h.)", "2.42", "B851", "#153"; row 4's deadline as "[Ca năm" (one cell garbled: still a
    # row, its number, task, product and units in the table's order). Before, nothing read.
    result, rows, truth = _read("s473-p04-i3-ocr-dump-d200.txt")
    matched = _matched(rows, truth)
    assert (len(matched), len(rows)) == (7, 7)
    assert [r.code for r in rows] == ["1", "2", "3", "4", "5", "6", "7"]
    fourth = matched[3]
    assert fold(fourth.task) == fold("Đánh giá, xếp loại cán bộ, công chức cuối năm")
    assert (fourth.product, fourth.lead) == ("Quyết định", "Công chức Văn hóa - Xã hội")
    third = matched[2]
    assert (third.product, third.deadline, third.lead, third.coordinator) == (
        "Kế hoạch",
        "Tháng 07/2025",
        "Công chức Văn hóa - Xã hội",
        "Các ngành liên quan, UBMTTQ Việt Nam xã",
    )
    assert [r.section for r in rows] == ["I", "I", "II", "II", "II", "III", "III"]


def test_a_rows_first_line_names_its_cells_in_order():
    assert [
        k for k, _ in row_cells("2 12.4 | Công bố danh mục văn bảnhết - | Công an xã Các ngành Trước ngày") or []
    ] == [
        "criterion_code",
        "task",
        "lead",
        "coordinator",
        "deadline",
    ]
    # A wrapped line of a cell, a section row, a sentence with no unit: no row's first line.
    assert row_cells("hành pháp luật trên địa bàn xã Việt Nam xã | xuyên :") is None
    assert row_cells("II | CẢI CÁCH THỦ TỤC HÀNH CHÍNH") is None
    assert row_cells("1. Kết quả Chỉ số cải cách hành chính năm trước") is None


def test_numbered_sentences_naming_units_and_times_are_no_table():
    # Five numbered aims, each naming a unit and a time as a grid's row would: one line each (a
    # grid's narrow cells wrap) and two cells beside the task at most — no task row.
    text = (
        "II. NHIỆM VỤ TRỌNG TÂM\n"
        "1. Công chức Văn phòng - Thống kê hoàn thành số hóa hồ sơ trong Quý IV/2026.\n"
        "2. Bộ phận Một cửa tiếp nhận 100% hồ sơ đúng hạn, báo cáo Chủ tịch UBND xã Thường xuyên.\n"
        "3. Tiếp tục rà soát thủ tục hành chính, Công chức Tư pháp - Hộ tịch chủ trì, Tháng 6/2026.\n"
        "4. Nâng cao chất lượng phục vụ, Văn phòng HĐND và UBND xã theo dõi Trước ngày 30/6/2026.\n"
        "5. Kiện toàn Ban Chỉ đạo cải cách hành chính, Các bộ phận phối hợp, Quý I/2026.\n"
    )
    doc = IngestedDocument(path="x.txt", format="txt", pages=parse_text(text))
    assert not [r for t in find_task_lines(doc, TaskLineSettings(row_shapes=True)) for r in t.rows]


@pytest.mark.slow  # corpus-wide/property check: `pytest -m slow`
def test_a_grid_ocr_read_as_one_block_stays_told():
    # Seed 501's P04 plan i2 OCR'd as one block (psm 6, 200 dpi, degraded, as the module's
    # docstring says but ``psm=6``): the grid's columns' lines interleaved ("hành. phấp luật trên
    # địa bàn xã pháp - Hộ tịch | chuyên môn | IV/2025__" is three rows' wrapped words). The rows'
    # shape holds (a run of 9), but 7 of the rows read hold another column's words (a deadline in
    # a product: "Tháng [Hồs2MmuE T được cập nhật"; a unit cell broken: "'Công chức thôn Tài
    # chính - Kế toán ì ị chính hóa"); before the check it read 9 rows, 4 of them invented.
    _, rows, truth = _read("s501-p04-i2-ocr-dump-d200-psm6.txt")
    assert len(truth) == 16
    assert not [r for r in rows if "columns_from_rows" in r.flags]


def test_a_row_holding_another_columns_words_is_astray():
    row = TaskRow(task="Thực hiện chế độ báo cáo", product="Tháng [Hồs2MmuE được cập nhật", deadline="Quý IV/2025")
    assert astray(row)
    row = TaskRow(
        task="Xây dựng Kế hoạch theo dõi thi hành pháp luật",
        product="Quyết định",
        deadline="Quý I/2023",
        lead="Văn phòng HĐND và UBND",
        coordinator="Ban Chỉ đạo CCHC xã, Các đoàn thể",
    )
    assert not astray(row)


def test_a_header_glued_after_a_long_row_is_found_in_the_lines_tail_only():
    """A header OCR glued after a row's words is found in the line's tail; a long line's earlier
    cuts are not tried (a header is a few labels: trying every cut of a 4,000-character line
    folded its whole tail each time, quadratic)."""
    from extract.segment.task_line_rows import header_cut

    header = "STT | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành"
    row = "Rà soát, cập nhật thủ tục hành chính trên Cổng dịch vụ công của xã " * 3 + "Tân Lạc"
    glued = f"{row} {header}"
    cut = header_cut(glued, TaskLineSettings())
    assert cut is not None and len(row) - 20 <= cut <= len(row) + 1  # (short words may go with it)
    long_row = "công việc thường xuyên của xã " * 30
    # 150 words after the header: past the tail tried, it is not read as a glued header
    assert header_cut(f"{header} {long_row}", TaskLineSettings()) is None
    cut = header_cut(f"{long_row}{header}", TaskLineSettings())
    assert cut is not None and len(long_row) - 20 <= cut <= len(long_row)
