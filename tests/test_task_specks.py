"""A speck OCR read as a stop between a task's word and a figure is taken out and the row flagged
(``task_word_mends``; issues 14, 16). Seed 13001's S26 i3 (a P08 plan photographed; its ingest — Tesseract's
lines and the grid's cells — stored in tests/data/scans_unread68 with the generator's truth): the
task "Tổ chức hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm" read "… hành
chính.6 tháng đầu năm". Before, the task came out so, wrong and in no review entry (now mended and flagged)."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.corpus_scoring import score_document
from ingested_docs import converted_ingested, ingested_from_json

DATA = Path(__file__).parent / "data" / "scans_unread68" / "s13001-s26-i3-p08-ingested.json"
TASK = "Tổ chức hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm"


def test_a_stop_ocr_held_between_a_task_word_and_a_figure_is_mended_and_queued():
    truth = json.loads(DATA.with_name(DATA.name + ".truth.json").read_text(encoding="utf-8"))
    assert TASK in [r["task"] for r in truth["task_rows"]]
    cells = [c.text for p in ingested_from_json(DATA).pages for t in p.tables for c in t.cells]
    assert any("hành chính.6 tháng" in text for text in cells)  # as OCR read it
    out = converted_ingested(DATA)
    (i,) = [i for i, r in enumerate(out["task_tables"][0]["rows"]) if r["task"].startswith("Tổ chức hội nghị sơ kết")]
    assert out["task_tables"][0]["rows"][i]["task"] == TASK
    # the mend is flagged on the row (``task_word_mends.GLUED_STOP``)
    assert any("glued_stop_dropped" in note for note in out["task_tables"][0]["rows"][i]["flags"])
    result = score_document(truth, out)
    assert result["tasks_wrong"] == [] and result["tally"]["task_fields_right"] == result["tally"]["task_fields"]
