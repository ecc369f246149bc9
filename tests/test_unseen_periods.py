"""An OCR'd annex printing two periods under a header naming neither: a sum that holds does not
say which period's column its members were read from, so it does not vouch for them
(``reconcile/unseen_periods``). Seed 12001's D17 dump read last year's figures for this year's,
and the ones whose sums held were out of the review queue (tests/data/dumps_queue67/README.md)."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from cchc_extract.reconcile.unseen_periods import column_doubted
from extract.segment.stat_line_compare import PERIODS_UNSEEN_FLAG
from schemas.records import StatAnnex, StatRow

DUMP = (
    Path(__file__).parent
    / "data"
    / "dumps_unread67"
    / "s12001-d17-i3-n36-i3-change-share-of-last-eng-psm3-200dpi-degraded.txt"
)
# The generator's truth for the rows main read from last year's column whose sums hold (and two rows
# whose periods print one figure, read right either way).
TRUTH = {"4": 26.0, "4.1": 25.0, "5": 22.0, "5.1": 21.0, "6": 94.0, "6.1": 50.0, "6.2": 44.0}
SAME_BOTH = {"4.2": 1.0, "6.3": 0.0}


def test_values_read_from_this_period_once_the_wrapped_change_label_is_read():
    """The header's change label wrapped after its first word ("Tăng" / "(+)/giảm", lines 36 and 38)
    names the two periods compared: their years' order puts this period second, and the rows whose
    sums held are read from it (they were read from last year's and queued as doubted)."""
    out = result_to_json(convert_file(DUMP))
    queued = {(r["item"], r.get("field")) for r in out["review"]}
    (annex,) = out["statistics"]
    rows = {row["code"]: (f"/statistics/0/rows/{i}", row) for i, row in enumerate(annex["rows"])}
    for code, truth in {**TRUTH, **SAME_BOTH}.items():
        pointer, row = rows[code]
        assert row["value"] == truth, code
        assert (pointer, "value") not in queued, code


def _row(value: float, note: str, flagged: bool) -> StatRow:
    return StatRow(
        code="1",
        unit="Người",
        value=value,
        value_raw=str(value),
        note=note,
        flags=[PERIODS_UNSEEN_FLAG] if flagged else [],
    )


def test_the_doubt_is_the_annexs_once_two_rows_show_two_periods():
    annex = StatAnnex(
        rows=[
            _row(27, "26 -1 96,3", True),
            _row(22, "21 -1 95.5", True),
            _row(23, "22 ‘<1 95,7", False),
            _row(1, "1 0 100", False),
            _row(5, "", False),
        ]
    )
    assert column_doubted(annex, ocr=True) == {0, 1, 2}  # not the row printing one figure twice
    assert column_doubted(annex, ocr=False) == set()  # typed text prints its header's labels
    one = StatAnnex(rows=[_row(27, "26 -1 96,3", True), _row(23, "22 ‘<1 95,7", False)])
    assert column_doubted(one, ocr=True) == set()  # one row may agree with a difference by chance
