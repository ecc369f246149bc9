"""A score table that prints no code at all: its levels shown by the name cells alone. Each field a
row of its name in bold or in capitals (or opened by a Roman numeral, "I. CÔNG TÁC …"), its criteria
opened by a bullet ("- …", "• …", "* …") and their sub-criteria by another ("+ …") or lettered
("a) …", "b. …"). The marks carry the hierarchy as a code column would: the kinds of mark, in the
order they first appear under the fields, are the levels below them.

The codes are given by the rows' order as the set's tree numbers them (fields 1, 2, …; criterion
1.1; sub-criterion 1.1.1, or its letter where the row prints one, "a)" → 1.1.a), so that sums and
faults are checked as in any coded table; the rows are flagged ``code_derived``: no code was
printed, the marks gave it."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import regex as re

from extract.model import Line
from extract.segment.mark_sums import releveled
from extract.segment.points_cells import read_max_points
from extract.segment.row_draft import RowDraft
from normalize.codes import letter_item
from normalize.lazy_regex import lazy_compile
from normalize.text import fold

CODE_DERIVED = "code_derived"

# A bullet opening a name: the mark, then its words. Dashes of any length are one kind (a typist's
# "-" and Word's autocorrected "–" print the same level); so are the round dots. A "~" is a scan's
# dash as OCR read it where the stroke came out wavy ("~ Thực hiện chế độ báo cáo …" among "- …"
# rows): read as a mark of its own it had no kind of the table's, so it opened a new field and
# every code after it was one field off.
_BULLET = lazy_compile(r"^\s*([-–—‒−~]|[•·●▪■◦○∙]|[+*])\s*(?=\S)(.*)$", re.S)
_BULLET_KIND = {**dict.fromkeys("-–—‒−~", "-"), **dict.fromkeys("•·●∙", "•"), **dict.fromkeys("▪■", "▪")}
# A lettered or numbered item mark: "a)", "b.", "(c)", "1)", "2.".
_ITEM = lazy_compile(r"^\s*\(?([a-zđ]|\d{1,2})([.)])\s+(?=\S)(.*)$", re.S)
# A numbered item whose dot a scan's OCR read as a comma: "5, Xây dựng …" is the "5. Xây dựng …"
# printed (a name opening on a figure, a comma and a capital is no phrase of a criterion). Read as
# "1." items, a table numbered "1." to "5." keeps one level when one or two of its dots came out so.
_ITEM_COMMA = lazy_compile(r"^\s*(\d{1,2}),\s+(?=\p{Lu})(.*)$", re.S)
# A field's Roman numeral: "I. CÔNG TÁC …", "II - …".
_ROMAN_FIELD = lazy_compile(r"^\s*([IVX]{1,4})\s*[.:\-–)]\s*(?=\S)(.*)$", re.S)
_ROMAN_VALUE = {"I": 1, "V": 5, "X": 10}


@dataclass(frozen=True)
class MarkedLevelSettings:
    # Rows opened by a mark, and their share of the rows: a coded table's names may open with a
    # dash now and then, a table of marked names opens most of its rows with one.
    min_marked: int = 3
    min_marked_share: float = 0.4
    # Of a name's letters, the share in capitals for it to be a field's name printed in capitals.
    caps_share: float = 0.8
    min_caps_letters: int = 4
    # Rows read from lines: past this share of rows printing a code, the table has codes of its own
    # (OCR lost a few); under it, the codes read are OCR's specks read as digits.
    max_printed_share: float = 0.2


@dataclass(frozen=True)
class Mark:
    """What opens a name: its kind ("field", "-", "+", "a)", "1)", "plain"), the letter or number
    printed with it (None for a bullet), and the name without it."""

    kind: str
    printed: str | None
    name: str


def _roman(text: str) -> int | None:
    values = [_ROMAN_VALUE[c] for c in text]
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return total if 0 < total <= 20 else None


def _in_capitals(name: str, settings: MarkedLevelSettings) -> bool:
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= settings.min_caps_letters and sum(c.isupper() for c in letters) >= settings.caps_share * len(
        letters
    )


def name_mark(name: str, bold: bool, settings: MarkedLevelSettings = MarkedLevelSettings()) -> Mark:
    """The mark opening a name cell: a bullet or an item mark (its level told by its kind), else a
    field's emphasis (bold, capitals, a Roman numeral), else none ("plain")."""
    bullet = _BULLET.match(name)
    if bullet:
        mark = bullet.group(1)
        return Mark(_BULLET_KIND.get(mark, mark), None, bullet.group(2).strip())
    roman = _ROMAN_FIELD.match(name)
    if roman and _roman(roman.group(1)):
        return Mark("field", str(_roman(roman.group(1))), roman.group(2).strip())
    item = _ITEM.match(name)
    if item:
        token, closing = item.group(1), item.group(2)
        if token.isdigit():
            return Mark("1" + closing, token, item.group(3).strip())
        if letter_item(f"{token})"):
            return Mark("a" + closing, token, item.group(3).strip())
    comma = _ITEM_COMMA.match(name)
    if comma:
        return Mark("1.", comma.group(1), comma.group(2).strip())
    if bold or _in_capitals(name, settings):
        return Mark("field", None, name.strip())
    return Mark("plain", None, name.strip())


def marked_names(marks: Sequence[Mark | None], settings: MarkedLevelSettings = MarkedLevelSettings()) -> bool:
    """Whether a table's names carry its levels: enough rows open with a bullet or an item mark."""
    read = [m for m in marks if m is not None]
    marked = sum(m.kind not in ("field", "plain") for m in read)
    return marked >= settings.min_marked and marked >= settings.min_marked_share * len(read)


def mark_depths(marks: Sequence[Mark | None]) -> list[int | None]:
    """Each row's depth by its mark's kind alone: fields first, then each kind of mark in the order
    it first appears, one level deeper each. None for a row left out."""
    kinds = ["field"] if any(m is not None and m.kind == "field" for m in marks) else []
    for mark in marks:
        if mark is not None and mark.kind not in kinds:
            kinds.append(mark.kind)
    return [None if mark is None else kinds.index(mark.kind) + 1 for mark in marks]


def mark_levels(marks: Sequence[Mark | None]) -> list[int | None]:
    """Each row's level in the tree: its mark's depth (``mark_depths``), at most one level under the
    row above it (a level skipped: the next one down). None for a row left out."""
    depth = 0
    levels: list[int | None] = []
    for own in mark_depths(marks):
        if own is None:
            levels.append(None)
            continue
        depth = min(own, depth + 1)
        levels.append(depth)
    return levels


def derived_codes(marks: Sequence[Mark | None], levels: Sequence[int | None] | None = None) -> list[str | None]:
    """Each row's code as the tree numbers it in order, at its level (``mark_levels`` unless given); a
    lettered row keeps its letter ("a)", which the code repair places under the row above). None for a
    row left out (a total, ``marks`` None)."""
    levels = mark_levels(marks) if levels is None else levels
    path: list[int] = []
    codes: list[str | None] = []
    for mark, level in zip(marks, levels):
        if mark is None or level is None:
            codes.append(None)
            continue
        place = path[level - 1] + 1 if len(path) >= level else 1
        if mark.printed is not None and mark.printed.isdigit():
            place = int(mark.printed)
        path = path[: level - 1] + [place]
        lettered = mark.printed is not None and not mark.printed.isdigit()
        codes.append(f"{mark.printed})" if lettered and level > 1 else ".".join(map(str, path)))
    return codes


def codes_from_marks(
    names: Sequence[str],
    bolds: Sequence[bool],
    left_out: Callable[[str], bool],
    settings: MarkedLevelSettings = MarkedLevelSettings(),
    ocr_maxima: Sequence[float | None] | None = None,
) -> list[tuple[str, str] | None] | None:
    """For a table printing no code: each row's (derived code, name without its mark), None for a
    row ``left_out`` (a total) or with no name; None when the names carry no levels. ``ocr_maxima``:
    on OCR'd text, each row's maximum read, by which a row whose bullet OCR lost is put back under
    its field (``mark_sums``)."""
    marks = [None if not n.strip() or left_out(n) else name_mark(n, b, settings) for n, b in zip(names, bolds)]
    if not marked_names(marks, settings):
        return None
    levels = mark_levels(marks)
    if ocr_maxima is not None:
        unmarked = [m is not None and m.kind == "plain" for m in marks]
        levels = releveled(levels, unmarked, ocr_maxima, marked_depths=mark_depths(marks))
    codes = derived_codes(marks, levels)
    return [None if m is None or c is None else (c, m.name) for m, c in zip(marks, codes)]


# What OCR prints ahead of a row's first line where no mark was (a cell's ruling read as "|", specks).
_LINE_SPECKS = "|:;'`‘’_~ "
# ... and, once a row is read, before its mark: a ruling read as "[" or a speck as "." ("|. + Số hóa
# hồ sơ …", "[+ Tỷ lệ văn bản …" are the "+ …" rows printed; no name opens with a dot or a bracket).
# Left on, the mark was not seen, the row read as a field and every code after it was a field off
# (seed 19001 d14-i3). Only where the row's mark is read: the line reader, which asks whether a line
# opens a row (``line_bullet``), keeps to the specks above.
MARK_SPECKS = _LINE_SPECKS + "[."
# A "~" followed by a space and a capital is the dash bullet a scan's wavy stroke gave (``_BULLET``),
# not a speck: stripped with the specks, "~ Rà soát, đánh giá …" (a criterion under "- …" rows) read
# as a row with no mark, a field's, and every code after it was one field off (seed 20131 d14-i3).
_WAVY_DASH = lazy_compile(r"^~\s+(?=\p{Lu})")
# A dash bullet as OCR reads it at a line's start where the scan thickened or doubled its stroke:
# "= Kế hoạch …" is the "- Kế hoạch …" printed (no score table's name opens with an equals sign).
_OCR_DASH = lazy_compile(r"^=(?=\s+\S)")
# A word of letters (a name's first word, found again on the line that prints it).
_MARK_WORD = lazy_compile(r"\p{L}{2,}")


def mark_line(draft: RowDraft, line_of: Mapping[int, Sequence[Line]]) -> Line | None:
    """The line whose mark opens a row read from lines: the first of its lines that prints its name's
    first word. Its first line may be no line of its name: a previous row's explanation run over
    (": 16/QĐ-UBND ngày" over "- Kiểm tra công tác …" whose figures OCR garbled) opens the row when
    the line reader found no figures to close the row above; read for a mark, that line has none,
    the row became a field and every code after it one field off. ``line_of``: the lines by their
    number, a number two pages' lines may share (a dump's line cut where the next page's repeated
    header was glued to it, "+ Số hóa hồ sơ … 5 0" | "Lĩnh vực, tiêu chí đánh giá Điểm …"): the
    row's own page's first, for the header's half has no mark of the row."""

    def lines_at(number: int) -> list[Line]:
        return sorted(line_of.get(number, ()), key=lambda line: line.page != draft.page)

    first = next(iter(lines_at(draft.line_start)), None)
    word = _MARK_WORD.search(fold(draft.name[0][1])) if draft.name else None
    if word is None:
        return first
    for number in range(draft.line_start, draft.line_end + 1):
        for line in lines_at(number):
            if word.group(0) in _MARK_WORD.findall(fold(line.raw or line.text)):
                return line
    return first


def unspecked(text: str, specks: str = _LINE_SPECKS) -> str:
    """A line's text from its first mark or word: the ``specks`` OCR printed ahead of it dropped, a
    thickened dash ("=") read as the dash it is, a wavy one ("~") kept as the bullet it is."""
    rest = text.lstrip(specks.replace("~", ""))
    if not _WAVY_DASH.match(rest):
        rest = rest.lstrip(specks)
    return _OCR_DASH.sub("-", rest)


def line_bullet(text: str) -> str | None:
    """The kind of bullet ("-", "+", "•", …) a line read from a page opens with, the specks OCR
    leaves before it aside, when a capital opens the words after it (a name's first line: "| - Sự
    hài lòng về …"); None for a line opening otherwise."""
    bullet = _BULLET.match(unspecked(text))
    if bullet is None or not bullet.group(2)[:1].isupper():
        return None
    return _BULLET_KIND.get(bullet.group(1), bullet.group(1))


def mark_line_rows(
    drafts: Sequence[RowDraft],
    first_lines: Sequence[Line | None],
    settings: MarkedLevelSettings = MarkedLevelSettings(),
) -> None:
    """Rows read from lines (an OCR dump, an unruled page) of a table printing no code: each given the
    code its first line's mark derives (``codes_from_marks``) and flagged derived; left as read when
    the table prints codes (more than ``max_printed_share`` of its rows) or its lines carry no marks.
    The line reader took the mark off the name: the line's own text still holds it."""
    printed = sum(d.code is not None for d in drafts)
    if not drafts or printed > settings.max_printed_share * len(drafts):
        return
    texts = [unspecked(line.text, MARK_SPECKS) if line is not None else "" for line in first_lines]
    bolds = [line is not None and line.bold for line in first_lines]
    maxima = [read_max_points(d.max_raw, True) for d in drafts]
    read = codes_from_marks(texts, bolds, lambda _text: False, settings, maxima)
    if read is None:
        return
    for draft, derived in zip(drafts, read):
        if derived is not None:
            draft.code, draft.code_derived = derived[0], True
