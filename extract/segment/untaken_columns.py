"""Points columns of a score table's grid that no field took: the sign that the header was not
understood, told on the rows instead of left silent.

A score table's header is mapped to fields by its words (``score_tables.map_columns``). A layout
nobody wrote a rule for can print its points under words the dictionary does not know, or under
two headers it knows alike: two years side by side ("Năm 2012 | Năm 2013", "Điểm tự đánh giá năm
2024 | … năm 2023"), a score beside a score of another kind. The mapping then takes one of the
columns, or none, and the rows come out whole and sure of a number from the wrong column, or sure
that a blank self score is what the document prints (lead-nd2501: 142 of 288 wrong values were
silent, at 0.90–1.0). What such a table still shows, whatever its words, is a column beside the
taken ones that holds points: a figure on most rows, none negative or signed (a difference column,
"Tăng (+), giảm (-)", prints signs), none above its row's maximum. The rows of that table get
``UNTAKEN_FLAG`` naming the column, and ``cchc_extract.reconcile.untaken`` puts their self points
in the review queue, their confidence lowered: a person reads which column holds the score.
"""

from __future__ import annotations

from dataclasses import dataclass

from extract.segment.joined import JoinedTable
from normalize.numbers import parse_number, points_figure
from normalize.text import fold
from schemas.records import ScoreTable

_POINTS_KEYS = ("max", "self", "appraised")  # score_tables' points fields
UNTAKEN_FLAG = "points_column_untaken"  # ":<the column's header>" follows


@dataclass(frozen=True)
class UntakenColumnSettings:
    # Share of the rows printing a maximum that print a figure in the column: points are printed
    # on nearly every scored row; a column of remarks, dates or a difference blank where zero is not.
    printed_share: float = 0.6
    # Share of those figures at or under their row's maximum (a few misprints allowed).
    under_max_share: float = 0.9
    # Rows with a maximum needed before a column is judged at all.
    min_rows: int = 3


def _figure(text: str, ocr: bool) -> float | None:
    """A cell's number when the cell is one unsigned points figure; None otherwise (blank, words,
    a signed difference "+0,25" / "-1" is no score)."""
    text = text.strip()
    if not text or text[0] in "+-−–":
        return None
    figure = points_figure(text)
    parsed = parse_number(figure, kind="score", ocr=ocr) if figure else None
    return parsed.value if parsed else None


# Headers of a column of codes or running numbers ("Mã tiêu chí", "Ký hiệu tiêu chí", "Số hiệu",
# "STT", "Số TT"): its figures ("1", "2", "1.1") are the rows' numbers, under any maximum, never points.
_NUMBERING_HEADS = frozenset({"stt", "tt", "so tt", "so thu tu"})
_NUMBERING_OPENINGS = (("ma",), ("ky", "hieu"), ("so", "hieu"))


def _names_numbering(label: str) -> bool:
    words = fold(label).lower().replace(".", " ").split()
    return any(tuple(words[: len(w)]) == w for w in _NUMBERING_OPENINGS) or " ".join(words) in _NUMBERING_HEADS


def _repeats_codes(cells: list[str], codes: list[str], share: float) -> bool:
    """Whether a column prints, row by row, the code the table's code column gives the row ("1."
    beside a running "1" whose table numbers only its fields): a second numbering, whatever its
    header says, is no points."""
    pairs = [(c.strip().rstrip("."), k.strip().rstrip(".")) for c, k in zip(cells, codes) if c.strip()]
    return bool(pairs) and sum(c == k for c, k in pairs if k) >= share * len(pairs)


def _signed(text: str) -> bool:
    return text.strip()[:1] in ("+", "-", "−", "–") and any(ch.isdigit() for ch in text)


def untaken_points_columns(
    joined: JoinedTable,
    columns: dict[str, int],
    explained: frozenset[int] = frozenset(),
    settings: UntakenColumnSettings = UntakenColumnSettings(),
) -> list[str]:
    """Header labels of the grid's columns no field took that hold points beside the maximum
    column (see the module's docstring); empty when the maximum is not mapped. ``explained``: the
    columns another reader of the table knew for what they are (an earlier year's points, their
    change, a plan's target, the points deducted): read as context, not left unread."""
    if "max" not in columns:
        return []
    ocr = joined.source.startswith("ocr")
    labels = joined.header_text
    taken = {c for col in columns.values() for c in joined.columns_of(col)}
    taken_figures = {
        key: [_figure(joined.cell_text(row, columns[key]), ocr) for row in joined.rows]
        for key in _POINTS_KEYS
        if key in columns
    }
    maxima = taken_figures["max"]
    scored = [i for i, m in enumerate(maxima) if m is not None]
    if len(scored) < settings.min_rows:
        return []
    found = []
    for col, label in enumerate(labels):
        spanned = bool(joined.owners) and joined.owners[col] != col  # (a column its header's owner spans)
        if col in taken or col in explained or spanned or _names_numbering(label):
            continue
        cells = [joined.rows[i].cells[col] if col < len(joined.rows[i].cells) else "" for i in scored]
        if any(_signed(c) for c in cells):
            continue  # a difference between two scores, not a score
        if "code" in columns and _repeats_codes(
            cells, [joined.cell_text(joined.rows[i], columns["code"]) for i in scored], settings.under_max_share
        ):
            continue
        figures = [(_figure(c, ocr), maxima[i]) for c, i in zip(cells, scored)]
        printed = [(v, m) for v, m in figures if v is not None and m is not None]
        if len(printed) < settings.printed_share * len(scored):
            continue
        under = sum(v <= m + 1e-9 for v, m in printed)
        own = [_figure(c, ocr) for c in cells]
        if under >= settings.under_max_share * len(printed) and not _difference(own, scored, taken_figures, settings):
            found.append(" ".join(label.split()) or f"cột {col + 1}")
    return found


def _difference(
    figures: list[float | None], rows: list[int], taken: dict[str, list[float | None]], settings: UntakenColumnSettings
) -> bool:
    """Whether a column's figures are the gap between two points columns the table took (self
    and appraised points: a "chênh lệch" of zeros where they agree; maximum and self points: the
    points lost), on nearly every row: a column the sums explain is no score left unread."""
    keys = sorted(taken)
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            pairs = [(v, taken[a][r], taken[b][r]) for v, r in zip(figures, rows) if v is not None]
            known = [(v, x, y) for v, x, y in pairs if x is not None and y is not None]
            if known and sum(abs(abs(x - y) - v) < 0.005 for v, x, y in known) >= settings.under_max_share * len(pairs):
                return True
    return False


def flag_untaken(table: ScoreTable, labels: list[str]) -> ScoreTable:
    """The table with each row flagged for each untaken points column (its header named)."""
    for row in table.rows:
        for label in labels:
            flag = f"{UNTAKEN_FLAG}:{label}"
            if flag not in row.flags:
                row.flags.append(flag)
    return table


def untaken_labels(flags: list[str]) -> list[str]:
    """The headers named by a row's ``UNTAKEN_FLAG`` flags."""
    return [f.partition(":")[2] for f in flags if f.startswith(UNTAKEN_FLAG + ":")]
