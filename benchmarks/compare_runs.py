"""Two runs of ``benchmarks/generalisation --json`` compared document by document.

A round's figures are main's beside a branch's on the same corpus; the summary lines can stay equal
while documents move both ways, so the documents are compared one by one: every document whose
tally (rows found, numbers right, faults flagged, false alarms, told, silent …) differs, with each
counter that moved, and how many documents of how many differ. A document in one run only (a read
error, a filter) is listed too.

    python3 benchmarks/compare_runs.py MAIN.json BRANCH.json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.family_order import family_order  # noqa: E402


def documents(path: Path) -> dict[str, dict[str, int]]:
    """Path of each document → its tally, from a ``generalisation --json`` file."""
    summary = json.loads(path.read_text(encoding="utf-8"))
    return {doc["path"]: dict(doc.get("tally") or {}) for doc in summary.get("documents", [])}


def moved(before: dict[str, int] | None, after: dict[str, int] | None) -> dict[str, tuple[int | None, int | None]]:
    """Each counter whose value differs between two tallies (a missing tally: every counter). A
    counter one run's scoring does not have yet and the other's counts 0 did not move: a branch that
    adds a counter would otherwise show every document moved."""
    a, b = before or {}, after or {}
    return {
        k: (a.get(k), b.get(k))
        for k in sorted(set(a) | set(b))
        if a.get(k) != b.get(k) and not (a and b and (a.get(k), b.get(k)) in ((None, 0), (0, None)))
    }


def compare(before: dict[str, dict[str, int]], after: dict[str, dict[str, int]]) -> list[str]:
    """A line per document that differs, then the count."""
    names = sorted(set(before) | set(after), key=family_order)
    lines = []
    for name in names:
        if name not in before or name not in after:
            lines.append(f"{name}: only in the {'second' if name not in before else 'first'} run")
            continue
        diff = moved(before[name], after[name])
        if diff:
            lines.append(f"{name}: " + ", ".join(f"{k} {a} → {b}" for k, (a, b) in diff.items()))
    lines.append(f"{len(lines)} of {len(names)} documents differ")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("first", type=Path, help="generalisation --json of the first run (main)")
    parser.add_argument("second", type=Path, help="generalisation --json of the second run (the branch)")
    args = parser.parse_args(argv)
    print("\n".join(compare(documents(args.first), documents(args.second))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
