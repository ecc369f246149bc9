"""The truth's own arithmetic: every inconsistency a truth file holds, to be compared with the faults it
lists (planted faults and nothing else). Used after every run and by tests/test_corpus.py."""

from __future__ import annotations

import itertools

EPS = 1e-6


def score_problems(table: dict) -> set[tuple[str | None, ...]]:
    """(kind, code, field) of every inconsistency in a score table's truth."""
    rows = table["rows"]
    out = set()
    for parent in rows:
        kids = [r for r in rows if r["parent"] == parent["code"]]
        if not kids:
            continue
        if abs(sum(k["max_points"] for k in kids) - parent["max_points"]) > EPS:
            out.add(("parent_max_sum", parent["code"], "max_points"))
        selfs = [k["self_points"] for k in kids if k["self_points"] is not None]
        if parent["self_points"] is None:
            if selfs:
                out.add(("blank_parent", parent["code"], "self_points"))
        elif abs(sum(selfs) - parent["self_points"]) > EPS:
            out.add(("parent_self_sum", parent["code"], "self_points"))
    for r in rows:
        if r["self_points"] is not None and r["self_points"] > r["max_points"] + EPS:
            out.add(("self_gt_max", r["code"], "self_points"))
    tops = [r for r in rows if r["parent"] is None]
    if (
        table["stated_total_max"] is not None
        and abs(sum(r["max_points"] for r in tops) - table["stated_total_max"]) > EPS
    ):
        out.add(("total_sum", None, "max_points"))
    return out


def _parent_codes(rows: list[dict]) -> list[str]:
    """Each row's parent code: its code less the last part; a row printing no code (a bulleted item)
    is an item of the nearest coded row above it."""
    out, above = [], ""
    for r in rows:
        if r["code"] is None:
            out.append(above)
        else:
            above = r["code"]
            out.append(r["code"].rsplit(".", 1)[0])
    return out


def ratio_adds_up(rows: list[dict], ratio: dict) -> bool:
    """A ratio row (unit %) is some of its counts over their total: the total is its parent, or a
    sibling count whose breakdown items are the parts."""
    parents = _parent_codes(rows)
    ratio_parent = next(p for r, p in zip(rows, parents) if r is ratio)
    by_code = {r["code"]: r for r in rows if r["code"] is not None}
    siblings = [
        r
        for r, p in zip(rows, parents)
        if p == ratio_parent and r is not ratio and r["unit"] != "%" and r["value"] is not None
    ]
    options = []
    parent = by_code.get(ratio_parent)
    if parent and parent["value"]:
        options.append((parent["value"], [r["value"] for r in siblings]))
    for s in siblings:
        # a ratio among the breakdown is no part of it (else a faulted ratio "explains" itself)
        items = [
            r["value"] for r, p in zip(rows, parents) if p == s["code"] and r["code"] != s["code"] and r["unit"] != "%"
        ]
        if items and s["value"]:
            options.append((s["value"], items))
    return any(
        abs(100 * sum(combo) / total - ratio["value"]) < 0.006
        for total, parts in options
        for k in range(1, len(parts) + 1)
        for combo in itertools.combinations(parts, k)
    )


def statement_problems(statements: list[dict]) -> set[tuple[str | None, ...]]:
    """A field statement whose points are not its criteria's sum (criteria linked by code prefix)."""
    out = set()
    for f in statements:
        if f["kind"] != "field":
            continue
        kids = [s for s in statements if s["kind"] == "criterion" and s["code"].split(".")[0] == f["code"]]
        if kids and abs(sum(k["points"] for k in kids) - f["points"]) > EPS:
            out.add(("statement_sum", f["code"], "points"))
    return out


def truth_problems(truth: dict) -> set[tuple[str | None, ...]]:
    """(kind, code, field) of every inconsistency of a truth file: sums, self above max, totals,
    ratios, narrative counts."""
    found: set[tuple[str | None, ...]] = set()
    for table in truth["score_tables"]:
        found |= score_problems(table)
    found |= statement_problems(truth.get("score_statements", []))
    for count in truth["counts"]:
        if sum(count["parts"]) != count["total"]:
            found.add(("count_sum", None, "value"))
    for annex in truth["statistics"]:
        for row in annex["rows"]:
            if row["unit"] == "%" and not ratio_adds_up(annex["rows"], row):
                found.add(("ratio", row["code"], "value"))
    return found


def planted(truth: dict) -> set[tuple[str | None, ...]]:
    return {(f["kind"], f["code"], f["field"]) for f in truth["faults"]}
