"""The criteria set a score table's rows name, when its maxima do not agree with any set enough to
adopt one (``set_maxima.table_maxima``): an OCR'd table whose maxima were misread by the half (a
scale's figures taken for them, lines one code off) still names its set by its rows' wordings,
and that set's maxima are the evidence each maximum read is weighed against."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from cchc_extract.reconcile.hierarchy import norm_code
from normalize.criteria import CriteriaSet, load_criteria_sets
from normalize.criteria.code_names import FLAG_CODE_BY_NAME
from normalize.criteria.match_settings import FLAG_SNAPPED
from normalize.criteria.recognise import names_criterion
from normalize.criteria.wording import FLAG_WORDING
from schemas.records import ScoreRow

# Flags a row takes when its name was found to be a set's criterion (``flag:set id``): its name
# snapped to the wording, given by the wording, or its code given by its name.
_NAMED_BY = (FLAG_SNAPPED, FLAG_WORDING, FLAG_CODE_BY_NAME)


def named_set_maxima(rows: list[ScoreRow], min_rows: int) -> dict[str, float]:
    """The maxima ({code: max}) of the criteria set that at least ``min_rows`` rows name by their
    wording, the most of any set; empty when none does."""
    named: Counter[str] = Counter()
    for row in rows:
        named.update(named_set_ids(row))
    if not named:
        return {}
    set_id, n = named.most_common(1)[0]
    return dict(maxima_by_set().get(set_id, {})) if n >= min_rows else {}


def named_set_ids(row: ScoreRow) -> set[str]:
    """The sets a row's name was found to be a criterion of (its ``_NAMED_BY`` flags)."""
    return {flag.partition(":")[2] for flag in row.flags if flag.startswith(_NAMED_BY) and ":" in flag}


@lru_cache(maxsize=1)
def maxima_by_set() -> dict[str, dict[str, float]]:
    """Every transcribed set's maxima, {set id: {code: max}}, in the order of the sets: the one
    map the confidence evidence and the checks read a set's maxima from."""
    return {cs.id: {r.code: r.max_points for r in cs.rows if r.max_points is not None} for cs in load_criteria_sets()}


def set_worded_by_rows(rows: list[ScoreRow], min_rows: int) -> CriteriaSet | None:
    """The criteria set in which the most rows' names are their code's criterion's wording
    (``names_criterion``), at least ``min_rows`` of them and more than in any other set; None
    otherwise; never a set one of whose maxima a row it names printed otherwise. A dump's rows a
    reader named by the set's order, or whose garbled names the catalogue restored, carry no flag
    naming the set (``coverage.recognised_set`` sees none), yet
    the names they print are one set's: the maxima that set publishes for them are the ones their
    lost cells held, as a sure set's would be (``derived._by_set_alone``, queued all the same)."""
    # Provinces word their fields alike and weigh them apart: a maximum the table printed that
    # is not the set's says the table is another province's (field 2 read 8 where the set has 10).
    return _most_worded(rows, min_rows, keep_disputed=False)


def worded_set_maxima(rows: list[ScoreRow], min_rows: int, far: float) -> dict[str, float]:
    """The maxima ({code: max}) of the set the most rows word (``set_worded_by_rows``, a maximum
    printed otherwise notwithstanding), for the rows whose printed maximum is ``far`` times off
    that set's or more: evidence to weigh those maxima against, never figures to fill a cell with.
    An OCR dump's line "3. Cải cách thủ tục hành chính 1. 1" (14,5 and 13 printed) names the set's
    field 3 word for word, and the 1 it read is a digit lost, not a weight (seed 14001's D16 dump:
    fields 3 and 4 read 1 for 14,5 and 11, silent at 0.92). Provinces word their fields alike and
    weigh them apart, and a commune whose set the catalogue lacks prints the wording of one it
    holds: a maximum within ``far`` of that set's (12 for 10, 8 for 10, 18 for 14,5: fresh seed
    15237's D19 dump, its own set) is another weighting, on which the set says nothing."""
    cset = _most_worded(rows, min_rows, keep_disputed=True)
    maxima = maxima_by_set().get(cset.id, {}) if cset is not None else {}
    out = {}
    for row in rows:
        code = norm_code(row.code) or ""
        top = maxima.get(code)
        # (a field's alone: the fields are what sets worded alike share; their criteria part ways)
        if "." not in code and top and row.max_points is not None and not top / far < row.max_points < top * far:
            out[code] = top
    return out


def _most_worded(rows: list[ScoreRow], min_rows: int, keep_disputed: bool) -> CriteriaSet | None:
    """The set the most rows word (at least ``min_rows``, no other as many); with
    ``keep_disputed`` False, no set one of whose maxima a row it names printed otherwise."""
    tally: list[tuple[int, CriteriaSet]] = []
    for cset in load_criteria_sets():
        by_code = cset.by_code()
        named = [
            (row, crit)
            for row in rows
            if (crit := by_code.get(norm_code(row.code) or "")) is not None and names_criterion(row, crit)
        ]
        if not keep_disputed and any(
            row.max_points is not None and crit.max_points is not None and abs(row.max_points - crit.max_points) > 1e-6
            for row, crit in named
        ):
            continue
        tally.append((len(named), cset))
    tally.sort(key=lambda t: -t[0])
    if not tally or tally[0][0] < min_rows or (len(tally) > 1 and tally[1][0] == tally[0][0]):
        return None
    return tally[0][1]
