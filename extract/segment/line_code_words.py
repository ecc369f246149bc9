"""The word a score table's code column prints before the code ("Lĩnh vực 3", "Tiêu chí 1.2"), on a
line of text (an OCR dump): dropped, so the code is the line's first token as in any table. The
grid reader drops it from the code cell (``normalize.codes.without_code_word``); a line has no
cell, and OCR garbles the word's second half more often than not ("Linh vc 2", "Linh vuwc5": a
letter lost, the code glued on), so a word whose first half is read and whose second half comes
near is taken too."""

from __future__ import annotations

import regex as re
from rapidfuzz import fuzz

from normalize.codes import opening_without_code_word
from normalize.lazy_regex import lazy_compile
from normalize.text import fold

# Code words of two words, folded: the first read whole, the second as OCR left it.
_TWO_WORD_CODE_WORDS = (("linh", "vuc"), ("tieu", "chi"))
# How near (rapidfuzz ratio) the second word must come ("vc", "vuwc" for "vuc").
_SECOND_WORD_RATIO = 60.0
# The second word's letters, and a code OCR glued to them ("vuwc5").
_LETTERS_THEN_CODE = lazy_compile(r"^([a-z]+)(\d{1,2}(?:\.\d{1,2})*\.?)?$")


def without_code_word(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A line's (repaired, raw) tokens without the code word opening it; else the tokens as they are."""
    for n in (1, 2, 3):
        if len(tokens) <= n:
            break
        rest = " ".join(raw for _, raw in tokens[n:])
        if opening_without_code_word(" ".join(raw for _, raw in tokens[:n]) + " " + rest).strip() == rest:
            return tokens[n:]
    if len(tokens) < 3:
        return tokens
    first, second = fold(tokens[0][1]), fold(tokens[1][1]).strip(".,:;")
    m = _LETTERS_THEN_CODE.match(second)
    for opening, closing in _TWO_WORD_CODE_WORDS:
        if first != opening or m is None or fuzz.ratio(m.group(1), closing) < _SECOND_WORD_RATIO:
            continue
        if m.group(2):
            return [(m.group(2), m.group(2)), *tokens[2:]]
        if re.match(r"\d", tokens[2][1]):
            return tokens[2:]
    return tokens
