"""The official criteria sets as a fuzzy dictionary for score tables.

1. Recognise the document's set: every transcribed set is scored against the table rows read
   (codes present in the set, name similarity under the same code, equal maximum points), with
   the province named in the document and the year as hints.
2. Snap: a row whose name is close to the official wording of its code's criterion takes that
   wording (the text read stays in ``name_raw``); a row whose maximum differs from the set's is
   flagged for review. No set recognised: nothing is snapped, nothing flagged.

Names are compared diacritic-free and lower-cased (``fold``): OCR and stripped text lose the
marks first, and a half-repaired name must still find its criterion.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex as re
from rapidfuzz import fuzz

from normalize.criteria import CriteriaSet, CriterionDef, load_criteria_sets
from normalize.vietnamese.syllable import fold, nfc, place_tone, split_tone

if TYPE_CHECKING:
    from schemas.records import ScoreRow, ScoreTable

FLAG_SNAPPED = "name_from_criteria_set"
FLAG_MAX_DIFFERS = "max_differs_from_criteria_set"
# A row whose printed code OCR lost, coded by the criterion its name is (recoded or confirmed).
FLAG_CODE_BY_NAME = "code_from_criteria_set"


@dataclass(frozen=True)
class MatchSettings:
    min_rows: int = 3  # rows of the document whose code is in the set, at least
    min_score: float = 0.55  # mean row agreement (0..1) for a set to be recognised
    name_weight: float = 0.7  # of a row's agreement: name similarity; the rest: equal maximum
    province_bonus: float = 0.1  # the set's province is named in the document
    year_bonus: float = 0.05  # the set's year is the document's
    snap_min: float = 80.0  # name similarity (0..100) under the same code to take the official wording
    snap_min_by_name: float = 92.0  # a row whose code is not in the set: only a near-identical name
    # A name that holds its code's official wording near-identically (partial similarity, 0..100)
    # with other text around it (OCR's specks, a garbled code, the explanation's first words) takes
    # the wording too, when the wording is at least this share of the name read.
    snap_within_min: float = 95.0
    snap_within_share: float = 0.6
    # A name read that holds the wording's words in order, with words lost (a wrapped line OCR or
    # the split lost) or other words around them (specks, the explanation's first words), takes the
    # wording too: at least ``snap_words_min`` words and this share of the wording's words aligned,
    # this share of the read words between the first and the last aligned ones being the
    # wording's, and no other criterion of the set holding as large a share of its words.
    snap_words_min: int = 4
    snap_words_coverage: float = 0.4
    snap_words_precision: float = 0.8
    # A row whose code was inferred from its place (OCR lost it) takes the code of the criterion
    # its name is this close (0..100) to, when no row holds that code.
    recode_min: float = 85.0
    max_tolerance: float = 0.001
    # Off: the set is still recognised and differing maxima flagged, but names stay as read. The
    # generated corpus takes every name from the one criteria set, so snapping alone can make its
    # name figures: benchmarks measure reading with it off too (benchmarks/generalisation --no-snap).
    snap_names: bool = True


@dataclass(frozen=True)
class SetMatch:
    cset: CriteriaSet
    score: float
    rows_matched: int


def _norm(text: str) -> str:
    return " ".join(fold(text).split())


def similarity(a: str, b: str) -> float:
    """0..100, diacritics and case ignored."""
    return fuzz.ratio(_norm(a), _norm(b))


def _row_agreement(row: ScoreRow, crit: CriterionDef, s: MatchSettings) -> float:
    name = similarity(row.name or row.name_raw, crit.name) / 100.0
    if crit.max_points is None or row.max_points is None:
        same_max = 0.5
    else:
        same_max = float(abs(crit.max_points - row.max_points) <= s.max_tolerance)
    return s.name_weight * name + (1 - s.name_weight) * same_max


def recognise_set(
    tables: Sequence[ScoreTable],
    document_text: str = "",
    year: int | None = None,
    sets: Sequence[CriteriaSet] | None = None,
    settings: MatchSettings = MatchSettings(),
) -> SetMatch | None:
    """The criteria set the tables were scored against, or None when none fits well enough."""
    rows = [r for t in tables for r in t.rows if r.code]
    if not rows:
        return None
    text = _norm(document_text)
    best: SetMatch | None = None
    for cset in load_criteria_sets() if sets is None else sets:
        by_code = cset.by_code()
        matched = [(r, by_code[str(r.code)]) for r in rows if str(r.code) in by_code]
        if len(matched) < settings.min_rows:
            continue
        score = sum(_row_agreement(r, c, settings) for r, c in matched) / len(rows)
        if text and _norm(cset.province) in text:
            score += settings.province_bonus
        if year is not None and year == cset.year:
            score += settings.year_bonus
        if score >= settings.min_score and (best is None or score > best.score):
            best = SetMatch(cset, round(score, 4), len(matched))
    return best


def snap_to_set(tables: Sequence[ScoreTable], match: SetMatch, settings: MatchSettings = MatchSettings()) -> int:
    """Official wording for rows close to their criterion; rows whose maximum differs flagged.
    Returns the number of names snapped."""
    by_code = match.cset.by_code()
    names = [(_norm(c.name), c) for c in match.cset.rows]
    snapped = 0
    for table in tables:
        taken = {str(r.code) for r in table.rows if r.code}
        for row in table.rows:
            crit = by_code.get(str(row.code)) if row.code else None
            if "code_inferred" in row.flags:
                crit = _recode(row, crit, names, taken, match.cset.id, settings)
            if crit is not None:
                read = row.name or row.name_raw
                ok = similarity(read, crit.name) >= settings.snap_min or _holds_wording(read, crit.name, settings)
                ok = ok or _holds_words(read, crit, match.cset.rows, settings)
                # Code and name agree: no other criterion's wording is the name read more closely
                # ("Kế hoạch CCHC năm", 1.1's whole wording, lies within 1.1.1's "Ban hành kế hoạch
                # CCHC năm" too).
                ok = ok and not _closer_elsewhere(read, crit, match.cset.rows)
            else:
                folded = _norm(row.name or row.name_raw)
                scored = [(fuzz.ratio(folded, n), c) for n, c in names]
                top = max(scored, key=lambda e: e[0], default=None)
                crit = top[1] if top and top[0] >= settings.snap_min_by_name else None
                ok = crit is not None
            if crit is None:
                continue
            if ok and settings.snap_names and _spelling(row.name) != _spelling(crit.name):
                if not row.name_raw:
                    row.name_raw = row.name
                row.name = crit.name
                snapped += 1
                row.flags.append(f"{FLAG_SNAPPED}:{match.cset.id}")
            if (
                crit.max_points is not None
                and row.max_points is not None
                and abs(crit.max_points - row.max_points) > settings.max_tolerance
            ):
                row.flags.append(f"{FLAG_MAX_DIFFERS}:{match.cset.id}")
    return snapped


def _holds_wording(name: str, wording: str, s: MatchSettings) -> bool:
    """The name read holds the criterion's wording whole, with other text around it."""
    folded, official = _norm(name), _norm(wording)
    if not official or len(official) < s.snap_within_share * len(folded) or len(official) > len(folded):
        return False  # (a name read shorter than the wording does not hold it whole)
    return fuzz.partial_ratio(official, folded) >= s.snap_within_min


def _spelling(text: str | None) -> str:
    """The text with every syllable's tone mark on one vowel: a name read "hóa" that the set
    prints "hoá" is the same wording, kept as printed."""
    return re.sub(r"\p{L}+", lambda m: place_tone(*split_tone(m.group())), nfc(text or ""))


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


def _closer_elsewhere(name: str, crit: CriterionDef, rows: Sequence[CriterionDef]) -> bool:
    """Another criterion's wording is more similar to the name read than its code's is."""
    own = similarity(name, crit.name)
    return any(c.code != crit.code and similarity(name, c.name) > own for c in rows)


def _holds_words(name: str, crit: CriterionDef, rows: Sequence[CriterionDef], s: MatchSettings) -> bool:
    """The name read is its code's wording with words lost or other words around them, and no
    other criterion's wording fits it as well (the code and the name agree)."""
    read = _words(name)
    share = _word_share(read, _words(crit.name), s)
    if share < s.snap_words_coverage:
        return False
    return all(c.code == crit.code or _word_share(read, _words(c.name), s) < share for c in rows)


def _recode(
    row: ScoreRow,
    crit: CriterionDef | None,
    names: list[tuple[str, CriterionDef]],
    taken: set[str],
    set_id: str,
    s: MatchSettings,
) -> CriterionDef | None:
    """A code inferred from the row's place alone (OCR lost the printed one) gives way to the
    code of the criterion whose official wording the row's name is, near-identically, when no
    row of the table holds that code yet: the name says which criterion the row is. An inferred
    code the set does not have (1.2.3 after 1.2.2, where the set goes on with 1.3) is no reading
    at all: there the name may also open with the wording and go on with OCR's specks or the
    explanation's words ("Kiểm tra công tác CCHC ea 19/10/2014")."""
    folded = _norm(row.name or row.name_raw)
    if crit is not None and fuzz.ratio(folded, _norm(crit.name)) >= s.snap_min:
        row.flags.append(f"{FLAG_CODE_BY_NAME}:{set_id}")
        return crit

    def score(name: str) -> float:
        whole = fuzz.ratio(folded, name)
        return whole if crit is not None else max(whole, fuzz.ratio(folded[: len(name)], name))

    top = max(((score(n), c) for n, c in names), key=lambda e: e[0], default=None)
    if top is None or top[0] < s.recode_min or top[1].code in taken:
        return crit
    row.flags.append(f"{FLAG_CODE_BY_NAME}:{set_id}")
    taken.discard(str(row.code))
    taken.add(top[1].code)
    row.code = top[1].code
    row.parent = top[1].parent or None
    return top[1]


def apply_criteria_sets(
    tables: Sequence[ScoreTable],
    document_text: str = "",
    year: int | None = None,
    sets: Sequence[CriteriaSet] | None = None,
    settings: MatchSettings = MatchSettings(),
) -> SetMatch | None:
    """Recognise the set and snap to it; None (and nothing changed) when no set fits."""
    match = recognise_set(tables, document_text, year, sets, settings)
    if match is not None:
        snap_to_set(tables, match, settings)
    return match
