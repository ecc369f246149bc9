"""What a statistics annex printed as lines left unread: a form whose title is printed but none of
whose rows were read, and the lines inside an annex read without its header that gave no row (a
row whose code or figure OCR garbled), each said as an ``unread`` part, never dropped; and the
score tables another reader took from an annex's lines (``outside_annexes``), a statement's
sentences (``outside_statements``) or a task table's rows (``outside_tasks``)."""

from __future__ import annotations

from dataclasses import replace

import regex as re

from extract.model import IngestedDocument, Line
from extract.segment.joined import JoinedRow
from extract.segment.running_lines import continued_on_next_page
from extract.segment.stat_headings import count_worded, opens_as_no_count, worded_as_share
from extract.segment.total_garbled import AS_LETTER
from normalize.count_units import same_unit, unit_key
from normalize.lazy_regex import lazy_compile
from normalize.text import fold
from schemas.records import ScoreStatement, ScoreTable, SourceRef, StatAnnex, StatRow, TaskTable, UnreadPart

# Pages read as lines with no grid for their tables (OCR'd pages have one from the image).
LINE_METHODS = frozenset({"text"})
# Row flags of an annex read without a printed layout: columns inferred from the rows (no header
# line), or rows rejoined from cells printed one per line.
COLUMNS_INFERRED = "columns_inferred"
CELLS_REJOINED = "cells_rejoined"
# The flag of a row of OCR'd lines that prints its unit and no figure (``stat_lines``).
MISSING_VALUE = "missing_value"
# How a part of figures the text lost opens (``lost_figures``): its rows are told one by one.
LOST_FIGURES_REASON = "the figure"
# Lines of a garbled row quoted in its unread part.
_SAMPLE_LINES = 4
# A figure closing an indicator's words, specks around it (not a year: "năm 2024" ends a name).
_FIGURE_AT_END = lazy_compile(r"(?<![\w/.,-])[\"'“”‘’(\[]?(?!(?:19|20)\d\d\b)\d[\d.,]*[)\]]?[.,:;]?\s*$")


# A statistics form's printed title ("BIỂU THỐNG KÊ SỐ LIỆU …", "BIỂU MẪU THỐNG KÊ …", or opening
# with the figures it gives: "SỐ LIỆU KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH", after a
# speck OCR read as one or two letters, "eS SỐ LIỆU …", "_ SỐ LIỆU …", not after a heading's
# numeral, "II. SỐ LIỆU …" being a report's section).
_FORM_TITLE = lazy_compile(
    r"^(?:(?![ivxl]+ )[a-z_]{1,2} )?so lieu\b"
    r"|\bthong ke\b.*\bso lieu\b|\bbieu\b.*\bthong ke\b|\bso lieu\b.*\bthong ke\b"
)


def is_form_title(text: str, upper_share: float = 0.8, form_named: bool = True) -> bool:
    """A statistics form's printed title: upper case, as a form's title is, naming the form
    (``form_named``; without it, any upper-case line: a title's next line, "ĐẦU NĂM 2024")."""
    letters = [c for c in text if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) < upper_share * len(letters):
        return False
    # (OCR's specks inside the title's words are no words: "BIỂU THỐNG: KÊ SỐ LIỆU"; a digit OCR
    # read for a letter inside a word is that letter, "S6 LIEU" for "SỐ LIỆU" from an OCR without
    # marks.)
    return not form_named or _FORM_TITLE.search(" ".join(_read_words(text))) is not None


# Symbols OCR reads for an "S" ("§6 LIỆU", "$Ố LIỆU"; ``letter_shapes`` reads "§6:" as "Số:" too):
# folded, "§" would spell "ss".
_AS_S = str.maketrans({"§": "S", "$": "S"})
_SO_AS_DIGITS = {"86": "so", "56": "so"}


def _read_words(text: str) -> list[str]:
    """A line's words folded, a digit inside a word of letters read as the letter it looks like,
    a symbol OCR reads for an "S" as that "S"."""
    words = re.findall(r"\w+", fold(text.translate(_AS_S)))
    read = [w.translate(AS_LETTER) if re.search(r"[^\W\d_]", w) else w for w in words]
    # "SỐ" OCR read as two digits before "LIỆU" ("86 LIEU", "56 LIEU"): its "S" as an "8" or "5"
    # and its "Ố" as a "6"; a count before "liệu" prints no such pair.
    return [_SO_AS_DIGITS.get(w, w) if nxt == "lieu" else w for w, nxt in zip(read, [*read[1:], ""])]


def garbled_rows(doc: IngestedDocument, annexes: list[StatAnnex]) -> list[UnreadPart]:
    """Lines inside an annex read without its header that gave no row: the reader took them for an
    indicator's wrapped words, but wrapped words go on in lower case ("nhận", "quyết của UBND
    xã"), and these do not: rows whose code or figure OCR garbled ("L Ủ uệm CS CN Qadndsode"),
    one unread part per annex, so the rows missing from it are said."""
    by_number: dict[tuple[int | None, int], Line] = {
        (ln.page, ln.number): ln for page in doc.pages for ln in page.lines
    }
    parts: list[UnreadPart] = []
    for annex in annexes:
        lost: list[Line] = []
        for row in annex.rows:
            if COLUMNS_INFERRED not in row.flags or row.source.line_start is None or row.source.line_end is None:
                continue
            span = [by_number.get((row.source.page, n)) for n in range(row.source.line_start, row.source.line_end + 1)]
            for k, line in enumerate(span[1:], 1):
                if line is not None and _not_wrapped(line.text) and not _own_figure_line(row, line, span[:k]):
                    lost.append(line)
        if not lost:
            continue
        parts.append(
            UnreadPart(
                page=lost[0].page,
                kind="rows",
                reason=f"{len(lost)} line(s) of the statistics annex “{annex.title or annex.annex}”, read without "
                "its header, could not be read as rows (their code or figure was not legible)",
                text_sample=" / ".join(ln.text.strip() for ln in lost[:_SAMPLE_LINES]),
                page_end=lost[-1].page,
                line_start=lost[0].number,
                line_end=lost[-1].number,
            )
        )
    return parts


def lost_figure(row: StatRow, heads_rows: bool, confidence: float) -> StatRow:
    """A row of OCR'd lines printing its unit but no figure lost the figure's cell (a line does not
    show a blank cell as a grid does): flagged ``missing_value``, so the blank is doubted. So is a
    sub-row ("2.2", "3.1.b") with no figure and no row under it, whose unit OCR garbled with its
    figure ("Người °)"): a heading heads rows, a row of its own carries its figure; and a row whose
    indicator ends in a figure no cell took (unit and figure run into the words with a speck:
    "… trong kỳ Hồ sơ "692"): the figure was printed, not read. So is a row worded as a count or
    a share ("Số cán bộ … Nevoi", its unit garbled into its words), whatever it heads: a heading
    is worded as no count (``stat_headings``). The row was not read whole: its confidence is at
    most ``confidence``."""
    sub_row = bool(row.code) and "." in (row.code or "") and not heads_rows
    figure_left = _FIGURE_AT_END.search(row.indicator or "") is not None
    worded = count_worded(row.indicator or "")
    if row.value is None and (row.unit or sub_row or figure_left or worded) and not row.value_raw:
        return _told_lost(row, confidence)
    return _told_lost(row, confidence) if _lettered_figure(row) else row


def _told_lost(row: StatRow, confidence: float) -> StatRow:
    """The row flagged ``missing_value`` (its figure printed and lost), its confidence at most ``confidence``."""
    return replace(row, flags=[*row.flags, MISSING_VALUE], confidence=min(row.confidence, confidence))


def _lettered_figure(row: StatRow) -> bool:
    """A count's figure OCR read as letters ("3" as "ce", which the repair then wrote "có"): the row
    prints its unit, then in the value's place letters no number was made of. The figure was
    printed and lost, as one garbled with a digit is (``stat_garbled_figures``, which tells those);
    a coded answer's word ("Có" against a legend "Có = 1") is read by its legend, not left so."""
    raw = (row.value_raw or "").strip()
    return (
        row.value is None
        and "value_unparsed" in row.flags
        and bool(unit_key(row.unit))
        and "%" not in row.unit
        and bool(raw)
        and not re.search(r"\d", raw)
        and MISSING_VALUE not in row.flags
    )


def lost_wholes(rows: list[StatRow], confidence: float) -> list[StatRow]:
    """A row heading two or more parts, every one a count of one unit with its figure read, that
    opens as a count may (``opens_as_no_count`` says no heading's word stands first) and came out
    with no figure, unit or value cell: the parts' whole, its figure and unit printed and garbled
    into its words ("6.1 | Soho so TTHC da giai quyét -| Hose Gea": "Số hồ sơ … Hồ sơ 632", the
    opening glued past ``count_worded``). Flagged ``missing_value`` (told lost, and the sum of its
    parts may give it: ``reconcile.stat_derived``), its confidence at most ``confidence``. A
    heading over parts of other kinds (a count and its share, "Kết quả giải quyết …") is left."""
    kids: dict[str, list[StatRow]] = {}
    for r in rows:
        if r.parent:
            kids.setdefault(r.parent, []).append(r)
    out = []
    for r in rows:
        parts = kids.get(r.code or "", [])
        whole = (
            r.value is None
            and not (r.value_raw or "").strip()
            and not r.unit.strip()
            and MISSING_VALUE not in r.flags
            and len(parts) >= 2
            and all(p.value is not None and unit_key(p.unit) and "%" not in p.unit for p in parts)
            and all(same_unit(parts[0].unit, p.unit) for p in parts[1:])
            and not opens_as_no_count(r.indicator or "")
        )
        out.append(_told_lost(r, confidence) if whole else r)
    return out


def smeared_figures_lost(rows: list[StatRow], confidence: float) -> list[StatRow]:
    """The rows of an annex whose figures OCR smeared (read by its code column's order): each row
    with no figure lost it (flagged ``missing_value``, told), whatever its unit or wording OCR
    left, unless it heads rows and opens as no count or share does ("Kết quả giải quyết …"): a
    heading's blank is its own, a count's over its parts ("Số cán bộ …") was printed."""
    heads = {r.parent for r in rows if r.parent}
    return [
        replace(r, flags=[*r.flags, MISSING_VALUE], confidence=min(r.confidence, confidence))
        if r.value is None
        and not r.value_raw
        and MISSING_VALUE not in r.flags
        and not (r.code in heads and opens_as_no_count(r.indicator or ""))
        else r
        for r in rows
    ]


def layout_inferred(rows: list[StatRow], flag: str, confidence: float) -> list[StatRow]:
    """Rows of an annex whose layout was inferred (columns from the rows, or cells rejoined),
    flagged ``flag``, their confidence at most ``confidence``: their figures are weighed in the
    review queue. Not a heading's: a blank row heading rows read under it, worded as no count or
    share opens (``opens_as_no_count``), prints no figure, and its blank is no figure to weigh."""
    heads = {r.parent for r in rows if r.parent}
    return [
        replace(r, flags=[*r.flags, flag])
        if _blank_heading(r, r.code in heads)
        else replace(r, confidence=min(r.confidence, confidence), flags=[*r.flags, flag])
        for r in rows
    ]


def _blank_heading(row: StatRow, heads_rows: bool) -> bool:
    printed = row.value is not None or row.value_raw.strip() or row.unit.strip() or MISSING_VALUE in row.flags
    return heads_rows and not printed and opens_as_no_count(row.indicator)


def lost_figure_rows(annexes: list[StatAnnex], part: UnreadPart) -> list[tuple[int, int]] | None:
    """(annex, row) of each row a ``lost_figures`` part names, or None when ``part`` is no such
    part or its rows are no longer found as it names them (then it is told as a whole)."""
    if not part.reason.startswith(LOST_FIGURES_REASON):
        return None
    for ai, annex in enumerate(annexes):
        if annex.read_from != "lines":
            continue
        lost = [(ri, r) for ri, r in enumerate(annex.rows) if r.value is None and MISSING_VALUE in r.flags]
        if not lost or (lost[0][1].source.page, lost[0][1].source.line_start) != (part.page, part.line_start):
            continue
        return [(ai, ri) for ri, _ in lost] if part.reason.startswith(_lost_opening(annex, len(lost))) else None
    return None


def _lost_opening(annex: StatAnnex, rows: int) -> str:
    return f"{LOST_FIGURES_REASON} of {rows} row(s) of the statistics annex “{annex.title or annex.annex}” "


def lost_figure_said(annex: StatAnnex, row: StatRow) -> str:
    """What a row's own review entry says of its figure the text lost, with the figure its
    group's sum implies when it gives one."""
    return f"{LOST_FIGURES_REASON} is not in the text (OCR lost it){_implied(row, annex.rows)}"


def lost_figures(annexes: list[StatAnnex]) -> list[UnreadPart]:
    """Figures an annex read from OCR'd lines prints but the text lost (rows flagged
    ``missing_value`` by ``stat_lines``: a line shows no blank cell as a grid does). One ``rows``
    part per annex names them; where the row's group gives it (the whole less its other parts),
    the figure the annex's sum implies is said beside it, for the reviewer: told, never read,
    since the text does not print it."""
    parts: list[UnreadPart] = []
    for annex in annexes:
        if annex.read_from != "lines":
            continue
        lost = [r for r in annex.rows if r.value is None and MISSING_VALUE in r.flags]
        if not lost:
            continue
        said = [f"{r.code or r.indicator[:30]}{_implied(r, annex.rows)}" for r in lost]
        parts.append(
            UnreadPart(
                page=lost[0].source.page,
                kind="rows",
                reason=lost_figures_reason(annex, said),
                text_sample=" / ".join(r.indicator[:60] for r in lost[:_SAMPLE_LINES]),
                page_end=lost[-1].source.page,
                line_start=lost[0].source.line_start,
                line_end=lost[-1].source.line_end,
            )
        )
    return parts


_LOST_TAIL = "is not in the text (OCR lost it): "
_LOST_COUNT = lazy_compile(r" of (\d+) row\(s\) ")


def lost_figures_reason(annex: StatAnnex, said: list[str]) -> str:
    """A ``lost_figures`` part's reason: the annex, then each row said ("2.1 (by its group's sum: 7)")."""
    return f"{_lost_opening(annex, len(said))}{_LOST_TAIL}{', '.join(said)}"


def lost_figures_named(annex: StatAnnex, reason: str) -> list[tuple[str, str]] | None:
    """(code, as said) of each row a ``lost_figures`` reason of ``annex`` names; None when it is no
    such reason or does not name its rows by code one by one (an indicator said for a code)."""
    m = _LOST_COUNT.search(reason)
    if m is None:
        return None
    opening = _lost_opening(annex, int(m.group(1))) + _LOST_TAIL
    if not reason.startswith(opening):
        return None
    said = reason[len(opening) :].split(", ")
    if len(said) != int(m.group(1)):
        return None
    return [(item.split(" (")[0], item) for item in said]


def _implied(row: StatRow, rows: list[StatRow]) -> str:
    """The words " (by its group's sum: 7)" when the row's whole and its other parts (same unit, read) give
    its figure, else "". A share ("Tỷ lệ …", its "%" read into its words) is no part of its group's
    sum, whatever unit OCR left it: the whole less the counts beside it is no figure of it."""
    if worded_as_share(row.indicator or ""):
        return ""
    whole = next((r for r in rows if r.code and r.code == row.parent), None)
    unit = unit_key(whole.unit) if whole is not None else ""
    if whole is None or whole.value is None or not unit or unit_key(row.unit) not in ("", unit):
        return ""  # (a row whose unit OCR lost with its figure is its whole's part as its siblings)
    others = [r for r in rows if r is not row and r.parent == row.parent and unit_key(r.unit) == unit]
    if not others or any(r.value is None for r in others):
        return ""
    rest = whole.value - sum(r.value or 0.0 for r in others)
    if rest < 0 or not float(rest).is_integer():
        return ""
    return f" (by its group's sum: {int(rest)})"


def _own_figure_line(row: StatRow, line: Line, before: list[Line | None]) -> bool:
    """Whether ``line`` is where the row's words wrapped to and its figure was printed: it holds
    the figure the row read and none of the row's lines before it holds a figure. A row prints one
    figure, so a line the row's own words end on with it is no other row's, whatever letter OCR
    made of the wrapped word that opens it ("In ng ....... 65,67 %" for "trình ....... 65,67 %")."""
    figure = row.value_raw.strip()
    if not figure or figure not in line.text:
        return False
    return not any(ln is not None and _FIGURE_IN.search(_LINE_CODE.sub("", ln.text)) for ln in before)


# A figure anywhere on a line, not a year ("năm 2024" is a name's), and the code opening a row's
# line ("3.2. Tỷ lệ …", "a) Số …"), which is no figure.
_FIGURE_IN = lazy_compile(r"(?<![\w/.,-])(?!(?:19|20)\d\d\b)\d[\d.,]*(?![\w/])")
_LINE_CODE = lazy_compile(r"^\W*(?:\d{1,2}(?:[.,]\d{1,2}){0,2}[.,)]?|[a-zđ]\))\s")


def _not_wrapped(text: str) -> bool:
    """A line that is no indicator's wrapped words: it does not go on in lower case, nor with an
    abbreviation the words wrapped at ("Tỷ lệ hoàn thành Kế hoạch" / "CCHC năm", a speck before
    it: "_CCHC năm vụ") and words in lower case after it."""
    words = [w.strip("_-—~'‘’`.,:;") for w in re.split(r"[\s|]+", text) if any(c.isalnum() for c in w)]
    words = [w for w in words if w]
    if not words or words[0][0].islower():
        return False
    return not (_ABBREVIATION.fullmatch(words[0]) and any(w[0].islower() for w in words[1:]))


# An abbreviation of a commune's texts in capitals ("CCHC", "TTHC", "UBND", "HĐND"): three letters
# or more, none a digit (a row's code garbled is one or two letters, or letters and digits).
_ABBREVIATION = lazy_compile(r"\p{Lu}{3,6}")


def unread_annexes(
    doc: IngestedDocument,
    annexes: list[StatAnnex],
    known: list[UnreadPart],
    upper_share: float = 0.8,
    others: list[SourceRef] | None = None,
) -> list[UnreadPart]:
    """Statistics forms whose title a text page prints (upper case, as a form's title is) with no
    annex read after it and no other unread part there: the form's rows were lost (a header OCR
    garbled, a grid read as noise), which is said, not dropped. So is an annex's label ("Phụ lục
    2", "Biểu số 1") whose title OCR garbled past knowing, when coded lines with figures follow it
    (``_annex_rows_follow``) and no rows of any table (``others``: score and task rows) were read
    after it."""
    parts: list[UnreadPart] = []
    for page in doc.pages:
        if page.method not in LINE_METHODS:
            continue
        lines = [ln for ln in page.lines if ln.text.strip()]
        # (an annex's rows the next page carries on under "(tiếp theo)" are its rows too)
        window = lines + continued_on_next_page(doc, page)
        for k, line in enumerate(lines):
            titled = is_form_title(line.text, upper_share)
            if not titled and not _label_over_rows(window, k, upper_share):
                continue
            after = [ln.number for ln in lines[k + 1 :]]
            if not after:
                continue
            if any(
                _after(r.source.page, r.source.line_start, page.number, line.number) for a in annexes for r in a.rows
            ):
                continue
            if any(_after(p.page, p.line_start, page.number, line.number) for p in [*known, *parts]):
                continue
            if not titled and any(_after(s.page, s.line_start, page.number, line.number) for s in others or []):
                continue
            what = "statistics form" if titled else "annex"
            parts.append(
                UnreadPart(
                    page=page.number,
                    kind="table",
                    reason=f"{what} “{line.text.strip()}” printed, but none of its rows could be read "
                    "(its header or its lines were not legible)",
                    text_sample=" / ".join(ln.text for ln in lines[k : k + 6]),
                    line_start=line.number,
                    line_end=after[-1],
                )
            )
    return parts


# An annex's label on a line of its own ("Phụ lục 2", "¡ Phụ lục 1", "Biểu số 01"), accent-free.
_ANNEX_LABEL_LINE = lazy_compile(r"^\W{0,3}(?:phu\s*luc|bieu\s*(?:mau\s*)?so)\s*[:.]?\s*[0-9ivx]{1,4}\W{0,3}$")
# Lines after a label looked at for its rows; coded lines with a figure that make them an annex's.
_LABEL_WINDOW = 40
_LABEL_MIN_ROWS = 3
_TITLE_AFTER_LABEL = 4
_ROW_CODE = lazy_compile(r"^\d{1,2}(?:[.,]\d{1,2}){0,2}[.,]?$")
_ROW_FIGURE = lazy_compile(r"^\d{1,3}(?:[.,]\d{1,3})?%?$")


def _label_over_rows(lines: list[Line], k: int, upper_share: float) -> bool:
    """Whether line ``k`` is an annex's label with no form title right under it (OCR garbled the
    title, or printed none) and coded lines with figures below it (``_LABEL_MIN_ROWS`` lines,
    before the next label, each opening with a code, a figure standing alone after it): an
    annex's rows, not a mention ("số liệu tại Phụ lục kèm theo" is no label on its own line)."""
    if _ANNEX_LABEL_LINE.match(fold(lines[k].text).strip()) is None:
        return False
    if any(is_form_title(ln.text, upper_share) for ln in lines[k + 1 : k + 1 + _TITLE_AFTER_LABEL]):
        return False  # the title says it (``unread_annexes``' first case)
    rows = 0
    for line in lines[k + 1 : k + 1 + _LABEL_WINDOW]:
        if _ANNEX_LABEL_LINE.match(fold(line.text).strip()):
            break
        tokens = [t.strip("|[](){}_—-–.:;'‘’`\"") or t for t in re.split(r"[\s|]+", line.text) if t.strip("|[]_—-")]
        if len(tokens) > 2 and _ROW_CODE.match(tokens[0]) and any(_ROW_FIGURE.match(t) for t in tokens[2:]):
            rows += 1
    return rows >= _LABEL_MIN_ROWS


def _after(page: int | None, line: int | None, title_page: int, title_line: int) -> bool:
    """Whether an item (page, line) lies after a title on its page or on a later page."""
    if page is None:
        return False
    return page > title_page or (page == title_page and line is not None and line > title_line)


def outside_annexes(tables: list[ScoreTable], annexes: list[StatAnnex], share: float = 0.8) -> list[ScoreTable]:
    """The score tables read from lines that are not the lines of an annex read from lines: both
    readers looked at the same rows ("Công khai thủ tục hành chính" / "2.1" / "Thủ tục" / "135" of
    a sparse dump), and the annex, found by its header or its form title, its units and its
    figures, is what they print: a score table with ``share`` of its rows inside it is dropped."""
    spans = [
        (min(_at(r.source) for r in a.rows), max(_at(r.source, end=True) for r in a.rows))
        for a in annexes
        if a.read_from == "lines" and a.rows
    ]
    return _outside(tables, spans, share)


def annexes_outside_scores(annexes: list[StatAnnex], tables: list[ScoreTable], share: float = 0.8) -> list[StatAnnex]:
    """The annexes but those read from lines by columns inferred from their rows alone (no header
    naming a unit or a figure column: ``COLUMNS_INFERRED`` on every row) with ``share`` of their
    rows on the lines a score table's rows were read from: a score table's page whose header was
    printed again ("TT | Tiêu chí | Điểm tối đa | Điểm tự chấm"), its rows' points taken for an
    annex's figures ("3.3 Tiếp nhận, xử lý phản ánh, kiến 3 3 Đã ban hành …"). The score rows,
    read under their own header with their maxima and scores, are what the lines print; the annex
    read over them is no second table (its "lost" figures no loss). ``outside_annexes`` runs
    first: a score table lying inside an annex is the annex's, misread, and leaves no rows here."""
    spans = [
        (_at(r.source), _at(r.source, end=True))
        for t in tables
        if t.read_from == "lines"
        for r in t.rows
        if r.source.line_start is not None
    ]
    kept: list[StatAnnex] = []
    for annex in annexes:
        rows = [r for r in annex.rows if r.source.line_start is not None]
        inferred = bool(rows) and all(COLUMNS_INFERRED in r.flags for r in annex.rows)
        inside = sum(1 for r in rows if any(lo <= _at(r.source) <= hi for lo, hi in spans))
        if annex.read_from == "lines" and inferred and inside >= share * len(rows):
            continue
        kept.append(annex)
    return kept


def outside_statements(
    tables: list[ScoreTable], statements: list[ScoreStatement], share: float = 0.8
) -> list[ScoreTable]:
    """The score tables read from lines that are not the sentences the score statements were read
    from: a report stating its scores in prose ("2. Xây dựng … (lĩnh vực 2): tự chấm 2,5/4,5
    điểm, trong đó: tiêu chí 2.1 … đạt 1,25/2,5 điểm; …"), OCR'd, opens lines with a field's
    number and ends them with a clause's figures, which the score-line reader takes for rows. The
    statements, found by their wording, are what the lines print: a score table with ``share`` of
    its rows inside their sentences is dropped (the clauses not read as statements are told by
    ``unread_statements``)."""
    spans = [(_at(st.source), _at(st.source, end=True)) for st in statements if st.source.line_start is not None]
    # (an OCR'd page's paragraph is one line joined from its printed lines, numbered by its first:
    # the sentence's box, not its line numbers, says which printed lines it covers)
    boxes = [st.source for st in statements if st.source.bbox and st.source.page is not None]
    return _outside(tables, spans, share, boxes)


def outside_tasks(tables: list[ScoreTable], tasks: list[TaskTable], share: float = 0.8) -> list[ScoreTable]:
    """The score tables but those read over a task table's rows that read no figure at all: a
    plan's framework on a scan ("TT | Nội dung nhiệm vụ | Sản phẩm | Thời hạn" and its units'
    columns marked by letters) gives the score reader coded lines with names and no points, and
    the task reader, found by its header, reads the same lines as its tasks. A score table with
    no maximum and no score in any row, ``share`` of its rows inside a task table's lines, is
    that plan read twice: its rows were invented, each blank queued (seed 18001's S33 plan scan:
    17 such rows, 9 review entries on a document with no wrong value). A score table with one
    figure read is kept: its points are the document's."""
    spans = [
        (min(_at(r.source) for r in t.rows), max(_at(r.source, end=True) for r in t.rows))
        for t in tasks
        if t.rows and all(r.source.line_start is not None for r in t.rows)
    ]
    return [t for t in tables if not (_no_figure(t) and _mostly_inside(t, spans, share))]


def _no_figure(table: ScoreTable) -> bool:
    """Whether no row of a score table read a maximum or a score."""
    return all(r.max_points is None and r.self_points is None and r.appraised_points is None for r in table.rows)


def _outside(
    tables: list[ScoreTable],
    spans: list[tuple[tuple[int, int], tuple[int, int]]],
    share: float,
    boxes: list[SourceRef] | None = None,
) -> list[ScoreTable]:
    """The tables but those read from lines with ``share`` of their rows inside the ``spans``, or
    inside the ``boxes`` (a row whose box's middle lies within one's height, on its page)."""
    return [t for t in tables if not (t.read_from == "lines" and _mostly_inside(t, spans, share, boxes))]


def _mostly_inside(
    table: ScoreTable,
    spans: list[tuple[tuple[int, int], tuple[int, int]]],
    share: float,
    boxes: list[SourceRef] | None = None,
) -> bool:
    """Whether ``share`` of a table's rows placed on lines lie inside the ``spans`` or the ``boxes``."""
    rows = [r for r in table.rows if r.source.line_start is not None]
    inside = sum(
        1
        for r in rows
        if any(lo <= _at(r.source) <= hi for lo, hi in spans) or any(_within(r.source, b) for b in boxes or [])
    )
    return bool(rows) and inside >= share * len(rows)


def _within(source: SourceRef, box: SourceRef) -> bool:
    """Whether a row's box stands within another's lines: same page, its middle inside its height."""
    if source.bbox is None or box.bbox is None or source.page != box.page:
        return False
    middle = (source.bbox[1] + source.bbox[3]) / 2
    return box.bbox[1] <= middle <= box.bbox[3]


def _at(source: SourceRef, end: bool = False) -> tuple[int, int]:
    line = source.line_end if end and source.line_end is not None else source.line_start
    return source.page or 0, line or 0


def specks_told(rows: list[StatRow], specks: list[JoinedRow]) -> list[StatRow]:
    """The rows read, each one above a dropped line of specks (``stat_lines._worded_rows``) reaching down over
    it, so that its lines are told (``garbled_rows``: a row OCR smeared whole), never dropped
    silently."""
    out = list(rows)
    for speck in specks:
        above = [
            k
            for k, r in enumerate(out)
            if r.source.page == speck.page and (r.source.line_start or 0) < speck.line_start
        ]
        if above:
            source = out[above[-1]].source
            line_end = max(source.line_end or 0, speck.line_end or speck.line_start)
            out[above[-1]] = replace(out[above[-1]], source=replace(source, line_end=line_end))
    return out
