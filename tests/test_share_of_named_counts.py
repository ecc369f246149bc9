"""Issue 14: a share whose label names the counts it is of ("Tỷ lệ hồ sơ giải quyết trước hạn và
đúng hạn": 4.1.a + 4.1.b over 4.1) and that no pair makes was weighed against the first pair
(4.1.a / 4.1 = 85,84%), so a scan's "97,85" read 37,85 was told as the commune's fault. The check
is against the counts the label names, and the reading that makes it hold ("3" for a faint "9")
is ours: ``misread``, queued. The rows are those our reader took from a real scan (seed 13001,
S20 instance 4, the annex's page 2: Tesseract read 97,85 as 37,85 at word confidence 0.41), the
printed figures the generator's truth (233 = 200 + 28 + 5, 228/233 = 97,85%)."""

from __future__ import annotations

import pytest

from cchc_extract.reconcile import reconcile
from schemas.records import ExtractionResult, SourceInfo, StatAnnex, StatRow
from test_reconcile_ratios import stat


def _row(code, indicator, unit, value, raw, confidence, flags=()):
    return stat(
        code,
        indicator,
        unit,
        value,
        raw,
        parent=code.rpartition(".")[0] or None,
        confidence=confidence,
        flags=list(flags),
    )


def _annex(share: float, raw: str) -> list[StatRow]:
    return [
        _row("4", "Kết quả giải quyết hồ sơ thủ tục hành chính", "", None, "", 0.96),
        _row("4.1", "Số hồ sơ TTHC đã giải quyết", "Hồ sơ", 233.0, "233", 0.947),
        _row("4.1.a", "Giải quyết trước hạn", "Hồ sơ", 200.0, "200", 0.5, ["code_inferred"]),
        _row("4.1.b", "Giải quyết đúng hạn", "Hồ sơ", 28.0, "28", 0.96),
        _row("4.1.c", "C) Giải quyết quá hạn", "Hồ sơ", 5.0, "5", 0.5, ["code_inferred"]),
        _row("4.2", "Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn", "%", share, raw, 0.92),
    ]


def _checked(share: float, raw: str, method: str) -> ExtractionResult:
    result = ExtractionResult(
        source=SourceInfo(method=method, read_by_ocr=method == "ocr"),
        statistics=[StatAnnex(annex="Phụ lục 1", rows=_annex(share, raw))],
    )
    reconcile(result)
    return result


def _ratio(result: ExtractionResult):
    return next(c for c in result.checks if c.kind == "ratio" and c.code == "4.2")


def test_a_share_misread_on_a_scan_is_weighed_against_the_counts_its_label_names():
    result = _checked(37.85, "37,85", "ocr")
    check = _ratio(result)
    assert check.status == "misread"
    assert check.expected == pytest.approx(97.8541, abs=1e-4)
    assert "4.1.a + 4.1.b" in check.message and "97,85" in check.message
    queued = {(i.item, i.field): i for i in result.review}
    share = queued[("/statistics/0/rows/5", "value")]
    assert 97.85 in share.alternatives


@pytest.mark.parametrize("share, raw, method", [(92.85, "92,85", "ocr"), (37.85, "37,85", "text")])
def test_a_share_off_its_named_counts_stays_the_communes(share, raw, method):
    """Off by five (no reading of "92,85" makes 97,85), or typed (read for sure): the commune's."""
    check = _ratio(_checked(share, raw, method))
    assert check.status == "mismatch"
    assert check.expected == pytest.approx(97.8541, abs=1e-4)
