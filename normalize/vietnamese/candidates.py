"""Candidates of a token: what each word, code or abbreviation of a damaged line may stand for.

Per token: its kind (number/code, abbreviation, word, compound, glued token), and the syllables it
may be, each with a channel cost: same diacritic-free key (every inventory syllable of that key:
none is pruned, the language model decides), or a key reached through the OCR confusion table.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cached_property, lru_cache, partial
from itertools import count
from typing import NamedTuple

import regex as re

from .model import RepairModel, load_model
from .syllable import apply_case, case_of, fold, has_diacritic, normalize_syllable
from .tokens import ABBR, NUM, OCR_JUNK, Token, breaks_context, is_code, parse_token

_COMPOUND = re.compile(r"^\p{L}+(?:[-/]\p{L}+)+$")
KNOWN_ABBREVIATIONS = frozenset(
    "UBND HĐND HDND CCHC TTHC QPPL VBQPPL KH BC QĐ QD CBCC CBCCVC PAKN CNTT TTĐT TTDT NSNN "
    "BPTN BCCI ISO THPL VPHC KT-XH MTTQ HCC BHXH BHYT TW CP NĐ NQ TT VP STT KSTT PCI PAR SIPAS".split()
)

# Abbreviations written with Đ, by their Đ-less spelling (OCR and stripped text lose the bar).
_ABBR_BY_FOLD = {fold(a).upper(): a for a in KNOWN_ABBREVIATIONS if "Đ" in a} | {
    fold(a).upper(): a for a in ("ĐVSN", "QĐ-UBND", "HĐND", "TTĐT", "BCĐ", "ĐTN")
}

# Parts of document numbers and codes written with Đ, by their Đ-less spelling ("52/QD-UBND",
# "NQ-HDND", "BCTD-STP"); "ND" only before "CP" (Nghị định của Chính phủ), where it cannot be
# anything else.
_CODE_PARTS = {
    "QD": "QĐ",
    "HDND": "HĐND",
    "TTDT": "TTĐT",
    "BCD": "BCĐ",
    "BCTD": "BCTĐ",
    "DVSN": "ĐVSN",
    "DTN": "ĐTN",
    "CTHD": "CTHĐ",
    "TTHDND": "TTHĐND",
    "DU": "ĐU",
}
_CODE_SPLIT = re.compile(r"([-/.&])")
_ROMAN = re.compile(r"^(?=[IVXLC]{2,}$)(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
# A token glued to a number ("số581", "Điều5") or to the next word ("xãĐịnh", "xaDinh").
# Two digits at least: one digit inside letters is OCR's ("gi4" = "giá", "s6" = "số").
_GLUED_NUMBER = re.compile(r"^(\p{L}{2,})(\d[\d.,/]*\d)$")
_GLUED_WORDS = re.compile(r"^(\p{Ll}+)(\p{Lu}\p{Ll}+)$")
_SINGLE_VOWELS = frozenset("aeiouy")
_INNER_DIGIT = re.compile(r"\p{L}\d\p{L}")

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
    ("od", "o", 1.0),  # ô with its tone read as two glyphs: "hod" = "hồ", "modn" = "môn" (seed 003)
    ("w", "u", 0.8),
    ("uw", "u", 0.8),
    # ư's horn read as a "y" ("Thuyc" = "Thực", "tuy" = "tự", seed 003), where "uy" cannot be
    # Vietnamese: before a final consonant other than "nh" (never before "ê": "nguyễn").
    ("uyc", "uc", 1.0),
    ("uyt", "ut", 1.0),
    ("uym", "um", 1.0),
    ("uyng", "ung", 1.0),
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
# Confusions at one end of a word only (``True``: its start): a capital P or D read for Đ; at
# the end, ư's horn read as a "y" ("tuy" = "tự").
_ANCHORED = (("p", "d", 0.6, True), ("uy", "u", 1.0, False))
# The confusions by the first letter of what OCR wrote: a key is read once, letter by letter.
_CONFUSIONS_BY_FIRST: dict[str, tuple[tuple[str, str, float], ...]] = {
    ch: tuple(r for r in CONFUSIONS if r[0][0] == ch) for ch in {r[0][0] for r in CONFUSIONS}
}


@dataclass(frozen=True)
class RepairSettings:
    channel_weight: float = 1.0  # weight of the channel cost against LM log-probabilities
    rare_mark_gap: float = 4.5  # log-frequency gap at which a clean line's rare syllable is doubted
    changed_mark_cost: float = 2.0  # observed token carried marks, candidate differs from it
    mark_mismatch_cost: float = 0.6  # per vowel whose marked/unmarked state differs
    plain_to_marked_cost: float = 0.0  # observed token had no marks at all (stripped text)
    heavy_damage: float = 0.5  # share of suspicious tokens that triggers full decoding
    heavy_min_words: int = 3
    beam: int = 6
    # Hypotheses this many nats below the best are dropped (speed): 6 keeps every held-out figure
    # of benchmarks/repair and seed 003 (9 was as accurate, at 1.4× the decoding time; 5 loses a
    # name of seed 003).
    beam_margin: float = 6.0
    name_bonus: float = 3.0  # two capitalised tokens read as consecutive syllables of a gazetteer name
    confidence_rivals: int = 4  # most frequent candidates a choice's confidence is weighed against
    max_candidates: int = 12  # candidates reached through OCR confusions (own-key ones: all)
    per_confusion_key: int = 3  # of those, per diacritic-free key reached
    max_confusions: int = 2
    split_cost: float = 3.0  # a token decoded as two syllables
    substitute_cost: float = 5.0  # first half of a compound replaced from context
    keep_code_cost: float = 0.0
    inner_digit_keep_cost: float = 3.0  # keeping "X4y" as written: a code never looks like that
    light_max_cost: float = 1.5  # in a clean line, only cheap repairs of non-syllables
    valid_confusion_cost: float = 1.5  # reading a valid syllable as an OCR confusion
    phrase_min_score: float = 90.0
    phrase_min_score_long: float = 86.0  # phrases of 6+ tokens: OCR damage spreads over more
    phrase_min_tokens: int = 3
    phrase_min_shared: float = 0.6  # share of a phrase's distinct words the line must hold to be tried
    # A catalogue phrase's letters against a token's written ones, per edit no OCR confusion
    # explains: dearer than any one confusion (at most 1.4), so that a letter the phrase changes
    # for no known reason counts against it.
    snap_edit_cost: float = 1.5

    # The settings key every cached look-up of a token (``classify``, ``_word_candidates``):
    # hashing 25 fields per token would cost the repair a tenth of its time.
    @cached_property
    def _hash(self) -> int:
        return hash(tuple(getattr(self, f.name) for f in fields(self)))

    def __hash__(self) -> int:
        return self._hash


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

    @staticmethod
    def make(
        piece: str, token: Token, cands, fixed: bool, suspicious: bool = False, weight: float = 1.0, view=None
    ) -> TokenSlot:
        cands = tuple(cands)
        singles, others, by_unit, keys, ranked, view_id = view or decoder_view(cands, weight)
        capital = token.core[:1].isupper() and token.core.isalpha()
        damage = 0
        if cands and any(ch.isalpha() for ch in token.core):
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
        unit_ids = tuple(ids.get(u, -1) for u in cand.units)
        if len(unit_ids) == 1 and unit_ids[0] >= 0:
            singles.append((j, cand.cost, unit_ids[0]))
        else:
            others.append((j, cand.cost, unit_ids))
    singles.sort(key=lambda e: -uni[e[2]])
    by_unit: dict[int, tuple[int, float]] = {}
    for j, cost, u in singles:
        if u not in by_unit or cost < by_unit[u][1]:
            by_unit[u] = (j, cost)
    keys = tuple(dict.fromkeys(key_of[u] for u in by_unit))
    ranked = sorted(((uni[u] - weight * cost, u, j) for u, (j, cost) in by_unit.items()), key=lambda e: (-e[0], e[2]))
    return tuple(singles), tuple(others), by_unit, keys, tuple(ranked), next(_VIEW_IDS)


_VIEW_IDS = count(1)  # serial numbers of decoder views (``TokenSlot.view_id``)


# --- candidates -------------------------------------------------------------------------------


@lru_cache(maxsize=20_000)
def variants(key: str, max_edits: int) -> dict[str, float]:
    """Strings reachable from ``key`` by up to ``max_edits`` confusion rewrites, with cost
    (the cheapest path). Shared by every token of the key: do not mutate."""
    out = {key: 0.0}
    frontier = {key: 0.0}
    by_first = _CONFUSIONS_BY_FIRST
    for _ in range(max_edits):
        nxt: dict[str, float] = {}
        for s, c in frontier.items():
            for i, ch in enumerate(s):
                for src, dst, cost in by_first.get(ch, ()):
                    if s.startswith(src, i):
                        t = s[:i] + dst + s[i + len(src) :]
                        tc = c + cost
                        if tc < out.get(t, 1e9):
                            out[t] = nxt[t] = tc
            for src, dst, cost, start in _ANCHORED:
                if s.startswith(src) if start else s.endswith(src):
                    t = dst + s[len(src) :] if start else s[: -len(src)] + dst
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
        for variant, vcost in variants(key, settings.max_confusions).items():
            if variant == key:
                continue
            for syl in model.by_key.get(variant, ()):
                c = vcost + _channel_cost(low, syl, settings) * 0.5 + 0.5 + extra
                if c < found.get(syl, 1e9):
                    found[syl] = c
    rank = model.uni_lp
    # Every syllable of the token's own key stays a candidate, however rare (the language model
    # decides); of those reached only through OCR confusions, the cheapest few.
    same = sorted((kv for kv in found.items() if fold(kv[0]) == key), key=lambda kv: (kv[1], -rank[kv[0]], kv[0]))
    other = sorted((kv for kv in found.items() if fold(kv[0]) != key), key=lambda kv: (kv[1], -rank[kv[0]], kv[0]))
    # A few per reachable key, so that one crowded key ("la": 7 syllables) does not crowd out
    # the reading a slightly dearer confusion gives ("1&" = "lệ").
    per_key: dict[str, int] = {}
    kept = []
    for syl, cost in other:
        k = fold(syl)
        if per_key.get(k, 0) < settings.per_confusion_key:
            per_key[k] = per_key.get(k, 0) + 1
            kept.append((syl, cost))
    return tuple(same) + tuple(kept[: settings.max_candidates])


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
    for splits in map(_split_votes, set(tokens)):
        for head, tail in splits:
            tails.setdefault(head, set()).add(tail)
    out = []
    for head, ts in tails.items():
        votes: dict[str, tuple[int, float]] = {}
        for t in ts:
            for sub in model.left_of(t):
                n, lp = votes.get(sub, (0, 0.0))
                votes[sub] = (n + 1, lp + model.bigram(sub, t))
        if votes:
            out.append((head, max(votes.items(), key=lambda kv: kv[1])[0]))
    return tuple(sorted(out))


@lru_cache(maxsize=100_000)
def _split_votes(piece: str) -> tuple[tuple[str, str], ...]:
    """(folded head, tail) of each split of a token that may be a corrupted compound (most have
    none: ``consensus_substitutes`` reads every token of every line)."""
    core = parse_token(piece).core
    if not core or not core.isalpha() or core.isupper() or not _may_split(core):
        return ()
    return tuple((fold(head), tail) for head, tail, _i in compound_splits(core, load_model()))


@lru_cache(maxsize=100_000)
def _may_split(core: str) -> bool:
    """Could ``classify`` read this token as two syllables with a substituted head: a marked
    token of five letters or more that is not a syllable (an unmarked one is stripped or OCR'd
    text, never a substituted word). Only such tokens vote for, and use, the substitutes."""
    low = normalize_syllable(core.lower())
    return len(low) >= 5 and has_diacritic(low) and low not in load_model().syllables


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
        for s in (sub,) if sub else model.left_of(tail):
            # A substituted head: its case is noise ("Sonchính" mid-sentence), written lower.
            text = (s.upper() + " " + tail.upper()) if upper else f"{s} {tail_text}"
            out.append(Cand((s, tail), text, settings.substitute_cost, cased=True))
    return out


def restore_code(core: str) -> str:
    """A code's letter parts with their Đ back ("06/2024/QD-UBND" → "06/2024/QĐ-UBND"); digits
    and separators untouched."""
    parts = _CODE_SPLIT.split(core)
    out = []
    for i, part in enumerate(parts):
        up = part.upper() == part
        fixed = _CODE_PARTS.get(part) if up else None
        if part == "ND" and i + 2 < len(parts) and parts[i + 1] == "-" and parts[i + 2] == "CP":
            fixed = "NĐ"
        out.append(fixed or part)
    return "".join(out)


def _code_slot(piece: str, tok: Token, unit: str, settings: RepairSettings) -> TokenSlot:
    restored = restore_code(tok.core)
    cands = [Cand((unit,), restored if restored != tok.core else None, 0.0)]
    return TokenSlot.make(piece, tok, cands, True, weight=settings.channel_weight)


def _glued_candidates(core: str, settings: RepairSettings, heavy: bool) -> list[Cand]:
    """A word glued to a number or to the next (capitalised) word, as two tokens."""
    model = load_model()
    m = _GLUED_NUMBER.match(core)
    if m and not m.group(1).isupper():
        word, digits = m.group(1), m.group(2)
        options = _part_options(word, settings, heavy)
        return [Cand((s, NUM), f"{apply_case(s, case_of(word))} {digits}", c, cased=True) for s, c in options]
    m = _GLUED_WORDS.match(core)
    if m and normalize_syllable(core.lower()) not in model.syllables:
        left, right = m.group(1), m.group(2)
        out = []
        for a, ca in _part_options(left, settings, heavy)[:4]:
            for b, cb in _part_options(right, settings, heavy)[:4]:
                text = f"{apply_case(a, case_of(left))} {apply_case(b, case_of(right))}"
                out.append(Cand((a, b), text, ca + cb, cased=True))
        return out
    return []


def _part_options(word: str, settings: RepairSettings, heavy: bool) -> tuple[tuple[str, float], ...]:
    low = normalize_syllable(word.lower())
    if not heavy and low in load_model().syllables:
        return ((low, 0.0),)
    return _word_candidates(word, settings)


def classify(
    piece: str, settings: RepairSettings, mode: str, substitutes: tuple[tuple[str, str], ...] = ()
) -> TokenSlot:
    """A token's candidates. ``mode``: ``light`` (clean line: only non-syllables get
    candidates), ``heavy`` (stripped/damaged line: every word), ``ocr`` (heavy, in an OCR'd
    document: valid syllables may be OCR confusions too, "xi" for "xã"). ``substitutes`` are
    the document's consensus heads of corrupted compounds (``consensus_substitutes``)."""
    if substitutes and (mode != "light" or not _may_split(parse_token(piece).core)):
        substitutes = ()  # of no use to this token: the cached slot of every document serves
    return _classify(piece, settings, mode, substitutes)


# Pieces kept per settings and mode by ``classify_pieces`` before its dict starts afresh.
SLOT_CACHE_LIMIT = 200_000


@lru_cache(maxsize=16)
def _slot_cache(settings: RepairSettings, mode: str) -> dict[str, TokenSlot | None]:
    """The slots ``classify_pieces`` has made with these settings and mode, by piece."""
    return {}


def classify_pieces(
    pieces: list[str], settings: RepairSettings, mode: str, substitutes: tuple[tuple[str, str], ...] = ()
) -> list[TokenSlot | None]:
    """``classify`` of every piece of a split line (None for the whitespace between tokens),
    through a plain dict of the pieces met: a line's tokens are classified two or three times
    (light, then heavy or OCR), and the settings' hash that keys ``classify``'s cache per token
    cost the repair a tenth of its time. A piece whose slot depends on the document's
    substitutes (``classify``) is not kept."""
    cache = _slot_cache(settings, mode)
    out: list[TokenSlot | None] = []
    for p in pieces:
        slot = cache.get(p, _MISSING)
        if slot is _MISSING:
            slot = None if not p or p.isspace() else classify(p, settings, mode, substitutes)
            if slot is None or not (substitutes and mode == "light" and _may_split(parse_token(p).core)):
                if len(cache) >= SLOT_CACHE_LIMIT:
                    cache.clear()
                cache[p] = slot
        out.append(slot)  # type: ignore[arg-type]  # _MISSING was replaced above
    return out


_MISSING = object()  # ``classify_pieces``: a piece not met yet (whitespace is kept as None)


@lru_cache(maxsize=200_000)
def _classify(piece: str, settings: RepairSettings, mode: str, substitutes: tuple[tuple[str, str], ...]) -> TokenSlot:
    model = load_model()
    heavy = mode != "light"
    make = partial(TokenSlot.make, weight=settings.channel_weight)
    tok = parse_token(piece)
    core = tok.core
    if not core:
        return make(piece, tok, [], True)
    keep_num = Cand((NUM,), None, 0.0)
    if heavy and len(core) == 1 and core in _SINGLE_VOWELS and not tok.lead and not tok.trail.startswith((")", ".")):
        # A one-letter word of a stripped line ("y thuc" = "ý thức"); a list marker "a)" is not.
        same = [Cand((s,), s, c) for s, c in _word_candidates(core, settings) if fold(s) == core]
        if len(same) > 1:
            return make(piece, tok, same, False, suspicious=True)
    if "<" in piece or ">" in piece or len(core) == 1 and not (heavy and core in OCR_JUNK):
        # Markup, list markers "b)", single letters: never repaired.
        unit = NUM if core.isdigit() else ABBR
        return make(piece, tok, [Cand((unit,), None, 0.0)], True)
    if core.isalpha() and not core.isupper():
        # Most tokens: a word in lower or title case that is a syllable. No branch below but
        # the last can take it (no digit, separator or junk; not an abbreviation).
        low = normalize_syllable(core.lower())
        if low in model.syllables:
            return _syllable_slot(piece, tok, low, settings, mode)
    if (
        is_code(core)
        and (not core.isalpha())
        and any(ch.isdigit() for ch in core)
        or ("/" in core and any(ch.isdigit() for ch in core))
    ) and not _GLUED_NUMBER.match(core):
        return _code_slot(piece, tok, NUM, settings)
    glued = _glued_candidates(core, settings, heavy)
    if glued:
        return make(piece, tok, glued, len(glued) == 1, suspicious=len(glued) > 1)
    if _COMPOUND.match(core) and not core.isupper():
        parts = re.split(r"[-/]", core)
        if not heavy and all(normalize_syllable(p.lower()) in model.syllables for p in parts):
            return make(piece, tok, [Cand((ABBR,), None, 0.0)], True)
        cands = _compound_candidates(core, settings)
        return make(piece, tok, cands, len(cands) <= 1, suspicious=len(cands) > 1)
    letters = [ch for ch in core if ch.isalpha() or ch in OCR_JUNK]
    has_digit = any(ch.isdigit() for ch in core)
    if has_digit:
        # Letters and digits: a code ("LL1") or an OCR'd word ("s6" = "số"): let context choose.
        if len(letters) == 0 or sum(ch.isdigit() for ch in core) > 1:
            return make(piece, tok, [keep_num], True)
        words = _word_candidates(core, settings)
        # A digit between letters ("X4y", "nh6m") is OCR's, a digit at an end may be a code's.
        keep = settings.keep_code_cost + (settings.inner_digit_keep_cost if _INNER_DIGIT.search(core) else 1.0)
        cands = [Cand((NUM,), None, keep)] + [Cand((s,), s, c) for s, c in words]
        return make(piece, tok, cands, len(cands) == 1, suspicious=bool(words))
    if not core.isalpha() and not any(ch in OCR_JUNK for ch in core):
        if core.isupper():  # "QD-UBND", "KT-XH"
            return _code_slot(piece, tok, ABBR, settings)
        return make(piece, tok, [Cand((), None, 0.0)], True)
    if _ROMAN.match(core):  # "II", "XI", "XVIII": section numbers, not words
        return make(piece, tok, [keep_num], True)
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
        return make(piece, tok, [Cand((ABBR,), out, 0.0)], True)
    low = normalize_syllable(core.lower())
    if low in model.syllables:
        return _syllable_slot(piece, tok, low, settings, mode)
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
        return make(piece, tok, [Cand((abbr,) if abbr else (), None, 0.0)], True)
    return make(piece, tok, cands, False, suspicious=True)


def _syllable_slot(piece: str, tok: Token, low: str, settings: RepairSettings, mode: str) -> TokenSlot:
    """A token that is a syllable (``low``, lower case): the token's own reading, and in a damaged
    line every reading of its key (and of its OCR confusions, ``ocr``)."""
    cands, suspicious, view = _syllable_cands(low, settings, mode)
    return TokenSlot.make(piece, tok, cands, len(cands) == 1, suspicious, settings.channel_weight, view)


@lru_cache(maxsize=50_000)
def _syllable_cands(low: str, settings: RepairSettings, mode: str):
    """``_syllable_slot``'s candidates, whether the token is suspicious, and the decoder's view:
    the same for every token of that syllable ("chinh", "Chinh", "chinh,")."""
    model = load_model()
    suspicious = not has_diacritic(low) and len(model.by_key.get(fold(low), ())) > 1
    cands = [Cand((low,), low, 0.0)]
    if mode != "light":
        cands += [Cand((s,), s, c) for s, c in _word_candidates(low, settings, mode == "ocr") if s != low]
    elif has_diacritic(low):
        # A rare syllable beside a far more frequent one of its key ("Tý lệ" for "Tỷ lệ"): a
        # misread mark; the context decides, at the price of changing a mark.
        rank = model.uni_lp
        alts = [s for s in model.by_key[fold(low)] if rank[s] - rank[low] >= settings.rare_mark_gap]
        cands += [Cand((s,), s, settings.changed_mark_cost) for s in alts[:2]]
    out = tuple(cands)
    return out, suspicious, decoder_view(out, settings.channel_weight)
