"""The review load counts task values on both sides (benchmarks/queue_scoring.py): a plan's task
fields read wrong and task rows not found join the denominator, as the queue's task-row and unread
entries are in the numerator; silent errors count the task values no entry covers."""

from benchmarks.corpus_scoring import score_document
from benchmarks.queue_scoring import queue_lines

TRUTH = {
    "task_rows": [
        {"task": "Xây dựng Quy chế chi tiêu nội bộ năm 2025", "deadline": "Quý III/2025", "lead": "Văn phòng"},
        {"task": "Rà soát thủ tục hành chính của xã", "deadline": "Quý I/2025", "lead": "Công an xã"},
        {"task": "Công khai dự toán, quyết toán ngân sách xã", "deadline": "Tháng 08/2025", "lead": "Văn phòng"},
    ]
}


def _output(review: list[dict]) -> dict:
    rows = [
        {"task": "Xây dựng Quy chế chi tiêu nội bộ năm 2025", "deadline": "Quý II/2025", "lead": "Văn phòng"},
        {"task": "Rà soát thủ tục hành chính của xã", "deadline": "Quý 1/2025", "lead": "Công an"},
    ]
    return {"task_tables": [{"rows": rows}], "review": review}


def test_task_fields_wrong_and_rows_lost_count_on_both_sides():
    row0 = {"item": "/task_tables/0/rows/0", "field": None}
    told = {"item": "/unread/0", "field": None}
    scored = score_document(TRUTH, _output([row0, told]))
    c = scored["tally"]
    # row 0: its deadline wrong, queued; row 1: deadline and lead wrong, not queued; row 2 lost, told
    assert (c["task_wrong"], c["task_wrong_queued"], c["task_lost"], c["task_lost_told"]) == (3, 1, 1, 1)
    assert [(s["pointer"], s["field"]) for s in scored["silent_errors"]] == [
        ("/task_tables/0/rows/1", "deadline"),
        ("/task_tables/0/rows/1", "lead"),
    ]
    silent, load = queue_lines(c)[:2]
    assert "2/4 wrong or lost values" in silent
    assert "2 entries / 4 values wrong, lost or faulty = 0.50" in load


def test_a_lost_task_row_no_entry_tells_is_silent():
    c = score_document(TRUTH, _output([]))["tally"]
    assert (c["task_lost"], c["task_lost_told"], c["queue_entries"]) == (1, 0, 0)
