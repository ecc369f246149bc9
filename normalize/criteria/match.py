"""The official criteria sets as a fuzzy dictionary for score tables.

1. Recognise the document's set (``normalize.criteria.recognise``): every transcribed set scored
   against the table rows read, with the province named in the document and the year as hints;
   where no set fits by codes, by the rows' names in the set's order.
2. Snap: a row whose name is close to the official wording of its code's criterion takes that
   wording (the text read stays in ``name_raw``); a row whose maximum differs from the set's is
   flagged for review. No set recognised: nothing is snapped, nothing flagged.

Names are compared diacritic-free and lower-cased (``fold``): OCR and stripped text lose the
marks first, and a half-repaired name must still find its criterion.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from normalize.criteria import CriteriaSet, CriterionDef, load_criteria_sets
from normalize.criteria.code_names import (
    FLAG_CODE_BY_NAME,
    follow_named_order,
    holds_no_code,
    lookalike_blank,
    misread_code,
    named_as,
    norm as _norm,
    own_numbered,
    recode_printed,
    shift_by_names,
    similarity,
    take_code,
)
from normalize.criteria.match_settings import FLAG_MAX_DIFFERS, FLAG_SNAPPED, MatchSettings, SetMatch
from normalize.criteria.name_agreement import (
    closer_elsewhere,
    criterion_named,
    first_line_read,
    holds_piece,
    holds_wording,
    holds_words,
    last_lines_read,
    opens_with_letters,
    wording_similarity,
)
from normalize.criteria.name_cut import cut_to_wording
from normalize.criteria.name_pieces import names_across_cells, names_opened_above
from normalize.criteria.name_runs import names_across_explanation, names_from_runs
from normalize.criteria.recognise import codes_misreadable, names_criterion, recognise_set
from normalize.criteria.scale_wording import restore_scales
from normalize.criteria.wording import (
    WordingSettings,
    as_printed,
    damage_only,
    restore_wordings,
    same_words,
    shortened_wording,
    spelling,
    worded_otherwise,
)

if TYPE_CHECKING:
    from normalize.criteria.recognise import NamesInOrder
    from schemas.records import ScoreRow, ScoreTable


def snap_to_set(
    tables: Sequence[ScoreTable],
    match: SetMatch,
    settings: MatchSettings = MatchSettings(),
    order: NamesInOrder | None = None,
) -> int:
    """Official wording for rows close to their criterion; rows whose maximum differs flagged.
    ``order``: the rows' names aligned to the set's wordings in order (``_outside_by_order``).
    Returns the number of names snapped."""
    by_code = match.cset.by_code()
    names = [(_norm(c.name), c) for c in match.cset.rows]
    snapped = 0
    sure = match.sure(settings)
    for table in tables:
        # Lines given a code by their place alone that are no criterion (a title line, a stamp)
        # hold no code against a row whose name says it is that criterion.
        strays = [r for r in table.rows if sure and _stray(r, names, settings)]
        # ... nor lines coded through a lookalike letter ("L" for 1), of no points, named as no
        # criterion: a code line's speck (dropped when a row named as that criterion takes it).
        specks = [
            r
            for r in table.rows
            if sure and lookalike_blank(r) and _stray(replace(r, flags=[*r.flags, "code_inferred"]), names, settings)
        ]
        own = own_numbered(table.rows, by_code, names, settings)
        if own:
            follow_named_order(table.rows, match.cset, names, settings)
        else:
            shift_by_names(table.rows, by_code, names, strays, match.cset.id, settings)
            if order is not None and codes_misreadable(table):
                _outside_by_order(table.rows, order(table.rows, match.cset), by_code, match.cset.id)
        if settings.snap_names and table.read_from == "lines":
            # A name printed in pieces, a scale's or an explanation's words between them: the
            # pieces hold the code's wording nearly whole, and no other's as much.
            names_across_cells(table.rows, by_code, partial(_is_wording, s=settings.wording), match.cset.rows)
            names_opened_above(table.rows, by_code, partial(_is_wording, s=settings.wording), match.cset.rows)
        if sure and settings.snap_names:
            names_from_runs(
                table.rows,
                by_code,
                lambda r, c: names_criterion(r, c, settings),
                lambda name: _names_any(name, match.cset, settings),
                settings.name_runs,
                settings.wording,
            )
            names_across_explanation(
                table.rows,
                by_code,
                lambda r, c: names_criterion(r, c, settings),
                settings.name_runs,
                settings.wording,
            )
        # A wrapped name's rest taken for a row of its own (dropped below) holds no code either:
        # its place gave it the code the next row's name says ("pháp luật tại tỉnh : 2" coded 3
        # under row 2, then "Cải cách thủ tục hành chính" placed 4).
        tails = _name_tails(table.rows, by_code, settings)
        taken = {
            str(r.code)
            for r in table.rows
            if r.code
            and not any(r is x for x in strays + specks)
            and not any(r is x for x in tails)
            and not holds_no_code(r, names, settings)
        }
        for k, row in enumerate(table.rows):
            crit = by_code.get(str(row.code)) if row.code else None
            run_on = False
            if own:
                # named, never recoded (``own_numbered``); a row whose code its place gave is
                # the criterion its name is
                crit = named_as(row, names, settings)
                if crit is not None and "code_inferred" in row.flags:
                    row.flags.append(f"{FLAG_CODE_BY_NAME}:{match.cset.id}")
            elif "code_inferred" in row.flags or misread_code(row, crit, settings):
                crit = _recode(row, crit, names, taken, match.cset.id, settings)
                if not any(f.startswith(FLAG_CODE_BY_NAME) for f in row.flags):
                    crit = _recode_run_on(row, crit, match.cset.rows, taken, match.cset.id, settings)
                    # (its name runs on past the wording it was recoded by: that wording is its name)
                    run_on = any(f.startswith(FLAG_CODE_BY_NAME) for f in row.flags)
            elif codes_misreadable(table):  # typed codes are sure
                crit = recode_printed(table.rows, k, crit, names, taken, match.cset.id, settings)
            if crit is not None:
                printed = "code_inferred" not in row.flags and not run_on
                agrees = partial(
                    _name_agrees,
                    crit=crit,
                    rows=match.cset.rows,
                    evidence=_Evidence(sure, run_on, printed, codes_misreadable(table)),
                    s=settings,
                )
                ok = agrees(row.name or row.name_raw)
                # ... or, in OCR's text, a code printed whose wording the name and explanation
                # read hold as one stretch, other text glued around it (a heading's or a scale
                # line's words before it, garbage or the explanation after it): the name is that
                # stretch, and is judged again (``name_cut``).
                if not ok and printed and codes_misreadable(table) and settings.snap_names:
                    read_as = (row.name, row.name_raw, row.explanation, list(row.flags))
                    if cut_to_wording(row, crit, match.cset.rows, settings.name_cut):
                        ok = agrees(row.name)
                        if not ok:  # (the cut name refused too: the row keeps what was read)
                            row.name, row.name_raw, row.explanation, row.flags = read_as
            else:
                folded = _norm(row.name or row.name_raw)
                scored = [(fuzz.ratio(folded, n), c) for n, c in names]
                top = max(scored, key=lambda e: e[0], default=None)
                crit = top[1] if top and top[0] >= settings.snap_min_by_name else None
                ok = crit is not None
            if crit is None:
                continue
            # A typed grid's clean name printing words the wording does not hold, or only its first
            # words, is the commune's own wording: kept, as ``wording`` keeps one (marks or words
            # lost are still put back; a grid's cell is read whole, so a name that stops early
            # stops where the commune's wording does).
            typed = not codes_misreadable(table)
            own_wording = typed and (worded_otherwise(row.name, crit.name) or shortened_wording(row.name, crit.name))
            if ok and settings.snap_names and spelling(row.name) != spelling(crit.name) and not own_wording:
                if not row.name_raw:
                    row.name_raw = row.name
                row.name = as_printed(row.name, crit.name)
                snapped += 1
                row.flags.append(f"{FLAG_SNAPPED}:{match.cset.id}")
            if (
                crit.max_points is not None
                and row.max_points is not None
                and abs(crit.max_points - row.max_points) > settings.max_tolerance
            ):
                row.flags.append(f"{FLAG_MAX_DIFFERS}:{match.cset.id}")
        recoded = {str(r.code) for r in table.rows if any(f.startswith(FLAG_CODE_BY_NAME) for f in r.flags)}
        # ... and one whose place gives a code the set does not have is no row of it at all
        # (garbled text under the last criterion read: "Còn pease er" as 1.2.3 after 1.2.2).
        table.rows = [
            r
            for r in table.rows
            if not (any(r is x for x in strays) and (str(r.code) in recoded or str(r.code) not in by_code))
            # (a line of no points named as nothing, its code now a named row's: a header's specks)
            and not (_pointless(r) and holds_no_code(r, names, settings) and str(r.code) in recoded and not _by_name(r))
            and not (
                any(r is x for x in specks)
                and str(r.code) in recoded
                and not any(f.startswith(FLAG_CODE_BY_NAME) for f in r.flags)
            )
        ]
        table.rows = _with_opened_names(table.rows, by_code, settings)
        if sure:
            dropped = _name_tails(table.rows, by_code, settings)
            table.rows = [r for r in table.rows if not any(r is x for x in dropped)]
    return snapped


@dataclass(frozen=True)
class _Evidence:
    """What, besides the name read, says a row is its code's criterion: the set surely recognised,
    the row recoded by a wording its name runs on past, its code printed, its table read from OCR."""

    sure: bool
    run_on: bool
    printed: bool
    ocr: bool


def _name_agrees(
    read: str, crit: CriterionDef, rows: Sequence[CriterionDef], evidence: _Evidence, s: MatchSettings
) -> bool:
    """Whether the name read is ``crit``'s, to take its wording."""
    ok = similarity(read, crit.name) >= s.snap_min or holds_wording(read, crit.name, s)
    ok = ok or holds_words(read, crit, rows, s)
    # (a name run on into the next column's words or OCR's specks, or cut at its first line, when
    # the set is sure: ``wording_similarity``)
    ok = ok or ((evidence.sure or evidence.run_on) and wording_similarity(read, crit.name) >= s.snap_runon_min)
    # Code and name agree: no other criterion's wording is the name read more closely ("Kế hoạch
    # CCHC năm", 1.1's whole wording, lies within 1.1.1's "Ban hành kế hoạch CCHC năm" too).
    ok = ok and not closer_elsewhere(read, crit, rows)
    # A code printed (not inferred) whose wording the name read holds a piece of, or opens with
    # glued ("KẽhoahCCHCnăm ESiŒG…", "lĩnh vực theo kế hoạch năm của UBND tỉnh và", the first line
    # handed to the row above): the code's row, its name lost in part.
    ok = ok or (evidence.sure and evidence.printed and holds_piece(read, crit, rows, s))
    # ... or, in OCR's text, whose wording the name's letters open with, glued to its shaded line's
    # garbage ("BáocáoCCHC fỆ777…"), the set sure or not: the code and the letters read agree.
    if ok or not (evidence.printed and evidence.ocr):
        return ok
    # ... or whose wording's first line alone the name's letters open with, the rest lost or given
    # to the next column's words, or its last lines, the first given to the row above: the code
    # printed and those lines agree.
    return (
        opens_with_letters(read, crit, rows, s)
        or first_line_read(read, crit, rows, s)
        or last_lines_read(read, crit, rows, s)
    )


def _outside_by_order(
    rows: list[ScoreRow], in_order: list[tuple[int, CriterionDef]], by_code: dict[str, CriterionDef], set_id: str
) -> None:
    """A row read from OCR's text whose code the set does not have, in a table not numbered in
    parts of its own, takes the code of the criterion its name follows in the set's order
    (``in_order``, the names aligned to the wordings), when no row holds it: the code tree pushed
    under a part OCR made of a stray line ("I.1.1.2" for 1.1.2) or a code misread, and the
    name's place among its neighbours' names says which criterion it is."""
    taken = {str(r.code) for r in rows if r.code}
    for k, crit in in_order:
        row = rows[k]
        if row.code and str(row.code) not in by_code and crit.code not in taken:
            take_code(row, crit, taken, set_id)


def _with_opened_names(rows: list[ScoreRow], by_code: dict[str, CriterionDef], s: MatchSettings) -> list[ScoreRow]:
    """The rows less those coded by their place alone, of no points, whose name is the opening
    of the next row's printed code's wording while that row's name is not: a name's first line
    printed above its code's line (numbers centred in a tall row), taken for a row of its own. Its
    name goes to the coded row ("Xây dựng và nâng cao chất lượng đội ngũ công chức," over "5. SA
    B ~ 15,5 15,5" over "viên chức theo kế hoạch")."""
    kept: list[ScoreRow] = []
    for k, row in enumerate(rows):
        after = rows[k + 1] if k + 1 < len(rows) else None
        crit = by_code.get(str(after.code)) if after is not None and after.code else None
        opened = (
            crit is not None
            and after is not None
            and "code_inferred" in row.flags
            and "code_inferred" not in after.flags
            and row.max_points is None
            and row.self_points is None
            and row.appraised_points is None
            and wording_similarity(row.name_raw or row.name, crit.name) >= s.snap_runon_min
            and not names_criterion(after, crit, s)
        )
        if not opened or after is None or crit is None:
            kept.append(row)
            continue
        read = f"{row.name_raw or row.name} {after.name_raw or after.name}".strip()
        after.name_raw = read
        after.name = row.name if _norm(row.name) == _norm(crit.name) else read
        after.flags += [f for f in row.flags if f.startswith(FLAG_SNAPPED) and f not in after.flags]
        after.source = replace(after.source, line_start=row.source.line_start)
    return kept


def _name_tails(rows: list[ScoreRow], by_code: dict[str, CriterionDef], s: MatchSettings) -> list[ScoreRow]:
    """The rows coded by their place alone whose name is the end of the row before's criterion's
    wording, and not their own code's: the wrapped rest of that name, taken for a row of its own
    (with whatever figure OCR left on its line; both points printed make a row)."""
    kept: list[ScoreRow] = []
    tails: list[ScoreRow] = []
    for row in rows:
        before = by_code.get(str(kept[-1].code)) if kept and kept[-1].code else None
        own = by_code.get(str(row.code)) if row.code else None
        folded = _norm(row.name or row.name_raw)
        tail = (
            "code_inferred" in row.flags
            # a line printing both points (max and self) is a row of its own, however garbled
            and (row.max_points is None or row.self_points is None)
            and before is not None
            and bool(folded)
            and len(folded) < len(_norm(before.name))
            and (
                fuzz.partial_ratio(folded, _norm(before.name)) >= s.snap_within_min - 5
                # ... or, OCR-damaged ("pháp lưu tại tỉnh"), it completes the row before's name
                # as read into that criterion's wording
                or _completes(kept[-1], folded, before, s)
            )
            and (own is None or similarity(folded, own.name) < s.snap_min)
        )
        (tails if tail else kept).append(row)
    return tails


def _completes(above: ScoreRow, folded: str, crit: CriterionDef, s: MatchSettings) -> bool:
    """The row above's name as read, then ``folded``, is near-identically ``crit``'s wording,
    while the row above's name alone is not: ``folded`` is that name's wrapped rest."""
    read = _norm(above.name_raw or above.name)
    wording = _norm(crit.name)
    return fuzz.ratio(f"{read} {folded}", wording) >= s.snap_min > fuzz.ratio(read, wording)


def _pointless(row: ScoreRow) -> bool:
    return row.max_points is None and row.self_points is None and row.appraised_points is None


def _by_name(row: ScoreRow) -> bool:
    return any(f.startswith(FLAG_CODE_BY_NAME) for f in row.flags)


def _stray(row: ScoreRow, names: list[tuple[str, CriterionDef]], s: MatchSettings) -> bool:
    """A line coded by its place alone that prints no points and is named as no criterion."""
    if "code_inferred" not in row.flags or row.max_points is not None or row.self_points is not None:
        return False
    folded = _norm(row.name or row.name_raw)
    near = fuzz.ratio if len(folded.split()) < 2 else fuzz.partial_ratio  # (one word, "Đó", is in every wording)
    return bool(folded) and all(near(n, folded) < s.snap_min for n, _ in names)


def _is_wording(name: str, crit: CriterionDef, s: WordingSettings) -> bool:
    """The name read is the criterion's wording, OCR's damage aside."""
    return same_words(name, crit.name) or damage_only(name, crit.name, s)


def _names_any(name: str, cset: CriteriaSet, s: MatchSettings) -> bool:
    """The name read is, near whole, a criterion of the set's wording."""
    top = criterion_named(name, cset)
    return top is not None and top[0] >= s.evidence_name_min


def _recode(
    row: ScoreRow,
    crit: CriterionDef | None,
    names: list[tuple[str, CriterionDef]],
    taken: set[str],
    set_id: str,
    s: MatchSettings,
) -> CriterionDef | None:
    """A code inferred from the row's place alone (OCR lost the printed one) gives way to the
    code of the criterion whose official wording the row's name is, near-identically, when no
    row of the table holds that code yet: the name says which criterion the row is. An inferred
    code the set does not have (1.2.3 after 1.2.2, where the set goes on with 1.3) is no reading
    at all: there the name may also open with the wording and go on with OCR's specks or the
    explanation's words ("Kiểm tra công tác CCHC ea 19/10/2014")."""
    folded = _norm(row.name or row.name_raw)
    if crit is not None and fuzz.ratio(folded, _norm(crit.name)) >= s.snap_min:
        if not any(f.startswith(FLAG_CODE_BY_NAME) for f in row.flags):
            row.flags.append(f"{FLAG_CODE_BY_NAME}:{set_id}")
        return crit

    def score(name: str) -> float:
        whole = fuzz.ratio(folded, name)
        return whole if crit is not None else max(whole, fuzz.ratio(folded[: len(name)], name))

    top = max(((score(n), c) for n, c in names), key=lambda e: e[0], default=None)
    if top is None or top[0] < s.recode_min or top[1].code in taken:
        return crit
    return take_code(row, top[1], taken, set_id)


def _recode_run_on(
    row: ScoreRow,
    crit: CriterionDef | None,
    rows: Sequence[CriterionDef],
    taken: set[str],
    set_id: str,
    s: MatchSettings,
) -> CriterionDef | None:
    """With the set recognised, a code inferred from the row's place alone gives way to a free
    code whose wording the name opens with and runs on past (the explanation's words, OCR's
    specks: ``wording_similarity``) when the row's maximum read is that criterion's and not its
    inferred code's, and the name is no nearer its inferred code's wording: two witnesses, the
    name and the points, against a place guessed over a line OCR garbled (the parent's title
    line above it lost, "LH Ban hành kế hoạch CCHC năm Công văn số 28 … 1 1 0,5" placed as 1.1
    where the set's 1.1 holds 5)."""
    if "code_inferred" not in row.flags:
        return crit
    named = [(wording_similarity(row.name or row.name_raw, c.name), c) for c in rows]
    top = max(named, key=lambda e: e[0], default=None)
    if top is None or top[0] < s.snap_runon_min or top[1].code in taken:
        return crit
    if row.max_points is None:
        # No points read to witness either way: the name alone, where it opens with the whole of
        # a long wording that opens no other criterion's and runs on past it ("Mức độ thực hiện
        # kế hoạch CCHC 7 rẽcn 755 …" placed as 1.2, its numbers lost; a heading's line glued to
        # the next row's words, placed as that row).
        if _opens_alone(row.name or row.name_raw, top[1], rows, s):
            return take_code(row, top[1], taken, set_id)
        return crit
    if top[1].max_points is None:
        return crit
    if abs(top[1].max_points - row.max_points) > s.max_tolerance:
        return crit
    if crit is not None and (
        wording_similarity(row.name or row.name_raw, crit.name) >= top[0]
        or crit.max_points is None
        or abs(crit.max_points - row.max_points) <= s.max_tolerance
    ):
        return crit  # (the points say the place is right as well: a name over the wrong numbers)
    return take_code(row, top[1], taken, set_id)


def _opens_alone(name: str, crit: CriterionDef, rows: Sequence[CriterionDef], s: MatchSettings) -> bool:
    """The name runs on past the whole of the criterion's wording, at least
    ``opening_min_letters`` letters long, which opens no other criterion's wording (a parent's
    wording that opens its child's says nothing about which of the two the row is)."""
    official = _norm(crit.name)
    folded = _norm(name)
    if len(official.replace(" ", "")) < s.opening_min_letters or len(folded) <= len(official):
        return False
    if fuzz.ratio(folded[: len(official)], official) < s.snap_runon_min:
        return False
    return not any(c.code != crit.code and _norm(c.name).startswith(official) for c in rows)


def apply_criteria_sets(
    tables: Sequence[ScoreTable],
    document_text: str = "",
    year: int | None = None,
    sets: Sequence[CriteriaSet] | None = None,
    settings: MatchSettings = MatchSettings(),
    order: NamesInOrder | None = None,
) -> SetMatch | None:
    """Recognise the set and snap to it; None when no set fits (then only names OCR damaged are
    restored, from any set's wording: ``normalize.criteria.wording``). ``order``: the rows' names
    aligned to a set's wordings in order (``recognise_set``)."""
    match = recognise_set(tables, document_text, year, sets, settings, order)
    if match is not None:
        snap_to_set(tables, match, settings, order)
    elif settings.snap_names:
        # No set recognised: a row's printed code and its name's pieces agree on a set's criterion.
        for cset in load_criteria_sets() if sets is None else sets:
            for table in tables:
                if table.read_from == "lines":
                    is_wording = partial(_is_wording, s=settings.wording)
                    names_across_cells(table.rows, cset.by_code(), is_wording, cset.rows)
                    names_opened_above(table.rows, cset.by_code(), is_wording, cset.rows)
    # Names still as read: the recognised set's wordings, or any set's where none is, restore
    # what only OCR's damage keeps them from being.
    if settings.snap_names:
        pool = [match.cset] if match else (load_criteria_sets() if sets is None else sets)
        restore_wordings(
            tables, pool, FLAG_SNAPPED if match else "", settings.wording, bool(match and match.sure(settings))
        )
        if match is not None:
            restore_scales([t for t in tables if codes_misreadable(t)], match.cset, settings.scale_wording)
    return match
