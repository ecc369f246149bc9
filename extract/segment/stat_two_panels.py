"""An annex printed in two panels side by side, read from lines (an OCR dump): "TT | Chỉ tiêu | Đơn
vị | Số liệu | TT | Chỉ tiêu | Đơn vị | Số liệu", the rows 1–3.4 on the left, 4–6 on the right, so
each line of text holds two rows ("2.1 | Số cán bộ, công chức đạt chuẩn Người 19 4.2 | Số phản ánh,
kiến nghị đang xử lý Phản ánh 0"). Read as printed, each line was one row with a note of words
and the annex was lost whole; a scan keeps the panels apart by where they stand, a dump does not.

A header that names the form's labels twice (the indicator's and the figure's, on its lines) says
the table is in two panels. Each line under it is cut where the right panel's row opens: an
indicator's opening word ("Số …", "Tỷ lệ …", "Tổng số …", OCR's "S6 …" too) after the left row's
figure and the right row's code, or after the left row's unit where OCR lost the figure and the
code. The left panel's rows are read first, then the right panel's, in order, so the code column
runs on as printed (1 … 3.4, 4 … 6). Lines no cut divides (wrapped indicator text, specks) stay
where they stand."""

from __future__ import annotations

from dataclasses import dataclass, replace

from extract.model import Line
from extract.segment.count_words import UNIT_KEYS
from extract.segment.stat_line_cells import _VALUE
from extract.segment.stat_line_header import indicator_labels, is_statistics_header, panels_named
from normalize.criteria.annex_forms import lookalike_words, opens_indicator
from normalize.lazy_regex import lazy_compile
from normalize.text import fold

# The figure's label the header names once per panel (the annex header's, accent-free, OCR's
# look-alikes read back), once however many of its words are printed ("Kết quả thực hiện").
# (its words glued or not: "Sốlượng")
_VALUE_LABEL = lazy_compile(
    "|".join(w.replace(" ", " ?") for w in ["ket qua(?: thuc hien)?", *(w for w in _VALUE if w != "ket qua")])
)
# A code as OCR prints it at a panel's edge: "4.2", "4.3_|", "41" (4.1), "5B" (5.), "o1" (5.1).
_CODE = lazy_compile(r"^[^\p{L}\p{N}]{0,2}[0-9a-zA-Z]?\d{1,3}(?:[.,]\d{1,2}){0,2}[A-Za-z]?[.)]?[^\p{L}\p{N}]{0,3}$")
# A code printed with its dot: no figure of a count prints one ("4.2", "3.1.")
_DOTTED = lazy_compile(r"\d[.,]\d")
# A figure as OCR prints it: digits with a decimal comma, specks about it ("2__.", "647."), the
# comma read as a stroke ("95/3" for 93,3: still the left row's figure, the code after it the right
# row's).
_FIGURE = lazy_compile(r"^[^\p{L}\p{N}]{0,2}\d[\d.,]*(?:/\d{1,2})?[^\p{L}\p{N}]{0,3}$")
# A token with no letter or digit: a ruling's speck ("|", "_", "†", "'").
_SPECK = lazy_compile(r"^[^\p{L}\p{N}%]+$")
# An indicator's first word opens on a capital, after specks ("|Sốhồsơ", "'G7øấi").
_CAPITAL = lazy_compile(r"^[^\p{L}\p{N}]{0,2}\p{Lu}")


@dataclass(frozen=True)
class PanelSettings:
    # Header lines (from a line that names the form) searched for the labels printed twice.
    header_lines: int = 4
    # Times each label (the indicator's, the figure's) is named for the table to have two panels.
    panels: int = 2
    # Share of the catalogue's indicators an opening word must open (``opens_indicator``) where
    # no code stands before it; with a code before it, a capital is enough.
    opening_share: float = 0.02
    # Words the left part keeps, at least (its code, indicator, unit, figure).
    min_left_words: int = 3
    # Lines under the header looked at for rows: an annex page's table, not the report after it.
    body_lines: int = 80
    # Lines after the last one both panels share that can still be the left panel's: its rows
    # (opening on a code, ending on a figure) and their wrapped words (this many words at most).
    left_tail_lines: int = 12
    wrap_words: int = 6


def _two_panels(lines: list[Line], k: int, settings: PanelSettings) -> bool:
    """Whether the header opening at line ``k`` names the indicator's and the figure's labels
    once per panel."""
    if not indicator_labels(lines[k].text) or not is_statistics_header(lines[k].text, garbled=True):
        return False
    header = " ".join(ln.text for ln in lines[k : k + settings.header_lines])
    values = len(_VALUE_LABEL.findall(lookalike_words(header)))
    return panels_named(header, settings.panels) >= settings.panels and values >= settings.panels


def _unit_before(tokens: list[str], j: int) -> bool:
    """Whether the left part's tokens up to ``j`` end with a unit's words ("Thủ tục", "Hồ sơ")."""
    tail = fold(" ".join(tokens[max(0, j - 1) : j + 1])).strip(" .,:;|_'")
    return any(tail == key or tail.endswith(" " + key) for key in UNIT_KEYS if key)


def _back(tokens: list[str], j: int) -> int:
    while j >= 0 and _SPECK.match(tokens[j]):
        j -= 1
    return j


def panel_cut(text: str, settings: PanelSettings = PanelSettings()) -> int | None:
    """The token index where the right panel's row opens in a line holding two rows (its code,
    or its indicator where the code was lost), or None."""
    tokens = text.split()
    for i in range(settings.min_left_words, len(tokens)):
        if not _CAPITAL.match(tokens[i]):
            continue
        j = _back(tokens, i - 1)
        code = j >= 0 and _CODE.match(tokens[j]) is not None and "%" not in tokens[j]
        before = _back(tokens, j - 1) if code else j
        if code and not _DOTTED.search(tokens[j]) and before >= 0 and _FIGURE.match(tokens[before]) is None:
            # (a whole number right after the left row's unit is its figure, the right row's
            # code lost: "Hồ sơ | 18 …", not a code whose figure OCR lost)
            code, before = False, j
        start = j if code else i
        if before < settings.min_left_words - 1:
            continue
        figure = _FIGURE.match(tokens[before]) is not None or tokens[before] in ("%", "-")
        if not (figure or _unit_before(tokens, before)):
            continue
        if not code and not opens_indicator(" ".join(tokens[i:]), settings.opening_share):
            continue
        return start
    return None


def _row_like(text: str, settings: PanelSettings) -> bool:
    """Whether a line reads as a row of the left panel or its wrapped words: blank, few words, or
    opening on a code or ending on a figure."""
    tokens = text.split()
    if len(tokens) <= settings.wrap_words:
        return True
    return _CODE.match(tokens[0]) is not None or _FIGURE.match(tokens[-1]) is not None


def _left_end(lines: list[Line], last_cut: int, settings: PanelSettings) -> int:
    """The last line of the left panel: the left panel runs on under the last line the right
    panel shares (it holds a row more, its rows wrapped) while lines read as its rows."""
    end = last_cut
    for n in range(last_cut + 1, min(len(lines), last_cut + 1 + settings.left_tail_lines)):
        if not _row_like(lines[n].text, settings):
            break
        end = n
    return end


def panels_unfolded(lines: list[Line], settings: PanelSettings = PanelSettings()) -> list[Line]:
    """The lines with each two-panel table's right panel read after its left one (the lines
    holding two rows cut in two); other lines as they are."""
    for k in range(len(lines)):
        if not _two_panels(lines, k, settings):
            continue
        body = range(k + 1, min(len(lines), k + 1 + settings.body_lines))
        cuts = {n: cut for n in body if (cut := panel_cut(lines[n].text, settings)) is not None}
        if not cuts:
            continue
        last = _left_end(lines, max(cuts), settings)
        left: list[Line] = []
        right: list[Line] = []
        for n in range(k + 1, last + 1):
            line = lines[n]
            if n not in cuts:
                left.append(line)
                continue
            tokens = line.text.split()
            left.append(replace(line, text=" ".join(tokens[: cuts[n]]), words=[], columns=[], column_stops=[]))
            right.append(replace(line, text=" ".join(tokens[cuts[n] :]), words=[], columns=[], column_stops=[]))
        return [*lines[: k + 1], *left, *right, *panels_unfolded(lines[last + 1 :], settings)]
    return lines
