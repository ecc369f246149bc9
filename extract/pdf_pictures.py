"""Pictures of printed pages on a PDF page that has a text layer: a scanned signed table pasted
into a Word report beside typed text and printed to PDF. The page is read from its text layer, so
the picture's contents were lost without a word. Such a picture (wide, tall enough, no text over
it, mostly paper: ``paper_picture``) is recorded on the page (``Page.pictures``) and told in the
unread account with its box, so the reviewer opens it; a photograph, a logo or a stamp is not."""

from __future__ import annotations

from dataclasses import dataclass

from extract.model import BBox
from extract.paper_picture import PaperSettings, looks_like_paper


@dataclass(frozen=True)
class PdfPictureSettings:
    # A picture at least this share of the page's width and of its height may hold a table
    # (a logo, a stamp, a signature is far smaller).
    min_width_share: float = 0.5
    min_height_share: float = 0.15
    # At most this share of its area covered by the text layer's characters (a background image
    # under typed text, a letterhead's watermark, is no picture of a page).
    max_text_share: float = 0.02
    # Resolution the page is rendered at to weigh paper against the rest (cheap, and enough).
    sample_dpi: int = 40
    paper: PaperSettings = PaperSettings()


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
