"""An annex printed in two panels side by side, read as lines of text (an OCR dump).

To save paper an annex form may stand twice across a landscape page: "TT | Chỉ tiêu | Đơn vị tính |
Số liệu | TT | Chỉ tiêu | Đơn vị tính | Số liệu", the first indicators in the left panel, the rest
in the right one. OCR reads such a page across its width, so each line holds two rows: "2.1 Số cán
bộ đạt chuẩn Người 19 4.2 Số phản ánh đang xử lý Phản ánh 0". Read so, the right panel's code and
indicator go to the left row's note, and its rows are lost. The grid reader cuts such a grid at the
header's repeat (``side_halves``); here, with no grid, the header says it the same way (its labels
printed twice on one line) and each line is cut after the left row's figure where a second row
starts (a code or words, then a unit and a figure). The table is then read as printed: the left
panel's lines, then the right panel's, one annex of ordinary width.

A line the cut finds no second row in (a wrapped indicator's words, a row of the longer panel
beside the other's padding) stays where it stands, with the left panel."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from extract.model import Line
from extract.segment.stat_line_cells import _code_token
from extract.segment.stat_line_figures import _figure_at, _is_figure, _is_year, _unit_start
from normalize.lazy_regex import lazy_compile
from normalize.text import fold

if TYPE_CHECKING:
    from extract.segment.stat_lines import StatLineSettings

# A token as ``stat_line_cells._words`` splits a line: bars are spaces.
_TOKEN = lazy_compile(r"[^\s|¦]+")
# Marks OCR sets beside a cell's words or figure (quotes, the grid's specks): "“Thủ tục", "36”".
_MARKS = "\"“”„'‘’`[]|_—~°:;()"
_CODE_LABELS = ("tt", "stt")
# The figure's labels: the last of a panel's.
_VALUE_LABELS = ("solieu", "ketqua", "soluong")
# The annex form's labels (folded, spaces out: OCR glues "Đơnvị"); a header printing two of them
# twice is the form printed twice.
_LABELS = ("donvi", "chitieu", "noidung", *_VALUE_LABELS)


@dataclass(frozen=True)
class PanelSettings:
    # Labels of the form a header line must print twice each: one repeated label ("Số lượng |
    # Tỷ lệ | Số lượng | Tỷ lệ") is a table's sub-columns by period, not the form printed twice.
    min_repeated_labels: int = 2
    # Lines below the header looked at for the two panels' rows.
    max_body_lines: int = 80
    # Lines that must hold two rows before the table is taken as two panels (one such line may be
    # an indicator that prints a figure in its wording).
    min_split_lines: int = 3
    # Words with letters a row's indicator prints before its unit at least.
    min_indicator_words: int = 2


def _glued(text: str) -> str:
    return "".join(fold(text).split())


def _repeated(text: str) -> list[str]:
    glued = _glued(text)
    return [label for label in _LABELS if glued.count(label) >= 2]


def is_panels_header(text: str, settings: PanelSettings = PanelSettings()) -> bool:
    """Whether a header line prints the annex form's labels twice."""
    return len(_repeated(text)) >= settings.min_repeated_labels


def left_header(text: str) -> str:
    """A two-panel header line's left panel's labels: up to its figure's label, the last of the
    form's ("TT | Chỉ tiêu | Đơn vị tính | Số liệu"); else up to the last place from which the line
    still names every label it prints twice (the right panel's), its code label ("TT") with them."""
    spans = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    for k in range(1, len(spans)):
        if any(label in _glued(text[: spans[k - 1][1]]) for label in _VALUE_LABELS):
            return text[: spans[k - 1][1]] if k < len(spans) else text
    labels = _repeated(text)
    cut = max(
        (k for k in range(len(spans)) if all(label in _glued(text[spans[k][0] :]) for label in labels)), default=0
    )
    while cut > 0 and fold(text[spans[cut - 1][0] : spans[cut - 1][1]]).strip(".:") in _CODE_LABELS:
        cut -= 1
    return text[: spans[cut][0]].rstrip() if cut > 0 else text


def _worded(tokens: list[str]) -> int:
    return sum(1 for t in tokens if sum(c.isalpha() for c in t) >= 2)


def _clean(token: str) -> str:
    return token.strip(_MARKS)


def _figure(token: str) -> bool:
    """A figure with the marks OCR set beside it ("36”", "93.": the cell's edge)."""
    figure = _clean(token).rstrip(".")
    return _is_figure(figure) and not _is_year(figure)


def _row_end(tokens: list[str], settings: StatLineSettings, panel: PanelSettings) -> int | None:
    """Where a row's figure stands in its tokens (a code or not, its indicator's words, a unit,
    the figure), or None when they are no row: the first figure after a unit, else the last."""
    body = tokens[1:] if _code_token([_clean(t) for t in tokens[:1]]) is not None else tokens
    words = [_clean(t).rstrip(".") or t for t in body]
    at = _figure_at(words, set(), settings)
    if at is None:
        return None
    unit, figure = at
    if _worded(body[:unit]) < panel.min_indicator_words or _is_year(words[figure]):
        return None
    return figure + len(tokens) - len(body)


def _second_row(rest: list[str], after_unit: bool, settings: StatLineSettings, panel: PanelSettings) -> bool:
    """Whether the tokens after a row's figure are a row of the other panel: a code, words and a
    figure (or, after a figure its unit stood before, no figure: OCR garbled it, "Hồ sơ Siệc-"); or
    with no code, after a figure its unit stood before, words opening with a capital, a unit and a
    figure ("… Nghị định 30 trong năm Văn bản 12" is one row)."""
    coded = bool(rest) and _code_token([_clean(rest[0])]) is not None
    if not coded:  # (an indicator opens with a capital; an indicator's wording going on does not)
        opens = next((c for c in rest[0] if c.isalpha()), "") if rest else ""
        return after_unit and opens.isupper() and _row_end(rest, settings, panel) is not None
    body = rest[1:]
    first = next((k for k, t in enumerate(body) if _figure(t)), len(body))
    return _worded(body[:first]) >= panel.min_indicator_words and (first < len(body) or after_unit)


def split_panels(
    text: str, settings: StatLineSettings, panel: PanelSettings = PanelSettings()
) -> tuple[str, str] | None:
    """A line's left row and right row, or None when it holds one row (or none): cut after the
    first figure that ends a row when what follows is a row too (an indicator's wording may print
    a figure of its own: the next one is tried)."""
    spans = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    tokens = [text[a:b] for a, b in spans]
    opening = 1 if _code_token([_clean(t) for t in tokens[:1]]) is not None else 0
    for k in range(opening, len(tokens) - 1):
        if not _figure(tokens[k]) or _worded(tokens[opening:k]) < panel.min_indicator_words:
            continue
        before = [_clean(t) for t in tokens[opening:k]]
        after_unit = _unit_start(before, set(), settings) is not None
        if _second_row(tokens[k + 1 :], after_unit, settings, panel):
            cut = spans[k + 1][0]  # the text as printed, its bars kept
            return text[:cut].rstrip().rstrip(_MARKS), text[cut:]
    return None


def panels_in_order(
    lines: list[Line], settings: StatLineSettings, panel: PanelSettings = PanelSettings()
) -> list[Line]:
    """The lines with each two-panel annex's body set as printed: its left panel's rows, then its
    right panel's. Lines of any other text are returned as they are."""
    out: list[Line] = []
    k = 0
    while k < len(lines):
        out.append(lines[k])
        # (the line with the one above: a label OCR set on a line of its own, "Chỉ tiêu" over the rest)
        if not is_panels_header(" ".join(ln.text for ln in lines[max(k - 1, 0) : k + 1]), panel):
            k += 1
            continue
        body = lines[k + 1 : k + 1 + panel.max_body_lines]
        cuts = [split_panels(ln.text, settings, panel) for ln in body]
        last = max((i for i, c in enumerate(cuts) if c is not None), default=-1)
        if sum(1 for c in cuts if c is not None) < panel.min_split_lines:
            k += 1
            continue
        # A row of the longer panel beside the other's padding closes the body on one row a line.
        while last + 1 < len(body) and _row_end(_TOKEN.findall(body[last + 1].text), settings, panel) is not None:
            last += 1
        left: list[Line] = []
        right: list[Line] = []
        for ln, cut in zip(body[: last + 1], cuts[: last + 1], strict=True):
            if cut is None:
                left.append(ln)
                continue
            left.append(_cut(ln, cut[0]))
            right.append(_cut(ln, cut[1]))
        out[-1] = _cut(lines[k], left_header(lines[k].text))
        out.extend(left + right)
        k += last + 2
    return out


def _cut(line: Line, text: str) -> Line:
    """A piece of a printed line: its text, none of the whole line's words, pieces or text before
    the repair (each of which would hold the other panel's)."""
    return replace(line, text=text, words=[], columns=[], column_stops=[], raw=None, repair_conf=None)
