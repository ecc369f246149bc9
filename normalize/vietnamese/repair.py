"""Token-aligned repair of diacritic-mangled Vietnamese.

Per line: classify tokens (``candidates.py``: number/code, abbreviation, word), decide how damaged
the line is, decode with a beam over the trigram model, then snap windows that match a catalogue
phrase (criterion names) to the catalogue's wording (``phrases.py``).

Contract: output token i is the repair of input token i, whitespace is kept as it was, and the
digits of a number/code token are never changed. The exceptions put a space inside a token: a
corrupted compound such as "Sonchính", repaired to the two syllables "tài chính", and a glued
token ("số581" → "số 581", "xãĐịnh" → "xã Định").
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

from normalize.text import fold

from .candidates import classify, classify_pieces
from .model import QUANT, RepairModel, TriState, load_model
from .phrases import snap_phrases
from .settings import RepairSettings
from .slots import TokenSlot, decoder_view
from .syllable import apply_case, case_of, normalize_syllable
from .tokens import ABBR, BOS, EOS, parse_token, split_line


@dataclass
class LineRepair:
    text: str
    changed: bool
    confidence: float | None
    tokens_changed: int = 0
    details: list[tuple[str, str, float]] = field(default_factory=list)


# --- decoding ---------------------------------------------------------------------------------


MOVES_CACHE_LIMIT = 200_000  # contexts kept by ``_moves_cache`` before its dicts start afresh
# ``_moves_cache``'s keys: the view and the end of context above these bits, then the kind of
# context, then the context (``b``, or ``a << 16 | b``).
_TRI, _NAME = 1 << 32, 2 << 32
_NO_LP: dict[int, float] = {}  # shared: never mutated
_NO_SUCC: dict[int, int] = {}  # shared: never mutated


def _decode(slots: list[TokenSlot], model: RepairModel, settings: RepairSettings) -> list[int]:
    """Best candidate index per slot: beam search over (prev2, prev1) states of unit ids.

    The hot loop of the repair. What one state makes of a token's one-unit candidates is its
    ``moves`` (``_state_moves``): the candidates that can stay in the beam whatever the other
    states hold, with the addends of their scores. They depend on the state only through its
    context key (the view of the token's candidates, and ``b`` or ``a b``: see ``_TRI``), so they
    are kept per key (``_moves_cache``): a text meets the same (context, candidates) about three
    times, and the beam holds one or two states on average. A state's moves are a superset of
    what it adds to the beam (its ``beam`` best within ``beam_margin`` of its best, or at the
    end of a context its best), so the result is that of scoring every candidate in every
    state. A move carries the sum of its addends (one addition per move here, not three): the
    rounding differs from summing them one by one on the state's score by far less than any
    gap between two readings (the speed text's and the benchmarks' repairs are unchanged)."""
    score, tri_state, tri_states = model.score_ids, model.tri_state, model.tri_states
    bos = model.ids[BOS]
    eos = model.ids[EOS]
    floor = model.floor_lp
    w = settings.channel_weight
    moves_cache, bigram_cache = _moves_cache(model, w, settings.name_bonus)
    # beam entries: (score, prev2, prev1, back-pointer chain), best first
    beam: list[tuple[float, int, int, tuple]] = [(0.0, bos, bos, ())]
    width, margin = settings.beam, settings.beam_margin
    name_bonus = settings.name_bonus
    prev_capital = False
    for slot in slots:
        if not slot.cands:
            beam = [(sc, a, b, (0, ch)) for sc, a, b, ch in beam]
            continue
        expanded: dict[int, tuple[float, int, int, tuple]] = {}
        brk = slot.breaks
        by_unit, others = slot.by_unit, slot.others
        # Proper names: a capitalised token after a capitalised one, the two a gazetteer pair.
        in_name = prev_capital and slot.capital
        prev_capital = slot.capital and not brk
        best = cut = -math.inf
        lift = name_bonus if in_name else 0.0  # the most a candidate can gain over its n-grams
        view = (slot.view_id << 35) | (brk << 34)
        for s0, a, b, ch in beam:
            if s0 + lift < cut:
                break  # nothing it leads to can stay (costs ≥ 0, log-probabilities ≤ 0)
            if by_unit:
                ab = (a << 16) | b
                state = tri_states.get(ab) or tri_state(ab)
                if in_name:
                    ck = view | _NAME | ab
                elif state[2] > state[1]:
                    ck = view | _TRI | ab
                else:
                    ck = view | b  # no trigram context: its back-off weight is 0
                moves = moves_cache.get(ck)
                if moves is None:
                    if len(moves_cache) >= MOVES_CACHE_LIMIT:
                        moves_cache.clear()
                        bigram_cache.clear()
                    moves = moves_cache[ck] = _state_moves(
                        model, ab, state, slot, settings, in_name, bigram_cache, view
                    )
                for t, key, x, y, j in moves:
                    sc = s0 + t
                    prev = expanded.get(key)
                    if prev is None or sc > prev[0]:
                        expanded[key] = (sc, x, y, (j, ch))
                    if sc > best:
                        best = sc
                cut = best if brk else best - margin
            for j, cost, unit_ids in others:
                sc = s0 - w * cost
                x, y = a, b
                if not unit_ids:  # an unknown token breaks the context
                    sc += score(x, y, eos)
                    x = y = bos
                for u in unit_ids:
                    if u < 0:
                        sc += floor
                        x = y = bos
                        continue
                    sc += score(x, y, u)
                    x, y = y, u
                if brk:
                    sc += score(x, y, eos)
                    x = y = bos
                key = (x << 16) | y
                prev = expanded.get(key)
                if prev is None or sc > prev[0]:
                    expanded[key] = (sc, x, y, (j, ch))
                if sc > best:
                    best = sc
        beam = list(expanded.values())
        if len(beam) > 1:
            beam.sort(key=itemgetter(0), reverse=True)
            top_score = beam[0][0] - margin
            beam = [e for e in beam[:width] if e[0] >= top_score]
    final = max(beam, key=lambda e: e[0] + score(e[1], e[2], eos))
    out: list[int] = []
    chain = final[3]
    while chain:
        out.append(chain[0])
        chain = chain[1]
    return out[::-1]


# A state's move (``_state_moves``): what it adds to the state's score (``s0 + t``), the key of
# the state it leads to in the beam (``x << 16 | y``), that state's units, and the candidate's
# index.
Move = tuple[float, int, int, int, int]
# Slack of the moves' own pruning: their scores are added to the state's score, whose rounding a
# pruning on the moves alone cannot see.
_MOVE_SLACK = 1e-6


@lru_cache(maxsize=4)
def _moves_cache(
    model: RepairModel, weight: float, name_bonus: float
) -> tuple[dict[int, tuple[Move, ...]], dict[int, dict[int, float]]]:
    """``_state_moves``'s answers for one model, channel weight and name bonus, by context key
    (see ``_TRI``); and the bigram hits it shares between contexts (``view | b``)."""
    return {}, {}


def _state_moves(
    model: RepairModel,
    ab: int,
    state: TriState,
    slot: TokenSlot,
    settings: RepairSettings,
    in_name: bool,
    bigram_cache: dict[int, dict[int, float]],
    view: int,
) -> tuple[Move, ...]:
    """What state ``a b`` adds to the beam from ``slot``'s one-unit candidates, whatever the
    other states hold: its ``beam`` best within ``beam_margin`` of its best (its best alone
    at the end of a context), with ties and rounding kept (``_MOVE_SLACK``), in the order the
    candidates are scored: those a stored trigram scores (log P(c | a b)), those a stored bigram
    does (log P(c | b) after the back-off weight of ``a b``), then the others, which all take the
    same back-off path and so rank as ``slot.ranked`` does: read in that order until they can no
    longer enter. Inside a proper name (``in_name``) every candidate is scored whole, the
    gazetteer's pairs lifted by the name bonus. A bigram context's hits are shared by the
    trigram contexts ending in it (``bigram_cache``, under ``view | b``).

    The hot path of a first meeting (two in three contexts are met once): no loop over a
    generic list of groups, no attribute read twice."""
    back, lo, hi = state
    b = ab & 0xFFFF
    by_unit, brk = slot.by_unit, slot.breaks
    w = settings.channel_weight
    tri: dict[int, float]
    if in_name:
        tri, bi = _NO_LP, _name_scores(model, ab, state, slot, settings.name_bonus)
        back = 0.0  # whole log-probabilities, as bigram entries
    else:
        # The hits among the candidates, in the order the tables hold them (a context's
        # successors, ``RepairModel.bi_successors``): ties between moves fall the same way.
        bi = bigram_cache.get(view | b)  # type: ignore[assignment]
        if bi is None:
            succ = model.bi_successors(b)
            bi = bigram_cache[view | b] = {u: succ[u] / QUANT for u in slot.key_order if u in succ}
        if hi > lo:
            succ = model.tri_successors(ab, state)
            order = slot.id_order if hi - lo <= len(slot.keys) else slot.key_order
            tri = {u: succ[u] / QUANT for u in order if u in succ}
        else:
            tri = _NO_LP
    # The n-gram hits: those a stored trigram scores, then those a stored bigram does (after the
    # back-off weight of ``a b``), with their log-probabilities.
    ngram = dict(tri)
    for u, lp in bi.items():
        if u not in tri:
            ngram[u] = back + lp
    scored: list[tuple[float, Move]] = []
    append = scored.append
    best = -math.inf
    if brk:
        score, eos, bos = model.score_ids, model.ids[EOS], model.ids[BOS]
        bos_key = (bos << 16) | bos
        for u, q in ngram.items():
            j, cost = by_unit[u]
            t = -(w * cost) + q + score(b, u, eos)
            append((t, (t, bos_key, bos, bos, j)))
            if t > best:
                best = t
        if not in_name:
            low = back + model.bow1[b]
            for v, u, j in slot.ranked:
                if u in bi or u in tri:
                    continue
                t = low + v  # the back-off score before the end of the context (≤ 0 is added)
                if t < best - _MOVE_SLACK:
                    break
                r = score(b, u, eos)
                append((t + r, (t + r, bos_key, bos, bos, j)))
                if t + r > best:
                    best = t + r
        floor = best - _MOVE_SLACK
        return tuple([m for t, m in scored if t >= floor])
    b16 = b << 16
    for u, q in ngram.items():
        j, cost = by_unit[u]
        t = -(w * cost) + q
        append((t, (t, b16 | u, b, u, j)))
        if t > best:
            best = t
    width, margin = settings.beam, settings.beam_margin
    if not in_name:
        low = back + model.bow1[b]
        taken = 0
        for v, u, j in slot.ranked:
            if u in bi or u in tri:
                continue
            t = low + v
            if t < best - margin - _MOVE_SLACK or taken == width:
                break
            taken += 1
            append((t, (t, b16 | u, b, u, j)))
            if t > best:
                best = t
    floor = best - margin
    if len(scored) > width:
        # a move with ``beam`` others of the state above it cannot stay
        floor = max(floor, sorted([t for t, _m in scored], reverse=True)[width - 1])
    floor -= _MOVE_SLACK
    return tuple([m for t, m in scored if t >= floor])


def _name_scores(model: RepairModel, ab: int, state: TriState, slot: TokenSlot, bonus: float) -> dict[int, float]:
    """Inside a proper name, every one-unit candidate's whole log P(c | a b), the gazetteer's
    pairs (``b c``) lifted by ``bonus``."""
    back, lo, hi = state
    b = ab & 0xFFFF
    b16 = b << 16
    low = back + model.bow1[b]
    name_pairs, uni = model.name_pair_ids, model.uni
    # Every stored successor of the contexts (``RepairModel.bi_successors``): the decoder reads
    # them for the other tokens anyway, and one look-up per candidate finds its entry.
    tri = model.tri_successors(ab, state) if hi > lo else _NO_SUCC
    bi = model.bi_successors(b)
    out: dict[int, float] = {}
    for u in slot.by_unit:
        q = tri.get(u)
        if q is not None:
            lp = q / QUANT
        else:
            q = bi.get(u)
            lp = back + q / QUANT if q is not None else low + uni[u]
        out[u] = lp + bonus if (b16 | u) in name_pairs else lp
    return out


SEGMENT_CACHE_LIMIT = 50_000  # runs kept by ``_segment_cache`` before its dict starts afresh


@lru_cache(maxsize=16)
def _segment_cache(
    settings: RepairSettings, mode: str, substitutes: tuple[tuple[str, str], ...]
) -> dict[tuple, tuple[int, ...]]:
    """``_decode``'s choices of runs of tokens that end a context (punctuation after the last
    token) or the line, by their pieces. The beam holds one hypothesis after such a token, so a
    line decodes as its runs do, each the same wherever it recurs ("Ủy ban nhân dân xã", "cải
    cách hành chính,"). The key also holds the view of the run's first token: the first token
    of a line is read apart ("s Ban hành": a page edge read as a letter, ``_decide``), and the
    same run elsewhere has other candidates (a choice index of one list is none of the other's)."""
    return {}


def _confidence(
    slots: list[TokenSlot] | tuple[TokenSlot, ...],
    choice: list[int] | tuple[int, ...],
    i: int,
    model: RepairModel,
    settings: RepairSettings,
) -> float:
    """Local posterior of the chosen candidate at slot i, from the bigrams with its chosen
    neighbours and the channel cost (cheap, and what a reviewer needs: how contested it was)."""

    def unit(k: int, last: bool) -> str:
        if k < 0 or k >= len(slots) or not slots[k].cands:
            return BOS if last else EOS
        units = slots[k].cands[choice[k]].units
        return (units[-1] if last else units[0]) if units else (BOS if last else EOS)

    slot = slots[i]
    return _local_posterior(unit(i - 1, True), unit(i + 1, False), slot.cands, choice[i], settings)


@lru_cache(maxsize=50_000)
def _local_posterior(prev: str, nxt: str, cands: tuple, chosen: int, settings: RepairSettings) -> float:
    """``_confidence`` of candidate ``chosen`` of ``cands`` between units ``prev`` and ``nxt``
    (the same for every token with those candidates and neighbours)."""
    model = load_model()
    singles, others = _decoder_rivals(cands, settings.channel_weight)
    # The chosen candidate against its most frequent rivals (all of them would cost as much as
    # the decoding itself on a stripped text).
    rivals = [j for j, _c, _u in singles[: settings.confidence_rivals]]
    rivals += [j for j, _c, _u in others]
    if chosen not in rivals:
        rivals.append(chosen)
    scores = {}
    for j in rivals:
        cand = cands[j]
        u = cand.units[0] if cand.units else EOS
        v = cand.units[-1] if cand.units else EOS
        scores[j] = -settings.channel_weight * cand.cost + model.bigram(prev, u) + model.bigram(v, nxt)
    top = max(scores.values())
    z = sum(math.exp(s - top) for s in scores.values())
    return math.exp(scores[chosen] - top) / z


def _decoder_rivals(cands: tuple, weight: float):
    view = decoder_view(cands, weight)
    return view[0], view[1]


# --- lines ------------------------------------------------------------------------------------


def _typed_with_marks(slots: list[TokenSlot]) -> bool:
    """Whether a line's words are all syllables and one of them carries a mark: a line typed with
    its marks (``RepairSettings.keep_marked_typed_lines``)."""
    words = [s for s in slots if s.damage]
    return all(s.fixed for s in words) and any(fold(s.piece) != s.piece.lower() for s in words)


def line_damage(slots: list[TokenSlot]) -> tuple[int, float]:
    """(word tokens, share of them that are suspicious: not a syllable, or a bare syllable
    whose key has accented alternatives). Numbers, codes and abbreviations do not count
    (``TokenSlot.damage``)."""
    words = suspicious = 0
    for slot in slots:
        d = slot.damage
        if d:
            words += 1
            suspicious += d - 1
    return words, (suspicious / words if words else 0.0)


def repair_line(
    line: str,
    settings: RepairSettings = RepairSettings(),
    damaged_doc: str | bool = "",
    substitutes: tuple[tuple[str, str], ...] = (),
    confidence: bool = True,
    mid_line: bool = False,
) -> LineRepair:
    """Repair one line; ``damaged_doc`` (``ocr`` or ``stripped``: what the whole text is; True
    means ``ocr``) lowers the bar for full decoding, one-word lines and headings included;
    ``substitutes`` are the document's consensus repairs of corrupted compound heads. Without
    ``confidence`` only the text is wanted: ``confidence`` is None and ``details`` empty.
    ``mid_line``: the text is a cell's words taken from inside printed lines (a criterion name
    put together from its wrapped lines), so its first token is no page edge."""
    if not line.strip():
        return LineRepair(line, False, None)
    d = _decide(line, settings, damaged_doc, substitutes, mid_line)
    changed = d.text != line
    if d.clean:
        return LineRepair(d.text, changed, 1.0 if changed else None, len(d.changes))
    if not confidence:
        return LineRepair(d.text, changed, None, len(d.changes))
    model = load_model()
    details = [
        (piece, new, 0.95 if snapped else _confidence(d.slots, d.choice, k, model, settings))
        for k, piece, new, snapped in d.changes
    ]
    confs = [c for _p, _n, c in details]
    return LineRepair(d.text, changed, (sum(confs) / len(confs)) if confs else None, len(details), details)


class _Decision(NamedTuple):
    text: str
    changes: tuple[tuple[int, str, str, bool], ...]  # (slot index, piece, repaired piece, snapped)
    slots: tuple[TokenSlot, ...] = ()
    choice: tuple[int, ...] = ()
    clean: bool = False  # a clean line: only the house tone placement was applied


@lru_cache(maxsize=20_000)
def _decide(
    line: str,
    settings: RepairSettings,
    damaged_doc: str | bool,
    substitutes: tuple[tuple[str, str], ...],
    mid_line: bool = False,
) -> _Decision:
    """``repair_line`` without the confidences; the same for every copy of a line (documents
    repeat headers, footers, criterion names)."""
    model = load_model()
    pieces = split_line(line)
    light = classify_pieces(pieces, settings, "light", substitutes)
    slots_light = [s for s in light if s is not None]
    n_words, damage = line_damage(slots_light)
    heavy = n_words > 0 and damage >= settings.heavy_damage and (n_words >= settings.heavy_min_words or damaged_doc)
    if heavy and settings.keep_marked_typed_lines and not damaged_doc and _typed_with_marks(slots_light):
        heavy = False
    mode = "light"
    if heavy:
        ocr_line = any(not sl.fixed for sl in slots_light)  # a non-syllable beside the damage
        mode = "ocr" if damaged_doc in (True, "ocr") or ocr_line else "heavy"
        slots_all = classify_pieces(pieces, settings, mode, substitutes)
        if mode == "ocr" and not mid_line:
            first = next((k for k, sl in enumerate(slots_all) if sl is not None), None)
            if first is not None and len(slots_all[first].token.core) == 1:  # type: ignore[union-attr]
                # A lone letter starting a line of an OCR dump is the table's edge read as a
                # letter (a ruling, a speck: "s Ban hành"), not a syllable that lost its vowel.
                slots_all = list(slots_all)
                slots_all[first] = classify(pieces[first], settings, "heavy")
    else:
        if all(s.fixed and not (s.cands and s.cands[0].out) for s in slots_light):
            return _normalized_only(pieces)
        slots_all = light
    slots = [s for s in slots_all if s is not None]
    choice: list[int] = []
    start = 0
    segments = _segment_cache(settings, mode, substitutes)
    last = len(slots) - 1
    for i, s in enumerate(slots):
        if (s.breaks and s.cands) or i == last:
            run = slots[start : i + 1]
            key = (run[0].view_id, *[s.piece for s in run])
            found = segments.get(key)
            if found is None:
                if len(segments) >= SEGMENT_CACHE_LIMIT:
                    segments.clear()
                found = segments[key] = tuple(_decode(run, model, settings))
            choice += found
            start = i + 1
    cores: list[str | None] = []
    slot: TokenSlot | None  # every slot below; None for the pieces between words
    for slot, j in zip(slots, choice):
        cand = slot.cands[j] if slot.cands else None
        cores.append(cand.out if cand is not None and cand.out is not None else None)
    if heavy:
        visible = [
            c if c is not None else (s.token.core if s.cands and s.cands[0].units == (ABBR,) else None)
            for c, s in zip(cores, slots)
        ]
        snapped = {
            k: v
            for k, v in snap_phrases(visible, [s.token.core for s in slots], model, settings).items()
            if not (slots[k].cands and slots[k].cands[0].units == (ABBR,))
        }
    else:
        snapped = {}
    out_pieces: list[str] = []
    changes: list[tuple[int, str, str, bool]] = []
    k = 0
    for piece, slot in zip(pieces, slots_all):
        if slot is None:
            out_pieces.append(piece)
            continue
        new_core = snapped.get(k, cores[k]) if snapped else cores[k]
        if new_core is None:
            out_pieces.append(piece)
        else:
            is_snapped = k in snapped
            new_piece = _render(piece, new_core, not is_snapped and slot.cands[choice[k]].cased)
            if new_piece != piece:
                changes.append((k, piece, new_piece, is_snapped))
            out_pieces.append(new_piece)
        k += 1
    return _Decision("".join(out_pieces), tuple(changes), tuple(slots), tuple(choice))


@lru_cache(maxsize=100_000)
def _render(piece: str, core: str, cased: bool) -> str:
    """``piece`` with its core replaced by the repaired ``core``, in the piece's case unless the
    candidate carries its own (``cased``), its punctuation kept."""
    tok = parse_token(piece)
    case = case_of(tok.core)
    if case == "title" and tok.core[:1] == "I" and core[:1] == "l":
        case = "lower"  # the capital I is OCR's reading of a lower-case l ("xtr Iy" = "xử lý")
    return tok.lead + (core if cased else apply_case(core, case)) + tok.trail


def _normalized_only(pieces: list[str]) -> _Decision:
    """A clean line: only the house tone placement is applied."""
    out = []
    changes: list[tuple[int, str, str, bool]] = []
    for piece in pieces:
        if not piece or piece.isspace():
            out.append(piece)
            continue
        tok = parse_token(piece)
        core = normalize_syllable(tok.core) if tok.core else tok.core
        new_piece = tok.lead + core + tok.trail
        if core != tok.core:
            changes.append((len(changes), piece, new_piece, False))
        out.append(new_piece)
    return _Decision("".join(out), tuple(changes), clean=True)
