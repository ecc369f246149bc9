"""A token as the decoder reads it: its candidates (``Cand``) and their views by unit id
(``TokenSlot``, ``decoder_view``), shared by every token with the same candidates."""

from __future__ import annotations

from functools import lru_cache
from itertools import count
from typing import NamedTuple

from .model import load_model
from .tokens import ABBR, NUM, Token, breaks_context


class Cand(NamedTuple):  # a tuple: made by the tens of thousands, cheaply
    units: tuple[str, ...]  # model units this candidate emits (1, or 2 for a split)
    out: str | None  # the repaired core (None: keep the token as it is)
    cost: float
    cased: bool = False  # ``out`` already carries its case (compounds)


class TokenSlot(NamedTuple):  # a tuple: one per distinct token, made cheaply
    piece: str
    token: Token
    cands: tuple[Cand, ...]
    fixed: bool
    suspicious: bool = False
    breaks: bool = False  # punctuation after it ends the n-gram context
    # The candidates as the decoder reads them, by unit id: one-unit candidates as (index,
    # cost, id), most frequent first; the others as (index, cost, ids; -1 for a unit outside the
    # vocabulary, none for a token that breaks the context).
    singles: tuple[tuple[int, float, int], ...] = ()
    others: tuple[tuple[int, float, tuple[int, ...]], ...] = ()
    capital: bool = False  # written with a capital: may belong to a proper name
    # The one-unit candidates once more: by id (index, cost); the ids of their diacritic-free
    # keys (the decoder reads a context's n-grams by key); and (unigram log-probability −
    # weighted cost, id, index), best first: how a context without n-grams for them ranks them.
    by_unit: dict[int, tuple[int, float]] = {}  # noqa: RUF012  never mutated (shared views)
    keys: tuple[int, ...] = ()
    ranked: tuple[tuple[float, int, int], ...] = ()
    # What ``line_damage`` counts it as: 0 not a word (number, code, abbreviation, punctuation),
    # 1 a word, 2 a suspicious word (not a syllable, or a bare syllable of a crowded key).
    damage: int = 0
    # The serial number of its decoder view (``decoder_view``): the decoder keeps what a state
    # makes of a token's candidates under it (tokens with the same candidates share it).
    view_id: int = 0
    # The one-unit candidates' ids in the order the n-gram tables hold them: by key (in the
    # order of ``keys``), then by id (``key_order``); by id alone (``id_order``).
    key_order: tuple[int, ...] = ()
    id_order: tuple[int, ...] = ()

    @staticmethod
    def make(
        piece: str, token: Token, cands, fixed: bool, suspicious: bool = False, weight: float = 1.0, view=None
    ) -> TokenSlot:
        cands = tuple(cands)
        singles, others, by_unit, keys, ranked, view_id, key_order, id_order = view or decoder_view(cands, weight)
        capital = token.core[:1].isupper() and token.core.isalpha()
        damage = 0
        if cands and (token.core.isalpha() or any(ch.isalpha() for ch in token.core)):
            units = cands[0].units
            if not (fixed and units in ((NUM,), (ABBR,))):
                damage = 2 if suspicious or not units else 1
        return TokenSlot(
            piece,
            token,
            cands,
            fixed,
            suspicious,
            breaks_context(token),
            singles,
            others,
            capital,
            by_unit,
            keys,
            ranked,
            damage,
            view_id,
            key_order,
            id_order,
        )


@lru_cache(maxsize=100_000)
def decoder_view(cands: tuple[Cand, ...], weight: float):
    """``TokenSlot``'s decoder fields of a candidate list (shared by every token with that list:
    "chinh", "Chinh" and "chinh," have the same)."""
    model = load_model()
    ids, uni, key_of = model.ids, model.uni, model.key_of
    singles = []
    others = []
    for j, cand in enumerate(cands):
        units = cand.units
        if len(units) == 1:  # most candidates: one syllable (no generator for them)
            u = ids.get(units[0], -1)
            if u >= 0:
                singles.append((j, cand.cost, u))
                continue
        others.append((j, cand.cost, tuple([ids.get(u, -1) for u in units])))
    singles.sort(key=lambda e: -uni[e[2]])
    by_unit: dict[int, tuple[int, float]] = {}
    for j, cost, u in singles:
        if u not in by_unit or cost < by_unit[u][1]:
            by_unit[u] = (j, cost)
    keys = tuple(dict.fromkeys(key_of[u] for u in by_unit))
    ranked = sorted(((uni[u] - weight * cost, u, j) for u, (j, cost) in by_unit.items()), key=lambda e: (-e[0], e[2]))
    position = {k: i for i, k in enumerate(keys)}
    key_order = tuple(sorted(by_unit, key=lambda u: (position[key_of[u]], u)))
    id_order = tuple(sorted(by_unit))
    return tuple(singles), tuple(others), by_unit, keys, tuple(ranked), next(_VIEW_IDS), key_order, id_order


_VIEW_IDS = count(1)  # serial numbers of decoder views (``TokenSlot.view_id``)
