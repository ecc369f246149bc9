"""The commune's seal on a greyscale page: found by its ring and dropped out by its tone.

A seal stamped over the signer's title (Decree 30/2020: over the left third of the signature)
comes out of a greyscale scanner, a photocopier or a grey photo as mid-grey ink: its ring, its
curved capitals and its star sit on the title and the signer's name, and Tesseract reads them as
letters ("KT. CHỦ TỊCH" → "U TỊCH", "Lê Hùng" → "Hùng"). A colour page's red seal is dropped by
its colour (``image_prep.greyscale``); a grey one has only its tone: printed text is black ink
whose strokes have dark cores, the stamp's ink is lighter all through. So the seal is looked for
as a ring of mid-grey ink a few centimetres across, away from dark ink, and only inside that ring
are the mid-grey pixels that touch no dark ink painted white; text, the signature and their
anti-aliased edges stay as they are. A page without such a ring is left alone after one look at a
small copy.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PIL import Image


@dataclass(frozen=True)
class GreySealSettings:
    enabled: bool = True
    # The stamp's ink is told from print on a copy with this many pixels per inch (print keeps its
    # dark cores, which a coarser copy greys) …
    work_dpi: int = 150
    # A round official seal is 3-4.5 cm across (commune seals about 3.5 cm): its radius in cm.
    min_radius_cm: float = 1.2
    max_radius_cm: float = 2.4
    # Tones, as shares of the way from the page's ink to its paper (the median): below ``dark_share``
    # is printed ink; between that and ``light_share`` is a stamp's ink. The ink is a low percentile
    # of the pixels at least ``ink_min_contrast`` levels darker than the paper (a last page holding
    # only the signature block has little print, and its seal is much of what ink there is).
    ink_min_contrast: int = 40
    ink_percentile: float = 5.0
    dark_share: float = 0.2
    light_share: float = 0.8
    # Mid-grey pixels within this many mm of dark ink are the ink's blurred edge, not the stamp.
    edge_mm: float = 0.35
    # The ring: mid-grey ink in this many of 36 directions round a circle (text crossing the ring
    # and the stamp's faint side leave gaps).
    ring_bins: int = 36
    ring_min_bins: int = 22
    # …within this share of the radius of it, and that band this many times as inked as the
    # paper just outside it (seals measured 39-780 times; a circle fitted into a photo's page of
    # thin grey body text, under 5).
    ring_band: float = 0.1
    ring_contrast: float = 12.0
    # Circles looked for: the strongest few of the Hough transform, voted by this many edge points.
    hough_candidates: int = 8
    hough_shrink: int = 4  # … and circles looked for on one this many times coarser
    hough_votes: int = 20
    tone_min_gap: int = 15
    # The outer ring is fitted to the stamp ink in these bands of its radius, in turn (the ring of
    # capitals lies inside 0.85 of it).
    ring_refits: int = 2
    ring_fit_bands: tuple[tuple[float, float], ...] = ((0.9, 1.1), (0.93, 1.07))
    # The tone is dropped within this share of the ring's radius (its outer edge's blur).
    erase_margin: float = 1.12


DEFAULT_GREY_SEAL = GreySealSettings()


@dataclass(frozen=True)
class Ring:
    """A seal's outer ring on the page, in full-size pixels."""

    cx: float
    cy: float
    r: float


@dataclass(frozen=True)
class Tones:
    """The page's ink and paper grey levels and the bounds of a stamp's tone between them."""

    dark_below: int
    light_below: int


def page_tones(gray: np.ndarray, settings: GreySealSettings = DEFAULT_GREY_SEAL) -> Tones:
    """The page's tones: its paper (the median), its ink (a low percentile of what is clearly
    darker than the paper) and the stamp's band between them (``dark_share``, ``light_share``)."""
    counts = np.cumsum(np.bincount(gray.ravel(), minlength=256))  # a histogram: no sort of the page
    paper = float(np.searchsorted(counts, counts[-1] / 2))
    dark_end = max(int(paper) - settings.ink_min_contrast, 0)
    marked = int(counts[dark_end - 1]) if dark_end else 0
    ink = float(np.searchsorted(counts, marked * settings.ink_percentile / 100)) if marked else paper
    span = max(paper - ink, 1.0)
    return Tones(round(ink + settings.dark_share * span), round(ink + settings.light_share * span))


def stamp_ink(gray: np.ndarray, tones: Tones, edge_px: int) -> np.ndarray:
    """Where ``gray`` holds mid-grey ink that is not the blurred edge of dark ink (a bool mask)."""
    import cv2

    dark: np.ndarray = (gray < tones.dark_below).astype(np.uint8)
    if edge_px > 0:
        size = 2 * edge_px + 1
        dark = cv2.dilate(dark, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (size, size)))
    return (gray >= tones.dark_below) & (gray < tones.light_below) & (dark == 0)


def find_rings(gray: np.ndarray, dpi: int, settings: GreySealSettings = DEFAULT_GREY_SEAL) -> list[Ring]:
    """The seals' outer rings on a greyscale page (full-size pixel coordinates), found on a copy at
    ``work_dpi``: circles a seal's size (``_circle_guesses``) fitted to the stamp ink of a thin ring
    that runs round them."""
    import cv2

    factor = max(1, round(dpi / settings.work_dpi))
    small = cv2.resize(gray, (gray.shape[1] // factor, gray.shape[0] // factor), interpolation=cv2.INTER_AREA)
    work = dpi / factor
    ink = stamp_ink(small, page_tones(small, settings), max(1, round(settings.edge_mm / 25.4 * work)))
    px_cm = work / 2.54
    lo, hi = settings.min_radius_cm * px_cm, settings.max_radius_cm * px_cm
    if np.count_nonzero(ink) < math.pi * lo:  # not even half a ring's worth of stamp ink
        return []
    ys, xs = np.nonzero(ink)
    points = (xs.astype(np.float64), ys.astype(np.float64))
    rings: list[Ring] = []
    for guess in _circle_guesses(ink, lo, hi, settings):
        ring: Ring | None = guess
        for _ in range(settings.ring_refits):  # a better centre shows the outer ring better
            ring = fit_ring(points, outer_ring(points, ring, lo, hi, settings), settings) if ring else None
        if ring is None or not lo <= ring.r <= hi or not _runs_round(points, ring, settings):
            continue
        seen = any(math.dist((ring.cx, ring.cy), (o.cx, o.cy)) < o.r for o in rings)
        if seen or not _thin_ring(points, ring, settings):
            continue
        rings.append(ring)
    return [Ring(r.cx * factor, r.cy * factor, r.r * factor) for r in rings]


def _circle_guesses(ink: np.ndarray, lo: float, hi: float, settings: GreySealSettings) -> list[Ring]:
    """Circles a seal's size the stamp ink's edges vote for (Hough, on a copy ``hough_shrink`` times
    smaller), the strongest first: print crossing the ring or the paper's edge cutting it leave
    enough of its arcs to vote."""
    import cv2

    shrink = settings.hough_shrink
    mask = cv2.resize(
        ink.astype(np.uint8) * 255, (ink.shape[1] // shrink, ink.shape[0] // shrink), interpolation=cv2.INTER_AREA
    )
    mask = cv2.GaussianBlur(np.where(mask > 0, 255, 0).astype(np.uint8), (5, 5), 0)
    lo, hi = lo / shrink, hi / shrink
    found = cv2.HoughCircles(
        mask,
        cv2.HOUGH_GRADIENT,
        dp=1,
        minDist=lo,
        param1=100,
        param2=settings.hough_votes,
        minRadius=int(lo),
        maxRadius=int(math.ceil(hi)),
    )
    if found is None:
        return []
    return [
        Ring(float(x) * shrink, float(y) * shrink, float(r) * shrink)
        for x, y, r in found[0][: settings.hough_candidates]
    ]


def _thin_ring(points: tuple[np.ndarray, np.ndarray], ring: Ring, settings: GreySealSettings) -> bool:
    """Whether the ink along the circle is a thin ring: denser in its band than just outside it
    (a seal's outer ring has paper round it; a blob of grey print the ring was fitted into has not)."""
    xs, ys = points
    dist = np.hypot(xs - ring.cx, ys - ring.cy) / ring.r
    band = settings.ring_band
    # the directions in which stamp ink lies just outside the ring: round a seal, paper (print
    # beside it is not stamp ink); round a circle fitted into grey print, ink in most of them
    shell_bins = _directions(xs, ys, ring, (dist > 1 + 2 * band) & (dist <= 1 + 4 * band), settings.ring_bins)
    if shell_bins > settings.ring_bins - settings.ring_min_bins:
        return False
    # ink per unit of area (in r²) in the ring's band and in the shell just outside it
    on = np.count_nonzero(np.abs(dist - 1) <= band) / (4 * math.pi * band)
    shell = math.pi * ((1 + 4 * band) ** 2 - (1 + band) ** 2)
    outside = np.count_nonzero((dist > 1 + band) & (dist <= 1 + 4 * band)) / shell
    return bool(on >= settings.ring_contrast * outside)


def outer_ring(
    points: tuple[np.ndarray, np.ndarray], guess: Ring, lo: float, hi: float, settings: GreySealSettings
) -> Ring:
    """``guess``'s centre with the radius of the outermost circle round it that stamp ink follows
    in most directions: a Hough circle may have locked onto the seal's ring of capitals or its
    inner ring, which lie inside the outer one; the outer ring is the last the ink runs round."""
    xs, ys = points
    reach = hi * 1.15
    box = (np.abs(xs - guess.cx) <= reach) & (np.abs(ys - guess.cy) <= reach)
    dist = np.hypot(xs[box] - guess.cx, ys[box] - guess.cy)
    angle = np.arctan2(ys[box] - guess.cy, xs[box] - guess.cx)
    radii = int(reach) + 1
    bins = settings.ring_bins
    counts, _, _ = np.histogram2d(dist, angle, bins=(radii, bins), range=((0, radii), (-math.pi, math.pi)))
    width = max(1, round(settings.ring_band * lo))  # a ring's stroke and its wobble, in pixels
    kernel = np.ones(2 * width + 1)
    smeared = np.apply_along_axis(lambda col: np.convolve(col, kernel, mode="same"), 0, counts)
    coverage = (smeared > 0).sum(axis=1)
    followed = [r for r in range(int(lo * 0.9), radii) if coverage[r] >= settings.ring_min_bins]
    return Ring(guess.cx, guess.cy, float(max(followed))) if followed else guess


def fit_ring(
    points: tuple[np.ndarray, np.ndarray], guess: Ring, settings: GreySealSettings = DEFAULT_GREY_SEAL
) -> Ring | None:
    """The circle through the stamp ink of the seal's outer ring, fitted (least squares, Kåsa)
    to the ink near ``guess``, a coarse Hough circle: refitted in narrowing bands of its radius,
    the ring's own arcs fix its centre and radius to a pixel or two of the page.
    ``points``: the stamp ink's x and y coordinates."""
    xs, ys = points
    reach = guess.r * settings.ring_fit_bands[0][1]
    box = (np.abs(xs - guess.cx) <= reach) & (np.abs(ys - guess.cy) <= reach)
    xs, ys = xs[box], ys[box]
    ring = guess
    for inner, outer in settings.ring_fit_bands:
        dist = np.hypot(xs - ring.cx, ys - ring.cy)
        near = (dist >= inner * ring.r) & (dist <= outer * ring.r)
        if near.sum() < 8:
            return None
        x, y = xs[near], ys[near]
        design = np.column_stack([x, y, np.ones(len(x))])
        (d, e, f), *_ = np.linalg.lstsq(design, -(x * x + y * y), rcond=None)
        cx, cy = -d / 2, -e / 2
        square = cx * cx + cy * cy - f
        if square <= 0:
            return None
        ring = Ring(float(cx), float(cy), float(math.sqrt(square)))
    return ring


def _runs_round(points: tuple[np.ndarray, np.ndarray], ring: Ring, settings: GreySealSettings) -> bool:
    """Whether stamp ink lies near the circle ``ring`` in at least ``ring_min_bins`` directions:
    a seal's ring does, a block of grey text or a picture does not."""
    xs, ys = points
    dist = np.hypot(xs - ring.cx, ys - ring.cy)
    near = np.abs(dist - ring.r) <= max(settings.ring_band * ring.r, 1.5)
    return _directions(xs, ys, ring, near, settings.ring_bins) >= settings.ring_min_bins


def _directions(xs: np.ndarray, ys: np.ndarray, ring: Ring, where: np.ndarray, bins: int) -> int:
    """In how many of ``bins`` directions round the ring's centre the points ``where`` lie."""
    angles = np.arctan2(ys[where] - ring.cy, xs[where] - ring.cx)
    return len(np.unique(((angles + math.pi) / (2 * math.pi) * bins).astype(int) % bins))


def drop_grey_seal(image: Image.Image, dpi: int, settings: GreySealSettings = DEFAULT_GREY_SEAL) -> Image.Image:
    """The greyscale page with its seals' mid-grey ink painted white inside their rings (the text,
    signature and edges of dark strokes kept); a page without a seal comes back as it went in."""
    if not settings.enabled or image.mode != "L":
        return image
    gray = np.asarray(image)
    rings = find_rings(gray, dpi, settings)
    if not rings:
        return image
    out = gray.copy()
    tones = page_tones(gray, settings)
    edge = round(settings.edge_mm / 25.4 * dpi)
    for ring in rings:
        reach = ring.r * settings.erase_margin
        x0, y0 = max(int(ring.cx - reach), 0), max(int(ring.cy - reach), 0)
        x1, y1 = min(int(ring.cx + reach) + 1, gray.shape[1]), min(int(ring.cy + reach) + 1, gray.shape[0])
        window = gray[y0:y1, x0:x1]
        yy, xx = np.mgrid[y0:y1, x0:x1]
        inside = np.hypot(xx - ring.cx, yy - ring.cy) <= reach
        out[y0:y1, x0:x1][stamp_ink(window, tones, edge) & inside] = 255
    return Image.fromarray(out, mode="L")
