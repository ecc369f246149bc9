"""The repair model's data: syllable inventory, key index, n-gram language model, names, catalogue.

Everything is read once from ``data/`` (built by ``tools/build_repair_model.py``) into an
immutable ``RepairModel``; ``load_model()`` caches it (read-only, so sharing is safe).

The language model is a back-off trigram model over syllables, ``<num>`` and ``<x>``: the static
mixture of interpolated Kneser–Ney models of separate sources (domain text, generated corpus,
general Vietnamese, a word list, a gazetteer; see ``data/README.md``). Units are integer ids;
an n-gram's key packs its ids 16 bits apart. The tables are kept as the sorted arrays they are
stored as, and read per context (``bi_context``, ``tri_context``) when first needed.
"""

from __future__ import annotations

import json
import sys
import zlib
from array import array
from bisect import bisect_left
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


def _keys(z: dict[str, array], name: str) -> array:
    """Sorted packed n-gram keys (stored as differences): bisected, never turned into a dict."""
    return array("q", accumulate(z[name]))


# A context's successors: by unit id (``flat``), and grouped by the diacritic-free key of the
# unit (``groups``), so that the decoder meets only the successors among a token's candidates.
Successors = tuple[dict[int, float], dict[int, tuple[tuple[int, float], ...]]]
_NO_SUCCESSORS: Successors = ({}, {})  # shared: never mutated


class RepairModel:
    """Syllables by key, and the back-off trigram model (``score_ids`` / ``score``).

    The n-gram tables stay sorted arrays: a context's successors are read (bisected) the first
    time the context is met and kept. Turning all 460k n-grams into dicts at load would cost a
    whole-process repair run more than a third of its time; a document meets a few thousand."""

    def __init__(self, settings: LMSettings = LMSettings()):
        self.settings = settings
        inventory = (DATA / "syllables.txt").read_text(encoding="utf-8").split()
        self.vocab: tuple[str, ...] = SPECIALS + tuple(inventory)
        self.ids = {u: i for i, u in enumerate(self.vocab)}
        self.syllables = frozenset(inventory)
        z = read_arrays(DATA / LM_FILE)
        self.uni: list[float] = [v / QUANT for v in z["uni"]]
        self.bow1: list[float] = [v / QUANT for v in z["bow1"]]
        self._bi_keys, self._bi_lp = _keys(z, "bi_keys"), z["bi_lp"]
        self._bow2_keys, self._bow2 = _keys(z, "bow2_keys"), z["bow2"]
        self._tri_keys, self._tri_lp = _keys(z, "tri_keys"), z["tri_lp"]
        # Contexts read so far, by packed ids (the decoder looks here before calling
        # ``bi_context``/``tri_context``); read-only outside this class.
        self.bi_contexts: dict[int, Successors] = {}
        self.tri_contexts: dict[int, tuple[float, dict[int, float], dict[int, tuple[tuple[int, float], ...]]]] = {}
        self.uni_lp = {u: self.uni[i] for i, u in enumerate(self.vocab)}
        self.floor_lp = min(self.uni)
        # Syllables by diacritic-free key, most frequent first (sorted: ties must not depend on
        # the hash seed). Every inventory syllable is a candidate for its key: none is pruned.
        by_key: dict[str, list[str]] = {}
        for s in inventory:
            by_key.setdefault(fold(s), []).append(s)
        self.by_key = {k: tuple(sorted(v, key=lambda s: (-self.uni_lp[s], s))) for k, v in by_key.items()}
        # Per unit id, the id of its diacritic-free key (the specials are keys of their own).
        key_ids = {k: i for i, k in enumerate(SPECIALS + tuple(by_key))}
        self.key_of: list[int] = [key_ids[u] if u in SPECIALS else key_ids[fold(u)] for u in self.vocab]
        self.key_id = key_ids
        self.catalogue = _load_catalogue()

    def _successors(self, keys: array, lps: array, base: int, width: int) -> Successors:
        lo = bisect_left(keys, base)
        hi = bisect_left(keys, base + width, lo)
        if lo == hi:
            return _NO_SUCCESSORS  # most contexts a decoder meets have no stored trigram
        flat = {k & 0xFFFF: lp / QUANT for k, lp in zip(keys[lo:hi], lps[lo:hi])}
        groups: dict[int, list[tuple[int, float]]] = {}
        key_of = self.key_of
        for u, lp in flat.items():
            groups.setdefault(key_of[u], []).append((u, lp))
        return flat, {k: tuple(v) for k, v in groups.items()}

    def bi_context(self, b: int) -> Successors:
        """Bigram successors of unit ``b``: log P(c | b) where stored."""
        ctx = self.bi_contexts.get(b)
        if ctx is None:
            ctx = self.bi_contexts[b] = self._successors(self._bi_keys, self._bi_lp, b << 16, 1 << 16)
        return ctx

    def tri_context(self, a: int, b: int) -> tuple[float, dict[int, float], dict[int, tuple[tuple[int, float], ...]]]:
        """(back-off weight of ``a b``, its trigram successors by id, by key)."""
        ab = (a << 16) | b
        ctx = self.tri_contexts.get(ab)
        if ctx is None:
            i = bisect_left(self._bow2_keys, ab)
            back = self._bow2[i] / QUANT if i < len(self._bow2_keys) and self._bow2_keys[i] == ab else 0.0
            flat, groups = self._successors(self._tri_keys, self._tri_lp, ab << 16, 1 << 16)
            ctx = self.tri_contexts[ab] = (back, flat, groups)
        return ctx

    def score_ids(self, a: int, b: int, c: int) -> float:
        """log P(c | a b) by ids."""
        back, flat, _groups = self.tri_context(a, b)
        lp = flat.get(c)
        if lp is not None:
            return lp
        lp = self.bi_context(b)[0].get(c)
        if lp is not None:
            return back + lp
        return back + self.bow1[b] + self.uni[c]

    def bigram_ids(self, b: int, c: int) -> float:
        """log P(c | b) by ids."""
        lp = self.bi_context(b)[0].get(c)
        return lp if lp is not None else self.bow1[b] + self.uni[c]

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
        return self.bigram_ids(ib, ic)

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
        uni = self.uni
        scored = [(lp + uni[b], b) for b, lp in self._predecessors.get(c, ()) if b >= len(SPECIALS)]
        scored.sort(reverse=True)
        return tuple(self.vocab[b] for _s, b in scored[: self.settings.left_contexts])

    @cached_property
    def _predecessors(self) -> dict[int, list[tuple[int, float]]]:
        """Per unit id, the units stored before it in a bigram, with log P(c | b): one pass over
        the bigrams, the first time a corrupted compound is met."""
        out: dict[int, list[tuple[int, float]]] = {}
        for key, lp in zip(self._bi_keys, self._bi_lp):
            out.setdefault(key & 0xFFFF, []).append((key >> 16, lp / QUANT))
        return out

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
