"""Where a DOCX line's pieces stand across the page, from its paragraph's tab stops (``w:tabs``).

Word moves the text after a tab to the first stop past the text before it: a custom stop of the
paragraph (or of its style), the hanging indent's edge on a first line, else the next default stop.
Two tabs in a row skip a stop, so a cell typed blank ("1.1⇥Tên⇥⇥1") leaves its column empty, and the
piece after it stands under the header's next column, not beside the name. The width of the text
before a tab decides whether it reaches past a stop; it is measured with average letter widths,
as no font is at hand (a total's label typed at the margin runs past the name's stop at 1,2 cm).

Only paragraphs that set stops of their own are placed: default stops say nothing of columns."""

from __future__ import annotations

from dataclasses import dataclass

from normalize.text import column_pieces, fold_spaces

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Tab stops that place text (a "bar" stop draws a rule; a "clear" one removes a style's stop).
_PLACING = {"left", "start", "center", "right", "end", "decimal", "num"}


@dataclass(frozen=True)
class TabStopSettings:
    # Word's default tab interval (settings.xml ``w:defaultTabStop``, 720 twips in nearly every file).
    default_stop_pt: float = 36.0
    # The font size when the paragraph's first run sets none (administrative documents: 13–14 pt).
    font_pt: float = 13.0
    # Average advance of a glyph, in ems, by kind (Times New Roman's: digits and capitals wider than
    # small letters, a space or a stop a quarter em).
    digit_em: float = 0.5
    upper_em: float = 0.68
    lower_em: float = 0.46
    narrow_em: float = 0.25  # space . , : ; ( ) /
    other_em: float = 0.5


@dataclass(frozen=True)
class ParagraphStops:
    """A paragraph's stops (position in points, alignment), its first line's start and the start of
    the lines broken by hand after it, and its font size."""

    stops: tuple[tuple[float, str], ...]
    first_start: float
    next_start: float
    font_pt: float


def _twips(el, name: str) -> float | None:
    value = el.get(W + name) if el is not None else None
    try:
        return int(value) / 20.0 if value is not None else None
    except ValueError:
        return None


def _tab_list(ppr) -> list[tuple[float, str]]:
    tabs = ppr.find(W + "tabs") if ppr is not None else None
    out = []
    for tab in tabs if tabs is not None else ():
        pos = _twips(tab, "pos")
        if pos is not None:
            out.append((pos, tab.get(W + "val") or "left"))
    return out


def paragraph_stops(p, style_el, settings: TabStopSettings = TabStopSettings()) -> ParagraphStops | None:
    """The paragraph's placing stops with its style's (its own "clear" removes one); None when
    neither sets any."""
    ppr = p.find(W + "pPr")
    own = _tab_list(ppr)
    style = _tab_list(style_el.find(W + "pPr")) if style_el is not None else []
    cleared = {pos for pos, val in own if val == "clear"}
    stops = {pos: val for pos, val in style if val in _PLACING and pos not in cleared}
    stops.update({pos: val for pos, val in own if val in _PLACING})
    if not stops:
        return None
    ind = ppr.find(W + "ind") if ppr is not None else None
    left = _twips(ind, "left") or _twips(ind, "start") or 0.0
    first = left - (_twips(ind, "hanging") or 0.0) + (_twips(ind, "firstLine") or 0.0)
    size = settings.font_pt
    for sz in p.iter(W + "sz"):  # (in half points)
        value = sz.get(W + "val") or ""
        if value.isdigit() and int(value) > 0:
            size = int(value) / 2.0
            break
    return ParagraphStops(tuple(sorted(stops.items())), first, left, size)


def _width(text: str, font_pt: float, settings: TabStopSettings) -> float:
    ems = 0.0
    for ch in text:
        if ch.isdigit():
            ems += settings.digit_em
        elif ch in " .,:;()/":
            ems += settings.narrow_em
        elif ch.isupper():
            ems += settings.upper_em
        elif ch.isalpha():
            ems += settings.lower_em
        else:
            ems += settings.other_em
    return ems * font_pt


def _next_stop(x: float, para: ParagraphStops, first_line: bool, settings: TabStopSettings) -> tuple[float, str]:
    candidates = [(pos, val) for pos, val in para.stops if pos > x + 0.5]
    if first_line and para.next_start > x + 0.5:  # a hanging indent's edge is a stop on the first line
        candidates.append((para.next_start, "left"))
    if candidates:
        return min(candidates)
    step = settings.default_stop_pt
    return ((x // step) + 1) * step, "left"


def line_stops(
    typed: str,
    para: ParagraphStops | None,
    first_line: bool,
    pieces: list[str] | None = None,
    settings: TabStopSettings = TabStopSettings(),
) -> list[float]:
    """The position of each of ``column_pieces(typed)`` (the line's text as typed, tabs in it; the
    caller's when it has cut them already), or [] when the paragraph sets no stops or its pieces are
    not all cut by tabs (a run of spaces)."""
    if para is None or "\t" not in typed:
        return []
    pieces = column_pieces(typed) if pieces is None else pieces
    if para is None or not pieces or "\t" not in typed:
        return []
    x = para.first_start if first_line else para.next_start
    placed: list[tuple[float, str]] = []
    for k, segment in enumerate(typed.split("\t")):
        width = _width(segment, para.font_pt, settings)
        if k == 0:
            at = x
            x += width
        else:
            at, align = _next_stop(x, para, first_line, settings)
            x = at + width if align in ("left", "start") else at + width / 2 if align == "center" else at
        if fold_spaces(segment):
            placed.append((at, fold_spaces(segment)))
    texts = [text for _, text in placed]
    lead = [""] if pieces[0] == "" else []
    if lead + texts != pieces:
        return []
    start = para.first_start if first_line else para.next_start
    return [start] * len(lead) + [at for at, _ in placed]
