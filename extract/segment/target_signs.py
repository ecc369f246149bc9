"""A share target whose per cent sign OCR lost: "Tỷ lệ phản ánh … quá hạn đạt tỷ lệ không quá 59."
for "… không quá 5%." The sign came out as a "9" glued to the figure, or not at all, so no figure
of ``extract.segment.targets`` reads the clause and the target would be lost with nothing said.

A clause that names a share ("tỷ lệ") and ends on a bare number after a cue ("đạt", "không quá",
"tối thiểu" …) is read as that share, unsure: its value is the number less a last "9" when that
leaves a share (the sign's read), else the number as printed when it is one; the caller gives it a
confidence that sends it to the review queue, where a person reads the page.
"""

from __future__ import annotations

import regex

from extract.segment.task_wording import DIGITS_FOR_LETTERS
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


# A range of shares whose floor or ceiling OCR read with a letter for a digit ("từ 8G - 96%" for
# "từ 86 - 96%"): no figure reads the letter, so the range's floor was lost and its ceiling read
# as the target. The letters a digit's strokes make on a scan: task_wording's table.
_SPOILT_RANGE = lazy_compile(
    r"(?<![\p{L}\p{N}])(?P<cue>[Tt]ừ\s+)(?P<a>[\dGbSsOoDlI|!Bg]{1,3})(?P<mid>\s*%?\s*(?:-|–|đến)\s*)"
    r"(?P<b>[\dGbSsOoDlI|!Bg]{1,3})(?=\s*%)"
)


def range_digits(text: str) -> str:
    """``text`` (a scan's line) with a share range's ends OCR spoilt put back in digits: each end a
    figure of digits and look-alike letters, at least one digit, and once read the range rising to
    at most 100 (a share's floor under its ceiling), which a letter no digit stands for never does."""

    def mended(m: regex.Match[str]) -> str:
        a, b = (m.group(k).translate(DIGITS_FOR_LETTERS) for k in ("a", "b"))
        ends = (m.group("a"), m.group("b"))
        if not all(any(ch.isdigit() for ch in e) for e in ends) or not (a.isdigit() and b.isdigit()):
            return m.group(0)
        if not 0 <= int(a) < int(b) <= 100:
            return m.group(0)
        return f"{m.group('cue')}{a}{m.group('mid')}{b}"

    return _SPOILT_RANGE.sub(mended, text)
