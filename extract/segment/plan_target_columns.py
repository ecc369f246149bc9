"""A plan's targets in one column beside last year's result: "Chỉ tiêu | ĐVT | Kết quả năm 2024 |
Kế hoạch năm 2025", or "… | Chỉ tiêu năm 2025 | Ghi chú (kết quả năm trước)". The column the plan
names as its target ("Kế hoạch", "Chỉ tiêu", "Mục tiêu" with a year) holds the targets; a column of
what was achieved ("Kết quả", "Thực hiện", "Đạt") is context, never a target.

A report's annex may print a plan's column too ("Kế hoạch năm 2025 | Thực hiện năm 2025"): there
the result is of the same year as the plan, so the table is a report comparing them, not a plan. A
plan's result columns look back: each is of a year before every target column's (or names no year,
"kết quả năm trước")."""

from __future__ import annotations

from dataclasses import dataclass

from normalize.lazy_regex import lazy_compile
from normalize.text import any_word, fold


@dataclass(frozen=True)
class PlanColumnSettings:
    # Words (folded) a target column's label opens with, before its year.
    target_words: tuple[str, ...] = ("ke hoach", "chi tieu", "muc tieu")
    # Words (folded) of a column of what was achieved: last year's result, context only.
    result_words: tuple[str, ...] = ("ket qua", "thuc hien", "dat duoc", "uoc dat", "uoc thuc hien")


_YEAR = lazy_compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def _label_kind(label: str, settings: PlanColumnSettings) -> str | None:
    """ "target", "result" or None: by the word the label opens on ("Kế hoạch thực hiện năm 2025" is a
    target, "Kết quả thực hiện năm 2024" a result)."""
    folded = fold(label or "")
    found = [
        (m.start(), kind)
        for kind, words in (("target", settings.target_words), ("result", settings.result_words))
        if (m := any_word(words).search(folded))
    ]
    return min(found)[1] if found else None


def plan_target_columns(labels: list[str], settings: PlanColumnSettings = PlanColumnSettings()) -> dict[int, int]:
    """Column → year of a plan's target columns (a target word and a year in the label), when every
    result column beside them looks back (an earlier year, or none named); else empty."""
    targets: dict[int, int] = {}
    results: list[int | None] = []
    for c, label in enumerate(labels):
        kind = _label_kind(label, settings)
        year = _YEAR.search(fold(label or ""))
        if kind == "target" and year:
            targets[c] = int(year.group(1))
        elif kind == "result":
            results.append(int(year.group(1)) if year else None)
    if not targets:
        return {}
    first = min(targets.values())
    if any(year is not None and year >= first for year in results):
        return {}  # (a plan's figure beside the same year's result: a report's annex)
    return targets
