"""Headings of a statistics annex read by OCR with their codes lost: a row that prints neither a
unit nor a figure ("Công khai thủ tục hành chính", "Kết quả giải quyết hồ sơ thủ tục hành
chính") counts nothing, so it is a group's heading, and where it stands says which code it has.

- A heading heads the rows below it: the row right below is its first part (5.1 under 5), not
  the next group (``heading_rows``, weighed as a parent by the column repair).
- A share (%) ends its group's parts: a row that prints neither right under a share opens the
  next group (5 after 4.3, not 4.4; ``headings_after_a_share``, weighed as a new group); so does
  a row with a figure and no unit that is no share itself, and a share is known by its wording
  where OCR garbled its unit.

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
# A share's opening, "Tỷ lệ" accents dropped, with OCR's look-alikes ("Ty 1é", "Tylé", "Tỷ léphan").
_SHARE_OPENING = lazy_compile(r"^\W*t[yi]\s?[l1][eé]", re.I)


class AnnexDraft(Protocol):
    """What this module reads of a row before its code is settled (``stat_code_column.StatDraft``)."""

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


def opens_as_no_count(indicator: str) -> bool:
    """Whether an indicator opens as no count or share does ("Số", "Tổng số", "Tỷ lệ": S, T).
    OCR glues and garbles the opening word past ``count_worded`` ("Socinb9,congchitccapxa",
    "Siauckiémtra", "Tongséhd số") but keeps its first letter; and it sets a code's specks or a
    stray letter before it ("J Số …", "Các) Số …", "a4 Tổng số …"). So a heading is told from a
    count only where its first word is a word (three letters or more) and neither it nor the word
    after opens with a count's letter ("Céngkhaithitychanhchinh", "Kết quả giải quyết …"), and
    no digit or "$" stands before it: OCR's "56", "$6" for "Số" ("56 phản ánh …")."""
    folded = fold(indicator)
    words = _LETTER_RUN.findall(folded)[:2]
    if not words or _OPENING_LOOKALIKE.search(folded[: folded.find(words[0])]):
        return False
    return len(words[0]) >= _MIN_HEADING_WORD and all(w[0] not in _OPENING_LETTERS for w in words)


# The first letters of the forms' count and share openings, the letters a word of a heading has
# at least, and the letters of a wording (a garbled code's digits and specks are no part of it).
_OPENING_LETTERS = frozenset("st")
_MIN_HEADING_WORD = 3
_LETTER_RUN = lazy_compile(r"[^\W\d_]+")
_OPENING_LOOKALIKE = lazy_compile(r"[\d$]")


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
    """Rows whose code OCR lost right under a share, with no unit, and neither a figure nor a
    share's wording of their own: the next group, a heading or a count whose unit OCR lost. A
    share is known by its % and figure, or by its wording where OCR garbled its unit ("Tỷ lệ cán
    bộ … | Ưu . | 95"): a form closes a group with its share."""
    out = [False] * len(drafts)
    for i in range(1, len(drafts)):
        above, row = drafts[i - 1], drafts[i]
        share = bool(above.value_raw.strip()) and "%" in above.unit or worded_as_share(above.indicator)
        own = not row.value_raw.strip() or not worded_as_share(row.indicator)
        out[i] = row.ocr and not row.token and share and not row.unit.strip() and own
    return out


def worded_as_share(indicator: str) -> bool:
    """Whether an indicator opens as a share's wording ("Tỷ lệ …", OCR's look-alikes too)."""
    return bool(_SHARE_OPENING.match(fold(indicator)))


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
