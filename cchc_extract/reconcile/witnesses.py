"""Second witnesses to a reading of ours, on OCR'd score tables: another printed figure that says
which number the page holds where a relation fails, so that the failure is a misreading (ours,
queued) and not the commune's fault.

* ``over_max_reading``: a score read above its row's maximum, when the part's own sum (or the
  row's other score) asks for a figure one character away from the one read, within the
  maximum ("3" read "5" under a maximum of 3, the part adding up with 3); or a whole figure one
  glyph from a whole maximum that no figure of the page vouches for; or a figure with a whole
  digit more than its maximum has ("21,25" under 2) that one digit taken out puts within it, the
  one such reading (``added_glyph_readings``: a speck or a rule OCR read as a digit). A commune's score above its
  maximum keeps its part's sum (the points came from a sibling), so its sum asks for the very
  figure read, and it is a fraction over the maximum, not a glyph off it.
* ``other_column_total``: a table's stated total of a score that is the total of another points
  column of its top rows and not its own: the total row lost a figure and those it printed moved
  a column ("10 8,5 8,25" read "10955 8,25": the appraised total taken for the self's);
  ``shifted_total_row``: a total row whose every figure, its maximum's too, is the total of the
  column after its own (its first figure lost, the others moved left).
* ``named_max_reading``: a maximum read otherwise than the row's own name states it in a bracket
  ("… (tối đa 10 điểm, tự chấm 6" wrapped before "điểm)": the line's last figure, the self score,
  taken for the maximum): the name's figure is a reading of the cell.
* ``spoilt_lines``: rows whose printed maximum is shown misread (the criteria set's figure for
  the code, which its children's maxima add up to, or which the row's own score needs): the
  other figures of that line are as unsure as the one OCR spoilt ("2 4,25 3,5" for "5 4,25 3,75").
"""

from __future__ import annotations

import re

from cchc_extract.reconcile.hierarchy import effective, norm_code
from extract.segment.max_in_name import stated_maximum
from normalize.numbers import format_vn
from schemas.records import ScoreRow

_SCORES = ("self_points", "appraised_points")
_COLUMNS = ("max_points", *_SCORES)


def one_glyph_apart(raw: str | None, value: float) -> bool:
    """Whether ``value`` written as the page writes it differs from the characters read in one
    character of the same count (a glyph OCR took for another), not in a mark or a digit lost."""
    text, other = (raw or "").strip(), format_vn(value)
    return len(text) == len(other) and sum(a != b for a, b in zip(text, other)) == 1


def added_glyph_readings(raw: str | None, top: float, tol: float) -> list[float]:
    """The figures ``raw`` makes with one digit of its whole part taken out, within ``top`` (0 to
    the maximum), when that whole part has more digits than the maximum's: OCR read a speck or a
    rule beside the figure as a digit ("21,25" for 1,25 under a maximum of 2). A commune's score
    over its maximum is a quarter or a half over it (points moved from a sibling), never a digit
    place more, so a figure with its digits no more than the maximum's gives none."""
    text = (raw or "").strip()
    m = re.fullmatch(r"(\d+)(?:[.,](\d+))?", text)
    if m is None or len(m.group(1)) <= len(str(int(top))):
        return []
    whole, decimals = m.group(1), m.group(2) or ""
    out: list[float] = []
    for k in range(len(whole)):
        rest = whole[:k] + whole[k + 1 :]
        value = float(f"{rest}.{decimals}" if decimals else rest)
        if -tol <= value <= top + tol and value not in out:
            out.append(value)
    return out


def _part_asks(rows: list[ScoreRow], parents: list[int | None], kids: dict[int, list[int]], i: int, f: str):
    """The figure row i's parent's sum of ``f`` asks of row i (the parent's less its siblings'),
    None when the parent or a sibling was not read. A sibling printed without the figure counts
    its own parts' sum, as the parent's sum check counts it (``hierarchy.effective``): a group
    whose subtotal OCR lost still says what it adds (a dump's 3.2, its 7,75 lost, over 5 + 1,25
    + 1,5)."""
    p = parents[i]
    if p is None or getattr(rows[p], f) is None:
        return None
    others = [effective(rows, kids, c, f) for c in kids.get(p, []) if c != i]
    known = [v for v in others if v is not None]
    if len(known) < len(others):
        return None
    return getattr(rows[p], f) - sum(known)


def over_max_reading(
    rows: list[ScoreRow],
    parents: list[int | None],
    i: int,
    tol: float,
    kids: dict[int, list[int]],
    f: str = "self_points",
    set_max: float | None = None,
) -> float | None:
    """The score ``f`` (self or appraised) row i's page holds, when the one read exceeds the row's
    maximum and a second witness names a figure one glyph from it within the maximum: the part's
    sum, which fails as read and holds with that figure, or the row's other score; or, both whole
    figures one glyph apart, the maximum itself when the criteria set prints it (``set_max``: the
    maximum read right, so the score is the figure in doubt) and no figure vouches for the one
    read. None otherwise."""
    row = rows[i]
    value, top = getattr(row, f), row.max_points
    if f not in _SCORES or value is None or top is None or value <= top + tol:
        return None
    asked = _part_asks(rows, parents, kids, i, f)
    witnesses = []
    if asked is not None and abs(asked - value) > tol:
        witnesses.append(asked)
    other = getattr(row, _SCORES[f == _SCORES[0]])
    if other is not None:
        witnesses.append(other)
    raw = (getattr(row, f"{f}_raw") or "").strip()
    for r in witnesses:
        if -tol <= r <= top + tol and one_glyph_apart(raw, r):
            return r
    vouched = (asked is not None and abs(asked - value) <= tol) or (other is not None and abs(other - value) <= tol)
    added = added_glyph_readings(raw, top, tol)
    asked_of = [r for r in added if any(abs(r - w) <= tol for w in witnesses)]
    if not vouched and (len(asked_of) == 1 or len(added) == 1):
        # the one reading a second figure of the page asks for, else the one within the maximum
        return (asked_of or added)[0]
    # Full marks read one glyph off ("3" read "5" under 3), whole figures both: a commune's score
    # over its maximum is a fraction over it (a quarter, a half moved from a sibling), never a
    # glyph of a whole figure. Only under a maximum the criteria set prints (else the maximum may
    # be the figure misread), and unless a figure of the page vouches for the one read: the
    # part's sum holding with it, or the row's other score reading it too.
    set_says = set_max is not None and abs(set_max - top) <= tol
    if set_says and raw.isdigit() and float(top).is_integer() and one_glyph_apart(raw, top) and not vouched:
        return top
    return None


def other_column_total(stated: float, expected: float | None, field_: str, totals: dict[str, float | None], tol: float):
    """The reading of a stated score total (``field_``) its rows give (``expected``), when the
    stated figure is the top rows' total of another points column (``totals``: column → sum, None
    when a row lost it) and not its own. None otherwise."""
    if field_ not in _SCORES or expected is None or abs(stated - expected) <= tol:
        return None
    for other in _COLUMNS:
        total = totals.get(other)
        if other != field_ and total is not None and abs(total - expected) > tol and abs(total - stated) <= tol:
            return expected
    return None


def shifted_total_row(stated: dict[str, float | None], totals: dict[str, float | None], tol: float) -> bool:
    """Whether a total row's figures (``stated``: column → figure read, None when none was) are
    each the top rows' total of the column after its own, the maximum's too, and not all their
    own: the row lost its first figure and the others moved a column left ("Tổng cộng š|5 10: 9
    8,5" read 9 and 8,5 for a maximum of 10 and a self score of 9). One figure a column off may be
    chance, or a commune's wrong total; every figure of the row a column off is the reading's."""
    after = dict(zip(_COLUMNS, _COLUMNS[1:]))
    read = {c: v for c, v in stated.items() if c in after and v is not None}
    if len(read) < 2 or _COLUMNS[0] not in read:
        return False
    moved = all((t := totals.get(after[c])) is not None and abs(v - t) <= tol for c, v in read.items())
    return moved and any((t := totals.get(c)) is None or abs(v - t) > tol for c, v in read.items())


def spoilt_lines(
    members: list[int], rows: list[ScoreRow], kids: dict[int, list[int]], maxima: dict[str, float], tol: float
) -> list[int]:
    """The members whose printed maximum differs from the criteria set's for their code while a
    second figure of the page vouches for the set's: their children's maxima, all read, add up to
    it, or a score of the row exceeds the maximum read and not the set's."""
    out = []
    for k in members:
        row = rows[k]
        expected = maxima.get(norm_code(row.code) or "")
        if expected is None or row.max_points is None or abs(row.max_points - expected) <= tol:
            continue
        children = [rows[c].max_points for c in kids.get(k, [])]
        by_children = bool(children) and all(v is not None for v in children)
        by_children = by_children and abs(sum(v or 0.0 for v in children) - expected) <= tol
        scores = [getattr(row, f) for f in _SCORES if getattr(row, f) is not None]
        by_score = any(row.max_points + tol < v <= expected + tol for v in scores)
        if by_children or by_score:
            out.append(k)
    return out


def named_max_reading(row: ScoreRow) -> float | None:
    """The maximum the row's name states ("… (tối đa 10 điểm, tự chấm 6 điểm)") where the maximum
    read differs from it: a second figure of the page for that cell. A field heading wrapped
    after its self score left the score at the line's end, read as the maximum, and its name
    kept the maximum's words (seed 18001's D29 dump: 5's maximum 10 read 6, a false fault)."""
    named = stated_maximum(row.name_raw or row.name or "")
    if named is None or row.max_points is None or abs(named - row.max_points) < 0.011:
        return None
    return named
