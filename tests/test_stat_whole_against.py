"""An annex splitting the year into quarters beside last year's figure and the per cent of it
("Quý I … Quý IV | Cả năm | Cùng kỳ năm 2022 | So với cùng kỳ (%)": N60), as a real Tesseract 5
dump gives it (``annex69/d14001-n60-last-year-quarters-psm4.txt``: the D23 dump of seed 14001,
``eng``, ``--psm 4``, degraded). The values asserted are the generator's truth.

- "‘a) | Giai quyét trwdc han H6 so 80 45 9 Z 141- | 153 92,16": the year's "141" with the cell's
  rule read as a dash after it was no figure, so the first quarter's 80 stood for the year; a
  figure prints no sign, the dash is the grid's (``stat_values``);
- "1 | Sé sang kién … Sang 0 0 0 Ones 20 2 {0": the year read 20 for 0, sure of it and in no
  queue; 20 over last year's 2 is not the 0 % printed beside them, so the row's figure is doubted
  and queued (``stat_whole_witness.against_disagrees``), the "{" before the per cent the grid's."""

from __future__ import annotations

from annex69_data import DATA, truth_values
from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.stat_values import parse_stat_value
from extract.segment.stat_whole_witness import against_disagrees

DUMP = DATA / "d14001-n60-last-year-quarters-psm4.txt"


def test_the_years_figure_with_a_rules_dash_after_it_is_the_whole_and_a_wrong_one_is_queued():
    truth = truth_values(DUMP)
    out = result_to_json(convert_file(DUMP))
    (annex,) = out["statistics"]
    rows = {r["code"]: r for r in annex["rows"]}
    assert rows["2.1.a"]["value"] == truth["2.1.a"] == 141.0
    assert rows["2.1"]["value"] == truth["2.1"] == 181.0
    # the first row's year read 20 (printed 0): wrong, and now queued, not sure of it
    assert truth["1"] == 0.0 and rows["1"]["value"] != truth["1"]
    assert rows["1"]["confidence"] <= 0.5
    queued = {(q["item"], q["field"]) for q in out["review"]}
    assert ("/statistics/0/rows/0", "value") in queued


def test_the_grids_specks_beside_a_figure_are_no_part_of_it():
    assert parse_stat_value("141-", "Hồ sơ", ocr=True)[0] == 141.0
    assert parse_stat_value("{0", "%", ocr=True)[0] == 0.0
    assert parse_stat_value("29]", "Người", ocr=True)[0] == 29.0
    assert parse_stat_value("141-", "Hồ sơ", ocr=False)[0] is None  # (typed text: as printed)
    assert parse_stat_value("-5", "Hồ sơ", ocr=True)[0] == -5.0  # (a sign before it is kept)


def test_a_whole_over_last_years_figure_must_be_the_per_cent_printed():
    assert against_disagrees(20.0, ["2", "{0"], "Sáng kiến", ocr=True)
    assert not against_disagrees(141.0, ["153", "92,16"], "Hồ sơ", ocr=True)
    assert not against_disagrees(95.45, ["90,39", "105,6"], "%", ocr=True)  # (a share: no per cent of it)
    assert not against_disagrees(20.0, ["0", "5"], "Người", ocr=True)  # (nothing last year: no per cent)
