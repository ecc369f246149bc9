"""Settings of reconciliation, in one place, and the wording it recognises."""

from __future__ import annotations

from dataclasses import dataclass, field

from cchc_extract.messages import MESSAGES
from cchc_extract.reconcile.confidence_model import ConfidenceSettings
from cchc_extract.review_threshold import REVIEW_BELOW
from extract.segment.stat_line_periods import WHOLE_UNPLACED_FLAG
from extract.segment.stat_plan_pairs import PAIRS_UNPLACED_FLAG
from extract.segment.statistics import COLUMN_GUESSED_FLAG
from normalize.lazy_regex import lazy_compile
from normalize.numbers import OCR_DIGIT_CONFUSIONS

_EPS = 1e-9


@dataclass(frozen=True)
class ReconcileSettings:
    # A value whose calibrated confidence (``confidence``) is under this goes to review.
    review_below: float = REVIEW_BELOW
    confidence: ConfidenceSettings = field(default_factory=ConfidenceSettings)
    # Points are given to at most 2 decimals: a sum may be off by rounding, never by more.
    points_tolerance: float = 0.011
    # Of a score table's rows printing a share ("Tỷ lệ đạt (%)") beside a score and its maximum, at
    # least this part must make it for the column to be taken for that score's share and checked
    # (``share_of_max``): a slip is one row; a column of another per cent fits none.
    share_basis_rows: float = 0.5
    # OCR word confidence under which a table's stated total was read unsurely (Tesseract gives a
    # clean figure 0.9 and more): a total under it that its rows disagree with is ``misread``.
    unsure_total_ocr: float = 0.7
    # Large amounts (money) are compared relatively.
    relative_tolerance: float = 0.001
    # "a/b ... c%": at most this many characters (no digits) between the fraction and its percent.
    ratio_gap: int = 90
    # A narrative count and an annex row are the same figure only above this label similarity
    # (rapidfuzz token_set_ratio, 0..100) and this far ahead of the next candidate.
    label_match: float = 85.0
    label_margin: float = 8.0
    # A percentage row after its counts: at most this many sibling rows above it are its counts.
    ratio_siblings: int = 3
    # A note's per cent set against something other than the row's whole (folded words): "Đạt 95%
    # kế hoạch", "Chỉ tiêu tỉnh giao 90%", "Tăng 5% so với cùng kỳ" are of the plan, the target or
    # last year, no share of the count above (``note_ratio``), unless the whole is itself so worded.
    note_share_of_other: tuple[str, ...] = ("ke hoach", "chi tieu", "cung ky", "nam truoc")
    # A text file is taken for an OCR dump (its numbers doubted as a scan's) when at least this
    # many of its codes and points show OCR's number confusions: dots of a code lost ("111" read
    # as 1.1.1), a decimal mark lost ("45" taken as 4,5). Typed text never needs either; one may
    # be a typing slip, two are a pattern.
    ocr_number_signs: int = 2
    # Digits OCR takes for one another (alike in shape in Vietnamese scans): a failed relation that
    # one such swap makes hold is reported as a misreading, not as the document's fault. Kept
    # short: every pair added is a real fault that could be excused.
    ocr_digit_confusions: tuple[tuple[str, str], ...] = OCR_DIGIT_CONFUSIONS
    # Weighed on a maximum cell against its row's score alone (``le_max``): a "2" read for a
    # printed "3" (as read, reading). Of the 939 wrong values of the dump and scan families in
    # the benchmark runs of stops 72-73 (40 corpora), 225 were one digit off; the list's pairs
    # made 35 of those, a printed "3" read "2" alone 22, the most frequent swap (a faint "3" loses its upper bowl). A
    # score told above a maximum "2" that the page prints "3" was a false fault (seed 18001's D19
    # dump). Not in the list above: on a score, a count, a share or a sum of maxima the swap would
    # excuse the commune's real faults (a total's, a share's: a stated total of maxima 101 over
    # 100 "explained" by 22,5 read 23,5) and turn its counts (a "239" told against its group's 339).
    ocr_max_confusions: tuple[tuple[str, str], ...] = (("2", "3"),)
    # More look-alikes, as (read, reading), weighed only on an OCR'd share printed with decimals
    # against the counts it divides, once no other reading explains it: a share exact to its last
    # printed decimal picks its reading out of the many by chance seldom, as a count's cannot (a
    # "3" read for a "9" whose upper left stroke the scan left faint: seed 13001's "97,85" read
    # 37,85). A swap moving the share by six units of its place is no typing slip's.
    ocr_share_confusions: tuple[tuple[str, str], ...] = (("3", "9"),)
    # A count OCR printed with one digit where two like ones stand ("22" read "2", "11" read "1":
    # the glyphs merge) may be its doubled reading: a failed relation that restores is a misreading.
    ocr_lost_doubles: bool = True
    # A score OCR printed as its row's maximum with one digit lost ("1" beside 16, the "6" of a
    # faint "16" gone) may be the maximum, full marks being the score most often given: a failed
    # relation that the maximum restores is a misreading (only the maximum: any digit put back
    # anywhere would explain away a fault).
    ocr_lost_digit_of_max: bool = True
    # A points cell OCR printed as letters ("l", "S") was guessed: every multiple of this up to the
    # row's maximum is a reading it may stand for (points are given in quarters, halves or tenths:
    # twentieths hold them all, and one trial value per step keeps a sum's solution single).
    guessed_points_step: float = 0.05
    # On OCR'd text, two sibling parts whose sums fail by one amount each way (one short, one
    # over) had a figure moved between their rows by the reader: ``misread``, not the commune's
    # ``mismatch`` (``moved_figures``).
    moved_between_siblings: bool = True
    # Counts are whole: a total and its parts agree exactly (float noise aside).
    count_tolerance: float = 1e-6
    # On OCR'd text, a narrative count's figure OCR printed with a glyph lost ("21" read "1") that
    # its breakdown's exact sum puts back: the relation is a misreading, not the commune's fault
    # (``counts._lost_glyph_cells``; only where no look-alike reading explains it first).
    count_lost_digit: bool = True
    # On OCR'd text, a part whose share of the total the sentence prints beside it ("có 961 hồ sơ
    # … (chiếm 90,48%)" of 620: 561) and that differs from the printed part in one digit: OCR
    # swapped a glyph no look-alike pair lists; where that reading makes the sum hold, the
    # relation is a misreading (``counts._share_cells``; only where the printed share pins the
    # part to one whole figure, and never for the total, the figure a commune's slip moves).
    count_share_readings: bool = True
    # A "trong đó" list whose parts fall short of its total is not checked (it may name only some
    # parts), yet a part may be missing from it: the count goes to review at the lowest rank.
    queue_short_parts: bool = True
    # In a printed grid (a DOCX table, a PDF's text layer, a markdown / HTML / tab / portal-bar
    # table of a text export: ``blanks_printed``) every printed character is read, so a
    # sub-criterion with a maximum whose self-assessed (or appraised) cell is blank was left
    # unscored: it adds 0 to its parent's sum, and a parent stating more is the document's own
    # inconsistency. In OCR'd text, or lines whose columns we split ourselves, a blank may be a
    # cell we lost: it stays unknown (a coverage check says the rows fall short).
    typed_blank_scores_zero: bool = True
    # A points cell OCR lost that the table's sums determine from cells read (a parent's as its
    # children's added up, a child's as its parent's less its siblings', maxima alike) is given
    # that value, flagged ``derived_from_sums:<field>`` and never used by a check
    # (``reconcile.derived``); off: such cells stay blank.
    derive_lost_cells: bool = True
    # ... when the derived figure and every figure it comes from are on the table's step: quarter
    # points when at least this share of its figures read are (a sum over a misread "1,89" is no
    # figure the page prints), else ``guessed_points_step``.
    derived_grid_share: float = 0.9
    # ... and with the table's stated total as the top level's parent (a top-level row's cell as
    # the total less the other top-level rows' read), where the total was read surely and the
    # top-level rows read are all of them; off: only the rows' own sums.
    derive_from_stated_total: bool = True
    # ... and in chains: a cell whose sum holds another lost cell the sums determine is derived
    # once that one is (1.3's score as 1's less 1.1's and 1.2's, each of them its children's
    # added up), pass after pass until no sum gives more; a value derived from a derived one is
    # never taken as confirmed (one route through another's), so it stays queued; off: inputs
    # are cells read only.
    derive_in_chains: bool = True
    # A cell read that a ``misread`` check doubts with other readings ("Z..." guessed 2, "7.1"
    # for 2) is derived like a lost one when the sums give one of those readings (confirmed twice
    # for a cell printed as digits), flagged and kept in the queue (``reconcile.refuted``); off:
    # the figure read stays, only its queue entry says what the sums give.
    derive_over_misread: bool = True
    # The confidence of a cell the stated total alone gives (a lone top-level row under its total:
    # no row read beside it vouches for it): under the review threshold, so it is always looked at.
    total_alone_confidence: float = 0.5
    # A lost maximum no sum determines, of a row named as its criterion in the set the table's rows
    # name but not surely (``fill_set_maxima`` fills a sure set's), takes the set's after the checks,
    # flagged as derived, at this confidence: dev seeds 651-901, 71 of 72 such maxima were the
    # page's (the other a child's maximum a commune raised, its parent's sum left unchecked and queued).
    derive_set_maxima: bool = True
    set_maximum_confidence: float = 0.95
    # A table no flag names a set for (rows named by the set's order, names the catalogue restored)
    # gives its lost maxima by the set whose wordings at least this many of its rows print, more
    # than any other set's (``named_set.set_worded_by_rows``): fewer is a field or two whose
    # wording every set shares.
    worded_set_min_rows: int = 3
    # A sum's parent is another criterion than the row another score table of the document prints
    # its code for (``twin_codes``) when their names are at most this alike (``wording_similarity``,
    # 0..100): one criterion's name read twice, OCR's damage and all, comes far above it.
    twin_name_min: float = 60.0
    # A derived cell whose own characters read as its value past OCR's damage to their marks (a
    # slash for the decimal comma, "2/75" where the sums give 2,75; a speck on the edge, "_10,25")
    # is vouched for twice, as two routes agreeing would be: off the queue and no part left unread
    # (``derived.printed_as_derived``); off: one route, queued.
    derived_witness_in_print: bool = True
    # On an OCR dump (no word confidence to tell a sure figure), a score table whose own sums fail
    # in bulk was read wrong in bulk (``bulk_misread``): at least this many of its sums failing,
    # and at least this share of its sums decided, make a failed relation no reading explains
    # ``misread`` (its members queued), not the commune's ``mismatch``. A commune's slip breaks a
    # sum or two; seed 9221's degraded dump failed 7 of 13 (its 3 false alarms), the dumps of the
    # dev seeds with a planted fault told as ``mismatch`` fail at most a fifth of theirs.
    bulk_misread_failed: int = 4
    bulk_misread_share: float = 0.5


# The queue's own reasons begin so (the review sheet tells them apart by these words).
CODE_INFERRED_REASON = "code inferred from the row's position"
LOW_CONFIDENCE_REASON = "confidence "
# An appraised cell left blank while the row's explanation is only a points figure
# (``confidence.points_in_explanations``): the figure is probably that cell, read as a note.
APPRAISED_IN_NOTE_REASON = "appraised points not read; the explanation holds only the figure "
# Why a row's value is doubted where the segmenter flagged how it was taken (its flag → the reason
# the queue gives beside the value's confidence): the reviewer reads which figure of the line to
# check, not only that the confidence is low. The review sheet tells each by its whole wording
# (``review.model.classify``), its English and translation the messages' ``reason.<flag>``.
ROW_DOUBT_REASONS = {
    flag: MESSAGES[f"reason.{flag}"] for flag in (COLUMN_GUESSED_FLAG, PAIRS_UNPLACED_FLAG, WHOLE_UNPLACED_FLAG)
}
# A cell with more than one other reading restoring its sums (``sums``): a misreading, undecided.
AMBIGUOUS_REASON = "all restore the sums"
# Why a "trong đó" list short of its total is not checked; its review entry's reason ends so.
SHORT_PARTS_NOTE = "; the list may name only some of the parts"

# Units whose values are counts of things (whole, non-negative); compared without accents.
_COUNT_UNITS = (
    "ho so",
    "van ban",
    "nguoi",
    "nhiem vu",
    "thu tuc",
    "tthc",
    "van de",
    "pakn",
    "co quan",
    "don vi",
    "ban",
    "to chuc",
    "so luong",
    "phieu",
    "cuoc",
    "tin",
    "bai",
    "luot",
    "xa",
    "thon",
)
# Wording of the denominator of a ratio, strongest first ("Tổng số ...", "Số ... đề ra").
_DENOMINATOR_WORDS = ("tong so", "de ra", "duoc giao", "can phai", "phai xu ly", "ke hoach")
_CODE_LEGEND = lazy_compile(r"(?P<label>[^=;]+?)\s*=\s*(?P<code>\d+)(?=\s|;|,|$)")
