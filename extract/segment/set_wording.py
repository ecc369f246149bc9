"""How near a dump line's opening is to a criterion of the set: its wording compared over the
opening (cut at a word's end where another column's words run in), a short wording compared whole
with the spaces OCR glued or dropped, and a code printed in pieces. ``set_rows`` opens a row where
these say the line starts with a criterion."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from normalize.criteria import CriterionDef

if TYPE_CHECKING:  # the settings live with the row recovery that passes them down
    from extract.segment.set_rows import SetRowSettings


def _prefix_ratio(text: str, wording: str, settings: SetRowSettings) -> tuple[float, int] | None:
    """How near the line's opening is to the wording's (fuzz.ratio over as many characters of
    each), and over how many: the whole overlap, or the line cut at a word's end past half of it
    (another column's words run in after the name's first line: "… rõ ràng, Báo cáo số 12")."""
    n = min(len(text), len(wording))
    if n < settings.min_chars:
        return None
    best = (fuzz.ratio(text[:n], wording[:n]), n)
    for cut, ch in enumerate(text[:n]):
        if ch == " " and cut >= max(settings.min_chars, n // 2):
            near = fuzz.ratio(text[:cut], wording[:cut])
            if near > best[0]:
                best = (near, cut)
    return best


def _glued_ratio(text: str, wording: str, settings: SetRowSettings) -> tuple[float, int] | None:
    """How near the line's opening is to the whole of a short wording with the spaces of both
    dropped: OCR glued the words of a short name ("ĐáocáoCCHC 2 15" for "Báo cáo CCHC"), which
    the opening's comparison and the syllable count both miss. Only a wording compared whole, of
    at least ``min_chars`` characters, and an opening of letters."""
    if len(wording) < settings.min_chars:
        return None
    whole = wording.replace(" ", "")
    compact = text.replace(" ", "")[: len(whole)]
    if len(compact) < len(whole) or sum(c.isalpha() for c in compact) < 0.9 * len(whole):
        return None
    return fuzz.ratio(compact, whole), len(wording)


def _pieced_code(before: list[str], code: str | None, plain: bool, crit: CriterionDef) -> tuple[str | None, bool]:
    """The code printed before the name in pieces OCR cut apart ("i: 2. 1 |" for 1.2.1): the first
    piece alone is no code the line prints. The pieces joined are the criterion's code (a letter
    read for a 1 taken as one: "i:2.1"), or its last pieces (the first lost) say nothing against it;
    other pieces leave the first piece's reading."""
    pieces = [t.strip("|_~-—:;'\"") for t in before]
    pieces = [t for t in pieces if any(c.isdigit() for c in t) or t.lower() in ("i", "l")]
    if len(pieces) < 2:
        return code, plain
    digits = "".join(pieces).lower().replace("i", "1").replace("l", "1").replace(".", "")
    own = crit.code.replace(".", "")
    if digits == own:
        return crit.code, True
    # (pieces of the code whose first OCR lost: nothing against it; any other, the first piece stands)
    return (None, False) if digits.isdigit() and own.endswith(digits) else (code, plain)
