"""A task paragraph read from a scan is as sure as its least sure field, each field's value weighed
as a grid's cell is (the mean of its words' OCR confidences); before, every paragraph task took a
fixed 0.95 and a deadline Tesseract misread stayed out of the review queue.

The lines are Tesseract's own reading (words and confidences, as it returned them) of a scanned
plan of the corpus (seed 481, S05 i2, page 2: the printed deadline is "Quý III/2025", read
"Quý II/2025" with "II/2025;" at 0.34)."""

from extract.model import IngestedDocument, Line, Page, Word
from extract.segment.task_doubt_settings import STROKES_COUNTED
from extract.segment.task_doubts import doubt_tasks
from extract.segment.task_evidence import weigh_cells
from extract.segment.task_paragraphs import TaskParagraphSettings, fields_confidence, find_task_paragraphs

MISREAD = (
    "- Xây dựng Quy chế chỉ tiêu nội bộ năm 2025; đơn vị chủ trì: Công chức Văn hóa - Xã hội; thời gian hoàn "
    "thành: Quý II/2025; kết quả, sản phẩm: Quyết định; đơn vị phối hợp: Các bộ phận chuyên môn."
)
MISREAD_CONFS = [0.92, 0.96, 0.95, 0.96, 0.96, 0.85, 0.96, 0.96, 0.96, 0.96, 0.96, 0.96, 0.96, 0.96, 0.96, 0.96]
MISREAD_CONFS += [0.96, 0.96, 0.93, 0.93, 0.96, 0.96, 0.96, 0.96, 0.96, 0.96, 0.93, 0.34, 0.96, 0.96, 0.96, 0.96]
MISREAD_CONFS += [0.96, 0.96, 0.97, 0.97, 0.96, 0.96, 0.96, 0.96, 0.96, 0.96, 0.73]
# read right; its one unsure word ("ISO" 0.56) sits in a long task text, as in a grid's cell
RIGHT = (
    "- Vận hành hệ thống quản lý chất lượng theo TCVN ISO 9001:2015; Sản phẩm: Văn bản chỉ đạo; phối hợp: Ban "
    "Chỉ đạo CCHC xã; bộ phận chủ trì: Công chức Văn hóa - Xã hội; thời gian hoàn thành: 11/02/2025."
)
RIGHT_CONFS = [0.92, 0.96, 0.96, 0.96, 0.96, 0.96, 0.96, 0.96, 0.96, 0.93, 0.91, 0.56, 0.96, 0.96, 0.96, 0.96]
RIGHT_CONFS += [0.96, 0.96, 0.96, 0.96, 0.96, 0.96, 0.96, 0.93, 0.92, 0.96, 0.96, 0.96, 0.96, 0.96, 0.96, 0.96]
RIGHT_CONFS += [0.96, 0.93, 0.93, 0.96, 0.96, 0.96, 0.96, 0.96, 0.96, 0.95]


def _line(text: str, confs: list[float], number: int) -> Line:
    words = [Word(w, conf=c) for w, c in zip(text.split(), confs, strict=True)]
    return Line(text=text, page=2, number=number, words=words, conf=sum(confs) / len(confs))


def _doc(method: str) -> IngestedDocument:
    lines = [_line(MISREAD, MISREAD_CONFS, 1), _line(RIGHT, RIGHT_CONFS, 2)]
    return IngestedDocument(path="plan.pdf", format="pdf", pages=[Page(number=2, blocks=list(lines), method=method)])


def test_a_scanned_paragraph_is_as_sure_as_its_least_sure_field():
    s = TaskParagraphSettings()
    misread, right = _doc("ocr").pages[0].lines
    # the deadline's words: "Quý" 0.93 and "II/2025;" 0.34; the labels ("thời gian hoàn thành:") are no value
    assert fields_confidence(misread.text, misread.words, s) == 0.635
    # "ISO" at 0.56 among twelve words of the task: the task's mean 0.93
    assert fields_confidence(right.text, right.words, s) > 0.9


def test_scanned_task_paragraphs_take_their_ocr_confidence():
    (table,) = find_task_paragraphs(_doc("ocr"))
    misread, right = table.rows
    assert misread.deadline == "Quý II/2025"
    assert misread.confidence < 0.8  # under the rows' review threshold (cchc_extract/review_threshold.py)
    assert right.confidence >= 0.9


def test_a_text_layers_task_paragraphs_keep_their_confidence():
    # a PDF's text layer has no word confidence: the paragraph's fixed confidence stands
    (table,) = find_task_paragraphs(_doc("pdf-text"))
    assert [r.confidence for r in table.rows] == [TaskParagraphSettings().confidence] * 2


def test_a_quarter_three_of_the_plans_year_no_longer_holds_a_paragraph_down():
    # The same paragraph printing "Quý III/2025" read as printed, Tesseract as unsure of
    # "III/2025;" (0.34): OCR's miscounts of a quarter's strokes lose one and the plan is for
    # 2025, so the deadline is confirmed; the "II" read (a stroke lost?) stays under review.
    three = MISREAD.replace("Quý II/2025", "Quý III/2025")
    lines = [_line(three, MISREAD_CONFS, 1), _line(MISREAD, MISREAD_CONFS, 2)]
    doc = IngestedDocument(path="plan.pdf", format="pdf", pages=[Page(number=2, blocks=list(lines), method="ocr")])
    (table,) = weigh_cells(find_task_paragraphs(doc), stated=set(), period="2025")
    confirmed, misread = table.rows
    assert (confirmed.deadline, misread.deadline) == ("Quý III/2025", "Quý II/2025")
    assert "cell_conf:deadline:0.64" in confirmed.flags  # (0.93 + 0.34) / 2, its field's note
    assert confirmed.confidence >= 0.9
    assert misread.confidence == 0.635
    # in a plan for 2026 the year 2025 is not the plan's: kept unsure
    (other,) = weigh_cells(find_task_paragraphs(doc), stated=set(), period="2026")
    assert other.rows[0].confidence == 0.635


def test_a_quarter_whose_strokes_the_ink_counted_as_read_is_not_doubted():
    # The paragraph printing "Quý II/2025", Tesseract unsure of "II/2025;" (0.34, its serifs
    # joined), the page's stems counted as two (``extract.ocr_numerals``: ``Word.strokes_agree``):
    # the count was read twice, so neither the stroke doubt nor the deadline's word confidence
    # holds the row down; the same reading with no count from the ink stays doubted and unsure.
    counted, alone = _line(MISREAD, MISREAD_CONFS, 1), _line(MISREAD, MISREAD_CONFS, 2)
    numeral = next(w for w in counted.words if w.text.startswith("II/"))
    numeral.strokes_agree = True
    doc = IngestedDocument(path="plan.pdf", format="pdf", pages=[Page(number=2, blocks=[counted, alone], method="ocr")])
    (table,) = doubt_tasks(weigh_cells(find_task_paragraphs(doc), stated=set(), period="2025"), ocr=True, period="2025")
    twice, once = table.rows
    assert STROKES_COUNTED in twice.flags and STROKES_COUNTED not in once.flags
    assert twice.confidence >= 0.9 and once.confidence == 0.635
    assert not any("run of strokes" in f for f in twice.flags)
    assert any("quarter numeral 'II' is a run of strokes" in f for f in once.flags)
    # a deadline of the year after the plan's is no quarter the plan sets: still unsure
    (late,) = weigh_cells(find_task_paragraphs(doc), stated=set(), period="2026")
    assert late.rows[0].confidence == 0.635
