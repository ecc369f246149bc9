"""A figure OCR printed with no digit, every character a letter it puts for one (issues 14, 16).
Seed 12001's D23 i3 (an N60 report: eng, psm 4, 200 dpi, degraded; tests/data/dumps_unread67
with the generator's truth): 3.2's line "3.2 | S6 can bé, céng chitc | Nguoi 1 é 1 iL ds 100",
the year's figure (1) read "ii" by the text repair and taken as 11 at confidence 1.0. A figure made
of look-alike letters alone has only its shape to say it is a figure: it is flagged
``figure_from_letters`` and doubted."""

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.stat_values import FIGURE_FROM_LETTERS, parse_stat_value

DUMP = (
    Path(__file__).parent
    / "data"
    / "dumps_unread67"
    / "s12001-d23-i3-n60-i3-last-year-quarters-first-eng-psm4-200dpi-degraded.txt"
)


def test_a_figure_of_letters_is_doubted():
    truth = json.loads(DUMP.with_name(DUMP.name + ".truth.json").read_text(encoding="utf-8"))
    printed = {r["code"]: r["value"] for a in truth["statistics"] for r in a["rows"]}
    assert printed["3.2"] == 1
    assert "Nguoi 1 é 1 iL ds 100" in DUMP.read_text(encoding="utf-8")
    output = result_to_json(convert_file(DUMP))
    rows = {r["code"]: r for a in output["statistics"] for r in a["rows"]}
    row = rows["3.2"]
    if row["value"] != printed["3.2"]:
        assert row["confidence"] < 0.7  # before: 11 at 1.0
        assert FIGURE_FROM_LETTERS in row["flags"]


def test_the_flag_needs_no_digit_at_all():
    assert FIGURE_FROM_LETTERS in parse_stat_value("ii", "Người", ocr=True)[1]
    assert parse_stat_value("ii", "Người", ocr=True)[0] == 11
    assert FIGURE_FROM_LETTERS not in parse_stat_value("1l", "Người", ocr=True)[1]  # a digit read
    assert FIGURE_FROM_LETTERS not in parse_stat_value("11", "Người", ocr=True)[1]
    assert FIGURE_FROM_LETTERS not in parse_stat_value("ii", "Người", ocr=False)[1]  # typed: not read so
