"""A criterion statement whose code OCR read without its dot ("TC 15" for "TC 1.5").

A narrative report lists its criteria's scores in order under their field ("Tiêu chí 1.4 …",
"Tiêu chí 1.5 …", "Tiêu chí 1.6 …"). A scan's faint dot is lost as often as a comma is, and the
statement then stands under a code no criterion has ("15"): its field's sum is left unchecked
(its criteria no longer run 1..k) and the statement is lost without a word. The code is put back
when the criteria printed beside it say which it is: its digits are the field's number followed
by the number the neighbour above's code is one under (or the neighbour below's one over), no
neighbour says otherwise, and the document states no criterion under that code already. The
field's stated points then check the criterion with its siblings (``reconcile.statements``), so
a code put wrong is not let through silently: the sum fails and goes to review.
"""

from __future__ import annotations

from dataclasses import replace

import regex as re

from schemas.records import ScoreStatement

_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})")
_UNDOTTED = re.compile(r"\d{2,4}")


def _dotted(code: str | None) -> tuple[str, int] | None:
    m = _DOTTED.fullmatch((code or "").replace(" ", ""))
    return (m[1], int(m[2])) if m else None


def _neighbour(statements: list[ScoreStatement], k: int, step: int) -> ScoreStatement | None:
    """The nearest criterion statement above (step -1) or below (+1), stopping at a group's."""
    j = k + step
    while 0 <= j < len(statements):
        if statements[j].kind != "criterion":
            return None
        if statements[j].code:
            return statements[j]
        j += step
    return None


def restored_code(statements: list[ScoreStatement], k: int) -> str | None:
    """The dotted code of criterion statement ``k`` read without its dot, None when its
    neighbours do not say it (or it has its dot, or another statement has that code)."""
    st = statements[k]
    code = (st.code or "").replace(" ", "")
    if st.kind != "criterion" or not _UNDOTTED.fullmatch(code):
        return None
    guesses = set()
    agreeing = 0
    for step in (-1, 1):
        other = _neighbour(statements, k, step)
        if other is None:
            continue
        dotted = _dotted(other.code)
        if dotted is None:
            return None  # an undotted neighbour: a list numbered without fields, or two lost dots
        field, number = dotted
        guess = f"{field}.{number - step}"
        if code != f"{field}{number - step}":
            return None  # the neighbour says another code: no sequence to rely on
        guesses.add(guess)
        agreeing += 1
    if agreeing == 0 or len(guesses) != 1:
        return None
    guess = guesses.pop()
    taken = {(s.code or "").replace(" ", "") for s in statements if s.kind == "criterion"}
    return None if guess in taken else guess


def restore_lost_dots(statements: list[ScoreStatement]) -> list[ScoreStatement]:
    """The statements with each criterion code read without its dot put back (``restored_code``);
    a statement whose group was taken from its undotted code ("15") sits under its field again."""
    out = []
    for k, st in enumerate(statements):
        code = restored_code(statements, k)
        if code is None:
            out.append(st)
            continue
        field = code.split(".")[0]
        group = field if st.group == (st.code or "").replace(" ", "") else st.group
        out.append(replace(st, code=code, group=group))
    return out
