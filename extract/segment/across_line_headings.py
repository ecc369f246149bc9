"""Which coded labels of an annex turned over print no figure (``stat_across_lines``; issues 11, 16).

A group's heading ("3. Kết quả giải quyết hồ sơ", over 3.1 and 3.2) has a blank cell in the
commune's total row; a dump drops the blank, so the row prints fewer figures than the header
prints codes and the figures no longer say their columns. Only a code whose next label is its
child can be such a heading; among the ways of leaving that many of them blank, the one under
which the most groups add up (a count parent equal to the sum of its count children, shares left
out) is taken, when it is the only one that good and at least one group adds up. Else the row
stays unread (told, as before)."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from normalize.lazy_regex import lazy_compile
from normalize.numbers import parse_number
from normalize.text import fold


@dataclass(frozen=True)
class HeadingSettings:
    # Blank headings guessed at most: more leaves too many ways for the sums to tell apart.
    max_blank: int = 2
    # How far a parent's figure may be from its children's sum and still add up (figures are
    # printed to two decimals at most).
    tolerance: float = 0.005


# A share's label ("Tỷ lệ hoàn thành", OCR "Ty 1é"): its figure is no part of its parent's sum.
_SHARE_LABEL = lazy_compile(r"\bty\s*[l1i]e\b|%")


def blank_headings(
    codes: list[str],
    labels: list[str],
    figures: list[str],
    units: list[str] | None,
    settings: HeadingSettings = HeadingSettings(),
) -> frozenset[int] | None:
    """The places (in ``codes``) of the headings left blank so that ``figures`` fall under the
    other codes in print order; the empty set when there are as many figures as codes; None
    when no choice stands out (module docstring). ``units`` are the units' line's, one per
    figure or one per code, or None."""
    blank = len(codes) - len(figures)
    if blank == 0:
        return frozenset()
    if blank < 0 or blank > settings.max_blank:
        return None
    parents = [i for i in range(len(codes) - 1) if _parent(codes[i + 1]) == codes[i]]
    values = [n.value if (n := parse_number(f, kind="auto", ocr=True)) else None for f in figures]
    scored = []
    for chosen in combinations(parents, blank):
        filled = [i for i in range(len(codes)) if i not in chosen]
        value = dict(zip(filled, values))
        shares = _shares(labels, units, filled)
        scored.append((_groups_adding_up(codes, value, shares, settings), frozenset(chosen)))
    if not scored:
        return None
    scored.sort(key=lambda s: -s[0])
    best = scored[0][0]
    if best < 1 or (len(scored) > 1 and scored[1][0] == best):
        return None
    return scored[0][1]


def _parent(code: str) -> str:
    return code.rpartition(".")[0]


def _shares(labels: list[str], units: list[str] | None, filled: list[int]) -> set[int]:
    """The places whose figure is a share: its unit "%" (units one per figure or one per code),
    or its label a share's."""
    out = {i for i, label in enumerate(labels) if _SHARE_LABEL.search(fold(label))}
    if units is not None:
        places = filled if len(units) == len(filled) else range(len(labels)) if len(units) == len(labels) else []
        out |= {i for i, unit in zip(places, units) if "%" in unit}
    return out


def _groups_adding_up(
    codes: list[str], value: dict[int, float | None], shares: set[int], settings: HeadingSettings
) -> int:
    """Groups whose count parent equals its count children's sum, less those that do not."""
    score = 0
    for i, code in enumerate(codes):
        whole = value.get(i)
        if whole is None or i in shares:
            continue
        parts = [value.get(j) for j, c in enumerate(codes) if _parent(c) == code and j not in shares]
        if len(parts) < 2 or any(p is None for p in parts):
            continue
        score += 1 if abs(whole - sum(p for p in parts if p is not None)) <= settings.tolerance else -1
    return score
