"""Row assembly of a task framework read from lines: under a task header, the printed lines of
each row (a row starts at the next task number; a roman numeral with a title between rows is a
section), up to the table's end (the signature block's "Nơi nhận", a footnote), with a header
repeated on a later page skipped. Each line's words are the tokens the splitter cuts into cells
(``task_line_split``)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import regex as re

from extract.model import Line
from extract.segment.task_header import HEADER_SHARE, header_columns, header_share
from extract.segment.task_line_settings import TaskLineSettings
from extract.segment.task_sections import heading_lead
from normalize.lazy_regex import lazy_compile
from normalize.units import names_unit
from normalize.vietnamese.compounds import glued_syllables

_ROW_START = lazy_compile(r"^\s*(?P<code>\d{1,2}(?:\.\d{1,2}){0,2})(?![\d/,])[\s|._†‡*:)\]-]*(?=\S|$)")
# A section row: a roman numeral (OCR reads "I" as "L", "l", "1", "|", "II" as "H") and its title, marks
# and bars between them ("V- | XÂY DỰNG …").
_SECTION = lazy_compile(r"^\s*(?P<num>[IVXLTHl1|!]{1,5})(?:\s*[._|:)\-–,])*\s+(?P<title>\p{Lu}.*)$")
# A section numbered with a dot ("II. Cải cách thể chế"), its numeral in OCR's look-alike letters
# ("L." for "I.", "TII." for "III.") and its dot read as a comma ("V, Xây dựng …"): a title in
# sentence case is a section only with the dot (a speck beside it read as a comma too: "V., Xây …").
_DOTTED_ROMAN = lazy_compile(r"^\s*[IVXLTHl]{1,4}[.,][.,]?\s")
_TABLE_END = lazy_compile(r"(?:n[oơ]i\s*nh[aậ]n|^\W*(?:tm|kt)\s*\.)", re.I)
_FOOTNOTE_LINE = lazy_compile(r"^\s*(?:\(\*{1,3}\)|\(\d{1,2}\)|\*{1,3}|[¹²³⁴⁵⁶⁷⁸⁹])\s*\p{Lu}")
# A deadline-like token (a date, a month or quarter of a year): its column is the deadline's.
_ROMANS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def header_cut(text: str, settings: TaskLineSettings) -> int | None:
    """Where a header repeated on the next page starts inside a line OCR joined it to ("… Tháng"
    + "STT | Nội dung công việc | …"); None when the line holds none. Only a tail of at most
    ``glued_header_words`` words is tried: a header is a few labels, not a paragraph."""
    words = list(re.finditer(r"\S+", text))
    earliest = words[-settings.glued_header_words].start() if len(words) > settings.glued_header_words else 0
    for m in re.finditer(r"(?<=\S)(?=\p{Lu})|(?<=\s)(?=\S)", text, pos=earliest):
        if m.start() > 0 and is_task_header(text[m.start() :], settings):
            return m.start()
    return None


def is_task_header(text: str, settings: TaskLineSettings = TaskLineSettings()) -> bool:
    columns = header_columns(text)
    if not columns:
        return False
    kinds = [c for c in columns if c != "code"]
    if settings.task_label and "task" not in kinds:
        return False  # its rows would be tasks without a task: invented rows, where told ones are due
    return len(kinds) >= settings.min_header_columns and bool({"lead", "deadline"} & set(kinds))


@dataclass
class RowLines:
    code: str
    section: str | None
    section_title: str
    lines: list[Line]
    first_tokens: list[str]  # the first line's tokens after the code


def line_tokens(text: str) -> list[str]:
    """A line's words with the ruling bars OCR read kept as separate "|" tokens, and words OCR
    glued together ("Trang thôngtin", "Phòng Kinhtế") apart: where a cell wraps is decided by
    its words' widths, and a glued word is one word too few."""
    return [w for t in re.split(r"\s+|(?=\|)|(?<=\|)", text) if t for w in _unglued(t)]


def _unglued(token: str) -> list[str]:
    """The token as its words: each run of letters OCR glued ("thôngtin", the "Xãhội" of
    "hóa-Xãhội") apart, the marks between runs kept on their side ("hóa-Xã", "hội")."""
    if not _GLUED_RUN.search(token):
        return [token]
    spaced = _LETTERS.sub(lambda m: " ".join(glued_syllables(m.group(0))) or m.group(0), token)
    return spaced.split(" ")


_LETTERS = lazy_compile(r"\p{L}+")
_GLUED_RUN = lazy_compile(r"\p{L}{4,}")


def _next_code(code: str | None) -> set[str]:
    """The numbers the next task may carry after ``code``: the next integer, or the next item of a
    dotted code ("1.2" → "1.3", "2.1")."""
    if code is None:
        return {"1", "1.1"}
    parts = code.split(".")
    nxt = {".".join(parts[:-1] + [str(int(parts[-1]) + 1)])}
    if len(parts) > 1:
        nxt.add(f"{int(parts[0]) + 1}.1")
    return nxt


# A row's number with a speck OCR read before it ("Z7 | 6.1 …", "'7 | …", "z7 .13.3 Niêm yết"):
# taken only for the number expected next and with the ruling bar or a criterion code after it
# (behind a speck of its own, the bar OCR read as "1" glued on: "13.3" for "| 3.3").
_SPECK_ROW_START = lazy_compile(
    r"^\s*(?:[^\w\s]|\p{L})(?P<code>\d{1,2})(?:\s*\|\s*(?=\S)|\s+(?=[^\w\s]?\s*\d{1,2}\.\d))"
)
# After a row's number, what makes a line a row's start even when the number is not the one
# expected (OCR lost a row's number, its lines joined the row above): a bar or a criterion code
# (the bar before it read as "1" and glued on: "8 13.2 Số hóa …").
_ROW_EVIDENCE = lazy_compile(r"^\s*(?:\||\d{1,2}\.\d)")


def _row_start(text: str, last_code: str | None, row_gap: int = 0) -> tuple[str, int] | None:
    """(the row's number, where its words start) when ``text`` starts the next row: the number
    expected next, behind a speck, or the one after it with a bar or a code following (a row
    whose number OCR lost must not take all the rows below into it)."""
    expected = _next_code(last_code)
    m = _ROW_START.match(text)
    if m and m.group("code") in expected:
        return m.group("code"), m.end()
    speck = _SPECK_ROW_START.match(text)
    if speck and speck.group("code") in expected:
        return speck.group("code"), speck.end()
    after = set().union(*(_next_code(c) for c in expected)) | _skipped_codes(last_code, row_gap)
    if m and m.group("code") in after and _ROW_EVIDENCE.match(text[m.end("code") :]):
        return m.group("code"), m.end()
    return None


def _skipped_codes(last_code: str | None, row_gap: int) -> set[str]:
    """The plain task numbers a row may carry when OCR lost the numbers of up to ``row_gap`` rows
    before it ("I1 .1" for "1 | 1.1", "I6”" for "2"): without them a table whose first numbers
    were garbled gives no row at all (each row waits for the number it expects)."""
    if last_code is not None and "." in last_code:
        return set()
    last = int(last_code) if last_code else 0
    return {str(n) for n in range(last + 1, last + row_gap + 2)}


def _bare_numeral(text: str) -> str:
    """The line with its first word's diacritics dropped when that word is letters only: OCR
    sets a mark on a roman numeral's "I" as on any Vietnamese letter ("THỊ. Cải cách thủ tục"
    for "III. Cải cách …"), and a numeral has none."""
    m = re.match(r"\s*(\p{L}+)", text)
    if not m:
        return text
    base = "".join(ch for ch in unicodedata.normalize("NFD", m.group(1)) if not unicodedata.combining(ch))
    return text[: m.start(1)] + unicodedata.normalize("NFC", base) + text[m.end(1) :]


def _roman_value(text: str) -> int | None:
    return _ROMANS.index(text) + 1 if text in _ROMANS else None


def collect_rows(
    lines: list[Line], settings: TaskLineSettings, starts: dict[tuple[int, int], int] | None = None
) -> tuple[list[RowLines], int]:
    """The rows under a header: (rows, index of the line after the table). ``starts``: lines known
    to open a row by their shape (``task_shape``), keyed (page, line number), with where their
    cells start: such a line whose number OCR garbled opens the row the number expected next."""
    rows: list[RowLines] = []
    section: str | None = None
    section_value = 0
    section_title = ""
    last_code: str | None = None
    in_header = True
    k = 0
    inserted = 0  # lines read as two (a repeated header glued on): the caller counts printed lines
    while k < len(lines):
        line = lines[k]
        text = printed_text(line).strip()
        end = _TABLE_END.search(text)
        if end:
            if end.start() > 0 and rows:
                rows[-1].lines.append(_cut(line, end.start()))
            break
        if _FOOTNOTE_LINE.match(text) and rows:
            break
        is_header = bool(text) and is_task_header(text, settings)
        cut = header_cut(text, settings) if text else None
        if is_header and (cut is None or header_share(text[:cut]) >= HEADER_SHARE):
            cut = None  # the header alone (its first label's words are header words too)
        if not text or (is_header and cut is None):
            in_header = True
            k += 1
            continue
        if cut is not None and text[:cut].strip():
            # The line is read as two: its own words (a row's, or the next row's start: "6 | 6.3 |
            # Xây dựng … | Các bộ phậnSố | Mã Nhiệm vụ …"), then the repeated header.
            head = Line(text=text[:cut], page=line.page, number=line.number)
            header = Line(text=text[cut:], page=line.page, number=line.number)
            lines = [*lines[:k], head, header, *lines[k + 1 :]]
            inserted += 1
            continue
        start = _row_start(text, last_code, settings.row_gap)
        shaped = (starts or {}).get((line.page, line.number))
        if start is None and shaped is not None and text == printed_text(line).strip():
            start = (
                min(_next_code(last_code), key=len),
                shaped - (len(printed_text(line)) - len(printed_text(line).lstrip())),
            )
        if in_header and header_share(text) >= HEADER_SHARE and start is None:
            k += 1  # a header label's wrapped words ("trì  phối hợp  thực hiện")
            continue
        in_header = False
        if start is not None and _mostly_upper(text[start[1] :]) and _SECTION.match(_bare_numeral(text)):
            start = None  # a section's "I" OCR read as "1" ("1_| CÔNG TÁC CHỈ ĐẠO …"): a task prints in sentence case
        if start is not None:
            last_code, words_at = start
            rows.append(RowLines(last_code, section, section_title, [line], line_tokens(text[words_at:])))
            k += 1
            continue
        glued = _glued_start(text, last_code)
        if glued is not None:
            last_code = glued
            rest = text[len(glued) :].lstrip(".")
            rows.append(RowLines(last_code, section, section_title, [line], line_tokens(rest)))
            k += 1
            continue
        bare = _bare_numeral(text)
        s = _SECTION.match(bare) or (_BAR_HEADING.match(bare) if not rows and settings.unit_headings else None)
        body = _unit_heading(s, settings, not rows)
        if s and (_mostly_upper(s.group("title")) or _DOTTED_ROMAN.match(bare) or body):
            assert s is not None
            value = _roman_value(s.group("num").strip())
            section_value = value if value and value > section_value else section_value + 1
            section = _ROMANS[min(section_value, len(_ROMANS)) - 1]
            section_title = body or s.group("title").strip(" |")
            k += 1
            continue
        if not rows:
            k += 1
            continue
        if len(rows[-1].lines) >= settings.max_row_lines:
            break
        lost = _lost_row_words(text) if settings.lost_numbers else None
        if lost is not None and _DEADLINE_OPENING.search(" ".join(printed_text(ln) for ln in rows[-1].lines)):
            # A row whose number OCR garbled ("ĐÁ MS) Công bố …"): taken into the row above it
            # would make one row of two tasks, an invented row and a lost one.
            last_code = next(iter(sorted(_next_code(last_code), key=len)))
            rows.append(RowLines(last_code, section, section_title, [line], line_tokens(lost)))
            k += 1
            continue
        rows[-1].lines.append(line)
        k += 1
    return rows, k - inserted


# A numeral of a unit heading: a roman capital among its strokes (a bar alone before a unit's name is
# a wrapped lead or coordinator cell's line) but on the first heading, above every row, where no
# cell wraps: there section I's "I" may come back a bracket ("] Bộ phận Một cửa").
_HEADING_NUMERAL = lazy_compile(r"[IVXHTL]")
_BAR_HEADING = lazy_compile(r"^\s*(?P<num>[\[\]|!]{1,2})\s*(?P<title>\p{Lu}.*)$")


def _unit_heading(s: re.Match | None, settings: TaskLineSettings, first: bool) -> str:
    """The body a section line names, in the gazetteer's spelling ("Công anxã" → "Công an xã"),
    when the table has no lead column (``unit_headings``) and the title is wholly a unit; "" else.
    ``first``: no row read yet (a numeral of bars is taken)."""
    if s is None or not settings.unit_headings or not (first or _HEADING_NUMERAL.search(s.group("num"))):
        return ""
    return heading_lead(s.group("title").strip(" |"))


# A deadline's opening words as a row's first line prints them ("Tháng", "Quý", "Cả năm", "Trước
# ngày", "Thường xuyên", a date): capitalised, since a task's own words say "6 tháng đầu năm".
_DEADLINE_OPENING = lazy_compile(
    r"(?<![\p{L}\p{N}])(?:Tháng|Quý|Cả ?năm|Trước ngày|Thường|\d{1,2}/\d{1,2}/\d{4})(?![\p{L}])"
)
# A task's first word (a capital, then lower-case letters) and the next word in lower case.
_TASK_OPENING = lazy_compile(r"\p{Lu}\p{Ll}+,?\s+\p{Ll}")
# What OCR made of a row's number and the bar or code after it: at most two short tokens of no
# lower-case word ("ĐÁ MS)", "4l i35", "I6”").
_GARBLED_NUMBER = lazy_compile(r"^\s*(?:[^\s]{1,5}\s+){1,4}?(?=\p{Lu}\p{Ll})")
# A unit's opening words as a lead or coordinator cell prints them (the cell wraps: "Công chức |
# Địa chính - Xây dựng").
_UNIT_OPENING = lazy_compile(
    r"(?<![\p{L}])(?:Công chức|Phòng|Bộ phận|Văn phòng|Công an|UBND|UBMTTQ|Ban Chỉ|Các)(?![\p{L}])"
)


def _lost_row_words(text: str) -> str | None:
    """A row's first line whose number OCR garbled: its garbled number, then a task's opening words,
    a unit and a deadline's opening on the same line (a row's first line prints every column's
    first words; a cell's wrapped line holds no such set). The line's words after the number, or
    None."""
    m = _GARBLED_NUMBER.match(text)
    if not m or re.search(r"\p{Ll}{2}", m.group(0)) or not _TASK_OPENING.match(text, m.end()):
        return None
    rest = text[m.end() :]
    if not _DEADLINE_OPENING.search(rest) or not (names_unit(rest) or _UNIT_OPENING.search(rest)):
        return None
    return rest


# What follows a task number the bar after it was glued to, read as "1" ("3 | 4.3" → "3.143",
# "11 | 4.3" → "11143") or lost ("11 | 7.4" → "117.4"): the bar's "1" and a criterion code, or a
# dotted code alone, then the task's first word.
_GLUED_CODE = lazy_compile(r"^\.?(?:1\d\.?\d{0,2}|\d\.\d{1,2})\s+\p{Lu}")


def _glued_start(text: str, last_code: str | None) -> str | None:
    """The next task's number when a line starts with it glued to the criterion code."""
    stripped = text.lstrip()
    for nxt in sorted(_next_code(last_code), key=len, reverse=True):
        if "." not in nxt and stripped.startswith(nxt) and _GLUED_CODE.match(stripped[len(nxt) :]):
            return nxt
    return None


def _cut(line: Line, end: int) -> Line:
    return Line(text=printed_text(line)[:end], page=line.page, number=line.number)


def printed_text(line: Line) -> str:
    """The line as OCR read it: the repair stage reads a line as one sentence, and a grid's line
    is several cells' words side by side ("bồi dưỡng cửa" is a task's end and a unit's, not
    "bồi dưỡng của")."""
    return line.raw if line.raw is not None else line.text


def is_section_line(text: str) -> bool:
    """Whether a line is a section row: a roman numeral and a title in capitals or after a dot."""
    bare = _bare_numeral(text)
    s = _SECTION.match(bare)
    return bool(s) and (_mostly_upper(s.group("title")) or bool(_DOTTED_ROMAN.match(bare)))


def _mostly_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)
