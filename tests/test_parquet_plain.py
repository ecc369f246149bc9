"""Parquet written without pyarrow (cchc_extract/parquet_plain.py: a small table in one row group,
a large one in GZIP-compressed row groups) reads back, in pyarrow and in pandas, as the same table
as pyarrow's own file of the same rows: types, nulls, values, dtypes."""

import sqlite3

import pandas as pd
import pyarrow.parquet as pq
import pytest

from cchc_extract.parquet_plain import write_parquet
from cchc_extract.tables import TABLE_COLUMNS, _arrow_schema, pandas_metadata, write_tables
from cchc_extract.tablestore import StoreSettings, table_chunks, write_parquet_table
from tests.test_tables import make_out

STORED = StoreSettings(parquet_gzip_level=0)  # one uncompressed row group (the test tables are small)
GROUPED = StoreSettings(chunk_rows=2)  # GZIP row groups of 2 rows


def _pyarrow_file(conn, name, path):
    """The reference: pyarrow writing the table's rows with the declared schema and the pandas
    metadata of the typed empty frame."""
    import pyarrow as pa

    schema = _arrow_schema(name).with_metadata({b"pandas": pandas_metadata(name)})
    rows = [row for chunk in table_chunks(conn, name, 1000) for row in chunk]
    table = pa.Table.from_pylist([dict(zip(schema.names, row)) for row in rows], schema=schema)
    pq.write_table(table, path)


def _same(plain_path, arrow_path):
    plain, arrow = pq.read_table(plain_path), pq.read_table(arrow_path)
    assert plain.schema.remove_metadata() == arrow.schema.remove_metadata()
    assert plain.to_pylist() == arrow.to_pylist()
    a, b = pd.read_parquet(plain_path), pd.read_parquet(arrow_path)
    assert a.dtypes.to_dict() == b.dtypes.to_dict()
    pd.testing.assert_frame_equal(a, b)


@pytest.mark.parametrize("name", list(TABLE_COLUMNS))
def test_every_table_of_an_output_folder_reads_back_as_pyarrows(tmp_path, name):
    out = make_out(tmp_path)
    folder = write_tables(out)
    with sqlite3.connect(folder / "cchc.sqlite") as conn:
        write_parquet_table(conn, name, tmp_path / "plain.parquet", STORED)
        write_parquet_table(conn, name, tmp_path / "grouped.parquet", GROUPED)
        _pyarrow_file(conn, name, tmp_path / "arrow.parquet")
    assert (tmp_path / "plain.parquet").read_bytes()[-4:] == b"PAR1"
    assert pq.ParquetFile(tmp_path / "plain.parquet").metadata.created_by.startswith("cchc-extract")
    assert pq.ParquetFile(tmp_path / "arrow.parquet").metadata.created_by.startswith("parquet-cpp")
    _same(tmp_path / "plain.parquet", tmp_path / "arrow.parquet")
    _same(tmp_path / "grouped.parquet", tmp_path / "arrow.parquet")


def test_nulls_text_and_number_edges(tmp_path):
    """Many rows (several bit-packed groups), every null pattern, text with diacritics and
    formula characters, large and negative numbers, and a table with 20 columns (a Thrift list
    header of its own size)."""
    columns = [("text", "str"), ("n", "int"), ("x", "float"), ("day", "date")] + [(f"c{i}", "str") for i in range(16)]
    rows = []
    for i in range(203):
        rows.append(
            (
                None if i % 3 == 0 else f"xã Ngọc Kỳ {i} =SUM(A1)" * (i % 4),
                None if i % 5 == 0 else (-(2**62) if i == 7 else i - 100),
                None if i % 7 == 0 else (1e300 if i == 8 else i / 3 - 20),
                None if i % 2 else "2023-06-26",
                *[None if (i + j) % 4 == 0 else str(j) for j in range(16)],
            )
        )
    meta = {"pandas": b"{}"}
    write_parquet(tmp_path / "plain.parquet", columns, rows, meta, "cchc-extract test")
    table = pq.read_table(tmp_path / "plain.parquet")
    assert [tuple(r.values()) for r in table.to_pylist()] == rows
    assert str(table.schema.field("n").type) == "int64" and str(table.schema.field("x").type) == "double"
    assert table.schema.metadata[b"pandas"] == b"{}"
    # Row groups of 64 rows (the last one short), pages GZIP-compressed: the same rows back.
    write_parquet(tmp_path / "grouped.parquet", columns, iter(rows), meta, "cchc-extract test", 64, 6)
    grouped = pq.ParquetFile(tmp_path / "grouped.parquet")
    assert grouped.metadata.num_row_groups == 4 and grouped.metadata.row_group(0).column(0).compression == "GZIP"
    assert [tuple(r.values()) for r in grouped.read().to_pylist()] == rows
    assert grouped.read().equals(table)
    for group_rows in (0, 64):
        write_parquet(tmp_path / "empty.parquet", columns, [], meta, "cchc-extract test", group_rows, 6)
        empty = pq.read_table(tmp_path / "empty.parquet")
        assert empty.num_rows == 0 and empty.schema.remove_metadata() == table.schema.remove_metadata()


def test_a_small_refresh_writes_parquet_without_pyarrow(tmp_path):
    """The table set of a small folder, in a fresh interpreter: no pyarrow (nor numpy) loaded."""
    import subprocess
    import sys
    from pathlib import Path

    out = make_out(tmp_path)
    code = (
        "import sys\nfrom pathlib import Path\nfrom cchc_extract.tables import write_tables\n"
        f"write_tables(Path({str(out)!r}))\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'pyarrow', 'numpy', 'pandas'}))\n"
    )
    root = Path(__file__).resolve().parents[1]
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True)
    assert proc.stdout.strip() == "[]"
    assert len(pd.read_parquet(out / "tables" / "score_rows.parquet")) == 3
