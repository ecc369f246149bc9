"""Where an OCR dump's rows were lost (benchmarks/row_causes.py): each missed truth row under the
first cause that holds, judged on the dump's own text."""

from benchmarks.row_causes import row_causes

TRUTH = {
    "score_tables": [
        {
            "rows": [
                {"code": "1", "name": "Công tác chỉ đạo, điều hành", "max_points": 10.0, "self_points": 9.0},
                {"code": "1.1", "name": "Kế hoạch cải cách hành chính năm", "max_points": 5.0, "self_points": 5.0},
                {"code": "1.2", "name": "Báo cáo cải cách hành chính", "max_points": 2.0, "self_points": 2.0},
                {"code": "1.3", "name": "Kiểm tra công tác cải cách", "max_points": 3.0, "self_points": 2.0},
            ]
        }
    ],
    "statistics": [{"rows": [{"code": "1", "indicator": "Số cuộc tuyên truyền", "value": 4.0}]}],
}


def _missed(*codes: str) -> list[dict]:
    rows = {r["code"]: r["name"] for r in TRUTH["score_tables"][0]["rows"]}
    return [{"kind": "score_tables", "table": 0, "code": c, "text": rows[c]} for c in codes]


def test_each_missed_row_has_its_cause():
    # 1.1 was read under a misread code ("L.1"): an invented row prints its name; 1.2's name is not in
    # the text at all; 1.3's is, and no row came of it; the annex's one row went with its table.
    text = (
        "1. Cong tac chi dao, dieu hanh 10 9\n"
        "L.1 Ke hoach cai cach hanh chinh nam 5 5\n"
        "a8 ~~ ee\n"
        "Kiem tra cong tac cai cach 3 2\n"
    )
    doc = {
        "missed_rows": [
            *_missed("1.1", "1.2", "1.3"),
            {"kind": "statistics", "table": 0, "code": "1", "text": "Số cuộc tuyên truyền"},
        ],
        "invented_rows": [{"kind": "score_tables", "code": "2.1", "text": "Kế hoạch cải cách hành chính năm"}],
    }
    causes = {(m["kind"], m["code"]): cause for cause, m in row_causes(doc, text, TRUTH)}
    assert causes == {
        ("score_tables", "1.1"): "read, paired wrong",
        ("score_tables", "1.2"): "name illegible",
        ("score_tables", "1.3"): "legible, not read",
        ("statistics", "1"): "table lost",
    }
    assert row_causes({"missed_rows": []}, text, TRUTH) == []
