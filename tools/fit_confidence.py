#!/usr/bin/env python3
"""Fit the weights of the calibrated value confidence (``cchc_extract/reconcile/confidence.py``).

Reads the corpus (``tools/make_corpus.py``) and the outputs ``benchmarks/generalisation --keep``
wrote for it. Every value of every document of the fitting split is an example, labelled right or
wrong against the truth (via ``benchmarks/corpus_scoring``); and since typed documents are read
almost without error, each document is also copied ``--copies`` times with one value misread as
OCR and parsing misread them (one digit taken for a look-alike, a lost decimal mark, a cell lost so
the row reads it blank), checks re-run, the damaged value labelled wrong. A logistic regression
(L2, Newton's method) over the evidence gives the weights, printed as ``ConfidenceSettings``
arguments; the reliability of the fitted confidence is printed for both splits.

    python3 tools/fit_confidence.py --corpus /tmp/corpus --outputs /tmp/out [--fit dev --check heldout]

``--corpus``/``--outputs`` may be given several times, in pairs (corpora of several seeds fit
together). ``--fit-row`` fits the weight of the row's reading confidence too (corpora with OCR
dumps and scans in them have the evidence to weigh it).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.corpus_scoring import score_document  # noqa: E402
from benchmarks.queue_scoring import BUCKETS, bucket, resolve  # noqa: E402
from cchc_extract.reconcile import ReconcileSettings, check_relations  # noqa: E402
from cchc_extract.reconcile.confidence import value_features  # noqa: E402
from cchc_extract.reconcile.confidence_model import (  # noqa: E402
    FEATURES,
    SOURCE_KINDS,
    ConfidenceSettings,
    probability,
    score,
    source_kind,
)
from normalize.numbers import format_vn  # noqa: E402
from schemas.records import ExtractionResult, from_dict, to_dict  # noqa: E402

LOOK_ALIKE = dict(ReconcileSettings().ocr_digit_confusions)


def examples(
    output: dict, wrong: set[tuple[str, str]], skip: str = "", scored: set[tuple[str, str]] | None = None
) -> list[tuple[list[float], int]]:
    """(features, right) of every value of a converted document, its checks re-run; the other
    values of row ``skip`` left out (a cell lost on purpose: whether the row's other numbers would
    have moved with it, as OCR's losses move them, the copy cannot say). With ``scored``, only
    those values: a value of a row the truth has no match for is not known to be right."""
    result = from_dict(ExtractionResult, output)
    result.checks, result.review = [], []
    # The evidence as the pipeline weighs it: failed relations, before the confidence's own doubts
    # join the queue (the queue after ``reconcile`` would make "failed" mean "queued by the model").
    ledger = check_relations(result)
    out = []
    for key, f in value_features(result, ledger.checks, ledger.review, confirmed=ledger.confirmed).items():
        row = resolve(output, key[0]) or {}
        if (
            key[0].startswith("/score_tables/")
            and row.get("max_points") is None
            and row.get("self_points") is None
            and not f["missing"]
        ):
            continue  # a heading's blanks take the row's own confidence, not the model's
        if scored is not None and key not in scored and key not in wrong:
            continue
        if key[0] == skip and key in wrong:
            pass
        elif key[0] == skip:
            continue
        out.append(([f[name] for name in FEATURES], int(key not in wrong)))
    return out


def damaged(output: dict, rng: random.Random) -> tuple[dict, tuple[str, str]] | None:
    """A copy of ``output`` with one value misread; None when it has no value to damage."""
    cells = [
        (f"/score_tables/{ti}/rows/{ri}", f)
        for ti, t in enumerate(output.get("score_tables") or [])
        for ri, r in enumerate(t["rows"])
        for f in ("max_points", "self_points")
        if r.get(f) is not None
    ] + [
        (f"/statistics/{ai}/rows/{ri}", "value")
        for ai, a in enumerate(output.get("statistics") or [])
        for ri, r in enumerate(a["rows"])
        if r.get("value") is not None
    ]
    if not cells:
        return None
    data = json.loads(json.dumps(output))
    pointer, f = rng.choice(cells)
    _, kind, t, _, r = pointer.split("/")
    row = data[kind][int(t)]["rows"][int(r)]
    raw_key = f"{f}_raw" if kind == "score_tables" else "value_raw"
    raw = row.get(raw_key) or format_vn(row[f], 4)
    how = rng.choice(("digit", "decimal", "lost"))
    digits = [k for k, ch in enumerate(raw) if ch in LOOK_ALIKE]
    if how == "digit" and digits:
        k = rng.choice(digits)
        text = raw[:k] + LOOK_ALIKE[raw[k]] + raw[k + 1 :]
        data["source"]["method"] = "ocr"
    elif how == "decimal" and ("," in raw or "." in raw):
        text = raw.replace(",", "").replace(".", "")
        data["source"]["method"] = "ocr"
    else:
        text = ""
        if data["source"].get("method") in ("docx", "pdf-text"):
            # A typed grid loses no cell: a cell is lost where OCR or a line split read the row.
            data["source"]["method"] = "ocr"
    try:
        value = float(text.replace(",", ".")) if text else None
    except ValueError:
        return None
    if value is not None and abs(value - row[f]) < 1e-9:
        return None
    # A stat row's raw text is a string ("" for blank), a score cell's may be null.
    row[f], row[raw_key] = value, (text or None) if kind == "score_tables" else text
    if value is None:
        flag = {"max_points": "missing_max", "self_points": "missing_self"}.get(f, "missing_value")
        row["flags"] = [*row.get("flags", []), flag]
        row["confidence"] = max(0.0, row.get("confidence", 1.0) - 0.1)
    return data, (pointer, f)


def collect(corpus: Path, outputs: Path, split: str, copies: int, seed: int):
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    rng = random.Random(seed)
    real, planted = [], []
    for doc in manifest["documents"]:
        if split != "all" and doc.get("split") != split:
            continue
        path = outputs / (doc["path"] + ".json")
        if not path.is_file():
            continue
        output = json.loads(path.read_text(encoding="utf-8"))
        truth = json.loads((corpus / (doc["path"] + ".truth.json")).read_text(encoding="utf-8"))
        scored = score_document(truth, output)
        wrong = {(w["pointer"], w["field"]) for w in scored.get("wrong_values", [])}
        known = {(w["pointer"], w["field"]) for w in scored.get("scored_values", [])}
        real += examples(output, wrong, scored=known)
        for _ in range(copies):
            made = damaged(output, rng)
            if made is not None:
                data, cell = made
                lost = resolve(data, cell[0]) or {}
                skip = cell[0] if lost.get(cell[1]) is None else ""
                planted += [(x, y) for x, y in examples(data, wrong | {cell}, skip)]
    return real, planted


def fit_one(rows: list[tuple[list[float], int]], name: str, s: ConfidenceSettings, l2: float) -> float:
    """The weight of feature ``name`` alone, the others held at ``s``'s (Newton's method on one
    weight, the rest of the logistic sum an offset)."""
    k = FEATURES.index(name)
    held = replace(s, **{name: 0.0}, calibration=())
    z0 = np.array(
        [np.log(p / (1 - p)) for p in (np.clip(score(dict(zip(FEATURES, f)), held), 1e-12, 1 - 1e-12) for f, _ in rows)]
    )
    x = np.array([f[k] for f, _ in rows])
    y = np.array([label for _, label in rows], dtype=float)
    w = 0.0
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-np.clip(z0 + w * x, -30, 30)))
        grad = float(x @ (p - y)) + l2 * w
        hess = float((x * x) @ (p * (1 - p))) + l2 + 1e-9
        w -= grad / hess
        if abs(grad / hess) < 1e-9:
            break
    return w


def fit(rows: list[tuple[list[float], int]], l2: float, fit_row: bool = False) -> np.ndarray:
    """Weights (intercept first) of a logistic regression with L2, by Newton's method. The row's
    reading confidence enters as an offset (its logit, weight 1): the corpus has no scans, so
    how far OCR word confidence should count cannot be learnt from it; the segmenter's own
    account is taken as it is and the other evidence is fitted around it."""
    row = FEATURES.index("row")
    if fit_row:
        offset = np.zeros(len(rows))
        x = np.array([[1.0, *f] for f, _ in rows])
    else:
        offset = np.array([f[row] for f, _ in rows])
        x = np.array([[1.0, *(v for k, v in enumerate(f) if k != row)] for f, _ in rows])
    y = np.array([label for _, label in rows], dtype=float)
    w = np.zeros(x.shape[1])
    penalty = np.eye(x.shape[1]) * l2
    penalty[0, 0] = 0.0

    def loss(w: np.ndarray) -> float:
        z = np.clip(x @ w + offset, -30, 30)
        return float(np.sum(np.logaddexp(0, z) - y * z) + 0.5 * w @ penalty @ w)

    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w + offset, -30, 30)))
        grad = x.T @ (p - y) + penalty @ w
        hess = (x * (p * (1 - p))[:, None]).T @ x + penalty + 1e-6 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        t = 1.0  # halved until the loss goes down: Newton's full step overshoots far from the optimum
        while t > 1e-6 and loss(w - t * step) > loss(w):
            t /= 2
        w -= t * step
        if np.abs(t * step).max() < 1e-8:
            break
    return w if fit_row else np.insert(w, 1 + row, 1.0)


def wilson_lower(right: float, n: float, z: float) -> float:
    """The lower end of the Wilson score interval of a share ``right``/``n`` (z standard errors):
    what a block's share may well be on documents the fit did not see."""
    if n <= 0 or z <= 0:
        return right / n if n else 0.0
    p = right / n
    centre = p + z * z / (2 * n)
    spread = z * ((p * (1 - p) + z * z / (4 * n)) / n) ** 0.5
    return max(0.0, (centre - spread) / (1 + z * z / n))


def isotonic(
    rows: list[tuple[list[float], int]], s: ConfidenceSettings, knots: int = 12, z: float = 0.0, step: bool = False
) -> tuple:
    """Knots (score, share right) of the isotonic regression of the labels on the logistic score
    (pool adjacent violators over the distinct scores), at most ``knots`` blocks: each block's
    share at both ends of its scores, so that the map is flat across a block (a value takes its
    block's share, not a share drawn from the next block's) and linear only between blocks. With
    ``z``, each block's share is the lower end of its Wilson interval (``wilson_lower``): a block
    of a few dozen values all right on one seed is not taken for 100% on the next."""
    by_score: dict[float, list[float]] = {}
    for f, y in rows:
        x = round(score(dict(zip(FEATURES, f)), s), 4)
        by_score.setdefault(x, [0.0, 0.0])
        by_score[x][0] += y
        by_score[x][1] += 1
    blocks: list[list[float]] = []  # [labels right, count, lowest score, highest score]
    for x in sorted(by_score):
        right, n = by_score[x]
        blocks.append([right, n, x, x])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] >= blocks[-1][0] / blocks[-1][1]:
            last = blocks.pop()
            blocks[-1] = [blocks[-1][0] + last[0], blocks[-1][1] + last[1], blocks[-1][2], last[3]]
    while len(blocks) > knots:  # merge the pair of neighbours closest in share
        k = min(range(len(blocks) - 1), key=lambda i: blocks[i + 1][0] / blocks[i + 1][1] - blocks[i][0] / blocks[i][1])
        a, b = blocks[k], blocks[k + 1]
        blocks[k : k + 2] = [[a[0] + b[0], a[1] + b[1], a[2], b[3]]]
    out: list[tuple[float, float]] = []
    for k, (right, n, lo, hi) in enumerate(blocks):
        share = round(wilson_lower(right, n, z), 4)
        out += [(lo, share)] if lo == hi else [(lo, share), (hi, share)]
        if step and k + 1 < len(blocks) and blocks[k + 1][2] - hi > 2e-4:
            # No value of the fit scored between two blocks: such a value keeps the share of the
            # block under it (the isotonic fit is a step), not a share drawn towards the next.
            out.append((round(blocks[k + 1][2] - 1e-4, 4), share))
    return tuple(out)


def reliability(rows: list[tuple[list[float], int]], s: ConfidenceSettings, z: float = 1.96) -> list[str]:
    """Per confidence bucket: values, share right, and the lower end of its Wilson interval (``z``);
    '<' marks a bucket whose lower end is under the bucket's floor (over-confident)."""
    n = [0] * len(BUCKETS)
    right = [0] * len(BUCKETS)
    for f, label in rows:
        b = bucket(probability(dict(zip(FEATURES, f)), s))
        n[b] += 1
        right[b] += label
    out = []
    for i, edge in enumerate(BUCKETS):
        top = BUCKETS[i + 1] if i + 1 < len(BUCKETS) else 1.0
        share = f"{100.0 * right[i] / n[i]:6.1f}%" if n[i] else "     - "
        low = wilson_lower(right[i], n[i], z) if n[i] else 1.0
        mark = f" low {100.0 * low:5.1f}%{' <' if low < edge - 1e-9 else ''}" if n[i] else ""
        out.append(f"    [{edge:.2f}, {top:.2f}{']' if top == 1.0 else ')'} {n[i]:>7} {share}{mark}")
    return out


def by_kind(rows: list[tuple[list[float], int]]) -> dict[str, list[tuple[list[float], int]]]:
    """The rows of each kind of source (``SOURCE_KINDS``)."""
    out: dict[str, list[tuple[list[float], int]]] = {kind: [] for kind in SOURCE_KINDS}
    for f, y in rows:
        out[source_kind(dict(zip(FEATURES, f)))].append((f, y))
    return out


def calibrate(rows: list[tuple[list[float], int]], s: ConfidenceSettings, z: float, step: bool, per_source: bool):
    """``s`` with the calibration fitted on ``rows``: one map, or one per kind of source."""
    if not per_source:
        return replace(s, calibration=isotonic(rows, s, z=z, step=step))
    kinds = by_kind(rows)
    return replace(
        s,
        calibration=isotonic(kinds["typed"], s, z=z, step=step),
        calibration_scan=isotonic(kinds["scan"], s, z=z, step=step),
        calibration_dump=isotonic(kinds["dump"], s, z=z, step=step),
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, action="append", required=True)
    ap.add_argument("--outputs", type=Path, action="append", required=True, help="generalisation --keep folder")
    ap.add_argument("--fit", default="dev", help="split fitted on (dev, heldout, all)")
    ap.add_argument("--check", default="heldout", help="split checked on (dev, heldout, all)")
    ap.add_argument(
        "--check-corpus",
        type=Path,
        action="append",
        default=[],
        help="check on this corpus (another seed) instead of --corpus; in pairs with --check-outputs",
    )
    ap.add_argument("--check-outputs", type=Path, action="append", default=[])
    ap.add_argument("--copies", type=int, default=3, help="damaged copies per document")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--fit-row", action="store_true", help="fit the row confidence's weight too")
    ap.add_argument("--only", help="fit this feature's weight alone on the values as read, the rest held")
    ap.add_argument(
        "--calibrate-only", action="store_true", help="keep the weights of ConfidenceSettings, fit the calibration"
    )
    ap.add_argument(
        "--z", type=float, default=0.0, help="calibrate to the lower end of each block's Wilson interval (z)"
    )
    ap.add_argument("--step", action="store_true", help="a score between two blocks keeps the lower block's share")
    ap.add_argument("--per-source", action="store_true", help="a calibration per kind of source (typed, scan, dump)")
    args = ap.parse_args()
    if len(args.corpus) != len(args.outputs):
        ap.error("--corpus and --outputs go in pairs")
    if len(args.check_corpus) != len(args.check_outputs):
        ap.error("--check-corpus and --check-outputs go in pairs")
    pairs = list(zip(args.corpus, args.outputs, strict=True))
    check_pairs = list(zip(args.check_corpus, args.check_outputs, strict=True)) or pairs

    def gather(split: str, seed: int, pairs: list[tuple[Path, Path]] = pairs) -> tuple[list, list]:
        real: list = []
        planted: list = []
        for corpus, outputs in pairs:
            a, b = collect(corpus, outputs, split, args.copies, seed)
            real, planted = real + a, planted + b
        return real, planted

    real, planted = gather(args.fit, args.seed)
    if args.calibrate_only:
        s = ConfidenceSettings()
    elif args.only:
        s = replace(
            ConfidenceSettings(), **{args.only: round(fit_one(real, args.only, ConfidenceSettings(), args.l2), 3)}
        )
    else:
        w = fit(real + planted, args.l2, args.fit_row)
        s = replace(
            ConfidenceSettings(),
            intercept=round(float(w[0]), 3),
            **{n: round(float(v), 3) for n, v in zip(FEATURES, w[1:])},
        )
    s = calibrate(real, s, args.z, args.step, args.per_source)
    print(
        f"fitted on {args.fit}: {len(real)} values as read ({sum(1 - y for _, y in real)} wrong), "
        f"{len(planted)} in {args.copies} damaged copies per document ({sum(1 - y for _, y in planted)} wrong)"
    )
    print(
        "ConfidenceSettings("
        + ", ".join(
            f"{n}={getattr(s, n)}"
            for n in ("intercept", *FEATURES, "calibration", "calibration_scan", "calibration_dump")
        )
        + ")"
    )
    for split, (a, b) in (
        (args.fit, (real, planted)),
        (args.check, gather(args.check, args.seed + 1, check_pairs)),
    ):
        print(f"reliability on {split}, values as read ({len(a)}):")
        print("\n".join(reliability(a, s)))
        for kind, rows in by_kind(a).items():
            print(f"  {kind} ({len(rows)}):")
            print("\n".join(reliability(rows, s)))
        print(f"reliability on {split}, damaged copies ({len(b)}):")
        print("\n".join(reliability(b, s)))
    print(json.dumps(to_dict(s)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
