"""An annex printed on over a page break whose next page opens with its header printed again, a
column's number taken for a row's code ("5 T Quý T Quý II tháng cùng kỳ"), is still one form: its
numbering goes on at the row after (5.2 after 5.1.c), and the rows 1 to 5.1 read on the page
before are not told lost (issue 16: no unread entry on a document read whole). The dump is real
Tesseract output (eng, psm 4, 200 dpi, degraded) of the corpus generator (seed 12001, family D23
of N60) with its truth beside it; before, "1, 2, 3, 4" and "5.1" were told as not read."""

from __future__ import annotations

from pathlib import Path

from corpus_helpers import converted_with_truth
from extract.segment.stat_numbering import continued_runs
from schemas.records import SourceRef, StatAnnex, StatRow

DUMP = (
    Path(__file__).parent
    / "data"
    / "dumps_unread67"
    / "s12001-d23-i3-n60-i3-last-year-quarters-first-eng-psm4-200dpi-degraded.txt"
)


def test_a_header_printed_again_atop_the_page_does_not_cut_the_form():
    out, truth = converted_with_truth(DUMP)
    want = [r["code"] for r in truth["statistics"][0]["rows"]]
    assert want[:5] == ["1", "2", "2.1", "2.1.a", "2.1.b"] and "5.2" in want
    read = {r["code"] for a in out["statistics"] for r in a["rows"]}
    assert set(want) <= read
    assert not [u for u in out["unread"] if u["reason"].startswith("numbering of the statistics annex")]


def _annex(codes: list[str], page: int, label: str = "") -> StatAnnex:
    rows = [StatRow(code=c, indicator="Số hồ sơ", source=SourceRef(page=page)) for c in codes]
    return StatAnnex(annex=label, title="", pages=[page], rows=rows)


def test_only_a_code_the_page_above_carries_is_passed_over():
    above = _annex(["4", "4.1", "5", "5.1"], 2)
    assert len(continued_runs([above, _annex(["5", "5.2", "6"], 3)])) == 1
    assert len(continued_runs([above, _annex(["7", "8"], 3)])) == 2  # numbering that does not go on
    assert len(continued_runs([above, _annex(["5", "5.2"], 3, label="Phụ lục 2")])) == 2  # a form of its own
