"""An annex that Tesseract's automatic page layout (``--psm 3``) printed as two blocks: its coded
indicator lines first, then its units and figures one row a line ("Phản ánh 6" / "% 85,71").

The dump is real Tesseract 5 (``vie``, ``--psm 3``) text of a page this round drew with PIL: the
annex of F12's form (codes 1–4.3, a)–c) items, three shares), its unit and figure column set half
a line below the indicators, so OCR reads the two columns as blocks. The figures are the drawn
ones. OCR glued row 2's code to its word ("2_Số phản ánh …") and ran it into row 1."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.stat_block_figures import PAIRED_BY_BLOCK
from extract.segment.stat_block_pairing import BlockFigure, BlockRow, pair_block

DUMP = Path(__file__).parent / "data" / "dumps_annex62" / "annex-column-blocks-psm3.txt"

# The page's figures as drawn (row 2's, 7, is the row OCR ran into row 1).
DRAWN = {
    "1": 35,
    "2.1": 6,
    "2.2": 1,
    "2.3": 85.71,
    "3.1": 578,
    "3.1.a": 317,
    "3.1.b": 238,
    "3.1.c": 23,
    "3.2": 96.02,
    "4": 19,
    "4.1": 17,
    "4.2": 2,
    "4.3": 89.47,
}


def test_the_figures_block_is_paired_with_the_rows_by_order_and_the_sums(tmp_path: Path):
    out = result_to_json(convert_file(DUMP))
    (annex,) = out["statistics"]
    rows = {r["code"]: r for r in annex["rows"]}
    # every figure on its row, the heading "3" (no figure) skipped, no row made of a figure line
    assert {c: rows[c]["value"] for c in DRAWN} == DRAWN
    assert rows["3"]["value"] is None and "2" not in rows
    assert all(c in rows for c in DRAWN) and len(rows) == len(DRAWN) + 1
    assert rows["2.3"]["unit"] == "%" and rows["3.1.a"]["unit"] == "Hồ sơ"
    # weighed, not trusted: flagged, below the inferred layout's confidence
    for code in DRAWN:
        assert PAIRED_BY_BLOCK in rows[code]["flags"] and "missing_value" not in rows[code]["flags"]
        assert rows[code]["confidence"] <= 0.75
    # row 2's figure, printed in the block with no row left to take it, is told, not dropped
    told = [u["reason"] for u in out["unread"]]
    assert any("not paired" in r and "7 (row 2" in r for r in told)
    assert not any("is not in the text" in r for r in told)  # no figure told lost: each was paired


# F12's annex rows as the pairing sees them: a count heading its parts and their share.
ROWS = [BlockRow("1", False), BlockRow("2", False), BlockRow("2.1", False), BlockRow("2.2", False)]
ROWS += [BlockRow("2.3", True), BlockRow("3", False), BlockRow("3.1", False), BlockRow("3.2", False)]


def _figures(*values: float, percent: tuple[int, ...] = ()) -> list[BlockFigure]:
    return [BlockFigure(v, k in percent if percent else None) for k, v in enumerate(values)]


def test_a_heading_with_no_figure_is_skipped_where_the_sums_say():
    # "3" heads 3.1 and 3.2 and prints nothing: 7 figures on 8 rows; group 2's sum (7 = 6 + 1) and
    # share (6 / 7 = 85,71 %) hold only with the first five in order
    pairing = pair_block(ROWS, _figures(35, 7, 6, 1, 85.71, 12, 10, percent=(4,)))
    assert pairing.paired[4] == 4 and pairing.paired[1] == 1 and pairing.held >= 2


def test_a_block_no_relation_confirms_is_not_paired():
    rows = [BlockRow("1", False), BlockRow("2", False), BlockRow("3", False)]
    assert not pair_block(rows, _figures(4, 9, 2)).paired  # three tops: nothing to add up


def test_figures_the_sums_cannot_place_are_doubtful_not_guessed():
    rows = [BlockRow("1", False), BlockRow("1.1", False), BlockRow("1.2", False)]
    rows += [BlockRow("2", False), BlockRow("2.1", False), BlockRow("2.2", False)]
    # 10 = 6 + 4 places group 1; group 2 lost a figure, and 3, 3 hold no sum wherever they go
    # (on 2 and a part, or on both parts): told with the rows they could go to
    pairing = pair_block(rows, _figures(10, 6, 4, 3, 3))
    assert pairing.paired == {0: 0, 1: 1, 2: 2}
    assert pairing.doubtful == {3: (3, 4), 4: (4, 5)}


def test_a_group_that_lost_a_figure_confirms_nothing():
    rows = [BlockRow("1", False), BlockRow("1.1", False), BlockRow("1.2", False), BlockRow("1.3", False)]
    assert not pair_block(rows, _figures(10, 6, 4)).paired  # no whole's parts all placed
