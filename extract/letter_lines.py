"""Small views of a letter's lines shared by the header and the signature readers: the text as
printed (NFC, trimmed), folded for matching, the variants to try (repaired, then as OCR gave it),
and the upper-case test headings and titles pass."""

from __future__ import annotations

from extract.model import Line
from normalize.vietnamese.syllable import fold, nfc


def line_text(line: Line) -> str:
    return nfc(line.text.strip())


def folded_text(line: Line) -> str:
    return fold(line_text(line))


def line_variants(line: Line) -> list[str]:
    """The repaired text first (names come out with diacritics), then the raw OCR."""
    return [line_text(line)] + ([nfc(line.raw.strip())] if line.raw else [])


def is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) >= 0.8
