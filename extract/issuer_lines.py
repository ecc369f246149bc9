"""Pieces of an issuer's column in a letter's header: the motto's words a line cut short (never
part of a unit's name), the specks OCR read before an issuer line, and the issuer's words OCR
printed on the motto's line."""

from __future__ import annotations

import re

from extract.letter_lines import folded_text
from extract.letter_shapes import NATIONAL
from extract.model import Line
from extract.title_text import title_text
from normalize.vietnamese.syllable import fold

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


def before_motto(text: str) -> str | None:
    """The words a header line prints before the motto's, when OCR read the issuer's column and
    the motto's on one line ("UY BAN NHAN DAN XAHA YEN CONG HOA XA HOI …", "XA GIA YEN HA Doc 18
    - Tu do - Hanh phuc"): the issuer's column is those words, the motto none of its name. None
    when the line holds no motto's words, or nothing before them."""
    words = text.split()
    folded = [fold(w).lower() for w in words]
    for k in range(len(words)):
        rest = " ".join(folded[k:])
        m = NATIONAL.match(rest)
        if m and (m.end() == len(rest) or not rest[m.end()].isalnum()):  # "tu do", not "Từ Đông"
            return " ".join(words[:k]) or None
    return None
