"""Where an OCR dump's numbers are lost: each wrong number of a generalisation run, by cause.

    python3 benchmarks/number_causes.py RUN.json [--corpus C] [--family D01 ...]

A run's ``--json`` lists every truth cell the reader got wrong (``wrong_numbers``; a cell of a row not
found counts as wrong, ``row_found`` false). Each is put under the first cause that holds:

- ``row lost``: its row was not found at all;
- ``illegible``: the dump's text does not print its value on the row's own lines
  (``benchmarks/legibility.py``): no reader can read it, at most the sums or the set give it;
- ``column misplaced``: the reader put its value in another field of the same row (that field wrong
  too), a column shifted;
- ``legible, left blank``: the text prints it and the reader gave nothing;
- ``legible, misread``: the text prints it and the reader gave another value.

The figures tell which mechanism to mend first; the table is the report's, not a target.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from benchmarks.legibility import TEXT_FORMATS, legible_cells

CAUSES = ("row lost", "illegible", "column misplaced", "legible, left blank", "legible, misread")
TRUTH_SUFFIX = ".truth.json"


def cell_causes(doc: dict, text: str, truth: dict) -> list[tuple[str, dict]]:
    """Each wrong number of one document's details with its cause (``CAUSES``)."""
    legible = {(k, t, c, f): ok for k, t, c, f, ok in legible_cells(truth, text)}
    wrong = doc.get("wrong_numbers") or []
    by_row: dict[tuple, dict[str, object]] = {}
    for w in wrong:
        by_row.setdefault((w["kind"], w["table"], w["code"]), {})[w["field"]] = w["output"]
    out = []
    for w in wrong:
        key = (w["kind"], w["table"], w["code"], w["field"])
        others = {f: v for f, v in by_row[key[:3]].items() if f != w["field"]}
        if not w.get("row_found", True):
            cause = "row lost"
        elif not legible.get(key, True):
            cause = "illegible"
        elif any(v is not None and abs(float(v) - float(w["truth"])) < 1e-6 for v in others.values()):
            cause = "column misplaced"
        elif w["output"] is None:
            cause = "legible, left blank"
        else:
            cause = "legible, misread"
        out.append((cause, w))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("run", type=Path, help="a generalisation --json file")
    ap.add_argument("--corpus", type=Path, help="the corpus folder (default: the run's)")
    ap.add_argument("--family", action="append", default=[], help="family prefixes to keep")
    ap.add_argument("-v", "--verbose", action="store_true", help="print each wrong number")
    args = ap.parse_args(argv)
    run = json.loads(args.run.read_text(encoding="utf-8"))
    corpus = args.corpus or Path(run["corpus"])
    tally: dict[str, Counter] = {}
    for doc in run["documents"]:
        fam = doc.get("family") or ""
        if doc.get("format") not in TEXT_FORMATS or (args.family and not any(fam.startswith(f) for f in args.family)):
            continue
        truth = json.loads((corpus / (doc["path"] + TRUTH_SUFFIX)).read_text(encoding="utf-8"))
        if not truth.get("ocr_dump"):
            continue
        text = (corpus / doc["path"]).read_text(encoding="utf-8")
        numbers = doc["tally"].get("numbers", 0)
        for key in (fam[:3], "TOTAL"):
            tally.setdefault(key, Counter()).update(numbers=numbers, right=doc["tally"].get("numbers_right", 0))
        for cause, w in cell_causes(doc, text, truth):
            for key in (fam[:3], "TOTAL"):
                tally[key][cause] += 1
            if args.verbose:
                print(f"  {doc['path']}: {w['code']} {w['field']} {w['truth']} -> {w['output']}  [{cause}]")
    print(f"{'family':8} {'right':>11} " + " ".join(f"{c:>20}" for c in CAUSES))
    for key, c in sorted(tally.items(), key=lambda kv: (kv[0] == "TOTAL", kv[0])):
        print(f"{key:8} {c['right']:>5}/{c['numbers']:<5} " + " ".join(f"{c[x]:>20}" for x in CAUSES))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
