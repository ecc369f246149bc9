"""How many of a text document's truth numbers its text still prints: the ceiling of any reader.

An OCR dump is Tesseract's text of a degraded scan, and Tesseract drops and garbles cells: some truth
numbers are not in the text at all, and no reader can read them (at most infer a few from the sums).
Without this ceiling a dump's "numbers right" mixes what OCR lost with what our reader lost.

A truth cell is legible when the text holds a number token of its value (decimal comma or point,
thousands dots allowed), each token standing for one cell at most; a blank truth cell is legible (there
is nothing to read). It is an upper bound: a token may print another place of the page than the cell
(a date's "10" can stand for a max of 10), so the ceiling flatters the text, never the reader.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from benchmarks.corpus_scoring import ROW_KINDS, number_fields

TEXT_FORMATS = ("txt", "md", "tsv")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def token_values(token: str) -> set[float]:
    """The values a printed number token can stand for: "2,5" and "2.5" are 2.5; a mark followed by
    groups of three digits can also be a thousands mark ("1.234" is also 1234)."""
    values = set()
    if re.fullmatch(r"\d+(?:[.,]\d{3})+", token):
        values.add(float(re.sub(r"[.,]", "", token)))
    parts = re.split(r"[.,]", token)
    if len(parts) <= 2:
        values.add(float(".".join(parts)))
    return values


def truth_cells(truth: dict) -> Iterable[float | None]:
    """Every truth cell the benchmark's `numbers` counter counts, score and statistics tables."""
    for kind in ROW_KINDS:
        for table in truth.get(kind.key) or []:
            fields = number_fields(kind, table)
            for row in table.get("rows") or []:
                for f in fields:
                    yield row.get(f)


def legible_numbers(truth: dict, text: str) -> tuple[int, int]:
    """(legible cells, cells) of one document: each token used for one cell at most."""
    tokens = [token_values(t) for t in _NUMBER.findall(text)]
    used = [False] * len(tokens)
    legible = cells = 0
    for value in truth_cells(truth):
        cells += 1
        if value is None:
            legible += 1
            continue
        for k, values in enumerate(tokens):
            if not used[k] and any(abs(v - float(value)) < 1e-6 for v in values):
                used[k] = True
                legible += 1
                break
    return legible, cells


def legibility_line(label: str, legible: int, right: int, cells: int) -> str:
    """One printed line: the ceiling and what the reader got, over the same cells."""
    if not cells:
        return f"{label}: no number cells"
    return (
        f"{label}: numbers legible in the text {legible}/{cells} ({100 * legible / cells:.1f}%, the ceiling "
        f"of any reader), read right {right}/{cells} ({100 * right / cells:.1f}%; "
        f"{100 * right / legible if legible else 0:.1f}% of the legible)"
    )
