"""A statistics annex whose unit column stands last ("STT | Nội dung chỉ tiêu | Kết quả thực hiện |
ĐVT", the figures carrying their unit) is no task table: a unit-of-measure column is an annex's or a
targets table's, never a task framework's, whatever its other columns map to ("Kết quả" a
product's words, "chỉ tiêu" an objective's). Read as tasks too, its 24 rows were invented tasks
beside the annex. A generated DOCX (N63, seed 11261, batch65's test data), its truth beside it."""

from __future__ import annotations

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file

DOCX = Path(__file__).parent / "data" / "layouts65" / "s11261-n63-i2-unit-last-carried.docx"


def test_an_annex_with_its_unit_column_last_is_read_as_an_annex_only():
    truth = json.loads(DOCX.with_name(DOCX.name + ".truth.json").read_text(encoding="utf-8"))
    assert not truth["task_rows"]
    printed = {r["code"]: r["value"] for a in truth["statistics"] for r in a["rows"]}
    result = convert_file(DOCX)
    assert {r.code: r.value for a in result.statistics for r in a.rows} == printed
    assert result.task_tables == []
