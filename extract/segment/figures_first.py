"""A score table's line that opens with the row's figures, its code lost: "1 0,25 | Công văn số_"
or "3 2 Quyết định số". OCR's sparse or automatic segmentation (Tesseract ``--psm 3``) prints a
row's name as a block of its own and its points on the line its explanation opens, under the name,
so the maximum opens the line where a code would stand. A plain whole number there, a points figure
within it right after, then the explanation cell's opening (a document, a date: no criterion's name
goes on so) are the row's maximum and score, not a code and a name."""

from __future__ import annotations

import regex as re

from extract.segment.line_common import JUNK, LineTableSettings
from extract.segment.line_split import is_criterion_name, opens_explanation
from normalize.numbers import parse_number


def figures_opening(head: str, rest: list[tuple[str, str]]) -> tuple[str, str, list[tuple[str, str]]] | None:
    """(max, self, explanation tokens) when ``head`` (the token a code would be) and the first of
    ``rest`` are a maximum and a score within it, and the tokens after them, past specks, open an
    explanation; None otherwise."""
    if not re.fullmatch(r"[1-9]\d?", head) or not rest:
        return None
    top, score = parse_number(head, kind="score"), parse_number(rest[0][1], kind="score")
    if top is None or score is None or top.value is None or score.value is None or not 0 <= score.value <= top.value:
        return None
    after = [t for t in rest[1:] if not JUNK.match(t[1])]
    # (OCR's marks glued to a word's ends are no letters of it: "số_", "\"|")
    words = [(text.strip("_|\"'"), raw) for text, raw in after]
    while words and not re.search(r"[\p{L}\p{N}]{2}", words[0][0]):
        words = words[1:]
    if not words or not opens_explanation(words):
        return None
    return head, rest[0][1], after


def named_tail(tokens: list[tuple[str, str]], settings: LineTableSettings) -> int | None:
    """Where the words taken for a row's explanation end with, whole, a catalogued criterion's
    name (from a word opening in a capital, at least two words): the next row's name printed as a
    block above its figures' line; None when they do not."""
    for k, (text, _) in enumerate(tokens[:-1]):
        if text[:1].isupper() and is_criterion_name(tokens[k:], settings):
            return k
    return None
