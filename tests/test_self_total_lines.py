"""Self points split in sub-columns, the parts first and their sum last, in an OCR dump's score
table (``extract/segment/self_total_lines.py``): the self points are the sum, not the first part,
and the bonus is no appraisal. Expected values are the generator's truth files: seed 19131's D31
dump d31-i2 (tests/data/dumpnums74, whole) and seed 18001's (its rows' and totals line's figures
as printed, lines 16-24: "Thang điểm | Điểm tự đánh giá" over "Điểm đạt | Điểm thưởng | Cộng")."""

from __future__ import annotations

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.self_total_lines import parts_first_header, stated_sum, sum_of_row
from schemas.records import ScoreRow

DUMP = Path(__file__).parent / "data" / "dumpnums74" / "s19131-d31-i2-n91-self-split-parts-first-vie-psm6-250dpi.txt"


def test_the_dumps_self_points_are_the_sums():
    out = result_to_json(convert_file(DUMP))
    truth = json.loads(DUMP.with_name(DUMP.name + ".truth.json").read_text(encoding="utf-8"))
    want = {
        r["code"]: (r["max_points"], r["self_points"], r["appraised_points"]) for r in truth["score_tables"][0]["rows"]
    }
    (table,) = out["score_tables"]
    got = {r["code"]: (r["max_points"], r["self_points"], r["appraised_points"]) for r in table["rows"]}
    assert got == want  # 1: 10 (9,75 + 0,25), 3: 13 (12,5 + 0,5): no appraisal
    assert not [c for c in out["checks"] if c["status"] == "mismatch"]


def _row(max_points: float, self_raw: str, second_raw: str, explanation: str = "") -> ScoreRow:
    return ScoreRow(
        code="1",
        max_points=max_points,
        self_points=float(self_raw.replace(",", ".")),
        self_points_raw=self_raw,
        appraised_points=float(second_raw.replace(",", ".")),
        appraised_points_raw=second_raw,
        explanation=explanation,
    )


def test_rows_and_totals_line_of_seed_18001():
    with_bonus = _row(10, "9,75", "0,25", "10 Thông báo số")  # line 18: truth 10
    without = _row(14.5, "14", "14")  # line 21: truth 14
    nought = _row(10, "0", "0")  # line 16: truth 0
    for row in (with_bonus, without, nought):
        sum_of_row(row)
    assert [r.self_points for r in (with_bonus, without, nought)] == [10.0, 14.0, 0.0]
    assert [r.appraised_points for r in (with_bonus, without, nought)] == [None, None, None]
    assert with_bonus.explanation == "Thông báo số"
    assert stated_sum([45.5, 34.5, 0.25, 34.75]) == 34.75  # line 24 "TỔNG ĐIỂM 45,5 34,5 0,25 34,75": truth 34.75
    assert stated_sum([45.5, 34.5, 0.5, 34.75]) is None  # (parts not adding up: not taken)


def test_headers_splitting_the_self_points():
    assert parts_first_header("thang diem tu danh gia tai lieu kiem diem diem | diem cong chung dat thuong")
    assert parts_first_header("diem tai lieu kiem chuan | diem | diem tong chung theo cong tieu chi")
    assert not parts_first_header("diem toi da diem tu cham diem tham dinh")
    assert not parts_first_header("tong diem toi da diem tu cham")  # (a single "Tổng": a total's column)
