"""What OCR does to a report's numbered statistics lines (``body_stat_lines``), mended by the
lines' grammar before they are read: a figure split at its decimal mark ("88 ,24%"), the semicolon
between a breakdown's last count and its share lost ("…chưa đạt chuẩn: 3 a tỷ lệ … đạt 83,33%"),
a share whose "đạt" or colon OCR read as a speck ("tỷ lệ … đạt chuẩn -83,33%"), and a share whose per
cent sign OCR read as a last "9" ("đạt 959" for "đạt 95%": read, unsure). Each mends only what the
grammar makes plain; a part still past reading is told by the reader."""

from __future__ import annotations

import regex as re

from extract.segment.target_signs import sign_read_as_nine
from normalize.lazy_regex import lazy_compile
from normalize.numbers import format_vn

# A decimal mark OCR set apart from the figure's digits: "88 ,24%", "3 .5".
_SPLIT_DECIMAL = lazy_compile(r"(?<=\d)\s+(?=[.,]\d)")
# A share's opening as OCR with or without the marks' model leaves it: "tỷ lệ", "ty le", "ty 1é", "tỉ lệ".
SHARE_OPENING = r"t[ỷyỉiý]\s+(?:l\S{0,2}|1\S{0,2})"
# Where a share opens after a count whose closing semicolon OCR lost: a figure and at most two
# words of its unit (or OCR's rubble of them) before "tỷ lệ".
_LOST_SEMICOLON = lazy_compile(r"(?<=:\s*\d[\d.,]*(?:\s+\S+){0,2}?)\s+(?=" + SHARE_OPENING + r"\s)", re.I)
# A share stated bare: "tỷ lệ … -83,33%", its figure after a speck where "đạt" or a colon was (a
# figure ending the indicator is a figure split by OCR, "đạt 97 27%": no share read from it).
_BARE_SHARE = lazy_compile(
    r"^(?P<ind>" + SHARE_OPENING + r"\s+\S.*?[^\d\s.,])\s*[^\w\s%]{0,2}\s*(?P<fig>\d[\d.,]*\d|\d)\s*(?P<unit>%)\s*$",
    re.S | re.I,
)


def joined_decimals(text: str) -> str:
    """The text with each figure's decimal mark set back beside its digits."""
    return _SPLIT_DECIMAL.sub("", text)


def split_lost_semicolon(part: str) -> list[str]:
    """A breakdown's part holding a count and the share after it whose semicolon OCR lost, as
    the two parts; the part alone when it holds no such pair."""
    pieces = _LOST_SEMICOLON.split(part, maxsplit=1)
    return [p for p in pieces if p.strip()] if len(pieces) == 2 else [part]


def bare_share(text: str) -> tuple[str, str, str] | None:
    """(indicator, figure, "%") of a share whose "đạt" or colon OCR left as a speck."""
    m = _BARE_SHARE.match(text.strip())
    return (m["ind"].strip().rstrip(":").strip(), m["fig"], m["unit"]) if m else None


# A share read from a figure whose per cent sign OCR read as a last "9" ("959" read 95%): its
# decimals are the reading's, not the printed digits'.
SIGN_AS_NINE_FLAG = "percent_sign_read_as_9"
# A share stated with "đạt" whose figure ends the line with no per cent sign: "tỷ lệ … đạt 959".
_SIGNLESS_SHARE = lazy_compile(
    r"^(?P<ind>" + SHARE_OPENING + r"\s+\S.*?)\s+(?:đạt|dat|đat|dạt)\W{0,2}\s*(?P<fig>\d[\d.,]*9)\s*$", re.S | re.I
)


def sign_as_nine_share(text: str) -> tuple[str, str, str, str] | None:
    """(indicator, figure, "%", figure as printed) of a share whose per cent sign OCR read as a last
    "9" after two whole digits at least ("tỷ lệ … đạt 959": 95%; a lone digit before it, "đạt 59", may
    be a figure printed without its sign as well as 5%): a reading the caller flags unsure, the
    figure as printed its alternative."""
    m = _SIGNLESS_SHARE.match(text.strip())
    share = sign_read_as_nine(m["fig"], digits_before=2) if m else None
    if m is None or share is None:
        return None
    return m["ind"].strip().rstrip(":").strip(), format_vn(share), "%", m["fig"]
