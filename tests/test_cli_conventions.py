"""The conventions a user expects of the command: --version, -q/-v through logging, --lang, validate
on output folders (non-documents skipped, exit 1 on any difference), summary.json kept by a run
that converted nothing, skipped files counted, and legacy .doc/.odt/.rtf read through LibreOffice."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cchc_extract.cli import main
from extract.base import IngestError
from extract.external import LibreOfficeSettings, _run_conversion
from extract.legacy_reader import LegacyOfficeReader

ROOT = Path(__file__).resolve().parent.parent
TEXT = ROOT / "samples" / "003_ngoc-ky_2023_bang-diem-ocr.txt"
DOCX = ROOT / "samples" / "renderings" / "score_table.docx"


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(TEXT, folder)
    (folder / "budget.xlsx").write_bytes(b"PK\x03\x04 a spreadsheet")  # not a format we read
    (folder / ".hidden.txt").write_text("x", encoding="utf-8")  # neither read nor counted
    return folder


def test_version(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip().startswith("cchc-extract 0.")


def test_quiet_verbose_and_language(folder, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["convert", str(folder), "--out", str(out), "--workers", "1", "-q"]) == 0
    assert capsys.readouterr().err == ""  # nothing went wrong: nothing said
    assert main(["convert", str(folder), "--out", str(out), "--force", "--workers", "1", "-v", "--lang", "en"]) == 0
    err = capsys.readouterr().err
    assert f"{TEXT.name}: converted in " in err  # each file, with -v
    assert "1 files in " in err and "1 files skipped (not a format we read)" in err
    assert f"  skipped: {folder / 'budget.xlsx'}" in err.splitlines()
    assert main(["convert", str(folder), "--out", str(out)]) == 0  # Vietnamese by default
    err = capsys.readouterr().err
    assert "1 tệp trong " in err and "bỏ qua 1 tệp" in err
    assert main(["convert", str(tmp_path / "none"), "--out", str(out)]) == 2
    assert capsys.readouterr().err.strip() == f"cchc-extract: không có tệp hoặc thư mục: {tmp_path / 'none'}"
    assert main(["-q", "--lang", "en", "convert", str(tmp_path / "none"), "--out", str(out)]) == 2
    assert "no such file or folder" in capsys.readouterr().err  # errors are shown even with -q


def test_summary_of_the_converting_run_is_kept(folder, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["convert", str(folder), "--out", str(out), "--workers", "1"]) == 0
    first = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert first["seconds"] > 0 and first["converted"] == 1 and first["up_to_date"] == 0
    assert first["skipped"] == 1 and first["skipped_files"] == [(folder / "budget.xlsx").as_posix()]
    assert main(["convert", str(folder), "--out", str(out), "--workers", "1"]) == 0  # nothing to do
    assert json.loads((out / "summary.json").read_text(encoding="utf-8")) == first
    assert main(["convert", str(folder), "--out", str(out), "--workers", "1", "--force"]) == 0
    assert json.loads((out / "summary.json").read_text(encoding="utf-8"))["up_to_date"] == 0


def test_validate_takes_folders_and_skips_non_documents(folder, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["convert", str(folder), "--out", str(out), "--workers", "1", "-q"]) == 0
    capsys.readouterr()
    document = out / f"{TEXT.name}.json"
    assert main(["validate", str(out)]) == 0
    assert capsys.readouterr().out.splitlines() == [f"{document}: ok"]
    # What a shell makes of out/*.json: the summary comes along and is skipped.
    assert main(["validate", *map(str, sorted(out.glob("*.json")))]) == 0
    assert capsys.readouterr().out.splitlines() == [f"{document}: ok"]
    data = json.loads(document.read_text(encoding="utf-8"))
    data["checks"] = data["checks"][1:]  # a stored check no longer there: a difference
    document.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["validate", str(out)]) == 1
    assert "check " in capsys.readouterr().out
    assert main(["validate", str(tmp_path / "missing")]) == 1


@pytest.mark.needs_libreoffice
def test_legacy_word_processing_files_read_through_libreoffice(tmp_path, capsys):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    shutil.copy(DOCX, folder)
    made = tmp_path / "made"
    made.mkdir()
    for target in ("odt", "doc:MS Word 97", "rtf"):
        _run_conversion(DOCX, made, LibreOfficeSettings(), target)
    for path in made.iterdir():
        shutil.copy(path, folder / path.name)
    assert main(["convert", str(folder), "--out", str(out), "--workers", "2", "--lang", "en"]) == 0
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert (summary["converted"], summary["failed"], summary["skipped"]) == (4, 0, 0)

    def rows(name: str) -> list[tuple]:
        data = json.loads((out / f"{name}.json").read_text(encoding="utf-8"))
        return [(r["code"], r["max_points"], r["self_points"]) for t in data["score_tables"] for r in t["rows"]]

    expected = rows(DOCX.name)
    assert len(expected) > 10
    for suffix in (".odt", ".doc", ".rtf"):
        name = DOCX.stem + suffix
        assert rows(name) == expected, suffix
        errors = json.loads((out / f"{name}.json").read_text(encoding="utf-8"))["errors"]
        assert errors == [{"stage": "warning", "message": f"read through LibreOffice: {suffix} converted to DOCX"}]


def test_legacy_file_without_libreoffice_is_an_error_record(tmp_path):
    source = tmp_path / "plan.odt"
    source.write_bytes(b"PK\x03\x04 not checked: LibreOffice is missing")
    with pytest.raises(IngestError, match="a .odt file is read through LibreOffice: .*install libreoffice-writer"):
        LegacyOfficeReader().read(source, LibreOfficeSettings(command=str(tmp_path / "no-libreoffice")))
