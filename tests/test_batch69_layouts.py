"""The nineteenth batch of layouts, typed (seed 15311 of tools/make_corpus.py, truth the generator's):
a statistics annex with a label row ("Trong đó:", "Chia ra:", "Bao gồm:") between a count and its
items, no code and no figure (extract/segment/stat_label_rows.py). Before, the label row was read as
a row of its own with an inferred code, moving the items after it under it and the ratio row below
against the wrong count."""

import json
from pathlib import Path

import pytest

from cchc_extract.pipeline import convert_file, result_to_json
from extract.model import Line
from extract.segment.line_header import points_order
from extract.segment.stat_label_rows import LabelRowSettings, is_label_row

DATA = Path(__file__).parent / "data" / "batch69"


def _truth(name: str) -> dict:
    return json.loads((DATA / f"{name}.truth.json").read_text())


@pytest.mark.parametrize("name", ["s15311-n81-i1-label-rows-in-cell.pdf", "s15311-n81-i2-label-rows-across.docx"])
def test_a_label_row_is_no_row_and_its_count_keeps_its_items(name):
    out = result_to_json(convert_file(DATA / name))
    fields = ("code", "indicator", "unit", "value")
    got = [tuple(r.get(f) or None for f in fields) for a in out["statistics"] for r in a["rows"]]
    want = [tuple(r.get(f) or None for f in fields) for a in _truth(name)["statistics"] for r in a["rows"]]
    assert got == want
    # the ratio rows are read against their own count: no mismatch but the planted faults
    planted = {(f["code"], f["kind"]) for f in _truth(name)["faults"]}
    assert {(c["code"], c["kind"]) for c in out["checks"] if c["status"] == "mismatch"} == planted


def test_a_label_row_is_labels_alone_with_no_code():
    settings = LabelRowSettings()
    assert is_label_row("", ("Trong đó:", "", "", ""), settings)
    assert is_label_row("", ("Chia ra:", "Chia ra:", "Chia ra:", "Chia ra:"), settings)
    assert is_label_row("", ("Bao gồm", "", "", ""), settings)
    assert not is_label_row("2", ("Trong đó:", "", "", ""), settings)  # a code: a row of its own
    assert not is_label_row("", ("Trong đó: số hồ sơ trực tuyến", "Hồ sơ", "12", ""), settings)
    assert not is_label_row("", ("", "", "", ""), settings)


# Seed 15311's D28 dump of N78 (Tesseract, eng, psm 6): the header wraps "Thang điểm | Điểm thẩm
# định của Hội đồng | Điểm tự chấm" as "Thang Diém Diém ty" over "diém tham cham": the appraisal
# is printed before the self points. Rows 5, 7 and 8 print no points the dump can read.
DUMP_N78 = "s15311-d28-i1-n78-i1-appraised-first-max-first-eng-psm6-300dpi.txt"


def test_the_header_s_words_say_which_points_column_is_self_and_which_appraised():
    out = result_to_json(convert_file(DATA / DUMP_N78))
    fields = ("code", "max_points", "self_points", "appraised_points")
    got = {r["code"]: tuple(r.get(f) for f in fields) for t in out["score_tables"] for r in t["rows"]}
    truth = [tuple(r.get(f) for f in fields) for t in _truth(DUMP_N78)["score_tables"] for r in t["rows"]]
    legible = [row for row in truth if row[0] in ("1", "2", "3", "4", "6")]
    assert [got[row[0]] for row in legible] == legible
    assert any(row[2] != row[3] for row in legible)  # (the appraisal differs from the self points)


def _lines(*texts: str) -> list[Line]:
    return [Line(text=t, page=1, number=k + 1) for k, t in enumerate(texts)]


# Seed 15312's D28 dump of N78 (Tesseract, eng, psm 4): "Điểm Phòng Nội vụ thẩm định" wraps as
# "Diém Diém | Diémtw |" over "toi da Phong cham" / "Noi vu" / "tham" / "dinh": no line names the
# appraisal's key beside the self points, its body's word "Phòng" places it before them.
DUMP_N78_BODY = "s15312-d28-i1-n78-i1-appraised-first-max-first-eng-psm4-250dpi.txt"


def test_the_appraising_body_s_word_places_the_appraisal_before_the_self_points():
    out = result_to_json(convert_file(DATA / DUMP_N78_BODY))
    fields = ("code", "max_points", "self_points", "appraised_points")
    got = [tuple(r.get(f) for f in fields) for t in out["score_tables"] for r in t["rows"]]
    truth = [tuple(r.get(f) for f in fields) for t in _truth(DUMP_N78_BODY)["score_tables"] for r in t["rows"]]
    assert got == truth
    assert any(row[2] != row[3] for row in truth)


def test_points_order_follows_the_header_lines():
    points = ("max", "self", "appraised")
    assert points_order(_lines("STT Tiêu chí Điểm tối đa Điểm tự chấm Điểm thẩm định"), points) == points
    assert points_order(_lines("Thang Điểm Điểm tự", "điểm thẩm chấm", "định"), points) == ("max", "appraised", "self")
    first = points_order(_lines("TT Nội dung Điểm thẩm định Điểm tự chấm Điểm tối đa"), points)
    assert first == ("appraised", "self", "max")
    assert points_order(_lines("STT Tiêu chí", "Điểm"), points) == points  # no two named: the usual order
    assert points_order(_lines("Điểm Điểm | Điểm tự", "tối đa Phòng chấm", "Nội vụ"), points) == (
        "max",
        "appraised",
        "self",
    )
