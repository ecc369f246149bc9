"""Names told by their place in the criteria set's order: a row read under its code, between the
rows the set puts before and after it, whose name OCR garbled. The words OCR damaged
(``damaged``) are no evidence against the wording; the code and the place say which criterion
the row is. Pure functions over the rows read; ``wording.restore_wordings`` asks them."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from normalize.criteria import CriteriaSet, CriterionDef
from normalize.text import WORD_RUN
from normalize.vietnamese.candidates import KNOWN_ABBREVIATIONS
from normalize.vietnamese.model import load_model
from normalize.vietnamese.syllable import fold, normalize_syllable

if TYPE_CHECKING:
    from normalize.criteria.wording import WordingSettings
    from schemas.records import ScoreRow


def _words(text: str) -> list[str]:
    return WORD_RUN.findall(text or "")


@lru_cache(maxsize=50_000)
def damaged(word: str) -> bool:
    """A word OCR damaged: letters and digits mixed ("b6"), or no syllable of the language. A
    figure where the wording has none is a speck or another cell's ("quy Thhn 1 pháp"): where the
    wording prints the figure, the two are equal and nothing asks."""
    if any(c.isdigit() for c in word) or len(word) == 1:
        return True  # (a letter alone is a speck, or what is left of a word: "thực u. kế")
    if word in KNOWN_ABBREVIATIONS:
        return False  # ("TTHC", "CCHC": a word of the commune's, not damage)
    return normalize_syllable(word.lower()) not in load_model().syllables


def garbled_in_place(
    rows: Sequence[ScoreRow], row: ScoreRow, crit: CriterionDef, cs: CriteriaSet, s: WordingSettings
) -> bool:
    """A short wording's row whose name OCR garbled past recognising, told by its place: its code
    printed (not inferred), the rows read right above and below it criteria of the set before and
    after it in the set's order, its name all damaged words (no word of the language, nothing to
    tell another wording by) and not long, its points within the criterion's maximum. A short
    wording is easy to confuse, so no nearness of the garble is asked; the code and the place are
    what say which row it is."""
    words = _words(row.name)
    wording = _words(crit.name)
    if not words or len(wording) > s.place_max_words or "code_inferred" in row.flags:
        return False
    if not all(damaged(w) for w in words):
        return False
    if sum(len(w) for w in words) > s.place_max_letters * sum(len(w) for w in wording):
        return False
    return within_maximum(row, crit) and in_set_place(rows, row, crit, cs)


def within_maximum(row: ScoreRow, crit: CriterionDef) -> bool:
    """The row's points read lie within the criterion's maximum (or the set gives none)."""
    top = crit.max_points
    return top is None or all(v is None or 0 <= v <= top + 0.01 for v in (row.max_points, row.self_points))


def in_set_place(rows: Sequence[ScoreRow], row: ScoreRow, crit: CriterionDef, cs: CriteriaSet) -> bool:
    """The rows read right above and below ``row`` (at least one of them a criterion of the set)
    are criteria the set puts before and after ``crit``: the row stands where its code says."""
    order = {c.code: i for i, c in enumerate(cs.rows)}
    k = next((i for i, r in enumerate(rows) if r is row), None)
    if k is None:
        return False
    here = order[crit.code]
    above = order.get(str(rows[k - 1].code)) if k > 0 else None
    below = order.get(str(rows[k + 1].code)) if k + 1 < len(rows) else None
    if above is None and below is None:
        return False
    return (above is None or above < here) and (below is None or here < below)


def worded_in_place(
    rows: Sequence[ScoreRow], row: ScoreRow, crit: CriterionDef, cs: CriteriaSet, s: WordingSettings
) -> bool:
    """A row read in its criterion's place (``in_set_place``) whose name OCR garbled in part, the
    rest of it its wording's: the words read that are words of the language are its wording's, in
    order (a wrapped line's "viên chức" of "… công chức, viên chức", the first line lost to
    specks), with at most ``place_strays`` short syllables beside them (a speck read as one: "on"),
    no sibling criterion's wording holds as many of them, and its points lie within the maximum;
    or the damaged letters glued are nearer its wording's letters than any sibling's by a margin
    ("Keswhccicnmm" for "KếhoạchCCHCnăm"), its points what they may be (OCR's misreading). A code
    the numbering gave (not printed) asks the letters' nearness. Words of another wording keep the
    text read (the commune's words), and so does a name read with no damage at all (a commune's
    shorter wording, not OCR's loss)."""
    if not any(damaged(w) for w in _words(row.name_raw or row.name)):
        return False  # (a name read clean, short of the wording, is the commune's: "Kế hoạch CCHC")
    words = [w for w in _words(row.name) if not w.isdigit()]  # (a figure run in is a cell's, not a word)
    wording = _words(crit.name)
    if not words or sum(len(w) for w in words) > s.place_max_letters * sum(len(w) for w in wording):
        return False
    if not in_set_place(rows, row, crit, cs):
        return False
    clean = [fold(w).lower() for w in words if not damaged(w)]
    siblings = [c for c in cs.rows if c is not crit and c.code.count(".") == crit.code.count(".")]
    held = _held(clean, crit.name)
    long = [w for w in clean if len(w) > s.place_stray_letters]
    if len(clean) - held > s.place_strays or _held(long, crit.name) < len(long):
        return False  # (words the wording does not hold: the commune's, or another cell's)
    # Words held are weaker evidence than letters: they ask the row's points within the maximum
    # too (a row past it may be another's); points OCR misread do not unname a glued name.
    by_words = (
        within_maximum(row, crit) and held >= s.place_min_words and all(_held(clean, c.name) < held for c in siblings)
    )
    by_letters = _glued_nearest(words, crit, siblings, s)
    return by_letters if "code_inferred" in row.flags else by_words or by_letters


def _held(clean: list[str], wording: str) -> int:
    """How many of the clean words read the wording holds in their order (longest common run)."""
    official = [fold(w).lower() for w in _words(wording)]
    best = [0] * (len(official) + 1)
    for w in clean:
        prev = 0
        for j, o in enumerate(official):
            cur = best[j + 1]
            best[j + 1] = prev + 1 if w == o else max(best[j + 1], best[j])
            prev = cur
    return best[-1]


def _glued_nearest(words: list[str], crit: CriterionDef, siblings: list[CriterionDef], s: WordingSettings) -> bool:
    """The name's letters glued (folded, spaces and specks out) are near the wording's letters,
    nearer than any sibling wording's by ``place_glued_margin``: a name OCR glued and damaged whole."""
    if not any(damaged(w) for w in words):
        return False
    read = "".join(fold(w).lower() for w in words)
    own = fuzz.ratio(read, _glued(crit.name))
    others = max((fuzz.ratio(read, _glued(c.name)) for c in siblings), default=0.0)
    return own >= s.place_glued_ratio and own >= others + s.place_glued_margin


def _glued(wording: str) -> str:
    return "".join(fold(w).lower() for w in _words(wording))
