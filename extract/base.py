"""The abstract reader every input format implements, and the choice of reader for a path."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from extract.model import IngestedDocument

if TYPE_CHECKING:
    from extract.limits import Limits


class IngestError(Exception):
    """A file that cannot be read. The message is one line meant for the user: it goes into the
    output's ``errors`` and onto stderr as it is."""


@dataclass(frozen=True)
class IngestOptions:
    """Knobs shared by the readers, in one place."""

    ocr_lang: str = "vie"
    ocr_dpi: int = 300  # benchmarks/ingest: vs 200 dpi, 2-3x fewer character errors for ~1.5x the time
    ocr_timeout_s: float = 120.0  # per page
    # A PDF page whose text layer has fewer characters than this is treated as a scan.
    min_text_chars: int = 20
    # Share of characters in a text layer that must be letters/digits/punctuation for it to be
    # trusted; below it the page is OCR'd instead (garbage layers from broken font maps).
    min_text_quality: float = 0.6
    # A page whose text layer is short (under ``min_text_chars``) but clean is typed, and read from
    # that layer, when no picture covers this share of it and it draws fewer curves than
    # ``short_page_max_curves`` (a scan, or text drawn as outlines, would): the signer's name run
    # over onto a page of its own must not send the page to OCR, which made the whole document
    # "read by OCR" and its typed cells doubted as OCR's readings.
    short_page_max_image_share: float = 0.3
    short_page_max_curves: int = 40
    # A scanned page carrying another program's invisible OCR text (a "searchable" scan) is read by
    # our OCR, not from that layer, which loses Vietnamese diacritics and table cells
    # (extract.pdf_ocr_layer); False trusts such layers.
    reocr_scanned_text_layers: bool = True
    # Sizes past which an input is refused (extract/limits.py); a factory: limits imports this module.
    limits: Limits = field(default_factory=lambda: _default_limits())


def _default_limits():
    from extract.limits import Limits

    return Limits()


class DocumentReader(ABC):
    """One reader per format (Docling's backend idea): ``read`` returns the common model or raises
    ``IngestError``."""

    format_name: str = ""

    def __init__(self, options: IngestOptions | None = None) -> None:
        self.options = options or IngestOptions()

    @abstractmethod
    def read(self, path: Path) -> IngestedDocument: ...


def reader_for(path: Path, options: IngestOptions | None = None) -> DocumentReader:
    """The reader for a path, chosen by its extension; ``IngestError`` for one we do not read."""
    from extract.readers import READERS

    suffix = path.suffix.lower()
    for entry in READERS:
        if suffix in entry.extensions:
            return entry.load()(options)
    supported = sorted({e for r in READERS for e in r.extensions})
    raise IngestError(f"unsupported file type '{suffix or path.name}' (supported: {' '.join(supported)})")


def supported_extensions() -> set[str]:
    from extract.readers import READERS

    return {e for r in READERS for e in r.extensions}


def ingest(path: Path, options: IngestOptions | None = None) -> IngestedDocument:
    """Read any supported file into the common model."""
    if not path.exists():
        raise IngestError(f"file not found: {path}")
    if path.stat().st_size == 0:
        raise IngestError("empty file (0 bytes)")
    # A folder given by name, a FIFO or a device: reading it would block or fail oddly.
    if not path.is_file():
        raise IngestError("not a regular file")
    return reader_for(path, options).read(path)
