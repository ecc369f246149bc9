"""The unit a count is kept in ("Hồ sơ", "Người", "Thủ tục", "%"), as one row's is compared with
another's: the same key, the same unit. A group's parts count what its whole counts, so the
statistics reader (a row that counts in another unit opens a group of its own) and the
reconciliation (a sum is checked over the parts in the whole's unit) ask the same question.

The key is one rule read two ways, by what a digit in the unit cell is:

- a speck (``unit_key(unit)``): an OCR'd draft's cell before its figure is settled, where a digit
  beside the unit is what OCR left of the figure and punctuation is OCR's specks ("Phản ánh .",
  ". Nhiệm vụ"): the unit's letters alone, accent-free, one space between their runs;
- part of the unit (``unit_key(unit, keep_figures=True)``): a read row's unit ("m2" is not "m"),
  markup dropped, its spaces dropped (OCR joins a unit's words: "Hồsơ" beside "Hồ sơ", and no two
  units differ by a space alone), less the tokens OCR left of a figure it spoilt next to the unit
  ("Thủ tục 6Ú" for "Thủ tục 60").

Two units are the same when their keys are, or when one is the other's initials: documents write a
unit whole in one row and abbreviated in the next ("Tổng số thủ tục hành chính" over "Số TTHC …";
"cán bộ, công chức" and "CBCC"), and the abbreviation is made of the words' first letters
(``same_unit``).

Not the organisational units of a task framework (``normalize.units``).
"""

from __future__ import annotations

from normalize.lazy_regex import lazy_compile
from normalize.text import fold, strip_markup

_LETTER_RUN = lazy_compile(r"[a-z%]+")
# What OCR leaves of a speck at a unit's edge ("'Thủ tục", "Hồ sơ ,"): no unit opens or closes with
# a quote or a comma, so a read row's unit is compared without them (seed 1613's scanned annex:
# a total and one part read "'Thủ tục", the two other parts "Thủ tục", its sum weighed on the one).
_SPECKS = " .:,;'\"`‘’“”"


def lowered_unit(text: str) -> str:
    """A target's unit as a word of its sentence: "Cuộc" and "cuộc" are one unit, and OCR tells "C"
    from "c" only by size ("đạt ít nhất 03 Cuộc.", a unit column's "Cuộc"), so a capitalised word is
    lowered; an abbreviation ("TTHC", "VNĐ") keeps its case. (An annex row keeps its unit as printed:
    its column is the form's.)"""
    text = " ".join(text.split())
    first = text.split(" ", 1)[0] if text else ""
    if first[:1].isupper() and first[1:].islower():
        return text[:1].lower() + text[1:]
    return text


def unit_key(unit: str, keep_figures: bool = False) -> str:
    """The key a count's unit is compared by (see the module's docstring for the two readings)."""
    if not keep_figures:
        return " ".join(_LETTER_RUN.findall(fold(unit)))
    return "".join(unit_words(unit).split())


def unit_words(unit: str) -> str:
    """A unit as printed, folded and its markup dropped, less the tokens OCR left of a figure it
    spoilt next to the unit (``unit_debris``): no word of the unit."""
    folded = fold(strip_markup(unit or "")).strip(_SPECKS)
    if not unit_debris(unit):
        return folded
    return " ".join(w for w in folded.split() if not _debris(w))


def unit_debris(unit: str) -> bool:
    """Whether a unit holds a token of a figure OCR spoilt beside its words ("Thủ tục 6Ú"), so the
    figure read beside it may be a stray one. A coded answer's legend ("Có = 1") is no unit of
    that kind."""
    words = fold(strip_markup(unit or "")).split()
    return "=" not in unit and len(words) > 1 and any(_debris(w) for w in words)


def _debris(word: str) -> bool:
    """A token of a unit that is what OCR left of a figure: a digit glued to letters ("6Ú")."""
    return any(ch.isdigit() for ch in word) and any(ch.isalpha() for ch in word)


# An abbreviation's length: two letters are too many words' initials ("hs" is "hồ sơ" and "học
# sinh"); past six, no unit is abbreviated so.
_INITIALS_MIN, _INITIALS_MAX = 3, 6


def same_unit(a: str, b: str) -> bool:
    """Whether two units as printed are one unit: the same key (``unit_key(…, keep_figures=True)``),
    or one a single word of capitals that is the other's words' initials ("TTHC" and "thủ tục
    hành chính", "CBCC" and "cán bộ, công chức")."""
    if unit_key(a, keep_figures=True) == unit_key(b, keep_figures=True):
        return True
    return _initials_of(a, b) or _initials_of(b, a)


def _initials_of(short: str, long: str) -> bool:
    printed = strip_markup(short or "").strip(" .:")
    if not (_INITIALS_MIN <= len(printed) <= _INITIALS_MAX and printed.isalpha() and printed.isupper()):
        return False
    words = _LETTER_RUN.findall(fold(strip_markup(long or "")))
    return len(words) == len(printed) and "".join(w[0] for w in words) == fold(printed)
