"""A phrase of the units' gazetteer read inside a task's or a product's words with a mark OCR
misread ("… ở thôn, tố dân phố" for "tổ dân phố", "Bộ phận Một của"): the gazetteer's names
(``normalize.units.UNIT_NAMES``) hold the phrases a commune's plan writes of its bodies and places,
and a run of three syllables or more that spells one of them letter for letter but for its tone
and vowel marks is that phrase (no other run of three Vietnamese syllables folds to "to dan pho").
Put in the gazetteer's marks, each word's printed case kept; the row noted (a mend, not queued)."""

from __future__ import annotations

from functools import lru_cache

import regex as re

from normalize.text import fold
from normalize.units import UNIT_NAMES

# A row's note that a phrase's marks were put as the gazetteer spells them.
PHRASE_MARKS = "phrase_marks_put"
# Syllables a phrase has at least for its marks to be put (two syllables fold alike too often:
# "tổ chức" / "tố chức" are both read, "cửa" / "của").
MIN_WORDS = 3
_WORD = re.compile(r"\p{L}+")


@lru_cache(maxsize=1)
def _phrases() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Each gazetteer phrase of ``MIN_WORDS`` syllables or more (a name's parts between commas and
    dashes, and the name whole), by its folded words."""
    out: dict[tuple[str, ...], tuple[str, ...]] = {}
    for name in UNIT_NAMES:
        for part in [name, *re.split(r"\s*[,–-]\s*", name)]:
            words = tuple(w.lower() for w in _WORD.findall(part))
            if len(words) >= MIN_WORDS:
                out.setdefault(tuple(fold(w) for w in words), words)
    return out


def _cased(printed: str, word: str) -> str:
    return word[:1].upper() + word[1:] if printed[:1].isupper() else word


def known_phrase_marks(text: str) -> tuple[str, list[str]]:
    """``text`` with each run of words that folds to a gazetteer phrase in the phrase's marks, and
    the phrases put ("'tố dân phố' → 'tổ dân phố'")."""
    words = list(_WORD.finditer(text))
    folded = [fold(m.group()).lower() for m in words]
    said: list[str] = []
    puts: dict[int, str] = {}
    for key, spelt in _phrases().items():
        n = len(key)
        for i in range(len(words) - n + 1):
            if tuple(folded[i : i + n]) != key or any(k in puts for k in range(i, i + n)):
                continue
            printed = [m.group() for m in words[i : i + n]]
            if [p.lower() for p in printed] == list(spelt):
                continue
            put = [_cased(p, w) for p, w in zip(printed, spelt, strict=True)]
            said.append(f"'{' '.join(printed)}' → '{' '.join(put)}'")
            puts.update({i + k: w for k, w in enumerate(put)})
    if not puts:
        return text, []
    out, at = [], 0
    for i, m in enumerate(words):
        if i in puts:
            out.append(text[at : m.start()] + puts[i])
            at = m.end()
    out.append(text[at:])
    return "".join(out), said
