"""Task frameworks read from lines: the OCR text of a scanned plan (a dump, or OCR'd pages whose
grid was not found), where a table has no grid, only printed lines holding every column's words in
column order ("1 | Tổ chức hội nghị sơ kết công tác Công chức Các bộ phận | Quý Kế hoạch 1.4").

The header lines say which columns there are and in what order: each label's first words print on
the header's first line (cells are top-aligned), so the run of header words left to right gives the
columns ("Tên nhiệm vụ | Bộ phận chủ | Bộ phận | Thời gian | Sản phẩm đầu | TC" → task, lead,
coordinator, deadline, product, criterion code). A row starts at the next task number; a roman
numeral with a title between rows is a section. Each printed line of a row is split into one part
per column, jointly over the row's lines (a beam search): each part should continue its column's
text under the repair stage's syllable language model (a new cell starts a new phrase), a part
opening a cell on the row's first line starts with a capital, a ruling bar OCR read as "|" sits
between parts, and the content says the column (codes, deadlines, unit names: ``task_tables``'
content kinds). A column whose text stopped does not start again in the same row.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex as re

from extract.model import IngestedDocument, Line
from extract.segment.line_common import BAR
from extract.segment.line_split import _continuation_logprob
from extract.segment.paragraphs import reading_lines
from extract.segment.task_header import HEADER_SHARE, header_columns, header_share
from extract.segment.task_tables import _CODE_CELL, _DEADLINE_CELL, _UNIT_CELL, ocr_code, split_footnote
from normalize.lazy_regex import lazy_compile
from normalize.text import fold
from normalize.units import deadline_status, one_unit_status, spell_deadline, spell_units, unit_status
from schemas.records import SourceRef, TaskRow, TaskTable


@dataclass(frozen=True)
class TaskLineSettings:
    # A header line names at least this many task columns, one of them the lead or the deadline.
    min_header_columns: int = 4
    # Header labels wrap over up to this many lines (checked for repeated headers too).
    header_lines: int = 4
    # Lines a row may run to (a runaway row is the table's end missed).
    max_row_lines: int = 14
    # Log-probability bonus for a part boundary where OCR read a ruling bar, and penalty for a bar
    # inside a part.
    bar_split: float = 6.0
    bar_inside: float = 4.0
    # A cell's first part on the row's first line starts with a capital (a code, a date): a
    # lower-case start is a wrapped word of the cell to its left.
    capital_start: float = 10.0
    # A part whose content is its column's kind (a code in the codes column, a deadline in the
    # deadline column, a unit in the lead column) gains this; content of another column's kind
    # in a part costs it.
    content_fit: float = 5.0
    # A cell empty on the row's first line (cells are top-aligned: a filled cell starts there).
    empty_first: float = 6.0
    # A column whose text stopped on an earlier line of the row speaks again.
    column_gap: float = 8.0
    beam: int = 40
    # Splits of one line kept per beam state: the best split of a line alone may not be the best
    # for the row (a word a later line shows to be a wrapped cell's).
    line_splits: int = 2
    # Column widths (half-ems of Times New Roman, ``_width``) are learnt from a first reading of
    # the rows: this quantile of each column's part widths; a part wider than its column by more
    # than ``width_slack`` (OCR drops and adds letters) costs ``overflow`` per half-em.
    width_quantile: float = 0.8
    # Readings the widths are learnt over: the first reading (no widths) misplaces wrapped words
    # and overfills columns; a reading with those widths places most of them right, and widths
    # learnt again from it are the printed ones more closely.
    width_rounds: int = 2
    width_slack: float = 1.5
    overflow: float = 1.5
    # Penalty for a cell's text carried onto a line although its previous line had room for it.
    # The learnt width is a high quantile of a column's parts, about the printed column's least:
    # the room check needs less slack than the overflow check (a word that would have fitted by
    # half an em did fit: "Báo cáo | đúng hạn" under a column as wide as "Trang thông tin").
    wrap_room: float = 8.0
    room_slack: float = 0.5
    # Where a cell wrapped, its line with the next line's first word is wider than the column: a
    # low quantile of those widths over the rows (a misplaced word gives a few too narrow) is the
    # column's ceiling; a part wider than it by more than ``ceiling_slack`` (OCR's letters) costs
    # ``over_ceiling`` per half-em: it cannot have printed on one line of the column.
    ceiling_quantile: float = 0.25
    ceiling_slack: float = 0.5
    over_ceiling: float = 4.0
    # A plan's products, units and deadlines recur down their columns (tasks do not): a cell that
    # reads as a cell of the same column in another row gains this (the words a wrapped line
    # holds between a task's end and a product's end go where they make a known cell: "… hành
    # chính được cập nhật" with "Trang thông tin" above, when another row reads "Trang thông tin
    # được cập nhật").
    repeat_cell: float = 6.0
    # Confidence of a row read from lines: its cells were cut by a model, not a grid.
    confidence: float = 0.85
    # A unit or deadline cell (normalize/units.py's grammars) that a part breaks (a known unit
    # followed by a word no unit has: the wrapped word of a neighbouring cell) costs this; one
    # left unfinished at the row's end ("Công chức Địa chính -" without "Xây dựng") costs
    # ``grammar_open``.
    grammar_break: float = 9.0
    grammar_open: float = 7.0
    # Each word a unit or deadline cell takes in without breaking its grammar gains this: the
    # grammar is a sharper model of those cells than the syllable model of free text.
    grammar_word: float = 2.0
    # A lead cell names one unit (the one presiding); a later line that adds another unit to it
    # costs this (the coordinators' column beside it lists several).
    second_lead: float = 6.0
    # Commune index sets number their fields 1..8 (normalize/criteria/data): a code whose field is
    # 10..19 is a ruling bar OCR read as "1" glued to the code ("| 2.3" → "12.3").
    max_field: int = 9


_FIELDS = ("task", "product", "deadline", "lead", "coordinator", "criterion_code")

_ROW_START = lazy_compile(r"^\s*(?P<code>\d{1,2}(?:\.\d{1,2}){0,2})(?![\d/,])[\s|._†‡*:)\]-]*(?=\S|$)")
# A section row: a roman numeral (OCR reads "I" as "L", "l", "1", "|", "II" as "H") and its title.
_SECTION = lazy_compile(r"^\s*(?P<num>[IVXLTHl1|!]{1,5})\s*[._|:)\-–]*\s+(?P<title>\p{Lu}.*)$")
# A section numbered with a dot ("II. Cải cách thể chế"), its numeral in OCR's look-alike letters
# ("L." for "I.", "TII." for "III."): a title in sentence case is a section only with the dot.
_DOTTED_ROMAN = lazy_compile(r"^\s*[IVXLTHl]{1,4}\.\s")
_TABLE_END = lazy_compile(r"(?:n[oơ]i\s*nh[aậ]n|^\W*(?:tm|kt)\s*\.)", re.I)
_FOOTNOTE_LINE = lazy_compile(r"^\s*(?:\(\*{1,3}\)|\(\d{1,2}\)|\*{1,3}|[¹²³⁴⁵⁶⁷⁸⁹])\s*\p{Lu}")
# A deadline-like token (a date, a month or quarter of a year): its column is the deadline's.
_DATE_TOKEN = lazy_compile(r"^\S*\d{1,2}/(?:\d{1,2}/)?\d{4}\W*$|^[IVXT]{1,4}/\d{4}\W*$")
_ROMANS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def _header_cut(text: str, settings: TaskLineSettings) -> int | None:
    """Where a header repeated on the next page starts inside a line OCR joined it to ("… Tháng"
    + "STT | Nội dung công việc | …"); None when the line holds none."""
    for m in re.finditer(r"(?<=\S)(?=\p{Lu})|(?<=\s)(?=\S)", text):
        if m.start() > 0 and is_task_header(text[m.start() :], settings):
            return m.start()
    return None


def is_task_header(text: str, settings: TaskLineSettings = TaskLineSettings()) -> bool:
    columns = header_columns(text)
    if not columns:
        return False
    kinds = [c for c in columns if c != "code"]
    return len(kinds) >= settings.min_header_columns and bool({"lead", "deadline"} & set(kinds))


@dataclass
class _RowLines:
    code: str
    section: str | None
    section_title: str
    lines: list[Line]
    first_tokens: list[str]  # the first line's tokens after the code


def _tokens(text: str) -> list[str]:
    """A line's words with the ruling bars OCR read kept as separate "|" tokens."""
    return [t for t in re.split(r"\s+|(?=\|)|(?<=\|)", text) if t]


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


def _roman_value(text: str) -> int | None:
    return _ROMANS.index(text) + 1 if text in _ROMANS else None


def _collect_rows(lines: list[Line], settings: TaskLineSettings) -> tuple[list[_RowLines], int]:
    """The rows under a header: (rows, index of the line after the table)."""
    rows: list[_RowLines] = []
    section: str | None = None
    section_value = 0
    section_title = ""
    last_code: str | None = None
    in_header = True
    k = 0
    while k < len(lines):
        line = lines[k]
        text = _printed(line).strip()
        end = _TABLE_END.search(text)
        if end:
            if end.start() > 0 and rows:
                rows[-1].lines.append(_cut(line, end.start()))
            break
        if _FOOTNOTE_LINE.match(text) and rows:
            break
        if not text or is_task_header(text, settings):
            in_header = True
            k += 1
            continue
        cut = _header_cut(text, settings)
        if cut is not None and rows:
            rows[-1].lines.append(_cut(line, cut))
            in_header = True
            k += 1
            continue
        m = _ROW_START.match(text)
        if in_header and header_share(text) >= HEADER_SHARE and not (m and m.group("code") in _next_code(last_code)):
            k += 1  # a header label's wrapped words ("trì  phối hợp  thực hiện")
            continue
        in_header = False
        m = _ROW_START.match(text)
        if m and m.group("code") in _next_code(last_code):
            last_code = m.group("code")
            rows.append(_RowLines(last_code, section, section_title, [line], _tokens(text[m.end() :])))
            k += 1
            continue
        glued = _glued_start(text, last_code)
        if glued is not None:
            last_code = glued
            rest = text[len(glued) :].lstrip(".")
            rows.append(_RowLines(last_code, section, section_title, [line], _tokens(rest)))
            k += 1
            continue
        s = _SECTION.match(text)
        if s and (_mostly_upper(s.group("title")) or _DOTTED_ROMAN.match(text)):
            assert s is not None
            value = _roman_value(s.group("num").strip())
            section_value = value if value and value > section_value else section_value + 1
            section = _ROMANS[min(section_value, len(_ROMANS)) - 1]
            section_title = s.group("title").strip(" |")
            k += 1
            continue
        if not rows:
            k += 1
            continue
        if len(rows[-1].lines) >= settings.max_row_lines:
            break
        rows[-1].lines.append(line)
        k += 1
    return rows, k


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
    return Line(text=_printed(line)[:end], page=line.page, number=line.number)


def _printed(line: Line) -> str:
    """The line as OCR read it: the repair stage reads a line as one sentence, and a grid's line
    is several cells' words side by side ("bồi dưỡng cửa" is a task's end and a unit's, not
    "bồi dưỡng của")."""
    return line.raw if line.raw is not None else line.text


def _mostly_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _kind_fit(column: str, part: list[str], first: bool) -> float:
    """+1 when a part's content is its column's kind, -1 when it is another column's kind, 0 else."""
    text = " ".join(part)
    folded = fold(text).strip(" |")
    dated = any(_DATE_TOKEN.match(t) for t in part)
    if column == "criterion_code":
        return 1.0 if len(part) == 1 and _CODE_CELL.match(part[0].strip(".")) else -1.0
    if any(_CODE_CELL.match(t) for t in part) and len(part) == 1:
        return -1.0
    if column == "deadline":
        return 1.0 if dated or (first and _DEADLINE_CELL.search(folded)) else 0.0
    if dated:
        return -1.0
    if column in ("lead", "coordinator") and first:
        return 1.0 if _UNIT_CELL.match(folded) else 0.0
    if column in ("task", "product") and first and _UNIT_CELL.match(folded) and not folded.startswith("ban "):
        return -0.5
    return 0.0


# A beam hypothesis: (score, open columns, each column's words so far, each column's widest part,
# the last line's part widths, each column's narrowest wrap).
_Hyp = tuple[float, tuple[bool, ...], tuple, tuple[float, ...], tuple[float, ...], tuple[float, ...]]
_NO_WRAP = float("inf")


def _tail(parts: tuple[tuple[str, ...], ...], c: int) -> list[tuple[str, str]]:
    return [(t, t) for t in parts[c][-3:]]


def _line_split(
    tokens: list[str],
    columns: list[str],
    state: tuple,
    first: bool,
    settings: TaskLineSettings,
    widths: tuple[float, ...] | None = None,
    ceilings: tuple[float, ...] | None = None,
) -> list[_Hyp]:
    """Every split of one line into one part per column (bars dropped), scored, from one beam
    state (score, open columns, each column's text so far, each column's widest part, the last
    line's part widths, each column's narrowest wrap)."""
    score0, opens, texts, longest, previous, wraps = state
    words = [t for t in tokens if t != BAR]
    bars = set()  # boundaries (word index) where a bar sits
    n = 0
    for t in tokens:
        if t == BAR:
            bars.add(n)
        else:
            n += 1
    C = len(columns)
    out: list[_Hyp] = []
    # Dynamic programme over columns: the ``line_splits`` best (score, cuts) ending column c at
    # word b (more than the best one: a split a later line of the row makes better survives).
    best: dict[tuple[int, int], list[tuple[float, tuple[int, ...]]]] = {(-1, 0): [(0.0, ())]}
    for c in range(C):
        nxt: dict[tuple[int, int], list[tuple[float, tuple[int, ...]]]] = {}
        for (_, a), items in best.items():
            last = c == C - 1
            for b in [len(words)] if last else range(a, len(words) + 1):
                part = words[a:b]
                gain = _part_score(columns[c], part, texts, c, opens[c], first, settings)
                if widths is not None and part:
                    gain -= settings.overflow * max(0, _width(" ".join(part)) - widths[c] - settings.width_slack)
                    # A cell wraps when its next word does not fit: a line with room left for
                    # this part's first word was the cell's last.
                    room = widths[c] - previous[c] - _width(" ") - settings.room_slack
                    if not first and previous[c] and _width(part[0]) <= room:
                        gain -= settings.wrap_room
                if ceilings is not None and part:
                    over = _width(" ".join(part)) - ceilings[c] - settings.ceiling_slack
                    gain -= settings.over_ceiling * max(0.0, over)
                inside = sum(1 for x in bars if a < x < b)
                gain -= settings.bar_inside * inside
                if part and b in bars and not last:
                    gain += settings.bar_split
                nxt.setdefault((c, b), []).extend((sc + gain, cuts + (b,)) for sc, cuts in items)
        best = {key: sorted(items, key=lambda x: -x[0])[: settings.line_splits] for key, items in nxt.items()}
    for (_, _b), (sc, cuts) in ((key, item) for key, items in best.items() for item in items):
        bounds = (0,) + cuts
        parts = [words[bounds[i] : bounds[i + 1]] for i in range(C)]
        # A cell is top-aligned: empty on the row's first line it is empty; a part left empty
        # on a later line ends the column's text.
        new_opens = tuple(bool(parts[i]) and (first or opens[i]) for i in range(C))
        new_texts = tuple(texts[i] + tuple(parts[i]) for i in range(C))
        lengths = tuple(_width(" ".join(parts[i])) for i in range(C))
        new_longest = tuple(max(longest[i], lengths[i]) for i in range(C))
        # Where a cell wrapped, its line and the next line's first word did not fit the column.
        new_wraps = tuple(
            min(wraps[i], previous[i] + _width(" ") + _width(parts[i][0]))
            if not first and parts[i] and previous[i]
            else wraps[i]
            for i in range(C)
        )
        out.append((score0 + sc, new_opens, new_texts, new_longest, lengths, new_wraps))
    return out


# Advance widths of Times New Roman (the font Decree 30 sets for official documents; LibreOffice
# prints it with the metric-compatible Liberation Serif), in thousandths of an em, by glyph; a
# Vietnamese letter is as wide as its base letter, but for the horned "ư", "ơ". A cell wraps where
# its next word would pass the column's edge, so where a row's words wrap says which cell they are
# in only when widths are measured as printed: "Danh mục công" is wider than "Trang thông tin".
_ADVANCE = {
    ch: width
    for chars, width in (
        ("'", 180),
        ("|", 200),
        (" ,.", 250),
        ("ijlt:;/", 278),
        ("frI-()![]", 333),
        ("sJ", 389),
        ('"', 408),
        ("acez?", 444),
        ("bdghknopquvxy0123456789*_–", 500),
        ("ơ", 529),
        ("ư", 542),
        ("FPS", 556),
        ("+", 564),
        ("ELTZ", 611),
        ("BCR", 667),
        ("wADGHKNOQUVXYƠ", 722),
        ("Ư", 776),
        ("m&", 778),
        ("%", 833),
        ("M", 889),
        ("W", 944),
    )
    for ch in chars
}
_EN = 500.0  # the width unit: half an em, about one lower-case letter


def _width(text: str) -> float:
    """A text's printed width in half-ems (about one lower-case letter each)."""
    return sum(_glyph_width(ch) for ch in text) / _EN


@lru_cache(maxsize=4096)
def _glyph_width(ch: str) -> float:
    if ch in _ADVANCE:
        return _ADVANCE[ch]
    base = unicodedata.normalize("NFD", ch)[:1]
    base = base.replace("đ", "d").replace("Đ", "D")
    return _ADVANCE.get(base, _EN)


def _part_score(
    column: str, part: list[str], texts: tuple, c: int, open_: bool, first: bool, settings: TaskLineSettings
) -> float:
    if not part:
        return -settings.empty_first if first else 0.0
    gain = 0.0
    if not first and not open_:
        gain -= settings.column_gap
    context = [] if first else _tail(texts, c)
    gain += _continuation_logprob(context, [(t, t) for t in part])
    if first:
        head = next((ch for ch in part[0] if ch.isalnum()), "")
        if head and not (head.isupper() or head.isdigit()):
            gain -= settings.capital_start
    gain += settings.content_fit * _kind_fit(column, part, first)
    grammar = _GRAMMARS.get(column)
    if grammar is not None:
        status = grammar(" ".join(texts[c] + tuple(part)))
        if status == "broken" and grammar(" ".join(texts[c])) != "broken":
            gain -= settings.grammar_break
        elif status in ("prefix", "complete"):
            gain += settings.grammar_word * sum(1 for t in part if any(ch.isalnum() for ch in t))
        if column == "lead" and not first and status in ("prefix", "complete"):
            # One body presides: a second unit wrapped onto a later line is the coordinators'.
            before, after = " ".join(texts[c]), " ".join(texts[c] + tuple(part))
            if one_unit_status(before) in ("prefix", "complete") and one_unit_status(after) not in (
                "prefix",
                "complete",
            ):
                gain -= settings.second_lead
    return gain


# Columns whose cells follow a grammar (normalize/units.py).
_GRAMMARS = {"lead": unit_status, "coordinator": unit_status, "deadline": deadline_status}


def _open_cells(columns: list[str], texts: tuple) -> int:
    """Unit and deadline cells left unfinished (a prefix of a unit or deadline) at a row's end."""
    return sum(
        1
        for c, column in enumerate(columns)
        if column in _GRAMMARS and _GRAMMARS[column](" ".join(texts[c])) == "prefix"
    )


def split_row(
    row: _RowLines,
    columns: list[str],
    settings: TaskLineSettings = TaskLineSettings(),
    widths: tuple[float, ...] | None = None,
    ceilings: tuple[float, ...] | None = None,
    others: tuple[frozenset[str], ...] | None = None,
) -> tuple[dict[str, str], tuple[float, ...], tuple[float, ...]]:
    """The row's cells (each line split into one part per column, the row's lines jointly),
    each column's widest part and each column's narrowest wrap (inf: none wrapped). ``others``:
    each column's cells as the other rows read them."""
    C = len(columns)
    empty: tuple = tuple(() for _ in range(C))
    zeros = tuple(0.0 for _ in range(C))
    beam: list[_Hyp] = [(0.0, tuple(True for _ in range(C)), empty, zeros, zeros, tuple(_NO_WRAP for _ in range(C)))]
    for i, line in enumerate(row.lines):
        tokens = row.first_tokens if i == 0 else _tokens(_printed(line).strip())
        if not [t for t in tokens if t != BAR]:
            continue
        grown: dict[tuple, _Hyp] = {}
        for state in beam:
            for hyp in _line_split(tokens, columns, state, i == 0, settings, widths, ceilings):
                key = (hyp[1], tuple(t[-2:] for t in hyp[2]), hyp[4])
                if key not in grown or grown[key][0] < hyp[0]:
                    grown[key] = hyp
        beam = sorted(grown.values(), key=lambda h: -h[0])[: settings.beam]

    def final(h: _Hyp) -> float:
        score = h[0] - settings.grammar_open * _open_cells(columns, h[2])
        if others is not None:
            score += settings.repeat_cell * sum(
                1 for c in range(C) if h[2][c] and _clean(" ".join(h[2][c])) in others[c]
            )
        return score

    best = max(beam, key=final)
    texts = best[2]
    return {columns[c]: " ".join(texts[c]) for c in range(C)}, best[3], best[5]


def column_ceilings(wraps: list[tuple[float, ...]], settings: TaskLineSettings) -> tuple[float, ...] | None:
    """Each column's ceiling: a low quantile of its narrowest wrap per row (``_NO_WRAP`` when no
    row's cell wrapped)."""
    if not wraps:
        return None
    out = []
    for c in range(len(wraps[0])):
        values = sorted(x[c] for x in wraps if x[c] < _NO_WRAP)
        out.append(values[int(settings.ceiling_quantile * len(values))] if values else _NO_WRAP)
    return tuple(out)


def column_widths(longest: list[tuple[float, ...]], settings: TaskLineSettings) -> tuple[float, ...] | None:
    """Each column's width: a high quantile of its widest part per row (most rows fill a column's
    line; a misread row overfills it)."""
    if not longest:
        return None
    out = []
    for c in range(len(longest[0])):
        values = sorted(x[c] for x in longest if x[c])
        out.append(values[min(len(values) - 1, int(settings.width_quantile * len(values)))] if values else 0)
    return tuple(out)


def _clean(text: str) -> str:
    text = re.sub(r"\s*\|\s*", " ", text)
    text = re.sub(r"\s+", " ", text).strip(" |_;")
    if "(" not in text:  # a closing bracket with no opening one is a speck OCR read ("UBND) xã")
        text = re.sub(r"(?<=\w)\)(?=\s|$)", "", text)
    return re.sub(r"(?<=\w)\s+([,.;:])", r"\1", text)


def _criterion_code(text: str, settings: TaskLineSettings) -> str | None:
    """The code as read, with a ruling bar OCR read as "1" or as a hooked "J" before it taken off
    ("| 2.3" → "12.3" → "2.3", "| 1.5" → "J1.5" → "1.5") and digits' look-alikes put right
    (``ocr_code``)."""
    code = ocr_code(re.sub(r"^[|\[\]J!]+(?=\d)", "", text.strip(". ")))
    m = re.fullmatch(r"1([1-9])(\.\d{1,2}(?:\.\d{1,2})?)", code)
    if m and 10 + int(m.group(1)) > settings.max_field:
        return m.group(1) + m.group(2)
    m = re.fullmatch(r"1([1-9])(\d)", code)  # the bar, and a code whose dot OCR lost ("143")
    if m and 10 + int(m.group(1)) > settings.max_field:
        return f"{m.group(1)}.{m.group(2)}"
    return code or None


def _whole_cells(cells: list[str]) -> frozenset[str]:
    """The cells that are no other cell's first words: "Trang thông tin" beside "Trang thông tin
    được cập nhật" is that cell with its wrapped words read into the column beside it."""
    return frozenset(c for c in cells if not any(o != c and o.startswith(c + " ") for o in cells))


def _learn_widths(
    rows: list[_RowLines], columns: list[str], settings: TaskLineSettings
) -> tuple[tuple[float, ...] | None, tuple[float, ...] | None]:
    """Each column's width and ceiling, learnt over ``width_rounds`` readings of the rows (each
    reading with the last one's)."""
    widths: tuple[float, ...] | None = None
    ceilings: tuple[float, ...] | None = None
    for _ in range(settings.width_rounds):
        readings = [split_row(row, columns, settings, widths, ceilings) for row in rows]
        widths = column_widths([r[1] for r in readings], settings)
        ceilings = column_ceilings([r[2] for r in readings], settings)
    return widths, ceilings


def find_task_lines(doc: IngestedDocument, settings: TaskLineSettings = TaskLineSettings()) -> list[TaskTable]:
    """Task frameworks of a document's lines (text dumps and OCR'd pages)."""
    lines = [ln for ln in reading_lines(doc)]
    tables: list[TaskTable] = []
    k = 0
    while k < len(lines):
        text = lines[k].text.strip()
        if not is_task_header(text, settings):
            k += 1
            continue
        columns = header_columns(text) or []
        body_columns = [c for c in columns if c != "code"]
        rows, used = _collect_rows(lines[k + 1 :], settings)
        table = TaskTable(title="", pages=[], columns=columns, form="table")
        widths, ceilings = _learn_widths(rows, body_columns, settings)
        readings = [split_row(row, body_columns, settings, widths, ceilings)[0] for row in rows]
        for i, row in enumerate(rows):
            others = tuple(
                _whole_cells([_clean(r[c]) for j, r in enumerate(readings) if j != i and r[c].strip()])
                for c in body_columns
            )
            cells = {
                f: _clean(v) for f, v in split_row(row, body_columns, settings, widths, ceilings, others)[0].items()
            }
            notes: list[str] = []
            for f in ("task", "product", "deadline", "lead", "coordinator"):
                if cells.get(f):
                    cells[f], note = split_footnote(cells[f])
                    if note:
                        notes.append(note)
            for f in ("lead", "coordinator"):
                cells[f] = spell_units(cells.get(f, ""))
            cells["deadline"] = spell_deadline(cells.get("deadline", ""))
            page = row.lines[0].page
            if page not in table.pages:
                table.pages.append(page)
            table.rows.append(
                TaskRow(
                    code=row.code,
                    section=row.section,
                    section_title=row.section_title,
                    criterion_code=_criterion_code(cells.pop("criterion_code", ""), settings),
                    footnotes=notes,
                    confidence=settings.confidence,
                    flags=["from_lines"],
                    source=SourceRef(page=page, line_start=row.lines[0].number, line_end=row.lines[-1].number),
                    task=cells.get("task", ""),
                    product=cells.get("product", ""),
                    deadline=cells.get("deadline", ""),
                    lead=cells.get("lead", ""),
                    coordinator=cells.get("coordinator", ""),
                )
            )
        if table.rows:
            tables.append(table)
        k += 1 + max(used, 1)
    return tables
