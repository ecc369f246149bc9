"""The review sheet: the queue out to ``review.xlsx`` / ``review.csv``, one row per doubtful value,
and a person's decisions typed into it (status, corrected value, note) back through
``apply_decisions``.

The sheet is for a district officer: headers, statuses and reasons in Vietnamese by default
(``lang="en"`` for English; strings in ``cchc_extract.messages``), grouped by document, the most
serious first, each row with its commune, criterion name, max points and a link to its page
crop; printed landscape, fit to the page's width, rows tall enough for their wrapped text.
Headers are read back in either language. A refused line is reported and keeps what was typed in
the rewritten sheet.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from cchc_extract.crops import CropSettings, make_crops
from cchc_extract.messages import DEFAULT_LANG, LANGS, labels, message
from cchc_extract.outdir import CROPS_DIR, atomic_write
from cchc_extract.review.apply import ApplyReport, Decision, apply_decisions
from cchc_extract.review.fields import ApplySettings
from cchc_extract.review.model import ACTIONS, ReviewEntry, build_queue
from cchc_extract.review.xlsx import Cell, SheetSetup, Style, write_sheet
from cchc_extract.spreadsheet import csv_bytes, neutralise, unneutralise
from cchc_extract.tables import iter_outputs
from normalize.text import fold

if TYPE_CHECKING:  # pandas (≈0.5 s to import) is loaded only to read a sheet back or for the API's frame
    import pandas as pd

REVIEW_XLSX, REVIEW_CSV = "review.xlsx", "review.csv"
REVIEW_COLUMNS = (
    "commune",
    "document",
    "page",
    "code",
    "name",
    "field",
    "value",
    "max_points",
    "reasons",
    "confidence",
    "crop",
    "status",
    "corrected_value",
    "note",
    "key",
)
# Column widths (characters), chosen so the printed columns (all but ``key``) fit a landscape
# A4 page at about two-thirds scale; long text wraps.
_WIDTHS = {
    "commune": 12,
    "document": 22,
    "page": 6,
    "code": 7,
    "name": 34,
    "field": 11,
    "value": 9,
    "max_points": 7,
    "reasons": 45,
    "confidence": 8,
    "crop": 6,
    "status": 10,
    "corrected_value": 10,
    "note": 16,
    "key": 40,
}
_WRAPPED = ("document", "name", "reasons", "note")
# Points of row height per wrapped line (an 11-pt line), and the characters of a column's width
# a wrapped line holds (a little under one per unit: Vietnamese diacritics are wide).
_LINE_PT, _CHARS_PER_WIDTH = 15.0, 0.95
# The fill of a row's reasons by severity: the reviewer sees where the serious ones end.
_SEVERITY_FILL = {"inconsistency": "F8CBAD", "misreading": "FFE699", "unread": "D9D9D9"}
_INPUT_FILL = "FFF2CC"  # the columns a reviewer types into
FORMULA_COLUMN = "_formula"  # read_review's mark of a corrected value typed as a formula


# --- export -----------------------------------------------------------------------------------


def review_records(
    out_dir: Path, crops: dict[tuple[str, int], str] | None = None, lang: str = DEFAULT_LANG
) -> list[dict]:
    """One row per open entry of the queue (``build_queue``: grouped by document, most serious
    first), keys ``REVIEW_COLUMNS``; ``crops`` ({(output JSON relative to OUT, review index):
    crop path relative to OUT}) fills ``crop``. A hidden ``_severity`` key colours rows."""
    entries = build_queue(out_dir, crops)
    statuses = labels("status", lang)
    fields = labels("field", lang)
    return [
        {
            "commune": e.commune,
            "document": e.document,
            "page": _as_number(e.page, int),
            "code": e.code,
            "name": e.name,
            "field": fields.get(e.field or "", e.field),
            "value": e.value,
            "max_points": _as_number(e.max_points, float),
            "reasons": e.reason_text(lang),
            "confidence": None if e.confidence is None else round(e.confidence, 2),
            "crop": e.crop,
            "status": statuses[e.status],
            "corrected_value": e.corrected,
            "note": e.note or None,
            "key": e.key,
            "_severity": e.severity,
        }
        for e in entries
    ]


def review_frame(
    out_dir: Path, crops: dict[tuple[str, int], str] | None = None, lang: str = DEFAULT_LANG
) -> pd.DataFrame:
    """``review_records`` as a frame, columns ``REVIEW_COLUMNS`` and ``_severity``."""
    import pandas as pd

    frame = pd.DataFrame(review_records(out_dir, crops, lang), columns=[*REVIEW_COLUMNS, "_severity"])
    return frame.astype({"page": "Int64", "confidence": "float64", "max_points": "float64"})


def _as_number(value, kind: type):
    """A page or a number column's cell as that number; None when it is none (a typed row
    kept from an earlier sheet may hold anything)."""
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    if math.isnan(number) or (kind is int and not number.is_integer()):
        return None
    return int(number) if kind is int else number


def with_kept(records: list[dict], kept: Sequence[Decision], lang: str = DEFAULT_LANG) -> list[dict]:
    """``records`` with what was typed for the ``kept`` (refused) decisions: in the row of the
    same key, or appended as typed when the value is no longer in the queue."""
    if not kept:
        return records
    records = [dict(r) for r in records]
    index = {r["key"]: r for r in records}
    statuses = labels("status", lang)
    for d in kept:
        typed = {
            "status": (d.row or {}).get("status") or statuses.get(ACTIONS.get(d.action, ""), d.action),
            "corrected_value": d.value or None,
            "note": d.note or None,
        }
        where = index.get(d.key)
        if where is not None:
            where.update(typed)
        else:
            # The value left the queue, and its crop with it.
            row = {c: ((d.row or {}).get(c) or None) for c in REVIEW_COLUMNS if c != "crop"}
            row["page"] = _as_number(row["page"], int)
            for name in ("confidence", "max_points"):
                row[name] = _as_number(row[name], float)
            records.append({**row, "crop": None, **typed, "key": d.key, "_severity": None})
    return records


def export_review(
    out_dir: Path,
    kept: Sequence[Decision] = (),
    crop_settings: CropSettings = CropSettings(),
    lang: str = DEFAULT_LANG,
) -> tuple[Path, Path]:
    """Write ``review.xlsx`` and ``review.csv`` (UTF-8 with BOM), text that would open as a
    formula neutralised; ``kept`` decisions show what was typed. The page crops are made first;
    the ``crop`` column links each row to its own (relative paths). Written without pandas (a
    small batch's refresh would spend most of its time importing it)."""
    crops = make_crops(out_dir, iter_outputs(out_dir), crop_settings)
    records = with_kept(review_records(out_dir, crops, lang), list(kept), lang)
    severities = [r["_severity"] for r in records]
    rows = [[neutralise(r[c]) for c in REVIEW_COLUMNS] for r in records]
    headers = labels("col", lang)
    shown = [headers[c] for c in REVIEW_COLUMNS]
    csv_path, xlsx_path = out_dir / REVIEW_CSV, out_dir / REVIEW_XLSX

    def write_xlsx(path: Path) -> None:
        # Each row goes to the file as it is made, so the sheet's memory does not grow with the
        # queue (a whole workbook held ≈0.1 MB per document of a batch).
        write_sheet(path, _sheet_setup(len(rows), lang), _styled_rows(shown, rows, severities, lang))

    text = csv_bytes(shown, rows)
    if _unchanged(csv_path, xlsx_path, text):
        # A re-run whose queue came out the same: the sheet in place is the one this run would
        # write (the CSV holds every cell; fills and links follow from the reasons and crops).
        return xlsx_path, csv_path
    atomic_write(out_dir, xlsx_path, write_xlsx)
    atomic_write(out_dir, csv_path, lambda p: _write_bytes(p, text))
    return xlsx_path, csv_path


def _write_bytes(path: Path, data: bytes) -> None:
    path.write_bytes(data)


def _unchanged(csv_path: Path, xlsx_path: Path, text: bytes) -> bool:
    """Both review files are in place, the sheet written after the CSV (as export writes them),
    and the CSV holds ``text``."""
    try:
        if csv_path.is_symlink() or xlsx_path.is_symlink() or not xlsx_path.is_file():
            return False
        if xlsx_path.stat().st_mtime_ns > csv_path.stat().st_mtime_ns:
            return False
        return csv_path.read_bytes() == text
    except OSError:
        return False


def _sheet_setup(n_rows: int, lang: str) -> SheetSetup:
    """What the sheet needs besides its rows: column widths, frozen header and filter (always,
    in xlsx.py), the status list, print settings (landscape A4, every column but the machine key
    across one page's width, header repeated on each page)."""
    statuses = labels("status", lang)
    return SheetSetup(
        name="review",
        widths=[_WIDTHS[name] for name in REVIEW_COLUMNS],
        n_rows=n_rows,
        validation=(
            REVIEW_COLUMNS.index("status") + 1,
            [statuses[s] for s in ("open", "confirmed", "corrected", "dismissed")],
        ),
        print_columns=REVIEW_COLUMNS.index("note") + 1,
    )


def _styled_rows(shown: list[str], rows: list[list], severities: list, lang: str) -> Iterator[tuple[float, list[Cell]]]:
    """The header and each row as (height in points, styled cells): the columns a person fills
    in stand out, the reasons coloured by severity, the crop a link, long text wrapped."""
    wrap_top, top = Style(wrap=True), Style()
    link_text = message("crop.link", lang)
    header = Style(bold=True, wrap=True)
    yield 2 * _LINE_PT, [Cell(h, header) for h in shown]
    for values, severity in zip(rows, severities):
        cells = []
        for name, value in zip(REVIEW_COLUMNS, values):
            # Document text is text, never a formula: every string is written as a string.
            style = wrap_top if name in _WRAPPED else top
            if name in ("status", "corrected_value", "note"):
                style = replace(style, fill=_INPUT_FILL)
            if name == "reasons" and severity in _SEVERITY_FILL:
                style = replace(style, fill=_SEVERITY_FILL[severity])
            if name == "key":
                style = replace(style, color="808080", size=8)
            if name == "crop" and isinstance(value, str) and value.startswith(CROPS_DIR + "/"):
                # A relative link (resolved from review.xlsx's folder): the folder can be moved whole.
                cells.append(Cell(link_text, replace(style, color="0563C1", underline=True), link=value))
                continue
            cells.append(Cell(value, style))
        # LibreOffice and Excel do not grow a row for wrapped text written by a program: the
        # height is set from the longest wrapped cell, so rows never overlap.
        record = dict(zip(REVIEW_COLUMNS, values))
        yield _LINE_PT * max([1] + [_lines(record.get(name), _WIDTHS[name]) for name in _WRAPPED]), cells


def _lines(value, width: int) -> int:
    """Lines a text takes wrapped in a column ``width`` characters wide."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return 1
    per_line = max(1, int(width * _CHARS_PER_WIDTH))
    return sum(max(1, math.ceil(len(part) / per_line)) for part in str(value).split("\n"))


# --- read back --------------------------------------------------------------------------------


def _header_ids() -> dict[str, str]:
    """Any language's header (folded) → column id; the ids themselves are headers too."""
    out = {fold(name): name for name in REVIEW_COLUMNS}
    for lang in LANGS:
        out.update({fold(text): name for name, text in labels("col", lang).items()})
    return out


def _status_actions() -> dict[str, str | None]:
    """A status as typed (any language, folded) → the action it asks for (None: none)."""
    out: dict[str, str | None] = {"": None, "open": None}
    for action, status in ACTIONS.items():
        out[action] = out[status] = action
    for lang in LANGS:
        for status, text in labels("status", lang).items():
            out[fold(text)] = next((a for a, s in ACTIONS.items() if s == status), None)
    return out


def read_review(path: Path) -> pd.DataFrame:
    """A review file as text cells ('' for blank), columns named by ``REVIEW_COLUMNS`` ids
    whatever the header language; .xlsx or .csv. The apostrophe export put before formula-like
    text is taken off; a formula in the corrected value is marked in ``_formula``."""
    import pandas as pd

    if path.suffix.lower() in (".xlsx", ".xlsm"):
        frame = _read_xlsx(path)
    elif path.suffix.lower() == ".csv":
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        frame = frame.rename(columns=lambda h: _header_ids().get(fold(str(h)), h))
        frame[FORMULA_COLUMN] = False
    else:
        raise ValueError(f"a review file is .xlsx or .csv, not '{path.suffix or path.name}'")
    missing = [c for c in ("key", "corrected_value") if c not in frame.columns]
    if missing:
        raise ValueError(f"{path.name} lacks the column(s) {', '.join(missing)}")
    for name in frame.columns:
        if name != FORMULA_COLUMN:
            frame[name] = frame[name].map(lambda v: unneutralise(v) if isinstance(v, str) else v)
    return frame


def _read_xlsx(path: Path) -> pd.DataFrame:
    """The first sheet's cells as text, formulas as their text (never their cached result)."""
    import openpyxl
    import pandas as pd

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # not a zip, not a workbook
        raise ValueError(f"{path.name} is not a readable .xlsx: {type(exc).__name__}") from None
    ids = _header_ids()
    try:
        sheet = book.worksheets[0]
        rows = sheet.iter_rows()
        header = [ids.get(fold(str(c.value)), str(c.value)) if c.value is not None else "" for c in next(rows, [])]
        records, formulas = [], []
        for row in rows:
            cells = list(row) + [None] * (len(header) - len(row))
            records.append([_cell_text(c) for c in cells[: len(header)]])
            formulas.append(
                any(
                    c is not None and c.data_type == "f" and header[k] == "corrected_value"
                    for k, c in enumerate(cells[: len(header)])
                )
            )
    finally:
        book.close()
    frame = pd.DataFrame(records, columns=header, dtype=object)
    frame[FORMULA_COLUMN] = formulas
    return frame


def _cell_text(cell) -> str:
    value = None if cell is None else cell.value
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def sheet_decisions(frame: pd.DataFrame, name: str) -> list[Decision]:
    """The decisions typed into a read review sheet: a row with a status other than open, or
    with a corrected value (typing a value is correcting it; typing the value read back
    confirms it). Rows with neither are left alone."""
    actions = _status_actions()
    out = []
    for line_no, row in zip(range(2, len(frame) + 2), frame.to_dict("records")):  # line 1 is the header
        text = str(row.get("corrected_value", "") or "").strip()
        status = str(row.get("status", "") or "").strip()
        action = actions.get(fold(status), status)  # an unknown status is refused with a message
        if action is None and not text:
            continue
        if text and action in (None, "confirm"):
            action = "correct"
        out.append(
            Decision(
                key=str(row.get("key", "") or "").strip(),
                action=action or "correct",
                value=text,
                note=str(row.get("note", "") or "").strip(),
                code=str(row.get("code", "") or "").strip(),
                source=name,
                where=f"{name} line {line_no}",
                formula=bool(row.get(FORMULA_COLUMN)),
                row={c: row.get(c, "") for c in REVIEW_COLUMNS},
            )
        )
    return out


def apply_review(
    review_path: Path, out_dir: Path, settings: ApplySettings = ApplySettings(), lang: str = DEFAULT_LANG
) -> ApplyReport:
    """Apply the decisions typed into a review file to the outputs in ``out_dir``; rewrite them,
    the tables, the review files and the report. Refused lines are in ``problems``, kept."""
    decisions = sheet_decisions(read_review(review_path), review_path.name)
    return apply_decisions(out_dir, decisions, settings, refresh=True, lang=lang)


__all__ = [
    "FORMULA_COLUMN",
    "REVIEW_COLUMNS",
    "REVIEW_CSV",
    "REVIEW_XLSX",
    "ReviewEntry",
    "apply_review",
    "export_review",
    "read_review",
    "review_frame",
    "review_records",
    "sheet_decisions",
    "with_kept",
]
