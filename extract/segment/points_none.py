"""A points cell that says "none" in place of a figure, never 0. A mark, "-" or "x", says the
criterion was not scored without saying why (the row's parent may or may not have counted it:
its share of the sum is unknown). Words say it was left out of the scoring: "Không chấm", "Không
chấm điểm", "KCĐ" (did not arise in the year, does not apply to a commune); the rows above sum the
scored criteria only, so its share of the parent's sum is nothing, and its figure is no cell lost:
the criterion is not scored, neither 0 nor a fault."""

from __future__ import annotations

import regex as re

from normalize.lazy_regex import lazy_compile
from normalize.text import fold

# "-" or "x": marked none.
_NONE_MARK = lazy_compile(r"^[-–—x×]$", re.I)
# "Không" (folded) as OCR may read it: its "ô" read "é" or "6" ("Khéng cham", "Kh6ng phat sinh"),
# a misreading no other Vietnamese word folds to.
_KHONG = r"kh[oe6]ng"
KHONG = lazy_compile(_KHONG)
# Words of a cell left out of the scoring (folded): "khong cham (diem)", "kcd", "k.c.d",
# "khong phat sinh", "khong ap dung", "kps", "kad".
_NOT_SCORED = lazy_compile(
    rf"^\(?\s*({_KHONG}\s+cham(\s+diem)?|k\.?\s*c\.?\s*d\.?|{_KHONG}\s+phat\s+sinh|{_KHONG}\s+ap\s+dung|kps|kad)\s*\)?\W*$"
)
# The note beside a self cell printed blank saying why it is not scored: "Không phát sinh, không
# chấm điểm", "Không áp dụng đối với xã", "Trong năm không phát sinh".
_NOTE_NOT_SCORED = lazy_compile(rf"\b({_KHONG}\s+cham|{_KHONG}\s+phat\s+sinh|{_KHONG}\s+ap\s+dung)\b")
MARKED_NONE = "marked_none"  # a cell's flag: "{key}_marked_none"
NOT_SCORED = "not_scored"  # a cell's flag: "{key}_not_scored"


def none_said(raw: str | None, note: str = "") -> str | None:
    """Which "none" a points cell says: ``NOT_SCORED`` (words, or blank beside a ``note`` saying
    it is not scored), ``MARKED_NONE`` (a mark), or None when it says neither (a figure, a blank,
    something unread)."""
    text = (raw or "").strip()
    if not text:
        return NOT_SCORED if note and _NOTE_NOT_SCORED.search(fold(note).lower()) else None
    if _NOT_SCORED.match(fold(text).lower().replace("đ", "d")):
        return NOT_SCORED
    return MARKED_NONE if _NONE_MARK.match(text) else None


def not_scored(flags: list[str], field_: str) -> bool:
    """Whether a row's flags say its ``field_`` ("self_points") was left out of the scoring."""
    return f"{field_.removesuffix('_points')}_{NOT_SCORED}" in flags
