"""How wide (in characters) the name and the explanation columns of a score table printed as lines
print (``score_lines``): where a line's name ends and its explanation starts when OCR's text gives no
positions. Moved out of ``score_lines`` whole (it had grown past its size)."""

from __future__ import annotations

from extract.model import Line
from extract.segment.line_cells import read_line
from extract.segment.line_common import BAR, LineTableSettings
from extract.segment.line_header import HeaderLayout
from extract.segment.line_split import catalogued_opening, opens_explanation, printed_width


def _cue_edge(tokens: list[tuple[str, str]], settings: LineTableSettings) -> list[int]:
    """Where, on a line of name and explanation text, an explanation opens the way one does
    (a document, a date, a dash) after a few words of name: the name column's edge at most."""
    for k in range(settings.cue_edge_min_words, len(tokens)):
        if opens_explanation(tokens[k:]):
            return [printed_width(tokens[:k])]
    return []


def _bar_edge(tokens: list[tuple[str, str]], settings: LineTableSettings) -> list[int]:
    """Where, on a line of name and explanation text, OCR read the ruling line between the two
    columns as a bar after a few words of name: the name column's edge at most, like a cue."""
    for k in range(len(tokens) - 1, settings.cue_edge_min_words - 1, -1):
        if tokens[k][1] == BAR and k + 1 < len(tokens):
            words = [t for t in tokens[:k] if t[1] != BAR]
            return [printed_width(words)] if len(words) >= settings.cue_edge_min_words else []
    return []


def _catalogue_edge(tokens: list[tuple[str, str]], settings: LineTableSettings) -> list[int]:
    """Where, on a line of name and explanation text, a catalogued criterion name's opening ends
    (``catalogued_opening``): the name column is at least that wide, like a cue's edge — a table
    whose explanations open with a cue after short names only would otherwise be given a name
    column as narrow as they ("Cải cách thủ tục hành chính | Thông báo số …" beside "Xây dựng …
    văn bản quy phạm pháp | Tỷ lệ đạt 77%")."""
    k = catalogued_opening(tokens, settings)
    return [printed_width(tokens[:k])] if k else []


def _wide_end(ends: list[int], quantile: float) -> int:
    """A column's right edge: an upper quantile of where its text ends (short texts end early)."""
    ends = sorted(ends)
    return ends[min(len(ends) - 1, int(quantile * len(ends)))]


def column_widths(
    lines: list[Line], settings: LineTableSettings, layout: HeaderLayout = HeaderLayout()
) -> dict[str, dict[int, int]]:
    """How wide (in characters) the name and the explanation column print on each page: an
    upper quantile of the name text before the numbers and of the explanation text after them,
    on that page's lines that carry numbers (the table's figure for a page with too few such
    lines, under key -1; the default name width when no line has numbers)."""
    widths: dict[str, dict[int, list[int]]] = {"name": {}, "explanation": {}}
    cue_edges: list[int] = []
    name_edges: list[int] = []  # where catalogued names' openings end: the edge is no nearer
    for line in lines[:400]:
        cells = read_line(line, False, layout)
        if layout.explanation_first:
            cue_edges += _cue_edge(cells.name, settings) + _bar_edge(cells.split_tokens, settings)
            name_edges += _catalogue_edge(cells.name, settings)
        if cells.has_numbers and cells.name:
            widths["name"].setdefault(line.page, []).append(cells.name_end)
            if cells.explanation:
                widths["explanation"].setdefault(line.page, []).append(printed_width(cells.explanation))
    out: dict[str, dict[int, int]] = {}
    for column, by_page in widths.items():
        if column in out:
            continue
        everything = [e for page in by_page.values() for e in page]
        fallback = settings.default_name_width if column == "name" else settings.default_explanation_width
        out[column] = {-1: fallback}
        if column == "name":
            # The name's edge decides where a name ends: one long OCR'd line must not move it.
            # When the explanation prints before the numbers, their text holds it too: a lower
            # quantile (rows with no explanation) stands for the name's edge.
            q = settings.name_end_quantile_explanation_first if layout.explanation_first else settings.name_end_quantile
            out[column] = {page: _wide_end(e, q) for page, e in by_page.items() if len(e) >= 3}
            out[column][-1] = _wide_end(everything, q) if everything else fallback
            if layout.explanation_first and len(cue_edges) >= settings.cue_edge_min_lines:
                # The text before the numbers is the name's and the explanation's: where the
                # explanations open ("Quyết định số", a date) says where the name column ends,
                # no nearer than a catalogued name's opening ends on a line (``_catalogue_edge``).
                edge = max(cue_edges + name_edges)
                out[column] = {page: min(width, edge) for page, width in out[column].items()}
            if layout.explanation_first and everything:
                out["explanation"] = {-1: max(settings.default_explanation_width, max(everything) - out[column][-1])}
        elif everything and not layout.explanation_first:
            # The explanation's only bounds how much text a line can hold: the widest seen.
            out[column][-1] = max(everything)
    return out
