"""Document metadata (number, kind, issuer, commune, place, date, period, title, signer)."""

from __future__ import annotations

from extract.model import IngestedDocument
from cchc_extract.records import DocumentMeta


def extract_metadata(doc: IngestedDocument) -> DocumentMeta:
    return DocumentMeta()
