"""Recognising the criteria set a document's score tables were scored against: every transcribed
set scored against the rows read (codes present in the set, name similarity under the same code,
equal maximum points), the province named in the document and the year as hints; where no set fits
by codes (OCR shifted or pushed them), by the rows' names in the set's order
(``_by_names_in_order``). How sure a recognition is (``SetMatch.sure``) rests on the rows whose
code, name and maximum are all the set's (``_fingerprint``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from normalize.criteria import CriteriaSet, CriterionDef, load_criteria_sets
from normalize.criteria.code_names import (
    named_as,
    named_elsewhere,
    norm as _norm,
    own_numbered,
    part_numbered,
    similarity,
)
from normalize.criteria.match_settings import MatchSettings, SetMatch
from normalize.criteria.name_agreement import wording_similarity

if TYPE_CHECKING:
    from collections.abc import Callable

    from schemas.records import ScoreRow, ScoreTable

    # (index, criterion) of the rows whose names follow a set's wordings in the set's order
    # (``extract.segment.set_align.rows_in_set_order``, the aligner of a garbled region's lines).
    NamesInOrder = Callable[[Sequence[ScoreRow], CriteriaSet], list[tuple[int, CriterionDef]]]


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
    order: NamesInOrder | None = None,
) -> SetMatch | None:
    """The criteria set the tables were scored against, or None when none fits well enough: by
    the rows' codes, names and maxima, or else (``order`` given) by the rows' names in the set's
    order (``_by_names_in_order``)."""
    rows = [r for t in tables for r in t.rows if r.code]
    if not rows:
        return None
    text = _norm(document_text)
    candidates = load_criteria_sets() if sets is None else sets
    scored: list[SetMatch] = []
    for cset in candidates:
        by_code = cset.by_code()
        names = [(_norm(c.name), c) for c in cset.rows]
        # A row whose code OCR lost or misread is weighed as the criterion its name is, when that
        # is near-identically another's (codes shifted one place by a lookalike: "L" read as I).
        # A table numbered in parts of its own (``own_numbered``) is weighed by its rows' names,
        # its parts left out: they are no criteria of a set without parts.
        pairs = []
        for table in tables:
            own = own_numbered(table.rows, by_code, names, settings)
            for r in table.rows:
                if not r.code or own and part_numbered(r.code, by_code) and "." not in str(r.code):
                    continue
                by_name = named_as(r, names, settings) if own else named_elsewhere(r, by_code, names, settings)
                pairs.append((r, by_name or (None if own else by_code.get(str(r.code)))))
        matched = [(r, c) for r, c in pairs if c is not None]
        if len(matched) < settings.min_rows:
            continue
        score = sum(_row_agreement(r, c, settings) for r, c in matched) / len(pairs)
        scored.append(_set_match(cset, matched, score, text, year, settings))
    scored.sort(key=lambda m: -m.score)
    if not scored or scored[0].score < settings.min_score:
        return _by_names_in_order(tables, candidates, order, text, year, settings) if order else None
    return replace(scored[0], runner_up=scored[1].score if len(scored) > 1 else 0.0)


def _set_match(
    cset: CriteriaSet,
    matched: list[tuple[ScoreRow, CriterionDef]],
    score: float,
    text: str,
    year: int | None,
    s: MatchSettings,
) -> SetMatch:
    """The set's match of ``score`` (rows' mean agreement), the document's hints added."""
    if text and _norm(cset.province) in text:
        score += s.province_bonus
    if year is not None and year == cset.year:
        score += s.year_bonus
    return SetMatch(cset, round(score, 4), len(matched), *_fingerprint(matched, cset, s))


def codes_misreadable(table: ScoreTable) -> bool:
    """Whether the table's codes were read from OCR's characters or from lines of text (a dump,
    a scan): there a code may be lost, shifted or misread; a typed grid's codes are sure."""
    return table.read_from == "lines" or table.read_from.startswith("ocr")


def _by_names_in_order(
    tables: Sequence[ScoreTable],
    sets: Sequence[CriteriaSet],
    order: NamesInOrder,
    text: str,
    year: int | None,
    s: MatchSettings,
) -> SetMatch | None:
    """The set whose criteria the rows' names are, in the set's order, when their codes say none:
    OCR lost or shifted a garbled table's codes ("CÔNG TÁC CHỈ ĐẠO …" placed 1, "Xác định đầy đủ
    …" placed 1.1.1 for 1.1.2), so each row is weighed against the criterion its name and place
    say it is. At least ``order_min_share`` of the rows so named, ``order_ratio`` times as many
    as by any other set: a table of another set follows one set's shared field wordings only;
    and the set surely recognised by the rows so named (their maxima the set's). Only tables
    whose codes OCR may have misread (``codes_misreadable``): a typed table's codes are printed
    as the commune wrote them, and aligning every set's wordings to its rows is the costliest
    step of a typed document's conversion."""
    rows = [r for t in tables if codes_misreadable(t) for r in t.rows]
    if not rows:
        return None
    named = sorted(((cset, [(rows[k], c) for k, c in order(rows, cset)]) for cset in sets), key=lambda e: -len(e[1]))
    if not named:
        return None
    cset, matched = named[0]
    second = len(named[1][1]) if len(named) > 1 else 0
    if len(matched) < max(s.min_rows, s.order_min_share * len(rows), s.order_ratio * second):
        return None
    ranked = [
        _set_match(cs, pairs, sum(_row_agreement(r, c, s) for r, c in pairs) / len(rows), text, year, s)
        for cs, pairs in named
    ]
    best = replace(ranked[0], runner_up=max((m.score for m in ranked[1:]), default=0.0))
    # (names alone are many provinces' wordings, and a table this garbled is better recovered
    # line by line than snapped: the rows' maxima must say the set too, ``SetMatch.sure``)
    return best if best.sure(s) else None


def printed_maxima(cset: CriteriaSet) -> dict[str, float]:
    """{code: maximum} of the criteria whose published maximum is the one a document prints: not a
    parent whose published maximum the set's rows do not make up (a set read in part, a decision's
    own exception), where a document prints the sum of the rows it has."""
    partial = {e.code for e in cset.sum_exceptions + cset.unverified_parents}
    return {
        c.code: c.max_points
        for c in cset.rows
        if c.max_points is not None and not (c.code in partial and cset.children(c.code))
    }


def _fingerprint(matched: list[tuple[ScoreRow, CriterionDef]], cset: CriteriaSet, s: MatchSettings) -> tuple[int, int]:
    """(rows whose name and maximum are their code's criterion's, rows whose name is and maximum
    is not): rows whose name is another's (shifted) or garbled say nothing either way, nor rows of
    a criterion whose printed maximum the set does not know (``printed_maxima``)."""
    printed = printed_maxima(cset)
    agreeing = contradicting = 0
    for row, crit in matched:
        if crit.max_points is None or row.max_points is None or crit.code not in printed:
            continue
        if not names_criterion(row, crit, s):
            continue
        if abs(crit.max_points - row.max_points) <= s.max_tolerance:
            agreeing += 1
        elif not any(abs(crit.max_points - a) <= s.max_tolerance for a in row.alternatives.get("max_points") or []):
            # (a cell read several ways, one of them the set's, "sI" for 5: neither way)
            contradicting += 1
    return agreeing, contradicting


def names_criterion(row: ScoreRow, crit: CriterionDef, s: MatchSettings = MatchSettings()) -> bool:
    """Whether the row's name (as read or snapped) is the criterion's wording: near it whole
    (``wording_similarity``), or holding a long stretch of it with OCR's specks around."""
    official = _norm(crit.name)
    for name in (row.name, row.name_raw):
        if wording_similarity(name, crit.name) >= s.evidence_name_min:
            return True
        folded = _norm(name)
        if (
            min(len(folded), len(official)) >= s.evidence_piece_chars
            and fuzz.partial_ratio(folded, official) >= s.evidence_name_min
        ):
            return True
    return False
