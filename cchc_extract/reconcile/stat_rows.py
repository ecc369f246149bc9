"""What a statistics row is: a percentage, a count, a coded answer; its reference in the queue."""

from __future__ import annotations

import regex as re

from cchc_extract.reconcile.core import _plain
from cchc_extract.reconcile.settings import (
    _CODE_LEGEND,
    _COUNT_UNITS,
    _DENOMINATOR_WORDS,
)
from normalize.text import strip_markup
from schemas.records import ReviewItem, StatRow


def _unit_key(row: StatRow) -> str:
    """A row's unit as compared with another's: folded, its spaces dropped (OCR joins the words
    of a unit, "Hồsơ" beside "Hồ sơ", and no two units differ by a space alone)."""
    return "".join(_unit_words(row).split())


def _debris(word: str) -> bool:
    """A token of a unit that is what OCR left of a figure: a digit glued to letters ("6Ú")."""
    return any(ch.isdigit() for ch in word) and any(ch.isalpha() for ch in word)


def unit_debris(row: StatRow) -> bool:
    """Whether a row's unit holds a token of a figure OCR spoilt beside its words ("Thủ tục 6Ú"),
    so the figure read beside it may be a stray one. A coded answer's legend ("Có = 1") is no
    unit of that kind."""
    words = _plain(row.unit).split()
    return "=" not in row.unit and len(words) > 1 and any(_debris(w) for w in words)


def _unit_words(row: StatRow) -> str:
    """A row's unit folded, less the tokens OCR left of a figure it spoilt next to the unit
    ("Thủ tục 6Ú" for "Thủ tục 60"): no word of the unit."""
    folded = _plain(row.unit).strip(" .:")
    if not unit_debris(row):
        return folded
    return " ".join(w for w in folded.split() if not _debris(w))


def is_percent(row: StatRow) -> bool:
    return "%" in row.unit or (row.value_raw or "").strip().endswith("%") or _plain(row.indicator).startswith("ty le")


def is_count(row: StatRow) -> bool:
    unit = _unit_words(row)
    return (
        bool(unit)
        and "%" not in unit
        and "=" not in unit
        and "dong" not in unit
        and any(re.search(rf"\b{re.escape(u)}\b", unit) for u in _COUNT_UNITS)
    )


def code_legend(row: StatRow) -> dict[str, float] | None:
    """The coded answers a row allows: its ``allowed_values``, else the legend in its unit cell
    ("Chưa = 0 Đang làm = 1 Hoàn thành = 2")."""
    if row.allowed_values:
        return row.allowed_values
    pairs = {m["label"].strip(" ;,"): float(m["code"]) for m in _CODE_LEGEND.finditer(strip_markup(row.unit))}
    return pairs if len(pairs) >= 2 else None


def _stat_ref(ai: int, ri: int, row: StatRow, annex: str) -> ReviewItem:
    return ReviewItem(
        item=f"/statistics/{ai}/rows/{ri}",
        field="value",
        table=annex,
        code=row.code,
        page=row.source.page,
        raw=row.value_raw or None,
        value=row.value,
        confidence=row.confidence,
    )


def _denominator(candidates: list[tuple[int, StatRow]]) -> int | None:
    for word in _DENOMINATOR_WORDS:
        for j, row in candidates:
            if re.search(rf"\b{word}\b", _plain(row.indicator)):
                return j
    return None
