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
# ... and opening a later line of a criterion's name cell, where a remark's label is one too:
# "Ghi chú: Thực hiện đầy đủ" under the name is the row's note, as its column would hold it. Only
# the label's own words before it: a name's last word wrapped onto a line above the label's ("viên
# | chức | Tài liệu kiểm chứng: …") is the name's, not the evidence's.
_NAME_LABEL = lazy_compile(
    r"^(?:(?:tai\s+lieu|van\s+ban|giai\s+trinh|can\s+cu)[\s,]*)*(?:kiem\s+chung|giai\s+trinh|ghi\s+chu)\s*:\s*"
)
# A cell bracketed whole: "(Công văn số 99/CV-VP ngày 19/01/2014)".
_BRACKETED = lazy_compile(r"^\(\s*(?P<inner>[^()]*\S)\s*\)\.?$")
# A code opening a cell ("1.2", "3.", "II"): a row printing one is a criterion or a field.
_CODE = lazy_compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[IVXLC]{1,5}\.?|[a-zđ]\))(?:\s|$)")


@dataclass(frozen=True)
class EvidenceRowSettings:
    # The label the explanation column takes in the header (the grid printed none).
    label: str = "Tài liệu kiểm chứng"
    # Criteria of a table whose name cells end on a bracketed line for that line to be their
    # evidence, when it cites no document: one name wrapped before a bracket is still its name.
    min_bracketed_names: int = 2


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
    return _explained(joined, rows, settings), {**columns, "explanation": joined.n_cols}


def _criterion(row: JoinedRow, columns: dict[str, int]) -> bool:
    """Whether a row is a criterion's: a code or a points figure of its own."""
    wanted = (columns.get("code", 0), columns.get("max"))
    code, points = (row.cells[c] if c is not None and c < len(row.cells) else "" for c in wanted)
    return bool(_CODE.match(code)) or bool(re.search(r"\d", points))


def evidence_in_names(
    joined: JoinedTable, columns: dict[str, int], settings: EvidenceRowSettings = _SETTINGS
) -> tuple[JoinedTable, dict[str, int]]:
    """(grid, columns) with the evidence a criterion prints on later lines of its name cell read as
    its explanation: "Ban hành kế hoạch CCHC năm" over "Tài liệu kiểm chứng: Kế hoạch số 12/KH-UBND
    …" ("Giải trình: …", "Ghi chú: …"), or over "(Báo cáo số 56/BC-UBND …)" bracketed whole. A table
    with no evidence column writes the evidence where the name is; the name is the lines before it.
    As they were when the table has an explanation column or no criterion prints such lines."""
    name = columns.get("name")
    if "explanation" in columns or name is None:
        return joined, columns
    found = {k: cut for k, row in enumerate(joined.rows) if _criterion(row, columns) and (cut := _name_cut(row, name))}
    bracketed = [k for k, (_, _, labelled) in found.items() if not labelled]
    if len(bracketed) < settings.min_bracketed_names:
        found = {k: cut for k, cut in found.items() if cut[2] or _cites(cut[1])}
    if not found:
        return joined, columns
    rows = [
        _with_name(row, name, *found[k][:2]) if k in found else _widened(row, "") for k, row in enumerate(joined.rows)
    ]
    return _explained(joined, rows, settings), {**columns, "explanation": joined.n_cols}


def _explained(joined: JoinedTable, rows: list[JoinedRow], settings: EvidenceRowSettings) -> JoinedTable:
    """The grid of ``rows``, each one cell wider, under a header naming that cell the evidence."""
    header = [[*h, settings.label if k == 0 else ""] for k, h in enumerate(joined.header)]
    return replace(
        joined,
        rows=rows,
        header=header,
        n_cols=joined.n_cols + 1,
        owners=[*joined.owners, joined.n_cols] if joined.owners else joined.owners,
        column_marks=[*joined.column_marks, None] if joined.column_marks else joined.column_marks,
    )


def _name_cut(row: JoinedRow, name: int) -> tuple[int, str, bool] | None:
    """(the name's lines, the evidence, labelled) of a name cell whose later lines, from one
    opening on an evidence's label or a bracket to the cell's end, are its evidence; else None."""
    lines = [" ".join(t.split()) for t in (row.lines[name] if name < len(row.lines) else [])]
    for k in range(1, len(lines)):
        rest = " ".join(lines[k:])
        label = _NAME_LABEL.match(fold(rest))
        if label is not None:
            colon = rest.find(":")
            return (k, rest[colon + 1 :].strip(), True) if rest[colon + 1 :].strip() else None
        bracketed = _BRACKETED.match(rest) if rest.startswith("(") else None
        if bracketed is not None:
            return k, bracketed["inner"], False
    return None


def _cites(text: str) -> bool:
    """Whether an evidence cites a document by its number ("Kế hoạch số 12/KH-UBND")."""
    return re.search(r"\bsố\s+\d+\s*/", text) is not None


def _with_name(row: JoinedRow, name: int, keep: int, evidence: str) -> JoinedRow:
    """The row with its name cell its first ``keep`` lines and ``evidence`` in a new last cell."""
    cells, lines = list(row.cells), [list(c) for c in row.lines]
    lines[name] = lines[name][:keep]
    cells[name] = " ".join(" ".join(lines[name]).split())
    return _widened(replace(row, cells=cells, lines=lines), evidence)
