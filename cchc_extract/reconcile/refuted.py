"""Cells read that the table's sums refute: a figure OCR garbled (letters taken for digits,
"Z..." guessed 2; a decimal mark turned into a stray figure, "7.1" for 2) that a ``misread``
check already doubts, offering other readings. Such a cell is as good as lost: the derivation
of lost cells (``derived.py``) may give it its value from the sums, under a stricter rule than a
blank's, since the page did print something there:

- the value the sums give must be one of the readings the misread check offered (the
  characters, or the criteria set, allow it): no sum overrules a figure it cannot be;
- a cell whose characters are digits needs two sums that agree on it (its children's and its
  parent's remainder, from cells read, ``Derivation.routes``): one sum alone cannot tell a misread
  figure from the one cell that is right beside another misread one, and the criteria set's
  maximum is no second witness here (a maximum the commune raised, "1,5" for the set's 1, is the
  commune's figure: ``misread.slip_readings``); a cell printed as letters was not read at all,
  and one route is enough, as for a blank;
- never a reading a commune's slip looks like as much as ours (a score off by a quarter, "1,5"
  for 1,25: ``misread.lost_quarter_readings``): the sums cannot tell which it was, the figure
  printed stays.

Only ``misread`` checks name such cells: a ``mismatch`` is the commune's fault, never derived
away. The derived value is flagged like any other (``derived_from_sums:``), the figure read kept
as a flag (``REFUTED_FLAG``) so a result checked again (``clear_derived``) is checked on what was
read, and the cell stays in the queue under the misread check's reason."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex as re

from cchc_extract.reconcile.misread import from_letters, lost_quarter_readings
from cchc_extract.reconcile.score_refs import POINT_FIELDS
from cchc_extract.reconcile.settings import ReconcileSettings
from schemas.records import ExtractionResult, ScoreRow, UnreadPart

# A row's flag for a cell read and then derived from its sums: "derived_over_read:<field>=<value read>".
REFUTED_FLAG = "derived_over_read:"

_ROW_ITEM = re.compile(r"/score_tables/(\d+)/rows/(\d+)")


@dataclass(frozen=True)
class Refuted:
    """A cell read that a misread check doubts: where it is, the value read, the readings offered,
    and whether its characters were letters (not read at all)."""

    row: int
    field: str
    read: float
    readings: tuple[float, ...]
    letters: bool
    # the readings a commune's slip would give as well (``lost_quarter_readings`` of its characters)
    slips: tuple[float, ...] = ()


def refuted_cells(result: ExtractionResult, ti: int) -> list[Refuted]:
    """The cells of table ``ti`` queued with other readings by a ``misread`` check."""
    if not any(c.status == "misread" for c in result.checks):
        return []
    rows = result.score_tables[ti].rows
    out: list[Refuted] = []
    for item in result.review:
        m = _ROW_ITEM.fullmatch(item.item or "")
        if m is None or int(m.group(1)) != ti or item.field not in POINT_FIELDS or not item.alternatives:
            continue
        i, field_ = int(m.group(2)), item.field
        if i >= len(rows) or any(r.row == i and r.field == field_ for r in out):
            continue
        row = rows[i]
        value = getattr(row, field_)
        if value is None:
            continue
        raw = getattr(row, f"{field_}_raw")
        readings = tuple(float(a) for a in item.alternatives)
        out.append(Refuted(i, field_, value, readings, bool(from_letters(raw)), tuple(lost_quarter_readings(raw))))
    return out


def blank_refuted(rows: list[ScoreRow], refuted: Iterable[Refuted]) -> None:
    """Blank each refuted cell so the derivation weighs it as lost (its characters stay)."""
    for r in refuted:
        setattr(rows[r.row], r.field, None)


def accepted(refuted: Refuted, value: float, two_sums: bool, s: ReconcileSettings) -> bool:
    """Whether a value the sums give a refuted cell may stand for it (the module's rule);
    ``two_sums``: two routes from cells read agree on it."""
    tol = s.points_tolerance
    if abs(value - refuted.read) <= tol or not any(abs(value - a) <= tol for a in refuted.readings):
        return False
    if any(abs(value - a) <= tol for a in refuted.slips):
        return False
    return refuted.letters or two_sums


def restore_refuted(rows: list[ScoreRow], refuted: Iterable[Refuted]) -> None:
    """Give back the figure read to each refuted cell the sums did not give a value; mark the ones
    they did with the figure read (``REFUTED_FLAG``)."""
    for r in refuted:
        row = rows[r.row]
        if getattr(row, r.field) is None:
            setattr(row, r.field, r.read)
        else:
            row.flags = [*row.flags, f"{REFUTED_FLAG}{r.field}={r.read:g}"]


# What the ``unread`` list says of the cells printed and not readable that the sums gave.
UNREAD_REASON = "figures printed but not readable, given by the table's sums: "


def tell_refuted(result: ExtractionResult, ti: int, refuted: Iterable[Refuted]) -> None:
    """Say in ``unread`` which cells of table ``ti`` the sums gave in place of a figure read: their
    figures were printed and not read, as a lost cell's are (nothing not read is left unsaid)."""
    rows = result.score_tables[ti].rows
    given = [r for r in refuted if f"{REFUTED_FLAG}{r.field}={r.read:g}" in rows[r.row].flags]
    if not given:
        return
    said = ", ".join(
        f"{rows[r.row].code or rows[r.row].name[:30]} {r.field.replace('_', ' ')} "
        f"({getattr(rows[r.row], f'{r.field}_raw') or ''!r})"
        for r in given
    )
    first, last = rows[given[0].row].source, rows[given[-1].row].source
    part = UnreadPart(
        page=first.page,
        kind="rows",
        reason=UNREAD_REASON + said,
        text_sample=" | ".join(dict.fromkeys(rows[r.row].name[:40] for r in given)),
        line_start=first.line_start,
        line_end=last.line_end,
    )
    if part.reason not in {u.reason for u in result.unread}:
        result.unread.append(part)


def read_back(row: ScoreRow) -> None:
    """Put back the figures read of a row's refuted cells (``clear_derived``: the checks run on
    what was read) and drop their flags."""
    for flag in [f for f in row.flags if f.startswith(REFUTED_FLAG)]:
        field_, _, value = flag[len(REFUTED_FLAG) :].partition("=")
        setattr(row, field_, float(value))
    row.flags = [f for f in row.flags if not f.startswith(REFUTED_FLAG)]
