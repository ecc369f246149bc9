"""The header of a statistics annex printed as lines: the shortest run of lines naming the
indicator, the unit and the figure (``is_statistics_header``), its labels as OCR leaves them
(glued words, "Đơnvị | Kếtquả"; a unit label garbled between the form's code and note labels)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from extract.model import Line
from extract.segment.line_header import HEADER_POINTS, header_concepts, keyed_concepts
from extract.segment.stat_line_cells import _CODE, _INDICATOR, _UNIT, _VALUE, _code_token, _has_word
from extract.segment.statistics import StatisticsSettings
from normalize.criteria.annex_forms import lookalike_words
from normalize.lazy_regex import lazy_compile
from normalize.text import fold

if TYPE_CHECKING:  # the settings live with the table finder that passes them down
    from extract.segment.stat_lines import StatLineSettings


def is_statistics_header(text: str, stat_settings: StatisticsSettings = StatisticsSettings()) -> bool:
    """A header naming an indicator, a unit and a figure, and no score or task column. A unit label
    OCR garbled ("STT | Nội dung [DVI |. Solieu | Ghi chú") is not needed where the form's two
    edge labels, the code's and the note's, stand on either side."""
    if any(w in fold(text) for w in stat_settings.score_header_words + stat_settings.task_header_words):
        return False
    if _names_points_columns(text):
        return False
    folded = lookalike_words(text)  # (OCR's digits for letters read back: "S6 liệu" is "Số liệu")
    glued = folded.replace(" ", "")
    unit = _names_unit(folded)
    note = "ghi chu" in folded or "ghichu" in glued or _GARBLED_NOTE.search(folded) is not None
    edges = any(_has_word(folded, w) for w in _CODE) and note
    value = any(w in folded or _glued_label(glued, w) for w in _VALUE)
    # A form with no unit column (each indicator's unit in brackets at its end) names the
    # indicator, the figure and the note: "STT | Nội dung | Số liệu | Ghi chú".
    return any(w in folded or _glued_label(glued, w) for w in _INDICATOR) and (
        ((unit or edges or note) and value) or (unit and note)
    )


# "Ghi chú" with its second word garbled by OCR ("Ghi chi", "Ghi cha").
_GARBLED_NOTE = lazy_compile(r"\bghi ch[a-z]?\b")


def _names_points_columns(text: str) -> bool:
    """Whether a header names two points columns as a score table's header does, its labels'
    words wrapped apart ("Thang | Điểm tự" over "điểm chấm"): the score table's, whose row's
    explanation under it ("Thực hiện đầy đủ") reads like an annex's figure label."""
    return len((header_concepts(text) | keyed_concepts(text)) & set(HEADER_POINTS)) >= 2


def _names_unit(folded: str) -> bool:
    """Whether a header's folded text names the unit column ("Đơn vị tính", "ĐVT", "Đơnvị")."""
    glued = folded.replace(" ", "")
    return any(_has_word(folded, w) or _glued_label(glued, w) for w in _UNIT)


def _glued_label(glued: str, phrase: str) -> bool:
    """Whether a header's text, its spaces dropped, names a label of two words or more that OCR
    glued ("Đơnvị | Kếtquả": the words of a narrow header cell set close)."""
    return " " in phrase and phrase.replace(" ", "") in glued


def _header_span(lines: list[Line], k: int, settings: StatLineSettings) -> tuple[int, int] | None:
    """(first, after last) line of the header that starts at or just after ``k``, or None when
    no header starts there. The header is the shortest run of lines ending where the three
    concepts are first all named: an annex's title above it ("BIỂU … SỐ LIỆU") is no header line."""
    if len(lines[k].text.split()) > settings.max_header_words:
        return None  # (most lines of a document: a sentence, no header; not folded for nothing)
    first = lookalike_words(lines[k].text)
    if not (any(_has_word(first, w) for w in _CODE + _INDICATOR) or any(w in first for w in _UNIT + _VALUE)):
        return None
    for n in range(settings.header_lines):
        end = k + n
        if end >= len(lines) or (n and _code_token(lines[end].text.split()[:1]) is not None):
            return None
        words = lines[end].text.split()
        if len(words) > settings.max_header_words or lines[end].text.rstrip().endswith((".", ";")):
            return None
        if is_statistics_header(" ".join(ln.text for ln in lines[k : end + 1])):
            start = max(
                s for s in range(k, end + 1) if is_statistics_header(" ".join(ln.text for ln in lines[s : end + 1]))
            )
            return start, end + 1
    return None
