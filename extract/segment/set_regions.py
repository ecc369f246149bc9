"""Where the criteria set's recovery of rows (``set_rows``) looks: the regions of lines told unread
(their lines, the score table read around them and its rows just above and below), the runs of
lines no row took between a table's rows read, the lines above a table read whole, and which told
parts the rows recovered answer (split from ``set_rows``: the regions, not the rows made in them)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from extract.model import Line
from extract.segment.set_wording import FLAG_FROM_SET_ORDER
from normalize.criteria.name_runs import FLAG_NAME_AROUND
from normalize.lazy_regex import lazy_re_compile
from schemas.records import ExtractionResult, ScoreRow, ScoreTable, UnreadPart

if TYPE_CHECKING:
    from extract.segment.set_rows import SetRowSettings
    from normalize.criteria import CriteriaSet


def table_gaps(
    table: ScoreTable,
    tables: list[ScoreTable],
    lines: list[Line],
    text_pages: set[int],
    cs: CriteriaSet,
    settings: SetRowSettings,
) -> list[tuple[list[Line], ScoreRow | None, ScoreRow | None]]:
    """Runs of lines no row took between a table's rows read on text pages (and over its last
    row's span and a few lines past it), with the rows above and below: the rows under the set's
    codes, in a table most of whose codes are the set's."""
    placed = sorted(
        (r for r in table.rows if r.source.line_start is not None and r.source.page in text_pages),
        key=lambda r: (r.source.page or 0, r.source.line_start or 0),
    )
    if len(placed) < 2 or len(placed) != len(table.rows):
        return []
    codes = {c.code for c in cs.rows}
    coded = [r for r in placed if r.code]
    if sum(str(r.code) in codes for r in coded) < settings.min_set_codes * len(coded):
        return []  # (the table numbers its rows otherwise than the set: "I", "1.a", "II.1")
    # (a row under a code the set has not, in a table numbered as the set, is a code OCR misread
    # ("2.1" for 1.3, "1.5"): no bound of the set's criteria around it, its line still a row's)
    rows = [r for r in placed if not r.code or str(r.code) in codes]
    # (a line inside a row's span but its first may be the next criterion's, glued to that row:
    # it opens a row only as clearly as ``min_ratio_inside`` says)
    firsts = {(r.source.page, r.source.line_start) for t in tables for r in t.rows}

    def free(ln: Line) -> bool:
        return (ln.page, ln.number) not in firsts

    out: list[tuple[list[Line], ScoreRow | None, ScoreRow | None]] = []
    # (and a few lines above its first row read: the set's criteria before that row's code whose
    # lines the reader passed over, their codes and points lost: "Fie 1.1.1 | Ban hành …")
    first = rows[0]
    head = [ln for ln in lines if ln.page == first.source.page and ln.number < (first.source.line_start or 0)]
    head = [ln for ln in head[-settings.head_lines :] if free(ln)] if settings.head_lines else []
    # (and the first row's own first line: a field's heading OCR glued to the row under it, "CÔNG
    # TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC KếhoạchCCHC năm", read as that row's; it opens the row of its
    # ancestor, which the set requires there, only where its wording opens the line and no code
    # or nearer wording of another criterion does: ``best_alignment`` and ``opens`` say)
    head += [ln for ln in lines if (ln.page, ln.number) == (first.source.page, first.source.line_start)]
    # (and, where the first row's name was found on the lines around its code's, a centred cell's
    # name wrapped above the numbers' line, the rest of its span: the lines of the criteria above
    # it whose codes and points OCR lost sit there too, "Kế hoạch CCHC năm" / "Ban hành kế hoạch
    # CCHC năm" / "Xác định đầy đủ …" / "1.1.2 | lĩnh vực …"; the alignment places before the row
    # only the set's criteria before its code, so its own name's lines open none)
    if FLAG_NAME_AROUND in first.flags:
        span = (first.source.line_start or 0, first.source.line_end or 0)
        head += [ln for ln in lines if ln.page == first.source.page and span[0] < ln.number <= span[1] and free(ln)]
    if head:
        out.append((head, None, first))
    for above, below in zip(rows, rows[1:] + [None]):
        # (lines are numbered through the document: a row's span and the run after it may go on
        # past a page's end, where the table goes on)
        start = above.source.line_start or 0
        if below is None:
            # (the last row read: its own span, which may have swallowed the rows printed after it,
            # and a few lines past it)
            last = max(above.source.line_end or start, start)
            run = [ln for ln in lines if start < ln.number <= last]
            run += [ln for ln in lines if ln.number > last][: settings.tail_lines]
        else:
            end = below.source.line_start or 0
            run = [ln for ln in lines if start < ln.number < end]
        run = [ln for ln in run if free(ln)]
        if run:
            out.append((run, above, below))
    return out


def head_above(region: list[Line], lines: list[Line], firsts: set, settings: SetRowSettings) -> list[Line]:
    """The ``head_lines`` lines above a table told unread or withdrawn whole (no row read around
    it) that no row opened: a part heading in capitals OCR cut from its code ("“CONG TAC CHi DAO,
    DIEU HANH" / "CCHC") reads as the header's last line, so the part begins below the table's
    first row. Only lines opening a criterion's wording become rows; the header's and the title's
    do not."""
    if not settings.head_lines:
        return []
    top = region[0]
    above = [ln for ln in lines if ln.page == top.page and ln.number < top.number]
    return [ln for ln in above[-settings.head_lines :] if (ln.page, ln.number) not in firsts]


def tail_told(
    told: UnreadPart,
    region: list[Line],
    result: ExtractionResult,
    last: ScoreRow | None,
    lines: list[Line],
    settings: SetRowSettings,
) -> UnreadPart:
    """The part of the run after a table's last row read reaches the ``tail_lines`` lines after the
    row's first line, or the last row recovered further down its span: the lines past both opened
    no row, and the run over them says nothing of them (a total row printed there is told by the
    parts that read it, not by this one)."""
    if last is None or told.line_end is None:
        return told
    start = last.source.line_start or 0
    near = [ln.number for ln in lines if ln.page == last.source.page and ln.number > start][: settings.tail_lines]
    end = max(near[-1:] + [ln.number for ln in region if opened_at(result, ln)], default=None)
    return replace(told, line_end=min(told.line_end, end)) if end is not None else told


def opened_at(result: ExtractionResult, line: Line) -> bool:
    """Whether a row recovered by the set opens at ``line``."""
    return any(
        FLAG_FROM_SET_ORDER in r.flags and (r.source.page, r.source.line_start) == (line.page, line.number)
        for t in result.score_tables
        for r in t.rows
    )


def inside_spans(region: list[Line], result: ExtractionResult) -> frozenset[int]:
    """The region's lines a row read as a wrapped line of its name (not the row's first)."""
    spans = [
        (r.source.page, r.source.line_start or 0, r.source.line_end or 0)
        for t in result.score_tables
        for r in t.rows
        if r.source.line_start is not None
    ]
    return frozenset(
        ln.number for ln in region if any((page or 0) <= ln.page and lo < ln.number <= hi for page, lo, hi in spans)
    )


def claims_only(part: UnreadPart, recovered: set[str]) -> bool:
    """A part saying only that numbering jumps over codes now recovered, or starts past codes now
    recovered, or that a parent now recovered was not read (its sub-criteria were)."""
    m = _JUMP.search(part.reason) or _LEADING.search(part.reason) or _LOST_PARENT.search(part.reason)
    return m is not None and all(c.strip() in recovered for c in m.group(1).split(","))


_JUMP = lazy_re_compile(r"^numbering jumps from \S+ to \S+: (.+) not read$")
_LEADING = lazy_re_compile(r"^numbering starts at \S+: (.+) before it not read$")
_LOST_PARENT = lazy_re_compile(r"^row (\S+) not read \(its sub-criteria .+ were\)$")


def region_lines(part: UnreadPart, lines: list[Line]) -> list[Line]:
    if part.line_start is None or part.line_end is None:
        return []
    last = part.page_end or part.page
    return [
        ln
        for ln in lines
        if part.line_start <= ln.number <= part.line_end
        and (part.page is None or part.page <= ln.page <= (last or ln.page))
    ]


def lone_rows(part: UnreadPart, tables: list[ScoreTable]) -> bool:
    """A part of rows over a span of lines (not a claim about codes alone) with no score table
    read around it (``neighbours``)."""
    if part.kind != "rows" or part.line_start is None or part.line_end is None:
        return False
    return neighbours(tables, part)[0] is None


def neighbours(
    tables: list[ScoreTable], part: UnreadPart
) -> tuple[ScoreTable | None, ScoreRow | None, ScoreRow | None]:
    """The score table whose rows lie around the region (rows kept from the table withdrawn in
    part), with its last row above the region and its first below."""
    start, end = part.line_start or 0, part.line_end or 0
    for table in tables:
        starts = [r.source.line_start for r in table.rows if r.source.line_start is not None]
        if not starts or min(starts) > end + 40 or max(starts) < start - 40:
            continue
        above = [r for r in table.rows if (r.source.line_start or 0) < start]
        below = [r for r in table.rows if (r.source.line_start or 0) > end]
        if above or below:
            return table, (above[-1] if above else None), (below[0] if below else None)
    return None, None, None
