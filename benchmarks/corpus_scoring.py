"""One converted document scored against the truth the corpus generator wrote for it.

The truth file's shape is the contract in ``tools/CORPUS.md`` (rows with normalised codes, numbers
as floats with ``null`` for a blank cell, metadata, planted faults). The output is the pipeline's
JSON (``result_to_json``). Every figure is a pair of counts (right, out of) so that documents,
families and splits add up by plain summation; the details say which rows, cells, fields and
faults went wrong, for developers.

What is counted, and why:

* rows: truth rows of score tables and statistics annexes. Tables are paired first (an output
  table belongs to the truth table most of its rows match, so a table the pipeline split in two
  still finds its rows; an output table matching nothing is all invented). Within a table a row is
  found by its normalised code, confirmed by a similar name or equal numbers; failing that, a row
  with another code that is clearly the same (name almost equal, same numbers, between the same
  matched neighbours) is found with a code error.
* numbers: every cell of every truth row in the columns the table has (max and self points and
  statistics values always; the appraised column when any truth row of the table fills it),
  blanks included: a blank is right only when the output is
  blank too; a missed row's cells are all wrong.
* name CER: Levenshtein distance over truth name length, matched rows' output names after NFC and
  whitespace collapse; a missed row costs its full length.
* metadata: five fields, each right or wrong, a null truth right only when the output is null.
* faults: a planted fault is flagged by a ``mismatch`` check on its row (or table total) and
  field, or by a review entry naming its row. A ``mismatch`` check is a false alarm unless it
  lies on a relation the planted fault breaks (its row, its parent, its children, the total of
  its top-level row, its narrative count): a wrong cell breaks every sum it is part of.
* counts: a truth narrative count is found when an output count has its total and its parts.
"""

from __future__ import annotations

import re
from collections import Counter

from benchmarks.fault_scoring import FAULT_TABLES, match_counts, score_faults
from benchmarks.plan_scoring import PLAN_COUNTERS, score_plan
from benchmarks.queue_scoring import QUEUE_COUNTERS, PlanValues, score_queue
from benchmarks.row_scoring import (
    ROW_KINDS,
    SCORE,
    STATS,
    RowKind,
    RowScore,
    ScoringSettings,
    match_table,
    number_fields,
    score_rows,
)
from benchmarks.scoring import clean_text
from cchc_extract.reconcile.derived_members import DERIVED_FLAGS
from extract.segment.unread_pages import BLANK_PAGE

# Names other modules take from here (tests, tools, the generalisation benchmark).
__all__ = [
    "COUNTERS",
    "FAULT_TABLES",
    "ROW_KINDS",
    "SCORE",
    "STATS",
    "RowKind",
    "ScoringSettings",
    "match_table",
    "meta_value",
    "number_fields",
    "score_document",
    "score_metadata",
    "score_rows",
]

META_FIELDS = ("number", "date", "commune", "signer", "title")
_UNIT_WORD = re.compile(r"^(xã|phường|thị trấn)\s+", re.IGNORECASE)

# The summable counters of a document, in the order reports print them.
COUNTERS = (
    "docs",
    "failed",
    "rows",
    "found",
    "code_ok",
    "invented",
    "numbers",
    "numbers_right",
    "name_errors",
    "name_chars",
    # scoring-scale lines of the criteria's cells read into ``scale`` / printed (benchmarks/row_scoring.py)
    "scale_lines",
    "scale_right",
    "meta_fields",
    "meta_right",
    "faults",
    "faults_flagged",
    "false_alarms",
    "counts",
    "counts_found",
    # nothing lost silently: documents not read whole that say so / that do not; whole ones
    # that claim a part unread
    "partial_docs",
    "partial_told",
    "whole_docs",
    "whole_unread",
    # the rows figures by kind (in --json only)
    "score_rows",
    "score_found",
    "score_invented",
    "stat_rows",
    "stat_found",
    "stat_invented",
    # plans and reports (benchmarks/plan_scoring.py)
    *PLAN_COUNTERS,
    # the review queue (benchmarks/queue_scoring.py)
    *QUEUE_COUNTERS,
)
KIND_PREFIX = {"score_tables": "score", "statistics": "stat"}


# --------------------------------------------------------------------------- metadata


def meta_value(name: str, value) -> str | None:
    """A metadata field as compared: NFC, single spaces; the commune without its "xã" word; the
    title in any case."""
    if value is None:
        return None
    text = clean_text(value)
    if name == "commune":
        text = _UNIT_WORD.sub("", text)
    if name == "title":
        text = text.casefold()
    return text or None


def score_metadata(truth_doc: dict, out_doc: dict) -> dict[str, dict]:
    """field → {right, truth, output} for the five fields."""
    out_doc = out_doc or {}
    result = {}
    for name in META_FIELDS:
        truth, output = truth_doc.get(name), out_doc.get(name)
        result[name] = {"right": meta_value(name, truth) == meta_value(name, output), "truth": truth, "output": output}
    return result


# --------------------------------------------------------------------------- a document


def failed(output: dict) -> bool:
    """The document could not be read at all (ingest error, timeout, crash)."""
    return any(e.get("stage") == "ingest" for e in output.get("errors") or [])


def told_unread(output: dict) -> bool:
    """The output says that something was not read: an ``unread`` entry, an ``incomplete`` check,
    or an error record."""
    return bool(
        output.get("unread")
        or output.get("errors")
        or any(c.get("status") == "incomplete" for c in output.get("checks") or [])
    )


def derived_unconfirmed(output: dict) -> list[tuple[str, str]]:
    """(row pointer, field) of the score and statistics cells the output derived and still queues
    (an entry on the cell or its whole row): cells it says it did not read. An annex's figure its
    group's sum gave (``derived_from_sums:value``, its ``value_raw`` blank) is no more read than a
    score cell so given."""
    queued = {(e.get("item"), e.get("field")) for e in output.get("review") or []}
    out = []
    for key in ("score_tables", "statistics"):
        out += _derived_queued(key, output.get(key) or [], queued)
    return out


def _derived_queued(key: str, tables: list[dict], queued: set) -> list[tuple[str, str]]:
    out = []
    for ti, table in enumerate(tables):
        for ri, row in enumerate(table.get("rows") or []):
            item = f"/{key}/{ti}/rows/{ri}"
            for flag in row.get("flags") or []:
                if flag.startswith(DERIVED_FLAGS):
                    field = flag.partition(":")[2]
                    if (item, field) in queued or (item, None) in queued:
                        out.append((item, field))
    return out


def score_document(truth: dict, output: dict, s: ScoringSettings = ScoringSettings()) -> dict:
    """Counters (summable) and details of one document."""
    rows = RowScore()
    by_kind: Counter = Counter()
    for kind in ROW_KINDS:
        before = (rows.counts["rows"], rows.counts["found"], len(rows.invented))
        score_rows(kind, truth.get(kind.key) or [], output.get(kind.key) or [], s, into=rows)
        prefix = KIND_PREFIX[kind.key]
        by_kind.update(
            {
                f"{prefix}_rows": rows.counts["rows"] - before[0],
                f"{prefix}_found": rows.counts["found"] - before[1],
                f"{prefix}_invented": len(rows.invented) - before[2],
            }
        )
    truth_counts, out_counts = truth.get("counts") or [], output.get("counts") or []
    count_pairs, found_counts = match_counts(truth_counts, out_counts, s)
    count_map = {f"/counts/{j}": i for i, j in count_pairs.items()}
    plan = score_plan(truth, output)
    faults = score_faults(truth, output, rows, count_map, plan["statement_map"])
    meta = score_metadata(truth.get("document") or {}, output.get("document") or {})
    c = Counter({k: 0 for k in COUNTERS})
    c.update(rows.counts)
    tally = plan["tally"]
    plans = (
        PlanValues(
            "task", tuple(plan["task_values"]), tally["task_rows"] - tally["task_found"], "task rows", "/task_tables"
        ),
        PlanValues(
            "target", tuple(plan["target_values"]), tally["targets"] - tally["targets_found"], "targets", "/targets"
        ),
        PlanValues(
            "statement",
            tuple(plan["statement_values"]),
            tally["statements"] - tally["statements_found"],
            "score statements",
            "/score_statements",
        ),
    )
    queue, silent = score_queue(output, rows.values, len(faults["faults"]), plans)
    c.update(queue)
    c.update(by_kind)
    c.update(plan["tally"])
    c["invented"] = len(rows.invented)
    c.update(
        docs=1,
        failed=int(failed(output)),
        meta_fields=len(meta),
        meta_right=sum(m["right"] for m in meta.values()),
        faults=len(faults["faults"]),
        faults_flagged=sum(f["flagged"] for f in faults["faults"]),
        false_alarms=len(faults["false_alarms"]),
        counts=len(truth_counts),
        counts_found=len(found_counts),
    )
    # Rows of every table kind count: score and statistics rows, and a plan's task rows. A task row
    # is matched by its text, which a reading may spoil without losing the row: task rows are lost
    # when some are not matched and fewer came out with a task text than the truth holds.
    tasks = plan["tally"]
    out_tasks = sum(
        any((r.get(k) or "").strip() for k in ("task", "activity", "criterion", "objective"))
        for t in output.get("task_tables") or []
        for r in t.get("rows") or []
    )
    tasks_lost = tasks["task_found"] < tasks["task_rows"] and out_tasks < tasks["task_rows"]
    # A row found whose printed cell came out blank was not read whole either ("points of 1.1.4
    # not read"): a wrong figure is a misreading, a blank one a loss.
    cells_lost = any(w["row_found"] and w["truth"] is not None and w["output"] is None for w in rows.wrong_numbers)
    # So was a cell the table's sums filled in that the document still queues: derived, not read
    # (README, section 6: a value one sum alone gave stays told unread and queued); one vouched
    # for twice leaves the queue and counts as read (``reconcile/recovered.py``).
    cells_lost = cells_lost or bool(derived_unconfirmed(output))
    # Targets and score statements not found were not read either (a scanned plan's lost targets,
    # a report's statements OCR spoilt): a document that tells them is no whole one listing parts.
    narrative_lost = tasks["targets_found"] < tasks["targets"] or tasks["statements_found"] < tasks["statements"]
    partial = rows.counts["found"] < rows.counts["rows"] or cells_lost or tasks_lost or narrative_lost or failed(output)
    c.update(
        partial_docs=int(partial),
        partial_told=int(partial and told_unread(output)),
        whole_docs=int(not partial),
        # (a page with nothing printed on it is told, truly, of a document read whole)
        whole_unread=int(not partial and any(u.get("reason") != BLANK_PAGE for u in output.get("unread") or [])),
    )
    return {
        "tally": dict(c),
        "missed_rows": rows.missed,
        "invented_rows": rows.invented,
        "code_errors": rows.code_errors,
        "wrong_numbers": rows.wrong_numbers,
        "metadata_wrong": {k: {"truth": v["truth"], "output": v["output"]} for k, v in meta.items() if not v["right"]},
        "faults": faults["faults"],
        "false_alarms": faults["false_alarms"],
        "misread_checks": faults["misread"],
        "silent_errors": silent,
        "wrong_values": [{"pointer": p, "field": f} for p, f, right in rows.values if not right],
        # every value scored (cells of truth rows the output found), for fitting the confidence
        "scored_values": [{"pointer": p, "field": f} for p, f, _ in rows.values],
        "counts_missed": [truth_counts[i] for i in range(len(truth_counts)) if i not in found_counts],
        "errors": [f"{e.get('stage')}: {e.get('message', '')}" for e in output.get("errors") or []],
        "tasks_wrong": plan["tasks_wrong"],
        "targets_wrong": plan["targets_wrong"],
        "statements_wrong": plan["statements_wrong"],
    }
