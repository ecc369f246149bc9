"""The appraised points column ("Điểm thẩm định") of a score table read from lines, told after
the rows were read: where the reader's layout had no such column but the header says, or hints
and a row's figures show, that the table has it. Each row's appraised cell is then a cell of the
table: filled from a bare figure the reader took for the row's note, or lost (``missing_appraised``),
so it is weighed, doubted and queued like any cell lost, not left out as absent."""

from __future__ import annotations

from extract.model import IngestedDocument, Line, Page
from extract.segment.line_header import (
    HEADER_POINTS,
    appraised_hinted,
    appraised_hints,
    header_concepts,
    header_layout,
    keyed_concepts,
    points_labels,
)
from extract.segment.score_panels import header_left_halves
from extract.segment.unread_rows import LINE_METHODS
from extract.segment.unread_settings import UnreadSettings
from normalize.lazy_regex import lazy_compile
from normalize.numbers import parse_number
from normalize.text import fold
from schemas.records import ExtractionResult, ScoreRow, ScoreTable

# A note that is nothing but one points figure ("9,75", "0.5"): a points cell read as the note.
_FIGURE = lazy_compile(r"\d{1,2}(?:[.,]\d{1,2})?")
# The flag of an appraised figure taken from the row's note.
FLAG_APPRAISED_FROM_NOTE = "appraised_from_note"


def flag_unread_columns(
    doc: IngestedDocument, result: ExtractionResult, settings: UnreadSettings = UnreadSettings()
) -> None:
    """A score table read from lines (an OCR dump, an OCR'd page) that has an appraised points
    column no row filled lost that column, whatever the segmenter made of it (taken for notes,
    dropped as noise). It has the column when its header (above its first row, or repeated atop a
    later page of the table: ``header_runs``) names it ("Điểm thẩm định", two pieces of that label
    OCR left apart: "Phong" over "dinh", three points labels on one line: "Điểm | Điểm tự |
    Điểm", ``points_labels``, or one piece of it printed below the self points' label:
    ``hint_below_self``), or when a header word points to it (``appraised_hinted``: "dinh",
    "Phong") and a row's note is a bare figure that can be its appraised points (within its max,
    beside its self score): that figure goes to the appraised cell. Each row printing points gets
    the flag a blank cell of a table that has the column gets (``missing_appraised``). Tables some
    row of which fills the column are the segmenter's own to flag."""
    pages = {p.number: p for p in doc.pages if p.method in LINE_METHODS}
    for table in result.score_tables:
        rows = table.rows
        if not rows or any(r.appraised_points is not None for r in rows):
            continue
        runs = header_runs(table, pages, settings)
        if not runs:
            continue
        if not any(_names_appraised(run, settings) for run in runs):
            figures = [(r, f) for r in rows if (f := _note_figure(r)) is not None]
            if not figures or not any(appraised_hinted(run) for run in runs):
                continue
            for row, figure in figures:
                row.appraised_points, row.appraised_points_raw = figure, (row.explanation or "").strip()
                row.explanation = ""
                row.flags.append(FLAG_APPRAISED_FROM_NOTE)
        for row in rows:
            if row.appraised_points is not None:
                continue
            if (row.max_points is not None or row.self_points is not None) and "missing_appraised" not in row.flags:
                row.flags.append("missing_appraised")


def header_runs(
    table: ScoreTable, pages: dict[int, Page], settings: UnreadSettings = UnreadSettings()
) -> list[list[Line]]:
    """The header lines of a score table read from lines: those above its first row, then those
    each later page of the table repeats at its top (before its first row there, within
    ``header_lines`` of the page's first line). OCR garbles each print of the header its own way:
    the first may keep one piece of the appraised label ("định") where the repeat keeps three
    ("Điểm Phòng", "thẩm", "định"). Empty when the first row's place is not known."""
    first = table.rows[0].source
    page = pages.get(first.page) if first.page is not None else None
    if page is None or first.line_start is None:
        return []
    start = first.line_start
    runs = [[ln for ln in page.lines if start - settings.header_lines <= ln.number < start]]
    for number in sorted(set(table.pages) - {first.page}):
        later = pages.get(number)
        if later is None or not later.lines:
            continue
        top = later.lines[0].number
        opens = min(
            (r.source.line_start for r in table.rows if r.source.page == number and r.source.line_start is not None),
            default=None,
        )
        runs.append(
            [
                ln
                for ln in later.lines
                if ln.number < top + settings.header_lines and (opens is None or ln.number < opens)
            ]
        )
    # (a table printed in two halves side by side names each label twice: one half's are the header's)
    return [header_left_halves(run) for run in runs if run]


def _names_appraised(lines: list[Line], settings: UnreadSettings) -> bool:
    """Whether header lines name an appraised column: a header word naming it, two pieces of its
    label, or three points labels on one line ("Điểm | Điểm tự | Điểm", ``points_labels``)."""
    if len(appraised_hints(lines)) >= settings.appraised_label_pieces:
        return True
    if points_labels(lines) >= len(HEADER_POINTS) and not _field_points_named(lines):
        return True
    return "appraised" in header_layout(lines).points or hint_below_self(lines)


# "lĩnh vực" as OCR leaves it ("linh vurc"): named twice in a header, once by the names' label
# ("Lĩnh vực, tiêu chí") and once by a field's points' ("Điểm lĩnh vực", ``field_points_column``).
_FIELD = lazy_compile(r"\blinh\s*vu\w{0,2}\b")
# The names' label: "lĩnh vực" followed by "tiêu chí" ("Lĩnh vực, tiêu chí", "Lĩnh vực/Tiêu chí").
_NAMES_FIELD = lazy_compile(r"\blinh\s*vu\w{0,2}\W{0,3}ti\w{0,2}u\s*ch\w{0,2}\b")


def _field_points_named(lines: list[Line]) -> bool:
    """Whether header lines name a field's points beside the names' field: the third "Điểm" label
    is the field's subtotal ("Điểm | Điểm tự chấm | Điểm lĩnh vực"), no appraisal. Named twice
    (the names' label and the points'), or once where no names' label takes it ("Nội dung đánh
    giá | Điểm chuẩn | Điểm tự đánh giá | Giải trình | Điểm lĩnh vực", seed 16001's D25 dump: its
    fields' self points repeated, taken for an appraisal column every row lost)."""
    text = fold(" ".join(ln.raw or ln.text for ln in lines))
    named = len(_FIELD.findall(text))
    return named >= 2 or named > len(_NAMES_FIELD.findall(text))


def hint_below_self(lines: list[Line]) -> bool:
    """Whether a header word pointing to the appraised column ("định", ``appraised_hints``) prints
    on a line at or below a line labelling the self points ("Điểm xã tự chấm", "tối đa | chấm"),
    with no figure on those lines or between them. A stacked header prints its points labels side
    by side, each wrapped over lines ("Điểm / tối đa", "Điểm / xã tự / chấm", "Điểm / thẩm / định"),
    so the appraised label's last word lands beside or below the self label's words, after the
    max's and self's, before any row's figures; OCR often keeps only that word ("Sim định"). The
    same word on a row's line ("… đúng quy / định"), below a line printing points, names nothing."""
    for k, line in enumerate(lines):
        if not appraised_hints([line], before=lines[k - 1] if k else None):
            continue
        for above in reversed(lines[: k + 1]):
            text = above.raw or above.text
            if any(ch.isdigit() for ch in text):
                break
            if "self" in keyed_concepts(text) | header_concepts(text):
                return True
    return False


def _note_figure(row: ScoreRow) -> float | None:
    """The figure a row's note is made of, when it can be the row's appraised points: a points
    figure within its max, with a self score read beside it."""
    text = (row.explanation or "").strip()
    if not _FIGURE.fullmatch(text) or row.self_points is None:
        return None
    value = parse_number(text, kind="score")
    if value is None or (row.max_points is not None and value.value > row.max_points + 1e-9):
        return None
    return value.value
