"""The repair model's data: syllable inventory, key index, n-gram language model, names, catalogue.

Everything is read once from ``data/`` (built by ``tools/build_repair_model.py``) into an
immutable ``RepairModel``; ``load_model()`` caches it (read-only, so sharing is safe).

The language model is a back-off trigram model over syllables, ``<num>`` and ``<x>``: the static
mixture of interpolated Kneser–Ney models of separate sources (domain text, generated corpus,
general Vietnamese, a word list, a gazetteer; see ``data/README.md``). Units are integer ids;
an n-gram's key packs its ids 16 bits apart.
"""

from __future__ import annotations

import json
import sys
import zlib
from array import array
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import accumulate
from pathlib import Path

from .syllable import fold
from .tokens import ABBR, BOS, EOS, NUM, parse_token

DATA = Path(__file__).with_name("data")
SPECIALS = (BOS, EOS, NUM, ABBR)  # ids 0..3, in the order the build writes them
QUANT = 100.0  # log-probabilities are stored as round(lp * QUANT)
LM_FILE = "lm.bin"
# lm.bin: a JSON header line (array name → typecode and length), then the arrays' bytes
# (little-endian), the whole zlib-compressed. Read with the standard library only: numpy's
# import alone costs a one-line conversion a tenth of a second.
_TYPECODES = {"int16": "h", "int64": "q"}


def write_arrays(path: Path, arrays: dict) -> None:
    """Write numpy arrays (int16/int64) as ``lm.bin`` (used by tools/build_repair_model.py)."""
    header = {name: [_TYPECODES[str(a.dtype)], int(a.size)] for name, a in arrays.items()}
    payload = (
        json.dumps(header).encode()
        + b"\n"
        + b"".join(a.astype(a.dtype.newbyteorder("<")).tobytes() for a in arrays.values())
    )
    path.write_bytes(zlib.compress(payload, 9))


def read_arrays(path: Path) -> dict[str, array]:
    raw = zlib.decompress(path.read_bytes())
    head, _, body = raw.partition(b"\n")
    out = {}
    pos = 0
    for name, (code, size) in json.loads(head).items():
        a = array(code)
        n = size * a.itemsize
        a.frombytes(body[pos : pos + n])
        if sys.byteorder == "big":
            a.byteswap()
        pos += n
        out[name] = a
    return out


@dataclass(frozen=True)
class LMSettings:
    left_contexts: int = 12  # substitutes tried for a corrupted prefix ("Son|chính")


@dataclass(frozen=True)
class CataloguePhrase:
    text: str
    cores: tuple[str, ...]  # token cores as written (accented)
    folded: str  # diacritic-free, space-joined cores
    keys: frozenset[str]  # its distinct folded tokens


def _table(z: dict[str, array], keys: str, values: str) -> dict[int, float]:
    k = accumulate(z[keys])  # stored as differences of the sorted keys
    return dict(zip(k, (v / QUANT for v in z[values])))


class RepairModel:
    """Syllables by key, and the back-off trigram model (``score_ids`` / ``score``)."""

    def __init__(self, settings: LMSettings = LMSettings()):
        self.settings = settings
        inventory = (DATA / "syllables.txt").read_text(encoding="utf-8").split()
        self.vocab: tuple[str, ...] = SPECIALS + tuple(inventory)
        self.ids = {u: i for i, u in enumerate(self.vocab)}
        self.syllables = frozenset(inventory)
        z = read_arrays(DATA / LM_FILE)
        self.uni: list[float] = [v / QUANT for v in z["uni"]]
        self.bow1: list[float] = [v / QUANT for v in z["bow1"]]
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

    def left_of(self, tail: str) -> tuple[str, ...]:
        """Syllables most often seen before ``tail``: substitutes for a corrupted first half of a
        compound ("Son|chính" → "tài chính"), by joint probability. Looked up per tail (a few
        per document) rather than indexed for all 128k bigrams at load."""
        return self._left_of(tail)

    @lru_cache(maxsize=4096)  # noqa: B019  the model lives as long as the process (load_model)
    def _left_of(self, tail: str) -> tuple[str, ...]:
        c = self.ids.get(tail)
        if c is None:
            return ()
        bi, uni = self.bi, self.uni
        scored = []
        for b in range(len(SPECIALS), len(self.vocab)):
            lp = bi.get((b << 16) | c)
            if lp is not None:
                scored.append((lp + uni[b], b))
        scored.sort(reverse=True)
        return tuple(self.vocab[b] for _s, b in scored[: self.settings.left_contexts])

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

    @cached_property
    def name_pair_ids(self) -> frozenset[int]:
        """``name_pairs`` as packed unit ids (the decoder's keys)."""
        ids = self.ids
        return frozenset((ids[a] << 16) | ids[b] for a, b in self.name_pairs if a in ids and b in ids)

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
