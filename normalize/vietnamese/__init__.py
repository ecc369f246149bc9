"""Repair of diacritic-mangled Vietnamese (OCR dumps, substituted words)."""

from __future__ import annotations

from extract.model import IngestedDocument


def repair_document(doc: IngestedDocument) -> IngestedDocument:
    return doc


def repair_text(text: str) -> str:
    return text
