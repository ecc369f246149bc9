"""What a document states against itself, against the truth: narrative counts found (total and
parts), and planted faults flagged by a ``mismatch`` check or a review entry naming their row, with
the mismatches no planted fault explains (false alarms) (``benchmarks/corpus_scoring.py`` says
what is counted, and why)."""

from __future__ import annotations

from rapidfuzz import fuzz

from benchmarks.row_scoring import SCORE, STATS, RowScore, ScoringSettings
from benchmarks.scoring import folded, norm_code, same_number

FAULT_TABLES = {
    "score": SCORE.key,
    "score_tables": SCORE.key,
    "statistics": STATS.key,
    "counts": "counts",
    "statements": "score_statements",
}


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


def _names_its_sum(fault: dict, entry: dict, target, related: set) -> bool:
    """A review entry on another row of a sum the fault broke (a child of the parent whose sum
    fails, queued as the reading that may explain it) whose reason states that very sum ("2:
    self-assessed points of its 3 sub-criteria add up to 6,5, the row states 6,75"): a person
    reading it reads the fault, as on the parent's own entry."""
    code = norm_code(fault.get("code"))
    if not code or target is None or target not in related or "sum" not in str(fault.get("kind") or ""):
        return False
    return any(line.startswith(f"{code}:") for line in str(entry.get("reason") or "").split("\n"))


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
            target = _target(pointer, rows, count_map, stmt_map)
            named = _names(fault, pointer, entry.get("code"), target, direct)
            if named or _names_its_sum(fault, entry, target, related):
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
