"""What recognising a document's criteria set is tuned by and what it finds: the knobs of matching
and snapping (``MatchSettings``), a recognised set with its evidence (``SetMatch``), and the flags
a row carries when the set changed it. Kept apart from the matching so that the readers and the
checks that read the flags depend on the contract, not on the matcher."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from normalize.criteria.name_cut import NameCutSettings
from normalize.criteria.name_runs import NameRunSettings
from normalize.criteria.scale_wording import ScaleWordingSettings
from normalize.criteria.wording import WordingSettings
from normalize.numbers import OCR_DIGIT_CONFUSIONS

if TYPE_CHECKING:
    from normalize.criteria import CriteriaSet

FLAG_SNAPPED = "name_from_criteria_set"
FLAG_MAX_DIFFERS = "max_differs_from_criteria_set"
# A maximum the document prints but that was not read, taken from the set surely recognised.
FLAG_MAX_FROM_SET = "max_from_criteria_set"
# A cell read among other readings (a decimal mark OCR may have made or lost) whose reading the
# set surely recognised chose: the set's maximum is one of them.
FLAG_READING_BY_SET = "reading_from_criteria_set"
# Two numbers read for three points columns whose order the set's maximum chose: max, then self.
FLAG_COLUMNS_BY_SET = "columns_from_criteria_set"


@dataclass(frozen=True)
class MatchSettings:
    min_rows: int = 3  # rows of the document whose code is in the set, at least
    min_score: float = 0.55  # mean row agreement (0..1) for a set to be recognised
    name_weight: float = 0.7  # of a row's agreement: name similarity; the rest: equal maximum
    province_bonus: float = 0.1  # the set's province is named in the document
    year_bonus: float = 0.05  # the set's year is the document's
    snap_min: float = 80.0  # name similarity (0..100) under the same code to take the official wording
    snap_min_by_name: float = 92.0  # a row whose code is not in the set: only a near-identical name
    # A name that holds its code's official wording near-identically (partial similarity, 0..100)
    # with other text around it (OCR's specks, a garbled code, the explanation's first words) takes
    # the wording too, when the wording is at least this share of the name read.
    snap_within_min: float = 95.0
    snap_within_share: float = 0.6
    # A name read that holds the wording's words in order, with words lost (a wrapped line OCR or
    # the split lost) or other words around them (specks, the explanation's first words), takes the
    # wording too: at least ``snap_words_min`` words and this share of the wording's words aligned,
    # this share of the read words between the first and the last aligned ones being the
    # wording's, and no other criterion of the set holding as large a share of its words.
    snap_words_min: int = 4
    snap_words_coverage: float = 0.4
    snap_words_precision: float = 0.8
    # A name that opens with its code's wording and runs on (the explanation's words, OCR's specks),
    # or is cut at its first line, at least this near (``wording_similarity``) takes the wording
    # too, when the set is surely recognised (``SetMatch.sure``).
    snap_runon_min: float = 85.0
    # A shaded row's name OCR glued to the shading's garbage ("BáocáoCCHC fỆ777ERmiTyilimi In",
    # "Bácioccnc SE l7 …"), its code printed, takes its code's wording even when the set is not
    # sure, when the name's letters open with the wording's letters (folded, spaces dropped) at
    # most this share of them edited (``opens_with_letters``), and the wording has at least
    # ``glued_min_letters`` letters (a shorter one opens too much garbage by chance).
    glued_max_edits: float = 1 / 3
    glued_min_letters: int = 8
    # ... or opens with its wording's first printed line alone, the rest lost or given to another
    # column's words (``first_line_read``): an opening of at least ``opening_min_letters`` letters
    # (a shorter one is shared by several criteria, "Tất cả báo cáo"), at most
    # ``opening_max_edits`` of them edited, and no other criterion's wording opening the name read
    # with a share of edits within ``opening_margin`` of it.
    opening_min_letters: int = 24
    opening_max_edits: float = 0.2
    opening_margin: float = 0.1
    # A row whose code was inferred from its place (OCR lost it) takes the code of the criterion
    # its name is this close (0..100) to, when no row holds that code.
    recode_min: float = 85.0
    max_tolerance: float = 0.001
    # A maximum read one glyph off the set's (``set_glyphs``): the digits OCR confuses, as
    # (printed, read) pairs, and a "1"'s serif and stem read "4".
    glyph_lookalikes: tuple[tuple[str, str], ...] = (*OCR_DIGIT_CONFUSIONS, ("1", "4"), ("4", "1"))
    # ... taken only when it lies more than this above or below the set's: a maximum a point or less
    # off the set's is as likely the commune's own (a raised leaf, which its parent's sum then
    # shows), and no misreading may excuse it.
    glyph_min_step: float = 1.0
    # Off: the set is still recognised and differing maxima flagged, but names stay as read. The
    # generated corpus takes every name from the one criteria set, so snapping alone can make its
    # name figures: benchmarks measure reading with it off too (benchmarks/generalisation --no-snap).
    snap_names: bool = True
    # How sure a recognition is (``SetMatch.sure``): at least this many rows whose code, name (at
    # least ``evidence_name_min`` near its code's wording, ``wording_similarity``) and maximum all
    # are the set's, at least ``evidence_ratio`` times as many as the rows named as their code's
    # criterion whose maximum is another (a set's code→max map is its fingerprint even where
    # names are garbled; a table scored on another set, with the same field names, fails it) ...
    sure_rows: int = 3
    evidence_name_min: float = 80.0
    # A name OCR garbled around its wording (specks before it, the first line of a wrapped name
    # lost) still names its criterion when it holds a stretch of the wording this long (characters,
    # folded) at least ``evidence_name_min`` near (``names_criterion``).
    evidence_piece_chars: int = 24
    evidence_ratio: float = 2.0
    # ... and ahead of the next best set by this much (``recognise_set``'s score).
    sure_margin: float = 0.1
    # On an OCR'd table whose maxima OCR mostly lost, too few rows print the set's maximum to make
    # it sure: with this many agreeing and none contradicting it (the rows whose figures are read
    # as scores below the set's maximum counted out, ``set_cells._lone_scores``), and ahead of the
    # next set by ``sure_margin``, those rows' figures are still placed by it (a lone figure the
    # self score, two the self and appraised scores, both doubted: ``set_cells.place_unopposed``);
    # no maximum is filled in for a row that read none (after the checks, ``derived_from_criteria_set``).
    unopposed_rows: int = 2
    # On OCR's text, rows read with a score that show a table scores its rows, so that its rows read
    # with one figure below the set's maximum are scores whose maximum's cell OCR lost, not maxima of
    # another set, however many such rows there are (``set_cells._lone_scores``; typed documents
    # ask for more scored rows than such rows: a commune's own maxima are printed, not lost).
    lone_scored_rows: int = 3
    # A row named as its code's criterion whose maximum was not read takes the set's, when the set
    # is surely recognised (``fill_set_maxima``); off: such cells stay blank.
    fill_maxima: bool = True
    wording: WordingSettings = WordingSettings()  # names OCR damaged, restored from a wording
    # Scoring-scale lines OCR damaged, restored from the recognised set's transcribed scale
    # (``normalize.criteria.scale_wording``; with ``snap_names`` only, as the names).
    scale_wording: ScaleWordingSettings = ScaleWordingSettings()
    # Names lost to the row above and to the explanation (numbers centred in tall rows), found
    # there by the code's wording when the set is sure (``normalize.criteria.name_runs``).
    name_runs: NameRunSettings = NameRunSettings()
    # A name glued to its line's other text, or read into the explanation, cut out of them by its
    # printed code's wording in OCR's text, when the name read does not agree with it
    # (``normalize.criteria.name_cut``).
    name_cut: NameCutSettings = NameCutSettings()
    # No set recognised by its rows' codes (a garbled table's codes lost or shifted, every row
    # weighed against another criterion): the set whose wordings the rows' names follow in its
    # order (``recognise_set``'s ``order``), when at least ``min_rows`` rows and this share of
    # the rows are named so ...
    order_min_share: float = 0.5
    # ... and at least this many times as many as by any other set's (provinces' sets share
    # their fields' wordings: a table scored on another set follows a second set in part).
    order_ratio: float = 2.0


@dataclass(frozen=True)
class SetMatch:
    cset: CriteriaSet
    score: float
    rows_matched: int
    # The evidence of ``sure``: rows whose code, name and maximum are the set's; rows named as
    # their code's criterion with another maximum; the next best set's score (0 when none).
    agreeing: int = 0
    contradicting: int = 0
    runner_up: float = 0.0

    def sure(self, s: MatchSettings = MatchSettings()) -> bool:
        """Whether the set is recognised surely enough for its maxima to stand for cells not read:
        names alone are shared by many provinces' sets, the maxima with them are not."""
        return (
            self.agreeing >= s.sure_rows
            and self.agreeing >= s.evidence_ratio * self.contradicting
            and self.score - self.runner_up >= s.sure_margin
        )
