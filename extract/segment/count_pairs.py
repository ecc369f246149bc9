"""Two counts broken down in one breakdown.

A count stated in two units at once and broken down in both: "tiếp 191 lượt với 257 công dân,
trong đó: tiếp thường xuyên 177 lượt, 194 người; tiếp định kỳ 14 lượt, 63 người" ("340 lượt với
375 người. Trong đó, … 211 lượt/215 người, … 129 lượt/160 người"). Each part names a figure in
each unit, so the breakdown is two: the figures in the first total's unit are its parts, the others
the second's (177 + 14 = 191, 194 + 63 = 257). Summed against one total they were a false mismatch
(177 + 194 against 257).

Two counts joined by "và" and broken down after one opener, in turn: "đã giải quyết 274 đơn khiếu
nại và 105 đơn tố cáo; trong đó có 11 đơn khiếu nại đúng, …; có 9 đơn tố cáo đúng, …". Each
';'-group names its own count, so each count takes its group (``joined_groups``); otherwise the
breakdown is doubted, never summed against the last count alone."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from extract.segment.count_words import NOT_COUNT_UNITS, is_tok, opener_at, unit_at
from extract.segment.narrative import shadow


class CountReader(Protocol):
    reach: int

    def real(self, a: int, b: int) -> str: ...

    def is_count(self, nodes: list, i: int) -> bool: ...


class _Labelled(Protocol):
    label: str
    unit_text: str
    opens_clause: bool


P = TypeVar("P", bound=_Labelled)


@dataclass(frozen=True)
class PairedFigure:
    value_at: int  # index of the figure's node in the sentence
    label_from: int  # index where the words naming it start (its item's first word), or value_at
    first_unit: bool  # counted in the first total's unit


def paired_before(sent: list, i: int, is_count: Callable[[list, int], bool]) -> tuple[int, str] | None:
    """(index, unit) of the count joined to the one at i by "với" in a listed unit of its own
    ("191 lượt với 257 …"), None when there is none."""
    if i < 3 or not is_tok(sent[i - 1], "word", "voi"):
        return None
    for k in range(i - 2, max(-1, i - 5), -1):
        if is_count(sent, k):
            unit, span = unit_at(sent, k + 1)
            return (k, unit) if unit is not None and k + 1 + span == i - 1 else None
    return None


def paired_opener(sent: list, i: int, span: int) -> int | None:
    """Index of the opener right after the second total and its unit's words, past a comma."""
    k = i + 1 + span
    while k < len(sent) and (is_tok(sent[k], "word") or is_tok(sent[k], "sep", ",")) and not opener_at(sent, k):
        if sent[k].text == "va":
            return None
        k += 1
    return k if k < len(sent) and opener_at(sent, k) else None


def paired_figures(
    sent: list, start: int, first_unit: str, is_count: Callable[[list, int], bool]
) -> list[PairedFigure] | None:
    """The figures of a breakdown from ``start`` to the sentence's end, each marked by whether it
    counts in the first total's unit; None when one names no listed unit (it cannot be told whose
    it is) or a node other than words, figures and separators comes (a bracket, a rate)."""
    out: list[PairedFigure] = []
    label_from: int | None = None
    pair_done = False  # a figure in the second unit read: the next separator ends the part
    for m in range(start, len(sent)):
        node = sent[m]
        if is_tok(node, "sep", ";") or (is_tok(node, "sep") and pair_done):
            label_from, pair_done = None, False
            continue
        if is_tok(node, "word"):
            if label_from is None and not opener_at(sent, m):
                label_from = m
            continue
        if is_tok(node, "sep"):
            continue
        if not is_count(sent, m):
            return None
        unit, _span = unit_at(sent, m + 1)
        if unit is None:
            return None
        out.append(PairedFigure(m, label_from if label_from is not None else m, unit == first_unit))
        pair_done = unit != first_unit
    return out


def split_pairs(figures: list[PairedFigure]) -> tuple[list[PairedFigure], list[PairedFigure]] | None:
    """The figures of each total, when every part names one figure in each unit, the first's
    first: as many in one unit as in the other, alternating; None otherwise."""
    firsts = [f for f in figures if f.first_unit]
    seconds = [f for f in figures if not f.first_unit]
    if len(firsts) < 2 or len(firsts) != len(seconds):
        return None
    if any(not a.first_unit or b.first_unit for a, b in zip(figures[::2], figures[1::2], strict=True)):
        return None
    return firsts, seconds


def total_unit(reader: CountReader, nodes: list, i: int) -> tuple[str | None, str, int] | None:
    """(canonical unit, its text, tokens spanned) of the count at i; None when no noun follows
    or it measures time, points or money. An unlisted noun is the unit for up to two words."""
    unit, span = unit_at(nodes, i + 1)
    if not span:
        words = []
        for k in range(i + 1, min(i + 3, len(nodes))):
            if not is_tok(nodes[k], "word") or opener_at(nodes, k) or nodes[k].text == "va":
                break
            words.append(nodes[k])
        if not words or words[0].text in NOT_COUNT_UNITS:
            return None
        span = len(words)
    return unit, reader.real(nodes[i + 1].start, nodes[i + span].end), span


def one_total(reader: CountReader, sent: list) -> bool:
    """Whether a sentence states one count, or one in two units ("340 lượt với 375 người"), for a
    "Trong đó" opening the next sentence to break down."""
    counts = [m for m in range(len(sent)) if reader.is_count(sent, m)]
    return len(counts) == 1 or (len(counts) == 2 and paired_before(sent, counts[1], reader.is_count) is not None)


def joined_before(reader: CountReader, sent: list, i: int, unit: str | None, last: int) -> int | None:
    """Index of the count joined by "và" before the one at sent[i] in one clause, in its unit, when
    its breakdown was read after an opener: "đã giải quyết 274 đơn khiếu nại và 105 đơn tố cáo;
    trong đó có 11 …, 179 …; có 9 …, 70 …" breaks down both counts (its parts make 379), so summing
    them against the last alone was a false mismatch. A bracket right after the count is its own."""
    if i < 2 or not is_tok(sent[i - 1], "word", "va"):
        return None
    if not any(opener_at(sent, m) for m in range(i + 1, min(last + 1, len(sent)))):
        return None
    for k in range(i - 2, max(-1, i - 2 - reader.reach), -1):
        if is_tok(sent[k], "sep", ";") or opener_at(sent, k):
            return None
        if reader.is_count(sent, k):
            before = total_unit(reader, sent, k)
            return k if before is not None and unit is not None and before[0] == unit else None
    return None


def count_name(reader: CountReader, sent: list, k: int) -> str:
    """The words naming the count at k after its unit, up to "và" or a separator ("274 đơn khiếu
    nại và …" → "khieu nai"), accent-free."""
    got = total_unit(reader, sent, k)
    words = []
    for node in sent[k + 1 + (got[2] if got else 0) :]:
        if not is_tok(node, "word") or node.text == "va" or opener_at([node], 0):
            break
        words.append(node.text)
    return " ".join(words)


def joined_groups(reader: CountReader, sent: list, k: int, i: int, parts: list[P]) -> tuple[list[P], list[P]] | None:
    """The parts of two counts joined by "và" as two ';'-groups, the first's first, when each group
    names its own count and not the other ("274 đơn khiếu nại và 105 đơn tố cáo; trong đó có 11 đơn
    khiếu nại đúng, …; có 9 đơn tố cáo đúng, …"); None otherwise (the breakdown is then doubted)."""
    cuts = [n for n, p in enumerate(parts) if p.opens_clause and n > 0]
    first_name, second_name = count_name(reader, sent, k), count_name(reader, sent, i)
    if len(cuts) != 1 or not first_name or not second_name or first_name == second_name:
        return None
    first, second = parts[: cuts[0]], parts[cuts[0] :]

    def names(group: list[P], own: str, other: str) -> bool:
        labels = [shadow(f"{p.unit_text} {p.label}") for p in group]
        return any(own in label for label in labels) and not any(other in label for label in labels)

    if names(first, first_name, second_name) and names(second, second_name, first_name):
        return first, second
    return None
