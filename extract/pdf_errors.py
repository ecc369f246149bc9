"""What a PDF the parsers could not read says, and its repair: pdfium's rewrite of a file whose
cross-reference table pdfminer could not follow (``repaired_pdf``); which package raised an
exception (``raised_by``: a PDF library's is the file's, ours is a bug); the one-line records of
each (``pdf_error``, ``internal_error``). Apart from ``extract.pdf_reader``, which reads pages."""

from __future__ import annotations

import io
from pathlib import Path

from extract.base import IngestError


class ParserFailure(Exception):
    """pdfminer/pdfplumber could not parse the file: worth a repair by pdfium."""

    def __init__(self, error: IngestError) -> None:
        super().__init__(str(error))
        self.error = error


def repaired_pdf(path: Path) -> bytes | None:
    """The bytes pdfium writes for a PDF it could open (a fresh cross-reference table), or None."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(str(path))
    except Exception:  # pdfium cannot open it either (or it is encrypted)
        return None
    try:
        if len(document) == 0:
            return None
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()
    except Exception:
        return None
    finally:
        document.close()


# The packages that parse and render a PDF for us: an exception they raise is about the file.
PDF_LIBRARIES = ("pdfminer", "pdfplumber", "pypdfium2", "pypdfium2_raw")
# Our own packages: an exception raised in them (or in a general library they call, numpy,
# OpenCV) is a bug of ours.
_OUR_PACKAGES = ("extract", "normalize", "cchc_extract", "schemas")


def raised_by(exc: BaseException) -> str | None:
    """The package whose code raised ``exc``: the innermost frame of its traceback that is a PDF
    library's or ours (general libraries in between, numpy called by our code, do not count)."""
    frames = []
    tb = exc.__traceback__
    while tb is not None:
        frames.append(str(tb.tb_frame.f_globals.get("__name__", "")).split(".")[0])
        tb = tb.tb_next
    for package in reversed(frames):
        if package in PDF_LIBRARIES or package in _OUR_PACKAGES:
            return package
    return None


def internal_error(exc: BaseException, doing: str, page: int) -> str:
    """The one-line record of a bug of ours met while ``doing`` something: the page it was on
    (0: none yet) and our innermost module on the way, then the exception."""
    module = ""
    tb = exc.__traceback__
    while tb is not None:
        name = str(tb.tb_frame.f_globals.get("__name__", ""))
        if name.split(".")[0] in _OUR_PACKAGES:
            module = name
        tb = tb.tb_next
    where = ", ".join(p for p in (f"page {page}" if page else "", module) if p)
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return (
        f"internal error {doing}"
        + (f" ({where})" if where else "")
        + f": {type(exc).__name__}"
        + (f": {detail}" if detail else "")
    )


def pdf_error(exc: Exception) -> IngestError:
    """One-line user message for whatever pdfminer/pdfplumber/pdfium raised."""
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
    name = type(inner).__name__
    if (
        name in ("PDFPasswordIncorrect", "PDFEncryptionError", "PDFEncryptionWarning")
        or "password" in str(inner).lower()
    ):
        return IngestError("encrypted PDF: password required")
    detail = str(inner).strip().splitlines()[0] if str(inner).strip() else name
    # The parser's word: the file may be broken, or merely beyond what the parser reads.
    return IngestError(f"could not open PDF: {detail}")
