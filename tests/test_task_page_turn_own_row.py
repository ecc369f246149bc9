"""A plan's codeless task grid typed line by line (P08 of seed 11221, instance 4, its PDF as the
generator printed it): a task is told apart by the line that fills its lead, coordinator and
deadline. The page turns between "Xây dựng Quy chế chi tiêu nội bộ năm 2024" (Công an xã, UBMTTQ
Việt Nam xã, 20/10/2024) and "Quản lý, sử dụng tài sản công đúng quy định" (Bộ phận Một cửa, Các
đoàn thể, 17/08/2024; the generator's truth). Before, the page's first row, with no number, was
queued as maybe the rest of the row above, and that row too: two entries on right values. Both
rows print their lead, coordinator and deadline whole, which a cut row's rest never does
(``task_tables._filled_whole``)."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json

PDF = Path(__file__).parent / "data" / "task_page_turn" / "p08_filled_grid_lines_s11221.pdf"
TRUTH = {
    "Xây dựng Quy chế chi tiêu nội bộ năm 2024": ("Công an xã", "UBMTTQ Việt Nam xã", "20/10/2024"),
    "Quản lý, sử dụng tài sản công đúng quy định": ("Bộ phận Một cửa", "Các đoàn thể", "17/08/2024"),
}


def test_two_rows_each_with_its_lead_and_deadline_across_a_page_turn_are_two_tasks():
    out = result_to_json(convert_file(PDF))
    (table,) = out["task_tables"]
    rows = {r["task"]: r for r in table["rows"]}
    for task, (lead, coordinator, deadline) in TRUTH.items():
        row = rows[task]
        assert (row["lead"], row["coordinator"], row["deadline"]) == (lead, coordinator, deadline)
        assert not [f for f in row["flags"] if "page break" in f]
    assert not [e for e in out["review"] if "page break" in str(e)]
