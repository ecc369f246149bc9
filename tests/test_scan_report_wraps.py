"""A report scan's last word wrapped alone, a bracketed maximum's decimal comma spaced, and a
code's stop read as a one (issue 11). The lines and their boxes are as Tesseract read the corpus'
scan S09 i8 at seed 19001 (page 1), the codes as it read S12 i9's task grid; every expected value
is the generator's truth file's."""

from extract.model import IngestedDocument, Line, Page
from extract.segment.statements import find_score_statements
from extract.segment.targets import find_targets
from extract.segment.task_codes import held_to_statements
from schemas.records import TaskRow, TaskTable

_S09_PAGE = (
    (
        (170, 1347, 1604, 1385),
        "Tiêu chí 4.2. Thực hiện quy chế làm việc: không đạt điểm (0/1,5), lý do: chưa có tài liệu",
    ),
    ((171, 1399, 361, 1436), "kiểm chứng."),
    (
        (170, 1444, 1603, 1535),
        "Tiêu chí 4.3. Bố trí người hoạt động không chuyên trách: không đạt điểm (0/1, 5), 5 do:",
    ),
    ((171, 1513, 608, 1550), "chưa có tài liệu kiểm chứng."),
    ((171, 1569, 1181, 1612), "HI. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM"),
    ((172, 1640, 496, 1676), "1. Mục tiêu, chỉ tiêu"),
    (
        (171, 1931, 1605, 1968),
        "Phấn đấu 6 tháng cuối năm: số sáng kiến, giải pháp cải cách hành chính được công nhận đạt",
    ),
    ((170, 1982, 561, 2020), "không dưới 03 sáng kiến."),
    (
        (171, 2045, 1604, 2083),
        "Phấn đấu 6 tháng cuối năm: số cuộc kiểm tra công tác cải cách hành chính là không dưới 03",
    ),
    ((171, 2106, 250, 2132), "cuộc."),
    ((171, 2160, 543, 2197), "2. Nhiệm vụ trọng tâm"),
)


def _page() -> IngestedDocument:
    lines = [
        Line(text=text, page=1, number=k, bbox=tuple(float(v) for v in box), conf=0.95)
        for k, (box, text) in enumerate(_S09_PAGE, start=1)
    ]
    return IngestedDocument(path="report.pdf", format="pdf", pages=[Page(number=1, blocks=lines, method="ocr")])


def test_a_last_word_wrapped_alone_ends_its_target_sentence():
    targets = {(t.comparator, t.value, t.unit, t.year) for t in find_targets(_page(), default_year=2025)}
    assert (">=", 3.0, "cuộc", 2025) in targets
    assert (">=", 3.0, "sáng kiến", 2025) in targets


def test_a_bracketed_maximum_whose_decimal_comma_ocr_spaced():
    stated = {s.code: (s.points, s.max_points) for s in find_score_statements(_page()) if s.kind == "criterion"}
    assert stated["4.2"] == (0.0, 1.5)
    assert stated["4.3"] == (0.0, 1.5)


def test_a_code_whose_stop_ocr_read_as_a_one():
    read = ["2.3", "2.2", "2.3", "6.3", "6.3", "6.1", "7.4", "715"]
    table = TaskTable(title="", pages=[], columns=[], rows=[TaskRow(criterion_code=c, task="") for c in read])
    (table,) = held_to_statements([table], set())
    assert [r.criterion_code for r in table.rows] == ["2.3", "2.2", "2.3", "6.3", "6.3", "6.1", "7.4", "7.5"]
    # beside codes of two-digit parts (or none at all) three digits may be another reading
    table = TaskTable(
        title="",
        pages=[],
        columns=[],
        rows=[TaskRow(criterion_code=c, task="") for c in ["2.13", "2.14", "2.15", "215"]],
    )
    (table,) = held_to_statements([table], set())
    assert table.rows[-1].criterion_code == "215"
