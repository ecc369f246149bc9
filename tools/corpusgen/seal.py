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
SEAL_GREY = 105  # the seal's red as a greyscale scanner renders it, where the stamp pressed hardest
SEAL_FADE = 60  # how much paler its ink is on the side pressed least
INK_GREY = 45  # the signature's blue or black ink
SEAL_RADIUS_CM = 1.8  # a commune's seal is about 3.5-4 cm across
TITLE_WORDS = ("CHỦ", "TỊCH")  # "CHỦ TỊCH" / "PHÓ CHỦ TỊCH": the signer's title
NAME_REACH = 90.0  # points under the title within which its block prints the signer's name


def signer_title_box(pdf: Path) -> tuple[int, tuple[float, float, float, float], float, float] | None:
    """(page index, (x0, top, x1, bottom) in points, page width, name's top) of the last "CHỦ TỊCH"
    printed in the right half of a page, the signature block's title, with the top of the lowest
    line printed under it within ``NAME_REACH`` points (the signer's name). None when the text layer
    prints no such title (the page is left unsigned)."""
    import pdfplumber

    found = None
    with pdfplumber.open(pdf) as doc:
        for index, page in enumerate(doc.pages):
            words = page.extract_words()
            for a, b in zip(words, words[1:]):
                if (a["text"], b["text"]) == TITLE_WORDS and a["x0"] > float(page.width) * 0.45:
                    box = (float(a["x0"]), float(a["top"]), float(b["x1"]), float(b["bottom"]))
                    below = [
                        float(w["top"])
                        for w in words
                        if box[3] < float(w["top"]) <= box[3] + NAME_REACH and float(w["x1"]) > box[0] - 40
                    ]
                    found = (index, box, float(page.width), max(below, default=box[3] + 40.0))
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
    # uneven ink: the stamp pressed harder on one side, its ink paler across to the other (the
    # fade lifts the ink's grey by up to SEAL_FADE levels; taking the lighter of the ink and a fade
    # below SEAL_GREY, as before, left every seal one flat grey)
    fade = Image.linear_gradient("L").resize((size, size)).rotate(rng.uniform(0, 360), fillcolor=0)
    ink = Image.eval(image, lambda v: 255 if v > 128 else SEAL_GREY)
    return ImageChops.lighter(ink, Image.eval(fade, lambda v: SEAL_GREY + v * SEAL_FADE // 255))


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


SEAL_RED = (205, 35, 45)  # the seal's ink on a colour page
SIGNATURE_BLUE = (30, 50, 160)  # Decree 30 asks for a signature in blue ink


def _ink(region: Image.Image, mark: Image.Image, colour: tuple[int, int, int] | None) -> Image.Image:
    """``mark`` (an "L" image, ink dark on white) laid on ``region``: a greyscale page takes the
    darker of the two; a colour page is multiplied by the ink's colour where the mark is."""
    if colour is None:
        return ImageChops.darker(region, mark)
    tint = Image.new("RGB", mark.size, colour)
    inked = Image.composite(tint, Image.new("RGB", mark.size, (255, 255, 255)), mark.point(lambda v: 255 - v))
    return ImageChops.multiply(region.convert("RGB"), inked)


def sign_pages(pages: list[Image.Image], pdf: Path, commune: str, rng: random.Random, dpi: int) -> list[Image.Image]:
    """The rendered pages signed where the source prints the signer's title: the signature between
    the title and the name, the seal over its left third, as Decree 30 has it ("trùm lên khoảng 1/3
    chữ ký về phía bên trái"), so the ring crosses the title and touches the name's first letters.
    A colour page ("RGB") is signed in blue and sealed in red; a greyscale one in a scanner's greys."""
    found = signer_title_box(pdf)
    if found is None:
        return pages
    index, (x0, top, x1, bottom), width_pt, name_top = found
    page = pages[index]
    colour = page.mode == "RGB"
    scale = page.width / width_pt
    radius = int(SEAL_RADIUS_CM / 2.54 * dpi * rng.uniform(0.95, 1.05))
    middle = (x0 + x1) / 2 * scale
    sig_w = int(radius * rng.uniform(1.5, 1.9))
    sig_top = int(bottom * scale + 2)
    sig_h = max(int((name_top - bottom) * scale) - 4, radius // 2)
    sig_left = int(middle - sig_w / 2 + rng.uniform(-15, 15))
    signed = page.copy()
    sig = signature_image(sig_w, sig_h, rng)
    region = signed.crop((sig_left, sig_top, sig_left + sig_w, sig_top + sig_h))
    signed.paste(_ink(region, sig, SIGNATURE_BLUE if colour else None), (sig_left, sig_top))
    seal = seal_image(radius, commune, rng).rotate(rng.uniform(-25, 25), fillcolor=255)
    if colour:  # the red ink at full strength: a colour scan shows the seal's red, not a grey
        seal = seal.point(lambda v: 0 if v < 200 else 255)
    cx = sig_left + sig_w / 3 - radius * rng.uniform(0.85, 1.0)
    cy = sig_top + sig_h / 2 + rng.uniform(-10, 10)
    box = (int(cx - seal.width / 2), int(cy - seal.height / 2))
    region = signed.crop((box[0], box[1], box[0] + seal.width, box[1] + seal.height))
    signed.paste(_ink(region, seal, SEAL_RED if colour else None), box)
    return [signed if i == index else p for i, p in enumerate(pages)]
