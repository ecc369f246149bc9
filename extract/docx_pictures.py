"""Pictures of pages inside a DOCX: a scanned or photographed page (the signed score table, a
stamped report page) pasted into a Word file. Communes send these often: the typed report, then
"bảng tự chấm điểm" as a picture of the signed copy. python-docx sees an image part, no text, so
the table was lost without a word. A picture shown at least ``min_width_share`` of the text width
and ``min_height_share`` of the page height is a page: it is OCR'd like a scan (its resolution
the picture's pixels over the size Word shows it at) and read as a page of its own, in its place.
Logos, stamps and signatures are small and stay pictures."""

from __future__ import annotations

import io
from dataclasses import dataclass

import regex as re

from extract.base import IngestError
from extract.image_reader import frame_dpi
from extract.model import Page
from extract.paper_picture import PaperSettings, looks_like_paper

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
R_EMBED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
V = "{urn:schemas-microsoft-com:vml}"
# A VML shape's size in its style ("width:451.3pt;height:312.5pt"; Word may write in, cm, px).
_VML_SIZE = re.compile(r"(width|height)\s*:\s*([\d.]+)\s*(pt|in|cm|mm|px)?", re.I)
_POINTS_PER_UNIT = {"pt": 1.0, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "px": 0.75, "": 0.75}
_EMU_PER_INCH = 914400
_EMU_PER_POINT = 12700


@dataclass(frozen=True)
class PagePictureSettings:
    # A picture shown at least this share of the page's width and of its height is a page (an A4
    # scan pasted to the text width fills ~0.75 of the paper's width and ~0.5 of its height or
    # more; a scan cut to its table, a few rows, as little as a tenth of the page's height, as
    # wide); a logo, a stamp or a signature is far narrower.
    min_width_share: float = 0.5
    min_height_share: float = 0.1
    # Its resolution on paper: the one it declares, or a whole A4/Letter page's by its shape
    # (``image_reader.frame_dpi``, as for a scan file), else its pixels over the inches Word shows
    # it at, bounded: a picture scaled down a lot is no 1200-dpi scan, one blown up no 40-dpi one.
    min_dpi: int = 100
    max_dpi: int = 600
    # Fewest pixels an inch of the picture as shown (its width's) worth OCR: below it no table
    # text is legible (an A4 scan pasted to the text width: about 500 pixels across). Counted per
    # inch, not on the short side: a scan cut to a few rows of a table is short and still legible.
    min_read_dpi: int = 80
    # A photograph (a meeting shown full width) is not OCR'd: only a picture of paper is.
    paper: PaperSettings = PaperSettings()


@dataclass(frozen=True)
class PagePicture:
    """A picture of a page found in a paragraph: its image bytes and its shown size (points)."""

    blob: bytes
    width_pt: float
    height_pt: float


def paragraph_pictures(p, related_parts) -> list[PagePicture]:
    """The pictures of a paragraph whose image part is in the package: DrawingML (inline or
    anchored) and VML (older Word, and the preview of an embedded object such as a pasted Excel
    sheet; a preview Pillow cannot decode, an EMF, is then told unread, not dropped)."""
    out = []
    for drawing in p.iter(WP + "inline", WP + "anchor"):
        extent = drawing.find(WP + "extent")
        blip = next(drawing.iter(A + "blip"), None)
        if extent is None or blip is None:
            continue
        part = related_parts.get(blip.get(R_EMBED))
        if part is None:
            continue
        cx, cy = int(extent.get("cx", 0) or 0), int(extent.get("cy", 0) or 0)
        out.append(PagePicture(part.blob, cx / _EMU_PER_POINT, cy / _EMU_PER_POINT))
    for shape in p.iter(V + "shape"):
        data = shape.find(V + "imagedata")
        part = related_parts.get(data.get(R_ID)) if data is not None else None
        if part is None:
            continue
        size = {
            k.lower(): float(v) * _POINTS_PER_UNIT[(u or "").lower()]
            for k, v, u in _VML_SIZE.findall(shape.get("style", ""))
        }
        out.append(PagePicture(part.blob, size.get("width", 0.0), size.get("height", 0.0)))
    return out


def is_page_picture(
    picture: PagePicture, page_width: float | None, page_height: float | None, s: PagePictureSettings
) -> bool:
    """Whether a picture is shown as large as a page's content (A4 when the section gives no size)."""
    width, height = page_width or 595.0, page_height or 842.0
    return picture.width_pt >= s.min_width_share * width and picture.height_pt >= s.min_height_share * height


def ocr_picture(
    picture: PagePicture, number: int, first_number: int, options, s: PagePictureSettings
) -> tuple[Page | None, str | None]:
    """The picture OCR'd as page ``number`` (method ``ocr``), and a warning; a picture that cannot
    be decoded or OCR'd (Tesseract missing) is an empty OCR page, which the unread account
    reports, with the warning saying why; a photograph is no page (None), only the warning."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(picture.blob)) as image:
            image.load()
            frame = image.convert("L") if image.mode not in ("L", "RGB") else image.copy()
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        return _empty(number), f"page {number}: a picture of a page that cannot be decoded ({exc})".splitlines()[0]
    if not looks_like_paper(frame, s.paper):
        return None, f"page {number}: a picture that is no page of text (a photograph): not read"
    if picture.width_pt > 0 and frame.width / (picture.width_pt / 72.0) < s.min_read_dpi:
        return _empty(number), f"page {number}: a picture of a page too small to read ({frame.width}×{frame.height} px)"
    dpi = frame_dpi(frame, _shown_dpi(picture, frame.width, options.ocr_dpi, s))
    from extract.ocr import ocr_page  # numpy, Pillow, Tesseract: only for documents with pictures

    try:
        page = ocr_page(frame, number, dpi, options, first_number=first_number)
    except IngestError as exc:
        return _empty(number), f"page {number}: a picture of a page not OCR'd: {exc}"
    return page, f"page {number}: a picture of a page in the document; read by OCR"


def _shown_dpi(picture: PagePicture, pixels: int, default: int, s: PagePictureSettings) -> int:
    """Pixels over the inches Word shows the picture at, bounded: the resolution on paper of a
    picture that declares none and is no whole page of office paper (a cropped table)."""
    inches = picture.width_pt / 72.0
    return max(s.min_dpi, min(s.max_dpi, round(pixels / inches))) if inches > 0 else default


def _empty(number: int) -> Page:
    return Page(number=number, method="ocr")
