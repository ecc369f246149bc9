"""Row matching and text error shared by the benchmarks that compare output with a truth.

``benchmarks/accuracy`` (hand-made references of our samples) and ``benchmarks/generalisation``
(the generated corpus) ask the same questions of a row: is this output row the truth's row (same
key, and the same text or the same numbers), are its numbers the truth's, how far is its text.
They differ only in what they count, so the answers live here, once.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Hashable, Sequence

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein
from unidecode import unidecode

# Diacritic-free rapidfuzz ratio (0..100) above which two texts name the same row: low enough that
# a name with OCR damage or a leaked explanation is still its row, high enough that a neighbour is not.
NAME_SIMILARITY = 60.0


def norm_code(code) -> str:
    """A row code compared across documents: no spaces, no trailing dot or bracket ("1. 2." → "1.2",
    "a)" → "a"). The empty string for a row without a code."""
    return "".join(str(code).split()).rstrip(".)") if code is not None else ""


def same_number(a, b) -> bool:
    """Two cells hold the same number; a blank (None) equals only a blank."""
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) < 1e-6


def folded(text) -> str:
    """Text for similarity: no diacritics, lower case, single spaces."""
    return " ".join(unidecode(str(text or "")).lower().split())


def clean_text(text) -> str:
    """Text for exact comparison and character error: Unicode NFC, whitespace runs as one space."""
    return " ".join(unicodedata.normalize("NFC", str(text or "")).split())


def similarity(a, b) -> float:
    return fuzz.ratio(folded(a), folded(b))


def texts_similar(ref_texts: Sequence[str], out_texts: Sequence[str], threshold: float = NAME_SIMILARITY) -> bool:
    refs = [folded(t) for t in ref_texts if t]
    outs = [folded(t) for t in out_texts if t]
    return any(fuzz.ratio(r, o) >= threshold for r in refs for o in outs)


def same_row(ref: dict, out: dict, ref_fields: Sequence[str], out_fields: Sequence[str], cells: Sequence[str]) -> bool:
    """Whether ``out`` is the row ``ref``: its text is similar to any of the reference's text
    fields, or it reads every one of the reference's numeric ``cells``. A reference row with
    neither text nor cells is any row with its key."""
    ref_texts = [ref[f] for f in ref_fields if ref.get(f)]
    if texts_similar(ref_texts, [out[f] for f in out_fields if out.get(f)]):
        return True
    if cells and all(same_number(out.get(f), ref[f]) for f in cells):
        return True
    return not ref_texts and not cells


def match_by_key(
    ref_keys: Sequence[Hashable], out_keys: Sequence[Hashable], same: Callable[[int, int], bool]
) -> dict[int, int]:
    """Reference index → output index. Each reference row, in order, takes the first unused output
    row with its key for which ``same(ref_index, out_index)`` holds: a right key on the wrong row
    does not count."""
    by_key: dict[Hashable, list[int]] = {}
    for j, key in enumerate(out_keys):
        by_key.setdefault(key, []).append(j)
    used: set[int] = set()
    pairs: dict[int, int] = {}
    for i, key in enumerate(ref_keys):
        j = next((j for j in by_key.get(key, []) if j not in used and same(i, j)), None)
        if j is not None:
            used.add(j)
            pairs[i] = j
    return pairs


def char_errors(output, reference, normalise: bool = True) -> tuple[int, int]:
    """(Levenshtein distance, reference length) of a text; summed over rows and divided, the
    character error rate. ``normalise``: compare after NFC and whitespace collapse."""
    out, ref = (clean_text(output), clean_text(reference)) if normalise else (output or "", reference or "")
    return Levenshtein.distance(out, ref), len(ref)


def pct(a: float, b: float) -> str:
    return f"{100.0 * a / b:6.2f}%" if b else "   n/a "
