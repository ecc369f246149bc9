"""Image preparation (extract/image_prep.py) on pages degraded by the corpus generator's own code
(tools/corpusgen/degrade.py): a phone photo's page is found and warped flat, a scan is left as it is,
uneven light is divided out. Then real Tesseract on a degraded page of text."""

import random
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from extract.image_prep import ImagePrepSettings, flatten_illumination, page_quadrilateral, prepare_page

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tools")]

from corpusgen.degrade import PhotoDegrade, ScanDegrade, degrade_scan, phone_photo  # noqa: E402

DPI = 100  # small pages: the tests run on a shared 2-core machine
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
LINES = ["1.1 Kế hoạch cải cách hành chính 2 1,5", "1.2 Báo cáo cải cách hành chính 3 2,75", "Tổng số điểm 5 4,25"]


def page(dpi: int = DPI, lines=LINES, size_pt: int = 14) -> Image.Image:
    """A white A4 page (portrait) with a ruled box and a few lines of text."""
    width, height = round(8.27 * dpi), round(11.69 * dpi)
    img = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, round(size_pt * dpi / 72))
    top = height // 5
    step = round(size_pt * dpi / 72 * 2)
    draw.rectangle((dpi // 2, top - step // 2, width - dpi // 2, top + step * len(lines)), outline=0, width=2)
    for i, text in enumerate(lines):
        draw.text((dpi // 2 + 10, top + i * step), text, fill=0, font=font)
    return img


def test_photo_page_is_found_and_warped_to_a4():
    photo = phone_photo(page(), PhotoDegrade(long_side_px=1200), random.Random(3)).convert("L")
    quad = page_quadrilateral(photo)
    assert quad is not None and quad.shape == (4, 2)
    flat, dpi = prepare_page(photo, 300)
    assert flat.height > flat.width  # portrait stays portrait
    assert abs(flat.height / flat.width - 297 / 210) < 0.01
    # The page covers most of the 1200-px photo: its resolution is about 1000 px / 11.7 in.
    assert 70 <= dpi <= 110
    # The table around the page is gone: the warped page's border is paper, not the dark desk.
    arr = np.asarray(flat)
    assert np.median(arr[:, :5]) > 180 and np.median(arr[-5:, :]) > 180


def test_scan_is_left_as_it_is():
    scan, dpi = degrade_scan(page(), ScanDegrade(dpi=(100, 100)), random.Random(1), page_dpi=DPI)
    assert page_quadrilateral(scan) is None
    out, out_dpi = prepare_page(scan, dpi)
    assert out_dpi == dpi and out.size == scan.size
    assert np.array_equal(np.asarray(out), np.asarray(scan))  # evenly lit: not flattened either


def test_uneven_light_is_divided_out():
    arr = np.asarray(page(), dtype=np.float32)
    ramp = np.linspace(0.55, 1.0, arr.shape[1], dtype=np.float32)[None, :]
    shaded = Image.fromarray((arr * ramp).astype(np.uint8))
    flat = np.asarray(flatten_illumination(shaded, DPI))
    paper = np.asarray(page()) == 255
    # Paper left and right of the page: 140 vs 255 before, nearly the same after.
    left, right = flat[:, :50][paper[:, :50]], flat[:, -50:][paper[:, -50:]]
    assert abs(float(left.mean()) - float(right.mean())) < 15
    # Ink stays ink.
    assert float(flat[~paper].mean()) < 100


def test_steps_can_be_turned_off():
    photo = phone_photo(page(), PhotoDegrade(long_side_px=1200), random.Random(3)).convert("L")
    out, dpi = prepare_page(photo, 300, ImagePrepSettings(find_page=False, flatten=False))
    assert out is photo and dpi == 300


@pytest.mark.needs_tesseract
def test_photo_reads_after_preparation():
    """Real Tesseract on a phone photo of a page: with the preparation the numbers read back."""
    from extract.ocr import ocr_page

    photo = phone_photo(page(dpi=150), PhotoDegrade(long_side_px=1500), random.Random(5))
    text = " ".join(line.text for line in ocr_page(photo, 1, 72).lines)
    for number in ("1,5", "2,75", "4,25"):
        assert number in text
    assert "hành chính" in text
