"""A document's tables joined across pages once per conversion.

Four segmenters (score tables, statistics annexes, task tables, target tables) each read every
table of the document as ``table_join.join_tables`` joins it; joined four times over, that was a
tenth of converting a typed DOCX. The join is done on the first ask and each reader gets a copy of
its own, as if it had joined the tables itself: the readers reshape what they get (a fraction
column split, columns remapped, rows taken out). A join that fails is not kept: the next reader
tries again and fails as it did, each reader's failure told as before.
"""

from __future__ import annotations

import pickle

from extract.model import IngestedDocument
from extract.segment.joined import JoinedTable
from extract.segment.table_join import JoinSettings, join_tables


class JoinedOnce:
    """``join_tables(doc, settings)`` on the first call; a fresh copy of it on every call."""

    def __init__(self, doc: IngestedDocument, settings: JoinSettings = JoinSettings()) -> None:
        self.doc = doc
        self.settings = settings
        # The join as pickled bytes: a copy is one ``pickle.loads`` (a deep copy at a quarter of
        # ``copy.deepcopy``'s cost, shared lists still shared within it).
        self.frozen: bytes | None = None

    def __call__(self) -> list[JoinedTable]:
        if self.frozen is None:
            self.frozen = pickle.dumps(join_tables(self.doc, self.settings), pickle.HIGHEST_PROTOCOL)
        return pickle.loads(self.frozen)
