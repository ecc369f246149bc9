"""A count read from letters alone vouches for no other reading. A held-out OCR dump (corpus seed
12001, D23: Tesseract eng of a degraded N60 annex, read by the lead after the round) printed row
3.2's figure as "ii" beside "Nguoi 1 é 1 iL ds 100": it was read 11, and the group 3 = 3.1 + 3.2
(18 = 17 + 1 in the truth) then "repaired" 3.1's right 17 to 7, so the share 3.3 = 3.1 / 3
(94,44%) was told the commune's fault against 7/18. Truth values from the generator's file."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json

DUMP = (
    Path(__file__).parent
    / "data"
    / "dumps_unread67"
    / "s12001-d23-i3-n60-i3-last-year-quarters-first-eng-psm4-200dpi-degraded.txt"
)


def test_a_figure_read_from_letters_repairs_no_other():
    out = result_to_json(convert_file(DUMP))
    rows = {r["code"]: r for r in out["statistics"][0]["rows"]}
    assert rows["3"]["value"] == 18.0
    assert rows["3.1"]["value"] == 17.0  # as printed, not "repaired" to 7
    assert rows["3.3"]["value"] == 94.44
    assert not [c for c in out["checks"] if c["status"] == "mismatch"]
