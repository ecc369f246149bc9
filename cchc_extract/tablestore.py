"""The table set on disk, kept up to date document by document.

``OUT/tables/cchc.sqlite`` is the store: a ``documents`` table keyed by ``document_id`` (with the
sha256 of the JSON it was read from), every other table pointing to it by foreign key, indexed.
A refresh reads each output JSON of the manifest once as bytes, and parses and re-inserts only
those whose sha256 changed (rows of a rewritten or vanished document are deleted first, by
cascade); the CSV, Parquet and Excel files are then streamed out of the database a chunk of rows
at a time. Memory does not grow with the number of documents, and a re-run where nothing changed
parses no JSON.

The set is built in a temporary folder (the previous database copied in first) and swapped in
whole: a failed write (a full disk) leaves the previous set as it was.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import sys
import tempfile
import zlib
from collections.abc import Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from cchc_extract import parquet_plain, spreadsheet, tables
from cchc_extract.outdir import OutputError, check_target, current_umask, owned_outputs, relative_to_out
from cchc_extract.parquet_plain import write_parquet
from cchc_extract.spreadsheet import neutralise, write_csv_rows
from cchc_extract.tables import (
    _ITEMS,
    _KINDS,
    SQLITE_NAME,
    TABLE_COLUMNS,
    TABLES_DIR,
    _cell,
    _key,
    document_row,
    pandas_metadata,
    table_files,
)
from schemas.records import PIPELINE_VERSION

XLSX_NAME = "cchc.xlsx"
EXCEL_MAX_ROWS = 1_048_576  # rows of one Excel sheet, the header included


@dataclass(frozen=True)
class StoreSettings:
    # Rows read from the database at a time while writing CSV/Parquet/Excel: bounds the memory.
    chunk_rows: int = 5000
    excel_max_rows: int = EXCEL_MAX_ROWS  # a longer table goes on into "<name> (2)", ...
    # Parquet pages GZIP-compressed at this level (0: stored as they are). Level 6 made the 400-
    # document table set 10x smaller than uncompressed pages (and smaller than pyarrow's dictionary
    # + Snappy) for 0.01 s more CPU.
    parquet_gzip_level: int = 6


def store_version(mapping: Sequence[Path], tool_version: str = PIPELINE_VERSION) -> int:
    """What the table set was made by: the declared columns, the tool's version and the bytes of
    the code that maps a document to rows and writes the files (``mapping``). A database made by
    anything else is rebuilt from scratch, every JSON read again: a document whose JSON did not
    change still gets the rows a new mapping gives it (an edit of a comment rebuilds once too:
    slower, never stale). The PRAGMA user_version it is kept in is a signed 32-bit integer."""
    declared = repr(sorted((n, [(c.name, c.kind) for c in cs]) for n, cs in TABLE_COLUMNS.items()))
    crc = zlib.crc32(f"{declared}\n{tool_version}\n".encode())
    for path in mapping:
        crc = zlib.crc32(path.read_bytes(), crc)
    return crc & 0x7FFFFFFF


# The modules whose code decides the rows and the files: tables.py (columns and the document →
# rows mapping), this one (the database and the writers), spreadsheet.py (CSV cells) and
# parquet_plain.py (small Parquet files).
MAPPING_MODULES = tuple(Path(m.__file__ or "") for m in (sys.modules[__name__], tables, spreadsheet, parquet_plain))
STORE_VERSION = store_version(MAPPING_MODULES)

# Indexes beyond every table's document_id: what a dashboard filters and joins on.
INDEXES = {"documents": ("commune", "date"), "score_rows": ("code",), "statistics_rows": ("code",)}


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _create(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    if conn.execute("PRAGMA user_version").fetchone()[0] != STORE_VERSION:
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
            conn.execute(f"DROP TABLE {_q(name)}")
        conn.execute(f"PRAGMA user_version = {STORE_VERSION}")
    columns = ", ".join(f"{_q(c.name)} {_KINDS[c.kind][2]}" for c in TABLE_COLUMNS["documents"])
    conn.execute(
        f"CREATE TABLE IF NOT EXISTS documents (document_id INTEGER PRIMARY KEY, json_sha256 TEXT NOT NULL, {columns})"
    )
    conn.execute("CREATE UNIQUE INDEX IF NOT EXISTS documents_output_file ON documents (output_file)")
    for name, cols in TABLE_COLUMNS.items():
        if name != "documents":
            columns = ", ".join(f"{_q(c.name)} {_KINDS[c.kind][2]}" for c in cols)
            conn.execute(
                f"CREATE TABLE IF NOT EXISTS {_q(name)} (document_id INTEGER NOT NULL "
                f"REFERENCES documents (document_id) ON DELETE CASCADE, {columns})"
            )
            conn.execute(f"CREATE INDEX IF NOT EXISTS {_q(name + '_document_id')} ON {_q(name)} (document_id)")
        for column in INDEXES.get(name, ()):
            conn.execute(f"CREATE INDEX IF NOT EXISTS {_q(f'{name}_{column}')} ON {_q(name)} ({_q(column)})")


def _insert(conn: sqlite3.Connection, data: dict, output_file: str, digest: str) -> None:
    key = _key(data)
    doc = {**document_row(data, output_file), **key}
    cols = TABLE_COLUMNS["documents"]
    names = ", ".join(_q(c.name) for c in cols)
    cursor = conn.execute(
        f"INSERT INTO documents (json_sha256, {names}) VALUES (?{', ?' * len(cols)})",
        [digest] + [_cell(doc.get(c.name), c.kind) for c in cols],
    )
    document_id = cursor.lastrowid
    for name, items in _ITEMS.items():
        cols = TABLE_COLUMNS[name]
        merged = ({**item, **key} for item in items(data))
        rows = [[document_id] + [_cell(row.get(c.name), c.kind) for c in cols] for row in merged]
        if rows:
            names = ", ".join(_q(c.name) for c in cols)
            conn.executemany(f"INSERT INTO {_q(name)} (document_id, {names}) VALUES (?{', ?' * len(cols)})", rows)


def update_store(conn: sqlite3.Connection, out_dir: Path) -> tuple[int, int]:
    """The database brought up to date with the manifest's JSONs: (documents re-read, removed)."""
    _create(conn)
    known = dict(conn.execute("SELECT output_file, json_sha256 FROM documents").fetchall())
    seen: set[str] = set()
    read = 0
    for path in owned_outputs(out_dir):
        relative = relative_to_out(out_dir, path)
        try:
            raw = path.read_bytes()
        except OSError:
            continue
        digest = hashlib.sha256(raw).hexdigest()
        if known.get(relative) == digest:
            seen.add(relative)
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        if not (isinstance(data, dict) and "schema_version" in data and isinstance(data.get("source"), dict)):
            continue
        del raw
        conn.execute("DELETE FROM documents WHERE output_file = ?", (relative,))
        _insert(conn, data, relative, digest)
        seen.add(relative)
        read += 1
    gone = [name for name in known if name not in seen]
    conn.executemany("DELETE FROM documents WHERE output_file = ?", [(name,) for name in gone])
    return read, len(gone)


def table_chunks(conn: sqlite3.Connection, name: str, chunk_rows: int) -> Iterator[list[tuple]]:
    """A table's declared columns, documents in output-file order and their rows in their order."""
    cols = ", ".join(f"t.{_q(c.name)}" for c in TABLE_COLUMNS[name])
    if name == "documents":
        sql = f"SELECT {cols} FROM documents t ORDER BY t.output_file"
    else:
        sql = f"SELECT {cols} FROM {_q(name)} t JOIN documents d USING (document_id) ORDER BY d.output_file, t.rowid"
    cursor = conn.execute(sql)
    while True:
        rows = cursor.fetchmany(chunk_rows)
        if not rows:
            return
        yield rows


def write_csv_table(conn: sqlite3.Connection, name: str, path: Path, settings: StoreSettings) -> None:
    """The table as CSV (``spreadsheet.write_csv_rows``), streamed from the database."""
    rows = (row for chunk in table_chunks(conn, name, settings.chunk_rows) for row in chunk)
    write_csv_rows(path, [c.name for c in TABLE_COLUMNS[name]], rows)


def write_parquet_table(conn: sqlite3.Connection, name: str, path: Path, settings: StoreSettings) -> None:
    """The table as Parquet by ``parquet_plain``, streamed from the database in GZIP-compressed row
    groups of ``chunk_rows`` rows; pandas and pyarrow read it back as pyarrow's own file of the
    rows (tests/test_parquet_plain.py). pyarrow wrote the large tables until issue 18's
    measurement (README, dependencies): importing it took a 400-document refresh's peak from 122
    to 172 MB and its tables' CPU from 0.13 to 0.25 s, and its files were larger than these."""
    cols = TABLE_COLUMNS[name]
    every = (row for chunk in table_chunks(conn, name, settings.chunk_rows) for row in chunk)
    metadata = {"pandas": pandas_metadata(name, creator=("cchc-extract", PIPELINE_VERSION))}
    write_parquet(
        path,
        [(c.name, c.kind) for c in cols],
        every,
        metadata,
        f"cchc-extract {PIPELINE_VERSION}",
        group_rows=settings.chunk_rows,
        gzip_level=settings.parquet_gzip_level,
    )


EXCEL_MAX_TEXT = 32767  # characters in one Excel cell


def _excel_value(value, kind: str):
    if value is None:
        return None
    if kind == "date" and isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    if isinstance(value, str):
        return neutralise(value[:EXCEL_MAX_TEXT])
    return value


def write_xlsx(conn: sqlite3.Connection, path: Path, settings: StoreSettings) -> None:
    """One sheet per table (header frozen), cells typed: numbers as numbers, dates as dates.
    XlsxWriter in constant-memory mode: each row goes to disk as it is written (openpyxl's
    write-only mode was several times slower on a 400-document set)."""
    import xlsxwriter

    book = xlsxwriter.Workbook(
        str(path),
        {
            "constant_memory": True,
            "default_date_format": "yyyy-mm-dd",
            # Document text is text: never a formula, a link or a number.
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    bold = book.add_format({"bold": True})
    try:
        for name, cols in TABLE_COLUMNS.items():
            kinds = [c.kind for c in cols]
            part, sheet, row_at = 1, None, 0
            for rows in _with_empty(table_chunks(conn, name, settings.chunk_rows)):
                for row in rows:
                    if sheet is None or row_at >= settings.excel_max_rows:
                        sheet = book.add_worksheet(name if part == 1 else f"{name} ({part})")
                        sheet.freeze_panes(1, 0)
                        sheet.write_row(0, 0, [c.name for c in cols], bold)
                        part, row_at = part + 1, 1
                    if row is None:
                        continue
                    sheet.write_row(row_at, 0, [_excel_value(v, k) for v, k in zip(row, kinds)])
                    row_at += 1
    finally:
        book.close()


def _with_empty(chunks: Iterator[list[tuple]]) -> Iterator[list]:
    """The chunks, or one holding ``None`` for a table without rows (its sheet gets the header)."""
    empty = True
    for rows in chunks:
        empty = False
        yield rows
    if empty:
        yield [None]


def write_tables(out_dir: Path, settings: StoreSettings = StoreSettings()) -> Path:
    """Bring ``tables/`` up to date: the database updated, each file streamed from it, the set
    swapped in whole."""
    folder = out_dir / TABLES_DIR
    check_target(out_dir, folder)
    if folder.exists() and (not folder.is_dir() or not {p.name for p in folder.iterdir()} <= table_files()):
        raise OutputError(f"{folder} holds files this tool did not write; the tables were not written")
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".tables.", dir=out_dir))
    try:
        conn, changed = _updated_store(staging / SQLITE_NAME, folder / SQLITE_NAME, out_dir)
        with closing(conn):
            if not changed and _complete(folder):
                # A re-run whose outputs came out the same (every JSON byte for byte): the set in
                # place is what this run would write, so it stays (no Parquet or Excel writer is
                # even loaded).
                return folder
            for name in TABLE_COLUMNS:
                write_csv_table(conn, name, staging / f"{name}.csv", settings)
                write_parquet_table(conn, name, staging / f"{name}.parquet", settings)
            write_xlsx(conn, staging / XLSX_NAME, settings)
        os.chmod(staging, 0o777 & ~current_umask())  # mkdtemp's 0700 would hide the tables from other users
        _swap_in(staging, folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return folder


def _complete(folder: Path) -> bool:
    """``folder`` holds every file of a table set (it was swapped in whole)."""
    return folder.is_dir() and not folder.is_symlink() and {p.name for p in folder.iterdir()} == table_files()


def _updated_store(database: Path, previous: Path, out_dir: Path) -> tuple[sqlite3.Connection, bool]:
    """The previous database copied to ``database`` and brought up to date; built anew when the
    copy is not a database (truncated by a crash, replaced by hand). ``changed``: documents were
    re-read or removed, or the database was new or built anew."""
    copied = previous.is_file() and not previous.is_symlink()
    if copied:
        shutil.copyfile(previous, database)
    conn = _connect(database)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        read, gone = update_store(conn, out_dir)
        conn.commit()
        return conn, not copied or version != STORE_VERSION or read + gone > 0
    except sqlite3.DatabaseError:
        conn.close()
    database.unlink(missing_ok=True)
    conn = _connect(database)
    update_store(conn, out_dir)
    conn.commit()
    return conn, True


def _connect(database: Path) -> sqlite3.Connection:
    """The staging database, without a sync to disk at every statement: it lives in the staging
    folder, which is swapped in whole once written or thrown away, so a crash midway loses
    nothing the durability would have kept (and a database left broken is built anew, see
    ``_updated_store``). With a sync per statement, creating the tables of a fresh folder (each
    CREATE its own transaction) waited on the disk for most of a one-file batch's refresh."""
    conn = sqlite3.connect(database)
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA journal_mode = MEMORY")
    return conn


def _swap_in(staging: Path, folder: Path) -> None:
    """``staging`` becomes ``folder``; the previous ``folder`` is removed only once it has."""
    old = None
    if folder.exists():
        old = Path(tempfile.mkdtemp(prefix=".tables.old.", dir=folder.parent))
        os.replace(folder, old / "tables")
    try:
        os.replace(staging, folder)
    except OSError:
        if old is not None:
            os.replace(old / "tables", folder)
        raise
    finally:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
