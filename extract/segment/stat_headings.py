"""Headings of a statistics annex read by OCR with their codes lost: a row that prints neither a
unit nor a figure ("Công khai thủ tục hành chính", "Kết quả giải quyết hồ sơ thủ tục hành
chính") counts nothing, so it is a group's heading, and where it stands says which code it has.

- A heading heads the rows below it: the row right below is its first part (5.1 under 5), not
  the next group (``heading_rows``, weighed as a parent by the column repair).
- A share (%) ends its group's parts: a row that prints neither right under a share opens the
  next group (5 after 4.3, not 4.4; ``headings_after_a_share``, weighed as a new group).

A row whose wording opens as a count or a share does ("Số cán bộ …", "Tỷ lệ …") is a count whose
unit and figure OCR lost, not a heading: it heads nothing."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import regex as re

from normalize.codes import letter_item
from normalize.count_units import unit_key
from normalize.lazy_regex import lazy_compile
from normalize.text import fold

# The opening word of a count's or a share's wording, accents dropped, with OCR's look-alikes for
# "Số" ("S6", "Sé", "Sd", "S0") and the other forms' openings ("Tổng số", "Tỷ lệ").
_COUNT_OPENING = lazy_compile(r"^\W*(s[o0-9][^\s]?|se|sd|tong|ty|ti)\b", re.I)


class AnnexDraft(Protocol):
    """What this module reads of a row before its code is settled (``statistics._Draft``)."""

    @property
    def indicator(self) -> str: ...
    @property
    def unit(self) -> str: ...
    @property
    def value_raw(self) -> str: ...
    @property
    def token(self) -> str | None: ...
    @property
    def ocr(self) -> bool: ...


def count_worded(indicator: str) -> bool:
    """Whether an indicator's wording opens as a count's or a share's ("Số …", "Tổng số …", "Tỷ lệ …")."""
    return _COUNT_OPENING.match(fold(indicator)) is not None


def counts_nothing(draft: AnnexDraft) -> bool:
    """An OCR'd row with neither a unit nor a figure whose wording does not open as a count's. A
    lettered item ("b) GiaiquyétdinghanSS") is a count's part whose figure OCR lost, never a
    heading: items are a form's deepest rows ("Trong đó: a) …, b) …")."""
    if letter_item(draft.token or ""):
        return False
    return draft.ocr and not draft.unit.strip() and not draft.value_raw.strip() and not count_worded(draft.indicator)


def heading_rows(drafts: Sequence[AnnexDraft]) -> list[bool]:
    """Headings over a row that reads a figure: that row is the heading's first part."""
    out = [False] * len(drafts)
    for i in range(len(drafts) - 1):
        out[i] = counts_nothing(drafts[i]) and bool(drafts[i + 1].value_raw.strip())
    return out


def headings_after_a_share(drafts: Sequence[AnnexDraft]) -> list[bool]:
    """Rows whose code OCR lost, with neither a unit nor a figure, right under a share (%) read
    with its figure: the next group, a heading or a count whose unit and figure OCR lost alike."""
    out = [False] * len(drafts)
    for i in range(1, len(drafts)):
        above, row = drafts[i - 1], drafts[i]
        share = bool(above.value_raw.strip()) and "%" in above.unit
        out[i] = row.ocr and not row.token and share and not row.unit.strip() and not row.value_raw.strip()
    return out


def headings_under_a_count(drafts: Sequence[AnnexDraft]) -> list[bool]:
    """OCR'd rows with neither a unit nor a figure (a heading: "Công khai thủ tục hành chính")
    right under a row that counts in a unit: no part of that row, as a group's parts count what
    its whole counts, so the column repair weighs them as the next group, not a part."""
    out = [False] * len(drafts)
    for i in range(1, len(drafts)):
        above, row = drafts[i - 1], drafts[i]
        counted = bool(above.value_raw.strip()) and unit_key(above.unit) not in ("", "%")
        out[i] = row.ocr and counted and not row.unit.strip() and not row.value_raw.strip()
    return out
