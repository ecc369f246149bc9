"""A lettered item's letter on OCR'd annex rows, where the letter's mark (")", ".") was never
printed or OCR lost it: a bare letter in the code cell ("a", "b") or a lone letter opening the
row's line ("b Số TTHC …"). On typed pages a bare letter in the code column is an item outright;
on a scan a lone letter may be a code OCR garbled ("i" for 1), so there the letters must also run
as items do: "a" opens them, each next one follows the letter above it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import regex as re

from normalize.codes import item_letter, item_place, letter_item

# A code cell's letter OCR garbled into a token of small letters ("bì" for "a"): one to three
# letters, no digit (a digit makes it a code OCR garbled, read by the column repair).
_GARBLED_LETTER = re.compile(r"\p{Ll}{1,3}[)}\].,]?")


def bare_letter(cell: str) -> str | None:
    """The letter of a cell holding a small letter of the items' alphabet alone ("b" → "b"), or None."""
    text = cell.strip()
    return letter_item(f"{text})") if len(text) == 1 and text.islower() else None


def follows_items(letter: str, token_above: str | None, above_coded: bool) -> bool:
    """Whether an item letter read on a scan takes its place in a run of items: "a" right under a
    row that printed a code of its own (the items' count), any later letter right after the item
    lettered one before it ("b" after "a)")."""
    if letter == item_letter(1):
        return above_coded
    above = letter_item(token_above or "")
    return above is not None and item_place(above) + 1 == item_place(letter)


def opens_with_lone_letter(tokens: list[str]) -> str | None:
    """The letter a line opens with as a word of its own before a word opening with a capital
    ("a Số TTHC cung cấp …", "c Giải quyết quá hạn"; OCR's "S6" for "Số" opens so too), or None.
    A name's wrapped words never open so: a wrap goes on in small letters, and the language's
    one-letter words ("à", "ạ") are outside the items' alphabet."""
    if len(tokens) < 2 or not tokens[1][:1].isupper():
        return None
    return bare_letter(tokens[0])


class LetterDraft(Protocol):
    """What ``garbled_letter_above`` reads of an annex row before its code is settled."""

    indicator: str
    token: str | None
    coded: bool


def garbled_letter_above(code_cell: str, drafts: Sequence[LetterDraft]) -> tuple[str, str] | None:
    """The item letter OCR garbled in the row above a bare letter that would follow it: "b" under a
    row whose code cell read "bì" (its "a"), itself right under the items' coded count (2.1), or
    under the item lettered one before. The garbled cell was taken for words opening the row's
    indicator ("bì Số hồ sơ …"): a short small-letter token, no digit in it, before a capital,
    which no indicator opens with. Returns the above row's item token ("a)") and its indicator
    without the token; None when the rows do not run so."""
    letter = bare_letter(code_cell)
    if letter is None or item_place(letter) < 2 or not drafts or drafts[-1].token is not None:
        return None
    above = drafts[-1]
    words = above.indicator.split(maxsplit=1)
    if len(words) < 2 or not _GARBLED_LETTER.fullmatch(words[0]) or not words[1][:1].isupper():
        return None
    lost = item_letter(item_place(letter) - 1)
    before = drafts[-2] if len(drafts) > 1 else None
    if before is None or not follows_items(lost, before.token, before.coded and before.token is not None):
        return None
    return f"{lost})", words[1]
