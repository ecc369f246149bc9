"""Settings and token classes shared by the modules that read score tables from lines
(``score_lines``: rows; ``line_header``: the header and its columns; ``line_split``: name and
explanation parts of a line)."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from extract.model import Line
from normalize.codes import read_code_token
from normalize.lazy_regex import lazy_compile
from normalize.numbers import lost_decimal_readings


@dataclass(frozen=True)
class LineTableSettings:
    # Share of a line's words that must be header vocabulary for the line to be a header line.
    header_share: float = 0.4
    # Longer lines are prose that happens to mention "tiêu chí" and "điểm tối đa".
    max_header_chars: int = 90
    # ... unless nearly every word of it is header vocabulary and it names this many column
    # concepts: a landscape table's labels printed on one line ("Mã số | Lĩnh vực/Tiêu chí/… Phương
    # pháp chấm điểm Thang điểm Điểm tự chấm Nội dung giải trình") run past any prose limit.
    wide_header_chars: int = 160
    wide_header_share: float = 0.85
    wide_header_concepts: int = 3
    # Similarity (0..100) of an OCR'd word to a header word.
    header_word_similarity: float = 70.0
    # Column concepts a header must show before lines below it are read as a score table.
    min_header_concepts: int = 2
    # A line holding a piece this long (characters, folded, whole words) of a catalogued
    # criterion's wording, at least this near (partial similarity), is a name's wrapped line, not a
    # header repeated: "lĩnh vực theo kế hoạch năm của UBND tỉnh kiểm chứng" (1.1.2's middle, and
    # the explanation's "kiểm chứng") names two columns' words, and is no header.
    header_wording_piece_chars: int = 24
    header_wording_piece_ratio: float = 90.0
    # A header line naming this many column concepts by their phrases may carry this many lone
    # numbers: OCR reads a wrapped label's letters or a rule's speck as one ("đa" as "8").
    header_stray_min_concepts: int = 2
    header_stray_numbers: int = 1
    # Lines after the header lines that may still hold its words (a label wrapped over short lines).
    header_tail_lines: int = 5
    # A section heading ends a header's run of lines when its first so many words are capitals
    # and open a catalogued criterion name (``score_lines._criterion_heading``).
    heading_opening_words: int = 4
    # A wrapped header's label words OCR garbled ("tối đa" read "téida") leave short lines that are
    # no header lines between ones that are: a line this short, with no points or code, does not
    # end the header's run of lines.
    header_fragment_chars: int = 20
    # ... and such a line whose words name a points column ("xã tự định": the self and appraised
    # labels' last words) may carry this many specks read as digits ("1 `... s 1... xã tự định"):
    # a row's figures come with its name's words, not with labels'.
    keyed_fragment_numbers: int = 2
    # A header naming an explanation column without saying where: the explanation prints before
    # the points when at most this share of the lines with numbers have text after them.
    explanation_after_share: float = 0.1
    # ... a line going on in at least this many words after its figures (fewer, or specks only —
    # the rule's and the grid edge's, "a : ;", "sj | n4 J2" — are no explanation's text:
    # ``explanation_side``).
    explanation_after_words: int = 2
    # A header whose explanation label OCR garbled past reading (or a table with no explanation):
    # the explanation prints first only when at least this many lines with numbers print an
    # explanation's opening before their figures, more than go on in words after them.
    explanation_unnamed_openings: int = 2
    # A header whose appraised label OCR garbled ("tha", "Néivu"): the table has three points
    # columns when at least this many of its first lines with numbers, and this share of them,
    # carry three points cells in a row (a "max self" table's lines carry two).
    three_points_min_lines: int = 2
    three_points_share: float = 0.4
    # With a header word that points to an appraised column (``appraised_hinted``: "dinh",
    # "Phong"), one line with three figures that can be max, self and appraised is enough, among
    # up to ten lines with numbers (OCR lost the other rows' appraised cells).
    three_points_hinted_lines: int = 1
    three_points_hinted_share: float = 0.1
    # A list with dot leaders (whose specks OCR reads as figures) gets a third points column from
    # positions only when each of three figures stands within this share of the columns' gap of
    # its column's place, on every line that ends in three (``points_columns._aligned_three``).
    aligned_column_spread: float = 0.25
    # A header line with more words than this counts for that hint only when it reads as a header.
    hint_fragment_words: int = 4
    # Two numbers for three points columns, the second above the first ("10 15"): the max is the
    # cell lost, the numbers the self and appraised scores, unless the second is more than this
    # many times the first and a lost decimal mark reads it within it ("5 25": 5 and 2,5).
    appraised_near_self: float = 2.0
    # Numbers centred in tall rows (name lines above and below the numbers' line): at least this
    # share of the lines with numbers carry the code, at least this many of them follow a text
    # line, and this share of those text lines start like a name (a capital).
    centred_code_share: float = 0.6
    centred_min_rows: int = 3
    centred_name_share: float = 0.5
    # ... or at least this many, and this share, of the coded lines go on with the middle of a
    # name (a lower-case word right after the code): the name started above the code's line.
    centred_min_mid_names: int = 2
    centred_mid_name_share: float = 0.2
    # ... or this share of them, however few of the lines with numbers carry a code.
    centred_mid_name_most: float = 0.5
    # A lone number on its own line larger than this is not a points cell (a code, a year).
    max_bare_points: float = 30.0
    # Fallback width (characters) of the name column when no line shows where it ends.
    default_name_width: int = 36
    default_explanation_width: int = 45
    # Uppercase share above which a text block reads as a section heading.
    heading_upper_share: float = 0.8
    # Words of name a line needs before a lone number ending it counts as the max cell
    # ("tháng 7" is a date, not a criterion worth 7 points).
    min_name_words_single: int = 3
    # A token of no word at least this long after a short criterion name on a number-less line is
    # the row's points cells OCR garbled ("Báo cáo CCHC BEf TtiSTiigifcc…"), not text of a name.
    garbled_run_chars: int = 8
    # How far (in ``normalize.codes`` cost) a lone dotted token may jump from the last code
    # and still read as the next code rather than as points.
    max_code_step: float = 0.9
    # A table whose header OCR garbled past reading (no line names two column concepts) is read
    # under a scoring title when at least this many lines open with a code and print a maximum
    # and a score within it (``headless_table``): fewer is no table (a report's prose).
    headless_min_rows: int = 3
    # ... but a lone decimal-comma token ("1,5") under a named row still awaiting its max is that
    # max unless it is the very next code (no sibling skipped): codes print with dots, and a jump
    # that skips siblings ("1.5" after "1.2.1", 0.82) is likelier a figure than a code.
    comma_code_step: float = 0.1
    # Similarity (0..100, diacritic-free) of a text block to a catalogued criterion name for the
    # block to read as the name of a row whose code and numbers were lost, not as explanation.
    criterion_name_similarity: float = 90.0
    # A line opening with a catalogued criterion name this long (characters, diacritic-free) or
    # longer is a row's, never a header's (short names, "Báo cáo CCHC", are a header's words too).
    opening_name_chars: int = 20
    # Body lines (after the header) whose words give the ink profile the column gutters are found in.
    gutter_sample_lines: int = 120
    # A table of plain text (an OCR dump) is typed as a list with dot leaders (``leader_lines``)
    # when at least this many of its sampled body lines hold a leader (a run of dots OCR kept) ...
    leader_min_lines: int = 3
    # ... and at least this share of them: a grid's dump keeps none, a stray "...." is no layout.
    leader_share: float = 0.05
    # Splitting a number-less line of the interleaved layout into name and explanation text:
    # characters the name part may run past the name column's estimated width (OCR'd text has
    # no fixed pitch) ...
    name_overflow: int = 4
    # ... and room (characters) left on a name line that says the name ended there: a wrapped
    # name fills its column up to about one syllable.
    name_end_room: int = 10
    # Which quantile of the name ends before the numbers is the name column's right edge.
    name_end_quantile: float = 0.75
    # ... and when the explanation prints before the numbers (their text is the name's and the
    # explanation's): rows without an explanation are about this share of them.
    name_end_quantile_explanation_first: float = 1.0
    # ... but when at least this many lines show an explanation opening ("Quyết định số", a date)
    # after this many words of name, the widest such name part is the name column's edge.
    cue_edge_min_lines: int = 2
    cue_edge_min_words: int = 2
    # Log-probability bonus for an explanation part that opens like one ("- ", "Kế hoạch số",
    # a date), and penalty per document number or date put into the name.
    explanation_cue: float = 4.0
    reference_in_name: float = 6.0
    # Penalty for leaving a column's part of a line empty while its text is still running (cells
    # are top-aligned: a column's text runs line after line, then stops).
    column_gap: float = 6.0
    # Penalty for a name part short enough to end the name (every later line is explanation then).
    name_close: float = 2.0
    # Penalty for a name part with room left that still wraps on to the next line (``name_end_room``
    # is a guess in characters): only a split the catalogue's whole name favours pays it.
    name_goes_on: float = 10.0
    # Penalty for a name the row's first line closed (its part had room left) going on all the
    # same on the next line: the room is guessed in characters and OCR'd text has no fixed pitch,
    # so a name cut mid-phrase ("… cải cách hành" / "chính tại …") reopens only when the language
    # model's continuation across the break pays for it.
    name_reopens: float = 6.0
    # Penalty for an explanation part wider than its column.
    column_overflow: float = 20.0
    # Penalty for a line left after both text columns ended: the split that ended them was wrong
    # (a row's lines are split jointly, so an early end is weighed against the lines after it).
    column_overrun: float = 12.0
    # Split hypotheses kept per line while a row's lines are split jointly.
    split_beam: int = 24
    # Log-probability bonus for splitting a line where OCR read a ruling bar between two words.
    bar_split: float = 8.0
    # Log-probability bonus for an explanation part that opens with the rest of a document number
    # the explanation's line above broke at a hyphen ("… số 30/KH-" then "UBND ngày …").
    broken_reference: float = 12.0
    # Log-probability bonus for a row's split whose whole name reads as a catalogued criterion
    # name, scaled from 0 at this similarity (0..100, diacritic-free) to the full bonus at 100.
    catalogue_name_floor: float = 80.0
    catalogue_name_bonus: float = 40.0
    # A table line at least this long whose characters are less than this share letters and
    # digits is OCR noise (a ruling line, a smudge read as symbols), no text of a cell.
    noise_min_chars: int = 15
    noise_alnum_share: float = 0.65


# Four digits OCR printed for a score of ten to nineteen in quarters with its comma lost ("1075").
LOST_COMMA_TEENS = r"1\d(?:25|50|75)"
_SCORE_TOKEN = lazy_compile(r"^(?:0|[1-9]\d?)(?:[.,]\d{1,2})?$")
# A points cell whose decimal comma OCR lost: "05" (0,5), "025" (0,25), "825" (8,25), and a score
# of ten to nineteen in quarters, "1075" (10,75), "1925" (19,25). No points cell prints a leading
# zero, three digits or four; which reading holds is the table's arithmetic's to say
# (``score_readings``). (Four digits only in quarters after a 1: a year, "2025", or a count of
# a thousand, "1200", is no score.)
_LOST_COMMA_TOKEN = lazy_compile(r"^(?:0\d{1,2}|[1-9]\d{2}|" + LOST_COMMA_TEENS + ")$")
JUNK = lazy_compile(r"^[^\p{L}\p{N}]+$")
# A ruling line OCR read as a character: between two words, a column boundary.
BAR = "|"


def line_tokens(line: Line) -> list[tuple[str, str]]:
    """(repaired, raw) token pairs. The repair stage keeps tokens aligned; when it did not, the
    raw tokens stand for both."""
    raw = (line.raw if line.raw is not None else line.text).split()
    text = line.text.split()
    if len(text) != len(raw):
        text = raw
    return [(_unglued(t), _unglued(r)) for t, r in zip(text, raw)]


def _unglued(token: str) -> str:
    """A word without the ruling bar OCR glued to its edge ("|HOso", "TTHC|"): the bar is the
    grid's, not the word's (a bar standing alone stays: it marks a column boundary)."""
    if BAR in token and JUNK.match(token):
        return BAR  # a rule read with specks glued to its bar ("|__|", "||"): a bar all the same
    token = token.strip(BAR) or token
    # (a rule OCR read as an underscore glued to a code or figure, "7.2.1_", "_3": the rule's, too;
    # a word's underscore, a form's blank "____", is left as it is)
    return token.strip("_") if _RULED_FIGURE.match(token) else token


# A code or figure with underscores at its edges, the cell's rule OCR read under or beside it.
_RULED_FIGURE = lazy_compile(r"^(?:_+[\d.,]*\d[\d.,]*_*|_*[\d.,]*\d[\d.,]*_+)$")


def is_score_token(token: str) -> bool:
    return bool(_SCORE_TOKEN.match(token))


# A figure with a decimal comma and a quarter's two digits ("8,25", "6,75"): a score, never a code.
# OCR reads a code's dot as a comma ("1,2"), but no criterion is numbered 25 or 75 under its parent.
_QUARTER_FIGURE = lazy_compile(r"^\d{1,2},(?:25|75)$")


def quarter_figure(token: str) -> bool:
    """A token that is a score in quarters as printed ("8,25"), which no code reading may take."""
    return bool(_QUARTER_FIGURE.match(token))


def is_points_reading(token: str) -> bool:
    """A token that can be a points cell as OCR read it: a points number, or one whose decimal
    comma was lost."""
    return is_score_token(token) or bool(_LOST_COMMA_TOKEN.match(token))


# Specks OCR leaves on a points cell's edges ("0`", "l:", "“9,5:"), with the marks it reads
# detached from any letter ("0ˆ", "7˜": spacing accents).
# Spacing accents OCR reads detached from any letter.
SPACING_ACCENTS = "ˆ˜´¨^"
CELL_SPECKS = "`'\"‘’“”:;.,_~¿?!" + SPACING_ACCENTS
# Letters OCR reads for a lone digit in a points column (the digit is what ``parse_number`` reads).
_DIGIT_LOOKALIKES = {"l": "l", "I": "I", "i": "i", "ì": "i", "í": "i", "O": "O", "o": "o"}


# A points cell whose decimal comma OCR read as another mark ("10/5", "2:75", "9;5", "2/0"): the
# fraction is one points are given in (quarters, or a whole number's ",0": no fraction is over 0),
# so "7/14" (a count of tasks) is no cell.
_MISREAD_COMMA = lazy_compile(r"^(0|[1-9]\d?)[/:;](25|5|75|0)$")


def misread_comma(token: str) -> str | None:
    """The points cell a token whose decimal comma OCR misread stands for ("2/0" → "2,0"), else None."""
    misread = _MISREAD_COMMA.match(token)
    return f"{misread[1]},{misread[2]}" if misread else None


def points_cell(raw: str, beside_points: bool = False) -> str | None:
    """The points cell a token reads as, specks on its edges dropped ("0`" → "0", "-145" →
    "145": no points cell is negative), else None. A letter OCR reads for a digit ("l" for 1,
    "O" for 0) and a decimal comma read as "/" or ":" ("10/5" → "10,5") are one only
    ``beside_points``: in a run with a cell that is a number, never on its own (a name's "I"
    stays a word, an explanation's "1/5" a fraction)."""
    token = raw.strip(CELL_SPECKS) or raw
    if is_points_reading(token):
        return token
    if token[:1] in _DASHES and is_points_reading(token[1:].strip(CELL_SPECKS)):
        return token[1:].strip(CELL_SPECKS)
    if beside_points and token[:1] in _DASHES and glued_digits(token[1:]):
        return token[1:].strip(CELL_SPECKS)  # "—5s": a rule's dash, then a speck glued after
    if token[-1:] in _DASHES and is_score_token(token[:-1].strip(CELL_SPECKS)):
        return token[:-1].strip(CELL_SPECKS)  # a rule's speck after the cell ("6,5-")
    if not beside_points:
        return None
    # A speck OCR read as an inverted mark no Vietnamese text prints, glued before the digits
    # ("¡14,5 14,5"): only beside a number (on its own it may be anything OCR garbled).
    if token[:1] == "¡" and is_points_reading(token[1:].strip(CELL_SPECKS)):
        return token[1:].strip(CELL_SPECKS)
    # ... or glued after them as a degree sign ("10° 10 10"): no points cell prints one.
    if token[-1:] == "°" and is_points_reading(token[:-1].strip(CELL_SPECKS)):
        return token[:-1].strip(CELL_SPECKS)
    # A ruling line OCR read as a bracket glued to the cell's digits ("3 [2 |"): the grid's, as a
    # bar is; only beside a number ("[2]" alone may be a note's mark).
    if bracket_glued(token):
        return token.strip(_BRACKETS + CELL_SPECKS)
    if token in _DIGIT_LOOKALIKES:
        return _DIGIT_LOOKALIKES[token]
    # A speck read as a letter glued to the cell's digits, beside a number: kept as printed (the
    # value is its digits, ``glued_digits``, and a doubted one).
    if glued_digits(token) is not None:
        return token
    return misread_comma(token)


_BRACKETS = "[](){}"
# A letter glued to a points cell's digits: a small one before them ("3 a3 [ 3"); a Latin one
# after a lone digit 2-9 ("10 8V JR755"; "5s" may be 55: ``glued_readings`` keeps both), but no
# capital a digit looks like; or a capital I or O before one digit ("ngày I1 - 11 11": 11, the
# "I" a 1 OCR read as a letter). After a 1 or a decimal, or with a mark, the letter is a digit
# OCR garbled, no speck: "1G", "1U.", "1g" were 16, 10, 10 (seeds 261, 346), "2,7Ð" 2,75.
# OCR's reading of a speck or a rule on the cell's edge — or of a digit it garbled ("s10" was 16
# on a seed-345 dump): the digits are a reading to doubt, the letter read as a digit another.
# (a "T" before the digits is a ruling line's top read with the cell; an "E", "F" or "L" the
# cell's left rule where a row's rule crosses it: "văn bản E10 10", seed 12101's D01 i4, was 10 10)
# A quarter figure's units digit read as the capital it looks like ("A,75" for 4,75, "S,5" for
# 5,5): the comma and the quarter after it say it is a cell, the capital a digit.
_LETTER_GLUED = lazy_compile(
    r"[\p{Ll}TEFL](\d{1,2}(?:,\d{1,2})?)|([2-9])(?![BDGOQSZI])[A-Za-z]|([IO]\d)|([AIOSZB],(?:25|5|75))"
)
# A syllable whose "ô" (with its tone: "ộ", "ổ", "ố", "ồ") OCR read as a 6 after its consonant:
# "bộ", "tổ", "số", "hồ" come out "b6", "t6", "s6", "h6" at a name's end ("tại các b6 2 2": the
# bộ phận's "bộ", then 2 | 2). Read as a glued cell, "b6" took the maximum's place and every figure
# of the row one column on; no speck glued to a cell is a consonant before a 6 alone.
_O_CIRCUMFLEX_SYLLABLE = lazy_compile(r"[bcdđghklmnprstvx]6")
_CAPITAL_DIGIT = str.maketrans({"I": "1", "O": "0", "A": "4", "S": "5", "Z": "2", "B": "8"})


def glued_digits(raw: str | None) -> str | None:
    """The digits of a points cell OCR printed with a letter glued to them ("a3" → "3", "8V" →
    "8"; a capital I or O before one digit is that digit: "I1" → "11", as is a capital before a
    quarter's decimals: "A,75" → "4,75"), else None. Such a cell is
    kept as printed (its raw says the letter was there: the value confidence doubts its format)
    and read as these digits (``glued_readings`` gives the other reading)."""
    token = (raw or "").strip(CELL_SPECKS)
    if _foreign_capital(token[:1]) and is_points_reading(token[1:]):
        return token[1:]  # "Ö14,5": a speck read as a capital no Vietnamese word prints
    glued = _LETTER_GLUED.fullmatch(token)
    if glued is None or _O_CIRCUMFLEX_SYLLABLE.fullmatch(token):
        return None
    digits = glued[1] or glued[2] or (glued[3] or glued[4]).translate(_CAPITAL_DIGIT)
    return digits if is_score_token(digits) else None


# Marks no Vietnamese letter carries (diaeresis, ring, cedilla, caron, ogonek, double acute,
# macron): a capital wearing one is OCR's reading of a speck, not a letter of the text.
_FOREIGN_MARKS = frozenset("\u0308\u030a\u0327\u030c\u0328\u030b\u0304")


def _foreign_capital(char: str) -> bool:
    """A capital letter with a mark no Vietnamese letter carries ("Ö", "Ü", "Å")."""
    marks = unicodedata.normalize("NFD", char)[1:]
    return char.isupper() and any(m in _FOREIGN_MARKS for m in marks)


def glued_readings(raw: str | None, ceiling: float = 100.0) -> list[float]:
    """The readings of a cell a letter is glued to, ``glued_digits``' first: with the letter read
    as the digit it looks like, or as a speck ("l5" → 5, 15; "I1" → 11, 1; "i0" → 0, 10), and the
    digit reading's comma lost too, in quarters ("7s" → 7, 75, 7,5; "l5" → 5, 15, 1,5), for the
    table's arithmetic and the criteria set's maximum to choose. Up to ``ceiling`` (no points
    cell is above it: "s10" is no 510). [] for any other cell."""
    first = glued_digits(raw)
    if first is None:
        return []
    token = (raw or "").strip(CELL_SPECKS)
    others = [token.translate(_LOOKALIKE_DIGIT), token[1:] if token[:1] in "IO" else ""]
    values = [float(first.replace(",", "."))]
    for other in others:
        if _SCORE_TOKEN.match(other) or (other.isdigit() and 0 < len(other) <= 3):
            for value in (float(other.replace(",", ".")), *_lost_comma_quarters(other)):
                if value <= ceiling and value not in values:
                    values.append(value)
    return values


def _lost_comma_quarters(digits: str) -> list[float]:
    """The readings in quarters of two or three bare digits whose decimal comma OCR lost beside
    the letter it read for one of them ("7s" → "75" → 7,5; "l25" → "125" → 1,25; 12,5): a lost
    comma is as likely beside a glued letter as in a cell of digits (``points_readings``), and
    points are given in quarters, so "l3" gains no 1,3, and none prints decimals of zeros ("i0"
    is no 1,0)."""
    if not digits.isdigit() or not 2 <= len(digits) <= 3 or digits.startswith("0"):
        return []
    return [v for v in lost_decimal_readings(digits) if in_quarters(v) and not v.is_integer()]


def in_quarters(value: float) -> bool:
    """Whether points are a whole number of quarters (every criteria set's maxima and scores are)."""
    return abs(value * 4 - round(value * 4)) < 1e-6


def lookalike_readings(raw: str | None) -> list[float]:
    """The readings of a two-letter cell made only of letters OCR reads for a digit ("il" → 11,
    1; "sI" → 51, 5, 1: an "s" is a 5's shape, never a 1's speck): both letters as digits, or one
    of them a ruling line's speck beside the other, for the table's arithmetic and the criteria
    set's maxima to choose. [] for any other cell."""
    token = (raw or "").strip(CELL_SPECKS)
    if len(token) != 2 or any(ch not in _DIGIT_LOOKALIKES and ch not in _FIVE_SHAPES + _MARKED_ONES for ch in token):
        return []
    digits = token.translate(_LOOKALIKE_DIGIT).translate(_LOOKALIKE_MARKED)
    if not is_score_token(digits):
        return []  # ("Oi": no points cell prints a leading zero)
    values: list[float] = []
    for reading in (digits, digits[0], digits[1]):
        if is_score_token(reading) and float(reading) not in values:
            values.append(float(reading))
    return values


# The digits letters on a cell's edge look like (normalize.numbers' OCR digits, the points ones).
_LOOKALIKE_DIGIT = str.maketrans(
    {"l": "1", "I": "1", "i": "1", "O": "0", "o": "0", "s": "5", "S": "5", "g": "9", "G": "6", "B": "8"}
)
_LOOKALIKE_MARKED = str.maketrans({"ì": "1", "í": "1", "ï": "1", "Ì": "1", "Í": "1"})
# Marked letters vie OCR reads for a 1 in a pair ("ïÌ"); alone, a "ï" is a cell it lost (``garbled_cell``).
_MARKED_ONES = "ïÌÍ"
# Letters a 5 is read as (``lookalike_readings``; ``_DIGIT_LOOKALIKES`` are the 1's and 0's).
_FIVE_SHAPES = "sS"


def bracket_glued(raw: str) -> bool:
    """A points number with a bracket glued to it ("[2", "6]"): a ruling line OCR read as one."""
    token = raw.strip(CELL_SPECKS) or raw
    bare = token.strip(_BRACKETS + CELL_SPECKS)
    return bare != token and is_points_reading(bare)


# A speck OCR leaves before a cell's digits reads as a dash ("-145" for "14,5").
_DASHES = "-–—"


# Words that open a complement and never end a Vietnamese phrase (prepositions, conjunctions,
# plural markers): a cell or a name ending in one goes on in the words its line lost (a cell's to
# the column beside, "… không chuyên trách ở" + "Hồ sơ lưu trữ thôn"; a name's to the line below,
# "… trong hoạt động của" + "Ủy ban nhân dân xã"); so does one ending in a list's comma.
DANGLING_WORDS = frozenset(
    ("ở", "của", "và", "cho", "với", "các", "những", "do", "tại", "để", "hoặc", "từ", "về", "theo")
)


def ends_dangling(words: Sequence[str]) -> bool:
    """Whether words end on a word opening a complement (``DANGLING_WORDS``) or on a comma: a
    list's comma ("UBND xã, Các bộ phận") goes on to the list's next item."""
    last = words[-1].strip(" |") if words else ""
    return last.lower() in DANGLING_WORDS or (len(last) > 1 and last.endswith(","))


def joined_from_below(
    lines: list[Line],
    awaits: Callable[[Line], bool],
    moved: Callable[[Line, Line], tuple[Line, Line] | None],
    lines_below: int,
    opens_on_cell: Callable[[list[str]], bool] = lambda tokens: False,
) -> list[Line]:
    """The lines with what a cell wrapped onto the next lines put back on the line that awaits it
    (``awaits``; ``moved`` gives the two lines after the move, or None where it has no place), from
    the first of the next ``lines_below`` lines that gives it, before the next row's code. A line
    opening on the wrapped cell itself (``opens_on_cell`` of its tokens: "2,75 điểm", whose figure
    reads as a code "2.75") opens no row. Lines with word boxes are read by their positions and left
    as they are."""
    out = list(lines)
    for j, line in enumerate(out):
        if line.words or not awaits(line):
            continue
        for b in range(j + 1, min(len(out), j + 1 + lines_below)):
            below = out[b]
            tokens = (below.raw or below.text).split()
            opening = tokens[:1]
            opens_row = bool(opening) and read_code_token(opening[0].strip("|_")) is not None
            if below.words or (opens_row and not opens_on_cell(tokens)):
                break
            pair = moved(line, below)
            if pair is not None:
                out[j], out[b] = pair
                break
    return out
