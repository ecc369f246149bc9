"""A signed and sealed page: the commune's round red seal over the signer's title and a hand-drawn
signature between the title and the name, as every issued document that a commune scans carries.

The generator's pages are typeset, unsigned; a scan of a real document is not. The seal's ring of
curved capitals, its star, and the signature's strokes are ink Tesseract reads as specks, letters
or nothing, and they sit on the very lines the signer's name and title are read from. Drawn on the
page as rendered (greyscale: a greyscale scanner turns the seal's red into a mid grey), before the
scan's or photo's degradation, where the source PDF's text layer prints the signer's title.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFont

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
SEAL_GREY = 105  # the seal's red as a greyscale scanner renders it
INK_GREY = 45  # the signature's blue or black ink
SEAL_RADIUS_CM = 1.8  # a commune's seal is about 3.5-4 cm across
TITLE_WORDS = ("CHỦ", "TỊCH")  # "CHỦ TỊCH" / "PHÓ CHỦ TỊCH": the signer's title


def signer_title_box(pdf: Path) -> tuple[int, tuple[float, float, float, float], float, float] | None:
    """(page index, (x0, top, x1, bottom) in points, page width, page height) of the last "CHỦ
    TỊCH" printed in the right half of a page: the signature block's title. None when the text
    layer prints none (the page is left unsigned)."""
    import pdfplumber

    found = None
    with pdfplumber.open(pdf) as doc:
        for index, page in enumerate(doc.pages):
            words = page.extract_words()
            for a, b in zip(words, words[1:]):
                if (a["text"], b["text"]) == TITLE_WORDS and a["x0"] > float(page.width) * 0.45:
                    box = (float(a["x0"]), float(a["top"]), float(b["x1"]), float(b["bottom"]))
                    found = (index, box, float(page.width), float(page.height))
    return found


def _ring_text(size: int, radius: float, text: str, font: ImageFont.FreeTypeFont) -> Image.Image:
    """The seal's capitals set round a circle (an "L" image, ink black on white)."""
    image = Image.new("L", (size, size), 255)
    centre = size / 2
    step = 2 * math.pi / max(len(text), 1)
    for i, char in enumerate(text):
        angle = -math.pi / 2 + i * step
        glyph = Image.new("L", (font.size * 2, font.size * 2), 255)
        ImageDraw.Draw(glyph).text((font.size / 2, font.size / 4), char, font=font, fill=0)
        glyph = glyph.rotate(-math.degrees(angle) - 90, resample=Image.Resampling.BICUBIC, fillcolor=255)
        x = centre + radius * math.cos(angle) - glyph.width / 2
        y = centre + radius * math.sin(angle) - glyph.height / 2
        image.paste(
            ImageChops.darker(image.crop((int(x), int(y), int(x) + glyph.width, int(y) + glyph.height)), glyph),
            (int(x), int(y)),
        )
    return image


def seal_image(radius: int, commune: str, rng: random.Random) -> Image.Image:
    """A round seal: two rings, the issuer's name in capitals round it, a star in the middle."""
    size = radius * 2 + 8
    font = ImageFont.truetype(str(FONT), max(12, radius // 7))
    text = f"ỦY BAN NHÂN DÂN * {commune.upper()} * "
    image = _ring_text(size, radius * 0.78, text, font)
    draw = ImageDraw.Draw(image)
    c = size / 2
    for r, w in ((radius, max(4, radius // 30)), (radius * 0.62, max(2, radius // 60))):
        draw.ellipse((c - r, c - r, c + r, c + r), outline=0, width=int(w))
    star = [
        (
            c + (radius * (0.22 if k % 2 == 0 else 0.09)) * math.cos(-math.pi / 2 + k * math.pi / 5),
            c + (radius * (0.22 if k % 2 == 0 else 0.09)) * math.sin(-math.pi / 2 + k * math.pi / 5),
        )
        for k in range(10)
    ]
    draw.polygon(star, fill=0)
    # uneven ink: the stamp pressed harder on one side
    fade = Image.linear_gradient("L").resize((size, size)).rotate(rng.uniform(0, 360), fillcolor=0)
    ink = Image.eval(image, lambda v: 255 if v > 128 else SEAL_GREY)
    return ImageChops.lighter(ink, Image.eval(fade, lambda v: int(v * 0.35)))


def signature_image(width: int, height: int, rng: random.Random) -> Image.Image:
    """A hand signature: a few looping strokes across the box."""
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    points = []
    loops = rng.randint(3, 6)
    for i in range(loops * 12):
        t = i / (loops * 12 - 1)
        x = width * (0.05 + 0.9 * t) + rng.uniform(-4, 4)
        y = height * (0.5 + 0.35 * math.sin(t * loops * 2 * math.pi + rng.uniform(-0.3, 0.3)))
        points.append((x, y))
    draw.line(points, fill=INK_GREY, width=max(3, height // 25), joint="curve")
    return image


def sign_pages(pages: list[Image.Image], pdf: Path, commune: str, rng: random.Random, dpi: int) -> list[Image.Image]:
    """The rendered pages with the seal over the signer's title and a signature under it."""
    found = signer_title_box(pdf)
    if found is None:
        return pages
    index, (x0, top, x1, bottom), width_pt, _height = found
    page = pages[index]
    scale = page.width / width_pt
    radius = int(SEAL_RADIUS_CM / 2.54 * dpi * rng.uniform(0.95, 1.05))
    # The seal overlaps the left of the signature: its centre left of the title's middle, below it.
    cx = (x0 + x1) / 2 * scale - radius * rng.uniform(0.5, 0.8)
    cy = bottom * scale + radius * rng.uniform(0.5, 0.8)
    seal = seal_image(radius, commune, rng).rotate(rng.uniform(-25, 25), fillcolor=255)
    signed = page.copy()
    box = (int(cx - seal.width / 2), int(cy - seal.height / 2))
    region = signed.crop((box[0], box[1], box[0] + seal.width, box[1] + seal.height))
    signed.paste(ImageChops.darker(region, seal), box)
    sig_w, sig_h = int(radius * 2.2), int(radius * 0.9)
    sig = signature_image(sig_w, sig_h, rng)
    sbox = (int((x0 + x1) / 2 * scale - sig_w / 2 + rng.uniform(-20, 20)), int(bottom * scale + radius * 0.4))
    region = signed.crop((sbox[0], sbox[1], sbox[0] + sig_w, sbox[1] + sig_h))
    signed.paste(ImageChops.darker(region, sig), sbox)
    return [signed if i == index else p for i, p in enumerate(pages)]
