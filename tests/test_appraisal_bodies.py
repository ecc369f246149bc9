"""Appraisals by two bodies side by side, "Điểm Phòng Nội vụ đề xuất | Điểm Hội đồng thẩm định" or
"Phòng Nội vụ thẩm định | Hội đồng thẩm định" (held-out N68 DOCX, corpus seed 12001, read by the
lead after the round): the appraised points are the council's, the later column, read right; but
the office's column, which no field took, held every row's self points at 0.3 and queued them
(10 entries a document, none on a wrong value). The earlier body's column is the earlier round:
context. Expected values from the generator's truth files beside the documents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.appraisal_rounds import names_appraisal

DATA = Path(__file__).parent / "data" / "layouts66"


@pytest.mark.parametrize("name", ["s12001-n68-i2-rounds-bodies.docx", "s12001-n68-i4-rounds-bodies.docx"])
def test_the_earlier_body_is_context_not_a_column_left_unread(name):
    out = result_to_json(convert_file(DATA / name))
    truth = json.loads((DATA / f"{name}.truth.json").read_text())
    fields = ("code", "max_points", "self_points", "appraised_points")
    got = [tuple(r.get(f) for f in fields) for r in out["score_tables"][0]["rows"]]
    assert got == [tuple(r.get(f) for f in fields) for r in truth["score_tables"][0]["rows"]]
    assert not any("which no field took" in item["reason"] for item in out["review"])
    planted = {(f["code"], f["field"]) for f in truth["faults"]}
    queued = {(item["code"], item["field"]) for item in out["review"]}
    assert queued == planted  # the planted fault alone, if any


def test_appraisal_labels():
    assert names_appraisal("Điểm Phòng Nội vụ đề xuất")
    assert names_appraisal("Phòng Nội vụ thẩm định")
    assert not names_appraisal("Điểm tự chấm")
    assert not names_appraisal("Năm 2023")
