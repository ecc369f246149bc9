"""A dump row whose STT cell printed on two lines: its figures read from the second.

In a table whose cells are centred vertically, OCR may print a row's STT cell twice: once on the
line where the criterion's name opens and once on the line where its points print ("5. | Xây dựng
và nâng cao chất lượng đội ngũ công chức, | Đạt yêu cầu theo hướng dẫn 1 | iw | oe" / "5. en ; 16
16 16" / "viên chức"). The row reader takes the first line for the row, with a speck read as its
maximum, and the second for another row under the same printed code, which the code repair then
renames (5 → 5.1): the row's points are lost and a row is invented. After the criteria set is
recognised, its maximum for the criterion is the witness: when the row read no maximum and score
the set agrees with, and the next row printed the same code, was renamed, and its lines hold a run
of figures opening with that maximum (``set_row_figures.figures_below``), the run is the row's
points (doubted, the cells read before kept as alternatives) and the renamed row is withdrawn."""

from __future__ import annotations

from extract.model import IngestedDocument, Line
from extract.segment.figures_below_row import FiguresBelowSettings, claims_answered, fill_points
from extract.segment.set_row_figures import figures_below, points_of_run
from normalize.criteria import CriteriaSet
from normalize.criteria.match_settings import FLAG_MAX_DIFFERS
from schemas.records import ExtractionResult, ScoreRow

# The flag of a row whose points were read on the line that printed its code again.
FLAG_REPEATED_CODE = "points_on_repeated_code_line"
# The flags of a row whose code is not the one its line printed (the code repair's choice).
_RENAMED = ("code_repaired", "code_inferred")


def repeated_code_rows(
    doc: IngestedDocument,
    result: ExtractionResult,
    cset: CriteriaSet | None,
    settings: FiguresBelowSettings = FiguresBelowSettings(),
) -> int:
    """Give the rows of tables read from an OCR dump's lines the points their repeated code's line
    prints, withdrawing the row that line was read as; returns how many rows were read so. The
    settings are those of figures read below a row's line (``settings.doubt``, ``settings.on``): a
    figure read off the row's own line is as doubtful whichever line it printed on."""
    if not settings.on or cset is None or not result.source.read_by_ocr:
        return 0
    maxima = {c.code: c.max_points for c in cset.rows if c.max_points is not None}
    lines: dict[tuple[int | None, int], Line] = {(ln.page, ln.number): ln for ln in doc.lines()}
    read: list[ScoreRow] = []
    for table in result.score_tables:
        if table.read_from != "lines":
            continue
        appraised = any(r.appraised_points_raw is not None for r in table.rows)
        kept: list[ScoreRow] = []
        for row in table.rows:
            above = kept[-1] if kept else None
            most = maxima.get(str(above.code)) if above is not None and above.code else None
            if above is None or most is None or not _repeats_code(above, row) or _read_as_set(above, most):
                kept.append(row)
                continue
            points = points_of_run(figures_below(_own_lines(row, lines), most), most, appraised)
            if points.max_points is None or points.self_points is None:
                kept.append(row)
                continue
            fill_points(above, points, settings.doubt, FLAG_REPEATED_CODE)
            above.flags = [f for f in above.flags if not f.startswith(FLAG_MAX_DIFFERS)]
            above.source.line_end = max(row.source.line_end or 0, above.source.line_end or 0) or None
            read.append(above)
        table.rows = kept
    if read:
        result.unread = claims_answered(result.unread, read, result.score_tables)
    return len(read)


def _repeats_code(above: ScoreRow, row: ScoreRow) -> bool:
    """``row`` printed ``above``'s code (as OCR read it) and was renamed by the code repair."""
    printed = (above.code_raw or "").strip(" .:|"), (row.code_raw or "").strip(" .:|")
    return (
        bool(printed[0])
        and printed[0] == printed[1]
        and row.code != above.code
        and any(f in row.flags for f in _RENAMED)
    )


def _read_as_set(row: ScoreRow, most: float) -> bool:
    """The row read the set's maximum and a self score: its own line printed its points."""
    return row.max_points is not None and abs(row.max_points - most) <= 0.01 and row.self_points is not None


def _own_lines(row: ScoreRow, lines: dict[tuple[int | None, int], Line]) -> list[Line]:
    """The lines a row was read from."""
    start = row.source.line_start
    if start is None:
        return []
    end = row.source.line_end or start
    return [lines[(row.source.page, n)] for n in range(start, end + 1) if (row.source.page, n) in lines]
