"""Coded lines whose figures OCR lost all, still printing their codes before catalogued criterion
names, under a score table's header that no table was read from (issue 11, issue 16): a table
not read, told from the line under its header, for the criteria set's wording to find its rows.
A plan's numbered headings (no criterion's name, no figure) are not."""

from extract.model import IngestedDocument, Line, Page
from extract.segment.unread_named import criteria_named
from extract.segment.unread_rows import unread_score_rows
from schemas.records import ExtractionResult

NAMED = [
    "Tiêu chí, tiêu chí thành phần",
    "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
    "CCHC",
    "1.1. | Kế hoạch CCHC năm",
    "1.1.1 | Ban hành kế hoạch CCHC năm",
    "cac linh vuc theo ké hoach nam",
    "1.1.3 | Các kết quả phải đạt được xác định rõ ràng, | 1 |: 1 Báo cáo số 32/BC-",
]

PLAN = [
    "Tiêu chí, tiêu chí thành phần",
    "1.1. | Kết quả chung của năm",
    "1.1.1 | Tổ chức hội nghị triển khai",
    "1.1.2 | Tuyên truyền trên loa",
]


def _doc(texts: list[str]) -> IngestedDocument:
    page = Page(1, [Line(text=t, page=1, number=k) for k, t in enumerate(texts, 1)])
    return IngestedDocument(path="x.txt", format="txt", pages=[page])


def _told(texts: list[str]):
    return unread_score_rows(_doc(texts), ExtractionResult(), lambda line, page: False)


def test_named_coded_lines_without_figures_are_a_table_not_read_from_under_its_header():
    (part,) = _told(NAMED)
    assert part.kind == "table"
    assert part.line_start == 2  # the heading's lines before the first code are the table's
    assert part.line_end == 7


def test_numbered_headings_naming_no_criterion_are_no_table():
    assert _told(PLAN) == []
    lines = _doc(PLAN).pages[0].lines[1:]
    assert not criteria_named(lines)
    assert criteria_named(_doc(NAMED).pages[0].lines[3:5] + _doc(NAMED).pages[0].lines[6:])
