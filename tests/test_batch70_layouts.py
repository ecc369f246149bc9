"""The twentieth batch of layouts, typed (seed 16311 of tools/make_corpus.py, truth the generator's):

- a field printed as one bold row across the score table, its points only in its words ("1. Công
  tác … (tối đa 12 điểm, tự chấm 8 điểm)", "…: điểm tối đa 12; điểm tự chấm 7,75"): before, the row
  read as a code with no name and no points (extract/segment/heading_points.py);
- no maximum column, each leaf's scale after its name ("(0 - 2 điểm)", "(từ 0 đến 2 điểm)"): the
  table went unread whole (extract/segment/max_in_name.py); its total row printed first with its
  maximum in its label and no figure ("Tổng cộng (101 điểm)") was taken for a header row
  (extract/segment/table_header.py);
- a bullet whose total counts "phản ánh, kiến nghị" with its parts in brackets, each in that whole
  phrase: the comma inside the noun phrase lost the count (extract/segment/count_kinds.py)."""

import json
from pathlib import Path

import pytest

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.heading_points import heading_points
from extract.segment.max_in_name import name_maximum
from extract.segment.table_header import header_row_count

DATA = Path(__file__).parent / "data" / "batch70"
SCORE_FIELDS = ("code", "name", "max_points", "self_points")


def _truth(name: str) -> dict:
    return json.loads((DATA / f"{name}.truth.json").read_text())


def _rows(out: dict) -> list[tuple]:
    return [tuple(r.get(f) for f in SCORE_FIELDS) for t in out["score_tables"] for r in t["rows"]]


def _mismatches(out: dict) -> set[tuple]:
    return {(c["kind"], c.get("code")) for c in out["checks"] if c["status"] == "mismatch"}


@pytest.mark.parametrize(
    "name", ["s16311-n82-i3-field-headings-parenthesis.docx", "s16311-n82-i2-field-headings-colon.pdf"]
)
def test_a_field_heading_across_the_table_gives_its_points_from_its_words(name):
    out = result_to_json(convert_file(DATA / name))
    truth = _truth(name)
    assert _rows(out) == [tuple(r.get(f) for f in SCORE_FIELDS) for t in truth["score_tables"] for r in t["rows"]]
    # the planted faults are flagged, the heading's own ("parent 6 self 6.5 but children add to 6") too
    for fault in truth["faults"]:
        assert any(code == fault["code"] for _, code in _mismatches(out)), fault


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "1. Công tác chỉ đạo, điều hành cải cách hành chính (tối đa 12 điểm, tự chấm 8 điểm)",
            ("1.", "Công tác chỉ đạo, điều hành cải cách hành chính", "12", "8"),
        ),
        (
            "3. Cải cách thủ tục hành chính: điểm tối đa 18; điểm tự chấm 15",
            ("3.", "Cải cách thủ tục hành chính", "18", "15"),
        ),
        ("II. CẢI CÁCH TTHC: điểm tối đa 14,5; điểm tự chấm -", ("II.", "CẢI CÁCH TTHC", "14,5", "-")),
        ("2. Cai cach TTHC (toi da 8 diem, tu cham 7,5 diem)", ("2.", "Cai cach TTHC", "8", "7,5")),  # OCR, marks lost
    ],
)
def test_heading_points_in_words(text, want):
    assert heading_points(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "Tỷ lệ hồ sơ giải quyết đúng hạn (tối đa 2 điểm)",  # a maximum alone: max_in_name's
        "Đạt từ 2 điểm trở lên được tự chấm điểm tối đa",
        "1. Công tác chỉ đạo, điều hành cải cách hành chính",
    ],
)
def test_a_heading_without_both_figures_is_left_alone(text):
    assert heading_points(text) is None


@pytest.mark.parametrize("name", ["s16311-n83-i2-range-in-name-tu-den.docx", "s16311-n83-i1-range-in-name-dash.pdf"])
def test_a_scale_in_the_name_gives_the_maximum_and_a_total_first_keeps_its_figure(name):
    out = result_to_json(convert_file(DATA / name))
    truth = _truth(name)
    assert _rows(out) == [tuple(r.get(f) for f in SCORE_FIELDS) for t in truth["score_tables"] for r in t["rows"]]
    table, want = out["score_tables"][0], truth["score_tables"][0]
    assert (table["stated_total_max"], table["stated_total_self"]) == (
        want["stated_total_max"],
        want["stated_total_self"],
    )
    assert len(_mismatches(out)) == len(truth["faults"])  # seed 16311's i2: "Tổng cộng (101 điểm)" over 100


@pytest.mark.parametrize(
    ("text", "name", "figure"),
    [
        ("Ban hành kế hoạch CCHC năm (0 - 2 điểm)", "Ban hành kế hoạch CCHC năm", "2"),
        ("Ban hành kế hoạch CCHC năm (từ 0 đến 2,5 điểm)", "Ban hành kế hoạch CCHC năm", "2,5"),
        ("Ban hanh ke hoach CCHC nam (tu 0 den 2 diem)", "Ban hanh ke hoach CCHC nam", "2"),  # OCR, marks lost
    ],
)
def test_a_scale_s_top_is_the_maximum(text, name, figure):
    assert name_maximum(text) == (name, figure)


def test_a_total_row_alone_under_the_header_is_no_header_row():
    header = ["STT", "Lĩnh vực/Tiêu chí", "Điểm tự đánh giá", "Giải trình"]
    assert header_row_count([header, ["", "Tổng cộng (101 điểm)", "", ""], ["1.", "Công tác …", "9", ""]]) == 1
    # a second header row naming a column "Tổng số" stays a header row
    assert header_row_count([["STT", "Số hồ sơ", "", ""], ["", "Tổng số", "", ""], ["1", "UBND xã", "12", ""]]) == 2


def test_a_count_of_a_two_kind_noun_phrase_with_its_parts_in_brackets():
    name = "s16311-n85-i2-narrative-bullets-share-last.docx"
    out = result_to_json(convert_file(DATA / name))
    got = {(c["total"], tuple(p["value"] for p in c["parts"])) for c in out["counts"]}
    want = {(float(c["total"]), tuple(float(p) for p in c["parts"])) for c in _truth(name)["counts"]}
    assert want <= got  # "Tiếp nhận 30 phản ánh, kiến nghị (đã xử lý xong: 18 phản ánh, kiến nghị; …)"
