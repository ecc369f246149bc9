"""The review queue of one converted document against its truth: which wrong values it holds,
how many entries it asks a person to look at, and how well its confidences are calibrated.

* values: the cells of truth rows the output found (``RowScore.values``: pointer, field, right).
  A value is right when it equals the truth (a blank right only when blank).
* wrong values: found cells that are not right (misreadings of ours). A wrong value is queued
  when the output's review names its row and field (or its row without a field: a row-level
  doubt). silent = wrong values not queued.
* faulty values: the planted faults (one value each, right as read but the document's fault).
* queue entries: distinct (item, field) of the output's review, every kind (narrative, unread
  parts included): what a person is asked to look at. load = entries / (wrong + faulty).
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


def score_queue(output: dict, values: list[tuple[str, str, bool]], faults: int) -> tuple[Counter, list[dict]]:
    """(counters, the wrong values left out of the queue) of one document."""
    queued = {(r.get("item"), r.get("field")) for r in output.get("review") or []}
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
    c["faulty_values"] = faults
    c["queue_entries"] = len(queued)
    return c, silent


def queue_lines(c: Counter) -> list[str]:
    """The queue figures and the reliability table of summed counters, for printing."""
    wrong, queued = c["wrong_values"], c["wrong_queued"]
    denominator = wrong + c["faulty_values"]
    out = [
        f"  silent errors   {wrong - queued}/{wrong} wrong values not in the queue"
        + (f" ({100.0 * (wrong - queued) / wrong:.1f}%)" if wrong else ""),
        f"  review load     {c['queue_entries']} entries / {denominator} values wrong or faulty"
        + (f" = {c['queue_entries'] / denominator:.2f}" if denominator else ""),
        "  reliability     confidence bucket: values, share right",
    ]
    for i, edge in enumerate(BUCKETS):
        top = BUCKETS[i + 1] if i + 1 < len(BUCKETS) else 1.0
        n, right = c[f"rel_{i}_n"], c[f"rel_{i}_right"]
        share = f"{100.0 * right / n:6.1f}%" if n else "     - "
        out.append(f"    [{edge:.2f}, {top:.2f}{']' if top == 1.0 else ')'} {n:>7} {share}")
    return out
