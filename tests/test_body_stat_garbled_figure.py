"""A report's numbered statistics whose figure OCR garbled, as a real Tesseract 5 ``vie`` dump of a
degraded scan reads them (issue 11): ``dumps72/d18102-n49-counts-unit-in-name-vie-psm3-degraded.txt``,
the D20 dump of N49 (seed 18102)::

    4. Số cán bộ, công chức cấp xã (người) ` NT n22
    | - Số cán bộ, công chức đạt chuẩn (người) ï Ễ 02
    - Số cán bộ, công chức chưa đạt chuẩn (người) : 2 S00
    - Tỷ lệ cán bộ, công chức đạt chuẩn (%) : .100

A letter glued to the figure ("n22", "2c,") or two numbers in the result cell ("2 S00") made the
whole line unread, and a numbered row unread took its items with it: eight rows lost, told only
as lines. The row is there, its indicator and bracketed unit legible: it is read with its figure
lost (flagged, told), and its items are read under it. The truth is the generator's file."""

from __future__ import annotations

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.body_stat_bracketed import bracketed_result

DUMP = Path(__file__).parent / "data" / "dumps72" / "d18102-n49-counts-unit-in-name-vie-psm3-degraded.txt"


def test_a_garbled_figure_is_a_figure_lost():
    assert bracketed_result("Số cán bộ, công chức cấp xã (người) ` NT n22") == (
        "Số cán bộ, công chức cấp xã",
        "",
        "người",
        True,
    )
    assert bracketed_result("Số cán bộ, công chức chưa đạt chuẩn (người) : 2 S00")[1] == ""
    # a figure among specks alone is read as before
    assert bracketed_result("Tỷ lệ cán bộ, công chức đạt chuẩn (%) : .100")[1] == "100"


def test_the_rows_of_a_garbled_figure_are_read():
    truth = json.loads(DUMP.with_name(DUMP.name + ".truth.json").read_text(encoding="utf-8"))
    want = [r for a in truth["statistics"] for r in a["rows"]]
    out = result_to_json(convert_file(DUMP))
    rows = [r for a in out["statistics"] for r in a["rows"]]
    names = [r["indicator"] for r in rows]
    for indicator in ("Số cán bộ, công chức cấp xã", "Số cán bộ, công chức chưa đạt chuẩn"):
        assert indicator in names
        (row,) = [r for r in rows if r["indicator"] == indicator]
        assert row["value"] is None  # (lost, not guessed)
    share = next(r for r in rows if r["indicator"] == "Tỷ lệ cán bộ, công chức đạt chuẩn")
    assert share["value"] == next(r["value"] for r in want if r["indicator"] == share["indicator"]) == 100.0
    four = next(r for r in rows if r["code"] == "4")
    assert four["indicator"] == next(r["indicator"] for r in want if r["code"] == "4")
    # each row whose figure was lost is told
    told = " ".join(u["text_sample"] for u in out["unread"])
    assert "Số cán bộ, công chức cấp xã" in told and "Số cán bộ, công chức chưa đạt chuẩn" in told
    assert len(rows) >= len(want) - 1  # (the quá hạn row's line took the next row's: one lost)
