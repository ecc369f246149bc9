"""The repair model's data: syllable inventory, key index, n-gram language model, catalogue.

Everything is read once from ``data/`` (built by ``tools/build_repair_model.py``) into an
immutable ``RepairModel``; ``load_model()`` caches it (read-only, so sharing is safe).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .syllable import fold
from .tokens import BOS, parse_token

DATA = Path(__file__).with_name("data")


@dataclass(frozen=True)
class LMSettings:
    backoff: float = 0.4  # stupid backoff factor per order dropped
    unseen_count: float = 0.05  # pseudo-count of an inventory syllable never seen in training
    left_contexts: int = 12  # substitutes tried for a corrupted prefix ("Son|chính")


@dataclass(frozen=True)
class CataloguePhrase:
    text: str
    cores: tuple[str, ...]  # token cores as written (accented)
    folded: str  # diacritic-free, space-joined cores
    keys: frozenset[str]  # its distinct folded tokens


class RepairModel:
    """Syllables by key, and a trigram stupid-backoff model over syllables/<num>/<x>."""

    def __init__(self, settings: LMSettings = LMSettings()):
        self.settings = settings
        counts: dict[int, dict[tuple[str, ...], int]] = {1: {}, 2: {}, 3: {}}
        for line in (DATA / "ngrams.tsv").read_text(encoding="utf-8").splitlines():
            order, count, gram = line.split("\t")
            counts[int(order)][tuple(gram.split(" "))] = int(count)
        syllables = set((DATA / "syllables.txt").read_text(encoding="utf-8").split())
        self.syllables = frozenset(syllables)
        uni = counts[1]
        total = sum(uni.values())
        vocab = len(syllables | {g[0] for g in uni})
        denom = total + settings.unseen_count * vocab
        self.uni_lp = {w: math.log((uni.get((w,), 0) + settings.unseen_count) / denom) for w in syllables}
        for (w,), c in uni.items():
            self.uni_lp[w] = math.log((c + settings.unseen_count) / denom)
        self.floor_lp = math.log(settings.unseen_count / denom)
        ctx1: dict[str, int] = {}
        for (a, _b), c in counts[2].items():
            ctx1[a] = ctx1.get(a, 0) + c
        ctx2: dict[tuple[str, str], int] = {}
        for (a, b, _c), c in counts[3].items():
            ctx2[(a, b)] = ctx2.get((a, b), 0) + c
        self.bi_lp = {g: math.log(c / ctx1[g[0]]) for g, c in counts[2].items()}
        self.tri_lp = {g: math.log(c / ctx2[(g[0], g[1])]) for g, c in counts[3].items()}
        self.back1 = math.log(settings.backoff)
        self.back2 = 2 * math.log(settings.backoff)
        # Syllables by diacritic-free key, most frequent first.
        by_key: dict[str, list[str]] = {}
        for s in sorted(syllables):  # sorted: ties must not depend on the hash seed
            by_key.setdefault(fold(s), []).append(s)
        self.by_key = {
            k: tuple(sorted(v, key=lambda s: (-self.uni_lp.get(s, self.floor_lp), s))) for k, v in by_key.items()
        }
        # Words seen before a syllable: substitutes for a corrupted first half of a compound.
        left: dict[str, list[tuple[int, str]]] = {}
        for (a, b), c in counts[2].items():
            if a in syllables:
                left.setdefault(b, []).append((c, a))
        self.left_of = {
            b: tuple(a for _c, a in sorted(v, reverse=True)[: settings.left_contexts]) for b, v in left.items()
        }
        self.catalogue = _load_catalogue()

    def score(self, a: str, b: str, c: str) -> float:
        """log P(c | a b), stupid backoff."""
        lp = self.tri_lp.get((a, b, c))
        if lp is not None:
            return lp
        lp = self.bi_lp.get((b, c))
        if lp is not None:
            return self.back1 + lp
        return self.back2 + self.uni_lp.get(c, self.floor_lp)

    def is_syllable(self, low: str) -> bool:
        return low in self.syllables


def _load_catalogue() -> tuple[CataloguePhrase, ...]:
    phrases = []
    for line in (DATA / "cchc_phrases.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cores = tuple(parse_token(t).core for t in line.split())
        if len(cores) >= 3 and all(cores):
            folded = " ".join(fold(c) for c in cores)
            phrases.append(CataloguePhrase(line, cores, folded, frozenset(folded.split(" "))))
    return tuple(phrases)


@lru_cache(maxsize=1)
def load_model() -> RepairModel:
    return RepairModel()


__all__ = ["RepairModel", "LMSettings", "load_model", "BOS"]
