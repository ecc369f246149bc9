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
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from benchmarks.plan_scoring import PLAN_COUNTERS, score_plan
from benchmarks.queue_scoring import QUEUE_COUNTERS, score_queue
from benchmarks.scoring import (
    char_errors,
    clean_text,
    folded,
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
FAULT_TABLES = {
    "score": SCORE.key,
    "score_tables": SCORE.key,
    "statistics": STATS.key,
    "counts": "counts",
    "statements": "score_statements",
}
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


# --------------------------------------------------------------------------- narrative counts


def _parts(count: dict) -> list:
    parts = count.get("parts") or []
    return sorted(
        p.get("value") if isinstance(p, dict) else p
        for p in parts
        if p is not None and (not isinstance(p, dict) or p.get("value") is not None)
    )


def count_found(truth: dict, out: dict) -> bool:
    truth_parts, out_parts = _parts(truth), _parts(out)
    return (
        same_number(out.get("total"), truth.get("total"))
        and len(truth_parts) == len(out_parts)
        and all(same_number(a, b) for a, b in zip(truth_parts, out_parts))
    )


def match_counts(
    truth_counts: list[dict], out_counts: list[dict], s: ScoringSettings = ScoringSettings()
) -> tuple[dict[int, int], set[int]]:
    """(truth count → output count it corresponds to, truth counts found). Found: same total and
    parts. Corresponding (for faults, whose parts disagree by design): found, else the same total
    in a similar sentence."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for i, truth in enumerate(truth_counts):
        j = next((j for j, o in enumerate(out_counts) if j not in used and count_found(truth, o)), None)
        if j is not None:
            pairs[i] = j
            used.add(j)
    found = set(pairs)
    for i, truth in enumerate(truth_counts):
        if i in pairs:
            continue
        scored = [
            (fuzz.partial_ratio(folded(truth.get("text")), folded(o.get("text"))), j)
            for j, o in enumerate(out_counts)
            if j not in used and same_number(o.get("total"), truth.get("total"))
        ]
        scored = [(r, j) for r, j in scored if r >= s.count_text or not truth.get("text")]
        if scored:
            j = max(scored)[1]
            pairs[i] = j
            used.add(j)
    return pairs, found


def faulty_counts(fault: dict, truth_counts: list[dict]) -> list[int]:
    """The truth counts a counts fault is planted in: the one its ``text`` names, else those whose
    parts do not add up to their total (the generator's counts otherwise add up)."""
    if fault.get("text"):
        best = max(
            range(len(truth_counts)),
            default=None,
            key=lambda i: fuzz.partial_ratio(folded(fault["text"]), folded(truth_counts[i].get("text"))),
        )
        return [] if best is None else [best]
    bad = [
        i
        for i, c in enumerate(truth_counts)
        if c.get("total") is not None and _parts(c) and not same_number(sum(_parts(c)), c["total"])
    ]
    if len(bad) > 1 and fault.get("note"):
        bad = [max(bad, key=lambda i: fuzz.partial_ratio(folded(fault["note"]), folded(truth_counts[i].get("text"))))]
    return bad


# --------------------------------------------------------------------------- faults


def _truth_parent(rows: list[dict], i: int) -> str:
    row = rows[i]
    if "parent" in row:  # stated (null: a top-level row)
        return norm_code(row.get("parent"))
    code = norm_code(row.get("code"))
    return code.rsplit(".", 1)[0] if "." in code else ""


def _fault_targets(fault: dict, truth: dict) -> tuple[set, set]:
    """(targets a check or review entry must name to flag the fault, targets whose mismatch the
    fault explains). A target is ("row", kind, table, row), ("table", kind, table) or ("count", i)."""
    table = FAULT_TABLES.get(fault.get("table") or "", fault.get("table"))
    if table == "counts":
        direct = {("count", i) for i in faulty_counts(fault, truth.get("counts") or [])}
        return direct, set(direct)
    code = norm_code(fault.get("code"))
    if table == "score_statements":  # a field's stated points against its criteria's
        stated = truth.get("score_statements") or []
        direct = {("statement", i) for i, st in enumerate(stated) if st["kind"] == "field" and st["code"] == code}
        related = {("statement", i) for i, st in enumerate(stated) if st["code"].split(".")[0] == code}
        return direct, related | direct
    direct, related = set(), set()
    for t, tab in enumerate(truth.get(table) or []):
        rows = tab.get("rows") or []
        if fault.get("kind") == "total_sum" and not code:
            direct.add(("table", table, t))
            related.add(("table", table, t))
            continue
        hit = [i for i, r in enumerate(rows) if norm_code(r.get("code")) == code]
        for i in hit:
            direct.add(("row", table, t, i))
            parent = _truth_parent(rows, i)
            related |= {
                ("row", table, t, k)
                for k, r in enumerate(rows)
                if norm_code(r.get("code")) in (code, parent) or _truth_parent(rows, k) == code
            }
            if not parent:
                related.add(("table", table, t))
    return direct, related | direct


def _target(pointer: str, rows: RowScore, count_map: dict[str, int], stmt_map: dict[str, int] | None = None):
    if stmt_map and pointer in stmt_map:
        return ("statement", stmt_map[pointer])
    if pointer in rows.row_map:
        return ("row", *rows.row_map[pointer])
    if pointer in rows.table_map:
        return ("table", *rows.table_map[pointer])
    if pointer in count_map:
        return ("count", count_map[pointer])
    return None


def _fields_agree(fault: dict, field_: str | None) -> bool:
    wanted = fault.get("field")
    if fault.get("kind") == "self_gt_max" or FAULT_TABLES.get(fault.get("table") or "") == "counts":
        return True  # self above max is either cell's fault; a count's check is on its total
    return wanted is None or field_ is None or wanted == field_


def check_pointer(check: dict) -> str:
    """The JSON pointer a check is on: reconcile writes it into the id, ``kind:pointer[:field][#n]``."""
    parts = str(check.get("id") or "").split("#")[0].split(":")
    return parts[1] if len(parts) > 1 else ""


def _pointer_kind(pointer: str) -> str:
    return pointer.split("/")[1] if pointer.count("/") >= 1 else ""


def _names(fault: dict, pointer: str, code, target, direct: set) -> bool:
    """An output item (check or review entry) at ``pointer`` names the fault's row: its target is
    one of the fault's, or (an output row matched to no truth row) it carries the fault's code."""
    if target is not None:
        return target in direct
    table = FAULT_TABLES.get(fault.get("table") or "", fault.get("table"))
    return (
        bool(fault.get("code")) and _pointer_kind(pointer) == table and norm_code(code) == norm_code(fault.get("code"))
    )


def score_faults(
    truth: dict, output: dict, rows: RowScore, count_map: dict[str, int], stmt_map: dict[str, int] | None = None
) -> dict:
    faults = truth.get("faults") or []
    checks = output.get("checks") or []
    mismatches = [c for c in checks if c.get("status") == "mismatch"]
    explained: set[int] = set()
    report = []
    for fault in faults:
        direct, related = _fault_targets(fault, truth)
        by = []
        for k, check in enumerate(mismatches):
            pointer = check_pointer(check)
            target = _target(pointer, rows, count_map, stmt_map)
            if _fields_agree(fault, check.get("field")):
                if _names(fault, pointer, check.get("code"), target, direct):
                    by.append(f"check {check.get('id')}")
                    explained.add(k)
                elif target is not None and target in related:
                    explained.add(k)
        for entry in output.get("review") or []:
            pointer = entry.get("item") or ""
            if _names(fault, pointer, entry.get("code"), _target(pointer, rows, count_map, stmt_map), direct):
                by.append(f"review {pointer} ({entry.get('reason', '')[:60]})")
        report.append({"fault": fault, "flagged": bool(by), "by": by[:4]})
    false_alarms = [
        {
            "id": c.get("id"),
            "kind": c.get("kind"),
            "code": c.get("code"),
            "field": c.get("field"),
            "message": c.get("message"),
        }
        for k, c in enumerate(mismatches)
        if k not in explained
    ]
    return {
        "faults": report,
        "false_alarms": false_alarms,
        "misread": sum(c.get("status") == "misread" for c in checks),
    }


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
    queue, silent = score_queue(output, rows.values, len(faults["faults"]))
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
    partial = rows.counts["found"] < rows.counts["rows"] or cells_lost or tasks_lost or failed(output)
    c.update(
        partial_docs=int(partial),
        partial_told=int(partial and told_unread(output)),
        whole_docs=int(not partial),
        whole_unread=int(not partial and bool(output.get("unread"))),
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
        "counts_missed": [truth_counts[i] for i in range(len(truth_counts)) if i not in found_counts],
        "errors": [f"{e.get('stage')}: {e.get('message', '')}" for e in output.get("errors") or []],
        "tasks_wrong": plan["tasks_wrong"],
        "targets_wrong": plan["targets_wrong"],
        "statements_wrong": plan["statements_wrong"],
    }
