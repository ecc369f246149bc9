"""The wording of statistics-annex indicators, from published annex forms (``data/annex_indicators.csv``).

A statistics annex has no criteria set: communes fill the Ministry's report forms ("Biểu mẫu
thống kê số liệu báo cáo …") and add indicators of their own. What the forms print is still the
vocabulary of an annex row ("Số TTHC …", "Số hồ sơ tiếp nhận …", "Tỷ lệ …"): a line OCR garbled
whose letters are that vocabulary is an indicator; a line of specks is not. ``data/README.md``
says where each entry was read from.

The evidence is letter trigrams of the folded text with its spaces removed: OCR glues words
("Sốnhiệm vụtrongKếhoạhCCHC") and drops marks, and the trigrams of the words it kept survive both."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from normalize.lazy_regex import lazy_compile
from normalize.text import fold_words


@dataclass(frozen=True)
class AnnexIndicator:
    form: str  # the form's topic, as its title prints it ("cải cách thủ tục hành chính")
    code: str  # the row's code in that form ("" for wording read from a report's text)
    indicator: str  # as printed, whitespace collapsed
    unit: str
    source: str  # "seed-002:<line>": the document and line it was read from


@lru_cache(maxsize=1)
def annex_indicators() -> tuple[AnnexIndicator, ...]:
    text = resources.files(__package__).joinpath("data").joinpath("annex_indicators.csv").read_text(encoding="utf-8")
    return tuple(
        AnnexIndicator(r["form"], r["code"], r["indicator"], r["unit"], r["source"])
        for r in csv.DictReader(io.StringIO(text))
    )


def _letters(text: str) -> str:
    """Folded letters and digits with no spaces: the form OCR's glued and split words agree in.
    A digit inside a word is the letter OCR took it for ("S6" for "Số", "cu6c" for "cuộc")."""
    return lookalike_words(text).replace(" ", "")


def lookalike_words(text: str) -> str:
    """Folded words, a digit inside a word of letters read as the letter OCR took it for ("S6
    liệu" → "so lieu"); a figure of digits alone stays as it is."""
    return " ".join(w.translate(_LOOKALIKES) if _LETTER.search(w) else w for w in fold_words(text).split())


# Digits OCR reads for letters of folded Vietnamese: 6 and 0 for "o" (ố, ộ), 1 for "i", 5 for
# "s", 3 for "e" (ế), 8 for "b".
_LOOKALIKES = str.maketrans("601538", "ooiseb")
_LETTER = lazy_compile(r"[a-z]")


def _trigrams(text: str) -> frozenset[str]:
    letters = _letters(text)
    return frozenset(letters[k : k + 3] for k in range(len(letters) - 2))


@lru_cache(maxsize=1)
def _vocabulary() -> frozenset[str]:
    """Every trigram of the catalogue's indicators and units."""
    grams: set[str] = set()
    for entry in annex_indicators():
        grams |= _trigrams(entry.indicator) | _trigrams(entry.unit)
    return frozenset(grams)


def indicator_wording(text: str) -> float | None:
    """How much of ``text`` is annex-indicator wording: the share of its letter trigrams the
    catalogue's indicators hold (None for text with fewer than three letters or digits: no
    evidence). A garbled indicator keeps most of its trigrams; specks and stray letters keep few."""
    grams = _trigrams(text)
    if not grams:
        return None
    return len(grams & _vocabulary()) / len(grams)


def opens_indicator(text: str, min_share: float = 0.1) -> bool:
    """Whether ``text`` opens as annex indicators do: its first folded word is the first word of
    at least ``min_share`` of the catalogue's indicators ("Số …", "Tỷ lệ …", "Tổng số …"; "S6 …")."""
    words = fold_words(text).split()
    if not words:
        return False
    # OCR's digit look-alikes read as the letters they stand for ("S6" for "Số"), as in ``_letters``.
    first = words[0].translate(_LOOKALIKES) if _LETTER.search(words[0]) else words[0]
    return _openings().get(first, 0) >= min_share * len(annex_indicators())


@lru_cache(maxsize=1)
def _openings() -> dict[str, int]:
    counts: dict[str, int] = {}
    for entry in annex_indicators():
        first = fold_words(entry.indicator).split()[:1]
        if first:
            counts[first[0]] = counts.get(first[0], 0) + 1
    return counts


def prints_form_word(text: str) -> bool:
    """Whether any word of ``text`` (folded) is a word the catalogue's indicators or units print:
    a line too short for trigram evidence ("xã", "lý", "nhận") is still the forms' wording when
    its word is, and OCR's stray letters ("ea", "ee", "a") are not."""
    return any(word in _form_words() for word in fold_words(text).split())


@lru_cache(maxsize=1)
def _form_words() -> frozenset[str]:
    words: set[str] = set()
    for entry in annex_indicators():
        words |= set(fold_words(entry.indicator).split()) | set(fold_words(entry.unit).split())
    return frozenset(words)
