"""Dashboard tables: every output JSON in a folder flattened into one table per kind of item.

One row per item, the document's key columns repeated on each, columns declared here so a table
has the same columns (and types) whether it holds a thousand rows or none. Written (by
cchc_extract/tablestore.py, document by document) as CSV (UTF-8 with BOM, for Excel; text that
would open as a formula neutralised), Parquet, one Excel workbook and one SQLite database.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from cchc_extract.outdir import owned_outputs

if TYPE_CHECKING:  # pandas and pyarrow cost ~0.5 s to import: loaded only by what builds frames or schemas
    import pandas as pd
    import pyarrow as pa

TABLES_DIR = "tables"
SQLITE_NAME = "cchc.sqlite"


@dataclass(frozen=True)
class Column:
    name: str
    kind: str = "str"  # str | float | int | date (ISO text: a date cell in Excel, DATE in SQLite)


# Types per kind: pandas dtype, Arrow type (its pyarrow factory's name), SQLite type, and the
# "pandas_type" pandas records for it in a Parquet file's metadata (see pandas_metadata). Dates
# stay ISO text in pandas, CSV and Parquet (as every reader of those took them so far).
_KINDS = {
    "str": ("object", "string", "TEXT", "empty"),
    "date": ("object", "string", "DATE", "empty"),
    "float": ("float64", "float64", "REAL", "float64"),
    "int": ("Int64", "int64", "INTEGER", "int64"),
}


def _cols(spec: str) -> tuple[Column, ...]:
    """'name:float other' → columns; no suffix means text."""
    out = []
    for token in spec.split():
        name, _, kind = token.partition(":")
        out.append(Column(name, kind or "str"))
    return tuple(out)


KEY_COLUMNS = _cols("source_path commune number date:date period")
_SOURCE_REF = _cols("page:int line_start:int line_end:int")

TABLE_COLUMNS: dict[str, tuple[Column, ...]] = {
    "documents": KEY_COLUMNS
    + _cols(
        "output_file sha256 format method pages:int encoding kind kind_name title issuer place year:int signer "
        "schema_version pipeline_version score_rows:int statistics_rows:int task_rows:int score_statements:int "
        "targets:int counts:int checks:int mismatches:int misreads:int review_rows:int corrections:int "
        "unread_parts:int errors"
    ),
    "score_rows": KEY_COLUMNS
    + _cols(
        "table_index:int table_title row_index:int code code_raw level:int parent name name_raw "
        "max_points:float self_points:float max_points_raw self_points_raw appraised_points:float "
        "appraised_points_raw explanation scale confidence:float flags "
        "alternatives"
    )
    + _SOURCE_REF,
    "statistics_rows": KEY_COLUMNS
    + _cols(
        "annex annex_title annex_index:int row_index:int code indicator unit value:float value_raw allowed_values "
        "note level:int parent confidence:float flags"
    )
    + _SOURCE_REF,
    "task_rows": KEY_COLUMNS
    + _cols(
        "table_index:int table_title row_index:int code section criterion_code criterion objective task activity "
        "product deadline lead coordinator official budget extra confidence:float flags"
    )
    + _SOURCE_REF,
    "score_statements": KEY_COLUMNS
    + _cols("index:int kind code name points:float max_points:float reason group text confidence:float")
    + _SOURCE_REF,
    "targets": KEY_COLUMNS
    + _cols("index:int text indicator comparator value:float unit year:int section confidence:float")
    + _SOURCE_REF,
    "counts": KEY_COLUMNS
    + _cols("index:int text label total:float parts unit complete:int doubt confidence:float")
    + _SOURCE_REF,
    # expected/actual are numbers or words: the number in one column, the words in another.
    "checks": KEY_COLUMNS
    + _cols(
        "id kind table code field expected:float actual:float expected_text actual_text tolerance:float status message"
    ),
    # Parts of a document that gave no data (tables not read, blank pages, rows not placed).
    "unread": KEY_COLUMNS
    + _cols("index:int kind page:int page_end:int line_start:int line_end:int reason text_sample"),
    # The review queue of each document (its "review"), and the corrections applied to it.
    "review": KEY_COLUMNS
    + _cols("index:int item field table code page:int raw value:float value_text alternatives reason confidence:float"),
    "corrections": KEY_COLUMNS + _cols("index:int item field old new source applied_at"),
}


def iter_outputs(out_dir: Path) -> Iterator[tuple[Path, dict]]:
    """Every output document this tool wrote under ``out_dir`` (the manifest's; any other JSON,
    even one shaped like ours, is left aside)."""
    for path in owned_outputs(out_dir):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict) and "schema_version" in data and isinstance(data.get("source"), dict):
            yield path, data


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, (list, dict)):
        if not value:
            return None
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return ";".join(value)
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _source_cols(item: dict) -> dict:
    ref = item.get("source") or {}
    return {"page": ref.get("page"), "line_start": ref.get("line_start"), "line_end": ref.get("line_end")}


def _key(data: dict) -> dict:
    doc = data.get("document") or {}
    return {
        "source_path": data["source"].get("path"),
        "commune": doc.get("commune"),
        "number": doc.get("number"),
        "date": doc.get("date"),
        "period": doc.get("period"),
    }


def document_row(data: dict, output_file: str) -> dict:
    doc, src = data.get("document") or {}, data["source"]
    return {
        **doc,
        **src,
        "output_file": output_file,
        "schema_version": data.get("schema_version"),
        "pipeline_version": data.get("pipeline_version"),
        "score_rows": sum(len(t.get("rows", [])) for t in data.get("score_tables", [])),
        "statistics_rows": sum(len(a.get("rows", [])) for a in data.get("statistics", [])),
        "task_rows": sum(len(t.get("rows", [])) for t in data.get("task_tables", [])),
        "score_statements": len(data.get("score_statements", [])),
        "targets": len(data.get("targets", [])),
        "counts": len(data.get("counts", [])),
        "checks": len(data.get("checks", [])),
        "mismatches": sum(c.get("status") == "mismatch" for c in data.get("checks", [])),
        "misreads": sum(c.get("status") == "misread" for c in data.get("checks", [])),
        "review_rows": len(data.get("review", [])),
        "corrections": len(data.get("corrections", [])),
        "unread_parts": len(data.get("unread", [])),
        "errors": "\n".join(f"{e.get('stage')}: {e.get('message')}" for e in data.get("errors", [])) or None,
    }


def _nested_rows(data: dict, key: str, index_name: str, title_name: str) -> Iterator[dict]:
    for t_index, table in enumerate(data.get(key, [])):
        for r_index, row in enumerate(table.get("rows", [])):
            yield {
                **row,
                index_name: t_index,
                title_name: table.get("title"),
                "row_index": r_index,
                **_source_cols(row),
            }


def _score_rows(data: dict) -> Iterator[dict]:
    # A scale line holds ";" and "," of its own ("từ 50%; dưới 100%: 0,5 điểm"): its lines are
    # kept apart by " | " in the one text column.
    for row in _nested_rows(data, "score_tables", "table_index", "table_title"):
        yield {**row, "scale": " | ".join(row.get("scale") or []) or None}


def _statistics_rows(data: dict) -> Iterator[dict]:
    for a_index, annex in enumerate(data.get("statistics", [])):
        for r_index, row in enumerate(annex.get("rows", [])):
            yield {
                **row,
                "annex": annex.get("annex"),
                "annex_title": annex.get("title"),
                "annex_index": a_index,
                "row_index": r_index,
                **_source_cols(row),
            }


def _flat_items(key: str) -> Callable[[dict], Iterator[dict]]:
    def rows(data: dict) -> Iterator[dict]:
        for index, item in enumerate(data.get(key, [])):
            yield {**item, "index": index, **_source_cols(item)}

    return rows


def _check_rows(data: dict) -> Iterator[dict]:
    for check in data.get("checks", []):
        row = dict(check)
        for name in ("expected", "actual"):
            value = check.get(name)
            numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
            row[name] = value if numeric else None
            row[f"{name}_text"] = None if numeric else value
        yield row


def _review_rows(data: dict) -> Iterator[dict]:
    for index, item in enumerate(data.get("review", [])):
        value = item.get("value")
        numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
        yield {
            **item,
            "index": index,
            "value": value if numeric else None,
            "value_text": None if numeric else value,
        }


_ITEMS: dict[str, Callable[[dict], Iterator[dict]]] = {
    "score_rows": _score_rows,
    "statistics_rows": _statistics_rows,
    "task_rows": lambda d: _nested_rows(d, "task_tables", "table_index", "table_title"),
    "score_statements": _flat_items("score_statements"),
    "targets": _flat_items("targets"),
    "counts": _flat_items("counts"),
    "checks": _check_rows,
    "unread": lambda d: ({**part, "index": i} for i, part in enumerate(d.get("unread", []))),
    "review": _review_rows,
    # A correction's "source" is the review file it came from (text), not a place in the document.
    "corrections": lambda d: ({**c, "index": i} for i, c in enumerate(d.get("corrections", []))),
}


def _cell(value, kind: str):
    if value is None:
        return None
    if kind in ("str", "date"):
        return _text(value)
    try:
        return int(value) if kind == "int" else float(value)
    except (TypeError, ValueError):
        return None


def _frame(name: str, rows: list[dict]) -> pd.DataFrame:
    import pandas as pd

    columns = TABLE_COLUMNS[name]
    records = [[_cell(row.get(c.name), c.kind) for c in columns] for row in rows]
    frame = pd.DataFrame(records, columns=[c.name for c in columns])
    return frame.astype({c.name: _KINDS[c.kind][0] for c in columns})


def document_rows(data: dict, output_file: str) -> dict[str, list[dict]]:
    """One output document's rows of every table, its key columns on each."""
    key = _key(data)
    rows = {"documents": [{**document_row(data, output_file), **key}]}
    for name, items in _ITEMS.items():
        rows[name] = [{**item, **key} for item in items(data)]
    return rows


def document_frames(data: dict, output_file: str = "") -> dict[str, pd.DataFrame]:
    """The tables of one output document (the Python API's ``Result.frames``)."""
    return {name: _frame(name, table_rows) for name, table_rows in document_rows(data, output_file).items()}


def build_tables(out_dir: Path) -> dict[str, pd.DataFrame]:
    """All dashboard tables from every output JSON under ``out_dir``."""
    rows: dict[str, list[dict]] = {name: [] for name in TABLE_COLUMNS}
    for path, data in iter_outputs(out_dir):
        for name, table_rows in document_rows(data, path.relative_to(out_dir).as_posix()).items():
            rows[name].extend(table_rows)
    return {name: _frame(name, table_rows) for name, table_rows in rows.items()}


def _arrow_schema(name: str) -> pa.Schema:
    import pyarrow as pa

    return pa.schema([(c.name, getattr(pa, _KINDS[c.kind][1])()) for c in TABLE_COLUMNS[name]])


def pandas_metadata(name: str, creator: tuple[str, str] | None = None) -> bytes:
    """The "pandas" metadata pyarrow gives a Parquet file written from the table's typed empty
    frame (``pa.Schema.from_pandas(_frame(name, []))``), so pandas reads the file back with
    ``_frame``'s dtypes (Int64 with its nulls); written out here so that writing Parquet does not
    import pandas (nor pyarrow). tests/test_tables.py checks it against pyarrow's. ``creator``:
    the writer's (library, version) when pyarrow is not the one writing the file."""
    columns = [
        {
            "name": c.name,
            "field_name": c.name,
            "pandas_type": _KINDS[c.kind][3],
            "numpy_type": _KINDS[c.kind][0],
            "metadata": None,
        }
        for c in TABLE_COLUMNS[name]
    ]
    meta = {
        "index_columns": [],
        "column_indexes": [],
        "columns": columns,
        "attributes": {},
        "creator": dict(zip(("library", "version"), creator or ("pyarrow", installed_version("pyarrow")))),
        "pandas_version": installed_version("pandas"),
    }
    return json.dumps(meta).encode()


@cache
def installed_version(distribution: str) -> str:
    """The installed version of a package, looked up once per process: the version in the name of
    its ``NAME-VERSION.dist-info`` folder (the installed-projects specification writes the
    normalised name and version there), on ``sys.path`` in the order ``importlib.metadata`` searches
    it. ``importlib.metadata`` itself only where no single such folder is found (an egg, a zip):
    importing it loads email, socket and zipfile's path helpers, ≈20 ms of CPU, and it scans
    every folder of ``sys.path`` per call. tests/test_tables.py checks both agree."""
    prefix = re.sub(r"[-_.]+", "_", distribution).lower() + "-"
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        found = [n for n in names if n.endswith(".dist-info") and n.lower().startswith(prefix)]
        if len(found) == 1 and "-" not in found[0][len(prefix) : -len(".dist-info")]:
            return found[0][len(prefix) : -len(".dist-info")]
        if found:
            break
    from importlib.metadata import version

    return version(distribution)


def table_files() -> set[str]:
    """The names of every file ``write_tables`` writes."""
    from cchc_extract.tablestore import XLSX_NAME

    return {f"{name}.{ext}" for name in TABLE_COLUMNS for ext in ("csv", "parquet")} | {SQLITE_NAME, XLSX_NAME}


def write_tables(out_dir: Path) -> Path:
    """The table set of ``out_dir`` brought up to date, document by document (tablestore.py)."""
    from cchc_extract.tablestore import write_tables as write

    return write(out_dir)
