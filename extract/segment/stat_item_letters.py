"""A lettered item's letter on OCR'd annex rows, where the letter's mark (")", ".") was never
printed or OCR lost it: a bare letter in the code cell ("a", "b") or a lone letter opening the
row's line ("b Số TTHC …"). On typed pages a bare letter in the code column is an item outright;
on a scan a lone letter may be a code OCR garbled ("i" for 1), so there the letters must also run
as items do: "a" opens them, each next one follows the letter above it."""

from __future__ import annotations

from normalize.codes import item_letter, item_place, letter_item


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
