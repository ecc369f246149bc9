#!/usr/bin/env python3
"""Build the Vietnamese repair model's data files from clean text the project ships.

Reads the clean seeds (000, 001, 002, 004; seed 003 is the mangled OCR dump and is never used)
and the CCHC phrase catalogue; holds out every fifth long line of each seed for the benchmark
(written to ``benchmarks/data/heldout_seeds.txt`` and never counted); writes

- ``normalize/vietnamese/data/syllables.txt``: the syllable inventory (Debian hunspell-vi's
  vi_VN.dic filtered to syllables, plus the syllables of the training text), one per line;
- ``normalize/vietnamese/data/ngrams.tsv``: ``order<TAB>count<TAB>units`` for 1..3-grams.

Run from the repository root: ``python tools/build_repair_model.py``.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from normalize.text import strip_markup  # noqa: E402
from normalize.vietnamese.syllable import is_syllable_shape, normalize_syllable  # noqa: E402
from normalize.vietnamese.tokens import BOS, EOS, lm_segments  # noqa: E402

HUNSPELL = Path("/usr/share/hunspell/vi_VN.dic")
TRAIN_SEEDS = ("000_", "001_", "002_", "004_")
HOLDOUT_EVERY = 5
HOLDOUT_MIN_SYLLABLES = 8
DATA = ROOT / "normalize" / "vietnamese" / "data"


def seed_lines() -> list[tuple[str, str]]:
    out = []
    for path in sorted((ROOT / "samples").glob("*.txt")):
        if path.name.startswith(TRAIN_SEEDS):
            for raw in path.read_text(encoding="utf-8").splitlines():
                text = strip_markup(raw.replace("|", " ").lstrip("#>-+* "))
                if text:
                    out.append((path.name, text))
    return out


def catalogue_lines() -> list[str]:
    lines = (DATA / "cchc_phrases.txt").read_text(encoding="utf-8").splitlines()
    return [ln for ln in lines if ln.strip() and not ln.startswith("#")]


def main() -> None:
    train: list[str] = []
    heldout: list[str] = []
    long_index: Counter[str] = Counter()
    for name, text in seed_lines():
        n_syll = sum(len(s) for s in lm_segments(text))
        if n_syll >= HOLDOUT_MIN_SYLLABLES:
            long_index[name] += 1
            if long_index[name] % HOLDOUT_EVERY == 0 and _all_syllables(text):
                heldout.append(text)
                continue
        train.append(text)
    train += catalogue_lines()

    counts: Counter[tuple[str, ...]] = Counter()
    syllables: set[str] = set()
    for text in train:
        for seg in lm_segments(text):
            units = [BOS, BOS] + seg + [EOS]
            syllables.update(u for u in seg if not u.startswith("<"))
            for n in (1, 2, 3):
                for i in range(2, len(units) - n + 1 + (0 if n == 1 else 0)):
                    gram = tuple(units[i - n + 1 : i + 1]) if n > 1 else (units[i],)
                    counts[gram] += 1
    if HUNSPELL.exists():
        for entry in HUNSPELL.read_text(encoding="utf-8").splitlines()[1:]:
            word = normalize_syllable(entry.strip().lower())
            if word and " " not in word and is_syllable_shape(word):
                syllables.add(word)

    (DATA / "syllables.txt").write_text("\n".join(sorted(syllables)) + "\n", encoding="utf-8")
    with open(DATA / "ngrams.tsv", "w", encoding="utf-8") as fh:
        for gram, c in sorted(counts.items(), key=lambda kv: (len(kv[0]), kv[0])):
            fh.write(f"{len(gram)}\t{c}\t{' '.join(gram)}\n")
    bench = ROOT / "benchmarks" / "data"
    bench.mkdir(parents=True, exist_ok=True)
    (bench / "heldout_seeds.txt").write_text("\n".join(heldout) + "\n", encoding="utf-8")
    print(f"train lines {len(train)}, held out {len(heldout)}, syllables {len(syllables)}, n-grams {len(counts)}")


def _all_syllables(text: str) -> bool:
    """Held-out lines must be clean Vietnamese: every lower-case word a syllable."""
    for piece in text.split():
        core = piece.strip(".,;:!?()[]\"“”'…-")
        if core and core.isalpha() and not core.isupper() and not is_syllable_shape(core):
            return False
    return True


if __name__ == "__main__":
    main()
