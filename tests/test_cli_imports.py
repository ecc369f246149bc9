"""Each command loads only the libraries its work needs (issue 18: start-up time). An assertion
about imports, not a timing: the command runs in a fresh interpreter, which then lists the heavy
libraries left in ``sys.modules``."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Libraries that cost a tenth of a second or more to import, and who needs them: the readers
# (PDF, DOCX, OCR), the tables (pandas, Arrow, the spreadsheet writers) and validation (jsonschema).
HEAVY = ("pandas", "numpy", "pyarrow", "jsonschema", "pdfplumber", "pypdfium2", "docx", "PIL", "pytesseract")
HEAVY += ("openpyxl", "xlsxwriter", "lxml", "cv2", "ssl", "http", "multiprocessing")
READERS = ("pdfplumber", "pypdfium2", "docx", "pytesseract")

_RUN = """
import json, sys
from cchc_extract.cli import main
code = main(sys.argv[1:])
heavy = sorted({{m.split('.')[0] for m in sys.modules}} & set({heavy!r}))
print(json.dumps({{"code": code, "heavy": heavy}}), file=sys.stderr)
"""


def run_cli(args: list[str], stdin: str = "") -> dict:
    proc = subprocess.run(
        [sys.executable, "-c", _RUN.format(heavy=HEAVY), *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    return json.loads(proc.stderr.strip().splitlines()[-1])


def test_repair_loads_no_reader_table_or_schema_library():
    got = run_cli(["repair"], stdin="xa hoi chu nghia\n")
    assert got == {"code": 0, "heavy": []}


def test_help_loads_no_heavy_library():
    got = run_cli(["convert", "--help"])
    assert got == {"code": 0, "heavy": []}


def test_convert_of_a_text_file_loads_no_reader(tmp_path):
    """A text export needs no PDF, DOCX or OCR library, in the command's process or in the
    conversion run in-process (the pool's worker is forked from the command: what it imports is
    the pipeline's own, checked below). Into a fresh output folder (the whole table set, review
    files and report written) the only heavy library loaded is XlsxWriter, for tables/cchc.xlsx:
    no jsonschema (schemas/quick.py), no pyarrow or numpy (parquet_plain.py for small tables),
    no openpyxl (review/xlsx.py), no ssl or http (pulled in by xml.sax.saxutils)."""
    source = tmp_path / "one.txt"
    source.write_text("Xã Quảng Thành: kết quả chỉ số cải cách hành chính năm 2023 đạt 85,5 điểm.\n", encoding="utf-8")
    got = run_cli(["convert", str(source), "--out", str(tmp_path / "out"), "--workers", "1", "-q"])
    assert got["code"] == 0
    assert got["heavy"] == ["xlsxwriter"]
    assert (tmp_path / "out" / "review.xlsx").is_file() and (tmp_path / "out" / "tables" / "cchc.xlsx").is_file()
    got = run_cli(["convert", str(source), "--out", str(tmp_path / "out"), "--workers", "1", "-q", "--force"])
    assert got == {"code": 0, "heavy": []}  # the same outputs: the table set in place stays


def test_text_conversion_in_process_loads_no_heavy_library():
    """Not even jsonschema: a valid document passes schemas/quick.py's compiled check."""
    code = f"""
import sys
from pathlib import Path
from cchc_extract.pipeline import PipelineOptions, convert_file, result_to_json
p = Path({str(ROOT / "samples" / "000_quang-thanh_2023_ke-hoach-nang-cao-chi-so.txt")!r})
result_to_json(convert_file(p, p.name, PipelineOptions()))
print(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r})))
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.stdout.strip() == "[]", proc.stderr


def test_text_without_tables_loads_no_table_row_readers():
    """Readers a text without tables never runs are loaded where they are used (issue 18: their
    settings' classes cost a one-line conversion its start-up): the figures-first order and the
    heading cells of an annex read from lines, the row builder of a score table read from lines.
    A document with such a table loads them as it reads it."""
    code = f"""
import sys
from pathlib import Path
from cchc_extract.pipeline import PipelineOptions, convert_file, result_to_json
p = Path({str(ROOT / "samples" / "000_quang-thanh_2023_ke-hoach-nang-cao-chi-so.txt")!r})
result_to_json(convert_file(p, p.name, PipelineOptions()))
lazy = ("extract.segment.stat_cell_order", "extract.segment.stat_heading_cells", "extract.segment.line_rows")
print(sorted(set(lazy) & set(sys.modules)))
p = Path({str(ROOT / "samples" / "003_ngoc-ky_2023_bang-diem-ocr.txt")!r})
result_to_json(convert_file(p, p.name, PipelineOptions()))
print("extract.segment.line_rows" in sys.modules)
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.stdout.split("\n")[:2] == ["[]", "True"], proc.stderr
