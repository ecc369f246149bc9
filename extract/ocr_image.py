"""A page image made ready for Tesseract: greyscale, upscaled when coarse, deskewed (projection
profile), dust and specks wiped, ruling lines erased; Otsu's ink threshold."""

from __future__ import annotations

import numpy as np
from PIL import Image

from extract.image_prep import greyscale, prepare_page
from extract.ocr_grid import Rule
from extract.ocr_settings import OcrSettings
from extract.seal_grey import drop_grey_seal


def otsu_threshold(gray: np.ndarray) -> int:
    # PIL's histogram of a uint8 image: no widening copy of every pixel as np.bincount makes.
    hist = np.asarray(Image.fromarray(np.ascontiguousarray(gray, dtype=np.uint8)).histogram(), dtype=np.float64)
    total = hist.sum()
    omega = np.cumsum(hist) / total
    mu = np.cumsum(hist * np.arange(256)) / total
    between = (mu[-1] * omega - mu) ** 2 / np.maximum(omega * (1 - omega), 1e-12)
    return int(np.argmax(between))


def skew_angle(gray: Image.Image, settings: OcrSettings = OcrSettings()) -> float:
    """The rotation (degrees, counter-clockwise) that makes text rows horizontal: the angle whose
    row histogram of ink pixels is sharpest. Ink coordinates are projected, not the image rotated,
    so each candidate angle costs one ``bincount``."""
    scale = min(1.0, settings.deskew_width_px / gray.width)
    small = np.asarray(
        gray.resize((max(1, int(gray.width * scale)), max(1, int(gray.height * scale))), Image.Resampling.BILINEAR)
    )
    ys, xs = np.nonzero(small < otsu_threshold(small))
    if ys.size == 0:
        return 0.0
    ys, xs = ys.astype(np.float64), xs.astype(np.float64) - small.shape[1] / 2
    offset = small.shape[1]  # keeps projected rows non-negative

    def sharpness(angle: float) -> float:
        # PIL's rotate(angle) turns the page counter-clockwise: a point's new row is y·cos − x·sin.
        t = np.deg2rad(angle)
        rows = np.round(ys * np.cos(t) - xs * np.sin(t) + offset).astype(np.int64)
        profile = np.bincount(rows).astype(np.float64)
        return float(np.sum(np.diff(profile) ** 2))

    def best(candidates) -> float:
        return max(candidates, key=sharpness)

    coarse = best(np.arange(-settings.max_skew_deg, settings.max_skew_deg + 1e-9, settings.coarse_step_deg))
    fine = best(
        np.arange(coarse - settings.coarse_step_deg, coarse + settings.coarse_step_deg + 1e-9, settings.fine_step_deg)
    )
    return float(round(fine, 2))


def deskew(gray: Image.Image, settings: OcrSettings = OcrSettings()) -> tuple[Image.Image, float]:
    angle = skew_angle(gray, settings)
    if abs(angle) < settings.min_skew_deg:
        return gray, 0.0
    return gray.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=255), angle


def despeckle(gray: np.ndarray, ink: np.ndarray, window: int, max_ink: int) -> None:
    """Paint white the ink pixels that are nearly alone in their neighbourhood (dust, not
    letters), in place. Neighbourhood counts by OpenCV's box filter (unnormalised sums, zeros
    beyond the edge): exact counts, several times faster than numpy's running sums on a page."""
    import cv2

    box = cv2.boxFilter(
        ink.view(np.uint8), cv2.CV_16U, (window, window), normalize=False, borderType=cv2.BORDER_CONSTANT
    )
    gray[ink & (box <= max_ink)] = 255


def paper_noise(gray: np.ndarray, ink: np.ndarray) -> float:
    """How much the paper's grey level varies: the median absolute deviation of the paper pixels
    (every 4th each way: enough, and cheap). Robust: letter edges do not count, only the paper."""
    paper = gray[::4, ::4][~ink[::4, ::4]].astype(np.int16)
    if not paper.size:
        return 0.0
    return float(np.median(np.abs(paper - np.median(paper))))


def wipe_dust(gray: np.ndarray, ink: np.ndarray, max_px: int) -> None:
    """Paint white, in place, the ink blobs (8-connected) of at most ``max_px`` pixels."""
    import cv2

    _, labels, stats, _ = cv2.connectedComponentsWithStats(ink.view(np.uint8), connectivity=8)
    small = stats[:, cv2.CC_STAT_AREA] <= max_px
    small[0] = False  # label 0 is the paper
    if small.any():
        gray[small[labels]] = 255  # a lookup per pixel: several times faster than np.isin


def erase_rules(gray: np.ndarray, rules: list[Rule], horizontal: bool, pad: int = 2) -> None:
    """Paint ruling lines (and their blurred edges) white so Tesseract does not read them as
    letters (|, _, I, l, -)."""
    for r in rules:
        lo, hi = max(r.lo - pad, 0), r.hi + pad + 1
        if horizontal:
            gray[lo:hi, r.start : r.end] = 255
        else:
            gray[r.start : r.end, lo:hi] = 255


def prepare(image: Image.Image, dpi: int, settings: OcrSettings) -> tuple[Image.Image, int]:
    """Greyscale (transparency onto white), a photographed page cut out and flattened
    (``extract.image_prep``), a grey seal dropped (``extract.seal_grey``), upscaled when coarse."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(white, rgba)
    gray, dpi = prepare_page(greyscale(image, settings.prep), dpi, settings.prep)
    gray = drop_grey_seal(gray, dpi, settings.grey_seal)  # after flattening: a photo's paper is even
    size, scaled_dpi = prepared_size(gray.width, gray.height, dpi, settings)
    if scaled_dpi != dpi:
        gray = gray.resize(size, Image.Resampling.LANCZOS)
    return gray, scaled_dpi


def prepared_size(width: int, height: int, dpi: int, settings: OcrSettings) -> tuple[tuple[int, int], int]:
    """The size and resolution ``prepare`` gives an image: coarse scans are upscaled."""
    if dpi < settings.min_dpi:
        factor = settings.target_dpi / dpi
        return (round(width * factor), round(height * factor)), settings.target_dpi
    return (width, height), dpi


def bare_paper(gray: Image.Image, settings: OcrSettings) -> bool:
    """Whether a page image is paper with nothing printed on it: hardly a pixel darker than its
    paper (the median) by ``blank_ink_levels`` (``blank_max_ink_share``)."""
    arr = np.asarray(gray)
    paper = float(np.median(arr))
    return float((arr < paper - settings.blank_ink_levels).mean()) < settings.blank_max_ink_share
