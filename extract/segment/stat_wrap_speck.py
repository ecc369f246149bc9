"""A row's wrapped words whose trailing speck OCR read as a figure ("3| Tổng số thủ tục hành chính
thuộc thẩm quyền giải | Thủ tục | 125" over "quyết của UBND xã _ sả nc 1").

A line with no code that gives a figure is a row whose code OCR lost; so the wrap above, its last
speck read as "1", became a row of its own, and the column repair numbered the real row before it
as the row above's next sibling (2.4 for 3) and the wrap as 3. An indicator opens with a capital
("Số …", "Kết quả …"); a line that opens in lower case on a word no indicator opens with continues
the phrase above. When the row above already has its figure and the line names no unit, a lone
digit after such words is a speck of the grid, not a second figure: the line is the row above's
wrapped words, kept whole in its indicator (nothing of the text is dropped)."""

from __future__ import annotations

from normalize.criteria.annex_forms import opens_indicator


def wrap_with_speck(above_value: str, indicator: str, unit: str, value: str) -> bool:
    """Whether a coded-less line's cells (``indicator``, ``unit``, ``value``) are the wrapped words
    of a row whose figure (``above_value``) was read, a speck after them taken for a figure."""
    words = indicator.split()
    if not above_value.strip() or unit.strip() or not words:
        return False
    figure = value.strip()
    if len(figure) != 1 or not figure.isdigit():
        return False
    first = words[0]
    return first[:1].isalpha() and first[:1].islower() and not opens_indicator(first)
