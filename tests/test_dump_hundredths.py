"""A score OCR printed in hundredths off the quarters ("5,29" for 5,25) is a digit misread, doubted
and queued (issues 11, 14: silent). Seed 13001's D02 i1 (eng, 300 dpi; tests/data/dumps_hundredths68
with the generator's truth): criterion 6's appraisal 5,25 read "5,29". Before, 5,29 stood at 0.92,
not queued: a silent error. A score in hundredths is no step a commune scores in (tenths print one
decimal, "71,2"), so in a table of OCR'd quarters it is as unsure as a maximum off them
(``off_step.hundredths_off_step``)."""

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from cchc_extract.reconcile.off_step import hundredths_off_step
from schemas.records import ScoreRow

DUMP = Path(__file__).parent / "data" / "dumps_hundredths68" / "s13001-d02-i1-ruled-top-eng-300dpi.txt"


def test_a_score_in_hundredths_is_queued():
    truth = json.loads(DUMP.with_name(DUMP.name + ".truth.json").read_text(encoding="utf-8"))
    printed = {r["code"]: r for r in truth["score_tables"][0]["rows"]}
    assert printed["6"]["appraised_points"] == 5.25
    assert "Cai cach tai chinh cong 7 5,5 5,29 " in DUMP.read_text(encoding="utf-8")
    output = result_to_json(convert_file(DUMP))
    rows = output["score_tables"][0]["rows"]
    at = next(k for k, r in enumerate(rows) if r["code"] == "6")
    queued = {(q["item"], q["field"]) for q in output["review"]}
    assert rows[at]["appraised_points"] == 5.29  # OCR's figure, kept: the page's to settle
    assert (f"/score_tables/0/rows/{at}", "appraised_points") in queued  # before: 0.92, silent


def test_only_two_decimals_off_the_quarters():
    def row(raw: str) -> ScoreRow:
        return ScoreRow(code="1", name="x", max_points=7, self_points=float(raw.replace(",", ".")), self_points_raw=raw)

    assert hundredths_off_step(row("5,29"), "self_points")
    assert not hundredths_off_step(row("5,25"), "self_points")  # a quarter
    assert not hundredths_off_step(row("5,2"), "self_points")  # tenths: a commune's step
    assert not hundredths_off_step(row("5,29"), "max_points")  # (maxima: ``off_step_max``)
