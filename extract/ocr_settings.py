"""The knobs of OCR (``extract.ocr`` and the modules it is made of), each with why it is set so."""

from __future__ import annotations

from dataclasses import dataclass, field

from extract.image_prep import ImagePrepSettings
from extract.ocr_bullets import BulletSettings
from extract.ocr_leaders import LeaderSettings
from extract.ocr_row_rules import RowRuleSettings
from extract.ocr_sub_rules import SubRuleSettings
from extract.pdf_task_columns import TaskColumnSettings
from extract.pdf_unruled import UnruledSettings
from extract.seal_grey import GreySealSettings
from extract.tesseract_api import TesseractApiSettings


@dataclass(frozen=True)
class OcrSettings:
    psm: int = 3  # automatic page segmentation, for pages without a ruled grid
    # A page without a ruled grid may still hold a borderless table: found from the OCR words'
    # positions as on text-layer pages (``extract.pdf_unruled``: gutters, rows from numbering).
    # Tesseract cuts such a table into one block per column, so its own lines never join a row's
    # code, name and points; the visual lines do. ``chunk_gap`` is in typical word heights (a
    # word's ink is about its font size: the text layer's 1.8 font sizes).
    unruled: UnruledSettings = field(default_factory=UnruledSettings)
    chunk_gap: float = 1.8
    # A "-" whose ink is a dot is paper dust, not a dash: narrower than this share of the page's word
    # height and less than ``dash_min_aspect`` times as wide as tall (a plan's tab-stop scan:
    # the dashes printed 9-12 × 3-4 px under words 29 px high, the specks read "-" at a wrapped
    # task's line end 2 × 2 and 3 × 2, joined into its task as "hành chính - tại Bộ phận").
    # The same test holds in a ruled grid's cell beside other words (a plan's task cell: a 3 × 2
    # speck under 22-px words read "CCHC - xã"); a cell's lone "-" stays.
    dash_min_width: float = 0.15
    dash_min_aspect: float = 2.0
    # A dash read glued between two letters ("dựng-Quy") is such a dot when the word's ink holds no
    # bar and a dot stands at the letters' mid height: its centre off the word box's top and bottom
    # by this share of the box (a dot below "ạ", a dot of "i" stand outside; the speck of
    # "Xây dựng-Quy chế", 2 × 3 px, at 0.46 of its 27-px box).
    dash_dot_band: float = 0.25
    # A letter or digit read from a speck: its box lower than this share of the page's word height
    # (a small letter's box is its x-height, about 0.45 of a word's; a digit's 0.7). A 4 × 4 px
    # speck under a 150-dpi scan's bold title (words 40 px high) read "c" at 0.93 and, standing a
    # column's gap from the next word, cut the title line in two: "Nâng cao c" / "Chỉ số …".
    # Off (0) by default: at 0.2 on the held-out seed 22001 it also let a scan's header name its
    # blank appraisal column ("Điểm thẩm định", printed empty before the district appraises), so
    # every row was flagged ``missing_appraised`` and 21 right self points were queued; its titles
    # moved no document of its fresh seed. 0.2 is the value to try once a blank column is told apart.
    speck_letter_share: float = 0.0
    # A plan's task table at tab stops on a page with no ruled grid, rebuilt from its header's
    # labels as on a text layer (``extract.pdf_task_columns``): its gutters are not there to find.
    task_columns: TaskColumnSettings = field(default_factory=TaskColumnSettings)
    # Pages with a ruled grid: sparse text finds the short numbers in narrow cells that automatic
    # segmentation drops (measured on the score-table scan: cell accuracy 0.88 → 0.95).
    table_psm: int = 11
    # Cells still empty but holding ink are OCR'd again, cut tight around their ink without the
    # specks, pasted one under another into one strip (one more Tesseract call per page, not one
    # per cell): isolated "1" and "I." come back.
    retry_min_ink_px: int = 25
    # Reading order in a cell: a word joins a line when this share of the lower of the two heights
    # (the word's, the line's band from its typical top to its typical bottom) overlaps: a
    # descender ("huyện,", "(Đánh") or stacked accents shift a box by a third of a line, the next
    # line's words overlap the band by a few pixels at most. Boxes lower than ``mark_height`` of
    # the typical word height are marks ("-", ",") placed by their middle.
    line_overlap: float = 0.5
    mark_height: float = 0.5
    # Tesseract's lines outside the grid that lie side by side (the columns of an unruled table,
    # put in blocks of their own) are one printed line when their bands overlap by this share of
    # the lower band (ocr_lines.side_by_side; 0 = as Tesseract groups them).
    side_line_overlap: float = 0.5
    # …and so are two lines whatever they start with when the gap between them is a word space, at
    # most this share of the lower band: a blurred scan's bold title came as two Tesseract lines
    # 15 px apart under 41-px bands ("Tự đánh giá, chấm điểm xác" | "định Chỉ số …"), the first
    # read above the place-date line. A signature block's or a header's columns stand an em or
    # more apart (``ColumnSettings.gap_em``).
    side_line_word_gap: float = 0.6
    # Ink outside the grid that no word covers, standing on a read line's band (a lone code "c)"
    # or points "1" of an unruled row that Tesseract's page segmentation dropped), is read again
    # (ocr_free.py): blobs this many word heights high (min, max) and at most ``free_max_width``
    # wide, ink within ``free_word_pad_px`` of a word being that word's; readings under
    # ``free_min_conf`` are dropped (a shadow or a page edge reads as a low-confidence letter).
    free_retry: bool = True
    free_min_height: float = 0.6
    free_max_height: float = 1.6
    free_max_width: float = 4.0
    free_word_pad_px: int = 4
    # …and standing apart: no word within this many word heights across (a lone token is a column
    # away from the row's other words; the edge of an accented capital a word box left out, read
    # "Ỉ" on a photo's heading, touches its word).
    free_apart: float = 0.5
    free_min_conf: float = 0.3
    # …unless the unsure reading is a run of stroke glyphs ("Hi", "lI") whose ink is serifed stems
    # and nothing else: a bold Roman section numeral whose serifs touch, kept as the I's its stems
    # count (``ocr_free_numerals``).
    free_stroke_numerals: bool = True
    # Ink beside a word is still read as a token when it reads as a number of at least this many
    # digits at this confidence (a document's number "27" between "Số:" and "/KH-UBND", dropped by
    # the page reading once the paper was whitened).
    free_beside_digits: int = 2
    free_beside_conf: float = 0.8
    retry_inset_px: int = 8
    retry_margin_px: int = 6  # at 300 dpi: a lone "5" with 20 px of paper around read as "k" or nothing
    retry_gap_px: int = 30
    retry_across_gap: int = 3  # cells read side by side: this many crop heights apart
    # Crops up to this high (at 300 dpi) are one line of text, read side by side; taller ones stacked.
    retry_line_max_px: int = 70
    # A points column: at least this many of its filled cells, and this share, read as numbers.
    numeric_column_min_cells: int = 3
    numeric_column_share: float = 0.6
    # Its cells that read as something else this short ("s)", "„1", "10'") are read again with
    # digits and the decimal separators only (a header's words are longer and stay).
    odd_max_chars: int = 5
    # …and those of digits and marks only, no letter ("10/225" for 10,25: its comma read as a slash
    # and a digit doubled), this short.
    odd_figure_max_chars: int = 8
    digit_chars: str = "0123456789,."
    # A fraction column's cells that read as no fraction ("Vi" for "7/7") are read again with
    # these characters (a blank side prints "-"), when this short ("14,5/14,5" and a misread).
    fraction_chars: str = "0123456789,./-"
    odd_fraction_max_chars: int = 11
    # A column of two points a cell, the second in brackets ("3 (2,5)" under "Điểm tối đa (điểm tự
    # chấm)"): at least this many of its cells read as such pairs (``ocr_codes.pair_columns``; on
    # a 300-dpi scan 3 of 10 did, the others' brackets read "@)", "đ)", "s(3)")…
    pair_column_min_cells: int = 2
    # …and its cells that read as no pair, when this short ("14,5 (14,5)" and a misread), are cut
    # at their brackets and each figure read alone with these characters (a blank side prints
    # "-"; ``ocr_pairs``: a whitelist on the whole cell still read "2 (1)" as "2)").
    odd_pair_max_chars: int = 13
    pair_side_chars: str = "0123456789,.-"
    # A cell's brackets are at least this share of the height of the tallest glyph between them
    # (Times: a bracket 0.9 em, a digit 0.66 em; on a blurred 300-dpi scan, thresholded, 25-30 px
    # against 22-24)…
    pair_bracket_ratio: float = 1.0
    # …and at most this share of their own height wide (measured 0.33-0.40; a "0" or "5" 0.6, a
    # "1" 0.5).
    pair_bracket_width: float = 0.45
    # A points cell whose plain number was read from a word box this many times the height of its
    # column's typical number took ink off the digits' line ("0,25" with specks under it read
    # "045", a box twice a digit's height): it is read again the same way.
    tall_number_ratio: float = 1.6
    # …or whose box is this many times as wide per character as the column's typical number ("11"
    # read "1" in a box 56 px wide, its column's figures 19-21 px a character at 300 dpi).
    wide_number_ratio: float = 2.0
    # …or whose box is wider than its reading by this much of a digit's advance (half an em in the
    # fonts documents use, every digit set on one width, a decimal mark half that): a digit lost in
    # ink a glyph wider than the reading ("3,75" read "3,5" at 0.74 on a 300-dpi scan, its box 0.48
    # em wider than "3,5" sets). Read again; a second reading the same leaves it doubtful
    # (``retry_max_conf``): the ink holds a glyph the reading lacks.
    lost_glyph_em: float = 0.3
    # A decimal comma OCR dropped ("2,5" read "25" in a bold row, ``ocr_commas``): a glyph in the
    # gap between two digits at most this share of the number's height tall and wide (a comma at
    # 300 dpi is about a third of the digits' height; a digit is all of it)…
    comma_max_share: float = 0.5
    # …and at least this share of it tall (a speck of dust in the gap is no comma)…
    comma_min_share: float = 0.15
    # …beside glyphs at least this share of that height, the digits…
    comma_digit_share: float = 0.6
    # …looked for this share of the word box's height below it too (the comma's tail runs under
    # the baseline, where Tesseract's box round the digits ends).
    comma_tail_share: float = 0.4
    # A digit's height in ems (Times, Arial: 0.66-0.72), the em a number's width is measured in.
    digit_height_em: float = 0.68
    # …and so is one whose plain number Tesseract read under this word confidence ("5,5" cut by a
    # skewed row rule read "35" at 0.0, "3,5" at 0.63 on a 150-dpi scan; read right at 0.96).
    unsure_number_conf: float = 0.7
    # A codes column's empty cells are read apart, with this language model when installed
    # (Tesseract's own, always shipped): the Vietnamese model, trained on accented words, read a
    # clean lone "7." as "YÃ", "V" or "1." and "5." as "5," by the paper around it; the English
    # one read the code crops right ("I." as "L": told from a "1" by its shape, ``ones_as_roman``).
    # A character whitelist made it read the header's "TT" as "IL": none.
    code_lang: str = "eng"
    code_margin: int = 2  # times ``retry_margin_px``
    # Figures stacked one a line in a points cell (criteria pasted several to a row): a line band
    # of the cell's ink that no read word covers by this share is read again, digits only
    # (``ocr_stacked``; Tesseract dropped a lone "1" or "2" between "1,25" and "0,75").
    stacked_covered_share: float = 0.5
    # …when the band is at least this share of the cell's figures' median height (specks and a
    # ruling line's remains are lower) and at most this many times it (one line, not two)…
    stacked_min_height: float = 0.6
    stacked_max_height: float = 1.8
    # …its ink rows apart by this many pixel rows or fewer one band (at 300 dpi: a comma's tail).
    stacked_band_gap_px: int = 4
    # Values replacing a first reading are capped at this confidence (under the score segmenter's
    # ``ocr_number_doubt``): a number OCR first misread stays in the review queue.
    retry_max_conf: float = 0.65
    # A part code "I." that Tesseract reads "1." or "L" (its LSTM does so on a lone bold serif
    # "I.", read alone or beside digits): each glyph of a codes column's word read so is looked at. A "1" has
    # its flag on the left of the stem's top, an "I" a top serif (or none) balanced about the stem:
    # ink right of the stem in the glyph's top quarter at least this share of the ink left of it.
    # Measured on a 300-dpi scan: "I" 0.86, "1" 0.20-0.25.
    roman_top_balance: float = 0.5
    # Photos and poor scans: page found and flattened, light evened out (extract/image_prep.py).
    prep: ImagePrepSettings = field(default_factory=ImagePrepSettings)
    # A seal in a scanner's grey over the signature block, dropped by its tone (extract/seal_grey.py).
    grey_seal: GreySealSettings = field(default_factory=GreySealSettings)
    # How Tesseract is called: its library in this process (a model loaded once per process), or
    # the command per reading (extract/tesseract_api.py).
    tesseract: TesseractApiSettings = field(default_factory=TesseractApiSettings)
    # Deskew: projection-profile search over ±max_skew_deg, coarse then fine, on a small copy.
    # 5°: a sheet laid by hand on a scanner is off by up to 3° (issue 11), a photo's page after
    # its perspective correction by about as much; 4 more candidates per page cost ~10 ms.
    max_skew_deg: float = 5.0
    coarse_step_deg: float = 0.5
    fine_step_deg: float = 0.1
    deskew_width_px: int = 1000
    min_skew_deg: float = 0.05  # below this the page is left as it is
    # Scanner dust: a speck beside a letter turns "Kèm" into "xà". Ink pixels with fewer than
    # ``speck_max_ink`` ink pixels in their ``speck_window``² neighbourhood are wiped; strokes and
    # 1-px ruling lines have more (0 = off).
    speck_window: int = 5
    speck_max_ink: int = 3
    # Dust a little bigger (a 2×2 speck JPEG-blurred, read as "`", ":" or "B" beside a number):
    # ink blobs of at most this many pixels at 300 dpi (scaled with dpi²) are wiped (0 = off). 12
    # also took the full stop of a bold "I." on the 200-dpi bilevel sample scan (upscaled): 8 keeps
    # it and still wipes the corpus's dust.
    dust_max_px: int = 8
    # Paper to white: every pixel on the paper's side of the ink threshold set to 255 (ink keeps its
    # grey edges). Grey, noisy paper beside the white bands of erased ruling lines misleads
    # Tesseract's own threshold: on a 300-dpi JPEG scan "1.1" read "ẤT", "1.1.2" "D12"; whitened,
    # every code and number of the same cells read right (issue 11's corpus, S01).
    whiten_paper: bool = True
    # Only pixels this share of the way from the ink threshold to white are whitened: the grey
    # edges of letters stay (cut at the threshold itself, an upscaled bilevel "0,5" thinned into
    # "9,5"), the paper (its noise included) goes.
    whiten_from: float = 0.5
    # Both steps (paper to white, dust blobs) only on a page whose paper is noisy: the median
    # absolute deviation of its paper pixels at least this many grey levels (a JPEG scan or a
    # photo: 2–3). A clean or bilevel scan (0) is left as the steps before read it best: whitened,
    # an upscaled bilevel sample read "II." as "1." and a row's hierarchy shifted.
    noisy_paper_mad: float = 1.0
    # Ruling lines: a dark run at least this long (cm on the page) is a line, not a letter stroke.
    min_rule_cm: float = 1.2
    # Dot leaders (a tab's run of dots from a name to its figure) are painted white before
    # Tesseract reads, as ruling lines are: read, they become letters glued to both sides
    # (``extract.ocr_leaders``).
    leaders: LeaderSettings = field(default_factory=LeaderSettings)
    # A grid cell opening with a printed bullet ("- Số hồ sơ …"), told from a speck read as "-" by
    # its ink's shape and its indent shared with the column's other items (``extract.ocr_bullets``).
    bullets: BulletSettings = field(default_factory=BulletSettings)
    # The column rules of a table piece only a row or two high (a totals row alone at the top of
    # a page), each shorter than ``min_rule_cm`` (``extract.ocr_row_rules``).
    row_rules: RowRuleSettings = field(default_factory=RowRuleSettings)
    # The rule between two sub-columns under a merged header ("Đúng hạn | Quá hạn" under "Đã giải
    # quyết") in a table of a row or two, shorter than ``min_rule_cm`` (``extract.ocr_sub_rules``).
    sub_rules: SubRuleSettings = field(default_factory=SubRuleSettings)
    rule_merge_px: int = 4  # runs on neighbouring pixel rows (or columns) within this are one line
    # A grid edge separates two cells when a ruling line covers this share of it.
    edge_coverage: float = 0.6
    # Images declared below this resolution are upscaled to ``target_dpi`` before OCR.
    min_dpi: int = 200
    target_dpi: int = 300
    # Page orientation. A page put in sideways or upside down reads as few, unsure words; only then
    # (so an upright page costs nothing more) Tesseract's orientation detection (OSD, package
    # tesseract-ocr-osd) is asked, the page turned and read again, and the better reading kept.
    # A page OCR found no word on is bare paper, and told blank for certain, when fewer than this
    # share of its pixels are darker than its paper by ``blank_ink_levels`` (a blank back side
    # fed through the scanner: dust only; the faintest print we degrade to stays far above it).
    blank_max_ink_share: float = 0.001
    blank_ink_levels: int = 40
    fix_orientation: bool = True
    # "Reads poorly": fewer than this share of the page's words are confident (conf >= 0.8, 2+ chars)…
    orientation_check_below: float = 0.5
    # …or fewer confident words than this on a page that has any ink.
    orientation_min_words: int = 15
    # OSD's own confidence below which its answer is not acted on.
    osd_min_confidence: float = 1.0
    osd_max_px: int = 1700
