"""The review round-trip: every review item of every document out to ``review.xlsx`` /
``review.csv``; the corrections a person types into its ``corrected_value`` column back into the
JSON files, recorded (old → new, from which file, when), checks re-run, output re-validated.

Applying is a narrow gate: only the value fields of rows (points, values, codes, names, texts)
can be corrected, numbers must be finite and within their field's range, a formula typed into a
cell is refused. A refused line is reported and keeps its typed value in the rewritten sheet.
"""

from __future__ import annotations

import dataclasses
import math
import typing
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from cchc_extract.coverage import account_coverage
from cchc_extract.crops import CropSettings, make_crops
from cchc_extract.outdir import CROPS_DIR, atomic_write, relative_to_out
from cchc_extract.reconcile import ReconcileSettings, reconcile
from cchc_extract.records import (
    Correction,
    Count,
    ErrorRecord,
    ExtractionResult,
    ScoreRow,
    ScoreStatement,
    StatRow,
    Target,
    TaskRow,
    from_dict,
    to_dict,
)
from cchc_extract.report import write_report
from cchc_extract.spreadsheet import cells_as_text, neutralised, unneutralise, write_csv
from cchc_extract.tables import iter_outputs, write_tables
from extract.segment.unread import unread_review_items
from normalize.numbers import format_vn, parse_number
from schemas import schema_errors

REVIEW_XLSX, REVIEW_CSV = "review.xlsx", "review.csv"
REVIEW_COLUMNS = (
    "document",
    "page",
    "table",
    "code",
    "field",
    "raw",
    "value",
    "alternatives",
    "reason",
    "confidence",
    "crop",
    "item",
    "corrected_value",
)
# Spreadsheet column widths (characters); long free text wraps.
_WIDTHS = {
    "document": 36,
    "page": 6,
    "table": 14,
    "code": 10,
    "field": 14,
    "raw": 40,
    "value": 14,
    "alternatives": 14,
    "reason": 40,
    "confidence": 11,
    "crop": 8,
    "item": 28,
    "corrected_value": 18,
}
# Number fields whose values are points: "2.5" and "2,5" alike, "1.250" never a thousand.
_SCORE_FIELDS = frozenset({"max_points", "self_points", "points"})
# What a review file may correct: the value fields of rows and items. Provenance (source,
# sha256), flags, confidences and the document's own metadata are the pipeline's, not a sheet's.
CORRECTABLE: dict[type, frozenset[str]] = {
    ScoreRow: frozenset({"code", "name", "max_points", "self_points", "appraised_points", "explanation"}),
    StatRow: frozenset({"code", "indicator", "unit", "value", "note"}),
    TaskRow: frozenset(
        {
            "code",
            "criterion_code",
            "criterion",
            "objective",
            "task",
            "activity",
            "product",
            "deadline",
            "lead",
            "coordinator",
            "official",
            "budget",
        }
    ),
    ScoreStatement: frozenset({"code", "name", "points", "max_points"}),
    Target: frozenset({"indicator", "value", "unit", "year"}),
    Count: frozenset({"label", "total", "unit"}),
}


@dataclass(frozen=True)
class ApplySettings:
    reconcile: ReconcileSettings = field(default_factory=ReconcileSettings)
    # A value a person has corrected is certain: the item leaves review on the next check run.
    corrected_confidence: float = 1.0
    # Sane ranges of corrected numbers. Points: a CCHC index is out of 100, no criterion is
    # negative; the margin takes other scales. Values and counts: budgets in VND reach 1e11.
    points_range: tuple[float, float] = (0.0, 1000.0)
    value_range: tuple[float, float] = (-1e13, 1e13)
    year_range: tuple[float, float] = (1945.0, 2100.0)
    # Longest text a cell may put into a name or explanation (Excel's own cell limit is 32,767).
    max_text_chars: int = 10_000


@dataclass
class ApplyReport:
    applied: int = 0  # corrections and confirmations written
    unchanged: int = 0  # already applied before
    documents: int = 0
    problems: list[str] = field(default_factory=list)  # one line per skipped correction
    # The sheet rows of the skipped corrections, typed value and all: written back into the
    # rewritten review files, so nothing a person typed is lost.
    kept: list[dict] = field(default_factory=list)


# --- export -----------------------------------------------------------------------------------


def review_frame(out_dir: Path, crops: dict[tuple[str, int], str] | None = None) -> pd.DataFrame:
    """Every review row of every document: rows in a broken sum, ratio or code first (the
    numbers users must not trust; a value we may have misread comes with the other readings that
    would make its relation hold, in ``alternatives``), then the least confident first. ``crops``
    ({(output JSON relative to OUT, review index): crop path relative to OUT}) fills ``crop``."""
    rows, priority = [], []
    crops = crops or {}
    for path, data in iter_outputs(out_dir):
        broken = {c["message"] for c in data.get("checks", []) if c.get("status") in ("mismatch", "misread")}
        relative = relative_to_out(out_dir, path)
        for n, item in enumerate(data.get("review", [])):
            rows.append(
                {
                    **{k: item.get(k) for k in REVIEW_COLUMNS},
                    "document": data["source"].get("path"),
                    "alternatives": "; ".join(format_vn(a, 4) for a in item.get("alternatives") or []) or None,
                    "crop": crops.get((relative, n)),
                    "corrected_value": None,
                }
            )
            confidence = item.get("confidence")
            priority.append((item.get("reason") not in broken, 1.0 if confidence is None else confidence))
    order = sorted(range(len(rows)), key=lambda i: priority[i])  # stable: documents stay in order
    frame = pd.DataFrame([rows[i] for i in order], columns=list(REVIEW_COLUMNS))
    return frame.astype({"page": "Int64", "confidence": "float64"})


def with_kept(frame: pd.DataFrame, kept: list[dict]) -> pd.DataFrame:
    """``frame`` with the typed values of ``kept`` sheet rows: in the row of the same item and
    field, or appended as they were when the item is no longer under review."""
    if not kept:
        return frame
    frame = frame.copy()
    frame["corrected_value"] = frame["corrected_value"].astype(object)

    def key(row: dict) -> tuple[str, ...]:
        return tuple(
            "" if row.get(c) is None or pd.isna(row.get(c)) else str(row.get(c)) for c in ("document", "item", "field")
        )

    index = {key(r): i for i, r in zip(frame.index, frame.to_dict("records"))}
    extra = []
    for row in kept:
        where = index.get(key(row))
        if where is not None:
            frame.at[where, "corrected_value"] = row.get("corrected_value")
        else:
            # The item is gone, and its crop with it.
            extra.append({c: (row.get(c) if row.get(c) != "" and c != "crop" else None) for c in REVIEW_COLUMNS})
    if extra:
        added = pd.DataFrame(extra, columns=list(REVIEW_COLUMNS))
        added["page"] = pd.to_numeric(added["page"], errors="coerce").astype("Int64")
        added["confidence"] = pd.to_numeric(added["confidence"], errors="coerce")
        frame = pd.concat([frame, added], ignore_index=True)
    return frame


def export_review(
    out_dir: Path, kept: Sequence[dict] = (), crop_settings: CropSettings = CropSettings()
) -> tuple[Path, Path]:
    """Write ``review.xlsx`` (header frozen, columns sized) and ``review.csv`` (UTF-8 with BOM),
    text that would open as a formula neutralised; ``kept`` rows keep their typed values. The
    page crops are made first; ``crop`` links each row to its own (relative paths)."""
    crops = make_crops(out_dir, iter_outputs(out_dir), crop_settings)
    frame = neutralised(with_kept(review_frame(out_dir, crops), list(kept)))
    csv_path, xlsx_path = out_dir / REVIEW_CSV, out_dir / REVIEW_XLSX

    def write_xlsx(path: Path) -> None:
        with pd.ExcelWriter(path, engine="openpyxl") as writer:
            frame.to_excel(writer, index=False, sheet_name="review")
            cells_as_text(writer.sheets["review"])
            _format_sheet(writer.sheets["review"], len(frame))

    atomic_write(out_dir, xlsx_path, write_xlsx)
    atomic_write(out_dir, csv_path, lambda p: write_csv(frame, p))
    return xlsx_path, csv_path


def _format_sheet(sheet, n_rows: int) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for i, name in enumerate(REVIEW_COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = _WIDTHS[name]
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    # The one column a person fills in stands out.
    fill = PatternFill("solid", fgColor="FFF2CC")
    col = REVIEW_COLUMNS.index("corrected_value") + 1
    wrap = Alignment(wrap_text=True, vertical="top")
    link = REVIEW_COLUMNS.index("crop") + 1
    for r in range(2, n_rows + 2):
        sheet.cell(r, col).fill = fill
        cell = sheet.cell(r, link)
        if isinstance(cell.value, str) and cell.value.startswith(CROPS_DIR + "/"):
            # A relative link (resolved from review.xlsx's folder): the folder can be moved whole.
            cell.hyperlink = cell.value
            cell.value = "xem"
            cell.font = Font(color="0563C1", underline="single")
        for name in ("raw", "reason"):
            sheet.cell(r, REVIEW_COLUMNS.index(name) + 1).alignment = wrap


# --- apply ------------------------------------------------------------------------------------


FORMULA_COLUMN = "_formula"  # read_review's mark of a corrected_value typed as a formula


def read_review(path: Path) -> pd.DataFrame:
    """A review file as text cells ('' for blank); .xlsx or .csv. The apostrophe export put
    before formula-like text is taken off; a formula cell reads as its formula text, and a
    formula in ``corrected_value`` is marked in the ``_formula`` column."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        frame = _read_xlsx(path)
    elif path.suffix.lower() == ".csv":
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        frame[FORMULA_COLUMN] = False
    else:
        raise ValueError(f"a review file is .xlsx or .csv, not '{path.suffix or path.name}'")
    missing = [c for c in ("document", "item", "field", "corrected_value") if c not in frame.columns]
    if missing:
        raise ValueError(f"{path.name} lacks the column(s) {', '.join(missing)}")
    for name in frame.columns:
        if name != FORMULA_COLUMN:
            frame[name] = frame[name].map(lambda v: unneutralise(v) if isinstance(v, str) else v)
    return frame


def _read_xlsx(path: Path) -> pd.DataFrame:
    """The first sheet's cells as text, formulas as their text (never their cached result)."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # not a zip, not a workbook
        raise ValueError(f"{path.name} is not a readable .xlsx: {type(exc).__name__}") from None
    try:
        sheet = book.worksheets[0]
        rows = sheet.iter_rows()
        header = [str(c.value) if c.value is not None else "" for c in next(rows, [])]
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


def resolve_pointer(data, pointer: str):
    """The object a JSON pointer (RFC 6901) names; KeyError when there is none."""
    node = data
    if pointer in ("", "/"):
        return node
    if not pointer.startswith("/"):
        raise KeyError(pointer)
    for token in pointer[1:].split("/"):
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(node, list):
            if not token.isdigit() or int(token) >= len(node):
                raise KeyError(pointer)
            node = node[int(token)]
        elif isinstance(node, dict) and token in node:
            node = node[token]
        else:
            raise KeyError(pointer)
    return node


def record_type(pointer: str) -> type | None:
    """The record class the pointer names inside an ``ExtractionResult`` ("/score_tables/0/rows/3"
    → ScoreRow), read from the dataclasses' own type hints; None when it names no record."""
    tp: typing.Any = ExtractionResult
    for token in pointer.strip("/").split("/"):
        if dataclasses.is_dataclass(tp):
            hints = typing.get_type_hints(tp)
            if token not in hints:
                return None
            tp = hints[token]
        elif typing.get_origin(tp) is list and token.isdigit():
            (tp,) = typing.get_args(tp)
        else:
            return None
    return tp if isinstance(tp, type) and dataclasses.is_dataclass(tp) else None


def _field_kinds(cls: type, name: str) -> set[type]:
    hint = typing.get_type_hints(cls).get(name)
    args = typing.get_args(hint) or (hint,)
    return {a for a in args if a is not type(None)}


def parse_correction(cls: type, name: str, text: str):
    """The typed value of a corrected cell for field ``name`` of record ``cls``; ValueError when
    the text does not fit the field (a word where a number belongs)."""
    kinds = _field_kinds(cls, name)
    if kinds & {float, int}:
        kind = "score" if name in _SCORE_FIELDS else ("count" if int in kinds else "auto")
        parsed = parse_number(text, kind=kind)
        if parsed is None:
            if str in kinds:
                return text
            raise ValueError(f"'{_short(text)}' is not a number (field {name})")
        if not math.isfinite(parsed.value):
            raise ValueError(f"'{_short(text)}' is too large a number (field {name})")
        if float not in kinds and int in kinds:
            if parsed.value != int(parsed.value):
                raise ValueError(f"'{text}' is not a whole number (field {name})")
            return int(parsed.value)
        return parsed.value
    if kinds & {str}:
        return text
    raise ValueError(f"field {name} cannot be corrected from a review file")


def _short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def gate(cls: type, name: str, value, settings: ApplySettings) -> str:
    """Why a parsed correction may not be written ("" when it may): a field outside the value
    fields of rows, or a number outside its field's range."""
    if name not in CORRECTABLE.get(cls, frozenset()):
        allowed = ", ".join(sorted(CORRECTABLE.get(cls, ()))) or "none: not a row"
        return f"field '{name}' of a {cls.__name__} cannot be corrected from a review file (correctable: {allowed})"
    if isinstance(value, str):
        return (
            f"text longer than {settings.max_text_chars:,} characters" if len(value) > settings.max_text_chars else ""
        )
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        low, high = (
            settings.points_range
            if name in _SCORE_FIELDS or name == "appraised_points"
            else settings.year_range
            if name == "year"
            else settings.value_range
        )
        if not math.isfinite(value) or not low <= value <= high:
            return f"{value:g} is outside the range of {name} ({low:g} to {high:g})"
    return ""


def apply_review(review_path: Path, out_dir: Path, settings: ApplySettings = ApplySettings()) -> ApplyReport:
    """Apply the non-empty corrections of a review file to the JSON files in ``out_dir``; rewrite
    them, the tables and the review files. Bad lines are reported in ``problems`` and skipped."""
    from cchc_extract.pipeline import write_json

    report = ApplyReport()
    frame = read_review(review_path)
    outputs = {data["source"].get("path"): (path, data) for path, data in iter_outputs(out_dir)}
    stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
    touched: dict[str, tuple[Path, dict]] = {}
    rows_of: dict[str, list[dict]] = {}  # the sheet rows applied to each document
    for line_no, row in zip(range(2, len(frame) + 2), frame.to_dict("records")):  # line 1 is the header
        text = str(row.get("corrected_value", "")).strip()
        if not text:
            continue
        where = f"{review_path.name} line {line_no}"

        def refuse(message: str, where: str = where, row: dict = row) -> None:
            report.problems.append(f"{where}: {message}")
            report.kept.append({c: row.get(c, "") for c in REVIEW_COLUMNS})

        if row.get(FORMULA_COLUMN):
            refuse(f"corrected_value is a formula ({_short(text)}); type the value itself")
            continue
        document, pointer, name = (str(row.get(k, "")).strip() for k in ("document", "item", "field"))
        if document not in outputs:
            refuse(f"no output JSON for document '{_short(document)}'")
            continue
        path, data = outputs[document]
        cls = record_type(pointer)
        try:
            target = resolve_pointer(data, pointer)
        except KeyError:
            target = None
        if cls is None or not isinstance(target, dict):
            refuse(f"item '{_short(pointer)}' not found in {document}")
            continue
        code = str(row.get("code", "")).strip()
        if code and target.get("code") is not None and str(target["code"]) != code:
            # The document was converted again since the review file was made and rows moved.
            refuse(f"item '{pointer}' now holds code '{target['code']}', not '{code}'")
            continue
        if not name or name not in target:
            refuse(f"item '{pointer}' has no field '{_short(name)}' to correct")
            continue
        try:
            new = parse_correction(cls, name, text)
        except ValueError as exc:
            refuse(str(exc))
            continue
        problem = gate(cls, name, new, settings)
        if problem:
            refuse(problem)
            continue
        old = target[name]
        certain = target.get("confidence", settings.corrected_confidence) >= settings.corrected_confidence
        if old == new and certain:  # already applied (or confirmed) before
            report.unchanged += 1
            continue
        # The same value typed back is a confirmation: recorded too, and the item becomes certain.
        target[name] = new
        if "confidence" in target:
            target["confidence"] = settings.corrected_confidence
        data.setdefault("corrections", []).append(
            to_dict(Correction(item=pointer, field=name, old=old, new=new, source=review_path.name, applied_at=stamp))
        )
        touched[document] = (path, data)
        rows_of.setdefault(document, []).append({c: row.get(c, "") for c in REVIEW_COLUMNS})
        report.applied += 1
    for document, (path, data) in touched.items():
        rechecked, problems = recheck(data, settings.reconcile)
        if problems:
            report.problems.append(f"{document}: corrected output breaks the schema, not written: {problems[0]}")
            report.applied -= len(rows_of[document])
            report.kept.extend(rows_of[document])
            continue
        write_json(rechecked, path, out_dir)
        report.documents += 1
    write_tables(out_dir)
    export_review(out_dir, report.kept)
    write_report(out_dir)
    return report


def recheck(data: dict, settings: ReconcileSettings) -> tuple[dict, list[str]]:
    """Re-run the checks on a (corrected) output: checks and review rebuilt, then validated."""
    result = from_dict(ExtractionResult, data)
    result.checks, result.review = [], []
    try:
        reconcile(result, settings)
    except Exception as exc:  # as in the pipeline: the failure is recorded, the document stands
        result.errors.append(ErrorRecord(stage="reconcile", message=f"{type(exc).__name__}: {exc}".splitlines()[0]))
    account_coverage(result)
    result.review = unread_review_items(result) + result.review
    out = to_dict(result)
    return out, schema_errors(out)
