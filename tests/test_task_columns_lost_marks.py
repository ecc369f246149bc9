"""A scanned task table at tab stops whose marks OCR lost (S25's P07 layout, as Tesseract gave it on a
300-dpi scan): the header's narrow "TT" not read, the first section's "I" read as "lÍ" on the line
under the header, the next section's numeral lost altogether ("CẢI CÁCH THỦ TỤC HÀNH CHÍNH" alone
under the task's label). The codes under the header say where the code column is; a section's
line is no label wrapped from the header; a line of capitals alone under a task in sentence case
is a section's (``pdf_task_columns``). Before, the header was not found, the page was read as one
table of six columns that no reader took, and all its tasks were lost."""

from __future__ import annotations

from extract.model import Word
from extract.pdf_task_columns import task_column_tables
from extract.pdf_unruled import UnruledSettings, _Line
from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.task_tables import task_rows

SIZE = 40.0
# where each column starts on the page, as OCR placed the words: TT, task, lead, deadline
STARTS = (237, 379, 1632, 2482)


def _line(y: float, pieces: list[tuple[int, str]]) -> _Line:
    words = []
    for col, text in pieces:
        x = float(STARTS[col])
        for token in text.split():
            words.append(Word(text=token, bbox=(x, y, x + 20 * len(token), y + SIZE), conf=0.9))
            x += 20 * len(token) + 12
    return _Line(words, SIZE)


HEADER = [(0, "TT"), (1, "Tên nhiệm vụ"), (2, "Chủ trì"), (3, "Thời hạn")]
BODY = [
    [(0, "lÍ"), (1, "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH")],
    [(0, "1"), (1, "Xây dựng Kế hoạch tuyên truyền"), (2, "Bộ phận Một cửa"), (3, "Cả năm 2024")],
    [(1, "cải cách hành chính")],
    [(0, "2"), (1, "Xây dựng Kế hoạch theo dõi"), (2, "Công an xã"), (3, "02/02/2024")],
    [(1, "thi hành pháp luật")],
    [(1, "CẢI CÁCH THỦ TỤC HÀNH CHÍNH")],
    [(0, "3"), (1, "Tiếp nhận hồ sơ đúng hạn"), (2, "Bộ phận Một cửa"), (3, "Quý IV/2024")],
]


def _text(ws: list[Word]) -> str:
    return " ".join(w.text for w in ws)


def _grid(header: list[tuple[int, str]], source: str = "ocr-text") -> list[list[str]]:
    lines = [_line(500 + 70 * k, pieces) for k, pieces in enumerate([header, *BODY])]
    ((table, placed),) = task_column_tables(lines, 1, UnruledSettings(), _text, source=source)
    assert placed == set(range(len(lines)))
    grid = [[""] * table.n_cols for _ in range(table.n_rows)]
    for cell in table.cells:
        grid[cell.row][cell.col] = cell.text
    return grid


def _tasks(grid: list[list[str]]) -> list[tuple[str | None, str | None, str]]:
    body = [JoinedRow(cells, [False] * 4, 1, 0, 0, 0, confs=[0.9] * 4) for cells in grid[1:]]
    table = JoinedTable([grid[0]], body, [1], 4, "ocr", 0, 0, 0)
    return [(r.section, r.code, r.task) for r in task_rows(table)]


EXPECTED = [
    ("I", "1", "Xây dựng Kế hoạch tuyên truyền cải cách hành chính"),
    ("I", "2", "Xây dựng Kế hoạch theo dõi thi hành pháp luật"),
    ("II", "3", "Tiếp nhận hồ sơ đúng hạn"),
]


def test_the_section_line_under_the_header_is_no_wrapped_label():
    grid = _grid(HEADER)
    assert grid[0] == ["TT", "Tên nhiệm vụ", "Chủ trì", "Thời hạn"]
    assert grid[1][:2] == ["lÍ", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"]
    assert _tasks(grid) == EXPECTED


def test_a_header_whose_code_label_ocr_lost_is_read_by_the_codes_under_it():
    grid = _grid(HEADER[1:])
    assert grid[0] == ["TT", "Tên nhiệm vụ", "Chủ trì", "Thời hạn"]
    assert [row[0] for row in grid[1:]] == ["lÍ", "1", "2", "", "3"]
    assert _tasks(grid) == EXPECTED


def test_a_header_with_no_code_under_it_is_not_given_one():
    lines = [_line(500, HEADER[1:])] + [_line(570 + 70 * k, [p for p in row if p[0]]) for k, row in enumerate(BODY)]
    assert task_column_tables(lines, 1, UnruledSettings(), _text, source="ocr-text") == []


def test_a_line_of_capitals_opens_a_section_only_on_a_scan_and_under_a_task_in_sentence_case():
    # on a text layer the line is the task's words, as typed
    lines = [_line(500 + 70 * k, pieces) for k, pieces in enumerate([HEADER, *BODY])]
    ((table, _),) = task_column_tables(lines, 1, UnruledSettings(), _text, source="pdf-text")
    assert any(
        c.text == "Xây dựng Kế hoạch theo dõi thi hành pháp luật CẢI CÁCH THỦ TỤC HÀNH CHÍNH" for c in table.cells
    )
    # an acronym a task wraps onto is too short to be a title
    short = [*BODY[:4], [(1, "HĐND, UBND")], BODY[6]]
    lines = [_line(500 + 70 * k, pieces) for k, pieces in enumerate([HEADER, *short])]
    ((table, _),) = task_column_tables(lines, 1, UnruledSettings(), _text, source="ocr-text")
    assert table.n_rows == 5 and any(c.text.endswith("theo dõi HĐND, UBND") for c in table.cells)
