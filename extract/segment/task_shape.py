"""A task framework's columns read from its rows' own shape, when no header line can be found (OCR
garbled or lost it). A task grid's row prints every column's first words on its first line (cells
are top-aligned): a leading number (or what OCR made of it), the task's opening words, and then,
in the grid's column order, a product ("Kế hoạch", "Báo cáo"), a deadline ("Quý III/2026",
"Thường xuyên", "Trước ngày …"), the lead unit and the coordinating ones ("UBND xã", "Công chức
…", "Các ngành …"), a criterion code ("2.3"). Several consecutive rows of that shape, in one
consistent order, are a task table; its columns are named from what each cell holds.

An invented task row is worse than one told: the run must be long enough, every row of it must
name a unit and a deadline on its first line, and the order of the cells must agree over most of
its rows; what this does not read stays told (``unread_tasks``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

import regex as re

from normalize.lazy_regex import lazy_compile
from normalize.units import deadline_status, unit_status
from schemas.records import TaskRow


@dataclass(frozen=True)
class TaskShapeSettings:
    # Rows of the shape, at least, before a run is a task table (a plan's numbered aims may show
    # a unit and a year in two or three of them).
    min_rows: int = 4
    # Lines from one row's first line to the next's, at most (a row's wrapped cells).
    max_gap: int = 8
    # A cell kind is a column when this share of the run's rows print it on their first line.
    column_share: float = 0.5
    # The run's rows whose cells print in the order chosen, at least (a row whose task words hold
    # a product's or a unit's word misplaces one cell; most rows must agree).
    order_share: float = 0.7
    # Inside a run, a row whose first line shows its number, its task's opening and this many of
    # the table's other cells, in the columns' order, is a row though OCR garbled a unit or a
    # deadline's word.
    loose_cells: int = 3
    # The rows read must keep what their first lines showed: a row's task read opens with its
    # first line's first task words (five, or to the next cell's opening) in at least this share of the rows the
    # run's lines opened, else the split went astray (OCR read the grid as one block, its columns'
    # lines interleaved) and the table stays told, not read into invented rows.
    kept_share: float = 0.8
    # Cells besides the task a table's rows print, at least (a numbered aim of prose may name a
    # unit and a time; a grid row lays out three cells or more beside its task)…
    min_columns: int = 3
    # …and the share of its rows, at least, whose cells wrap onto a next line (a grid's columns are
    # narrow; a numbered sentence runs the page's width).
    wrapped_share: float = 0.5
    # The rows read whose cells show another column's grammar, at most (a deadline's opening in a
    # task past its first words or in a product, a unit in a product, a deadline or unit cell that
    # opens as one and then breaks): past this share OCR interleaved the grid's lines (one block,
    # psm 6: a row's cells took other rows' wrapped lines) and the run stays told. Seed 501's
    # degraded P04 plan read 7 of 9 rows astray under psm 6, 2 of 13 under psm 4.
    astray_share: float = 0.34


# A row's number opening its first line, as printed or as OCR garbled it: digits, or at most two
# short tokens holding a digit or a digit's look-alike ("1 |", "2_ |", "I1 .1", "4l i35", "I6”"),
# a criterion code's cell after it or not ("2 12.4 | Công bố …", the bar OCR read as "1"), then
# the task's first words (a capital, a lower-case word after it).
_NUMBER = lazy_compile(
    r"^\s*[^\p{L}\p{N}\s]{0,2}(?:\d{1,2}(?![\d,/])|(?=\S{0,4}[\dIl|])\S{1,5}(?:\s+\S{1,5})??)"
    r"(?P<code>[\s|._)\]:-]*\d{1,2}[.,]\d{1,2}\.?)?[\s|._)\]:-]*(?=\p{Lu}\p{Ll}*,?\s+\p{Ll})"
)
# Each kind's opening words as a row's first line prints them (capitalised: a cell's first word).
_OPENINGS = {
    "deadline": lazy_compile(
        r"(?<![\p{L}\p{N}])(?:Tháng|Quý|Cả ?năm|Trước ngày|Thường|Hằng|Hàng|Định kỳ|"
        r"\d{1,2}/\d{1,2}/\d{4}|\d{1,2}/\d{4})(?![\p{L}])"
    ),
    "unit": lazy_compile(
        r"(?<![\p{L}])(?:Công chức|Phòng|Bộ phận|Văn phòng|Công an|UBND|UBMTTQ|Ủy ban|Ban|Các|Chủ tịch|"
        r"Phó Chủ tịch|Đảng ủy|Đoàn|Hội|Trạm|Trường)(?![\p{L}])"
    ),
    "product": lazy_compile(
        r"(?<![\p{L}])(?:Kế hoạch|Báo cáo|Quyết định|Văn bản|Công văn|Thông báo|Biên bản|Hồ sơ|Danh mục|"
        r"Trang thông tin|Tờ trình|Kết quả|Sổ|Chương trình|Hướng dẫn|Đề án|Quy chế|Bản|Tài liệu)(?![\p{L}])"
    ),
    "criterion_code": lazy_compile(r"(?<![\p{L}\p{N}.,/])\d\.\d{1,2}(?![\d/,])"),
}


def cells_at(text: str, codes: bool) -> int:
    """Where a row's cells start on its first line (of a row's shape): at the codes' cell when
    the table has a codes column (``codes``), else at the task's."""
    m = _NUMBER.match(text)
    if m is None:
        return 0
    return m.start("code") if codes and m.group("code") else m.end()


def row_cells(text: str, strict: bool = True) -> list[tuple[str, str]] | None:
    """The cells a row's first line prints, left to right (task first), each as (kind, its words
    up to the next cell's opening), or None when the line has not a row's shape: a number, a
    task's opening words, a unit and a deadline (``strict``; else any cell after the task). Of
    the units, the first is the lead's, the next the coordinators'."""
    m = _NUMBER.match(text)
    if m is None:
        return None
    rest = text[m.end() :]
    # The task's own opening words are the task's (a task may open "Xây dựng Kế hoạch …").
    opening = re.match(r"\S+\s+\S+", rest)
    start = opening.end() if opening else 0
    found: list[tuple[int, str]] = [(0, "task")]
    if m.group("code"):  # the codes' column before the task's
        found.append((-1, "criterion_code"))
    for kind, pattern in _OPENINGS.items():
        at = [h.start() for h in pattern.finditer(rest, start)]
        if kind == "unit":
            found += list(zip(at[:2], ("lead", "coordinator"), strict=False))
        elif at:
            found.append((at[0], kind))
    found.sort()
    kinds = [k for _, k in found]
    if ("lead" not in kinds or "deadline" not in kinds) if strict else len(kinds) < 2:
        return None
    ends = [at for at, _ in found[1:]] + [len(rest)]
    return [
        (kind, m.group("code").strip(" |._)]:-") if at < 0 else rest[at:end].strip(" |_"))
        for (at, kind), end in zip(found, ends, strict=True)
    ]


@dataclass
class ShapedRun:
    start: int  # index of the run's first row's first line
    end: int  # index of its last row's first line
    columns: list[str]  # the table's columns (no "code": the rows' numbers)
    # each column's words on each row's first line, as far as the next cell's opening (its cell
    # when the openings were read right, and never wider than its column but for a misplaced one)
    parts: list[list[str]]
    rows: list[int]  # index of each row's first line
    tasks: dict[int, str] = field(default_factory=dict)  # each row's first-line task words, by line index


def shaped_run(texts: list[str], settings: TaskShapeSettings = TaskShapeSettings()) -> ShapedRun | None:
    """The longest run of rows of a task grid's shape (``row_cells``) among lines ``texts`` (as
    OCR printed them) whose cells print in one order, with the columns named from them; None when
    there is none long enough."""
    best: ShapedRun | None = None
    run: list[tuple[int, list[tuple[str, str]]]] = []
    for k, text in enumerate(texts):
        cells = row_cells(text)
        if cells is not None and run and k - run[-1][0] > settings.max_gap:
            best = _better(texts, best, run, settings)
            run = []
        if cells is not None:
            run.append((k, cells))
    best = _better(texts, best, run, settings)
    return None if best is None else _with_loose_rows(texts, best, settings)


def _with_loose_rows(texts: list[str], run: ShapedRun, settings: TaskShapeSettings) -> ShapedRun:
    """The run with the rows inside it (or just below) whose first line OCR garbled one cell of
    ("[Ca năm" for "Cả năm"): a number, a task's opening and at least ``loose_cells`` of the
    table's other cells, in its columns' order."""
    rows = set(run.rows)
    last = min(len(texts), run.end + settings.max_gap + 1)
    for k in range(run.start + 1, last):
        if k in rows or k - 1 in rows:
            continue
        cells = row_cells(texts[k], strict=False)
        kinds = [kind for kind, _ in cells or []]
        if len(kinds) - 1 < settings.loose_cells or kinds != [c for c in run.columns if c in kinds]:
            continue
        rows.add(k)
    ordered = sorted(rows)
    return ShapedRun(run.start, max(ordered), run.columns, run.parts, ordered, run.tasks)


def kept_shape(read: dict[int, str], run: ShapedRun, settings: TaskShapeSettings = TaskShapeSettings()) -> bool:
    """Whether the tasks read (by their first line's index) open with the task words the run's
    first lines showed, in enough of its rows."""
    shown = [(k, words) for k, words in run.tasks.items() if words.strip()]
    kept = sum(1 for k, words in shown if _opens_with(read.get(k, ""), words))
    return kept >= settings.kept_share * len(shown)


def interleaved(rows: list[TaskRow], settings: TaskShapeSettings = TaskShapeSettings()) -> bool:
    """Whether too many of the rows read hold another column's words (``astray``): OCR read the
    grid's columns as one block, their lines interleaved, and the cells cut from them are other
    rows' words."""
    return sum(1 for r in rows if astray(r)) > settings.astray_share * len(rows)


def astray(row: TaskRow) -> bool:
    """Whether a row's cells show another column's grammar: a deadline's opening in its task (past
    the task's own opening words) or in its product, a unit's in its product, or a deadline or
    unit cell that starts as one and then holds words none has."""
    opening = re.match(r"\S+\s+\S+", row.task)
    deadline = _OPENINGS["deadline"]
    return (
        deadline.search(row.task, opening.end() if opening else 0) is not None
        or deadline.search(row.product) is not None
        or _OPENINGS["unit"].search(row.product) is not None
        or deadline_status(row.deadline) == "broken"
        or unit_status(row.lead) == "broken"
        or unit_status(row.coordinator) == "broken"
    )


def _opens_with(task: str, words: str, opening: int = 5) -> bool:
    """The task's text opens with the first ``opening`` of these words, OCR's marks and a code
    read into the task ("6.2 Công khai …") aside."""
    a, b = _letters(task), _letters(words)[:opening]
    while a and not any(ch.isalpha() for ch in a[0]):
        a = a[1:]
    return bool(b) and a[: len(b)] == b


def _letters(text: str) -> list[str]:
    return re.findall(r"[\p{L}\p{N}]+", text.lower())


def _wraps(texts: list[str], k: int, starts: set[int]) -> bool:
    """Whether the row whose first line is ``k`` goes on to a next printed line of its own."""
    nxt = next((j for j in range(k + 1, len(texts)) if texts[j].strip()), None)
    return nxt is not None and nxt not in starts


def _better(
    texts: list[str],
    best: ShapedRun | None,
    run: list[tuple[int, list[tuple[str, str]]]],
    settings: TaskShapeSettings,
) -> ShapedRun | None:
    if len(run) < settings.min_rows or (best is not None and run[-1][0] - run[0][0] <= best.end - best.start):
        return best
    columns = _column_order([[kind for kind, _ in cells] for _, cells in run], settings)
    if columns is None or len(columns) - 1 < settings.min_columns:
        return best
    if sum(1 for k, _ in run if _wraps(texts, k, {r for r, _ in run})) < settings.wrapped_share * len(run):
        return best
    parts = [[words for _, cells in run for kind, words in cells if kind == c] for c in columns]
    return ShapedRun(run[0][0], run[-1][0], columns, parts, [k for k, _ in run])


def _column_order(rows: list[list[str]], settings: TaskShapeSettings) -> list[str] | None:
    """The columns the rows' cells say, in the order most rows print them; None when too few
    rows agree with it (no consistent shape: no table)."""
    counts: dict[str, int] = {}
    for cells in rows:
        for kind in set(cells):
            counts[kind] = counts.get(kind, 0) + 1
    kinds = [k for k, n in counts.items() if n >= settings.column_share * len(rows)]
    if "coordinator" in kinds and "lead" not in kinds:
        return None
    wins = {k: 0 for k in kinds}
    for a, b in combinations(kinds, 2):
        before = sum(1 for c in rows if a in c and b in c and c.index(a) < c.index(b))
        after = sum(1 for c in rows if a in c and b in c and c.index(a) > c.index(b))
        wins[a if before >= after else b] += 1
    order = sorted(kinds, key=lambda k: (-wins[k], k != "task"))
    if [k for k in order if k != "criterion_code"][0] != "task" or order.index("task") > 1:
        return None  # the task's cell comes first (after the codes' column, when it leads)
    agree = sum(1 for c in rows if [k for k in c if k in order] == [k for k in order if k in c])
    if agree < settings.order_share * len(rows):
        return None
    return order
