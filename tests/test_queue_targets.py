"""A plan's targets and a report's score statements count in the queue's silent errors
(benchmarks/queue_scoring.py): a wrong one no review entry names, a lost one no unread part tells."""

from benchmarks.corpus_scoring import score_document
from benchmarks.queue_scoring import queue_lines

TRUTH = {
    "targets": [
        {"indicator": "Tỷ lệ hồ sơ giải quyết đúng hạn", "comparator": ">=", "value": 95.0, "unit": "%", "year": 2025},
        {"indicator": "Mức độ hài lòng của người dân", "comparator": ">", "value": 85.0, "unit": "%", "year": 2025},
        {
            "indicator": "Số cuộc kiểm tra công tác cải cách hành chính",
            "comparator": ">=",
            "value": 3.0,
            "unit": "cuộc",
            "year": 2025,
        },
    ],
    "score_statements": [
        {"kind": "criterion", "code": "1.2", "points": 1.0, "max_points": 1.0},
        {"kind": "criterion", "code": "2.1", "points": 0.5, "max_points": 1.0},
    ],
}


def _output(review: list[dict]) -> dict:
    targets = [
        {"indicator": "Tỷ lệ hồ sơ giải quyết đúng hạn", "comparator": ">=", "value": 95.0, "unit": "%", "year": 2025},
        # its comparator misread ("trên" lost): wrong
        {"indicator": "Mức độ hài lòng của người dân", "comparator": "=", "value": 85.0, "unit": "%", "year": 2025},
    ]  # the count target is lost
    statements = [{"kind": "criterion", "code": "1.2", "points": 0.5, "max_points": 1.0}]  # 2.1 lost
    return {"targets": targets, "score_statements": statements, "review": review}


def test_targets_and_statements_wrong_or_lost_untold_are_silent():
    scored = score_document(TRUTH, _output([]))
    c = scored["tally"]
    assert (c["target_wrong"], c["target_wrong_queued"], c["target_lost"], c["target_lost_told"]) == (1, 0, 1, 0)
    assert (c["statement_wrong"], c["statement_wrong_queued"], c["statement_lost"]) == (1, 0, 1)
    assert {(s["pointer"], s["field"]) for s in scored["silent_errors"]} == {
        ("/targets/1", "target"),
        ("/targets", "1 targets lost"),
        ("/score_statements/0", "points"),
        ("/score_statements", "1 score statements lost"),
    }
    silent = queue_lines(c)[0]
    assert "4/4 wrong or lost values" in silent
    assert "targets lost untold 1/1" in silent


def test_queued_target_and_an_unread_part_say_them():
    review = [{"item": "/targets/1", "field": None}, {"item": "/unread/0", "field": None}]
    c = score_document(TRUTH, _output(review))["tally"]
    assert (c["target_wrong_queued"], c["target_lost_told"], c["statement_lost_told"]) == (1, 1, 1)
    assert "1/4 wrong or lost values" in queue_lines(c)[0]  # the statement read wrong, not queued
