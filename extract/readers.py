"""The registry of readers, one per input format (Docling's backends). ``extract.base.reader_for``
picks one by extension and imports only that reader's module: a text file never loads the PDF,
DOCX or image readers (nor pdfplumber, python-docx, the OCR stack through them)."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from extract.base import DocumentReader


@dataclass(frozen=True)
class ReaderEntry:
    extensions: tuple[str, ...]
    module: str
    name: str  # the DocumentReader class in ``module``

    def load(self) -> type[DocumentReader]:
        return getattr(importlib.import_module(self.module), self.name)


READERS: tuple[ReaderEntry, ...] = (
    # .tsv: a table saved as tab-separated text
    ReaderEntry((".txt", ".md", ".markdown", ".text", ".tsv"), "extract.text_reader", "TextReader"),
    ReaderEntry((".docx",), "extract.docx_reader", "DocxReader"),
    ReaderEntry((".pdf",), "extract.pdf_reader", "PdfReader"),
    ReaderEntry((".png", ".jpg", ".jpeg", ".tif", ".tiff"), "extract.image_reader", "ImageReader"),
    ReaderEntry((".doc", ".odt", ".rtf"), "extract.legacy_reader", "LegacyOfficeReader"),
)
