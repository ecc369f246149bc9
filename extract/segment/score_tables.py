"""Score tables (criterion code / max points / self points / explanation).

Two ways in, one way out. Grid tables (DOCX, ruled PDFs and scans, TSV and markdown exports) are
joined across pages by ``table_join`` and recognised by their header; tables that reach us as
lines (OCR text dumps, OCR'd pages without ruling lines) are grouped into rows by
``score_lines``. Either way the rows become ``RowDraft``s, and the same steps finish them: the
code column is repaired as a whole (``normalize.code_repair``: shape, hierarchy, order), numbers are
parsed with their other readings, and every row gets flags and a confidence.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache, partial

from rapidfuzz import fuzz

from extract.model import IngestedDocument, Line
from extract.segment import deduction_points as deducted_points
from extract.segment.appraisal_rounds import final_rounds
from extract.segment.captions import CaptionSettings, printed_title
from extract.segment.column_blocks import flag_order_realigned, flag_points_unpaired
from extract.segment.column_contents import content_labels
from extract.segment.column_legend import legend_labels
from extract.segment.evidence_rows import evidence_in_names, evidence_rows_read
from extract.segment.field_heading import fields_joined, heading_field
from extract.segment.field_points_column import field_points_column, self_from_field_points
from extract.segment.field_points_lines import subtotals_dropped
from extract.segment.fields_across import fields_turned
from extract.segment.fraction_points import split_fraction_column
from extract.segment.glued_marks import split_glued_marks
from extract.segment.heading_points import points_from_headings
from extract.segment.headless_table import scoring_title
from extract.segment.joined import JoinedTable
from extract.segment.lettered_items import split_lettered_items
from extract.segment.lettered_lines import lettered_line_items
from extract.segment.level_columns import points_from_levels
from extract.segment.line_words import name_tokens
from extract.segment.marked_levels import CODE_DERIVED, mark_line, mark_line_rows
from extract.segment.max_in_name import max_column_from_names
from extract.segment.named_criteria import scored_lines
from extract.segment.named_drafts import repair_named
from extract.segment.pasted_rows import PastedRowSettings, split_pasted_rows
from extract.segment.period_points import keep_periods, period_columns
from extract.segment.points_by_level import points_by_level
from extract.segment.points_cells import max_range, parse_total, read_max_points, read_points
from extract.segment.points_none import MARKED_NONE, none_said
from extract.segment.points_words import POINTS_MARKS, share_label, share_value
from extract.segment.round_lines import final_rounds as final_line_rounds
from extract.segment.scale_lines import ScaleSettings, split_scale
from extract.segment.score_adjustments import adjustments_under
from extract.segment.score_grid_drafts import POINTS_KEYS, grid_drafts
from extract.segment.score_lines import LineTableSettings, RowDraft, find_line_tables
from extract.segment.score_readings import doubted_score, later_readings, resolve_lost_commas
from extract.segment.self_subcolumns import self_total_column
from extract.segment.side_names import names_side_by_side
from extract.segment.stat_period_parts import names_period_only
from extract.segment.stat_unit_parts import is_unit_label
from extract.segment.table_join import join_tables, lines_before
from extract.segment.task_unit_matrix import points_in_matrix
from extract.segment.total_apart import TotalApartSettings, total_apart
from extract.segment.untaken_columns import flag_untaken, untaken_points_columns
from extract.segment.verdict_columns import without_verdicts
from normalize.code_repair import CodeChoice, oversized_rows, parent_rows, repair_codes
from normalize.codes import (
    CodeSettings,
    format_codes,
)
from normalize.numbers import lost_decimal_readings
from normalize.text import fold
from normalize.vietnamese import document_damage_class, repair_gathered
from schemas.records import (
    SCALE_FIGURE_FLAG,
    ScoreRow,
    ScoreTable,
    SourceRef,
    UnreadPart,
    later_cells_flag,
    unsure_flag,
)


@dataclass(frozen=True)
class ScoreTableSettings:
    lines: LineTableSettings = LineTableSettings()
    codes: CodeSettings = CodeSettings(items_mark_parts=True)  # a score table's items are its parts' sections'
    # A code printed in typed text is read exactly: in a typed grid, replacing it by one inferred
    # from the rows' order costs this much (more than any run of skipped numbers, "1." then "5."
    # in an excerpt of fields), so inference is left to rows that print no readable code.
    typed_inferred_cost: float = 10.0
    scale: ScaleSettings = ScaleSettings()
    # A grid's title: the upper-case lines printed just above it (extract/segment/captions.py).
    caption: CaptionSettings = CaptionSettings()
    pasted: PastedRowSettings = PastedRowSettings()  # criteria pasted several to a row, one a line
    apart: TotalApartSettings = TotalApartSettings()  # a grid's totals row printed under it, apart
    # Similarity (0..100) of a header cell to a column's name.
    header_similarity: float = 80.0
    # A label this short or shorter is an abbreviation matched whole, never as a piece of a longer
    # name: an annex's "KH | TH" (plan, result) are no "khung điểm" and "thang điểm".
    whole_label_chars: int = 2
    # Confidence of a row read from typed text / OCR, before penalties.
    typed_confidence: float = 1.0
    ocr_confidence: float = 0.92
    inferred_penalty: float = 0.35
    repaired_penalty: float = 0.15
    ambiguous_penalty: float = 0.2
    missing_number_penalty: float = 0.1
    # A points cell marked "-" / "x": no number, but the document said so on purpose.
    none_mark_penalty: float = 0.05
    # OCR'd points cells read with a Tesseract confidence under ``ocr_number_doubt`` (or holding ink
    # OCR could not read) are flagged one by one (``unsure_flag``); the value confidence caps each
    # such cell (``ConfidenceSettings.unsure_cell``), under the review threshold: on the scan/photo
    # corpus every misread number seen had 0.0–0.55 ("5,5" for 7,5 at 0.55, "E)" for 5 at 0.0) and
    # the right ones 0.79–0.97 (issue 11).
    ocr_number_doubt: float = 0.7
    # A score cell OCR printed as a letter alone, read as the digit it looks like ("14,5 i | 13":
    # "i" for 1, where 13 was printed), is as unsure as a cell read at this confidence: no digit
    # of it was printed. (Maxima are the set's to check; the scores, only a sum's.)
    letter_cell_conf: float = 0.5
    # No criterion is worth more than a whole index: a points cell read above this is no points
    # figure ("| 3075" from a photo's ruling line beside "10,75" read as 13075) but a cell not read.
    points_ceiling: float = 100.0
    # A table read from lines is a score table only when its numbers behave as points: of its rows
    # with self (or appraised) points beside max points, at least this share keep them at most the
    # max (a task table's numbers, criterion codes "1.2" and dates, fill one column, or none in order).
    ordered_points_share: float = 0.5


_COLUMN_NAMES = {
    "code": ("stt", "tt", "so tt", "so thu tu", "ma"),
    "name": (
        "linh vuc tieu chi",
        "tieu chi",
        "linh vuc",
        "noi dung tieu chi",
        "tieu chi thanh phan",
        "noi dung danh gia",
    ),
    "max": ("diem toi da", "toi da", "diem chuan", "thang diem", "khung diem", "diem quy dinh"),
    "self": ("diem tu danh gia", "tu danh gia", "tu cham", "diem tu cham", "diem danh gia", "diem dat", "diem con lai"),
    # Points the appraising office gave (Sở/Phòng Nội vụ), beside the commune's own: never self points.
    "appraised": ("diem tham dinh", "tham dinh", "ket qua tham dinh", "noi vu cham", "diem noi vu"),
    "explanation": ("noi dung giai trinh", "giai trinh", "kiem chung", "ghi chu"),  # (tài liệu / văn bản kiểm chứng)
    # How the points are given, in a column of its own (as the provincial decisions print it).
    "scale": ("cach tinh diem", "phuong phap cham diem", "huong dan cham diem", "cach cham diem"),
}
# Words of a scale column's label: such a column is never a points column ("chấm điểm").
_SCALE_MARKS = ("cach tinh", "phuong phap", "huong dan", "cach cham")
_FIELD_OF = {"max": "max_points", "self": "self_points", "appraised": "appraised_points"}
# ``ScoreTable.read_from`` of a table whose rows we split from lines of text (no grid).
LINES = "lines"


@dataclass
class ScoreTablesRead:
    """The score tables read, and the tables read from lines that were set aside because their
    numbers do not behave as points (none at all, or no pair in order, no sum): a plan's task
    lines, or a score table whose numbers OCR lost or garbled, for ``unread`` to tell apart."""

    tables: list[ScoreTable]
    set_aside: list[ScoreTable]
    # Rows of criteria pasted several to a row whose cells' lines could not be matched (``pasted_rows``).
    unread: list[UnreadPart] = field(default_factory=list)


def find_score_tables(doc: IngestedDocument, settings: ScoreTableSettings = ScoreTableSettings()) -> list[ScoreTable]:
    return read_score_tables(doc, settings).tables


def read_score_tables(
    doc: IngestedDocument, settings: ScoreTableSettings = ScoreTableSettings(), joins: list[JoinedTable] | None = None
) -> ScoreTablesRead:
    tables: list[ScoreTable] = []
    set_aside: list[ScoreTable] = []
    unread: list[UnreadPart] = []
    grids: list[tuple[ScoreTable, bool]] = []  # each grid's table, and whether a heading gave its field row
    damage = cache(partial(document_damage_class, doc))  # read when a name needs it
    blocks = cache(lambda: list(doc.blocks()))
    titled = cache(lambda: any(map(scoring_title, doc.lines())))  # (a header whose points labels OCR lost)
    remap = partial(map_columns, settings=settings)
    joins = join_tables(doc) if joins is None else joins  # (the document's tables joined across pages)
    # ("Điểm tự chấm" over "Lĩnh vực | Tiêu chí | Tiêu chí thành phần": one points column, a figure a level)
    # ("1. Công tác … | 2. … | Tổng cộng" over "Điểm tối đa" / "Điểm tự chấm": a summary turned over)
    staired = (points_by_level(fields_turned(j, remap)) for j in joins)
    for joined in (max_column_from_names(split_fraction_column(j, remap), remap) for j in staired):
        caption = partial(lambda j: printed_title(lines_before(doc, j, settings.caption.lines_above)), joined)
        periods = period_columns(joined.header_text, caption)  # "Năm 2023 | Năm 2024": the evaluation's is self
        field_points = field_points_column(periods.labels)  # "Điểm lĩnh vực" merged over a field: its figure
        columns = without_verdicts(joined, map_columns(field_points.labels, settings), remap)  # ticks: no points
        if columns is None:  # a header of column numbers: named by its legend, or by what they hold
            named = legend_labels(doc, joined) or content_labels(joined, titled())
            columns = map_columns(named, settings) if named else None
        if columns is None or points_in_matrix(joined, columns, POINTS_KEYS):  # (a plan's "CT"/"PH" marks)
            continue
        rounds = final_rounds(field_points.labels, columns, POINTS_KEYS)  # "Lần 1 | Lần 2": the final round's
        split_self = self_total_column(joined, rounds.columns)  # "Điểm đạt | Điểm thưởng | Cộng": the sum's
        columns = split_self.columns
        joined = self_from_field_points(joined, columns, field_points)
        joined = names_side_by_side(joined, columns)  # "Tiêu chí | Tiêu chí thành phần": one name, two places
        levels = points_from_levels(joined, columns)  # "Hoàn thành tốt | Hoàn thành | …": points in the level's cell
        joined, columns = levels.joined, levels.columns
        deducted = deducted_points.deductions_read(joined, columns)  # "Điểm trừ": never the self points
        joined, columns = deducted.joined, deducted.columns
        pasted = split_pasted_rows(joined, columns, settings.pasted)  # "1.1 / 1.2 / 1.3" one a line in a row
        joined = split_lettered_items(pasted.joined, columns)  # "Kế hoạch … / a) … / b) …" with "3 / 1 / 2"
        joined, columns = evidence_rows_read(joined, columns)  # "Tài liệu kiểm chứng: …" a row under its criterion
        joined, columns = evidence_in_names(joined, columns)  # ... or the name cell's last lines
        joined = points_from_headings(joined, columns)  # "1. FIELD (tối đa 10 điểm, tự chấm 9 điểm)" across
        unread += pasted.unread
        drafts, total, closing, adjustments = grid_drafts(joined, columns)
        if total[:2] == (None, None):  # its totals row printed apart, under it: read, or told
            apart = total_apart(blocks(), joined, columns, settings.apart)
            total = (apart.figures.get("max"), apart.figures.get("self"), apart.confs) if apart.figures else total
            unread += apart.unread
        ocr = joined.source.startswith("ocr")
        above = lines_before(doc, joined, settings.caption.lines_above)
        title = printed_title(above, settings.caption)
        read = len(drafts)  # "1. FIELD" above its table, its points in the "Cộng" closing its rows
        drafts, total = heading_field(drafts, total, closing, title, ocr, above[-1] if above else None)
        table = finish_table(drafts, ocr=ocr, settings=settings, pages=joined.pages, damage=damage, title=title)
        table = deducted_points.self_from_verdicts(  # "Đạt": points
            deducted_points.deductions_told(table, deducted), settings.missing_number_penalty
        )
        keep_periods(table, joined, periods, columns.get("code"))  # last year's: context; the change: a check
        table.stated_total_max, table.stated_total_self = parse_total(total, ocr, table.rows)
        if ocr:  # how surely OCR read the figures it states, by the field each stands for
            printed = {"max": total[0], "self": total[1]}
            table.stated_total_confidence = {f"{k}_points": c for k, c in total[2].items() if printed[k] is not None}
        table.read_from = joined.source
        table.adjustments = adjustments or (adjustments_under(doc, joined) if total[:2] != (None, None) else [])
        explained = (
            periods.context | deducted.context | field_points.context | rounds.earlier | split_self.context
        )  # columns read as context: no points left unread
        table = flag_untaken(table, untaken_points_columns(joined, columns, explained))  # a points column unread: told
        if table.rows:
            grids.append((table, len(drafts) > read))
    tables += fields_joined(grids)  # a score table printed a field at a time is one table
    line_of: dict[int, list[Line]] = {}  # (a number two pages' lines may share: ``mark_line``)
    for line in doc.lines():
        line_of.setdefault(line.number, []).append(line)
    for found in map(deducted_points.lines_less_deductions, find_line_tables(doc, settings.lines)):
        found = subtotals_dropped(found)  # a field's points repeated beside its row: no appraisal
        found = final_line_rounds(found)  # two rounds of appraisal: the later one's
        found = lettered_line_items(found)  # a criterion's items: their figures a line each, in order
        found.rows = split_glued_marks(found.rows, line_of)  # a marked row the reader glued to the one above
        mark_line_rows(found.rows, [mark_line(d, line_of) for d in found.rows])  # no code printed: marks
        table = finish_table(
            found.rows, ocr=True, settings=settings, pages=found.pages, title=found.title, damage=damage
        )
        table = deducted_points.deductions_told_lines(table, found)
        table.stated_total_max, table.stated_total_self = parse_total(
            (found.stated_total_max, found.stated_total_self), True, table.rows
        )
        table.read_from = LINES
        # Lines read as rows with no points anywhere are a plan's headings and task lines (a
        # section heading "II. NHIỆM VỤ, GIẢI PHÁP …" and the sentence under it), not a score table;
        # nor are rows whose numbers do not behave as points (a task table's codes and dates).
        if found.order_realigned:
            flag_order_realigned(table)
        if found.points_told_unread:
            tables.append(flag_points_unpaired(table))
        elif any(_has_points(row) for row in table.rows) and scored_lines(
            table, found.header_points, settings.ordered_points_share
        ):
            tables.append(table)
        else:
            set_aside.append(table)
    return ScoreTablesRead(tables, set_aside, unread)


def _has_points(row: ScoreRow) -> bool:
    return any(v is not None for v in (row.max_points, row.self_points, row.appraised_points))


# ---------------------------------------------------------------- grid tables


def map_columns(labels: list[str], settings: ScoreTableSettings = ScoreTableSettings()) -> dict[str, int] | None:
    """Column index of each field, by header similarity; None when the header is not a score
    table's (it must name the max points and either self points or the criterion)."""
    scores = []
    shares = [col for col, label in enumerate(labels) if share_label(label)]
    for col, label in enumerate(labels):
        folded = " ".join(fold(label).replace("/", " ").replace(",", " ").split())
        if not folded or names_period_only(label) or share_label(label):
            continue  # ("6 tháng", "Quý I": an annex's period; "Tỷ lệ đạt (%)": a share; no points)
        if is_unit_label(label) and "diem" not in folded.split():
            continue  # ("Chia theo thôn, tổ dân phố | Thôn 4": a hamlet's figures, no points; "tổ dân" ~ "tối đa")
        marked = {key for key, marks in POINTS_MARKS.items() if any(m in folded for m in marks)}
        scale_label = any(m in folded for m in _SCALE_MARKS)
        for key, names in _COLUMN_NAMES.items():
            if key in POINTS_KEYS and ((marked and key not in marked) or scale_label):
                continue
            best = max(
                fuzz.ratio(folded, n)
                if len(n) <= 3 or len(folded) <= settings.whole_label_chars
                else fuzz.partial_ratio(n, folded)
                for n in names
            )
            if best >= settings.header_similarity:
                scores.append((best, key in marked, key, col))
    columns: dict[str, int] = {}
    for _best, _, key, col in sorted(scores, reverse=True):
        if key not in columns and col not in columns.values():
            columns[key] = col
    if "max" not in columns and "self" in columns:
        columns = _bare_max(labels, columns)
    if "max" not in columns or not ({"self", "name"} & set(columns)):
        return None
    if "code" not in columns and 0 not in columns.values():
        columns["code"] = 0
    if len(shares) == 1:  # the self points' share of the maximum: checked against them, never points
        columns["share"] = shares[0]
    return columns


def _bare_max(labels: list[str], columns: dict[str, int]) -> dict[str, int]:
    """The columns with the maximum's found where its label lost its qualifying word ("Thang |
    điểm" read "điểm" on a photo): the one column labelled "điểm" alone before the self points'
    column, as a score table prints the maximum before the points given against it. (A bare "điểm"
    is in every points label, so the similarity above may have given it to another field, a scale
    column's "cách tính điểm": it is the maximum's.)"""
    named = {columns[k] for k in ("code", "name") if k in columns}
    bare = [
        col
        for col, label in enumerate(labels[: columns["self"]])
        if " ".join(fold(label).split()) == "diem" and col not in named
    ]
    if len(bare) != 1:
        return columns
    return {**{k: c for k, c in columns.items() if c != bare[0]}, "max": bare[0]}


# ---------------------------------------------------------------- from drafts to rows


def finish_table(
    drafts: list[RowDraft],
    ocr: bool,
    settings: ScoreTableSettings = ScoreTableSettings(),
    pages: list[int] | None = None,
    title: str = "",
    damage: Callable[[], str] | None = None,
) -> ScoreTable:
    """Codes repaired over the whole column, stray fragments folded into their row, numbers
    parsed with their alternatives, flags and confidence set. ``damage``: the document's damage
    class as the repair stage saw it (``document_damage_class``, asked when needed); with it, an OCR'd row's name
    the repair changed is repaired again as one text (``repair_gathered``)."""
    max_points = [read_max_points(d.max_raw, ocr) for d in drafts]
    typed = replace(settings.codes, inferred=settings.typed_inferred_cost, clean_over_sums=True)
    codes = settings.codes if ocr else typed
    maxima = [max_range(d.max_raw, value, ocr) for d, value in zip(drafts, max_points)]
    tokens, parents, oversized = [d.code for d in drafts], parent_rows(max_points), oversized_rows(maxima)
    # (an OCR'd draft with a code and no figures may be a fragment of the row above, unless it is
    # named as a criterion and keeps its code: ``named_drafts``)
    choices = repair_named(drafts, ocr, lambda absorbable: repair_codes(tokens, absorbable, codes, parents, oversized))
    kept: list[tuple[RowDraft, CodeChoice]] = []
    for draft, choice in zip(drafts, choices):
        if choice.absorbed and kept:
            above = kept[-1][0]
            above.name += draft.name
            above.explanation += draft.explanation
            above.scale += draft.scale
            above.line_end = max(above.line_end, draft.line_end)
            continue
        kept.append((draft, choice))
    labels = format_codes([c.code for _, c in kept])
    by_code = {c.code: label for (_, c), label in zip(kept, labels)}
    rows = []
    for (draft, choice), label in zip(kept, labels):
        parent = choice.code.parent() if choice.code else None
        rows.append(_score_row(draft, choice, label, by_code.get(parent) if parent else None, ocr, settings, damage))
    if ocr:
        resolve_lost_commas(rows)
    _flag_missing_appraised(rows, settings)
    _flag_implausible_numbers(rows, settings)
    pages = pages or sorted({r.source.page for r in rows if r.source.page is not None})
    return ScoreTable(title=title, pages=list(pages), rows=rows)


def _score_row(
    draft: RowDraft,
    choice,
    label: str | None,
    parent: str | None,
    ocr: bool,
    settings: ScoreTableSettings,
    damage: Callable[[], str] | None = None,
) -> ScoreRow:
    flags: list[str] = []
    confidence = settings.ocr_confidence if ocr else settings.typed_confidence
    if draft.code_derived:
        flags.append(CODE_DERIVED)  # no code printed: the name's mark gave it
        # (read from OCR'd lines, a row lost shifts the rows after it: their place is as unsure as a
        # repaired code's; a grid's rows are its cells, none lost unseen)
        confidence -= settings.repaired_penalty if draft.started_by != "grid" else 0.0
    if choice.inferred:
        flags.append("code_inferred")
        confidence -= settings.inferred_penalty
    elif choice.repaired:
        flags.append("code_repaired")
        confidence -= settings.repaired_penalty
    values = {}
    for key, raw in (("max", draft.max_raw), ("self", draft.self_raw), ("appraised", draft.appraised_raw)):
        value = read_max_points(raw, ocr) if key == "max" else read_points(raw, ocr)
        values[key] = value if value is None or value <= settings.points_ceiling else None
        if values[key] is not None:
            continue
        said = none_said(raw, " ".join(t for t, _ in draft.explanation) if key == "self" else "")  # (points_none)
        if said is not None:
            flags.append(f"{key}_{said}")
            confidence -= settings.none_mark_penalty if said == MARKED_NONE else 0.0
        elif key != "appraised" and key not in draft.seen_blank:
            # (most tables have no appraised column: its blank says nothing; a cell seen printed
            # blank lost nothing)
            flags.append(f"missing_{key}")
            confidence -= settings.missing_number_penalty
    if draft.joined_across_page:
        flags.append("joined_across_page")
    if ocr and draft.later_raws:
        flags.append(later_cells_flag(draft.later_raws))
    if ocr and draft.scale_figure:
        flags.append(SCALE_FIGURE_FLAG)
    if draft.confs:
        mean = sum(draft.confs) / len(draft.confs)
        confidence *= min(1.0, 0.5 + mean)
    unsure = {k: c for k, c in draft.number_confs.items() if ocr and c < settings.ocr_number_doubt}
    for key, raw in (("self", draft.self_raw), ("appraised", draft.appraised_raw)):
        # (a letter glued to its digits, "s10" or "8V", may be a digit OCR garbled: as unsure)
        if ocr and values[key] is not None and raw and doubted_score(raw, values, key):
            unsure[key] = min(unsure.get(key, 1.0), settings.letter_cell_conf)
    for key in draft.specked if ocr else ():
        # (a bracket against the figure: OCR's mark inserted, or the figure's own ink split off)
        if values[key] is not None:
            unsure[key] = min(unsure.get(key, 1.0), settings.letter_cell_conf)
    if unsure:
        # The row is flagged as before; its confidence is not capped: each unsure cell carries its
        # own flag and OCR confidence (``unsure_flag``), which the value confidence weighs for that
        # cell alone (``cchc_extract/reconcile/confidence``).
        flags.append("number_unsure")
        flags.extend(unsure_flag(_FIELD_OF[k], c) for k, c in unsure.items())
    tokens = draft.name
    if ocr and not split_scale(" ".join(t for t, _ in tokens), settings.scale)[1]:
        # OCR's specks of the cells around a name (the STT cell's, the points cells'); typed text
        # prints none, and a scale's last line ends in its points ("Không ban hành: 0").
        tokens = name_tokens(tokens)
    name, scale = split_scale(" ".join(t for t, _ in tokens), settings.scale)
    name_raw = (
        split_scale(" ".join(r for _, r in tokens), settings.scale)[0] if scale else " ".join(r for _, r in tokens)
    )
    scale = draft.scale + scale  # a scale column's lines, then any printed under the name
    if ocr and damage is not None and name != name_raw:
        # The repair read each printed line on its own: the name's words are read again together.
        name = repair_gathered(name_raw, damage())
    row = ScoreRow(
        code=label,
        code_raw=draft.code,
        level=choice.code.level if choice.code else 0,
        parent=parent,
        name=name,
        name_raw=name_raw,
        max_points=values["max"],
        self_points=values["self"],
        max_points_raw=draft.max_raw,
        self_points_raw=draft.self_raw,
        appraised_points=values["appraised"],
        appraised_points_raw=draft.appraised_raw,
        share_percent=share_value(draft.share_raw),
        share_percent_raw=draft.share_raw,
        explanation=" ".join(t for t, _ in draft.explanation),
        scale=scale,
        confidence=round(max(0.0, min(1.0, confidence)), 3),
        flags=flags,
        source=SourceRef(page=draft.page, line_start=draft.line_start, line_end=draft.line_end, bbox=draft.bbox),
    )
    if ocr and draft.later_raws:
        later_readings(row, draft.later_raws, draft.split_decimal, settings.letter_cell_conf)
    return row


def _flag_missing_appraised(rows: list[ScoreRow], settings: ScoreTableSettings) -> None:
    """In a table that has an appraised column (some row fills it), a row with points and a blank
    appraised cell lost it (OCR, a misread layout) as likely as the appraisers left it blank: it
    is flagged like a blank max or self cell, for review. A row whose appraised cell printed
    characters that gave no number ("ˆ", "a}") shows the column as well as one that filled it."""
    if not any(r.appraised_points is not None or (r.appraised_points_raw or "").strip() for r in rows):
        return
    for row in rows:
        if row.appraised_points is None and (row.max_points is not None or row.self_points is not None):
            row.flags.append("missing_appraised")
            row.confidence = round(max(0.0, row.confidence - settings.missing_number_penalty), 3)


def _flag_implausible_numbers(rows: list[ScoreRow], settings: ScoreTableSettings) -> None:
    """A value that breaks the table's own bounds (self above max, a child's max above its
    parent's) most likely lost its decimal point: its separator-restored readings go to
    ``alternatives`` and the row is flagged for the reconcile stage to choose."""
    max_by_code = {r.code: r.max_points for r in rows if r.code}
    for row in rows:
        parent_max = max_by_code.get(row.parent) if row.parent else None
        if row.max_points is not None and parent_max is not None and row.max_points > parent_max:
            _add_alternatives(row, "max_points", row.max_points_raw, parent_max, settings)
        upper = (
            row.max_points
            if row.max_points is not None and "max_points" not in row.alternatives
            else (min(row.alternatives["max_points"]) if row.alternatives.get("max_points") else None)
        )
        if row.self_points is not None and upper is not None and row.self_points > upper:
            _add_alternatives(row, "self_points", row.self_points_raw, max(upper, row.max_points or 0), settings)


def _add_alternatives(row: ScoreRow, key: str, raw: str | None, upper: float, settings: ScoreTableSettings) -> None:
    readings = lost_decimal_readings(raw or "", upper=upper)
    if not readings:
        return
    row.alternatives[key] = readings
    if "ambiguous_number" not in row.flags:
        row.flags.append("ambiguous_number")
        row.confidence = round(max(0.0, row.confidence - settings.ambiguous_penalty), 3)
