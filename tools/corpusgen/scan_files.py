"""Scans as offices file them besides a PDF of page images: a searchable PDF (the page image with
the text another OCR read laid invisibly over it, as scanner software, Acrobat and ocrmypdf make
them; here real ``tesseract … pdf``), and a scan saved as an image file that declares no
resolution (PIL writes none unless told: neither do many scan-to-folder tools)."""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image


def searchable_pdf(pages: list[Image.Image], dpi: int, target: Path, lang: str) -> None:
    """The scanned pages as one PDF by Tesseract's PDF renderer: each page its JPEG image, the text
    Tesseract (``lang``: "eng" is a Latin-only engine, as many scanners' own) read under it,
    invisible. The creation date is fixed, so the same pages give the same bytes."""
    env = dict(os.environ, OMP_THREAD_LIMIT="1")  # the machine is shared: one core per Tesseract
    with tempfile.TemporaryDirectory(prefix="searchable-") as tmp:
        paths = []
        for k, page in enumerate(pages):
            path = Path(tmp) / f"page{k}.jpg"
            page.save(path, "JPEG", quality=80, dpi=(dpi, dpi))  # Tesseract sizes the PDF page from it
            paths.append(str(path))
        listing = Path(tmp) / "pages.txt"
        listing.write_text("\n".join(paths) + "\n", encoding="utf-8")
        out = Path(tmp) / "out"
        subprocess.run(
            ["tesseract", str(listing), str(out), "-l", lang, "--psm", "3", "pdf"],
            check=True,
            capture_output=True,
            env=env,
        )
        data = (out.with_suffix(".pdf")).read_bytes()
    target.write_bytes(re.sub(rb"/CreationDate ?\(D:\d{14}[^)]*\)", b"/CreationDate (D:20240101000000)", data))


def crop_to_content(page: Image.Image, margin_px: int = 60, min_ink_px: int = 12) -> Image.Image:
    """The page cut to its printed content and a margin, as a scanner's auto-crop does: the image
    is then no whole A4 sheet. A row or column of pixels is content when it holds at least
    ``min_ink_px`` dark pixels: a table's rule or a line of text does, scattered dust does not."""
    ink = np.asarray(page.convert("L")) < 128
    rows = np.flatnonzero(ink.sum(axis=1) >= min_ink_px)
    cols = np.flatnonzero(ink.sum(axis=0) >= min_ink_px)
    if not len(rows) or not len(cols):
        return page
    return page.crop(
        (
            max(0, int(cols[0]) - margin_px),
            max(0, int(rows[0]) - margin_px),
            min(page.width, int(cols[-1]) + margin_px),
            min(page.height, int(rows[-1]) + margin_px),
        )
    )


def image_without_dpi(pages: list[Image.Image], target: Path, quality: int) -> None:
    """The scanned pages saved with no resolution in the file: one page as PNG or JPEG (by
    ``target``'s suffix), several as a multi-page TIFF."""
    if len(pages) > 1:
        pages[0].save(target, "TIFF", save_all=True, append_images=pages[1:], compression="tiff_lzw")
    elif target.suffix == ".png":
        pages[0].save(target, "PNG")
    else:
        pages[0].save(target, "JPEG", quality=quality)
