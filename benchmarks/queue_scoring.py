"""The review queue of one converted document against its truth: which wrong values it holds,
how many entries it asks a person to look at, and how well its confidences are calibrated.

* values: the cells of truth rows the output found (``RowScore.values``: pointer, field, right).
  A value is right when it equals the truth (a blank right only when blank).
* wrong values: found cells that are not right (misreadings of ours). A wrong value is queued
  when the output's review names its row and field (or its row without a field: a row-level
  doubt). silent = wrong values not queued.
* faulty values: the planted faults (one value each, right as read but the document's fault).
* task values: a plan's task rows, the kind the queue holds besides cells. Each field of a found
  task row (``plan_scoring.score_tasks``) is a value, wrong when not the truth's; it is queued when
  the review names its row (the queue asks about a task row as a whole). A truth task row not
  found is one lost value, queued when the review tells an unread part (``/unread/…``: the place a
  person looks at to read what the machine did not).
* target and statement values: a plan's targets and a report's score statements, the narrative
  kinds the queue holds (``/targets/N``, ``/score_statements/N``). A found target is wrong when any
  of its fields is not the truth's, a found statement when its points or max are not; either is
  queued when the review names its item. A truth target or statement not found is lost, told as a
  lost task row is (an unread part in the queue); ``target_lost`` - ``target_lost_told`` are the
  targets a scanned plan lost with nothing said.
* queue entries: distinct (item, field) of the output's review, every kind (narrative, task rows,
  unread parts included): what a person is asked to look at. load = entries / (wrong + faulty +
  task fields wrong + task rows lost + targets and statements wrong or lost): the numerator's
  kinds and the denominator's are the same. silent errors count the wrong and lost values of every
  kind out of the queue: cells, task fields and rows, targets, statements.
* reliability: each found value's confidence (the row's ``value_confidence`` for its field, else
  the row's ``confidence``) in buckets of ``BUCKET``; per bucket, values and values right.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

BUCKETS = (0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99)  # lower edges
QUEUE_COUNTERS = (
    "values",
    "values_right",
    "wrong_values",
    "wrong_queued",
    "faulty_values",
    "task_wrong",
    "task_wrong_queued",
    "task_lost",
    "task_lost_told",
    "target_wrong",
    "target_wrong_queued",
    "target_lost",
    "target_lost_told",
    "statement_wrong",
    "statement_wrong_queued",
    "statement_lost",
    "statement_lost_told",
    "queue_entries",
    *(f"rel_{i}_{what}" for i in range(len(BUCKETS)) for what in ("n", "right")),
)


def resolve(data: dict, pointer: str):
    node = data
    for token in pointer.strip("/").split("/"):
        if isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        elif isinstance(node, dict) and token in node:
            node = node[token]
        else:
            return None
    return node


def value_confidence(row: dict | None, field: str) -> float:
    if not isinstance(row, dict):
        return 0.0
    own = (row.get("value_confidence") or {}).get(field)
    return float(own if own is not None else row.get("confidence", 1.0))


def bucket(confidence: float) -> int:
    return max(i for i, edge in enumerate(BUCKETS) if confidence >= edge - 1e-12)


@dataclass(frozen=True)
class PlanValues:
    """One plan kind's values for the queue: each found item's (pointer, field, right), and how many
    truth items were not found. ``kind`` prefixes its counters (``task``, ``target``, ``statement``)."""

    kind: str
    values: tuple[tuple[str, str, bool], ...] = ()
    lost: int = 0
    lost_what: str = ""  # how a lost one is named in the silent list ("task rows", "targets")
    lost_pointer: str = ""  # where such items would be in the output ("/task_tables")


def score_plan_values(plan: PlanValues, queued_items: set, told: bool) -> tuple[Counter, list[dict]]:
    """A plan kind's counters and silent values: a wrong item is queued when the review names its
    item (the queue asks about a task row, a target, a statement as a whole); lost items are told
    when the queue holds an unread part."""
    c: Counter = Counter()
    silent = []
    for pointer, field, right in plan.values:
        if right:
            continue
        c[f"{plan.kind}_wrong"] += 1
        if pointer in queued_items:
            c[f"{plan.kind}_wrong_queued"] += 1
        else:
            silent.append({"pointer": pointer, "field": field, "confidence": None})
    c[f"{plan.kind}_lost"] = plan.lost
    c[f"{plan.kind}_lost_told"] = plan.lost if told else 0
    if plan.lost and not told:
        silent.append({"pointer": plan.lost_pointer, "field": f"{plan.lost} {plan.lost_what} lost", "confidence": None})
    return c, silent


def score_queue(
    output: dict,
    values: list[tuple[str, str, bool]],
    faults: int,
    plans: tuple[PlanValues, ...] = (),
) -> tuple[Counter, list[dict]]:
    """(counters, the wrong values left out of the queue) of one document."""
    queued = {(r.get("item"), r.get("field")) for r in output.get("review") or []}
    queued_items = {item for item, _ in queued}
    c: Counter = Counter({k: 0 for k in QUEUE_COUNTERS})
    silent = []
    for pointer, field, right in values:
        row = resolve(output, pointer)
        conf = value_confidence(row, field)
        b = bucket(conf)
        c["values"] += 1
        c[f"rel_{b}_n"] += 1
        if right:
            c["values_right"] += 1
            c[f"rel_{b}_right"] += 1
            continue
        c["wrong_values"] += 1
        if (pointer, field) in queued or (pointer, None) in queued:
            c["wrong_queued"] += 1
        else:
            silent.append({"pointer": pointer, "field": field, "confidence": round(conf, 3)})
    told = any(str(item).startswith("/unread/") for item in queued_items)
    for plan in plans:
        kind_counts, kind_silent = score_plan_values(plan, queued_items, told)
        c.update(kind_counts)
        silent += kind_silent
    c["faulty_values"] = faults
    c["queue_entries"] = len(queued)
    return c, silent


def queue_lines(c: Counter) -> list[str]:
    """The queue figures and the reliability table of summed counters, for printing."""
    cells, cells_queued = c["wrong_values"], c["wrong_queued"]
    kinds = ("task", "target", "statement")
    plans = sum(c[f"{k}_wrong"] + c[f"{k}_lost"] for k in kinds)
    plans_queued = sum(c[f"{k}_wrong_queued"] + c[f"{k}_lost_told"] for k in kinds)
    wrong, queued = cells + plans, cells_queued + plans_queued
    denominator = wrong + c["faulty_values"]

    def untold(k: str) -> str:
        return f"{c[f'{k}_wrong'] - c[f'{k}_wrong_queued']}/{c[f'{k}_wrong']}"

    out = [
        f"  silent errors   {wrong - queued}/{wrong} wrong or lost values not in the queue"
        + (f" ({100.0 * (wrong - queued) / wrong:.1f}%)" if wrong else "")
        + f"; cells {cells - cells_queued}/{cells}, task fields wrong {untold('task')}, task rows lost untold "
        f"{c['task_lost'] - c['task_lost_told']}/{c['task_lost']}, targets wrong {untold('target')}, targets lost "
        f"untold {c['target_lost'] - c['target_lost_told']}/{c['target_lost']}, statements wrong "
        f"{untold('statement')}, statements lost untold {c['statement_lost'] - c['statement_lost_told']}/"
        f"{c['statement_lost']}",
        f"  review load     {c['queue_entries']} entries / {denominator} values wrong, lost or faulty"
        + (f" = {c['queue_entries'] / denominator:.2f}" if denominator else "")
        + f" (cells wrong {cells}, faulty {c['faulty_values']}, task fields wrong {c['task_wrong']},"
        f" task rows lost {c['task_lost']}, targets wrong or lost {c['target_wrong'] + c['target_lost']},"
        f" statements wrong or lost {c['statement_wrong'] + c['statement_lost']}; before task values counted: "
        + (f"{c['queue_entries'] / (cells + c['faulty_values']):.2f})" if cells + c["faulty_values"] else "-)"),
        "  reliability     confidence bucket: values, share right",
    ]
    for i, edge in enumerate(BUCKETS):
        top = BUCKETS[i + 1] if i + 1 < len(BUCKETS) else 1.0
        n, right = c[f"rel_{i}_n"], c[f"rel_{i}_right"]
        share = f"{100.0 * right / n:6.1f}%" if n else "     - "
        out.append(f"    [{edge:.2f}, {top:.2f}{']' if top == 1.0 else ')'} {n:>7} {share}")
    return out
