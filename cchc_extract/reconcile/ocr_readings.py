"""ocr_reading: another reading of an OCR'd score cell ("35" → 3,5) taken when the cell breaks its
relations and exactly one other reading restores them; several equally good readings go to review
as ambiguous. Run before the sums are checked, so the checks see the reading taken."""

from __future__ import annotations

from dataclasses import replace

from cchc_extract.reconcile.core import _Ledger, _vn
from cchc_extract.reconcile.misread import digit_confusions
from cchc_extract.reconcile.score_refs import POINT_FIELDS, _score_ref, _table_name
from cchc_extract.reconcile.settings import AMBIGUOUS_REASON, ReconcileSettings
from cchc_extract.reconcile.suspects import relations_held
from normalize.numbers import format_vn, lost_decimal_readings, parse_number
from schemas.records import ScoreRow, ScoreTable


def _repair_ocr_readings(
    ti: int,
    table: ScoreTable,
    parents: list[int | None],
    kids: dict[int, list[int]],
    ledger: _Ledger,
    s: ReconcileSettings,
    ocr: bool = False,
) -> None:
    """Take another reading of an OCR'd cell ("35" → 3.5) when the cell breaks its relations and
    exactly one other reading does better: restores a sum, or (no sum to tell) is the one reading
    that fits under the row's maximum. ``ocr``: the table's characters came from OCR, so a score
    over its maximum may also be one look-alike digit misread (``within_max_confusions``)."""
    rows = table.rows
    name = _table_name(table, ti)
    tol = s.points_tolerance
    for i, row in enumerate(rows):
        for field_ in POINT_FIELDS:
            value = getattr(row, field_)
            flag = f"repaired_{field_}"
            raw_attr = f"{field_}_raw"
            if flag in row.flags:  # repaired on an earlier run: say so again, change nothing
                old = parse_number(getattr(row, raw_attr), kind="score")
                _record_repair(ledger, ti, i, row, field_, name, old.value if old else None, value)
                continue
            if value is None:
                continue
            readings = [a for a in row.alternatives.get(field_, []) if a != value and _can_be(field_, a)]
            raw = getattr(row, raw_attr)
            if not readings and field_ != "max_points" and row.max_points is not None and value > row.max_points + tol:
                # A self score above the maximum cannot be right; OCR may have lost its decimal point,
                # or (on OCR'd text) read one digit for its look-alike ("7" for 1 under a maximum of 1).
                readings = lost_decimal_readings(raw or format_vn(value, 4), upper=row.max_points)
                if ocr:
                    # (a look-alike reading only where no sum it is part of fails with it: "9" for a
                    # printed 2 under 2 is no 0 the parent's sum refuses)
                    readings += [
                        v
                        for v in within_max_confusions(raw or format_vn(value, 4), row.max_points, readings, s)
                        if _holds_all(relations_held(rows, i, field_, v, parents, kids, tol))
                    ]
            if not readings:
                continue
            held, checkable, bounded = relations_held(rows, i, field_, value, parents, kids, tol)
            if held == checkable and bounded:
                continue
            scored = []
            for reading in readings:
                h, c, b = relations_held(rows, i, field_, reading, parents, kids, tol)
                # Better means: restores a sum, or brings an impossible score under its maximum
                # without breaking a sum the first reading kept.
                if b and (h > held or (not bounded and h >= held)):
                    scored.append((h, reading))
            if not scored:
                continue
            best = max(h for h, _ in scored)
            winners = [r for h, r in scored if h == best]
            if len(winners) != 1:
                ledger.flag(
                    replace(_score_ref(ti, i, row, field_, name), alternatives=list(winners)),
                    f"{row.code}: readings {', '.join(_vn(r) for r in winners)} {AMBIGUOUS_REASON}",
                )
                continue
            if raw is None:
                setattr(row, raw_attr, format_vn(value, 4))
            setattr(row, field_, winners[0])
            row.flags.append(flag)
            _record_repair(ledger, ti, i, row, field_, name, value, winners[0])


def within_max_confusions(raw: str, most: float, taken: list[float], s: ReconcileSettings) -> list[float]:
    """The readings of a score OCR printed over its row's maximum with one digit swapped for its
    look-alike (``ReconcileSettings.ocr_digit_confusions``, the short list) that bring it within
    the maximum, other than ``taken``: "7" under 1 is 1. The commune's own over-score (a leaf at
    full marks given a sibling's points, 1,75 under 1,5) has the same leading figures as its
    maximum; a swap that takes it under is the rare case, and then it breaks the parent's sum the
    over-score kept, which the repair weighs (``relations_held``): it stays the commune's fault."""
    # (never 0: a "9" or "8" over a maximum of 2 read as a zero's look-alike is as likely a 2 OCR
    # garbled past the list, and a score of 0 no sum would then question)
    return [
        v
        for v in digit_confusions(raw, s.ocr_digit_confusions)
        if s.points_tolerance < v <= most + s.points_tolerance and v not in taken
    ]


def _holds_all(relations: tuple[int, int, bool]) -> bool:
    """Every sum checkable holds and the score is within its maximum (``relations_held``'s answer)."""
    held, checkable, bounded = relations
    return held == checkable and bounded


def _can_be(field_: str, reading: float) -> bool:
    """Whether a cell can hold ``reading``: no criterion is worth nothing, so a maximum of 0 is no
    reading of a maximum (a scale's "Không đạt: 0" or a speck read into the cell, kept as an
    alternative, would otherwise balance a sum another misread figure breaks)."""
    return not (field_ == "max_points" and reading <= 0)


def _record_repair(
    ledger: _Ledger, ti: int, i: int, row: ScoreRow, field_: str, name: str, old: float | None, new: float | None
) -> None:
    raw = getattr(row, f"{field_}_raw")
    message = (
        f"{row.code}: {field_.replace('_', ' ')} read as {raw!r} breaks its sums; the reading {_vn(new)} restores them"
    )
    record_repaired_cell(ledger, "ocr_reading", (ti, i, name), row, field_, (old, new), message)


def record_repaired_cell(
    ledger: _Ledger,
    kind: str,
    where: tuple[int, int, str],
    row: ScoreRow,
    field_: str,
    values: tuple[float | str | None, float | str | None],
    message: str,
    raw: str | None = None,
) -> None:
    """A ``repaired`` check of ``kind`` on the cell ``field_`` of row ``where`` = (table index, row
    index, table name), the value read and the one taken (``values``): the cell goes to review,
    showing ``raw`` as printed when given (a code's printed text, which the row's field for the
    cell does not hold)."""
    ti, i, name = where
    old, new = values
    ref = _score_ref(ti, i, row, field_, name)
    ledger.check(
        kind,
        f"/score_tables/{ti}/rows/{i}",
        table=name,
        code=row.code,
        field_=field_,
        expected=new,
        actual=old,
        tolerance=None,
        status="repaired",
        message=message,
        rows=(ref if raw is None else replace(ref, raw=raw),),
    )
