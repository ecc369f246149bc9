"""Rows of a garbled OCR-dump table recovered by the criteria set's wording.

A dump too garbled for the row reader (codes lost, columns run together) is withdrawn and told
(``unread_withdrawn.withdraw_unsure_tables``, ``find_unread``), although most of its name lines are still
recognisable: "Ban hanh ké hoach CCHC nam", "1.1.2 | X4c dinh day dt cdc nhiém vu CCHC trén ...".
The document's criteria set says which rows such a table holds and in what order. Here the lines
of each withdrawn region are aligned to the set's criteria in order (a dynamic programme over
lines × criteria: monotone, each line and each criterion used once), a line opening a row only
where it starts with a criterion's wording (folded, fuzzy): an explanation line or the wrapped
second line of a name does not start with one, and is skipped.

A recovered row is named by the set (what was read kept in ``name_raw``), flagged
``FLAG_FROM_SET_ORDER`` and doubtful (it goes to the review queue). Its numbers are taken only
from the first run of figures after its name, and only where the first is the set's maximum, or
a lower maximum of the commune's with the figures after it within it; the self score is the
figure after the maximum, within it. Every other cell is told lost (an unread part of kind
"rows"), never left silently blank. With no set recognised from the rows read, the set whose
wordings the region's lines follow best is used, when it is clearly the best.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from extract.model import IngestedDocument, Line
from extract.segment.set_align import best_alignment, criteria_between
from extract.segment.set_ancestors import told_lines
from extract.segment.set_few_rows import left_told, wordings_whole
from extract.segment.set_regions import (
    claims_only,
    head_above,
    inside_spans,
    lone_rows,
    neighbours,
    opened_at,
    region_lines,
    table_gaps,
    tail_told,
)
from extract.segment.set_row_figures import figures_below, points_of_run, shows_appraised
from extract.segment.set_wording import (
    FLAG_FROM_SET_ORDER,
    Aligned,
    code_token,
    points_figures,
    printed_code,
)
from extract.segment.unread_rows import LINE_METHODS
from extract.segment.unread_tail import tail_now_rows
from normalize.codes import read_code_token
from normalize.criteria import CriteriaSet
from normalize.criteria.match_settings import FLAG_SNAPPED
from normalize.criteria.wording import as_printed
from normalize.text import fold_words
from schemas.records import MISSING_FLAG, ExtractionResult, ReviewItem, ScoreRow, ScoreTable, SourceRef, UnreadPart


@dataclass(frozen=True)
class SetRowSettings:
    # A line opens a criterion's row when its opening characters (folded, code and specks before
    # them dropped) are at least this near (fuzz.ratio, 0..100) to the wording's as many opening
    # characters ...
    min_ratio: float = 80.0
    # ... and at least this many characters are compared (a line of two short words says nothing).
    min_chars: int = 12
    # ... and the line's text holds at least this many syllable-shaped words.
    min_syllables: int = 2
    # A line printing the criterion's own code is that much nearer.
    code_bonus: float = 8.0
    # A criterion between two aligned ones that no line opens (OCR lost it, or the commune's table
    # leaves it out) costs this much of the alignment's score.
    skip_cost: float = 4.0
    # At least this many rows are recovered from a region, or none (two lines alike by chance
    # are no table).
    min_rows: int = 3
    # ... but one is enough between (or after) rows of a table read, whose codes bound the criteria.
    min_rows_beside: int = 1
    # A table's rows read bound the set's criteria between them when at least this share of its
    # codes are the set's (a code the set has not among them is OCR's misreading; fewer, the
    # table numbers its rows its own way).
    min_set_codes: float = 0.8
    # A line another row read as its name's wrapped line opens a criterion's row only this near.
    min_ratio_inside: float = 90.0
    # A criterion the set requires where the region lies (the parent of the row read below it,
    # not read itself: "Kế hoạch CCHC năm" above 1.1.1) opens a row this near, from a line of the
    # region even inside another row's span, when the line is short: its name and specks, no
    # other words (a short wording OCR garbled, "~Tat_[Ké hoạch OCHCnim ———SS", "a2 [BiocioccHc"),
    # and any figure it prints within the criterion's maximum. Only there: elsewhere a short
    # wording this far off is any line.
    min_ratio_required: float = 70.0
    # ... or this many, when each opens its criterion's wording near (``min_ratio_inside``) over
    # ``piece_chars`` characters or more: a two-row table whose codes and points OCR lost still
    # prints its fields' long names whole, which no two lines print by chance.
    min_rows_whole: int = 2
    # Lines after a table's last row read where a criterion's line passed over is looked for.
    tail_lines: int = 4
    # Lines before a table's first row read where the set's criteria before its code are looked
    # for (the rows above it whose codes and points OCR lost; a tall explanation cell of one of
    # them can push its first row's line this far up).
    head_lines: int = 12
    # With no set recognised, the best set's alignment scores at least this much more than the
    # next set's whose wordings differ (sets share many wordings; a tie says nothing).
    set_margin: float = 5.0
    # ... unless the lines hold at least this share of one set's wordings (whole) and less than
    # ``part_share`` of every other's that fits as well.
    whole_share: float = 0.95
    part_share: float = 0.9
    # The doubt a recovered row carries (under the review threshold: a person looks at it).
    confidence: float = 0.5
    # Characters of a told part's text sample.
    sample_chars: int = 160
    # A region's line counts as a garbled row's own (``set_ancestors.ancestors_by_tree``) when a token of it
    # holds at least this many letters (its name's ink) and a figure follows.
    row_line_letters: int = 3
    # A row's name holding a piece of a criterion's wording this long (characters, folded) is
    # that criterion's when a set is recognised by the rows' names in order
    # (``set_align.rows_in_set_order``): a wrapped name's middle line that kept the row's code.
    piece_chars: int = 24
    # A recovered row whose opening line prints no figures takes them from its next lines (before
    # the next recovered row's), at most this many: a centred cell prints a wrapped name's code and
    # figures on its middle line, a name beside a tall explanation a line below its first.
    figures_below: bool = True
    # Recovered rows (at least this many, and this share of those printing two figures or more)
    # whose runs open with the set's maximum and print two scores within it show a table with an
    # appraised column where no row read gives it (every row recovered: its header garbled).
    appraised_min_rows: int = 2
    appraised_share: float = 0.4
    figure_lines: int = 2
    on: bool = True


def recover_set_rows(
    doc: IngestedDocument,
    result: ExtractionResult,
    withdrawn: Sequence[UnreadPart],
    unread: Sequence[UnreadPart],
    cset: CriteriaSet | None,
    settings: SetRowSettings = SetRowSettings(),
) -> list[UnreadPart]:
    """Rows of the score-table regions told unread — the tables and runs of rows ``withdrawn`` as
    unsure, the tables ``unread`` holds (lines under a score table's header no row came from) —
    recovered by the criteria set (``cset``, the set recognised, or the one the lines follow
    best), put into ``result``'s score tables. Returns every part, each recovered region's part
    replaced by one that tells only the cells (and rows) of it still not read. With the set
    recognised, the lines no row opened between a table's rows are looked at too (a criterion's
    line the reader passed over, or glued to the row above)."""
    parts = list(withdrawn) + list(unread)
    if not settings.on or not result.source.read_by_ocr:
        return parts
    text_pages = {p.number for p in doc.pages if p.method in LINE_METHODS}
    lines = [ln for ln in doc.lines() if ln.page in text_pages and ln.text.strip()]
    # (a run of rows told unread with no table read around it is a table whose header was not
    # read, "3 lines shaped like score rows … gave no row": its lines are looked at as a table's)
    eligible = [*withdrawn, *(p for p in unread if p.kind == "table" or lone_rows(p, result.score_tables))]
    told_for: dict[int, UnreadPart | None] = {}
    chosen: list[CriteriaSet] = []  # the sets the regions' rows were recovered by
    # (the regions in the order they print: a region the rows recovered above it bound, a table's
    # piece after a page's repeated header under the rows recovered on the page before, has the
    # set's criteria after those rows to look for, as a region between rows read has)
    for part in sorted(parts, key=_printed_at):
        # (a line a row read opened is that row's, whatever else the part holds)
        firsts = {(r.source.page, r.source.line_start) for t in result.score_tables for r in t.rows}
        region = [ln for ln in region_lines(part, lines) if (ln.page, ln.number) not in firsts]
        if not any(part is e for e in eligible) or part.kind not in ("rows", "table") or not region:
            told_for[id(part)] = _restated(part, region_lines(part, lines), result)
            continue
        table, before, after = neighbours(result.score_tables, part)
        head = head_above(region, lines, firsts, settings) if table is None else []
        told = _recover(result, head + region, part, table, before, after, cset, settings, chosen=chosen)
        opened = [ln.number for ln in head if opened_at(result, ln)]
        if told is not None and told is not part and opened:
            told = replace(told, line_start=min(opened))  # (the part begins at the first row found above it)
        if told is part:
            told = _restated(part, region_lines(part, lines), result)
        told_for[id(part)] = told
    out = [told for part in parts if (told := told_for[id(part)]) is not None]
    # (with no set recognised from the rows read, the set the regions' lines followed, when they
    # all followed one, bounds the rows recovered as a recognised one does: the lines between and
    # after them are looked at alike)
    if cset is None and chosen and all(c.id == chosen[0].id for c in chosen):
        cset = chosen[0]
    if cset is not None:
        for table in result.score_tables:
            for region, before, after in table_gaps(table, result.score_tables, lines, text_pages, cset, settings):
                gap = UnreadPart(
                    page=region[0].page, kind="rows", reason="", line_start=region[0].number, line_end=region[-1].number
                )
                told = _recover(result, region, gap, table, before, after, cset, settings, inside_spans(region, result))
                if told is not None and told is not gap:
                    out.append(tail_told(told, region, result, before, lines, settings) if after is None else told)
        recovered = {str(r.code) for t in result.score_tables for r in t.rows if FLAG_FROM_SET_ORDER in r.flags}
        out = [p for p in out if not claims_only(p, recovered)]
    # (the lines after a table's last row told as giving no row, each of which a row now opens)
    return [p for p in out if not tail_now_rows(p, result.score_tables)]


def _restated(part: UnreadPart, region: list[Line], result: ExtractionResult) -> UnreadPart:
    """``part`` as told, or, when rows recovered by the criteria set (for a region told before it,
    a table's piece on the page before) now open lines of its span, telling what of them is still
    not read as ``_told`` does: a continuation page's "lines … continue the score table … gave no
    row" is no longer true once rows 1.2.1, 1.2.2, 1.3 were recovered on it (test_unread_rows, seed
    801 d06-i5: the page-1 region's rows reaching onto page 2 since dumpnames74's lost cells)."""
    if part.kind != "rows" or not region:
        return part
    spots = {(ln.page, ln.number) for ln in region}
    rows = [
        r
        for t in result.score_tables
        for r in t.rows
        if FLAG_FROM_SET_ORDER in r.flags and (r.source.page, r.source.line_start) in spots
    ]
    if not rows:
        return part
    carried = {str(r.code) for t in result.score_tables for r in t.rows if r.code}
    lost = [str(r.code or "") for r in rows if r.max_points is None or r.self_points is None]
    printed = [c for ln in region if (c := printed_code(ln))]
    missing = [c for c in dict.fromkeys(printed) if c not in carried]
    said = []
    if lost:
        said.append(f"points of {', '.join(lost)} not read (rows recovered by their names in the criteria set)")
    if missing:
        said.append(f"rows {', '.join(missing)} not found in the text")
    return replace(part, reason="; ".join(said)) if said else part


def _printed_at(part: UnreadPart) -> tuple[int, int]:
    """Where a told part prints: its page, its first line (a part without them first)."""
    return (part.page or 0, part.line_start or 0)


def _recover(
    result: ExtractionResult,
    region: list[Line],
    part: UnreadPart,
    table: ScoreTable | None,
    before: ScoreRow | None,
    after: ScoreRow | None,
    cset: CriteriaSet | None,
    settings: SetRowSettings,
    inside: frozenset[int] = frozenset(),
    chosen: list[CriteriaSet] | None = None,
) -> UnreadPart | None:
    """The rows of ``region`` recovered into ``table`` (a new one when None); returns ``part``
    itself when none was, else what of the region is still to be told (None: nothing). The set
    the rows were recovered by is added to ``chosen``."""
    taken = {str(r.code) for t in result.score_tables for r in t.rows if r.code}
    # (a line a row read opened is that row's: an ancestor may open there by its wording, "CÔNG TÁC
    # CHỈ ĐẠO, ĐIỀU HÀNH CCHC KếhoạchCCHC năm", but is never placed on it by the code tree alone)
    firsts = {(r.source.page, r.source.line_start) for t in result.score_tables for r in t.rows}
    told = [ln for ln in told_lines(region, part) if (ln.page, ln.number) not in firsts]
    aligned, used = best_alignment(region, cset, taken, before, after, settings, told)
    aligned = [
        a
        for a in aligned
        if a.line.number not in inside
        or a.ratio >= settings.min_ratio_inside
        or a.required
        or (used is not None and _next_past_wording(a, used, taken, before, after))
    ]
    # (between rows read, the set's order leaves a line few criteria to be: one is enough)
    least = settings.min_rows_beside if before is not None or after is not None else settings.min_rows
    few = len(aligned) < least  # (fewer rows than a table needs: recovered only by their whole wordings)
    if least > settings.min_rows_whole and wordings_whole(aligned, settings.min_ratio_inside, settings.piece_chars):
        least = settings.min_rows_whole
    if len(aligned) < least or used is None or _own_parts(region, used):
        return part
    kept = [a for a in aligned if not _first_name_line(a, after, used)]
    if len(kept) < len(aligned):
        aligned = kept
        if not aligned:
            return None  # (the region was that row's name line: nothing of it is left unread)
    if chosen is not None:
        chosen.append(used)
    below = [_own_lines(a, aligned, region, settings) for a in aligned]
    appraised = (table is not None and any(r.appraised_points is not None for r in table.rows)) or shows_appraised(
        [(_run(a, b, settings), a.crit.max_points) for a, b in zip(aligned, below) if a.crit.max_points is not None],
        settings.appraised_min_rows,
        settings.appraised_share,
    )
    rows = [_row(a, settings, b, appraised) for a, b in zip(aligned, below)]
    if table is None:
        table = ScoreTable(pages=sorted({r.source.page for r in rows if r.source.page}), rows=[], read_from="lines")
        result.score_tables.append(table)
    order = {c.code: i for i, c in enumerate(used.rows)}
    table.rows = sorted(table.rows + rows, key=lambda r: (order.get(str(r.code), -1), r.source.line_start or 0))
    if not all(str(r.code) in order for r in table.rows):
        table.rows = sorted(table.rows, key=lambda r: r.source.line_start or 0)
    remaining = _told(part, region, rows, aligned, used, settings, taken)
    if not few:
        return remaining
    held = {a.line.number for a in aligned}
    held |= {ln.number for a in aligned for ln in _own_lines(a, aligned, region, settings)}
    return left_told(remaining, part, region, held, settings.sample_chars)


def _own_lines(a: Aligned, aligned: list[Aligned], region: list[Line], settings: SetRowSettings) -> list[Line]:
    """The region's lines after the one ``a`` opens, before the next recovered row's, at most
    ``figure_lines`` of them: the row's wrapped name and explanation, where its figures may print."""
    later = [b.line.number for b in aligned if b.line.page == a.line.page and b.line.number > a.line.number]
    end = min(later, default=None)
    own = [
        ln for ln in region if ln.page == a.line.page and ln.number > a.line.number and (end is None or ln.number < end)
    ]
    return own[: settings.figure_lines]


def _first_name_line(a: Aligned, after: ScoreRow | None, cs: CriteriaSet) -> bool:
    """The line right above the row read below the region opens the criterion whose code that
    row prints, the row's code repaired only because an inferred row of this line held it ("1.1.2
    | lĩnh vực theo kế hoạch …" under "Xác định đầy đủ các nhiệm vụ CCHC trên:các ca 4"): the
    line is that row's first name line, printed above its coded line. The row takes back its
    printed code and the line (named by the set: code, place and wording agree); no row is
    recovered from it."""
    if after is None or "code_repaired" not in after.flags or not after.code_raw:
        return False
    printed, plain = code_token(after.code_raw)
    if not plain or printed != a.crit.code or not str(after.code).startswith(printed + "."):
        return False
    if after.source.page != a.line.page or after.source.line_start != a.line.number + 1:
        return False
    after.code = printed
    after.level = printed.count(".") + 1
    after.parent = a.crit.parent or None
    after.flags = [f for f in after.flags if f != "code_repaired"]
    after.name_raw = f"{a.line.text.strip()} {after.name_raw or after.name}".strip()
    after.name = as_printed(after.name_raw, a.crit.name)
    after.flags.append(f"{FLAG_SNAPPED}:{cs.id}")
    after.source.line_start = a.line.number
    return True


def _next_past_wording(
    a: Aligned, cs: CriteriaSet, taken: set[str], before: ScoreRow | None, after: ScoreRow | None
) -> bool:
    """A line inside the span of the row read above that opens the criterion the set puts next
    after it, and is no piece of that row's own wording: the next row's line, glued to the row
    above (its code and points lost: "Mitte d6 ‘thurc hién ké hoach CCHC [PSPs" under 1.1.3's
    wrapped name). A wrapped line of the row's name is a piece of its wording."""
    crits = criteria_between(cs, taken, before, after)
    if before is None or not crits or crits[0].code != a.crit.code:
        return False
    own = next((c for c in cs.rows if c.code == str(before.code)), None)
    if own is None:
        return False
    read = fold_words(a.line.text)
    return fuzz.partial_ratio(read, fold_words(own.name)) < _OWN_PIECE


# (nearer than this to the row's own wording, a line is a piece of it: its name's wrapped line)
_OWN_PIECE = 75.0


def _own_parts(region: list[Line], cs: CriteriaSet) -> bool:
    """The region prints a part heading of its own ("I. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ …", a
    roman numeral the set has not): the document numbers its rows in parts the set does not know
    (codes restart under each), so the set's codes are not the rows' codes."""
    romans = {c.code for c in cs.rows if c.code.isalpha()}
    for line in region:
        tokens = line.text.split()
        first = tokens[0].strip("|_~-—") if tokens else ""
        read = read_code_token(first) if first.rstrip(".").isupper() and len(first) > 1 else None
        if read is not None and read.roman and not read.roman_lookalikes and first.rstrip(".") not in romans:
            # (a name's wrapped line may open with a roman numeral of its own words, a comma or
            # a word in small letters after it: "III, báo cáo 6 tháng và báo cáo năm)" — quý
            # III; a part heading's name opens with a capital)
            if not _enumerated(tokens):
                return True
    return False


def _enumerated(tokens: list[str]) -> bool:
    """The line's first token ends with a comma, or its next word opens in small letters."""
    word = next((t for t in tokens[1:] if any(c.isalpha() for c in t)), "")
    letter = next((c for c in word if c.isalpha()), "")
    return tokens[0].endswith(",") or letter.islower()


def _row(a: Aligned, settings: SetRowSettings, below: Sequence[Line] = (), appraised: bool = False) -> ScoreRow:
    """The row ``a`` opens, named by the set; its points are the run of figures after its name
    (``points_figures``), else the first run on its own lines ``below`` that opens with the set's
    maximum (a wrapped name printing its figures on its middle line), read as ``points_of_run``
    says; a third figure is the appraised score where the table has that column."""
    crit = a.crit
    row = ScoreRow(
        code=crit.code,
        level=crit.code.count(".") + 1,
        parent=crit.parent or None,
        # (the set's words, spelt as the line prints them: "hóa" for the set's "hoá")
        name=as_printed(a.line.text, crit.name),
        name_raw=a.line.text.strip(),
        confidence=settings.confidence,
        flags=[FLAG_FROM_SET_ORDER],
        source=SourceRef(page=a.line.page, line_start=a.line.number, line_end=a.line.number),
    )
    if crit.max_points is not None:
        points = points_of_run(_run(a, below, settings), crit.max_points, appraised)
        for cell in ("max_points", "self_points", "appraised_points"):
            read = getattr(points, cell)
            if read is not None:
                setattr(row, cell, read[1])
                setattr(row, f"{cell}_raw", read[0])
    row.flags += _lost_cells(row, appraised)
    return row


def _run(a: Aligned, below: Sequence[Line], settings: SetRowSettings) -> list[tuple[str, float]]:
    """The run of figures holding the row's points: the one after its name (``points_figures``)
    where it gives a maximum, else the first on its own lines ``below`` that opens with the set's."""
    set_max = a.crit.max_points
    if set_max is None:
        return []
    run = points_figures(a, set_max)
    if points_of_run(run, set_max, False).max_points is None and settings.figures_below:
        return figures_below(below, set_max)
    return run


def _lost_cells(row: ScoreRow, appraised: bool) -> list[str]:
    """The flags of the points cells a recovered row printed and whose figures were not read:
    the row's line is the set's criterion's, which prints its maximum and scores, so a blank cell
    is one OCR lost (``missing_*``, as the segmenter flags a row read without them, and as a
    restored parent's are), for the set's maximum and the table's sums to fill after the checks
    (``reconcile.derived``); the appraised cell only where the table has that column."""
    cells = ("max_points", "self_points", *(("appraised_points",) if appraised else ()))
    return [MISSING_FLAG[c] for c in cells if getattr(row, c) is None]


def _told(
    part: UnreadPart,
    region: list[Line],
    rows: list[ScoreRow],
    aligned: list[Aligned],
    used: CriteriaSet,
    settings: SetRowSettings,
    carried: Collection[str] = (),
) -> UnreadPart | None:
    """The part telling what of the region is still not read: recovered rows' lost cells, the
    set's criteria between the first and last row recovered that no line opened, and the codes
    printed on the region's lines before or after them (rows no wording was found for) that no
    row ``carried`` already."""
    lost = [r.code or "" for r in rows if r.max_points is None or r.self_points is None]
    codes = [c.code for c in used.rows]
    first, last = codes.index(aligned[0].crit.code), codes.index(aligned[-1].crit.code)
    have = {a.crit.code for a in aligned}
    missing = [c for c in codes[first : last + 1] if c not in have]
    span = (aligned[0].line.number, aligned[-1].line.number)
    outside = [printed_code(ln) for ln in region if not span[0] <= ln.number <= span[1]]
    # (a code a row of the document already carries is that row's, printed on its wrapped line)
    missing += [c for c in dict.fromkeys(outside) if c and c not in have and c not in carried and c not in missing]
    if not lost and not missing:
        return None
    said = []
    if lost:
        said.append(f"points of {', '.join(lost)} not read (rows recovered by their names in the criteria set)")
    if missing:
        said.append(f"rows {', '.join(missing)} not found in the text")
    sample = " ".join(a.line.text.strip() for a in aligned)[: settings.sample_chars]
    return UnreadPart(
        page=part.page,
        page_end=part.page_end,
        kind="rows",
        reason="; ".join(said),
        text_sample=sample,
        line_start=part.line_start,
        line_end=part.line_end,
    )


def set_order_review(result: ExtractionResult) -> list[ReviewItem]:
    """One review item per row recovered by the set's order (the whole row: its place was read from
    its name alone, and any cell of it may be lost or another column's)."""
    return flagged_rows_review(
        result,
        FLAG_FROM_SET_ORDER,
        "row recovered by its name's place in the criteria set: its code and cells not read as a row",
    )


def flagged_rows_review(result: ExtractionResult, flag: str, reason: str) -> list[ReviewItem]:
    """One review item for each score row flagged ``flag``, the row as a whole, with ``reason``."""
    return [
        ReviewItem(
            item=f"/score_tables/{ti}/rows/{ri}",
            field=None,
            table="score",
            code=row.code,
            page=row.source.page,
            raw=row.name_raw or None,
            reason=reason,
            confidence=row.confidence,
        )
        for ti, table in enumerate(result.score_tables)
        for ri, row in enumerate(table.rows)
        if flag in row.flags
    ]
