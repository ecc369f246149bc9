"""Rows restored from the code tree (``cchc_extract.restored_rows``) are no reading: the checks run
on the tables as read. ``reconcile`` takes them out while it checks and puts them back after, with
every pointer the checks and the queue made into the tables as read moved to the row's place."""

from __future__ import annotations

from dataclasses import dataclass

import regex as re

from schemas.records import Check, ExtractionResult, ScoreRow

# The flag of a row restored from the code tree: its line was not read, its name is the set's.
FLAG_RESTORED = "row_restored_from_children"


@dataclass(frozen=True)
class Withdrawn:
    """The restored rows taken out of the tables while the checks run: per table, each row's index
    in the whole table, in order."""

    rows: dict[int, list[tuple[int, ScoreRow]]]

    def put_back(self, result: ExtractionResult) -> None:
        """The rows back in their places, and every pointer the checks and the queue made into the
        tables as read moved to the row's place in the whole table."""
        kept: dict[int, list[int]] = {}
        for ti, rows in self.rows.items():
            table = result.score_tables[ti]
            total = len(table.rows) + len(rows)
            gone = {i for i, _ in rows}
            kept[ti] = [i for i in range(total) if i not in gone]
            for i, row in rows:
                table.rows.insert(i, row)
        if not kept:
            return

        def moved(m: re.Match) -> str:
            ti, ri = int(m.group(1)), int(m.group(2))
            places = kept.get(ti)
            return m.group(0) if places is None or ri >= len(places) else f"/score_tables/{ti}/rows/{places[ri]}"

        result.checks = [_moved_check(c, moved) for c in result.checks]
        for item in result.review:
            item.item = _ROW_POINTER.sub(moved, item.item)


_ROW_POINTER = re.compile(r"/score_tables/(\d+)/rows/(\d+)(?!\d)")


def _moved_check(check: Check, moved) -> Check:
    check.id = _ROW_POINTER.sub(moved, check.id)
    return check


def withdrawn_while_checked(result: ExtractionResult) -> Withdrawn:
    """Take the restored rows out of the tables (the checks weigh what was read); ``put_back``
    returns them."""
    out: dict[int, list[tuple[int, ScoreRow]]] = {}
    for ti, table in enumerate(result.score_tables):
        taken = [(i, r) for i, r in enumerate(table.rows) if FLAG_RESTORED in r.flags]
        if taken:
            out[ti] = taken
            table.rows = [r for r in table.rows if FLAG_RESTORED not in r.flags]
    return Withdrawn(out)
