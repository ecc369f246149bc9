"""Task paragraphs of an OCR'd report (issue 14 with 16: silent task fields): the lines of the task
section OCR read from seed 19001's S09 report scan (``queue76/s19001-p06-report-tasks-ocr.txt``,
the lines as ``reading_lines`` gave them; the truth is the generator's file of that scan, beside it).

* "- Xây dựng Quy chế chi tiêu nội bộ năm 2025; sản phẩm: Báo cáo; Thời gian thực hiện:" broke
  after its label, and its rest "- 22/08/2025; Phối hợp thực hiện: …; chủ trì: Công chức Tài
  chính - Kế toán." was read as an item of its own: the first item's deadline, lead and coordinator
  came out blank (the truth: 22/08/2025, Công chức Tài chính - Kế toán, Các thôn, tổ dân phố), out
  of the review queue. A blank where the run's other items print the field is doubted, as a
  grid's blank cell is (``doubt_blank_cells``).
* "= Rà soát" (a dash read "="), "quy chế làm.việc" (a speck's stop for the space): mended
  (``task_doubts``: a misread bullet; ``task_compound_dash.compound_marks``: a stop glued between
  the two syllables of one word, weighed by the repair model's bigrams)."""

from __future__ import annotations

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.task_doubts import doubt_tasks
from schemas.records import TaskRow, TaskTable

DUMP = Path(__file__).parent / "data" / "queue76" / "s19001-p06-report-tasks-ocr.txt"


def _truth_row(task: str) -> dict:
    truth = json.loads(DUMP.with_name(DUMP.name + ".truth.json").read_text(encoding="utf-8"))
    (row,) = [r for r in truth["task_rows"] if r["task"] == task]
    return row


def test_an_item_whose_line_broke_is_read_whole():
    # Before stop 73's merge this item's deadline, lead and coordinator came out blank and were
    # queued (a blank where the run's other items print the field, ``doubt_blank_cells``); since
    # scans76 a line ending on a field's label and its colon takes the next line as its value
    # (``task_paragraphs._VALUE_AFTER_LABEL``), so the three fields are the truth's and nothing of
    # the item is queued as blank.
    want = _truth_row("Xây dựng Quy chế chi tiêu nội bộ năm 2025")
    out = result_to_json(convert_file(DUMP))
    (table,) = out["task_tables"]
    (k,) = [k for k, r in enumerate(table["rows"]) if r["task"] == want["task"]]
    row = table["rows"][k]
    for field in ("deadline", "lead", "coordinator"):
        assert want[field] and row[field] == want[field]
    queued = {(r["item"], r.get("field")) for r in out["review"]}
    assert (f"/task_tables/0/rows/{k}", None) not in queued
    # the items read whole are no doubt of it
    (j,) = [j for j, r in enumerate(table["rows"]) if r["task"].startswith("Quản lý, sử dụng tài sản công")]
    assert (f"/task_tables/0/rows/{j}", None) not in queued


def test_a_misread_bullet_and_a_glued_stop_are_mended():
    read = ["= Rà soát, đề xuất đơn giản hóa thủ tục hành chính", "Thực hiện quy chế làm.việc của UBND xã"]
    rows = [TaskRow(task=t) for t in read]
    (table,) = doubt_tasks([TaskTable(title="", pages=[], columns=[], rows=rows)], True)
    assert table.rows[0].task == _truth_row("Rà soát, đề xuất đơn giản hóa thủ tục hành chính")["task"]
    assert table.rows[1].task == _truth_row("Thực hiện quy chế làm việc của UBND xã")["task"]
    # a web address keeps its stops: no Vietnamese letter, no syllables
    (kept,) = doubt_tasks(
        [TaskTable(title="", pages=[], columns=[], rows=[TaskRow(task="Cổng dichvucong.gov.vn")])], True
    )
    assert kept.rows[0].task == "Cổng dichvucong.gov.vn"
