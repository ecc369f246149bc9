"""Text cells that spreadsheets must not take for formulas (OWASP "CSV injection").

Document text reaches CSV and XLSX cells as it is: "=HYPERLINK(...)" from a hostile file, or an
ordinary explanation starting "- Kế hoạch số ..." that Excel opens as a broken formula. Every
text cell starting with a formula character gets a leading apostrophe, as OWASP recommends;
numbers stay numbers. Parquet and SQLite keep the raw text (no spreadsheet evaluates them), and
reading a review sheet back takes the apostrophe off again.
"""

from __future__ import annotations

import pandas as pd

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


def neutralised(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with every text cell neutralised (number columns untouched)."""
    out = frame.copy()
    for name in out.columns:
        if not pd.api.types.is_numeric_dtype(out[name]):  # object or string columns
            out[name] = out[name].astype(object).map(neutralise)
    return out


def write_csv(frame: pd.DataFrame, path) -> None:
    """A frame as the CSV Excel opens right: UTF-8 with BOM, text neutralised, CRLF rows (RFC
    4180), so a stray CR inside a cell is quoted instead of cutting the row in two."""
    neutralised(frame).to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\r\n")


def cells_as_text(sheet) -> None:
    """No cell of an openpyxl sheet written by us is a formula: any cell openpyxl typed as one
    (a string starting "=") is stored as the string it is."""
    for row in sheet.iter_rows():
        for cell in row:
            if cell.data_type == "f":
                cell.data_type = "s"
