"""Issue 14: a score row whose line OCR split ("16 15,5 15,5" read "1 6 15.5 15.5": the maximum 1,
the self 6, the appraised 15,5) was told as the commune's fault twice (self and appraised above the
maximum). The row's name is its code's criterion's wording in a set (the name restored from it),
whose maximum is 16: a maximum read otherwise under which both scores stand is ours, doubted and
queued, not a fault (``sum_doubts.max_not_its_wordings``). The dump is Tesseract's, from the
generated corpus (seed 13001, D05 instance 3), its truth stored beside it."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.reconcile.sum_doubts import max_not_its_wordings
from schemas.records import ScoreRow, SourceRef
from tests.corpus_helpers import converted_with_truth

DATA = Path(__file__).parent / "data" / "dumps_faults68"
_DUMP = DATA / "s13001-d05-i3-ruled-center-eng-250dpi-degraded.txt"


def test_a_maximum_ocr_split_from_its_line_is_ours_not_the_communes():
    out, truth = converted_with_truth(_DUMP)
    want = {r["code"]: r for t in truth["score_tables"] for r in t["rows"]}
    assert (want["5"]["max_points"], want["5"]["self_points"], want["5"]["appraised_points"]) == (16.0, 15.5, 15.5)
    # the one planted fault is the table's total, not row 5
    assert [f["kind"] for f in truth["faults"]] == ["total_sum"]
    assert "1 6 15.5 15.5" in _DUMP.read_text(encoding="utf-8")
    checks = [c for c in out["checks"] if c["kind"] in ("self_le_max", "appraised_le_max") and c["code"] == "5"]
    assert not [c for c in checks if c["status"] == "mismatch"]  # never the commune's fault
    # the line reader joins the split figure first (``line_unmarked``: '1 6' is 16 where only the
    # joined digits keep every score within the row's maximum), so the row is read right; the doubt
    # of a maximum its wording contradicts, when nothing joins it, is tested on rows below
    five = next(r for r in out["score_tables"][0]["rows"] if r["code"] == "5")
    assert (five["max_points"], five["self_points"], five["appraised_points"]) == (16.0, 15.5, 15.5)


def _row(max_points: float, self_points: float, flags: list[str]) -> ScoreRow:
    return ScoreRow(
        code="5",
        name="Xây dựng và nâng cao chất lượng đội ngũ công chức, viên chức",
        max_points=max_points,
        self_points=self_points,
        flags=flags,
        source=SourceRef(page=1),
    )


def test_only_a_score_within_the_sets_maximum_doubts_the_maximum():
    named = ["name_from_wording:bnv-tinh_2948"]  # the set's maximum for 5 is 16
    assert max_not_its_wordings(0, 0, _row(1.0, 6.0, named), "self_points", "t", ocr=True)
    # a score above the set's own maximum is the commune's; typed text is read for sure; a row
    # no set's wording named says nothing of the maximum
    assert not max_not_its_wordings(0, 0, _row(1.0, 17.0, named), "self_points", "t", ocr=True)
    assert not max_not_its_wordings(0, 0, _row(1.0, 6.0, named), "self_points", "t", ocr=False)
    assert not max_not_its_wordings(0, 0, _row(1.0, 6.0, []), "self_points", "t", ocr=True)
