"""A score table's grid rows as drafts: each row's code (printed, per level column, or derived from
the name's marks), name, points cells and their OCR confidence; the total rows, field subtotals and
bonus/penalty rows under the total told apart from the criteria (``score_tables`` finishes them)."""

from __future__ import annotations

from extract.model import BLANK_SEEN
from extract.segment.carry_lines import is_carry_line
from extract.segment.field_column import lead_text, spanning_title
from extract.segment.field_subtotals import close_field, open_field, subtotal_number
from extract.segment.grid_codes import code_in_own_column, compact_code, split_code
from extract.segment.joined import JoinedTable, row_bbox
from extract.segment.level_codes import item_token, level_code, level_columns
from extract.segment.marked_levels import codes_from_marks
from extract.segment.points_cells import points_cell, points_then_words, read_max_points
from extract.segment.scale_lines import name_cell_scale, scale_items
from extract.segment.score_adjustments import ScoreAdjustment, adjustment, adjustment_kind
from extract.segment.score_lines import RowDraft
from normalize.codes import column_code_words, parse_code
from normalize.lazy_regex import lazy_compile
from normalize.text import fold

POINTS_KEYS = ("max", "self", "appraised")
# Totals and subtotals ("Tổng cộng", "Tổng số điểm", "Cộng (I+II)", "Cộng phần I"; a field's own
# table closed by "Cộng lĩnh vực", "Cộng điểm lĩnh vực 2", "Tổng điểm lĩnh vực"): not criteria.
TOTAL_ROW = lazy_compile(
    r"^(?P<word>tong|cong)(\s+(cong|so|diem|so diem|diem so))*\s*(?P<field>linh vuc)?\s*[:.]?\s*"
    r"(?P<parts>[(\[]?\s*(phan\s+)?[ivx]+(\s*[+,]\s*(phan\s+)?[ivx]+)*\s*[)\]]?)?\s*[:.]?"
    r"(\s+[\d.,]+)*\W*$"
)
# A letter OCR doubled: a capital's diacritic read as a second vowel ("TOÒNG ĐIỀÊM" for TỔNG ĐIỂM).
_DOUBLED = lazy_compile(r"([a-z])\1+")


def _seen_blank(row, columns) -> bool:
    """Whether the row's cells of a points column are all blank cells OCR saw printed blank."""
    cols = list(columns)
    return bool(cols) and all(
        c < len(row.confs) and row.confs[c] == BLANK_SEEN and not row.cells[c].strip() for c in cols
    )


def total_label(label: str) -> str:
    """A folded label as the total-row pattern reads it: specks ahead of it dropped, doubled
    letters made single (the words of a total row have none of their own)."""
    return _DOUBLED.sub(r"\1", label.lstrip(_SPECKS).lstrip())


# Marks a scan's specks are read as, ahead of a cell's first word.
_SPECKS = "`'‘’\"„“”.,:;_-~^*"
# A row heading a part of the table with no code of the hierarchy ("PHẦN A. ...", "Mục 2").
_PART_HEADING = lazy_compile(r"^(phan|muc)\s+([ivx]+|[a-e]|\d{1,2})\b")
# A lettered part spanning the table from its code cell, "A. CÁC TIÊU CHÍ ĐÁNH GIÁ" (as printed):
# the whole table's heading, no criterion (read as one, it became a field "1" with no points).
_LETTERED_PART = lazy_compile(r"^\s*[A-H]\.\s+\p{Lu}")


def grid_drafts(joined: JoinedTable, columns: dict[str, int]) -> tuple[list[RowDraft], tuple, tuple, list]:
    """The rows, the grand total, the first total row (the one closing the rows), and the bonus and
    penalty points printed under the total (``score_adjustments``)."""
    drafts: list[RowDraft] = []
    adjustments: list[ScoreAdjustment] = []
    totals: list[tuple[bool, tuple]] = []

    def cell(row, key: str) -> str:
        col = columns.get(key)
        return joined.cell_text(row, col) if col is not None and col < len(row.cells) else ""

    name_words = column_code_words([cell(row, "name") for row in joined.rows], opening=True)
    codes_in_names = _codes_in_names(joined, columns, cell, name_words)
    code_words = column_code_words([cell(row, "code") for row in joined.rows])
    levels = level_columns(joined, columns)  # "I" | "1" | "a": a code over a column per level
    derived = None if levels else _marked_codes(joined, columns, cell)  # no code printed: the names' marks
    ocr = joined.source.startswith("ocr")
    for index, row in enumerate(joined.rows):
        code = (levels and level_code(row, levels)) or item_token(compact_code(cell(row, "code"), code_words))
        name = cell(row, "name")
        if derived and derived[index]:
            code, name = derived[index]
        if not code and "name" in columns:
            code, name = code_in_own_column(joined, row, columns["name"]) or (code, name)
        if codes_in_names and not code:
            code, name = split_code(name, name_words)
        lead = lead_text(joined, row, columns)  # a field column of its own, merged down (``field_column``)
        code, name = spanning_title(cell(row, "code"), name, lead) or (code, name)
        self_text, self_said = _self_and_said(cell(row, "self"), "explanation" in columns, ocr)
        max_raw, self_raw = points_cell(cell(row, "max")), points_cell(self_text)
        appraised_raw = points_cell(cell(row, "appraised"))
        label = fold(name or code or lead)
        # Paper dust OCR'd as a mark before the label ("` Tổng cộng") does not make it a criterion.
        kind = adjustment_kind(name) if totals and not code else None
        if kind:  # "Điểm thưởng" under the total: the sum's adjustment, no criterion
            adjustments.append(adjustment(kind, name, [self_raw, max_raw, appraised_raw], cell(row, "explanation")))
            continue
        if not code and is_carry_line(total_label(label)):
            continue  # "Cộng chuyển trang", "Trang trước chuyển sang": a page's running sum, no row (carry_lines)
        subtotal, number = subtotal_number(total_label(label))  # "Cộng (1)" closing a field printing no points
        # (an OCR'd grid's codes lose their dots as a dump's do, "73" for "7.3": no field between)
        field = (
            open_field(drafts, number, specked=ocr, edge_specks=ocr)
            if subtotal and not (code and parse_code(code))
            else None
        )
        if field is not None:
            close_field(field, (max_raw, self_raw, _cell_confs(joined, row, columns, ("max", "self"))))
            continue
        total = TOTAL_ROW.match(total_label(label))
        if total and not (code and parse_code(code)):
            # A field's closing sum ("Cộng lĩnh vực") is no grand total, whatever its first word.
            parts = total.group("parts")
            grand = not total.group("field") and (total.group("word") == "tong" or not parts or "+" in parts)
            totals.append((grand, (max_raw, self_raw, _cell_confs(joined, row, columns, ("max", "self")))))
            continue
        scale = scale_items(cell(row, "scale"))
        unbulleted = name_cell_scale(joined, row, columns.get("name"), name)
        if unbulleted is not None:
            name, printed_scale = unbulleted
            scale += printed_scale
        tokens = [(t, t) for t in name.split()]
        explanation = [(t, t) for t in f"{cell(row, 'explanation')} {self_said}".split()]
        numberless = max_raw is None and self_raw is None and appraised_raw is None
        if numberless and not name.strip() and _LETTERED_PART.match(cell(row, "code")):
            continue  # a lettered part's heading spanning the table, outside the criteria's hierarchy
        if not code and numberless and (not drafts or _PART_HEADING.match(label)):
            continue  # a heading over the criteria, outside their hierarchy
        if not code and numberless:
            drafts[-1].name += tokens  # a row the grid split: text only, it continues the one above
            drafts[-1].explanation += explanation
            drafts[-1].scale += scale
            drafts[-1].line_end = row.line_end
            continue
        confs = [c for c in row.confs if c is not None]
        number_confs = _cell_confs(joined, row, columns, POINTS_KEYS)
        bbox = row_bbox(row)
        seen_blank = tuple(
            key for key in ("max", "self") if key in columns and _seen_blank(row, joined.columns_of(columns[key]))
        )
        drafts.append(
            RowDraft(
                code=code.split()[0] if code else None,
                name=tokens,
                explanation=explanation,
                max_raw=max_raw,
                self_raw=self_raw,
                appraised_raw=appraised_raw,
                share_raw=cell(row, "share").strip() or None,
                page=row.page,
                line_start=row.line_start,
                line_end=row.line_end,
                confs=confs,
                number_confs=number_confs,
                seen_blank=seen_blank,
                bbox=bbox,
                started_by="grid",
                code_derived=bool(derived and derived[index]),
                joined_across_page=row.joined_across_break,
                scale=scale,
            )
        )
    # The grand total ("Tổng cộng", "Cộng (I+II)") over part subtotals ("Cộng I"); the last one read.
    grand = [t for g, t in totals if g] or [t for _, t in totals]
    first = totals[0][1] if totals else (None, None, {})
    return drafts, grand[-1] if grand else (None, None, {}), first, adjustments


def _self_and_said(text: str, explanation_column: bool, ocr: bool) -> tuple[str, str]:
    """A self cell's points and the explanation written after them in the same cell, in a table
    with no explanation column ("1,5 - Đã ban hành …", ``points_then_words``); else the cell as it
    is and no words. (Read whole, such a cell was no figure: the row's self points lost.)"""
    split = None if explanation_column else points_then_words(text, ocr)
    return split or (text, "")


def _marked_codes(joined: JoinedTable, columns: dict[str, int], cell) -> list | None:
    """Codes derived from the name cells' marks and emphasis (``marked_levels``), for a table whose
    code column is missing or empty; None otherwise."""
    name_col = columns.get("name")
    if name_col is None or (columns.get("code", name_col) != name_col and any(cell(r, "code") for r in joined.rows)):
        return None
    bolds = [name_col < len(r.bold) and r.bold[name_col] for r in joined.rows]
    names = [cell(r, "name") for r in joined.rows]
    ocr = joined.source.startswith("ocr")
    maxima = [read_max_points(points_cell(cell(r, "max")), True) for r in joined.rows] if ocr else None
    return codes_from_marks(names, bolds, lambda n: bool(TOTAL_ROW.match(total_label(fold(n)))), ocr_maxima=maxima)


def _cell_confs(joined: JoinedTable, row, columns: dict[str, int], keys) -> dict[str, float]:
    """Each points cell's own OCR confidence (the least of its grid columns'), by field key: kept
    per cell, so that a number read unsurely casts doubt on that number, not on its row's others."""
    number_confs: dict[str, float] = {}
    for key in keys:
        grid_cols = joined.columns_of(columns[key]) if key in columns else []
        in_cell = [row.confs[c] for c in grid_cols if c < len(row.confs)]
        cell_confs = [c for c in in_cell if c is not None]
        if cell_confs:
            number_confs[key] = min(cell_confs)
    return number_confs


def _codes_in_names(joined: JoinedTable, columns: dict[str, int], cell, words: frozenset[str]) -> bool:
    """Whether the table prints each code inside the name cell ("1.1. Kế hoạch CCHC", after a word
    of ``words``: "LV1. Công tác …") rather than in a column of its own: more rows open their name
    with a code than fill the code column."""
    if "name" not in columns:
        return False
    in_names = sum(bool(split_code(cell(row, "name"), words)[0]) for row in joined.rows)
    in_column = sum(bool(cell(row, "code")) for row in joined.rows if columns.get("code") != columns["name"])
    return in_names > in_column
