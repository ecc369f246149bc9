"""A score table a report announces that OCR garbled past every other tell.

A self-assessment report leads into its score table with a sentence of its own ("… UBND xã báo
cáo kết quả tự đánh giá, chấm điểm như sau:"). When OCR leaves of the table only scraps (a
header's "tối đa chấm", a cell's "UBND ngày 6/12/2023", a name's wrapped "quy phạm pháp luật tại
tỉnh"), nothing is shaped like a row, no codes run in order, no criterion's name opens a line and
no header names its criterion column: every other tell needs one of these, and the whole table
was lost without a word.

What the scraps still show is the table's place: under the sentence announcing scores, up to the
signature block, lines of which none gave an item and one at least names a points column ("tối
đa", "tự chấm"; ``line_header``'s words), or several open the criteria's wordings in a criteria
set's order (``set_align.best_alignment``: "Công tác chỉ đạo, điều hành …", "Cải cách thủ tục
hành chính …", the header and every code and figure garbled). Prose under such a sentence (a
narrative report) names no points column and follows no set's wordings line by line, and a table
read under it is read (its lines, or a grid set among them that gave rows): neither is told. A
table told here is a region ``set_rows`` recovers the rows of, by the same set's order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from extract.model import IngestedDocument, Line, Page, Table
from extract.segment.line_header import HEADER_POINTS, header_concepts
from extract.segment.set_align import best_alignment
from extract.segment.set_rows import SetRowSettings
from extract.segment.unread_rows import LINE_METHODS, is_body_end
from normalize.lazy_regex import lazy_compile
from normalize.text import fold
from schemas.records import UnreadPart


@dataclass(frozen=True)
class UnreadAnnouncedSettings:
    # Lines under the announcing sentence looked at, up to the signature block: a page's table.
    body_lines: int = 40
    # Lines before the one ending "như sau:" that may hold the sentence's words on scores.
    sentence_lines: int = 2
    # With no points column named, at least this many lines open criteria's wordings in a set's
    # order (the set chosen as ``set_rows`` chooses it, clearly the best): the table's rows, whose
    # codes and figures OCR garbled (two lines alike by chance are no table).
    min_criteria_lines: int = 3
    # Lines a header's words wrap over, read joined from a line that names one of its columns.
    header_lines: int = 3
    # A table read under the sentence that gave at most this many rows, while at least
    # ``min_unread_lines`` lines under it gave nothing and some name its points columns, is a table
    # OCR garbled but for a row: its lines are told too (the row read stays; two rows read of a short
    # table whose other lines OCR garbled are told by the other accounts, their numbering).
    few_rows: int = 1
    min_unread_lines: int = 12


# The sentence's end, "… như sau:" (folded; OCR may leave specks after it). An OCR trained on
# Latin letters alone has no "ư": it writes the letters it looks most like, one or two of "u",
# "v", "w" ("nhv sau:", "nhw sau:", "nhvw sau:", "nhuv sau:"), as it writes "ty danh gia" for
# "tự đánh giá", or none ("nh sau:": no word is "nh"). A speck read as a letter of its own may
# stand between the words ("nhự s sau:", the "s" of "sau" printed twice by a smudge).
_AS_FOLLOWS = lazy_compile(r"\bnh[uvw]{0,2}(\s+[a-z])?\s*sau\s*:")
# Its words on scores: "tự đánh giá, chấm điểm", "kết quả chấm điểm" (folded).
_SCORES = lazy_compile(r"\bcham\s*diem\b|\bt[uvwy]\s*danh\s*gia\b")


def unread_announced_tables(
    doc: IngestedDocument,
    is_read: Callable[[Line, int], bool],
    settings: UnreadAnnouncedSettings = UnreadAnnouncedSettings(),
    row_read: Callable[[Line, int], bool] | None = None,
    row_start: Callable[[Line, int], bool] | None = None,
) -> list[UnreadPart]:
    """One ``table`` part per sentence announcing scores on a line page (an OCR dump, an OCR'd
    page) under which no line gave an item and some line names a points column
    (``is_read(line, page)``: whether an item came from a line), or under which no line gave a
    table's row (``row_read``; ``is_read`` when None) and several lines open the criteria's
    wordings in a set's order: a count read from the table's explanation cell ("Chưa hoàn thành
    16/19 nhiệm vụ") is no row of it. ``row_start``: whether a table's row starts on a line (a
    row's name may run on over lines OCR garbled, which then gave no row of their own)."""
    parts = []
    pages = [page for page in doc.pages if page.method in LINE_METHODS]
    for at, page in enumerate(pages):
        lines = [ln for ln in page.lines if ln.text.strip()]
        for i, line in enumerate(lines):
            if not _announces_scores(lines[max(i - settings.sentence_lines, 0) : i + 1]):
                continue
            placed = _body_under(pages[at:], i + 1, settings.body_lines)
            body = [ln for _, ln in placed]
            read = row_read or is_read
            if body and any(read(ln, number) for number, ln in placed):
                starts = row_start or read
                rows = [ln for number, ln in placed if starts(ln, number)]
                # (a line another item came from, not a table's row: a count, a statement)
                unread = [(n, ln) for n, ln in placed if not starts(ln, n) and (read(ln, n) or not is_read(ln, n))]
                few = _few_rows_read(line, unread, rows, settings)
                parts.extend([few] if few is not None else [])
                continue
            if not body:
                continue
            if any(
                _grid_read_under(p.tables, line.number if p is page else 0, until, p.number, row_read or is_read)
                for p, until in _last_lines(pages[at:], placed)
            ):
                continue
            named = _header_points(body, settings.header_lines)
            if named and any(is_read(ln, number) for number, ln in placed):
                # (an item read under the sentence, a count of the explanation cell's "Chưa hoàn
                # thành 2/9 nhiệm vụ", leaves the header's words no tell of their own: the
                # criteria's wordings in a set's order still are)
                named = set()
            opened = [] if named else _criteria_opened(body)
            if not named and len(opened) < settings.min_criteria_lines:
                continue
            shown = (
                f"some naming its points columns ({', '.join(sorted(named))})"
                if named
                else f"some opening the criteria {', '.join(opened)} of the criteria set in its order"
            )
            last_page = placed[-1][0]
            parts.append(
                UnreadPart(
                    page=page.number,
                    kind="table",
                    reason=f"a score table announced ({_quoted(line)}) gave no row: {len(body)} lines under it, "
                    f"{shown}, were not read (garbled by OCR)",
                    text_sample=" / ".join(ln.text.strip() for ln in body),
                    page_end=last_page if last_page != page.number else None,
                    line_start=body[0].number,
                    line_end=body[-1].number,
                )
            )
    return parts


def _few_rows_read(
    line: Line, unread: list[tuple[int, Line]], rows: list[Line], settings: UnreadAnnouncedSettings
) -> UnreadPart | None:
    """The lines under the announcing sentence that started no row, when a row was all the
    table gave and its header's words name its points columns among them: OCR garbled the rest
    (a dump of a merged points column whose every line lost its code and figures), not told by any
    other account (no code, figure or criterion's opening is left on them)."""
    if len(rows) > settings.few_rows or len(unread) < settings.min_unread_lines:
        return None
    named = _header_points([ln for _, ln in unread], settings.header_lines)
    if not named:
        return None
    lines = [ln for _, ln in unread]
    first, last = unread[0][0], unread[-1][0]
    return UnreadPart(
        page=first,
        kind="rows",
        reason=f"a score table announced ({_quoted(line)}) gave {len(rows)} row(s) only: {len(lines)} lines "
        f"under it, some naming its points columns ({', '.join(sorted(named))}), were not read (garbled by OCR)",
        text_sample=" / ".join(ln.text.strip() for ln in lines),
        page_end=last if last != first else None,
        line_start=lines[0].number,
        line_end=lines[-1].number,
    )


def _body_under(pages: list[Page], start: int, most: int) -> list[tuple[int, Line]]:
    """The lines under the announcing sentence (from line ``start`` of the first page), up to the
    signature block or ``most`` lines, each with its page: a table runs on over the page's end
    (a dump's form feed), its header or rows on the next page."""
    body: list[tuple[int, Line]] = []
    for k, page in enumerate(pages):
        lines = [ln for ln in page.lines if ln.text.strip()]
        for after in lines[start if k == 0 else 0 :]:
            if len(body) >= most or is_body_end(fold(after.raw or after.text).lstrip("_ ")):  # ("__ Nơi nhận:")
                return body
            body.append((page.number, after))
    return body


def _last_lines(pages: list[Page], placed: list[tuple[int, Line]]) -> list[tuple[Page, int]]:
    """Each page the body lies on with the number of its last line there."""
    last: dict[int, int] = {}
    for number, ln in placed:
        last[number] = ln.number
    return [(p, last[p.number]) for p in pages if p.number in last]


def _grid_read_under(
    tables: list[Table], after: int, until: int, page: int, row_read: Callable[[Line, int], bool]
) -> bool:
    """Whether a grid set between the announcing sentence and the body's last line gave a row: the
    table announced was read from its grid, and the lines around it (a frame's caption "KẾT QUẢ
    TỰ ĐÁNH GIÁ …" above, its note "(Tài liệu kiểm chứng …)" below) are no scraps of it."""
    for table in tables:
        if after < table.line_start <= until:
            span = range(table.line_start, max(table.line_end, table.line_start) + 1)
            if any(row_read(Line(text="", page=page, number=k), page) for k in span):
                return True
    return False


def _announces_scores(sentence: list[Line]) -> bool:
    """Whether the last line ends a sentence "… như sau:" whose words (on it or the lines before)
    speak of scores."""
    last = fold(sentence[-1].raw or sentence[-1].text)
    if not _AS_FOLLOWS.search(last):
        return False
    return any(_SCORES.search(fold(ln.raw or ln.text)) for ln in sentence)


def _header_points(body: list[Line], most: int) -> set[str]:
    """The points columns the body's lines name, each line alone or, from a line naming a column
    of a header (its criterion column, its points), with the ``most`` lines it opens joined: a
    header's words wrap over its lines ("Điểm" / "chuẩn | tự đánh" / "giá"), each column's on
    several, so no line alone need name one."""
    named: set[str] = set()
    for k, line in enumerate(body):
        named |= _points_named(line)
        if header_concepts(line.raw or line.text):
            joined = " ".join(ln.raw or ln.text for ln in body[k : k + most])
            named |= header_concepts(joined) & set(HEADER_POINTS)
    return named


def _points_named(line: Line) -> set[str]:
    """The points columns a line names by a header's words ("tối đa", "tự chấm"); the looser keyed
    reading (a header's pieces, "chuẩn UBND") would find them in prose ("xã … đạt kết quả")."""
    return header_concepts(line.raw or line.text) & set(HEADER_POINTS)


def _criteria_opened(body: list[Line]) -> list[str]:
    """The codes of the criteria whose wordings the lines open, in the order of the criteria set
    they follow best (none when two sets fit alike)."""
    aligned, used = best_alignment(body, None, set(), None, None, SetRowSettings())
    return [a.crit.code for a in aligned] if used is not None else []


def _quoted(line: Line, chars: int = 40) -> str:
    text = " ".join(line.text.split())
    return f"“…{text[-chars:]}”" if len(text) > chars else f"“{text}”"
