"""One document through the stages: ingest → repair → metadata → segment → reconcile → validate.

Each stage is a plain function over the model; a stage that fails adds an ``errors`` record
(``{stage, message}``) and the document still comes out, with whatever the earlier stages
produced. Tracebacks only with ``debug``.
"""

from __future__ import annotations

import hashlib
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cchc_extract.coverage import account_coverage
from cchc_extract.reconcile import ReconcileSettings, reconcile
from cchc_extract.reconcile.core import one_entry_per_cell
from cchc_extract.reconcile.derived import derive_lost_cells
from cchc_extract.reconcile.derived_blanks import queue_blanks_under_derived
from cchc_extract.reconcile.misread import ocr_read
from cchc_extract.reconcile.queue_once import one_look_each
from cchc_extract.reconcile.stat_confirmed import confirm_derived_stats
from cchc_extract.reconcile.stat_derived import derive_lost_stat_values
from cchc_extract.reconcile.unchecked import flag_withheld_by_coverage
from cchc_extract.restored_rows import RestoreSettings, restore_lost_parents, restored_review
from extract.base import IngestError, IngestOptions, ingest
from extract.metadata import read_metadata
from extract.model import IngestedDocument
from extract.ocr_marks import laid_out_by_ocr
from extract.segment.appraised_column import flag_unread_columns
from extract.segment.body_stat_lines import BodyStatsRead, body_stat_lines, outside_stat_lines
from extract.segment.counts import find_counts
from extract.segment.edge_cut import tell_page_edges
from extract.segment.field_details import details_under_summary, field_headings
from extract.segment.field_summary import FieldsSummed, fields_from_summary, read_as_summary
from extract.segment.figures_below_row import figures_below_rows
from extract.segment.footnote_notes import footnoted, outside_notes, read_as_notes
from extract.segment.joined_once import JoinedOnce
from extract.segment.name_figures import points_in_names
from extract.segment.name_intruders import drop_intruders_in_tables
from extract.segment.name_rest import names_rest_in_tables
from extract.segment.period_lines import periods_on_lines
from extract.segment.repeated_code_row import repeated_code_rows
from extract.segment.score_tables import ScoreTablesRead, read_score_tables
from extract.segment.self_total_lines import self_totals_on_lines
from extract.segment.set_align import rows_in_set_order
from extract.segment.set_rows import SetRowSettings, recover_set_rows, set_order_review
from extract.segment.stat_across_lines import across_line_annexes
from extract.segment.stat_block_figures import BlockFiguresRead, figures_from_blocks
from extract.segment.stat_garbled_figures import garbled_figures
from extract.segment.stat_glued_rows import glued_rows
from extract.segment.stat_item_marks import restored_item_marks
from extract.segment.stat_lines import StatLinesRead, read_statistics_lines
from extract.segment.stat_lookalike_figures import lookalike_figures
from extract.segment.stat_numbering import joined_pieces, lost_rows
from extract.segment.stat_tab_lines import read_tab_line_annexes, unread_tab_annexes
from extract.segment.stat_unread import (
    annexes_outside_scores,
    garbled_rows,
    lost_figures,
    outside_annexes,
    outside_statements,
    outside_tasks,
    unread_annexes,
)
from extract.segment.statements import find_score_statements
from extract.segment.statistics import find_statistics
from extract.segment.tab_tables import typed_tables
from extract.segment.target_tables import find_target_tables, plan_year
from extract.segment.targets import find_targets
from extract.segment.task_codes import held_to_statements, stated_codes
from extract.segment.task_doubts import doubt_tasks
from extract.segment.task_evidence import weigh_cells
from extract.segment.task_lines import find_task_lines
from extract.segment.task_paragraphs import find_task_paragraphs
from extract.segment.task_tables import find_task_tables
from extract.segment.task_units import split_units
from extract.segment.task_wording import reword_tasks
from extract.segment.unread import find_unread, totals_told, unread_review_items
from extract.segment.unread_annex_again import rows_under_header_again
from extract.segment.unread_statements import unread_statements
from extract.segment.unread_withdrawn import withdraw_unsure_tables
from normalize.criteria import CriteriaSet, CriterionDef
from normalize.criteria.match import apply_criteria_sets
from normalize.criteria.match_settings import MatchSettings
from normalize.criteria.set_cells import drop_later_cells, fill_set_maxima
from normalize.vietnamese import document_damage_class, repair_document
from schemas import schema_errors
from schemas.records import ErrorRecord, ExtractionResult, ScoreRow, ScoreTable, SourceInfo, SourceRef, to_dict


@dataclass(frozen=True)
class PipelineOptions:
    ingest: IngestOptions = field(default_factory=IngestOptions)
    reconcile: ReconcileSettings = field(default_factory=ReconcileSettings)
    repair: bool = True
    debug: bool = False
    criteria: MatchSettings = field(default_factory=MatchSettings)
    # Parent rows the code tree says were printed whose lines OCR lost (cchc_extract.restored_rows).
    restore: RestoreSettings = field(default_factory=RestoreSettings)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    message = text[0] if text else ""
    return message if isinstance(exc, IngestError) else f"{type(exc).__name__}: {message}".rstrip(": ")


def _fields_stage(
    result: ExtractionResult, join: Callable[[list[ScoreTable]], FieldsSummed], debug: bool
) -> FieldsSummed:
    """A segment stage joining the score tables read by their fields (a summary's points, per-field
    tables): the tables it gives replace the result's; on failure they stay as read."""
    joined = _run_stage(
        result, "segment", lambda: join(result.score_tables), debug, default=FieldsSummed(result.score_tables, [])
    )
    result.score_tables = joined.tables
    return joined


def _run_stage(result: ExtractionResult, stage: str, fn: Callable, debug: bool, default=None):
    try:
        return fn()
    except IngestError as exc:
        result.errors.append(ErrorRecord(stage=stage, message=one_line(exc)))
    except Exception as exc:  # one bad document must not stop a batch
        message = one_line(exc)
        if debug:
            message += "\n" + traceback.format_exc()
        result.errors.append(ErrorRecord(stage=stage, message=message))
    return default


def convert_document(doc: IngestedDocument, result: ExtractionResult, options: PipelineOptions) -> None:
    """The stages after ingest, filling ``result`` in place."""
    debug = options.debug
    # Tables typed as lines at tab stops or wide gaps (no table at all) given back as the grids they
    # are, before the repair: it mends a grid's cells as any other's (extract.segment.tab_tables).
    doc = _run_stage(result, "segment", lambda: typed_tables(doc), debug, default=doc)
    if options.repair:
        doc = _run_stage(result, "repair", lambda: repair_document(doc), debug, default=doc)
    # What the text as written was taken for, judged once (by the repair, or here when it is off;
    # a repair that failed before judging leaves it unjudged): every later "read by OCR?" asks
    # ``ocr_read``, which weighs it.
    if doc.damage is None and not options.repair:
        doc.damage = _run_stage(result, "repair", lambda: document_damage_class(doc), debug)
    result.source.text_damage = doc.damage or ""
    # The marks OCR's layout leaves on the text (specks, bars of a grid), read once here: a dump
    # whose words came out clean says by them alone that it is OCR's.
    layout = _run_stage(result, "repair", lambda: laid_out_by_ocr(doc), debug, default=False)
    meta = _run_stage(result, "metadata", lambda: read_metadata(doc), debug)
    meta_review = []  # metadata fields found but not read for sure (a signer's name without its marks)
    if meta is not None:
        result.document, meta_review = meta
    # The document's tables joined across pages once for the four readers of them, each given its copy.
    joined = JoinedOnce(doc)
    read = _run_stage(
        result, "segment", lambda: read_score_tables(doc, joins=joined()), debug, default=ScoreTablesRead([], [])
    )
    # A footnote mark after a name is no part of it; its note under the table is the row's explanation.
    noted = _run_stage(result, "segment", lambda: footnoted(doc, read.tables), debug, default=(read.tables, []))
    result.score_tables, note_lines = noted
    # A summary table of the fields' points fills the detail's blank field rows (extract.segment.field_summary)
    # ... or, each field's criteria a table of its own (the annex's), joins them under its fields.
    summed = _fields_stage(result, fields_from_summary, debug)
    _fields_stage(result, details_under_summary, debug)
    # The official criteria set, recognised from the rows read: names snapped to its wording,
    # maxima that differ from it flagged (nothing happens when no set fits).
    year = result.document.year if result.document else None
    criteria = _run_stage(
        result,
        "criteria",
        lambda: apply_criteria_sets(
            result.score_tables, _hint_text(doc), year, settings=options.criteria, order=_names_in_set_order
        ),
        debug,
    )
    # "Read by OCR?" answered once, from the text, the rows' names and their numbers as read: every
    # later stage asks ``ocr_read``, which gives this answer (None when judging failed: asked anew).
    result.source.read_by_ocr = _run_stage(
        result, "segment", lambda: ocr_read(result, options.reconcile, layout=bool(layout)), debug
    )
    # Another cell's words an OCR dump's lines left inside a name no criteria set snapped, judged by the
    # language model (``extract.segment.name_intruders``).
    _run_stage(result, "segment", lambda: drop_intruders_in_tables(result.score_tables, ocr_read(result)), debug)
    # ... and a name's last wrapped line those lines left in the explanation (``extract.segment.name_rest``).
    _run_stage(result, "segment", lambda: names_rest_in_tables(result.score_tables, ocr_read(result)), debug)
    result.statistics = _run_stage(result, "segment", lambda: find_statistics(doc, joins=joined()), debug, default=[])
    # Annexes typed as lines at tab stops (a dot leader to the figure, its unit after it), typed or
    # OCR'd with their leaders.
    known = frozenset(p for a in result.statistics for p in a.pages)
    result.statistics += _run_stage(
        result, "segment", lambda: read_tab_line_annexes(doc, known).annexes, debug, default=[]
    )
    # Annexes turned over (a row per hamlet, a column per indicator) on a dump's lines: the commune's
    # total row under a header of coded labels; their pages are no other annex's lines.
    known = frozenset(p for a in result.statistics for p in a.pages)
    result.statistics += _run_stage(
        result,
        "segment",
        lambda: [a for a in across_line_annexes(doc, lambda: ocr_read(result)) if not set(a.pages) & known],
        debug,
        default=[],
    )
    # Annexes of text pages with no grid (OCR text dumps): read from their lines.
    # (The rows of an annex read in part that were not kept are told with the unread parts.)
    lines_read = _run_stage(
        result,
        "segment",
        lambda: read_statistics_lines(
            doc, lambda: ocr_read(result), known_pages=frozenset(p for a in result.statistics for p in a.pages)
        ),
        debug,
        default=StatLinesRead([], []),
    )
    # An annex whose rows came without figures, its figures printed below as a block (``--psm 3``).
    blocks = _run_stage(
        result,
        "segment",
        lambda: figures_from_blocks(doc, lines_read.annexes),
        debug,
        default=BlockFiguresRead(lines_read.annexes, []),
    )
    # ... and a figure its row's line prints with digits OCR read as letters ("A46"), where the sums say so.
    result.statistics += _run_stage(
        result, "segment", lambda: lookalike_figures(doc, blocks.annexes), debug, default=blocks.annexes
    )
    # A report's figures told as numbered lines of its body, their breakdowns in brackets or "- " lines.
    title = (result.document.title if result.document else "") or ""
    body = _run_stage(result, "segment", lambda: body_stat_lines(doc, title), debug, default=BodyStatsRead([], []))
    result.statistics += body.annexes
    # An annex read as pieces page by page (its page mark "1/3" taken for a title) is one form.
    result.statistics = _run_stage(
        result, "segment", lambda: joined_pieces(result.statistics), debug, default=result.statistics
    )
    # A lettered item's mark OCR spoilt in its name ("€j" between "b)" and the next field) is the
    # letter its neighbours say.
    result.statistics = _run_stage(
        result, "segment", lambda: restored_item_marks(result.statistics), debug, default=result.statistics
    )
    # A score table read from the lines an annex read from lines holds was the annex, misread.
    result.score_tables = _run_stage(
        result,
        "segment",
        lambda: outside_annexes(result.score_tables, result.statistics),
        debug,
        default=result.score_tables,
    )
    # ... and an annex read by inferred columns over a score table's rows was the table, read twice.
    result.statistics = _run_stage(
        result,
        "segment",
        lambda: annexes_outside_scores(result.statistics, result.score_tables),
        debug,
        default=result.statistics,
    )
    result.task_tables = _run_stage(result, "segment", lambda: find_task_tables(doc, joins=joined()), debug, default=[])
    result.task_tables += _run_stage(result, "segment", lambda: find_task_paragraphs(doc), debug, default=[])
    if not any(t.form == "table" for t in result.task_tables):  # no grid: a framework printed as lines (OCR)
        # (columns from the rows' shape only where nothing else was read: a task list read as
        # paragraphs, a score table or an annex numbers its lines too)
        shapes = not result.task_tables and not any(t.rows for t in result.score_tables)
        shapes = shapes and not any(a.rows for a in result.statistics)
        result.task_tables += _run_stage(
            result, "segment", lambda: find_task_lines(doc, shapes=shapes), debug, default=[]
        )
    # A score table that read no figure over a task table's rows was the plan, read twice.
    result.score_tables = _run_stage(
        result,
        "segment",
        lambda: outside_tasks(result.score_tables, result.task_tables),
        debug,
        default=result.score_tables,
    )
    # OCR's marks on a clean word of a fixed term ("Quy chế chỉ tiêu nội bộ") put back from the catalogue;
    # a units cell labelling its parts ("Chủ trì: …" / "Phối hợp: …") read as lead and coordinators.
    result.task_tables = _run_stage(
        result,
        "segment",
        lambda: split_units(reword_tasks(result.task_tables, ocr=bool(result.task_tables) and ocr_read(result))),
        debug,
        default=result.task_tables,
    )
    result.score_statements = _run_stage(result, "segment", lambda: find_score_statements(doc), debug, default=[])
    # A score table read from the sentences the statements were read from was the statements, misread.
    result.score_tables = _run_stage(
        result,
        "segment",
        lambda: outside_statements(result.score_tables, result.score_statements),
        debug,
        default=result.score_tables,
    )
    # A task's criterion code OCR misread ("9.4" for "5.4") put right from the codes the document
    # states points for (and the criteria set's, when it is surely recognised); then a scanned
    # grid row's or a scanned task paragraph's unsure cells the document confirms (its number in
    # sequence, a stated criterion code, a whole unit name, a quarter III of the plan's period) no
    # longer hold its confidence down.
    set_codes = [r.code for r in criteria.cset.rows] if criteria is not None and criteria.sure(options.criteria) else []
    stated = stated_codes(result.score_statements, set_codes)
    result.task_tables = _run_stage(
        result,
        "segment",
        lambda: weigh_cells(held_to_statements(result.task_tables, stated), stated, result.document.period),
        debug,
        default=result.task_tables,
    )
    # Task fields OCR read with no word confidence: the text's own signs of a misreading queue the row.
    result.task_tables = _run_stage(
        result,
        "segment",
        lambda: doubt_tasks(result.task_tables, ocr=ocr_read(result), period=result.document.period),
        debug,
        default=result.task_tables,
    )
    year = plan_year(result.document.period)
    result.targets = _run_stage(result, "segment", lambda: find_targets(doc, default_year=year), debug, default=[])
    result.targets += _run_stage(result, "segment", lambda: find_target_tables(doc, joins=joined()), debug, default=[])
    counts = _run_stage(result, "segment", lambda: find_counts(doc), debug, default=[])
    # (an annex's lines are its rows; a table's notes its rows' explanations)
    result.counts = outside_notes(outside_stat_lines(counts, result.statistics), note_lines)
    # Tables of typed pages whose rows cannot be trusted are reported as unread, not as rows.
    unsure = _run_stage(
        result,
        "segment",
        lambda: withdraw_unsure_tables(doc, result, criteria=criteria.cset if criteria else None),
        debug,
        default=[],
    )
    _run_stage(result, "segment", lambda: flag_unread_columns(doc, result), debug)
    _run_stage(result, "segment", lambda: periods_on_lines(doc, result), debug)  # two years' points: not appraised
    _run_stage(result, "segment", lambda: self_totals_on_lines(doc, result), debug)  # self parts, then their sum
    # Fields' headings over their criteria tables, read as the fields' rows, are no lines left unread;
    # nor are the notes under a table, read as its rows' explanations.
    aside = [
        t for t in read.set_aside if not field_headings(t, result.score_tables) and not read_as_notes(t, note_lines)
    ]
    unread = _run_stage(
        result, "segment", lambda: find_unread(doc, result, known=unsure, set_aside=aside), debug, default=[]
    )
    unread = [p for p in unread if not read_as_summary(p, summed.summaries)]  # merged into the detail's fields
    # A report's score statements printed but not read (OCR spoilt their scores): said, not dropped.
    unread += _run_stage(result, "segment", lambda: unread_statements(doc, result.score_statements), debug, default=[])
    # A statistics form's title printed with none of its rows read: said, not dropped.
    unread += _run_stage(
        result,
        "segment",
        lambda: unread_annexes(doc, result.statistics, unread + unsure, others=_row_sources(result)),
        debug,
        default=[],
    )
    # ... and an annex's rows under its header printed again, past its last row read.
    unread += _run_stage(
        result,
        "segment",
        lambda: rows_under_header_again(doc, result.statistics, unread + unsure, _row_sources(result)),
        debug,
        default=[],
    )
    # ... and an annex typed as coded lines with figures that gave no row.
    unread += _run_stage(
        result, "segment", lambda: unread_tab_annexes(doc, result.statistics, _row_sources(result)), debug, default=[]
    )
    # ... and the lines of an annex read without its header that gave no row.
    unread += _run_stage(result, "segment", lambda: garbled_rows(doc, result.statistics), debug, default=[])
    # ... and the rows of an annex read in part by its code column that were not kept.
    unread += lines_read.unread
    unread += blocks.unread  # ... and the figures of a block printed apart that could not be paired.
    unread += body.unread  # ... and a report's numbered statistics lines that gave no row.
    # ... and the score rows of criteria pasted several to a row whose lines could not be matched.
    unread += read.unread
    # ... and the figures such an annex prints that the text lost.
    unread += _run_stage(result, "segment", lambda: lost_figures(result.statistics), debug, default=[])
    # ... and a row an OCR'd annex printed glued into another's line, left in its note.
    unread += _run_stage(
        result, "segment", lambda: glued_rows(result.statistics) if ocr_read(result) else [], debug, default=[]
    )
    # ... and the figures an OCR'd annex printed that OCR garbled past reading.
    unread += _run_stage(
        result, "segment", lambda: garbled_figures(result.statistics) if ocr_read(result) else [], debug, default=[]
    )
    # ... and the rows an OCR'd annex's numbering says were printed that no row read carries.
    unread += _run_stage(
        result,
        "segment",
        lambda: lost_rows(result.statistics, unread) if ocr_read(result) else [],
        debug,
        default=[],
    )
    # A garbled totals row withdrawn as a row is told once, as the table's lost total.
    kept = totals_told(unsure, unread)
    # Rows of the regions told unread that the criteria set's wording still finds, in its order.
    told = _run_stage(
        result,
        "segment",
        lambda: recover_set_rows(doc, result, kept, unread, criteria.cset if criteria else None),
        debug,
        default=unread + kept,
    )
    # Grids the page's edge cut and text past it: told, their rows' fields doubted (extract.segment.edge_cut).
    told = _run_stage(result, "segment", lambda: tell_page_edges(doc, result, told), debug, default=told)
    result.unread = sorted(told, key=lambda p: (p.page or 0, p.line_start or 0))
    # A row whose line printed no figure, its points printed on the line below it (a centred cell):
    # read where they open with the criteria set's maximum for it, the claims of their loss withdrawn.
    _run_stage(result, "segment", lambda: figures_below_rows(doc, result, criteria.cset if criteria else None), debug)
    # A row whose code OCR printed again on its points' line, that line read as another row under a
    # renamed code: its points read there where they open with the set's maximum, the other withdrawn.
    _run_stage(result, "segment", lambda: repeated_code_rows(doc, result, criteria.cset if criteria else None), debug)
    # Maxima the document prints but OCR lost, from the set when it is surely recognised (after
    # the unread parts are told: the cell was not read, its value is the set's).
    if criteria is not None:
        _run_stage(
            result,
            "criteria",
            lambda: fill_set_maxima(
                result.score_tables, criteria, options.criteria, ocr=bool(result.source.read_by_ocr)
            ),
            debug,
        )
    # A maximum the set gave, or the children's maxima add up to, that the row's name prints was
    # read, not lost.
    _run_stage(result, "segment", lambda: points_in_names(result), debug)
    _run_stage(result, "criteria", lambda: drop_later_cells(result.score_tables), debug)
    # Parent rows the code tree says were printed, their lines not read: restored with the set's
    # names, told unread and queued, taken out of the tables while the checks run.
    restored = _run_stage(
        result,
        "segment",
        lambda: restore_lost_parents(
            result, criteria.cset if criteria else None, bool(ocr_read(result)), options.restore
        ),
        debug,
        default=[],
    )
    if restored:
        result.unread = sorted(result.unread + restored, key=lambda p: (p.page or 0, p.line_start or 0))
    _run_stage(result, "reconcile", lambda: reconcile(result, options.reconcile), debug)
    # What was not read explains the sums it leaves short, and goes to the queue ahead of every
    # doubtful value.
    account_coverage(result)
    flag_withheld_by_coverage(result)
    result.review = one_look_each(
        one_entry_per_cell(
            unread_review_items(result)
            + meta_review
            + set_order_review(result)
            + restored_review(result)
            + result.review
        ),
        result,
    )
    # Cells OCR lost that the sums determine, last: no check, coverage or entry above saw them.
    # (and the blank parts under a derived score that their read parts fall short of: lost too)
    _run_stage(
        result,
        "reconcile",
        lambda: queue_blanks_under_derived(result, derive_lost_cells(result, options.reconcile), options.reconcile),
        debug,
    )
    # ... and an annex's lost figures its parts, wholes and shares determine.
    # Those two relations give alike, from figures read, are vouched for: out of the queue and unread.
    _run_stage(
        result,
        "reconcile",
        lambda: confirm_derived_stats(result, derive_lost_stat_values(result, options.reconcile), options.reconcile),
        debug,
    )


def _names_in_set_order(rows: Sequence[ScoreRow], cset: CriteriaSet) -> list[tuple[int, CriterionDef]]:
    """The rows whose names follow the set's wordings in its order, aligned as the lines of a
    garbled region are (``set_align.rows_in_set_order``): how a set is recognised by names."""
    return rows_in_set_order(rows, cset, SetRowSettings())


def _row_sources(result: ExtractionResult) -> list[SourceRef]:
    """Where each score and task row read was printed: an annex's label with such rows after it
    is not an annex lost."""
    return [r.source for t in result.score_tables for r in t.rows] + [
        r.source for t in result.task_tables for r in t.rows
    ]


def _hint_text(doc: IngestedDocument, head_lines: int = 40) -> str:
    """The document's opening lines: where a province, a district and the year are named."""
    out = []
    for i, line in enumerate(doc.lines()):
        if i >= head_lines:
            break
        out.append(line.text)
    return "\n".join(out)


def convert_file(
    path: Path,
    display_path: str | None = None,
    options: PipelineOptions = PipelineOptions(),
    read: Callable[[Path, IngestOptions], IngestedDocument] = ingest,
) -> ExtractionResult:
    """Convert one input file; never raises for a bad input. ``read`` is the ingest stage (a
    batch gives the join of a long scan's page ranges read on several workers)."""
    result = ExtractionResult(source=SourceInfo(path=display_path or str(path)))
    try:
        result.source.sha256 = file_sha256(path)
    except OSError as exc:
        result.errors.append(ErrorRecord(stage="ingest", message=f"cannot read file: {exc.strerror or exc}"))
        return result
    doc = _run_stage(result, "ingest", lambda: read(path, options.ingest), options.debug)
    if doc is None:
        result.source.format = _format_of(path)
        return result
    result.source.format = doc.format
    result.source.pages = len(doc.pages)
    result.source.method = doc.method
    result.source.encoding = doc.encoding
    # What the reader repaired or dropped to read the file (NULs removed, a broken PDF repaired).
    result.errors.extend(ErrorRecord(stage="warning", message=w) for w in doc.warnings)
    convert_document(doc, result, options)
    return result


def _format_of(path: Path) -> str:
    suffix = path.suffix.lower()
    return {
        ".txt": "txt",
        ".text": "txt",
        ".tsv": "txt",
        ".md": "md",
        ".markdown": "md",
        ".docx": "docx",
        ".pdf": "pdf",
        ".png": "image",
        ".jpg": "image",
        ".jpeg": "image",
        ".tif": "image",
        ".tiff": "image",
    }.get(suffix, "")


def result_to_json(result: ExtractionResult) -> dict:
    """The output document, validated: a result that breaks the schema keeps its source and
    errors, loses its content, and says why."""
    data = to_dict(result)
    problems = schema_errors(data)
    if problems:
        fallback = ExtractionResult(source=result.source, document=result.document, errors=list(result.errors))
        fallback.errors.append(
            ErrorRecord(
                stage="validate",
                message=f"output broke the schema: {problems[0]}"
                + (f" (+{len(problems) - 1} more)" if len(problems) > 1 else ""),
            )
        )
        data = to_dict(fallback)
        if schema_errors(data):  # metadata itself broken: drop it too
            fallback.document = type(result.document)()
            data = to_dict(fallback)
    return data


def write_json(data: dict, out_path: Path, out_dir: Path | None = None) -> None:
    """Write atomically, so an interrupted batch never leaves half a file; strict JSON (no
    ``Infinity``); never through a symlink, nor (given ``out_dir``) outside ``out_dir``."""
    from cchc_extract.outdir import dumps, write_text

    if out_dir is None:
        out_path.parent.mkdir(parents=True, exist_ok=True)
    write_text(out_dir or out_path.parent, out_path, dumps(data))
