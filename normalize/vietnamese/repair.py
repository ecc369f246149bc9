"""Token-aligned repair of diacritic-mangled Vietnamese.

Per line: classify tokens (number/code, abbreviation, word), decide how damaged the line is,
give each word token its candidate syllables (same diacritic-free key, or a key reached through
the OCR confusion table), decode with a beam over the trigram model, then snap windows that
match a catalogue phrase (criterion names) to the catalogue's wording.

Contract: output token i is the repair of input token i, whitespace is kept as it was, and a
number/code token is never changed. The one exception is a corrupted compound such as
"Sonchính", repaired to the two syllables "tài chính" (a space inside the token).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

import regex as re
from rapidfuzz import fuzz, process

from .model import RepairModel, load_model
from .syllable import apply_case, case_of, fold, has_diacritic, normalize_syllable
from .tokens import ABBR, BOS, EOS, NUM, OCR_JUNK, Token, breaks_context, is_code, parse_token, split_line

_COMPOUND = re.compile(r"^\p{L}+(?:[-/]\p{L}+)+$")
KNOWN_ABBREVIATIONS = frozenset(
    "UBND HĐND HDND CCHC TTHC QPPL VBQPPL KH BC QĐ QD CBCC CBCCVC PAKN CNTT TTĐT TTDT NSNN "
    "BPTN BCCI ISO THPL VPHC KT-XH MTTQ HCC BHXH BHYT TW CP NĐ NQ TT VP STT KSTT PCI PAR SIPAS".split()
)

# Abbreviations written with Đ, by their Đ-less spelling (OCR and stripped text lose the bar).
_ABBR_BY_FOLD = {fold(a).upper(): a for a in KNOWN_ABBREVIATIONS if "Đ" in a} | {
    fold(a).upper(): a for a in ("ĐVSN", "QĐ-UBND", "HĐND", "TTĐT", "BCĐ", "ĐTN")
}

# OCR confusions on the lower-cased, diacritic-free form: what OCR wrote → what it may stand
# for, with a cost (junk that cannot be a letter is cheap to reinterpret; a real letter is not).
CONFUSIONS: tuple[tuple[str, str, float], ...] = (
    ("¢", "e", 0.3),
    ("€", "e", 0.3),
    ("&", "a", 0.3),
    ("@", "a", 0.3),
    ("6", "o", 0.4),
    ("0", "o", 0.4),
    ("4", "a", 0.4),
    ("3", "a", 0.4),
    ("1", "l", 0.4),
    ("8", "e", 0.8),
    ("9", "g", 0.8),
    ("ir", "u", 0.8),
    ("ur", "u", 0.8),
    ("tr", "u", 1.2),
    ("ti", "u", 1.2),
    ("ii", "u", 1.0),
    ("q", "o", 1.0),
    ("d", "o", 1.2),
    ("b", "o", 1.2),
    ("y", "u", 1.0),
    ("i", "a", 1.4),
    ("ia", "a", 1.2),
    ("e", "c", 1.4),
    ("a", "u", 1.4),
    ("o", "u", 1.4),
    ("1", "i", 0.8),
    ("l", "i", 1.2),
    ("i", "l", 1.2),
    ("¢", "c", 0.6),
    ("&", "e", 0.6),
    ("ug", "uo", 1.0),
    ("w", "u", 0.8),
    ("uw", "u", 0.8),
    ("e", "o", 1.2),
    ("e", "a", 1.2),
    ("i", "u", 1.2),
    ("d", "a", 1.4),
    ("g", "o", 1.2),
    ("t", "u", 1.4),
    ("li", "u", 1.0),
    ("ye", "u", 1.0),
    ("ue", "u", 1.0),
    ("ce", "c", 1.0),
)
# At the start of a word a capital P or D read for Đ.
_INITIAL_D = (("p", "d", 0.6),)


@dataclass(frozen=True)
class RepairSettings:
    channel_weight: float = 1.0  # weight of the channel cost against LM log-probabilities
    changed_mark_cost: float = 2.0  # observed token carried marks, candidate differs from it
    mark_mismatch_cost: float = 0.6  # per vowel whose marked/unmarked state differs
    plain_to_marked_cost: float = 0.0  # observed token had no marks at all (stripped text)
    heavy_damage: float = 0.5  # share of suspicious tokens that triggers full decoding
    heavy_min_words: int = 3
    beam: int = 6
    max_candidates: int = 6
    max_confusions: int = 2
    rarity_margin: float = 6.0  # log-frequency gap beyond which a same-cost candidate is dropped
    split_cost: float = 3.0  # a token decoded as two syllables
    substitute_cost: float = 5.0  # first half of a compound replaced from context
    keep_code_cost: float = 0.0
    light_max_cost: float = 1.5  # in a clean line, only cheap repairs of non-syllables
    valid_confusion_cost: float = 1.5  # reading a valid syllable as an OCR confusion
    phrase_min_score: float = 90.0
    phrase_min_score_long: float = 86.0  # phrases of 6+ tokens: OCR damage spreads over more
    phrase_min_tokens: int = 3


@dataclass(frozen=True)
class Cand:
    units: tuple[str, ...]  # model units this candidate emits (1, or 2 for a split)
    out: str | None  # the repaired core (None: keep the token as it is)
    cost: float
    cased: bool = False  # ``out`` already carries its case (compounds)


@dataclass(frozen=True)
class TokenSlot:
    piece: str
    token: Token
    cands: tuple[Cand, ...]
    fixed: bool
    suspicious: bool = False
    breaks: bool = False  # punctuation after it ends the n-gram context

    @staticmethod
    def make(piece: str, token: Token, cands, fixed: bool, suspicious: bool = False) -> TokenSlot:
        return TokenSlot(piece, token, tuple(cands), fixed, suspicious, breaks_context(token))


@dataclass
class LineRepair:
    text: str
    changed: bool
    confidence: float | None
    tokens_changed: int = 0
    details: list[tuple[str, str, float]] = field(default_factory=list)


# --- candidates -------------------------------------------------------------------------------


def _variants(key: str, max_edits: int) -> dict[str, float]:
    """Strings reachable from ``key`` by up to ``max_edits`` confusion rewrites, with cost."""
    out = {key: 0.0}
    frontier = {key: 0.0}
    for _ in range(max_edits):
        nxt: dict[str, float] = {}
        for s, c in frontier.items():
            rules = list(CONFUSIONS)
            for src, dst, cost in rules:
                start = s.find(src)
                while start != -1:
                    t = s[:start] + dst + s[start + len(src) :]
                    tc = c + cost
                    if tc < out.get(t, 1e9):
                        out[t] = nxt[t] = tc
                    start = s.find(src, start + 1)
            for src, dst, cost in _INITIAL_D:
                if s.startswith(src):
                    t = dst + s[len(src) :]
                    if c + cost < out.get(t, 1e9):
                        out[t] = nxt[t] = c + cost
        frontier = nxt
    return out


def _mark_profile(text: str) -> tuple[bool, ...]:
    """Per letter: does it carry any diacritic (shape or tone)."""
    return tuple(fold(ch) != ch.lower() for ch in text)


def _channel_cost(observed_low: str, cand: str, settings: RepairSettings) -> float:
    if observed_low == cand:
        return 0.0
    if not has_diacritic(observed_low):
        return settings.plain_to_marked_cost
    po, pc = _mark_profile(observed_low), _mark_profile(cand)
    if len(po) == len(pc):
        mismatch = sum(a != b for a, b in zip(po, pc))
    else:
        mismatch = abs(sum(po) - sum(pc)) + 1
    return settings.changed_mark_cost + settings.mark_mismatch_cost * mismatch


@lru_cache(maxsize=200_000)
def _word_candidates(core: str, settings: RepairSettings, ocr: bool = False) -> tuple[tuple[str, float], ...]:
    """(syllable, channel cost) for one word core, cheapest first; ``ocr``: look for
    confusions even when the core is itself a syllable."""
    model = load_model()
    low = normalize_syllable(core.lower())
    key = fold(low)
    found: dict[str, float] = {}
    for syl in model.by_key.get(key, ()):
        found[syl] = _channel_cost(low, syl, settings)
    if low not in model.syllables or not found or ocr:
        extra = settings.valid_confusion_cost if low in model.syllables else 0.0
        for variant, vcost in _variants(key, settings.max_confusions).items():
            if variant == key:
                continue
            for syl in model.by_key.get(variant, ()):
                c = vcost + _channel_cost(low, syl, settings) * 0.5 + 0.5 + extra
                if c < found.get(syl, 1e9):
                    found[syl] = c
    ranked = sorted(found.items(), key=lambda kv: (kv[1], -model.uni_lp.get(kv[0], model.floor_lp), kv[0]))
    # A candidate far rarer than a rival at the same channel cost would need an implausible
    # boost from its context: dropped, which keeps the beam small.
    best_at: dict[float, float] = {}
    kept = []
    for syl, cost in ranked:
        lp = model.uni_lp.get(syl, model.floor_lp)
        top = best_at.setdefault(cost, lp)
        if lp >= top - settings.rarity_margin or syl == low:
            kept.append((syl, cost))
    return tuple(kept[: settings.max_candidates])


def _compound_candidates(core: str, settings: RepairSettings) -> list[Cand]:
    """A hyphen/slash compound ("phong-Thong"): each part repaired, the separators kept."""
    parts = re.split(r"([-/])", core)
    words, seps = parts[0::2], parts[1::2]
    options = []
    for w in words:
        found = _word_candidates(w, settings)[:3] or ((None, 0.0),)
        options.append(found)
    combos: list[tuple[tuple[str | None, ...], float]] = [((), 0.0)]
    for found in options:
        combos = [(c + (s,), cost + sc) for c, cost in combos for s, sc in found][:9]
    out = []
    for maybe_syls, cost in combos:
        syls = tuple(s for s in maybe_syls if s is not None)
        if len(syls) < len(maybe_syls):
            return []
        text = "".join(
            apply_case(s, case_of(w)) + (seps[i] if i < len(seps) else "") for i, (s, w) in enumerate(zip(syls, words))
        )
        out.append(Cand(tuple(syls), text, cost, cased=True))
    return out


def compound_splits(core: str, model: RepairModel) -> list[tuple[str, str, int]]:
    """(head, tail, position) splits of a non-syllable token whose tail is a syllable."""
    low = normalize_syllable(core.lower())
    out = []
    for i in range(2, len(low) - 1):
        head, tail = low[:i], normalize_syllable(low[i:])
        if tail in model.syllables and len(fold(tail)) >= 3:
            out.append((head, tail, i))
    return out


def consensus_substitutes(tokens: list[str], model: RepairModel) -> tuple[tuple[str, str], ...]:
    """A corrupted first half is corrupted the same way throughout a document ("Son" for "tài"
    in "Sonchính", "Sónsản", "Sonkhoản"): per diacritic-free head, the syllable that precedes
    most of its tails in the model, the strongest compound breaking ties."""
    tails: dict[str, set[str]] = {}
    for piece in tokens:
        core = parse_token(piece).core
        if not core or not core.isalpha() or core.isupper():
            continue
        low = normalize_syllable(core.lower())
        if low in model.syllables or len(low) < 5:
            continue
        for head, tail, _i in compound_splits(core, model):
            tails.setdefault(fold(head), set()).add(tail)
    out = []
    for head, ts in tails.items():
        votes: dict[str, tuple[int, float]] = {}
        for t in ts:
            for sub in model.left_of.get(t, ()):
                n, lp = votes.get(sub, (0, 0.0))
                votes[sub] = (n + 1, lp + model.bigram(sub, t))
        if votes:
            out.append((head, max(votes.items(), key=lambda kv: kv[1])[0]))
    return tuple(sorted(out))


def _split_candidates(
    core: str, model: RepairModel, settings: RepairSettings, substitutes: tuple[tuple[str, str], ...] = ()
) -> list[Cand]:
    """A non-syllable token as two syllables: a missing space ("cơchế") or a corrupted first
    half ("Sonchính" = "tài chính"), replaced by the document's consensus substitute for that
    head, or else by the syllables the model has seen before the tail."""
    agreed = dict(substitutes)
    out: list[Cand] = []
    nfc_core = normalize_syllable(core)
    upper = case_of(core) == "upper"
    for head, tail, i in compound_splits(core, model):
        tail_text = apply_case(tail, case_of(nfc_core[i:]))
        if head in model.syllables:  # a missing space: each half keeps its own case
            text = apply_case(head, case_of(nfc_core[:i])) + " " + tail_text
            out.append(Cand((head, tail), text, settings.split_cost, cased=True))
        sub = agreed.get(fold(head))
        for s in (sub,) if sub else model.left_of.get(tail, ()):
            # A substituted head: its case is noise ("Sonchính" mid-sentence), written lower.
            text = (s.upper() + " " + tail.upper()) if upper else f"{s} {tail_text}"
            out.append(Cand((s, tail), text, settings.substitute_cost, cased=True))
    return out


@lru_cache(maxsize=200_000)
def _classify(
    piece: str, settings: RepairSettings, mode: str, substitutes: tuple[tuple[str, str], ...] = ()
) -> TokenSlot:
    """A token's candidates. ``mode``: ``light`` (clean line: only non-syllables get
    candidates), ``heavy`` (stripped/damaged line: every word), ``ocr`` (heavy, in an OCR'd
    document: valid syllables may be OCR confusions too, "xi" for "xã")."""
    model = load_model()
    heavy = mode != "light"
    tok = parse_token(piece)
    core = tok.core
    if not core:
        return TokenSlot.make(piece, tok, [], True)
    keep_num = Cand((NUM,), None, 0.0)
    if "<" in piece or ">" in piece or len(core) == 1 and not (heavy and core in OCR_JUNK):
        # Markup, list markers "b)", single letters: never repaired.
        unit = NUM if core.isdigit() else ABBR
        return TokenSlot.make(piece, tok, [Cand((unit,), None, 0.0)], True)
    if (
        is_code(core)
        and (not core.isalpha())
        and any(ch.isdigit() for ch in core)
        or ("/" in core and any(ch.isdigit() for ch in core))
    ):
        return TokenSlot.make(piece, tok, [keep_num], True)
    if _COMPOUND.match(core) and not core.isupper():
        parts = re.split(r"[-/]", core)
        if not heavy and all(normalize_syllable(p.lower()) in model.syllables for p in parts):
            return TokenSlot.make(piece, tok, [Cand((ABBR,), None, 0.0)], True)
        cands = _compound_candidates(core, settings)
        return TokenSlot.make(piece, tok, cands, len(cands) <= 1, suspicious=len(cands) > 1)
    letters = [ch for ch in core if ch.isalpha() or ch in OCR_JUNK]
    has_digit = any(ch.isdigit() for ch in core)
    if has_digit:
        # Letters and digits: a code ("LL1") or an OCR'd word ("s6" = "số"): let context choose.
        if len(letters) == 0 or sum(ch.isdigit() for ch in core) > 1:
            return TokenSlot.make(piece, tok, [keep_num], True)
        words = _word_candidates(core, settings)
        cands = [Cand((NUM,), None, settings.keep_code_cost + 1.0)] + [Cand((s,), s, c) for s, c in words]
        return TokenSlot.make(piece, tok, cands, len(cands) == 1, suspicious=bool(words))
    if not core.isalpha() and not any(ch in OCR_JUNK for ch in core):
        return TokenSlot.make(piece, tok, [Cand((ABBR,) if core.isupper() else (), None, 0.0)], True)
    alpha = [ch for ch in core if ch.isalpha()]
    if (
        core.isupper()
        and len(alpha) >= 2
        and len(alpha) == len(core)
        and (
            core in KNOWN_ABBREVIATIONS
            or fold(core).upper() in _ABBR_BY_FOLD
            or (
                fold(core) not in model.by_key
                and (not heavy or len(alpha) == 2 or not _word_candidates(core, settings))
            )
        )
    ):
        canonical = _ABBR_BY_FOLD.get(fold(core).upper(), core)
        out = canonical if (heavy and canonical != core) else None
        return TokenSlot.make(piece, tok, [Cand((ABBR,), out, 0.0)], True)
    low = normalize_syllable(core.lower())
    if low in model.syllables:
        suspicious = not has_diacritic(low) and len(model.by_key.get(fold(low), ())) > 1
        cands = [Cand((low,), low, 0.0)]
        if heavy:
            cands += [Cand((s,), s, c) for s, c in _word_candidates(core, settings, mode == "ocr") if s != low]
        return TokenSlot.make(piece, tok, cands, len(cands) == 1, suspicious=suspicious)
    words = _word_candidates(core, settings)
    same_key = any(fold(w) == fold(low) for w, _c in words)
    if not heavy:
        words = tuple(w for w in words if w[1] <= settings.light_max_cost or fold(w[0]) == fold(low))
    cands = [Cand((s,), s, c) for s, c in words]
    if not heavy and not same_key and len(low) >= 5 and has_diacritic(low):
        # Substituted words ("Sonchính") live in clean text; an OCR'd syllable is not one.
        cands += _split_candidates(core, model, settings, substitutes)
    if not cands:
        abbr = ABBR if core.isupper() else None
        return TokenSlot.make(piece, tok, [Cand((abbr,) if abbr else (), None, 0.0)], True)
    return TokenSlot.make(piece, tok, cands, False, suspicious=True)


# --- decoding ---------------------------------------------------------------------------------


def _decode(slots: list[TokenSlot], model: RepairModel, settings: RepairSettings) -> list[int]:
    """Best candidate index per slot: beam search over (prev2, prev1) states of unit ids."""
    w = settings.channel_weight
    tri, bi, bow2, bow1, uni = model.tri, model.bi, model.bow2, model.bow1, model.uni
    ids = model.ids
    bos = ids[BOS]
    eos = ids[EOS]

    def score(a: int, b: int, c: int) -> float:
        lp = tri.get((a << 32) | (b << 16) | c)
        if lp is not None:
            return lp
        back = bow2.get((a << 16) | b, 0.0)
        lp = bi.get((b << 16) | c)
        if lp is not None:
            return back + lp
        return back + bow1[b] + uni[c]

    # beam entries: (score, prev2, prev1, back-pointer chain)
    beam: list[tuple[float, int, int, tuple]] = [(0.0, bos, bos, ())]
    width = settings.beam
    floor = model.floor_lp
    for slot in slots:
        cands = slot.cands
        if not cands:
            beam = [(sc, a, b, (0, ch)) for sc, a, b, ch in beam]
            continue
        # (index, channel score, unit ids or None for a context break, extra log-prob for
        # units outside the vocabulary)
        options = []
        for j, cand in enumerate(cands):
            unit_ids = tuple(ids.get(u, -1) for u in cand.units)
            options.append((j, -w * cand.cost, unit_ids))
        expanded: dict[tuple[int, int], tuple[float, int, int, tuple]] = {}
        brk = slot.breaks
        for s0, a, b, ch in beam:
            for j, channel, unit_ids in options:
                sc = s0 + channel
                x, y = a, b
                if not unit_ids:  # an unknown token breaks the context
                    sc += score(x, y, eos)
                    x = y = bos
                else:
                    for u in unit_ids:
                        if u < 0:
                            sc += floor
                            x, y = bos, bos
                            continue
                        sc += score(x, y, u)
                        x, y = y, u
                if brk:
                    sc += score(x, y, eos)
                    x = y = bos
                key = (x, y)
                prev = expanded.get(key)
                if prev is None or sc > prev[0]:
                    expanded[key] = (sc, x, y, (j, ch))
        beam = list(expanded.values())
        if len(beam) > width:
            beam.sort(key=lambda e: -e[0])
            del beam[width:]
    best = max(beam, key=lambda e: e[0] + score(e[1], e[2], eos))
    out: list[int] = []
    chain = best[3]
    while chain:
        out.append(chain[0])
        chain = chain[1]
    return out[::-1]


def _confidence(
    slots: list[TokenSlot], choice: list[int], i: int, model: RepairModel, settings: RepairSettings
) -> float:
    """Local posterior of the chosen candidate at slot i, from the bigrams with its chosen
    neighbours and the channel cost (cheap, and what a reviewer needs: how contested it was)."""

    def unit(k: int, last: bool) -> str:
        if k < 0 or k >= len(slots) or not slots[k].cands:
            return BOS if last else EOS
        units = slots[k].cands[choice[k]].units
        return (units[-1] if last else units[0]) if units else (BOS if last else EOS)

    prev, nxt = unit(i - 1, True), unit(i + 1, False)
    scores = []
    for cand in slots[i].cands:
        u = cand.units[0] if cand.units else EOS
        v = cand.units[-1] if cand.units else EOS
        scores.append(-settings.channel_weight * cand.cost + model.bigram(prev, u) + model.bigram(v, nxt))
    top = max(scores)
    z = sum(math.exp(s - top) for s in scores)
    return math.exp(scores[choice[i]] - top) / z


# --- catalogue phrases ------------------------------------------------------------------------


def _snap_phrases(cores: list[str | None], model: RepairModel, settings: RepairSettings) -> dict[int, str]:
    """Windows of tokens whose folded text matches a catalogue phrase: the phrase's wording.

    ``cores`` holds, per slot, the decoded core (or the token as written) and None for numbers
    and punctuation, which a phrase cannot span. Token-aligned: a phrase of n tokens replaces a
    window of n tokens, each only when it resembles the phrase's token."""
    positions = [i for i, c in enumerate(cores) if c]
    folded = [fold(cores[i]) for i in positions]
    present = set(folded)
    hits: list[tuple[float, int, int]] = []
    for pidx, phrase in enumerate(model.catalogue):
        n = len(phrase.cores)
        if n < settings.phrase_min_tokens or n > len(positions):
            continue
        if len(phrase.keys & present) < 0.6 * len(phrase.keys):  # cheap filter before fuzzy matching
            continue
        windows = [" ".join(folded[st : st + n]) for st in range(len(positions) - n + 1)]
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
    damaged_doc: bool = False,
    substitutes: tuple[tuple[str, str], ...] = (),
) -> LineRepair:
    """Repair one line; ``damaged_doc`` lowers the bar for full decoding (OCR dumps);
    ``substitutes`` are the document's consensus repairs of corrupted compound heads."""
    if not line.strip():
        return LineRepair(line, False, None)
    model = load_model()
    pieces = split_line(line)
    light = [_classify(p, settings, "light", substitutes) if p and not p.isspace() else None for p in pieces]
    slots_light = [s for s in light if s is not None]
    n_words, damage = line_damage(slots_light)
    heavy = n_words > 0 and damage >= settings.heavy_damage and (n_words >= settings.heavy_min_words or damaged_doc)
    if heavy:
        ocr_line = any(not sl.fixed for sl in slots_light)  # a non-syllable beside the damage
        mode = "ocr" if damaged_doc or ocr_line else "heavy"
        slots_all = [_classify(p, settings, mode, substitutes) if p and not p.isspace() else None for p in pieces]
    else:
        if not any(not s.fixed for s in slots_light):
            return _normalized_only(line, pieces, slots_light)
        slots_all = light
    slots = [s for s in slots_all if s is not None]
    choice = _decode(slots, model, settings)
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
    details: list[tuple[str, str, float]] = []
    confs: list[float] = []
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
                conf = 0.95 if k in snapped else _confidence(slots, choice, k, model, settings)
                details.append((piece, new_piece, conf))
                confs.append(conf)
            out_pieces.append(new_piece)
        k += 1
    text = "".join(out_pieces)
    changed = text != line
    return LineRepair(text, changed, (sum(confs) / len(confs)) if confs else None, len(details), details)


def _normalized_only(line: str, pieces: list[str], slots: list[TokenSlot]) -> LineRepair:
    """A clean line: only the house tone placement is applied."""
    out = []
    n = 0
    for piece in pieces:
        if not piece or piece.isspace():
            out.append(piece)
            continue
        tok = parse_token(piece)
        core = normalize_syllable(tok.core) if tok.core else tok.core
        if core != tok.core:
            n += 1
        out.append(tok.lead + core + tok.trail)
    text = "".join(out)
    return LineRepair(text, text != line, 1.0 if text != line else None, n)
