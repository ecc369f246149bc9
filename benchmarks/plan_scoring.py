"""Plans and reports scored against the generator's truth (tools/CORPUS.md: ``task_rows``, ``targets``,
``score_statements``). Every figure is a pair of counts that adds up over documents.

* task rows: a truth row is found by the output row (of any task table) whose task text is most
  similar (folded ratio ≥ ``task_match``), each output row used once; its fields (section, task,
  product, deadline, lead, coordinator, criterion code) are right when equal after whitespace,
  NFC and a closing "." or ";" are set aside. The output's task text is ``task``, else
  ``activity``, ``criterion`` or ``objective`` (grids that name the column otherwise).
* targets: a truth target is found by an output target with the same value (and unit, when both
  say one) whose indicator is similar (folded partial ratio ≥ ``indicator_match``), the closest
  first; it is all right when its comparator, value, value_max, unit and year are equal and its
  indicator is the truth's (folded token-set ratio ≥ ``indicator_right``).
* score statements: found by code and kind (a truth ``field`` is an output ``field`` or
  ``group`` with that code); points right when points and max are both equal.

Each found task field, target and statement is also a value for the review queue (output pointer,
field, right): ``benchmarks/queue_scoring.py`` counts the wrong ones no entry names, and the lost
ones no unread part tells, as silent.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz

from benchmarks.scoring import clean_text, folded, norm_code, same_number

PLAN_COUNTERS = (
    "task_rows",
    "task_found",
    "task_fields",
    "task_fields_right",
    "task_invented",
    "targets",
    "targets_found",
    "targets_right",
    "target_invented",
    "statements",
    "statements_found",
    "statements_points_right",
)
TASK_FIELDS = ("section", "task", "product", "deadline", "lead", "coordinator", "criterion_code")


@dataclass(frozen=True)
class PlanScoringSettings:
    task_match: float = 80.0
    indicator_match: float = 70.0
    indicator_right: float = 90.0


def _same_text(a, b) -> bool:
    return clean_text(a).rstrip(" .;") == clean_text(b).rstrip(" .;")


def _task_text(row: dict) -> str:
    return next((row.get(k) or "" for k in ("task", "activity", "criterion", "objective") if row.get(k)), "")


def score_tasks(
    truth_rows: list[dict], output: dict, s: PlanScoringSettings
) -> tuple[Counter, list[str], list[tuple[str, str, bool]]]:
    """Counters, what went wrong, and each found row's fields as values for the review queue
    (output pointer, field, right): ``benchmarks/queue_scoring.py`` weighs them as it weighs cells."""
    pointers = [
        f"/task_tables/{ti}/rows/{ri}"
        for ti, t in enumerate(output.get("task_tables") or [])
        for ri in range(len(t.get("rows") or []))
    ]
    out_rows = [r for t in output.get("task_tables") or [] for r in t.get("rows") or []]
    used: set[int] = set()
    c: Counter = Counter(task_rows=len(truth_rows))
    wrong: list[str] = []
    values: list[tuple[str, str, bool]] = []
    for tr in truth_rows:
        best, best_k = 0.0, None
        for k, orow in enumerate(out_rows):
            if k in used:
                continue
            score = fuzz.ratio(folded(tr["task"]), folded(_task_text(orow)))
            if score > best:
                best, best_k = score, k
        fields = [f for f in TASK_FIELDS if f in tr]
        c["task_fields"] += len(fields)
        if best_k is None or best < s.task_match:
            wrong.append(f"missed {tr['task'][:50]!r}")
            continue
        used.add(best_k)
        c["task_found"] += 1
        orow = out_rows[best_k]
        for f in fields:
            got = _task_text(orow) if f == "task" else orow.get(f)
            want = tr.get(f)
            right = (
                norm_code(got) == norm_code(want)
                if f in ("criterion_code", "section")
                else _same_text(got or "", want or "")
            )
            c["task_fields_right"] += right
            values.append((pointers[best_k], f, right))
            if not right:
                wrong.append(f"{tr['task'][:30]!r} {f}: {want!r} -> {got!r}")
    c["task_invented"] = len(out_rows) - len(used)
    return c, wrong, values


def _target_right(tr: dict, ot: dict, s: PlanScoringSettings) -> list[str]:
    bad = [
        f
        for f in ("comparator", "unit", "year")
        if clean_text(tr.get(f) if tr.get(f) is not None else "")
        != clean_text(ot.get(f) if ot.get(f) is not None else "")
    ]
    bad += [f for f in ("value", "value_max") if not same_number(tr.get(f), ot.get(f))]
    if fuzz.token_set_ratio(folded(tr["indicator"]), folded(ot.get("indicator"))) < s.indicator_right:
        bad.append("indicator")
    return bad


def score_targets(
    truth: list[dict], output: dict, s: PlanScoringSettings
) -> tuple[Counter, list[str], list[tuple[str, str, bool]]]:
    """Counters, what went wrong, and each found target as a value (pointer, "target", all right)."""
    outs = output.get("targets") or []
    used: set[int] = set()
    c: Counter = Counter(targets=len(truth))
    wrong: list[str] = []
    values: list[tuple[str, str, bool]] = []
    for tr in truth:
        best, best_k = -1.0, None
        for k, ot in enumerate(outs):
            if k in used or not same_number(tr["value"], ot.get("value")):
                continue
            if ot.get("unit") and tr.get("unit") and folded(ot["unit"]) != folded(tr["unit"]):
                continue
            sim = fuzz.partial_ratio(folded(tr["indicator"]), folded(ot.get("indicator")))
            sim += 5 * (ot.get("year") == tr.get("year"))  # the same indicator's other years
            if sim >= s.indicator_match and sim > best:
                best, best_k = sim, k
        if best_k is None:
            wrong.append(f"missed {tr['indicator'][:40]!r} {tr['comparator']} {tr['value']} {tr['year']}")
            continue
        used.add(best_k)
        c["targets_found"] += 1
        bad = _target_right(tr, outs[best_k], s)
        c["targets_right"] += not bad
        values.append((f"/targets/{best_k}", "target", not bad))
        if bad:
            got = {f: outs[best_k].get(f) for f in bad}
            wrong.append(f"{tr['indicator'][:30]!r} {tr['value']} {tr['year']}: {got}")
    c["target_invented"] = len(outs) - len(used)
    return c, wrong, values


def score_statements(
    truth: list[dict], output: dict
) -> tuple[Counter, list[str], dict[str, int], list[tuple[str, str, bool]]]:
    """Counters, what went wrong, the output pointer of each found truth statement, and each found
    statement as a value (pointer, "points", points and max right)."""
    outs = output.get("score_statements") or []
    c: Counter = Counter(statements=len(truth))
    wrong: list[str] = []
    values: list[tuple[str, str, bool]] = []
    found: dict[str, int] = {}
    used: set[int] = set()
    for i, tr in enumerate(truth):
        kinds = ("field", "group") if tr["kind"] == "field" else ("criterion",)
        k = next(
            (
                k
                for k, o in enumerate(outs)
                if k not in used and o.get("kind") in kinds and norm_code(o.get("code")) == norm_code(tr["code"])
            ),
            None,
        )
        if k is None:
            wrong.append(f"missed {tr['kind']} {tr['code']}")
            continue
        used.add(k)
        found[f"/score_statements/{k}"] = i
        c["statements_found"] += 1
        right = same_number(tr["points"], outs[k].get("points")) and same_number(
            tr["max_points"], outs[k].get("max_points")
        )
        c["statements_points_right"] += right
        values.append((f"/score_statements/{k}", "points", right))
        if not right:
            wrong.append(
                f"{tr['code']}: {tr['points']}/{tr['max_points']} -> "
                f"{outs[k].get('points')}/{outs[k].get('max_points')}"
            )
    return c, wrong, found, values


def score_plan(truth: dict, output: dict, s: PlanScoringSettings = PlanScoringSettings()) -> dict:
    tasks, task_wrong, task_values = score_tasks(truth.get("task_rows") or [], output, s)
    targets, target_wrong, target_values = score_targets(truth.get("targets") or [], output, s)
    stmts, stmt_wrong, stmt_map, stmt_values = score_statements(truth.get("score_statements") or [], output)
    c: Counter = Counter({k: 0 for k in PLAN_COUNTERS})
    c.update(tasks)
    c.update(targets)
    c.update(stmts)
    return {
        "tally": dict(c),
        "statement_map": stmt_map,
        "task_values": task_values,
        "target_values": target_values,
        "statement_values": stmt_values,
        "tasks_wrong": task_wrong,
        "targets_wrong": target_wrong,
        "statements_wrong": stmt_wrong,
    }
