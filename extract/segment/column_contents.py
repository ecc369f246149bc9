"""A grid whose header only numbers its columns ("(1) | (2) | … | (5)") and prints no legend naming
them: the columns are told apart by what they hold, as a reader of the sheet would. A score table's
columns are its criterion codes, its names, its points (the maximum first, then the points given,
each at most the maximum) and its evidence or explanation text. Anything less certain (one column
of figures, points above the maximum in many rows, no code column) is no score table here: the
table stays unread and is told so.

The same holds for a scanned grid whose points columns' labels are printed turned a quarter: OCR
reads such labels as specks ("t@)", "5") or nothing, while the other columns' labels ("STT", "Tài
liệu kiểm chứng") read. When the document's title names the scoring and the columns that hold the
figures have labels that read no word, the columns are named by what they hold, as above."""

from __future__ import annotations

from dataclasses import dataclass

from extract.segment.joined import JoinedTable
from extract.segment.unread_coded import syllables
from normalize.codes import parse_code
from normalize.numbers import parse_number


@dataclass(frozen=True)
class ContentSettings:
    # Share of a column's filled cells that must be criterion codes / figures for it to be read so.
    code_share: float = 0.8
    figure_share: float = 0.8
    # Share of rows with both figures where the second is at most the first (points given under
    # the maximum): below it, the figures are no maximum and score (a plan's and a result's).
    ordered_share: float = 0.9
    # No criterion is worth more than a whole index.
    points_ceiling: float = 100.0
    min_rows: int = 3
    # Letters a header label's word needs to count as read (OCR's specks of a turned label: "t@)", "KB").
    read_word_letters: int = 3


# Labels the header matcher (``score_tables.map_columns``) reads as each column's.
_LABELS = ("stt", "ten tieu chi", "diem toi da", "diem tu danh gia", "diem tham dinh", "ghi chu")


def _figure(text: str) -> float | None:
    parsed = parse_number(text.strip(), kind="score") if text.strip() else None
    return parsed.value if parsed is not None else None


def _share(cells: list[str], test) -> float:
    filled = [c for c in cells if c.strip()]
    return sum(bool(test(c)) for c in filled) / len(filled) if filled else 0.0


def content_labels(
    table: JoinedTable, titled: bool = False, settings: ContentSettings = ContentSettings()
) -> list[str] | None:
    """One label per column from what the columns hold, for a grid whose header is only its
    columns' numbers, or (``titled``: the document's title names the scoring) whose figure columns'
    labels read no word; None when the columns are not a score table's beyond doubt."""
    numbered = bool(table.column_marks) and not any(c.strip() for h in table.header for c in h)
    if not numbered and not titled:
        return None
    rows = [r.cells for r in table.rows if r.cells and parse_code(r.cells[0].strip())]
    if len(rows) < settings.min_rows:
        return None
    columns = [[row[c] if c < len(row) else "" for row in rows] for c in range(table.n_cols)]
    if _share(columns[0], lambda c: parse_code(c.strip())) < settings.code_share:
        return None
    figures = [
        c
        for c in range(1, table.n_cols)
        if _share(columns[c], lambda t: _figure(t) is not None) >= settings.figure_share
        and all((v := _figure(t)) is None or 0 <= v <= settings.points_ceiling for t in columns[c])
    ]
    texts = [c for c in range(1, table.n_cols) if c not in figures]
    if not 2 <= len(figures) <= 3 or figures != list(range(figures[0], figures[0] + len(figures))):
        return None  # the points are side by side, in one block
    if not numbered and any(_label_read(table.header_text[c], settings) for c in figures):
        return None  # a label that reads says what its column is: the header matcher's to name
    if not texts or texts[0] > figures[0]:
        return None  # the criteria's names come before their points
    for given in figures[1:]:
        pairs = [(_figure(m), _figure(g)) for m, g in zip(columns[figures[0]], columns[given], strict=True)]
        both = [(m, g) for m, g in pairs if m is not None and g is not None]
        if not both or sum(g <= m for m, g in both) < settings.ordered_share * len(both):
            return None
    labels = [""] * table.n_cols
    labels[0] = _LABELS[0]
    labels[texts[0]] = _LABELS[1]
    for label, c in zip(_LABELS[2:5], figures, strict=False):
        labels[c] = label
    for c in texts[1:]:
        if c > figures[-1]:
            labels[c] = _LABELS[5]
            break
    return labels


def _label_read(label: str, settings: ContentSettings) -> bool:
    """Whether a header label reads as words: one Vietnamese-shaped word of a few letters."""
    return syllables(label, settings.read_word_letters) > 0
