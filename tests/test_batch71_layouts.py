"""The twenty-first batch of layouts, typed (seed 17311 of tools/make_corpus.py, truth the generator's):

- an annex printing only the last quarter and the year to date ("Quý II năm 2013 | Lũy kế 6 tháng"
  under a merged "Kết quả thực hiện", or "Lũy kế từ đầu năm | Thực hiện quý III"): before, the value
  was the quarter's (its label's "thực hiện" a result's word), the report's period is the running
  total's (extract/segment/stat_running_total.py)."""

import json
from pathlib import Path

import pytest

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.statistics import column_roles

DATA = Path(__file__).parent / "data" / "batch71"


def _truth(name: str) -> dict:
    return json.loads((DATA / f"{name}.truth.json").read_text())


def _values(doc: dict) -> list[tuple]:
    return [(r["code"], r.get("value")) for t in doc["statistics"] for r in t["rows"]]


@pytest.mark.parametrize(
    "name",
    [
        "s17311-n89-i1-quarter-cumulative-quarter-first.docx",
        "s17311-n89-i4-quarter-cumulative-cumulative-first.pdf",
    ],
)
def test_a_quarter_beside_the_year_to_date_gives_the_running_total(name):
    out = result_to_json(convert_file(DATA / name))
    truth = _truth(name)
    assert _values(out) == _values(truth)
    flagged = {(c["kind"], c.get("code")) for c in out["checks"] if c["status"] == "mismatch"}
    for fault in truth["faults"]:  # (a share printed off its cumulative counts)
        assert any(code == fault["code"] for _, code in flagged), fault


@pytest.mark.parametrize(
    ("labels", "value"),
    [
        (["STT", "Nội dung", "ĐVT", "Kết quả thực hiện Quý III năm 2024", "Kết quả thực hiện Lũy kế 9 tháng"], 4),
        (["TT", "Chỉ tiêu", "Đơn vị tính", "Lũy kế từ đầu năm", "Thực hiện quý III"], 3),
        # a plan for the year or last year's running total is no figure of the period
        (["STT", "Nội dung", "ĐVT", "Thực hiện quý III", "Kế hoạch 9 tháng"], 3),
        (["STT", "Nội dung", "ĐVT", "Thực hiện quý III", "Lũy kế cùng kỳ năm trước"], 3),
    ],
)
def test_the_running_total_is_the_value_column(labels, value):
    assert column_roles(labels)["value"] == value
