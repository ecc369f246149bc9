"""Scanned PDF pages that carry another program's OCR: a page image with invisible text over it.

Scanners, Acrobat, ABBYY and ocrmypdf make "searchable" PDFs by laying the text their OCR read,
invisible (text render mode 3, or 7: clip only), over the scanned image. pdfplumber reads that
layer like any typed text, and for Vietnamese it is poor: a Latin-only engine drops or swaps the
diacritics ("Ứng dụng" → "Ung dung", "Đ" → "D"), and a layer written for searching keeps neither
the table's cells nor the reading order we need. Read as text, a score table such a PDF holds came
out as garbled rows or as nothing; the same image read by our own OCR is read whole. So a page that
is a scan with an invisible layer is OCR'd by us (``IngestOptions.reocr_scanned_text_layers``), and
the rendering for OCR ignores the invisible text (pdfium never paints it).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OcrLayerSettings:
    """When a page counts as a scan carrying an OCR text layer."""

    # Share of the page the largest image must cover (a scan fills the page; a logo or a stamp does not).
    min_image_coverage: float = 0.9
    # Share of the page's text objects that must be invisible: a visible line or two (a digital
    # signature's stamp, a typed note laid on the scan) does not make the page a typed one.
    min_hidden_share: float = 0.8


def _invisible_modes() -> tuple[int, ...]:
    import pypdfium2.raw as pdfium_c

    return (pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE, pdfium_c.FPDF_TEXTRENDERMODE_CLIP)


def is_invisible_text(obj) -> bool:
    """True for a pdfium text object that is not painted (render mode 3 or 7)."""
    import pypdfium2.raw as pdfium_c

    if obj.type != pdfium_c.FPDF_PAGEOBJ_TEXT:
        return False
    return pdfium_c.FPDFTextObj_GetTextRenderMode(obj.raw) in _invisible_modes()


def image_coverage(page, obj) -> float:
    """Share of ``page`` an image object's bounds cover (clipped to the page)."""
    width, height = page.get_size()
    if width <= 0 or height <= 0:
        return 0.0
    left, bottom, right, top = obj.get_bounds()
    covered = max(0.0, min(right, width) - max(left, 0.0)) * max(0.0, min(top, height) - max(bottom, 0.0))
    return covered / (width * height)


def is_scan_with_ocr_layer(page, settings: OcrLayerSettings = OcrLayerSettings()) -> bool:
    """True when a pdfium page is a scanned image with a text layer that is (mostly) invisible:
    the text is another program's OCR of the image, not typed text."""
    import pypdfium2.raw as pdfium_c

    hidden = shown = 0
    widest = 0.0
    for obj in page.get_objects(max_depth=2):  # the layer may sit in a form XObject (ocrmypdf)
        if obj.type == pdfium_c.FPDF_PAGEOBJ_TEXT:
            if is_invisible_text(obj):
                hidden += 1
            else:
                shown += 1
        elif obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            widest = max(widest, image_coverage(page, obj))
    if not hidden or widest < settings.min_image_coverage:
        return False
    return hidden / (hidden + shown) >= settings.min_hidden_share


def page_image_covers(pdf_page, min_coverage: float) -> bool:
    """Cheap first test on a pdfplumber page: one image covers at least ``min_coverage`` of it
    (only then is the page opened in pdfium to look at its text's render mode)."""
    area = float(pdf_page.width) * float(pdf_page.height)
    if area <= 0:
        return False
    for image in pdf_page.images:
        width = min(float(image["x1"]), float(pdf_page.width)) - max(float(image["x0"]), 0.0)
        height = min(float(image["bottom"]), float(pdf_page.height)) - max(float(image["top"]), 0.0)
        if width > 0 and height > 0 and width * height >= min_coverage * area:
            return True
    return False
