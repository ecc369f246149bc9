"""A task's word one letter off a fixed administrative term ("Tiến nhận, xử lý phản ánh" for the
catalogue's "Tiếp nhận, xử lý phản ánh": OCR read a "p" as an "n", and both read are syllables, so
neither the syllable check nor the marks' check sees it). Where a run of the task's words is,
accent-free, a run of a catalogue phrase (``normalize/vietnamese/data/cchc_phrases.txt``) but for
one word, and that word is one letter of the catalogue's, the catalogue's word is put and the
reading queued: the other words of the run vouch for the phrase, a word a commune meant would be
more than one letter away, but a reviewer confirms it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from normalize.lazy_regex import lazy_compile
from normalize.vietnamese.model import data_lines
from normalize.vietnamese.syllable import fold

_WORD = lazy_compile(r"\p{L}+")
# What may stand between two words of one run: spaces and the list's commas the catalogue prints.
_BETWEEN = lazy_compile(r"^,?\s+$")


@dataclass(frozen=True)
class CatalogueLetterSettings:
    # Words a run holds: the words beside the one off vouch for the phrase (as ``task_wording``'s
    # run of four, where marks alone differ).
    run: int = 4
    # Shortest word weighed: a word of two letters one letter off is another word as often as not.
    min_letters: int = 3


_SETTINGS = CatalogueLetterSettings()


@lru_cache(maxsize=4)
def _holed(run: int) -> dict[tuple[tuple[str, ...], int], frozenset[str]]:
    """(accent-free run with its ``k``-th word blanked, k) → the catalogue's words at that place."""
    out: dict[tuple[tuple[str, ...], int], set[str]] = {}
    for line in data_lines("cchc_phrases.txt"):
        words = [w.lower() for w in _WORD.findall(line)]
        for i in range(len(words) - run + 1):
            key = [fold(w) for w in words[i : i + run]]
            for k in range(run):
                out.setdefault((tuple(key[:k] + [""] + key[k + 1 :]), k), set()).add(words[i + k])
    return {k: frozenset(v) for k, v in out.items()}


def _one_letter(a: str, b: str) -> bool:
    """Two accent-free words of one length differing in one letter."""
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b)) == 1


def catalogue_letters(text: str, settings: CatalogueLetterSettings = _SETTINGS) -> tuple[str, list[tuple[str, str]]]:
    """(``text`` with each word one letter off a catalogue run put as the catalogue prints it,
    [(read, put)]); the text as it was and [] where no run says so."""
    holed = _holed(settings.run)
    words = list(_WORD.finditer(text))
    fixes: dict[int, str] = {}
    for i in range(len(words) - settings.run + 1):
        window = words[i : i + settings.run]
        if any(not _BETWEEN.match(text[a.end() : b.start()]) for a, b in zip(window, window[1:])):
            continue
        folded = [fold(m.group(0).lower()) for m in window]
        for k in range(settings.run):
            put = holed.get((tuple(folded[:k] + [""] + folded[k + 1 :]), k))
            if put is None or len(put) != 1:
                continue
            (word,) = put
            read = window[k].group(0)
            if len(read) >= settings.min_letters and _one_letter(folded[k], fold(word)):
                fixes[i + k] = word[:1].upper() + word[1:] if read[:1].isupper() else word
    if not fixes:
        return text, []
    out, last, changes = [], 0, []
    for j, m in enumerate(words):
        if j in fixes:
            out += [text[last : m.start()], fixes[j]]
            changes.append((m.group(0), fixes[j]))
            last = m.end()
    return "".join(out) + text[last:], changes
