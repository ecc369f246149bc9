"""A share target whose per cent sign OCR lost: "Tỷ lệ phản ánh … quá hạn đạt tỷ lệ không quá 59."
for "… không quá 5%." The sign came out as a "9" glued to the figure, or not at all, so no figure
of ``extract.segment.targets`` reads the clause and the target would be lost with nothing said.

A clause that names a share ("tỷ lệ") and ends on a bare number after a cue ("đạt", "không quá",
"tối thiểu" …) is read as that share, unsure: its value is the number less a last "9" when that
leaves a share (the sign's read), else the number as printed when it is one; the caller gives it a
confidence that sends it to the review queue, where a person reads the page.
"""

from __future__ import annotations

from normalize.lazy_regex import lazy_compile

# Folded text (``narrative.shadow``): the cue, then a number and nothing but punctuation after it.
_BARE_SHARE_END = lazy_compile(
    r"\b(?:dat|la|toi thieu|it nhat|khong duoi|khong it hon|khong qua|khong vuot qua|toi da|tren|duoi)\s+"
    r"(?P<num>\d{1,4})[^\w\s]{0,3}\s*$"
)
_SHARE_NOUN = lazy_compile(r"\bty le\b")


def lost_sign_share(low: str, a: int, b: int) -> tuple[int, int, float] | None:
    """(start, end, value) of a share whose per cent sign OCR lost at the end of the clause
    ``low[a:b]`` (folded), or None when the clause names no share or ends on no bare number."""
    m = _BARE_SHARE_END.search(low, a, b)
    if m is None or not _SHARE_NOUN.search(low, a, m.start()):
        return None
    digits = m.group("num")
    value = float(digits)
    if len(digits) >= 2 and digits.endswith("9") and float(digits[:-1]) <= 100:
        value = float(digits[:-1])  # the sign read as a "9" ("59" for "5%")
    elif value > 100:
        return None
    return m.start("num"), m.end("num"), value


# "năm 20285" for "năm 2025": a year OCR read with a digit too many (a speck or a stain read as
# one), which no year phrase matches, so the figure took the clause's other year unseen.
_GARBLED_YEAR = lazy_compile(r"\bnam\s+20\d{3,}\b")


def garbled_year(low: str, a: int, b: int) -> bool:
    """Whether the clause ``low[a:b]`` (folded) names a year OCR garbled: a figure of it that no
    readable year dates may belong to that one, so its year is a guess a person must look at."""
    return _GARBLED_YEAR.search(low, a, b) is not None
