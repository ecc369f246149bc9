"""The repair model's data: syllable inventory, key index, n-gram language model, names, catalogue.

Everything is read once from ``data/`` (built by ``tools/build_repair_model.py``) into an
immutable ``RepairModel``; ``load_model()`` caches it (read-only, so sharing is safe).

The language model is a back-off trigram model over syllables, ``<num>`` and ``<x>``: the static
mixture of interpolated Kneser–Ney models of separate sources (domain text, generated corpus,
general Vietnamese, a word list, a gazetteer; see ``data/README.md``). Units are integer ids;
an n-gram's key packs its ids 16 bits apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np

from .syllable import fold
from .tokens import ABBR, BOS, EOS, NUM, parse_token

DATA = Path(__file__).with_name("data")
SPECIALS = (BOS, EOS, NUM, ABBR)  # ids 0..3, in the order the build writes them
QUANT = 100.0  # log-probabilities are stored as round(lp * QUANT)


@dataclass(frozen=True)
class LMSettings:
    left_contexts: int = 12  # substitutes tried for a corrupted prefix ("Son|chính")


@dataclass(frozen=True)
class CataloguePhrase:
    text: str
    cores: tuple[str, ...]  # token cores as written (accented)
    folded: str  # diacritic-free, space-joined cores
    keys: frozenset[str]  # its distinct folded tokens


def _table(z, keys: str, values: str) -> dict[int, float]:
    k = np.cumsum(z[keys]).tolist()  # stored as differences of the sorted keys
    v = (z[values].astype(np.float64) / QUANT).tolist()
    return dict(zip(k, v))


class RepairModel:
    """Syllables by key, and the back-off trigram model (``score_ids`` / ``score``)."""

    def __init__(self, settings: LMSettings = LMSettings()):
        self.settings = settings
        inventory = (DATA / "syllables.txt").read_text(encoding="utf-8").split()
        self.vocab: tuple[str, ...] = SPECIALS + tuple(inventory)
        self.ids = {u: i for i, u in enumerate(self.vocab)}
        self.syllables = frozenset(inventory)
        with np.load(DATA / "lm.npz") as z:
            self.uni: list[float] = (z["uni"].astype(np.float64) / QUANT).tolist()
            self.bow1: list[float] = (z["bow1"].astype(np.float64) / QUANT).tolist()
            self.bi = _table(z, "bi_keys", "bi_lp")
            self.bow2 = _table(z, "bow2_keys", "bow2")
            self.tri = _table(z, "tri_keys", "tri_lp")
        self.uni_lp = {u: self.uni[i] for i, u in enumerate(self.vocab)}
        self.floor_lp = min(self.uni)
        # Syllables by diacritic-free key, most frequent first (sorted: ties must not depend on
        # the hash seed). Every inventory syllable is a candidate for its key: none is pruned.
        by_key: dict[str, list[str]] = {}
        for s in inventory:
            by_key.setdefault(fold(s), []).append(s)
        self.by_key = {k: tuple(sorted(v, key=lambda s: (-self.uni_lp[s], s))) for k, v in by_key.items()}
        self.catalogue = _load_catalogue()

    def score_ids(self, a: int, b: int, c: int) -> float:
        """log P(c | a b) by ids."""
        lp = self.tri.get((a << 32) | (b << 16) | c)
        if lp is not None:
            return lp
        back = self.bow2.get((a << 16) | b, 0.0)
        lp = self.bi.get((b << 16) | c)
        if lp is not None:
            return back + lp
        return back + self.bow1[b] + self.uni[c]

    def unit_id(self, unit: str) -> int | None:
        return self.ids.get(unit)

    def score(self, a: str, b: str, c: str) -> float:
        """log P(c | a b); a unit outside the vocabulary scores as the rarest syllable."""
        ids = self.ids
        ia, ib, ic = ids.get(a, 0), ids.get(b, 0), ids.get(c)
        if ic is None:
            return self.floor_lp
        return self.score_ids(ia, ib, ic)

    def bigram(self, b: str, c: str) -> float:
        """log P(c | b) without a second word of context."""
        ids = self.ids
        ib, ic = ids.get(b, 0), ids.get(c)
        if ic is None:
            return self.floor_lp
        lp = self.bi.get((ib << 16) | ic)
        return lp if lp is not None else self.bow1[ib] + self.uni[ic]

    @cached_property
    def left_of(self) -> dict[str, tuple[str, ...]]:
        """Syllables most often seen before a syllable: substitutes for a corrupted first half
        of a compound ("Son|chính" → "tài chính"), by joint probability."""
        left: dict[int, list[tuple[float, int]]] = {}
        uni = self.uni
        for key, lp in self.bi.items():
            b, c = key >> 16, key & 0xFFFF
            if b >= len(SPECIALS):
                left.setdefault(c, []).append((lp + uni[b], b))
        n = self.settings.left_contexts
        return {self.vocab[c]: tuple(self.vocab[b] for _s, b in sorted(v, reverse=True)[:n]) for c, v in left.items()}

    @cached_property
    def names(self) -> frozenset[str]:
        """Administrative unit names (gazetteer, before and after the 2025 merger), as written."""
        return frozenset(ln.strip() for ln in (DATA / "names.txt").read_text(encoding="utf-8").splitlines() if ln)

    @cached_property
    def name_pairs(self) -> frozenset[tuple[str, str]]:
        """Consecutive lower-case syllables inside a gazetteer name ("ngọc", "kỳ")."""
        out: set[tuple[str, str]] = set()
        for name in self.names:
            parts = name.lower().split()
            out.update(zip(parts, parts[1:]))
        return frozenset(out)

    @cached_property
    def phrases_with(self) -> dict[str, tuple[int, ...]]:
        """Catalogue phrases by the folded tokens they contain."""
        index: dict[str, list[int]] = {}
        for pidx, phrase in enumerate(self.catalogue):
            for key in phrase.keys:
                index.setdefault(key, []).append(pidx)
        return {k: tuple(v) for k, v in index.items()}

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


__all__ = ["RepairModel", "LMSettings", "load_model", "BOS", "EOS"]
