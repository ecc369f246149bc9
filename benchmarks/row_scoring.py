"""Rows of a converted document against the truth's: tables paired, rows matched by code (or as
clearly the same row under another code), each found cell right or wrong
(``benchmarks/corpus_scoring.py`` says what is counted, and why)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from benchmarks.scoring import (
    char_errors,
    clean_text,
    match_by_key,
    norm_code,
    same_number,
    same_row,
    similarity,
)


@dataclass(frozen=True)
class ScoringSettings:
    # A row whose code differs counts as found (with a code error) only when its name is this
    # similar (diacritic-free ratio): the same words, give or take an OCR slip.
    clear_name: float = 90.0
    # A truth count and an output count with the same total are the same sentence above this
    # folded partial-ratio of their texts (a sentence may be cut differently).
    count_text: float = 60.0


@dataclass(frozen=True)
class RowKind:
    key: str  # the output and truth list holding the tables
    truth_text: tuple[str, ...]
    out_text: tuple[str, ...]
    numbers: tuple[str, ...]
    names: bool  # whether its text is a criterion name measured by CER
    # Columns every table of the kind has, counted even when all blank (a plan's empty self
    # column); the others count only in tables that fill them (the appraised column).
    always: tuple[str, ...] = ()


SCORE = RowKind(
    "score_tables",
    ("name",),
    ("name", "name_raw"),
    ("max_points", "self_points", "appraised_points"),
    True,
    always=("max_points", "self_points"),
)
STATS = RowKind("statistics", ("indicator",), ("indicator",), ("value",), False, always=("value",))
ROW_KINDS = (SCORE, STATS)


# --------------------------------------------------------------------------- rows


@dataclass
class TableMatch:
    """Rows of one truth table against the output rows given to it, in output order."""

    pairs: dict[int, int] = field(default_factory=dict)  # truth row → output row
    code_errors: set[int] = field(default_factory=set)  # truth rows found under another code


def number_fields(kind: RowKind, truth_table: dict) -> list[str]:
    """The numeric columns a truth table has: the kind's own, and those any of its rows fills."""
    rows = truth_table.get("rows") or []
    return [f for f in kind.numbers if f in kind.always or any(r.get(f) is not None for r in rows)]


def _filled(row: dict, fields: Iterable[str]) -> list[str]:
    return [f for f in fields if row.get(f) is not None]


def _is_same(kind: RowKind, truth: dict, out: dict, fields: list[str]) -> bool:
    return same_row(truth, out, kind.truth_text, kind.out_text, _filled(truth, fields))


def _clearly_same(kind: RowKind, truth: dict, out: dict, fields: list[str], s: ScoringSettings) -> bool:
    """Same name (nearly letter for letter) and the same numbers: the row, whatever its code."""
    text = next((truth[f] for f in kind.truth_text if truth.get(f)), "")
    outs = [out[f] for f in kind.out_text if out.get(f)]
    if not text or not any(similarity(text, o) >= s.clear_name for o in outs):
        return False
    return all(same_number(out.get(f), truth[f]) for f in _filled(truth, fields))


def match_table(
    kind: RowKind,
    truth_rows: list[dict],
    out_rows: list[dict],
    fields: list[str],
    s: ScoringSettings = ScoringSettings(),
) -> TableMatch:
    """Truth rows to output rows: by code (confirmed by text or numbers), then, for the rows left,
    by content between the output positions of their matched neighbours."""
    pairs = match_by_key(
        [norm_code(r.get("code")) for r in truth_rows],
        [norm_code(r.get("code")) for r in out_rows],
        lambda i, j: _is_same(kind, truth_rows[i], out_rows[j], fields),
    )
    match = TableMatch(pairs=pairs)
    used = set(pairs.values())
    for i, truth in enumerate(truth_rows):
        if i in match.pairs:
            continue
        before = [match.pairs[k] for k in range(i) if k in match.pairs]
        after = [match.pairs[k] for k in range(i + 1, len(truth_rows)) if k in match.pairs]
        lo, hi = (before[-1] if before else -1), (after[0] if after else len(out_rows))
        j = next(
            (j for j in range(lo + 1, hi) if j not in used and _clearly_same(kind, truth, out_rows[j], fields, s)), None
        )
        if j is not None:
            match.pairs[i] = j
            match.code_errors.add(i)
            used.add(j)
    return match


def assign_tables(
    kind: RowKind, truth_tables: list[dict], out_tables: list[dict], s: ScoringSettings = ScoringSettings()
) -> list[int | None]:
    """For each output table, the truth table most of its rows belong to (None: none of them)."""
    out_of: list[int | None] = []
    for table in out_tables:
        rows = table.get("rows") or []
        best, best_hits = None, 0
        for t, truth in enumerate(truth_tables):
            fields = number_fields(kind, truth)
            by_code: dict[str, list[dict]] = {}
            for r in truth.get("rows") or []:
                by_code.setdefault(norm_code(r.get("code")), []).append(r)
            hits = sum(
                any(_is_same(kind, r, o, fields) for r in by_code.get(norm_code(o.get("code")), []))
                or any(_clearly_same(kind, r, o, fields, s) for r in truth.get("rows") or [])
                for o in rows
            )
            if hits > best_hits:
                best, best_hits = t, hits
        out_of.append(best)
    return out_of


@dataclass
class RowScore:
    counts: Counter = field(default_factory=Counter)
    missed: list[dict] = field(default_factory=list)
    invented: list[dict] = field(default_factory=list)
    code_errors: list[dict] = field(default_factory=list)
    wrong_numbers: list[dict] = field(default_factory=list)
    # output pointer → (kind key, truth table, truth row) / output table pointer → (kind key, truth table)
    row_map: dict[str, tuple[str, int, int]] = field(default_factory=dict)
    values: list[tuple[str, str, bool]] = field(default_factory=list)  # found cells: pointer, field, right
    table_map: dict[str, tuple[str, int]] = field(default_factory=dict)


def score_rows(
    kind: RowKind,
    truth_tables: list[dict],
    out_tables: list[dict],
    s: ScoringSettings = ScoringSettings(),
    into: RowScore | None = None,
) -> RowScore:
    score = into or RowScore()
    c = score.counts
    owner = assign_tables(kind, truth_tables, out_tables, s)
    for o, t in enumerate(owner):
        if t is not None:
            score.table_map[f"/{kind.key}/{o}"] = (kind.key, t)
    for t, truth in enumerate(truth_tables):
        truth_rows = truth.get("rows") or []
        given = [
            (f"/{kind.key}/{o}/rows/{r}", row)
            for o, table in enumerate(out_tables)
            if owner[o] == t
            for r, row in enumerate(table.get("rows") or [])
        ]
        fields = number_fields(kind, truth)
        m = match_table(kind, truth_rows, [row for _, row in given], fields, s)
        for i, row in enumerate(truth_rows):
            j = m.pairs.get(i)
            out = given[j][1] if j is not None else None
            c["rows"] += 1
            where = {"kind": kind.key, "table": t, "code": row.get("code")}
            if out is None:
                score.missed.append({**where, "text": _text(kind.truth_text, row)})
            else:
                c["found"] += 1
                score.row_map[given[j][0]] = (kind.key, t, i)
                if i in m.code_errors:
                    score.code_errors.append({**where, "output_code": out.get("code"), "pointer": given[j][0]})
                else:
                    c["code_ok"] += 1
            for f in fields:
                c["numbers"] += 1
                right = out is not None and same_number(out.get(f), row.get(f))
                if out is not None:
                    score.values.append((given[j][0], f, right))  # type: ignore[index]
                if right:
                    c["numbers_right"] += 1
                else:
                    score.wrong_numbers.append(
                        {
                            **where,
                            "field": f,
                            "truth": row.get(f),
                            "output": None if out is None else out.get(f),
                            "row_found": out is not None,
                        }
                    )
            if kind.names:
                errors, chars = char_errors(out.get("name") if out else "", row.get("name"))
                c["name_errors"] += errors
                c["name_chars"] += chars
                # Scoring-scale lines printed in the criterion's cell: each truth line read as a line
                # of the row's ``scale`` (not left in the name, not dropped); a missed row's are lost.
                printed = [clean_text(line) for line in row.get("scale") or []]
                read = {clean_text(line) for line in (out.get("scale") or [] if out else [])}
                c["scale_lines"] += len(printed)
                c["scale_right"] += sum(1 for line in printed if line in read)
        used = set(m.pairs.values())
        for j, (pointer, row) in enumerate(given):
            if j not in used:
                score.invented.append(
                    {
                        "kind": kind.key,
                        "pointer": pointer,
                        "code": row.get("code"),
                        "text": _text(kind.out_text, row)[:80],
                    }
                )
    for o, t in enumerate(owner):
        if t is None:
            for r, row in enumerate(out_tables[o].get("rows") or []):
                score.invented.append(
                    {
                        "kind": kind.key,
                        "pointer": f"/{kind.key}/{o}/rows/{r}",
                        "code": row.get("code"),
                        "text": _text(kind.out_text, row)[:80],
                    }
                )
    c["invented"] = len(score.invented)
    return score


def _text(fields: Iterable[str], row: dict) -> str:
    return next((str(row[f]) for f in fields if row.get(f)), "")
