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
    value = sign_read_as_nine(digits)  # the sign read as a "9" ("59" for "5%")
    if value is None:
        value = float(digits)
        if value > 100:
            return None
    return m.start("num"), m.end("num"), value


def sign_read_as_nine(figure: str, digits_before: int = 1) -> float | None:
    """The share a figure stands for whose per cent sign OCR read as a last "9" ("59" for "5%",
    "959" for "95%", "96,229" for "96,22%"): the figure less that "9" when it is a share (at most
    100) with at least ``digits_before`` whole digits, else None."""
    if not figure.endswith("9") or len(figure) < 2:
        return None
    head = figure[:-1]
    whole = head.replace(",", ".").partition(".")[0]
    if head[-1:] in ".," or len(whole) < digits_before or not whole.isdigit():
        return None
    share = float(head.replace(",", ".")) if head.count(",") + head.count(".") <= 1 else None
    return share if share is not None and share <= 100 else None


# "năm 20285" for "năm 2025": a year OCR read with a digit too many (a speck or a stain read as
# one), which no year phrase matches, so the figure took the clause's other year unseen.
_GARBLED_YEAR = lazy_compile(r"\bnam\s+20\d{3,}\b")


def garbled_year(low: str, a: int, b: int) -> bool:
    """Whether the clause ``low[a:b]`` (folded) names a year OCR garbled: a figure of it that no
    readable year dates may belong to that one, so its year is a guess a person must look at."""
    return _GARBLED_YEAR.search(low, a, b) is not None
