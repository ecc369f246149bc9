"""The registry of readers, one per input format (Docling's backends). ``extract.base.reader_for``
picks one by extension."""

from extract.base import DocumentReader
from extract.docx_reader import DocxReader
from extract.image_reader import ImageReader
from extract.legacy_reader import LegacyOfficeReader
from extract.pdf_reader import PdfReader
from extract.text_reader import TextReader

READERS: list[type[DocumentReader]] = [TextReader, DocxReader, PdfReader, ImageReader, LegacyOfficeReader]
