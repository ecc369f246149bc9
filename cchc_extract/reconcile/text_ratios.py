"""Ratios printed inside free text (text_ratio): "a/b ... c%" in a score row's explanation, an annex
row's note, a narrative statement, count or target ("7/671 = 0,89%"); dates are no fractions, and
a fraction and a percent OCR ran together from two cells are not checked against each other.
"""

from __future__ import annotations

from functools import partial

import regex as re

from cchc_extract.reconcile.core import _decimals, _Ledger, _percent_matches, _vn
from cchc_extract.reconcile.misread import Cell, explain, ocr_digit_readings, ocr_read, other_readings, share_holds
from cchc_extract.reconcile.score_refs import _table_name
from cchc_extract.reconcile.settings import ReconcileSettings
from cchc_extract.reconcile.sibling_fractions import sibling_reading
from normalize.lazy_regex import lazy_compile
from normalize.numbers import parse_number
from schemas.records import ExtractionResult, ReviewItem


def _text_sources(result: ExtractionResult):
    """(pointer, field, text, page, confidence, table, code) of every free text held in the output."""
    tabled: list[tuple[str, str, str | None, list]] = [
        (f"/score_tables/{ti}", "explanation", _table_name(t, ti), [(r, r.explanation) for r in t.rows])
        for ti, t in enumerate(result.score_tables)
    ]
    tabled += [
        (f"/statistics/{ai}", "note", a.annex, [(r, r.note) for r in a.rows]) for ai, a in enumerate(result.statistics)
    ]
    for pointer, field_, table, rows in tabled:
        for ri, (row, text) in enumerate(rows):
            yield f"{pointer}/rows/{ri}", field_, text, row.source.page, row.confidence, table, row.code
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
    pattern = re.compile(
        r"(?<![\d/.,])(\d{1,7})\s*/\s*(\d{1,7})(?![\d/])"
        rf"([^\d;\n]{{0,{gap}}}?)"
        r"(\d{1,3}(?:[.,]\d+)?)\s*%"
    )
    for m in pattern.finditer(text or ""):
        if re.search(r"\.\s+\p{Lu}|:", m[3]) or re.match(r"\s*(điểm|diem)\b", m[3], flags=re.I):
            continue  # a sentence or clause ended in between, or "3/3 điểm" is a score, not a ratio
        before = text[max(0, m.start() - 16) : m.start()]
        if re.search(r"\d\s*/\s*\d|\b(ngày|ngay|tháng|thang)\s*$", before, flags=re.I):
            continue  # a list of dates ("ngày 05/4, 05/7, 05/10"), not a ratio
        stated = parse_number(m[4], kind="score")
        if stated is None:
            continue
        yield int(m[1]), int(m[2]), stated.value, _decimals(stated.value, m[4]), m[0].strip()


# A capitalised word straight after a lower-case one, with no mark between: Vietnamese capitalises a
# sentence's first word, so there a new text begins (OCR joins a table's cells line by line, the
# next row's wording and notes inside this row's).
_JOINED = lazy_compile(r"\p{Ll}\s+\p{Lu}\p{Ll}")
# A capitalised word straight after the fraction ("Chưa hoàn thành 5/15 Hoàn thành 100%"): the
# fraction's own words (its unit, "nhiệm vụ") are not there, another text begins. On any text:
# no sentence goes on from a figure to a capitalised word with no mark between.
_NEW_TEXT = lazy_compile(r"^[\s|]*\p{Lu}\p{Ll}")


def _share_of(den: int, stated: float, decimals: int, num: int) -> bool:
    return _percent_matches(stated, 100.0 * num / den, decimals)


def joined_cells(quote: str, ocr: bool = True) -> bool:
    """Whether a fraction's quote runs into another text between the fraction and its percent (a
    fraction and a percent that need not belong together): a capitalised word straight after the
    fraction on any text; on OCR'd text, one after a lower-case word too (OCR joins a table's
    cells line by line, where typed text is a sentence that says what it says)."""
    m = re.match(r"\s*\d+\s*/\s*\d+(.*?)\d{1,3}(?:[.,]\d+)?\s*%\s*$", quote, flags=re.S)
    if not m:
        return False
    return _NEW_TEXT.search(m.group(1)) is not None or (ocr and _JOINED.search(m.group(1)) is not None)


def _fractions(result: ExtractionResult, gap: int) -> dict[tuple[str, int | None], tuple[int, int]]:
    """{(quote, page): (numerator, denominator)} of every free-text share the document prints."""
    return {
        (quote, page): (num, den)
        for _, _, text, page, _, _, _ in _text_sources(result)
        for num, den, _, _, quote in fraction_percents(text, gap)
    }


def check_text_ratios(result: ExtractionResult, ledger: _Ledger, s: ReconcileSettings) -> None:
    ocr = ocr_read(result)
    seen = set()
    fractions = _fractions(result, s.ratio_gap) if ocr else {}
    for item, field_, text, page, conf, table, code in _text_sources(result):
        for num, den, stated, decimals, quote in fraction_percents(text, s.ratio_gap):
            if den == 0 or (quote, page) in seen:
                continue
            seen.add((quote, page))
            tol = 10.0**-decimals
            true = 100.0 * num / den
            ref = ReviewItem(
                item=item, field=field_, table=table, code=code, page=page, raw=quote, value=stated, confidence=conf
            )
            status = "ok" if _percent_matches(stated, true, decimals) else "mismatch"
            message = f"“{quote}”: {num}/{den} = {_vn(round(true, 4))}%, the text says {_vn(stated)}%"
            if (
                status == "mismatch"
                and num > den
                and stated <= 100 + tol
                and len(str(num)) > 1
                and str(num).startswith("1")
            ):
                # OCR reads a table rule before a figure as "1": "|664/664" → "1664/664".
                alt = int(str(num)[1:])
                if _percent_matches(stated, 100.0 * alt / den, decimals):
                    status, true = "repaired", 100.0 * alt / den
                    message = f"“{quote}”: read {num} as {alt} (a table rule taken for 1): {alt}/{den} = {_vn(stated)}%"
            found = []
            if status == "mismatch" and ocr:
                cells = [Cell(ref, float(v), tuple(ocr_digit_readings(str(v), s, "count"))) for v in (num, den)]
                cells.append(Cell(ref, stated, tuple(other_readings(quote.rsplit("/", 1)[-1], stated, s, ocr=True))))
                found = explain([cells[2], cells[0], cells[1]], partial(share_holds, decimals))
                siblings = [n for key, (n, d) in fractions.items() if d == den and key != (quote, page)]
                reading = (
                    None
                    if found
                    else sibling_reading(num, den, siblings, partial(_share_of, den, stated, decimals), decimals)
                )
                if reading is not None:  # a digit past the look-alikes, read back by two relations
                    found = [(cells[0], float(reading))]
            if status == "mismatch" and not found and joined_cells(quote, ocr):
                status = "skipped"
                message += "; not checked: the fraction and the percent may be two texts run together"
            ledger.check(
                "text_ratio",
                item,
                table=table,
                code=code,
                field_=field_,
                expected=round(true, 4),
                actual=stated,
                tolerance=tol,
                status=status,
                message=message,
                rows=(ref,),
                misread=[(c.ref, r) for c, r in found],
            )
