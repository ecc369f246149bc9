"""The flags and knobs the doubts of OCR-read task rows share (``task_doubts``, ``task_code_doubts``,
``task_deadline_doubts``): a module of its own so the readers that set a flag and the doubts that weigh
it name one constant."""

from __future__ import annotations

from dataclasses import dataclass

DOUBT = "doubt: "
# A row's flag giving the least OCR confidence of its deadline's words ("deadline_word_conf:0.83"),
# set by a reader that has them (``task_paragraphs`` on a scan).
DEADLINE_WORD_CONF = "deadline_word_conf"
# A row's flag: its deadline's quarter numeral was read as a run of I's that the page's ink shows
# as many stems of (``extract.ocr_numerals``, ``Word.strokes_agree``): its count read twice.
STROKES_COUNTED = "quarter_strokes_counted"


@dataclass(frozen=True)
class TaskDoubtSettings:
    # Letters a word needs to be weighed as a syllable (a lone letter is a list mark or a speck).
    min_letters: int = 2
    # Bigram log-probability (the repair model's, both neighbours summed) another marking of a word
    # must gain for the word to be OCR's misreading: the corpus's printed task words gain at most
    # 1.7 ("chi tiêu" / "chỉ tiêu", both right); OCR's "kiếm tra", "nhân dần" gain 9-13.
    lm_margin: float = 5.0
    # The gain a word one letter shorter ("bố" for "bối") must show: a letter dropped changes the
    # word more than a mark, so it must fit far better (OCR's "công bối" gains 9.6).
    stray_letter_margin: float = 8.0
    # A field's cells the grammar of deadlines and units must read (share, and cells at least) for
    # one it does not read to be doubted: the corpus's plans' columns read 95-100%, a commune
    # writing its own deadlines about half.
    grammar_share: float = 0.85
    grammar_min_cells: int = 5
    # The least OCR confidence of a deadline's words at which a quarter numeral of strokes is
    # taken as read (a scan; a text dump has none and is doubted): the scanned plans' numerals
    # read right came at 0.83-0.87, the two read wrong ("I" for "II", "II" for "III") at 0.74
    # and 0.34 (seeds 570, 481).
    stroke_sure_conf: float = 0.8
    # A quarter numeral printed as three I's is read as printed: OCR's miscounts on the corpus's
    # plans lose a stroke (III → II, II → I), and no loss makes the longest run; a stroke it added
    # came as a look-alike ("Quý I1I/2026" for II), which ``stroke_doubts`` tells. (A run of one or
    # two strokes stays doubted.)
    longest_run_as_printed: bool = True
    # The repair model's bigram log-probability at which a word is the one the word before takes
    # next (a compound's second syllable: "sắp xếp" -0.4, "hồ sơ" -0.2); a name a plan
    # capitalises after a word ("cáo Sở" -7.3, "khai Cổng" -8.3) is far less likely.
    capital_bigram: float = -2.0
    # The bigram log-probability at which two syllables a dash stands between are one compound and
    # the dash a speck ("cải - cách" -0.3; a phrase's end and the next one's start: "trị - xã" -5.6).
    compound_bigram: float = -2.0
    # A criterion code printed with no dot ("1") among a table's codes of which at least this many
    # and this share print one ("5.1", "4.1"): a code's dot and digit OCR lost ("|1" for 5.1), the
    # code doubted. (A plan numbering its criteria by whole numbers prints no dots at all.)
    dotted_min_codes: int = 3
    dotted_share: float = 0.8
    # Other rows of a section that must name one field by their codes, more of them than name
    # the row's own, for a row's code of another field to be doubted (a plan lists each field's
    # tasks under its heading; a section of one or two rows says too little).
    section_field_votes: int = 2
    # A year outside the plan's period that the deadlines of at least this many of a table's rows,
    # and this share of those printing a year, print is the task list's own year, as a title naming
    # it would say: a report on 2026 listing the tasks of 2027, each deadline in 2027 (seed 18001's
    # S09 report scan: 16 rows, each queued for its year). OCR's slip lands on one row's digit.
    own_year_min_rows: int = 3
    own_year_share: float = 0.5
    # Dates a table's other deadlines must print, every day and month in two digits, for a date
    # with one of one digit to be doubted (a plan writing "9/9/2026" writes all its dates so).
    padded_min_dates: int = 3
