"""The criteria catalogue as a fuzzy dictionary: a window of a damaged line that matches a catalogue
phrase (a criterion name, ``data/cchc_phrases.txt``) takes the phrase's wording, token by token,
where the phrase explains the written letters at least as well as the decoder's own reading."""

from __future__ import annotations

import math
from functools import lru_cache
from itertools import accumulate

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from .channel import variants
from .model import RepairModel, load_model
from .settings import RepairSettings
from .syllable import fold, normalize_syllable


def snap_phrases(
    cores: list[str | None], observed: list[str], model: RepairModel, settings: RepairSettings
) -> dict[int, str]:
    """Windows of tokens whose folded text matches a catalogue phrase: the phrase's wording.

    ``cores`` holds, per slot, the decoded core (or the token as written) and None for numbers,
    codes and punctuation, which a phrase cannot span: windows lie within the runs between them.
    ``observed`` holds each slot's core as written (the damaged letters). Token-aligned: a phrase
    of n tokens matched on a window of n tokens replaces each token only where the phrase's
    syllable explains the written letters at least as well as the decoder's own reading
    (``_letters_cost``): a syllable whose letters differ from the phrase's for no OCR confusion
    is evidence against it ("bao cao co" is not "báo cáo số"). Requiring the same of the whole
    window instead lost repairs ("điện tir cAp xã": "tử" is the phrase's, "cấp" the decoder's)."""
    positions = [i for i, c in enumerate(cores) if c]
    folded = list(map(fold, filter(None, cores)))
    hits: list[tuple[float, int, int]] = []
    catalogue = model.catalogue
    # Cheap filter before fuzzy matching: the phrases sharing enough of their distinct tokens
    # with the line (``_phrase_triggers``). Most lines of a text trigger none: they return here.
    always, by_key, masks, need = _phrase_triggers(settings.phrase_min_shared)
    maybe = set(always)
    held = 0  # the catalogue's tokens the line holds, one bit each
    for found in filter(None, map(by_key.get, set(folded))):
        held |= found[0]
        maybe.update(found[1])
    tried = sorted(pidx for pidx in maybe if (masks[pidx] & held).bit_count() >= need[pidx])
    if not tried:
        return {}
    # Windows are slices of the folded line (offsets of its tokens), one list per length; a
    # window starting at ``st`` is tried only when its tokens are adjacent slots (``run_end``:
    # per token, the index past the last token of its run).
    full = " ".join(folded)
    offsets = [0, *accumulate(map(len, folded))]
    offsets = [o + k for k, o in enumerate(offsets)]  # the spaces between tokens
    # The last token of each run but the line's last (a number, code or punctuation follows).
    run_ends = [k for k, (p, q) in enumerate(zip(positions, positions[1:])) if q != p + 1]
    windows_of: dict[int, list[str]] = {}
    for pidx in tried:
        phrase = catalogue[pidx]
        n = len(phrase.cores)
        if n < settings.phrase_min_tokens or n > len(positions):
            continue
        windows = windows_of.get(n)
        if windows is None:
            windows = windows_of[n] = [full[a : b - 1] for a, b in zip(offsets, offsets[n:])]
            # A window crossing a number or code is blank: it matches no phrase.
            for k in run_ends:
                for st in range(max(0, k - n + 2), min(k, len(windows) - 1) + 1):
                    windows[st] = ""
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
            written = observed[positions[k]]
            if core.isupper() and fold(core) != folded[k]:
                continue
            if _letters_cost(written, fold(core), settings) <= _letters_cost(written, folded[k], settings):
                out[positions[k]] = core
    return out


@lru_cache(maxsize=50_000)
def _letters_cost(written: str, key: str, settings: RepairSettings) -> float:
    """How badly the diacritic-free ``key`` explains the letters of a token as ``written``: 0
    for the same letters, the OCR confusions' cost when they reach it, else
    ``snap_edit_cost`` per edit."""
    low = fold(normalize_syllable(written.lower()))
    if low == key:
        return 0.0
    cost = variants(low, settings.max_confusions).get(key)
    if cost is not None:
        return cost
    return settings.snap_edit_cost * Levenshtein.distance(low, key)


@lru_cache(maxsize=4)
def _phrase_triggers(
    share: float,
) -> tuple[tuple[int, ...], dict[str, tuple[int, tuple[int, ...]]], tuple[int, ...], tuple[int, ...]]:
    """For ``snap_phrases``'s filter (a phrase is tried when the line holds at least ``share``
    of its distinct folded tokens): the phrases needing none (``always``); per catalogue token
    its bit and the phrases it triggers; per phrase the bits of its tokens and the count needed.
    A phrase's triggers are its rarest tokens, one more than it may miss, so that a line holding
    enough of its tokens holds one of those: indexing phrases by every token made the filter
    cost more than the fuzzy matching (the frequent words, "xã", "chính", are in most phrases)."""
    model = load_model()
    uni = model.uni_lp

    def frequency(key: str) -> float:
        return max((uni[s] for s in model.by_key.get(key, ())), default=-math.inf)

    bits: dict[str, int] = {}
    always: list[int] = []
    index: dict[str, list[int]] = {}
    masks: list[int] = []
    need: list[int] = []
    for pidx, phrase in enumerate(model.catalogue):
        n = len(phrase.keys)
        mask = 0
        for key in sorted(phrase.keys):
            mask |= bits.setdefault(key, 1 << len(bits))
            index.setdefault(key, [])
        masks.append(mask)
        k = next(k for k in range(n + 1) if k >= share * n)  # the filter's own comparison
        need.append(k)
        if k == 0:
            always.append(pidx)
            continue
        for key in sorted(phrase.keys, key=lambda key: (frequency(key), key))[: n - k + 1]:
            index[key].append(pidx)
    by_key = {key: (bits[key], tuple(index[key])) for key in bits}
    return tuple(always), by_key, tuple(masks), tuple(need)
