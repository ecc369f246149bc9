"""Statistics annexes (indicator / unit / value)."""

from __future__ import annotations

from cchc_extract.records import StatAnnex
from extract.model import IngestedDocument


def find_statistics(doc: IngestedDocument) -> list[StatAnnex]:
    return []
