"""Rows lost together are told once (``cchc_extract/reconcile/queue_runs.py``, issue 14): the parts
told unread on one run of lines of OCR'd text go to the review queue as one entry, and every part
stays in ``unread``. The dump in ``tests/data`` is an OCR text dump of a report whose numbered
statistics OCR spoilt line after line (specks for figures, "T12" for 112): each line is told, the
queue sends a person to the run once."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from cchc_extract.reconcile.queue_runs import RunSettings, runs_told_once
from schemas.records import ExtractionResult, ReviewItem, SourceInfo, UnreadPart

DUMP = Path(__file__).parent / "data" / "stat_lines_lost_run_dump.txt"


def test_a_run_of_lines_lost_in_a_dump_is_one_entry_naming_every_part():
    out = result_to_json(convert_file(DUMP, DUMP.name))
    parts = out["unread"]
    assert len(parts) >= 5 and {p["kind"] for p in parts} == {"rows"}  # every line told, none dropped
    entries = [r for r in out["review"] if r["item"].startswith("/unread/")]
    assert len(entries) == 1, entries
    (entry,) = entries
    first, last = min(p["line_start"] for p in parts), max(p["line_end"] or p["line_start"] for p in parts)
    assert entry["item"] == "/unread/0" and entry["confidence"] == 0.0
    # A part on the line of a row whose value is queued is asked on that row's entry, its reason
    # among the value's (dumprows72: the run lost half its figures, so the figure its row 5 read
    # is doubted and queued, and the numbering's gap before 5 is said there); the others, together.
    on_values = [r for r in out["review"] if not r["item"].startswith("/unread/")]
    apart = [p for p in parts if any(f"not read: {p['reason']}" in (r["reason"] or "") for r in on_values)]
    together = [p for p in parts if p not in apart]
    assert len(apart) <= 1
    assert entry["reason"].startswith(f"not read: {len(together)} parts on lines {first}–{last} of page 1")
    reasons = entry["reason"].split("\n")
    assert all(f"not read: {p['reason']}" in reasons for p in together)  # each distinct reason said
    assert len(reasons) == 1 + len({p["reason"] for p in together})


def _part(line: int, end: int | None = None, page: int = 1, kind: str = "rows") -> UnreadPart:
    return UnreadPart(
        page=page,
        kind=kind,
        reason=f"lost at {line}",
        text_sample=f"line {line}",
        line_start=line,
        line_end=end or line,
    )


def _entries(parts: list[UnreadPart]) -> list[ReviewItem]:
    return [
        ReviewItem(
            item=f"/unread/{i}",
            field=None,
            page=p.page,
            raw=p.text_sample,
            reason=f"not read: {p.reason}",
            confidence=0.0,
        )
        for i, p in enumerate(parts)
    ]


def _result(parts: list[UnreadPart], ocr: bool) -> ExtractionResult:
    return ExtractionResult(source=SourceInfo(method="text", read_by_ocr=ocr), unread=parts)


def test_runs_are_cut_at_a_gap_and_at_a_part_of_another_kind_not_at_a_page_break():
    parts = [_part(10), _part(12, 14), _part(15), _part(20), _part(21, page=2), _part(22, page=2, kind="table")]
    items = runs_told_once(_entries(parts), _result(parts, ocr=True))
    assert [i.item for i in items] == ["/unread/0", "/unread/3", "/unread/5"]
    assert items[0].reason.split("\n")[0] == "not read: 3 parts on lines 10–15 of page 1, told together"
    assert items[0].raw == "line 10 / line 12 / line 15"
    # 5 lines after the first run: a look of its own, with the next page's first line (lines run
    # on over the pages: a row lost at the foot of a page and its numbering's gap atop the next)
    assert items[1].reason.split("\n")[0] == "not read: 2 parts on lines 20–21 of pages 1–2, told together"
    assert items[2].reason == "not read: lost at 22"  # a table is no run of rows
    # (a wider gap allowed joins the runs)
    assert len(runs_told_once(_entries(parts), _result(parts, ocr=True), RunSettings(max_gap_lines=5))) == 2


def test_a_typed_documents_parts_keep_their_own_entries():
    parts = [_part(10), _part(11), _part(12)]
    assert runs_told_once(_entries(parts), _result(parts, ocr=False)) == _entries(parts)
