"""Pieces of an issuer's column in a letter's header: the motto's words a line cut short (never
part of a unit's name) and the specks OCR read before an issuer line."""

from __future__ import annotations

import re

from extract.letter_lines import folded_text
from extract.model import Line
from extract.title_text import title_text

_MOTTO_WORDS = "cong hoa xa hoi chu nghia viet nam".split()


def motto_tail(header: list[Line]) -> str | None:
    """The words a motto line cut short leaves for the line under it ("… CHỦ NGHĨA VIỆT" then
    "NAM", wrapped to the page's left edge, under the issuer): they are the motto's, never a
    wrapped commune name ("XÃ TRUNG MINH BẮC" is not "… BẮC NAM")."""
    for line in header:
        words = folded_text(line).replace("-", " ").split()
        for k in range(4, len(_MOTTO_WORDS)):  # from "cong hoa xa hoi" on, one word short at least
            if words[-k:] == _MOTTO_WORDS[:k]:
                return " ".join(_MOTTO_WORDS[k:])
    return None


def unit_text(text: str) -> str:
    """An issuer line without the specks OCR read before it ("‘ THUẬN", "5 THUONG", '"DONG _'):
    tokens with no two letters in a row, and quotes, before the first word."""
    tokens = text.split()
    while tokens and not re.search(r"[^\W\d_]{2}", tokens[0]):
        tokens.pop(0)
    return title_text(" ".join(tokens).lstrip("“\"'‘"))
