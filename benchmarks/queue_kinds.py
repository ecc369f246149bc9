"""What the review queue asks about that is not wrong: each entry of each converted document sorted
into wrong (a value not the truth's, or a task row, target or statement wrong), faulty (a planted
fault the entry names) or right, and the right ones counted by the kind of their reasons, so the
doubts that evidence does not support can be found and weighed (issue 14: review load).

    python benchmarks/queue_kinds.py --corpus C --keep OUTPUTS [--family S0 ...] [--entries]

``OUTPUTS`` is the folder ``benchmarks/generalisation --keep`` wrote. The figures are the queue
scorer's own (``queue_scoring``): an entry names a wrong value when it names its cell, or its row
as a whole."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.corpus_scoring import score_document
from benchmarks.plan_scoring import score_plan

TRUTH_SUFFIX = ".truth.json"
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")


def reason_kind(reason: str) -> str:
    """A reason's wording with its figures and quotations taken out, cut short: the kind of doubt."""
    kind = _NUMBER.sub("#", _QUOTED.sub("'…'", reason.split("\n")[0]))
    return kind[:70]


def item_kind(pointer: str) -> str:
    """What an entry is about: ``/score_tables/0/rows/3`` → ``score_tables``."""
    return pointer.strip("/").split("/")[0]


def entry_verdict(entry: dict, wrong: set, wrong_rows: set, faulty: set) -> str:
    item, field = entry.get("item") or "", entry.get("field")
    if (item, field) in wrong or (field is None and item in wrong_rows):
        return "wrong"
    if item in faulty:
        return "faulty"
    return "right"


def document_entries(truth: dict, output: dict) -> list[tuple[str, dict]]:
    """(verdict, entry) of each distinct (item, field) of the output's review."""
    result = score_document(truth, output)
    plan = score_plan(truth, output)
    wrong = {(v["pointer"], v["field"]) for v in result["wrong_values"]}
    wrong_rows = {p for p, _ in wrong}
    for key in ("task_values", "target_values", "statement_values"):
        wrong_rows |= {p for p, _, right in plan[key] if not right}
    faulty = {b.split(" ")[1] for f in result["faults"] for b in f["by"] if b.startswith("review ")}
    seen: set = set()
    out = []
    for entry in output.get("review") or []:
        key = (entry.get("item"), entry.get("field"))
        if key in seen:
            continue
        seen.add(key)
        out.append((entry_verdict(entry, wrong, wrong_rows, faulty), entry))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--keep", type=Path, required=True, help="the outputs benchmarks/generalisation --keep wrote")
    ap.add_argument("--family", action="append", default=[], help="family name substring (repeatable)")
    ap.add_argument("--entries", action="store_true", help="print every right entry, a line each")
    args = ap.parse_args(argv)
    manifest = json.loads((args.corpus / "manifest.json").read_text(encoding="utf-8"))
    kinds: Counter = Counter()
    verdicts: Counter = Counter()
    for doc in manifest["documents"]:
        if args.family and not any(f in doc.get("family", "") for f in args.family):
            continue
        out_file = args.keep / (doc["path"] + ".json")
        if not out_file.exists():
            continue
        truth = json.loads((args.corpus / (doc["path"] + TRUTH_SUFFIX)).read_text(encoding="utf-8"))
        output = json.loads(out_file.read_text(encoding="utf-8"))
        entries = document_entries(truth, output)
        doc_verdicts = Counter(v for v, _ in entries)
        verdicts.update(doc_verdicts)
        print(f"{doc['path']}: " + ", ".join(f"{k} {n}" for k, n in sorted(doc_verdicts.items())))
        for verdict, entry in entries:
            if verdict != "right":
                continue
            reasons = sorted({reason_kind(r) for r in (entry.get("reason") or "").split("\n") if r})
            kinds[(item_kind(entry.get("item") or ""), " | ".join(reasons))] += 1
            if args.entries:
                print(
                    f"    {entry.get('item')} {entry.get('field')} code={entry.get('code')} raw={entry.get('raw')!r}"
                    f" value={entry.get('value')!r} conf={entry.get('confidence')}: {entry.get('reason')!r}"
                )
    print()
    print("entries: " + ", ".join(f"{k} {n}" for k, n in sorted(verdicts.items())))
    print("right entries by kind (item kind, reasons):")
    for (item, reasons), n in kinds.most_common():
        print(f"  {n:4}  {item:18} {reasons}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
