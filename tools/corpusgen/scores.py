"""Score rows of a fictional commune from an official criteria set: a subset of its fields, self points
(and appraised points) that add up, and the faults planted in some instances.

Every number here is the truth: the renderers print these rows, the truth file records them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace

from corpusgen.people import explanation

ROMAN = frozenset("IVXL")
EPS = 1e-6


@dataclass(frozen=True)
class Criterion:
    code: str
    parent: str | None
    name: str
    max_points: float
    scale: tuple[str, ...] = ()


@dataclass(frozen=True)
class Row:
    code: str
    parent: str | None
    name: str
    max_points: float | None
    self_points: float | None
    appraised_points: float | None = None
    scale: tuple[str, ...] = ()
    explanation: str | None = None
    evidence: tuple[str, ...] = ()  # explanation split over the cells of a row two grid rows tall

    def truth(self, with_appraised: bool, with_scale: bool) -> dict:
        return {
            "code": self.code,
            "parent": self.parent,
            "name": self.name,
            "max_points": self.max_points,
            "self_points": self.self_points,
            "appraised_points": self.appraised_points if with_appraised else None,
            "scale": list(self.scale) if with_scale else [],
            "explanation": self.explanation,
        }


@dataclass(frozen=True)
class Fault:
    kind: str
    table: str
    code: str | None
    field: str
    note: str

    def truth(self) -> dict:
        return {"kind": self.kind, "table": self.table, "code": self.code, "field": self.field, "note": self.note}


@dataclass(frozen=True)
class ScoreTable:
    rows: tuple[Row, ...]
    total_max: float | None
    total_self: float | None
    total_appraised: float | None = None
    faults: tuple[Fault, ...] = field(default=())


def is_roman(code: str) -> bool:
    return set(code.split(".")[0]) <= ROMAN


def children_of(rows) -> dict[str | None, list]:
    out: dict[str | None, list] = {}
    for r in rows:
        out.setdefault(r.parent, []).append(r)
    return out


def r2(value: float | None) -> float | None:
    return None if value is None else round(value + 0.0, 4)


def consistent_criteria(rows: list[Criterion | tuple]) -> list[Criterion]:
    """The set's rows with maxima that add up: a parent's max is the sum of its children's wherever
    they differ (a set read only in part, a decision that scores a parent another way) or where the
    decision prints none; a leaf without a max is left out (a heading with nothing to score)."""
    kids = children_of(rows)
    fixed: dict[str, float | None] = {}

    def visit(c) -> float | None:
        children = [k for k in kids.get(c.code, [])]
        sums = [visit(k) for k in children]
        sums = [v for v in sums if v is not None]
        fixed[c.code] = r2(sum(sums)) if sums else c.max_points
        return fixed[c.code]

    for top in kids.get(None, []):
        visit(top)
    return [replace(c, max_points=fixed[c.code]) for c in rows if fixed.get(c.code) is not None]


def pick_fields(rows: list[Criterion], rng: random.Random, keep: float) -> list[Criterion]:
    """The first fields (the first arabic level, whole), as many as draws with probability ``keep``
    give (at least two), in the set's order; a part above them gets the sum of the fields it keeps.
    A prefix, not a sample: a table that skipped fields ("1." then "5.") would rightly be read as
    missing rows, and communes print their fields in order."""
    kids = children_of(rows)
    fields = [
        r
        for r in rows
        if (r.parent is None and not is_roman(r.code))
        or (r.parent is not None and is_roman(r.parent) and "." not in r.parent)
    ]
    kept = fields[: sum(rng.random() < keep for _ in fields)]
    if len(kept) < 2:
        kept = fields[:2] if len(fields) >= 2 else fields
    keep_codes: set[str] = set()
    for f in kept:
        stack = [f]
        while stack:
            c = stack.pop()
            keep_codes.add(c.code)
            stack.extend(kids.get(c.code, []))
    out = []
    for r in rows:
        if r.code in keep_codes:
            out.append(r)
        elif r.parent is None and is_roman(r.code):
            part_fields = [c for c in kids.get(r.code, []) if c.code in keep_codes]
            if part_fields:
                out.append(replace(r, max_points=r2(sum(c.max_points for c in part_fields))))
    return out


def renumber(criteria: list[Criterion], letters: bool = False) -> list[Criterion]:
    """Codes from the tree, numbered in order (a subset of fields prints 1, 2, 3 ...): a part's sections
    restart ("1", "1.1" under part I; "II.1" under part II, the convention of golden/reference). With
    ``letters`` the deepest level (the third, or the second of a shallower tree) is a)/b) items
    ("1.1.a")."""
    kids = children_of(criteria)
    depth: dict[str, int] = {}  # arabic levels: a part 0, a field 1, ...

    def measure(c: Criterion, d: int) -> None:
        depth[c.code] = d
        for k in kids.get(c.code, []):
            measure(k, d + 1)

    for top in kids.get(None, []):
        measure(top, 0 if is_roman(top.code) else 1)
    deepest = max(depth.values(), default=0)
    letter_depth = min(deepest, 3) if letters and deepest >= 2 else None
    new: dict[str, str] = {}

    def visit(c: Criterion, code: str) -> None:
        new[c.code] = code
        for i, k in enumerate(kids.get(c.code, []), start=1):
            if is_roman(code) and "." not in code:
                child = str(i) if code == "I" else f"{code}.{i}"
            elif depth[k.code] == letter_depth:
                child = f"{code}.{'abcdefghijklmn'[i - 1]}"
            else:
                child = f"{code}.{i}"
            visit(k, child)

    romans = iter(("I", "II", "III", "IV", "V", "VI"))
    for n, top in enumerate(kids.get(None, []), start=1):
        visit(top, next(romans) if is_roman(top.code) else str(n))
    return [replace(c, code=new[c.code], parent=new.get(c.parent) if c.parent else None) for c in criteria]


def _leaf_self(rng: random.Random, top: float) -> float:
    """Mostly full marks; else a quarter-point step short of it, or nothing."""
    roll = rng.random()
    if roll < 0.55 or top <= 0:
        return top
    if roll < 0.63:
        return 0.0
    if abs(top * 4 - round(top * 4)) > EPS:  # a maximum not in quarter points: all or nothing
        return top
    steps = [s for s in (0.25, 0.5, 0.75, 1.0, 1.5) if s < top - EPS]
    return r2(top - rng.choice(steps)) if steps else top


def _appraised(rng: random.Random, self_points: float | None) -> float | None:
    if self_points is None:
        return None
    if rng.random() < 0.2 and self_points >= 0.5:
        return r2(self_points - rng.choice((0.25, 0.5)))
    return self_points


SURVEY_WORDS = ("điều tra", "xã hội học", "hài lòng", "sipas", "khảo sát")


def score_rows(
    criteria: list[Criterion], rng: random.Random, year: int, *, blank_survey: bool, appraised: bool
) -> list[Row]:
    """Self (and appraised) points for every row: leaves drawn, parents the sums of their children.
    With ``blank_survey`` the survey-based rows (or one field when there are none) stay blank, and so
    does every parent all of whose children are blank."""
    kids = children_of(criteria)
    blank: set[str] = set()
    if blank_survey:
        survey = [c for c in criteria if any(w in c.name.lower() for w in SURVEY_WORDS)]
        tops = [c for c in criteria if c.parent is None or is_roman(c.parent)]
        if not survey and len(tops) >= 3:  # no survey rows: a field left for later, not the whole table
            survey = [tops[-1]]
        stack = list(survey)
        while stack:
            c = stack.pop()
            blank.add(c.code)
            stack.extend(kids.get(c.code, []))
    values: dict[str, tuple[float | None, float | None]] = {}

    def visit(c: Criterion) -> tuple[float | None, float | None]:
        children = kids.get(c.code, [])
        if not children:
            s = None if c.code in blank else _leaf_self(rng, c.max_points)
            a = _appraised(rng, s) if appraised else None
        else:
            got = [visit(k) for k in children]
            selfs = [g[0] for g in got if g[0] is not None]
            s = r2(sum(selfs)) if selfs else None
            apps = [g[1] for g in got if g[1] is not None]
            a = r2(sum(apps)) if apps and appraised else None
        values[c.code] = (s, a)
        return s, a

    for top in kids.get(None, []):
        visit(top)
    out = []
    for c in criteria:
        s, a = values[c.code]
        leaf = not kids.get(c.code)
        expl = explanation(rng, year, full=s is not None and abs(s - c.max_points) < EPS) if leaf else None
        out.append(Row(c.code, c.parent, c.name, c.max_points, s, a, c.scale, expl))
    return out


def totals(rows: list[Row]) -> tuple[float, float | None, float | None]:
    tops = [r for r in rows if r.parent is None]
    selfs = [r.self_points for r in tops]
    apps = [r.appraised_points for r in tops]
    return (
        r2(sum(r.max_points for r in tops)),
        r2(sum(selfs)) if None not in selfs else None,
        r2(sum(apps)) if None not in apps else None,
    )


FAULT_KINDS = ("parent_max_sum", "parent_self_sum", "self_gt_max")


def plant_score_faults(rows: list[Row], rng: random.Random, n: int, kinds=FAULT_KINDS) -> tuple[list[Row], list[Fault]]:
    """Plant ``n`` faults, each on another parent's leaves so one never hides another:
    parent_max_sum / parent_self_sum change a leaf child's max / self (the parent's sum then fails,
    nothing above it does); self_gt_max moves points from a sibling to a leaf at full marks, so the
    leaf's self exceeds its max while the parent still adds up."""
    by_code = {r.code: r for r in rows}
    kids = children_of(rows)
    parents = [p for p in rows if len([k for k in kids.get(p.code, []) if not kids.get(k.code)]) >= 2]
    rng.shuffle(parents)
    faults: list[Fault] = []
    for parent in parents:
        if len(faults) >= n:
            break
        leaves = [k for k in kids[parent.code] if not kids.get(k.code)]
        kind = rng.choice(kinds)
        leaves = [by_code[k.code] for k in leaves]
        if kind == "parent_max_sum":
            leaf = rng.choice(leaves)
            delta = rng.choice((0.5, 1.0))
            by_code[leaf.code] = replace(leaf, max_points=r2(leaf.max_points + delta))
            faults.append(
                Fault(
                    kind,
                    "score",
                    parent.code,
                    "max_points",
                    f"parent {parent.code} max {parent.max_points:g} but children add to "
                    f"{sum(by_code[k.code].max_points for k in leaves):g}",
                )
            )
        elif kind == "parent_self_sum":
            options = [k for k in leaves if k.self_points is not None and k.self_points >= 0.5]
            if not options or parent.self_points is None:
                continue
            leaf = rng.choice(options)
            by_code[leaf.code] = replace(leaf, self_points=r2(leaf.self_points - rng.choice((0.25, 0.5))))
            faults.append(
                Fault(
                    kind,
                    "score",
                    parent.code,
                    "self_points",
                    f"parent {parent.code} self {parent.self_points:g} but children add to "
                    f"{sum(by_code[k.code].self_points or 0 for k in leaves):g}",
                )
            )
        else:
            full = [k for k in leaves if k.self_points is not None and abs(k.self_points - k.max_points) < EPS]
            donors = [k for k in leaves if k.self_points is not None and k.self_points >= 0.5]
            pairs = [(a, b) for a in full for b in donors if a.code != b.code]
            if not pairs:
                continue
            leaf, donor = rng.choice(pairs)
            delta = rng.choice((0.25, 0.5))
            by_code[leaf.code] = replace(leaf, self_points=r2(leaf.self_points + delta))
            by_code[donor.code] = replace(donor, self_points=r2(donor.self_points - delta))
            faults.append(
                Fault(
                    kind,
                    "score",
                    leaf.code,
                    "self_points",
                    f"{leaf.code} self {leaf.self_points + delta:g} above its max {leaf.max_points:g}",
                )
            )
    return [by_code[r.code] for r in rows], faults
