"""A score table with no evidence column whose evidence prints as a row of its own under each
criterion: one cell across the whole table, "Tài liệu kiểm chứng: Quyết định số 252/QĐ-UBND ngày
10/06/2014" ("Giải trình, tài liệu kiểm chứng: …"), or a blank code cell and one bracketed cell
across the name and the points, "(Công văn số 99/CV-VP ngày 19/01/2014)". Such a row is no
criterion (it prints no code and no points of its own) and its figures are a document's number and
date, never points: it is the explanation of the criterion above it. The grid gets the explanation
column the rows stand for, the evidence in it on the criterion's row (the label and the brackets
are no part of it), and the evidence rows leave the grid. A table that has an explanation column
keeps its rows as they are (its own cells say where the evidence goes)."""

from __future__ import annotations

from dataclasses import dataclass, replace

import regex as re

from extract.segment.joined import JoinedRow, JoinedTable
from normalize.lazy_regex import lazy_compile
from normalize.text import fold

# The label opening an evidence row, folded: "Tài liệu kiểm chứng:", "Giải trình, tài liệu kiểm
# chứng:", "Căn cứ, tài liệu kiểm chứng:", "Giải trình:"; the colon required (a criterion's name
# "Giải trình kết quả …" is no label).
_LABEL = lazy_compile(r"^[^:]{0,40}?\b(?:kiem\s+chung|giai\s+trinh)\s*:\s*")
# A cell bracketed whole: "(Công văn số 99/CV-VP ngày 19/01/2014)".
_BRACKETED = lazy_compile(r"^\(\s*(?P<inner>[^()]*\S)\s*\)\.?$")
# A code opening a cell ("1.2", "3.", "II"): a row printing one is a criterion or a field.
_CODE = lazy_compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[IVXLC]{1,5}\.?|[a-zđ]\))(?:\s|$)")


@dataclass(frozen=True)
class EvidenceRowSettings:
    # The label the explanation column takes in the header (the grid printed none).
    label: str = "Tài liệu kiểm chứng"


_SETTINGS = EvidenceRowSettings()


def evidence_text(row: JoinedRow) -> str | None:
    """The evidence a row prints alone (its label or brackets taken off), None for any other row.
    The row holds one text: in one cell, or repeated in each cell a merged cell spans."""
    texts = list(dict.fromkeys(" ".join(c.split()) for c in row.cells if c.strip()))
    if len(texts) != 1 or _CODE.match(texts[0]):
        return None
    text = texts[0]
    label = _LABEL.match(fold(text))
    if label is not None:
        # (fold keeps a text's length but for spaces folded: the label ends at the same colon)
        colon = text.find(":")
        rest = text[colon + 1 :].strip() if colon >= 0 else ""
        return rest or None
    bracketed = _BRACKETED.match(text)
    return bracketed["inner"] if bracketed is not None else None


def _widened(row: JoinedRow, text: str) -> JoinedRow:
    """The row with one more cell, ``text``, at its end (each per-cell list kept as long)."""
    return replace(
        row,
        cells=[*row.cells, text],
        bold=[*row.bold, False],
        bboxes=[*row.bboxes, None] if row.bboxes else row.bboxes,
        confs=[*row.confs, None] if row.confs else row.confs,
        lines=[*row.lines, [text] if text else []] if row.lines else row.lines,
        places=[*row.places, []] if row.places else row.places,
        line_confs=[*row.line_confs, []] if row.line_confs else row.line_confs,
        above=[*row.above, None] if row.above else row.above,
    )


def evidence_rows_read(
    joined: JoinedTable, columns: dict[str, int], settings: EvidenceRowSettings = _SETTINGS
) -> tuple[JoinedTable, dict[str, int]]:
    """(grid, columns) with the evidence rows read as the explanation of the criterion above each;
    the grid and columns as they were when the table has an explanation column or no such row."""
    if "explanation" in columns:
        return joined, columns
    evidence: dict[int, list[str]] = {}  # the criterion row's index in the kept rows → its evidence
    kept: list[JoinedRow] = []
    for row in joined.rows:
        text = evidence_text(row)
        if text is not None and kept and _criterion(kept[-1], columns):
            evidence.setdefault(len(kept) - 1, []).append(text)
        else:
            kept.append(row)
    if not evidence:
        return joined, columns
    rows = [_widened(r, " ".join(evidence.get(k, []))) for k, r in enumerate(kept)]
    header = [[*h, settings.label if k == 0 else ""] for k, h in enumerate(joined.header)]
    wide = replace(
        joined,
        rows=rows,
        header=header,
        n_cols=joined.n_cols + 1,
        owners=[*joined.owners, joined.n_cols] if joined.owners else joined.owners,
        column_marks=[*joined.column_marks, None] if joined.column_marks else joined.column_marks,
    )
    return wide, {**columns, "explanation": joined.n_cols}


def _criterion(row: JoinedRow, columns: dict[str, int]) -> bool:
    """Whether a row is a criterion's: a code or a points figure of its own."""
    wanted = (columns.get("code", 0), columns.get("max"))
    code, points = (row.cells[c] if c is not None and c < len(row.cells) else "" for c in wanted)
    return bool(_CODE.match(code)) or bool(re.search(r"\d", points))
