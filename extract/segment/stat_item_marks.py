"""An annex's lettered item whose mark OCR spoilt inside its name: "a) Giải quyết trước hạn",
"b) Giải quyết đúng hạn", then "€j Giải quyết quá hạn" — the "c)" read as a struck "c" and a
"j" for its bracket. The row and its figure were read, but its name opens with a token that is no
item's mark and no word, so nothing says which item it is. Its neighbours say it: a two-character
token closing as a mark does (a bracket, or a glyph OCR puts for one) right after item b) (or
right before item b) is item c) (or a)). The name is mended, the row flagged
``item_mark_restored`` so the mend stays visible. (A letter lost from a code cell, no name's
token, is ``stat_item_letters``'.)"""

from __future__ import annotations

from dataclasses import dataclass, replace

from normalize.codes import item_letter, item_place, letter_item
from schemas.records import StatAnnex, StatRow

# The flag of a row whose item mark was restored from its neighbours'.
ITEM_MARK_RESTORED = "item_mark_restored"


@dataclass(frozen=True)
class ItemMarkSettings:
    # Glyphs OCR puts for an item mark's closing bracket: the other brackets, and the "j" and "|"
    # a round bracket's stroke is read as. No Vietnamese word ends in these, so a token of one
    # character and one of these is no word.
    closers: str = "]}|j"


def _opening_letter(text: str) -> str | None:
    """The item letter a name's first token marks ("b) …" → "b", "€) …" → "c"), or None."""
    token = (text or "").split(maxsplit=1)
    return letter_item(token[0]) if len(token) == 2 else None


def _spoilt_mark(text: str, settings: ItemMarkSettings) -> str | None:
    """The letter a name's spoilt opening mark may stand for: a two-character token, no digit in
    front, closing with a glyph put for a bracket ("€j", "c}"), before words. "" when its first
    character reads as no letter (a speck), None when the token is no spoilt mark."""
    words = (text or "").split(maxsplit=1)
    if len(words) < 2 or len(words[0]) != 2 or words[0][1] not in settings.closers or words[0][0].isdigit():
        return None
    return letter_item(words[0][0] + ")") or ""


def _expected(rows: list[StatRow], i: int) -> str | None:
    """The letter row ``i`` holds by its neighbours: the one after the row above's, or the one
    before the row below's; None when they say nothing, or disagree."""
    guesses = set()
    above = _opening_letter(rows[i - 1].indicator) if i > 0 else None
    if above is not None and item_letter(item_place(above) + 1):
        guesses.add(item_letter(item_place(above) + 1))
    below = _opening_letter(rows[i + 1].indicator) if i + 1 < len(rows) else None
    if below is not None and item_place(below) > 1:
        guesses.add(item_letter(item_place(below) - 1))
    return guesses.pop() if len(guesses) == 1 else None


def restored_item_marks(annexes: list[StatAnnex], settings: ItemMarkSettings = ItemMarkSettings()) -> list[StatAnnex]:
    """``annexes`` with each lettered item's spoilt mark written as the letter its neighbours say
    (when the mark's own first character reads as a letter, only where it is that one)."""
    out = []
    for annex in annexes:
        rows = list(annex.rows)
        for i, row in enumerate(rows):
            own = _spoilt_mark(row.indicator, settings)
            letter = _expected(rows, i) if own is not None else None
            if letter is None or own not in ("", letter):
                continue
            rest = row.indicator.split(maxsplit=1)[1]
            rows[i] = replace(row, indicator=f"{letter}) {rest}", flags=[*row.flags, ITEM_MARK_RESTORED])
        out.append(replace(annex, rows=rows) if rows != annex.rows else annex)
    return out
