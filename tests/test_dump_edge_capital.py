"""A points cell OCR read with the cell's left rule glued to it as a capital "E", "F" or "L"
(issue 11: a figure present in another form). Seed 12101's D01 i4 (vie, 250 dpi, degraded;
tests/data/dumps_edge66 with the generator's truth): "văn ï bản E10 10" is row 2's 10 and 10,
where a row's rule crosses the column's; before, "E10" was no cell, 10 became the maximum and the
self score was lost. Read as the digits (kept as printed in the raw, a reading to doubt), as a
"T" (the rule's top) already was."""

from __future__ import annotations

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.line_common import glued_digits

DUMP = Path(__file__).parent / "data" / "dumps_edge66" / "s12101-d01-i4-ruled-top-vie-250dpi-degraded.txt"


def test_the_rule_read_as_a_capital_is_no_part_of_the_figure():
    truth = json.loads(DUMP.with_name(DUMP.name + ".truth.json").read_text(encoding="utf-8"))
    printed = {r["code"]: r for r in truth["score_tables"][0]["rows"]}
    assert "bản E10 10" in DUMP.read_text(encoding="utf-8")
    output = result_to_json(convert_file(DUMP))
    rows = {r["code"]: r for t in output["score_tables"] for r in t["rows"]}
    assert (printed["2"]["max_points"], printed["2"]["self_points"]) == (10, 10)
    assert (rows["2"]["max_points"], rows["2"]["self_points"]) == (10, 10)  # before: 10, None


def test_rule_capitals_before_digits():
    assert [glued_digits(t) for t in ("E10", "F9", "L0,75", "T10")] == ["10", "9", "0,75", "10"]
    # a capital after the digits, or a word, is not this
    assert glued_digits("10E") is None and glued_digits("EU") is None
