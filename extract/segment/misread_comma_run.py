"""A run of points cells every one of which OCR printed with its decimal comma read as another
mark ("14/5 14/5": 14,5 and 14,5 with the commas read as slashes).

``points_cell`` reads "14/5" as a cell only beside a number, so that an explanation's fraction
("đạt 1/5") stays text. When the row's cells are all such tokens no number stands beside them and
the row's points were lost with no trace. Two or more of them side by side are cells all the same:
a quarter point's fraction over a whole number twice in a row is no text's fraction, date or count
("7/14" — a count of tasks — or "15/03" are no misread comma, ``misread_comma``)."""

from __future__ import annotations

from extract.segment.line_common import CELL_SPECKS, misread_comma


def misread_comma_run(sources: list[str]) -> bool:
    """Whether a run's tokens are two or more points cells each with its comma misread."""
    return len(sources) >= 2 and all(misread_comma(raw.strip(CELL_SPECKS)) for raw in sources)
