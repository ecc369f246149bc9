"""Rows of a statistics annex that its own numbering says were printed but no row read carries.

An annex form numbers its rows from the first under each parent: 1, 2, 3 at the top, 2.1, 2.2
under 2, a), b), c) under 2.1 ("2.1.a" …). So when the first row read under a parent is numbered
past the first ("3.2" first under 3, "b" first under 2.1), or two siblings read skip a number
(2.1 then 2.3), the rows between were printed and lost: OCR smeared them, or garbled their code
past reading. Their figures are then missing from their group's sum and from the shares of it,
which is ours to tell (``lost_rows``, an ``unread`` part) and to weigh in the annex's checks
(``cchc_extract.reconcile.annex``: a sum or a share short of a lost row is ``incomplete``, not
the commune's fault). The same account the score tables have (``extract.segment.unread``'s
numbering gaps and leading gaps).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from normalize.codes import item_letter, item_place, letter_item
from normalize.lazy_regex import lazy_compile
from schemas.records import StatAnnex, UnreadPart

# How an annex's numbering part opens (``lost_rows``): the rows it names were not read.
NUMBERING_REASON = "numbering of the statistics annex"
# A code printed with its dots, each number of one or two digits ("2.1", "3.1.", not "1.234").
_DOTTED = lazy_compile(r"^\d{1,2}(?:\.\d{1,2})+\.?$")


def printed_depth(tokens: Sequence[str | None]) -> int | None:
    """The deepest level of the codes an annex's column prints with their dots ("2.1" → 2), the
    level no row's code is deeper than (a lettered item sits one level under its parent: 2.1.a):
    a form numbers its rows to one depth, and a code the column repair infers past it is a row
    pushed under the row above it (2.3.1 for the 3 whose code OCR lost). None when no code prints
    a dot: a column whose dots OCR lost ("21" for 2.1) says nothing of its depth."""
    dotted = [t.strip() for t in tokens if t and _DOTTED.match(t.strip())]
    deepest = max((t.rstrip(".").count(".") + 1 for t in dotted), default=0)
    return deepest if deepest >= 2 else None


@dataclass(frozen=True)
class SiblingGap:
    """Siblings lost under one parent: their codes, and the row read right after them."""

    parent: str | None  # the parent's code; None at the top level
    missing: tuple[str, ...]
    after: int  # index of the row read right after the gap (the first sibling read past it)
    leading: bool  # numbered before the first sibling read, not between two


def sibling_place(code: str | None) -> tuple[str | None, int, bool] | None:
    """(parent code, place among its siblings, lettered) of an annex code ("3.2" → ("3", 2,
    False), "2.1.b" → ("2.1", 2, True), "4" → (None, 4, False)); None for no such code."""
    text = (code or "").strip().rstrip(".")
    if not text:
        return None
    head, _, last = text.rpartition(".")
    if last.isdigit() and 0 < int(last) < 100:
        return head or None, int(last), False
    letter = letter_item(last + ")") if len(last) == 1 else None
    if letter is not None and head:
        return head, item_place(letter), True
    return None


def _sibling(parent: str | None, place: int, lettered: bool) -> str:
    last = item_letter(place) if lettered else str(place)
    return f"{parent}.{last}" if parent else last


def lost_siblings(codes: Sequence[str | None]) -> list[SiblingGap]:
    """The siblings an annex's codes, in their order down the form, say were printed and not read:
    numbered before the first read under a parent, or between two siblings read, and the parent
    of a row read that no row carries. A code read anywhere in the annex is not lost (a row read
    out of its place)."""
    read = {(c or "").strip().rstrip(".") for c in codes}
    last: dict[tuple[str | None, bool], int] = {}
    gaps: list[SiblingGap] = []
    for i, code in enumerate(codes):
        place = sibling_place(code)
        if place is None:
            continue
        parent = _lost_parent(code, place, read)
        if parent is not None:
            # "4.1.a" read with no row 4.1: the form printed 4.1 above its items (and its own
            # siblings before it, when none was read).
            read.add(parent[0])
            gap = _gap(parent[1], last, read, i, lost=(parent[0],))
            gaps += [gap] if gap else []
        gap = _gap(place, last, read, i)
        gaps += [gap] if gap else []
    return gaps


def _gap(
    place: tuple[str | None, int, bool],
    last: dict[tuple[str | None, bool], int],
    read: set[str],
    at: int,
    lost: tuple[str, ...] = (),
) -> SiblingGap | None:
    """The siblings numbered before ``place`` and after the last read under its parent (with
    ``lost``, a row not read at that place itself); ``last`` moves on to ``place``."""
    parent, n, lettered = place
    before = last.get((parent, lettered), 0)
    last[(parent, lettered)] = max(before, n)
    missing = tuple(c for k in range(before + 1, n) if (c := _sibling(parent, k, lettered)) and c not in read)
    return SiblingGap(parent, missing + lost, at, leading=before == 0) if missing + lost else None


def _lost_parent(
    code: str | None, place: tuple[str | None, int, bool], read: set[str]
) -> tuple[str, tuple[str | None, int, bool]] | None:
    """(code, place) of the parent of a row read that no row read carries, when the row's code is
    numbered as the forms number rows (1, 1.1, then a lettered item: "2.1", "4.1.a"). A deeper or
    other code ("5.1.4.1", "7.2.1") is the column repair's guess, which says nothing printed."""
    parent, _, lettered = place
    depth = len((code or "").strip().rstrip(".").split("."))
    if parent is None or parent in read or depth > 3 or (depth == 3 and not lettered):
        return None
    parent_place = sibling_place(parent)
    if parent_place is None or parent_place[2]:
        return None
    return parent, parent_place


def lost_parts_of(gaps: Sequence[SiblingGap], parent: str | None, before: int | None = None) -> list[str]:
    """The codes lost under ``parent`` (``lost_siblings``), those numbered before the row at index
    ``before`` only when it is given."""
    return [c for g in gaps if g.parent == parent and (before is None or g.after <= before) for c in g.missing]


def lost_rows(annexes: Sequence[StatAnnex], known: Sequence[UnreadPart]) -> list[UnreadPart]:
    """One ``rows`` part for each run of an annex's rows its numbering says were printed and not
    read, at the row read right after them, unless a part already tells the lines between that
    row and the row above it (a row smeared into specks, rows of an annex read in part): it named
    those rows' lines already. Parts that tell figures lost on rows read name no lost row. An annex
    read as pieces page by page (``continued_runs``) is numbered as one."""
    parts: list[UnreadPart] = []
    rows_told = [p for p in known if p.kind != "rows" or not p.reason.startswith("the figure")]
    for run in continued_runs(annexes):
        rows = [(annex, row) for annex in run for row in annex.rows]
        for gap in lost_siblings([row.code for _, row in rows]):
            annex, row = rows[gap.after]
            above = rows[gap.after - 1][1].source if gap.after > 0 else None
            if _told_between(above.line_end if above else None, row.source.line_start, row.source.page, rows_told):
                continue
            listed = ", ".join(gap.missing)
            how = f"starts at {row.code}" if gap.leading else f"jumps to {row.code}"
            name, under = annex.title or annex.annex, gap.parent or "its top level"
            parts.append(
                UnreadPart(
                    page=row.source.page,
                    kind="rows",
                    reason=f"{NUMBERING_REASON} “{name}” {how} under {under}: {listed} printed before it not read",
                    text_sample=f"{row.code} {row.indicator}"[:160],
                    line_start=row.source.line_start,
                    line_end=row.source.line_end,
                )
            )
    return parts


def continued_runs(annexes: Sequence[StatAnnex]) -> list[list[StatAnnex]]:
    """The annexes in runs, an annex joining the run above it when it carries no annex label of its
    own ("Phụ lục 2", "Biểu 3"), opens on the page after the run's last and opens its numbering where
    that ended, one number on ("3.2" after "3.1", "4" after "3.3"): the same form printed on over the
    page, whose page mark ("1/3") the reader took for a title."""
    runs: list[list[StatAnnex]] = []
    for annex in annexes:
        above = runs[-1][-1] if runs else None
        if above is not None and _continues(above, annex):
            runs[-1].append(annex)
        else:
            runs.append([annex])
    return runs


def _continues(above: StatAnnex, annex: StatAnnex) -> bool:
    if annex.annex or not above.rows or not annex.rows or not above.pages or not annex.pages:
        return False
    if annex.pages[0] != above.pages[-1] + 1:
        return False
    last = (above.rows[-1].code or "").strip().rstrip(".")
    # A row the piece opens with whose code the piece above carries already (the header printed
    # again atop the page, a column's number "(5)" taken for a row's code): the numbering goes on
    # at the row after it.
    carried = {(row.code or "").strip().rstrip(".") for row in above.rows}
    opening = annex.rows[0]
    if len(annex.rows) > 1 and (opening.code or "").strip().rstrip(".") in carried:
        opening = annex.rows[1]
    first = sibling_place(opening.code)
    if first is None or not last:
        return False
    parent, n, lettered = first
    if n == 1 and parent == last:
        return True  # the first part of the last row: "3" closes a page, "3.1" opens the next
    # the next sibling of the last row, or of one of its ancestors
    ancestors = [last] + [last.rsplit(".", k)[0] for k in range(1, last.count(".") + 1)]
    return any(sibling_place(a) == (parent, n - 1, lettered) for a in ancestors)


def joined_pieces(annexes: Sequence[StatAnnex]) -> list[StatAnnex]:
    """Each run of pieces one annex was read as page by page (``continued_runs``) joined into that
    annex: its label and title the first piece's (a later piece's "title" is the page mark), its
    pages and rows all of theirs, and a row whose parent was printed on an earlier page given it
    ("3.1" under the "3" that closed the page above). The checks then see the form whole: a share
    on one page of counts on the page before, a total over parts printed on two pages."""
    out: list[StatAnnex] = []
    for run in continued_runs(annexes):
        if len(run) == 1:
            out.append(run[0])
            continue
        seen: set[str] = set()
        rows = []
        for row in (r for piece in run for r in piece.rows):
            code = (row.code or "").strip().rstrip(".")
            parent = row.parent or enclosing_code(code, seen)
            rows.append(row if parent == row.parent else replace(row, parent=parent))
            seen.add(code)
        pages = sorted({p for piece in run for p in piece.pages})
        out.append(replace(run[0], pages=pages, rows=rows))
    return out


def enclosing_code(code: str | None, seen: set[str]) -> str | None:
    """The nearest enclosing code already seen: "2.4.1" → "2.4" (or "2" when "2.4" is missing);
    "2.1.a" → "2.1"."""
    parts = (code or "").split(".")
    for k in range(len(parts) - 1, 0, -1):
        if (candidate := ".".join(parts[:k])) in seen:
            return candidate
    return None


def _told_between(low: int | None, high: int | None, page: int | None, known: Sequence[UnreadPart]) -> bool:
    """Whether a part already told reaches into the lines between a row read and the next one
    read (exclusive; from the table's top when there is no row above)."""
    if high is None:
        return False
    start = low if low is not None else -1
    return any(
        p.page == page and p.line_start is not None and (p.line_end or p.line_start) > start and p.line_start < high
        for p in known
    )
