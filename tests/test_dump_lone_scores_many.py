"""A degraded dump whose maximum cells OCR lost on many rows at once (issue 11): each such row's one
figure, read as its maximum, is below the criteria set's maximum for it ("1.1.2 | Xac dinh … ai be
0,25": max 1, self 0,25). Rows printing both figures (1.1.4 "2 1,5", 1.2 "2 2") show the table
scores its rows, so the lone figures are the self scores, however many there are; before, they had
to be fewer than the rows read with a score and every one stayed a wrong maximum. The field's
heading "10°22 7,5" is placed once its children's figures are. The dump is Tesseract's, from the
generated corpus (seed 19001, family D06), its truth stored beside it; the expected values are the
truth file's."""

from __future__ import annotations

from pathlib import Path

from tests.corpus_helpers import score_rows_with_truth

_DUMP = Path(__file__).parent / "data" / "dumpnums76" / "s19001-d06-i5-f05-i5-portrait-eng-psm4-200dpi-degraded.txt"


def test_lone_figures_below_the_sets_maxima_are_self_scores():
    rows, want, out = score_rows_with_truth(_DUMP)
    # (the truth file's: max, self)
    expected = {"1": (10.0, 7.5), "1.1.1": (1.0, 0.5), "1.1.2": (1.0, 0.25), "1.1.3": (1.0, 0.25)}
    for code, (most, score) in expected.items():
        assert (want[code]["max_points"], want[code]["self_points"]) == (most, score)
        assert (rows[code]["max_points"], rows[code]["self_points"]) == (most, score), code
    # Which cell the figure was is the set's guess: each moved score is queued, never silent.
    queued = {(i.get("code"), i.get("field")) for i in out["review"]}
    assert {(code, "self_points") for code in expected} <= queued


def test_rows_printing_both_figures_keep_them():
    rows, want, _ = score_rows_with_truth(_DUMP)
    for code in ("1.1.4", "1.2"):
        assert (rows[code]["max_points"], rows[code]["self_points"]) == (
            want[code]["max_points"],
            want[code]["self_points"],
        )
