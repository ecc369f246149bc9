"""The output records: what one converted document holds. ``schemas/cchc-output.v1.schema.json``
is the public contract; these dataclasses are its Python side, and ``to_dict`` / ``from_dict``
convert between the two."""

from __future__ import annotations

import copy
import dataclasses
import functools
import types
import typing
from dataclasses import dataclass, field
from typing import Any

from schemas.version import PIPELINE_VERSION

SCHEMA_VERSION = "1.0"


@dataclass
class SourceRef:
    """Where an item came from: page, source line range (text formats) and box (layout formats)."""

    page: int | None = None
    line_start: int | None = None
    line_end: int | None = None
    bbox: list[float] | None = None


# A points cell OCR read with a word confidence under its doubt threshold: the flag
# ``unsure_<field>:<confidence>`` on its row ("unsure_self_points:0.42"), one per such cell.
UNSURE_CELL_FLAG = "unsure_"


def unsure_flag(field_name: str, conf: float) -> str:
    return f"{UNSURE_CELL_FLAG}{field_name}:{conf:.2f}"


# The flag the segmenter leaves on a row for a points cell of each field it did not read (printed,
# not read: the sums may derive it), the contract between the segmenters that set it and the
# reconciliation that fills, queues and tells it.
MISSING_FLAG = {
    "max_points": "missing_max",
    "self_points": "missing_self",
    "appraised_points": "missing_appraised",  # flagged only in a table that has the column
    "value": "missing_value",  # an annex row's figure
}

# A row whose line printed one points number more than the cells read: the cells one number
# later, as printed, in the flag ``cells_one_later:<max>;<self>[;<appraised>]``, for the criteria
# set's maximum to choose between the two readings (``normalize.criteria.set_cells``).
LATER_CELLS_FLAG = "cells_one_later:"

# A row whose line opened its figures with a bulleted scale item's points ("+ Đạt yêu cầu: 1 T 1"),
# too few after them for every points column: the scale's figure was read as a cell, and which
# figure is which cell is a guess (``extract.segment.line_cells``; ``reconcile.printed_cells``).
SCALE_FIGURE_FLAG = "scale_figure_read"

# Annex rows of a table printed across (indicators as columns, ``extract.segment.stat_across``):
# codes given by column order (the table prints none), and a spanning header's figure printed
# under its "Tổng số" sub-column, which the table itself makes the total of the other sub-columns.
CODE_BY_COLUMN_FLAG = "code_by_column"
TOTAL_COLUMN_FLAG = "total_column"
# Annex rows read from the commune's own row of such a table printed a row per hamlet (or other
# unit of the commune) beside it (``extract.segment.stat_across_units``): the units' own figures
# were not read, and the flag says so.
UNITS_ROWS_FLAG = "units_rows_unread"


def later_cells_flag(raws: tuple[str, ...]) -> str:
    return LATER_CELLS_FLAG + ";".join(raws)


def later_cells(flags: list[str]) -> list[str]:
    """The cells one number later a row's flag holds, else []."""
    for flag in flags:
        if flag.startswith(LATER_CELLS_FLAG):
            return flag[len(LATER_CELLS_FLAG) :].split(";")
    return []


def unsure_conf(flags: list[str], field_name: str) -> float | None:
    """The OCR confidence of a row's cell ``field_name`` when it was read unsurely, else None."""
    prefix = f"{UNSURE_CELL_FLAG}{field_name}:"
    for flag in flags:
        if flag.startswith(prefix):
            return float(flag[len(prefix) :])
    return None


@dataclass
class ScoreRow:
    code: str | None
    code_raw: str | None = None
    level: int = 0  # 0 roman section, 1 "1", 2 "1.1", 3 "1.1.1"...
    parent: str | None = None
    name: str = ""
    name_raw: str = ""
    max_points: float | None = None
    self_points: float | None = None
    max_points_raw: str | None = None
    self_points_raw: str | None = None
    # Points the appraising body (the district/provincial Home Affairs office) gave, when the
    # table has that column; never taken for self points.
    appraised_points: float | None = None
    appraised_points_raw: str | None = None
    # The share a "Tỷ lệ đạt (%)" column prints beside the points (the self points over the
    # maximum, in per cent): never points, a check of them (``reconcile.share_of_max``).
    share_percent: float | None = None
    share_percent_raw: str | None = None
    explanation: str = ""
    # Scoring-scale lines printed in the criterion's cell ("Hoàn thành 100%: 1,5 điểm"), bullets
    # dropped: how the points are given, kept out of the name.
    scale: list[str] = field(default_factory=list)
    confidence: float = 1.0
    # Calibrated confidence of each numeric field, set by reconciliation from the evidence.
    value_confidence: dict[str, float] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)
    # Other readings of a numeric cell (OCR lost a decimal point: "35" may be 3.5), by field.
    alternatives: dict[str, list[float]] = field(default_factory=dict)
    source: SourceRef = field(default_factory=SourceRef)


@dataclass
class ScoreAdjustment:
    """Points a province adds to or takes from a score table's sum after its total row ("Điểm
    thưởng", "Điểm bị trừ") and the total they make ("Tổng điểm sau khi cộng, trừ"): no criteria,
    and not the stated total (``extract.segment.score_adjustments``)."""

    kind: str  # bonus | penalty | adjusted_total | counted_out_max (the maximum, criteria not scored taken out)
    label: str = ""
    # As printed, its sign dropped: a penalty printed "-1,5" or "1,5" is 1.5 points taken.
    points: float | None = None
    note: str = ""  # the reason printed beside it


@dataclass
class ScoreTable:
    title: str = ""
    pages: list[int] = field(default_factory=list)
    rows: list[ScoreRow] = field(default_factory=list)
    # The totals row as the document states it ("Tổng 100"), when it has one.
    stated_total_max: float | None = None
    stated_total_self: float | None = None
    # OCR's confidence in the totals row's figures, by field ("max_points", "self_points"), on a
    # scan's grid; empty when typed or not known. A total OCR read unsurely that its rows disagree
    # with is a reading to review (``misread``), not a fault to report to the commune.
    stated_total_confidence: dict[str, float] = field(default_factory=dict)
    # How its cells were read: the grid a reader found ("docx", "pdf-lines" ruling lines and
    # "pdf-text" text alignment on a PDF's text layer, "markdown", "html", "tsv", "portal" bar
    # cells of a text export, "ocr-lines" / "ocr-text" on a scan), "typed-columns" (lines typed at
    # tab stops or wide gaps under a header, their pieces put in its columns: a blank piece is lost
    # from the line, so no blank is sure) or "lines" (rows we split from lines of text ourselves:
    # an OCR dump, a scan without ruling). Whether a blank cell was
    # printed blank depends on it. "" in outputs written before it was recorded.
    read_from: str = ""
    # Bonus and penalty points and the adjusted total printed after the total row.
    adjustments: list[ScoreAdjustment] = field(default_factory=list)


@dataclass
class StatRow:
    code: str | None
    indicator: str = ""
    unit: str = ""
    value: float | None = None
    value_raw: str = ""
    allowed_values: dict[str, float] | None = None
    note: str = ""
    level: int = 0
    parent: str | None = None
    confidence: float = 1.0
    value_confidence: dict[str, float] = field(default_factory=dict)  # as ScoreRow's
    flags: list[str] = field(default_factory=list)
    source: SourceRef = field(default_factory=SourceRef)


@dataclass
class StatAnnex:
    annex: str = ""  # "Phụ lục 4"
    title: str = ""
    pages: list[int] = field(default_factory=list)
    rows: list[StatRow] = field(default_factory=list)
    # How its cells were read, as ``ScoreTable.read_from``: a grid, or "lines" (an annex of a text
    # page with no grid, read from its lines: ``extract/segment/stat_lines.py``).
    read_from: str = ""


@dataclass
class TaskRow:
    code: str | None = None  # TT / STT of the row
    section: str | None = None  # roman section the row sits under ("I"), or a heading's number ("2")
    section_title: str = ""  # that section's heading as printed, without its number
    criterion_code: str | None = None
    criterion: str = ""
    objective: str = ""
    task: str = ""
    activity: str = ""
    product: str = ""
    deadline: str = ""
    lead: str = ""
    coordinator: str = ""
    official: str = ""
    budget: str = ""
    # footnote markers taken off the cells' text ("Công an xã(*)" → lead "Công an xã", ["(*)"])
    footnotes: list[str] = field(default_factory=list)
    extra: dict[str, str] = field(default_factory=dict)  # columns with no field of their own
    confidence: float = 1.0
    flags: list[str] = field(default_factory=list)
    source: SourceRef = field(default_factory=SourceRef)


@dataclass
class TaskTable:
    title: str = ""
    pages: list[int] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    rows: list[TaskRow] = field(default_factory=list)
    form: str = "table"  # table | paragraphs (numbered paragraphs with labelled fields)


@dataclass
class ScoreStatement:
    kind: str = "criterion"  # criterion | group
    code: str | None = None  # "1.1" for a criterion, the group label ("a") for a group
    name: str = ""
    points: float | None = None
    max_points: float | None = None
    reason: str = ""
    group: str | None = None  # the group label a criterion sits under
    text: str = ""
    confidence: float = 1.0
    source: SourceRef = field(default_factory=SourceRef)


@dataclass
class Target:
    text: str = ""
    indicator: str = ""
    comparator: str = "="  # >= <= = > <
    value: float | None = None
    value_max: float | None = None  # a range's upper bound ("từ 60% đến 70%": value 60, value_max 70)
    unit: str = ""
    year: int | None = None
    section: str = ""
    confidence: float = 1.0
    source: SourceRef = field(default_factory=SourceRef)


@dataclass
class CountPart:
    label: str = ""
    value: float | None = None


@dataclass
class Count:
    text: str = ""
    label: str = ""
    total: float | None = None
    parts: list[CountPart] = field(default_factory=list)
    unit: str = ""
    # The parts are stated to make the whole ("gồm", a parenthetical list, labels that partition
    # it); "trong đó" may name only some, so parts short of such a total are not a fault.
    complete: bool = False
    # Why the parts' sum cannot be checked (a part in another unit, a part with two figures).
    doubt: str | None = None
    confidence: float = 1.0
    source: SourceRef = field(default_factory=SourceRef)


@dataclass
class Check:
    id: str
    # sum_children, sum_self, self_le_max, appraised_le_max, section_total, stated_total, ratio, allowed_code, ...
    kind: str
    table: str | None = None
    code: str | None = None
    field: str | None = None
    expected: float | str | None = None
    actual: float | str | None = None
    tolerance: float | None = None
    status: str = "ok"  # ok | mismatch | misread | repaired | skipped | incomplete (we did not read all the rows)
    message: str = ""


@dataclass
class ReviewItem:
    item: str  # JSON pointer of the reviewed item, e.g. "/score_tables/0/rows/12"
    field: str | None = None
    table: str | None = None
    code: str | None = None
    page: int | None = None
    raw: str | None = None
    value: float | str | None = None
    reason: str = ""
    confidence: float | None = None
    # Other values the raw text could mean that make a failed relation hold (status misread).
    alternatives: list[float] = dataclasses.field(default_factory=list)


# One cell is one review entry: a second reason for a cell already in the queue (a low confidence
# and the row's inferred code; a failed sum and a low confidence) joins the entry's ``reason`` on a
# line of its own, so a person looks once and the queue counts the cell once.
REASONS_SEPARATOR = "\n"


def reasons_of(item: ReviewItem | dict) -> list[str]:
    """The reasons a review entry gives, one per line of its ``reason``."""
    text = item.get("reason") if isinstance(item, dict) else item.reason
    return [r for r in str(text or "").split(REASONS_SEPARATOR) if r] or [""]


# The reason of the unread part that is a table's totals row whose figures OCR garbled: the
# segmenter tells it, reconcile names its table in the queue (the stated total is unchecked).
LOST_TOTAL_REASON = (
    "the table's total row was printed but its figures were not read (garbled by OCR): "
    "the stated total cannot be checked against the rows"
)


@dataclass
class UnreadPart:
    """A part of the document that gave no data and is not layout: a table not recognised or not
    read, a page with no usable text, a run of rows that could not be placed. It is said, never
    dropped: each one is also told in the review queue, by an entry of its own, on the entries of
    the cells it names (``queue_once``), or in the one entry of its run of lines of OCR'd text
    (``queue_runs``)."""

    page: int | None
    kind: str  # table | page | rows
    reason: str
    text_sample: str = ""
    page_end: int | None = None
    bbox: list[float] | None = None
    line_start: int | None = None
    line_end: int | None = None


@dataclass
class Correction:
    item: str
    field: str
    old: Any = None
    new: Any = None
    source: str = ""  # the review file it came from
    applied_at: str = ""


@dataclass
class ErrorRecord:
    stage: str  # ingest | repair | segment | reconcile | validate | emit | warning (the file was read anyway)
    message: str


@dataclass
class DocumentMeta:
    number: str | None = None  # "86/BC-UBND"
    kind: str | None = None  # BC, KH, QĐ...
    kind_name: str | None = None  # "Báo cáo"
    title: str | None = None
    issuer: str | None = None  # "UBND xã Ngọc Kỳ"
    commune: str | None = None  # "Ngọc Kỳ"
    place: str | None = None
    date: str | None = None  # ISO 8601
    period: str | None = None
    year: int | None = None
    signer: str | None = None


@dataclass
class SourceInfo:
    path: str = ""
    sha256: str = ""
    format: str = ""
    pages: int = 0
    method: str = ""
    encoding: str | None = None
    # What the repair stage took the text as written for: "ocr" (OCR's confusions: a dump),
    # "stripped" (diacritics lost) or "" (clean, or not judged).
    text_damage: str = ""
    # Whether the characters came from OCR (a scan, a photo, or a text dump: its words, its
    # numbers' confusions or its layout's marks say so), judged once when the score tables are
    # read; the one answer to "read by OCR?" for every later stage. None: not judged.
    read_by_ocr: bool | None = None


@dataclass
class ExtractionResult:
    schema_version: str = SCHEMA_VERSION
    pipeline_version: str = PIPELINE_VERSION
    source: SourceInfo = field(default_factory=SourceInfo)
    document: DocumentMeta = field(default_factory=DocumentMeta)
    score_tables: list[ScoreTable] = field(default_factory=list)
    statistics: list[StatAnnex] = field(default_factory=list)
    task_tables: list[TaskTable] = field(default_factory=list)
    score_statements: list[ScoreStatement] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    counts: list[Count] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    review: list[ReviewItem] = field(default_factory=list)
    unread: list[UnreadPart] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)
    errors: list[ErrorRecord] = field(default_factory=list)


def to_dict(record: Any) -> Any:
    """``dataclasses.asdict(record)``, the same value, made faster: asdict deep-copies every
    string and number of a result (a ``copy.deepcopy`` call each, tens of thousands per document:
    a sixth of converting a typed DOCX); an immutable scalar is its own copy."""
    return _plain(record)


_SCALARS = frozenset({str, int, float, bool, type(None)})


def _plain(obj: Any) -> Any:
    kind = type(obj)
    if kind in _SCALARS:
        return obj
    if kind is list:
        return [_plain(v) for v in obj]
    if dataclasses.is_dataclass(kind):
        return {name: _plain(getattr(obj, name)) for name in _field_names(kind)}
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):  # a named tuple, as asdict rebuilds it
        return kind(*[_plain(v) for v in obj])
    if isinstance(obj, (list, tuple)):
        return kind(_plain(v) for v in obj)
    if isinstance(obj, dict):
        return kind((_plain(k), _plain(v)) for k, v in obj.items())
    return copy.deepcopy(obj)


@functools.cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(kind))


def from_dict(cls: type, data: Any) -> Any:
    """Rebuild a record (and its nested records) from its JSON form; unknown keys are ignored."""
    if data is None:
        return None
    hints = typing.get_type_hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name in data:
            kwargs[f.name] = _convert(hints[f.name], data[f.name])
    return cls(**kwargs)


def _convert(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        for arg in args:
            if isinstance(arg, type) and dataclasses.is_dataclass(arg) and isinstance(value, dict):
                return from_dict(arg, value)
        return value
    if origin is list:
        (arg,) = typing.get_args(tp)
        return [_convert(arg, v) for v in value]
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return from_dict(tp, value)
    return value
