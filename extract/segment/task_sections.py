"""A task table's section rows: a roman numeral in the TT cell, alone or before its title ("IV.
Cải cách tổ chức bộ máy"), as printed or as OCR reads it ("HI.", "1.", "IV," — the numeral's
strokes and its full stop are what a scan garbles), or a bold numbered sub-heading; an OCR'd
numeral is read by the sequence (the section after the one before it)."""

from __future__ import annotations

import regex as re

from extract.segment.joined import JoinedRow, row_conf
from normalize.lazy_regex import lazy_compile
from normalize.units import spell_units, unit_status

_ROMAN_ROW = lazy_compile(r"^\s*([IVXLC]{1,6})\s*[.)]?(?:\s+(\S.*))?$")
# A roman numeral as OCR may read it ("I" as "L", "l", "1", "|", "!" or an accented "Ì"; "II" as
# "H", "III" as "IH", "HÌ!" or, on a 150-dpi scan, "Hi" / "Hị)").
# (a speck after it read as a quote: 'H"')
_OCR_ROMAN = lazy_compile(r"^\s*(?=.*[IVXLTHl|!ÌÍỈĨỊ])[IVXLTHl1|!ÌÍỈĨỊiìíỉĩị]{1,5}\s*[.)_|\"'”’]?\s*$")
ROMANS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
# An OCR'd section title merged across the row, its numeral misread ("HI. Cải cách chế độ công vụ"),
# or its full stop lost in a numeral of strokes ("HIL Cải cách tài chính công": "III." read as one
# word; two strokes at least, one holding I, V, X or H, so no word of a title is taken for one);
# the full stop may come back a comma ("IV, Cải cách tổ chức bộ máy"); a speck at the cell's
# edge may stand before the numeral (".II. Cải cách thể chế": a cell's text opens with no stop).
_OCR_ROMAN_TITLE = lazy_compile(
    r"^\s*(?:[.,'‘’`_:;~]\s*)?(?P<numeral>[IVXLTHl1|]{1,5})\s*[.,)_]\s*(?P<title>\p{Lu}.{3,})$"
    r"|^\s*(?:[.,'‘’`_:;~]\s*)?(?P<numeral>(?=[IVXLTHl|]*[IVXH])[IVXLTHl|]{2,5})\s+(?P<title>\p{Lu}.{3,})$"
)


def ocr_section_title(text: str) -> bool:
    """An OCR'd line that is a section's numeral and its title, the numeral as OCR may misread it
    ("1. Cải cách thủ tục hành chính" for "I. …", "HI. …")."""
    return _OCR_ROMAN_TITLE.match(text) is not None


def ocr_section_parts(text: str) -> tuple[str, str] | None:
    """(numeral as read, title) of an OCR'd section title (``ocr_section_title``); None otherwise."""
    m = _OCR_ROMAN_TITLE.match(text)
    return (m.group("numeral"), m.group("title")) if m else None


# A row's note that it sat above the first section heading OCR read and was put in section I.
SECTION_HEADING_LOST = "section_heading_lost"


def next_roman(section: str | None, printed: str = "") -> str:
    """The section a heading opens: its numeral when it reads as the next one or a later one,
    else the one after ``section`` (an OCR'd numeral is read by the sequence)."""
    before = ROMANS.index(section) + 1 if section in ROMANS else 0
    value = ROMANS.index(printed) + 1 if printed in ROMANS else 0
    value = value if value > before else before + 1
    return ROMANS[min(value, len(ROMANS)) - 1]


def misread_numeral(code: str) -> bool:
    """A TT cell OCR read as a short run of no digit and no item mark: a roman numeral's strokes."""
    text = code.strip()
    return (
        0 < len(text) <= 5
        and any(ch.isalpha() for ch in text)
        and not any(ch.isdigit() for ch in text)
        and not _ITEM_CODE.match(text)
    ) or stroked_numeral(text)


# A roman numeral whose strokes OCR read as a one beside a letter ("1H" for "III", "I1" for "II",
# "1V" for "IV"): every character a stroke's look-alike, a one among them and a capital of the
# numerals' shapes too (a task's number is digits alone; "1l" may be an "11" and is not taken).
_STROKED = lazy_compile(r"^(?=[^1]*1)(?=.*[IVXH])[IVXLTH1|]{2,5}[.,)_]?$")


def numeral_cell(text: str) -> bool:
    """A TT cell holding a roman numeral alone, as printed ("IV.") or as OCR reads it ("Í", "HI")."""
    m = _ROMAN_ROW.match(text)
    return (m is not None and not m.group(2)) or _OCR_ROMAN.match(text) is not None


def stroked_numeral(text: str) -> bool:
    """A short word of a roman numeral's strokes with a one read among them ("1H", "I1.")."""
    return _STROKED.match(text.strip()) is not None


def upper_title(text: str) -> bool:
    """A title in capitals: four letters at least, four in five of them upper-case."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


# A roman numeral's strokes each read as a one ("11" for "II" or "III"), a stop or speck after.
_ONES = lazy_compile(r"^\s*1{1,3}\s*[.)_|\"'”’]?\s*$")
_ITEM_CODE = lazy_compile(r"^\s*(?:\d{1,2}(?:\s*\.\s*\d{1,2}){0,3}\.?(?!\d)|[a-zđ]\)|-)", re.I)


def _title_across(row: JoinedRow, mapping: dict[str, int], rest: list[str]) -> bool:
    """The cells after a row's roman numeral hold one title broken across the columns: a title in
    capitals (``upper_title``), the deadline's column printed blank (where the table has one)."""
    deadline = mapping.get("deadline")
    if deadline is None or task_code(row, deadline):
        return False
    return len(rest) >= 2 and upper_title(" ".join(rest))


def task_code(row: JoinedRow, col: int | None) -> str:
    """The row's cell in column ``col``, stripped ("" past the row's end or with no column)."""
    return row.cells[col].strip() if col is not None and col < len(row.cells) else ""


def section_of(
    row: JoinedRow, mapping: dict[str, int], section: str | None, roman: bool = True, number_below: str = ""
) -> tuple[str | None, bool, str | None]:
    """(section, is_heading, title) for a row: a roman numeral in the TT cell (alone or before the
    title), or a bold numbered row with nothing but a title (a subsection); title None when the
    row is no section heading. ``roman``: the table's tasks are numbered 1, 2, … (not 1.1), so a
    numbered title merged across the row is a roman section as OCR read its numeral ("HI.", "1.").
    ``number_below``: the number the next row prints."""
    code = task_code(row, mapping.get("code", 0))
    filled = [c for c in row.cells if c.strip()]
    m = _ROMAN_ROW.match(code)
    # a title merged across the whole row comes back as the same text in every cell
    distinct = list(dict.fromkeys(c.strip() for c in filled))
    if m and len(distinct) <= 2:
        title = m.group(2) or next((c for c in distinct if c != code.strip()), "")
        # An OCR'd numeral is read by the sequence ("L" for "I", "II" again for "III"); a typed
        # one is taken as printed.
        numeral = next_roman(section, m.group(1)) if row_conf(row) is not None else m.group(1)
        return numeral, True, title.strip()
    if m and not m.group(2) and _title_across(row, mapping, [c for c in distinct if c != code.strip()]):
        # A roman numeral alone in the TT cell, its title broken over the columns after it (a
        # title at tab stops runs across them, each stop taking a piece: "XÂY DỰNG VÀ PHÁT TRIỂN
        # CHÍNH | QUYỀN | ĐIỆN | TỬ, CHÍNH QUYỀN SỐ") and no deadline: a task has its deadline.
        numeral = next_roman(section, m.group(1)) if row_conf(row) is not None else m.group(1)
        at = mapping.get("code", 0)
        return numeral, True, " ".join(c.strip() for i, c in enumerate(row.cells) if c.strip() and i != at)
    merged = _OCR_ROMAN_TITLE.match(distinct[0]) if len(distinct) == 1 and row_conf(row) is not None else None
    if merged and roman:
        return next_roman(section, merged.group("numeral")), True, merged.group("title").strip()
    cut = _title_cut_by_rules(distinct) if roman and row_conf(row) is not None else None
    if cut:
        return next_roman(section, cut[0]), True, cut[1]
    rest = [c for c in distinct if c != code.strip()]
    # ("1" alone is the first section's "I" only beside an upper-case title in a table of
    # plain-numbered tasks: a task's words are not in capitals)
    one = roman and code.strip(" .)_|\"'”’") == "1"
    # (or beside a title in sentence case on an OCR'd row whose next row prints the same number: a
    # task's number is printed once, so the first "1" is section I's numeral read as a one)
    twice = one and row_conf(row) is not None and number_below.strip(" .") == "1"
    if (_OCR_ROMAN.match(code) or one) and len(rest) == 1 and (upper_title(rest[0]) or twice):
        return next_roman(section, code.strip(" .)_|\"'”’")), True, rest[0]
    if roman and len(rest) == 1 and _ONES.match(code) and row_conf(row) is not None and heading_lead(rest[0]):
        # An OCR'd row of a run of ones ("11" for "III") beside a unit's name and nothing else: a
        # heading of the body leading the tasks under it, its numeral's strokes read as ones (a
        # task row has its task's words, deadline and product; a unit's name is none of them).
        return next_roman(section), True, rest[0]
    if roman and len(rest) == 1 and misread_numeral(code) and row_conf(row) is not None:
        # An OCR'd row of a title beside a TT cell that is no number ("HH", "m—_."): a section's
        # numeral misread, its title in sentence case (a task row has its lead or deadline too).
        return next_roman(section, code.strip(" .)_|\"'”’")), True, rest[0]
    if roman and len(rest) == 1 and upper_title(rest[0]) and row_conf(row) is not None:
        # An OCR'd section row whose numeral the scan lost or garbled past reading (no numeral
        # pattern takes it), its title alone in one cell ("CẢI CÁCH CHẾ ĐỘ CÔNG VỤ"): a task's
        # words are not in capitals, and a task row has more than its task; the section is the
        # next one.
        return next_roman(section), True, rest[0]
    if roman and _OCR_ROMAN.match(code) and not rest and row_conf(row) is not None:
        # An OCR'd section row whose title the scan lost: the numeral alone ("1", "H") is no
        # task (a task row has its task's words); the section is read by the sequence.
        return next_roman(section, code.strip(" .)_|\"'”’")), True, ""
    if len(filled) <= 2 and all(c.strip() for c in filled):
        other = [i for i, c in enumerate(row.cells) if c.strip() and i != mapping.get("code", 0)]
        bold = any(row.bold[i] for i in other if i < len(row.bold))
        if bold and (not code or re.fullmatch(r"\d{1,2}\.?", code)):
            # A sub-heading inside a roman section ("2  Áp dụng ISO 9001:2015 ..."): the rows
            # under it stay in the section.
            return section, True, None
    return section, False, None


def _title_cut_by_rules(distinct: list[str]) -> tuple[str, str] | None:
    """(numeral, title) of an OCR'd section title merged across the row that the grid cut at the
    column rules ("V, Xây dựng và phát triển chính quyền điện | tử, chính quyền số"): the first
    piece reads as a section title, each piece after it goes on mid-sentence (a lower-case word,
    no figure); a task row's other cells open their own text (a product, a unit, a deadline)."""
    if len(distinct) < 2:
        return None
    first = _OCR_ROMAN_TITLE.match(distinct[0])
    rest = distinct[1:]
    if first is None or not all(p[:1].islower() and not any(ch.isdigit() for ch in p) for p in rest):
        return None
    return first.group("numeral"), " ".join([first.group("title").strip(), *(p.strip() for p in rest)])


def heading_lead(title: str) -> str:
    """The body a section heading names when the whole title is one or more of the units that lead
    tasks ("I. Công chức Tư pháp - Hộ tịch"): a table with no lead column grouped by the body that
    leads them gives each task that body as its lead. A heading naming a topic ("Cải cách thủ tục
    hành chính") names no one: ''."""
    title = (title or "").strip(" .:|")
    # (in the gazetteer's spelling: an OCR'd heading's word a letter off, "Điỉa", or glued, "anxã",
    # is mended as a lead cell's is)
    spelt = spell_units(title) if title else ""
    return spelt if spelt and unit_status(spelt) == "complete" else ""
