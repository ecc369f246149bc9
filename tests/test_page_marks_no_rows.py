"""A report's annex printed page by page with a page mark under each part ("- 1/3 -", "- 2/3 -",
"- 3/3 -"): the marks are no bulleted criteria. Read as such under the annex's title in capitals
(a "field"), they made a score table of four rows with no points, which was withdrawn and told
unread, in a document read whole. A generated DOCX of a held-out seed of the lead's (N33,
tools/make_corpus.py), its truth beside it."""

from __future__ import annotations

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file

DOCX = Path(__file__).parent / "data" / "typed65" / "annex_page_marks.docx"


def test_page_marks_are_no_rows_and_a_document_read_whole_tells_nothing():
    truth = json.loads(DOCX.with_name(DOCX.name + ".truth.json").read_text(encoding="utf-8"))
    printed = {r["code"]: r["value"] for r in truth["statistics"][0]["rows"]}
    assert len(printed) == 26 and not truth["score_tables"]
    result = convert_file(DOCX)
    read = {r.code: r.value for a in result.statistics for r in a.rows}
    assert read == printed  # the annex, read whole ...
    assert not result.score_tables  # ... no score table made of its marks ...
    assert result.unread == []  # ... and nothing told unread
