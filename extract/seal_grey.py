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
    # The page is looked at with this many pixels per inch (a ring a few mm thick still shows).
    work_dpi: int = 75
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
    # …within this share of the radius of it.
    ring_band: float = 0.1
    tone_min_gap: int = 15
    # The outer ring is fitted to the stamp ink in these bands of the guessed radius, in turn (the
    # ring of capitals lies inside 0.85 of it).
    ring_fit_bands: tuple[tuple[float, float], ...] = ((0.88, 1.35), (0.9, 1.1), (0.93, 1.07))
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
    paper = float(np.median(gray))
    marked = gray[gray < paper - settings.ink_min_contrast]
    ink = float(np.percentile(marked, settings.ink_percentile)) if marked.size else paper
    span = max(paper - ink, 1.0)
    return Tones(round(ink + settings.dark_share * span), round(ink + settings.light_share * span))


def stamp_ink(gray: np.ndarray, tones: Tones, edge_px: int) -> np.ndarray:
    """Where ``gray`` holds mid-grey ink that is not the blurred edge of dark ink (a bool mask)."""
    import cv2

    dark = (gray < tones.dark_below).astype(np.uint8)
    if edge_px > 0:
        size = 2 * edge_px + 1
        dark = cv2.dilate(dark, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (size, size)))
    return (gray >= tones.dark_below) & (gray < tones.light_below) & (dark == 0)


def find_rings(gray: np.ndarray, dpi: int, settings: GreySealSettings = DEFAULT_GREY_SEAL) -> list[Ring]:
    """The seals' outer rings on a greyscale page (full-size pixel coordinates), found on a copy at
    ``work_dpi``: blobs of stamp ink a seal's size across whose ink runs round their outline."""
    import cv2

    factor = max(1, round(dpi / settings.work_dpi))
    small = cv2.resize(gray, (gray.shape[1] // factor, gray.shape[0] // factor), interpolation=cv2.INTER_AREA)
    work = dpi / factor
    tones = page_tones(small, settings)
    ink = stamp_ink(small, tones, round(settings.edge_mm / 25.4 * work))
    px_cm = work / 2.54
    lo, hi = settings.min_radius_cm * px_cm, settings.max_radius_cm * px_cm
    if ink.sum() < math.pi * lo * 0.5:  # not even half a thin ring's worth of stamp ink
        return []
    joined = cv2.morphologyEx(
        ink.astype(np.uint8), cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (5, 5))
    )
    count, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    rings = []
    for label in range(1, count):
        x, y, w, h = (int(v) for v in stats[label, :4])
        if not (2 * lo <= w <= 2 * hi and 2 * lo <= h <= 2 * hi) or max(w, h) > 1.3 * min(w, h):
            continue
        ring = fit_ring(ink, Ring(x + w / 2, y + h / 2, max(w, h) / 2), settings)
        if ring is not None and lo <= ring.r <= hi and _runs_round(ink, ring, settings):
            rings.append(Ring(ring.cx * factor, ring.cy * factor, ring.r * factor))
    return rings


def fit_ring(ink: np.ndarray, guess: Ring, settings: GreySealSettings = DEFAULT_GREY_SEAL) -> Ring | None:
    """The circle through the stamp ink of the seal's outer ring, fitted (least squares, Kåsa)
    to the ink near ``guess``: the blob's box is a poor guess where print crossing the ring cut
    its ink away (that side of the box falls short), the ring's remaining arcs fix the circle."""
    ys, xs = np.nonzero(ink)
    ring = guess
    for inner, outer in settings.ring_fit_bands:
        dist = np.hypot(xs - ring.cx, ys - ring.cy)
        near = (dist >= inner * ring.r) & (dist <= outer * ring.r)
        if near.sum() < 8:
            return None
        x, y = xs[near].astype(np.float64), ys[near].astype(np.float64)
        design = np.column_stack([x, y, np.ones(len(x))])
        (d, e, f), *_ = np.linalg.lstsq(design, -(x * x + y * y), rcond=None)
        cx, cy = -d / 2, -e / 2
        square = cx * cx + cy * cy - f
        if square <= 0:
            return None
        ring = Ring(float(cx), float(cy), float(math.sqrt(square)))
    return ring


def _runs_round(ink: np.ndarray, ring: Ring, settings: GreySealSettings) -> bool:
    """Whether stamp ink lies near the circle ``ring`` in at least ``ring_min_bins`` directions:
    a seal's ring does, a block of grey text or a picture does not."""
    ys, xs = np.nonzero(ink)
    dist = np.hypot(xs - ring.cx, ys - ring.cy)
    near = np.abs(dist - ring.r) <= max(settings.ring_band * ring.r, 1.5)
    angles = np.arctan2(ys[near] - ring.cy, xs[near] - ring.cx)
    bins = np.unique(((angles + math.pi) / (2 * math.pi) * settings.ring_bins).astype(int) % settings.ring_bins)
    return len(bins) >= settings.ring_min_bins


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
