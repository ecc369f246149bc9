"""Task framework tables of plans."""

from __future__ import annotations

from cchc_extract.records import TaskTable
from extract.model import IngestedDocument


def find_task_tables(doc: IngestedDocument) -> list[TaskTable]:
    return []
