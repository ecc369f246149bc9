"""An annex row of an OCR dump whose name kept one of its line's figures (issue 14, silent errors):
``dumps74/d18001-n80-share-column-items-eng-psm3-degraded.txt``, the D28 dump of N80 (seed 18001),
whose annex prints a count and its share on each line::

    6.1 || S6 h6 so tiép nhan truc tuyén _H6 so 385 91,45
    | 5.3 | Gidi quyét qua han - oe 1 Hes | 8 os a

The line reader took the share 91,45 for 6.1's value and left the count 385 in its name (the truth:
385), and read 5.3 as 8 with a "1" left in its name (the truth: 9). Both sat at 0.995, out of the
review queue. A name holding a figure of its own line (not its code, not a year) says the line's
figures were split by us: the value is as unsure as a cell OCR half read, and queued
(``stat_rows.figure_left_in_name``). The truth is the generator's file."""

from __future__ import annotations

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from schemas.records import StatRow

DUMP = Path(__file__).parent / "data" / "dumps74" / "d18001-n80-share-column-items-eng-psm3-degraded.txt"


def _named(indicator: str, code: str = "6.1") -> bool:
    from cchc_extract.reconcile.stat_rows import figure_left_in_name

    return figure_left_in_name(StatRow(code=code, indicator=indicator, unit="", value=1.0, value_raw="1"))


def test_a_figure_standing_alone_in_a_name():
    assert _named("Số hồ sơ tiếp nhận trực tuyến _Hồ sơ 385")
    assert not _named("2.3 Tỷ lệ cán bộ, công chức đạt chuẩn", code="2.3")  # its own code
    assert not _named("Xây dựng Kế hoạch cải cách hành chính năm 2025")  # a year
    assert not _named("Vận hành hệ thống quản lý chất lượng theo TCVN ISO 9001:2015")


def test_a_value_beside_a_figure_left_in_its_name_is_queued():
    truth = json.loads(DUMP.with_name(DUMP.name + ".truth.json").read_text(encoding="utf-8"))
    want = {r["code"]: r["value"] for a in truth["statistics"] for r in a["rows"]}
    out = result_to_json(convert_file(DUMP))
    (annex,) = out["statistics"]
    queued = {r["item"] for r in out["review"] if r.get("field") in ("value", None)}
    for code in ("6.1", "5.3"):
        (k,) = [k for k, r in enumerate(annex["rows"]) if r["code"] == code]
        assert annex["rows"][k]["value"] != want[code]  # (read wrong: 91,45 for 385, 8 for 9)
        assert f"/statistics/0/rows/{k}" in queued
    # the whole 5 (228) and 6's other part 6.2 (36), read right with names of words only, stay out
    for code in ("5", "6.2"):
        (k,) = [k for k, r in enumerate(annex["rows"]) if r["code"] == code]
        assert annex["rows"][k]["value"] == want[code]
        assert f"/statistics/0/rows/{k}" not in queued
