"""The repair model's data: syllable inventory, key index, n-gram language model, names, catalogue.

Everything is read once from ``data/`` (built by ``tools/build_repair_model.py``) into an
immutable ``RepairModel``; ``load_model()`` caches it (read-only, so sharing is safe).

The language model is a back-off trigram model over syllables, ``<num>`` and ``<x>``: the static
mixture of interpolated Kneser–Ney models of separate sources (domain text, generated corpus,
general Vietnamese, a word list, a gazetteer; see ``data/README.md``). Units are integer ids;
an n-gram's key packs its ids 16 bits apart. The tables are kept as the sorted arrays they are
stored as, and read per context and key (``bi_group``, ``tri_group``) when first needed.
"""

from __future__ import annotations

import json
import sys
import zlib
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from normalize.disk_cache import cached

from .syllable import fold
from .tokens import ABBR, BOS, EOS, NUM, parse_token

DATA = Path(__file__).with_name("data")
SPECIALS = (BOS, EOS, NUM, ABBR)  # ids 0..3, in the order the build writes them
QUANT = 100.0  # log-probabilities are stored as round(lp * QUANT)
LM_FILE = "lm.bin"
# lm.bin: a JSON header line (array name → typecode and length), then the arrays' bytes
# (little-endian), the whole zlib-compressed. Read with the standard library only: numpy's
# import alone costs a one-line conversion a tenth of a second.
_TYPECODES = {"int16": "h", "uint16": "H", "int32": "i", "int64": "q"}


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


# A trigram context as the decoder reads it: (back-off weight of ``a b``, first and past-last
# index of its trigrams in the tables).
TriState = tuple[float, int, int]
_NO_GROUP: dict[int, float] = {}  # shared: never mutated
_VOWEL_LETTERS = frozenset("aeiouy")


def unit_keys(vocab: tuple[str, ...] | list[str]) -> list[int]:
    """Per unit id, the id of its diacritic-free key, keys numbered in order of first appearance
    (the specials are keys of their own). ``lm.bin`` sorts each context's successors by it."""
    key_ids: dict[str, int] = {}
    out = []
    for u in vocab:
        k = u if u in SPECIALS else fold(u)
        out.append(key_ids.setdefault(k, len(key_ids)))
    return out


class RepairModel:
    """Syllables by key, and the back-off trigram model (``score_ids`` / ``score``).

    The n-gram tables stay the arrays they are stored as: per context (a unit ``b``, a pair
    ``a b``) its successors are a slice, sorted by the diacritic-free key of the successor, then
    by its id. The decoder asks for the successors of one context with one key (a token's
    candidates share their keys): ``bi_group``/``tri_group`` bisect that slice the first time and
    keep the answer as a small dict. Turning all 350k n-grams into dicts at load would cost a
    whole-process repair run a third of its time; grouping each context met by key (the previous
    layout) cost it a seventh."""

    def __init__(self, settings: LMSettings = LMSettings()):
        self.settings = settings
        # What the data files say, built once and then read from the user's cache (``model_tables``).
        tables = cached("repair-model", model_sources(), model_tables)
        inventory: list[str] = tables["inventory"]
        self.vocab: tuple[str, ...] = SPECIALS + tuple(inventory)
        self.ids = {u: i for i, u in enumerate(self.vocab)}
        self.syllables = frozenset(inventory)
        z = {name: _array(code, raw) for name, (code, raw) in tables["arrays"].items()}
        self.uni: list[float] = [v / QUANT for v in z["uni"]]
        self.bow1: list[float] = [v / QUANT for v in z["bow1"]]
        # Bigrams of ``b``: [bi_off[b], bi_off[b + 1]) of bi_ids (successor id), bi_kid (its
        # key id), bi_lp. Trigram contexts: tri_ctx (packed ``a << 16 | b``, sorted) with their
        # back-off weights (bow2) and slices [tri_off[i], tri_off[i + 1]) of the trigram arrays.
        self._bi_off, self._bi_ids, self._bi_kid, self._bi_lp = z["bi_off"], z["bi_ids"], z["bi_kid"], z["bi_lp"]
        self._tri_ctx, self._bow2, self._tri_off = z["tri_ctx"], z["bow2"], z["tri_off"]
        self._tri_ids, self._tri_kid, self._tri_lp = z["tri_ids"], z["tri_kid"], z["tri_lp"]
        # What has been read so far (the decoder looks here before calling ``tri_state``,
        # ``tri_group``, ``bi_group``): by packed ``a << 16 | b``; ``a << 32 | b << 16 | key``;
        # ``b << 16 | key``. Read-only outside this class.
        self.tri_states: dict[int, TriState] = {}
        self.tri_groups: dict[int, dict[int, float]] = {}
        self.bi_groups: dict[int, dict[int, float]] = {}
        # Every successor of a context met, by id, its stored (quantised) log-probability: by
        # ``b`` and by packed ``a << 16 | b`` (``bi_successors``, ``tri_successors``).
        self.bi_succ: dict[int, dict[int, int]] = {}
        self.tri_succ: dict[int, dict[int, int]] = {}
        self.uni_lp = {u: self.uni[i] for i, u in enumerate(self.vocab)}
        self.floor_lp = min(self.uni)
        # Syllables by diacritic-free key, most frequent first (``syllables_by_key``).
        self.by_key: dict[str, tuple[str, ...]] = tables["by_key"]
        # Per unit id, the id of its diacritic-free key (the specials are keys of their own).
        self.key_of: list[int] = tables["key_of"]
        self.key_id: dict[str, int] = tables["key_id"]
        self.catalogue = tuple(
            CataloguePhrase(text, cores, folded, frozenset(folded.split(" ")))
            for text, cores, folded in tables["catalogue"]
        )
        # The gazetteer's pairs as the decoder reads them (a ``cached_property``: given here as built).
        self.__dict__["name_pair_ids"] = frozenset(tables["name_pair_ids"])

    def tri_state(self, ab: int) -> TriState:
        """The trigram context ``a b`` (packed ``a << 16 | b``), see ``TriState``."""
        st = self.tri_states.get(ab)
        if st is None:
            ctx = self._tri_ctx
            i = bisect_left(ctx, ab)
            if i < len(ctx) and ctx[i] == ab:
                st = (self._bow2[i] / QUANT, self._tri_off[i], self._tri_off[i + 1])
            else:
                st = (0.0, 0, 0)
            self.tri_states[ab] = st
        return st

    def bi_successors(self, b: int) -> dict[int, int]:
        """Every stored successor of ``b``: its id → round(log P(c | b) * QUANT). One C-level
        pass over the context's slice, the first time ``b`` is met: cheaper than bisecting it
        key by key for each token it precedes."""
        d = self.bi_succ.get(b)
        if d is None:
            lo, hi = self._bi_off[b], self._bi_off[b + 1]
            d = self.bi_succ[b] = dict(zip(self._bi_ids[lo:hi], self._bi_lp[lo:hi]))
        return d

    def tri_successors(self, ab: int, state: TriState) -> dict[int, int]:
        """``bi_successors`` of the trigram context ``a b`` (packed), whose ``state`` is given."""
        d = self.tri_succ.get(ab)
        if d is None:
            _back, lo, hi = state
            d = self.tri_succ[ab] = dict(zip(self._tri_ids[lo:hi], self._tri_lp[lo:hi]))
        return d

    def tri_group(self, ab: int, key: int) -> dict[int, float]:
        """Trigram successors of ``a b`` (packed) whose key id is ``key``: log P(c | a b) by id."""
        gk = (ab << 16) | key
        g = self.tri_groups.get(gk)
        if g is None:
            _back, lo, hi = self.tri_state(ab)
            g = self.tri_groups[gk] = _group(self._tri_kid, self._tri_ids, self._tri_lp, key, lo, hi)
        return g

    def bi_group(self, b: int, key: int) -> dict[int, float]:
        """Bigram successors of ``b`` whose key id is ``key``: log P(c | b) by id."""
        gk = (b << 16) | key
        g = self.bi_groups.get(gk)
        if g is None:
            lo, hi = self._bi_off[b], self._bi_off[b + 1]
            g = self.bi_groups[gk] = _group(self._bi_kid, self._bi_ids, self._bi_lp, key, lo, hi)
        return g

    def score_ids(self, a: int, b: int, c: int) -> float:
        """log P(c | a b) by ids."""
        ab = (a << 16) | b
        k = self.key_of[c]
        st = self.tri_states.get(ab) or self.tri_state(ab)
        if st[2] > st[1]:
            lp = (self.tri_groups.get((ab << 16) | k) or self.tri_group(ab, k)).get(c)
            if lp is not None:
                return lp
        back = st[0]
        lp = (self.bi_groups.get((b << 16) | k) or self.bi_group(b, k)).get(c)
        if lp is not None:
            return back + lp
        return back + self.bow1[b] + self.uni[c]

    def bigram_ids(self, b: int, c: int) -> float:
        """log P(c | b) by ids."""
        k = self.key_of[c]
        lp = (self.bi_groups.get((b << 16) | k) or self.bi_group(b, k)).get(c)
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
        off, ids, lps = self._bi_off, self._bi_ids, self._bi_lp
        for b in range(len(off) - 1):
            for c, lp in zip(ids[off[b] : off[b + 1]], lps[off[b] : off[b + 1]]):
                out.setdefault(c, []).append((b, lp / QUANT))
        return out

    @cached_property
    def names(self) -> frozenset[str]:
        """Administrative unit names (gazetteer, before and after the 2025 merger), as written."""
        return frozenset(ln.strip() for ln in (DATA / "names.txt").read_text(encoding="utf-8").splitlines() if ln)

    @cached_property
    def name_pairs(self) -> frozenset[tuple[str, str]]:
        """Consecutive lower-case syllables inside a gazetteer name ("ngọc", "kỳ")."""
        return name_pairs(self.names)

    @cached_property
    def name_pair_ids(self) -> frozenset[int]:
        """``name_pairs`` as packed unit ids (the decoder's keys)."""
        return name_pair_ids(self.name_pairs, self.ids)

    @cached_property
    def vowel_dropped(self) -> dict[str, tuple[str, ...]]:
        """Per diacritic-free key with one vowel letter taken out ("cp", "b"), the keys it came
        from ("cap", "cop"... ; "ba", "bo"...), most frequent syllable first: what a token whose
        vowel OCR lost may stand for. Built the first time such a token is met."""
        best: dict[str, float] = {}
        for key, syls in self.by_key.items():
            best[key] = self.uni_lp[syls[0]]
        out: dict[str, list[str]] = {}
        for key in self.by_key:
            for i, ch in enumerate(key):
                if ch in _VOWEL_LETTERS:
                    out.setdefault(key[:i] + key[i + 1 :], []).append(key)
        return {k: tuple(sorted(set(v), key=lambda key: (-best[key], key))) for k, v in out.items() if k}

    def is_syllable(self, low: str) -> bool:
        return low in self.syllables


def _group(kid: array, ids: array, lps: array, key: int, lo: int, hi: int) -> dict[int, float]:
    """The entries of ``[lo, hi)`` (sorted by key id, then id) whose key id is ``key``."""
    i = bisect_left(kid, key, lo, hi)
    if i == hi or kid[i] != key:
        return _NO_GROUP
    j = bisect_right(kid, key, i, hi)
    return {u: v / QUANT for u, v in zip(ids[i:j], lps[i:j])}


def _array(code: str, raw: bytes) -> array:
    a = array(code)
    a.frombytes(raw)
    return a


def name_pairs(names: Iterable[str]) -> frozenset[tuple[str, str]]:
    """Consecutive lower-case syllables inside the names."""
    out: set[tuple[str, str]] = set()
    for name in names:
        parts = name.lower().split()
        out.update(zip(parts, parts[1:]))
    return frozenset(out)


def name_pair_ids(pairs: Iterable[tuple[str, str]], ids: dict[str, int]) -> frozenset[int]:
    """The pairs of units of the vocabulary, as packed unit ids (``a << 16 | b``)."""
    return frozenset((ids[a] << 16) | ids[b] for a, b in pairs if a in ids and b in ids)


def syllables_by_key(inventory: list[str], uni_lp: dict[str, float]) -> dict[str, tuple[str, ...]]:
    """Syllables by diacritic-free key, most frequent first (sorted: ties must not depend on the
    hash seed). Every inventory syllable is a candidate for its key: none is pruned."""
    by_key: dict[str, list[str]] = {}
    for s in inventory:
        by_key.setdefault(fold(s), []).append(s)
    return {k: tuple(sorted(v, key=lambda s: (-uni_lp[s], s))) for k, v in by_key.items()}


def data_lines(name: str) -> list[str]:
    """The lines of the data file ``name`` (``normalize/vietnamese/data``) that are neither blank
    nor a ``#`` comment: the phrase catalogue, the list of abbreviations."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def _load_catalogue() -> list[tuple[str, tuple[str, ...], str]]:
    """The phrase catalogue's (line, token cores, folded cores) (``CataloguePhrase``)."""
    phrases = []
    for line in data_lines("cchc_phrases.txt"):
        cores = tuple(parse_token(t).core for t in line.split())
        if len(cores) >= 3 and all(cores):
            phrases.append((line, cores, " ".join(fold(c) for c in cores)))
    return phrases


def model_sources() -> list[Path]:
    """What ``model_tables`` reads: the data files, and the code that reads and folds them."""
    code = Path(__file__)
    files = ("syllables.txt", LM_FILE, "cchc_phrases.txt", "names.txt")
    return [DATA / f for f in files] + [code, code.with_name("syllable.py"), code.with_name("tokens.py")]


def model_tables() -> dict[str, Any]:
    """The model's tables as built from ``data/`` (kept by ``normalize.disk_cache``, so only
    values ``marshal`` writes): the syllable inventory, the n-gram arrays (typecode, bytes), the
    syllables by key, each unit's key id, the phrase catalogue and the gazetteer's pairs by id."""
    inventory = (DATA / "syllables.txt").read_text(encoding="utf-8").split()
    vocab = SPECIALS + tuple(inventory)
    arrays = read_arrays(DATA / LM_FILE)
    uni_lp = {u: v / QUANT for u, v in zip(vocab, arrays["uni"])}
    key_of = unit_keys(vocab)
    names = (ln.strip() for ln in (DATA / "names.txt").read_text(encoding="utf-8").splitlines() if ln)
    return {
        "inventory": inventory,
        "arrays": {name: (a.typecode, a.tobytes()) for name, a in arrays.items()},
        "by_key": syllables_by_key(inventory, uni_lp),
        "key_of": key_of,
        "key_id": {(u if u in SPECIALS else fold(u)): k for u, k in zip(vocab, key_of)},
        "catalogue": _load_catalogue(),
        "name_pair_ids": tuple(name_pair_ids(name_pairs(names), {u: i for i, u in enumerate(vocab)})),
    }


@lru_cache(maxsize=1)
def load_model() -> RepairModel:
    return RepairModel()


__all__ = ["RepairModel", "LMSettings", "load_model", "BOS", "EOS"]
