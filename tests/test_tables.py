"""Dashboard tables: one row per item, key columns repeated, stable columns and types even when
empty, CSV with BOM, Parquet, SQLite."""

import json
import sqlite3
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from cchc_extract.outdir import record_outputs
from cchc_extract.pipeline import write_json
from cchc_extract.tables import TABLE_COLUMNS, build_tables, write_tables
from schemas import schema_errors
from schemas.records import (
    Check,
    DocumentMeta,
    ExtractionResult,
    ReviewItem,
    ScoreRow,
    ScoreTable,
    SourceInfo,
    SourceRef,
    Target,
    to_dict,
)

ROOT = Path(__file__).resolve().parents[1]


def score_report() -> ExtractionResult:
    """Part of the Ngọc Kỳ 2023 six-month score table (report 86/BC-UBND), as read by hand."""
    rows = [
        ScoreRow(
            code="1",
            level=1,
            name="Công tác chỉ đạo, điều hành CCHC",
            max_points=15,
            self_points=14,
            source=SourceRef(page=1, line_start=17, line_end=18),
        ),
        ScoreRow(
            code="1.1",
            level=2,
            parent="1",
            name="Kế hoạch CCHC năm",
            max_points=2.5,
            self_points=2.5,
            source=SourceRef(page=1, line_start=19, line_end=19),
        ),
        ScoreRow(
            code="1.3.1",
            code_raw="131",
            level=3,
            parent="1.3",
            name="Mức độ hoàn thành kế hoạch tự kiểm tra",
            max_points=1,
            self_points=1,
            confidence=0.6,
            flags=["code_repaired"],
            alternatives={"self_points": [0.1]},
            source=SourceRef(page=1, line_start=36, line_end=40),
        ),
    ]
    return ExtractionResult(
        source=SourceInfo(
            path="ngoc-ky/86-bc.txt", sha256="a" * 64, format="txt", pages=1, method="text", encoding="utf-8"
        ),
        document=DocumentMeta(
            number="86/BC-UBND",
            kind="BC",
            commune="Ngọc Kỳ",
            date="2023-06-26",
            period="6 tháng đầu năm 2023",
            year=2023,
        ),
        score_tables=[ScoreTable(title="Chỉ số đánh giá CCHC cấp xã", pages=[1], rows=rows, stated_total_max=74)],
        targets=[
            Target(
                text="100% hồ sơ giải quyết đúng hạn",
                indicator="hồ sơ giải quyết đúng hạn",
                comparator=">=",
                value=100,
                unit="%",
                year=2023,
            )
        ],
        checks=[
            Check(
                id="c1",
                kind="sum_children",
                table="score_tables/0",
                code="1",
                field="max_points",
                expected=15,
                actual=15,
            ),
            Check(id="c2", kind="allowed_code", code="1.3.1", expected="1.3.1", actual="131", status="repaired"),
        ],
        review=[
            ReviewItem(
                item="/score_tables/0/rows/2",
                field="self_points",
                table="score_tables/0",
                code="1.3.1",
                page=1,
                raw="1",
                value=1,
                reason="code repaired from '131'",
                confidence=0.6,
            )
        ],
    )


def make_out(tmp_path) -> Path:
    out = tmp_path / "out"
    data = to_dict(score_report())
    assert schema_errors(data) == []
    write_json(data, out / "ngoc-ky" / "86-bc.txt.json")
    empty = ExtractionResult(source=SourceInfo(path="blank.txt", format="txt"))
    write_json(to_dict(empty), out / "blank.txt.json")
    write_json({"files": 2}, out / "summary.json")  # not an output document
    record_outputs(out, [out / "ngoc-ky" / "86-bc.txt.json", out / "blank.txt.json"])  # as the batch does
    return out


def test_one_row_per_item_with_document_keys(tmp_path):
    tables = build_tables(make_out(tmp_path))
    docs = tables["documents"]
    assert len(docs) == 2
    ngoc_ky = docs[docs.source_path == "ngoc-ky/86-bc.txt"].iloc[0]
    assert ngoc_ky.score_rows == 3 and ngoc_ky.review_rows == 1 and ngoc_ky.output_file == "ngoc-ky/86-bc.txt.json"
    rows = tables["score_rows"]
    assert list(rows.code) == ["1", "1.1", "1.3.1"]
    assert set(rows.commune) == {"Ngọc Kỳ"} and set(rows.number) == {"86/BC-UBND"}
    assert set(rows.date) == {"2023-06-26"} and set(rows.period) == {"6 tháng đầu năm 2023"}
    assert rows.max_points.tolist() == [15.0, 2.5, 1.0]
    third = rows.iloc[2]
    assert third["flags"] == "code_repaired" and json.loads(third["alternatives"]) == {"self_points": [0.1]}
    assert (third.page, third.line_start, third.line_end) == (1, 36, 40)
    checks = tables["checks"]
    assert checks.expected.tolist()[0] == 15.0 and pd.isna(checks.expected.tolist()[1])
    assert checks.actual_text.tolist()[1] == "131"
    assert tables["targets"].iloc[0].comparator == ">=" and tables["targets"].iloc[0].value == 100.0


def test_columns_are_declared_and_stable_when_empty(tmp_path):
    tables = build_tables(tmp_path)  # no outputs at all
    for name, columns in TABLE_COLUMNS.items():
        assert list(tables[name].columns) == [c.name for c in columns]
        assert tables[name].empty
        assert all(c == c.lower() and " " not in c for c in tables[name].columns)


def test_csv_parquet_sqlite_written(tmp_path):
    out = make_out(tmp_path)
    folder = write_tables(out)
    for name in TABLE_COLUMNS:
        raw = (folder / f"{name}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel reads the diacritics right
        header = raw[3:].split(b"\r\n" if b"\r\n" in raw else b"\n")[0].decode("utf-8")
        assert header.split(",") == [c.name for c in TABLE_COLUMNS[name]]
        schema = pq.read_schema(folder / f"{name}.parquet")
        assert schema.names == [c.name for c in TABLE_COLUMNS[name]]
    # Same types whether a table has rows or none.
    assert str(pq.read_schema(folder / "counts.parquet").field("total").type) == "double"
    assert str(pq.read_schema(folder / "score_rows.parquet").field("max_points").type) == "double"
    csv = pd.read_csv(folder / "score_rows.csv", encoding="utf-8-sig")
    assert csv.name.tolist()[1] == "Kế hoạch CCHC năm"
    with sqlite3.connect(folder / "cchc.sqlite") as conn:
        got = conn.execute("select code, self_points, commune from score_rows where code='1.1'").fetchall()
        empty_cols = [r[1] for r in conn.execute("pragma table_info(counts)")]
    assert got == [("1.1", 2.5, "Ngọc Kỳ")]
    assert empty_cols == ["document_id"] + [c.name for c in TABLE_COLUMNS["counts"]]
    assert not list(folder.glob("*.tmp*"))


def test_tables_cover_every_json_after_an_incremental_run(tmp_path):
    from cchc_extract.cli import main

    samples = sorted((ROOT / "samples").glob("*.txt"))[:2]
    out = tmp_path / "out"
    assert main(["convert", str(samples[0]), "--out", str(out), "--workers", "1"]) == 0
    assert main(["convert", str(samples[1]), "--out", str(out), "--workers", "1"]) == 0
    docs = pd.read_parquet(out / "tables" / "documents.parquet")
    assert sorted(docs.source_path) == sorted(s.name for s in samples)
    assert set(docs.format) == {"txt"} and (docs.pages >= 1).all()


def test_sqlite_has_keys_indexes_review_and_corrections(tmp_path):
    out = make_out(tmp_path)
    folder = write_tables(out)
    with sqlite3.connect(folder / "cchc.sqlite") as conn:
        docs = dict(conn.execute("select output_file, document_id from documents").fetchall())
        assert set(docs) == {"ngoc-ky/86-bc.txt.json", "blank.txt.json"}
        key = docs["ngoc-ky/86-bc.txt.json"]
        assert {r[0] for r in conn.execute("select document_id from score_rows")} == {key}
        # Every table but documents points to it, and is indexed on that key.
        for name in TABLE_COLUMNS:
            if name == "documents":
                continue
            fks = conn.execute(f"pragma foreign_key_list({name})").fetchall()
            assert [(f[2], f[3], f[4], f[6]) for f in fks] == [("documents", "document_id", "document_id", "CASCADE")]
            indexed = {
                conn.execute(f"pragma index_info({i[1]})").fetchone()[2]
                for i in conn.execute(f"pragma index_list({name})")
            }
            assert "document_id" in indexed, name
        assert conn.execute("select date from documents where document_id = ?", (key,)).fetchone() == ("2023-06-26",)
        types = {r[1]: r[2] for r in conn.execute("pragma table_info(documents)")}
        assert types["date"] == "DATE" and types["pages"] == "INTEGER"
        review = conn.execute("select item, field, value, reason from review").fetchall()
        assert review == [("/score_tables/0/rows/2", "self_points", 1.0, "code repaired from '131'")]
        assert conn.execute("select count(*) from corrections").fetchone() == (0,)
        joined = conn.execute(
            "select d.commune, count(*) from score_rows s join documents d using (document_id) group by d.commune"
        ).fetchall()
    assert joined == [("Ngọc Kỳ", 3)]


def test_xlsx_one_sheet_per_table_typed(tmp_path):
    import datetime

    import openpyxl

    folder = write_tables(make_out(tmp_path))
    book = openpyxl.load_workbook(folder / "cchc.xlsx")
    assert book.sheetnames == list(TABLE_COLUMNS)
    sheet = book["score_rows"]
    header = [c.value for c in sheet[1]]
    assert header == [c.name for c in TABLE_COLUMNS["score_rows"]]
    rows = [dict(zip(header, (c.value for c in row))) for row in sheet.iter_rows(min_row=2)]
    assert [r["code"] for r in rows] == ["1", "1.1", "1.3.1"]
    assert rows[0]["max_points"] == 15 and isinstance(rows[0]["max_points"], (int, float))
    assert rows[0]["date"] == datetime.datetime(2023, 6, 26)  # a date cell, not text
    assert sheet.cell(row=2, column=header.index("date") + 1).is_date
    assert book["counts"].max_row == 1  # an empty table keeps its header


def test_store_rereads_only_changed_documents_and_drops_vanished_ones(tmp_path):
    from cchc_extract.tablestore import update_store

    out = make_out(tmp_path)
    folder = write_tables(out)
    with sqlite3.connect(folder / "cchc.sqlite") as conn:
        assert update_store(conn, out) == (0, 0)  # nothing changed: no JSON parsed
    path = out / "ngoc-ky" / "86-bc.txt.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["score_tables"][0]["rows"] = data["score_tables"][0]["rows"][:2]
    write_json(data, path)
    (out / "blank.txt.json").unlink()
    folder = write_tables(out)
    with sqlite3.connect(folder / "cchc.sqlite") as conn:
        assert conn.execute("select count(*) from documents").fetchone() == (1,)
        assert conn.execute("select count(*) from score_rows").fetchone() == (2,)
    assert pd.read_csv(folder / "score_rows.csv", encoding="utf-8-sig", dtype=str).code.tolist() == ["1", "1.1"]
    assert list(pd.read_parquet(folder / "documents.parquet").source_path) == ["ngoc-ky/86-bc.txt"]


def test_written_tables_are_the_frames_of_build_tables(tmp_path):
    out = make_out(tmp_path)
    frames = build_tables(out)
    folder = write_tables(out)
    for name in TABLE_COLUMNS:
        written = pd.read_parquet(folder / f"{name}.parquet")

        # Text columns come back as pandas' string dtype: values and number types are compared.
        def cells(frame):
            return frame.astype(object).where(frame.notna(), None).values.tolist()

        assert list(written.columns) == list(frames[name].columns) and cells(written) == cells(frames[name]), name
        numbers = [c.name for c in TABLE_COLUMNS[name] if c.kind in ("int", "float")]
        assert written[numbers].dtypes.to_dict() == frames[name][numbers].dtypes.to_dict(), name


def test_parquet_pandas_metadata_is_what_pyarrow_gives_the_typed_frame():
    """Parquet is written without importing pandas (issue 18: a small batch's refresh); the
    "pandas" metadata written out by hand is byte for byte pyarrow's for the typed empty frame."""
    import pyarrow as pa

    from cchc_extract.tables import _frame, pandas_metadata

    for name in TABLE_COLUMNS:
        frame = _frame(name, [])
        assert pandas_metadata(name) == pa.Schema.from_pandas(frame, preserve_index=False).metadata[b"pandas"]


def test_installed_versions_are_importlib_metadatas():
    """The versions written into Parquet's metadata are read from the dist-info folders' names
    (importlib.metadata costs a one-file conversion ≈20 ms to import): the same as it gives."""
    from importlib.metadata import version

    from cchc_extract.tables import installed_version

    for name in ("pandas", "pyarrow", "XlsxWriter", "python-docx", "cchc-extract"):
        assert installed_version(name) == version(name), name


def test_the_table_refresh_does_not_import_pandas(tmp_path):
    """Converting one text file and writing its tables (Parquet included), review files and
    report in a fresh interpreter: pandas (≈0.5 s of imports) stays unloaded (issue 18)."""
    import subprocess
    import sys

    source = tmp_path / "one.txt"
    source.write_text("Xã Quảng Thành đạt 85,5 điểm chỉ số cải cách hành chính năm 2023.\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from cchc_extract.batch import run_convert, BatchSettings\n"
        "from cchc_extract.pipeline import PipelineOptions\n"
        f"run_convert([Path({str(source)!r})], Path({str(tmp_path / 'out')!r}), PipelineOptions(),"
        " BatchSettings(workers=1, quiet=True))\n"
        "print('pandas' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip().splitlines()[-1] == "False"
    assert (tmp_path / "out" / "tables" / "documents.parquet").is_file()
    assert (tmp_path / "out" / "review.xlsx").is_file()


def test_a_rerun_with_the_same_outputs_keeps_the_table_set(tmp_path):
    """Every JSON the same byte for byte: the set in place is what would be written, so it stays
    (issue 18: a re-run of a small batch loads no Parquet or Excel writer); any change, or a
    file missing from the set, writes it anew."""
    out = make_out(tmp_path)
    folder = write_tables(out)
    inodes = {p.name: p.stat().st_ino for p in folder.iterdir()}
    assert {p.name: p.stat().st_ino for p in write_tables(out).iterdir()} == inodes
    (folder / "counts.parquet").unlink()
    folder = write_tables(out)
    assert (folder / "counts.parquet").is_file()
    inodes = {p.name: p.stat().st_ino for p in folder.iterdir()}
    path = out / "ngoc-ky" / "86-bc.txt.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["score_tables"][0]["rows"] = data["score_tables"][0]["rows"][:2]
    write_json(data, path)
    folder = write_tables(out)
    assert {p.name: p.stat().st_ino for p in folder.iterdir()} != inodes
    assert len(pd.read_parquet(folder / "score_rows.parquet")) == 2


def test_a_new_mapping_rebuilds_the_rows_of_unchanged_documents(tmp_path, monkeypatch):
    """Review finding (issue 18): the JSON the same byte for byte but the tool's mapping of a
    document to rows changed (a new version): an incremental refresh gives the new rows, not the
    rows the old mapping left in the database."""
    from cchc_extract import tables, tablestore

    out = make_out(tmp_path)
    folder = write_tables(out)
    first_name = "Công tác chỉ đạo, điều hành CCHC"
    assert pd.read_csv(folder / "score_rows.csv", encoding="utf-8-sig").name.iloc[0] == first_name
    old_rows = tables._ITEMS["score_rows"]

    def shouting(data):  # a new release's mapping: names in capitals
        return ({**row, "name": row["name"].upper()} for row in old_rows(data))

    monkeypatch.setitem(tables._ITEMS, "score_rows", shouting)
    # What that release computes: its own code's bytes, so another version.
    edited = tmp_path / "tables.py"
    edited.write_bytes(tablestore.MAPPING_MODULES[1].read_bytes() + b"\n# a new mapping\n")
    new_version = tablestore.store_version((tablestore.MAPPING_MODULES[0], edited, tablestore.MAPPING_MODULES[2]))
    assert new_version != tablestore.STORE_VERSION
    monkeypatch.setattr(tablestore, "STORE_VERSION", new_version)
    folder = write_tables(out)
    assert pd.read_csv(folder / "score_rows.csv", encoding="utf-8-sig").name.iloc[0] == first_name.upper()
    assert pd.read_parquet(folder / "score_rows.parquet").name.iloc[0] == first_name.upper()
    with sqlite3.connect(folder / "cchc.sqlite") as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == new_version
    # A new tool version alone, with the same code, is another version too.
    assert tablestore.store_version(tablestore.MAPPING_MODULES, "9.9.9") != tablestore.store_version(
        tablestore.MAPPING_MODULES
    )
