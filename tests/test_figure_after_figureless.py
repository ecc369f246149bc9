"""An annex figure of an OCR dump placed after a row that printed none (issue 14, silent errors).

``queue78/d20001-n56-…txt``, a dump of N56 (spent seed 20001), prints a block of labels and then
the block of their figures::

    - S6 TTHC cung cap dich vu cOng truc tuyén toan trinh
    - S6 TTHC cung cap dich vu cong truc tuyén mét phan
    - S6 TTHC chi cung cap thong tin :

    | 79/134 this tuc (58,96%)

The line reader gave 79 (the first label's figure, the truth's 79) to the last label, whose truth is
4, and the same befell "Giải quyết quá hạn" (24 read, 15 the truth's); both sat at 0.995 and 1.0,
out of the review queue (79 held by the ratio 58,96 % that took it for its numerator).
``queue78/d19001-n49-…txt`` (N49, spent seed 19001) lost its whole "4. Tổng số thủ tục …" figure and
gave its first part the figure "8)" read 8 (the truth: 69), silent at 0.995. A figure after a
row that counts and printed nothing may be that row's: it is as unsure as a cell OCR half read
(``stat_rows.follows_figureless``). Expected values: the generator's truth files beside the dumps."""

from __future__ import annotations

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from cchc_extract.reconcile.stat_rows import follows_figureless
from schemas.records import StatRow

DATA = Path(__file__).parent / "data" / "queue78"
BLOCKS = DATA / "d20001-n56-over-whole-bracketed-eng-psm4-200dpi-degraded.txt"
LOST_PARENT = DATA / "d19001-n49-counts-unit-in-name-vie-psm4-300dpi-degraded.txt"


def _row(code: str | None, value: float | None, parent: str | None = None, unit: str = "", **kw) -> StatRow:
    raw = "" if value is None else f"{value:g}"
    return StatRow(code=code, indicator="x", unit=unit, value=value, value_raw=raw, parent=parent, **kw)


def test_which_rows_follow_a_figureless_row():
    parent = _row("2", 134.0, level=1)
    blank = _row(None, None, parent="2", level=0)
    part = _row(None, 79.0, parent="2", level=0)
    assert follows_figureless([parent, blank, part], 2)  # a sibling printed nothing
    assert not follows_figureless([parent, part, blank], 1)  # the blank comes after it
    lost = _row(None, None, parent="2", level=0, flags=["missing_value"])
    assert not follows_figureless([parent, lost, part], 2)  # a cell lost keeps its place
    heading = _row("2", None, level=1)
    child = _row("2.1", 5.0, parent="2", level=2)
    assert not follows_figureless([heading, child], 1)  # a heading, no unit: prints no figure
    counted = _row("2", None, level=1, unit="thủ tục")
    assert follows_figureless([counted, child], 1)  # a count that printed nothing


def _placed(dump: Path) -> list[tuple[dict, float, bool]]:
    truth = json.loads(dump.with_name(dump.name + ".truth.json").read_text(encoding="utf-8"))
    want = [r["value"] for a in truth["statistics"] for r in a["rows"]]
    out = result_to_json(convert_file(dump))
    (annex,) = out["statistics"]
    queued = {r["item"] for r in out["review"] if r.get("field") in ("value", None)}
    return [(row, want[k], f"/statistics/0/rows/{k}" in queued) for k, row in enumerate(annex["rows"])]


def test_a_block_figure_on_the_last_label_is_queued():
    rows = _placed(BLOCKS)
    for name in ("Số TTHC chỉ cung cấp thông tin", "Giải quyết quá hạn"):
        ((row, want, queued),) = [r for r in rows if r[0]["indicator"] == name]
        assert row["value"] != want and queued  # (79 for 4, 24 for 15)
    # the figures on their own labels' lines, read right, stay out of the queue
    for row, want, queued in rows:
        if row["code"] in ("1", "2", "3", "6"):
            assert row["value"] == want and not queued


def test_a_first_part_after_a_parent_that_lost_its_figure_is_queued():
    rows = _placed(LOST_PARENT)
    k = next(k for k, (row, _, _) in enumerate(rows) if row["code"] == "4")
    row, want, queued = rows[k + 1]
    assert row["value"] != want and queued  # (8 for 69)
