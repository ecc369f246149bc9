"""Limits of our own: how big an input may make a worker before it is refused.

Every limit is checked on the sizes a file declares (zip entry sizes, image headers, page media
boxes, table spans) before the memory is allocated, so a bomb costs a one-line error record,
not a worker killed by the system or a MemoryError reported as a corrupt file. The defaults fit
the largest real CCHC document with a wide margin and keep one worker under ~1 GB.
"""

from __future__ import annotations

from dataclasses import dataclass

from extract.base import IngestError

MiB = 1 << 20


@dataclass(frozen=True)
class Limits:
    # A CCHC report is tens of pages; a thousand is a book, not a report.
    max_pages: int = 1000
    # Pixels of one image as it is OCR'd (after any scaling): A3 at 300 dpi is 17 MP, so 60 MP
    # leaves room for A2 scans; an 8-bit greyscale copy of 60 MP is 60 MB per processing step.
    max_image_mp: float = 60.0
    # A multi-page TIFF is one page per frame.
    max_frames: int = 200
    # Uncompressed size of any one part of a DOCX (word/document.xml of a 300-page report is ~20
    # MB); lxml needs ~10x the XML's size to parse it.
    max_part_bytes: int = 64 * MiB
    # Uncompressed size of all parts together: python-docx holds every part (images too) in memory.
    max_archive_bytes: int = 256 * MiB
    # A text export: a 300-page report is ~1 MB of text (the largest sample 61 kB). Measured on an
    # idle 2-core machine, all stages, a whole file on one line: 1.7 MB in 0.9 s, 27 MB in 52 s and
    # 590 MB; 16 MiB keeps a worker near half a minute and well under 1 GB.
    max_text_bytes: int = 16 * MiB
    # Cells of one table once spans are spread on the grid (rows × columns): a 200-row,
    # 20-column annex is 4,000.
    max_table_cells: int = 250_000
    # The HTML spec's own caps on a cell's spans (browsers clamp to the same).
    max_colspan: int = 1000
    max_rowspan: int = 65534
    # A PDF page's media box in square points: A0 is 8.0 M pt²; PDF allows 14400 pt sides (207 M pt²).
    max_page_area_pt2: float = 4 * 2384 * 3370.0
    # Characters of one text line: longer lines (a whole file on one line) are cut at spaces into
    # lines of at most this many characters, so each line's work stays bounded.
    max_line_chars: int = 4000


class LimitError(IngestError):
    """An input over one of our limits: refused before the allocation, with the figures."""


def check(value: float, limit: float, what: str, unit: str = "", scale: float = 1.0) -> None:
    """Refuse ``value`` over ``limit``: "image too large: 169 MP, limit 60 MP"."""
    if value > limit:
        raise LimitError(f"{what}: {_figure(value / scale)}{unit}, limit {_figure(limit / scale)}{unit}")


def _figure(x: float) -> str:
    return f"{x:,.0f}" if x >= 10 else f"{x:.3g}"


def check_image(width: int, height: int, limits: Limits, what: str = "image too large") -> None:
    check(width * height, limits.max_image_mp * 1e6, what, " MP", 1e6)


def memory_error(kind: str) -> IngestError:
    """What a MemoryError becomes: the file is not corrupt, it needed more memory than we have."""
    return IngestError(f"out of memory reading the {kind} (too large for this worker; see the limits in README)")
