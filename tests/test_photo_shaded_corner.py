"""A phone photo whose far corner fell into shade (generated S04 phone photo, corpus seed 12001,
scaled to 1230 px and saved at JPEG quality 50): light falling off across the picture darkened
that corner's paper below Otsu's split of the whole picture, the page lost its corner and the
warp bent the table (one row of seven read, its figures wrong). Expected values are the
generator's truth file (s04-i3-f08-i3-ruled.jpg.truth.json), checked against the picture."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

DATA = Path(__file__).parent / "data" / "photo_shaded_corner.jpg"

# (code, max, self) of the truth file's seven criteria
TRUTH = [
    ("1", 10.0, 10.0),
    ("2", 10.0, 9.75),
    ("3", 14.5, 14.5),
    ("4", 11.0, 10.25),
    ("5", 16.0, 14.5),
    ("6", 7.0, 7.0),
    ("7", 16.0, 16.0),
]


def test_the_shaded_corner_is_found_where_the_sides_meet():
    from extract.image_prep import greyscale, page_quadrilateral

    quad = page_quadrilateral(greyscale(Image.open(DATA)))
    assert quad is not None
    # The sheet's bottom-left corner, measured on the original photo at (120, 2580) of 1839×2600
    # (the left edge's x at rows 2400–2550, the bottom edge's end), scaled to this copy.
    bottom_left = quad[3]
    expected = np.array([120 * 1230 / 1839, 2580 * 1739 / 2600])
    assert np.abs(bottom_left - expected).max() < 0.015 * 1739


def test_the_photo_reads_all_seven_rows_right():
    from cchc_extract.pipeline import convert_file, result_to_json

    rows = [r for t in result_to_json(convert_file(DATA))["score_tables"] for r in t["rows"]]
    assert [(r["code"], r["max_points"], r["self_points"]) for r in rows] == TRUTH


def test_no_desk_is_left_along_the_page_edges():
    """A photo whose page outline, cut nearer the desk's grey, kept a sliver of desk inside
    (generated S11 photo, corpus seed 12001, scaled to 1230 px, JPEG quality 50): at full size the
    sliver read as a junk line above the letterhead ("7 TT 777 77 7n 7n") and the whole metadata
    block was lost. Decree 30/2020 keeps print 15 mm from the edges: a 4 mm band is whitened."""
    from extract.image_prep import greyscale, prepare_page

    page, dpi = prepare_page(greyscale(Image.open(DATA.parent / "photo_desk_sliver.jpg")), 300)
    ink = np.asarray(page) < 128
    band = round(4 / 25.4 * dpi)
    assert not ink[:band].any() and not ink[-band:].any()
    assert not ink[:, :band].any() and not ink[:, -band:].any()
    assert ink.mean() > 0.01  # the page's print is still there
