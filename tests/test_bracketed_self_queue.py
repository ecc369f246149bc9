"""A self score printed in brackets after the maximum ("10 (9,5)") is the table's own way of
printing it, not a ruling line or a figure's ink OCR split off (issue 14: review load). A real
Tesseract dump of the corpus generator, seed 14001's D21 (tests/data/dumps_silent_s14001), with
its truth."""

from pathlib import Path

from benchmarks.corpus_scoring import score_document
from corpus_helpers import converted_with_truth

DATA = Path(__file__).parent / "data" / "dumps_silent_s14001"


def test_a_figure_enclosed_in_its_own_pair_of_brackets_is_no_speck():
    # "I. _ | Cong tac chi dao, diéu- hanh cai cach hanh 10 (9,5) Chua day du tai liéu" and
    # "IV._| Cai cach t6 chitc bo may hanh chinh 11 (10,5)": each self score was read right and
    # queued at 0.61 as if a bracket had stood against a damaged figure.
    (path,) = DATA.glob("s14001-d21-i3-*.txt")
    data, truth = converted_with_truth(path, path.stem)
    want = {r["name"][:12]: r for r in truth["score_tables"][0]["rows"]}
    queued = {(e["item"], e.get("field")) for e in data["review"]}
    rows = data["score_tables"][0]["rows"]
    for start, self_points in (("Công tác chỉ", 9.5), ("Cải cách tổ ", 10.5)):
        assert want[start]["self_points"] == self_points
        (i,) = [
            i
            for i, r in enumerate(rows)
            if r["self_points"] == self_points and r["max_points"] == want[start]["max_points"]
        ]
        assert "number_unsure" not in rows[i]["flags"], rows[i]["flags"]
        assert (f"/score_tables/0/rows/{i}", "self_points") not in queued, rows[i]["value_confidence"]
    scored = score_document(truth, data)
    assert scored["silent_errors"] == [], scored["silent_errors"]
