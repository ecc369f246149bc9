"""Rendered pages made into what people actually send: flatbed scans and phone photos.

    page image (greyscale, rendered at ``page_dpi``, e.g. pdftoppm / pypdfium2 of a corpus PDF)
        ─ degrade_scan → rotated ≤ 3°, blurred, noisy, dust, resampled to 150–300 dpi, JPEG-compressed
        ─ phone_photo  → on a table, seen at an angle (perspective), uneven light, JPEG

Deterministic: every random choice comes from the ``random.Random`` passed in, seeded by the caller
(``rng_for`` makes one from a name and the settings' seed), so the same corpus command gives the
same pixels. Only Pillow, numpy and OpenCV (the perspective warp).
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageFilter


@dataclass(frozen=True)
class ScanDegrade:
    """A flatbed scan. Ranges are (low, high): each page draws its own value in them."""

    dpi: tuple[int, int] = (150, 300)  # the scan's resolution: office scanners are set from 150 to 300
    rotation_deg: tuple[float, float] = (-3.0, 3.0)  # a sheet laid by hand is a little askew
    blur_radius: tuple[float, float] = (0.3, 0.8)  # optics and paper a little out of the glass
    noise_sigma: float = 6.0  # grey sensor noise, in levels (0..255)
    speckles_per_mpx: int = 150  # dust and toner dots per million pixels
    paper_level: tuple[int, int] = (228, 250)  # paper is never pure white
    ink_level: tuple[int, int] = (10, 60)  # nor ink pure black
    jpeg_quality: tuple[int, int] = (55, 85)  # scan-to-email JPEG; 0 keeps the pixels as they are
    seed: int = 0


@dataclass(frozen=True)
class PhotoDegrade:
    """A phone photo of a page lying on a table."""

    long_side_px: int = 2600  # the photo's long side: the page then reads at about 200 dpi
    margin: tuple[float, float] = (0.04, 0.10)  # table visible around the page, share of the photo
    corner_jitter: float = 0.05  # each page corner moves up to this share of the page: perspective
    rotation_deg: tuple[float, float] = (-6.0, 6.0)  # the phone is never square to the page
    background_level: tuple[int, int] = (40, 120)  # a darker table (or desk pad) around the page
    shading: tuple[float, float] = (0.25, 0.45)  # light falls off across the page by this share
    blur_radius: tuple[float, float] = (0.5, 1.1)  # focus and hand shake
    noise_sigma: float = 5.0
    jpeg_quality: tuple[int, int] = (60, 85)
    seed: int = 0


def rng_for(name: str, seed: int) -> random.Random:
    """The random source for one document: the same name and seed give the same degradation."""
    return random.Random(f"degrade/{seed}/{name}")


def degrade_scan(
    page: Image.Image, settings: ScanDegrade, rng: random.Random, page_dpi: int = 300
) -> tuple[Image.Image, int]:
    """One greyscale page rendered at ``page_dpi`` as a flatbed scan: ``(image "L", its dpi)``.
    Contrast lowered to paper/ink levels, rotated, blurred, resampled to the scan's dpi, noise and
    dust added, JPEG-compressed."""
    dpi = rng.randint(*settings.dpi)
    img = _levels(page.convert("L"), rng.randint(*settings.paper_level), rng.randint(*settings.ink_level))
    img = img.rotate(
        rng.uniform(*settings.rotation_deg), resample=Image.Resampling.BICUBIC, fillcolor=img.getpixel((0, 0))
    )
    img = img.filter(ImageFilter.GaussianBlur(rng.uniform(*settings.blur_radius) * page_dpi / 300))
    if dpi != page_dpi:
        img = img.resize(
            (round(img.width * dpi / page_dpi), round(img.height * dpi / page_dpi)), Image.Resampling.LANCZOS
        )
    arr = _noisy(np.asarray(img, dtype=np.float32), settings.noise_sigma, rng)
    _dust(arr, settings.speckles_per_mpx, rng)
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    return _jpeg(out, rng.randint(*settings.jpeg_quality) if settings.jpeg_quality[1] else 0), dpi


def phone_photo(page: Image.Image, settings: PhotoDegrade, rng: random.Random) -> Image.Image:
    """One page image as a phone photo of it (RGB, landscape or portrait as the page): the page
    lying on a darker table, seen at an angle, lit unevenly, a little out of focus, JPEG."""
    import cv2  # only the photo family needs it

    paper = np.asarray(page.convert("RGB"), dtype=np.float32) * np.array([1.0, 0.98, 0.93], dtype=np.float32)
    ph, pw = paper.shape[:2]
    scale = settings.long_side_px / max(ph, pw)
    out_w, out_h = (round(pw * scale), round(ph * scale))
    margin = rng.uniform(*settings.margin)
    # Where the page's corners land in the photo: the page scaled into the frame minus the margin,
    # turned a little, each corner moved on its own (the perspective of a hand-held phone).
    inner_w, inner_h = out_w * (1 - 2 * margin), out_h * (1 - 2 * margin)
    cx, cy = out_w / 2, out_h / 2
    angle = np.deg2rad(rng.uniform(*settings.rotation_deg))
    fit = min(inner_w / pw, inner_h / ph)
    corners = []
    for sx, sy in ((-1, -1), (1, -1), (1, 1), (-1, 1)):
        x, y = sx * pw * fit / 2, sy * ph * fit / 2
        x += rng.uniform(-1, 1) * settings.corner_jitter * pw * fit
        y += rng.uniform(-1, 1) * settings.corner_jitter * ph * fit
        corners.append((cx + x * np.cos(angle) - y * np.sin(angle), cy + x * np.sin(angle) + y * np.cos(angle)))
    src = np.float32([(0, 0), (pw, 0), (pw, ph), (0, ph)])
    matrix = cv2.getPerspectiveTransform(src, np.float32(corners))
    background = float(rng.randint(*settings.background_level))
    table = np.array([background, background * 0.9, background * 0.75], dtype=np.float32)
    photo = cv2.warpPerspective(
        paper, matrix, (out_w, out_h), flags=cv2.INTER_AREA, borderMode=cv2.BORDER_CONSTANT, borderValue=table.tolist()
    )
    photo *= _shading((out_h, out_w), rng.uniform(*settings.shading), rng)[:, :, None]
    img = Image.fromarray(np.clip(photo, 0, 255).astype(np.uint8), "RGB")
    img = img.filter(ImageFilter.GaussianBlur(rng.uniform(*settings.blur_radius)))
    arr = _noisy(np.asarray(img, dtype=np.float32), settings.noise_sigma, rng)
    return _jpeg(Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB"), rng.randint(*settings.jpeg_quality))


# ------------------------------------------------------------------------------------- pieces


def _levels(img: Image.Image, paper: int, ink: int) -> Image.Image:
    """White to ``paper``, black to ``ink``: the contrast a scanner gives."""
    lut = [round(ink + (paper - ink) * v / 255) for v in range(256)]
    return img.point(lut)


def _noisy(arr: np.ndarray, sigma: float, rng: random.Random) -> np.ndarray:
    if sigma <= 0:
        return arr
    noise = np.random.default_rng(rng.getrandbits(32)).normal(0.0, sigma, arr.shape[:2]).astype(np.float32)
    return arr + (noise[:, :, None] if arr.ndim == 3 else noise)


def _dust(arr: np.ndarray, per_mpx: int, rng: random.Random) -> None:
    """Dark specks of 1–3 pixels, in place."""
    h, w = arr.shape[:2]
    for _ in range(per_mpx * w * h // 1_000_000):
        x, y, size = rng.randrange(w - 3), rng.randrange(h - 3), rng.randint(1, 2)
        arr[y : y + size, x : x + size] = rng.randrange(30, 140)


def _shading(shape: tuple[int, int], depth: float, rng: random.Random) -> np.ndarray:
    """A light field in (1 - depth)..1: a linear fall-off from a random side and a soft spot of
    lamp light somewhere on the page."""
    h, w = shape
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    theta = rng.uniform(0, 2 * np.pi)
    ramp = (xs / w - 0.5) * np.cos(theta) + (ys / h - 0.5) * np.sin(theta)
    ramp = (ramp - ramp.min()) / max(float(ramp.max() - ramp.min()), 1e-6)
    sx, sy = rng.uniform(0.2, 0.8) * w, rng.uniform(0.2, 0.8) * h
    spot = np.exp(-(((xs - sx) / (0.6 * w)) ** 2 + ((ys - sy) / (0.6 * h)) ** 2))
    light = 0.6 * (1 - ramp) + 0.4 * spot
    light = (light - light.min()) / max(float(light.max() - light.min()), 1e-6)
    return (1 - depth + depth * light).astype(np.float32)


def _jpeg(img: Image.Image, quality: int) -> Image.Image:
    """The image after a JPEG round trip at ``quality`` (0: unchanged): its block artefacts."""
    if not quality:
        return img
    buffer = io.BytesIO()
    img.save(buffer, "JPEG", quality=quality)
    buffer.seek(0)
    with Image.open(buffer) as decoded:
        return decoded.convert(img.mode)
