#!/usr/bin/env python3
"""Degraded OCR text dumps of plans (issues 16, 20): each plan PDF of a corpus made with
``make_corpus.py --formats pdf`` rasterised, degraded as a flatbed scan (``corpusgen/degrade.py``)
and read by real Tesseract (``corpusgen/dumps.py``), its truth copied from the source document.

    python3 tools/make_corpus.py --seed 7 --families P01,P02,P04,P05 --formats pdf --out /tmp/plans7
    python3 tools/make_plan_dumps.py --source /tmp/plans7 --out /tmp/plan-dumps7
    python3 benchmarks/generalisation --corpus /tmp/plan-dumps7

The readings a commune's OCR tool makes of a printed plan vary: Vietnamese or English language data,
150 or 200 dpi, Tesseract's segmentation 4 (a column of lines) or 6 (one block). Document k of the
source (in manifest order) is read with the k-th of these eight readings (``READINGS``) (``--readings 2``: also the
one four places on), so every reading meets several families. The truth is the generator's: the
dump's text may have lost rows, which the pipeline has to read or to tell.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tools")]

from corpusgen.dumps import OcrDump, ocr_pdf

# The eight readings ordered so that any four in a row (a family's instances) hold each language,
# each resolution and each segmentation twice: the segmentation is 4 where language and resolution
# are both first or both second, 6 where not, for the first four, and the other way round after.
READINGS = tuple(
    OcrDump(lang=lang, dpi=dpi, psm=(4, 6)[(a + b + half) % 2], degrade=True)
    for half in (0, 1)
    for a, dpi in enumerate((150, 200))
    for b, lang in enumerate(("vie", "eng"))
)


def reading_name(spec: OcrDump) -> str:
    return f"ocr-dump-{spec.lang}-psm{spec.psm}-{spec.dpi}dpi-degraded"


def plan_dumps(source: Path, out: Path, seed: int, readings: int = 1) -> list[dict]:
    """The dumps of every source PDF whose truth holds task rows, written under ``out`` with their
    truth; their manifest entries."""
    manifest = json.loads((source / "manifest.json").read_text(encoding="utf-8"))["documents"]
    plans = []
    for doc in manifest:
        truth = json.loads((source / (doc["path"] + ".truth.json")).read_text(encoding="utf-8"))
        if doc["format"] == "pdf" and truth.get("task_rows"):
            plans.append((doc, truth))
    entries = []
    for k, (doc, truth) in enumerate(plans):
        for r in range(readings):
            spec = READINGS[(k + 4 * r) % len(READINGS)]
            variant = f"{doc['variant']}-{reading_name(spec)}"
            rel = Path(doc["family"]) / f"{doc['instance']}-{variant}.txt"
            target = out / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            # The degradation's random source is named by the dump and the seed, as make_corpus's are.
            target.write_text(ocr_pdf(source / doc["path"], spec, f"{target.stem}/seed{seed}"), encoding="utf-8")
            data = dict(truth, format="txt", variant=variant, ocr_dump=True)
            target.with_name(target.name + ".truth.json").write_text(
                json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
            )
            entries.append(dict(doc, path=rel.as_posix(), format="txt", variant=variant))
            print(rel.as_posix(), flush=True)
    return entries


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, required=True, help="a corpus made with --formats pdf")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--readings", type=int, default=1, choices=(1, 2), help="readings per plan PDF")
    args = parser.parse_args(argv)
    manifest = json.loads((args.source / "manifest.json").read_text(encoding="utf-8"))
    seeds = {d.get("seed", 0) for d in manifest["documents"]}
    entries = plan_dumps(args.source, args.out, max(seeds, default=0), args.readings)
    listed = {"generator_version": manifest.get("generator_version", 1), "documents": entries}
    (args.out / "manifest.json").write_text(json.dumps(listed, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(entries)} plan dumps in {args.out}")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    sys.exit(main(sys.argv[1:]))
