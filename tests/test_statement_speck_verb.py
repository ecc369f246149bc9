"""A scanned report's field statement whose colon OCR read as a stop after the verb ("…: đạt.6,75/10
điểm") is read (``statements._SCORE_VERB``), and a field sentence whose own score cannot be read
never takes the score of the criterion printed on the next line (``field_sentences.
_criterion_of_its_own``): on main the field was given criterion 1.1's "1,5/2" and 1.1 was lost,
silently. The lines are the Tesseract reading of a held-out S09 scan of a P06 report (seed of
the lead's stop 66 measurement); the figures are the generator's truth for that report."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json

DATA = Path(__file__).parent / "data" / "statements67"


def test_a_speck_after_the_verb_keeps_the_fields_score_and_its_first_criterion():
    data = result_to_json(convert_file(DATA / "speck_after_verb.txt"))
    read = {(s["kind"], s["code"]): (s["points"], s["max_points"]) for s in data["score_statements"]}
    assert read[("group", "1")] == (6.75, 10.0)
    assert read[("criterion", "1.1")] == (1.5, 2.0)
    assert read[("criterion", "1.2")] == (0.75, 1.0)
    assert read[("criterion", "1.3")] == (1.0, 2.0)
    assert not data.get("unread")
