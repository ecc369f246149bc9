"""Issue 14: a narrative count OCR read with a glyph lost ("21" read "1") broke its own breakdown
("1 cán bộ, công chức (9 cán bộ, 12 công chức)"): our reading, not the commune's fault. The one
figure with a digit put back that makes the exact sum hold is a ``misread``, the count queued. The
dump is Tesseract's, from the generated corpus (seed 12191), its truth stored beside it."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.reconcile.core import _Ledger
from cchc_extract.reconcile.counts import _check_counts
from cchc_extract.reconcile.settings import ReconcileSettings
from extract.model import IngestedDocument, Line, Page
from extract.segment.counts import find_counts
from tests.corpus_helpers import converted_with_truth

DATA = Path(__file__).parent / "data" / "dumps_faults66"
_DUMP = DATA / "s12191-d15-i4-n29-i4-narrative-criteria-vie-psm6-300dpi-degraded.txt"


def test_a_count_total_ocr_lost_a_digit_of_is_ours():
    out, truth = converted_with_truth(_DUMP)
    # the sentence as printed: 21 = 9 + 12, no planted fault in the document
    printed = [c for c in truth["counts"] if c["unit"] == "người"]
    assert [(c["total"], c["parts"]) for c in printed] == [(21, [9, 12])]
    assert truth["faults"] == []
    assert "1 cán bộ, công chức (9 cán bộ, 12 công chức)" in _DUMP.read_text(encoding="utf-8")
    checks = [c for c in out["checks"] if c["kind"] == "count_parts"]
    assert [c for c in checks if c["status"] == "mismatch"] == []
    told = [c for c in checks if c["status"] == "misread"]
    assert len(told) == 1 and "21" in told[0]["message"]
    queued = {i["item"] for i in out["review"]}
    assert told[0]["id"].split(":")[1] in queued


def _counts_checked(sentence: str, ocr: bool) -> list[str]:
    doc = IngestedDocument(path="x", format="txt", pages=[Page(1, [Line(text=sentence, page=1, number=1)])])
    ledger = _Ledger()
    _check_counts(find_counts(doc), ledger, ReconcileSettings(), ocr=ocr)
    return [c.status for c in ledger.checks]


def test_a_slip_of_the_commune_stays_its_fault():
    # typed text: never a reading of ours
    assert _counts_checked("Toàn xã hiện có 1 cán bộ, công chức (9 cán bộ, 12 công chức).", ocr=False) == ["mismatch"]
    # OCR'd text, parts off by a few (no digit put back makes 705 of 708 or 708 of 705)
    assert _counts_checked(
        "Trong số 708 hồ sơ đã giải quyết, có 625 hồ sơ trước và đúng hạn, 80 hồ sơ quá hạn.", ocr=True
    ) == ["mismatch"]
    # OCR'd text, a part's glyph lost ("83" read "3"): the exact sum puts it back
    assert _counts_checked(
        "Trong số 708 hồ sơ đã giải quyết, có 625 hồ sơ trước và đúng hạn, 3 hồ sơ quá hạn.", ocr=True
    ) == ["misread"]
