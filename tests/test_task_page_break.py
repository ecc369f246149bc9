"""A numberless task row opening a page is a task of its own, not the rest of a row the page break
cut, when its task opens on a capital letter and it fills every column the row above fills
(``task_starts.opens_own_task``); a row that leaves some blank or goes on mid-sentence is still
doubted with the row above (tests/test_task_tables.py)."""

from __future__ import annotations

from pathlib import Path

from benchmarks.plan_scoring import score_plan
from corpus_helpers import converted_with_truth
from extract.segment.task_starts import opens_own_task

DATA = Path(__file__).parent / "data" / "plans_load65"
FIELDS = ["deadline", "lead", "coordinator"]
ABOVE = {"deadline": "Cả năm 2024", "lead": "Công chức Tư pháp - Hộ tịch", "coordinator": "Ban Chỉ đạo CCHC xã"}


def test_a_whole_row_opening_on_a_capital_is_a_task_of_its_own():
    row = {"task": "Sắp xếp, bố trí người hoạt động", "deadline": "Tháng 06/2024", "lead": "Phòng Văn hóa"}
    assert opens_own_task({**row, "coordinator": "Ban Chỉ đạo"}, ABOVE, FIELDS)


def test_a_rest_mid_sentence_or_short_of_the_row_aboves_columns_is_no_task_of_its_own():
    assert not opens_own_task({"task": "chuyên môn", "deadline": "x", "lead": "y", "coordinator": "z"}, ABOVE, FIELDS)
    assert not opens_own_task({"task": "Phát tờ rơi", "deadline": "2 đợt"}, ABOVE, FIELDS)
    assert not opens_own_task({"task": "Phát tờ rơi"}, {}, FIELDS)


def test_the_p08_plans_tasks_over_the_page_break_are_right_and_not_queued():
    data, truth = converted_with_truth(DATA / "p08-i2-filled-tab-stops.pdf")
    tasks = [r["task"] for t in data["task_tables"] for r in t["rows"]]
    want = [r["task"] for r in truth["task_rows"]]
    assert tasks == want
    i = tasks.index("Sắp xếp, bố trí người hoạt động không chuyên trách ở thôn")
    queued = {e["item"] for e in data["review"]}
    assert f"/task_tables/0/rows/{i}" not in queued and f"/task_tables/0/rows/{i - 1}" not in queued
    plan = score_plan(truth, data)
    assert all(right for _, _, right in plan["task_values"])
