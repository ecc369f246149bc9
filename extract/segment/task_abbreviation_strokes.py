"""An abbreviation whose capital I OCR read as two strokes, one of them a one or a bar ("TCVN I1SO
9001:2015" for "ISO"): a word of capitals with a one, "l" or "|" among them is no word a plan prints
(its numbers stand apart), and with that stroke dropped or read as an I it is an abbreviation the
catalogue or the hand-written list knows (``task_doubts.known_abbreviations``), and one reading
only. Put right, the row noted (a mend, not queued)."""

from __future__ import annotations

from collections.abc import Collection

import regex as re

from normalize.lazy_regex import lazy_compile

# A row's note that an abbreviation's stroke read as a one was put right.
ABBREVIATION_STROKE = "abbreviation_stroke_mended"
# A word of capitals with a stroke's look-alike among them ("I1SO", "IS|O"), two capitals at least.
_STROKED_CAPITALS = lazy_compile(r"(?<![\p{L}\d])(?=(?:[^\s]*\p{Lu}){2})[\p{Lu}1l|]*[1l|][\p{Lu}1l|]*(?![\p{L}\d])")


def _readings(word: str) -> set[str]:
    """The word with each stroke look-alike dropped or read as an I (one at a time, then all)."""
    spots = [k for k, ch in enumerate(word) if ch in "1l|"]
    out = set()
    for put in ("", "I"):
        out.add("".join(put if k in spots else ch for k, ch in enumerate(word)))
        for k in spots:
            out.add(word[:k] + put + word[k + 1 :])
    return out


def mend_abbreviations(text: str, known: Collection[str]) -> tuple[str, list[str]]:
    """``text`` with each stroked word of capitals that reads as exactly one known abbreviation put
    right, and the (read → put) pairs."""
    said: list[str] = []

    def put(m: re.Match) -> str:
        word = m.group(0)
        found = {r for r in _readings(word) if r in known}
        if word in known or len(found) != 1:
            return word
        (right,) = found
        said.append(f"'{word}' → '{right}'")
        return right

    return _STROKED_CAPITALS.sub(put, text), said
