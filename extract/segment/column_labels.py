"""A table's row of column labels, told by its labels as a whole rather than by its first cell.

A scan's header row may open with a cell OCR misread as an item's code: "7 | Chỉ tiêu | Đơn vị
tính | Kết quả | Ghi chú", the "STT" read as "7". A row that opens with a code starts the table's
items, so that header was taken for the first row, the table had no header, and nothing
recognised it as an annex: all its rows went unread. The other cells still name the columns;
those labels (fuzzy-matched, OCR drops letters of a short label) decide, whatever the first cell
holds.

The annex form's column words live here (``ANNEX_ROLE_WORDS``) so the table joiner and the annex
reader (``statistics``) use one vocabulary; a score table's labels are ``line_header``'s concepts."""

from __future__ import annotations

from dataclasses import dataclass

from extract.segment.line_header import header_concepts, names_phrase
from extract.segment.task_header import header_labels
from normalize.lazy_regex import lazy_compile
from normalize.text import fold_words

# Column roles of an annex by header words, most specific first: "Kết quả thống kê / Đơn vị
# tính" is a unit.
ANNEX_ROLE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("unit", ("don vi tinh", "dvt", "don vi do", "don vi")),
    ("note", ("ghi chu",)),
    ("value", ("so lieu", "gia tri", "ket qua thuc hien", "thuc hien", "ket qua", "so luong")),
    ("code", ("stt", "tt", "ma so", "ma chi tieu")),
    ("indicator", ("chi tieu", "noi dung", "ten chi tieu", "tieu chi")),
)

# The columns of an annex counting files per procedure ("Tên thủ tục hành chính | Số hồ sơ tiếp
# nhận | Số hồ sơ đã giải quyết | Giải quyết đúng hạn | … quá hạn"): none is an annex role's word,
# so a scan's header whose "STT" OCR read as a figure ("51") had no label the row test knew, was
# taken for the first row, and the table went unread. Each names a column of its own.
FILE_COUNT_COLUMN_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("files received", ("tiep nhan",)),
    ("files settled", ("da giai quyet",)),
    ("on time", ("dung han",)),
    ("late", ("qua han",)),
)

# The procedure's column names it in its first words ("Tên thủ tục hành chính", "Thủ tục hành
# chính"); a task's name mentions procedures after its verb ("Rà soát thủ tục hành chính của xã"),
# so a row of a plan's task grid is no header for holding those words.
_PROCEDURE_COLUMN = lazy_compile(r"^(?:ten\s+)?thu\s+tuc\b")

# A period's column ("Năm 2021", "Kế hoạch năm 2014", "Quý II/2024"): a plan's targets by year,
# an annex's plan beside its result.
_PERIOD_LABEL = lazy_compile(r"\b(?:nam|quy|thang|giai doan)\s+(?:[ivx]{1,3}\s+)?(?:19|20)\d\d\b")


@dataclass(frozen=True)
class LabelRowSettings:
    # Cells after the first that name a column, and distinct columns named, for a row to be the
    # header's: one label alone is a data row's words ("Số lượng" opening an indicator).
    min_labels: int = 2
    min_concepts: int = 2
    # A column label is a few words ("Lĩnh vực/Tiêu chí/Tiêu chí thành phần"); an indicator's or
    # a criterion's wording is longer.
    max_label_words: int = 8
    # Cells after the first that name no column, per cell that does, at most: a label of no
    # vocabulary ("Số điểm", "Chỉ số") or one OCR garbled past matching.
    max_unnamed_share: float = 1.0


def cell_concepts(text: str, settings: LabelRowSettings = LabelRowSettings()) -> set[str]:
    """The columns a cell's words name as a label: an annex's roles, a score table's concepts, a
    task framework's columns, a period. Empty for a cell longer than a label."""
    folded = fold_words(text)
    if not folded or len(folded.split()) > settings.max_label_words:
        return set()
    annex = {
        role
        for role, phrases in (*ANNEX_ROLE_WORDS, *FILE_COUNT_COLUMN_WORDS)
        if any(names_phrase(p, folded) for p in phrases)
    } | ({"procedure"} if _PROCEDURE_COLUMN.match(folded) else set())
    tasks = {f"task {kind}" for kind, _ in header_labels(text) or [] if kind != "code"}
    period = {"period"} if _PERIOD_LABEL.search(folded) else set()
    return annex | header_concepts(text) | tasks | period


def labels_columns(row: list[str], settings: LabelRowSettings = LabelRowSettings()) -> bool:
    """Whether the row's cells after the first read as the header's labels: several of them name
    columns, two columns at least, and no fewer than those that name none. The first cell is left
    out: it is the one OCR turns into a code ("7" for "STT") or loses."""
    filled = [c for c in row[1:] if c.strip()]
    named = [cell_concepts(c, settings) for c in filled]
    labels = sum(1 for n in named if n)
    concepts = set().union(*named) if named else set()
    unnamed = len(filled) - labels
    return (
        labels >= settings.min_labels
        and len(concepts) >= settings.min_concepts
        and unnamed <= settings.max_unnamed_share * labels
    )


# A cell OCR read for a short label ("5" for "STT", "1" for "TT"): a figure of a digit or two.
_LABEL_AS_FIGURE = lazy_compile(r"^\s*\d{1,2}\s*$")


def labels_around_figure(row: list[str], settings: LabelRowSettings = LabelRowSettings()) -> bool:
    """Whether the row reads as the header's labels once its one short figure is left out,
    wherever that figure stands: the number column's "STT" OCR read as "5" is not always the
    first cell (a field column may stand before it). A row with two figures or more is data."""
    figures = [c for c, text in enumerate(row) if _LABEL_AS_FIGURE.match(text)]
    if len(figures) != 1:
        return False
    return labels_columns(["", *(text for c, text in enumerate(row) if c != figures[0])], settings)
