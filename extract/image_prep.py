"""Image preparation for photos and poor scans, before the deskew / ruling-line / Tesseract steps
of ``extract.ocr``:

    greyscale ─ page quadrilateral found? ─ yes → perspective-corrected to a flat page, its dpi from
              │                                   the A4 sheet it is
              └─ no (a scan: the page is the image) → as it is
             ─ uneven light? → flattened (divided by the paper's own brightness)

Then ``extract.ocr`` upscales coarse images to ``target_dpi``, deskews (±``max_skew_deg``), turns a
sideways page (Tesseract OSD), finds the ruling lines of the cell grid on the corrected image and
assigns Tesseract's words to the cells. Each step here costs one look at a small copy when there is
nothing to do, so a clean scan pays almost nothing for it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

# Decree 30/2020 (document format) prints administrative documents on A4: a photographed page's
# resolution is its long side in pixels over the sheet's long side.
A4_LONG_INCH = 297 / 25.4
A4_SHORT_INCH = 210 / 25.4


@dataclass(frozen=True)
class ImagePrepSettings:
    # Page quadrilateral: looked for on a copy this wide (the page's outline needs no detail).
    find_page: bool = True
    page_work_px: int = 800
    # The quadrilateral is the page when it covers at least this share of the image (smaller bright
    # shapes are a form, a label or a lamp's reflection) …
    page_min_area: float = 0.2
    # … and at most this share: a "page" filling the image is a scan, whose border is the paper's.
    page_max_area: float = 0.93
    # The page is brighter than what lies around it by this many grey levels (paper on a desk).
    page_min_contrast: int = 40
    # The page is cut from the desk at this share of the way from the desk's commonest grey up to
    # Otsu's split of the picture (1.0: Otsu's level alone): lower keeps a shaded corner of paper.
    page_level_share: float = 0.5
    # A quadrilateral whose sides' ratio is off A4's by more than this (either way) is not a sheet
    # seen at an angle: left alone rather than warped into a wrong shape.
    page_max_aspect_error: float = 0.35
    # A photographed page cut out is whitened this far in from its edges: a sliver of desk the
    # outline left inside reads as a line of junk above the letterhead ("7 TT 777 77"), and
    # Decree 30/2020 keeps print 15 mm or more from every edge.
    page_edge_blank_mm: float = 4.0
    # Illumination: the paper's brightness is estimated on a copy reduced to this many pixels per
    # inch, by a grey closing (letters vanish) over ``flatten_window_in`` inches…
    flatten: bool = True
    flatten_work_dpi: int = 30
    flatten_window_in: float = 0.3
    # …and the page divided by it only when it varies by more than this many levels between the
    # 5th and 95th percentile (a scanner lights evenly: scans are left as they are).
    flatten_min_spread: int = 30
    # A colour page's red ink is the commune's seal, stamped over the signer's title and name
    # (Decree 30/2020): its ring, star and curved capitals make Tesseract take the signature block
    # for a picture and drop its words. In the greyscale page a red pixel is read by its red
    # channel, the paper under the ink, as a scanner's red drop-out does; black print under the
    # seal stays dark in every channel. A pixel is red when its red channel exceeds both others by
    # ``seal_red_margin`` levels and is at least ``seal_red_min`` (not a dark, warm-tinted black).
    drop_seal_red: bool = True
    seal_red_margin: int = 50
    seal_red_min: int = 110


def greyscale(image: Image.Image, settings: ImagePrepSettings = ImagePrepSettings()) -> Image.Image:
    """The page in grey levels, its red seal dropped out (``drop_seal_red``); an image without
    colour is only converted."""
    if image.mode == "L":
        return image
    if not settings.drop_seal_red or image.mode in ("1", "I", "F", "I;16", "LA"):
        return image.convert("L")
    colour = image.convert("RGB")
    # A seal is centimetres wide, its star solid: a copy a quarter across shows it, and a page
    # without one (every greyscale page saved as RGB, most colour ones) pays only for that look.
    small = colour.reduce(4) if min(colour.size) >= 256 else colour
    if not _red_ink(small, settings).any():
        return colour.convert("L")
    rgb = np.asarray(colour, dtype=np.int16)
    seal = _red_ink(rgb, settings)
    gray = np.asarray(colour.convert("L")).copy()
    gray[seal] = rgb[..., 0][seal].astype(np.uint8)
    return Image.fromarray(gray, mode="L")


def _red_ink(rgb, settings: ImagePrepSettings) -> np.ndarray:
    """Where an RGB image (or array) holds the seal's red (``seal_red_margin``, ``seal_red_min``)."""
    a = np.asarray(rgb, dtype=np.int16)
    red, green, blue = a[..., 0], a[..., 1], a[..., 2]
    return (red - np.maximum(green, blue) >= settings.seal_red_margin) & (red >= settings.seal_red_min)


def prepare_page(
    gray: Image.Image, dpi: int, settings: ImagePrepSettings = ImagePrepSettings()
) -> tuple[Image.Image, int]:
    """A greyscale page image made flat: the photographed page cut out and warped square (its dpi
    then from the A4 sheet), uneven light divided out. A scan comes back as it went in."""
    quad = page_quadrilateral(gray, settings) if settings.find_page else None
    if quad is not None:
        gray, dpi = warp_page(gray, quad)
    if settings.flatten:
        gray = flatten_illumination(gray, dpi, settings)
    if quad is not None:  # (after the light is divided out: the band takes the paper's white)
        gray = blank_edges(gray, dpi, settings)
    return gray, dpi


def page_quadrilateral(gray: Image.Image, settings: ImagePrepSettings = ImagePrepSettings()) -> np.ndarray | None:
    """The page's four corners (float32 array 4×2, image pixels, clockwise from top-left) when the
    image shows a bright sheet on a darker background; None when it does not (a scan)."""
    import cv2

    # Pillow's reduce (a box filter by an integer factor) is ten times cheaper than a resize.
    factor = max(1, -(-max(gray.size) // settings.page_work_px))
    small = np.asarray(gray.reduce(factor))
    scale = 1.0 / factor
    small = cv2.GaussianBlur(small, (5, 5), 0)
    otsu, _ = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    darker = small[small < otsu]
    desk = int(np.bincount(darker.ravel()).argmax()) if darker.size else int(otsu)
    # Light falling off across a photo darkens paper and desk alike: the far corner's paper can sink
    # below Otsu's split of the whole picture and the page lose that corner. Its edge is still where
    # grey rises off the desk, so the page is first cut nearer the desk's own grey (Otsu's level
    # is kept for a picture where that cut joins the desk to the page).
    for level in (desk + settings.page_level_share * (otsu - desk), otsu):
        quad = _page_at_level(small, level, settings)
        if quad is not None:
            return (quad / scale).astype(np.float32)
    return None


def _page_at_level(small: np.ndarray, level: float, settings: ImagePrepSettings) -> np.ndarray | None:
    """The sheet's corners in the small picture when what is brighter than ``level`` is one
    sheet-shaped, page-sized shape clearly brighter than its surroundings; else None."""
    import cv2

    _, paper = cv2.threshold(small, level, 255, cv2.THRESH_BINARY)
    # Letters and ruling lines are holes in the paper: closed so the page is one shape.
    paper = cv2.morphologyEx(paper, cv2.MORPH_CLOSE, np.ones((9, 9), np.uint8))
    contours, _ = cv2.findContours(paper, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    outline = max(contours, key=cv2.contourArea)
    area = cv2.contourArea(outline) / float(small.shape[0] * small.shape[1])
    if not settings.page_min_area <= area <= settings.page_max_area:
        return None
    inside = np.zeros_like(paper)
    cv2.drawContours(inside, [outline], -1, 255, -1)
    if float(small[inside > 0].mean()) - float(small[inside == 0].mean()) < settings.page_min_contrast:
        return None
    quad = _four_corners(outline)
    if quad is None or not _sheet_shaped(quad, settings):
        return None
    return quad


def _four_corners(outline: np.ndarray) -> np.ndarray | None:
    """The outline's four corners. A clean outline simplifies to four vertices. One with a corner
    missing (shaded into the desk's darkness, or off the photo's edge) simplifies to more: its
    corners are then where its four longest sides' lines meet, since a page's sides stay straight
    where a corner is lost. Failing that (a torn or folded page), the hull's extreme points."""
    import cv2

    hull = cv2.convexHull(outline)
    perimeter = cv2.arcLength(hull, True)
    fine = cv2.approxPolyDP(hull, 0.01 * perimeter, True).reshape(-1, 2).astype(np.float32)
    if len(fine) > 4:
        corners = _sides_meeting(fine)
        if corners is not None:
            return corners
    for share in (0.01, 0.02, 0.03, 0.05):
        poly = cv2.approxPolyDP(hull, share * perimeter, True)
        if len(poly) == 4:
            return _clockwise(poly.reshape(4, 2).astype(np.float32))
    points = hull.reshape(-1, 2).astype(np.float32)
    sums, diffs = points.sum(axis=1), points[:, 0] - points[:, 1]
    return _clockwise(points[[np.argmin(sums), np.argmax(diffs), np.argmax(sums), np.argmin(diffs)]])


# Two sides of a sheet meet at a corner at 90° seen straight on; a photo taken at an angle
# skews that, but not below this many degrees (the four longest edges of an outline whose
# neighbours meet flatter than this are not a page's four sides).
_MIN_CORNER_DEG = 45.0


def _sides_meeting(polygon: np.ndarray) -> np.ndarray | None:
    """Where the lines of a convex polygon's four longest edges meet, taken in order round it:
    a page's corners when the polygon is a sheet with a corner cut off; None when those edges'
    neighbours meet too flat to be a sheet's corners (``_MIN_CORNER_DEG``) or the corners land
    far outside the polygon (more than its own size away)."""
    n = len(polygon)
    edges = [(polygon[i], polygon[(i + 1) % n]) for i in range(n)]
    lengths = [float(np.linalg.norm(b - a)) for a, b in edges]
    longest = sorted(sorted(range(n), key=lambda i: -lengths[i])[:4])
    corners = []
    for k in range(4):
        (a1, b1), (a2, b2) = edges[longest[k]], edges[longest[(k + 1) % 4]]
        d1, d2 = b1 - a1, b2 - a2
        cross = float(d1[0] * d2[1] - d1[1] * d2[0])
        sine = abs(cross) / (lengths[longest[k]] * lengths[longest[(k + 1) % 4]])
        if sine < np.sin(np.radians(_MIN_CORNER_DEG)):
            return None
        t = float((a2 - a1)[0] * d2[1] - (a2 - a1)[1] * d2[0]) / cross
        corners.append(a1 + t * d1)
    quad = np.array(corners, dtype=np.float32)
    low, high = polygon.min(axis=0), polygon.max(axis=0)
    size = high - low
    if (quad < low - size).any() or (quad > high + size).any():
        return None
    return _clockwise(quad)


def _clockwise(points: np.ndarray) -> np.ndarray:
    """Corners ordered top-left, top-right, bottom-right, bottom-left."""
    centre = points.mean(axis=0)
    angles = np.arctan2(points[:, 1] - centre[1], points[:, 0] - centre[0])
    ordered = points[np.argsort(angles)]  # from the left, clockwise in image coordinates (y down)
    start = int(np.argmin(ordered.sum(axis=1)))
    return np.roll(ordered, -start, axis=0)


def _sides(quad: np.ndarray) -> tuple[float, float]:
    """(width, height) of the flattened page: the longer of each pair of opposite sides."""
    tl, tr, br, bl = quad
    width = max(float(np.linalg.norm(tr - tl)), float(np.linalg.norm(br - bl)))
    height = max(float(np.linalg.norm(bl - tl)), float(np.linalg.norm(br - tr)))
    return width, height


def _sheet_shaped(quad: np.ndarray, settings: ImagePrepSettings) -> bool:
    return aspect_error(quad) <= settings.page_max_aspect_error


def aspect_error(quad: np.ndarray) -> float:
    """How far the quadrilateral's sides' ratio is off A4's, either way (0.0: an A4 sheet; a 16:9
    screen 0.26); infinite for a degenerate one."""
    width, height = _sides(quad)
    if min(width, height) <= 0:
        return float("inf")
    ratio = max(width, height) / min(width, height)
    return abs(ratio / (A4_LONG_INCH / A4_SHORT_INCH) - 1)


def warp_page(gray: Image.Image, quad: np.ndarray) -> tuple[Image.Image, int]:
    """The quadrilateral warped to an upright rectangle of A4's proportions at the photo's own
    resolution (the longer sides kept), and that resolution in dpi."""
    import cv2

    width, height = _sides(quad)
    long_px = max(width, height)
    dpi = max(1, round(long_px / A4_LONG_INCH))
    if width >= height:  # landscape
        out_w, out_h = round(long_px), round(long_px * A4_SHORT_INCH / A4_LONG_INCH)
    else:
        out_w, out_h = round(long_px * A4_SHORT_INCH / A4_LONG_INCH), round(long_px)
    target = np.array([(0, 0), (out_w - 1, 0), (out_w - 1, out_h - 1), (0, out_h - 1)], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(quad.astype(np.float32), target)
    flat = cv2.warpPerspective(
        np.asarray(gray), matrix, (out_w, out_h), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE
    )
    return Image.fromarray(flat), dpi


def blank_edges(gray: Image.Image, dpi: int, settings: ImagePrepSettings = ImagePrepSettings()) -> Image.Image:
    """The page with a band ``page_edge_blank_mm`` wide along its edges painted the paper's grey
    (its 90th percentile): what the outline kept of the desk goes, no print does."""
    band = round(settings.page_edge_blank_mm / 25.4 * dpi)
    if band <= 0:
        return gray
    arr = np.array(gray)
    paper = np.uint8(np.percentile(arr, 90))
    arr[:band, :] = paper
    arr[-band:, :] = paper
    arr[:, :band] = paper
    arr[:, -band:] = paper
    return Image.fromarray(arr)


def flatten_illumination(gray: Image.Image, dpi: int, settings: ImagePrepSettings = ImagePrepSettings()) -> Image.Image:
    """The page divided by its paper's brightness (estimated without the letters) so shadows and
    lamp light leave white paper and dark ink; an evenly lit page comes back unchanged."""
    import cv2

    arr = np.asarray(gray)
    small = np.asarray(gray.reduce(max(1, dpi // settings.flatten_work_dpi)))
    window = max(3, round(settings.flatten_window_in * settings.flatten_work_dpi) | 1)
    paper = cv2.morphologyEx(small, cv2.MORPH_CLOSE, np.ones((window, window), np.uint8))
    paper = cv2.GaussianBlur(paper, (0, 0), window / 2)
    low, high = np.percentile(paper, (5, 95))
    if high - low < settings.flatten_min_spread:
        return gray
    background = cv2.resize(paper, (arr.shape[1], arr.shape[0]), interpolation=cv2.INTER_LINEAR).astype(np.float32)
    flat = arr.astype(np.float32) * (255.0 / np.maximum(background, 1.0))
    return Image.fromarray(np.clip(flat, 0, 255).astype(np.uint8))
