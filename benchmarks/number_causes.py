"""Where an OCR dump's numbers are lost: each wrong number of a generalisation run, by cause.

    python3 benchmarks/number_causes.py RUN.json [--corpus C] [--family D01 ...]

A run's ``--json`` lists every truth cell the reader got wrong (``wrong_numbers``; a cell of a row not
found counts as wrong, ``row_found`` false). Each is put under the first cause that holds:

- ``row lost``: its row was not found at all;
- ``illegible``: the dump's text does not print its value on the row's own lines
  (``benchmarks/legibility.py``): no reader can read it, at most the sums or the set give it;
- ``column misplaced``: the reader put its value in another field of the same row (that field wrong
  too), a column shifted;
- ``legible, left blank``: the text prints it and the reader gave nothing;
- ``legible, misread``: the text prints it and the reader gave another value.

The figures tell which mechanism to mend first; the table is the report's, not a target.
"""

from __future__ import annotations

from benchmarks.dump_causes import cause_table
from benchmarks.legibility import legible_cells

CAUSES = ("row lost", "illegible", "column misplaced", "legible, left blank", "legible, misread")


def cell_causes(doc: dict, text: str, truth: dict) -> list[tuple[str, dict]]:
    """Each wrong number of one document's details with its cause (``CAUSES``)."""
    legible = {(k, t, c, f): ok for k, t, c, f, ok in legible_cells(truth, text)}
    wrong = doc.get("wrong_numbers") or []
    by_row: dict[tuple, dict[str, object]] = {}
    for w in wrong:
        by_row.setdefault((w["kind"], w["table"], w["code"]), {})[w["field"]] = w["output"]
    out = []
    for w in wrong:
        key = (w["kind"], w["table"], w["code"], w["field"])
        others = {f: v for f, v in by_row[key[:3]].items() if f != w["field"]}
        if not w.get("row_found", True):
            cause = "row lost"
        elif not legible.get(key, True):
            cause = "illegible"
        elif w["truth"] is not None and any(
            v is not None and abs(float(v) - float(w["truth"])) < 1e-6 for v in others.values()
        ):
            cause = "column misplaced"
        elif w["output"] is None:
            cause = "legible, left blank"
        else:
            cause = "legible, misread"
        out.append((cause, w))
    return out


def main(argv: list[str] | None = None) -> int:
    return cause_table(
        __doc__ or "",
        argv,
        CAUSES,
        ("right", "numbers_right", "numbers", "wrong number"),
        cell_causes,
        lambda w: f"{w['code']} {w['field']} {w['truth']} -> {w['output']}",
    )


if __name__ == "__main__":
    raise SystemExit(main())
