"""Issue 14: a narrative count's part OCR read with one digit swapped that no look-alike pair
lists ("561" read "961"), the sentence printing the part's share of the total beside it. The
excerpt is Tesseract's line of the generated dump d15-i4 (seed 21181, D15, vie psm3 300 dpi
degraded); its truth file prints 620 = 561 + 59, "chiếm 90,48%", and plants no fault."""

from __future__ import annotations

from cchc_extract.reconcile.core import _Ledger
from cchc_extract.reconcile.counts import _check_counts, share_readings
from cchc_extract.reconcile.settings import ReconcileSettings
from extract.model import IngestedDocument, Line, Page
from extract.segment.counts import find_counts

# the dump's two lines as OCR printed them (the second's share "9,52%" read "9 ,o2%")
_DUMP_LINES = (
    "Trong số 620 hồ sơ thủ tục hành chính đã giải quyết, có 961 hồ sơ giải quyết trước và đúng",
    "hạn (chiếm 90,48%), 59 hồ sơ quá hạn (chiếm 9 ,o2%). :",
)


def _checked(lines: tuple[str, ...], ocr: bool) -> list[str]:
    page = Page(1, [Line(text=t, page=1, number=n) for n, t in enumerate(lines, 1)])
    ledger = _Ledger()
    _check_counts(
        find_counts(IngestedDocument(path="x", format="txt", pages=[page])), ledger, ReconcileSettings(), ocr=ocr
    )
    return [c.status for c in ledger.checks]


def test_a_part_its_printed_share_reads_again_is_ours():
    # 90,48% of 620 is 561 (the truth's part), one digit from "961": 561 + 59 = 620 holds
    assert share_readings(961, 620, [(90.48, 2)]) == [561.0]
    assert _checked(_DUMP_LINES, ocr=True) == ["misread"]


def test_a_slip_of_the_commune_stays_its_fault():
    # typed text: never a reading of ours
    assert _checked(_DUMP_LINES, ocr=False) == ["mismatch"]
    # the total off (the corpus's planted count fault moves the total): no part's share holds it
    off = (_DUMP_LINES[0].replace("620", "625").replace("961", "561"), _DUMP_LINES[1])
    assert _checked(off, ocr=True) == ["mismatch"]
    # a rounded share ("chiếm 90%" of 620) fits several figures: it pins none
    assert share_readings(961, 620, [(90.0, 0)]) == []
