"""Figures of an OCR dump's score table placed in their columns (issue 11). Seed 14001's D02 i3 (a
report with an appraised column, ruled, centred, eng, 250 dpi, degraded; tests/data/dumps69 with
the generator's truth):

- criterion 2 prints "10 hs 10 10 [Ké hoach …": the maximum, a ruling line's speck read "hs", the
  self and appraised scores, and the explanation behind a ruling bar read as a bracket. The figures
  after the speck fill every column left, so it is a speck (``line_points._token_between``); the
  bracket glued to the explanation's capital hid where the figures end, and "hs" was taken for the
  self score OCR lost (self read blank).
- criterion 4 prints "2 : 11 10 10" (a speck read "2" before the figures) and criterion 5 "Ge AG
  15 15" (its maximum lost): with rows 1 and 2 agreeing with the criteria set and 4 and 5 not,
  the set was not sure; row 4 read one number later agrees with it (that reading was taken
  because the set is sure with it), and counted so, the set places row 5's two figures as the
  self and appraised scores under the set's maximum 16 (before: maximum 15, self 15, appraised
  blank)."""

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json

DATA = Path(__file__).parent / "data" / "dumps69"
D02 = DATA / "s14001-d02-i3-ruled-center-eng-250dpi-degraded.txt"
KEYS = ("max_points", "self_points", "appraised_points")


def _truth(dump: Path) -> dict[str, dict]:
    truth = json.loads(dump.with_name(dump.name + ".truth.json").read_text(encoding="utf-8"))
    return {r["code"]: r for t in truth["score_tables"] for r in t["rows"]}


def _rows(dump: Path) -> dict[str, dict]:
    output = result_to_json(convert_file(dump))
    return {r["code"]: r for t in output["score_tables"] for r in t["rows"]}


def test_a_speck_before_a_bracketed_explanation_leaves_the_figures_their_columns():
    text = D02.read_text(encoding="utf-8")
    assert " 10 hs 10 10 [Ké hoach " in text
    printed, rows = _truth(D02), _rows(D02)
    assert [rows["2"][k] for k in KEYS] == [printed["2"][k] for k in KEYS] == [10, 10, 10]


def test_rows_read_one_number_later_make_the_set_sure_for_the_rest():
    text = D02.read_text(encoding="utf-8")
    assert "4. 2 : 11 10 10" in text and "Ge AG 15 15\n" in text
    printed, rows = _truth(D02), _rows(D02)
    assert [rows["4"][k] for k in KEYS] == [printed["4"][k] for k in KEYS] == [11, 10, 10]
    assert [rows["5"][k] for k in KEYS] == [printed["5"][k] for k in KEYS] == [16, 15, 15]
    # (the set's guess: both scores go to the review)
    assert any(f.startswith("unsure_self_points") for f in rows["5"]["flags"])
