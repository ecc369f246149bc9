"""Whether a picture is a page of text (a scan or a photo of paper) or a photograph: mostly paper
bright. Reports show their meetings in full-width photographs; a scanned signed table pasted in
is mostly white paper. Only the latter is worth OCR (seconds a picture) or an unread entry.

A phone photo of a sheet lying on a desk is judged on the sheet: the desk around it and the light
falling off across it (a third of the brightness and more) leave less than half the picture as
bright as its bright end, so the sheet OCR's page-finder cuts out (``image_prep``: an A4-shaped
bright quadrilateral on a darker ground) is weighed instead. A meeting photograph shows no such
sheet, or one that is no paper, or a bright screen whose shape is a slide's, not a sheet's."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PaperSettings:
    # At least this share of the picture's pixels (on a small copy) as bright as ``paper_level``
    # of its bright end (the 90th percentile, so that uneven light and a grey scan count) ...
    min_paper_share: float = 0.5
    paper_level: float = 0.8
    # ... and that bright end paper's, not a dim room's (0–255 grey).
    min_paper_brightness: int = 160
    # The small copy's longest side: enough to weigh paper against the rest, cheap on any picture.
    sample_pixels: int = 256
    # A picture that is not mostly paper whole is weighed again on the sheet it shows, when it
    # shows one (a phone photo of a page); False: the whole picture only.
    sheet_in_photo: bool = True
    # The sheet is A4 seen at a phone's angle: its sides' ratio within this share of A4's (the
    # corpus's phone photos lie within 0.13). The page-finder takes any shape within 0.35 to warp a
    # page it is given; a picture is judged paper on a tighter one, since a meeting photograph may
    # show a bright projected slide in a dim room, 16:9 (0.26 off A4), which is no page.
    sheet_max_aspect_error: float = 0.2


def looks_like_paper(image, s: PaperSettings = PaperSettings()) -> bool:
    """Whether a picture (a Pillow image) is mostly paper, whole or the sheet it shows."""
    small = image.convert("L")
    small.thumbnail((s.sample_pixels * 4, s.sample_pixels * 4))
    if _mostly_paper(small, s):
        return True
    if not s.sheet_in_photo:
        return False
    from extract.image_prep import aspect_error, page_quadrilateral, warp_page  # OpenCV: only for a doubtful picture

    quad = page_quadrilateral(small)
    if quad is None or aspect_error(quad) > s.sheet_max_aspect_error:
        return False
    return _mostly_paper(warp_page(small, quad)[0], s)


def _mostly_paper(image, s: PaperSettings) -> bool:
    small = image.copy()
    small.thumbnail((s.sample_pixels, s.sample_pixels))
    values = sorted(small.convert("L").tobytes())  # one byte a pixel (getdata is deprecated in Pillow 12)
    if not values:
        return False
    bright = values[int(0.9 * (len(values) - 1))]
    paper = sum(1 for v in values if v >= s.paper_level * bright)
    return bright >= s.min_paper_brightness and paper >= s.min_paper_share * len(values)
