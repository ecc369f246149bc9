"""Ratios: a percentage row of an annex against its counts (ratio), and "a/b ... c%" in free
text (text_ratio)."""

from __future__ import annotations

import regex as re

from cchc_extract.reconcile.core import _decimals, _Ledger, _percent_matches, _vn
from cchc_extract.reconcile.settings import ReconcileSettings
from cchc_extract.reconcile.stat_rows import (
    _denominator,
    _stat_ref,
    code_legend,
    is_percent,
)
from cchc_extract.reconcile.sums import _table_name
from cchc_extract.records import ExtractionResult, ReviewItem, StatRow
from normalize.numbers import parse_number


def _ratio_parts(i: int, rows: list[StatRow], parents: list[int | None],
                 kids: dict[int, list[int]]) -> tuple[int | None, list[int]]:
    """(denominator, numerator candidates) of percentage row i: its children, else the two rows
    just above it under the same parent, told apart by wording."""
    def usable(j: int) -> bool:
        return rows[j].value is not None and not is_percent(rows[j]) and code_legend(rows[j]) is None

    candidates = [j for j in kids.get(i, []) if usable(j)]
    if not candidates:
        siblings = [j for j in range(i - 1, max(i - 3, -1), -1) if parents[j] == parents[i]]
        candidates = [j for j in reversed(siblings) if usable(j)]
        if len(candidates) < 2:
            return None, []
    den = _denominator([(j, rows[j]) for j in candidates])
    if den is None:
        return None, []
    return den, [j for j in candidates if j != den]


def _check_ratio(ai: int, i: int, rows: list[StatRow], parents: list[int | None], kids: dict[int, list[int]],
                 name: str, ledger: _Ledger) -> None:
    row = rows[i]
    den, nums = _ratio_parts(i, rows, parents, kids)
    if den is None or not nums:
        return
    label = row.code or row.indicator[:40]
    decimals = _decimals(row.value, row.value_raw)
    tol = 10.0 ** -decimals
    item = f"/statistics/{ai}/rows/{i}"
    if rows[den].value == 0:
        ledger.check("ratio", item, table=name, code=row.code, field_="value", expected=None, actual=row.value,
                     tolerance=tol, status="skipped", message=f"{label}: denominator {rows[den].code} is 0")
        return
    ratios = [(j, 100.0 * rows[j].value / rows[den].value) for j in nums]
    match = next(((j, r) for j, r in ratios if _percent_matches(row.value, r, decimals)), None)
    j, ratio = match or ratios[0]
    status = "ok" if match else "mismatch"
    message = (f"{label}: {_vn(row.value)}% against {rows[j].code or 'numerator'} / {rows[den].code or 'denominator'}"
               f" = {_vn(rows[j].value)}/{_vn(rows[den].value)} = {_vn(round(ratio, 4))}%")
    ledger.check("ratio", item, table=name, code=row.code, field_="value", expected=round(ratio, 4),
                 actual=row.value, tolerance=tol, status=status, message=message,
                 rows=tuple(_stat_ref(ai, k, rows[k], name) for k in (i, j, den)))



def _text_sources(result: ExtractionResult):
    """(pointer, field, text, page, confidence, table, code) of every free text held in the output."""
    for ti, table in enumerate(result.score_tables):
        for ri, row in enumerate(table.rows):
            yield (f"/score_tables/{ti}/rows/{ri}", "explanation", row.explanation, row.source.page,
                   row.confidence, _table_name(table, ti), row.code)
    for ai, annex in enumerate(result.statistics):
        for ri, row in enumerate(annex.rows):
            yield f"/statistics/{ai}/rows/{ri}", "note", row.note, row.source.page, row.confidence, annex.annex, row.code
    for i, st in enumerate(result.score_statements):
        yield f"/score_statements/{i}", "text", st.text or st.reason, st.source.page, st.confidence, None, st.code
    for i, count in enumerate(result.counts):
        yield f"/counts/{i}", "text", count.text, count.source.page, count.confidence, None, None
    for i, target in enumerate(result.targets):
        yield f"/targets/{i}", "text", target.text, target.source.page, target.confidence, None, None


def fraction_percents(text: str, gap: int = 90):
    """Every "a/b ... c%" in a text: (a, b, c, c's decimals, matched text). Dates ("30/12/2022")
    are not fractions; the percent must follow within ``gap`` characters with no number or
    clause break between."""
    pattern = re.compile(r"(?<![\d/.,])(\d{1,7})\s*/\s*(\d{1,7})(?![\d/])([^\d;\n]{0,%d}?)"
                         r"(\d{1,3}(?:[.,]\d+)?)\s*%%" % gap)
    for m in pattern.finditer(text or ""):
        if re.search(r"\.\s+\p{Lu}|:", m[3]) or re.match(r"\s*(điểm|diem)\b", m[3], flags=re.I):
            continue  # a sentence or clause ended in between, or "3/3 điểm" is a score, not a ratio
        before = text[max(0, m.start() - 16):m.start()]
        if re.search(r"\d\s*/\s*\d|\b(ngày|ngay|tháng|thang)\s*$", before, flags=re.I):
            continue  # a list of dates ("ngày 05/4, 05/7, 05/10"), not a ratio
        stated = parse_number(m[4], kind="score")
        if stated is None:
            continue
        yield int(m[1]), int(m[2]), stated.value, _decimals(stated.value, m[4]), m[0].strip()


def _check_text_ratios(result: ExtractionResult, ledger: _Ledger, s: ReconcileSettings) -> None:
    seen = set()
    for item, field_, text, page, conf, table, code in _text_sources(result):
        for num, den, stated, decimals, quote in fraction_percents(text, s.ratio_gap):
            if den == 0 or (quote, page) in seen:
                continue
            seen.add((quote, page))
            tol = 10.0 ** -decimals
            true = 100.0 * num / den
            ref = ReviewItem(item=item, field=field_, table=table, code=code, page=page, raw=quote, value=stated,
                          confidence=conf)
            status = "ok" if _percent_matches(stated, true, decimals) else "mismatch"
            message = f"“{quote}”: {num}/{den} = {_vn(round(true, 4))}%, the text says {_vn(stated)}%"
            if status == "mismatch" and num > den and stated <= 100 + tol and len(str(num)) > 1 \
                    and str(num).startswith("1"):
                # OCR reads a table rule before a figure as "1": "|664/664" → "1664/664".
                alt = int(str(num)[1:])
                if _percent_matches(stated, 100.0 * alt / den, decimals):
                    status, true = "repaired", 100.0 * alt / den
                    message = f"“{quote}”: read {num} as {alt} (a table rule taken for 1): {alt}/{den} = {_vn(stated)}%"
            ledger.check("text_ratio", item, table=table, code=code, field_=field_, expected=round(true, 4),
                         actual=stated, tolerance=tol, status=status, message=message, rows=(ref,))

