"""A task given two dates: when it starts and when it must be done, each in a column of its own.

A plan's task table may print "Thời gian bắt đầu | Thời gian hoàn thành", "Thời gian triển khai |
Hạn hoàn thành" or "Ngày bắt đầu | Ngày hoàn thành": both labels hold the deadline's words
("thời gian") or neither does, so the header words would give the first date column (the start) the
deadline. A task's deadline is when it must be done: the column naming the end. The start column
keeps no field of its own and is kept with its label (``TaskRow.extra``), not dropped.

Used where a header's labels are mapped to fields (``task_tables.map_columns``: Word and PDF grids,
OCR'd grids, PDF task columns). The header-line reader (``task_header.header_labels``, tables read
from OCR'd lines with no grid) does not use it: it takes a header naming two time columns for no
task header at all."""

from __future__ import annotations

from normalize.text import any_word, fold

# A label naming when a task starts (accent-free): "bắt đầu", "triển khai", "khởi công", "từ ngày".
START_WORDS = ("bat dau", "trien khai", "khoi cong", "khoi dau", "tu ngay")
# A label naming when it ends: "hoàn thành", "kết thúc", "đến ngày".
END_WORDS = ("hoan thanh", "ket thuc", "den ngay")
# Words saying a label is a time, not a product ("Kết quả hoàn thành" is what is delivered).
TIME_WORDS = ("thoi gian", "thoi han", "han", "ngay", "thoi diem", "moc", "tien do")

_START = any_word(START_WORDS)
_END = any_word(END_WORDS)
_TIME = any_word(TIME_WORDS)


def names_start(label: str) -> bool:
    """Whether a header label names a task's start date ("Thời gian bắt đầu", "Ngày triển khai")."""
    key = fold(label)
    return _START.search(key) is not None and _END.search(key) is None


def names_end(label: str) -> bool:
    """Whether a header label names a task's end date ("Thời gian hoàn thành", "Hạn hoàn thành")."""
    key = fold(label)
    return _END.search(key) is not None and _TIME.search(key) is not None and _START.search(key) is None


def start_and_end(labels: list[str]) -> tuple[int, int] | None:
    """(start column, end column) when a header names both a task's start and its end, the start
    first; None otherwise (one time column, whatever it is called, is the deadline)."""
    starts = [c for c, label in enumerate(labels) if names_start(label)]
    ends = [c for c, label in enumerate(labels) if names_end(label)]
    if len(starts) != 1 or len(ends) != 1 or starts[0] > ends[0]:
        return None
    return starts[0], ends[0]


def deadline_at_end(labels: list[str], mapping: dict[str, int]) -> dict[str, int]:
    """``mapping`` (field → column) with the deadline moved to the end date's column when the header
    prints a start and an end date; the start column left to no field. A field the header words gave
    the end column (none but the deadline should) is kept: the mapping is then not touched."""
    pair = start_and_end(labels)
    if pair is None:
        return mapping
    start, end = pair
    holder = next((f for f, c in mapping.items() if c == end), None)
    if holder not in (None, "deadline"):
        return mapping
    out = {f: c for f, c in mapping.items() if c != start and f != "deadline"}
    out["deadline"] = end
    return out
