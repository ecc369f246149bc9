"""The scale between two pages' coordinates. A scan's pages are images, each measured in its own
pixels: one sheet scanned or photographed at another zoom is the same paper at another size
(a 2357-px page then a 2043-px one, both A4). A table's column boundaries found on its first page
stand elsewhere in the next page's pixels; compared as they are, the next page's figures fell
under the names' column (a row's maximum read into its name, the scores shifted one column left,
silently). Edges are carried to the other page's pixels when the two pages are one paper's shape
at different sizes; a page of another shape (a landscape sheet after a portrait one) is left as
read, since nothing says where its columns stand.
"""

from __future__ import annotations

from extract.model import IngestedDocument

# Two pages are one paper's shape when their width-to-height ratios differ by less than this
# share, and of different sizes when their widths differ by more than ``min_change``.
SAME_SHAPE = 0.02
MIN_CHANGE = 0.02


def page_scale(doc: IngestedDocument, from_page: int, to_page: int) -> float:
    """The factor that carries an x-coordinate of page ``from_page`` to page ``to_page``'s
    pixels: 1.0 when the pages are of one size, of different shapes, or unknown."""
    sizes = {p.number: (p.width, p.height) for p in doc.pages}
    if from_page not in sizes or to_page not in sizes:
        return 1.0
    return size_factor(sizes[from_page], sizes[to_page])


def size_factor(from_size: tuple[float | None, float | None], to_size: tuple[float | None, float | None]) -> float:
    """``page_scale`` between two pages' (width, height)."""
    (w0, h0), (w1, h1) = from_size, to_size
    if not (w0 and h0 and w1 and h1) or min(w0, h0, w1, h1) <= 0:
        return 1.0  # (a text format's pages have no size)
    if abs((w1 / h1) / (w0 / h0) - 1) > SAME_SHAPE:
        return 1.0
    factor = w1 / w0
    return factor if abs(factor - 1) > MIN_CHANGE else 1.0


def scaled_edges(edges: list[float], factor: float) -> list[float]:
    return [e * factor for e in edges] if factor != 1.0 else list(edges)
