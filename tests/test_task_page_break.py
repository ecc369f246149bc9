"""A numberless task row opening a page is a task of its own, not the rest of a row the page break
cut, when it and the row above each print their lead, coordinator and deadline whole
(``task_tables._filled_whole``; a row short of them is still doubted with the row above,
tests/test_task_tables.py): a P08 plan's typed PDF, both rows no longer queued."""

from __future__ import annotations

from pathlib import Path

from benchmarks.plan_scoring import score_plan
from corpus_helpers import converted_with_truth

DATA = Path(__file__).parent / "data" / "plans_load65"


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
