"""A totals row read with one figure while OCR garbled the other ("Tổng số điểm “T01 95,25" for
"101 | 95,25"; real Tesseract output of a generated D27 report, seed 15001 of the lead's, its truth
beside it) checks the rows against the total read, and nothing against the one lost: the commune's
total maximum of 101 over rows adding up to 100 (the truth's planted fault) went unseen with nothing
said. The garbled figure is told: an unread part of the totals line, a `skipped` check on that
field's total, and one review entry on the table, where a person reads the printed total."""

from __future__ import annotations

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file
from extract.model import IngestedDocument, Line, Page
from extract.segment.unread_lost_total import lost_total, lost_total_field
from extract.segment.unread_rows import UnreadRowSettings
from schemas.records import ScoreRow, ScoreTable, SourceRef

DUMP = Path(__file__).parent / "data" / "unread71" / "total_max_garbled.txt"


def test_a_totals_row_whose_maximum_ocr_garbled_is_told_and_its_check_skipped():
    truth = json.loads(DUMP.with_name(DUMP.name + ".truth.json").read_text(encoding="utf-8"))
    assert truth["score_tables"][0]["stated_total_max"] == 101.0  # printed "“T01" by OCR
    assert [f["kind"] for f in truth["faults"]] == ["total_sum"]
    result = convert_file(DUMP)
    (table,) = result.score_tables
    assert table.stated_total_self == truth["score_tables"][0]["stated_total_self"] == 95.25
    assert table.stated_total_max is None  # not guessed
    told = [p for p in result.unread if lost_total_field(p) == "max_points"]
    assert len(told) == 1 and "“T01" in told[0].reason and told[0].line_start is not None
    skipped = [c for c in result.checks if c.kind == "stated_total" and c.field == "max_points"]
    assert [c.status for c in skipped] == ["skipped"]
    entries = [r for r in result.review if "garbled by OCR (“T01)" in r.reason]
    assert [r.item for r in entries] == ["/score_tables/0"]  # asked once, on the table


def test_a_totals_row_printing_one_figure_has_nothing_lost():
    row = ScoreRow(code="8", max_points=15.5, self_points=14.0, source=SourceRef(page=1, line_start=3, line_end=3))
    table = ScoreTable(rows=[row], stated_total_self=95.25)
    for text, told in (("Tổng số điểm 95,25", False), ("Tổng số điểm “T01 95,25", True)):
        page = Page(number=1, blocks=[Line("8 Tác động 15,5 14", 1, 3), Line(text, 1, 4)])
        doc = IngestedDocument(path="x.txt", format="txt", pages=[page])
        assert bool(lost_total(doc, table, [row], lambda line, page: False, UnreadRowSettings())) is told
