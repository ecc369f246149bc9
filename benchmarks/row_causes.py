"""Where an OCR dump's rows are lost: each truth row a generalisation run missed, by cause.

    python3 benchmarks/row_causes.py RUN.json [--corpus C] [--family D01 ...] [-v]

A run's ``--json`` lists every truth row the reader did not find (``missed_rows``) and every output
row that matched no truth row (``invented_rows``). Each missed row is put under the first cause that
holds:

- ``table lost``: no row of its table was found at all (the table itself was not read);
- ``read, paired wrong``: an invented row of the document prints its name (folded, near): the reader
  read the row but gave it a code or figures the scoring could not pair (a code OCR misread, a
  figure taken from the next row);
- ``name illegible``: the dump's text does not print its name (``benchmarks/legibility.py``'s
  ``table_spans``): no reader can place it from its words, at most the criteria set restores it;
- ``legible, not read``: the text prints its name and no row came of it.

The figures tell which mechanism to mend first; the table is the report's, not a target.
"""

from __future__ import annotations

from collections import Counter

from rapidfuzz import fuzz

from benchmarks.dump_causes import cause_table
from benchmarks.legibility import _WORD, LegibilitySettings, table_spans, truth_rows
from normalize.text import fold

CAUSES = ("table lost", "read, paired wrong", "name illegible", "legible, not read")
# An invented row's text this near a missed row's name (folded, partial ratio) is that row read.
SAME_NAME = 85.0


def row_causes(doc: dict, text: str, truth: dict) -> list[tuple[str, dict]]:
    """Each missed row of one document's details with its cause (``CAUSES``)."""
    missed = doc.get("missed_rows") or []
    if not missed:
        return []
    lines_words = [_WORD.findall(fold(line)) for line in text.splitlines()]
    rows = list(truth_rows(truth))
    spans: dict[tuple[str, int, str], range | None] = {}
    found_tables = {(k, t) for k, t, *_ in rows} - _lost_tables(rows, missed)
    for table in dict.fromkeys((key, ti) for key, ti, *_ in rows):
        table_rows = [r for r in rows if (r[0], r[1]) == table]
        for r, span in zip(table_rows, table_spans([r[3] for r in table_rows], lines_words, LegibilitySettings())):
            spans[(r[0], r[1], r[2])] = span
    invented = [fold(str(r.get("text") or "")) for r in doc.get("invented_rows") or []]
    out = []
    for m in missed:
        name = fold(str(m.get("text") or ""))
        if (m["kind"], m["table"]) not in found_tables:
            cause = "table lost"
        elif name and any(o and fuzz.partial_ratio(name[: len(o)], o) >= SAME_NAME for o in invented):
            cause = "read, paired wrong"
        elif spans.get((m["kind"], m["table"], str(m.get("code") or ""))) is None:
            cause = "name illegible"
        else:
            cause = "legible, not read"
        out.append((cause, m))
    return out


def _lost_tables(rows: list, missed: list[dict]) -> set[tuple[str, int]]:
    """The truth tables every row of which was missed."""
    size = Counter((k, t) for k, t, *_ in rows)
    lost = Counter((m["kind"], m["table"]) for m in missed)
    return {t for t, n in size.items() if lost[t] >= n}


def main(argv: list[str] | None = None) -> int:
    return cause_table(
        __doc__ or "",
        argv,
        CAUSES,
        ("found", "found", "rows", "missed row"),
        row_causes,
        lambda m: f"{m['code']} {str(m.get('text') or '')[:60]!r}",
    )


if __name__ == "__main__":
    raise SystemExit(main())
