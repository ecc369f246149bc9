"""The header of a statistics annex printed as lines: the shortest run of lines naming the
indicator, the unit and the figure (``is_statistics_header``), its labels as OCR leaves them
(glued words, "Đơnvị | Kếtquả"; a unit label garbled between the form's code and note labels)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from extract.model import Line
from extract.segment.line_header import HEADER_POINTS, header_concepts, keyed_concepts
from extract.segment.stat_line_cells import _CODE, _INDICATOR, _UNIT, _VALUE, _code_token, _has_word
from extract.segment.stat_periods import names_compared_periods
from extract.segment.statistics import StatisticsSettings
from normalize.criteria.annex_forms import lookalike_words
from normalize.lazy_regex import lazy_compile
from normalize.text import fold

if TYPE_CHECKING:  # the settings live with the table finder that passes them down
    from extract.segment.stat_lines import StatLineSettings


def is_statistics_header(
    text: str, stat_settings: StatisticsSettings = StatisticsSettings(), garbled: bool = False
) -> bool:
    """A header naming an indicator, a unit and a figure, and no score or task column. A unit label
    OCR garbled ("STT | Nội dung [DVI |. Solieu | Ghi chú") is not needed where the form's two
    edge labels, the code's and the note's, stand on either side. With ``garbled`` (no header of
    those found): the figure and two more labels, one of them the note or the code, and no word
    of points ("Điểm"): OCR garbles any label past reading ("[Str Nieduae S6 liéu Ghi cha": the
    indicator), and a form with no unit column (each indicator's unit in brackets at its end)
    names none: "STT | Nội dung | Số liệu | Ghi chú"."""
    if any(w in fold(text) for w in stat_settings.score_header_words + stat_settings.task_header_words):
        return False
    if _names_points_columns(text):
        return False
    folded = lookalike_words(text)  # (OCR's digits for letters read back: "S6 liệu" is "Số liệu")
    glued = folded.replace(" ", "")
    indicator = any(w in folded or _glued_label(glued, w) for w in _INDICATOR)
    unit = _names_unit(folded)
    # (two periods compared, "Năm 2023 | Năm 2024 | Chênh lệch": the figure's columns are theirs; the
    # change's sign in brackets, "Tăng (+)", is read on the text as printed: the look-alike words drop
    # the brackets, and it alone names the comparison where OCR garbled a period's "Năm" to "Nain")
    value = (
        any(w in folded or _glued_label(glued, w) for w in _VALUE)
        or names_compared_periods(folded)
        or names_compared_periods(text)
    )
    note = "ghi chu" in folded or "ghichu" in glued or _GARBLED_NOTE.search(folded) is not None
    code = any(_has_word(folded, w) for w in _CODE) or _GARBLED_CODE.match(folded) is not None
    if indicator and ((unit and (value or note)) or (value and code and note)):
        return True
    if not garbled or any(w in _SCORE_LABEL_WORDS for w in folded.split()):
        return False
    # (the figure's label as whole words: "Giải trình", garbled "Gia trinh", holds "gia tri"; or
    # its two words glued whole, "Kếtquả", a word of its own that no other label holds)
    value = any(_has_word(folded, w) or (" " in w and _has_word(folded, w.replace(" ", ""))) for w in _VALUE)
    value = value or _GARBLED_VALUE.search(folded) is not None
    # the unit column's own label ("ĐVT", "Đơn vị tính", not a sentence's "đơn vị") is an annex's
    # (no score or task table has one): with the figure's, it names the form even when the
    # indicator's label is garbled past reading ("Nơi ưu | DVT | Số liệu")
    unit_label = any(_has_word(folded, w) for w in _UNIT_LABELS)
    return value and ((note or code) and sum([indicator, unit, note, code]) >= 2 or unit_label)


# The unit column's labels no sentence prints (a sentence's "đơn vị" is a unit of the commune).
_UNIT_LABELS = ("dvt", "don vi tinh")
# Words of a score table's labels ("Điểm | Điểm tự chấm", "Giải trình", "Tài liệu kiểm chứng"): a
# header OCR garbled that prints one is no annex's.
_SCORE_LABEL_WORDS = frozenset({"diem", "trinh", "chung"})
# The code's label opening the header as OCR garbles "STT" ("SIT", "Str", "ST1"): an "s", then
# two characters one of which is a "t".
_GARBLED_CODE = lazy_compile(r"^\W{0,2}s(?:t[a-z0-9]|[a-z0-9]t)\b")
# "Số lượng", "Số liệu" with their first word garbled by OCR ("Sẽ lượng", "Sở liệu"): an "s" and
# at most one letter, then the label's second word whole, which no other label holds.
_GARBLED_VALUE = lazy_compile(r"\bs[a-z0-9]? (?:luong|lieu)\b")
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
    if _header_words(lines[k].text) > settings.max_header_words * panels_named(lines[k].text):
        return None  # (most lines of a document: a sentence, no header; not folded for nothing)
    first = lookalike_words(lines[k].text)
    if not (any(_has_word(first, w) for w in _CODE + _INDICATOR) or any(w in first for w in _UNIT + _VALUE)):
        return None
    # The labels as printed first; a header OCR garbled past that only when none is found so.
    for garbled in (False, True):
        for n in range(max(settings.header_lines, settings.stacked_label_lines)):
            end = k + n
            if end >= len(lines) or (n and _code_token(lines[end].text.split()[:1]) is not None):
                break
            text = lines[end].text
            # (labels printed one per line, "Chỉ tiêu." / "Đơn vị _." / "tính" / "Kết quả .": OCR's
            # page layout set the header row's cells apart, a speck after each; a label is no sentence)
            stacked = all(_label_words(ln.text) <= settings.stacked_label_words for ln in lines[k : end + 1])
            if (
                n >= settings.header_lines
                and not stacked
                and not _labels_wrapped(lines[k], lines[k + settings.header_lines : end + 1], settings)
            ):
                break
            if _header_words(text) > settings.max_header_words * panels_named(text) or (
                not stacked and _ends_sentence(text)
            ):
                break
            if _names_form(lines[k : end + 1], garbled):
                start = max(s for s in range(k, end + 1) if _names_form(lines[s : end + 1], garbled))
                return start, end + 1
    return None


def _labels_wrapped(first: Line, below: list[Line], settings: StatLineSettings) -> bool:
    """Whether the lines a header takes past ``header_lines`` are its labels' wrapped words, short
    lines ("thang hoach" / "dau nam" under "Ke hoach | Thuc hien 6 thang dau nam | Ghi chu"): a
    form of many narrow columns wraps each label over four lines and more, and names its figure's
    and its note's labels only once their words are joined ("Thực" / "hiện", "Ghi" / "chú"). Only
    under a first line naming the indicator's column, as a header's does: an annex's title ("BIỂU
    … SỐ LIỆU") over its caption and labels printed one per line is no header line."""
    return (
        indicator_labels(first.text) > 0
        and len(below) <= settings.header_tail_lines
        and all(_label_words(ln.text) <= settings.header_tail_words for ln in below)
    )


# A sentence's stop closes its last word ("… như sau."); a stop standing apart ("Đơn vị .") is a
# speck OCR read from a cell's rule, which ends no header line.
_SENTENCE_END = lazy_compile(r"\w[.;]\s*$")
# ... nor does one OCR glued to the form's last label, the note's ("… So sánh Ghi." over "(%) chú",
# "Ghi chú.", "Ghi cha."): a report's sentence does not end on "ghi".
_NOTE_LABEL_END = lazy_compile(r"(?<![a-z])ghi(?:\s*ch[a-z]?)?[.;]\s*$")


def _ends_sentence(text: str) -> bool:
    """Whether a line ends as a sentence does (``_SENTENCE_END``), not on the note's label."""
    return _SENTENCE_END.search(text) is not None and _NOTE_LABEL_END.search(fold(text)) is None


def names_criteria(header: list[Line]) -> bool:
    """Whether a header names a score table's criteria column ("Tiêu chí, tiêu chí thành phần",
    "Nội dung đánh giá"): its rows are criteria, whose points no annex reader takes, though the
    header's other words ("kết quả", "Ghi chú", and "chí, tiêu" read as "chỉ tiêu") name a form."""
    folded = " ".join(fold(ln.text) for ln in header)
    return any(_has_word(folded, w) for w in _CRITERIA_LABELS)


# The criteria column's labels no annex prints (its indicator is a "Chỉ tiêu", never a "tiêu chí").
_CRITERIA_LABELS = ("tieu chi thanh phan", "noi dung danh gia", "tieu chi danh gia")


def stacked_labels(header: list[Line], settings: StatLineSettings) -> bool:
    """Whether a header's labels were printed one per line: more lines than a wrapped header takes,
    each a label alone (``stacked_label_words``)."""
    return len(header) > settings.header_lines and all(
        _label_words(ln.text) <= settings.stacked_label_words for ln in header
    )


def panels_named(text: str, most: int = 2) -> int:
    """Panels a header line names, side by side: the times it names the indicator's label (a
    form printed in two panels, "TT | Chỉ tiêu | Đơn vị | Số liệu | TT | Chỉ tiêu | …", has twice
    one panel's words), at least one, at most ``most``."""
    if len(text) > 400:  # (no header line: not folded for nothing)
        return 1
    return max(1, min(most, indicator_labels(text)))


def indicator_labels(text: str) -> int:
    """The times ``text`` names the indicator column's label."""
    return len(_INDICATOR_LABEL.findall(lookalike_words(text)))


# The indicator column's label, once however many of its words are printed ("Nội dung chỉ tiêu").
_INDICATOR_LABEL = lazy_compile(r"(?:noi dung|ten)?\s?chi tieu|noi dung")


def _label_words(text: str) -> int:
    """A header line's words, the grid's bars between its labels left out ("DVT | Năm | Năm |":
    three words, not six)."""
    return sum(1 for w in text.split() if any(ch.isalnum() for ch in w))


def _header_words(text: str) -> int:
    """A header line's words as ``_label_words``, a lone character left out: OCR reads a column's
    rule or a cell's edge as one ("S| DVT | … | T Tyle ol"), and a wide form's six labels with a
    few such specks count past a sentence's bound though no label is a letter alone."""
    return sum(1 for w in text.split() if sum(ch.isalnum() for ch in w) >= 2)


def _names_form(lines: list[Line], garbled: bool) -> bool:
    """Whether header lines name a statistics form, as repaired or as OCR printed them: the repair
    can make another word of a garbled label ("Str", OCR's "STT", repaired to "Sử")."""
    if is_statistics_header(" ".join(ln.text for ln in lines), garbled=garbled):
        return True
    raw = " ".join(ln.raw if ln.raw is not None else ln.text for ln in lines)
    return raw != " ".join(ln.text for ln in lines) and is_statistics_header(raw, garbled=garbled)
