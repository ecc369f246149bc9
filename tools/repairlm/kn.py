"""Interpolated Kneser–Ney trigram models, one per source, mixed linearly and written as one
back-off model (the static mixture SRILM's ``-mix-lm`` writes): the mixture's probability for
every kept n-gram, a back-off weight per context so that each distribution still sums to one.

Weights are tuned by EM on a development split made of whole documents.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from normalize.vietnamese.tokens import BOS, EOS, lm_segments


def padded_segments(lines: Iterable[str]) -> Iterable[list[str]]:
    """Every context run of every line, padded ``<s> <s> ... </s>``: the last position of a
    segment is counted like any other (the bigram ending in ``</s>`` included)."""
    for line in lines:
        for seg in lm_segments(line):
            yield [BOS, BOS, *seg, EOS]


def trigram_counts(lines: Iterable[str]) -> Counter[tuple[str, str, str]]:
    counts: Counter[tuple[str, str, str]] = Counter()
    for units in padded_segments(lines):
        for i in range(2, len(units)):
            counts[(units[i - 2], units[i - 1], units[i])] += 1
    return counts


def _discount(counts: Iterable[int]) -> float:
    """Ney's estimate D = n1 / (n1 + 2 n2), kept inside (0.1, 0.95)."""
    n1 = n2 = 0
    for c in counts:
        n1 += c == 1
        n2 += c == 2
    if n1 == 0:
        return 0.5
    return min(0.95, max(0.1, n1 / (n1 + 2 * n2)))


class SourceLM:
    """Interpolated Kneser–Ney over one source's trigram counts; ``vocab`` is the size of the
    inventory the unigram level spreads its reserved mass over."""

    def __init__(self, name: str, c3: Counter[tuple[str, str, str]], vocab: int):
        self.name = name
        self.c3 = c3
        self.ctx3: Counter[tuple[str, str]] = Counter()
        self.n3: Counter[tuple[str, str]] = Counter()
        cont2: Counter[tuple[str, str]] = Counter()
        for (a, b, c), k in c3.items():
            self.ctx3[(a, b)] += k
            self.n3[(a, b)] += 1
            cont2[(b, c)] += 1
        self.cont2 = cont2
        self.ctx2: Counter[str] = Counter()
        self.n2: Counter[str] = Counter()
        cont1: Counter[str] = Counter()
        for (b, c), k in cont2.items():
            self.ctx2[b] += k
            self.n2[b] += 1
            cont1[c] += 1
        self.cont1 = cont1
        self.tot1 = sum(cont1.values())
        self.d3 = _discount(c3.values())
        self.d2 = _discount(cont2.values())
        self.d1 = _discount(cont1.values())
        self.uniform = 1.0 / vocab
        self.reserve1 = self.d1 * len(cont1) / self.tot1

    def p1(self, c: str) -> float:
        return max(self.cont1.get(c, 0) - self.d1, 0.0) / self.tot1 + self.reserve1 * self.uniform

    def p2(self, b: str, c: str) -> float:
        n = self.ctx2.get(b)
        if not n:
            return self.p1(c)
        return (max(self.cont2.get((b, c), 0) - self.d2, 0.0) + self.d2 * self.n2[b] * self.p1(c)) / n

    def p3(self, a: str, b: str, c: str) -> float:
        n = self.ctx3.get((a, b))
        if not n:
            return self.p2(b, c)
        return (max(self.c3.get((a, b, c), 0) - self.d3, 0.0) + self.d3 * self.n3[(a, b)] * self.p2(b, c)) / n


def tune_weights(models: list[SourceLM], dev_lines: list[str], rounds: int = 40) -> list[float]:
    """EM on the development documents' trigram events: the weights maximising their likelihood."""
    events = [(u[i - 2], u[i - 1], u[i]) for u in padded_segments(dev_lines) for i in range(2, len(u))]
    probs = [[m.p3(a, b, c) for m in models] for a, b, c in events]
    lam = [1.0 / len(models)] * len(models)
    for _ in range(rounds):
        acc = [0.0] * len(models)
        for ps in probs:
            z = sum(w * p for w, p in zip(lam, ps))
            for k, (w, p) in enumerate(zip(lam, ps)):
                acc[k] += w * p / z
        lam = [a / len(probs) for a in acc]
    return lam


def perplexity(models: list[SourceLM], lam: list[float], lines: list[str]) -> float:
    total = n = 0.0
    for u in padded_segments(lines):
        for i in range(2, len(u)):
            total += math.log(sum(w * m.p3(u[i - 2], u[i - 1], u[i]) for w, m in zip(lam, models)))
            n += 1
    return math.exp(-total / max(n, 1))


@dataclass
class BackoffModel:
    """log-probabilities (natural) and back-off weights of the mixture, by n-gram."""

    uni: dict[str, float]
    bi: dict[tuple[str, str], float]
    tri: dict[tuple[str, str, str], float]
    bow1: dict[str, float]
    bow2: dict[tuple[str, str], float]


def mix(models: list[SourceLM], lam: list[float], vocab: list[str], keep_tri, keep_bi) -> BackoffModel:
    """The mixture as a back-off model over ``vocab``; ``keep_tri``/``keep_bi`` say which n-grams
    are stored (the others are reached through back-off)."""
    pairs = list(zip(lam, models))
    uni = {c: sum(w * m.p1(c) for w, m in pairs) for c in vocab}

    def p2(b: str, c: str) -> float:
        return sum(w * m.p2(b, c) for w, m in pairs)

    tri_grams = {g for m in models for g in m.c3 if keep_tri(m.name, g, m.c3[g])}
    # Every suffix of a stored trigram is stored: the back-off weights below assume it.
    bi_grams = {bc for m in models for bc in m.cont2 if keep_bi(m.name, bc, m.cont2[bc])}
    bi_grams |= {(b, c) for _a, b, c in tri_grams}
    tri = {(a, b, c): math.log(sum(w * m.p3(a, b, c) for w, m in pairs)) for a, b, c in tri_grams}
    bi = {(b, c): math.log(p2(b, c)) for b, c in bi_grams}
    # Back-off weights: the mass the stored n-grams of a context leave, over the mass the lower
    # order gives the words not stored.
    seen3: dict[tuple[str, str], tuple[float, float]] = {}
    for (a, b, c), lp in tri.items():
        hi, lo = seen3.get((a, b), (0.0, 0.0))
        seen3[(a, b)] = (hi + math.exp(lp), lo + math.exp(bi[(b, c)]))
    bow2 = {ctx: _bow(hi, lo) for ctx, (hi, lo) in seen3.items()}
    seen2: dict[str, tuple[float, float]] = {}
    for (b, c), lp in bi.items():
        hi, lo = seen2.get(b, (0.0, 0.0))
        seen2[b] = (hi + math.exp(lp), lo + uni.get(c, 0.0))
    bow1 = {b: _bow(hi, lo) for b, (hi, lo) in seen2.items()}
    return BackoffModel({c: math.log(p) for c, p in uni.items()}, bi, tri, bow1, bow2)


def _bow(hi: float, lo: float) -> float:
    return math.log(max(1e-6, 1.0 - hi) / max(1e-6, 1.0 - lo))
