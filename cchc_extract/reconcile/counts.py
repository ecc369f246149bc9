"""Narrative counts: count_parts (a total against its breakdown) and narrative_annex (a count in
the text against the annex row reporting the same figure)."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from rapidfuzz import fuzz

from cchc_extract.reconcile.core import _compare_sum, _Ledger, _plain, _vn
from cchc_extract.reconcile.misread import (
    Cell,
    equal_holds,
    explain,
    le_holds,
    lost_digit_readings,
    ocr_digit_readings,
    ocr_read,
    sum_holds,
)
from cchc_extract.reconcile.ratios import stat_cell
from cchc_extract.reconcile.settings import SHORT_PARTS_NOTE, ReconcileSettings
from cchc_extract.reconcile.stat_rows import _stat_ref, code_legend, is_percent
from normalize.lazy_regex import lazy_compile
from normalize.text import SPACE_RUN
from schemas.records import Count, ExtractionResult, ReviewItem

_NOT_LETTER_OR_SPACE = lazy_compile(r"[^a-z ]+")
_COUNT_FILLER_WORDS = lazy_compile(r"\b(tong so|tong|so luong|so|la|co|duoc|cua|trong do|ky bao cao)\b")


def table_lines(result: ExtractionResult) -> dict[tuple[int, int], set[float]]:
    """(page, line) of every line a score row was read from → the points that row read."""
    out: dict[tuple[int, int], set[float]] = {}
    for row in (r for t in result.score_tables for r in t.rows):
        src = row.source
        if src.page is None or src.line_start is None:
            continue
        points = {v for v in (row.max_points, row.self_points, row.appraised_points) if v is not None}
        for n in range(src.line_start, (src.line_end or src.line_start) + 1):
            out.setdefault((src.page, n), set()).update(points)
    return out


def _row_figures(count: Count, lines: dict[tuple[int, int], set[float]]) -> bool:
    """Whether a narrative count's total is the points of a score row read from its lines ("2.
    Báo cáo CCHC 2 2 a) … 1,5 1 Đã ban hành …" read as a total of 1): the row's cells, not a
    total and its breakdown (a count an explanation cell writes, "664/664 hồ sơ", is checked)."""
    src = count.source
    if src.page is None or src.line_start is None or count.total is None:
        return False
    span = range(src.line_start, (src.line_end or src.line_start) + 1)
    return any(abs(count.total - v) < 1e-9 for n in span for v in lines.get((src.page, n), ()))


def _check_counts(
    counts: list[Count],
    ledger: _Ledger,
    s: ReconcileSettings,
    ocr: bool = False,
    lines: dict[tuple[int, int], set[float]] | None = None,
) -> None:
    """A total against its parts. Parts over the total are a fault; parts short of it only when
    the breakdown is stated to be complete (a "trong đó" list may name some parts); one part is a
    subset ("902 hồ sơ (trong đó có 11 hồ sơ trễ hạn)"). A breakdown read with a doubt (a part
    in another unit, two figures in one part) is not checked: ``skipped`` with the reason."""
    for ci, count in enumerate(counts):
        if count.total is None or not count.parts:
            continue
        parts = [p.value for p in count.parts]
        label = count.label or count.text[:40]
        ref = ReviewItem(
            item=f"/counts/{ci}",
            field="total",
            page=count.source.page,
            raw=count.text[:200],
            value=count.total,
            confidence=count.confidence,
        )
        detail = " + ".join(_vn(p) for p in parts)
        head = f"{label}: total {_vn(count.total)} {count.unit}, parts {detail}"
        if all(p is None for p in parts) and not count.doubt:
            continue
        note = ""
        expected: float | None = None
        found = []
        if count.doubt:
            status, note = "skipped", f": not checked, {count.doubt}"
        elif _row_figures(count, lines or {}):
            status, note = "skipped", "; not checked: its total is the points of the table row it was read from"
        elif len(parts) == 1 and parts[0] is not None:  # (it is: not all parts are None)
            status, expected = ("ok" if parts[0] <= count.total + s.count_tolerance else "mismatch"), parts[0]
            note = " (one part of the total)"
        else:
            status, expected = _compare_sum(count.total, parts, s.count_tolerance)
            if status == "mismatch" and expected is not None and expected < count.total and not count.complete:
                rate = _rate_of_the_parts(count.text, parts, count.total)
                if rate is None:
                    status, note = "skipped", SHORT_PARTS_NOTE
                else:
                    note = f"; its rate {rate} is worked out of the parts' {_vn(expected)}, so they are the whole"
        if status == "mismatch" and ocr:
            cells = [
                Cell(ref, v, tuple(ocr_digit_readings(_vn(v), s, "count")) if v is not None else ())
                for v in (count.total, *parts)
            ]
            one = len(parts) == 1
            holds = (
                (lambda v: le_holds(s.count_tolerance, [v[1], v[0]]))
                if one
                else partial(sum_holds, s.count_tolerance, [])
            )
            found = explain(cells, holds)
            if not found and not one and s.count_lost_digit:
                # A figure OCR lost a glyph of ("21" read "1"): a sum of two parts or more is exact,
                # so the one figure with a digit put back that makes it hold is a reading of ours.
                found = explain(_lost_glyph_cells(cells), holds)
            if not found and not one and s.count_share_readings:
                found = explain(_share_cells(cells, count.text), holds)
        ledger.check(
            "count_parts",
            f"/counts/{ci}",
            table=None,
            code=None,
            field_="total",
            expected=expected,
            actual=count.total,
            tolerance=0.0,
            status=status,
            message=head + note if count.doubt or expected is None else f"{head} = {_vn(expected)}{note}",
            rows=(ref,),
            misread=[(c.ref, r) for c, r in found],
            doubted=(ref,) if _part_over_total_read_by_ocr(status, ocr, parts, found) else (),
        )
        if status == "skipped" and note == SHORT_PARTS_NOTE and s.queue_short_parts:
            # Not the commune's fault (the list may name only some parts), nor sure to be whole:
            # a person reads the sentence, at the queue's lowest rank (no check failed).
            ledger.flag(ref, f"{head} = {_vn(expected)}{note}")


# A rate the sentence prints ("(đạt 71,43%)"): its figure and decimals.
_RATE = lazy_compile(r"(?<![\d.,])(\d{1,3})(?:[.,](\d{1,3}))?\s*%")


def _rate_of_the_parts(text: str, parts: list[float | None], total: float) -> str | None:
    """A rate the count's sentence prints that is one part over the parts' sum, to the printed
    decimals, and not that part over the stated total: the writer worked it out of the parts,
    so they are the whole and a total above their sum is the commune's inconsistency ("Tiếp nhận
    18 phản ánh, trong đó đã xử lý 10, đang xử lý 04 (đạt 71,43%)": 10/14, not 10/18). A "trong
    đó" list may name only some parts; a rate over the parts says this one names them all. The
    printed rate, or None."""
    known = [p for p in parts if p is not None]
    whole = sum(known)
    if len(known) != len(parts) or whole <= 0 or total <= 0:
        return None
    for m in _RATE.finditer(text):
        decimals = len(m.group(2) or "")
        stated = float(f"{m.group(1)}.{m.group(2) or 0}")
        for part in known:
            of_parts, of_total = round(100 * part / whole, decimals), round(100 * part / total, decimals)
            if abs(of_parts - stated) < 1e-9 and abs(of_total - stated) > 1e-9:
                return m.group(0).replace(" ", "")
    return None


def _lost_glyph_cells(cells: list[Cell]) -> list[Cell]:
    """The count's cells with their readings widened by one digit OCR dropped
    (``lost_digit_readings``). Its sum is exact: the total and its parts read as printed agree
    only with a figure one digit longer than printed, holding the printed digits in order, which a
    commune's slip (a part or a total off by a few) does not make."""
    return [
        replace(c, readings=(*c.readings, *(r for r in lost_digit_readings(_vn(c.value)) if r not in c.readings)))
        for c in cells
    ]


def _share_cells(cells: list[Cell], text: str) -> list[Cell]:
    """The count's cells (total first) with each part's readings widened by the figure its printed
    share of the total gives (``share_readings``)."""
    total = cells[0].value
    if total is None:
        return cells
    rates = [(float(f"{m.group(1)}.{m.group(2) or 0}"), len(m.group(2) or "")) for m in _RATE.finditer(text)]
    return [
        cells[0],
        *(
            replace(
                c, readings=(*c.readings, *(r for r in share_readings(c.value, total, rates) if r not in c.readings))
            )
            for c in cells[1:]
        ),
    ]


def share_readings(value: float | None, total: float, rates: list[tuple[float, int]]) -> list[float]:
    """Whole figures a printed share (percent, decimals) makes of ``total`` that differ from the
    printed ``value`` in one digit, same length: "961" of 620 beside "90,48%" is 561. Only a share
    printed finely enough to pin one figure (``total`` × 10^-decimals ≤ 100): a rounded share
    ("chiếm 90%" of 620) fits several."""
    if value is None or not float(value).is_integer() or total <= 0:
        return []
    out: list[float] = []
    for stated, decimals in rates:
        if total * 10**-decimals > 100:
            continue
        figure = round(stated * total / 100)
        if round(100 * figure / total, decimals) == round(stated, decimals) and _one_digit_apart(figure, int(value)):
            out.append(float(figure))
    return out


def _one_digit_apart(a: int, b: int) -> bool:
    """Two whole figures printed with the same number of digits, differing in one of them."""
    x, y = str(a), str(b)
    return len(x) == len(y) and sum(p != q for p, q in zip(x, y)) == 1


def _part_over_total_read_by_ocr(status: str, ocr: bool, parts: list[float | None], found: list) -> bool:
    """A single part larger than its whole, on OCR'd text, with no digit reading to explain it: the
    two figures OCR ran together from a table's cells ("6 quy định … 6 7" read as a part 67), or a
    part's digit doubled, far likelier than a commune writing a part over its total; it goes to
    review as our doubt, not to the commune as its fault."""
    return status == "mismatch" and ocr and len(parts) == 1 and not found


def _label_key(text: str) -> str:
    """Wording of a figure for matching: accents, markup, counting words and units dropped."""
    t = _plain(text)
    t = _COUNT_FILLER_WORDS.sub(" ", t)
    return _NOT_LETTER_OR_SPACE.sub(" ", SPACE_RUN.sub(" ", t)).strip()


def _check_narrative_against_annexes(result: ExtractionResult, ledger: _Ledger, s: ReconcileSettings) -> None:
    """A narrative count against the annex row reporting the same figure: same unit, a label
    match well above the threshold and clearly ahead of every other row with a value."""
    rows = [
        (ai, ri, r)
        for ai, a in enumerate(result.statistics)
        for ri, r in enumerate(a.rows)
        if r.value is not None and not is_percent(r) and code_legend(r) is None
    ]
    for ci, count in enumerate(result.counts):
        if count.total is None or not count.unit.strip() or not count.label.strip():
            continue
        unit = _plain(count.unit)
        key = _label_key(count.label)
        if not set(key.split()) - set(_label_key(count.unit).split()):
            continue  # (a label that is its unit alone, "306/424 hồ sơ", names no row to match)
        scored = sorted(
            (
                (fuzz.token_set_ratio(key, _label_key(r.indicator)), ai, ri, r)
                for ai, ri, r in rows
                if _plain(r.unit) == unit
            ),
            key=lambda t: -t[0],
        )
        if not scored or scored[0][0] < s.label_match:
            continue
        if len(scored) > 1 and scored[0][0] - scored[1][0] < s.label_margin:
            continue
        score, ai, ri, row = scored[0]
        annex = result.statistics[ai].annex or f"statistics/{ai}"
        ok = row.value is not None and abs(row.value - count.total) < 1e-6  # (rows hold values only)
        ref = ReviewItem(
            item=f"/counts/{ci}",
            field="total",
            page=count.source.page,
            raw=count.text[:200] or None,
            value=count.total,
            confidence=count.confidence,
        )
        found = []
        if not ok and ocr_read(result):
            cells = [
                Cell(ref, count.total, tuple(ocr_digit_readings(_vn(count.total), s, "count"))),
                stat_cell(ai, ri, row, annex, s, True),
            ]
            found = explain(cells, equal_holds)
        ledger.check(
            "narrative_annex",
            f"/counts/{ci}",
            table=annex,
            code=row.code,
            field_="total",
            expected=row.value,
            actual=count.total,
            tolerance=0.0,
            status="ok" if ok else "mismatch",
            message=f"{count.label}: the text says {_vn(count.total)} {count.unit}, {annex} row "
            f"{row.code} says {_vn(row.value)} (label match {score:.0f})",
            rows=(ref, _stat_ref(ai, ri, row, annex)),
            misread=[(c.ref, r) for c, r in found],
        )
