"""``cchc-extract validate PATH...``: is each output file still valid and are its checks still
what the checks say now?

PATH is an output JSON or an output folder (its document JSONs: those its manifest lists, else
every ``*.json`` under it). The batch's own files that are not documents — ``summary.json`` and
the manifest — are skipped, by name, also when a shell glob (``out/*.json``) hands them over.
Each file is loaded, validated against the schema, rebuilt into records and reconciled again;
stored and recomputed checks are compared by id. One line per problem on stdout. The exit status
is 1 when any file is unreadable, breaks the schema, or has checks that differ from the stored
ones (a script checking a folder wants to know, whatever the cause).
"""

from __future__ import annotations

import json
from pathlib import Path

from cchc_extract.coverage import account_coverage
from cchc_extract.i18n import DEFAULT_LANG, translator
from cchc_extract.outdir import MANIFEST_NAME, load_manifest, owned_outputs
from cchc_extract.reconcile import ReconcileSettings, reconcile
from schemas import schema_errors
from schemas.records import Check, ExtractionResult, from_dict, to_dict

# The batch's own JSON files that are not documents.
NOT_DOCUMENTS = frozenset({"summary.json", MANIFEST_NAME})
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
        account_coverage(result)  # as the pipeline does after reconcile: coverage checks are checks too
    except Exception as exc:  # a checker bug must not hide the other files' problems
        return True, [f"checks could not be recomputed: {type(exc).__name__}: {exc}"]
    return True, check_differences(data.get("checks", []), result.checks)


def document_paths(paths: list[Path]) -> list[Path]:
    """The document JSONs ``paths`` name: files as given (less the batch's non-documents),
    folders expanded to their documents."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            if load_manifest(path).files:
                found.extend(owned_outputs(path))
            else:
                found.extend(p for p in sorted(path.rglob("*.json")) if p.name not in NOT_DOCUMENTS)
        elif path.name not in NOT_DOCUMENTS:
            found.append(path)
    return found


def validate_files(paths: list[Path], settings: ReconcileSettings = ReconcileSettings()) -> int:
    """Validate each file; 1 when any is invalid or has checks that differ, else 0."""
    failed = False
    for path in paths:
        valid, problems = validate_file(Path(path), settings)
        failed |= not valid or bool(problems)
        for line in problems:
            print(f"{path}: {line}")
        if valid and not problems:
            print(f"{path}: ok")
    return 1 if failed else 0


def validate_paths(
    paths: list[Path], settings: ReconcileSettings = ReconcileSettings(), lang: str = DEFAULT_LANG
) -> int:
    """``validate_files`` of the documents in ``paths`` (files and output folders); 1 when a path
    does not exist or a folder holds no document."""
    _ = translator(lang)
    missing = [p for p in paths if not Path(p).exists()]
    for path in missing:
        print(_("{path}: no such file or folder").format(path=path))
    documents = document_paths([p for p in paths if Path(p).exists()])
    if not documents and not missing:
        print(_("no output JSON found in {paths}").format(paths=", ".join(map(str, paths))))
        return 1
    return max(validate_files(documents, settings), 1 if missing else 0)
