"""The lead and the coordinating units printed in one cell, read apart. A plan's task table may give
its units in one column headed "Đơn vị chủ trì, phối hợp" / "Cơ quan chủ trì/phối hợp", each cell
labelling its parts: "Chủ trì: Văn phòng - Thống kê" over "Phối hợp: Các đoàn thể", or the lead
over "(Phối hợp: …)". The header maps that column to the lead; the coordinator is what follows the
"Phối hợp:" label, the lead what the "Chủ trì:" label opens (or the words before any label). The
labels and the brackets round a part are no part of the units. A label needs its colon: "phối hợp
với các đoàn thể" is a unit's wording, not a label. A cell may instead say it in one sentence, the
lead its subject: "Công chức Tư pháp - Hộ tịch chủ trì, phối hợp với các bộ phận chuyên môn" (the
lead the words before "chủ trì", the coordinator those after "phối hợp với", its first letter
raised as a unit's name stands alone)."""

from __future__ import annotations

from dataclasses import replace

import regex as re

from normalize.lazy_regex import lazy_compile
from schemas.records import TaskRow, TaskTable

# A part's label, its marks as typed or as OCR may drop them, an opening bracket before it kept
# with it (the bracket closes after the part it opens).
_LABEL = lazy_compile(
    r"(?P<open>\(\s*)?\b(?:(?P<lead>ch[uủ]\s+tr[iì])|(?P<coordinator>ph[oốô]i\s+h[oợ]p))\s*:\s*",
    re.I,
)
# One sentence naming both: "<lead> chủ trì, phối hợp với <coordinator>" (marks as typed or as OCR
# may drop them; the comma may be "và" or nothing).
_SENTENCE = lazy_compile(
    r"^(?P<lead>\S.*?)\s+ch[uủ]\s+tr[iì]\s*(?:,|\bv[aà]\b)?\s*ph[oốô]i\s+h[oợ]p\s+v[oớ]i\s+(?P<coordinator>\S.*)$",
    re.I | re.S,
)
# What is left between parts: separators and a bracket the part opened or closed.
_EDGES = " \t\n;,-–/"


def _sentence_apart(text: str) -> tuple[str, str] | None:
    """``(lead, coordinator)`` of a cell saying both in one sentence, or None when it does not."""
    m = _SENTENCE.match(" ".join(text.split()))
    if m is None:
        return None
    coordinator = m.group("coordinator").strip(_EDGES + ".")
    return m.group("lead").strip(_EDGES), coordinator[:1].upper() + coordinator[1:]


def units_apart(text: str) -> tuple[str, str] | None:
    """``(lead, coordinator)`` of a cell labelling its parts or saying both in one sentence, or None
    when it does neither. Words before the first label are the lead's (the lead over "(Phối hợp:
    …)")."""
    marks = list(_LABEL.finditer(text))
    if not marks:
        return _sentence_apart(text)
    parts = {"lead": [text[: marks[0].start()].strip(_EDGES + "(")], "coordinator": []}
    for m, after in zip(marks, marks[1:] + [None]):
        part = text[m.end() : after.start() if after is not None else len(text)].strip(_EDGES)
        if m.group("open") and part.endswith(")"):
            part = part[:-1].rstrip(_EDGES)
        parts["lead" if m.group("lead") else "coordinator"].append(part)
    return tuple("; ".join(p for p in parts[k] if p) for k in ("lead", "coordinator"))  # type: ignore[return-value]


def _row_units(row: TaskRow) -> TaskRow:
    """The row with a units cell that labels its parts read apart: from the lead's cell when the
    coordinator's is blank (the one column the header named for both), and the reverse; a label
    left in a cell of its own taken off."""
    lead = units_apart(row.lead)
    coordinator = units_apart(row.coordinator)
    if lead is not None and not row.coordinator.strip():
        return replace(row, lead=lead[0], coordinator=lead[1])
    if coordinator is not None and not row.lead.strip():
        return replace(row, lead=coordinator[0], coordinator=coordinator[1])
    return replace(
        row,
        lead=lead[0] if lead is not None and lead[0] and not lead[1] else row.lead,
        coordinator=coordinator[1]
        if coordinator is not None and coordinator[1] and not coordinator[0]
        else row.coordinator,
    )


def split_units(tables: list[TaskTable]) -> list[TaskTable]:
    """The tables with each row's lead and coordinators read apart (``_row_units``)."""
    for table in tables:
        table.rows = [_row_units(r) for r in table.rows]
    return tables
