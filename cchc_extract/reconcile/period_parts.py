"""An annex row's figure per quarter or month, kept in its note by the annex reader ("Quý I: 65;
Quý II: 235; …", ``extract/segment/stat_period_parts``), against its whole period's figure, the
row's value: a flow's parts add up to its whole. A stock (the same figure in every part: tasks,
officials, procedures in force; or one that moved, whose whole is its last or largest part) and a
share say nothing. The commune's hamlets ("Thôn 1: 75; …", ``stat_unit_parts``) are parts of its
total the same way, but a place holds its own share of a stock at one time, so there the stock that
moved is no excuse: only the same figure in every hamlet (the commune's, printed in each) is. On
OCR'd pages a sum that fails is our misreading until shown otherwise (doubted, to review), on a
typed page the commune's figures disagree (a mismatch). A count split by the channel its files came
through ("Trực tuyến: 15; Tại Bộ phận Một cửa: 18", ``stat_channel_parts``) is a flow whatever its
figures: each file came one way, so the channels always add up to the total, the same figure in
each included."""

from __future__ import annotations

from cchc_extract.reconcile.core import _Ledger, _vn
from cchc_extract.reconcile.settings import ReconcileSettings
from cchc_extract.reconcile.stat_rows import _stat_ref, is_percent
from extract.segment.stat_channel_parts import is_channel_label
from extract.segment.stat_period_parts import is_part_label
from extract.segment.stat_unit_parts import is_unit_label
from extract.segment.stat_values import parse_stat_value
from schemas.records import StatRow


def noted_parts(row: StatRow) -> list[tuple[str, float | None]]:
    """(label, figure) of each part of the period the row's note keeps ("Quý II: 235")."""
    parts = []
    for entry in row.note.split(";"):
        label, sep, text = entry.partition(":")
        if sep and is_part_label(label):
            parts.append((label.strip(), parse_stat_value(text.strip(), row.unit)[0]))
    return parts


def check_period_parts(
    ai: int, i: int, rows: list[StatRow], name: str, ledger: _Ledger, s: ReconcileSettings, ocr: bool = False
) -> None:
    """A flow row's parts of the period against its whole (the row's value)."""
    row = rows[i]
    parts = noted_parts(row)
    if row.value is None or len(parts) < 2 or is_percent(row):
        return
    figures = [f for _, f in parts if f is not None]
    channels = all(is_channel_label(p) for p, _ in parts)
    if len(figures) < len(parts) or (len(set(figures)) == 1 and not channels):
        return  # (a part not read: nothing to add; the same figure throughout: a stock)
    total = sum(figures)
    ok = abs(total - row.value) <= s.count_tolerance
    places = all(is_unit_label(p) for p, _ in parts)
    if (
        not ok
        and not places
        and not channels
        and any(abs(f - row.value) <= s.count_tolerance for f in (figures[-1], max(figures)))
    ):
        return  # a stock that moved (officials 20, 20, 21, 21; the year 21): its end, no sum
    label = row.code or row.indicator[:40]
    said = " + ".join(_vn(f) for f in figures)
    whole = "the commune's total" if places else "the total" if channels else "the whole period"
    kind = "hamlets" if places else "channels" if channels else "parts of the period"
    ledger.check(
        "period_parts",
        f"/statistics/{ai}/rows/{i}",
        table=name,
        code=row.code,
        field_="value",
        expected=round(total, 4),
        actual=row.value,
        tolerance=s.count_tolerance,
        status="ok" if ok else "mismatch",
        message=f"{label}: its {kind} ({', '.join(p for p, _ in parts)}) add up to {said} = "
        f"{_vn(total)}, {whole} states {_vn(row.value)}",
        rows=(_stat_ref(ai, i, row, name),),
        doubted=(_stat_ref(ai, i, row, name),) if ocr else (),
    )
