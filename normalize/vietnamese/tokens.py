"""Splitting text into what the repair model sees: tokens, their punctuation, their kind.

Repair is token-aligned, so a token is a whitespace-separated piece of the line; its core is
what remains once leading/trailing punctuation is set aside. The n-gram model sees syllables,
``<num>`` for numbers/codes and ``<x>`` for abbreviations; punctuation ends a context.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from normalize.lazy_regex import lazy_compile

from .syllable import fold, is_syllable_shape, normalize_syllable

NUM = "<num>"
ABBR = "<x>"
BOS = "<s>"
EOS = "</s>"

# Characters OCR leaves inside a word in place of a letter (¢ for ế, 6 for ô, 4 for ã...).
OCR_JUNK = "¢&@€£©®"
_SPLIT = lazy_compile(r"(\s+)")
# A number, code or document number: digits with . , / - : % and capitals ("52/KH-UBND", "1.1.2").
_CODE = lazy_compile(r"^(?=.*\d)[\p{Lu}\d.,/:%\-–]+$|^[\d.,/:%\-–]+$|^.*\d.*[/].*$")
_BREAK_PUNCT = set('.;:!?()[]{}|"“”…')


class Token(NamedTuple):
    lead: str
    core: str
    trail: str

    @property
    def text(self) -> str:
        return self.lead + self.core + self.trail


def split_line(line: str) -> list[str]:
    """Alternating [space?, token, space, token, ...] pieces; ''.join() gives the line back."""
    return _SPLIT.split(line)


@lru_cache(maxsize=100_000)
def parse_token(token: str) -> Token:
    """Lead, core, trail: the core runs from the token's first to its last letter, digit or OCR
    junk character (``isalnum``: Unicode letters and numbers). String methods, not a regular
    expression (leading and trailing runs of characters outside the letter and number classes
    gave the same on 119k tokens, at several times the cost on every distinct token of a text)."""
    n = len(token)
    i = 0
    while i < n and not (token[i].isalnum() or token[i] in OCR_JUNK):
        i += 1
    if i == n:
        return Token(token, "", "")
    j = n
    while not (token[j - 1].isalnum() or token[j - 1] in OCR_JUNK):
        j -= 1
    return Token(token[:i], token[i:j], token[j:])


def is_code(core: str) -> bool:
    return bool(_CODE.match(core))


def breaks_context(token: Token) -> bool:
    """Punctuation after/before a token ends the n-gram context (commas included)."""
    return any(ch in _BREAK_PUNCT or ch == "," for ch in token.trail) or any(ch in _BREAK_PUNCT for ch in token.lead)


def lm_unit(core: str) -> str | None:
    """The model's unit for a clean token: a normalized lower-case syllable, <num>, <x>, or
    None when the token is none of these (a context break)."""
    if not core:
        return None
    if any(ch.isdigit() for ch in core):
        return NUM
    if core.isupper() and len(core) >= 2 and not is_syllable_shape(core):
        return ABBR
    low = normalize_syllable(core.lower())
    if is_syllable_shape(low):
        return low
    if "-" in core or "/" in core:
        return ABBR
    return None


def token_unit(token: str) -> str | None:
    """The model's unit (``lm_unit``) of a raw token as a line prints it, its leading and
    trailing punctuation aside ("chính," → "chính")."""
    return lm_unit(parse_token(token).core)


def lm_segments(line: str) -> list[list[str]]:
    """Runs of model units in a clean line, split wherever the context breaks."""
    segments: list[list[str]] = []
    current: list[str] = []
    for piece in line.split():
        tok = parse_token(piece)
        unit = lm_unit(tok.core)
        if tok.lead and any(ch in _BREAK_PUNCT for ch in tok.lead) and current:
            segments.append(current)
            current = []
        if unit is None:
            if current:
                segments.append(current)
            current = []
            continue
        current.append(unit)
        if breaks_context(tok):
            segments.append(current)
            current = []
    if current:
        segments.append(current)
    return segments


def folded_key(core: str) -> str:
    return fold(core)
