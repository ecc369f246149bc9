"""Official commune CCHC index criteria sets, transcribed from published provincial decisions.

Each set is a CSV in ``data/`` (``code,parent,name,max_points[,scale]``) with its province, year,
decision and known arithmetic exceptions in ``data/sets.json``; ``data/README.md`` says where
each was read from. They are the content of the generated corpus of fictional communes and the
dictionary OCR'd criterion names are snapped to, so names are kept exactly as published.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

# Sums are compared with this tolerance: points are printed with at most two decimals.
SUM_TOLERANCE = 0.01


@dataclass(frozen=True)
class CriterionDef:
    code: str  # normalised: "I", "1", "1.1", "1.1.1", "II.1", "1.2.a"
    parent: str  # code of the parent row; "" for a top-level row
    name: str  # as published, diacritics kept, whitespace collapsed
    max_points: float | None  # None where the decision prints no maximum for the row
    scale: str = ""  # the row's scoring-scale lines joined by " | ", when transcribed


@dataclass(frozen=True)
class SumException:
    code: str  # a parent whose children's sum cannot be checked against its published maximum
    reason: str


@dataclass(frozen=True)
class CriteriaSet:
    id: str  # file stem, "<province-slug>_<year>"
    province: str
    year: int | None  # None where the page read does not give the decision's year
    title: str
    rows: tuple[CriterionDef, ...]
    level: str = "xã"  # "xã" for commune sets; "unknown" where the part read does not say
    decision: str = ""  # number and date of the decision
    source_url: str = ""  # the page the rows were read from
    # False when only part of the decision's table could be read: rows are then a true prefix
    # of the published table, never completed by us.
    complete: bool = True
    # True for a set read from a summary that prints only the fields (first level), with their
    # maxima where it gives them; such a set has no sub-criteria.
    field_level: bool = False
    total: float | None = None  # the set's total maximum as the decision states it
    # Parents whose published maximum differs from their children's sum in the decision itself.
    sum_exceptions: tuple[SumException, ...] = field(default_factory=tuple)
    # Parents some of whose children lie outside the part read (partial sets only).
    unverified_parents: tuple[SumException, ...] = field(default_factory=tuple)

    def by_code(self) -> dict[str, CriterionDef]:
        return {r.code: r for r in self.rows}

    def children(self, code: str) -> tuple[CriterionDef, ...]:
        """Rows whose parent is ``code`` ("" for the top level), in published order."""
        return tuple(r for r in self.rows if r.parent == code)

    @property
    def total_max(self) -> float:
        """Sum of the top-level rows' maxima."""
        return round(sum(r.max_points or 0.0 for r in self.children("")), 4)


def _number(text: str) -> float | None:
    text = text.strip().replace(",", ".")
    return float(text) if text else None


def parse_criteria_csv(text: str) -> tuple[CriterionDef, ...]:
    """Rows of one set's CSV (header ``code,parent,name,max_points`` and an optional ``scale``)."""
    rows = []
    for rec in csv.DictReader(io.StringIO(text)):
        rows.append(
            CriterionDef(
                code=rec["code"].strip(),
                parent=(rec.get("parent") or "").strip(),
                name=" ".join((rec.get("name") or "").split()),
                max_points=_number(rec.get("max_points") or ""),
                scale=" ".join((rec.get("scale") or "").split()),
            )
        )
    return tuple(rows)


def _exceptions(items) -> tuple[SumException, ...]:
    return tuple(SumException(e["code"], e["reason"]) for e in items)


def _data():
    return resources.files(__package__).joinpath("data")


@lru_cache(maxsize=1)
def load_criteria_sets() -> tuple[CriteriaSet, ...]:
    """Every transcribed set, in the order of ``sets.json``."""
    data = _data()
    meta = json.loads(data.joinpath("sets.json").read_text(encoding="utf-8"))
    sets = []
    for m in meta["sets"]:
        rows = parse_criteria_csv(data.joinpath(f"{m['id']}.csv").read_text(encoding="utf-8"))
        sets.append(
            CriteriaSet(
                id=m["id"],
                province=m["province"],
                year=None if m.get("year") is None else int(m["year"]),
                title=m["title"],
                rows=rows,
                level=m.get("level", "xã"),
                decision=m.get("decision", ""),
                source_url=m.get("source_url", ""),
                complete=bool(m.get("complete", True)),
                field_level=bool(m.get("field_level", False)),
                total=m.get("total"),
                sum_exceptions=_exceptions(m.get("sum_exceptions", ())),
                unverified_parents=_exceptions(m.get("unverified_parents", ())),
            )
        )
    return tuple(sets)


@lru_cache(maxsize=1)
def folded_wordings() -> tuple[str, ...]:
    """Every set's criterion wordings, folded (``normalize.text.fold_words``), each once, sorted:
    what a line is matched against when the document's set is not known."""
    from normalize.text import fold_words

    return tuple(sorted({fold_words(c.name) for cs in load_criteria_sets() for c in cs.rows}))


def criteria_set(set_id: str) -> CriteriaSet:
    """The set with this id; KeyError when there is none."""
    for s in load_criteria_sets():
        if s.id == set_id:
            return s
    raise KeyError(set_id)


def sum_mismatches(cs: CriteriaSet) -> tuple[tuple[str, float, float], ...]:
    """(code, published max, sum of children) for every parent whose children do not add up,
    leaving out the parents the set lists as exceptions or as not fully read."""
    skip = {e.code for e in cs.sum_exceptions + cs.unverified_parents}
    out = []
    for row in cs.rows:
        if row.code in skip:
            continue
        kids = cs.children(row.code)
        if not kids or row.max_points is None:
            continue
        points = [k.max_points for k in kids if k.max_points is not None]
        if len(points) < len(kids):
            continue
        total = round(sum(points), 4)
        if abs(total - row.max_points) > SUM_TOLERANCE:
            out.append((row.code, row.max_points, total))
    return tuple(out)
