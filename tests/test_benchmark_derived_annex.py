"""The benchmark's "read whole" (the told column's `!`): an annex figure OCR lost that the group's
sum filled in, still queued, was not read, as a score cell so derived is not (README section 6):
the document is partial and its unread part is the telling, not a false `!`. The dump is real
Tesseract output (vie, psm 3, 250 dpi, degraded) of the corpus generator (seed 12001, family D07)
with its truth beside it: row 2.1's "59" came out "SẼ)"."""

from __future__ import annotations

from pathlib import Path

from benchmarks.corpus_scoring import derived_unconfirmed, score_document
from corpus_helpers import converted_with_truth

DUMP = Path(__file__).parent / "data" / "dumps_unread67" / "s12001-d07-i8-f12-i8-annex-vie-psm3-250dpi-degraded.txt"


def test_an_annex_figure_the_sums_gave_and_still_queued_is_not_read():
    out, truth = converted_with_truth(DUMP)
    want = {r["code"]: r["value"] for r in truth["statistics"][0]["rows"]}
    assert want["2.1"] == 59.0
    row = next(r for a in out["statistics"] for r in a["rows"] if r["code"] == "2.1")
    assert row["value"] == 59.0 and not row["value_raw"] and "derived_from_sums:value" in row["flags"]
    assert any(u["reason"].startswith("the figure") for u in out["unread"])  # told lost
    cells = derived_unconfirmed(out)
    assert [field for item, field in cells if item.startswith("/statistics/")] == ["value"]
    tally = score_document(truth, out)["tally"]
    assert tally["partial_docs"] == 1 and tally["partial_told"] == 1 and tally["whole_unread"] == 0
