"""Criteria pasted several to a row (``pasted_rows``) whose notes cell leaves a criterion's note
blank: "Chưa hoàn thành 4/6 nhiệm vụ theo kế hoạch" / (blank) / "Tỷ lệ đạt 82%" / (blank) beside
codes 1.1.1–1.1.4. The blank is a line no text marks; the notes are placed by where their lines
stand against the code cell's, as a figure cell's are, not glued onto the first criterion (whose
"4/6 … 82%" then read as a share of its own, a false ``mismatch``). A generated DOCX of a held-out
seed of the lead's (N31, tools/make_corpus.py), its truth beside it."""

from __future__ import annotations

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file

DOCX = Path(__file__).parent / "data" / "typed65" / "notes_with_blank_lines.docx"


def test_each_pasted_note_goes_to_its_own_criterion_and_no_false_share_is_told():
    truth = json.loads(DOCX.with_name(DOCX.name + ".truth.json").read_text(encoding="utf-8"))
    printed = {r["code"]: r["explanation"] or "" for r in truth["score_tables"][0]["rows"]}
    assert printed["1.1.1"] == "Chưa hoàn thành 4/6 nhiệm vụ theo kế hoạch"
    assert printed["1.1.2"] == "" and printed["1.1.3"] == "Tỷ lệ đạt 82%"
    result = convert_file(DOCX)
    read = {r.code: r.explanation or "" for t in result.score_tables for r in t.rows}
    assert read == printed
    assert not [c for c in result.checks if c.status == "mismatch"]  # the document has no fault
