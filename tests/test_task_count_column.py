"""A plan's task table with a count column after the product, "Số lượng sản phẩm" ("Số lượng (sản
phẩm)") holding "01", "04", "112" (held-out N73, DOCX and PDF, corpus seed 13271). On 836fc4df the
column's zero-padded figures were read as criterion codes whose dot OCR lost ("04" → "0.4"): every
task got a criterion code it does not have. Expected values from the generator's truth files
beside the documents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.task_count_column import count_columns
from extract.segment.task_tables import map_columns

DATA = Path(__file__).parent / "data" / "layouts67"
FIELDS = ("section", "code", "task", "product", "deadline", "lead", "coordinator", "criterion_code")


@pytest.mark.parametrize("name", ["s13271-n73-i1-counted-column.docx", "s13271-n73-i3-counted-column.pdf"])
def test_a_count_column_is_no_task_field(name):
    out = result_to_json(convert_file(DATA / name))
    truth = json.loads((DATA / f"{name}.truth.json").read_text())
    got = [tuple(r.get(f) for f in FIELDS) for t in out["task_tables"] for r in t["rows"]]
    assert got == [tuple(r.get(f) for f in FIELDS) for r in truth["task_rows"]]


def test_count_labels():
    labels = ["TT", "Nhiệm vụ", "Số lượng (sản phẩm)", "Sản phẩm", "Thời gian", "Chủ trì", "Phối hợp"]
    assert count_columns(labels) == {2}
    assert map_columns(labels)["product"] == 3  # the count's "sản phẩm" names what is counted
    assert count_columns(["Sản phẩm đầu ra", "Kết quả", "Thời hạn"]) == set()
