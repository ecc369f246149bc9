"""A criterion's lettered items inside its row, read as lines of text (an OCR dump): the figures
one line each, whatever lines the names wrap to.

A criterion's cell may list its items under its own name ("Kết quả giải quyết hồ sơ …", then
"a) Tỷ lệ hồ sơ …", "b) Thực hiện xin lỗi …"), the maximum and self cells a line for the criterion
then a line an item ("8 / 5 / 1,5 / 1,5"). The figure cells' lines never wrap; the names do. On a
dump each line of the page is the name's line and the figures' line beside it, so once a name
wraps the figures run ahead of their items: item b)'s figures print on a)'s wrapped line ("han
1,5 1,5"), c)'s on b)'s, and c)'s own line prints none. The line reader then reads the wrapped
line as a row of its own (the next criterion's code given to it, a phantom) and the last item
with no points. When the criterion's own name wraps, its second line carries a)'s figures.

What the table prints is enough to put them back: in a criterion's run of lines (its own, its
items', the wrapped lines between), as many lines print figures as the criterion has items plus
one, each no lower than the row it belongs to (a cell's figures sit at its top), and the items'
maxima add up to the criterion's (or their self points to its self points). Then the figures go,
in order, to the criterion and its items, and a wrapped line's words back to the name above it.
Any other run is left as it is (the sums and the review queue read it)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from extract.segment.row_draft import LineTable, RowDraft
from normalize.lazy_regex import lazy_compile
from normalize.numbers import parse_number


@dataclass(frozen=True)
class LetteredLinesSettings:
    # The items' letters in the order a list prints them (Vietnamese: "đ" after "d", no "f", "j", "w", "z").
    letters: str = "abcdđeghiklmnopqrstuvxy"
    # Fewest items a criterion must letter before its figures are put back in order.
    min_items: int = 2
    # How far the items' sum may stand from the criterion's figure and still witness the order.
    tolerance: float = 0.01


# An item's code as the line reader keeps it: "a)", "b.".
_LETTER = lazy_compile(r"^([a-zđ])[).]$")

# What travels with a line's figures: the points as printed and what OCR said of them.
_FIGURE_FIELDS = (
    "max_raw",
    "self_raw",
    "appraised_raw",
    "share_raw",
    "number_confs",
    "seen_blank",
    "later_raws",
    "split_decimal",
    "specked",
    "scale_figure",
)


@dataclass
class _Run:
    """A criterion's draft and the drafts after it up to the next coded row: its items (lettered)
    and the wrapped lines read as rows of their own (no code)."""

    head: int
    members: list[int] = field(default_factory=list)


def _letter(draft: RowDraft) -> str | None:
    match = _LETTER.match(draft.code or "")
    return match.group(1) if match else None


def _runs(rows: list[RowDraft]) -> list[_Run]:
    """Each coded (not lettered) draft with the lettered and uncoded drafts following it."""
    runs: list[_Run] = []
    for k, draft in enumerate(rows):
        if draft.code is not None and _letter(draft) is None:
            runs.append(_Run(head=k))
        elif runs:
            runs[-1].members.append(k)
    return runs


def _figured(draft: RowDraft) -> bool:
    return draft.max_raw is not None or draft.self_raw is not None


def _value(raw: str | None) -> float | None:
    parsed = parse_number(raw or "", kind="auto", ocr=True)
    return None if parsed is None else parsed.value


def _sums_agree(sources: list[RowDraft], settings: LetteredLinesSettings) -> bool:
    """Whether the items' figures, taken in order, add up to the criterion's: maxima or self points."""
    for key in ("max_raw", "self_raw"):
        whole = _value(getattr(sources[0], key))
        parts = [_value(getattr(s, key)) for s in sources[1:]]
        if whole is not None and all(p is not None for p in parts):
            if abs(sum(p for p in parts if p is not None) - whole) <= settings.tolerance:
                return True
    return False


def _realigned(rows: list[RowDraft], run: _Run, settings: LetteredLinesSettings) -> list[RowDraft] | None:
    """The run's rows with the figures given in order to the criterion and its items; None when the
    run is no criterion with its items out of step with their figures."""
    items = [k for k in run.members if _letter(rows[k]) is not None]
    letters = "".join(_letter(rows[k]) or "" for k in items)
    if len(items) < settings.min_items or letters != settings.letters[: len(letters)]:
        return None
    owners = [run.head, *items]
    sources = [k for k in [run.head, *run.members] if _figured(rows[k])]
    if len(sources) != len(owners) or sources == owners:
        return None  # (as many figure lines as rows and already each on its own row: nothing to mend)
    if any(rows[s].line_start > rows[o].line_start for s, o in zip(sources, owners)):
        return None  # (a figure below its row's first line: not a cell's top line, another layout)
    if not _sums_agree([rows[k] for k in sources], settings):
        return None
    figures = {o: {f: getattr(rows[s], f) for f in _FIGURE_FIELDS} for s, o in zip(sources, owners)}
    out: list[RowDraft] = []
    for k in [run.head, *run.members]:
        draft = rows[k]
        if k not in figures:  # a wrapped line: its words to the name above, its notes with them
            above = out[-1]
            above.name = [*above.name, *draft.name]
            above.explanation = [*above.explanation, *draft.explanation]
            above.line_end = max(above.line_end, draft.line_end)
            above.confs = [*above.confs, *draft.confs]
            continue
        out.append(replace(draft, **figures[k]))
    return out


def lettered_line_items(table: LineTable, settings: LetteredLinesSettings = LetteredLinesSettings()) -> LineTable:
    """``table`` with each criterion's lettered items given their own figures (module doc)."""
    runs = _runs(table.rows)
    mended: dict[int, list[RowDraft]] = {}
    for run in runs:
        realigned = _realigned(table.rows, run, settings)
        if realigned is not None:
            mended[run.head] = realigned
    if not mended:
        return table
    rows: list[RowDraft] = []
    skip: set[int] = set()
    for run in runs:
        if run.head in mended:
            skip.update([run.head, *run.members])
    for k, draft in enumerate(table.rows):
        if k in mended:
            rows.extend(mended[k])
        elif k not in skip:
            rows.append(draft)
    return replace(table, rows=rows)
