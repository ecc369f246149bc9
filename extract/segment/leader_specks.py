"""Figures a leader's specks stand among, doubted (issues 11, 14 and 16): in an OCR'd list with dot
leaders ("1.1 Tên tiêu chí ........ 2 ...... 1,5", ``leader_lines``) OCR reads part of a leader
as digits glued to specks ("22cs<sccs-sseee..", "2t.2s", "c0", "13..."). Such a line's figures
may be the leader's as well as the cells': which digits are which cell is the reader's guess, so
each figure read on it is queued as unsure (``LineCells.specked``), never taken silently.

A token is a speck of digits when, its leader dots cut off both ends, it holds a digit and is no
clean figure, year or date ("2024;", "95%", "8,25" are clean; "n0", "22cs<sccs", "7c…" are not),
or when dots follow its digits: the figures stand at the leader's end, so a figure the leader
goes on after is ink inside the leader.
"""

from __future__ import annotations

import regex as re

from extract.segment.line_cells import LineCells
from extract.segment.line_common import line_tokens
from normalize.lazy_regex import lazy_compile

# Marks a leader is printed or OCR'd as, at a token's ends.
_LEADER_MARKS = "._·…-—–~`'\":;,"
# A clean number as a name or a cell prints it: digits grouped or with a decimal part, a closing
# mark of the sentence or a percent after it, a date's slashes ("22/11/2024").
_CLEAN = lazy_compile(r"\(?\d+(?:[.,]\d+)*(?:/\d+)*%?[);,:]?")
# Digits the leader's dots run on after ("13...", "185..", "1…").
_DOTS_AFTER = lazy_compile(r"\d[.·…]{2,}$")


def speck_of_digits(raw: str) -> bool:
    """Whether the token is ink of a leader OCR read with digits in it (module doc)."""
    if _DOTS_AFTER.search(raw):
        return True
    core = raw.strip(_LEADER_MARKS)
    return bool(re.search(r"\d", core)) and _CLEAN.fullmatch(core) is None


def leader_doubts(cells: LineCells) -> LineCells:
    """``cells`` with each figure read doubted when the line holds a speck of digits besides its
    code (``speck_of_digits``); unchanged otherwise, and when the line reads no figure."""
    figures = {"max": cells.max_raw, "self": cells.self_raw, "appraised": cells.appraised_raw}
    read = tuple(key for key, raw in figures.items() if raw is not None)
    if not read:
        return cells
    tokens = [raw for _, raw in line_tokens(cells.line)]
    if cells.code is not None and tokens and cells.code in tokens[0]:
        tokens = tokens[1:]  # (the code's own dots, "1.1.1.", are the STT cell's)
    if any(speck_of_digits(raw) for raw in tokens):
        cells.specked = tuple(dict.fromkeys((*cells.specked, *read)))
    return cells
