"""LibreOffice as a converter of word-processing documents to PDF: whether this machine's
LibreOffice can do it (asked once per process), and the conversion itself.

A LibreOffice installed without Writer (an office install with Calc only) still starts, and
``--convert-to pdf`` of a DOCX then exits 0 having written nothing; a LibreOffice already running on
the user's own profile does the same. So nothing here trusts the exit status: the capability probe
converts a tiny document and looks for the PDF, and every conversion looks for its output, then
says which package is missing instead of leaving "file not found" to whoever opens the PDF next.

The tests ask the same probe (tests/conftest.py) and skip with its message; the product will ask it
when it converts legacy .doc/.odt/.rtf inputs.
"""

from __future__ import annotations

import subprocess
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from extract.base import IngestError

LIBREOFFICE_PACKAGE = "libreoffice-writer"
LIBREOFFICE_MISSING = f"LibreOffice Writer not found: install {LIBREOFFICE_PACKAGE}"

# The smallest document Writer opens: RTF needs no zip container, so the probe needs no library.
_PROBE_RTF = r"{\rtf1\ansi cchc-extract probe\par}"


@dataclass(frozen=True)
class LibreOfficeSettings:
    # The launcher Debian/Ubuntu's packages install (and the name users type); ``soffice`` works too.
    command: str = "libreoffice"
    # A first start on a fresh profile takes several seconds, more on a loaded machine; a long
    # document converts in well under a minute.
    timeout_s: float = 180.0
    # Writer's own PDF export, named: on a Calc-only install the conversion then fails for want of
    # the filter instead of printing the document through Calc.
    pdf_filter: str = "writer_pdf_Export"
    # Writer's DOCX export: a legacy .doc/.odt/.rtf is read as the DOCX it becomes (tables,
    # paragraphs and bold kept as structure, which a PDF print would flatten into positions).
    docx_filter: str = "MS Word 2007 XML"


def _pdf_target(settings: LibreOfficeSettings, filter_options: str = "") -> str:
    return f"pdf:{settings.pdf_filter}" + (f":{filter_options}" if filter_options else "")


def _run_conversion(source: Path, out_dir: Path, settings: LibreOfficeSettings, target: str) -> str:
    """Run one headless conversion to ``target`` (LibreOffice's ``--convert-to``) in a private
    profile (so concurrent conversions, and a LibreOffice the user has open, do not collide); the
    last line LibreOffice printed, for error messages. IngestError(LIBREOFFICE_MISSING) when the
    program cannot be started."""
    with tempfile.TemporaryDirectory(prefix="cchc-lo-profile-") as profile:
        command = [
            settings.command,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(out_dir),
            str(source),
        ]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=settings.timeout_s)
        except OSError:
            raise IngestError(LIBREOFFICE_MISSING) from None
        except subprocess.TimeoutExpired:
            raise IngestError(
                f"LibreOffice timed out after {settings.timeout_s:g} s converting {source.name}"
            ) from None
    lines = [line.strip() for line in (done.stderr + done.stdout).splitlines() if line.strip()]
    return lines[-1] if lines else f"exit status {done.returncode}"


def _is_pdf(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(5) == b"%PDF-"
    except OSError:
        return False


@lru_cache(maxsize=4)
def libreoffice_problem(settings: LibreOfficeSettings = LibreOfficeSettings()) -> str | None:
    """None when LibreOffice converts a word-processing document to PDF on this machine, else the
    one-line message naming the package to install. Remembered per process and settings: a probe
    costs one LibreOffice start."""
    with tempfile.TemporaryDirectory(prefix="cchc-lo-probe-") as tmp:
        probe = Path(tmp) / "probe.rtf"
        probe.write_text(_PROBE_RTF, encoding="ascii")
        try:
            _run_conversion(probe, Path(tmp), settings, _pdf_target(settings))
        except IngestError as exc:
            return str(exc)
        return None if _is_pdf(probe.with_suffix(".pdf")) else LIBREOFFICE_MISSING


def libreoffice_can_convert(settings: LibreOfficeSettings = LibreOfficeSettings()) -> bool:
    return libreoffice_problem(settings) is None


def convert_to_pdf(
    source: Path, out_dir: Path, settings: LibreOfficeSettings = LibreOfficeSettings(), filter_options: str = ""
) -> Path:
    """``source`` printed to ``out_dir/<stem>.pdf`` by LibreOffice Writer (``filter_options``: the PDF
    export's, e.g. an open password). IngestError naming ``libreoffice-writer`` when LibreOffice or
    its Writer is missing; IngestError with LibreOffice's own last line when this document fails."""
    out = out_dir / f"{source.stem}.pdf"
    out.unlink(missing_ok=True)  # a stale PDF must not pass for this conversion's
    said = _run_conversion(source, out_dir, settings, _pdf_target(settings, filter_options))
    if _is_pdf(out):
        return out
    problem = libreoffice_problem(settings)
    if problem is not None:
        raise IngestError(problem)
    raise IngestError(f"LibreOffice could not convert {source.name}: {said}"[:300])


def _is_zip(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def convert_to_docx(source: Path, out_dir: Path, settings: LibreOfficeSettings = LibreOfficeSettings()) -> Path:
    """``source`` (a .doc, .odt, .rtf) saved as ``out_dir/<stem>.docx`` by LibreOffice Writer.
    IngestError naming ``libreoffice-writer`` when it is missing; with LibreOffice's own last line
    when this document fails."""
    out = out_dir / f"{source.stem}.docx"
    out.unlink(missing_ok=True)
    said = _run_conversion(source, out_dir, settings, f"docx:{settings.docx_filter}")
    if _is_zip(out):
        return out
    problem = libreoffice_problem(settings)
    if problem is not None:
        raise IngestError(problem)
    raise IngestError(f"LibreOffice could not convert {source.name}: {said}"[:300])
