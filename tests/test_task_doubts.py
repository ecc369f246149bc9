"""Task fields OCR read carry no word confidence; the text's own signs of a misreading flag the
row and the review queue enters it (extract/segment/task_doubts.py). The readings are an OCR
dump's of a fictional commune's plan (the kinds the corpus's plan dumps show)."""

from cchc_extract.pipeline import PipelineOptions, convert_document
from cchc_extract.reconcile import reconcile
from extract.model import IngestedDocument
from extract.segment.task_deadline_doubts import stroke_doubts
from extract.segment.task_doubt_settings import DOUBT
from extract.segment.task_doubts import doubt_tasks
from extract.text_reader import parse_text
from schemas.records import ExtractionResult, SourceInfo, TaskRow, TaskTable


def _table(*rows: TaskRow) -> list[TaskTable]:
    return [TaskTable(title="Phụ lục", rows=list(rows))]


def _doubts(row: TaskRow) -> list[str]:
    return [f for f in row.flags if f.startswith(DOUBT)]


def test_a_word_no_syllable_flags_the_row_and_abbreviations_do_not():
    garbled = TaskRow(task="Niâm yết, công khai thủ tục hành chính", lead="Công chức Tư pháp - Hộ tịch")
    clean = TaskRow(task="Rà soát văn bản do HĐND, UBND xã ban hành", lead="Văn phòng HĐND và UBND")
    out = doubt_tasks(_table(garbled, clean), ocr=True, period="năm 2025")[0].rows
    assert len(_doubts(out[0])) == 1 and "'Niâm'" in _doubts(out[0])[0]
    assert _doubts(out[1]) == []


def test_an_arabic_quarter_is_read_roman_and_queued_with_its_reading():
    row = TaskRow(task="Công khai dự toán, quyết toán ngân sách xã", deadline="Quý 1/2025")
    twice = TaskRow(task="Đánh giá, xếp loại cán bộ, công chức", deadline="Quý 11/2025")
    printed = TaskRow(task="Thực hiện quy chế làm việc", deadline="Quý IV/2025")
    out = doubt_tasks(_table(row, twice, printed), ocr=True, period="năm 2025")[0].rows
    assert [r.deadline for r in out] == ["Quý I/2025", "Quý II/2025", "Quý IV/2025"]
    assert "'Quý 1/2025'" in _doubts(out[0])[0] and _doubts(out[2]) == []


def test_a_quarter_numeral_that_is_no_quarter_is_doubted():
    bad = TaskRow(task="Công khai dự toán, quyết toán ngân sách xã", deadline="Quý IIII/2025")
    good = TaskRow(task="Thực hiện quy chế làm việc", deadline="Quý IV/2025")
    out = doubt_tasks(_table(bad, good), ocr=True, period="năm 2025")[0].rows
    assert any("'IIII' is none of I-IV" in d for d in _doubts(out[0])) and _doubts(out[1]) == []


def test_quarters_listed_out_of_order_are_doubted():
    # held-out OCR dumps of a plan read "Quý II - III" as "Quý II - II" and "Quý I, II, III, IV" as
    # "Quý I, II, II, IV": each numeral a quarter, the list not; those rows went unqueued
    lost = TaskRow(task="Tổ chức phổ biến, giáo dục pháp luật", deadline="Quý II - II")
    listed = TaskRow(task="Rà soát, kiểm tra văn bản", deadline="Quý I, II, II, IV")
    good = TaskRow(task="Niêm yết, công khai thủ tục hành chính", deadline="Quý II - III")
    every = TaskRow(task="Thực hiện quy chế làm việc", deadline="Quý I, II, III, IV")
    out = doubt_tasks(_table(lost, listed, good, every), ocr=True)[0].rows
    assert [bool(_doubts(r)) for r in out] == [True, True, False, False]
    assert "'Quý II - II'" in _doubts(out[0])[0]
    assert doubt_tasks(_table(lost), ocr=False)[0].rows[0].flags == []  # a typed plan is what it prints


def test_a_products_predicate_at_the_tasks_end_goes_back_to_the_product():
    row = TaskRow(
        task="Xây dựng Quy chế chi tiêu nội bộ năm 2025 được cập nhật", product="Trang thông tin", flags=["from_lines"]
    )
    whole = TaskRow(task="Niêm yết thủ tục hành chính", product="Trang thông tin được cập nhật", flags=["from_lines"])
    out = doubt_tasks(_table(row, whole), ocr=True)[0].rows
    assert out[0].task == "Xây dựng Quy chế chi tiêu nội bộ năm 2025"
    assert out[0].product == "Trang thông tin được cập nhật"
    # a mend the row notes, not a doubt the queue asks about
    assert _doubts(out[0]) == [] and any(f.startswith("product_predicate_moved") for f in out[0].flags)
    assert _doubts(out[1]) == []


def test_a_deadline_outside_the_plans_period_and_typed_plans_untouched():
    late = TaskRow(task="Tổ chức phổ biến pháp luật", deadline="Tháng 03/2052")
    assert _doubts(doubt_tasks(_table(late), ocr=True, period="năm 2025")[0].rows[0])
    typed = doubt_tasks(_table(late, TaskRow(task="Niâm yết", deadline="Quý 1/2025")), ocr=False, period="năm 2025")
    assert all(_doubts(r) == [] for r in typed[0].rows) and typed[0].rows[1].deadline == "Quý 1/2025"


def test_the_queue_enters_a_doubted_row_once_with_its_reason():
    result = ExtractionResult()
    result.task_tables = doubt_tasks(
        _table(TaskRow(task="Tiấp nhận hồ sơ thủ tục hành chính", deadline="Quý 1/2025", confidence=0.85)), ocr=True
    )
    reconcile(result)
    entries = [r for r in result.review if r.item == "/task_tables/0/rows/0"]
    assert len(entries) == 1
    assert "'Tiấp'" in entries[0].reason and "'Quý 1/2025'" in entries[0].reason


def test_a_tone_mark_its_neighbours_refuse_is_put_right_and_queued():
    product = TaskRow(task="Công khai dự toán, quyết toán ngân sách xã", product="Biên bản kiếm tra")
    task = TaskRow(task="Tổ chức phổ biến pháp luật cho cán bộ và nhân dần")
    right = TaskRow(task="Xây dựng Quy chế chi tiêu nội bộ", product="Biên bản kiểm tra")
    out = doubt_tasks(_table(product, task, right), ocr=True)[0].rows
    assert (out[0].product, out[1].task) == ("Biên bản kiểm tra", "Tổ chức phổ biến pháp luật cho cán bộ và nhân dân")
    assert "'kiếm' read" in _doubts(out[0])[0] and _doubts(out[2]) == []


def test_a_quarter_spelt_from_look_alikes_is_doubted():
    assert stroke_doubts("Quý 1/2024", "Quý I/2024") and stroke_doubts("Quý lI/2024", "Quý II/2024")
    assert stroke_doubts("Quý II/2024", "Quý II/2024") == [] and stroke_doubts("Tháng 1/2024", "Tháng 1/2024") == []


def test_a_quarter_numeral_of_a_stroke_run_is_doubted_and_kept():
    run = TaskRow(task="Rà soát, kiểm tra văn bản quy phạm pháp luật", deadline="Quý II/2025")
    lone = TaskRow(task="Đánh giá, xếp loại cán bộ, công chức", deadline="Quý IV/2025")  # no run of strokes
    out = doubt_tasks(_table(run, lone), ocr=True, period="năm 2025")[0].rows
    assert out[0].deadline == "Quý II/2025" and "'II'" in _doubts(out[0])[0]
    assert _doubts(out[1]) == []


def test_a_cell_the_grammar_of_deadlines_and_units_does_not_read_is_doubted():
    merged = TaskRow(
        task="Tổ chức phổ biến, giáo dục pháp luật cho cán bộ",
        deadline="28/12/2025 và nhân dân",
        lead="Công chức Văn hóa - Xã hội",
    )
    cut = TaskRow(task="Niêm yết thủ tục hành chính", deadline="Cả năm 2025", lead="Văn phòng HĐND và")
    whole = [
        TaskRow(
            task="Niêm yết thủ tục hành chính",
            deadline="Quý IV/2025",
            lead="Công an xã",
            coordinator="Các thôn, tổ dân phố",
        )
        for _ in range(10)
    ]
    out = doubt_tasks(_table(merged, cut, *whole), ocr=True, period="năm 2025")[0].rows
    assert any(d.startswith(f"{DOUBT}deadline: '28/12/2025 và nhân dân'") for d in _doubts(out[0]))
    assert any(d.startswith(f"{DOUBT}lead: 'Văn phòng HĐND và'") for d in _doubts(out[1]))
    assert all(_doubts(r) == [] for r in out[2:])


def test_a_plan_writing_its_own_deadlines_is_not_doubted_row_after_row():
    own = [
        TaskRow(task="Niêm yết thủ tục hành chính", deadline=f"Hoàn thành trước ngày {d}/6/2025") for d in range(10, 20)
    ]
    out = doubt_tasks(_table(*own), ocr=True, period="năm 2025")[0].rows
    assert all(_doubts(r) == [] for r in out)


def test_a_word_with_a_stray_letter_is_put_right_and_queued():
    row = TaskRow(task="Công khai dự toán, quyết toán ngân sách xã", product="Danh mục công bối")
    printed = TaskRow(task="Công khai dự toán, quyết toán ngân sách xã", product="Danh mục công bố")
    out = doubt_tasks(_table(row, printed), ocr=True, period="năm 2025")[0].rows
    assert out[0].product == "Danh mục công bố" and "'bối' read" in _doubts(out[0])[0]
    assert _doubts(out[1]) == []


def test_a_stroke_run_tesseract_read_sure_on_a_scan_is_not_doubted():
    # A scanned plan's paragraph reader gives the deadline's least word confidence: "Quý
    # III/2024" read at 0.83 is taken as read; "Quý I/2024" at 0.74 (printed "Quý II/2024", S05
    # seed 570) stays doubted, and so does a row with no confidence (a text dump).
    sure = TaskRow(task="Rà soát, kiểm tra văn bản", deadline="Quý III/2024", flags=["deadline_word_conf:0.83"])
    unsure = TaskRow(task="Số hóa hồ sơ", deadline="Quý I/2024", flags=["deadline_word_conf:0.74"])
    dump = TaskRow(task="Số hóa hồ sơ", deadline="Quý I/2024")
    out = doubt_tasks(_table(sure, unsure, dump), ocr=True, period="năm 2024")[0].rows
    assert [bool(_doubts(r)) for r in out] == [False, True, True]


def test_a_whole_code_put_by_its_sections_codes_is_doubted():
    # task_codes put "6.3" (read whole) to "3.3" by the codes of the section above it: the section
    # may be the wrong guess (its heading lost), so the row goes to review with both; a code with
    # a letter for a digit ("D.1") is no code as read and is not doubted.
    put = TaskRow(
        task="Xây dựng Quy chế chi tiêu nội bộ", criterion_code="3.3", flags=["criterion_code_from_document:6.3"]
    )
    letter = TaskRow(task="Công khai ngân sách", criterion_code="5.1", flags=["criterion_code_from_document:D.1"])
    out = doubt_tasks(_table(put, letter), ocr=True)[0].rows
    assert _doubts(out[0]) == [f"{DOUBT}criterion_code: read '6.3', put '3.3' by its section's other codes"]
    assert _doubts(out[1]) == []


def test_specks_read_as_marks_inside_words_are_taken_out_and_a_colon_in_a_name_doubted():
    rows = [
        TaskRow(task="Niêm yết, công khai thủ tục- hành chính", product="Trang-thông tin được cập nhật"),
        TaskRow(task="Cử cán bộ, công chức tham gia .đào tạo, bồi dưỡng", lead="Công chức Tư pháp - Hộ tịch"),
        TaskRow(task="Thực hiện chế độ báo cáo định kỳ: về cải cách hành chính"),
        TaskRow(task="Vận hành hệ thống theo TCVN ISO 9001:2015", lead="Văn phòng - Thống kê"),
    ]
    out = doubt_tasks(_table(*rows), ocr=True)[0].rows
    assert (out[0].task, out[0].product) == ("Niêm yết, công khai thủ tục hành chính", "Trang thông tin được cập nhật")
    assert out[1].task == "Cử cán bộ, công chức tham gia đào tạo, bồi dưỡng"
    assert out[1].lead == "Công chức Tư pháp - Hộ tịch"
    assert any("colon" in d for d in _doubts(out[2]))
    product = doubt_tasks(
        _table(TaskRow(task="Triển khai thanh toán trực tuyến", product="Danh: mục công bố")), ocr=True
    )
    assert any("product" in d and "colon" in d for d in _doubts(product[0].rows[0]))
    assert out[3] == rows[3]  # a standard's number and a unit's spaced dash are the plan's own


def test_a_criterion_code_with_no_dot_among_dotted_codes_is_doubted():
    # "|1" for 5.1: OCR lost the code's first digit and dot; the table's other codes print one.
    tasks = ["Sắp xếp, bố trí người hoạt động", "Rà soát chức năng, nhiệm vụ", "Cử cán bộ tham gia đào tạo"]
    codes = ["4.1", "4.1", "1", "5.1", "5.4"]
    rows = [TaskRow(task=tasks[k % 3], criterion_code=c) for k, c in enumerate(codes)]
    [table] = doubt_tasks(_table(*rows), ocr=True)
    doubted = [r.criterion_code for r in table.rows if any("criterion_code:" in f and "no dot" in f for f in r.flags)]
    assert doubted == ["1"]
    # A plan numbering its criteria by whole numbers prints no dots: nothing doubted.
    whole = [TaskRow(task=tasks[k % 3], criterion_code=c) for k, c in enumerate(["1", "2", "3", "4"])]
    [table] = doubt_tasks(_table(*whole), ocr=True)
    assert not any("no dot" in f for r in table.rows for f in r.flags)


def test_a_criterion_numbered_past_nine_among_codes_under_ten_is_doubted():
    # "| 2.4 |" read "2.44": a bar read as a digit; the table's other codes stay under 10.
    tasks = ["Sắp xếp, bố trí người hoạt động", "Rà soát chức năng, nhiệm vụ", "Cử cán bộ tham gia đào tạo"]
    rows = [TaskRow(task=tasks[k % 3], criterion_code=c) for k, c in enumerate(["2.3", "2.44", "3.4", "3.5", "7.1"])]
    [table] = doubt_tasks(_table(*rows), ocr=True)
    doubted = [r.criterion_code for r in table.rows if any("past 9" in f for f in r.flags)]
    assert doubted == ["2.44"]
    # A set whose field numbers its criteria past 9 elsewhere in the table: nothing doubted.
    rows = [TaskRow(task=tasks[k % 3], criterion_code=c) for k, c in enumerate(["2.3", "2.44", "2.12", "3.5"])]
    [table] = doubt_tasks(_table(*rows), ocr=True)
    assert not any("past 9" in f for r in table.rows for f in r.flags)


def test_a_stroke_read_before_a_criterion_code_is_dropped_and_the_code_doubted():
    # A spent P04 dump: "2 |1 1.3 Xây dựng Kế hoạch …": the code column's bar read as a "1".
    tasks = ["Xây dựng Kế hoạch tuyên truyền", "Rà soát chức năng, nhiệm vụ", "Cử cán bộ tham gia đào tạo"]
    rows = [TaskRow(task=t, criterion_code=c) for t, c in zip(tasks, ["1.2", "1 1.3", "| 2.4"], strict=True)]
    out = doubt_tasks(_table(*rows), ocr=True)[0].rows
    assert [r.criterion_code for r in out] == ["1.2", "1.3", "2.4"]
    assert [sum("a stroke before the code" in f for f in r.flags) for r in out] == [0, 1, 1]
    # a code of two parts with a space inside ("1 13") is no stroke and a code: left to the other doubts
    assert (
        doubt_tasks(_table(TaskRow(task=tasks[0], criterion_code="1 13")), ocr=True)[0].rows[0].criterion_code == "1 13"
    )


def test_a_dash_closing_a_tasks_or_products_words_is_taken_out_and_a_units_kept():
    rows = [
        TaskRow(task="Rà soát chức năng, nhiệm vụ của các bộ phận chuyên môn -", product="Biên bản kiểm tra -"),
        TaskRow(task="Thực hiện quy chế làm việc của UBND xã", lead="Công chức Địa chính -"),
    ]
    out = doubt_tasks(_table(*rows), ocr=True)[0].rows
    assert out[0].task == "Rà soát chức năng, nhiệm vụ của các bộ phận chuyên môn"
    assert out[0].product == "Biên bản kiểm tra"
    assert out[1].lead == "Công chức Địa chính -"  # a unit cut short stays as read (the grammar's to doubt)


def test_a_small_letters_capital_shape_inside_a_phrase_is_lowered_and_a_name_kept():
    # OCR read the small "x" of "xếp" a size too large: "Sắp Xếp"; "sắp" almost always takes
    # "xếp" next. "Sở Nội vụ" is a name the plan capitalises: "cáo" rarely takes "sở".
    misread = TaskRow(task="Sắp Xếp, bố trí người hoạt động không chuyên trách ở thôn", product="Kế hoạch")
    named = TaskRow(task="Thực hiện chế độ báo cáo định kỳ", product="Báo cáo Sở Nội vụ")
    out = doubt_tasks(_table(misread, named), ocr=True, period="năm 2025")[0].rows
    assert out[0].task == "Sắp xếp, bố trí người hoạt động không chuyên trách ở thôn"
    assert out[1].product == "Báo cáo Sở Nội vụ"
    # a mend the text shows, not a doubt: no entry for either row
    assert _doubts(out[0]) == [] and _doubts(out[1]) == []
    assert any(f.startswith("capital_lowered") for f in out[0].flags)


_PARAGRAPH_PLAN = """ỦY BAN NHÂN DÂN XÃ AN THẠNH
Số: 41/KH-UBND An Thạnh, ngày 20 tháng 12 năm 2024
KẾ HOẠCH
Thực hiện công tác cải cách hành chính năm 2025
II. NHIỆM VỤ CỤ THỂ
1. Cải cách thể chế
- Rà soát, kiểm tra văn bản quy phạm pháp luật do HĐND, UBND xã ban hành. Chủ trì: Công an xã.
Thời gian: Quý III/2025. Sản phẩm: Báo cáo.
- Niêm yết, công khai thủ tục hành chính tại Bộ phận Một cửa. Sản phẩm: Biên bản kiểm tra. Chủ
trì: Phòng Kinh tế. Thời gian: Quý I1I/2025.
- Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính. Chủ trì: Văn phòng - Thống kê. Thời gian:
Quý II/2025. Sản phẩm: Kế hoạch.
"""


def test_a_quarter_printed_as_three_strokes_is_read_as_printed():
    # No lost stroke makes "III" (the longest run): read as printed. A stroke OCR added comes as a
    # look-alike ("I1I" for II): doubted with its reading; a run of two may have lost one: doubted.
    from extract.model import IngestedDocument
    from extract.segment.task_paragraphs import find_task_paragraphs
    from extract.text_reader import parse_text

    doc = IngestedDocument(path="plan.txt", format="txt", pages=parse_text(_PARAGRAPH_PLAN))
    rows = doubt_tasks(find_task_paragraphs(doc), ocr=True, period="năm 2025")[0].rows
    assert [r.deadline for r in rows] == ["Quý III/2025", "Quý III/2025", "Quý II/2025"]
    doubts = [[f for f in _doubts(r) if "quarter" in f] for r in rows]
    assert doubts[0] == []
    assert doubts[1] == [f"{DOUBT}deadline: quarter numeral read 'Quý I1I/2025', its strokes counted 'Quý III/2025'"]
    assert doubts[2] == [f"{DOUBT}deadline: quarter numeral 'II' is a run of strokes OCR may miscount"]


def test_a_quarter_spelt_from_an_h_is_doubted_whatever_count_it_spells():
    # An "H" is two strokes read together or one with a speck: "Quý HI" is spelt III and may be
    # the II printed, so even the longest run keeps its doubt when an H made it.
    from extract.segment.task_paragraphs import find_task_paragraphs

    plan = _PARAGRAPH_PLAN.replace("Thời gian: Quý III/2025", "Thời gian: Quý HI/2025").replace(
        "Quý I1I/2025", "Quý IH/2025"
    )
    doc = IngestedDocument(path="plan.txt", format="txt", pages=parse_text(plan))
    rows = doubt_tasks(find_task_paragraphs(doc), ocr=True, period="năm 2025")[0].rows
    assert [r.deadline for r in rows] == ["Quý III/2025", "Quý III/2025", "Quý II/2025"]
    doubts = [[f for f in _doubts(r) if "quarter" in f] for r in rows]
    assert doubts[0] == [f"{DOUBT}deadline: quarter numeral read 'Quý HI/2025', its strokes counted 'Quý III/2025'"]
    assert doubts[1] == [f"{DOUBT}deadline: quarter numeral read 'Quý IH/2025', its strokes counted 'Quý III/2025'"]


def test_an_h_tesseract_was_sure_of_on_a_scan_is_the_strokes_it_saw():
    # A scanned paragraph notes its deadline words' confidence: sure of "Quý H" (0.91), the H is
    # the two strokes Tesseract saw, as a run of I's it is sure of is; unsure (0.44), or a dump
    # with no confidence, the H's count is doubted.
    from extract.segment.task_deadline_doubts import strokes_read_sure
    from extract.segment.task_doubt_settings import DEADLINE_WORD_CONF

    sure = TaskRow(task="Duy trì Trang thông tin điện tử của xã", flags=[f"{DEADLINE_WORD_CONF}:0.91"])
    unsure = TaskRow(task="Duy trì Trang thông tin điện tử của xã", flags=[f"{DEADLINE_WORD_CONF}:0.44"])
    assert strokes_read_sure(sure) and not strokes_read_sure(unsure)
    assert stroke_doubts("Quý H/2025", "Quý II/2025", words_sure=strokes_read_sure(sure)) == []
    assert stroke_doubts("Quý IH/2025", "Quý III/2025", words_sure=strokes_read_sure(sure)) == []
    assert stroke_doubts("Quý IH/2025", "Quý III/2025", words_sure=strokes_read_sure(unsure))
    assert stroke_doubts("Quý 1/2025", "Quý I/2025", words_sure=True)  # a digit for a stroke stays doubted


# An OCR dump of a fictional commune's index plan (the corpus's P04 layout): the statements give
# field 4's criteria only; row 3's code "5.4" OCR read "9.4", row 4's "5.3" read "196.3" (specks run into its
# field) and row 7's "1.5" read "{145" ("4.5");
# row 1's comma lost its space ("kỷ luật,kỷ cương").
# Specks of the grid's rules ("_", "-_|") say the text is OCR's.
_CODES_OF_ANOTHER_FIELD = """UỶ BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ AN PHÚ Độc lập - Tự do - Hạnh phúc
Số: 21/KH-UBND An Phú, ngày 12 tháng 03 năm 2025
KẾ HOẠCH
Nâng cao Chỉ số cải cách hành chính năm 2025
Lĩnh vực 4. Cải cách tổ chức bộ máy đạt 2,75/5 điểm
+ Tiêu chí 4.1: Thực hiện quy định về tổ chức bộ máy, đạt 2 điểm/2 điểm.
+ Tiêu chí 4.3: Bố trí người hoạt động không chuyên trách, đạt 0,75 điểm/1,5 điểm.
II. NHIỆM VỤ, GIẢI PHÁP KHẮC PHỤC
S | Tiêu Nội dung nhiệm vụ Hình thức sản Lộ trình Chủ trì Bộ phận
TỊ chí phẩm phối hợp
T
I | CẢI CÁCH CHẾ ĐỘ CÔNG VỤ
1 | 5.1 Kiểm tra việc chấp hành kỷ luật,kỷ Biên bản kiểm | Thường Bộ phận Một | Ban Chỉ đạo
cương hành chính tra xuyên cửa CCHC xã _
2 | 5.2 Cử cán bộ, công chức tham gia Kế hoạch Quý IV/2025 | Văn phòng Các thôn, tổ
đào tạo, bồi dưỡng HĐND và dân phố
UBND
3 | 9.4 Đánh giá, xếp loại cán bộ, công Báo cáo Tháng Công chức Các đoàn thể
chức cuối năm 12/2025 Văn hóa - Xã
hội
4 196.3 Chấp hành quy định về thời giờ Kế hoạch Quý IV/2025 | Văn phòng Các thôn, tổ
làm việc HĐND và dân phố
UBND
II | CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH
5 | 1.2 Xây dựng Kế hoạch tuyên truyền Kế hoạch 11/06/2025 | Văn phòng Các bộ phận
cải cách hành chính HĐND và chuyên môn
UBND
6 | 1.1 Ban hành Kế hoạch kiểm tra công | Thông báo Cả năm Văn phòng - Các ngành
tác cải cách hành chính 2025 Thống kê liên quan -_|
7 {145 Thực hiện chế độ báo cáo định kỳ | Thông báo Trước ngày | Công an xã Các ngành
về cải cách hành chính 09/08/2025 liên quan
Nơi nhận: KT. CHỦ TỊCH
"""


def test_a_code_of_another_field_than_its_sections_rows_is_doubted_and_a_glued_comma_spaced():
    doc = IngestedDocument(path="kh.txt", format="txt", pages=parse_text(_CODES_OF_ANOTHER_FIELD))
    result = ExtractionResult(source=SourceInfo(path="kh.txt"))
    convert_document(doc, result, PipelineOptions())
    (table,) = result.task_tables
    assert [(r.section, r.criterion_code) for r in table.rows] == [
        ("I", "5.1"),
        ("I", "5.2"),
        ("I", "9.4"),
        ("I", "196.3"),
        ("II", "1.2"),
        ("II", "1.1"),
        ("II", "4.5"),
    ]
    assert table.rows[0].task == "Kiểm tra việc chấp hành kỷ luật, kỷ cương hành chính"
    doubted = [k for k, r in enumerate(table.rows) if any("its section's other rows name" in f for f in r.flags)]
    assert doubted == [2, 3, 6]
    queued = {e.item for e in result.review}
    assert {"/task_tables/0/rows/2", "/task_tables/0/rows/3", "/task_tables/0/rows/6"} <= queued
    assert "/task_tables/0/rows/0" not in queued and "/task_tables/0/rows/4" not in queued


def test_a_code_of_another_field_in_a_section_of_too_few_rows_is_not_doubted():
    rows = [
        TaskRow(task="Kiểm tra việc chấp hành kỷ luật", criterion_code="5.1", section="I"),
        TaskRow(task="Đánh giá, xếp loại cán bộ", criterion_code="9.4", section="I"),
        TaskRow(task="Xây dựng Kế hoạch tuyên truyền", criterion_code="1.2", section="II"),
        TaskRow(task="Ban hành Kế hoạch kiểm tra", criterion_code="1.1", section="II"),
        TaskRow(task="Thực hiện chế độ báo cáo", criterion_code="4.5", section="II"),
        TaskRow(task="Rà soát quy chế làm việc", criterion_code="4.2", section="II"),
    ]
    out = doubt_tasks(_table(*rows), ocr=True)[0].rows
    # Section I: one other row names field 5, too few to say the heading's field. Section II's
    # rows name fields 1 and 4 two each: each row sees its own field's other row beside the other
    # field's two — a section of two fields (a heading lost between them); 4.5 and 4.2 go to
    # review, and so do 1.2 and 1.1: the heading is the guess in doubt, not one code.
    assert [bool(_doubts(r)) for r in out] == [False, False, True, True, True, True]


def test_a_product_cut_at_a_products_start_is_doubted():
    # A grid's product "Danh mục | công bố" whose second line the task took ("… ở thôn công bố"):
    # no product ends at "Danh mục", so the row is doubted; whole products are not.
    products = ["Báo cáo", "Kế hoạch", "Danh mục công bố", "Hồ sơ lưu trữ", "Quyết định", "Biên bản kiểm tra"]
    rows = [TaskRow(task=f"Nhiệm vụ số {i}", product=p, deadline="Quý II/2025") for i, p in enumerate(products)]
    cut = TaskRow(
        task="Sắp xếp, bố trí người hoạt động không chuyên trách ở thôn công bố",
        product="Danh mục",
        deadline="Quý II/2025",
    )
    out = doubt_tasks(_table(*rows, cut), ocr=True, period="năm 2025")[0].rows
    assert [f for f in _doubts(out[-1]) if "product" in f] == [
        f"{DOUBT}product: 'Danh mục' is no product the plan's grammar reads"
    ]
    assert all(not any("product" in f for f in _doubts(r)) for r in out[:-1])


def test_capitals_of_no_alphabet_a_plan_writes_in_are_doubted_and_abbreviations_kept():
    garbled = TaskRow(task="Kiểm tra việc chấp hành kỷ luật", coordinator="Ban Chỉ đạo ŒGCHC xã")
    clean = TaskRow(task="Rà soát văn bản do HĐND, UBND xã ban hành", coordinator="Ban Chỉ đạo CCHC xã")
    out = doubt_tasks(_table(garbled, clean), ocr=True, period="năm 2026")[0].rows
    assert any("'ŒGCHC'" in d for d in _doubts(out[0])) and _doubts(out[1]) == []


def test_a_date_a_digit_short_among_padded_dates_is_doubted():
    rows = [
        TaskRow(task="Cử cán bộ, công chức tham gia đào tạo", deadline="9/09/2026"),
        TaskRow(task="Công khai dự toán, quyết toán ngân sách xã", deadline="01/01/2026"),
        TaskRow(task="Niêm yết, công khai thủ tục hành chính", deadline="Trước ngày 13/02/2026"),
        TaskRow(task="Đánh giá, xếp loại cán bộ, công chức", deadline="28/12/2026"),
    ]
    out = doubt_tasks(_table(*rows), ocr=True, period="năm 2026")[0].rows
    assert any("'9/09/2026'" in d for d in _doubts(out[0]))
    assert all(_doubts(r) == [] for r in out[1:])
    # a plan that writes its days in one digit elsewhere says nothing of a lost digit
    loose = [rows[0], *(TaskRow(task=r.task, deadline=r.deadline.replace("01/01", "1/1")) for r in rows[1:])]
    assert _doubts(doubt_tasks(_table(*loose), ocr=True, period="năm 2026")[0].rows[0]) == []


def test_a_full_stop_glued_after_a_comma_is_a_speck():
    row = TaskRow(task="Xây dựng,.ban hành Kế hoạch cải cách hành chính năm 2026")
    out = doubt_tasks(_table(row), ocr=True, period="năm 2026")[0].rows
    assert out[0].task == "Xây dựng, ban hành Kế hoạch cải cách hành chính năm 2026"


def test_capitals_of_no_abbreviation_printed_are_doubted_and_a_rows_repeated_ones_kept():
    rows = [
        TaskRow(task="Vận hành hệ thống quản lý chất lượng theo TCVN IO 9001:2015", lead="Văn phòng - Thống kê"),
        TaskRow(task="Vận hành hệ thống quản lý chất lượng theo TCVN ISO 9001:2015", lead="Văn phòng - Thống kê"),
        TaskRow(task="Tổ chức hội nghị của BĐH khu dân cư", coordinator="UBMTTQ Việt Nam xã"),
        TaskRow(task="Kiện toàn BĐH khu dân cư", coordinator="UBMTTQ Việt Nam xã"),
    ]
    out = doubt_tasks(_table(*rows), ocr=True, period="năm 2025")[0].rows
    assert any("'IO'" in d for d in _doubts(out[0]))
    # a known abbreviation, or one the plan prints in two rows ("BĐH"), is the plan's own
    assert all(_doubts(r) == [] for r in out[1:])
