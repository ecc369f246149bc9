"""A colour scan or photo of a signed document: the commune's red seal over the signer's title and
name (Decree 30/2020) is dropped out of the greyscale page, so Tesseract reads the signature block
instead of taking it for a picture (the signer was lost on every signed page before)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

from cchc_extract.pipeline import convert_file, result_to_json
from extract.image_prep import ImagePrepSettings, greyscale
from tests.corpus_helpers import signed_report_page


def test_red_ink_reads_as_the_paper_under_it_and_black_print_stays() -> None:
    pixels = np.array([[[205, 35, 45], [20, 20, 20], [90, 30, 30], [240, 238, 230]]], dtype=np.uint8)
    grey = np.asarray(greyscale(Image.fromarray(pixels, mode="RGB")))[0]
    assert grey[0] == 205  # the seal's red: its red channel, the paper under the ink
    assert grey[1] < 40  # black print under or beside the seal
    assert grey[2] < 60  # a dark warm tint is print, not the seal's red
    assert grey[3] > 230
    off = np.asarray(greyscale(Image.fromarray(pixels, mode="RGB"), ImagePrepSettings(drop_seal_red=False)))[0]
    assert off[0] < 100  # the seal as a plain greyscale conversion sees it


def test_a_signed_and_sealed_colour_photo_gives_the_signer_and_every_row(tmp_path: Path) -> None:
    index, _, page, truth = signed_report_page(tmp_path, "RGB", 7)  # one page signed
    photo = tmp_path / "signed.jpg"
    page.save(photo, quality=88, dpi=(300, 300))
    data = result_to_json(convert_file(photo))
    assert data["document"]["signer"] == truth["document"]["signer"]
    if index == 0:  # the table and the signature on one page: every row read too
        rows = [r["code"] for t in data["score_tables"] for r in t["rows"]]
        assert len(rows) == len(truth["score_tables"][0]["rows"])
