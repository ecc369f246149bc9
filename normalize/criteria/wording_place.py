"""Names told by their place in the criteria set's order: a row read under its code, between the
rows the set puts before and after it, whose name OCR garbled. The words OCR damaged
(``damaged``) are no evidence against the wording; the code and the place say which criterion
the row is. Pure functions over the rows read; ``wording.restore_wordings`` asks them."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from normalize.criteria import CriteriaSet, CriterionDef
from normalize.text import WORD_RUN
from normalize.vietnamese.candidates import KNOWN_ABBREVIATIONS
from normalize.vietnamese.model import load_model
from normalize.vietnamese.syllable import normalize_syllable

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
    top = crit.max_points
    if top is not None and any(v is not None and not 0 <= v <= top + 0.01 for v in (row.max_points, row.self_points)):
        return False
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
