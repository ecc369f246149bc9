"""Tokens of a score table's printed line that are points cells OCR garbled, not words nor numbers
(``line_points`` keeps them in their place in the run of points cells): a short token no syllable
of the language reads ("a}", "ae", "<8]"), a cell read with its mark lost and specks as digits
("4105"), letters and digits mixed between two cells ("B05"); and the language model's syllables
that tell a garbled cell from a word."""

from __future__ import annotations

from functools import lru_cache

import regex as re

from extract.segment.line_common import BAR, CELL_SPECKS, JUNK, SPACING_ACCENTS, points_cell
from normalize.lazy_regex import lazy_compile
from normalize.text import fold
from normalize.vietnamese.model import load_model


def overlong_cell(tokens: list[tuple[str, str]], k: int) -> bool:
    """Token ``k``, right after a points number, with a word after it or ending the line, is a
    points cell OCR read with its mark lost and specks as digits ("năm 1 4105 Kế hoạch số …" for 1
    and 1,25; "hành chính 14,5 1451|:"): three or four digits no points cell holds, and no year."""
    core = tokens[k][1].strip(CELL_SPECKS + BAR + "[]")  # (a ruling line glued to it: "1451|")
    rest = [raw for _, raw in tokens[k + 1 :] if not JUNK.match(raw)]
    return (
        bool(re.fullmatch(r"[1-9]\d{2,3}", core))
        and not re.fullmatch(r"(?:19|20)\d\d", core)
        and points_cell(core) is None
        # (the line's end or a word after it: more numbers after it, the run is later)
        and (not rest or re.search(r"\p{L}{2}", rest[0]) is not None)
    )


def mixed_cell(tokens: list[tuple[str, str]], k: int, at_end: bool = False) -> bool:
    """Token ``k``, right after a points number, is two or three characters mixing letters and
    digits ("10 | B05 7,75": 8,25 read with a letter for its 8 and its comma lost) with a points
    number right after it: a cell OCR garbled between two cells, kept in its place so the number
    after it takes the next column (a code or a document's number does not stand between two
    points figures). So is one ending the line (``at_end``: "2 1,5 1D", the appraised 1,5
    garbled): no explanation is one such token."""
    core = tokens[k][1].strip(CELL_SPECKS)
    if not re.fullmatch(r"(?=[^\d]*\d)(?=\P{L}*\p{L})[\p{L}\d]{2,3}", core) or points_cell(core, beside_points=True):
        return False
    nxt = k + 1
    while nxt < len(tokens) and JUNK.match(tokens[nxt][1]):
        nxt += 1
    return (at_end and nxt >= len(tokens)) or (nxt < len(tokens) and points_cell(tokens[nxt][1]) is not None)


# Spacing accents alone: a speck on a number's edge when glued to it ("0ˆ", ``CELL_SPECKS``), a
# cell OCR could not read when standing apart.
LONE_ACCENTS = lazy_compile(f"[{re.escape(SPACING_ACCENTS)}]+")
# A whole percentage ("85%", "5%"): the text's rate, printed as is.
_PERCENT = lazy_compile(r"\d{1,2}%")
# A roman numeral ("quí I, quí II") and an abbreviation ("VP", "CV") are words, not garbled cells.
_WORDLIKE = lazy_compile(r"^(?:[IVX]+|\p{Lu}{2,})[.,;:]?$")


def garbled_cell(token: tuple[str, str], last: bool = False) -> bool:
    """A short token that is no word and no number: a points cell OCR could not read ("a}",
    "ae", "<8]", "S"; three letters only ``last`` on its line). A syllable the language model
    knows, a roman numeral, an abbreviation, a code or a number is not one."""
    raw = token[1]
    core = raw.strip(CELL_SPECKS)
    if not core and LONE_ACCENTS.fullmatch(raw):
        return True  # a mark standing where a cell is ("16 ˆ"): the cell OCR could not read
    if not core or len(core) > 3 or raw == BAR or _WORDLIKE.match(core) or points_cell(raw, beside_points=True):
        return False
    if _PERCENT.fullmatch(core):
        return False  # a rate the explanation states ("Tỷ lệ đạt 85%"): no points cell prints a "%"
    if re.search(r"[^\p{L}\p{N}]", core):
        return True
    if not re.fullmatch(r"\p{L}{1,3}" if last else r"\p{L}{1,2}", core):
        # A number too long for a points cell is the text's ("2014"); three letters or more
        # are a word OCR misspelt ("cdo" for "cáo") as often as a cell, unless they end the line
        # right after a number (a row's last cell: "3 eee").
        return False
    if len(core) == 1 and core.lower() not in _one_letter_syllables():
        return True  # a letter with a mark no Vietnamese letter carries ("ï" for a "1")
    # The raw token, folded: the repair stage turns a garbled cell into a word ("ae" → "áo").
    return not is_syllable_run(core)


@lru_cache(maxsize=1)
def _one_letter_syllables() -> frozenset[str]:
    """The syllables of one letter, with their marks (OCR keeps a dump's marks or drops them:
    both spellings count)."""
    letters = {s for s in load_model().syllables if len(s) == 1}
    return frozenset(letters | {fold(s) for s in letters})


def is_syllable_run(letters: str) -> bool:
    """Whether a run of letters is a syllable the language model knows, marks ignored (OCR
    dumps lose them)."""
    return fold(letters.lower()) in _folded_syllables()


@lru_cache(maxsize=1)
def _folded_syllables() -> frozenset[str]:
    """The language model's syllables without their marks (OCR dumps lose them)."""
    return frozenset(fold(s) for s in load_model().syllables)
