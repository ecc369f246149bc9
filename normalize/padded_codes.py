"""Criterion codes a scoring software keys with zero padding ("01", "01.01", "1.01.02"): the same
codes as "1", "1.1", "1.1.2". The software pads each level to two digits so that its keys sort as
text; a printed export keeps the padding. No criterion is numbered 0, so a level "01" can only be
the level 1 padded, never a level 0 followed by a 1.

A bare "01" is a code only where a code column holds it (``unpadded_cell``): in a points column,
or in running text, "01" is a figure ("01 hồ sơ"), and a count printed with a leading zero is no
criterion (``normalize.codes.read_code_token`` refuses it).
"""

from __future__ import annotations

from normalize.lazy_regex import lazy_compile

# Levels of one or two digits joined by dots, a closing dot allowed ("01.01.", as some exports print).
_DOTTED = lazy_compile(r"\d{1,2}(?:\.\d{1,2}){0,3}\.?")


def _levels(token: str) -> list[str] | None:
    text = token.strip()
    if not _DOTTED.fullmatch(text):
        return None
    levels = text.rstrip(".").split(".")
    # A level 0 ("0", "00") is no criterion's: the token is a figure or a date, not a code.
    if any(int(level) == 0 for level in levels):
        return None
    return levels


def unpadded_dotted(token: str) -> str | None:
    """A dotted code with a zero-padded level written plainly ("01.01" → "1.1", "1.01.02" →
    "1.1.2"); None for a token of one level, or with no padded level, or not a code's shape."""
    levels = _levels(token)
    if not levels or len(levels) < 2 or not any(len(level) == 2 and level[0] == "0" for level in levels):
        return None
    return ".".join(str(int(level)) for level in levels)


def unpadded_cell(text: str) -> str | None:
    """A code column's cell holding a zero-padded code, written plainly ("01" → "1", "01.02" →
    "1.2"); None when the cell holds anything else (then it is read as printed). A narrow cell
    wraps a long padded code inside a level ("01.01.0" over "1"): the pieces are one code when
    joined they read as a padded one."""
    text = "".join(text.split())
    dotted = unpadded_dotted(text)
    if dotted:
        return dotted
    levels = _levels(text)
    if levels and len(levels) == 1 and len(levels[0]) == 2 and levels[0][0] == "0":
        return str(int(levels[0]))
    return None
