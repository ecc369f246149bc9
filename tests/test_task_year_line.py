"""A typed plan whose columns are set by tab stops (no Word table) wraps its last task's name so
that the year stands alone on the next line ("Xây dựng Quy chế chi tiêu nội bộ năm" over "2025"):
the year ends the name (``tab_tables._year_goes_on``), where a line opening with a digit or a
capital would otherwise end the run and the year be lost, silently (a P08 plan of a held-out
commune; its truth from the generator)."""

from __future__ import annotations

from pathlib import Path

from benchmarks.plan_scoring import score_plan
from corpus_helpers import converted_with_truth

DATA = Path(__file__).parent / "data" / "plans67"


def test_a_tab_stop_plans_last_task_keeps_the_year_wrapped_under_it():
    data, truth = converted_with_truth(DATA / "tab_stops_year_line.docx")
    tasks = [r["task"] for t in data["task_tables"] for r in t["rows"]]
    assert tasks == [r["task"] for r in truth["task_rows"]]
    assert tasks[-1] == "Xây dựng Quy chế chi tiêu nội bộ năm 2025"
    plan = score_plan(truth, data)
    assert all(right for _, _, right in plan["task_values"])
