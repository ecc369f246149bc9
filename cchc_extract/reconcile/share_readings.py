"""A percentage OCR read without its decimal mark ("87,1" read 871: the comma is a speck Tesseract
drops), chosen back by the counts it is the share of.

A share is at most its whole: a percentage row read over 100 from digits alone is no share of
any pair (``ratios`` then doubts it, to review, with no reading to offer). Put the lost mark back
at each place that leaves a share (871 → 87,1 or 8,71): when exactly one of those readings is the
ratio of a pair of the counts the row may be of, to its printed decimals, that reading is taken
as ``stat_readings`` takes a count's: the characters stay in ``value_raw``, the figure as read is
the review entry's alternative, and an ``ocr_reading`` check says ``repaired`` (the row stays in
the review queue). On OCR'd annexes only: a typed annex prints what it prints."""

from __future__ import annotations

import regex as re

from cchc_extract.reconcile.core import _decimals, _Ledger, _percent_matches, _vn
from cchc_extract.reconcile.hierarchy import children_of, parent_indices
from cchc_extract.reconcile.ratio_pairs import _pairs, _ratio_candidates
from cchc_extract.reconcile.settings import ReconcileSettings
from cchc_extract.reconcile.share_told import _v
from cchc_extract.reconcile.stat_readings import REPAIRED_VALUE, record_repaired
from cchc_extract.reconcile.stat_rows import is_percent
from schemas.records import StatAnnex

# A share has at most this many decimals printed ("98,35"); a reading with more is no printed one.
_MAX_DECIMALS = 2


def lost_mark_readings(raw: str | None) -> list[tuple[float, int]]:
    """(value, decimals) of a whole number read from digits alone with a decimal mark put back
    between two of them, each at most 100 (a share) with at most two decimals."""
    text = (raw or "").strip().rstrip("%").strip()
    if not text.isdigit() or len(text) < 2:
        return []
    out = []
    for at in range(max(1, len(text) - _MAX_DECIMALS), len(text)):
        value = float(f"{text[:at]}.{text[at:]}")
        if value <= 100.0:
            out.append((value, len(text) - at))
    return out


def lost_lead_readings(raw: str | None) -> list[tuple[float, int]]:
    """(value, decimals) of a share printed with its decimals whose first digit OCR lost into the
    leader or the rule before it ("1,67" for 91,67) or read as a zero ("04,18" for 94,18: no share
    prints a leading zero before another digit), each at most 100; [] for a share printed whole
    (a whole percentage is made by too many pairs for a digit put back to be chosen)."""
    text = (raw or "").strip().rstrip("%").strip()
    m = re.fullmatch(r"(\d{1,2})[,.](\d{1,2})", text)
    if m is None:
        return []
    whole, decimals = m.group(1), len(m.group(2))
    if len(whole) == 2 and whole.startswith("0"):
        leads = [d + whole[1] for d in "123456789"]
    elif len(whole) == 1:
        leads = [d + whole for d in "123456789"]
    else:
        return []
    values = (float(f"{lead}.{m.group(2)}") for lead in leads)
    return [(value, decimals) for value in values if value <= 100.0]


def repair_share_readings(ai: int, annex: StatAnnex, ledger: _Ledger, s: ReconcileSettings) -> None:
    """Take the one reading with its decimal mark back that makes an OCR'd share over 100 the
    ratio of its counts, or the one with its first digit put back that makes a share no pair makes
    that ratio (see the module's note). Call on OCR'd annexes only, before their checks."""
    rows = annex.rows
    parents = parent_indices(rows)
    kids = children_of(parents)
    name = annex.annex or annex.title or f"statistics/{ai}"
    for i, row in enumerate(rows):
        if not is_percent(row) or row.value is None or REPAIRED_VALUE in row.flags:
            continue
        over = row.value > 100.0
        candidates = _ratio_candidates(i, rows, parents, kids, s)
        if len(candidates) < 2:
            continue
        pairs, _certain = _pairs(i, candidates, rows, parents)
        ratios = [100.0 * _v(rows[j]) / _v(rows[d]) for j, d in pairs if rows[d].value]
        if not over and any(_percent_matches(row.value, r, _decimals(row.value, row.value_raw)) for r in ratios):
            continue  # the share as printed is a pair's: nothing to put back
        readings = lost_mark_readings(row.value_raw) if over else lost_lead_readings(row.value_raw)
        found = {value for value, decimals in readings if any(_percent_matches(value, r, decimals) for r in ratios)}
        if len(found) != 1:
            continue
        old = row.value
        row.value = found.pop()
        row.flags.append(REPAIRED_VALUE)
        if over:
            said = f"is over 100%; read {_vn(row.value)}% with its decimal mark"
        else:
            said = f"is no pair's share; read {_vn(row.value)}% with its first digit put back"
        message = f"{row.code or row.indicator[:40]}: share read as {row.value_raw!r} {said}, the ratio of its counts"
        record_repaired(ledger, ai, i, row, name, old, message)
