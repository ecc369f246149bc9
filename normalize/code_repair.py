"""Repairing a whole column of criterion codes at once (``repair_codes``), over the codes
``normalize.codes`` reads and orders.

A single token is often ambiguous ("L2" reads 1.2 or 1.1.2), but the column is not: codes follow
the hierarchy and increase down the table. So repair is a best-path search over the column: each
row's code is chosen among its shape readings and the successors of the previous row's code,
paying for edits of the printed digits, for skipped numbers and for codes inferred with no token
at all. Rows that read as printed cost one linear pass; the search runs over the doubtful
stretches only.
"""

from __future__ import annotations

import math
from dataclasses import astuple, dataclass, field
from functools import lru_cache

from normalize.codes import (
    ROOT,
    CodeSettings,
    CodeToken,
    CriterionCode,
    _is_child,
    _next_step,
    _successors,
    item_letter,
    lettered,
    match_cost,
    read_code_token,
    transition_cost,
)


@dataclass
class CodeChoice:
    code: CriterionCode | None  # None when the row was absorbed into the one above
    cost: float = 0.0  # what reading this row's token as ``code`` cost (0 for a clean token)
    inferred: bool = False
    repaired: bool = False
    absorbed: bool = False


@dataclass
class _State:
    cost: float
    back: _State | None
    choice: CodeChoice
    code: CriterionCode = ROOT
    history: tuple = field(default=())


def repair_codes(
    tokens: list[str | None],
    absorbable: list[bool] | None = None,
    settings: CodeSettings = CodeSettings(),
    parents: list[bool] | None = None,
    oversized: list[bool] | None = None,
    new_groups: list[bool] | None = None,
    max_level: int | None = None,
) -> list[CodeChoice]:
    """The most plausible code for every row of a column, top to bottom.

    ``tokens``: the printed code token of each row (None when there is none). ``absorbable``:
    rows that may instead be a stray fragment of the row above (no numbers of their own).
    ``parents``: rows whose numbers show they are the parent of the rows that follow (see
    ``parent_rows``). ``oversized``: rows whose max points exceed the max of the row above
    them (``oversized_rows``), which therefore cannot be its child. ``new_groups``: rows whose
    own cells say they open a group of their own (an annex row counting another unit than the
    rows above it count), which therefore are neither the child nor the next sibling of the row
    above when their code was lost.

    A token that does not read as a code counts as missing: its code is inferred from order and
    hierarchy; as a roman section only in a column whose parts print their numerals
    (``_prints_parts``, ``CodeSettings.infer_lost_parts``): "KẾT QUẢ …" with its "I." lost over
    "1.", "2." and a printed "II." is part I, not criterion 1 with every row below one level off.
    The first row of a column is never absorbed: there is no row above to fold it into.

    Rows that read as printed cost one linear pass (``_clean_step``); the search runs over each
    doubtful stretch only, from the clean row ``settings.window`` rows above it until its best
    path settles back onto the printed codes (``_search``)."""
    absorbable = [False, *(absorbable or [False] * len(tokens))[1:]][: len(tokens)]
    parents = parents or [False] * len(tokens)
    oversized = oversized or [False] * len(tokens)
    readings = [read_code_token(t) if t else None for t in tokens]
    openings = (
        _restart_openings(readings, parents, settings.items_mark_parts) if settings.infer_lost_parts else frozenset()
    )
    lost_parts = settings.infer_lost_parts and (_prints_parts(readings) or bool(openings))
    out: list[CodeChoice] = []
    codes: list[CriterionCode] = []  # the code in force after each row (an absorbed row keeps the one above)
    searched = 0  # rows before this one were chosen by a search: a later window starts no earlier
    while len(out) < len(readings):
        i = len(out)
        prev = codes[-1] if codes else ROOT
        code = _clean_step(prev, readings[i], absorbable[i], i > 0 and parents[i - 1], settings)
        if code is not None:
            out.append(CodeChoice(code, 0.0))
            codes.append(code)
            continue
        start = max(searched, i - settings.window)
        settle: int | None = i
        if searched == 0 and _roman_doubt(readings):
            start, settle = 0, None  # the whole column, once: its parts argue from afar
        del out[start:], codes[start:]
        window = _search(
            readings,
            absorbable,
            parents,
            settings,
            start,
            codes[-1] if codes else ROOT,
            settle=settle,
            lost_parts=lost_parts,
            oversized=oversized,
            openings=openings,
            new_groups=new_groups,
            max_level=max_level,
        )
        for choice in window:
            out.append(choice)
            codes.append(choice.code if choice.code is not None else codes[-1] if codes else ROOT)
        searched = len(out)
    return out


def _clean_step(
    prev: CriterionCode, token: CodeToken | None, may_absorb: bool, parent_above: bool, settings: CodeSettings
) -> CriterionCode | None:
    """The row's code when it reads exactly as the next step of the hierarchy after ``prev`` (its
    first child, the next sibling at some level, the next roman section) with nothing that could
    argue for another reading: no look-alike letters (a roman numeral is read as the section it
    names), not absorbable, not the next row of a parent row unless its child. Such a row is
    what the search would choose at no cost; None marks the row doubtful."""
    if token is None or may_absorb:
        return None
    if token.letter and prev == ROOT:
        return None  # an item is listed under a row: the search weighs the token as none
    if token.letter and not token.lookalikes:
        code = lettered(prev, token.letter)
    elif token.letter:
        return None  # a look-alike glyph read as the letter: the search weighs it
    elif token.components and not token.lookalikes:
        code = CriterionCode(prev.roman, token.components)  # digits read as printed, "1" too
    elif token.roman is not None:
        if token.roman_lookalikes or prev.roman == 0 and prev.path:
            return None
        code = CriterionCode(token.roman)
    else:
        return None
    if not _next_step(prev, code) or any(c > settings.max_component for c in code.path):
        return None
    if parent_above and not settings.clean_over_sums and not _is_child(code, prev):
        return None
    return code


def _clean_path(
    readings: list[CodeToken | None], absorbable: list[bool], parents: list[bool], settings: CodeSettings
) -> list[CodeChoice] | None:
    """The column as printed when every row reads cleanly (``_clean_step``); None otherwise."""
    out: list[CodeChoice] = []
    prev = ROOT
    for token, may_absorb, parent in zip(readings, absorbable, [False, *parents[:-1]], strict=True):
        code = _clean_step(prev, token, may_absorb, parent, settings)
        if code is None:
            return None
        out.append(CodeChoice(code, 0.0))
        prev = code
    return out


_CUT = _State(math.inf, None, CodeChoice(None))  # a path cut (``_beam_bound``): never kept
_UNSEEN = -1.0  # no transition costs less than nothing: marks a pair not yet weighed


def _search(
    readings: list[CodeToken | None],
    absorbable: list[bool],
    parents: list[bool],
    settings: CodeSettings,
    start: int = 0,
    start_code: CriterionCode = ROOT,
    settle: int | None = None,
    lost_parts: bool = False,
    oversized: list[bool] | None = None,
    openings: frozenset[int] = frozenset(),
    new_groups: list[bool] | None = None,
    max_level: int | None = None,
) -> list[CodeChoice]:
    """The best-path search over the column (see the module's docstring) from row ``start``, the
    row above it read as ``start_code``: the choices of the rows it covers. With ``settle`` (the
    doubtful row that opened the window) it stops once its best path has settled (``_settled``);
    without, it runs to the end of the column. ``lost_parts``: a row with no readable token may
    be the next part (``_prints_parts``), at the cost of an inferred section row."""
    beam: dict[CriterionCode, _State] = {start_code: _State(0.0, None, CodeChoice(start_code), start_code)}
    # ``transition_cost`` of each (previous code, code) pair, once: the beam holds the same codes
    # row after row, and the cost depends on the pair alone (most of the search's time before).
    steps: dict[CriterionCode, dict[CriterionCode, float | None]] = {}
    # Paths that cannot enter the next beam are cut before their token is weighed; sound when no
    # cost is negative (a reading then never makes a path cheaper than its step).
    prunable = settings.cut_dear_paths and all(v >= 0 for v in astuple(settings) if isinstance(v, float))
    for i in range(start, len(readings)):
        token = readings[i]
        ahead = _codes_ahead(readings[i + 1 : i + 1 + settings.lookahead])
        before_next = _sibling_before(readings[i + 1] if i + 1 < len(readings) else None, token)
        letters_ahead = any(r is not None and r.letter for r in readings[i + 1 : i + 1 + settings.lookahead])
        nxt: dict[CriterionCode, _State] = {}
        emits: dict[CriterionCode, float | None] = {}  # the row's token read as each code, once
        parent_above = i > 0 and parents[i - 1]
        # a row worth more than the row above is no child of it: a part's max is the sum of its
        # criteria's, so "1" (20) over "13" (10) and "2.." (10), then "Il." (25,5), is part I's
        # criteria 1 and 2 then part II, not 1, 1.1, 2 and 2.1 worth more than its parent
        too_big = oversized is not None and oversized[i]
        opens_group = new_groups is not None and new_groups[i]

        bound = math.inf  # no path costing more can enter the next beam (``_beam_bound``)
        for n, (prev, state) in enumerate(beam.items()):
            # A bound stays sound as offers come in (they only lower costs): renewed now and then.
            if prunable and n % 4 == 1 and len(nxt) >= settings.beam:
                bound = _beam_bound(nxt, settings.beam)
            prev_steps = steps.get(prev)
            if prev_steps is None:
                prev_steps = steps[prev] = {}
            # A dict, not a set: codes of equal cost keep the first one offered, and a set of codes
            # (hashed with their letter, a string) is ordered differently in every process.
            candidates = dict.fromkeys(_successors(prev))
            if token is not None and token.components:
                candidates[CriterionCode(prev.roman, token.components)] = None
            if token is not None and token.roman:
                candidates[CriterionCode(token.roman)] = None
            if token is not None and token.letter and prev != ROOT:  # (an item sits under a row)
                candidates[lettered(prev, token.letter)] = None
                if prev.path and not prev.letter and _printed_as(readings[i - 1] if i else None, prev):
                    # ... or, under a row printing its code, under that row's first child whose
                    # line was lost whole ("3" / [3.1 lost] / "a)" … "c)" / "3.2"): the sibling
                    # printed after the items says which. (A row with no code of its own above
                    # the items is that child, its code inferred: no row is lost.)
                    candidates[lettered(CriterionCode(prev.roman, prev.path + (1,)), token.letter)] = None
            if token is not None and token.digits:
                candidates.update(dict.fromkeys(_near_readings(prev)))
            for path in ahead:
                candidates[CriterionCode(prev.roman, path)] = None
            if before_next is not None:
                candidates[CriterionCode(prev.roman, before_next)] = None
            if letters_ahead and prev != ROOT:
                candidates[lettered(prev, item_letter(1))] = None  # a list of items opening on a garbled "a)"
            for code in candidates:
                if not code.path and (token is None or token.roman is None):
                    # (an item letter at the top of a column is a numeral's garble: "k." for I)
                    if not (
                        lost_parts and (_no_reading(token) or prev == ROOT and token is not None and bool(token.letter))
                    ):
                        continue  # a section row is guessed only where its numeral was lost
                step = prev_steps.get(code, _UNSEEN)
                if step is _UNSEEN:
                    # A component past ``max_component`` rules the code out, as no step reaches it.
                    # So does a level past ``max_level`` (a lettered item may sit one level under it).
                    too_far = (code.path and max(code.path) > settings.max_component) or (
                        max_level is not None and code.level > max_level + bool(code.letter)
                    )
                    step = prev_steps[code] = None if too_far else transition_cost(prev, code, settings)
                if step is None:
                    continue
                if parent_above and not _is_child(code, prev):
                    step += settings.parent_evidence
                if too_big and _is_child(code, prev):
                    step += settings.oversized_child
                if opens_group and prev.path and len(code.path) >= len(prev.path):
                    step += settings.stays_in_group  # its child or next sibling: the group it leaves
                if state.cost + step > bound:  # reading the token costs nothing or more
                    # The code keeps its place among the offers, as its path would have: equal
                    # costs are ranked by that place.
                    if code not in nxt:
                        nxt[code] = _CUT
                    continue
                emit = emits.get(code, _UNSEEN)
                if emit is _UNSEEN:
                    emit = emits[code] = match_cost(token, code, settings)
                inferred = emit is None or token is None
                if emit is None:
                    emit = settings.inferred
                if inferred and not code.path:
                    # a section row is printed, seldom guessed; guessed at all only where its
                    # numeral was lost (``lost_parts``)
                    if token is not None and token.roman is not None:
                        emit += settings.roman_mismatch
                    else:
                        emit += settings.restart_part if i in openings else settings.lost_part
                # ``_offer`` inlined, the row's choice built only for a path kept: most offers lose.
                cost = state.cost + step + emit
                kept = nxt.get(code)
                if kept is None or cost < kept.cost:
                    repaired = not inferred and emit > settings.lookalike
                    nxt[code] = _State(cost, state, CodeChoice(code, emit, inferred=inferred, repaired=repaired), code)
            if absorbable[i]:
                _offer(nxt, prev, state, state.cost + settings.absorb, CodeChoice(None, settings.absorb, absorbed=True))
        beam = dict(sorted(nxt.items(), key=lambda kv: kv[1].cost)[: settings.beam])
        if (
            settle is not None
            and i >= settle + settings.window
            and _settled(beam, readings, absorbable, parents, i, settings)
        ):
            break
    best = min(beam.values(), key=lambda s: s.cost)
    out: list[CodeChoice] = []
    node: _State | None = best
    while node is not None and node.back is not None:
        out.append(node.choice)
        node = node.back
    return out[::-1]


def _beam_bound(offers: dict[CriterionCode, _State], width: int) -> float:
    """The cost of the ``width``-th cheapest path offered so far: the next beam keeps ``width``
    paths cheapest first, so a path dearer than this one can never be among them (paths offered
    later only lower the costs already there). Equal costs are kept in the order offered, so a
    path costing exactly this much might still enter: only dearer ones are cut."""
    return sorted([s.cost for s in offers.values()])[width - 1]


def _settled(
    beam: dict[CriterionCode, _State],
    readings: list[CodeToken | None],
    absorbable: list[bool],
    parents: list[bool],
    row: int,
    settings: CodeSettings,
) -> bool:
    """The best path up to ``row`` read its last ``settings.window`` rows as printed, and the next
    ``settings.window`` rows read on cleanly from it: the search may stop here, the linear pass
    carrying on from its code."""
    node = min(beam.values(), key=lambda s: s.cost)
    code = node.code
    for k in range(row, row - settings.window, -1):
        back = node.back
        if back is None or node.choice.code is None:
            return False
        if node.choice.code != _clean_step(back.code, readings[k], absorbable[k], k > 0 and parents[k - 1], settings):
            return False
        node = back
    for k in range(row + 1, min(row + 1 + settings.window, len(readings))):
        step = _clean_step(code, readings[k], absorbable[k], parents[k - 1], settings)
        if step is None:
            return False
        code = step
    return True


def _offer(
    beam: dict[CriterionCode, _State], code: CriterionCode, state: _State, cost: float, choice: CodeChoice
) -> None:
    """Keep the cheaper of the beam's path to ``code`` and this one."""
    best = beam.get(code)
    if best is None or cost < best.cost:
        beam[code] = _State(cost, state, choice, code)


def _roman_doubt(readings: list[CodeToken | None]) -> bool:
    """Whether the column holds both a token of digits that may be a part's numeral ("1" for I)
    and a later part printed in strokes ("II", "H", "IV"; not a lone "l", which is as often a
    one): a part read as a digit near the top is then weighed against a part printed far below
    it, which no window of the search spans."""
    from_digits = any(r is not None and r.roman is not None and r.roman_from_digits for r in readings)
    return from_digits and any(
        r is not None and r.roman is not None and r.roman >= 2 and not r.roman_from_digits for r in readings
    )


def _prints_parts(readings: list[CodeToken | None]) -> bool:
    """Whether the column prints part numerals in strokes: a part past the first ("II", "H",
    "IV") or a plain "I" — not a digit read as strokes ("1", "11") nor a lone look-alike ("l",
    "|"), which are as often an arabic one. Such a document numbers its parts in roman."""
    return any(
        r is not None and r.roman is not None and not r.roman_from_digits and (r.roman >= 2 or not r.roman_lookalikes)
        for r in readings
    )


def _restart_openings(readings: list[CodeToken | None], parents: list[bool], items: bool = False) -> frozenset[int]:
    """Rows with no code just above a top-level "1." that restarts the numbering (a "2." or
    later printed above it), and then the row with no code above the column's first "1.": the
    headings of parts whose numerals OCR lost (``CodeSettings.restart_part``). The latter also,
    with ``items`` (``CodeSettings.items_mark_parts``), when the column lists items under
    top-level codes ("1." then "a)": items belong to parts' sections, never to a decimal
    numbering's 1.1) and the row's points are the sum of the rows below it (``parents``: a
    heading over them, not a title line or a stray). Empty when nothing says the column has
    parts."""
    out: set[int] = set()
    first: int | None = None
    later = False
    for i, reading in enumerate(readings):
        if reading is None or not reading.components or len(reading.components) != 1 or reading.letter:
            continue
        if reading.components[0] >= 2:
            later = True
        elif first is None:
            first = i
        elif later and _no_reading(readings[i - 1]):
            out.add(i - 1)
    if first is None or first == 0 or not _no_reading(readings[first - 1]):
        return frozenset(out)
    if out or items and parents[first - 1] and _items_under_sections(readings):
        out.add(first - 1)
    return frozenset(out)


def _items_under_sections(readings: list[CodeToken | None]) -> bool:
    """Whether an item letter follows a top-level code directly ("2." then "a)")."""
    return any(
        above is not None
        and above.components is not None
        and len(above.components) == 1
        and below is not None
        and bool(below.letter)
        for above, below in zip(readings, readings[1:])
    )


def _printed_as(token: CodeToken | None, code: CriterionCode) -> bool:
    """Whether a row's token prints ``code`` itself, read as it stands."""
    return token is not None and not token.letter and token.components == code.path and code.roman == 0


def _no_reading(token: CodeToken | None) -> bool:
    """The row's token gives no code of its own (none printed, or not one of a code's shapes):
    what its code is comes from the column alone."""
    return token is None or (token.roman is None and not token.components and not token.letter)


def _sibling_before(below: CodeToken | None, token: CodeToken | None) -> tuple[int, ...] | None:
    """The code just before the one the next row prints ("3.1" over a printed "3.2"), offered to
    a row printing digits that read as no code in reach: a table's first row, or one after a
    page break, has no row above to follow ("341" for 3.1 at the head of a column, where only
    the next code's ancestors, "3", and the root's children were offered, so that "3.1" was
    inferred as "2" and the column's numbering taken to start at "3.2"). What its digits
    print is then weighed by ``match_cost`` as any reading's is; None when the next row prints
    no plain code, or prints a first child (it has no sibling before it), or when the row's digits
    do not print the sibling's in order (OCR adds a digit for a dot or a speck, it does not change
    every one: "22" over "3.2" is 2.2 with 3.1 lost between, not 3.1)."""
    if token is None or not token.digits or below is None or below.letter or not below.components:
        return None
    *base, last = below.components
    if last <= 1:
        return None
    sibling = (*base, last - 1)
    return sibling if _prints_in_order("".join(map(str, sibling)), token.digits) else None


def _prints_in_order(wanted: str, digits: str) -> bool:
    """Whether ``digits`` holds every digit of ``wanted`` in order, others between ("31" in "341")."""
    rest = iter(digits)
    return all(d in rest for d in wanted)


def _codes_ahead(below: list[CodeToken | None]) -> set[tuple[int, ...]]:
    """The ancestors of the readable codes of the rows ``below`` a row: the codes a row with no
    readable token may have when the rows below it read well."""
    paths: set[tuple[int, ...]] = set()
    for reading in below:
        if reading is not None and reading.components:
            paths.update(reading.components[:k] for k in range(1, len(reading.components)))
    return paths


def children_of(parents: list[int | None]) -> dict[int, list[int]]:
    """Each row's children by index, from each row's parent index (None at the top): the one
    tree walk the line readers and the reconcilers share."""
    kids: dict[int, list[int]] = {}
    for i, p in enumerate(parents):
        if p is not None:
            kids.setdefault(p, []).append(i)
    return kids


def parent_rows(max_points: list[float | None], tolerance: float = 1e-6) -> list[bool]:
    """Rows whose max points equal the sum of the max points of the rows below them, taken as
    whole subtrees (a parent found lower down stands for its children): ``True`` for a row
    that heads two or more such rows. Numbers are checked bottom-up so that every parent knows
    the extent of the parents below it."""
    n = len(max_points)
    end = list(range(n))  # last row of each row's subtree
    out = [False] * n
    for i in range(n - 1, -1, -1):
        target = max_points[i]
        if target is None or target <= 0:
            continue
        total, k, children = 0.0, i + 1, 0
        while k < n and total < target - tolerance and (value := max_points[k]) is not None:
            total += value
            children += 1
            k = end[k] + 1
        if children >= 2 and abs(total - target) <= tolerance:
            out[i] = True
            end[i] = k - 1
    return out


def oversized_rows(maxima: list[tuple[float, float] | None]) -> list[bool]:
    """Rows whose max points exceed the max of the row above them whatever OCR did to either
    (``maxima``: each row's lowest and highest reading of its max, None when it printed none):
    a child is never worth more than its parent, so such a row is not the child of the one
    above."""
    out = [False] * len(maxima)
    for i in range(1, len(maxima)):
        above, row = maxima[i - 1], maxima[i]
        out[i] = above is not None and row is not None and row[0] > above[1] + 1e-6
    return out


@lru_cache(maxsize=1 << 14)
def _near_readings(prev: CriterionCode) -> tuple[CriterionCode, ...]:
    """Codes under the previous row's ancestors whose digits may differ from a token's by one
    (a lost leading digit, "11" for 3.1; a wrong last digit, "540" for 5.4.2); kept, as the
    search expands the same codes row after row."""
    out = []
    for depth in range(0, len(prev.path) + 1):
        base = prev.path[:depth]
        for last in range(1, 10):
            out.append(CriterionCode(prev.roman, base + (last,)))
    return tuple(out)
