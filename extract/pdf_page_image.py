"""A PDF page as an image for OCR: the embedded scan at its own resolution when the page is one
(re-rendering a 200 dpi scan at 300 dpi adds time, not detail), else the page rendered by pdfium.
An OCR layer's invisible text is no part of the page (``extract.pdf_ocr_layer``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extract.limits import Limits, check
from extract.pdf_ocr_layer import (
    OcrLayerSettings,
    image_coverage,
    is_invisible_text,
    is_scan_with_ocr_layer,
    page_image_covers,
)


@dataclass(frozen=True)
class PageImageSettings:
    """When a scanned page's embedded image is OCR'd as it is instead of rendering the page."""

    # Share of the page the image must cover (a scan fills the page; a logo does not).
    min_coverage: float = 0.95
    # Horizontal and vertical resolution may differ by this share (else the pixels are not square).
    max_dpi_skew: float = 0.02
    # An image finer than ``ocr_dpi`` by more than this factor is scaled down to ``ocr_dpi``.
    max_dpi_ratio: float = 1.25
    # When a scan's invisible text layer (another program's OCR) is set aside (extract.pdf_ocr_layer).
    ocr_layer: OcrLayerSettings = OcrLayerSettings()


class Renderer:
    """pypdfium2, opened only when a page needs OCR."""

    def __init__(
        self, path: Path, settings: PageImageSettings = PageImageSettings(), limits: Limits = Limits()
    ) -> None:
        self.path = path
        self.settings = settings
        self.limits = limits
        self._doc: Any = None  # a pypdfium2 PdfDocument (untyped)

    def page_image(self, index: int, dpi: int):
        """The page as a greyscale image and its resolution: the embedded scan when the page is
        one, else the page rendered at ``dpi``."""
        page = self.document()[index]
        found = embedded_scan(page, self.settings, self.limits)
        if found is not None:
            image, native = found
            if native > dpi * self.settings.max_dpi_ratio:
                size = (round(image.width * dpi / native), round(image.height * dpi / native))
                return image.resize(size, resample=_lanczos()), dpi
            return image, native
        width, height = page.get_size()
        scale = dpi / 72
        check(
            width * scale * height * scale,
            self.limits.max_image_mp * 1e6,
            f"page {index + 1} too large to render at {dpi} dpi",
            " MP",
            1e6,
        )
        from extract.image_prep import greyscale  # numpy: loaded only when a page is rendered

        return greyscale(page.render(scale=scale).to_pil()), dpi

    def scan_with_ocr_layer(self, pdf_page, index: int) -> bool:
        """True when page ``index`` (``pdf_page`` its pdfplumber view) is a scanned image under an
        invisible OCR text layer (extract.pdf_ocr_layer)."""
        if not page_image_covers(pdf_page, self.settings.ocr_layer.min_image_coverage):
            return False
        return is_scan_with_ocr_layer(self.document()[index], self.settings.ocr_layer)

    def document(self):
        """The open pdfium document (opened on first use)."""
        import pypdfium2 as pdfium

        if self._doc is None:
            self._doc = pdfium.PdfDocument(str(self.path))
        return self._doc

    def close(self) -> None:
        if self._doc is not None:
            self._doc.close()


def _lanczos():
    from PIL import Image

    return Image.Resampling.LANCZOS


def embedded_scan(page, settings: PageImageSettings = PageImageSettings(), limits: Limits = Limits()):
    """``(greyscale image, dpi)`` of a page that is nothing but one upright image covering it (what
    scanners and image-to-PDF tools write), or None. Anything else on the page (text, vector
    drawing, a second image), a rotated page or a rotated, flipped or stretched placement means
    the page must be rendered to be seen as printed."""
    import pypdfium2.raw as pdfium_c

    if page.get_rotation() % 360:
        return None
    # An OCR layer's invisible text is not on the printed page (extract.pdf_ocr_layer).
    objects = [obj for obj in page.get_objects(max_depth=1) if not is_invisible_text(obj)]
    if len(objects) != 1 or objects[0].type != pdfium_c.FPDF_PAGEOBJ_IMAGE:
        return None
    image = objects[0]
    a, b, c, d, _, _ = image.get_matrix().get()
    if b or c or a <= 0 or d <= 0:
        return None
    if image_coverage(page, image) < settings.min_coverage:
        return None
    px_w, px_h = image.get_px_size()
    if px_w * px_h > limits.max_image_mp * 1e6:  # too big to hold: the page is rendered at ocr_dpi instead
        return None
    dpi_x, dpi_y = px_w * 72 / a, px_h * 72 / d
    if abs(dpi_x - dpi_y) > settings.max_dpi_skew * dpi_x:
        return None
    try:
        from extract.image_prep import greyscale

        bitmap = greyscale(image.get_bitmap(render=False).to_pil())
    except Exception:  # an encoding pdfium cannot hand over raw: render instead
        return None
    if bitmap.size != (px_w, px_h):
        return None
    return bitmap, round(dpi_x)
