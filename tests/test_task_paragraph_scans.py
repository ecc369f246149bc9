"""Task paragraphs of a scanned plan (issue 14: no silent wrong field): their section, their
labels, their deadline's word confidence.

On a scan OCR may read a section heading's full stop as a comma ("2, Cải cách thủ tục hành
chính"): the heading was taken into the task paragraph above it (whose deadline became "Quý
IV/2024). 2, Cải cách thủ tục hành chính") and the tasks under it kept the section above, silently.
A heading read that way now heads its tasks; one the text loses altogether still shows in the
items' letters starting again under one heading, and those rows are doubted."""

from cchc_extract.reconcile import reconcile
from extract.model import IngestedDocument, Line, Page
from extract.segment.paragraphs import reading_lines
from extract.segment.task_doubt_settings import DOUBT
from extract.segment.task_paragraphs import find_task_paragraphs, item_mark
from schemas.records import ExtractionResult

TASK_A = "a) Xây dựng Kế hoạch tuyên truyền (chủ trì: Văn phòng - Thống kê; thời gian: Quý IV/2024)."
TASK_B = "b) Rà soát, đơn giản hóa thủ tục hành chính (chủ trì: Công chức Tư pháp - Hộ tịch; thời gian: Quý I/2024)."
TASK_C = "a) Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính (chủ trì: Công an xã; thời gian: Quý II/2024)."
TASK_D = "b) Tiếp nhận hồ sơ thủ tục hành chính đúng hạn (chủ trì: Công an xã; thời gian: Thường xuyên)."


def _page(*texts: str, fmt: str = "pdf", method: str = "ocr") -> IngestedDocument:
    """Lines 40 high, 8 apart (a paragraph's line spacing), one page."""
    lines, top = [], 100.0
    for k, text in enumerate(texts, start=1):
        bbox = (100.0, top, 2000.0, top + 40.0) if method == "ocr" else None
        lines.append(Line(text=text, page=1, number=k, bbox=bbox))
        top += 48.0
    return IngestedDocument(path=f"plan.{fmt}", format=fmt, pages=[Page(number=1, blocks=lines, method=method)])


def test_a_heading_read_with_a_comma_starts_a_paragraph_after_a_closed_sentence():
    doc = _page("1. Công tác chỉ đạo điều hành", TASK_A, "2, Cải cách thủ tục hành chính |", TASK_C)
    assert [ln.text for ln in reading_lines(doc)] == [
        "1. Công tác chỉ đạo điều hành",
        TASK_A,
        "2, Cải cách thủ tục hành chính |",
        TASK_C,
    ]
    # a line opening with a number and a comma inside a sentence going on stays in its paragraph
    doc = _page("Đã giải quyết hồ sơ của các năm 2023,", "2024, Các hồ sơ còn lại chuyển sang năm sau.")
    assert len(reading_lines(doc)) == 1


def test_a_heading_read_with_a_comma_heads_the_tasks_under_it():
    doc = _page("1. Công tác chỉ đạo điều hành", TASK_A, TASK_B, "2, Cải cách thủ tục hành chính |", TASK_C, TASK_D)
    (table,) = find_task_paragraphs(doc)
    assert [(r.section, r.deadline) for r in table.rows] == [
        ("1", "Quý IV/2024"),
        ("1", "Quý I/2024"),
        ("2", "Quý II/2024"),
        ("2", "Thường xuyên"),
    ]
    assert table.rows[2].section_title == "Cải cách thủ tục hành chính"
    assert not any(f.startswith(DOUBT) for r in table.rows for f in r.flags)


def test_items_lettered_again_under_one_heading_doubt_their_section():
    # a text dump whose second heading OCR garbled past reading ("2 Cải cách thủ tục hành chính"
    # with its number's mark lost is no heading): the items start at "a)" again under heading 1
    doc = _page(
        "1. Công tác chỉ đạo điều hành", TASK_A, TASK_B, "2 Cải cách thủ tục hành chính", TASK_C, TASK_D, fmt="txt"
    )
    doc.pages[0].method = "text"
    (table,) = find_task_paragraphs(doc)
    doubted = [any(f.startswith(f"{DOUBT}section:") for f in r.flags) for r in table.rows]
    assert [r.section for r in table.rows] == ["1"] * 4
    assert doubted == [False, False, True, True]
    # each doubted row is one entry of the review queue, with the reason
    result = ExtractionResult(task_tables=[table])
    reconcile(result)
    items = {r.item: r for r in result.review}
    assert "/task_tables/0/rows/2" in items and "/task_tables/0/rows/3" in items
    assert "/task_tables/0/rows/1" not in items
    assert "heading" in str(items["/task_tables/0/rows/2"].reason)


def test_a_typed_plans_items_are_not_doubted():
    # a typed document prints what it means: a list lettered again under one heading is its own
    doc = _page("1. Công tác chỉ đạo điều hành", TASK_A, TASK_B, "Các nhiệm vụ khác", TASK_C, fmt="docx", method="docx")
    (table,) = find_task_paragraphs(doc)
    assert not any(f.startswith(DOUBT) for r in table.rows for f in r.flags)


def test_item_marks():
    assert item_mark("a) Xây dựng") == ("letter", 0)
    assert item_mark("đ) Xây dựng") == ("letter", 4)
    assert item_mark("1.3. Xây dựng") == ("number", 3)
    assert item_mark("- Xây dựng") is None


def test_a_scanned_paragraph_gives_its_deadlines_least_word_confidence():
    from extract.model import Word

    text = "a) Số hóa hồ sơ (chủ trì: Công an xã; thời hạn: Quý I/2024; phối hợp: Các ngành liên quan)."
    confs = {"I/2024;": 0.74, "Quý": 0.93}
    line = Line(text=text, page=1, number=1, words=[Word(w, conf=confs.get(w, 0.96)) for w in text.split()])
    doc = IngestedDocument(path="plan.pdf", format="pdf", pages=[Page(number=1, blocks=[line], method="ocr")])
    (table,) = find_task_paragraphs(doc)
    assert "deadline_word_conf:0.74" in table.rows[0].flags


def test_a_stroke_read_as_a_letter_inside_a_label_leaves_it_a_label():
    # S05 seed 571: "Thời gian thực I hiện:" (a speck between the words read as "I") was no label,
    # and the deadline ran into the lead ("Phòng Văn hóa - Xã hội; Thời gian thực I hiện: Cả năm 2026")
    from extract.segment.task_paragraphs import parse_task

    text = "a) Xây dựng Kế hoạch (chủ trì: Phòng Văn hóa - Xã hội; Thời gian thực I hiện: Cả năm 2026)."
    fields = parse_task(text)
    assert fields is not None
    assert (fields["lead"], fields["deadline"]) == ("Phòng Văn hóa - Xã hội", "Cả năm 2026")
    # any lone letter a speck was read as ("chủ c trì:"), not only a stroke's "I"
    text = "b) Kiểm tra việc chấp hành kỷ luật (phối hợp: Các đoàn thể; chủ c trì: Công chức Địa chính - Xây dựng)."
    fields = parse_task(text)
    assert fields is not None
    assert (fields["coordinator"], fields["lead"]) == ("Các đoàn thể", "Công chức Địa chính - Xây dựng")


def test_specks_before_an_item_or_a_heading_and_a_lost_bracket_do_not_glue_paragraphs():
    # A 150-dpi scan of a paragraph plan: specks before an item (". b)", "._4.") and before a part's
    # heading whose full stop was read as a letter ("_ IL CHỈ TIÊU CỤ THỂ"), and a task whose ")"
    # OCR lost ("… sản phẩm:: Danh mục công bối.") before the next section's heading.
    doc = _page(
        "Triển khai đồng bộ các nhiệm vụ cải cách hành chính.",
        "_ IL CHỈ TIÊU CỤ THỂ",
        "+ Tỷ lệ thanh toán trực tuyến phí, lệ phí đạt 57% trở lên.",
        "III. NHIỆM VỤ CỤ THỂ",
        "1. Công tác chỉ đạo điều hành",
        "a) Xây dựng Kế hoạch theo dõi thi hành pháp luật (chủ trì: Phòng Kinh tế; thời gian: Cả năm",
        "2023; sản phẩm:: Danh mục công bố.",
        "2. Cải cách thể chế",
        ". b) Rà soát văn bản (chủ trì: Công an xã; thời gian: Quý II/2023).",
        "._3. Cải cách chế độ công vụ",
        "a) Kiểm tra việc chấp hành kỷ luật (chủ trì: Công an xã; thời gian: Tháng 03/2023).",
    )
    lines = [ln.text for ln in reading_lines(doc)]
    assert {"_ IL CHỈ TIÊU CỤ THỂ", "2. Cải cách thể chế", "._3. Cải cách chế độ công vụ"} <= set(lines)
    rows = [r for t in find_task_paragraphs(doc) for r in t.rows]
    assert [(r.section, r.task, r.product) for r in rows] == [
        ("1", "Xây dựng Kế hoạch theo dõi thi hành pháp luật", "Danh mục công bố"),
        ("2", "Rà soát văn bản", ""),
        ("3", "Kiểm tra việc chấp hành kỷ luật", ""),
    ]
    from extract.segment.targets import find_targets

    assert [(t.value, t.comparator) for t in find_targets(doc)] == [(57, ">=")]


def test_a_comma_heading_behind_a_scans_speck_heads_the_tasks_under_it():
    # "_ 2, Cải cách …": a speck before the number as a scan prints before any heading's, and the
    # full stop read as a comma; the dashed tasks under it are section 2's, not section 1's.
    task_e = "- Ban hành Kế hoạch kiểm tra công tác cải cách. Chủ trì: Công an xã. Thời gian: Trước ngày 06/04/2023."
    task_f = "- Niêm yết, công khai thủ tục hành chính. Chủ trì: Công an xã. Thời gian hoàn thành: Quý III/2023."
    task_g = "- Rà soát, đề xuất đơn giản hóa thủ tục hành chính. Chủ trì: Công an xã. Thời hạn: Trước ngày 25/04/2023."
    doc = _page("1. Công tác chỉ đạo điều hành", task_e, "_ 2, Cải cách thủ tục hành chính", task_f, task_g)
    (table,) = find_task_paragraphs(doc)
    assert [(r.section, r.deadline) for r in table.rows] == [
        ("1", "Trước ngày 06/04/2023"),
        ("2", "Quý III/2023"),
        ("2", "Trước ngày 25/04/2023"),
    ]
    assert table.rows[1].section_title == "Cải cách thủ tục hành chính"
    # a speck read as a dash before the number ("- 1, Công tác …") is no bullet: a bullet opens no
    # numbered title
    doc = _page("- 1, Công tác chỉ đạo điều hành", task_e, "2, Cải cách thủ tục hành chính", task_f)
    (table,) = find_task_paragraphs(doc)
    assert [(r.section, r.section_title) for r in table.rows] == [
        ("1", "Công tác chỉ đạo điều hành"),
        ("2", "Cải cách thủ tục hành chính"),
    ]


def test_a_product_label_whose_comma_ocr_set_apart():
    # S05 scan (dev seed 1653, --degrade extreme): "kết quả, sản ì phẩm:" (a stroke read between
    # its words) crashed the reading of the whole task list (KeyError 'ket qua san pham')
    doc = _page(
        "3.1. Triển khai thanh toán trực tuyến phí, lệ phí thủ tục hành chính; kết quả, sản ì phẩm: Danh mục "
        "công bố; thời gian: 14/12/2023; Phối hợp thực hiện: UBMTTQ Việt Nam xã; bộ phận chủ trì: Công an xã."
    )
    (row,) = [r for t in find_task_paragraphs(doc) for r in t.rows]
    assert (row.product, row.deadline, row.lead) == ("Danh mục công bố", "14/12/2023", "Công an xã")


def test_specks_after_the_bracket_closing_a_tasks_fields_are_no_part_of_its_last_field():
    from extract.segment.task_paragraphs import parse_task

    # A held-out scan's line (Tesseract vie psm 6): the margin's specks after the closing bracket.
    line = (
        "a) Xây dựng, ban hành Kế hoạch cải cách hành chính năm 2024 (thời gian: Thường xuyên; bộ phận chủ"
        ' trì: Công chức Tư pháp - Hộ tịch; kết quả, sản phẩm: Hồ sơ lưu trữ). — - . "'
    )
    task = parse_task(line)
    assert task is not None and task["product"] == "Hồ sơ lưu trữ" and task["deadline"] == "Thường xuyên"
