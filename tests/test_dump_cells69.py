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


D04 = DATA / "s15131-d04-i1-ruled-center-eng-150dpi.txt"
D03 = DATA / "s15131-d03-i4-unruled-top-vie-300dpi-degraded.txt"


def test_two_rows_agreeing_and_none_against_place_a_scores_pair():
    """Seed 15131's D04 i1 (seven columns, ruled, centred, eng, 150 dpi): OCR lost the maxima of
    criteria 3 to 6; 1 and 7 print the set's maxima and none prints another, too few for a sure set.
    Criterion 2 prints "… ngay 9.75 9,75": its maximum 10 lost, the two figures its self and
    appraised scores (before: maximum 9,75, self 9,75, appraised blank)."""
    assert "ngay 9.75 9,75\n" in D04.read_text(encoding="utf-8")
    printed, rows = _truth(D04), _rows(D04)
    assert [rows["2"][k] for k in KEYS] == [printed["2"][k] for k in KEYS] == [10, 9.75, 9.75]
    assert any(f.startswith("unsure_appraised_points") for f in rows["2"]["flags"])


def test_a_lone_score_and_a_self_total_that_holds_tell_no_rows_lost():
    """Seed 15131's D03 i4 (four columns, unruled, vie, 300 dpi, degraded): criterion 3 prints "11a
    14", its maximum 14,5 garbled, 14 its self score (before: read as a maximum of 14, self blank).
    Its total line "88,5 24" is the commune's 35,5 (a planted fault: the rows' maxima add up to
    34,5) misread; the self total 24 is the rows' 10 + 0 + 14, and no group of the set's criteria
    after 3 is worth 54: no rows after 3 were lost (before: told as not read)."""
    text = D03.read_text(encoding="utf-8")
    assert ". 11a 14\n" in text and "88,5 24\n" in text
    printed, rows = _truth(D03), _rows(D03)
    assert [rows["3"][k] for k in KEYS[:2]] == [printed["3"][k] for k in KEYS[:2]] == [14.5, 14]
    output = result_to_json(convert_file(D03))
    assert not any("rows after 3" in p["reason"] for p in output["unread"])
    assert len(rows) == len(printed) == 3


D06 = DATA / "s15131-d06-i6-f11-explanation-before-points-vie-psm6-200dpi-degraded.txt"


def test_a_score_read_under_a_misread_maximum_is_read_again_under_the_sets():
    """Seed 15131's D06 i6 (an F11 report, explanation before the points, vie, psm 6, 200 dpi,
    degraded): criterion 7 prints "16 14,5 145...", the appraised score's comma lost. Read first
    under a maximum of 1,6 ("16" read so), "145" became 1,45; the set's maximum 16 is then taken
    for the row, and under it the one reading in quarter points that fits is 14,5 (before: 1,45)."""
    assert " 16 14,5 145...\n" in D06.read_text(encoding="utf-8")
    printed, rows = _truth(D06), _rows(D06)
    assert [rows["7"][k] for k in KEYS] == [printed["7"][k] for k in KEYS] == [16, 14.5, 14.5]
    assert 1.45 in rows["7"]["alternatives"]["appraised_points"]
