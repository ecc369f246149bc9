"""A table printed across (``stat_across``: the indicators are the header's columns, one row holds
their figures) on pages read as lines, whose figures were not read. On a dump the grid is gone:
the header's labels run on one line ("Số hồ sơ mới tiếp | Số hồ sơ từ kỳ Đang giải quyết"), its
lower level and wrapped words on the next, and the row of figures, when OCR kept it, is a line of
numbers no reader takes ("125 455 - 342108. | Sĩ 405"). Nothing there is shaped like an annex row,
so no other tell saw the table and its figures were lost without a word.

Told here: a line opening two labels or more that count in a unit ("Số hồ sơ …", "Tổng số …",
capitalised as column labels are; a sentence counting "số hồ sơ" twice runs in small letters),
none of whose lines, nor the few under it, gave anything read. The part covers those lines."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import regex as re

from extract.model import IngestedDocument, Line
from extract.segment.count_words import UNIT_KEYS
from extract.segment.unread_rows import LINE_METHODS, lines_below, lines_part
from normalize.lazy_regex import lazy_compile
from normalize.text import ascii_spelling
from schemas.records import UnreadPart


@dataclass(frozen=True)
class UnreadAcrossSettings:
    # Labels counting in a unit a header line must open, at least ...
    min_labels: int = 2
    # ... or labels of any kind (a status's "Đã xử lý", "Đang xử lý" too), with a line of at least
    # ``min_figures`` figures under them: the row of figures OCR kept and no reader took.
    min_status_labels: int = 3
    min_figures: int = 3
    # Lines under the header that are still the table's: its lower level, wrapped words, figures.
    body_lines: int = 3


# A column label counting in a unit, as printed: a capital "Số" or "Tổng số" (an ``eng`` dump's
# "So", "S6", "T6ng so"), then the unit counted.
# Matched on the letters without marks ("Số" → "So"), the capital kept.
_LABEL = lazy_compile(r"(?<![A-Za-z\d])(?:T[o6]ng s[o6]|S[o6])\s+(?P<rest>[a-z][a-z ]*)")


_FIGURE = lazy_compile(r"\d{2}")
# A column label naming a status or a stock, capitalised as labels are: "Đã giải quyết", "Đang
# xử lý", "Chưa đến hạn", "Tồn kỳ trước" (on the letters without marks; "Da", "Dang" of a dump).
_STATUS_LABEL = lazy_compile(r"(?<![A-Za-z\d])(?:Da|Dang|Chua|Ton)\s+[a-z]")
_FIGURES = lazy_compile(r"(?<![\d.,])\d+(?:[.,]\d+)?(?![\d])")


def status_labels(line: Line) -> int:
    """How many column labels of a status or stock the line opens ("Đã tiếp | Tồn kỳ | Đã xử lý")."""
    return len(_STATUS_LABEL.findall(" ".join(ascii_spelling(line.raw or line.text).split())))


def counted_labels(line: Line) -> int:
    """How many column labels counting in a unit the line opens ("Số hồ sơ mới tiếp | - Số hồ sơ
    từ kỳ …" → 2)."""
    text = " ".join(ascii_spelling(line.raw or line.text).split())
    n = 0
    for m in _LABEL.finditer(text):
        n += any(re.match(rf"{re.escape(key)}(?![a-z])", m.group("rest")) for key in UNIT_KEYS)
    return n


def unread_across_tables(
    doc: IngestedDocument,
    is_read: Callable[[Line, int], bool],
    settings: UnreadAcrossSettings = UnreadAcrossSettings(),
) -> list[UnreadPart]:
    """The header lines of tables printed across, with the lines under them, that gave nothing read."""
    parts = []
    for page in doc.pages:
        if page.method not in LINE_METHODS:
            continue
        lines = [ln for ln in page.lines if ln.text.strip()]
        for k, line in enumerate(lines):
            # (a line of labels holds no figure: "Tổng số hồ sơ … là 125, số hồ sơ …" is a sentence)
            counted = counted_labels(line)
            labels = counted + status_labels(line)
            if counted < settings.min_labels and labels < settings.min_status_labels:
                continue
            if _FIGURE.search(line.text) or is_read(line, page.number):
                continue
            span = lines_below(lines, k, settings.body_lines, lambda ln: counted_labels(ln) >= settings.min_labels)
            if any(is_read(ln, page.number) for ln in span):
                continue
            figured = any(len(_FIGURES.findall(ln.text)) >= settings.min_figures for ln in span[1:])
            if counted < settings.min_labels and not figured:
                continue  # (status words alone are no header without the row of figures under them)
            reason = (
                "a table printed across (its indicators the header's columns, one row of figures) "
                "gave no row: its figures were not read"
            )
            parts.append(lines_part("table", reason, span))
    return parts
