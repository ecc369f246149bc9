"""A sparse OCR dump (``--psm 11``: each cell a line of its own) whose annex rows are rejoined from
their cells (issue 14, review load): ``queue76/d19001-f12-annex-vie-psm11.txt``, the D07 dump of
F12 (seed 19001), prints 2.1's 63, 2.2's 49, 3.2's 66 and 3.4's 100 each alone on a line. The rows
carry the layout's doubt (``cells_rejoined``, confidence 0.7) and nothing else, and were all queued
at 0.706 though right (the generator's truth file). A figure that stood alone on its line had no
neighbour's column to be confused with: the layout's doubt is taken back to ``rejoined_cell``,
out of the queue. A rejoined row in a relation that fails (5.3's 75,1, its count 5.2 lost and
derived) keeps its doubt."""

from __future__ import annotations

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from cchc_extract.reconcile.confidence_model import ConfidenceSettings

DUMP = Path(__file__).parent / "data" / "queue76" / "d19001-f12-annex-vie-psm11.txt"


def test_rejoined_figures_alone_on_their_lines_leave_the_queue():
    truth = json.loads(DUMP.with_name(DUMP.name + ".truth.json").read_text(encoding="utf-8"))
    want = {r["code"]: r["value"] for a in truth["statistics"] for r in a["rows"]}
    out = result_to_json(convert_file(DUMP))
    (annex,) = out["statistics"]
    queued = {r["item"] for r in out["review"] if r.get("field") in ("value", None)}
    at = {r["code"]: k for k, r in enumerate(annex["rows"])}
    for code in ("2.1", "2.2", "3.2", "3.4"):
        row = annex["rows"][at[code]]
        assert row["flags"] == ["cells_rejoined"]
        assert row["value"] == want[code]
        assert row["value_confidence"]["value"] >= ConfidenceSettings().rejoined_cell - 0.01
        assert f"/statistics/0/rows/{at[code]}" not in queued
    assert f"/statistics/0/rows/{at['5.3']}" in queued  # its share's relation fails: still doubted
