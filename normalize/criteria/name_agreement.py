"""How near a name read is to a criterion's wording: whole, cut at its first line, run on into
the next column, holding the wording's words in order with OCR's specks between, or a long piece
of it. Pure functions over folded text; ``match`` decides with them which rows take a set's
wording and code."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex as re
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from normalize.criteria import CriteriaSet, CriterionDef
from normalize.criteria.code_names import norm as _norm, similarity
from normalize.vietnamese.syllable import fold

if TYPE_CHECKING:
    from normalize.criteria.match_settings import MatchSettings


def wording_similarity(name: str, wording: str, min_cut_share: float = 0.5) -> float:
    """0..100: how near a name read is to a criterion's wording, allowing the two ways a row's
    name is read short of or past it: run on into the next column's words (the evidence, OCR's
    specks), or cut at the end of its first printed line (the wrapped rest lost) when at least
    ``min_cut_share`` of the wording is there."""
    folded, official = _norm(name), _norm(wording)
    if not folded or not official:
        return 0.0
    best = fuzz.ratio(folded, official)
    if len(folded) > len(official):
        best = max(best, fuzz.ratio(folded[: len(official)], official))
    elif len(folded) >= min_cut_share * len(official):
        best = max(best, fuzz.ratio(folded, official[: len(folded)]))
    return best


def criterion_named(name: str, cset: CriteriaSet) -> tuple[float, CriterionDef] | None:
    """The criterion of ``cset`` whose wording ``name`` is nearest (``wording_similarity``), with
    that similarity; None for a set with no rows."""
    scored = [(wording_similarity(name, c.name), c) for c in cset.rows]
    return max(scored, key=lambda e: e[0], default=None)


def holds_wording(name: str, wording: str, s: MatchSettings) -> bool:
    """The name read holds the criterion's wording whole, with other text around it."""
    folded, official = _norm(name), _norm(wording)
    if not official or len(official) < s.snap_within_share * len(folded) or len(official) > len(folded):
        return False  # (a name read shorter than the wording does not hold it whole)
    return fuzz.partial_ratio(official, folded) >= s.snap_within_min


def _words(text: str) -> list[str]:
    return re.findall(r"[\p{L}\p{N}]+", fold(text))


def _aligned(read: list[str], official: list[str]) -> tuple[int, int, int]:
    """Longest in-order run of shared words of a name read and a wording: (how many, the read
    name's first and last aligned word)."""
    n, m = len(read), len(official)
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best[i][j] = best[i + 1][j + 1] + 1 if read[i] == official[j] else max(best[i + 1][j], best[i][j + 1])
    i = j = 0
    first = last = -1
    while i < n and j < m:
        if read[i] == official[j]:
            first = i if first < 0 else first
            last = i
            i, j = i + 1, j + 1
        elif best[i + 1][j] >= best[i][j + 1]:
            i += 1
        else:
            j += 1
    return best[0][0] if n and m else 0, first, last


def _word_share(read: list[str], official: list[str], s: MatchSettings) -> float:
    """The share of the wording's words the name read holds in order (0 when too few, or when
    too many other words lie between them)."""
    count, first, last = _aligned(read, official)
    if count < s.snap_words_min or count / (last - first + 1) < s.snap_words_precision:
        return 0.0
    return count / len(official)


def closer_elsewhere(name: str, crit: CriterionDef, rows: Sequence[CriterionDef]) -> bool:
    """Another criterion's wording is more similar to the name read than its code's is."""
    own = similarity(name, crit.name)
    return any(c.code != crit.code and similarity(name, c.name) > own for c in rows)


def holds_piece(name: str, crit: CriterionDef, rows: Sequence[CriterionDef], s: MatchSettings) -> bool:
    """The name read opens with the criterion's whole wording, its words glued or not, or is
    a piece of it at least ``evidence_piece_chars`` long — ``snap_runon_min`` near (partial
    similarity), and no other criterion's wording holds it as nearly."""
    folded = _norm(name)

    def near(wording: str) -> float:
        official = _norm(wording)
        glued, whole = folded.replace(" ", ""), official.replace(" ", "")
        best = fuzz.ratio(glued[: len(whole)], whole) if len(glued) >= len(whole) else 0.0
        if min(len(folded), len(official)) >= s.evidence_piece_chars and len(folded) <= len(official):
            best = max(best, fuzz.partial_ratio(folded, official))
        return best

    own = near(crit.name)
    return own >= s.snap_runon_min and all(c.code == crit.code or near(c.name) < own for c in rows)


def _opening_edits(glued: str, wording: str) -> int:
    """Fewest letter edits between ``wording`` and an opening of ``glued`` (a few letters more or
    fewer: OCR drops and adds letters as often as it changes them)."""
    slack = max(1, len(wording) // 4)
    lengths = range(max(1, len(wording) - slack), min(len(glued), len(wording) + slack) + 1)
    return min((Levenshtein.distance(glued[:n], wording) for n in lengths), default=len(wording))


def opens_with_letters(name: str, crit: CriterionDef, rows: Sequence[CriterionDef], s: MatchSettings) -> bool:
    """The name read opens with the criterion's wording letter by letter, folded (marks, case)
    and its spaces dropped, at most ``glued_max_edits`` of the wording's letters edited, and no
    other criterion's wording opens it with as few edits for its length: a name OCR glued to
    the garbage of its shaded line ("BáocáoCCHC fỆ777ERmiTyilimi In"). The letters read must
    agree: a garbled opening ("moaäocHnO") is no evidence, whatever its code."""
    glued = _norm(name).replace(" ", "")

    def share(wording: str) -> float:
        official = _norm(wording).replace(" ", "")
        return _opening_edits(glued, official) / len(official) if official else 1.0

    official = _norm(crit.name).replace(" ", "")
    if len(official) < s.glued_min_letters or not glued:
        return False
    own = share(crit.name)
    return own <= s.glued_max_edits and all(c.code == crit.code or share(c.name) > own for c in rows)


def folded_letters(text: str) -> str:
    """A text's letters and digits alone, folded (marks, case): OCR glues and splits words, and
    drops and adds a name's spaces and stops."""
    return "".join(re.findall(r"[\p{L}\p{N}]+", _norm(text)))


@dataclass(frozen=True)
class Stretch:
    """Where a wording is read in a run of letters: letters ``start``..``end`` (end excluded), with
    ``edits`` letter edits."""

    start: int
    end: int
    edits: int


def find_stretch(text: str, wording: str) -> Stretch | None:
    """The stretch of ``text`` nearest ``wording`` (fewest Levenshtein edits, the shorter stretch
    on a tie): approximate substring matching, a stretch opening anywhere at no cost."""
    m, n = len(wording), len(text)
    if not m or not n:
        return None
    # cost[j], start[j]: fewest edits of wording[:i] against a stretch ending at text[j], where it opens
    cost = [0] * (n + 1)
    start = list(range(n + 1))
    for i in range(1, m + 1):
        prev_cost, prev_start = cost, start
        cost = [i] + [0] * n
        start = [0] * (n + 1)
        for j in range(1, n + 1):
            sub = prev_cost[j - 1] + (wording[i - 1] != text[j - 1])
            best, opened = sub, prev_start[j - 1]
            if prev_cost[j] + 1 < best:  # a wording letter OCR lost
                best, opened = prev_cost[j] + 1, prev_start[j]
            if cost[j - 1] + 1 < best:  # a letter OCR added
                best, opened = cost[j - 1] + 1, start[j - 1]
            cost[j], start[j] = best, opened
    end = min(range(1, n + 1), key=lambda j: (cost[j], j - start[j]))
    return Stretch(start[end], end, cost[end])


def _openings_read(glued: str, wording: str) -> list[int]:
    """For each opening ``wording[:i]`` (i from 0), the fewest letter edits between it and an
    opening of ``glued`` (Levenshtein, both anchored at their first letter)."""
    row = list(range(len(glued) + 1))
    best = [0]
    for i, letter in enumerate(wording, 1):
        prev, row = row, [i] + [0] * len(glued)
        for j, read in enumerate(glued, 1):
            row[j] = min(prev[j - 1] + (letter != read), prev[j] + 1, row[j - 1] + 1)
        best.append(min(row))
    return best


def first_line_read(name: str, crit: CriterionDef, rows: Sequence[CriterionDef], s: MatchSettings) -> bool:
    """The name read opens with a long opening of the criterion's wording, letter by letter
    (folded, spaces dropped), at least ``opening_min_letters`` letters and at most
    ``opening_max_edits`` of them edited, and no other criterion's wording opens it as nearly over
    as many letters: the first printed line of a name whose other lines OCR or the line parser
    gave to another column's text or lost, the other column's words after it ("Xác định đầy đủ
    các nhiệm vụ CCHC trên các Xác định đầy đủ nhiệm vụ và có bố trí …": the scale's first line
    beside the name's)."""
    glued, official = folded_letters(name), folded_letters(crit.name)
    if len(official) <= s.opening_min_letters or len(glued) < s.opening_min_letters:
        return False
    edits = _openings_read(glued, official)
    held = max(
        (i for i in range(s.opening_min_letters, len(official) + 1) if edits[i] <= s.opening_max_edits * i), default=0
    )
    if not held:
        return False
    share = edits[held] / held
    for other in rows:
        wording = folded_letters(other.name)
        if other.code == crit.code or not wording:
            continue
        n = min(held, len(wording))
        if _openings_read(glued, wording[:n])[n] / n <= share + s.opening_margin:
            return False
    return True


def last_lines_read(name: str, crit: CriterionDef, rows: Sequence[CriterionDef], s: MatchSettings) -> bool:
    """The name read opens with a long closing of the criterion's wording, letter by letter
    (folded, spaces dropped), at least ``opening_min_letters`` letters and at most
    ``opening_max_edits`` of them edited, and no other criterion's wording holds that stretch as
    nearly: the last printed lines of a name whose first line OCR or the line parser gave to the
    row above ("lĩnh vực theo kế hoạch năm của UBND tỉnh và bố trí kinh phí thực hiện", 1.1.2's
    wording less "Xác định đầy đủ các nhiệm vụ CCHC trên các"), other text after it."""
    glued, official = folded_letters(name), folded_letters(crit.name)
    if len(official) <= s.opening_min_letters or len(glued) < s.opening_min_letters:
        return False
    # where in the wording the name's first letters lie: the closing read opens there
    found = find_stretch(official, glued[: s.opening_min_letters])
    if found is None or found.start == 0:
        return False  # (an opening: ``first_line_read``)
    closing = official[found.start :]
    if len(closing) < s.opening_min_letters:
        return False
    edits = _openings_read(glued, closing)[-1]
    share = edits / len(closing)
    if share > s.opening_max_edits:
        return False
    read = glued[: len(closing)]
    for other in rows:
        wording = folded_letters(other.name)
        if other.code == crit.code or not wording:
            continue
        near = find_stretch(wording, read)
        if near is not None and near.edits / len(read) <= share + s.opening_margin:
            return False
    return True


def holds_words(name: str, crit: CriterionDef, rows: Sequence[CriterionDef], s: MatchSettings) -> bool:
    """The name read is its code's wording with words lost or other words around them, and no
    other criterion's wording fits it as well (the code and the name agree)."""
    read = _words(name)
    share = _word_share(read, _words(crit.name), s)
    if share < s.snap_words_coverage:
        return False
    return all(c.code == crit.code or _word_share(read, _words(c.name), s) < share for c in rows)
