"""Narrative scores: a group's stated points against its criteria's (group_statement)."""

from __future__ import annotations

from functools import partial

import regex as re

from cchc_extract.reconcile.core import _compare_sum, _Ledger, _sum_tolerance, _vn
from cchc_extract.reconcile.hierarchy import norm_code
from cchc_extract.reconcile.misread import Cell, explain, other_readings, sum_holds
from cchc_extract.reconcile.settings import ReconcileSettings
from schemas.records import ReviewItem, ScoreStatement

# The field under which ``_Ledger.confirmed`` holds a narrative score statement its group's sums
# vouch for (``queue`` leaves its reading's doubt out of the review).
STATED_POINTS = "points"


def _criterion_number(code: str | None) -> tuple[str, int] | None:
    m = re.fullmatch(r"(\d+)\.(\d+)", norm_code(code) or "")
    return (m[1], int(m[2])) if m else None


def group_criteria(statements: list[ScoreStatement]) -> dict[int, list[int]]:
    """Criterion statements of each group statement: a group coded with a field's number ("3")
    takes the criteria whose code it prefixes (3.1, 3.2 …) wherever they stand; else by their
    ``group`` label, else those that follow the group statement up to the next group."""

    def label(text: str | None) -> str:
        return (text or "").strip(" )").lower()

    groups: dict[int, list[int]] = {i: [] for i, st in enumerate(statements) if st.kind == "group"}
    for i, st in enumerate(statements):
        if st.kind == "group":
            continue
        above = [g for g in groups if g < i]
        head = (norm_code(st.code) or "").split(".")[0]
        by_prefix = [g for g in groups if head and label(statements[g].code) == head]
        if by_prefix:
            # the field stated nearest before the criterion (or, listed after its criteria, after)
            groups[([g for g in by_prefix if g < i] or by_prefix)[-1]].append(i)
            continue
        # The nearest group above with the criterion's label (labels can repeat when OCR or
        # repair garbles "b)"), else simply the nearest group above.
        named = [g for g in above if st.group and label(statements[g].code) == label(st.group)]
        if named or above:
            groups[(named or above)[-1]].append(i)
    return groups


def _check_group_statements(
    statements: list[ScoreStatement], ledger: _Ledger, s: ReconcileSettings, ocr: bool = False
) -> None:
    """A group's stated points against its criteria's. Checked only when the group's criteria are
    all listed: their codes share one prefix and run 1..k without a gap, and their maxima add up
    to at least the group's maximum (criteria left out could only make the sum short, so a
    shortfall means an incomplete list, not an error). On OCR'd text a failed sum that one reading
    restores is ``misread``, and so is one a criterion's figure breaks alone by standing above
    its group's stated figure."""
    for gi, members in group_criteria(statements).items():
        group = statements[gi]
        crit = [statements[i] for i in members]
        if not crit or group.max_points is None:
            continue
        numbers = [n for c in crit if (n := _criterion_number(c.code)) is not None]
        prefixes = {n[0] for n in numbers}
        if (
            len(numbers) < len(crit)
            or len(prefixes) != 1
            or sorted(n[1] for n in numbers) != list(range(1, len(crit) + 1))
        ):
            continue
        maxima = [m for c in crit if (m := c.max_points) is not None]
        if len(maxima) < len(crit) or sum(maxima) < group.max_points - s.points_tolerance:
            continue
        label = f"group {group.code or ''}".strip()
        ref = ReviewItem(
            item=f"/score_statements/{gi}",
            field=None,
            code=group.code,
            page=group.source.page,
            raw=group.text[:200] or None,
            confidence=group.confidence,
        )
        held: list[str] = []
        for field_, stated, parts in (
            ("max_points", group.max_points, maxima),
            ("points", group.points, [c.points for c in crit]),
        ):
            if stated is None or any(p is None for p in parts):
                continue
            tol = _sum_tolerance(stated, s.points_tolerance, s.relative_tolerance)
            status, expected = _compare_sum(stated, parts, tol)
            what = "maximum" if field_ == "max_points" else "points"
            first, last = (f"{numbers[0][0]}.{k}" for k in (1, len(crit)))
            codes = f"{first}–{last}"
            own = ReviewItem(**{**ref.__dict__, "field": field_, "value": stated})
            found: list[tuple[Cell, float]] = []
            over: list[ReviewItem] = []
            if status == "mismatch" and ocr:
                refs = [own] + [
                    ReviewItem(
                        item=f"/score_statements/{k}",
                        field=field_,
                        code=statements[k].code,
                        page=statements[k].source.page,
                        raw=statements[k].text[:200] or None,
                        value=v,
                        confidence=statements[k].confidence,
                    )
                    for k, v in zip(members, parts, strict=True)
                ]
                cells = [
                    Cell(r, v, tuple(other_readings(_vn(v), v, s, ocr=True)))
                    for r, v in zip(refs, [stated, *parts], strict=True)
                ]
                found = explain(cells, partial(sum_holds, tol, []))
                # a criterion's figure alone above its group's ("15/125" read for 1,5/1,5 under a
                # group of 4): no commune's criterion outweighs its field, the figure is ours
                over = [r for r, v in zip(refs[1:], parts, strict=True) if v is not None and v > stated + tol]
            ledger.check(
                "group_statement",
                f"/score_statements/{gi}",
                table=None,
                code=group.code,
                field_=field_,
                expected=expected,
                actual=stated,
                tolerance=tol,
                status=status,
                message=f"{label}: states {what} {_vn(stated)}, its criteria {codes} add up to {_vn(expected)}"
                + ("" if found or not over else f"; {', '.join(r.code or r.item for r in over)} alone above it"),
                rows=(own,),
                misread=[(c.ref, r) for c, r in found],
                doubted=() if found else tuple(over),
            )
            if status == "ok":
                held.append(field_)
        if held == ["max_points", "points"]:
            # The group's points and maximum each what its criteria's add up to: every statement
            # of the group is vouched for by arithmetic, as a score row whose sums hold is (two
            # misreadings seldom make one sum hold twice), so its own reading's doubt asks nothing.
            ledger.confirmed |= {(f"/score_statements/{k}", STATED_POINTS) for k in (gi, *members)}
