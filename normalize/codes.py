"""Criterion codes of score tables ("I", "1.", "1.1", "1.1.1"): reading them from OCR'd tokens,
and the order they follow down a table (what may come after a code, at what cost).

OCR mangles codes in a few regular ways: look-alike letters ("LL1" for 1.1.1, "31n" for 3.1.2),
lost dots ("131" for 1.3.1), a lost or wrong digit ("540" for 5.4.2, "16" for 3.6). Reading a
token gives its possible shapes; ``normalize.code_repair`` chooses among them over a whole column.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz.distance import Levenshtein

from normalize.lazy_regex import lazy_compile
from normalize.padded_codes import unpadded_dotted
from normalize.text import ascii_spelling

_DOTTED_DIGITS = lazy_compile(r"\d{1,2}(\.\d{1,2})*")
_OPENS_DIGIT_OR_STROKE = lazy_compile(r"[0-9lLIi|!]")
_NOT_STROKE = lazy_compile(r"[^lLIi|!.]")
_DIGIT = lazy_compile(r"\d")
_DIGIT_OR_STROKE = lazy_compile(r"[0-9lLI|]")
_STROKE_LOOKALIKE = lazy_compile(r"[Ll|1]")


@dataclass(frozen=True)
class CodeSettings:
    # Cost of a row whose code is inferred (no readable token, or a token that fits nothing).
    inferred: float = 1.0
    # Cost per differing digit between the printed token and the chosen code.
    per_edit: float = 0.5
    # Cost of each number skipped between two consecutive codes ("1.2" straight to "1.4").
    per_skip: float = 0.4
    # Small preferences that break ties between equally cheap paths: going one level down,
    # climbing back up, a code deeper than one level below its predecessor.
    child: float = 0.05
    per_level_up: float = 0.02
    per_extra_level: float = 0.3
    # Reading a look-alike letter as a digit ("L" as 1).
    lookalike: float = 0.05
    # Reading a code cell's opening stroke letter as the ruling line beside it ("l1" as 1, not
    # 1.1): dearer than a look-alike digit, cheaper than an edit of the printed digits
    # (``per_edit``), which the next row's clean code would need if this one took its place.
    ruling_stroke: float = 0.3
    # A roman section printed with the wrong number of strokes ("L." for II).
    roman_mismatch: float = 0.5
    # Reading a token of digits as the roman section its strokes draw ("1" for I, "11" for II,
    # "1V" for IV): OCR prints a part's "I" as the digit one. Dearer than a look-alike letter, so
    # a "1" stays arabic unless the column argues for a part: cheaper than the repeated "1" the
    # arabic reading must bend (I, 1, a), b) read as 1, 1 → 1.1 costs an edit, ``per_edit``).
    digit_as_roman: float = 0.4
    # A word a code column prints before its codes ("LV1", "Nội dung 2") is the column's own when it
    # opens at least this many of its cells (``column_code_words``): once is a cell's own text.
    code_word_rows: int = 2
    # Each roman section skipped between two sections ("I" straight to "III"): a whole section
    # missing is rarer than a section numeral read with a stroke too many.
    per_roman_skip: float = 1.0
    # A row with no readable code token may be a part (a roman section row) whose numeral OCR
    # lost, but only in a column whose other parts print their numerals in strokes ("II", "III"):
    # the document numbers its parts in roman, so a lost part numeral is roman too. Off: a
    # section row is never guessed (the set-free inference before).
    infer_lost_parts: bool = True
    # A first part ("I") after criteria numbered without parts, on top of ``roman_mismatch``: the
    # criteria above would belong to no part, where a document with parts opens its table on part
    # I. A look-alike read as "I" in mid-table ("L 14" for 1.4) costs more than a garbled code
    # read as the next criterion (an edit and an inferred row): OCR lost the "1." of a "1.2" row
    # read "2", and the second "2" below it opened a part so as to be a "2" again.
    first_part_late: float = 1.0
    # What guessing such a part costs on top of ``inferred``: more than a printed part read one
    # numeral off (``roman_mismatch`` and a look-alike), so that a row with no code just above a
    # part printed "Ul." (II or III) stays a criterion and the printed part takes the number.
    lost_part: float = 0.7
    # What guessing a part costs instead, for a row with no code just above a "1." that restarts
    # the numbering ("2. …", then a codeless row, then "1. …" again; and the column's first
    # "1." under a codeless row): the restart is the parts' own evidence, as a printed numeral
    # is elsewhere, so the row is as much a part as a criterion with its code lost (``inferred``).
    restart_part: float = 0.1
    # Items under top-level codes ("1." then "a)") mark a score table's parts: the column's first
    # "1." under a codeless row whose points are the sum of the rows below is under part I
    # (``code_repair._restart_openings``). Off by default: a statistics annex lists a)/b) items
    # under its counts, which are no parts; on in ``ScoreTableSettings.codes``.
    items_mark_parts: bool = False
    # A number-less row carrying a duplicate code is folded into the row above.
    absorb: float = 0.35
    # A row whose max points equal the sum of the rows below it is their parent: a next row
    # that is not its child costs this much.
    parent_evidence: float = 0.6
    # A row whose max points exceed the max of the row above (every reading of both) read as
    # its child costs this much: a child is never worth more than its parent. Weaker evidence
    # than ``parent_evidence`` (three or more figures agreeing on a sum): one misread figure
    # ("4" for a part's 7) is enough to make a row look bigger than its parent. A maximum printed
    # with letters ("Ss", OCR's garble) is no evidence of size (``score_tables._max_range``).
    oversized_child: float = 0.35
    # A row whose own cells say it opens a group of its own (``repair_codes``' ``new_groups``)
    # read as the child or next sibling of the row above costs this much: one unit read wrong
    # ("Người" for "Hồ sơ") is enough to flag a row, so no more than an oversized child.
    stays_in_group: float = 0.35
    # A code that reads exactly as the next step of the hierarchy is taken as printed even after
    # a row whose sums make it a parent: typed text prints the codes it means, while sums of
    # half points add up by chance ("3.5.1" worth 1 over "3.5.2" and "3.5.3" worth 0.5 each).
    # Off for OCR'd columns, where a token that reads cleanly may still be a misreading.
    clean_over_sums: bool = False
    # How many rows ahead a readable code is looked for when inferring the codes of rows before
    # it (its ancestors are candidates: "7." and "7.1" garbled above a clean "7.1.1").
    lookahead: int = 3
    # Search width: states kept per row.
    beam: int = 40
    # A path dearer than the width-th cheapest one offered for the next row is dropped before its
    # token is weighed: the same choices (no cost is negative), a third less work on a long
    # garbled column. Off only to check that claim.
    cut_dear_paths: bool = True
    # The search covers only the doubtful stretches of a column (rows that do not read as the
    # next step of the row above) with this many rows on each side; it ends where its best path
    # has read this many rows as printed and the next this many read on cleanly from it. Wider
    # than ``lookahead`` so that every reading the search could weigh for a row of the stretch
    # lies inside its window; the rest of the column costs one linear pass.
    window: int = 5
    max_component: int = 30


# Letters OCR prints for digits inside a code cell.
_LOOKALIKE_DIGITS = {
    "l": "1",
    "L": "1",
    "I": "1",
    "i": "1",
    "|": "1",
    "!": "1",
    "O": "0",
    "o": "0",
    "Q": "0",
    "D": "0",
    "n": "2",
    "Z": "2",
    "z": "2",
    "S": "5",
    "B": "8",
    "g": "9",
}
# Letters a vertical ruling line is read as.
_STROKES = frozenset("lLIi|!")
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
# A token that may be a code: digits, dots and look-alike letters, wrapped in stray punctuation
# (a dash after it too: "II —" printed before a part's title, read as one token "H——").
_CODE_SHAPE = lazy_compile(r"^[\(\[\)'‘’\"|]*([0-9lLIi|!OoQDnZzSBg.]{1,8}?)[\.\):]*[-–—]*$")
_ROMAN_SHAPE = lazy_compile(r"^[\(\['‘’]*([IVXLl|HU1]{1,4})[\.\):]*[-–—]*$")
_YEAR = lazy_compile(r"^(19|20)\d\d$")


class CriterionCode(NamedTuple):
    """A position in the score-table hierarchy: roman section (0 when the table has none) and
    the arabic path under it ("1.2.3" → (1, 2, 3)). A roman section row has an empty path.

    A tuple, not a dataclass: the code search puts codes in sets and keys its beams by them
    millions of times for a long table, and a tuple's hash and equality run in C (a dataclass's
    ``__hash__``/``__eq__`` are Python calls). The hash is the dataclass's (that of the tuple of
    its fields), so sets iterate in the same order. Codes are only compared with codes."""

    roman: int
    path: tuple[int, ...] = ()
    # The last level printed as a lettered item ("a)", "đ)"): its letter, "" for a number. The
    # path holds the item's place among its siblings (a → 1, b → 2, đ → 5).
    letter: str = ""

    # Ordered by section and path, the letter aside (as ``functools.total_ordering`` derived the
    # others from ``__lt__`` when this was a dataclass: two codes differing by their letter only
    # are neither equal nor less, so the one is "greater" than the other either way).
    def __lt__(self, other: tuple) -> bool:
        return (self[0], self[1]) < (other[0], other[1])

    def __le__(self, other: tuple) -> bool:
        return self.__lt__(other) or self == other

    def __gt__(self, other: tuple) -> bool:
        return not self.__lt__(other) and self != other

    def __ge__(self, other: tuple) -> bool:
        return not self.__lt__(other)

    @property
    def level(self) -> int:
        return len(self.path)

    @property
    def digits(self) -> str:  # read for every candidate of every row the search weighs: kept
        return _path_digits(self.path)

    def parent(self) -> CriterionCode | None:
        if self.path:
            if len(self.path) == 1:
                return CriterionCode(self.roman) if self.roman else None
            return CriterionCode(self.roman, self.path[:-1])
        return None

    def format(self, roman_prefix: bool = False) -> str:
        """ "II", "1.2", "II.1.2" (``roman_prefix``); a lettered item under its parent: "1.2.a"."""
        if not self.path:
            return roman_numeral(self.roman)
        parts = [str(p) for p in self.path]
        if self.letter:
            parts[-1] = self.letter
        arabic = ".".join(parts)
        if self.letter and len(self.path) == 1 and self.roman:
            return f"{roman_numeral(self.roman)}.{arabic}"  # an item straight under a section: "II.a"
        return f"{roman_numeral(self.roman)}.{arabic}" if roman_prefix and self.roman else arabic


ROOT = CriterionCode(0)


@lru_cache(maxsize=1 << 14)
def _path_digits(path: tuple[int, ...]) -> str:
    return "".join(str(p) for p in path)


def roman_numeral(n: int) -> str:
    for text, value in _ROMAN.items():
        if value == n:
            return text
    return str(n)


@dataclass(frozen=True)
class CodeToken:
    """What a printed code token says, before the column is considered."""

    raw: str
    digits: str  # look-alikes mapped, dots dropped: "LL1" → "111"
    components: tuple[int, ...] | None  # the reading taken literally, when it is a valid path
    roman: int | None  # the token read as a roman section ("I.", "L" → 1)
    lookalikes: bool  # letters had to be read as digits
    roman_lookalikes: bool = False  # strokes other than I/V/X had to be read as roman ("L" for I)
    roman_from_digits: bool = False  # the roman reading took digits for strokes ("1" for I, "11" for II)
    letter: str = ""  # a lettered item ("a)", "b.")
    # The reading with a stroke letter opening the token dropped ("l1" → 1): a ruling line OCR
    # read as a letter glued to the code cell it borders.
    unruled: tuple[int, ...] | None = None


# Lettered items follow the Vietnamese alphabet (a, b, c, d, đ, e, g, h, i, k …); "l" is left out
# of the items read, as OCR prints it for the digit 1.
_ITEM_LETTERS = "abcdđeghikmnopqrstuvxy"
_LETTER_ITEM = lazy_compile(r"^[\(]?([a-zđ€©])(?:[\).]|(?<=[€©])j)$")
# Glyphs OCR prints for an item's letter on scans: a "c" with a stroke through it or a ring
# round it ("€)", "©)" for "c)"). Read as the letter at a look-alike's cost. Its bracket may come
# out as a "j" ("€j"): after such a glyph, which no word opens, that is the bracket too.
_LOOKALIKE_LETTERS = {"€": "c", "©": "c"}
# Letters OCR confuses with each other inside an item's token: "d" and "đ" differ by one bar,
# which a scan adds (a speck on the stem) or loses. Either may be read as the other, at a
# look-alike's cost, where the column's order argues for it ("c)" then "đ)" is "d)").
_LETTER_NEIGHBOURS = frozenset({("d", "đ"), ("đ", "d")})
# Digits OCR prints for an item's letter whose bracket it lost: "a)" read "4" (the bowl and stem of
# a scanned "a"). Read as the item at a look-alike's cost, where the column's order argues for it
# ("3.1" / "4" / "b)": the "4" is 3.1.a, no row 4 with a lost item 4.a under it).
_DIGITS_AS_ITEM = {"a": ("4", "4)", "4.")}


# A word a code column prints before the code ("TC1.1", "Tiêu chí 1.1", "Lĩnh vực 2", "Mục II"),
# matched on the letters without marks: the code is what follows it.
_CODE_WORD = lazy_compile(r"^\s*(?i:tctp|tc|tieu chi(?: thanh phan)?|linh vuc|muc|phan)\s*\.?\s*(?=\d|[IVX]+\b)")


# Any word (up to four) a cell prints before a code, on the letters without marks: "LV1", "Nội dung
# 2", "Mục II". A digit code may be glued to its word; a roman one stands apart from it. A single
# letter is no such word: on a scan it is the ruling line OCR read beside the code ("l1", "I2").
_WORD_THEN_CODE = lazy_compile(
    r"^\s*(?P<word>[A-Za-z]{2,}(?: [A-Za-z]+){0,3})\s*(?:\.?\s*\d{1,2}(?:\.\d{1,2})*\.?|\s\.?\s*[IVX]{1,4}\.?)\s*$"
)


# The same word before a code that opens a name's cell ("Tiêu chí 1.1. Kế hoạch …", "LV2. Xây dựng …").
_WORD_OPENING_CODE = lazy_compile(
    r"^\s*(?P<word>[A-Za-z]{2,}(?: [A-Za-z]+){0,3}?)\s*"
    r"(?=(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,4})\s*[.:)\-–]?(?:\s|$))"
)


def _word_then_code(cell: str, opening: bool = False):
    plain = ascii_spelling(cell)
    pattern = _WORD_OPENING_CODE if opening else _WORD_THEN_CODE
    return pattern.match(plain) if len(plain) == len(cell) else None


def column_code_words(
    cells: list[str], settings: CodeSettings = CodeSettings(), opening: bool = False
) -> frozenset[str]:
    """The words a code column prints before its codes, learnt from the column itself: each word
    (without marks, lower case) opening at least ``settings.code_word_rows`` of its cells before a
    code ("LV1" … "LV4", "Nội dung 1" … "Nội dung 3"); with ``opening``, before the code a name's
    cell opens with ("LV2. Xây dựng …"). A word one cell prints is that cell's text."""
    seen: dict[str, int] = {}
    for cell in cells:
        m = _word_then_code(cell, opening)
        if m:
            word = m.group("word").lower()
            seen[word] = seen.get(word, 0) + 1
    return frozenset(w for w, n in seen.items() if n >= settings.code_word_rows)


def without_code_word(cell: str, column_words: frozenset[str] = frozenset()) -> str:
    """A code column's cell without the word printed before its code ("TC1.1" → "1.1"; any of the
    ``column_words`` the column prints before its codes, ``column_code_words``); any other cell
    unchanged. (The letters without marks keep the cell's length: "ĩ" → "i", "đ" → "d".)"""
    plain = ascii_spelling(cell)
    m = _CODE_WORD.match(plain) if len(plain) == len(cell) else None
    if m:
        return cell[m.end() :]
    m = _word_then_code(cell) if column_words else None
    if m and m.group("word").lower() in column_words:
        return cell[m.end("word") :].strip()
    return cell


def opening_without_code_word(text: str, column_words: frozenset[str] = frozenset()) -> str:
    """A name's cell without the word printed before the code that opens it ("Tiêu chí 1.1. Kế
    hoạch …" → "1.1. Kế hoạch …"): a word of the list, or one of the ``column_words`` the column
    prints so (``column_code_words(..., opening=True)``); any other text unchanged."""
    plain = ascii_spelling(text)
    if len(plain) != len(text):
        return text
    m = _CODE_WORD.match(plain)
    if m:
        return text[m.end() :]
    m = _WORD_OPENING_CODE.match(plain) if column_words else None
    return text[m.end() :] if m and m.group("word").lower() in column_words else text


def letter_item(token: str) -> str | None:
    """The letter of a lettered item's token ("a)", "(b)", "đ.", "€)" for "c)"), or None."""
    m = _LETTER_ITEM.match(token.strip())
    if not m:
        return None
    letter = _LOOKALIKE_LETTERS.get(m.group(1), m.group(1))
    return letter if letter in _ITEM_LETTERS else None


def item_letter(place: int) -> str:
    """The letter of the item at ``place`` among its siblings (1 → a, 5 → đ); "" past the alphabet."""
    return _ITEM_LETTERS[place - 1] if 0 < place <= len(_ITEM_LETTERS) else ""


def item_place(letter: str) -> int:
    """A lettered item's place among its siblings (a → 1, đ → 5)."""
    return _ITEM_LETTERS.index(letter) + 1


def read_code_token(token: str) -> CodeToken | None:
    """Read one token as a criterion code, or None when it cannot be one (words, dates, years,
    numbers with a leading zero such as "03", which are counts in the explanation)."""
    letter = letter_item(token)
    if letter:
        return CodeToken(token.strip(), "", None, None, letter not in token, letter=letter)
    raw = token.strip().replace(":", ".").replace(",", ".").replace(";", ".")  # OCR reads the dots as ':', ',' or ';'
    plain = unpadded_dotted(raw)  # a scoring software's "01.02", "1.01.02": the code 1.2, 1.1.2
    if plain:
        return read_code_token(plain)
    # Vertical strokes OCR'd as other letters: "l", "|", the digit one, an "I" with a speck read
    # as a mark ("Ị"), two strokes joined into "H" ("HỊ" for II) or at their feet into "U" ("U."
    # for "II."). A token of digits only keeps its arabic reading first (``roman_from_digits``).
    roman_match = _ROMAN_SHAPE.match(ascii_spelling(raw))
    roman = None
    roman_lookalikes = roman_from_digits = False
    if roman_match:
        strokes = roman_match.group(1)
        normal = _STROKE_LOOKALIKE.sub("I", strokes).replace("H", "II").replace("U", "II")
        roman = _ROMAN.get(normal)
        roman_lookalikes = normal != strokes
        roman_from_digits = "1" in strokes
    only_roman = CodeToken(raw, "", None, roman, True, roman_lookalikes, roman_from_digits) if roman else None
    m = _CODE_SHAPE.match(raw)
    if not m:
        return only_roman
    body = m.group(1).strip(".")
    if not body or not _DIGIT_OR_STROKE.search(body):
        return only_roman
    # 'n', 'S', 'B', 'g'... are only digits after real ones ("31n"); a token starting with one
    # is a word ("Số" read "S6").
    if not _DIGIT.search(body) and _NOT_STROKE.search(body):
        return None
    if not _OPENS_DIGIT_OR_STROKE.match(body):
        return None
    mapped = "".join(_LOOKALIKE_DIGITS.get(ch, ch) for ch in body)
    digits = mapped.replace(".", "")
    if not digits or digits.startswith("0") or len(digits) > 5 or _YEAR.match(digits):
        return only_roman
    parts = [p for p in mapped.split(".") if p]
    components: tuple[int, ...] | None
    if len(parts) > 1 and all(len(p) == 1 for p in parts):
        components = tuple(int(p) for p in parts)
    elif len(digits) <= 4:
        components = tuple(int(d) for d in digits)  # dots lost or misplaced: one digit a level
    else:
        components = None
    if components and 0 in components:
        components = None
    # A real roman letter ("I") reads as a digit only at a cost.
    lookalikes = mapped != body
    unruled = None
    if body[0] in _STROKES and len(body) > 1 and body[1].isdigit():
        rest = read_code_token(body[1:])
        unruled = rest.components if rest is not None else None
    return CodeToken(raw, digits, components, roman, lookalikes, roman_lookalikes, roman_from_digits, unruled=unruled)


def parse_code(text: str | None) -> CriterionCode | None:
    """A clean printed code ("1.2.3", "2.", "II") as a CriterionCode without a roman context."""
    if not text or not text.strip():
        return None
    t = text.strip().rstrip(".")
    if t in _ROMAN:
        return CriterionCode(_ROMAN[t])
    if _DOTTED_DIGITS.fullmatch(t):
        return CriterionCode(0, tuple(int(p) for p in t.split(".")))
    return None


def transition_cost(prev: CriterionCode, code: CriterionCode, settings: CodeSettings = CodeSettings()) -> float | None:
    """What it costs for ``code`` to follow ``prev`` down the column; None when it cannot
    (codes never go back)."""
    if code.roman < prev.roman:
        return None
    if code.roman > prev.roman:
        cost = settings.per_roman_skip * (code.roman - prev.roman - 1)
        if prev.roman == 0 and prev.path:  # a table numbered without sections does not grow them
            cost += settings.roman_mismatch + (settings.first_part_late if code.roman == 1 else 0.0)
        if code.path:  # the section row itself is missing: as dear as inferring it
            cost += (
                settings.inferred
                + settings.per_extra_level * (len(code.path) - 1)
                + _first_child_cost(code.path[0], code.roman, settings)
            )
        return cost
    p, c = prev.path, code.path
    k, common = 0, min(len(p), len(c))
    while k < common and p[k] == c[k]:
        k += 1
    if k == len(c):
        return None  # same code again, or an ancestor of the previous one
    if k == len(p):  # going down
        if p:
            cost = settings.child + settings.per_skip * (c[k] - 1)
        else:
            cost = _first_child_cost(c[k], prev.roman, settings)
    else:
        if c[k] < p[k]:
            return None
        cost = settings.per_skip * (c[k] - p[k] - 1) + settings.per_level_up * (len(p) - k - 1)
    for extra in c[k + 1 :]:
        cost += settings.per_extra_level + settings.per_skip * (extra - 1)
    return cost


def _first_child_cost(first: int, roman: int, settings: CodeSettings) -> float:
    # Under a roman section the arabic numbering restarts at 1 or carries on from the last
    # section; either is normal. Under the first section there is no numbering to carry on: a
    # first child "2." skips a number, and a "1." read as the section "I" above its siblings
    # "2.", "3." must pay for it (sums of a flat table add up by chance: 4 = 2 + 2).
    if roman == 1:
        return settings.per_skip * (first - 1)
    return 0.0 if first == 1 else 0.15


def successors(code: CriterionCode, settings: CodeSettings = CodeSettings()) -> list[CriterionCode]:
    """Codes that can plausibly come next: the first child, the next sibling at each level (and
    a few skipped ones), the next roman section."""
    return list(_successors(code))


@lru_cache(maxsize=1 << 14)
def _successors(code: CriterionCode) -> tuple[CriterionCode, ...]:
    """``successors``, kept: the search expands the same codes row after row."""
    out = [CriterionCode(code.roman, code.path + (1,))]
    for k in range(len(code.path)):
        for j in (1, 2, 3):
            place = code.path[k] + j
            # A lettered item's next siblings are the next letters (b) after a)), not numbers.
            letter = item_letter(place) if code.letter and k == len(code.path) - 1 else ""
            out.append(CriterionCode(code.roman, code.path[:k] + (place,), letter))
    out.append(CriterionCode(code.roman + 1))
    out.append(CriterionCode(code.roman + 1, (1,)))
    return tuple(out)


def match_cost(token: CodeToken | None, code: CriterionCode, settings: CodeSettings = CodeSettings()) -> float | None:
    """What it costs to read ``token`` as ``code``; None when the token does not fit it."""
    if token is None:
        return settings.inferred
    if token.letter or code.letter:
        if code.path and code.letter and not token.letter and token.raw.strip() in _DIGITS_AS_ITEM.get(code.letter, ()):
            return settings.lookalike  # ("4" for "a)": its bracket lost, the column says an item)
        if not code.path or not token.letter or not code.letter:
            return None
        glyph = settings.lookalike if token.lookalikes else 0.0
        if token.letter == code.letter:
            return glyph
        return glyph + settings.lookalike if (token.letter, code.letter) in _LETTER_NEIGHBOURS else None
    if not code.path:
        if token.roman is None:
            return None
        if token.roman_from_digits:
            strokes = settings.digit_as_roman
        else:
            strokes = settings.lookalike if token.roman_lookalikes else 0.0
        if token.roman == code.roman:
            return strokes
        return strokes + settings.roman_mismatch if abs(token.roman - code.roman) == 1 else None
    if not token.digits:
        return None
    if token.components == code.path:
        return settings.lookalike if token.lookalikes else 0.0
    if token.unruled == code.path:
        return settings.ruling_stroke
    target = code.digits
    edits = Levenshtein.distance(token.digits, target)
    allowed = 1 if len(target) >= 2 else 0
    if len(target) >= 3 and len(token.digits) >= 3:
        allowed = 2
    if edits == 0:
        return settings.lookalike  # same digits, dots elsewhere
    if edits <= allowed:
        return settings.per_edit * edits + (settings.lookalike if token.lookalikes else 0.0)
    return None


def lettered(prev: CriterionCode, letter: str) -> CriterionCode:
    """The lettered item ``letter`` read after ``prev``: a sibling of a lettered ``prev``, else an item
    under it."""
    base = prev.path[:-1] if prev.letter else prev.path
    return CriterionCode(prev.roman, base + (item_place(letter),), letter)


def _next_step(prev: CriterionCode, code: CriterionCode) -> bool:
    """``code`` is a legal successor of ``prev`` that skips nothing: the first child, the next
    sibling at one of ``prev``'s levels, or the next roman section (its own row)."""
    if code.roman != prev.roman:
        return code.roman == prev.roman + 1 and not code.path
    if code.path == prev.path + (1,):
        return True
    k = len(code.path) - 1
    return 0 <= k < len(prev.path) and code.path[:k] == prev.path[:k] and code.path[k] == prev.path[k] + 1


def _is_child(code: CriterionCode, parent: CriterionCode) -> bool:
    return code.roman == parent.roman and len(code.path) == len(parent.path) + 1 and code.path[:-1] == parent.path


def format_codes(codes: list[CriterionCode | None]) -> list[str | None]:
    """Display strings for a column of codes. A roman section whose arabic numbering restarts
    at 1 (part II starting "1.", "2." again) gets its codes prefixed ("II.1") so that every
    code stays unique in the table."""
    max_top: dict[int, int] = {}
    restarts: set[int] = set()
    for code in codes:
        if code is None or not code.path:
            continue
        earlier = max((v for r, v in max_top.items() if r < code.roman), default=0)
        if code.roman not in max_top and code.path[0] <= earlier:
            restarts.add(code.roman)
        max_top[code.roman] = max(max_top.get(code.roman, 0), code.path[0])
    return [None if c is None else c.format(roman_prefix=c.roman in restarts) for c in codes]
