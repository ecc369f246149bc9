"""An annex read from lines whose rows print the unit after the figure, in words: "2.1. Số hồ sơ
tiếp nhận trực tuyến 669 hồ sơ", "5. Số cán bộ, công chức cấp xã 19 người" — a key-value table
("Nội dung | Kết quả": no unit column) as OCR's text gives it.

The line cutter (``stat_line_cells``) reads a row as indicator, unit, figure, note: the unit
before the figure. On these lines that takes the indicator's last word for the unit ("Giải quyết
trước | hạn | 422", the unit "hồ sơ" left as a note) or finds no figure at all where nothing
capitalised stands before it. A table whose header names no unit column and whose rows mostly
end in a figure and a few words is read the other way: the words after the figure are the unit.
"""

from __future__ import annotations

from collections import Counter

from extract.model import Line
from normalize.lazy_regex import lazy_compile
from normalize.text import fold

# A figure as a row prints it ("669", "1.250", "97,81%"), OCR's specks around it dropped.
_FIGURE = lazy_compile(r"\d{1,3}(?:[.,]\d{3})*(?:[.,]\d+)?%?|\d+(?:[.,]\d+)?%?")
_SPECKS = "|¦.,;:'`‘’\"_-—–"
# A word of a unit: letters only (OCR's specks at its ends dropped).
_WORD = lazy_compile(r"\p{L}+")
# The header's words naming a unit column ("Đơn vị tính", "ĐVT"), the indicator's ("Nội dung", "Chỉ
# tiêu") and the figure's ("Kết quả", "Số liệu"), accent-free.
_UNIT_LABEL = lazy_compile(r"\b(?:don vi|dvt)\b")
_INDICATOR_LABEL = lazy_compile(r"\b(?:noi dung|chi tieu)\b")
_FIGURE_LABEL = lazy_compile(r"\b(?:ket qua|so lieu|thuc hien|gia tri)\b")


def figure_then_unit(tokens: list[str], unit_words: int) -> tuple[str, str, str] | None:
    """(indicator, unit, figure) of a row's tokens after its code when they end with a figure and
    one to ``unit_words`` words ("Số cán bộ, công chức cấp xã 19 người"), the line's trailing specks
    ("|", "|.") dropped; None otherwise (a line ending with its figure is cut as usual)."""
    words = list(tokens)
    while words and not any(c.isalnum() for c in words[-1]):
        words.pop()
    for k in range(len(words) - 2, 0, -1):
        if _FIGURE.fullmatch(words[k].strip(_SPECKS)):
            unit = [w.strip(_SPECKS) for w in words[k + 1 :]]
            if not 1 <= len(unit) <= unit_words or not all(_WORD.fullmatch(w) for w in unit):
                return None
            return " ".join(words[:k]), " ".join(unit), words[k].strip(_SPECKS)
    return None


def units_follow_figures(header: str, body: list[Line], unit_words: int, sample: int = 12, least: int = 3) -> bool:
    """Whether a table read from lines prints its units after its figures: its header names the
    indicator's and the figure's columns and no unit column, and of the first ``sample`` lines
    under it that end with a figure or a figure and a few words, at least ``least`` and most end
    so with words, one unit on two rows at least (a table counts its rows in a few units; OCR's
    specks after a figure do not repeat)."""
    folded = fold(header)
    if _UNIT_LABEL.search(folded) or not (_INDICATOR_LABEL.search(folded) and _FIGURE_LABEL.search(folded)):
        return False  # (no header: the columns are inferred from the rows, as the cutter does)
    texts = [ln.text.split() for ln in body if ln.text.strip()][:sample]
    units = [cut[1] for t in texts if (cut := figure_then_unit(t, unit_words)) is not None]
    bare = sum(1 for t in texts if t and _FIGURE.fullmatch(t[-1].strip(_SPECKS)))
    repeated = bool(units) and Counter(fold(u) for u in units).most_common(1)[0][1] >= 2
    return len(units) >= least and len(units) > bare and repeated
