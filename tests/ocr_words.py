"""OCR words recorded from a real scan's page (tests/data/*.json: text, bbox, confidence, bold): one
place that turns them back into the reader's words for the tests that replay a page."""

from __future__ import annotations

from extract.model import Word


def recorded_words(raw: list) -> list[Word]:
    """The page's words from their recorded ``[text, bbox, conf, bold]`` lists."""
    return [Word(text=t, bbox=tuple(b), conf=c, bold=bold) for t, b, c, bold in raw]
