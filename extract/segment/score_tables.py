"""Score tables (criterion code / max points / self points / explanation)."""

from __future__ import annotations

from cchc_extract.records import ScoreTable
from extract.model import IngestedDocument


def find_score_tables(doc: IngestedDocument) -> list[ScoreTable]:
    return []
