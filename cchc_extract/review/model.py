"""The review queue as a person works it: one entry per doubtful value, with every reason it is
doubted, how serious the most serious one is, and what the reviewer decided.

A document's ``review`` list has one item per value, its reasons one a line (``reasons_of``); the
queue merges items by value (older outputs listed a value once per reason).
An entry's ``key`` is ``<output stem>#<JSON pointer>#<field>`` (the stem: the JSON's path in OUT
without ``.json``; the field empty for an item that has none, an unread part). Severity, most
serious first: ``inconsistency`` (the document's own numbers disagree), ``misreading`` (a value
we read may be another: its other readings make the relation hold, or one was taken), ``unread``
(a part we did not read), ``low_confidence``.

Decisions are kept in one corrections log, ``OUT/review/corrections.jsonl`` (one JSON object a
line: key, action, old, new, note, source, when, and the input's sha256), written by
``apply_decisions`` for the sheet and the review page alike. It decides an entry's status: a
value confirmed or dismissed, or corrected to what it now holds, leaves the queue and stays out
of it when the document is converted again (as long as the input and the value are the same).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from cchc_extract.crops import crop_name
from cchc_extract.messages import DEFAULT_LANG, message
from cchc_extract.outdir import atomic_write, check_target, relative_to_out
from cchc_extract.reconcile.settings import (
    AMBIGUOUS_REASON,
    CODE_INFERRED_REASON,
    LOW_CONFIDENCE_REASON,
    ROW_DOUBT_REASONS,
    SHORT_PARTS_NOTE,
)
from cchc_extract.review.fields import resolve_pointer
from cchc_extract.tables import iter_outputs
from extract.segment.unread_review import UNREAD_PREFIX
from normalize.numbers import format_vn
from schemas.records import reasons_of

CORRECTIONS_LOG = "review/corrections.jsonl"
SEVERITIES = ("inconsistency", "misreading", "unread", "low_confidence")
STATUSES = ("open", "confirmed", "corrected", "dismissed")
# What a reviewer does to an entry, and the status it leaves.
ACTIONS = {"confirm": "confirmed", "correct": "corrected", "dismiss": "dismissed"}
# A check's status → the severity of the values it flags.
_CHECK_SEVERITY = {"mismatch": "inconsistency", "misread": "misreading", "repaired": "misreading"}
# Record fields a criterion's or an indicator's name is in, first found wins.
_NAME_FIELDS = ("name", "indicator", "label", "criterion", "task", "activity", "reason")


def make_key(output: str, item: str, field_: str | None) -> str:
    """``<output stem>#<pointer>#<field>``; ``output`` is the JSON's path relative to OUT."""
    return f"{crop_name(output)}#{item}#{field_ or ''}"


def split_key(key: str) -> tuple[str, str, str] | None:
    """(output stem, pointer, field) of a key; None when it is not one. The stem may hold "#"
    (a file name can), the pointer and field never do."""
    parts = key.strip().rsplit("#", 2)
    if len(parts) != 3 or not parts[0] or not parts[1].startswith("/"):
        return None
    return parts[0], parts[1], parts[2]


@dataclass(frozen=True)
class Reason:
    """One reason a value is doubted: its kind (a check's kind, or ``low_confidence``,
    ``code_inferred``, ``ambiguous``, ``unread``), severity, the recorded English message and
    the figures a translation is written from."""

    kind: str
    severity: str
    message: str
    figures: dict = dataclasses.field(default_factory=dict)

    def text(self, lang: str = DEFAULT_LANG) -> str:
        if lang == "en" or self.kind == "other":
            return self.message  # the checks' own English says most (the tolerance, the parts)
        figures = dict(self.figures)
        if self.kind == "unread":
            figures["kind"] = message(f"unread.{figures.get('kind')}", lang) if figures.get("kind") else ""
        try:
            return message(f"reason.{self.kind}", lang, **figures) + (
                message("reason.misread_suffix", lang, alternatives=self.figures["alternatives"])
                if self.figures.get("misread") and self.figures.get("alternatives")
                else ""
            )
        except (KeyError, IndexError, ValueError):
            return self.message


@dataclass
class ReviewEntry:
    key: str
    output: str  # the document JSON, relative to OUT
    document: str  # the input's path as the batch recorded it
    item: str
    field: str | None
    commune: str | None
    page: int | None
    code: str | None
    name: str | None
    table: str | None
    value: float | str | None
    raw: str | None
    max_points: float | None
    confidence: float | None
    severity: str
    reasons: list[Reason]
    alternatives: list[float] = dataclasses.field(default_factory=list)
    review_indices: list[int] = dataclasses.field(default_factory=list)  # its items in the JSON's ``review``
    crop: str | None = None  # relative to OUT
    status: str = "open"
    corrected: str | None = None
    note: str = ""

    def reason_text(self, lang: str = DEFAULT_LANG) -> str:
        return "; ".join(dict.fromkeys(r.text(lang) for r in self.reasons))


@dataclass(frozen=True)
class LogLine:
    """One decision in the corrections log."""

    key: str
    action: str  # confirmed | corrected | dismissed
    old: object = None
    new: object = None
    note: str = ""
    source: str = ""  # the review file's name, or "page"
    at: str = ""
    sha256: str = ""  # the input the decision was made on


def log_path(out_dir: Path) -> Path:
    return out_dir / CORRECTIONS_LOG


def load_log(out_dir: Path) -> list[LogLine]:
    """The corrections log, oldest first; lines that are not decisions are left aside."""
    path = log_path(out_dir)
    try:
        if path.is_symlink():
            return []
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    out = []
    known = set(LogLine.__dataclass_fields__)
    for text in lines:
        try:
            data = json.loads(text)
        except ValueError:
            continue
        if isinstance(data, dict) and isinstance(data.get("key"), str) and data.get("action") in STATUSES:
            out.append(LogLine(**{k: v for k, v in data.items() if k in known}))
    return out


def append_log(out_dir: Path, lines: Iterable[LogLine]) -> None:
    """Add decisions to the log (the file rewritten whole, atomically: never half a line)."""
    new = list(lines)
    if not new:
        return
    path = log_path(out_dir)
    check_target(out_dir, path)
    old = path.read_text(encoding="utf-8") if path.is_file() else ""
    if old and not old.endswith("\n"):
        old += "\n"
    text = old + "".join(json.dumps(asdict(line), ensure_ascii=False) + "\n" for line in new)

    def write(tmp: Path) -> None:
        tmp.write_text(text, encoding="utf-8")

    atomic_write(out_dir, path, write)


def latest(log: Iterable[LogLine], sha256: str) -> dict[str, LogLine]:
    """key → the last decision made on the input with this sha256."""
    return {line.key: line for line in log if line.sha256 == sha256}


def _figures(check: dict | None, item: dict, lang_free: dict) -> dict:
    return {
        "code": (check or {}).get("code") or item.get("code") or "",
        "expected": fmt_value((check or {}).get("expected")),
        "actual": fmt_value((check or {}).get("actual")),
        "field": (check or {}).get("field") or item.get("field") or "",
        "alternatives": ", ".join(fmt_value(a) for a in item.get("alternatives") or []),
        **lang_free,
    }


def fmt_value(value) -> str:
    if isinstance(value, bool) or value is None:
        return "" if value is None else str(value)
    if isinstance(value, (int, float)):
        return format_vn(float(value), 4)
    if isinstance(value, list):
        return ", ".join(fmt_value(v) for v in value)
    return str(value)


def _decimal_comma(text: str) -> str:
    """ "0.66" the Vietnamese way, "0,66" (the reason's figures are written in English notation)."""
    return text.replace(".", ",") if text.replace(".", "", 1).isdigit() else text


def classify(item: dict, checks_by_message: dict[str, dict], data: dict) -> Reason:
    """The reason of one review item: the failed check it comes from (same message), or the
    queue's own reasons (``reconcile.queue``), or an unread part."""
    reason = str(item.get("reason") or "")
    check = checks_by_message.get(reason)
    if check is not None and check.get("status") in _CHECK_SEVERITY:
        severity = _CHECK_SEVERITY[check["status"]]
        return Reason(
            check.get("kind", ""),
            severity,
            reason,
            _figures(check, item, {"misread": check.get("status") == "misread"}),
        )
    pointer = str(item.get("item") or "")
    if pointer.startswith("/unread/"):
        try:
            part = resolve_pointer(data, pointer)
        except KeyError:
            part = {}
        part = part if isinstance(part, dict) else {}
        kind = str(part.get("kind") or "")
        return Reason(
            "unread",
            "unread",
            reason,
            {"kind": kind, "page": item.get("page") or ""},
        )
    if reason.startswith(UNREAD_PREFIX):  # a row's figure the text lost, told on the row itself
        return Reason("unread", "unread", reason, {"kind": "rows", "page": item.get("page") or ""})
    if reason.startswith(CODE_INFERRED_REASON):
        return Reason("code_inferred", "low_confidence", reason, {})
    for flag, said in ROW_DOUBT_REASONS.items():  # how the segmenter took a doubted value
        if reason == said:
            return Reason(flag, "low_confidence", reason, {})
    if reason.startswith(LOW_CONFIDENCE_REASON):
        words = reason.split()
        figures = {
            "confidence": _decimal_comma(words[1] if len(words) > 1 else ""),
            "threshold": _decimal_comma(words[-1]),
        }
        return Reason("low_confidence", "low_confidence", reason, figures)
    if reason.endswith(SHORT_PARTS_NOTE):  # a count not checked, its list short of its total
        parts = reason[: -len(SHORT_PARTS_NOTE)].rpartition(" = ")[2]
        return Reason(
            "short_parts", "low_confidence", reason, {"actual": fmt_value(item.get("value")), "expected": parts}
        )
    if AMBIGUOUS_REASON in reason:
        return Reason("ambiguous", "misreading", reason, _figures(None, item, {}))
    if item.get("alternatives"):
        return Reason("ambiguous", "misreading", reason, _figures(None, item, {}))
    return Reason("other", "low_confidence", reason, {})


def document_entries(
    out_dir: Path, path: Path, data: dict, crops: dict[tuple[str, int], str] | None = None
) -> list[ReviewEntry]:
    """The entries of one output document, in the order their first item appears."""
    relative = relative_to_out(out_dir, path)
    checks = {
        c.get("message"): c for c in data.get("checks", []) if c.get("status") in _CHECK_SEVERITY and c.get("message")
    }
    by_key: dict[str, ReviewEntry] = {}
    for n, item in enumerate(data.get("review", [])):
        key = make_key(relative, str(item.get("item") or ""), item.get("field"))
        entry = by_key.get(key)
        if entry is None:
            entry = by_key[key] = _new_entry(key, relative, data, item)
        for said in reasons_of(item):  # one cell's entry may give several reasons, one a line
            reason = classify({**item, "reason": said}, checks, data)
            if reason.message not in {r.message for r in entry.reasons}:
                entry.reasons.append(reason)
        entry.review_indices.append(n)
        for a in item.get("alternatives") or []:
            if a not in entry.alternatives:
                entry.alternatives.append(a)
        if item.get("confidence") is not None:
            entry.confidence = (
                item["confidence"] if entry.confidence is None else min(entry.confidence, item["confidence"])
            )
        if entry.crop is None and crops:
            entry.crop = crops.get((relative, n))
    for entry in by_key.values():
        entry.severity = min((r.severity for r in entry.reasons), key=SEVERITIES.index)
        # The value's own calibrated confidence where reconciliation gave one (a failed relation
        # records its rows with their reading confidence).
        own = _value_confidence(data, entry)
        entry.confidence = own if own is not None else entry.confidence
    return list(by_key.values())


def _value_confidence(data: dict, entry: ReviewEntry) -> float | None:
    try:
        target = resolve_pointer(data, entry.item)
    except KeyError:
        return None
    own = (target.get("value_confidence") or {}).get(entry.field or "") if isinstance(target, dict) else None
    return float(own) if isinstance(own, (int, float)) else None


def _new_entry(key: str, relative: str, data: dict, item: dict) -> ReviewEntry:
    try:
        target = resolve_pointer(data, str(item.get("item") or ""))
    except KeyError:
        target = None
    target = target if isinstance(target, dict) else {}
    name = next((str(target[f]) for f in _NAME_FIELDS if isinstance(target.get(f), str) and target[f].strip()), None)
    max_points = target.get("max_points")
    return ReviewEntry(
        key=key,
        output=relative,
        document=str(data.get("source", {}).get("path") or relative),
        item=str(item.get("item") or ""),
        field=item.get("field"),
        commune=(data.get("document") or {}).get("commune"),
        page=item.get("page"),
        code=item.get("code"),
        name=name,
        table=item.get("table"),
        value=item.get("value"),
        raw=item.get("raw"),
        max_points=max_points if isinstance(max_points, (int, float)) and not isinstance(max_points, bool) else None,
        confidence=None,
        severity=SEVERITIES[-1],
        reasons=[],
    )


def current_value(data: dict, entry: ReviewEntry):
    """The value the entry's field holds in the output now (None for an item without a field)."""
    try:
        target = resolve_pointer(data, entry.item)
    except KeyError:
        return None
    return target.get(entry.field) if isinstance(target, dict) and entry.field else None


def with_status(entry: ReviewEntry, decided: LogLine | None, now) -> ReviewEntry:
    """The entry's status from its last decision: confirmed or dismissed while the value is the
    one decided on; corrected while it holds the correction (a document converted again holds
    the value read: the entry is open again, the correction typed in, so applying restores it)."""
    if decided is None:
        return entry
    if decided.action in ("confirmed", "dismissed") and same_value(now, decided.old):
        entry.status = decided.action
    elif decided.action == "corrected":
        if same_value(now, decided.new):
            entry.status = "corrected"
        elif same_value(now, decided.old):
            entry.status, entry.corrected = "corrected", fmt_value(decided.new)
    entry.note = decided.note or entry.note
    return entry


def same_value(a, b) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return abs(float(a) - float(b)) < 1e-9
    return a == b


def is_open(entry: ReviewEntry) -> bool:
    """Whether the entry is still for a person to decide (a correction not in the output yet is)."""
    return entry.status == "open" or (entry.status == "corrected" and entry.corrected is not None)


def build_queue(
    out_dir: Path, crops: dict[tuple[str, int], str] | None = None, include_decided: bool = False
) -> list[ReviewEntry]:
    """Every entry of every output document under ``out_dir``, with its status from the
    corrections log; decided ones left out unless ``include_decided``. Grouped by document (the
    documents with the most serious entries first), most serious first, then least sure first."""
    log = load_log(out_dir)
    groups = []
    for path, data in iter_outputs(out_dir):
        decided = latest(log, str(data.get("source", {}).get("sha256") or ""))
        entries = [
            with_status(e, decided.get(e.key), current_value(data, e))
            for e in document_entries(out_dir, path, data, crops)
        ]
        entries = [e for e in entries if include_decided or is_open(e)]
        entries.sort(key=_rank)
        if entries:
            groups.append(entries)
    groups.sort(key=lambda g: (_rank(g[0])[0], g[0].document))
    return [e for g in groups for e in g]


def _rank(entry: ReviewEntry) -> tuple[int, float]:
    return SEVERITIES.index(entry.severity), 1.0 if entry.confidence is None else entry.confidence
