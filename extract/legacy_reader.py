"""Word-processing files of older or other suites (.doc, .odt, .rtf), common in offices: saved as
DOCX by LibreOffice Writer in a private temporary folder, then read by the DOCX reader (tables and
paragraphs stay structure). Without LibreOffice Writer the file gets an error record naming the
package to install; the rest of the batch goes on."""

from __future__ import annotations

import tempfile
from pathlib import Path

from extract.base import DocumentReader, IngestError
from extract.docx_reader import DocxReader
from extract.external import LibreOfficeSettings, convert_to_docx, libreoffice_problem
from extract.model import IngestedDocument


class LegacyOfficeReader(DocumentReader):
    format_name = "docx"  # what is read: the DOCX LibreOffice makes of it

    def read(self, path: Path, settings: LibreOfficeSettings = LibreOfficeSettings()) -> IngestedDocument:
        problem = libreoffice_problem(settings)
        if problem is not None:
            raise IngestError(f"a {path.suffix.lower()} file is read through LibreOffice: {problem}")
        with tempfile.TemporaryDirectory(prefix="cchc-legacy-") as tmp:
            # A copy under a plain name: LibreOffice names its output after the input's stem.
            source = Path(tmp) / f"input{path.suffix.lower()}"
            source.write_bytes(path.read_bytes())
            out = Path(tmp) / "docx"
            out.mkdir()
            document = DocxReader(self.options).read(convert_to_docx(source, out, settings))
        document.warnings.append(f"read through LibreOffice: {path.suffix.lower()} converted to DOCX")
        return document
