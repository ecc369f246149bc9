"""Token-aligned repair of diacritic-mangled Vietnamese.

Per line: classify tokens (``candidates.py``: number/code, abbreviation, word), decide how damaged
the line is, decode with a beam over the trigram model, then snap windows that match a catalogue
phrase (criterion names) to the catalogue's wording.

Contract: output token i is the repair of input token i, whitespace is kept as it was, and the
digits of a number/code token are never changed. The exceptions put a space inside a token: a
corrupted compound such as "Sonchính", repaired to the two syllables "tài chính", and a glued
token ("số581" → "số 581", "xãĐịnh" → "xã Định").
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, chain
from operator import itemgetter
from typing import NamedTuple

from rapidfuzz import fuzz, process

from .candidates import ABBR, NUM, RepairSettings, TokenSlot, classify, decoder_view
from .model import RepairModel, load_model
from .syllable import apply_case, case_of, fold, normalize_syllable
from .tokens import BOS, EOS, parse_token, split_line


@dataclass
class LineRepair:
    text: str
    changed: bool
    confidence: float | None
    tokens_changed: int = 0
    details: list[tuple[str, str, float]] = field(default_factory=list)


# --- decoding ---------------------------------------------------------------------------------


def _decode(slots: list[TokenSlot], model: RepairModel, settings: RepairSettings) -> list[int]:
    """Best candidate index per slot: beam search over (prev2, prev1) states of unit ids.

    The hot loop of the repair. Per state, only the candidates a stored n-gram of its context
    scores are looked at one by one (``tri_group``/``bi_group`` hand them out by key); the
    others all take the same back-off path, so they rank as ``slot.ranked`` does and are taken
    in that order while they can still enter the beam: no more than ``beam`` of them (each
    state's keys are distinct, so its ``beam`` best hide the rest), none below the best
    hypothesis minus ``beam_margin``, and at the end of a context (punctuation) none whose score
    before ``</s>`` is already under the best (log-probabilities are ≤ 0). The pruning is
    therefore the beam's own: the result is that of scoring every candidate in every state."""
    w = settings.channel_weight
    tri_state, tri_group, bi_group, score = model.tri_state, model.tri_group, model.bi_group, model.score_ids
    tri_states, tri_groups, bi_groups = model.tri_states, model.tri_groups, model.bi_groups
    bow1, uni, key_of = model.bow1, model.uni, model.key_of
    ids = model.ids
    bos = ids[BOS]
    eos = ids[EOS]
    floor = model.floor_lp
    bos_key = (bos << 16) | bos
    # beam entries: (score, prev2, prev1, back-pointer chain), best first
    beam: list[tuple[float, int, int, tuple]] = [(0.0, bos, bos, ())]
    width, margin = settings.beam, settings.beam_margin
    name_pairs, name_bonus = model.name_pair_ids, settings.name_bonus
    prev_capital = False
    for slot in slots:
        if not slot.cands:
            beam = [(sc, a, b, (0, ch)) for sc, a, b, ch in beam]
            continue
        expanded: dict[int, tuple[float, int, int, tuple]] = {}
        brk = slot.breaks
        by_unit, keys, ranked, others = slot.by_unit, slot.keys, slot.ranked, slot.others
        # Proper names: a capitalised token after a capitalised one, the two a gazetteer pair.
        in_name = prev_capital and slot.capital
        prev_capital = slot.capital and not brk
        best = -math.inf
        # No expansion under ``cut`` can stay: it is under the best minus the margin, or under
        # ``beam`` expansions of one state (whose keys are distinct), or, at the end of a
        # context, under the one hypothesis that survives it.
        cut = -math.inf
        lift = name_bonus if in_name else 0.0  # the most a candidate can gain over its n-grams
        for s0, a, b, ch in beam:
            if s0 + lift < cut:
                break  # nothing it leads to can stay (costs ≥ 0, log-probabilities ≤ 0)
            if by_unit:
                ab = (a << 16) | b
                back, lo, hi, small = tri_states.get(ab) or tri_state(ab)
                low = back + bow1[b]
                b16 = b << 16
                seen: dict[int, float] = {}
                if in_name:
                    for u in by_unit:
                        k = key_of[u]
                        lp = tri_group(ab, k).get(u) if hi > lo else None
                        if lp is None:
                            lp = bi_group(b, k).get(u)
                            lp = back + lp if lp is not None else low + uni[u]
                        seen[u] = lp + name_bonus if (b16 | u) in name_pairs else lp
                else:
                    if hi > lo:
                        if small is not None and hi - lo <= len(keys):  # most contexts hold none or one
                            for u, lp in small:
                                if u in by_unit:
                                    seen[u] = lp
                        else:
                            ab16 = ab << 16
                            for k in keys:
                                group = tri_groups.get(ab16 | k)
                                if group is None:
                                    group = tri_group(ab, k)
                                for u, lp in group.items():
                                    if u in by_unit:
                                        seen[u] = lp
                    for k in keys:
                        group = bi_groups.get(b16 | k)
                        if group is None:
                            group = bi_group(b, k)
                        for u, lp in group.items():
                            if u in by_unit and u not in seen:
                                seen[u] = back + lp
                if brk:
                    top = expanded.get(bos_key)
                    for u, lp in seen.items():
                        j, cost = by_unit[u]
                        sc = s0 - w * cost + lp + score(b, u, eos)
                        if top is None or sc > top[0]:
                            top = expanded[bos_key] = (sc, bos, bos, (j, ch))
                    if not in_name:
                        for v, u, j in ranked:
                            if u in seen:
                                continue
                            sc = s0 + low + v
                            if top is not None and sc <= top[0]:
                                break
                            sc += score(b, u, eos)
                            if top is None or sc > top[0]:
                                top = expanded[bos_key] = (sc, bos, bos, (j, ch))
                    if top is not None and top[0] > best:
                        best = cut = top[0]
                else:
                    mine = []
                    for u, lp in seen.items():
                        j, cost = by_unit[u]
                        sc = s0 - w * cost + lp
                        mine.append(sc)
                        key = b16 | u
                        prev = expanded.get(key)
                        if prev is None or sc > prev[0]:
                            expanded[key] = (sc, b, u, (j, ch))
                        if sc > best:
                            best = sc
                    if not in_name:
                        n = 0
                        lim = max(cut, best - margin)
                        for v, u, j in ranked:
                            if u in seen:
                                continue
                            sc = s0 + low + v
                            if n == width or sc < lim:
                                break
                            n += 1
                            mine.append(sc)
                            key = b16 | u
                            prev = expanded.get(key)
                            if prev is None or sc > prev[0]:
                                expanded[key] = (sc, b, u, (j, ch))
                            if sc > best:
                                best = sc
                    if len(mine) >= width:
                        mine.sort(reverse=True)
                        cut = max(cut, mine[width - 1])
                    cut = max(cut, best - margin)
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


@lru_cache(maxsize=50_000)
def _segment_choice(
    pieces: tuple[str, ...], settings: RepairSettings, mode: str, substitutes: tuple[tuple[str, str], ...]
) -> tuple[int, ...]:
    """``_decode`` of a run of tokens that ends a context (punctuation after its last token) or
    the line. The beam holds one hypothesis after such a token, so a line decodes as its runs
    do, each the same wherever it recurs ("Ủy ban nhân dân xã", "cải cách hành chính,")."""
    slots = [classify(p, settings, mode, substitutes) for p in pieces]
    return tuple(_decode(slots, load_model(), settings))


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


# --- catalogue phrases ------------------------------------------------------------------------


def _snap_phrases(cores: list[str | None], model: RepairModel, settings: RepairSettings) -> dict[int, str]:
    """Windows of tokens whose folded text matches a catalogue phrase: the phrase's wording.

    ``cores`` holds, per slot, the decoded core (or the token as written) and None for numbers
    and punctuation, which a phrase cannot span. Token-aligned: a phrase of n tokens replaces a
    window of n tokens, each only when it resembles the phrase's token."""
    positions = [i for i, c in enumerate(cores) if c]
    folded = [fold(cores[i]) for i in positions]
    # phrase index → its distinct tokens present in the line
    with_key = model.phrases_with
    shared = Counter(chain.from_iterable(with_key.get(key, ()) for key in set(folded)))
    hits: list[tuple[float, int, int]] = []
    catalogue, share = model.catalogue, settings.phrase_min_shared
    # cheap filter before fuzzy matching
    tried = sorted(pidx for pidx, k in shared.items() if k >= share * len(catalogue[pidx].keys))
    # Windows are slices of the folded line (offsets of its tokens), one list per length.
    full = " ".join(folded)
    offsets = [0, *accumulate(len(f) + 1 for f in folded)]
    windows_of: dict[int, list[str]] = {}
    for pidx in tried:
        phrase = catalogue[pidx]
        n = len(phrase.cores)
        if n < settings.phrase_min_tokens or n > len(positions):
            continue
        windows = windows_of.get(n)
        if windows is None:
            windows = windows_of[n] = [full[offsets[st] : offsets[st + n] - 1] for st in range(len(positions) - n + 1)]
        cutoff = settings.phrase_min_score_long if n >= 6 else settings.phrase_min_score
        m = process.extractOne(phrase.folded, windows, scorer=fuzz.ratio, score_cutoff=cutoff)
        if m:
            hits.append((m[1] + n * 0.01, m[2], pidx))
    out: dict[int, str] = {}
    taken: set[int] = set()
    for _score, start, pidx in sorted(hits, reverse=True):
        phrase = model.catalogue[pidx]
        span = range(start, start + len(phrase.cores))
        if any(k in taken for k in span):
            continue
        taken.update(span)
        for k, core in zip(span, phrase.cores):
            seen = folded[k]
            if fold(core) == seen or (fuzz.ratio(fold(core), seen) >= 50 and not core.isupper()):
                out[positions[k]] = core
    return out


# --- lines ------------------------------------------------------------------------------------


def line_damage(slots: list[TokenSlot]) -> tuple[int, float]:
    """(word tokens, share of them that are suspicious: not a syllable, or a bare syllable
    whose key has accented alternatives). Numbers, codes and abbreviations do not count."""
    words = suspicious = 0
    for slot in slots:
        if not slot.cands or not any(ch.isalpha() for ch in slot.token.core):
            continue
        units = slot.cands[0].units
        if slot.fixed and units in ((NUM,), (ABBR,)):
            continue
        words += 1
        suspicious += slot.suspicious or not units
    return words, (suspicious / words if words else 0.0)


def repair_line(
    line: str,
    settings: RepairSettings = RepairSettings(),
    damaged_doc: str | bool = "",
    substitutes: tuple[tuple[str, str], ...] = (),
    confidence: bool = True,
) -> LineRepair:
    """Repair one line; ``damaged_doc`` (``ocr`` or ``stripped``: what the whole text is; True
    means ``ocr``) lowers the bar for full decoding, one-word lines and headings included;
    ``substitutes`` are the document's consensus repairs of corrupted compound heads. Without
    ``confidence`` only the text is wanted: ``confidence`` is None and ``details`` empty."""
    if not line.strip():
        return LineRepair(line, False, None)
    d = _decide(line, settings, damaged_doc, substitutes)
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
    line: str, settings: RepairSettings, damaged_doc: str | bool, substitutes: tuple[tuple[str, str], ...]
) -> _Decision:
    """``repair_line`` without the confidences; the same for every copy of a line (documents
    repeat headers, footers, criterion names)."""
    model = load_model()
    pieces = split_line(line)
    light = [classify(p, settings, "light", substitutes) if p and not p.isspace() else None for p in pieces]
    slots_light = [s for s in light if s is not None]
    n_words, damage = line_damage(slots_light)
    heavy = n_words > 0 and damage >= settings.heavy_damage and (n_words >= settings.heavy_min_words or damaged_doc)
    mode = "light"
    if heavy:
        ocr_line = any(not sl.fixed for sl in slots_light)  # a non-syllable beside the damage
        mode = "ocr" if damaged_doc in (True, "ocr") or ocr_line else "heavy"
        slots_all = [classify(p, settings, mode, substitutes) if p and not p.isspace() else None for p in pieces]
    else:
        if all(s.fixed and not (s.cands and s.cands[0].out) for s in slots_light):
            return _normalized_only(pieces)
        slots_all = light
    slots = [s for s in slots_all if s is not None]
    choice: list[int] = []
    start = 0
    for i, ends in enumerate(bool(s.cands) and s.breaks for s in slots):
        if ends or i == len(slots) - 1:
            choice += _segment_choice(tuple(s.piece for s in slots[start : i + 1]), settings, mode, substitutes)
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
            for k, v in _snap_phrases(visible, model, settings).items()
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
        new_core = snapped.get(k, cores[k])
        if new_core is None:
            out_pieces.append(piece)
        else:
            cand = slot.cands[choice[k]] if slot.cands else None
            if k not in snapped and cand is not None and cand.cased:
                repaired = new_core
            else:
                repaired = apply_case(new_core, case_of(slot.token.core))
            new_piece = slot.token.lead + repaired + slot.token.trail
            if new_piece != piece:
                changes.append((k, piece, new_piece, k in snapped))
            out_pieces.append(new_piece)
        k += 1
    return _Decision("".join(out_pieces), tuple(changes), tuple(slots), tuple(choice))


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
