"""Lost parent rows placed by the code tree: a dump's rows above the first row read (1 and 1.1
above a first row 1.1.1), or a parent above a row read after a gap, whose names OCR garbled past
matching the criteria set's wording. The lines the reader withdrew under the header are those rows,
in order, when they are exactly as many as the rows missing (``set_rows`` recovers them with the
set's names, their figures told as not read, never taken from the garbage)."""

from __future__ import annotations

from extract.model import Line
from extract.segment.line_header import header_concepts
from extract.segment.set_wording import Aligned
from normalize.criteria import CriterionDef
from normalize.lazy_regex import lazy_re_compile
from schemas.records import UnreadPart


def ancestors_by_tree(
    region: list[Line],
    crits: list[CriterionDef],
    ancestors: frozenset[str],
    aligned: list[Aligned],
    row_line_letters: int,
) -> list[Aligned]:
    """The ancestors of the row read below the region (1 and 1.1 above a first row 1.1.1) are
    printed above it, in order, whatever OCR made of their wording: when the region's row lines
    above the first line aligned by wording are exactly as many as the ancestors no line opened,
    each is one of them, in order (flagged required: its place is the code tree's, its wording
    not read; its figures are not taken, they are told). Another count says nothing."""
    have = {a.crit.code for a in aligned}
    lost = [c for c in crits if c.code in ancestors and c.code not in have]
    if not lost:
        return aligned
    order = [c.code for c in crits]
    if aligned and max(order.index(c.code) for c in lost) > order.index(aligned[0].crit.code):
        return aligned  # (an ancestor below a criterion aligned: the tree and the wording disagree)
    top = aligned[0].line.number if aligned else None
    above = [ln for ln in region if top is None or ln.number < top]
    # (the rows are under the table's header: a line naming a column ends what precedes them, the
    # document's head and its lead-in, whose dates and numbers look like a row's figures)
    labelled = [k for k, ln in enumerate(above) if header_concepts(ln.text)]
    above = above[labelled[-1] + 1 :] if labelled else above
    rows = [ln for ln in above if row_line(ln, row_line_letters)]
    if len(rows) != len(lost):
        return aligned
    placed = [Aligned(line=ln, crit=c, ratio=0.0, name_chars=0, required=True) for ln, c in zip(rows, lost)]
    return placed + aligned


def told_lines(region: list[Line], part: UnreadPart) -> list[Line]:
    """The region's lines inside the told part's own span when it tells rows (the lines the reader
    took for rows and withdrew, or found between rows read): not a table's lines, which run from
    its title and the document's head, nor the lines above a table the region takes in too."""
    first, last = part.line_start, part.line_end
    if part.kind != "rows" or first is None or last is None:
        return []
    start = part.page or 0
    pages = range(start, (part.page_end or start) + 1)
    return [ln for ln in region if ln.page in pages and first <= ln.number <= last]


def row_line(line: Line, min_letters: int) -> bool:
    """A line that may be a row's own, garbled: a figure after words (its cells), not a name's
    wrapped word alone ("CCHC") nor a rule's specks."""
    tokens = line.text.split()
    worded = any(sum(ch.isalpha() for ch in t) >= min_letters for t in tokens)
    return len(tokens) >= 2 and worded and any(_FIGURE.fullmatch(t.strip(".,:;|")) for t in tokens[1:])


_FIGURE = lazy_re_compile(r"\d{1,2}(?:[.,]\d{1,2})?")
