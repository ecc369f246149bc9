"""Figures a score row's printed name holds that belong to its cells: OCR ran the points into
the name ("Cải cách tài chính công 7 Chưa hoàn thành"), so a maximum the criteria set gave was
printed after all, a parent's maximum stands in its name as its children's sum, and figures no
cell took are a score lost in the words. Claims of loss ("points … not read") that such a reading
answers are withdrawn (``points_in_names``): a claim must not outlive the reading."""

from __future__ import annotations

import unicodedata
from dataclasses import replace

import regex as re

from extract.segment.unread_rows import points_part
from normalize.criteria.match_settings import FLAG_MAX_FROM_SET
from normalize.lazy_regex import lazy_compile
from schemas.records import ExtractionResult, ScoreRow, UnreadPart

# The reason ``points_part`` gives, its codes read back.
_POINTS_LOST = lazy_compile(r"^points of (.+?) not read \(the text holds the row's name, not its numbers\)$")
# The clause the criteria set's recovery of rows gives (``set_rows._told``), among others ("; ").
_POINTS_RECOVERED = lazy_compile(r"^points of (.+?) not read \(rows recovered by their names in the criteria set\)$")
# A figure standing alone in a name: not a document's number ("số 74/KH", "2/15"), nor a date.
# Its decimal mark may be one OCR read as a slash ("15/5" for 15,5): a ratio or a date is told
# apart by the figure having to be the row's maximum.
_NAME_FIGURE = lazy_compile(r"(?<![\w/.,-])(\d{1,2}(?:[.,/]\d{1,2})?)(?![\w/.,-]|[.,/]\d)")
_NUMBER_WORD = lazy_compile(r"(?:số|so|sé|s6|ngày|ngay|năm|nam)\W*$", re.I)
# A figure heading a row's note, standing alone before its words ("16 Công văn số …").
_NOTE_FIGURE = lazy_compile(r"\s*(\d{1,2}(?:,\d{1,2})?)(?=\s+\D|\s*$)")
# The flag of a row whose maximum was read from a figure its name printed.
_MAX_IN_NAME = "max_in_name"
# A figure of two or three digits standing alone in a name (a maximum whose decimal mark OCR lost),
# specks of the blank cells after it left as dots ("kinh 155... :").
_BARE_FIGURE = lazy_compile(r"(?<![\w/.,-])(\d{2,3})(?![\w/,-]|\.\w|[.,/]\d)")


def figure_in_name(row: ScoreRow) -> str | None:
    """The token of a row's printed name that is its maximum (taken from the criteria set after
    OCR ran the points into the name: "Cải cách tài chính công 7 Chưa hoàn thành"), or None. The
    maximum stands in the row's text: it was printed and is read, not lost."""
    if row.max_points is None or not any(f.startswith(FLAG_MAX_FROM_SET) for f in row.flags):
        return None
    name = row.name_raw or ""
    for m in _NAME_FIGURE.finditer(name):
        if _NUMBER_WORD.search(name[: m.start()]):
            continue  # "Kế hoạch số 74": a document's number
        if float(m.group(1).replace(",", ".").replace("/", ".")) == row.max_points:
            return m.group(1)
    # ... or printed with its decimal mark lost ("155" for 15,5): the digits are the maximum's.
    unmarked = None if float(row.max_points).is_integer() else f"{row.max_points:g}".replace(".", "")
    for m in _BARE_FIGURE.finditer(name):
        if m.group(1) == unmarked and not _NUMBER_WORD.search(name[: m.start()]):
            return m.group(1)
    return figure_opening_note(row)


def figure_opening_note(row: ScoreRow) -> str | None:
    """The figure opening a row's note that is its maximum (the criteria set's), or None. The
    points columns stand between the name and the note: a line whose name OCR did not end where
    the cells begin ("VÃ Hiện đại hóa hành chính 16 Công văn số 237/CV-VP") leaves the maximum at
    the head of the note, printed and read, not lost."""
    if row.max_points is None:
        return None
    m = _NOTE_FIGURE.match(row.explanation or "")
    return m.group(1) if m and _figure_value(m.group(1)) == row.max_points else None


def note_without_figure(row: ScoreRow, figure: str) -> str:
    """The row's note without the cell ``figure_opening_note`` found at its head."""
    m = _NOTE_FIGURE.match(row.explanation or "")
    return (row.explanation or "")[m.end() :].lstrip() if m and m.group(1) == figure else (row.explanation or "")


def sum_in_name(row: ScoreRow, table_rows: list[ScoreRow]) -> str | None:
    """The token of a parent row's printed name that is the sum of its children's maxima, when
    its own maximum was not read: the parent's cell OCR ran into the name ("CÔNG TÁC CHỈ ĐẠO,
    ĐIỀU HÀNH 10 ao CCHC" over children of 5, 2 and 3). The children adding up to it is what
    says the figure is the row's maximum, not a count of its wording; None otherwise (fewer than
    two children, one of them without a maximum, no such figure, or two)."""
    if row.max_points is not None or not row.code:
        return None
    children = [r.max_points for r in table_rows if r.parent == row.code]
    if len(children) < 2 or any(v is None for v in children):
        return None
    total = sum(v for v in children if v is not None)
    name = row.name_raw or ""
    found = [
        m.group(1)
        for m in _NAME_FIGURE.finditer(name)
        if not _NUMBER_WORD.search(name[: m.start()]) and abs(_figure_value(m.group(1)) - total) < 0.01
    ]
    return found[0] if len(found) == 1 and total > 0 else None


def specks_blanked(text: str) -> str:
    """``text`` with every letter no Vietnamese word prints blanked, character for character: a
    letter whose base is not one of the Latin alphabet's or "đ" ("Ƒ", "ß", a Greek or Cyrillic
    look-alike) is a speck OCR made of a rule or a dot, as a symbol is ("§", "«", "¡"), so a
    figure glued after it ("Ƒ14,5") stands alone as one glued after a symbol does."""
    return "".join(" " if ch.isalpha() and not _word_letter(ch) else ch for ch in text)


def _word_letter(ch: str) -> bool:
    base = unicodedata.normalize("NFD", ch)[0]
    return ("a" <= base.lower() <= "z") or base in "đĐ"


def _figure_value(figure: str) -> float:
    return float(figure.replace(",", ".").replace("/", "."))


def unplaced_figures(row: ScoreRow) -> list[str]:
    """Figures a row's printed text holds that no cell took and its criterion's wording does not
    print: points cells OCR ran into the name ("… tổ 15/5 15/5 Báo cáo số 1/BC-": the maximum read
    from the first, the self score lost in the second). A figure after "số" or "ngày" is a
    document's number, one before "%" a rate, one above the row's maximum no score; one written
    with a slash counts only beside another figure (a lone "4/17" among words is a ratio)."""
    text = specks_blanked(row.name_raw or "")
    found = [
        m
        for m in _NAME_FIGURE.finditer(text)
        if not _NUMBER_WORD.search(text[: m.start()]) and not text[m.end() :].lstrip().startswith("%")
    ]
    beside = [
        any(o is not m and (0 <= m.start() - o.end() <= 2 or 0 <= o.start() - m.end() <= 2) for o in found)
        for m in found
    ]
    figures = [m.group(1) for m, near in zip(found, beside) if "/" not in m.group(1) or near]
    # A maximum read in its own column stands outside the name: a figure of the name equal to it
    # is a second one, a score OCR glued to a speck ("chính ¡14,5 14,5": 14,5 read as the maximum,
    # the self score left in the name). Only a maximum taken from the name (``points_in_names``)
    # is one of the name's figures.
    in_name = row.max_points_raw if _MAX_IN_NAME in row.flags else None
    for taken in [m.group(1) for m in _NAME_FIGURE.finditer(row.name or "")] + [
        in_name,
        row.self_points_raw,
        row.appraised_points_raw,
    ]:
        if taken in figures:
            figures.remove(taken)
    limit = row.max_points
    return [f for f in figures if limit is None or float(f.replace(",", ".").replace("/", ".")) <= limit]


def points_in_names(result: ExtractionResult, sample_chars: int = 160) -> None:
    """Rows told as "points … not read" whose maximum the criteria set then gave and which the
    name prints (``figure_in_name``), or whose name prints the sum of their children's maxima
    (``sum_in_name``, taken as the maximum), were read: the figure stood in the name, not in its column.
    They leave the part (and it goes when nothing else is left in it); each is flagged
    ``max_in_name``, its printed figure its raw maximum. Their score cell is no loss to tell here: a
    row printing its maximum and no score is one the commune did not score, or one ``coverage``
    tells by its siblings. The segmenter's part (``points_part``) and the clause of rows the
    criteria set recovered (``set_rows``) alike: a claim of loss must not outlive the reading."""
    rows = {r.code: r for t in result.score_tables for r in t.rows if r.code}
    tables = {r.code: t.rows for t in result.score_tables for r in t.rows if r.code}
    kept: list[UnreadPart] = []
    for part in result.unread:
        clauses = part.reason.split("; ")
        at, m = next(
            ((i, m) for i, c in enumerate(clauses) if (m := _POINTS_LOST.match(c) or _POINTS_RECOVERED.match(c))),
            (0, None),
        )
        codes = m.group(1).split(", ") if m else []
        lost = [rows[c] for c in codes if c in rows]
        read = (
            [r for r in lost if figure_in_name(r) is not None or sum_in_name(r, tables.get(r.code or "", []))]
            if m and len(lost) == len(codes)
            else []
        )
        if not m or not read:
            kept.append(part)
            continue
        for row in read:
            figure = figure_in_name(row)
            if figure is None:
                figure = sum_in_name(row, tables.get(row.code or "", []))
                row.max_points = _figure_value(figure) if figure else None
                row.flags = [f for f in row.flags if f != "missing_max"]
            if figure is not None and figure == figure_opening_note(row):
                row.explanation = note_without_figure(row, figure)
            row.max_points_raw = row.max_points_raw or figure
            row.flags = row.flags + [_MAX_IN_NAME]
        rest = [r for r in lost if r not in read]
        if len(clauses) == 1 and _POINTS_LOST.match(part.reason):
            if rest:
                new = points_part(rest)
                kept.append(replace(new, text_sample=new.text_sample[:sample_chars]))
            continue
        said = clauses[:at] + (
            [clauses[at].replace(m.group(1), ", ".join(r.code or "" for r in rest), 1)] if rest else []
        )
        said += clauses[at + 1 :]
        if said:
            kept.append(replace(part, reason="; ".join(said)))
    result.unread = kept
