"""Vietnamese syllables: folding, tone marks, their placement, case.

A syllable is written as base letters (with the vowel-shape marks of ă â ê ô ơ ư đ) plus at
most one tone mark on one vowel. We keep the two apart: ``fold`` drops both (the key OCR and
stripped text still agree on), ``split_tone`` separates the tone, ``place_tone`` puts it back
by ONE convention.

Convention: the "old" (traditional) placement, which the commune documents we see use
("hòa", "khỏe", "thủy", "quý"): in an open syllable with two vowels the tone goes on the first
(oa, oe, uy included), with three on the middle one; a vowel with a shape mark (ê, ơ, â...)
always takes it; with a final consonant it goes on the last vowel.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from normalize.lazy_regex import lazy_compile

# Combining tone marks (NFD): grave, acute, hook above, tilde, dot below.
TONE_MARKS = ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
_TONE_SET = set(TONE_MARKS)
VOWELS = set("aăâeêioôơuưy")
_SHAPED = set("ăâêôơư")
ONSETS = (
    "ngh",
    "ng",
    "nh",
    "ch",
    "gh",
    "gi",
    "kh",
    "ph",
    "qu",
    "th",
    "tr",
    "b",
    "c",
    "d",
    "đ",
    "g",
    "h",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "x",
)
_CODAS = ("ch", "ng", "nh", "c", "m", "n", "p", "t")
_SYLLABLE = lazy_compile(r"^(?:" + "|".join(ONSETS) + r")?([aăâeêioôơuưy]{1,3})(?:" + "|".join(_CODAS) + r")?$")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=100_000)
def fold(text: str) -> str:
    """Lower-case, every diacritic dropped, đ → d: "Đánh" → "danh"."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d").replace("Đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def split_tone(syllable: str) -> tuple[str, int]:
    """("hòa" → ("hoa", 1)); tone 0 is level (no mark), 1..5 follow TONE_MARKS."""
    decomposed = unicodedata.normalize("NFD", syllable)
    tone = 0
    kept = []
    for ch in decomposed:
        if ch in _TONE_SET:
            tone = TONE_MARKS.index(ch) + 1
        else:
            kept.append(ch)
    return nfc("".join(kept)), tone


def has_diacritic(text: str) -> bool:
    return fold(text) != text.lower()


def _nucleus_span(base: str) -> tuple[int, int] | None:
    low = base.lower()
    start = 0
    for onset in ONSETS:
        if low.startswith(onset):
            # "gi"/"qu": the i/u belongs to the onset only when a vowel follows ("gì" has none).
            if onset in ("gi", "qu") and not (len(low) > 2 and low[2] in VOWELS):
                continue
            start = len(onset)
            break
    end = start
    while end < len(low) and low[end] in VOWELS:
        end += 1
    return (start, end) if end > start else None


def place_tone(base: str, tone: int) -> str:
    """Put tone ``tone`` on the right vowel of ``base`` (old-style placement, see module doc)."""
    if tone == 0:
        return base
    span = _nucleus_span(base)
    if span is None:
        return base
    start, end = span
    nucleus = base[start:end].lower()
    closed = end < len(base)
    shaped = [i for i, ch in enumerate(nucleus) if ch in _SHAPED]
    if shaped:
        pos = shaped[-1]  # "ươ" → ơ, "uô" → ô, "iê" → ê
    elif closed:
        pos = len(nucleus) - 1
    elif len(nucleus) == 3:
        pos = 1
    else:
        pos = 0
    i = start + pos
    return nfc(base[:i] + base[i] + TONE_MARKS[tone - 1] + base[i + 1 :])


@lru_cache(maxsize=100_000)
def normalize_syllable(token: str) -> str:
    """NFC and the house tone placement; not a syllable → NFC only."""
    token = nfc(token)
    base, tone = split_tone(token)
    if tone == 0 or not is_syllable_shape(base):
        return token
    return place_tone(base, tone)


@lru_cache(maxsize=100_000)
def is_syllable_shape(text: str) -> bool:
    """Could ``text`` (tone marks allowed) be one Vietnamese syllable by its letters alone."""
    base, _ = split_tone(text.lower())
    return bool(_SYLLABLE.match(base))


def case_of(token: str) -> str:
    """upper | title | lower, from the token's letters (junk characters ignored)."""
    letters = [ch for ch in token if ch.isalpha()]
    if not letters:
        return "lower"
    if len(letters) >= 2 and all(ch.isupper() for ch in letters):
        return "upper"
    # A word in capitals with one small letter OCR read for a capital's shape ("CHiNH", "TiNH":
    # "Í" read "i"): a capitals word still, not a capitalised one.
    if len(letters) >= 4 and letters[0].isupper() and sum(ch.islower() for ch in letters) == 1:
        return "upper"
    return "title" if letters[0].isupper() else "lower"


def apply_case(syllable: str, case: str) -> str:
    if case == "upper":
        return syllable.upper()
    if case == "title":
        return syllable[:1].upper() + syllable[1:].lower()
    return syllable.lower()
