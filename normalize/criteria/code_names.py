"""Codes a score row's name says, against the one OCR printed or its place gave: with a criteria
set recognised (``match``), a row whose code is inferred, pieced from digits or read through
lookalike letters, or that neither its name nor its place agrees with, takes the code of the
criterion its name is. Split from ``match`` (the set's recognition and snapping), which calls it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex as re
from rapidfuzz import fuzz

from normalize.codes import read_code_token
from normalize.criteria import CriteriaSet, CriterionDef
from normalize.lazy_regex import lazy_compile
from normalize.vietnamese.syllable import fold

if TYPE_CHECKING:
    from normalize.criteria.match_settings import MatchSettings
    from schemas.records import ScoreRow

# A row whose printed code OCR lost, coded by the criterion its name is (recoded or confirmed).
FLAG_CODE_BY_NAME = "code_from_criteria_set"


# A code under a roman part: the part itself ("II") or a row numbered within it ("II.1", "II.1.a").
_PART_CODE = lazy_compile(r"^[IVX]+(?:\.|$)")


def part_numbered(code: str | None, by_code: dict[str, CriterionDef]) -> bool:
    """A code under a roman part that the set does not have: the document groups the set's fields
    into parts of its own and numbers each part's rows from 1 again ("II.1" is the set's 5). The
    row's name says which criterion it is (``named_as``); its code is the document's numbering,
    not OCR's slip for the set's code, and stays."""
    return bool(code) and str(code) not in by_code and bool(_PART_CODE.match(str(code)))


def own_numbered(
    rows: list[ScoreRow], by_code: dict[str, CriterionDef], names: list[tuple[str, CriterionDef]], s: MatchSettings
) -> bool:
    """A table numbered in parts the set does not have ("I", "II" over rows numbered from 1 in
    each): every code in it is the document's own numbering, the first part's "1" as much as the
    second's "II.1" (a set of one field whose criteria the document made its parts' sections
    prints the set's 1.1 as "1"). Such a table opens with its first part; and a row read as a
    part is named as none of the set's criteria, or that "I" is OCR's "1." (a part heading is no
    criterion of a set without parts; a stray "Ị" low in a table is a code's speck)."""
    coded = [r for r in rows if r.code]
    parts = [r for r in coded if part_numbered(r.code, by_code) and "." not in str(r.code)]
    return bool(parts) and coded[0] is parts[0] and not any(named_as(r, names, s) for r in parts)


def follow_named_order(
    rows: list[ScoreRow], cset: CriteriaSet, names: list[tuple[str, CriterionDef]], s: MatchSettings
) -> None:
    """In a table numbered in parts of its own (``own_numbered``), a row whose code the column
    repair guessed or bent, named as the criterion that follows, in the set, the one the row above
    is named as (its next sibling), is the next sibling of the row above in the document's own
    numbering: "Tác động …" printed "4." read "2" after II.3 "Hiện đại hóa …" is II.4, not
    II.3.2. The set's order says how the rows stand to each other; the document says their codes."""
    named = [named_as(r, names, s) if r.code else None for r in rows]
    held = {str(r.code) for r in rows if r.code}
    for k in range(1, len(rows)):
        row, above, crit, crit_above = rows[k], rows[k - 1], named[k], named[k - 1]
        if crit is None or crit_above is None or not above.code or crit.parent != crit_above.parent:
            continue
        if "code_inferred" not in row.flags and "code_repaired" not in row.flags:
            continue
        siblings = cset.children(crit.parent)
        place = siblings.index(crit_above)
        code = _next_code(str(above.code))
        if place + 1 >= len(siblings) or siblings[place + 1] != crit or not code or code in held:
            continue
        held.discard(str(row.code))
        held.add(code)
        row.code, row.parent, row.level = code, above.parent, above.level
        row.flags.append(f"{FLAG_CODE_BY_NAME}:{cset.id}")


def named_as(row: ScoreRow, names: list[tuple[str, CriterionDef]], s: MatchSettings) -> CriterionDef | None:
    """The criterion whose wording the row's name is, near-identically (``recode_min``), or None."""
    folded = norm(row.name or row.name_raw)
    if not folded:
        return None
    top = max(((fuzz.ratio(folded, n), c) for n, c in names), key=lambda e: e[0], default=None)
    return top[1] if top is not None and top[0] >= s.recode_min else None


def norm(text: str) -> str:
    return " ".join(fold(text).split())


def similarity(a: str, b: str) -> float:
    """0..100, diacritics and case ignored."""
    return fuzz.ratio(norm(a), norm(b))


def shift_by_names(
    rows: list[ScoreRow],
    by_code: dict[str, CriterionDef],
    names: list[tuple[str, CriterionDef]],
    strays: list[ScoreRow],
    set_id: str,
    s: MatchSettings,
) -> None:
    """Rows whose codes OCR shifted together take the codes their names say, all at once. A lost
    or lookalike code ("L" read as the part I, "l" as 1) puts the rows after it one place off, and
    each name's own code is then held by another row of the run, so no one of them can be recoded
    alone (``_recode`` needs its code free). A row moves when its code is inferred or misread and
    its whole name is, near-identically, another criterion's wording; a code held by a row that
    does not move (nor is a stray or a blank line of no points) stays where it is. A plain code
    moves too when two witnesses stand against it: the name is another criterion's wording and
    that criterion's code is the one the row above's code goes on with ("4:" for 3 after 2)."""
    movers = {k: crit for k, row in enumerate(rows) if (crit := named_elsewhere(row, by_code, names, s))}
    # (only a chain needs the former: a mover whose code is free is recoded by ``_recode`` as before)
    if not {str(rows[k].code) for k in movers} & {c.code for c in movers.values()}:
        movers = {}
    movers.update(_out_of_sequence(rows, by_code, names, s))
    movers.update(_placed_after_movers(rows, movers, by_code, s))
    targets = [c.code for c in movers.values()]
    if not movers:
        return
    held = {
        str(r.code)
        for k, r in enumerate(rows)
        if r.code
        and k not in movers
        and not any(r is x for x in strays)
        and not _blank_placed(r)
        and not _placed_junk(r, names, s)
        and not holds_no_code(r, names, s)
    }
    # A mover that cannot take its code (held, or wanted twice) stays where it is and holds its
    # own: no other mover is given it (a chain blocked at its end moves none of the rows above).
    moving = dict(movers)
    while True:
        stuck = [k for k, crit in moving.items() if crit.code in held or targets.count(crit.code) != 1]
        if not stuck:
            break
        for k in stuck:
            del moving[k]
            held.add(str(rows[k].code))
    taken: set[str] = set()
    for k, crit in moving.items():
        take_code(rows[k], crit, taken, set_id)


def _placed_after_movers(
    rows: list[ScoreRow], movers: dict[int, CriterionDef], by_code: dict[str, CriterionDef], s: MatchSettings
) -> dict[int, CriterionDef]:
    """Rows coded by their place alone, right below a row moving to the code they hold, whose name
    is not that code's wording: their place was counted from the row above's code, so it moves
    with it, to the set's next code ("Hiện đại hóa …" placed 6 moving to 7 carries the row placed
    7 below it, its name's first line lost, to 8). A row whose maximum read is its code's and not
    the next one's keeps its place (``_points_say_printed``)."""
    carried: dict[int, CriterionDef] = {}
    for k in range(1, len(rows)):
        row = rows[k]
        moved = movers.get(k - 1) or carried.get(k - 1)
        if moved is None or k in movers or "code_inferred" not in row.flags or str(row.code) != moved.code:
            continue
        own = by_code.get(str(row.code))
        following = _next_code(moved.code)
        after = by_code.get(following) if following else None
        folded = norm(row.name or row.name_raw)
        if after is None or own is None or not folded or fuzz.ratio(folded, norm(own.name)) >= s.snap_min:
            continue
        if _points_say_printed(row, own, after):
            continue
        carried[k] = after
    return carried


def _out_of_sequence(
    rows: list[ScoreRow], by_code: dict[str, CriterionDef], names: list[tuple[str, CriterionDef]], s: MatchSettings
) -> dict[int, CriterionDef]:
    """Rows whose printed code neither their name nor their place agrees with: the name is,
    near-identically, another criterion's wording, and that criterion's code comes right after
    the row above's, or is the set's first for a table's first row (OCR read "3." as "4:"; a
    commune's own numbering keeps its place)."""
    out: dict[int, CriterionDef] = {}
    first = next(iter(by_code.values()), None)
    for k in range(len(rows)):
        row = rows[k]
        if not row.code or "code_inferred" in row.flags:
            continue
        # (a table's first row goes on with no row: the set's first criterion is where it opens;
        # a line coded by its place alone that names nothing and prints no maximum is no row)
        above = next((r for r in reversed(rows[:k]) if not _placed_junk(r, names, s)), None)
        if above is not None and not above.code:
            continue
        above_code = str(above.code) if above is not None else None
        own = by_code.get(str(row.code))
        folded = norm(row.name or row.name_raw)
        if not folded or (own is not None and fuzz.ratio(folded, norm(own.name)) >= s.snap_min):
            continue
        top = max(((fuzz.ratio(folded, n), c) for n, c in names), key=lambda e: e[0], default=None)
        if top is None or top[0] < s.recode_min or top[1].code == str(row.code):
            continue
        expected = _next_code(above_code) if above_code else first.code if first is not None else None
        if expected == top[1].code and expected != str(row.code):
            if _points_say_printed(row, own, top[1]):
                continue
            out[k] = top[1]
    return out


def recode_printed(
    rows: list[ScoreRow],
    k: int,
    crit: CriterionDef | None,
    names: list[tuple[str, CriterionDef]],
    taken: set[str],
    set_id: str,
    s: MatchSettings,
) -> CriterionDef | None:
    """A code printed plainly, the set's, whose row is named, near-identically, as another
    criterion that no row holds: the row's name and figures are that criterion's, and the code
    is its neighbour's line (a row whose own code line OCR lost, its name and figures joined to
    the next row's code: "Xác định đầy đủ …  1 0" over "1.1.3 | Các kết quả … il LS"). The name
    alone is not enough (a name can be the line above's, the code right: ``_points_say_printed``),
    it takes a second witness: the row's maximum read is that criterion's and not the printed
    code's, or that criterion's code is the one the row above's goes on with while the printed
    code is nowhere the numbering goes (``_goes_on``). A row below printed where the numbering
    goes on and named one criterion on as well is a document numbered its own way: codes kept.
    Only on OCR'd tables (the caller's test): a typed table's printed code is the commune's own
    numbering, a criterion of the set it leaves out included ("4. Xây dựng và nâng cao chất lượng
    đội ngũ …", the set's 5). Returns the row's criterion, recoded or not."""
    row, above = rows[k], rows[k - 1] if k else None
    if crit is None or not row.code or "code_inferred" in row.flags:
        return crit
    named = _named_other(row, crit, names, s)
    if named is None or named.code in taken or _points_say_printed(row, crit, named):
        return crit
    follows = (
        above is not None and _next_code(str(above.code)) == named.code and not _goes_on(above.code, str(row.code))
    )
    if not (follows or _points_say_printed(row, named, crit)):
        return crit
    below = rows[k + 1] if k + 1 < len(rows) else None
    if below is not None and below.code and "code_inferred" not in below.flags and _goes_on(row.code, below.code):
        named_below = _named_other(below, None, names, s)
        if named_below is not None and named_below.code != below.code and _goes_on(named.code, named_below.code):
            return crit
    return take_code(row, named, taken, set_id)


def _named_other(
    row: ScoreRow, crit: CriterionDef | None, names: list[tuple[str, CriterionDef]], s: MatchSettings
) -> CriterionDef | None:
    """The criterion the row's name is, near-identically (``recode_min``), when it is not the
    row's code's and the name is not near that code's wording (``snap_min``); None otherwise."""
    folded = norm(row.name or row.name_raw)
    if not folded or (crit is not None and fuzz.ratio(folded, norm(crit.name)) >= s.snap_min):
        return None
    top = max(((fuzz.ratio(folded, n), c) for n, c in names), key=lambda e: e[0], default=None)
    return top[1] if top is not None and top[0] >= s.recode_min and top[1].code != str(row.code) else None


def _placed_junk(row: ScoreRow, names: list[tuple[str, CriterionDef]], s: MatchSettings) -> bool:
    """A line coded by its place alone whose name is near no criterion's wording and that prints no
    maximum ("ưu định | 8", the header's last specks): no row a code is held by or goes on from."""
    if "code_inferred" not in row.flags or row.max_points is not None:
        return False
    folded = norm(row.name or row.name_raw)
    return not folded or max((fuzz.ratio(folded, n) for n, _ in names), default=0.0) < s.recode_min


def holds_no_code(row: ScoreRow, names: list[tuple[str, CriterionDef]], s: MatchSettings) -> bool:
    """A line whose code is no witness against a row named as that code's criterion: its name is
    near no criterion's wording, whole or in part (``named_nowhere``), and the code is its place's
    alone ("pees | 1" coded 2 between rows 1 and 3: its figure is a speck's as likely as a
    cell's), or the line prints no points at all (a header's "3 chuẩn … giá tham" read as a code
    line). The row named as the criterion is; the line keeps its code, holding none."""
    if not row.code or not named_nowhere(row, names, s):
        return False
    points = (row.max_points, row.self_points, row.appraised_points)
    return "code_inferred" in row.flags or all(v is None for v in points)


def named_nowhere(row: ScoreRow, names: list[tuple[str, CriterionDef]], s: MatchSettings) -> bool:
    """The row's name is near no criterion's wording: a one-word name is measured whole ("Đó" is
    in every wording), a longer one by its best piece."""
    folded = norm(row.name or row.name_raw)
    near = fuzz.ratio if len(folded.split()) < 2 else fuzz.partial_ratio
    return bool(folded) and all(near(n, folded) < s.snap_min for n, _ in names)


def _points_say_printed(row: ScoreRow, own: CriterionDef | None, named: CriterionDef) -> bool:
    """The row's maximum as read is its printed code's, not the named criterion's: the name is
    the one taken from the line above (a row whose code and points OCR lost gave its name line to
    the next row: "Cai cach thu tuc hanh" over "4, 11 0 0"), and the code is right."""
    most = row.max_points
    if most is None or own is None or own.max_points is None or named.max_points is None:
        return False
    return abs(most - own.max_points) < 1e-9 and abs(most - named.max_points) > 1e-9


def _goes_on(above: str | None, code: str) -> bool:
    """Whether ``code`` is where the numbering goes after ``above``: its next sibling, its first
    child, or the next sibling of one of its ancestors ("1.2" after "1.1.4")."""
    if not above:
        return False
    ancestors = [above.rsplit(".", n)[0] for n in range(above.count(".") + 1)]
    return code == f"{above}.1" or any(_next_code(a) == code for a in ancestors)


def _next_code(code: str) -> str | None:
    """The sibling after a code ("1.2" -> "1.3"), None for one that ends in no number."""
    head, _, last = code.rpartition(".")
    return f"{head}.{int(last) + 1}" if head and last.isdigit() else str(int(last) + 1) if last.isdigit() else None


def named_elsewhere(
    row: ScoreRow, by_code: dict[str, CriterionDef], names: list[tuple[str, CriterionDef]], s: MatchSettings
) -> CriterionDef | None:
    """The criterion a row whose code OCR did not print plainly (inferred from its place, pieced
    together, read through lookalike letters: "L" as I) is named as, near-identically, when that
    is not its code's: None otherwise. A plain code the set lacks is the document's own numbering
    ("1." under part II, II.1), not OCR's slip."""
    crit = by_code.get(str(row.code)) if row.code else None
    unsure = "code_inferred" in row.flags or "code_repaired" in row.flags or code_by_lookalikes(row.code_raw)
    if not (unsure and ("code_inferred" in row.flags or misread_code(row, crit, s))):
        return None
    folded = norm(row.name or row.name_raw)
    if not folded or (crit is not None and fuzz.ratio(folded, norm(crit.name)) >= s.snap_min):
        return None
    top = max(((fuzz.ratio(folded, n), c) for n, c in names), key=lambda e: e[0], default=None)
    return top[1] if top is not None and top[0] >= s.recode_min and top[1].code != str(row.code) else None


def _blank_placed(row: ScoreRow) -> bool:
    """A line coded by its place alone with neither a name nor points (a ruling line's specks)."""
    return (
        "code_inferred" in row.flags
        and not (row.name or row.name_raw or "").strip()
        and row.max_points is None
        and row.self_points is None
    )


def misread_code(row: ScoreRow, crit: CriterionDef | None, s: MatchSettings) -> bool:
    """A printed code the recognised set does not have (OCR read "7" as "6.1"), or one pieced
    together from digits, or read through letters OCR makes of a digit or of a ruling line
    ("L1..." as 1.1), whose row is not named as that code's criterion: the name may say which
    criterion the row is."""
    if not row.code:
        return False
    if crit is None:
        return True
    pieced = "code_repaired" in row.flags or code_by_lookalikes(row.code_raw)
    return pieced and similarity(row.name or row.name_raw, crit.name) < s.snap_min


def code_by_lookalikes(raw: str | None) -> bool:
    """A printed code read with a letter taken for a digit ("L1", "l.2"): the letter may as well
    be a ruling line's speck beside the code as a digit of it."""
    token = read_code_token(raw) if raw else None
    return token is not None and token.lookalikes and token.components is not None


def lookalike_blank(row: ScoreRow) -> bool:
    """A line whose numbered code was read through a lookalike letter ("L" for 1) and that prints
    no points: what may be left of a code line over the row its name is on."""
    numbered = bool(row.code) and re.fullmatch(r"[\d.]+", str(row.code)) is not None
    points = (row.max_points, row.self_points, row.appraised_points)
    return numbered and code_by_lookalikes(row.code_raw) and all(v is None for v in points)


def take_code(row: ScoreRow, crit: CriterionDef, taken: set[str], set_id: str) -> CriterionDef:
    """The row recoded as ``crit`` (flagged ``FLAG_CODE_BY_NAME``), its old code freed."""
    row.flags.append(f"{FLAG_CODE_BY_NAME}:{set_id}")
    taken.discard(str(row.code))
    taken.add(crit.code)
    row.code = crit.code
    row.parent = crit.parent or None
    return crit
