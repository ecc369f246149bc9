"""``cchc-extract validate FILE.json...``: is each output file still valid and are its checks
still what the checks say now?

Each file is loaded, validated against the schema, rebuilt into records and reconciled again;
stored and recomputed checks are compared by id. One line per problem on stdout. A file is
invalid when it cannot be read as JSON or breaks the schema (exit 1); checks that differ are
reported but do not make a file invalid (the pipeline version may have moved on).
"""

from __future__ import annotations

import json
from pathlib import Path

from cchc_extract.reconcile import ReconcileSettings, reconcile
from cchc_extract.records import Check, ExtractionResult, from_dict, to_dict
from schemas import schema_errors

# Fields of a check whose change is a difference worth reporting (the message may be reworded).
_COMPARED = ("kind", "status", "expected", "actual", "tolerance")


def check_differences(stored: list[dict], recomputed: list[Check]) -> list[str]:
    """One line per check added, dropped or changed between the stored and recomputed lists."""
    old = {c.get("id"): c for c in stored}
    new = {c.id: to_dict(c) for c in recomputed}
    lines = []
    for cid, check in new.items():
        if cid not in old:
            lines.append(f"check {cid}: new, {check['status']}: {check['message']}")
            continue
        changed = [f"{k} {old[cid].get(k)!r} → {check[k]!r}" for k in _COMPARED if old[cid].get(k) != check[k]]
        if changed:
            lines.append(f"check {cid}: " + ", ".join(changed))
    lines += [f"check {cid}: stored but no longer produced ({old[cid].get('status')})" for cid in old if cid not in new]
    return lines


def _non_finite(name: str):
    """Python reads ``Infinity``/``NaN``; strict JSON parsers (and the schema's numbers) do not."""
    raise ValueError(f"not strict JSON: holds {name}")


def validate_file(path: Path, settings: ReconcileSettings = ReconcileSettings()) -> tuple[bool, list[str]]:
    """(valid, problems) of one output file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"), parse_constant=_non_finite)
    except (OSError, UnicodeDecodeError) as exc:
        return False, [f"cannot read file: {getattr(exc, 'strerror', None) or exc}"]
    except json.JSONDecodeError as exc:
        return False, [f"not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"]
    except ValueError as exc:
        return False, [str(exc)]
    if not isinstance(data, dict) or not {"schema_version", "source"} <= data.keys():
        return False, ["not a cchc-extract output (no schema_version/source at the top level)"]
    problems = [f"schema: {e}" for e in schema_errors(data)]
    if problems:
        return False, problems
    result = from_dict(ExtractionResult, data)
    try:
        reconcile(result, settings)
    except Exception as exc:  # a checker bug must not hide the other files' problems
        return True, [f"checks could not be recomputed: {type(exc).__name__}: {exc}"]
    return True, check_differences(data.get("checks", []), result.checks)


def validate_files(paths: list[Path], settings: ReconcileSettings = ReconcileSettings()) -> int:
    failed = False
    for path in paths:
        valid, problems = validate_file(Path(path), settings)
        failed |= not valid
        for line in problems:
            print(f"{path}: {line}")
        if valid and not problems:
            print(f"{path}: ok")
    return 1 if failed else 0
