"""Scoring-scale lines OCR damaged, restored from the recognised set's transcribed scale.

A criteria set that transcribes a criterion's scale ("Đạt yêu cầu: 1 | Không đạt yêu cầu: 0")
gives the words a scan's scale lines print: OCR at 150 dpi garbles a tone mark ("yêu câu"), a
speck follows the points ("… kinh phí: 1 ."), a lost bullet runs two items into one line
("…: 1 Dưới 70% …: 0") or a speck glued to a colon ("phí:.0") keeps the scale in the name. The
row's text after its name (its scale lines read, else the rest of its raw name) is the set's
scale but for such damage when it holds the same figures in the same order (the points, the
percentages: OCR's damage here is to words and marks, a figure differing is the commune's own
scale) and its characters are near the set's: then the row's scale is the set's items, as a name
near its code's wording takes the wording (``normalize.criteria.wording``). Only for a table
whose text OCR read (``codes_misreadable``), and a row named as its code's criterion: a typed
cell prints its scale as the commune wrote it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from normalize.criteria import CriteriaSet
from normalize.lazy_regex import lazy_compile
from normalize.text import nfc

if TYPE_CHECKING:
    from schemas.records import ScoreTable


@dataclass(frozen=True)
class ScaleWordingSettings:
    on: bool = True
    # Character similarity (0..100, rapidfuzz's partial alignment of the set's items joined, case
    # aside) of the stretch of the row's text that is the scale: 150-dpi damage to marks and
    # bullets costs a few points ("yêu câu", "1 .", a lost "-"); another scale's wording far more.
    min_similarity: float = 85.0
    # Characters of the row's text after the aligned stretch that may be left (specks, a bullet).
    max_left_after: int = 3


# A figure as a scale prints it: points ("1,5"), a percentage's number ("70").
_FIGURE = lazy_compile(r"\d+(?:[.,]\d+)?")
_WORD_CHAR = lazy_compile(r"[\p{L}\p{N}]")


def restore_scales(
    tables: Sequence[ScoreTable], cset: CriteriaSet, s: ScaleWordingSettings = ScaleWordingSettings()
) -> int:
    """Rows whose scale (or raw name's rest) is their criterion's transcribed scale but for OCR's
    damage take the set's items; ``tables`` are those whose text OCR read (the caller's
    ``codes_misreadable``). Returns the number of rows restored."""
    if not s.on:
        return 0
    by_code = cset.by_code()
    restored = 0
    for table in tables:
        for row in table.rows:
            own = by_code.get(str(row.code)) if row.code else None
            if own is None or not own.scale or row.name != own.name:
                continue
            items = [item.strip() for item in own.scale.split("|") if item.strip()]
            if row.scale == items:
                continue
            text = " ".join(row.scale) if row.scale else _rest_of_raw(row.name_raw, own.name, s)
            if text and is_damaged_scale(text, items, s):
                row.scale = items
                restored += 1
    return restored


def _rest_of_raw(raw: str, name: str, s: ScaleWordingSettings) -> str:
    """The raw name's text after its wording (where a scale the reader did not split stays)."""
    raw, name = nfc(raw or "").lower(), nfc(name).lower()
    found = fuzz.partial_ratio_alignment(name, raw)
    if found is None or found.score < s.min_similarity:
        return ""
    return (raw or "")[found.dest_end :].strip()


def is_damaged_scale(text: str, items: list[str], s: ScaleWordingSettings = ScaleWordingSettings()) -> bool:
    """Whether ``text`` (a row's scale as read) is the scale ``items`` but for OCR's damage: its
    figures are the items' figures in order, its characters near theirs, and nothing but specks
    before or after the stretch they align with."""
    wanted = nfc(" ".join(items)).lower()
    read = nfc(" ".join(text.split())).lower()
    if _FIGURE.findall(read) != _FIGURE.findall(wanted):
        return False
    found = fuzz.partial_ratio_alignment(wanted, read)
    if found is None or found.score < s.min_similarity:
        return False
    before, after = read[: found.dest_start], read[found.dest_end :]
    return len(_WORD_CHAR.findall(before)) <= s.max_left_after and len(_WORD_CHAR.findall(after)) <= s.max_left_after
