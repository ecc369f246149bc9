"""Parent rows a score table must print whose line OCR did not read, restored from the code tree.

A score table numbers its criteria as a tree: a row 1.1.2 is printed under a row 1.1, which is
printed under a row 1. On an OCR'd page the parents are the shaded field and sub-field rows, whose
line OCR garbles past reading more than any other (their children's lines, unshaded, are read):
rows 1.1.1 and 1.1.2 read and no row 1.1. When the criteria set recognised for the table names
that parent, with the rows read under it among its children, the row was printed: it is restored
in its place (above its first descendant read), with the set's name, its cells blank and flagged
lost (``missing_*``) for ``reconcile.derived`` to fill what its children's sums determine after
the checks. Nothing of it was read, so it is no witness to any check: ``reconcile`` takes restored
rows out of the table while it checks (``withdrawn_while_checked``), and puts them back after.
Each restored row is flagged ``FLAG_RESTORED``, queued whole (``restored_review``) and told
unread as a parent not read is ("row 1.1 not read (its sub-criteria 1.1.1, 1.1.2 were)").

A numbering jump says the same of the rows it skips: 3 and 5 read and no 4, the set naming 4
between them, and nothing but 3's own rows printed between the two, row 4 was printed; it is
restored before 5 alike, told as the jump is ("numbering jumps from 3 to 5: 4 not read"), unless
a part of rows not read lying between the two tells its garbled line already (told once, there).

Only OCR'd documents: a typed table is read whole, so a parent it lacks was not printed. Never a
code a row of the document carries (a row read under it, however garbled its name, in this table
or in a piece of it OCR split off), never in a table numbered otherwise than the set (parts
restarting at 1), never where no row read under it is named as its criterion in the set (the set's
codes without its words), and never a field (a top-level row) nor a parent above the table's first
row read: a table may print a field's sub-criteria alone, under the field's caption, and nothing
read above says the table went further up."""

from __future__ import annotations

from dataclasses import dataclass

import regex as re

from cchc_extract.reconcile.hierarchy import norm_code
from cchc_extract.reconcile.restored import FLAG_RESTORED
from cchc_extract.reconcile.restored_order import level_printed_after, lost_in_order
from cchc_extract.reconcile.score_cells import MISSING_FLAG, table_fields
from extract.segment.set_rows import flagged_rows_review
from normalize.codes import parse_code
from normalize.criteria import CriteriaSet
from normalize.criteria.recognise import names_criterion
from schemas.records import ExtractionResult, ReviewItem, ScoreRow, ScoreTable, SourceRef, UnreadPart

# What the queue says of a restored row.
RESTORED_REASON = "row not read, restored from the rows read under it and the criteria set's name: its cells not read"

# How a row a numbering jump skips is told in ``unread`` (as ``unread_rows`` tells a jump).
JUMP_TOLD = "numbering jumps from"


@dataclass(frozen=True)
class RestoreSettings:
    # The table is numbered as the set when at least this share of its codes are the set's codes.
    min_set_codes: float = 0.8
    # The confidence of a restored row (under the review threshold: a person reads its line).
    confidence: float = 0.5
    # Rows of the set between two rows read one after the other restored at most this many (a
    # longer run lost may be a part the document never printed: ``restored_order.lost_in_order``).
    most_between: int = 2
    on: bool = True


def restore_lost_parents(
    result: ExtractionResult, cset: CriteriaSet | None, ocr: bool, settings: RestoreSettings = RestoreSettings()
) -> list[UnreadPart]:
    """Restore, in each score table of an OCR'd document, the parents the criteria set names over
    rows read that no row carries. Returns the unread parts telling the restored rows that no part
    tells yet (a parent of a parent: "row 1 not read" where only 1.1.x were read)."""
    if not settings.on or not ocr or cset is None:
        return []
    parts: list[UnreadPart] = []
    told = " ".join(p.reason for p in result.unread)
    lost_runs = [p for p in result.unread if p.kind == "rows"]
    # (a code any row of the document carries: a table OCR split in two holds the row in the other)
    carried = {c for t in result.score_tables for r in t.rows if (c := norm_code(r.code))}
    restored_in: dict[int, list[str]] = {}
    for table in result.score_tables:
        for row, read, reason in _restore_in(table, cset, carried, settings):
            between = _told_between(read, reason, lost_runs)
            for part in between:
                restored_in.setdefault(id(part), []).append(norm_code(row.code) or str(row.code))
            if not between and not _named(norm_code(row.code) or "", told):
                parts.append(_told(row, read, reason))
    for part in lost_runs:
        if codes := restored_in.get(id(part)):
            # (the garbled lines are rows now, the set's, their cells not read: said where they are told)
            part.reason += f"; {', '.join(codes)} restored from the criteria set there, cells not read"
    return parts


def _restore_in(
    table: ScoreTable, cset: CriteriaSet, have: set[str], settings: RestoreSettings
) -> list[tuple[ScoreRow, list[ScoreRow], str]]:
    """The rows restored in one table, inserted in place: parents first, then the siblings a
    numbering jump skips; each with the rows read that say it was printed, and how. ``have``: the
    codes the document's rows carry (the ones restored added)."""
    read = [norm_code(r.code) for r in table.rows]
    coded = [c for c in read if c]
    crits = cset.by_code()
    if not coded or sum(c in crits for c in coded) < settings.min_set_codes * len(coded):
        return []
    order = {c.code: k for k, c in enumerate(cset.rows)}
    fields = table_fields(table.rows)
    restored: list[tuple[ScoreRow, list[ScoreRow], str]] = []
    for code in _lost_ancestors(coded, crits, order):
        below = [r for r in table.rows if _under(norm_code(r.code), code)]
        at = table.rows.index(below[0])
        above = next((norm_code(r.code) for r in reversed(table.rows[:at]) if r.code), None)
        if code in have or (above is not None and order.get(above, len(order)) > order[code]):
            continue  # (the rows above it the set's rows after it: the table is not in the set's order)
        if above is None and not level_printed_after(table.rows, code, cset):
            continue  # (no row read above it nor beside it: the table may begin at its sub-criteria, an excerpt)
        if not _worded_as_set(below, crits):
            continue  # (the set's codes, not its words: the document may number another set's criteria)
        if not crits[code].parent:
            continue  # (a field: a table of its sub-criteria may stand under the field's caption alone)
        row = _row(code, below[0], crits[code].name, crits[code].parent or None, fields, settings)
        table.rows.insert(at, row)
        have.add(code)
        for child in below:
            if norm_code(child.code) and (norm_code(child.code) or "").rpartition(".")[0] == code:
                child.parent = row.code
        codes = ", ".join(r.code or "" for r in below)
        restored.append((row, below, f"row {row.code} not read (its sub-criteria {codes} were)"))
    for code, first, after in _lost_between(table, cset, have):
        if not _worded_as_set([first, after], crits):
            continue
        row = _row(code, after, crits[code].name, crits[code].parent or None, fields, settings)
        table.rows.insert(table.rows.index(after), row)
        have.add(code)
        jump = f"{JUMP_TOLD} {first.code} to {after.code}: {row.code} not read"
        restored.append((row, [first, after], jump))
    # (the set's order, beyond one parent's children: 1.1.3 then 1.2 read, 1.1.4 was printed)
    for code, first, after in lost_in_order(table.rows, cset, have, settings.most_between):
        if code in have or not _worded_as_set([first, after], crits):
            continue
        row = _row(code, after, crits[code].name, crits[code].parent or None, fields, settings)
        # (before the first row after ``first`` the set puts after it: a row restored there already)
        rest = table.rows[table.rows.index(first) + 1 :]
        table.rows.insert(table.rows.index(next(r for r in rest if _after_in(r, code, order) or r is after)), row)
        have.add(code)
        restored.append((row, [first, after], f"{JUMP_TOLD} {first.code} to {after.code}: {row.code} not read"))
    return restored


def _lost_between(table: ScoreTable, cset: CriteriaSet, have: set[str]) -> list[tuple[str, ScoreRow, ScoreRow]]:
    """The set's criteria no row carries between two siblings read (3 and 5, no 4), each with the
    two siblings: the numbering says they were printed. Only where the rows between the
    two are the first sibling's own sub-criteria (a row under another code there may be the lost
    one, its code misread)."""
    out: list[tuple[str, ScoreRow, ScoreRow]] = []
    for parent in dict.fromkeys(c.parent for c in cset.rows):
        siblings = [c.code for c in cset.children(parent)]
        read = [r for r in table.rows if norm_code(r.code) in siblings]
        for first, after in zip(read, read[1:]):
            a, b = siblings.index(norm_code(first.code) or ""), siblings.index(norm_code(after.code) or "")
            inside = table.rows[table.rows.index(first) + 1 : table.rows.index(after)]
            if b <= a + 1 or not all(_under(norm_code(r.code), siblings[a]) for r in inside):
                continue
            out += [(c, first, after) for c in siblings[a + 1 : b] if c not in have]
    return out


def _worded_as_set(rows: list[ScoreRow], crits: dict) -> bool:
    """Whether a row read among ``rows`` is named as its code's criterion in the set: the set is
    the one the document prints there, not one whose codes it merely shares."""
    return any(
        names_criterion(r, crits[code]) for r in rows if (code := norm_code(r.code)) is not None and code in crits
    )


def _lost_ancestors(coded: list[str], crits: dict, order: dict[str, int]) -> list[str]:
    """The set's criteria above rows read that no row carries, parents before their children: each
    read row's chain of parents in the set, as long as the set makes the row its child."""
    lost: list[str] = []
    have = set(coded)
    for code in coded:
        crit = crits.get(code)
        while crit is not None and crit.parent:
            parent = crits.get(crit.parent)
            if parent is None:
                break
            if parent.code not in have and parent.code not in lost:
                lost.append(parent.code)
            crit = parent
    return sorted(lost, key=lambda c: order[c])


def _after_in(row: ScoreRow, code: str, order: dict[str, int]) -> bool:
    """Whether the set's order puts the row's code after ``code``."""
    return order.get(norm_code(row.code) or "", -1) > order[code]


def _under(code: str | None, parent: str) -> bool:
    return code is not None and code.startswith(parent + ".")


def _row(
    code: str, first: ScoreRow, name: str, parent: str | None, fields: tuple[str, ...], settings: RestoreSettings
) -> ScoreRow:
    """The restored row, labelled as its first descendant's code is ("1.2.1." → "1.2.")."""
    label = code + ("." if str(first.code or "").endswith(".") else "")
    return ScoreRow(
        code=label,
        level=_level(code, first),
        parent=parent,
        name=name,
        confidence=settings.confidence,
        flags=[FLAG_RESTORED, *(MISSING_FLAG[f] for f in fields)],
        source=SourceRef(page=first.source.page),
    )


def _level(code: str, first: ScoreRow) -> int:
    """The row's level as the code repair gives it ("1" 1, "1.1" 2; "II" 0); a code it does not
    parse ("II.1"), one level above its first descendant's for each part dropped."""
    parsed = parse_code(code)
    if parsed is not None:
        return parsed.level
    return max(0, first.level - (norm_code(first.code) or "").count(".") + code.count("."))


def _named(code: str, told: str) -> bool:
    return re.search(rf"(?<![\w.]){re.escape(code)}(?![\w.])", told) is not None


def _told_between(read: list[ScoreRow], reason: str, lost_runs: list[UnreadPart]) -> list[UnreadPart]:
    """The parts of rows not read lying between a numbering jump's two siblings' lines (the garbled
    lines themselves, "not turned into rows") that tell its row already: told once, there."""
    if not reason.startswith(JUMP_TOLD) or len(read) != 2:
        return []
    first, after = read
    end, start = first.source.line_end or first.source.line_start, after.source.line_start
    if end is None or start is None:
        return []
    return [
        p
        for p in lost_runs
        if p.page == after.source.page
        and p.line_start is not None
        and end < p.line_start
        and (p.line_end or p.line_start) < start
    ]


def _told(row: ScoreRow, read: list[ScoreRow], reason: str) -> UnreadPart:
    """The part telling a restored row as a row not read is told (``unread_rows``: a parent not read,
    a numbering jump), on the lines of the rows read that say it was printed."""
    starts = [r.source.line_start for r in read if r.source.line_start is not None]
    ends = [r.source.line_end or r.source.line_start for r in read if r.source.line_start is not None]
    return UnreadPart(
        page=row.source.page,
        kind="rows",
        reason=reason,
        text_sample=" ".join(f"{r.code} {r.name}" for r in read),
        line_start=min(starts) if starts else None,
        line_end=max(e for e in ends if e is not None) if starts else None,
    )


def restored_review(result: ExtractionResult) -> list[ReviewItem]:
    """One review item per restored row, the row as a whole: none of it was read."""
    return flagged_rows_review(result, FLAG_RESTORED, RESTORED_REASON)
