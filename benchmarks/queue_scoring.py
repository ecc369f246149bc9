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
* queue entries: distinct (item, field) of the output's review, every kind (narrative, task rows,
  unread parts included): what a person is asked to look at. load = entries / (wrong + faulty +
  task fields wrong + task rows lost): the numerator's kinds and the denominator's are the same.
  silent errors count the wrong and lost values of every kind out of the queue, cells and tasks.
* reliability: each found value's confidence (the row's ``value_confidence`` for its field, else
  the row's ``confidence``) in buckets of ``BUCKET``; per bucket, values and values right.
"""

from __future__ import annotations

from collections import Counter

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


def score_queue(
    output: dict,
    values: list[tuple[str, str, bool]],
    faults: int,
    task_values: list[tuple[str, str, bool]] = (),  # type: ignore[assignment]
    tasks_lost: int = 0,
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
    for pointer, field, right in task_values:
        if right:
            continue
        c["task_wrong"] += 1
        if pointer in queued_items:
            c["task_wrong_queued"] += 1
        else:
            silent.append({"pointer": pointer, "field": field, "confidence": None})
    told = any(str(item).startswith("/unread/") for item in queued_items)
    c["task_lost"] = tasks_lost
    c["task_lost_told"] = tasks_lost if told else 0
    if tasks_lost and not told:
        silent.append({"pointer": "/task_tables", "field": f"{tasks_lost} task rows lost", "confidence": None})
    c["faulty_values"] = faults
    c["queue_entries"] = len(queued)
    return c, silent


def queue_lines(c: Counter) -> list[str]:
    """The queue figures and the reliability table of summed counters, for printing."""
    cells, cells_queued = c["wrong_values"], c["wrong_queued"]
    tasks = c["task_wrong"] + c["task_lost"]
    tasks_queued = c["task_wrong_queued"] + c["task_lost_told"]
    wrong, queued = cells + tasks, cells_queued + tasks_queued
    denominator = wrong + c["faulty_values"]
    out = [
        f"  silent errors   {wrong - queued}/{wrong} wrong or lost values not in the queue"
        + (f" ({100.0 * (wrong - queued) / wrong:.1f}%)" if wrong else "")
        + f"; cells {cells - cells_queued}/{cells}, task fields wrong {c['task_wrong'] - c['task_wrong_queued']}/"
        f"{c['task_wrong']}, task rows lost untold {c['task_lost'] - c['task_lost_told']}/{c['task_lost']}",
        f"  review load     {c['queue_entries']} entries / {denominator} values wrong, lost or faulty"
        + (f" = {c['queue_entries'] / denominator:.2f}" if denominator else "")
        + f" (cells wrong {cells}, faulty {c['faulty_values']}, task fields wrong {c['task_wrong']},"
        f" task rows lost {c['task_lost']}; before task values counted: "
        + (f"{c['queue_entries'] / (cells + c['faulty_values']):.2f})" if cells + c["faulty_values"] else "-)"),
        "  reliability     confidence bucket: values, share right",
    ]
    for i, edge in enumerate(BUCKETS):
        top = BUCKETS[i + 1] if i + 1 < len(BUCKETS) else 1.0
        n, right = c[f"rel_{i}_n"], c[f"rel_{i}_right"]
        share = f"{100.0 * right / n:6.1f}%" if n else "     - "
        out.append(f"    [{edge:.2f}, {top:.2f}{']' if top == 1.0 else ')'} {n:>7} {share}")
    return out
