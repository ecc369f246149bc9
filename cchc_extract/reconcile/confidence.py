"""Calibrated confidence of each value read: the chance that a number in a score or statistics
row is what the document prints, from the evidence about that one value.

Evidence (``value_features``), each a number the model weighs:
  row       the logit of the row's reading confidence (OCR word confidence where there is one,
            codes inferred or repaired, cells missing: ``extract/segment``'s own account), capped
            at ``unsure_cell`` for a cell OCR read unsurely (its own flag, ``unsure_conf``): the
            doubt is that number's, not its row's others'
  missing   the cell is blank, the segmenter flagged it missing, and the row's other points cell
            is filled (a row printing one number but not the other lost a cell; a row printing
            neither is a heading), where a cell can be lost: characters OCR made, or text whose
            rows were split from its lines; a typed grid's cell (DOCX, a PDF's text layer) left
            blank is what the document prints. On a scan or photo (our OCR, which sees the page
            and says how sure it is of each word), a score (self, appraised) blank with its whole
            block (its children, else its siblings: ``block_prints``, as coverage judges a lost
            cell) is printed blank too, unless OCR read the cell unsurely. Not on text: an OCR
            dump loses the figures of whole rows (seed 215's dumps: 25 of 27 such blanks were
            lost cells), and a dump not recognised as one reads as plain text. Or the cell
            printed text that gave no number; or, on a dump, its row prints no number under a
            code the set scores and nothing is read under it (``scored_blank``: no heading)
  format    the cell's text is not a clean number of its kind ("2,5", "10", "87,50 %"): a cell
            printed as letters OCR took for digits ("l" read 1), a figure with a bracket or a
            speck glued to it ("2.20)"); or, on OCR'd text, its decimal mark is not the one the
            table's other figures write (``table_mark``: "2.20" among "9,5", "6,25"), a comma OCR
            read as a stop or a figure pieced from two cells. Not for a maximum the set filled in;
            withdrawn where a relation that holds or the set's printed maximum settles the value
            (``settled``)
  held      the value takes part in a relation that holds (a parent's sum, a table total, an
            annex total): another printed number vouches for it
  failed    the value takes part in a relation that fails (it is in the queue for that anyway)
  agrees    its max points equal the criteria set's maximum for its code (+1), differ (-1); self
            points above the set's maximum (-1); no set or no such code (0); a maximum the set
            filled in for a cell not read (``FLAG_MAX_FROM_SET``) agrees by construction (0)
  readings  the segmenter or the checks found other readings of its text (alternatives, repair)
  garbled   another points cell of the same row printed characters that gave no number ("Pt",
            "[J2"): OCR spoilt that line's figures, and those it gave may have lost a mark or a
            digit too ("0,75" read "05", or "0")
  twin      the row's self and appraised points were both read and are equal: two cells read
            apart agree, as a second reading would (two misreadings seldom land on one value);
            or a score equal to the maximum its row printed (full marks), unless the set disputes
            that maximum
  named     the row's code was inferred or repaired and its name is the criterion the set gives
            that code (``coded_by_name``): the name settles the code, so the doubt the segmenter
            put on the row for it is taken back (a lost cell keeps its own doubt)
  placed    the row's code was inferred from its position or repaired, and it lost no cell: the
            segmenter lowered the row's confidence for its code, which says little of its numbers
            (the code has a review entry of its own); kept apart so that the fit weighs it back

  dump      the document is an OCR text dump: characters OCR made, without OCR's word confidences
            (a scan's row confidence carries them; a dump's row starts at the same figure as a
            scan's whatever its words looked like, so its values need a weight of their own)
  scan      the document is a scan or a photo (OCR'd pages, with OCR's word confidences): not
            weighed (0); with ``dump`` it says which kind of source a value comes from, for the
            calibration of that kind (``calibration_scan``, ``calibration_dump``)

The facts each feature reads are asked of their own modules: a row's cells (``score_cells``), the
criteria set's maxima (``set_maxima``), how the table's cells were made (``cell_grids``), their
printed form (``printed_cells``).

The model that weighs them (its settings, weights and calibration) is
``cchc_extract/reconcile/confidence_model.py``. The weights are a logistic regression fitted by
``tools/fit_confidence.py`` on the dev split of the corpus (its documents as read, and copies with
misreadings planted as OCR makes them) and checked on the held-out split
(``benchmarks/generalisation`` prints the reliability table). The review threshold then picks
values: a value under it goes to the queue, not its whole row.
"""

from __future__ import annotations

from cchc_extract.reconcile.cell_grids import blanks_printed as blanks_printed, table_mark as table_mark
from cchc_extract.reconcile.confidence_base import read_as_base, read_as_part
from cchc_extract.reconcile.confidence_model import (
    FEATURES as FEATURES,
    SOURCE_KINDS as SOURCE_KINDS,
    ConfidenceSettings as ConfidenceSettings,
    is_calibrated as is_calibrated,
    logit,
    probability as probability,
    score as score,
    source_kind as source_kind,
)
from cchc_extract.reconcile.held import _held_values
from cchc_extract.reconcile.hierarchy import block_prints, children_of, resolve_parents
from cchc_extract.reconcile.le_max import scores_over_max
from cchc_extract.reconcile.lone_figure import lone_figure_unsure, short_of_parent
from cchc_extract.reconcile.named_set import named_set_maxima, worded_set_maxima
from cchc_extract.reconcile.off_step import hundredths_off_step, keeps_step, off_step_max
from cchc_extract.reconcile.printed_cells import (
    damaged_figure,
    encloses_row,
    garbled_beside,
    malformed,
    mark_inserted,
    max_lost_mark,
    printed_figure,
    scale_figure_taken,
    score_beside_zero,
    score_far_under,
)
from cchc_extract.reconcile.queue_once import told_unread

# The cells' own predicates and the criteria set's evidence live beside this module (a module per
# idea); their names stay importable from here, where callers found them before the split.
from cchc_extract.reconcile.score_cells import (
    APPRAISED as APPRAISED,
    MISSING_FLAG as MISSING_FLAG,
    PLACED_FLAGS,
    SCORE_FIELDS as SCORE_FIELDS,
    both_scores_unsure,
    cell_confidence,
    chosen_by_sum,
    coded_by_name,
    column_guessed,
    explanation_points,
    lost_beside,
    lost_both,
    named_scan_confidence,
    printed_max as printed_max,
    prints_other,
    set_filled,
    table_fields,
    twin_scores,
)
from cchc_extract.reconcile.set_maxima import (
    agrees_with_set,
    criteria_maxima,
    moved_left,
    neighbours_maximum,
    scored_blank,
    set_children_sum,
    table_maxima as table_maxima,
)
from cchc_extract.reconcile.short_sums import short_blanks, short_sums
from cchc_extract.reconcile.stat_rows import figure_left_in_name, follows_figureless
from cchc_extract.reconcile.stray_figure import stray_figure
from cchc_extract.reconcile.unseen_periods import column_doubted
from cchc_extract.reconcile.whole_decimals import bare_figure, bare_twins, writes_wholes_with_decimal
from extract.segment.stat_line_periods import PARTS_DISAGREE_FLAG, WHOLE_UNPLACED_FLAG
from extract.segment.stat_plan_pairs import PAIRS_UNPLACED_FLAG
from extract.segment.stat_unread import CELLS_REJOINED
from extract.segment.stat_values import PERCENT_OVER_100
from extract.segment.statistics import COLUMN_GUESSED_FLAG
from extract.segment.units_sums import UNITS_SUM_FLAG
from normalize.count_units import unit_debris
from schemas.records import (
    Check,
    ExtractionResult,
    ReviewItem,
    ScoreRow,
    StatRow,
    unsure_conf,
)


def value_features(
    result: ExtractionResult,
    checks: list[Check],
    review: list[ReviewItem],
    s: ConfidenceSettings = ConfidenceSettings(),
    confirmed: set[tuple[str, str]] | frozenset[tuple[str, str]] = frozenset(),
) -> dict[tuple[str, str], dict[str, float]]:
    """(row pointer, field) → its evidence, for every numeric value of score and statistics rows.
    ``confirmed``: values a relation that holds confirms beyond its own members (``_Ledger.confirmed``)."""
    from cchc_extract.reconcile.misread import ocr_read, scanned  # misread's settings import this module

    held = _held_values(result, checks) | set(confirmed)
    failed = {(r.item, r.field) for r in review if r.field}
    read_by_ocr = ocr_read(result)
    from_scan = scanned(result)
    ocr = {"dump": float(not from_scan and read_by_ocr), "scan": float(from_scan)}
    sets = criteria_maxima(result)
    told = told_unread(result) if read_by_ocr or from_scan else set()
    # Blanks a sum of scores short of its whole says hold the rest (``short_sums``): lost cells.
    lost_by_sums = short_blanks(short_sums(result, checks)) if read_by_ocr or from_scan else set()
    # Scores above their maximum put down to a misreading: members of a relation that fails.
    over_max = scores_over_max(checks) if read_by_ocr or from_scan else set()
    out: dict[tuple[str, str], dict[str, float]] = {}
    for ti, table in enumerate(result.score_tables):
        worded = False
        if not sets.get(ti) and (read_by_ocr or from_scan):
            # Maxima misread by the half adopt no set; the set the rows' wordings name still says
            # what each maximum should be (a scale's "3 điểm" read 5 for the max, and 5 for full marks).
            # So does the set the most rows word (``worded_set_maxima``): a dump's rows carry no
            # flag naming a set whose wording they print as it is.
            sets[ti] = named_set_maxima(table.rows, s.named_set_min_rows)
            if not sets[ti] and ocr["dump"]:
                # (a dump's: a scan's figures carry OCR's own word confidences, and its rows may
                # name a set by a criterion or two whose maxima another set weighs otherwise)
                sets[ti] = worded_set_maxima(table.rows, s.named_set_min_rows, s.worded_far)
                worded = bool(sets[ti])
        fields = table_fields(table.rows, s)
        kids = children_of(resolve_parents(table.rows)[0])
        parent_of = {k: p for p, ks in kids.items() for k in ks}
        # A blank cell of a printed grid is printed blank: no cell of it can be lost.
        cells_lost = not blanks_printed(table, result.source, read_by_ocr)
        # A mark other than the table's is OCR's slip only where OCR made the characters: a typed
        # cell prints the mark its writer typed.
        mark = table_mark(table.rows, fields, s) if read_by_ocr or from_scan else ""
        # So is a bare figure where the table prints its whole points with a decimal ("20" among
        # "2,0", "12,0": ``whole_decimals``).
        wholes = bool(mark) and writes_wholes_with_decimal(table.rows, fields, s)
        # A maximum off the quarters a table of OCR'd quarters keeps to is a digit misread (``off_step``).
        quarters = (read_by_ocr or from_scan) and keeps_step(table.rows, fields)
        for ri, row in enumerate(table.rows):
            pointer = f"/score_tables/{ti}/rows/{ri}"
            maxima = sets.get(ti, {})
            # A scale label robbed of its figure before the row's figures: the figures after it
            # may each stand one cell right of their own (the maximum read as the self score).
            taken = cells_lost and scale_figure_taken(row)
            # So are the figures of a line the set says is a neighbour's (``neighbours_maximum``).
            moved = (cells_lost and (moved_left(row, maxima) or neighbours_maximum(row, maxima))) or taken
            disputed = agrees_with_set(row, "max_points", maxima) < 0
            disputed = disputed and not set_children_sum(table.rows, ri, kids, maxima)
            inside = encloses_row(table.rows, ri)
            parent = parent_of.get(ri)
            short = parent is not None and short_of_parent(checks, f"/score_tables/{ti}/rows/{parent}")
            for f in fields:
                features = _features(row, f, pointer, held, failed, "score", cells_lost, s, mark, moved)
                if (pointer, f) in over_max and not features["held"]:
                    # (the misreading found may be the maximum's alone: "3 5" for 3 and 3 blamed
                    # its 3, which may be 8; the 5 is no surer, seed 12001's D14 dump)
                    features["failed"] = 1.0
                if ocr["dump"] and cells_lost and scored_blank(row, ri, kids, maxima) and not set_filled(row, f):
                    # A row printing no number under a code the criteria set scores, with no
                    # sub-criterion read under it, is no heading: a criterion whose line lost its
                    # figures (or a row read a code off), its blanks as lost as flagged ones.
                    features["missing"] = 1.0
                if f == "max_points" and cells_lost and lone_figure_unsure(row, disputed, short=short):
                    # a line's one figure beside lost scores, disputed by the set, written in quarters as a
                    # score is, or in a part whose maxima fall short (``lone_figure``): any column's
                    features["row"] = min(features["row"], logit(s.unsure_cell, s.clip))
                if f == "max_points" and (read_by_ocr or from_scan) and max_lost_mark(row):
                    # "25" beside a score of 2,5: the maximum's comma lost (``max_lost_mark``), as
                    # unsure as a cell OCR half read; a sum that holds with it still vouches.
                    features["row"] = min(features["row"], logit(s.unsure_cell, s.clip))
                if (disputed and cells_lost) or taken:
                    # A maximum the set disputes may be another row's line read into this one
                    # ("133 ; 3 0 0", criterion 1.3's, taken by 1.2.2 whose own OCR garbled): two
                    # equal scores then agree on that line, not on this row's figures.
                    # So do two figures after a scale label robbed of its own (``taken``).
                    features["twin"] = 0.0
                if ocr["dump"] and f != "max_points" and both_scores_unsure(row):
                    # A dump's two scores whose columns the segmenter placed unsurely, both, are no
                    # two readings apart: one loss ("1,5" read "1" in each) lands them on one value
                    # (seed 305 d05-i2's 1.1.4, "|1 | 1." for 1,5 1,5).
                    features["twin"] = 0.0
                if ocr["dump"] and worded and disputed and f != "max_points" and getattr(row, f) is not None:
                    # A dump's score read off the line whose maximum is a digit off the worded set's
                    # (``worded_set_maxima``): that line's figures were misread ("1. 0" for 11 and 10),
                    # this one as unsure as a cell OCR half read (seed 14001's D16 dump: self 0 silent
                    # at 0.92 beside max 1). Not for an adopted set's dispute: a commune's own weight
                    # leaves its scores as sure as they read.
                    features["row"] = min(features["row"], logit(s.unsure_cell, s.clip))
                past_name = inside and f != "max_points" and getattr(row, f) is not None
                parted = score_beside_zero(row, f) or score_far_under(row, f)
                if ocr["dump"] and cells_lost and (parted or past_name):
                    # One of two scores parted that far is misread: this one as unsure as its 0, or
                    # the smaller of the two. A score read past another row's name may be that
                    # row's (a maximum has the set).
                    features["row"] = min(features["row"], logit(s.unsure_cell, s.clip))
                if ocr["dump"] and cells_lost and f == "self_points" and APPRAISED not in fields and stray_figure(row):
                    # A dump's line that printed a figure more than the columns placed, the odd one
                    # left as the explanation and no share of the score (``stray_figure``): which
                    # figure is the self score is our placing (seed 19001's dumps: "1,5" beside a
                    # self 1 of the line "16 1 1,5", the score 1,5; two such scores silent at 0.922).
                    # Not where the table has an appraised column: the figure may be its cell.
                    features["row"] = min(features["row"], logit(s.unsure_cell, s.clip))
                restored = named_scan_confidence(row, f) if from_scan and not moved else None
                if restored is not None:
                    # A scan's row whose name settles its code: the code's penalty taken back.
                    features["row"] = max(features["row"], logit(restored, s.clip))
                if features["missing"] and from_scan and _blank_with_block(table.rows, ri, f, kids, parent_of):
                    features["missing"] = 0.0
                if getattr(row, f) is None and told & {(pointer, f), (pointer, None)}:
                    # A blank of a row the segmenter told unread ("points of 4 not read: the text
                    # holds the row's name, not its numbers") is lost by its own account, no
                    # heading's blank: it is queued, and the part is told on its entries
                    # (``queue_once``). Seed 7191's N35 scan: field 4's figures printed on its
                    # subtotal line, read as the table's total, its row's blanks at 0.92, silent.
                    features["missing"] = 1.0
                if getattr(row, f) is None and (ti, ri, f) in lost_by_sums:
                    # A blank where a sum short of its whole says the rest must be: OCR lost its
                    # figure, or it stood in a column not taken for the score (seed 12161's scan of
                    # a table scoring by level, one column per level: 8 such blanks at 0.92, silent).
                    features["missing"] = 1.0
                if quarters and off_step_max(row, f) and not set_filled(row, "max_points"):
                    # ("2,9 | 2,9" for 2,5 and 2,5: one misreading twice, no two readings agreeing)
                    features["format"], features["twin"] = 1.0, 0.0
                if quarters and hundredths_off_step(row, f):
                    # ("5,29" for 5,25: a score in hundredths off the quarters is a digit misread)
                    features["format"], features["twin"] = 1.0, 0.0
                if wholes and bare_figure(row, f) and not set_filled(row, f):
                    features["format"] = 1.0
                    features["twin"] = 0.0 if bare_twins(row, fields) else features["twin"]
                agrees = agrees_with_set(row, f, maxima)
                if f == "max_points" and agrees < 0 and not disputed:
                    agrees = 0.0  # the set's parent is not the document's: its children say so
                if set_filled(row, f) and (coded_by_name(row) or not any(flag in row.flags for flag in PLACED_FLAGS)):
                    # The set's maximum for a code the row printed: the figure the page prints in
                    # that cell unless the commune wrote its own (seed 347's dumps: 20 such
                    # maxima, all right; 4 queued at 0.73, their row's confidence lowered by the
                    # lost cell the set filled). A code inferred or repaired may be another row's.
                    agrees = 1.0
                    # No character of this figure was read: the row's reading confidence (a code
                    # inferred, the very cell lost that the set filled) is its line's, no doubt on
                    # the set's figure, which counts as no reading evidence either way (logit 0).
                    # Seed 479's dumps: 4 such maxima under a code their name settles, all right,
                    # queued at 0.795 for their row's 0.37.
                    if not chosen_by_sum(row):
                        features["row"] = max(features["row"], 0.0)
                if ocr["dump"] and cells_lost and f == "max_points" and _lone_unvouched(row, features, agrees):
                    # A dump's one figure beside a lost self score, which no sum that holds and no
                    # criteria set's maximum vouches for: a dump's line keeps no column positions,
                    # so the figure is the maximum or the self score as likely (seed 15001's dumps:
                    # 12 such figures at 0.82, 6 of them wrong, silent: a self score, a neighbour's
                    # maximum; every lone maximum a sum or the set vouched for was right).
                    features["row"] = min(features["row"], logit(s.unsure_cell, s.clip))
                if f == "max_points" and chosen_by_sum(row):
                    # The set's figure taken for a maximum read as no maximum because a sum holds
                    # with it: that sum and the set chose the value, they do not vouch for it (seed
                    # 471: "1 5" printed for 1,5, read 5, took the set's 1 at 0.99).
                    features["held"], agrees = 0.0, 0.0
                out[(pointer, f)] = features | ocr | settled(features, row, f, agrees)
    for ai, annex in enumerate(result.statistics):
        cells_lost = not blanks_printed(annex, result.source, read_by_ocr)
        # Rows that may hold the other period's figure: a sum that holds does not say which
        # period's column its members were read from (each period's figures add up alike).
        doubted = column_doubted(annex, read_by_ocr)
        for ri, stat in enumerate(annex.rows):
            pointer = f"/statistics/{ai}/rows/{ri}"
            features = _features(stat, "value", pointer, held, failed, "stat", cells_lost, s)
            if UNITS_SUM_FLAG in stat.flags and not features["failed"]:
                # The commune's figure its units' figures add up to (``units_sums``): a sum that holds
                # (seed 14001's D21 dump: "Toàn xã 3 … 21", the hamlets' 0 3 0 0 0 and 6 1 8 4 2,
                # each queued at 0.71 with no relation of the annex's own to vouch for it).
                features["held"] = 1.0
            unplaced = {PARTS_DISAGREE_FLAG, WHOLE_UNPLACED_FLAG, PAIRS_UNPLACED_FLAG} & set(stat.flags)
            if ri in doubted or ((read_by_ocr or from_scan) and unplaced) or COLUMN_GUESSED_FLAG in stat.flags:
                # (nor does it for a row whose own period parts, as OCR read them, do not add up to
                # its whole: one of its figures is misread or another part's, and the annex's sums
                # hold alike in any one part's column: seed 15001's D23 dump, three rows read from
                # last year's quarters, held at 0.915, silent; nor for a row whose whole the
                # segmenter could not place, ``WHOLE_UNPLACED_FLAG``, or whose plan and result pairs
                # it could not, ``PAIRS_UNPLACED_FLAG``; nor for a figure taken from
                # the first of several columns its header names alike, ``COLUMN_GUESSED_FLAG``:
                # seed 21001's S23 scan, a month's column read for the year's, held at 0.99, silent)
                features["held"] = 0.0
            if read_by_ocr and stat.flags == [CELLS_REJOINED] and not features["failed"]:
                # A row rejoined from cells OCR printed one per line (a sparse dump: each figure a
                # line of its own), no other doubt on it: its figure stood alone, no neighbour's
                # column could lend it one, and a line lost would have shifted the rows after it
                # into relations that fail. The layout's doubt (``layout_inferred``) is taken back
                # to ``rejoined_cell`` (spent seeds 18001 and 19001's dumps: 13 such values at
                # 0.706, all right, all queued).
                features["row"] = max(features["row"], logit(s.rejoined_cell, s.clip))
            if (read_by_ocr or from_scan) and (read_as_base(stat) or read_as_part(stat)):
                # The value is the base of the share its note states, or a part of the whole its
                # note prints last (``confidence_base``): the row's own figure is in the note, and
                # a sum holds alike over the bases or the parts.
                features["held"] = 0.0
                features["row"] = min(features["row"], logit(s.unsure_cell, s.clip))
            if read_by_ocr and not features["held"] and (damaged_figure(stat.value_raw) or _share_over_whole(stat)):
                # "00,72" read 0,72: OCR made a digit a 0 or lost one, and the value is one
                # reading of what is left, as a decimal mark we inserted is (``mark_inserted``).
                # So is a share read over 100% ("96,43" printed "9643"): its mark was lost.
                features["readings"] = 1.0
            if ocr["dump"] and not features["held"] and figure_left_in_name(stat):
                # A dump's annex row whose name kept a figure of its line ("… _Hồ sơ 385" valued
                # 91,45; "… Thủ tục 120 3.3 Tỷ lệ …" valued 80,95, the other panel's share): which
                # of the line's figures is the row's value is our reading, as unsure as a cell OCR
                # half read (seed 18001's dumps: 5 such values at 0.995, wrong, silent; 2 right).
                features["row"] = min(features["row"], logit(s.unsure_cell, s.clip))
            if ocr["dump"] and follows_figureless(annex.rows, ri):
                # A dump's figure after a row that printed none: the line reader placed it beside
                # the label it stands next to, the last of a block whose figures OCR printed below
                # it (spent seeds 20001 and 19001's dumps: 4 such values wrong at 0.995 and 1.0,
                # silent, one held by a ratio that took it for its numerator; 5 right, all queued
                # for doubts of their own). A relation that holds vouches for the number, not for
                # the row it sits on.
                features["held"] = 0.0
                features["row"] = min(features["row"], logit(s.unsure_cell, s.clip))
            if ocr["dump"] and features["failed"]:
                # A dump's annex row is as sure as its layout was read, not its digits (no word
                # confidence): a figure in a relation that fails is as unsure as a cell OCR half
                # read (seed 363: a count "7" printed 377, at 0.92 in its failed ratio).
                features["row"] = min(features["row"], logit(s.unsure_cell, s.clip))
            out[(pointer, "value")] = features | ocr
    return out


def _features(
    row: ScoreRow | StatRow,
    f: str,
    pointer: str,
    held: set[tuple[str, str]],
    failed: set[tuple[str, str | None]] | set[tuple[str, str]],
    kind: str,
    cells_lost: bool = True,
    s: ConfidenceSettings = ConfidenceSettings(),
    mark: str = "",
    moved: bool = False,
) -> dict[str, float]:
    value = getattr(row, f)
    raw = getattr(row, f"{f}_raw", None) if kind == "score" else row.value_raw  # type: ignore[union-attr]
    raw = printed_figure(raw) if kind == "score" else (raw or "").strip()  # (a scale by its top)
    alternatives = getattr(row, "alternatives", {}) or {}
    # A blank appraised cell beside a self score, in a table that has the column, lost its cell
    # (the segmenter has no flag for it: the column is optional).
    flagged = MISSING_FLAG.get(f, "") in row.flags or f == APPRAISED
    in_note = f == APPRAISED and isinstance(row, ScoreRow) and explanation_points(row) is not None
    return {
        "row": logit(
            min(cell_confidence(row, f, s), s.unsure_cell)
            if column_guessed(row, f, cells_lost) or (moved and f != "max_points")
            else cell_confidence(row, f, s),
            s.clip,
        ),
        # Printed text that gave no number ("x", "Ped") is a cell lost as surely as a flagged one.
        "missing": float(
            value is None and ((cells_lost and flagged and (prints_other(row, f) or lost_both(row))) or bool(raw))
        ),
        # (a maximum the criteria set filled in is the set's figure, not a reading of the text)
        "format": float(value is not None and bool(raw) and malformed(raw, kind, mark) and not set_filled(row, f)),
        "held": float((pointer, f) in held),
        "failed": float((pointer, f) in failed),
        "agrees": 0.0,
        "readings": float(
            bool(alternatives.get(f)) or f"repaired_{f}" in row.flags or in_note or mark_inserted(raw, value, kind)
        ),
        "garbled": float(
            value is not None and (garbled_beside(row, f) if isinstance(row, ScoreRow) else unit_debris(row.unit))
        ),
        "twin": float(value is not None and isinstance(row, ScoreRow) and twin_scores(row, f)),
        # (a row that also lost a cell keeps its doubt: the numbers its line printed may have gone
        # to the wrong columns)
        "placed": float(
            any(flag in row.flags for flag in PLACED_FLAGS)
            and not (isinstance(row, ScoreRow) and (lost_beside(row) or lost_both(row)))
        ),
        "named": float(isinstance(row, ScoreRow) and coded_by_name(row)),
        "dump": 0.0,
        "scan": 0.0,
    }


def settled(features: dict[str, float], row: ScoreRow, f: str, agrees: float) -> dict[str, float]:
    """The evidence a row's cell ``f`` takes from the criteria set and the relations, beside its
    own: ``agrees``; ``readings`` withdrawn when something else settles which reading is right (a
    relation holding with every member read, or for a maximum the set's own figure among the
    readings of the digits printed: of two or three readings, the one an independent figure
    confirms); ``format`` withdrawn alike (letters OCR printed for a maximum that the set's
    figure, or a sum, confirms)."""
    confirmed = bool(features["held"]) or (f == "max_points" and agrees > 0 and printed_max(row))
    return {
        "agrees": agrees,
        "readings": 0.0 if confirmed else features["readings"],
        "format": 0.0 if confirmed else features["format"],
    }


def _blank_with_block(
    rows: list[ScoreRow], i: int, f: str, kids: dict[int, list[int]], parent_of: dict[int, int]
) -> bool:
    """Whether a blank score cell of a scan is the document's blank: its block prints none, OCR
    did not read the cell unsurely, and the cell printed nothing at all (every maximum is
    printed: a blank max is always lost)."""
    row = rows[i]
    if f == "max_points" or unsure_conf(row.flags, f) is not None:
        return False
    if (getattr(row, f"{f}_raw", None) or "").strip():
        return False
    return not block_prints(rows, i, f, kids, parent_of)


def _lone_unvouched(row: ScoreRow, features: dict[str, float], agrees: float) -> bool:
    """Whether a row's maximum is the one figure its line kept beside a lost self score
    (``lone_figure``'s case) and neither a sum that holds nor the criteria set's maximum for its
    code vouches for it (a set that disputes it is ``lone_figure_unsure``'s sign)."""
    lone = MISSING_FLAG["self_points"] in row.flags and row.self_points is None and row.max_points is not None
    return lone and not features["held"] and agrees <= 0


def _share_over_whole(row: StatRow) -> bool:
    """Whether an annex row's figure was read as a share over 100% (``stat_values``' flag)."""
    return PERCENT_OVER_100 in row.flags


def set_value_confidence(
    result: ExtractionResult,
    checks: list[Check],
    review: list[ReviewItem],
    s: ConfidenceSettings,
    confirmed: set[tuple[str, str]] | frozenset[tuple[str, str]] = frozenset(),
) -> tuple[set[str], set[tuple[str, str]]]:
    """Write each value's calibrated confidence into its row's ``value_confidence``; return the
    pointers of the rows a relation that holds vouches for (their place in the table is right),
    and the (pointer, field) of the blanks of headings, which take the row's own confidence
    (the segmenter's scale, not the calibrated one)."""
    features_of = value_features(result, checks, review, s, confirmed)
    headings: set[tuple[str, str]] = set()
    for (pointer, f), features in features_of.items():
        _, kind, t, _, r = pointer.split("/")
        tables = result.score_tables if kind == "score_tables" else result.statistics
        row = tables[int(t)].rows[int(r)]
        if isinstance(row, ScoreRow) and row.max_points is None and row.self_points is None and not features["missing"]:
            # A row printing no number (a heading): its blanks are no reading to doubt beyond the
            # row's own (whose confidence already counts the cells the segmenter missed). A row
            # that lost its cells (``missing``) is weighed as any lost cell.
            row.value_confidence[f] = round(cell_confidence(row, f, s), 3)
            headings.add((pointer, f))
        else:
            row.value_confidence[f] = round(probability(features, s), 3)
    return {pointer for (pointer, _), features in features_of.items() if features["held"]}, headings
