"""Column geometry of a task framework read from lines: the printed width of a text (Times New
Roman's advance widths), and each column's width and ceiling learnt from where the rows' cells
wrapped."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from extract.segment.task_line_settings import TaskLineSettings

NO_WRAP = float("inf")  # a column none of whose cells wrapped


# Advance widths of Times New Roman (the font Decree 30 sets for official documents; LibreOffice
# prints it with the metric-compatible Liberation Serif), in thousandths of an em, by glyph; a
# Vietnamese letter is as wide as its base letter, but for the horned "ư", "ơ". A cell wraps where
# its next word would pass the column's edge, so where a row's words wrap says which cell they are
# in only when widths are measured as printed: "Danh mục công" is wider than "Trang thông tin".
_ADVANCE = {
    ch: width
    for chars, width in (
        ("'", 180),
        ("|", 200),
        (" ,.", 250),
        ("ijlt:;/", 278),
        ("frI-()![]", 333),
        ("sJ", 389),
        ('"', 408),
        ("acez?", 444),
        ("bdghknopquvxy0123456789*_–", 500),
        ("ơ", 529),
        ("ư", 542),
        ("FPS", 556),
        ("+", 564),
        ("ELTZ", 611),
        ("BCR", 667),
        ("wADGHKNOQUVXYƠ", 722),
        ("Ư", 776),
        ("m&", 778),
        ("%", 833),
        ("M", 889),
        ("W", 944),
    )
    for ch in chars
}
_EN = 500.0  # the width unit: half an em, about one lower-case letter


def text_width(text: str) -> float:
    """A text's printed width in half-ems (about one lower-case letter each)."""
    return sum(_glyph_width(ch) for ch in text) / _EN


@lru_cache(maxsize=4096)
def _glyph_width(ch: str) -> float:
    if ch in _ADVANCE:
        return _ADVANCE[ch]
    base = unicodedata.normalize("NFD", ch)[:1]
    base = base.replace("đ", "d").replace("Đ", "D")
    return _ADVANCE.get(base, _EN)


def column_ceilings(wraps: list[tuple[float, ...]], settings: TaskLineSettings) -> tuple[float, ...] | None:
    """Each column's ceiling: a low quantile of its narrowest wrap per row (``NO_WRAP`` when no
    row's cell wrapped)."""
    if not wraps:
        return None
    out = []
    for c in range(len(wraps[0])):
        values = sorted(x[c] for x in wraps if x[c] < NO_WRAP)
        out.append(values[int(settings.ceiling_quantile * len(values))] if values else NO_WRAP)
    return tuple(out)


def column_widths(longest: list[tuple[float, ...]], settings: TaskLineSettings) -> tuple[float, ...] | None:
    """Each column's width: a high quantile of its widest part per row (most rows fill a column's
    line; a misread row overfills it)."""
    if not longest:
        return None
    out = []
    for c in range(len(longest[0])):
        values = sorted(x[c] for x in longest if x[c])
        out.append(values[min(len(values) - 1, int(settings.width_quantile * len(values)))] if values else 0)
    return tuple(out)
