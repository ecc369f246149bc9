"""An annex row set against the same period last year: last year's figure, the signed difference
("Tăng (+), giảm (-)": "+12", "-3", "0") and the per cent ("Tỷ lệ so với cùng kỳ (%)": this over
last, "96,8", or the change with its sign, "+12,5%"), kept in the row's note as "label: text" by
the annex reader (its value is this period's figure, taken by its header). The difference is this
period's figure less last year's; the per cent this over last, or the change over last when it
carries a sign. An unsigned per cent is checked both ways (a "0%" is no change and no nought).
These parts are comparisons, no share of a whole: the note's share check leaves them alone."""

from __future__ import annotations

from dataclasses import dataclass

from cchc_extract.reconcile.core import _decimals, _Ledger, _percent_matches, _vn
from cchc_extract.reconcile.settings import ReconcileSettings
from cchc_extract.reconcile.stat_rows import _stat_ref
from normalize.lazy_regex import lazy_compile
from normalize.numbers import parse_number
from normalize.text import fold
from schemas.records import StatRow

# A note's part as the annex reader writes a column no role took: "label: text".
_PART = lazy_compile(r"^(?P<label>[^:]{2,60}):\s*(?P<text>.+)$")
# Labels of last year's figure: "Cùng kỳ năm trước", "Cùng kỳ năm 2023", "Kỳ trước", "Năm 2023".
_LAST = lazy_compile(r"\b(cung ky|ky truoc|nam truoc)\b|^nam \d{4}$")
# Labels of the difference and of the per cent (folded): "Tăng (+), giảm (-)", "Chênh lệch (+/-)";
# "Tỷ lệ so với cùng kỳ (%)", "So sánh (%)", "Tỷ lệ tăng, giảm (%)".
_DIFFERENCE = lazy_compile(r"\btang\b.*\bgiam\b|\bchenh lech\b")
_PERCENT = lazy_compile(r"%|\bty le\b|\bso sanh\b")
# A figure as such a cell prints it: a sign, digits, a per cent sign.
_SIGNED = lazy_compile(r"^(?P<sign>[+\-–−])?\s*(?P<digits>\d[\d.,]*)\s*(?P<percent>%)?$")


@dataclass(frozen=True)
class Figure:
    value: float
    raw: str
    signed: bool  # printed with "+" / "-"


@dataclass(frozen=True)
class Comparison:
    """What a row's note sets its figure against; a part the note does not print is None."""

    last: Figure | None = None
    difference: Figure | None = None
    percent: Figure | None = None


def _figure(text: str) -> Figure | None:
    m = _SIGNED.match(text.strip())
    parsed = parse_number(m.group("digits"), kind="score") if m else None
    if m is None or parsed is None:
        return None
    negative = m.group("sign") is not None and m.group("sign") != "+"
    return Figure(-parsed.value if negative else parsed.value, text.strip(), m.group("sign") is not None)


def _kind(label: str) -> str | None:
    """Which comparison a part's folded label names: "percent", "difference", "last", or None."""
    if _PERCENT.search(label):
        return "percent"
    if _DIFFERENCE.search(label):
        return "difference"
    return "last" if _LAST.search(label) else None


def comparison_parts(note: str) -> tuple[Comparison, str]:
    """The note's comparison with last year, and the note without those parts."""
    found: dict[str, Figure] = {}
    kept: list[str] = []
    for part in note.split("; "):
        m = _PART.match(part.strip())
        kind = _kind(fold(m.group("label")).lower()) if m else None
        figure = _figure(m.group("text")) if m and kind else None
        if kind is None or figure is None or kind in found:
            kept.append(part)
            continue
        found[kind] = figure
    if "last" not in found:  # a per cent with no last year's figure beside it is the row's own
        return Comparison(), note
    return Comparison(found.get("last"), found.get("difference"), found.get("percent")), "; ".join(kept)


def _percent_holds(stated: Figure, now: float, last: float) -> bool:
    """Whether the per cent is this over last, or (signed, or either when unsigned) the change."""
    decimals = _decimals(abs(stated.value), stated.raw.lstrip("+-–−"))
    ratio, change = 100.0 * now / last, 100.0 * (now - last) / last
    readings = (change,) if stated.signed else (ratio, change)
    return any(_percent_matches(stated.value, r, decimals) for r in readings)


@dataclass(frozen=True)
class _Found:
    """One comparison checked: what the figures give, what the note states, and the verdict."""

    expected: float
    actual: float
    tolerance: float
    ok: bool
    message: str


def sign_lost(stated: Figure, expected: float, tolerance: float) -> bool:
    """Whether an unsigned difference is the fall it should be with its minus not read: OCR drops
    the thin dash before a figure ("-7" read "7"; seed 7191's N36 scan: 11 of 12 falls, each
    row then doubted at 0 for a relation that holds)."""
    return not stated.signed and expected < 0 and abs(stated.value + expected) <= tolerance + 1e-9


def _found(row: StatRow, told: Comparison, s: ReconcileSettings, ocr: bool = False) -> list[_Found]:
    """The row's difference and per cent, each against its figure and last year's; on OCR'd text
    a difference that holds but for a minus OCR lost holds (``sign_lost``)."""
    assert row.value is not None and told.last is not None
    label, now, last = row.code or row.indicator[:40], row.value, told.last.value
    out = []
    if told.difference is not None:
        decimals = _decimals(abs(told.difference.value), told.difference.raw.lstrip("+-–−"))
        expected = round(now - last, 4)
        tolerance = max(s.count_tolerance, 10.0**-decimals / 2)
        ok = abs(told.difference.value - expected) <= tolerance + 1e-9
        said = f"{label}: its difference with last year says {told.difference.raw}"
        message = f"{said}, {_vn(now)} - {_vn(last)} = {_vn(expected)}"
        if not ok and ocr and sign_lost(told.difference, expected, tolerance):
            ok, message = True, message + " (its minus sign not read)"
        out.append(_Found(expected, told.difference.value, tolerance, ok, message))
    if told.percent is not None and last:
        share = round(100.0 * now / last, 4)
        said = f"{label}: its per cent of last year says {told.percent.raw}"
        message = f"{said}, {_vn(now)} / {_vn(last)} = {_vn(share)}%"
        out.append(_Found(share, told.percent.value, 0.0, _percent_holds(told.percent, now, last), message))
    return out


def check_period_change(
    ai: int, i: int, rows: list[StatRow], name: str, ledger: _Ledger, s: ReconcileSettings, ocr: bool = False
) -> None:
    """The row's difference and per cent against its figure and last year's, where the note gives
    them (on OCR'd text a mismatch may be a misreading: the row is doubted, not blamed)."""
    row = rows[i]
    told, _ = comparison_parts(row.note)
    if row.value is None or told.last is None:
        return
    ref = (_stat_ref(ai, i, row, name),)
    for found in _found(row, told, s, ocr):
        ledger.check(
            "period_change",
            f"/statistics/{ai}/rows/{i}",
            table=name,
            code=row.code,
            field_="note",
            expected=found.expected,
            actual=found.actual,
            tolerance=found.tolerance,
            status="ok" if found.ok else "mismatch",
            message=found.message,
            rows=ref,
            doubted=ref if ocr else (),
        )
