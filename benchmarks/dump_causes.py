"""What the cause tables of a generalisation run's dumps share (``number_causes.py``,
``row_causes.py``): their command line, the dump documents of the run with their text and truth,
and the table printed, one line per family and a TOTAL line."""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from benchmarks.legibility import TEXT_FORMATS

TRUTH_SUFFIX = ".truth.json"


def cause_args(description: str, argv: list[str] | None, verbose_help: str) -> argparse.Namespace:
    """The command line: a run's ``--json`` file, ``--corpus``, ``--family`` prefixes, ``-v``."""
    ap = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("run", type=Path, help="a generalisation --json file")
    ap.add_argument("--corpus", type=Path, help="the corpus folder (default: the run's)")
    ap.add_argument("--family", action="append", default=[], help="family prefixes to keep")
    ap.add_argument("-v", "--verbose", action="store_true", help=verbose_help)
    return ap.parse_args(argv)


def dump_documents(args: argparse.Namespace) -> Iterator[tuple[dict, str, str, dict]]:
    """Each OCR dump of the run (of the families asked): its details, family, text and truth."""
    run = json.loads(args.run.read_text(encoding="utf-8"))
    corpus = args.corpus or Path(run["corpus"])
    for doc in run["documents"]:
        fam = doc.get("family") or ""
        if doc.get("format") not in TEXT_FORMATS or (args.family and not any(fam.startswith(f) for f in args.family)):
            continue
        truth = json.loads((corpus / (doc["path"] + TRUTH_SUFFIX)).read_text(encoding="utf-8"))
        if truth.get("ocr_dump"):
            yield doc, fam, (corpus / doc["path"]).read_text(encoding="utf-8"), truth


def add(tally: dict[str, Counter], fam: str, **counts: int) -> None:
    """Counts added to the family's line (its code, "N100" of "N100_…") and the TOTAL line."""
    for key in (fam.split("_", 1)[0], "TOTAL"):
        tally.setdefault(key, Counter()).update(counts)


def print_tally(tally: dict[str, Counter], causes: tuple[str, ...], label: str, right: str, of: str) -> None:
    """The table: per family ``right``/``of`` under ``label``, then each cause's count."""
    print(f"{'family':8} {label:>11} " + " ".join(f"{c:>20}" for c in causes))
    for key, c in sorted(tally.items(), key=lambda kv: (kv[0] == "TOTAL", kv[0])):
        print(f"{key:8} {c[right]:>5}/{c[of]:<5} " + " ".join(f"{c[x]:>20}" for x in causes))


def cause_table(
    doc: str,
    argv: list[str] | None,
    causes: tuple[str, ...],
    counted: tuple[str, str, str, str],
    classify: Callable[[dict, str, dict], list[tuple[str, dict]]],
    describe: Callable[[dict], str],
) -> int:
    """A cause table's command: each dump's items (``classify``: document details, text, truth →
    each item with its cause) counted by cause per family; ``counted`` names the table's column
    and the run's tally keys of the items right and of all the items, and the items' name for
    ``-v``, which prints each item (``describe``) with its cause."""
    label, right, of, items = counted
    args = cause_args(doc, argv, f"print each {items}")
    tally: dict[str, Counter] = {}
    for details, fam, text, truth in dump_documents(args):
        add(tally, fam, **{of: details["tally"].get(of, 0), label: details["tally"].get(right, 0)})
        for cause, item in classify(details, text, truth):
            add(tally, fam, **{cause: 1})
            if args.verbose:
                print(f"  {details['path']}: {describe(item)}  [{cause}]")
    print_tally(tally, causes, label, label, of)
    return 0
