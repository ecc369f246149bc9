"""A report's statistics told as numbered lines of its body, no table at all.

"2. Tổng số hồ sơ TTHC tiếp nhận trong kỳ: 238 hồ sơ (trong đó: số hồ sơ tiếp nhận trực tuyến:
229 hồ sơ; …; tỷ lệ hồ sơ tiếp nhận trực tuyến đạt 96,22%)." is an annex row printed as prose: the
numbered line is the indicator with its code, figure and unit, and its breakdown, in brackets on the
same line or on "- " lines under a line ending "trong đó:", are its items (no code: the items of the
count above them, as an annex's bullets) and its share. The lines are given to the annex reader of
the grid (``statistics.stat_rows``) as the cells they are, so the items' parents and the shares'
check (``reconcile.ratios``) work as on any annex.

A run is read only when it is plainly such a list: ``min_heads`` numbered lines in a row each
wholly "indicator: figure unit", and at least one of them broken down. The counts the narrative
reader took from those same lines are the rows, not counts besides them (``outside_stat_lines``)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import regex as re

from extract.model import IngestedDocument, Line
from extract.segment.body_stat_bracketed import (
    SPECKED_FIGURE_FLAG,
    bracketed_result,
    unit_from_indicator,
    wrapped_result,
)
from extract.segment.body_stat_columns import (
    ResultColumnSettings,
    ends_in_figure,
    glued_rows,
    headed_by_results,
    lost_result,
    part_whole_cell,
    result_cell,
    results_listed,
)
from extract.segment.body_stat_items import items_whole, own_cell, parts_past_whole, same_figure
from extract.segment.body_stat_ocr import (
    SIGN_AS_NINE_FLAG,
    bare_share,
    joined_decimals,
    sign_as_nine_share,
    split_lost_semicolon,
)
from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.stat_part_whole import part_over_whole
from extract.segment.statistics import stat_rows
from normalize.lazy_regex import lazy_compile
from normalize.vietnamese.syllable import fold
from schemas.records import Count, StatAnnex, StatRow, UnreadPart


@dataclass(frozen=True)
class BodyStatSettings:
    # Numbered lines of "indicator: figure unit" a run needs: fewer is a narrative's count or two.
    min_heads: int = 3
    # Of them, lines that print a breakdown (items or a share): a list of bare figures is prose
    # counting, which the narrative reader (``counts``) reads.
    min_broken_down: int = 1
    # The label the report's one set of figures takes (it prints no annex number).
    annex_label: str = "1"
    # Confidence of a share whose per cent sign OCR read as a last "9" ("đạt 959" read 95%): below
    # the review threshold, so a person reads the page (the figure as printed is the alternative).
    sign_as_nine_confidence: float = 0.4
    # Confidence of a figure read among OCR's letter specks at a line's end ("(người) vớ 18"):
    # below the review threshold, so a person checks it against the page.
    specked_confidence: float = 0.6
    # Share of a run's rows whose figure was lost to specks from which its other figures are
    # doubted as such too (seed 18101's D20 dump of N49: 6 of 9 lost, the 3 read all wrong).
    smeared_run_share: float = 0.5
    # Items printing one whole ("17/19 nhiệm vụ", "2/19 nhiệm vụ") that give a numbered line whose
    # figure OCR lost that whole: one could be a misreading, two agreeing are the count printed again.
    min_items_whole: int = 2
    # Confidence of such a figure: read off the items, not its own cell, so a person sees it; and of
    # a figure read in its own cell that is not that whole.
    from_whole_confidence: float = 0.7
    # Confidence of a row whose figure OCR lost (None): below the review threshold, so the value has
    # its own entry in the queue beside the told line.
    lost_figure_confidence: float = 0.3
    # A results table ("Nội dung | Kết quả") printed as lines: where its header may stand.
    columns: ResultColumnSettings = ResultColumnSettings()


# (OCR's specks of the grid before the number: ": 2. Số nhiệm vụ …"; an underscore, a rule's
# stroke, is one though the regex's "\w" takes it for a letter: "_ 5. Số cán bộ …", "_6. Số …")
# (its dot read as a comma before a capital: "~~ 4, SỐ nhiệm vụ …"; a count in prose, "4, 5 hồ sơ",
# goes on in figures or lower case)
_HEAD = lazy_compile(r"^(?:[^\w\s]|_){0,3}\s*(\d{1,2})\s*(?:[.)]|,(?=\s+[\p{Lu}$]))\s+(\S.*)$", re.S)
# A numbered line whose dot OCR lost: "2 Tổng số hồ sơ …: 184 hồ sơ (…" (a capital, then the figure
# stated after a colon: a line of prose opening with a figure is none).
_HEAD_UNDOTTED = lazy_compile(r"^\s*(\d{1,2})\s+(\p{Lu}[^:]{3,}:\s*\d.*)$", re.S)
# (a dash as OCR may read it, "*", "=", "—", only before words: "~ 100%)" is a speck before a figure)
# (specks of the grid before the dash: ".- Số …", "| - Giải quyết …", "ị - Số …")
# ("~ Giải quyết đúng hạn": a dash OCR read as a tilde, before words only, "Số" read "$6" one)
# (a speck of two characters before the dash, "Pe - Số phản ánh …", "2S - Số TTHC …", only before an
# item opening in a capital: a wrapped sentence goes on in lower case; an underscore, a rule's
# stroke, is a speck though the regex's "\w" takes it for a letter: "_- Tỷ lệ …")
_ITEM = lazy_compile(
    r"^\s*(?:(?:[^\w\s]|_){1,3}|\w\s+|\w{2}\s+(?=[-–]\s+[\p{Lu}$]))?\s*(?:[-+•–]|[*=—~](?=\s+(?:\p{L}|\$\d)))\s+(\S.*)$",
    re.S,
)
# A part's roman numeral as OCR may read its later strokes: "II." as "Il.", "Ii.", "I1.".
# (or with its dot lost before the part's heading in capitals: "II PHƯƠNG HƯỚNG …")
_ROMAN = lazy_compile(r"^[^\w\s]{0,3}\s*(?:[IVXLC][IVXLCil1]{0,4}\s*[.)]\s|[IVX]{1,4}\s+\p{Lu}{2,}\b)")
# "indicator: 238 hồ sơ" — the figure after the last colon, the unit words up to a bracket or the end.
# (a unit word may hold a digit between its letters where OCR read a letter so: "ngw6i", "h6 so";
# a speck on the paper between the figure and its unit read as a dash: "99-hồ sơ")
_FIGURE = (
    r"(?P<fig>\d[\d.,]*\d|\d)\s*(?:[-–~_](?=\s*[^\W\d]))?"
    r"\s*(?P<unit>%|[^\W\d](?:[^\d(),;:]|(?<=[^\W\d])\d(?=[^\W\d]))*?)?"
)
_STATED = lazy_compile(r"^(?P<ind>.+):\s*" + _FIGURE + r"\s*$", re.S)
# "tỷ lệ hồ sơ tiếp nhận trực tuyến đạt 96,22%": a share stated with "đạt", no colon.
# ("đạt", "trong đó" as OCR without the marks' model leaves them: "dat", "trong do", "trong dé")
_REACHED = r"(?:đạt|dat|đat|dạt)"
# ("trong 6:": the "đ" of "đó" lost, a figure left before the colon)
# ("trong 6:", "trong a6:": "đó" garbled before the colon; "gone do:": "trong" garbled)
_WHEREOF = r"(?:tr\S{1,3}ng\s+(?:[dđ]\S{0,2}|\S{1,3}(?=\s*:))|\S{2,5}\s+[dđ]\S{0,2}(?=\s*:))"
_SHARE = lazy_compile(
    r"^(?P<ind>.+?)\s+" + _REACHED + r"\W{0,2}\s*(?P<fig>\d[\d.,]*\d|\d)\s*(?P<unit>%)\s*$", re.S | re.I
)
_BREAKDOWN = lazy_compile(r"^(?P<head>.+?)\s*\(\s*" + _WHEREOF + r"\s*:?\s*(?P<parts>.*)\)\s*$", re.S | re.I)
# A line opening on a bracketed breakdown: "(trong đó: số TTHC …".
_BREAKDOWN_OPENS = lazy_compile(r"^\(\s*" + _WHEREOF + r"\s*:", re.I)
# A breakdown opening ("trong đó:"), its bracket printed or lost.
_WHEREOF_COLON = lazy_compile(r"(?<!\w)" + _WHEREOF + r"\s*:", re.I)
_ITEMS_FOLLOW = lazy_compile(r"^(?P<head>.+?)\s*,\s*" + _WHEREOF + r"\s*:?\s*$", re.S | re.I)


@dataclass
class _Entry:
    """A numbered line or an item line, wrapped lines joined."""

    bullet: bool
    code: str
    text: str
    lines: list[Line] = field(default_factory=list)


@dataclass
class _Cells:
    code: str
    indicator: str
    figure: str
    unit: str
    first: Line
    last: Line
    # The figure as OCR printed it where the read one is a guess of what it stands for ("959" read
    # 95%, ``sign_as_nine_share``); empty where the figure is read as printed.
    printed: str = ""
    # The figure stands among OCR's letter specks ("(người) vớ 18"): a speck's digit may be it.
    specked: bool = False
    # The whole the row's items print their parts over ("2/19 nhiệm vụ": the count above, printed
    # again), "" when they print none or disagree; with ``from_whole`` the figure is read from it,
    # OCR having lost the row's own cell.
    items_whole: str = ""
    from_whole: bool = False


def _stated(text: str, columns: bool = False) -> tuple[str, str, str, str, bool] | None:
    """(indicator, figure, unit, figure as printed when read unsure, figure among specks) of
    "indicator: figure unit", "share đạt figure%" or "indicator (unit) … figure"; of a line ending
    in a part over its whole, the whole result cell as the figure (the annex reader takes its part);
    with ``columns`` (under a results table's header), of "indicator figure unit" too."""
    text = text.strip().rstrip(".;").strip()
    m = _STATED.match(text) or _SHARE.match(text)
    if m is None and (over := part_whole_cell(text)) is not None:
        return _capital(over[0]), over[1], "", "", False
    if m is None and columns and (cell := result_cell(text)) is not None:
        return _capital(cell[0]), cell[1], cell[2], "", False
    if m is None:
        bare = bare_share(text)
        unsure = sign_as_nine_share(text) if bare is None else None
        stated = (*bare, "") if bare is not None else unsure
        return (_capital(stated[0]), *stated[1:], False) if stated is not None else None
    indicator = m["ind"].strip()
    if not indicator or not any(c.isalpha() for c in indicator):
        return None
    # (a closing quote or speck OCR left after the unit: "10 văn bản”")
    return _capital(indicator), m["fig"], _UNIT_SPECKS.sub("", (m["unit"] or "").strip()), "", False


def _capital(indicator: str) -> str:
    return indicator[:1].upper() + indicator[1:]


def _open(text: str) -> bool:
    """Whether an entry goes on on the next line: a bracket left open, or no full stop or semicolon
    (OCR's specks after a breakdown's closing "). " ignored: "…100%). a oo" is closed)."""
    if text.count("(") > text.count(")"):
        return True
    # a breakdown whose bracket OCR lost ("…: 36 phản ánh Gọn do: số …; tỷ lệ"), not yet closed: its
    # last words are no specks after a stop (before, "; tỷ lệ" closed it, and the line finishing it
    # ended the run, its later heads unread and untold)
    whereof = list(_WHEREOF_COLON.finditer(text))
    if whereof and ")" not in text[whereof[-1].end() :]:
        return True
    return not _CLOSED.search(text)


# Tokens of marks alone before a line's first word: "> | = Số nhiệm vụ …" (a "$" may be OCR's "S").
_MARK_TOKENS = lazy_compile(r"^(?:[^\w\s$]+\s+)+")
# Marks OCR left before a wrapped line's first word: "; thành: 17 …", ", ~ CCHC năm …" (no bracket).
_WRAP_SPECKS = lazy_compile(r"^(?:[;:,.|_~*=—-]+\s+)+")
# A breakdown closed, OCR's specks after it: "…đạt 100%). a oo".
_CLOSED = lazy_compile(r"[.;](?:\s*(?:[^\w\s]|\w{1,2}\b))*\s*$")
# A numbered line whose number OCR read as a speck ("a Tổng số hồ sơ …: 339 hồ sơ (…", "ik, Số …"): a speck,
# then an indicator opening with a capital and stating its figure after a colon.
_NUMBER_LOST = lazy_compile(r"^\s*(?:[^\w\s]|\w{1,2}\b)\W*\s+(?P<rest>\p{Lu}[^:]{3,}:\s*\d.*)$", re.S)


def _numbered_lost(run: list[_Entry]) -> None:
    """The code of a numbered line whose number OCR lost, where its neighbours' numbers leave one
    gap for it ("4." … "6.", or none before "2."); left empty (the line told, not read) otherwise."""
    heads = [e for e in run if not e.bullet]
    for k, entry in enumerate(heads):
        if entry.code or k >= len(heads) - 1:
            continue
        # (the list's first line: its number 1 when the next is 2)
        before, after = heads[k - 1].code if k else "0", heads[k + 1].code
        if before.isdigit() and after.isdigit() and int(after) == int(before) + 2:
            entry.code = str(int(before) + 1)


def _heading(text: str) -> bool:
    """Whether a numbered line is a part's heading: its words in capitals, no figure stated."""
    letters = [c for c in text.split(":")[0] if c.isalpha()]
    return len(letters) >= _HEADING_LETTERS and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


# Letters a heading in capitals has at least ("CCHC" alone is an acronym in an indicator).
_HEADING_LETTERS = 12


def _entries(lines: list[Line]) -> list[list[_Entry]]:
    """The runs of numbered and item lines, each entry with its wrapped lines joined."""
    runs: list[list[_Entry]] = []
    run: list[_Entry] = []
    for line in lines:
        text = line.text.strip()
        if not any(c.isalnum() for c in text):
            continue  # a blank line or a speck between a list's lines (an OCR dump spaces them)
        closed = not run or not _open(run[-1].text)
        head = _HEAD.match(text) or (_HEAD_UNDOTTED.match(text) if closed else None)
        item = _ITEM.match(text)
        if item and run and _wrapped_item(run[-1].text, text, item[1]):
            item = None  # (a breakdown's wrapped line behind a speck: "- thành: 20 nhiệm vụ; …")
        if head and _heading(head[2]):
            head = None  # ("1. KẾT QUẢ THỰC HIỆN …": a part's heading in capitals, its "I." read "1.")
        if head and not _ROMAN.match(text):
            run.append(_Entry(False, head[1], head[2], [line]))
        elif item and run:
            run.append(_Entry(True, "-", item[1], [line]))
        elif run and own_cell(run[-1].text, text, under_head=not run[-1].bullet):
            # (an item whose dash or words OCR lost, its result cell under the one above: "82/598 hồ sơ
            # (13,71% : oe", its own row, not a wrap whose cell would take the row above's place)
            run.append(_Entry(True, "-", _MARK_TOKENS.sub("", text), [line]))
        elif closed and (lost := _NUMBER_LOST.match(text)):
            run.append(_Entry(False, "", lost["rest"], [line]))
        elif run and text and not _ROMAN.match(text) and _open(run[-1].text):
            # a wrapped line ("…94 thủ tục, trong" / "đó:"), OCR's specks before its first word off
            # ("… đã hoàn :" / "; thành: 17 nhiệm vụ": no semicolon parting the breakdown there)
            run[-1].text = f"{run[-1].text} {_WRAP_SPECKS.sub('', text)}"
            run[-1].lines.append(line)
        elif run and _BREAKDOWN_OPENS.match(text):
            # the breakdown wrapped after the head's full stop ("…: 118 thủ tục." / "(trong đó: …"):
            # before, the run ended there and its last heads went unread, untold
            run[-1].text = f"{run[-1].text.rstrip().rstrip('.')} {text}"
            run[-1].lines.append(line)
        else:
            if run:
                runs.append(run)
            run = []
    if run:
        runs.append(run)
    for each in runs:
        _numbered_lost(each)
    return runs


def _wrapped_item(above: str, text: str, rest: str) -> bool:
    """Whether a line that opens like an item is the wrap of the entry above behind OCR's speck:
    inside a bracketed breakdown not yet closed ("(trong đó: … đã hoàn" / "- thành: 20 …", ", ~ CCHC
    năm đạt 95,24%)"), or inside any open bracket going on in lower case. (A true item after a share
    whose bracket OCR lost, "(89,47%" / "- Số nhiệm vụ …", opens in a capital on a dash.)"""
    opened = above.rfind("(")
    if opened < 0 or ")" in above[opened:]:
        return False
    return _BREAKDOWN_OPENS.match(above[opened:]) is not None or rest[:1].islower()


def _opening_off(text: str) -> str:
    """A list line's text without its number or dash."""
    m = _HEAD.match(text) or _ITEM.match(text)
    return m[m.lastindex or 0] if m is not None else text


def _cells(entry: _Entry, code: str, columns: bool = False) -> tuple[list[_Cells] | None, list[str]]:
    """The entry's rows: the stated figure, then the bracketed breakdown's parts; None when its
    head is not such a line. The breakdown's parts that are past reading are the second item (told,
    the others read: OCR garbles a part, not the line)."""
    first, last = entry.lines[0], entry.lines[-1]
    entry_lines = [ln.text for ln in entry.lines]
    text = joined_decimals(_SPECKS_AFTER.sub(")", entry.text.strip())).rstrip(".;").strip()
    parts: list[str] = []
    m = _BREAKDOWN.match(text)
    if m is not None:
        text = m["head"]
        parts = [piece for p in m["parts"].split(";") if p.strip() for piece in split_lost_semicolon(p)]
    else:
        follow = _ITEMS_FOLLOW.match(text)
        if follow is not None:
            text = follow["head"]
    glued = glued_rows(text) if columns else None
    if glued is not None:  # (two rows OCR glued, the second's words lost: its cell told, not taken)
        text = glued[0]
    stated = _stated(text, columns)
    if stated is None and not parts:  # ("(người) vớ 18": the figure the specks' rule above would cut)
        result = bracketed_result(entry.text)
        if result is None or not result[1]:  # (no figure after the unit: on the first line of a wrapped row?)
            result = wrapped_result([_opening_off(first.text), *entry_lines[1:]]) or result
        stated = (*result[:3], "", result[3]) if result is not None else None
    if stated is None and columns and len(entry.lines) > 1:
        stated = _cell_before_wrap(entry)
    if stated is None and columns and not parts and (named := lost_result(entry.text)) is not None:
        # (a results table's row whose cell OCR lost: read with its figure lost, told, so the list
        # is read and the items under it keep their parent)
        stated = (named, "", "", "", False)
    if stated is not None:
        indicator, unit = unit_from_indicator(stated[0], stated[2])
        stated = (indicator, stated[1], unit, *stated[3:])
    if stated is None or (not entry.bullet and part_over_whole(stated[1]) is not None):
        # (a numbered row is a whole: a part over its whole on its line is an item's OCR glued to
        # it, "2. Số nhiệm vụ … năm :" / "> | = Số nhiệm vụ đã hoàn thành 36/38 …", its own cell lost)
        return None, []
    out = [_Cells(code, *stated[:3], first, last, printed=stated[3], specked=stated[4])]
    lost: list[str] = [glued[1]] if glued is not None else []
    for part in parts:
        read = _stated(part, columns)
        if read is None:
            lost.append(part.strip())
            continue
        out.append(_Cells("-", *read[:3], first, last, printed=read[3], specked=read[4]))
    return out, lost


def _cell_before_wrap(entry: _Entry) -> tuple[str, str, str, str, bool] | None:
    """A results table's row whose indicator wrapped onto the next line, its result cell printed on
    the first ("2. Tổng số thủ tục … của : 106 thủ tục" / "UBND xã : ôi"): the first line read, the
    wrap's words (OCR's specks left out) added to its indicator."""
    if any(c.isdigit() for ln in entry.lines[1:] for c in ln.text):
        return None  # (a figure on the next line: another row's cell glued, not the indicator's words)
    stated = _stated(_opening_off(entry.lines[0].text), columns=True)
    if stated is None:
        return None
    wrap = " ".join(w for ln in entry.lines[1:] for w in ln.text.split() if sum(c.isalpha() for c in w) >= 2)
    return f"{stated[0]} {wrap}".strip(), *stated[1:]


def _run_rows(
    run: list[_Entry], settings: BodyStatSettings, columns: bool = False
) -> tuple[list[_Cells], list[_Entry]]:
    """The run's rows and the entries of it that could not be read (a numbered line's items go with
    it); no rows when it is not plainly a list of statistics. With ``columns`` the run stands under
    a results table's header: a line's last figure and unit are its result cell, colon or none."""
    rows: list[_Cells] = []
    lost: list[_Entry] = []
    heads = broken = lost_heads = lost_items = 0
    head_lost = False
    for at, entry in enumerate(run):
        if entry.bullet and not rows and not lost:
            return [], []
        cells, parts_lost = (
            (None, [])
            if (entry.bullet and head_lost) or not (entry.bullet or entry.code)  # (a number lost, past placing)
            else _cells(entry, "-" if entry.bullet else entry.code, columns)
        )
        if cells and not entry.bullet and parts_past_whole([(e.bullet, e.text) for e in run[at + 1 :]]):
            cells = None  # (its items' parts add up past their whole: a misreading, the list lost with it)
        # (a numbered line's items printing their parts over one whole: its figure printed again)
        head = bool(cells) and not entry.bullet and len(cells or []) == 1
        whole = items_whole([(e.bullet, e.text) for e in run[at + 1 :]], settings.min_items_whole) if head else None
        if cells and whole is not None:
            lost_cell = not cells[0].figure
            cells = [
                replace(
                    cells[0],
                    figure=whole[0] if lost_cell else cells[0].figure,
                    unit=cells[0].unit or whole[1],
                    items_whole=whole[0],
                    from_whole=lost_cell,
                )
            ]
        lost += [_Entry(True, "-", part, entry.lines) for part in parts_lost]
        if not entry.bullet:
            head_lost = cells is None
            lost_heads += head_lost
        if cells is None:
            lost.append(entry)
            lost_items += entry.bullet and not head_lost  # (items of a head lost go with it)
            continue
        heads += not entry.bullet
        broken += entry.bullet or len(cells) > 1
        rows.extend(cells)
    # (lines past reading outnumbering those read: no list of figures as OCR left it, told whole)
    if heads < settings.min_heads or broken < settings.min_broken_down or lost_heads + lost_items >= len(rows):
        return [], []
    return rows, lost


# OCR's specks after a breakdown's closing bracket ("…đạt 90%). a a", "…%). :", "…). os", and one the
# repair took for a word of three letters: "…95,24%). ước" for "aoe").
_SPECKS_AFTER = lazy_compile(r"\)\s*[.;]?(?:\s*(?:[^\w\s]|\w{1,3}\b))*\s*$")
_UNIT_SPECKS = lazy_compile(r"[^\w%]+$")
_COUNTED = lazy_compile(r"^[^:]{3,}:\s*\d")


# A line stating points ("Lĩnh vực 2 - …: 1,25/4,5 điểm", "Tiêu chí 2.1 …: không đạt điểm (0/2,5)"):
# a report's score statement, which the statements' reader reads, no statistic.
_POINTS_STATED = lazy_compile(r"\d(?:[.,]\d+)?\s*/\s*\d+(?:[.,]\d+)?\s*(?:diem\b|\))|\bdiem\s*\(\s*\d")


def _listed(run: list[_Entry], settings: BodyStatSettings) -> bool:
    """Whether a run is plainly a list of figures though its lines could not be read: ``min_heads``
    numbered lines opening "indicator: figure", one of them broken down (a bracket or items);
    lines stating points are score statements, none of its heads."""
    heads = [e for e in run if not e.bullet and _COUNTED.match(e.text) and not _POINTS_STATED.search(fold(e.text))]
    return len(heads) >= settings.min_heads and any(e.bullet or "(" in e.text for e in run)


def _figured(run: list[_Entry], settings: BodyStatSettings) -> bool:
    """Whether ``min_heads`` numbered lines of a run end in a figure (a results table's rows)."""
    return sum(1 for e in run if not e.bullet and ends_in_figure(e.text)) >= settings.min_heads


def _unread(lost: list[_Entry]) -> list[UnreadPart]:
    """Each line of the list that gave no row, told: nothing of a report's figures is dropped."""
    return [
        UnreadPart(
            page=e.lines[0].page,
            kind="rows",
            reason="a line of the report's numbered statistics could not be read as an indicator with its figure "
            "(and its breakdown)",
            text_sample=e.text[:200],
            page_end=e.lines[-1].page,
            line_start=e.lines[0].number,
            line_end=e.lines[-1].number,
        )
        for e in lost
    ]


def _table(rows: list[_Cells]) -> JoinedTable:
    joined = [
        JoinedRow(
            cells=[r.code, r.indicator, r.unit, r.figure, ""],
            bold=[False] * 5,
            page=r.first.page,
            line_start=r.first.number,
            line_end=r.last.number,
            fragment=0,
        )
        for r in rows
    ]
    return JoinedTable(
        header=[["STT", "Nội dung", "ĐVT", "Số liệu", "Ghi chú"]],
        rows=joined,
        pages=sorted({r.first.page for r in rows}),
        n_cols=5,
        source="lines",
        line_start=rows[0].first.number,
        line_end=rows[-1].last.number,
        block_index=0,
    )


# The flag of a numbered line's figure read from the whole its items print their parts over, and of
# one read in its own cell that is not that whole.
FROM_WHOLE_FLAG = "figure_from_items_whole"
OFF_WHOLE_FLAG = "figure_not_items_whole"


# The flag of a figure read on a run most of whose figures OCR smeared past reading.
SMEARED_RUN_FLAG = "figure_on_smeared_run"


def _unsure_figures(stat: list[StatRow], rows: list[_Cells], settings: BodyStatSettings) -> list[StatRow]:
    """The annex's rows with each figure read as a guess of what OCR printed (``_Cells.printed``)
    flagged, unsure, its printed characters kept as the row's raw figure (the review entry's
    alternative)."""
    unsure: dict[tuple[int | None, str], str] = {(r.first.number, r.figure): r.printed for r in rows if r.printed}
    specked = {(r.first.number, r.figure) for r in rows if r.specked}
    from_whole = {(r.first.number, r.figure) for r in rows if r.from_whole}
    # (a figure read that is not the whole its items print: one of the two misread, or misprinted)
    off_whole = {(r.first.number, r.figure) for r in rows if r.items_whole and not same_figure(r.figure, r.items_whole)}
    lost = {(r.first.number, "") for r in rows if not r.figure}
    # (a run most of whose figures OCR smeared past reading was read off a smeared page: the
    # figures it did give, "...7", ".. .. 75...", are as doubtful as a figure among specks)
    smeared = sum(1 for r in rows if not r.figure) >= settings.smeared_run_share * len(rows)
    out = []
    for row in stat:
        if smeared and row.value is not None and (row.source.line_start, row.value_raw) not in specked:
            flags = [*row.flags, SMEARED_RUN_FLAG]
            row = replace(row, flags=flags, confidence=min(row.confidence, settings.specked_confidence))
        if (row.source.line_start, row.value_raw) in specked:
            flags = [*row.flags, SPECKED_FIGURE_FLAG]
            row = replace(row, flags=flags, confidence=min(row.confidence, settings.specked_confidence))
        key = (row.source.line_start, row.value_raw)
        if key in from_whole or key in off_whole:
            flags = [*row.flags, FROM_WHOLE_FLAG if key in from_whole else OFF_WHOLE_FLAG]
            row = replace(row, flags=flags, confidence=min(row.confidence, settings.from_whole_confidence))
        if row.value is None and (row.source.line_start, (row.value_raw or "").strip()) in lost:
            # (its figure lost, told: the value's own entry in the queue too, so a person fills it in;
            # no cell flagged lost, which the sums would fill with one relation alone)
            row = replace(row, confidence=min(row.confidence, settings.lost_figure_confidence))
        printed = unsure.get((row.source.line_start, row.value_raw))
        if printed:
            row = replace(
                row,
                value_raw=printed,
                flags=[*row.flags, SIGN_AS_NINE_FLAG],
                confidence=min(row.confidence, settings.sign_as_nine_confidence),
            )
        out.append(row)
    return out


@dataclass
class BodyStatsRead:
    annexes: list[StatAnnex]
    unread: list[UnreadPart]


def body_stat_lines(
    doc: IngestedDocument, title: str = "", settings: BodyStatSettings = BodyStatSettings()
) -> BodyStatsRead:
    """The report's statistics printed as numbered body lines, as an annex (none when it has none),
    and the lines of such a list that gave no row."""
    lines = [ln for page in doc.pages for ln in page.lines]
    ocr_pages = frozenset(p.number for p in doc.pages if p.method == "ocr")
    read = BodyStatsRead([], [])
    for run in _entries(lines):
        columns = headed_by_results(lines, run[0].lines[0], settings.columns) or results_listed(
            [e.text for e in run], settings.columns
        )
        rows, lost = _run_rows(run, settings, columns)
        if not rows:
            # a list of figures past reading: told whole, not dropped (under a results table's
            # header, a list whose lines end in figures is one, colon or none)
            if _listed(run, settings) or (columns and _figured(run, settings)):
                read.unread += _unread(
                    [_Entry(False, "", " / ".join(e.text for e in run), [ln for e in run for ln in e.lines])]
                )
            continue
        table = _table(rows)
        stat = _unsure_figures(stat_rows(table, ocr_pages=ocr_pages), rows, settings)
        if stat:
            read.annexes.append(
                StatAnnex(annex=settings.annex_label, title=title, pages=table.pages, rows=stat, read_from="lines")
            )
            read.unread += _unread(lost) + _figures_lost(rows)
    return read


def _figures_lost(rows: list[_Cells]) -> list[UnreadPart]:
    """Each row read with its figure lost (OCR's specks where the result is printed), told."""
    return [
        UnreadPart(
            page=r.first.page,
            kind="rows",
            reason="the figure of a row of the report's statistics could not be read (specks where it is printed)",
            text_sample=r.indicator[:200],
            page_end=r.last.page,
            line_start=r.first.number,
            line_end=r.last.number,
        )
        for r in rows
        if not r.figure
    ]


def outside_stat_lines(counts: list[Count], annexes: list[StatAnnex]) -> list[Count]:
    """The counts not read from an annex's lines of body text (those are its rows)."""
    spans = [
        (r.source.page, r.source.line_start, r.source.line_end or r.source.line_start)
        for a in annexes
        if a.read_from == "lines"
        for r in a.rows
        if r.source.line_start is not None
    ]

    def inside(count: Count) -> bool:
        s = count.source
        return s.line_start is not None and any(
            s.page == page and start <= s.line_start <= end for page, start, end in spans
        )

    return [c for c in counts if not inside(c)]
