"""Pictures of printed pages on a PDF page that has a text layer: a scanned signed table pasted
into a Word report beside typed text and printed to PDF. The page is read from its text layer, so
the picture's contents were lost without a word. Such a picture (wide, tall enough, no text over
it, mostly paper: ``paper_picture``) is cut from the page rendered for OCR and read like a scan
(``read_pictures``): its lines and tables join the page's typed blocks where the picture stands,
in reading order, their boxes in the page's points. A picture whose OCR finds no table stays on
the page (``Page.pictures``) and is told in the unread account with its box, so the reviewer
opens it; a photograph, a logo or a stamp is neither read nor told."""

from __future__ import annotations

from dataclasses import dataclass, replace

from extract.model import BBox, Block, Page, Table
from extract.paper_picture import PaperSettings, looks_like_paper


@dataclass(frozen=True)
class PdfPictureSettings:
    # A picture at least this share of the page's width and of its height may hold a table (a
    # scan cut to a few rows of one is as wide as the text and a tenth of the page high; a logo,
    # a stamp, a signature is far narrower).
    min_width_share: float = 0.5
    min_height_share: float = 0.1
    # At most this share of its area covered by the text layer's characters (a background image
    # under typed text, a letterhead's watermark, is no picture of a page).
    max_text_share: float = 0.02
    # Resolution the page is rendered at to weigh paper against the rest (cheap, and enough).
    sample_dpi: int = 40
    paper: PaperSettings = PaperSettings()
    # Read the picture by OCR (its area cut from the page rendered at the OCR resolution); False
    # only tells it unread.
    read: bool = True


def page_pictures(pdf_page, render, s: PdfPictureSettings = PdfPictureSettings()) -> list[BBox]:
    """Boxes (points, top-left origin) of the pictures of printed pages on a text-layer page.
    ``render(dpi)`` gives the page as a Pillow image, called only when a candidate is found."""
    width, height = float(pdf_page.width), float(pdf_page.height)
    candidates = []
    for image in pdf_page.images:
        box = (float(image["x0"]), float(image["top"]), float(image["x1"]), float(image["bottom"]))
        box = (max(0.0, box[0]), max(0.0, box[1]), min(width, box[2]), min(height, box[3]))
        w, h = box[2] - box[0], box[3] - box[1]
        if w < s.min_width_share * width or h < s.min_height_share * height:
            continue
        covered = sum(
            (float(c["x1"]) - float(c["x0"])) * (float(c["bottom"]) - float(c["top"]))
            for c in pdf_page.chars
            if box[0] <= (float(c["x0"]) + float(c["x1"])) / 2 <= box[2]
            and box[1] <= (float(c["top"]) + float(c["bottom"])) / 2 <= box[3]
        )
        if covered > s.max_text_share * w * h:
            continue
        candidates.append(box)
    if not candidates:
        return []
    picture = render(s.sample_dpi)
    scale = s.sample_dpi / 72
    found = []
    for box in candidates:
        crop = picture.crop(tuple(round(v * scale) for v in box))
        if looks_like_paper(crop, s.paper):
            found.append(box)
    return found


def read_pictures(page: Page, boxes: list[BBox], render, ocr, s: PdfPictureSettings = PdfPictureSettings()) -> Page:
    """``page`` (a text-layer page) with each picture of a printed page in ``boxes`` read by OCR
    and put in its place: ``render()`` gives the page image and its dpi, ``ocr(image, dpi,
    first_number)`` a Page read from an image. Blocks are ordered top to bottom (the typed ones
    above a picture, its OCR'd ones, the typed ones below) and their lines numbered on from the
    page's first. A picture whose OCR finds no table stays in ``page.pictures`` (told unread)."""
    if not s.read or not boxes:
        page.pictures = list(boxes)
        return page
    image, dpi = render()
    scale = dpi / 72
    placed: list[tuple[float, float, Block]] = [(_top(b), 0.0, b) for b in page.blocks]
    unread = []
    for box in boxes:
        crop = image.crop(tuple(round(v * scale) for v in box))
        read = ocr(crop, dpi, 1)
        if not any(isinstance(b, Table) for b in read.blocks):
            unread.append(box)
        sx = (box[2] - box[0]) / (read.width or crop.width)
        sy = (box[3] - box[1]) / (read.height or crop.height)
        for k, block in enumerate(read.blocks):
            placed.append((box[1], 1.0 + k, _moved(block, page.number, box, sx, sy)))
    placed.sort(key=lambda item: (item[0], item[1]))
    first = min((_first_number(b) for b in page.blocks), default=None)
    page.blocks = _numbered([b for _, _, b in placed], first if first is not None else 1)
    page.pictures = unread
    return page


def _top(block: Block) -> float:
    return block.bbox[1] if block.bbox is not None else 0.0


def _first_number(block: Block) -> int:
    return block.line_start if isinstance(block, Table) else block.number


def _numbered(blocks: list[Block], first: int) -> list[Block]:
    """The blocks' running line numbers given anew in their order, from ``first``: a table keeps
    the count of numbers it spans."""
    out: list[Block] = []
    number = first
    for block in blocks:
        if isinstance(block, Table):
            span = max(0, block.line_end - block.line_start)
            out.append(replace(block, line_start=number, line_end=number + span))
            number += span + 1
        else:
            out.append(replace(block, number=number))
            number += 1
    return out


def _moved(block: Block, page_number: int, box: BBox, sx: float, sy: float) -> Block:
    """An OCR'd block of a picture moved onto the page: its boxes from the picture's pixels to
    the page's points, its page the page's."""

    def at(b: BBox | None) -> BBox | None:
        if b is None:
            return None
        return (box[0] + b[0] * sx, box[1] + b[1] * sy, box[0] + b[2] * sx, box[1] + b[3] * sy)

    if isinstance(block, Table):
        cells = [replace(c, bbox=at(c.bbox)) for c in block.cells]
        edges = [box[0] + x * sx for x in block.col_edges]
        return replace(block, page=page_number, cells=cells, bbox=at(block.bbox), col_edges=edges)
    words = [replace(w, bbox=at(w.bbox)) for w in block.words]
    return replace(block, page=page_number, bbox=at(block.bbox), words=words)
