"""Text cells that spreadsheets must not take for formulas (OWASP "CSV injection").

Document text reaches CSV and XLSX cells as it is: "=HYPERLINK(...)" from a hostile file, or an
ordinary explanation starting "- Kế hoạch số ..." that Excel opens as a broken formula. Every
text cell starting with a formula character gets a leading apostrophe, as OWASP recommends;
numbers stay numbers. Parquet and SQLite keep the raw text (no spreadsheet evaluates them), and
reading a review sheet back takes the apostrophe off again.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

# What Excel, LibreOffice and Google Sheets start a formula (or a DDE call) with.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def neutralise(value):
    """``value`` with a leading apostrophe when it is text a spreadsheet would evaluate."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return QUOTE + value
    return value


def unneutralise(text: str) -> str:
    """The text ``neutralise`` was given: the apostrophe off again, only before a formula character."""
    if text.startswith(QUOTE) and text[1:2] and text[1] in FORMULA_STARTS:
        return text[1:]
    return text


def write_csv_rows(path: Path, header: Sequence[str], rows: Iterable[Sequence]) -> None:
    """Rows as the CSV Excel opens right: UTF-8 with BOM, text neutralised, CRLF rows (RFC 4180),
    so a stray CR inside a cell is quoted instead of cutting the row in two; a missing value is an
    empty field."""
    with Path(path).open("w", encoding=CSV_ENCODING, newline="") as fh:
        _write_csv(fh, header, rows)


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    """The bytes ``write_csv_rows`` writes."""
    buffer = io.StringIO(newline="")
    _write_csv(buffer, header, rows)
    return buffer.getvalue().encode(CSV_ENCODING)


CSV_ENCODING = "utf-8-sig"  # with the BOM Excel needs to read UTF-8


def _write_csv(fh, header: Sequence[str], rows: Iterable[Sequence]) -> None:
    writer = csv.writer(fh, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([neutralise(v) for v in row] for row in rows)
