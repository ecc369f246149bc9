"""LibreOffice Writer headless as the renderings and the corpus use it: one process for many files, a
private profile so parallel runs do not collide."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from extract.external import convert_to_pdf, libreoffice_problem


def libreoffice_convert(srcs: list[Path], out_dir: Path, target: str, timeout: int = 180) -> None:
    """Convert with LibreOffice headless, all in one process (starting it costs more than a page), in
    a private profile so parallel runs do not collide. ``target`` as --convert-to takes it."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                target,
                "--outdir",
                str(out_dir),
                *map(str, srcs),
            ],
            check=True,
            capture_output=True,
            timeout=timeout,
        )


def libreoffice_pdfs(srcs: list[Path], out_dir: Path, filter_options: str = "", timeout: int = 180) -> list[Path]:
    """DOCX to PDF in one LibreOffice process. A PDF that did not appear is said, naming the package
    (LibreOffice without Writer exits 0 and writes nothing)."""
    target = "pdf" + (f":writer_pdf_Export:{filter_options}" if filter_options else "")
    libreoffice_convert(srcs, out_dir, target, timeout)
    pdfs = [out_dir / (src.stem + ".pdf") for src in srcs]
    missing = [p.name for p in pdfs if not p.exists()]
    if missing:
        raise RuntimeError(f"{libreoffice_problem() or 'LibreOffice wrote no PDF'}: {', '.join(missing[:3])}")
    return pdfs


def libreoffice_pdf(src: Path, out_dir: Path, filter_options: str = "") -> Path:
    """Convert with LibreOffice Writer headless (the product's converter: private profile, output checked)."""
    return convert_to_pdf(src, out_dir, filter_options=filter_options)
