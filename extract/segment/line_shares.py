"""A share column of a score table read from lines ("Điểm tối đa | Điểm tự chấm | Tỷ lệ đạt (%)"):
its figure is a line's third, where the line reader finds an appraised column's ("10 6,5 65" read as
a maximum, a self score and 6,5 appraised with a lost mark). When the header names a share and no
appraised points, the third figure of each row is the share (``ScoreRow.share_percent``, checked by
``reconcile.share_of_max``), never points."""

from __future__ import annotations

from dataclasses import replace

from extract.model import Line
from extract.segment.points_words import share_label
from extract.segment.row_draft import RowDraft

# The points columns a table with a share column prints before it: a line's figures past them are
# the share's.
_BEFORE_SHARE = ("max", "self")


def names_share(header: list[Line]) -> bool:
    """Whether a header line names a share column ("Tỷ lệ đạt (%)", or only its "(%)" where OCR
    wrapped the label over three lines): a word run a share label opens, or a per-cent mark."""
    for line in header:
        text = line.raw or line.text
        words = text.split()
        if any(share_label(" ".join(words[k:])) for k in range(len(words))):
            return True
    return False


def third_as_share(rows: list[RowDraft]) -> list[RowDraft]:
    """The rows with their third figure taken as the share, no appraised points."""
    return [
        replace(
            row,
            share_raw=row.appraised_raw,
            appraised_raw=None,
            number_confs={k: c for k, c in row.number_confs.items() if k in _BEFORE_SHARE},
            specked=tuple(k for k in row.specked if k in _BEFORE_SHARE),
        )
        for row in rows
    ]
