"""An annex printing one part of the period beside the running total since its start: the last
quarter and the year to date ("Quý III năm 2024 | Lũy kế 9 tháng", "Lũy kế từ đầu năm | Thực
hiện quý III"), either first.

The report is about the period since the start of the year ("9 tháng đầu năm 2024"), so the
running total holds the annex's figure; the quarter is the last stretch of it and stays in the
row's note, nothing printed dropped. ``stat_period_parts`` reads a period split into two parts or
more; with one part printed there is no split to check, so the whole is taken only when its label
says it runs from the start ("lũy kế", a count of months), never a plan's ("Kế hoạch cả năm"), an
earlier period's ("Lũy kế cùng kỳ năm trước") or a share's column. Both words name a period,
whatever role word a merged label stacked onto them ("Kết quả thực hiện Quý III")."""

from __future__ import annotations

from collections.abc import Callable

from extract.segment.points_words import share_label
from extract.segment.stat_period_parts import is_part_label
from extract.segment.stat_periods import names_earlier
from normalize.lazy_regex import lazy_compile
from normalize.text import fold

# A total running from the start of the period: "lũy kế" (OCR's "lũy" and "luỹ" fold alike), or a
# count of months ("9 tháng", "6 tháng đầu năm": the number before the word, a month's is after it).
_RUNNING = lazy_compile(r"(?<![a-z])luy\s*ke(?![a-z])|(?<![a-z0-9])\d{1,2}\s*thang(?![a-z])")


def names_running_total(label: str) -> bool:
    """Whether a column's label names the total since the period's start ("Lũy kế 9 tháng", "Lũy
    kế từ đầu năm", "9 tháng năm 2024") and not one part of it, an earlier period or a share."""
    folded = fold(label or "")
    return (
        bool(_RUNNING.search(folded))
        and not is_part_label(label)
        and not names_earlier(label)
        and not share_label(label)
    )


def running_total_column(labels: list[str], names_plan: Callable[[str], bool]) -> int | None:
    """The running total's column when the header prints exactly one part of the period (a quarter,
    a month) and exactly one running total beside it, else None (two parts or more are
    ``stat_period_parts``'s; two running totals, no guess). ``names_plan`` says a label names the
    plan's figure (no result of the period)."""
    parts = [c for c, label in enumerate(labels) if is_part_label(label)]
    if len(parts) != 1:
        return None
    running = [
        c
        for c, label in enumerate(labels)
        if c not in parts and names_running_total(label) and not names_plan(fold(label or ""))
    ]
    return running[0] if len(running) == 1 else None
