"""A greyscale scan of a signed document: the commune's seal in a scanner's mid grey over the
signer's title and name is found by its ring and dropped by its tone (``extract.seal_grey``), so
Tesseract reads the name under it (the signer was lost on every grey sealed page before); a page
without a seal is left as it is, and a block whose name still cannot be read says so."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

from cchc_extract.pipeline import convert_file, result_to_json
from extract.model import Line
from extract.seal_grey import drop_grey_seal, find_rings
from extract.signature import read_signer, signer_review
from tests.corpus_helpers import signed_report_page


def _signed_grey_page(tmp_path: Path) -> tuple[Image.Image, Image.Image, dict]:
    """A generated F01 report's page signed and sealed in a scanner's grey, as printed and signed."""
    _, plain, signed, truth = signed_report_page(tmp_path, "L", 11)
    return plain, signed, truth


def test_the_grey_seal_is_found_and_its_ink_dropped_but_the_print_kept(tmp_path: Path) -> None:
    plain, signed, _ = _signed_grey_page(tmp_path)
    assert find_rings(np.asarray(plain), 300) == []  # no seal on the unsigned page
    assert drop_grey_seal(plain, 300) is plain
    (ring,) = find_rings(np.asarray(signed), 300)
    assert 1.5 / 2.54 * 300 < ring.r < 2.1 / 2.54 * 300  # the generator's seal is about 3.6 cm across
    dropped = np.asarray(drop_grey_seal(signed, 300))
    before, page = np.asarray(signed), np.asarray(plain)
    mid = (before > 80) & (before < 180) & (page > 230)  # the seal's ink on bare paper
    assert mid.sum() > 1000
    assert (dropped[mid] == 255).mean() > 0.8
    dark = page < 60  # the print, under the seal or not
    assert (dropped[dark] < 100).mean() > 0.97


def test_the_signer_under_a_grey_seal_is_read(tmp_path: Path) -> None:
    _, signed, truth = _signed_grey_page(tmp_path)
    scan = tmp_path / "signed.png"
    signed.save(scan, dpi=(300, 300))
    data = result_to_json(convert_file(scan))
    assert data["document"]["signer"] == truth["document"]["signer"]


def test_a_signature_block_without_a_readable_name_goes_to_review() -> None:
    texts = ("Nơi nhận:", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "~~ ✓")
    lines = [Line(text=t, page=1, number=n) for n, t in enumerate(texts, 1)]
    reading = read_signer(lines)
    assert reading.name is None and reading.unread
    (item,) = signer_review(reading)
    assert item.field == "signer" and item.raw == "TM. ỦY BAN NHÂN DÂN"
    no_block = [Line(text="Báo cáo kết quả năm 2024", page=1, number=1)]
    assert read_signer(no_block).raw is None  # no signature block: nothing to say


def test_a_ring_of_grey_text_is_no_seal() -> None:
    page = Image.new("L", (1200, 1200), 240)
    draw = ImageDraw.Draw(page)
    for y in range(300, 900, 40):  # a block of grey print: as big as a seal, but no ring
        draw.rectangle((300, y, 900, y + 14), fill=120)
    assert find_rings(np.asarray(page), 300) == []
