"""A row of an OCR'd annex glued into another's line, told. An annex printed in two panels side by
side prints two rows to a line ("3.3 Giải quyết quá hạn Hồ sơ | 18 JET®HNSI cuộc tuyên truyền CCHC
Lượt 28"); where OCR spoilt the right row's code and opening word, no cut divides the line, the
left row is read with its figure, and the right one is left in the left row's note — its figure
with it, lost without a word. A note that ends as a row ends (an indicator's words, a unit, a
figure) is a row glued into the line, not a remark: it is told as an ``unread`` part of the
row's line, so a person reads it."""

from __future__ import annotations

from dataclasses import dataclass

from extract.segment.count_words import UNIT_KEYS
from normalize.count_units import same_unit
from normalize.lazy_regex import lazy_compile
from normalize.text import fold
from schemas.records import StatAnnex, StatRow, UnreadPart

# How a glued row's part opens (its reason names the row whose line holds it).
GLUED_ROW_REASON = "a row of the statistics annex glued into the line of row"
# A note ending as a row does: words, then a unit's words and a figure ("… CCHC Lượt 28", "… % 92,55").
_ROW_END = lazy_compile(r"^(?P<words>.*?\p{L}.*?)\s+(?P<unit>%|\p{L}+(?:\s+\p{L}+)?)\s*\|?\s*(?P<figure>\d[\d.,]*)\s*$")


@dataclass(frozen=True)
class GluedRowSettings:
    # Letters the words before the unit hold at least: an indicator's words, not a speck.
    min_letters: int = 8
    # Characters of the note kept in the part's ``text_sample``.
    sample_chars: int = 160


def _unit_of_rows(unit: str, annex: StatAnnex) -> bool:
    """Whether ``unit`` is a count's unit (the narrative counts' list), a share's "%", or a unit
    another row of the annex prints."""
    if unit == "%":
        return True
    key = fold(unit).strip()
    if any(key == k or key.endswith(" " + k) for k in UNIT_KEYS):
        return True
    return any(r.unit and same_unit(r.unit, unit) for r in annex.rows)


def _glued(row: StatRow, annex: StatAnnex, s: GluedRowSettings) -> bool:
    """Whether the row's note ends as a row of the annex does, the row's own figure read."""
    if row.value is None or not row.note:
        return False
    m = _ROW_END.match(row.note.strip())
    if m is None or sum(ch.isalpha() for ch in m.group("words")) < s.min_letters:
        return False
    unit = m.group("unit")
    # (a unit of two words may have taken the indicator's last word: try the last one alone)
    return _unit_of_rows(unit, annex) or (" " in unit and _unit_of_rows(unit.split()[-1], annex))


def glued_rows(annexes: list[StatAnnex], s: GluedRowSettings = GluedRowSettings()) -> list[UnreadPart]:
    """One ``rows`` part for each row of ``annexes`` whose note is another row glued into its line."""
    parts = []
    for annex in annexes:
        for row in annex.rows:
            if not _glued(row, annex, s):
                continue
            src = row.source
            parts.append(
                UnreadPart(
                    page=src.page,
                    kind="rows",
                    reason=f"{GLUED_ROW_REASON} {row.code or row.indicator[:40]} (its code and figure not read)",
                    text_sample=row.note.strip()[: s.sample_chars],
                    line_start=src.line_start,
                    line_end=src.line_end,
                    bbox=src.bbox,
                )
            )
    return parts
