"""Candidates of a token: what each word, code or abbreviation of a damaged line may stand for.

Per token (``classify``): its kind (number/code, abbreviation, word, compound, glued token), and
the syllables it may be, each with its channel cost (``channel.py``); a corrupted compound's
readings come from ``compounds.py``. The decoder reads the result as a ``TokenSlot`` (``slots.py``).
"""

from __future__ import annotations

from functools import lru_cache, partial
from itertools import repeat

import regex as re

from normalize.lazy_regex import lazy_compile

from .channel import dropped_vowel_candidates, word_candidates
from .compounds import may_split, split_candidates
from .model import load_model
from .settings import RepairSettings
from .slots import Cand, TokenSlot, decoder_view
from .syllable import apply_case, case_of, fold, has_diacritic, normalize_syllable
from .tokens import ABBR, NUM, OCR_JUNK, Token, is_code, parse_token

_COMPOUND = lazy_compile(r"^\p{L}+(?:[-/]\p{L}+)+$")
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
_CODE_SPLIT = lazy_compile(r"([-/.&])")
_ROMAN = lazy_compile(r"^(?=[IVXLC]{2,}$)(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
# A token glued to a number ("số581", "Điều5") or to the next word ("xãĐịnh", "xaDinh").
# Two digits at least: one digit inside letters is OCR's ("gi4" = "giá", "s6" = "số").
_GLUED_NUMBER = lazy_compile(r"^(\p{L}{2,})(\d[\d.,/]*\d)$")
_GLUED_WORDS = lazy_compile(r"^(\p{Ll}+)(\p{Lu}\p{Ll}+)$")
_SINGLE_VOWELS = frozenset("aeiouy")
_INNER_DIGIT = lazy_compile(r"\p{L}\d\p{L}")
# A capital and a digit OCR writes for a vowel ("S6" = "Số", "C6" = "Có", "B6" = "Bộ"): in a
# damaged line, a word as likely as a code, like "s6" (the context decides).
_CAPITAL_VOWEL_DIGIT = lazy_compile(r"^\p{Lu}[0346]$")
# An apostrophe after a u or an o inside a word: the horn OCR read apart ("THU'C" = "THỰC").
_HORN_APOSTROPHE = lazy_compile(r"^\p{L}*[uUoO]['’]\p{L}+$")


def _compound_candidates(core: str, settings: RepairSettings) -> list[Cand]:
    """A hyphen/slash compound ("phong-Thong"): each part repaired, the separators kept."""
    parts = re.split(r"([-/])", core)
    words, seps = parts[0::2], parts[1::2]
    options = []
    for w in words:
        found = word_candidates(w, settings)[:3] or ((None, 0.0),)
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
    return word_candidates(word, settings)


def classify(
    piece: str, settings: RepairSettings, mode: str, substitutes: tuple[tuple[str, str], ...] = ()
) -> TokenSlot:
    """A token's candidates. ``mode``: ``light`` (clean line: only non-syllables get
    candidates), ``heavy`` (stripped/damaged line: every word), ``ocr`` (heavy, in an OCR'd
    document: valid syllables may be OCR confusions too, "xi" for "xã"). ``substitutes`` are
    the document's consensus heads of corrupted compounds (``consensus_substitutes``)."""
    if substitutes and (mode != "light" or not may_split(parse_token(piece).core)):
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
    get = cache.get
    out = list(map(get, pieces, repeat(_MISSING)))  # C-level: no frame per piece
    if _MISSING not in out:  # most lines: every piece met before
        return out  # type: ignore[return-value]  # no _MISSING in it
    for i, p in enumerate(pieces):
        if out[i] is not _MISSING:
            continue
        slot = None if not p or p.isspace() else classify(p, settings, mode, substitutes)
        if slot is None or not (substitutes and mode == "light" and may_split(parse_token(p).core)):
            if len(cache) >= SLOT_CACHE_LIMIT:
                cache.clear()
            cache[p] = slot
        out[i] = slot
    return out  # type: ignore[return-value]  # every _MISSING was replaced


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
        same = [Cand((s,), s, c) for s, c in word_candidates(core, settings) if fold(s) == core]
        if len(same) > 1:
            return make(piece, tok, same, False, suspicious=True)
    if (
        mode == "ocr"
        and len(core) == 1
        and core.isalpha()
        and fold(core) not in _SINGLE_VOWELS
        and core not in "IVX"  # a section number ("V CẢI CÁCH TÀI CHÍNH CÔNG")
        and not tok.lead
        and not tok.trail.startswith((")", "."))
    ):
        # A lone consonant in an OCR'd line: a syllable whose vowel OCR lost ("b" = "bộ"), or
        # a letter as written (the context decides).
        lost = dropped_vowel_candidates(core, settings)
        if lost:
            cands = [Cand((ABBR,), None, settings.dropped_vowel_cost)] + [Cand((s,), s, c) for s, c in lost]
            return make(piece, tok, cands, False, suspicious=True)
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
        and not (heavy and _CAPITAL_VOWEL_DIGIT.match(core))
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
        words = word_candidates(core, settings)
        # A digit between letters ("X4y", "nh6m") is OCR's, a digit at an end may be a code's.
        keep = settings.keep_code_cost + (settings.inner_digit_keep_cost if _INNER_DIGIT.search(core) else 1.0)
        cands = [Cand((NUM,), None, keep)] + [Cand((s,), s, c) for s, c in words]
        return make(piece, tok, cands, len(cands) == 1, suspicious=bool(words))
    if heavy and _HORN_APOSTROPHE.match(core):
        horned = word_candidates(core, settings)
        if horned:
            return make(piece, tok, [Cand((s,), s, c) for s, c in horned], False, suspicious=True)
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
                fold(core) not in model.by_key and (not heavy or len(alpha) == 2 or not word_candidates(core, settings))
            )
        )
    ):
        canonical = _ABBR_BY_FOLD.get(fold(core).upper(), core)
        out = canonical if (heavy and canonical != core) else None
        return make(piece, tok, [Cand((ABBR,), out, 0.0)], True)
    low = normalize_syllable(core.lower())
    if low in model.syllables:
        return _syllable_slot(piece, tok, low, settings, mode)
    words = word_candidates(core, settings)
    same_key = any(fold(w) == fold(low) for w, _c in words)
    if not heavy:
        words = tuple(w for w in words if w[1] <= settings.light_max_cost or fold(w[0]) == fold(low))
    if heavy and not words and core.isalpha():
        words = dropped_vowel_candidates(core, settings)  # "cp" = "cấp"
    cands = [Cand((s,), s, c) for s, c in words]
    if not heavy and not same_key and len(low) >= 5 and has_diacritic(low):
        # Substituted words ("Sonchính") live in clean text; an OCR'd syllable is not one.
        cands += split_candidates(core, model, settings, substitutes)
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
        cands += [Cand((s,), s, c) for s, c in word_candidates(low, settings, mode == "ocr") if s != low]
    elif has_diacritic(low):
        # A rare syllable beside a far more frequent one of its key ("Tý lệ" for "Tỷ lệ"): a
        # misread mark; the context decides, at the price of changing a mark.
        rank = model.uni_lp
        alts = [s for s in model.by_key[fold(low)] if rank[s] - rank[low] >= settings.rare_mark_gap]
        cands += [Cand((s,), s, settings.changed_mark_cost) for s in alts[:2]]
    out = tuple(cands)
    return out, suspicious, decoder_view(out, settings.channel_weight)
