"""The channel: what syllables a written word may stand for, at what cost.

Every inventory syllable of the word's diacritic-free key (none is pruned: the language model
decides), priced by the marks the word carried; and the syllables of the keys its OCR confusions
reach (``CONFUSIONS``: what a Latin-only OCR writes for Vietnamese letters), priced by them.
"""

from __future__ import annotations

from functools import lru_cache

from .model import load_model
from .settings import RepairSettings
from .syllable import fold, has_diacritic, normalize_syllable

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
    # ư with its tone (ứ, ừ) read as "it" by a Latin-only OCR: "Ditc" = "Đức", "Hita" = "Hứa".
    ("it", "u", 1.2),
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
    ("yu", "u", 1.0),  # the horn read as a "y" ahead of its u ("thyuc" = "thực", seed 003)
    # the horn read as an apostrophe after its letter ("THU'C" = "THỰC", seed 003)
    ("u'", "u", 0.4),
    ("o'", "o", 0.4),
    ("u’", "u", 0.4),
    ("o’", "o", 0.4),
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
    # ư with its tone read as two glyphs by a Latin-only OCR, the horn a stroke beside the u:
    # "chivc" = "chức", "ctva" = "cửa", "stv" = "sử". Not "tt": a lone "ctta" wrapped onto its
    # own line was read "của" and the name ran on into the next row's. Not yet "if" ("chifc")
    # nor "tf" ("chtfc"): a garbled table's row whose name "if" mended counted as named by the
    # set, and the table was no longer withdrawn whole, its garbage rows kept
    # (tests/test_ocr_dump_specks); a letter's "Can ctf" read "Căn cứ" opened its body a line
    # early, and the commune whose marks only that line printed was lost (seed 19161 D02 i3).
    ("iv", "u", 1.0),
    ("tv", "u", 1.0),
)
# Confusions at one end of a word only (``True``: its start): a capital P or D read for Đ; at
# the end, ư's horn read as a "y" ("tuy" = "tự"), or ư read as a "v" ("xv" = "xử", "dv" = "dự":
# no syllable ends in "v").
_ANCHORED = (("p", "d", 0.6, True), ("uy", "u", 1.0, False), ("v", "u", 1.0, False))
# The confusions by the first letter of what OCR wrote: a key is read once, letter by letter.
_CONFUSIONS_BY_FIRST: dict[str, tuple[tuple[str, str, float], ...]] = {
    ch: tuple(r for r in CONFUSIONS if r[0][0] == ch) for ch in {r[0][0] for r in CONFUSIONS}
}


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
                # (an end's glyph after a letter at least: "V" of "V/v" is a word of its own, no "Ư")
                if s.startswith(src) if start else (s.endswith(src) and len(s) > len(src)):
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
def word_candidates(core: str, settings: RepairSettings, ocr: bool = False) -> tuple[tuple[str, float], ...]:
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


@lru_cache(maxsize=20_000)
def dropped_vowel_candidates(core: str, settings: RepairSettings) -> tuple[tuple[str, float], ...]:
    """(syllable, cost) of a token whose vowel OCR lost whole ("cp" = "cấp", "b" = "bộ"): the
    syllables of the keys it is with one vowel put back, the few most frequent per key."""
    model = load_model()
    low = normalize_syllable(core.lower())
    out = []
    for k in model.vowel_dropped.get(fold(low), ()):
        for syl in model.by_key[k][: settings.per_confusion_key]:
            out.append((syl, settings.dropped_vowel_cost + _channel_cost(low, syl, settings) * 0.5))
    out.sort(key=lambda kv: (kv[1], -model.uni_lp[kv[0]], kv[0]))
    return tuple(out[: settings.max_candidates])
