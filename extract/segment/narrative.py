"""Figures stated in running text: score statements, plan targets, counts."""

from __future__ import annotations

from cchc_extract.records import Count, ScoreStatement, Target
from extract.model import IngestedDocument


def find_score_statements(doc: IngestedDocument) -> list[ScoreStatement]:
    return []


def find_targets(doc: IngestedDocument) -> list[Target]:
    return []


def find_counts(doc: IngestedDocument) -> list[Count]:
    return []
