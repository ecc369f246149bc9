"""Statistics annexes printed as lines: OCR text dumps and plain text with no grid.

An annex form (STT / Nội dung / ĐVT / Số liệu / Ghi chú) that reaches us as text keeps its header
words and, per row, the order of its cells: a code, the indicator, its unit, the figure, a note.
Each row's line is cut into those cells and handed to the annex reader of the grid
(``statistics.stat_rows``), so codes, figures, units and enumerations are read one way whatever
the input.

How a line is cut into its cells is ``stat_line_cells``.
Lines without a code or a figure are wrapped indicator text and join the row above (a row's
first line wrapped before its figure, or after it, reads the same)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from extract.model import IngestedDocument, Line
from extract.segment.annex_captions import annex_caption
from extract.segment.captions import attaches_to_report
from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.running_lines import is_running_line
from extract.segment.stat_cell_labels import cells_under_labels, code_between_labels
from extract.segment.stat_cells import (
    Cell,
    CellLineSettings,
    one_cell_per_line,
    rejoin,
)
from extract.segment.stat_code_column import COUNTED_UNITS
from extract.segment.stat_in_part import InPartRead, InPartSettings, read_in_part
from extract.segment.stat_line_cells import (
    _BAR,
    _CODE_SPECKS,
    _cell_kind,
    _cell_units,
    _cells,
    _code_token,
    _header_cell,
    _is_figure,
    _line_cells,
    _specks_for_indicator,
    _words,
    without_speck_cells,
)
from extract.segment.stat_line_compare import changes_checked
from extract.segment.stat_line_header import _header_span, _names_unit, names_criteria, stacked_labels
from extract.segment.stat_line_order import codes_in_sequence, codes_read_in_order
from extract.segment.stat_line_periods import whole_period_rows
from extract.segment.stat_line_rows import (
    _STOP,
    _joined_table,
    _RowLines,
    _table,
    _without_edge_speck,
)
from extract.segment.stat_plan_pairs import paired_whole_rows, unpaired_rows
from extract.segment.stat_share_values import shares_as_counts
from extract.segment.stat_two_panels import panels_unfolded
from extract.segment.stat_unread import (
    CELLS_REJOINED,
    COLUMNS_INFERRED,
    LINE_METHODS,
    is_form_title,
    layout_inferred,
    lost_figure,
    lost_wholes,
    smeared_figures_lost,
    specks_told,
)
from extract.segment.statistics import StatisticsSettings, stat_rows
from normalize.count_units import unit_key
from normalize.criteria.annex_forms import indicator_wording
from normalize.text import fold
from schemas.records import StatAnnex, StatRow, UnreadPart


@dataclass(frozen=True)
class StatLineSettings:
    # Column concepts a header must name, besides the indicator: the unit and the figure.
    # Header lines looked at together (a label wraps: "Đơn vị" / "tính").
    header_lines: int = 3
    # ... or this many when each is a label alone of at most so many words (a header whose cells
    # OCR's page layout printed one per line: "Chỉ tiêu" / "Đơn vị" / "tính" / "Kết quả" / "Ghi chú").
    stacked_label_lines: int = 6
    stacked_label_words: int = 2
    # Short lines (of at most so many words) under the header, before the first row, read as its
    # labels' wrapped words ("Thực hiện 6" / "tháng" / "đầu năm" / "2013"), not as prose; such lines
    # past ``header_lines`` are the header's still while it names no form ("Thực" / "hiện", "Ghi" /
    # "chú" wrapped apart in narrow columns: ``stat_line_header._labels_wrapped``).
    header_tail_lines: int = 5
    header_tail_words: int = 6
    # Rows (coded lines with a figure) a table needs: fewer is a sentence that looks like one.
    min_rows: int = 3
    # Lines of prose (neither a row nor wrapped text) that end the table.
    max_prose_lines: int = 2
    # Words a unit has at most; a capitalised run longer than this is part of the indicator.
    max_unit_words: int = 3
    # Bars on a line (ruling lines read as "|") from which the bars cut its cells.
    min_bars: int = 2
    # A wrapped indicator line has at most this many words (a long line is prose).
    max_wrap_words: int = 14
    # Lines with OCR's marks (bars, specks on codes) that make a table's text OCR'd.
    min_ocr_marks: int = 2
    # Words a header line has at most: a longer line naming "nội dung", "đơn vị" and "kết quả"
    # is a sentence of the report.
    max_header_words: int = 14
    # Words an indicator and a note have at most: a longer "row" is a numbered paragraph.
    max_indicator_words: int = 40
    max_note_words: int = 12
    # Figures a row's note holds at most: the figures after its first of a period split into
    # months (eleven more months, the year's figure) and a column beside them (a share, a plan).
    max_note_figures: int = 14
    # Specks a row's line may end with after its unit where OCR garbled the figure ("Thủ tục b",
    # "Người- NN"), each at most this long: the unit is then read, the figure told lost.
    max_lost_figure_specks: int = 2
    max_speck_chars: int = 3
    # Letters a word dropped between a unit and its figure has at least to be what OCR left of the
    # figure's own cell ("Hồ sơ Mãi 1" for "Hồ sơ 421"), not the grid's speck ("% ại 100").
    garbled_cell_letters: int = 3
    # A form title with no header under it (OCR lost the header lines, ``--psm 6``): lines
    # after the title looked at for a header before the rows are read without one.
    title_window: int = 6
    # ... and then the rows' codes must follow one another (1, 2, 2.1 …; a lettered item under
    # a code) for this share of the coded rows, and that many rows must carry a code.
    min_sequence_share: float = 0.6
    min_coded_share: float = 0.5
    # Rows of a table whose columns were inferred from the rows (no header) or rejoined from
    # cells printed one per line are read less surely than under a header: their confidence is
    # at most this, so their figures are weighed in the review queue.
    inferred_layout_confidence: float = 0.7
    # ... and such a table is read only when this share of its rows gave a figure: fewer, and
    # OCR garbled its lines past reading the columns from them (it is said unread instead).
    min_figure_share: float = 0.6
    # ... unless its codes, as printed, follow one another for this share of its rows: an annex's
    # STT column in order is its layout, even where OCR smeared the figures (``--psm 6`` of a
    # degraded page); its rows are read, their lost figures told (``lost_figures``).
    min_printed_sequence_share: float = 0.8
    # ... of its rows that print a code, which must be this share of its rows at least.
    min_printed_code_share: float = 0.8
    # ... or this share under a header the finder read (garbled, "Chỉ tiêu | Đưngị | Kếtquà"): the
    # header says a form is there, so the column need only be the rows' majority (OCR drops the codes
    # of a degraded page's group rows, "Số nhiệm vụ trong Kế hoạch …" with no "4" before it).
    min_printed_code_share_under_header: float = 0.6
    # Header labels printed one per line (``--psm 11``: "STT" / "ĐVT" / "Số liệu") that make the
    # cells under a form title the form's rows, with no need for their codes to run in sequence.
    min_header_labels: int = 3
    # An OCR'd row whose indicator holds less than this share of annex-form wording (letter
    # trigrams of ``normalize.criteria.annex_forms``) is specks read as a row: dropped, its line
    # told (plain indicators of any wording score 0.68 and more, garbled ones 0.68 and more,
    # specks 0.53 and less: dev seed 423 and phrases made up for the purpose).
    min_indicator_wording: float = 0.6
    # Words a line with no code and no figure needs to be a row whose code OCR lost (it opens as
    # annex indicators do, "Tỷ lệ …"), not the row above's wrapped words.
    min_lost_code_words: int = 4
    # Words a group heading with its code lost has at least, under the share closing the group
    # above (``stat_share_headings``): more than a share's wrapped words ("Kế hoạch CCHC năm").
    min_heading_words: int = 5
    # Letters the first word of a row whose code cell OCR garbled ("Sử [Sond …") has at least when
    # its words are not annex-form wording: words glued by OCR, not specks.
    min_garbled_row_letters: int = 6
    # Whether such rows are kept; a table they leave not sound (rows with no figure outnumbering
    # those read) is cut again without them: the lines are then told lost, the rest read.
    keep_garbled_code_rows: bool = True
    # An annex read without its header whose lines are not sound (or whose codes do not run in
    # sequence) is read in part: the rows printing their code in the column's order with
    # annex-form wording, when at least this many do (``stat_in_part``); the other rows are told.
    # 0 reads no annex in part (the whole form is told unread).
    min_rows_in_part: int = 3
    # The rows print their unit after the figure, in words ("19 người"): set for a table whose
    # header names no unit column and whose rows end so (``stat_units_after``).
    units_after_figures: bool = False


@dataclass(frozen=True)
class StatLinesRead:
    """The annexes read from lines, and the rows of annexes read in part that were not kept (told)."""

    annexes: list[StatAnnex]
    unread: list[UnreadPart]


def read_statistics_lines(
    doc: IngestedDocument,
    ocr_text: Callable[[], bool],
    known_pages: frozenset[int] = frozenset(),
    settings: StatLineSettings = StatLineSettings(),
    stat_settings: StatisticsSettings = StatisticsSettings(),
    cell_settings: CellLineSettings = CellLineSettings(),
) -> StatLinesRead:
    """Annexes read from the lines of text pages that gave no annex from a grid (``known_pages``).
    ``ocr_text()``: whether the text came from OCR (codes repaired as a column, figures read with
    OCR's look-alikes), asked only when a table is found."""
    annexes: list[StatAnnex] = []
    told: list[UnreadPart] = []
    blocks = list(doc.blocks())
    for run in _page_runs(doc, known_pages):
        lines = panels_unfolded(run)  # (two rows to a line, side by side: the right panel after the left)
        pages = sorted({ln.page for ln in lines})
        k = 0
        while k < len(lines):
            span = _header_span(lines, k, settings)
            start = _headless_start(lines, k, settings, cell_settings) if span is None else None
            headless = start is not None
            if start is not None:
                span = (start, start)
            if span is None:
                k += 1
                continue
            head, body_start = span
            head = min(head, len(lines) - 1)
            cells = _cells_one_per_line(lines, body_start, settings, cell_settings)
            labelled = False  # the header's labels printed one per line over the cells
            if cells:
                table, end, labelled = _cell_table(lines, head, body_start, settings, cell_settings)
            else:
                table, end = _table(lines, head, body_start, settings)
            # A form title over rows whose figures OCR smeared (``--psm 6``): fewer than
            # ``min_rows`` give a figure, so the rows are taken only when their code column, as
            # printed, runs in order (below), and then read in part: the rows whose code the
            # column reads as printed, with annex-form wording, their lost figures told; a row
            # whose code was inferred or re-read is told, not read (no words or figure to confirm
            # where it stands).
            # (under a header too: OCR smeared every figure of a degraded page but two, its rows and
            # their code column still printed; not a score table's, whose criteria column the header
            # names: its points are the score reader's)
            smeared = table is None and not cells and (headless or not names_criteria(lines[head:body_start]))
            if smeared:
                table, end = _table(lines, head, body_start, settings, min_figures=0)
            k = max(end, body_start)
            if table is None:
                continue
            # A title over rows whose codes do not run in sequence: coded prose, a list of dates, or
            # an annex OCR garbled past reading whole, whose rows that print words run in sequence
            # once its lines of specks are left out (read in part by its code column, below).
            out_of_sequence = headless and not labelled and not codes_in_sequence(table, settings)
            if out_of_sequence and cells and _sound(table, frozenset(pages), settings, stat_settings):
                # Cells rejoined from sparse text (``--psm 11``) whose rows give their figures or
                # units: OCR's sparse text drops most codes (and garbles the rest, "3:3" for 5.3),
                # so the column says nothing of the rows, which the rejoin read as an annex's.
                out_of_sequence = False
            if out_of_sequence and not _worded_in_sequence(table, settings):
                continue
            body = lines[body_start:end]
            # Cells printed one per line in their own order are OCR's sparse text, whatever its words.
            ocr = frozenset(pages) if cells or _ocr_marks(body, settings) or ocr_text() else frozenset()
            # Whether a table read without a header is sound is judged on its lines as printed,
            # specks rows and all; the specks rows are dropped from a sound table only.
            sound = not (headless or cells) or (not out_of_sequence and _sound(table, ocr, settings, stat_settings))
            column = (
                settings
                if headless
                else replace(settings, min_printed_code_share=settings.min_printed_code_share_under_header)
            )
            if smeared and not (ocr and not out_of_sequence and _printed_in_order(table, column)):
                continue
            if not sound and not cells and settings.keep_garbled_code_rows:
                plain = replace(settings, keep_garbled_code_rows=False)
                table, end = _table(lines, head, body_start, plain, min_figures=0 if smeared else None)
                k = max(end, body_start)
                if table is None:
                    continue
                out_of_sequence = headless and not labelled and not codes_in_sequence(table, settings)
                sound = not out_of_sequence and _sound(table, ocr, settings, stat_settings)
            sound = sound and not smeared
            specks: list[JoinedRow] = []
            if ocr:  # a row under a printed code stays (a commune's own indicator OCR garbled)
                worded = _worded_rows(table.rows, settings)
                specks = [r for r in table.rows if not any(r is w for w in worded)]
                table.rows = worded
            read = _read_rows(table, ocr, settings, stat_settings)
            rows = specks_told(read, specks)
            # (a figure per quarter and the whole period's: the whole is the value, stat_line_periods)
            header = _header_text(lines, head, table)
            # (a plan and a result under each part and the whole: the whole's result, stat_plan_pairs;
            # its header three lines deep, the parts' labels above the line a headless table was found under)
            above = lines[max(0, head - _PAIRED_HEADER_ABOVE) : head]
            paired = " ".join(ln.text for ln in above) if headless else header
            placed = paired_whole_rows(rows, paired, bool(ocr))
            if placed is None:
                read_rows = rows
                rows = whole_period_rows(rows, header, bool(ocr))
                if rows is read_rows:  # (no period placed: a result's label over several columns doubts them)
                    rows = unpaired_rows(rows, paired, bool(ocr))
                rows = changes_checked(rows, header, bool(ocr))  # (two periods and their difference, stat_line_compare)
            else:
                rows = placed  # (parts, no two periods compared: their sums are no period's change)
            rows = shares_as_counts(rows) if ocr else rows  # (a count's share taken for it, stat_share_values)
            # A header whose unit label OCR garbled names no column between the indicator's and
            # the figure's: where one ends and the other starts is inferred from the rows too.
            unit_unnamed = not headless and not _names_unit(fold(" ".join(ln.text for ln in lines[head:body_start])))
            # A header whose labels OCR's page layout printed one per line ("Chỉ tiêu" / "Đơn vị" /
            # "tính" / "Kết quả") sets no column: the rows' cells were cut as without one, and a
            # degraded page's figures read so are weighed, not trusted ("1.8" for 35, "15." for 365).
            stacked = not headless and stacked_labels(lines[head:body_start], settings)
            if headless or cells or unit_unnamed or smeared or stacked:  # columns inferred, or rows rejoined
                # Not sound, or sound by its code column alone with too few figures to stand as a
                # table (OCR smeared them: a degraded ``--psm 6`` page): read in part by its code
                # column (the other rows told, the lost figures told), or said unread as a whole
                # (``unread_annexes``).
                figures = sum(1 for r in rows if r.value is not None)
                if not sound or figures < settings.min_rows:
                    table.block_index = next(i for i, b in enumerate(blocks) if b is lines[head])
                    label, title = annex_caption(doc, table, stat_settings.caption_lines)
                    part = _in_part(title or label, lines[body_start:end], table.rows, read, settings)
                    if part is not None:
                        kept = part.rows
                        if smeared or figures < settings.min_rows:
                            kept = smeared_figures_lost(kept, settings.inferred_layout_confidence)
                        annexes.append(StatAnnex(label, title, table.pages, kept, read_from="lines"))
                        told.extend([part.told] if part.told is not None else [])
                    continue
                flag = CELLS_REJOINED if cells else COLUMNS_INFERRED
                rows = layout_inferred(rows, flag, settings.inferred_layout_confidence)
            if sum(1 for r in rows if r.value is not None) < settings.min_rows:
                continue
            table.block_index = next(i for i, b in enumerate(blocks) if b is lines[head])
            label, title = annex_caption(doc, table, stat_settings.caption_lines)
            annexes.append(StatAnnex(annex=label, title=title, pages=table.pages, rows=rows, read_from="lines"))
    return StatLinesRead(annexes, told)


_HEADER_ABOVE = 2  # lines a two-row header takes
_PAIRED_HEADER_ABOVE = 3  # ... and a header of periods over plan and result pairs ("Cả năm" / "KH | TH")


def _header_text(lines: list[Line], head: int, table: JoinedTable) -> str:
    """The header's lines up to the first row's: a merged label's second line ("Quý I | Quý II …")
    may fall below the span that named the columns."""
    first = table.rows[0].line_start if table.rows else 0
    text = " ".join(ln.text for ln in lines[head:] if ln.number < first) if first else lines[head].text
    # (a table found without its header, whose labels OCR garbled past naming a column, opens on its
    # first row: the header's words, "Ap1 | Ap2 | … | Tổng số", are on the lines just above)
    return text if text.strip() else " ".join(ln.text for ln in lines[max(0, head - _HEADER_ABOVE) : head])


def _in_part(
    title: str, body: list[Line], worded: list[JoinedRow], rows: list[StatRow], settings: StatLineSettings
) -> InPartRead | None:
    """An annex whose lines were not sound read in part by its code column (``stat_in_part``)."""
    if settings.min_rows_in_part <= 0:
        return None
    in_part = InPartSettings(
        min_rows=settings.min_rows_in_part,
        confidence=settings.inferred_layout_confidence,
        worded=lambda words: not _specks_for_indicator(words, settings),
    )
    return read_in_part(title, body, worded, rows, in_part)


def _read_rows(
    table: JoinedTable, ocr: frozenset[int], settings: StatLineSettings, stat_settings: StatisticsSettings
) -> list[StatRow]:
    """The annex reader's rows of a table, an OCR'd row's lost figure told."""
    rows = stat_rows(table, stat_settings, ocr)
    if ocr:
        heads = {r.parent for r in rows if r.parent}
        rows = [lost_figure(r, r.code in heads, settings.inferred_layout_confidence) for r in rows]
        rows = lost_wholes(rows, settings.inferred_layout_confidence)
    return rows


def _sound(
    table: JoinedTable, ocr: frozenset[int], settings: StatLineSettings, stat_settings: StatisticsSettings
) -> bool:
    """Whether a table whose columns were inferred (or rejoined from cells) is read: enough of
    its rows give a figure or a unit the language knows (a row cut at its unit had its columns
    read; the figure OCR smeared beside it, "Người òa", is told lost; a garbled unit, "Ngư", or a
    lone "%", which specks make as easily, says nothing), or its codes, as printed, run in order."""
    rows = _read_rows(table, ocr, settings, stat_settings)
    figures = sum(1 for r in rows if r.value is not None or unit_key(r.unit) in COUNTED_UNITS)
    if figures >= settings.min_figure_share * len(rows):
        return True
    # The code column's order is judged on the rows that print words: a line of specks with no
    # code between two rows is a row OCR smeared whole (told by ``garbled_rows``), no break in it.
    return _printed_in_order(table, settings) if ocr else codes_read_in_order(table, settings)


def _printed_in_order(table: JoinedTable, settings: StatLineSettings) -> bool:
    """Whether the rows of a table that print words have their code column in order as printed
    (``codes_read_in_order``)."""
    return codes_read_in_order(replace(table, rows=_worded_rows(table.rows, settings)), settings)


def _worded_rows(rows: list[JoinedRow], settings: StatLineSettings) -> list[JoinedRow]:
    """An OCR'd table's rows without those of specks and no code; a row under a printed code stays
    (a commune's own indicator OCR garbled)."""
    return [r for r in rows if r.cells[0].strip() or not _specks_for_indicator(" ".join(r.cells[1:3]), settings)]


def _page_runs(doc: IngestedDocument, known_pages: frozenset[int]) -> list[list[Line]]:
    """The lines of consecutive text pages, one list per run: an annex goes on over a page break
    with no repeated header (a dump's pages are joined by form feeds)."""
    runs: list[list[Line]] = []
    current: list[Line] = []
    for page in doc.pages:
        if page.method not in LINE_METHODS or page.number in known_pages:
            if current:
                runs.append(current)
            current = []
            continue
        current.extend(page.lines)
    if current:
        runs.append(current)
    return runs


def _ocr_marks(lines: list[Line], settings: StatLineSettings) -> bool:
    """Whether the table's lines show what OCR does to a printed grid: ruling lines read as bars,
    specks stuck to the codes ("9.2_", "(2"). Its codes are then read as OCR's, repaired as a
    column, even when its words came out clean."""
    marked = 0
    for line in lines:
        tokens = line.text.split()
        if not tokens:
            continue
        if _BAR.search(line.text) or (tokens[0] != tokens[0].strip(_CODE_SPECKS) and _code_token(tokens[:1])):
            marked += 1
    return marked >= settings.min_ocr_marks


def _headless_start(
    lines: list[Line], k: int, settings: StatLineSettings, cell_settings: CellLineSettings
) -> int | None:
    """Where the rows start when line ``k`` is a statistics form's printed title with no header
    in the lines after it (OCR lost the header: a ``--psm 6`` dump), or None: the first line
    opening with a code, past the title's second line and the "(Kèm theo …)" caption; the line
    after the title when the cells come one per line (the reader skips the header's labels)."""
    if k + 1 >= len(lines) or not is_form_title(lines[k].text):
        return None
    window = range(k + 1, min(len(lines), k + 1 + settings.title_window))
    if any(_header_span(lines, j, settings) is not None for j in window):
        return None
    # The caption attaching the form to its report is the title's, not a row: OCR's specks can
    # make it longer than any cell line, which would end the body before its first cell.
    # The body starts past it, and past the title's second line above it ("… 6 THÁNG" / "ĐẦU NĂM
    # 2024" / "(Kèm theo …)"): a caption too long for a cell line would end a body started above it.
    captions = [j for j in window if attaches_to_report(lines[j].text)]
    after = captions[0] + 1 if captions else next((j for j in window if not attaches_to_report(lines[j].text)), k + 1)
    if _cells_one_per_line(lines, after, settings, cell_settings):
        return after
    first = next(
        (j for j in window if _code_token(_words(_without_edge_speck(lines[j].text.strip()))[:1]) is not None), None
    )
    if first is None:  # every code in the window lost: the first row of annex wording with a figure
        return next((j for j in range(after, window.stop) if _row_code_lost(lines[j].text, settings)), None)
    if first - 1 > k + 1 and _row_code_lost(lines[first - 1].text, settings):
        return first - 1
    return first


def _row_code_lost(text: str, settings: StatLineSettings) -> bool:
    """Whether a line just above the first coded row is the first row with its code lost: an
    indicator of annex-form wording, then the figure ("Số văn bản chỉ đạo … | Văn bản 20")."""
    cells = _cells(text.strip(), set(), settings)
    if cells is None or cells[0] or not cells[3] or not _is_figure(cells[3]):
        return False
    letters = indicator_wording(cells[1])
    return letters is not None and letters >= settings.min_indicator_wording and not _header_cell(cells[1])


def _worded_in_sequence(table: JoinedTable, settings: StatLineSettings) -> bool:
    """Whether the rows of a table read without a header that print words (``_worded_rows``: a
    line of specks OCR cut into cells is a row smeared whole, no break in the column) have their
    codes in sequence, so that it can be read in part (``min_rows_in_part``)."""
    worded = _worded_rows(table.rows, settings)
    return settings.min_rows_in_part > 0 and codes_in_sequence(replace(table, rows=worded), settings)


def _body_lines(lines: list[Line], start: int, settings: StatLineSettings) -> list[Line]:
    """The non-empty lines from ``start`` to the table's end: the next form, the addressees, a
    signature block, or a line too long to be a cell."""
    out: list[Line] = []
    for line in lines[start:]:
        text = line.text.strip()
        if not text:
            continue
        if is_running_line(text):
            continue  # "Phụ lục 1 (tiếp theo)": the next page's layout, the table goes on under it
        if _STOP.match(text) or len(text.split()) > settings.max_wrap_words:
            break
        out.append(line)
    return out


def _cells_one_per_line(
    lines: list[Line], start: int, settings: StatLineSettings, cell_settings: CellLineSettings
) -> bool:
    """Whether the body under a header or title is printed one cell per line (``--psm 11``)."""
    sample = _body_lines(lines, start, settings)[: cell_settings.sample_lines]
    kinds = [_cell_kind(ln.text, set()) for ln in sample]
    row_lines = sum(1 for ln in sample if len(ln.text.split()) > 1 and _is_figure(ln.text.split()[-1]))
    return one_cell_per_line(kinds, row_lines, cell_settings)


def _cell_table(
    lines: list[Line], head: int, start: int, settings: StatLineSettings, cell_settings: CellLineSettings
) -> tuple[JoinedTable | None, int, bool]:
    """The rows rejoined from cells printed one per line; the index after the table's last line;
    whether the form's header labels stood over them (``min_header_labels`` of its columns, one
    per line: OCR garbled the others, "Nơi hào" for "Nội dung", so no header line was found)."""
    body = _body_lines(lines, start, settings)
    units = _cell_units(body, settings)
    cells = [
        Cell(_cell_kind(text, units), text, ln.page, ln.number)
        for ln in body
        if any(c.isalnum() for c in ln.text) or ln.text.strip() == "%"  # not a speck ("¬", "—")
        for text in _line_cells(ln.text)
        if fold(text).strip(" -_.,;:|") != "ghi"  # the notes column's label cut short, wherever OCR put it
    ]
    cells, named = cells_under_labels(cells, code_between_labels(lines, head))
    # A run whose rows print their unit and figure before their indicator is split by its own
    # order (``stat_cell_order``); any other the usual way, a row opened at its code or indicator.
    # (Imported here: a document without such a run, most, never loads their settings' classes.)
    from extract.segment.stat_cell_order import figures_first
    from extract.segment.stat_heading_cells import heading_cells_returned

    # Specks of a smeared cell open no row of the rejoin (the figures-first order reads them as
    # the places of lost cells).
    rejoined = figures_first(cells) or heading_cells_returned(
        rejoin(without_speck_cells(cells, settings), cell_settings)
    )
    rows = [_RowLines(r.code, r.indicator, r.unit, r.value, "", r.page, r.first, r.last) for r in rejoined]
    end = start
    if body:
        end = next(k for k in range(start, len(lines)) if lines[k] is body[-1]) + 1
    labelled = named >= settings.min_header_labels
    return (_joined_table(rows, lines[head].number, settings) if rows else None), end, labelled
