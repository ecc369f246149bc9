"""Statistics figures OCR lost that the annex's own arithmetic determines (issues 11, 16).

An annex states each count more than once: a group's whole and its parts (the rows under it in the
same unit), and a share beside them ("Tỷ lệ … 94,12" = 16 of 17). On an OCR'd annex a row whose
figure the text lost (the segmenter's ``missing_value``) is given the one value those relations
leave for it:

- a whole as its parts added up, two or more, every one read, of one unit;
- a part as its whole less its siblings' (the only part lost, the figure not below nought);
- a share as its pair of counts' ratio (the one pair the ratio's candidates and words leave), to
  the decimals the annex's shares are printed with;
- a count as the one whole number a share read and the other count of its pair leave, to the
  share's printed precision (90 of 380 is 342 and nothing else at two decimals).

As ``reconcile.derived`` does for score cells: the value is no reading (``value_raw`` stays blank,
the row flagged ``derived_from_sums:value``), the checks never see it (``clear_derived`` blanks it
for a result checked again), and the row stays in the review queue with what the value was derived
from: the relation that gave it cannot show a fault of the commune in that very sum. Passes run
until no relation gives more, so a value derived from a derived one (a chain) is possible; its
confidence is the least of its inputs' less ``chained_discount``. Typed annexes print what they
print: a blank there was printed blank, nothing is derived."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from cchc_extract.reconcile.core import _decimals, _plain
from cchc_extract.reconcile.derived_members import FLAG_DERIVED
from cchc_extract.reconcile.hierarchy import children_of, parent_indices
from cchc_extract.reconcile.misread import ocr_read
from cchc_extract.reconcile.ratio_pairs import _pairs, _ratio_candidates
from cchc_extract.reconcile.settings import ReconcileSettings
from cchc_extract.reconcile.stat_rows import (
    _denominator,
    code_legend,
    counts_named,
    is_count,
    is_percent,
    same_unit_rows,
)
from schemas.records import (
    MISSING_FLAG,
    REASONS_SEPARATOR,
    ExtractionResult,
    ReviewItem,
    StatAnnex,
    StatRow,
    reasons_of,
)

# The flag a derived statistics value carries (the score cells' own: one contract for both).
FLAG_DERIVED_VALUE = f"{FLAG_DERIVED}value"
# What the queue says of a derived statistics value.
DERIVED_STAT_REASON = "not read; derived from the annex's arithmetic: "


@dataclass(frozen=True)
class StatDeriveSettings:
    # Off: an annex's lost figures stay blank (told unread and queued) whatever its sums give.
    derive: bool = True
    # Also a text file's annex read from its lines where the text was not judged OCR's: a dump whose
    # letters came out clean (Vietnamese OCR) still loses a lone small figure ("Nhiệm vụ" with its
    # "0" gone); the line reader tells such a row lost (``missing_value``) only where its line
    # printed a unit and no figure. Off: OCR'd results only.
    text_lines_too: bool = True
    # Decimals a derived share is written with when no share of the annex was read with decimals
    # (the forms print shares to two: "94,12").
    share_decimals: int = 2
    # Passes over an annex: each may take the values the one before derived (a whole from parts,
    # then its share); bounded so a cycle of relations cannot run on.
    max_passes: int = 4
    # A derived value's confidence is the least of its inputs' times this: it was never read, so
    # it stays under the review threshold and in the queue.
    confidence_factor: float = 0.6
    # Words that negate a count ("chưa hoàn thành", "không đúng hạn"): a share whose label holds
    # none of them is not the share of such a count.
    negations: tuple[str, ...] = ("chua", "khong")


@dataclass(frozen=True)
class StatDerivation:
    """One lost figure the annex's arithmetic gives: (annex, row), the value, the rows it came from."""

    annex: int
    row: int
    value: float
    inputs: tuple[int, ...]
    relation: str  # "parts", "remainder", "share", "count of share"


@dataclass(frozen=True)
class _Annex:
    """One annex as the relations see it: its rows, each row's parent and children, the knobs."""

    ai: int
    rows: list[StatRow]
    parents: list[int | None]
    kids: dict[int, list[int]]
    s: ReconcileSettings
    d: StatDeriveSettings


def derive_lost_stat_values(
    result: ExtractionResult, s: ReconcileSettings = ReconcileSettings(), d: StatDeriveSettings = StatDeriveSettings()
) -> list[StatDerivation]:
    """Fill the lost figures of an OCR'd result's annexes that their arithmetic determines, flag
    them and queue them (``_queue``). Returns what was derived."""
    if not d.derive or not result.statistics:
        return []
    ocr = ocr_read(result, s)
    done: list[StatDerivation] = []
    for ai, annex in enumerate(result.statistics):
        if not (ocr or (d.text_lines_too and result.source.format == "txt" and annex.read_from == "lines")):
            continue
        rows = annex.rows
        parents = parent_indices(rows)
        a = _Annex(ai, rows, parents, children_of(parents), s, d)
        for _ in range(d.max_passes):
            found = [x for i in range(len(rows)) if (x := _derive(a, i)) is not None]
            if not found:
                break
            for x in found:
                _apply(rows, x, d)
            done += found
    _queue(result, done)
    return done


def clear_derived_stats(result: ExtractionResult) -> None:
    """Blank every derived statistics figure again (a result checked anew runs on what was read)."""
    for annex in result.statistics:
        for row in annex.rows:
            if FLAG_DERIVED_VALUE in row.flags:
                row.value = None
                row.value_confidence.pop("value", None)
                row.flags = [f for f in row.flags if f != FLAG_DERIVED_VALUE]


def _lost(row: StatRow) -> bool:
    """A figure printed and not read: the segmenter said so, and nothing derived it yet."""
    return row.value is None and MISSING_FLAG["value"] in row.flags and code_legend(row) is None


def _counted(row: StatRow) -> bool:
    return not is_percent(row) and code_legend(row) is None


def _one_unit(rows: list[StatRow]) -> bool:
    """Rows of one count unit, a unit OCR lost or garbled past a count's ("Thatuc") counting as any."""
    units = [r for r in rows if is_count(r)]
    return all(same_unit_rows(units[0], r) for r in units[1:]) if units else True


def _derive(a: _Annex, i: int) -> StatDerivation | None:
    """The value of lost row i by its first route (parts, remainder, count of share; a share by its pair)."""
    if not _lost(a.rows[i]):
        return None
    if is_percent(a.rows[i]):
        return None if _group_waits(a, i, i) else _share(a, i)
    return next(_count_routes(a, i), None)


def count_routes(annex: StatAnnex, i: int, s: ReconcileSettings, d: StatDeriveSettings) -> list[StatDerivation]:
    """Every route that gives count row i of annex ``annex`` a value (row i taken as lost): its parts,
    its whole less its siblings, a share read with its pair's other count. Two that agree from
    figures read vouch for it twice (``stat_confirmed``)."""
    rows = annex.rows
    parents = parent_indices(rows)
    a = _Annex(0, rows, parents, children_of(parents), s, d)
    return [] if is_percent(rows[i]) else list(_count_routes(a, i))


def _count_routes(a: _Annex, i: int) -> Iterator[StatDerivation]:
    rows, parents, kids, ai = a.rows, a.parents, a.kids, a.ai
    parts = [j for j in kids.get(i, []) if _counted(rows[j])]
    if (
        len(parts) >= 2
        and all(rows[j].value is not None for j in parts)
        and _one_unit([rows[i], *(rows[j] for j in parts)])
    ):
        yield StatDerivation(ai, i, sum(rows[j].value or 0.0 for j in parts), tuple(parts), "parts")
    p = parents[i]
    if p is not None and rows[p].value is not None and _counted(rows[p]):
        siblings = [j for j in kids.get(p, []) if _counted(rows[j])]
        others = [j for j in siblings if j != i]
        group = [rows[p], *(rows[j] for j in siblings)]
        if others and all(rows[j].value is not None for j in others) and _one_unit(group):
            left = (rows[p].value or 0.0) - sum(rows[j].value or 0.0 for j in others)
            if left >= 0:
                yield StatDerivation(ai, i, left, (p, *others), "remainder")
    by_share = _count_of_share(a, i)
    if by_share is not None:
        yield by_share
    with_whole = _part_with_lost_whole(a, i)
    if with_whole is not None:
        yield with_whole


def _group_waits(a: _Annex, share: int, i: int, parts: bool = True) -> bool:
    """Whether a count of share row ``share``'s group other than ``i`` (its parent, and with
    ``parts`` its siblings) is still lost: the pair the share is of cannot be told before that
    count is derived (a share beside a lost whole would be taken of its two parts)."""
    p = a.parents[share]
    group = ([p, *a.kids.get(p, [])] if parts else [p]) if p is not None else []
    return any(j != i and _counted(a.rows[j]) and _lost(a.rows[j]) for j in group)


def _pair(a: _Annex, i: int) -> tuple[int, int] | None:
    """The one (numerator, whole) pair share row i is of: the ratio checks' candidates and pairs
    (``ratios``), certain, narrowed by the share's words (a count it names; no negated count the
    share does not negate) when more than one is left."""
    rows = a.rows
    candidates = _ratio_candidates(i, rows, a.parents, a.kids, a.s)
    if len(candidates) < 2:
        return None
    pairs, certain = _pairs(i, candidates, rows, a.parents)
    # A share is of a part over its whole: the share's own group (its parent), the count the part
    # is a breakdown of, or a count worded as the whole ("Tổng số …"). Two sibling counts taken
    # as a pair by their sizes alone are the pair the ratio check weighs, not one to derive from
    # (the group's own row may be the one OCR lost).
    pairs = [(n, w) for n, w in pairs if w in (a.parents[i], a.parents[n]) or _denominator([(w, rows[w])]) is not None]
    if not certain or not pairs:
        return None
    if len(pairs) > 1:
        label = set(_plain(rows[i].indicator).split())
        pairs = [(n, w) for n, w in pairs if not (set(a.d.negations) & set(_plain(rows[n].indicator).split()) - label)]
    if len(pairs) > 1:
        named = counts_named(rows[i], [rows[n] for n, _ in pairs])
        pairs = [p for p, ok in zip(pairs, named, strict=True) if ok]
    # (two or more counts the label names over one whole: the share is of their sum, ``_numerator``)
    return pairs[0] if len({w for _, w in pairs}) == 1 else None


def _share_decimals(rows: list[StatRow], d: StatDeriveSettings) -> int:
    """The decimals the annex prints its shares with: the most of any share read."""
    read = [_decimals(r.value, r.value_raw) for r in rows if is_percent(r) and r.value is not None and r.value_raw]
    return max(read) if any(read) else d.share_decimals


def _share(a: _Annex, i: int) -> StatDerivation | None:
    rows = a.rows
    pair = _pair(a, i)
    if pair is None:
        return None
    n, w = pair
    whole = rows[w].value
    parts = _numerator(a, i, n, w)
    if not whole or parts is None or any(rows[j].value is None for j in parts):
        return None
    part = sum(rows[j].value or 0.0 for j in parts)
    value = round(100.0 * part / whole, _share_decimals(rows, a.d))
    return StatDerivation(a.ai, i, value, (*parts, w), "share") if 0 <= value <= 100 else None


def _numerator(a: _Annex, i: int, n: int, w: int) -> tuple[int, ...] | None:
    """The counts share row i is of, over whole w: n alone, or every part of w the share's label
    names when it names more than one ("Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn" is of the
    two: their sum over the whole). None when n is not among the parts it names."""
    parts = [j for j in a.kids.get(w, []) if _counted(a.rows[j])]
    if n not in parts:
        return (n,)
    named = [j for j, ok in zip(parts, counts_named(a.rows[i], [a.rows[j] for j in parts]), strict=True) if ok]
    if len(named) < 2:
        return (n,)
    return tuple(named) if n in named else None


def _count_of_share(a: _Annex, i: int) -> StatDerivation | None:
    """Lost count i as the one whole number a share read makes of it with its pair's other count.
    The pair is found with i given that number, and must be the same pair it was derived for."""
    rows = a.rows
    decimals = _share_decimals(rows, a.d)
    for r, share in enumerate(rows):
        if not is_percent(share) or share.value is None or r == i or FLAG_DERIVED_VALUE in share.flags:
            continue
        if _group_waits(a, r, i, parts=False) or not _named_among_lost(a, r, i):
            continue
        half = 0.5 * 10.0 ** -max(decimals, _decimals(share.value, share.value_raw))
        for other in range(len(rows)):
            known = rows[other].value
            if other == i or known is None or not known or not _counted(rows[other]):
                continue
            # i the part of ``other`` (low, high bounds of part = share·whole), or i the whole
            for as_part in (True, False):
                if as_part:
                    low, high = (share.value - half) * known / 100, (share.value + half) * known / 100
                elif share.value - half > 0:
                    low, high = known * 100 / (share.value + half), known * 100 / (share.value - half)
                else:
                    continue
                whole_numbers = [v for v in range(max(0, int(low) - 1), int(high) + 2) if low <= v <= high]
                if len(whole_numbers) != 1:
                    continue
                trial = [*rows[:i], replace(rows[i], value=float(whole_numbers[0])), *rows[i + 1 :]]
                b = replace(a, rows=trial)
                pair = (i, other) if as_part else (other, i)
                # (a share of two counts' sum gives neither count alone)
                if _pair(b, r) == pair and _numerator(b, r, *pair) == (pair[0],):
                    return StatDerivation(a.ai, i, float(whole_numbers[0]), (r, other), "count of share")
    return None


def _part_with_lost_whole(a: _Annex, i: int) -> StatDerivation | None:
    """Lost count i when its group's whole was lost too and the share of i in that whole was read
    ("3 … Nhiệm vụ ch" / "3.1 … SIIL" / "3.2 … 3" / "3.3 Tỷ lệ … 91,18"): the whole is i and its
    read siblings, so i over i plus their sum is the share, and one whole number makes it to the
    share's printed precision (31 of 31 + 3 is 91,18 %, and nothing else). Found as
    ``_count_of_share`` does: with i and the whole given those numbers, the share's one pair must
    be i over the whole, i alone its numerator. The whole then follows from its parts."""
    rows, p = a.rows, a.parents[i]
    if p is None or not _lost(rows[p]) or not _counted(rows[p]) or not _counted(rows[i]):
        return None
    siblings = [j for j in a.kids.get(p, []) if _counted(rows[j])]
    others = [j for j in siblings if j != i]
    if i not in siblings or not others or any(rows[j].value is None for j in others):
        return None
    if not _one_unit([rows[p], *(rows[j] for j in siblings)]):
        return None
    known = sum(rows[j].value or 0.0 for j in others)
    decimals = _share_decimals(rows, a.d)
    for r in a.kids.get(p, []):
        share = rows[r]
        if not is_percent(share) or share.value is None or FLAG_DERIVED_VALUE in share.flags or not known:
            continue
        half = 0.5 * 10.0 ** -max(decimals, _decimals(share.value, share.value_raw))
        low, high = (share.value - half) / 100, (share.value + half) / 100
        if low <= 0 or high >= 1:
            continue  # (0 % or 100 %: the part is nought or the whole, which the sum says alone)
        low_count, high_count = known * low / (1 - low), known * high / (1 - high)
        counts = [v for v in range(max(0, int(low_count) - 1), int(high_count) + 2) if low_count <= v <= high_count]
        if len(counts) != 1:
            continue
        part = float(counts[0])
        trial = list(rows)
        trial[i] = replace(rows[i], value=part)
        trial[p] = replace(rows[p], value=part + known)
        b = replace(a, rows=trial)
        if _pair(b, r) == (i, p) and _numerator(b, r, i, p) == (i,):
            return StatDerivation(a.ai, i, part, (r, *others), "count of share")
    return None


def _named_among_lost(a: _Annex, share: int, i: int) -> bool:
    """Whether lost count i may be the share's count while a sibling count of i is lost too: the
    share's label names i among its group's counts (``counts_named``: "Tỷ lệ hồ sơ tiếp nhận
    trực tuyến" names "… trực tuyến", not "… trực tiếp và qua bưu chính"), or i is the one lost
    sibling whose label holds no negation the share's lacks ("Tỷ lệ hoàn thành" is of "đã hoàn
    thành", not of "chưa hoàn thành"). With i given the figure, the pair check alone sees no lost
    sibling and would take either. The group is i's own: a share printed beside its whole ("4.2"
    after "4.1") is of the whole's parts ("4.1.1", "4.1.2"), not of the share's siblings."""
    rows, p = a.rows, a.parents[i]
    siblings = [j for j in a.kids.get(p, []) if _counted(rows[j])] if p is not None else []
    lost = [j for j in siblings if j != i and _lost(rows[j])]
    if i not in siblings or not lost:
        return True
    if counts_named(rows[share], [rows[j] for j in siblings])[siblings.index(i)]:
        return True
    return not _negated(a, share, i) and all(_negated(a, share, j) for j in lost)


def _negated(a: _Annex, share: int, j: int) -> bool:
    """Whether count j's label holds a negation ("chưa", "không") that share's label does not."""
    label = set(_plain(a.rows[share].indicator).split())
    return bool(set(a.d.negations) & set(_plain(a.rows[j].indicator).split()) - label)


def _confidence(row: StatRow) -> float:
    own = row.value_confidence.get("value")
    return row.confidence if own is None else own


def _apply(rows: list[StatRow], x: StatDerivation, d: StatDeriveSettings) -> None:
    row = rows[x.row]
    row.value = round(x.value, 4)
    row.flags = [*row.flags, FLAG_DERIVED_VALUE]
    given = [_confidence(rows[k]) for k in x.inputs]
    row.value_confidence["value"] = round(min(given, default=0.0) * d.confidence_factor, 3)


def _said(result: ExtractionResult, x: StatDerivation) -> str:
    rows = result.statistics[x.annex].rows
    inputs = ", ".join(rows[k].code or rows[k].indicator[:30] for k in x.inputs)
    own = rows[x.row].value_confidence.get("value", 0.0)
    return f"{DERIVED_STAT_REASON}{x.relation} of {inputs} (confidence {own:.2f})"


def _queue(result: ExtractionResult, done: list[StatDerivation]) -> None:
    """Each derived value in the queue: the entry that told its figure lost says what was derived
    and from what; a row with no entry gets one."""
    said = {(f"/statistics/{x.annex}/rows/{x.row}", "value"): x for x in done}
    kept = []
    for entry in result.review:
        x = said.pop((entry.item, entry.field or ""), None)
        if x is not None:
            row = result.statistics[x.annex].rows[x.row]
            reason = REASONS_SEPARATOR.join([*reasons_of(entry), _said(result, x)])
            entry = replace(entry, value=row.value, reason=reason, confidence=row.value_confidence.get("value"))
        kept.append(entry)
    for (item, field), x in said.items():
        row = result.statistics[x.annex].rows[x.row]
        annex = result.statistics[x.annex]
        kept.append(
            ReviewItem(
                item=item,
                field=field,
                table=annex.annex or annex.title or None,
                code=row.code,
                page=row.source.page,
                raw=None,
                value=row.value,
                reason=_said(result, x),
                confidence=row.value_confidence.get("value"),
            )
        )
    result.review = kept
