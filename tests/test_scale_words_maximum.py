"""A maximum printed in a scale's words ("Tối đa 2; không đạt 0", under "Thang điểm đánh giá") is
the commune's maximum as printed, not a figure OCR read with letters glued to it: the criteria
set's maximum (1) does not replace it, so the parent's sum the commune broke (1.1 states 5, its
sub-criteria 1 + 2 + 1 + 2 = 6: a planted ``parent_max_sum`` fault) is reported, not explained
away. A generated DOCX of a held-out seed of the lead's (N30, tools/make_corpus.py), its truth
beside it."""

from __future__ import annotations

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file
from normalize.criteria.match_settings import MatchSettings
from normalize.criteria.set_digits import max_letters_read
from schemas.records import ScoreRow

DOCX = Path(__file__).parent / "data" / "typed65" / "max_in_scale_words.docx"


def test_a_maximum_stated_in_words_is_not_a_figure_read_with_letters():
    row = ScoreRow(code="1.1.2", name="Xác định đầy đủ các nhiệm vụ", max_points=2.0, self_points=1.0)
    row.max_points_raw = "Tối đa 2; không đạt 0"
    assert not max_letters_read(row, 1.0, "s", MatchSettings())
    assert row.max_points == 2.0
    speck = ScoreRow(code="1.1.2", name="Xác định đầy đủ các nhiệm vụ", max_points=8.0, self_points=1.0)
    speck.max_points_raw = "a8"  # a speck glued to the figure: OCR's guess, the set's maximum taken
    assert max_letters_read(speck, 1.0, "s", MatchSettings()) and speck.max_points == 1.0


def test_the_communes_broken_sum_of_maxima_is_reported():
    truth = json.loads(DOCX.with_name(DOCX.name + ".truth.json").read_text(encoding="utf-8"))
    assert [(f["kind"], f["code"]) for f in truth["faults"]] == [("parent_max_sum", "1.1")]
    printed = {r["code"]: r["max_points"] for r in truth["score_tables"][0]["rows"]}
    assert printed["1.1.2"] == 2.0
    result = convert_file(DOCX)
    read = {r.code: r.max_points for t in result.score_tables for r in t.rows}
    assert read["1.1.2"] == 2.0
    assert any(c.status == "mismatch" and c.code == "1.1" and c.field == "max_points" for c in result.checks)
