"""OCR-dump rows of the typed layouts (issues 11, 16), on real Tesseract dumps of last round's spent
held-out seed 8001 (tests/data/dumps_rows63, with the generator's truth):

- a first part "I" never follows criteria numbered without parts (``CodeSettings.first_part_late``):
  a look-alike "L" in mid-table ("L 14 . | Kiém tra …", row 1.4) no longer opens part I and re-codes
  every row below it I.2, I.3.1 …;
- a verdict whose points the self cell wrapped ("Đạt một phần:" / "2,75 điểm …") finds them although
  the figure "2,75" opening the line below reads as a code (``line_common.joined_from_below``'s
  ``opens_on_cell``); a verdict's unit OCR garbled ("Đạt 1 đểm") still says its figure is the points
  (``normalize.verdict_points``)."""

from __future__ import annotations

from pathlib import Path

from corpus_helpers import score_rows_with_truth
from extract.model import Line
from extract.segment.line_verdicts import verdict_figures_joined
from normalize.code_repair import repair_codes
from normalize.verdict_points import verdict_figure

DUMPS = Path(__file__).parent / "data" / "dumps_rows63"
# N48 "levels points" (eng, psm 3, 300 dpi, degraded) and N44 "verdict-colon" (vie, psm 6, 300 dpi).
N48_DUMP = DUMPS / "s8001-d20-i3-n48-i3-levels-points-eng-psm3-300dpi-degraded.txt"
N44_DUMP = DUMPS / "s8001-d19-i2-n44-i2-verdict-colon-vie-psm6-300dpi-degraded.txt"


def _codes(tokens: list[str | None]) -> list[str]:
    return [c.code.format(roman_prefix=True) if c.code else "-" for c in repair_codes(tokens)]


def test_a_lookalike_after_arabic_criteria_opens_no_first_part():
    # The N48 dump's code column (its "1.2" read "2", its "1.4" read "L"): main read "L" as part I.
    tokens: list[str | None] = [None, "1.1.1.", "1.1.2", "2", "L", None, "2", None, "22", "2.3", "3.", "31"]
    codes = _codes(tokens)
    assert not any(c.startswith("I") for c in codes)
    assert codes[6:] == ["2", "2.1", "2.2", "2.3", "3", "3.1"]
    # A table printing its parts still opens on part I, and a part I read as "1" above its criteria too.
    assert _codes(["I", "1", "2", "II", "1"]) == ["I", "I.1", "I.2", "II", "II.1"]


def test_the_levels_dump_reads_its_rows_under_their_own_codes():
    rows, want, _ = score_rows_with_truth(N48_DUMP)
    assert not any(code.startswith("I") for code in rows)
    # main: 8 of 31 truth rows under their codes (2 read as I.2, 3.1 as I.3.1, … 6.3 as I.6.3)
    found = [code for code in want if code in rows]
    assert len(found) >= 24
    for code in ("2", "2.2", "3.1", "4", "4.1", "5", "6.2", "6.3"):
        assert (rows[code]["max_points"], rows[code]["self_points"]) == (
            want[code]["max_points"],
            want[code]["self_points"],
        ), code


def test_a_wrapped_verdict_figure_opening_the_next_line_is_the_points():
    lines = [
        Line("1.3 | Kiểm tra công tác CCHC : 3. Đạt một phần: | Chưahoànthànhh | ˆ:", 1, 1),
        Line("2,75 điểm 3/10 nhiệm vụ theo |", 1, 1),
        Line("1.4 | Sáng kiến 2 Đạt: 2 điểm", 1, 1),
    ]
    out = verdict_figures_joined(lines)
    assert "Đạt một phần: 2,75 |" in out[0].text
    assert "2,75" not in out[1].text and out[2] == lines[2]


def test_a_garbled_unit_after_a_verdict_figure():
    assert verdict_figure("Đạt 1 đểm") == "1"
    assert verdict_figure("Đạt: 0,5 diém.") == "0,5"
    # a word far from "điểm" is no unit: the figure is no verdict's points
    assert verdict_figure("Đạt 2 dân") is None


def test_the_verdict_dump_reads_the_wrapped_and_garbled_points():
    rows, want, _ = score_rows_with_truth(N44_DUMP)
    # main 4229d8bf: 1.3 and 1.2.1 self points told lost, 1.2 and 1.1 blank with them
    for code in ("1.3", "1.2.1", "1.2"):
        assert rows[code]["self_points"] == want[code]["self_points"], code
