"""The LibreOffice capability probe and conversion on LibreOffices that cannot convert: one with
Calc only (the command starts, exits 0 and writes nothing) and none at all. Each gives the one-line
message naming the package, never "file not found"."""

import stat

import pytest

from extract.base import IngestError
from extract.external import LIBREOFFICE_MISSING, LibreOfficeSettings, convert_to_pdf, libreoffice_problem


def _calc_only(tmp_path) -> LibreOfficeSettings:
    fake = tmp_path / "bin" / "libreoffice"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\necho 'convert: no export filter' >&2\nexit 0\n")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    return LibreOfficeSettings(command=str(fake))


def test_calc_only_libreoffice_is_reported_missing_writer(tmp_path):
    settings = _calc_only(tmp_path)
    assert libreoffice_problem(settings) == LIBREOFFICE_MISSING
    assert "libreoffice-writer" in LIBREOFFICE_MISSING
    source = tmp_path / "plan.docx"
    source.write_bytes(b"PK not opened by the fake")
    with pytest.raises(IngestError) as info:
        convert_to_pdf(source, tmp_path, settings)
    assert str(info.value) == LIBREOFFICE_MISSING


def test_no_libreoffice_is_reported_missing_writer(tmp_path):
    settings = LibreOfficeSettings(command=str(tmp_path / "no" / "libreoffice"))
    assert libreoffice_problem(settings) == LIBREOFFICE_MISSING
    with pytest.raises(IngestError, match="install libreoffice-writer"):
        convert_to_pdf(tmp_path / "plan.odt", tmp_path, settings)


@pytest.mark.needs_libreoffice
def test_writer_converts_and_a_broken_document_says_why(tmp_path):
    source = tmp_path / "note.rtf"
    source.write_text(r"{\rtf1\ansi Ke hoach\par}", encoding="ascii")
    assert convert_to_pdf(source, tmp_path).read_bytes().startswith(b"%PDF-")
    broken = tmp_path / "broken.odt"
    broken.write_bytes(b"PK\x03\x04 not a real archive")
    with pytest.raises(IngestError) as info:
        convert_to_pdf(broken, tmp_path)
    # Writer is there, so the message is LibreOffice's own about this file, not the missing package.
    # (LibreOffice 7.x says "Error: source file could not be loaded")
    assert str(info.value).startswith("LibreOffice could not convert broken.odt: ")
    assert "libreoffice-writer" not in str(info.value)
