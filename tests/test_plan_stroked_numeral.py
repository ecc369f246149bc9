"""A plan's task table at tab stops, scanned (S25 of seed 11001, instance 1: P07's tab-stops layout
printed and scanned at 300 dpi; the words as Tesseract read them on pages 2 and 3). Section III's
line reads "1H Cải cách tổ chức bộ máy hành chính nhà nước": its numeral's first stroke read as a
one, the other two as an "H". Before, a digit in the code column was no misread numeral, the line
fitted no column and was left out of the table: tasks 7-9 came out in section II with nothing told,
and as the page no longer ended with the table, task 11 printed alone at the top of page 3 was lost
untold (``pdf_task_columns._numeral_misread``, ``task_sections.stroked_numeral``).
Truth (the generator's): sections I×4, II×2, III×3, IV×2; task 11 "Quản lý, sử dụng tài sản công
đúng quy định", Phòng Văn hóa - Xã hội, "Trước ngày 18/05/2024"."""

from __future__ import annotations

import json
from pathlib import Path

from extract.model import Word
from extract.ocr import unruled_ocr_tables
from extract.ocr_settings import OcrSettings
from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.task_tables import task_rows
from ocr_words import recorded_words

DATA = Path(__file__).parent / "data" / "plan_stroked_numeral"


def _pages() -> dict[int, dict]:
    raw = json.loads((DATA / "s25_pages_words.json").read_text(encoding="utf-8"))["pages"]
    return {p["page"]: p for p in raw}


def _words(page: dict) -> list[Word]:
    return recorded_words(page["words"])


def _rows(grid: list[list[str]]):
    n = len(grid[0])
    body = [JoinedRow(cells, [False] * n, 1, 0, 0, 0, confs=[0.9] * n) for cells in grid[1:]]
    return task_rows(JoinedTable([grid[0]], body, [1], n, "ocr", 0, 0, 0))


def test_strokes_with_a_one_among_them_are_a_numeral():
    from extract.segment.task_sections import stroked_numeral

    assert stroked_numeral("1H") and stroked_numeral("I1.") and stroked_numeral("1V")
    # a task's number, a code, a word: no numeral
    assert not stroked_numeral("11") and not stroked_numeral("1.1") and not stroked_numeral("1l")
    assert not stroked_numeral("1") and not stroked_numeral("Hà")


def test_a_section_numeral_read_with_a_one_keeps_its_tasks_in_their_section():
    page = _pages()[2]
    words = _words(page)
    ((table, used),) = [t for t in unruled_ocr_tables(words, 2, OcrSettings()) if t[0].n_rows > 5]
    grid = table.text_rows()
    heading = next(row for row in grid if row[1].startswith("Cải cách tổ chức bộ máy"))
    assert heading[0] == "1H" and heading[2:] == ["", ""]
    got = [(r.section, r.code) for r in _rows(grid)]
    assert [s for s, code in got if code in {"7", "8", "9"}] == ["III"] * 3
    assert [s for s, _ in got] == ["I"] * 4 + ["II"] * 2 + ["III"] * 3 + ["IV"]
    # the table takes every word under it: the page ends with it, and its columns go on to page 3
    below = [w for w in words if w.bbox[1] > table.bbox[1]]
    assert all(id(w) in used for w in below)


def test_the_task_alone_on_the_next_page_is_read_in_the_carried_columns():
    page = _pages()[3]
    found = unruled_ocr_tables(_words(page), 3, OcrSettings(), page["carried"], (True, False))
    ((table, _),) = found
    ((code, task, lead, deadline),) = table.text_rows()
    assert code == "11"
    assert task == "Quản lý, sử dụng tài sản công đúng quy định"
    assert (lead, deadline) == ("Phòng Văn hóa - Xã hội", "Trước ngày 18/05/2024")


def _read_on_main():
    from extract.model import IngestedDocument, Line, Page
    from schemas.records import ExtractionResult, SourceInfo, SourceRef, TaskRow, TaskTable

    raw = json.loads((DATA / "s25_read_on_main.json").read_text(encoding="utf-8"))
    pages = [
        Page(
            number=n,
            method="ocr",
            blocks=[
                Line(text=ln["text"], page=n, number=ln["number"], bbox=tuple(ln["bbox"]))
                for ln in raw["lines"]
                if ln["page"] == n
            ],
        )
        for n in (2, 3)
    ]
    rows = [TaskRow(code=r["code"], task="…", source=SourceRef(page=r["page"], bbox=r["bbox"])) for r in raw["rows"]]
    result = ExtractionResult(source=SourceInfo(path="s25.pdf"), task_tables=[TaskTable(title="", rows=rows)])
    return IngestedDocument(path="s25.pdf", format="pdf", pages=pages), result


def test_a_task_left_alone_on_the_next_page_and_not_read_is_told():
    # As main read the scan: the table stopped at task 10 on page 2, task 11 a line on page 3.
    from extract.segment.unread_task_next import unread_task_next

    doc, result = _read_on_main()
    assert [r.code for r in result.task_tables[0].rows][-1] == "10"
    ((part),) = unread_task_next(doc, result, lambda line, page: False)
    assert part.page == 3 and part.kind == "rows" and part.reason.startswith("task rows 11 are printed")
    assert part.text_sample.startswith("11 Quản lý, sử dụng tài sản công")
    # read, it is not told
    assert unread_task_next(doc, result, lambda line, page: page == 3) == []
