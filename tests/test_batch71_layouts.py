"""The twenty-first batch of layouts, typed (seed 17311 of tools/make_corpus.py, truth the generator's):

- an annex printing only the last quarter and the year to date ("Quý II năm 2013 | Lũy kế 6 tháng"
  under a merged "Kết quả thực hiện", or "Lũy kế từ đầu năm | Thực hiện quý III"): before, the value
  was the quarter's (its label's "thực hiện" a result's word), the report's period is the running
  total's (extract/segment/stat_running_total.py);
- a summary of the fields turned over ("Nội dung | 1. Công tác chỉ đạo … | … | Tổng cộng" over the
  rows "Thang điểm" / "Điểm tự chấm"): before, the table went unread, or its point rows became an
  annex's indicators; it is read by its row labels as the score table it summarises
  (extract/segment/fields_across.py)."""

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


# ---------------------------------------------------------------- the fields across, points down

SCORE_FIELDS = ("code", "name", "max_points", "self_points")


def _score_rows(doc: dict) -> list[tuple]:
    return [tuple(r.get(f) for f in SCORE_FIELDS) for t in doc["score_tables"] for r in t["rows"]]


@pytest.mark.parametrize(
    "name",
    [
        "s17311-n88-i2-fields-across-share-row.docx",
        "s17311-n88-i1-fields-across-two-rows.pdf",
        # ("8. Tác động …" a field's label a points label fuzzily, "Tổng số điểm" the total's: no usual header)
        "s17312-n88-i3-fields-across-two-rows.docx",
    ],
)
def test_a_summary_with_the_fields_across_reads_a_row_per_field(name):
    """ "Nội dung | 1. Công tác chỉ đạo … | … | Tổng số điểm" over "Thang điểm" / "Điểm tự chấm" (and
    a share row): before, the table went unread (or its rows became an annex's indicators)."""
    out = result_to_json(convert_file(DATA / name))
    truth = _truth(name)
    # (each name as printed: "2. … văn bản quy phạm pháp luật" is the commune's wording, not lengthened
    # to a provincial set's "… pháp luật tại tỉnh", which the document does not print)
    assert _score_rows(out) == _score_rows(truth)
    (table,) = out["score_tables"]
    (want,) = truth["score_tables"]
    assert (table["stated_total_max"], table["stated_total_self"]) == (
        want["stated_total_max"],
        want["stated_total_self"],
    )
    assert out["statistics"] == []  # (the point rows are no annex's indicators)
    flagged = {(c["kind"], c.get("field")) for c in out["checks"] if c["status"] == "mismatch"}
    for fault in truth["faults"]:  # ("total max 64 but the top rows add to 62")
        assert any(field == fault["field"] for _, field in flagged), fault
