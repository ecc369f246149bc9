"""Bad inputs through ``cchc-extract convert``: each gets an error record in its output JSON and one
line on stderr, the exit code is 1, and the good files of the same batch still convert."""

import json
import shutil
from pathlib import Path

import pytest

from cchc_extract.cli import main
from extract.ocr import TESSERACT_MISSING

ROOT = Path(__file__).resolve().parents[1]
BAD = Path(__file__).resolve().parent / "data" / "bad"
GOOD_DOCX = ROOT / "samples" / "renderings" / "task_list_unruled.docx"

EXPECTED = {
    "empty.pdf": "empty file (0 bytes)",
    "truncated.pdf": "could not open PDF: ",
    "encrypted.pdf": "encrypted PDF: password required",
    "not_a_zip.docx": "not a valid .docx (not a zip archive)",
    "binary.txt": "unreadable encoding: ",
    "blank_page.png": "no text found in image",
    "notes.wpd": "unsupported file type '.wpd'",
}
# Where a bad input's bytes come from when its name differs (.rtf is read now, through LibreOffice:
# the same bytes under an extension we do not read).
SOURCES = {"notes.wpd": "notes.rtf"}


def _errors(out: Path, name: str) -> list[dict]:
    return json.loads((out / f"{name}.json").read_text(encoding="utf-8"))["errors"]


@pytest.mark.needs_tesseract
def test_bad_inputs_fail_alone(tmp_path, capsys):
    batch = tmp_path / "batch"
    batch.mkdir()
    for name in EXPECTED:
        shutil.copy(BAD / SOURCES.get(name, name), batch / name)
    shutil.copy(GOOD_DOCX, batch / "good.docx")
    out = tmp_path / "out"
    # The folder walk skips extensions we do not read, so the .wpd is also named on its own.
    code = main(["convert", str(batch), str(batch / "notes.wpd"), "--out", str(out)])
    assert code == 1
    stderr = capsys.readouterr().err.strip().splitlines()
    for name, message in EXPECTED.items():
        errors = _errors(out, name)
        assert errors and errors[0]["stage"] == "ingest", name
        assert errors[0]["message"].startswith(message), (name, errors[0]["message"])
        assert "\n" not in errors[0]["message"] and "Traceback" not in errors[0]["message"]
        assert sum(1 for line in stderr if line.startswith(f"{name}: ingest: ")) == 1
    good = json.loads((out / "good.docx.json").read_text(encoding="utf-8"))
    assert not [e for e in good["errors"] if e["stage"] == "ingest"]
    assert good["source"]["format"] == "docx" and good["source"]["pages"] == 1


def test_missing_tesseract_fails_only_the_scans(tmp_path, capsys, monkeypatch):
    import pytesseract

    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", str(tmp_path / "no" / "tesseract"))
    scan = ROOT / "samples" / "renderings" / "score_table_scan.png"
    scanned_pdf = ROOT / "samples" / "renderings" / "score_table_scan.pdf"
    text = ROOT / "samples" / "002_huong-son_2024_bao-cao-6-thang.txt"
    out = tmp_path / "out"
    code = main(["convert", str(scan), str(scanned_pdf), str(text), str(GOOD_DOCX), "--out", str(out)])
    assert code == 1
    for name in (scan.name, scanned_pdf.name):
        assert _errors(out, name)[0]["message"] == TESSERACT_MISSING
    assert not [e for e in _errors(out, text.name) if e["stage"] == "ingest"]
    assert not [e for e in _errors(out, GOOD_DOCX.name) if e["stage"] == "ingest"]
    assert f"{scan.name}: ingest: {TESSERACT_MISSING}" in capsys.readouterr().err


@pytest.mark.needs_tesseract
@pytest.mark.parametrize("content", [b"\x89PNG\r\n\x1a\n broken", b"GIF89a not really"])
def test_corrupt_image_is_one_line(tmp_path, content):
    from extract.base import IngestError, ingest

    path = tmp_path / "scan.png"
    path.write_bytes(content)
    with pytest.raises(IngestError) as info:
        ingest(path)
    assert "\n" not in str(info.value) and "image" in str(info.value)
