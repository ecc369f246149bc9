"""Reviewers' decisions into the outputs: one mechanism for the review sheet and the review page.

A ``Decision`` names an entry by its key and says confirm, correct (with the value typed) or
dismiss. ``apply_decisions`` writes each into the document's JSON (a correction: the new value,
the record made certain, old → new in its ``corrections``; a confirmation: the record made
certain, recorded old → old), appends it to the corrections log, re-runs the checks and
re-validates. A decision that cannot be applied is refused with a message and returned in
``kept`` so the caller can show it again with what was typed. A second correction of the same
value to a different number is refused: a value is corrected once, by one person.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from cchc_extract.coverage import account_coverage
from cchc_extract.crops import crop_name
from cchc_extract.messages import DEFAULT_LANG, message
from cchc_extract.outdir import relative_to_out
from cchc_extract.reconcile import ReconcileSettings, reconcile
from cchc_extract.reconcile.derived import FLAG_DERIVED, FLAG_DERIVED_BY_SET, derive_lost_cells
from cchc_extract.reconcile.queue_once import one_look_each
from cchc_extract.reconcile.restored import FLAG_RESTORED
from cchc_extract.restored_rows import restored_review
from cchc_extract.review.fields import ApplySettings, gate, parse_correction, record_type, resolve_pointer, short
from cchc_extract.review.model import (
    ACTIONS,
    CORRECTIONS_LOG,
    LogLine,
    append_log,
    fmt_value,
    latest,
    load_log,
    same_value,
    split_key,
)
from cchc_extract.tables import iter_outputs
from extract.segment.unread import unread_review_items
from schemas import schema_errors
from schemas.records import Correction, ErrorRecord, ExtractionResult, from_dict, to_dict


@dataclass(frozen=True)
class Decision:
    """What a reviewer decided about one entry."""

    key: str
    action: str  # confirm | correct | dismiss
    value: str = ""  # the corrected value as typed (correct)
    note: str = ""
    code: str = ""  # the code the reviewer saw, when known: a row that moved since is left alone
    source: str = ""  # the review file's name, or "page"
    where: str = ""  # where a message about it points ("review.xlsx line 5")
    formula: bool = False  # the value was typed as a spreadsheet formula
    row: dict | None = None  # the sheet row it came from, written back when it is refused


@dataclass(frozen=True)
class Outcome:
    key: str
    result: str  # applied | unchanged | refused
    message: str = ""


@dataclass
class ApplyReport:
    applied: int = 0  # decisions written
    unchanged: int = 0  # already applied before
    documents: int = 0  # document JSONs rewritten
    problems: list[str] = field(default_factory=list)  # one line per refused decision
    kept: list[Decision] = field(default_factory=list)  # the refused decisions, as typed
    outcomes: list[Outcome] = field(default_factory=list)  # one per decision, in order


@dataclass
class _Doc:
    path: Path
    data: dict
    sha: str
    rewrite: bool = False
    log: list[LogLine] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)


def apply_decisions(
    out_dir: Path,
    decisions: list[Decision],
    settings: ApplySettings = ApplySettings(),
    *,
    refresh: bool = True,
    lang: str = DEFAULT_LANG,
) -> ApplyReport:
    """Apply ``decisions`` to the outputs in ``out_dir`` (see the module's note). With
    ``refresh`` the tables, the review files (refused decisions kept in them) and the report are
    written again."""
    from cchc_extract.pipeline import write_json

    report = ApplyReport()
    stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
    docs = {
        crop_name(relative_to_out(out_dir, path)): _Doc(path, data, str(data.get("source", {}).get("sha256") or ""))
        for path, data in iter_outputs(out_dir)
    }
    log = load_log(out_dir)
    decided: dict[str, dict[str, LogLine]] = {stem: latest(log, doc.sha) for stem, doc in docs.items()}

    for decision in decisions:
        problem, line = _decide(decision, docs, decided, settings, stamp, lang)
        if problem == "unchanged":
            report.unchanged += 1
            report.outcomes.append(Outcome(decision.key, "unchanged"))
        elif problem:
            report.problems.append(f"{decision.where}: {problem}" if decision.where else problem)
            report.kept.append(decision)
            report.outcomes.append(Outcome(decision.key, "refused", problem))
        elif line is not None:
            stem = (split_key(decision.key) or ("",))[0]
            docs[stem].log.append(line)
            docs[stem].decisions.append(decision)
            decided[stem][line.key] = line
            report.applied += 1
            report.outcomes.append(Outcome(decision.key, "applied"))

    lines: list[LogLine] = []
    for doc in docs.values():
        if doc.rewrite:
            rechecked, problems = recheck(doc.data, settings.reconcile)
            if problems:
                message_ = (
                    f"{doc.data.get('source', {}).get('path')}: corrected output breaks the schema, "
                    f"not written: {problems[0]}"
                )
                report.problems.append(message_)
                report.applied -= len(doc.decisions)
                report.kept.extend(doc.decisions)
                refused = {d.key for d in doc.decisions}
                report.outcomes = [
                    Outcome(o.key, "refused", message_) if o.key in refused and o.result == "applied" else o
                    for o in report.outcomes
                ]
                continue
            write_json(rechecked, doc.path, out_dir)
            report.documents += 1
        lines += doc.log
    append_log(out_dir, lines)
    if refresh:
        refresh_outputs(out_dir, report.kept, lang)
    return report


def refresh_outputs(out_dir: Path, kept: list[Decision], lang: str = DEFAULT_LANG) -> None:
    """Tables, review files (``kept`` decisions shown again as typed) and report, from the JSON."""
    from cchc_extract.report import report_settings, write_report
    from cchc_extract.review.sheet import export_review
    from cchc_extract.tables import write_tables

    write_tables(out_dir)
    export_review(out_dir, kept, lang=lang)
    write_report(out_dir, report_settings(lang))


def _decide(
    decision: Decision,
    docs: dict[str, _Doc],
    decided: dict[str, dict[str, LogLine]],
    settings: ApplySettings,
    stamp: str,
    lang: str,
) -> tuple[str, LogLine | None]:
    """("", the log line) when the decision is applied to its document in memory; ("unchanged",
    None) when it already was; (why not, None) when it is refused."""
    parts = split_key(decision.key)
    if parts is None:
        return message("apply.bad_key", lang, key=short(decision.key)), None
    stem, pointer, name = parts
    action = ACTIONS.get(decision.action)
    if action is None:
        return message("apply.unknown_status", lang, status=decision.action, choices=", ".join(ACTIONS)), None
    doc = docs.get(stem)
    if doc is None:
        return f"no output JSON '{short(stem)}.json' in the output folder", None
    if decision.formula:
        return f"corrected_value is a formula ({short(decision.value)}); type the value itself", None
    cls = record_type(pointer)
    try:
        target = resolve_pointer(doc.data, pointer)
    except KeyError:
        target = None
    if cls is None or not isinstance(target, dict):
        return f"item '{short(pointer)}' not found in {doc.data.get('source', {}).get('path')}", None
    if decision.code and target.get("code") is not None and str(target["code"]) != decision.code:
        # The document was converted again since the decision was typed and rows moved.
        return f"item '{pointer}' now holds code '{target['code']}', not '{decision.code}'", None
    if name and name not in target:
        return f"item '{pointer}' has no field '{short(name)}' to correct", None
    old = target.get(name) if name else None
    previous = decided[stem].get(decision.key)
    if action == "corrected":
        text = decision.value.strip()
        if not text:
            return message("apply.correct_without_value", lang), None
        if not name:
            return f"item '{pointer}' has no value to correct", None
        try:
            new = parse_correction(cls, name, text)
        except ValueError as exc:
            return str(exc), None
        problem = gate(cls, name, new, settings)
        if problem:
            return problem, None
        if previous is not None and previous.action == "corrected":
            if not same_value(previous.new, new):
                return message(
                    "apply.second_correction",
                    lang,
                    key=decision.key,
                    previous=fmt_value(previous.new),
                    new=fmt_value(new),
                    source=previous.source,
                    at=previous.at,
                    log=CORRECTIONS_LOG,
                ), None
            if same_value(old, new):
                return "unchanged", None
            old = previous.old  # the document was converted again: the correction is restored
        certain = target.get("confidence", settings.corrected_confidence) >= settings.corrected_confidence
        if same_value(old, new) and certain and previous is not None:
            return "unchanged", None
        if same_value(old, new):
            action = "confirmed"  # the value read typed back: a confirmation
        _write(doc, target, pointer, name, target.get(name), new, decision, settings, stamp)
        return "", LogLine(decision.key, action, old, new, decision.note, decision.source, stamp, doc.sha)
    if previous is not None and previous.action == action and same_value(previous.old, old):
        return "unchanged", None
    if action == "confirmed" and name:
        _write(doc, target, pointer, name, old, old, decision, settings, stamp)
    return "", LogLine(decision.key, action, old, old, decision.note, decision.source, stamp, doc.sha)


def _write(doc: _Doc, target: dict, pointer: str, name: str, old, new, d: Decision, s: ApplySettings, stamp: str):
    target[name] = new
    if isinstance(target.get("flags"), list):
        # (the person's value is read, no longer the sums'; a row restored from the code tree whose
        # figure a person read is a row read, which the checks weigh)
        target["flags"] = [
            f
            for f in target["flags"]
            if f not in (f"{FLAG_DERIVED}{name}", f"{FLAG_DERIVED_BY_SET}{name}", FLAG_RESTORED)
        ]
    if "confidence" in target:
        target["confidence"] = s.corrected_confidence
    doc.data.setdefault("corrections", []).append(
        to_dict(Correction(item=pointer, field=name, old=old, new=new, source=d.source, applied_at=stamp))
    )
    doc.rewrite = True


def recheck(data: dict, settings: ReconcileSettings) -> tuple[dict, list[str]]:
    """Re-run the checks on a (corrected) output: checks and review rebuilt, then validated."""
    result = from_dict(ExtractionResult, data)
    # The metadata's own items (a field found but not read for sure) stay while the field is empty.
    meta_review = [
        r for r in result.review if r.item == "/document" and not getattr(result.document, r.field or "", None)
    ]
    result.checks, result.review = [], []
    try:
        reconcile(result, settings)
    except Exception as exc:  # as in the pipeline: the failure is recorded, the document stands
        result.errors.append(ErrorRecord(stage="reconcile", message=f"{type(exc).__name__}: {exc}".splitlines()[0]))
    account_coverage(result)
    result.review = one_look_each(
        unread_review_items(result) + meta_review + restored_review(result) + result.review, result
    )
    derive_lost_cells(result, settings)
    out = to_dict(result)
    return out, schema_errors(out)
