"""The words of a signer's name line as OCR gives them: a word's letters without the marks around
it, a word no name is made of (a stroke or a speck), a surname's spelling, a name's case, a digit
read for a round letter, and a surname opening a name the line broke after specks. Split from
``signature`` (the block's structure), which reads names with them."""

from __future__ import annotations

import re
import unicodedata

from normalize.lazy_regex import lazy_re_compile
from normalize.vietnamese import word_damage
from normalize.vietnamese.names import is_surname, name_stock
from normalize.vietnamese.syllable import fold


def core_word(token: str) -> str:
    """A token without the punctuation and OCR marks around it ("ˆTrần" → "Trần", "VP." → "VP")."""
    keep = [ch.isalnum() and unicodedata.category(ch) != "Lm" for ch in token]
    if not any(keep):
        return ""
    first, last = keep.index(True), len(keep) - 1 - keep[::-1].index(True)
    return token[first : last + 1]


def foreign_syllable(word: str) -> bool:
    """A word no name is made of: no Vietnamese syllable, and no name syllable's letters."""
    if not word_damage(word, skip_upper=False)[1]:
        return False
    key = fold(word)
    return not any(fold(s) == key for place in name_stock().values() for s in place)


def surname_spelled(word: str) -> str:
    """A surname read with marks no surname has ("Đỉnh", a mark misread) spelled as the one surname
    of the stock with its letters ("Đinh"); a surname as printed, or letters two surnames share
    ("Hà"/"Hạ"), are kept."""
    stock = name_stock()["surname"]
    if name_case(word) in stock:
        return word
    same = [s for s in stock if fold(s) == fold(word)]
    return same[0] if len(same) == 1 else word


# A round letter OCR read as a digit at the end of a capitalised syllable ("V6" for "Võ", "L0"):
# a name's syllable holds no digit, so the digit is the letter o with its marks lost.
_DIGIT_O = lazy_re_compile(r"(?<=\b[A-ZĐ])[06](?=\s|$)")


def o_for_digit(text: str) -> str:
    return _DIGIT_O.sub("o", text)


def name_case(token: str) -> str:
    """ "NGUYỄN" → "Nguyễn", "H'LINH" → "H'Linh": each syllable capitalised."""
    return "".join(p[:1].upper() + p[1:].lower() for p in re.split(r"(['’])", token))


def surname_after_specks(text: str) -> str | None:
    """The surname a name line ends with after a stamp's specks only ("%o H „Hứa" over "Bích
    Ngân": the stamp's ink broke the name's line), or None: every word before it is no name's
    syllable (a mark, a lone letter, letters no syllable has)."""
    words = text.split()
    if len(words) < 2:
        return None
    last = core_word(words[-1])
    if not last or not last[0].isupper() or last.isupper() or not is_surname(last):
        return None
    specks = [core_word(w) for w in words[:-1]]
    return last if all(len(w) <= 1 or foreign_syllable(w) for w in specks) else None
