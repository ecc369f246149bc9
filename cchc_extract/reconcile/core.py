"""The ledger every check writes to, and the arithmetic the checks share."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import regex as re

from normalize.numbers import format_vn
from normalize.text import fold, strip_markup
from schemas.records import REASONS_SEPARATOR, Check, ReviewItem, reasons_of

_EPS = 1e-9
# The checks that add figures up: a reading that explains one of them is arithmetic's, not a guess.
SUM_KINDS = frozenset({"sum_children", "sum_self", "sum_appraised", "stated_total"})


# What a sum check told as ``misread`` says when no reading explains it, only members read
# unsurely (coverage tells such a check apart from one a misreading explains).
UNSURE_ROWS = "; a row of it was read unsurely: "


@dataclass
class _Ledger:
    checks: list[Check] = field(default_factory=list)
    review: list[ReviewItem] = field(default_factory=list)
    # The characters came from our OCR of the page, which scores each word (``misread.scanned``):
    # a cell it read surely is what the page prints (every misreading seen on the scans and photos
    # had a word confidence of 0.55 or less), and a cell it doubted is flagged so (a ``doubted``
    # member). A failed relation among sure cells is then one fault of the document, queued once:
    # on the figure the relation states, whose message names the parts (``sure_cause``); the
    # members read unsurely are queued beside it. Not on an OCR dump, which keeps no confidence.
    sure_cells: bool = False
    # The characters came from OCR (a dump as well as a scan): a failed relation that no reading
    # of ours explains and none of whose members was read unsurely stays a ``mismatch``, the
    # document's fault, and is queued once as on ``sure_cells`` (``sure_cause``); one with a doubt
    # queues every suspect.
    clean_fault: bool = False
    # Set while a score table read wrong in bulk is checked (``bulk_misread``; on a dump, whose
    # figures keep no confidence): what a failed relation no reading explains says instead of
    # being the commune's fault. It is ``misread``, every suspect queued as a doubted member's.
    bulk_doubt: str = ""
    # The ids of the checks told ``misread`` only because their table failed in bulk (no reading
    # of their own explains them): ``moved_figures`` lets a move across rows say more than that.
    told_in_bulk: set[str] = field(default_factory=set)
    # (row pointer, field) of values a relation that holds confirms by arithmetic beyond the
    # members its check is recorded on (``held._held_values``): the counts a percentage is
    # made of (19/21 = 90,48 %), the parts a total was summed from. Two misread counts seldom make
    # the very percentage printed to its last digit.
    confirmed: set[tuple[str, str]] = field(default_factory=set)
    # The readings that explain each ``misread`` check ({check id: {(cell pointer, field, reading)}}),
    # the ids of the sum checks each reading explains, and the stated figures queued beside a
    # reading of the criteria set (``stated_too``: (pointer, field), the reason, the check's id):
    # what ``corroborated`` and ``withdraw_corroborated`` weigh.
    readings_of: dict[str, frozenset[tuple[str, str | None, float]]] = field(default_factory=dict)
    explained: dict[tuple[str, str | None, float], set[str]] = field(default_factory=dict)
    beside: list[tuple[tuple[str, str | None], str, str]] = field(default_factory=list)
    _ids: dict[str, int] = field(default_factory=dict)

    def check(
        self,
        kind: str,
        item: str,
        *,
        table: str | None,
        code: str | None,
        field_: str | None,
        expected,
        actual,
        tolerance: float | None,
        status: str,
        message: str,
        rows: tuple[ReviewItem, ...] = (),
        misread: Sequence[tuple[ReviewItem, float]] = (),
        doubted: Sequence[ReviewItem] = (),
        guessed: bool = False,
        stated_too: bool = False,
        withheld: frozenset[tuple[str, str]] = frozenset(),
        in_bulk_too: Sequence[ReviewItem] = (),
    ) -> Check:
        """Record a check. A mismatch that ``misread`` explains (a value we may have read wrong,
        and the reading under which the relation holds) becomes ``misread``: the doubted values
        go to review with those readings; the document is not reported as wrong. So does a
        mismatch with a member the segmenter itself read unsurely (``doubted``: a row whose code
        was inferred, whose cells were missing or read unsurely): we cannot tell the commune it is
        wrong when the row may be ours; those values go to review without other readings.
        ``guessed``: the misreadings are only guesses of cells printed as letters, which fit any
        relation: the relation's suspects (``rows``) go to review beside them. In a dump's table
        read wrong in bulk (``bulk_doubt``) every failed relation is doubted so, its suspects queued,
        with ``in_bulk_too``: members that are no suspect of a commune's fault (a maximum beside the
        score above it) but are as likely as any to be the figure misread there."""
        whole = ReviewItem(item=item, field=field_, table=table, code=code, value=actual)
        in_bulk = status == "mismatch" and bool(self.bulk_doubt) and not misread and not doubted
        if (
            status == "mismatch"
            and not in_bulk
            and (self.sure_cells or (self.clean_fault and not misread and not doubted))
        ):
            rows = sure_cause(rows, whole)
        if status == "mismatch" and misread:
            status = "misread"
            message += "; explained by a misreading: " + _readings_said(misread)
        elif status == "mismatch" and (doubted or in_bulk):
            status = "misread"
            message += (
                self.bulk_doubt
                if in_bulk
                else UNSURE_ROWS
                + ", ".join(f"{ref.code or ref.item} (confidence {ref.confidence or 0.0:.2f})" for ref in doubted)
            )
            misread = []
            # The rows under suspicion still go to review (a fault of the commune may be among
            # them), the unsure ones with them, and the figure the relation states (a parent's
            # points, a table's total) when no member is it.
            members = (*rows, *doubted, *(in_bulk_too if in_bulk else ()))
            kept = [r for r in members if (r.item, r.field) not in withheld]
            holder = () if any(r.item == item for r in kept) else (whole,)
            for ref in (*kept, *holder):
                self.flag(replace(ref, alternatives=[]), message)
        base = f"{kind}:{item}" + (f":{field_}" if field_ else "")
        n = self._ids.get(base, 0) + 1
        self._ids[base] = n
        check = Check(
            id=base if n == 1 else f"{base}#{n}",
            kind=kind,
            table=table,
            code=code,
            field=field_,
            expected=_clean(expected),
            actual=_clean(actual),
            tolerance=None if tolerance is None else round(tolerance, 6),
            status=status,
            message=message,
        )
        self.checks.append(check)
        if in_bulk:
            self.told_in_bulk.add(check.id)
        if status in ("mismatch", "repaired"):
            for ref in rows:
                self.flag(ref, message)
        if status == "misread":
            readings: dict[tuple[str, str | None], list[float]] = {}
            refs: dict[tuple[str, str | None], ReviewItem] = {}
            for ref, r in misread:
                key = (ref.item, ref.field)
                refs.setdefault(key, ref)
                readings.setdefault(key, []).append(_clean(r))
            for key, ref in refs.items():
                self.flag(replace(ref, alternatives=readings[key]), message)
            said = frozenset((ref.item, ref.field, float(_clean(r))) for ref, r in misread)
            self.readings_of[check.id] = said
            if kind in SUM_KINDS:
                for reading in said:
                    self.explained.setdefault(reading, set()).add(check.id)
            for ref in rows if guessed else ():
                if (ref.item, ref.field) not in refs:
                    self.flag(ref, message)
            if stated_too and (item, field_) not in refs:
                self.flag(ReviewItem(item=item, field=field_, table=table, code=code, value=actual), message)
                self.beside.append(((item, field_), message, check.id))
        return check

    def corroborated(self, check_id: str) -> bool:
        """Whether every reading that explains a ``misread`` check explains another sum too: "1.1"
        read 2 where its sub-criteria add up to 5 (the criteria set's 5) and its parent's sum holds
        with 5. Two relations meeting on one reading say it is the slip, ours, and the other
        figures what the page prints: the relation is decided, the reading's own entry names both.
        A maximum the commune raised on a leaf (no relation of its own) explains its parent's sum
        alone: that relation stays undecided, either figure may be the slip."""
        said = self.readings_of.get(check_id, frozenset())
        return bool(said) and all(self.explained.get(r, set()) - {check_id} for r in said)

    def withdraw_corroborated(self) -> None:
        """Take back the stated figures queued beside a reading of the criteria set
        (``stated_too``) where that reading is ``corroborated``: one entry for one doubtful value."""
        for key, reason, check_id in self.beside:
            if not self.corroborated(check_id):
                continue
            for i, had in enumerate(self.review):
                if (had.item, had.field) != key:
                    continue
                left = [r for r in reasons_of(had) if r != reason]
                if left == reasons_of(had):
                    break
                if left:
                    self.review[i] = replace(had, reason=REASONS_SEPARATOR.join(left))
                else:
                    del self.review[i]
                break

    def flag(self, ref: ReviewItem, reason: str) -> None:
        """Queue a cell for ``reason``; a cell already queued keeps its one entry, which gives the
        new reason too (``REASONS_SEPARATOR``)."""
        for i, had in enumerate(self.review):
            if (had.item, had.field) == (ref.item, ref.field):
                if reason not in reasons_of(had):
                    self.review[i] = _joined(had, ref, reason)
                return
        self.review.append(replace(ref, value=_clean(ref.value), reason=reason))


def one_entry_per_cell(items: list[ReviewItem]) -> list[ReviewItem]:
    """Review items with one entry per (item, field), in their first order: a cell (or a whole
    row) two stages queued keeps one entry giving both reasons (``_Ledger.flag``'s rule across
    stages: the segmenter's row recovered by the set's order, reconcile's row with no figure read)."""
    out: dict[tuple[str, str | None], ReviewItem] = {}
    for ref in items:
        key = (ref.item, ref.field)
        had = out.get(key)
        out[key] = ref if had is None else had if ref.reason in reasons_of(had) else _joined(had, ref, ref.reason or "")
    return list(out.values())


def _joined(had: ReviewItem, ref: ReviewItem, reason: str) -> ReviewItem:
    """A cell's entry with a further reason: its confidence the lower one given, its other
    readings the first reason's that gave some (the later reason's message says its own)."""
    given = [c for c in (had.confidence, ref.confidence) if c is not None]
    return replace(
        had,
        reason=f"{had.reason}{REASONS_SEPARATOR}{reason}" if had.reason else reason,
        confidence=min(given) if given else None,
        alternatives=list(had.alternatives or ref.alternatives),
    )


def _readings_said(misread: Sequence[tuple[ReviewItem, float]], listed: int = 4) -> str:
    """The other readings of each doubted cell, in words: up to ``listed`` named, more (a cell
    OCR printed as letters or beyond its maximum may be any score up to it) as their range."""
    by_cell: dict[tuple[str, str | None], tuple[ReviewItem, list[float]]] = {}
    for ref, r in misread:
        by_cell.setdefault((ref.item, ref.field), (ref, []))[1].append(r)
    said = []
    for ref, readings in by_cell.values():
        head = f"{ref.code or ref.item} {ref.field or 'value'} read as {ref.raw or str(ref.value)!r} may be"
        if len(readings) <= listed:
            said += [f"{head} {_vn(r)}" for r in readings]
        else:
            said.append(f"{head} any of {len(readings)} readings from {_vn(min(readings))} to {_vn(max(readings))}")
    return "; ".join(said)


def one_cause(suspects: tuple[ReviewItem, ...], stated: ReviewItem, ocr: bool) -> tuple[ReviewItem, ...]:
    """The queue entries of a relation the document's numbers break. On text read for sure (not
    OCR) every number is what the document prints, so the failure is one fault of the document:
    when the suspects cannot be narrowed to one value, one entry on the figure the relation
    states (its message names the parts), not one per part, as ``sure_cause`` does for cells OCR
    read surely: a stated figure another relation vouches for is as sure as each part, and the
    entry is the relation's, not a reading to doubt (seed 389's typed families: 52 of 125
    entries were the parts of a parent's sum whose parent its own parent's sum vouched for,
    four a fault). On OCR'd text each suspect may be a misreading of ours, a wrong value of its
    own: each is queued, unless the relation stays a ``mismatch`` (no reading explains it, no
    member was read unsurely) or OCR scored the cells sure: ``_Ledger.check`` then queues
    ``sure_cause``."""
    return suspects if ocr else sure_cause(suspects, stated)


def sure_cause(suspects: tuple[ReviewItem, ...], stated: ReviewItem) -> tuple[ReviewItem, ...]:
    """The queue entries of a relation that fails among cells OCR read surely (``_Ledger.sure_cells``):
    the one suspect when there is one, else one entry on the stated figure. Unlike ``one_cause``
    on typed text, a stated figure another relation vouches for takes the entry too: each part
    is as sure as it, and the entry is the relation's (its message names every part), not a
    reading to doubt; one entry per fault, not one per part."""
    return suspects if len(suspects) <= 1 else (stated,)


def _clean(value):
    if isinstance(value, float):
        value = round(value, 6)
        return int(value) if value.is_integer() and abs(value) < 2**53 else value
    return value


def _vn(value: float | None) -> str:
    return "blank" if value is None else format_vn(value, 4)


def _decimals(value: float | None, raw: str | None = None) -> int:
    """Decimals a figure was written with: from its raw text when it has one."""
    if raw:
        m = re.search(r"\d+(?:[.,](\d+))?\s*%?\s*$", raw.strip())
        if m:
            return len(m.group(1) or "")
    if value is None:
        return 0
    text = f"{value:.6f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def _sum_tolerance(stated: float, base: float, relative: float) -> float:
    """Rounding allowed between a stated figure and the sum of its parts: ``base`` (points are
    exact to 2 decimals, so only float noise and a rounded last digit), and ``relative`` of large
    amounts (money totals rounded to a unit)."""
    return max(base, abs(stated) * relative) if abs(stated) >= 1000 else base


def _compare_sum(stated: float | None, parts: Sequence[float | None], tol: float) -> tuple[str, float | None]:
    """(status, expected) of "stated = sum of parts". Blank parts may hold anything non-negative:
    parts that already make the whole are ok, parts above it a mismatch, parts short of it
    unknowable (skipped)."""
    known = [p for p in parts if p is not None]
    if stated is None or not known:
        return "skipped", None
    total = sum(known)
    if abs(total - stated) <= tol:
        return "ok", total
    if len(known) == len(parts) or total > stated:
        return "mismatch", total
    return "skipped", total


def _plain(text: str) -> str:
    """Lower-case text without accents or markup, for matching wording."""
    return fold(strip_markup(text or ""))


def _percent_matches(stated: float, true: float, decimals: int) -> bool:
    """A percentage written to ``decimals`` places matches when it is the true ratio rounded or
    cut off there (78,94% for 15/19 = 78,947...% is cut off)."""
    scale = 10**decimals
    rounded = math.floor(true * scale + 0.5) / scale
    cut = math.floor(true * scale + _EPS) / scale
    return abs(stated - rounded) < _EPS * 100 or abs(stated - cut) < _EPS * 100
