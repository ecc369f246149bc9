"""A plan's task section whose roman numeral OCR misread, in a task table typed at tab stops and
scanned (S25's P07 sources): Tesseract gives "III" as "HH", "I" as "m—_.", a stroke run no code
reads. The section's line still shows what it is — a short word of no digit in the TT column and
its title alone beside it, no lead or deadline — so it opens a section row
(``pdf_task_columns._numeral_misread``), and the task grid's reader numbers it by the sequence
(``task_tables._section_of``), as it does an upper-case title's; its title is no task."""

from __future__ import annotations

from extract.model import Word
from extract.pdf_task_columns import task_column_tables
from extract.pdf_unruled import UnruledSettings, _Line
from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.task_tables import task_rows

SIZE = 40.0
# where each column starts on the page: TT, task, lead, deadline
STARTS = (100, 300, 1400, 2100)


def _line(y: float, pieces: list[tuple[int, str]], conf: float = 0.9) -> _Line:
    words = []
    for col, text in pieces:
        x = float(STARTS[col])
        for token in text.split():
            words.append(Word(text=token, bbox=(x, y, x + 20 * len(token), y + SIZE), conf=conf))
            x += 20 * len(token) + 12
    return _Line(words, SIZE)


def _page() -> list[_Line]:
    rows = [
        [(0, "TT"), (1, "Nhiệm vụ"), (2, "Đầu mối thực hiện"), (3, "Thời gian hoàn thành")],
        [(0, "1"), (1, "Rà soát thủ tục hành chính"), (2, "Công an xã"), (3, "Quý III/2025")],
        [(0, "HH"), (1, "Cải cách chế độ công vụ")],
        [(0, "2"), (1, "Cử cán bộ đi đào tạo"), (2, "Văn phòng HĐND và UBND"), (3, "Cả năm 2025")],
        [(1, "bồi dưỡng")],
    ]
    return [_line(200 + 60 * k, pieces) for k, pieces in enumerate(rows)]


def _text(ws: list[Word]) -> str:
    return " ".join(w.text for w in ws)


def test_a_section_line_whose_numeral_ocr_misread_opens_a_row_of_its_own():
    ((table, placed),) = task_column_tables(_page(), 1, UnruledSettings(), _text, source="ocr-text")
    grid = [[""] * table.n_cols for _ in range(table.n_rows)]
    for cell in table.cells:
        grid[cell.row][cell.col] = cell.text
    assert grid[2][:2] == ["HH", "Cải cách chế độ công vụ"] and grid[2][2:] == ["", ""]
    assert grid[3][1] == "Cử cán bộ đi đào tạo bồi dưỡng"  # the task's next line still goes on
    assert placed == {0, 1, 2, 3, 4}


def test_a_paragraph_or_a_bullet_at_the_margin_opens_no_section():
    lines = _page()
    # a note at the margin runs on from the TT column into the task's: no numeral alone there
    lines[2] = _line(320, [(0, "Ghi chú về việc thực hiện các nhiệm vụ")])
    ((table, placed),) = task_column_tables(lines, 1, UnruledSettings(), _text, source="ocr-text")
    assert 2 not in placed and not any(c.text.startswith("Ghi") for c in table.cells)
    # a bullet before a task's next words is no numeral
    lines[2] = _line(320, [(0, "-"), (1, "Cải cách chế độ công vụ")])
    ((table, placed),) = task_column_tables(lines, 1, UnruledSettings(), _text, source="ocr-text")
    assert not any(c.text == "-" for c in table.cells)


def _grid(rows: list[list[str]], source: str = "ocr") -> JoinedTable:
    confs = [0.9 if source == "ocr" else None] * 4  # a typed grid's cells have no OCR confidence
    body = [JoinedRow(cells, [False] * 4, 2, 0, 0, 0, confs=confs) for cells in rows]
    return JoinedTable([["TT", "Nhiệm vụ", "Đầu mối thực hiện", "Thời gian hoàn thành"]], body, [2], 4, source, 0, 0, 0)


def test_a_misread_numeral_beside_a_sentence_case_title_is_the_next_section():
    rows = task_rows(
        _grid(
            [
                ["m—_.", "Cải cách thủ tục hành chính", "", ""],
                ["1", "Rà soát thủ tục hành chính", "Công an xã", "Quý III/2025"],
                ["HH", "Cải cách chế độ công vụ", "", ""],
                ["2", "Cử cán bộ đi đào tạo", "Văn phòng HĐND và UBND", "Cả năm 2025"],
            ]
        )
    )
    assert [(r.code, r.section, r.section_title) for r in rows] == [
        ("1", "I", "Cải cách thủ tục hành chính"),
        ("2", "II", "Cải cách chế độ công vụ"),
    ]
    # a typed grid's TT cell is what it prints: a word there is not read as a numeral
    typed = task_rows(_grid([["1", "Rà soát", "Công an xã", "Quý III/2025"], ["a", "Lập danh mục", "", ""]], "pdf"))
    assert all(r.section is None for r in typed)
