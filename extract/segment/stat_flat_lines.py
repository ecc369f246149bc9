"""A flat table by unit (a row per department, official or hamlet, a column per indicator, the
commune's total row) read from an OCR dump's lines where its header prints no code (issues 11, 16).

``stat_across_lines`` reads such a table by its header's printed codes ("1. Số … 2.1. Số …"). A
table labelled in words only ("Bộ phận, công chức | Tiếp nhận | Đã giải quyết | Đúng hạn | Quá hạn
| Tỷ lệ đúng hạn (%)") gave it nothing to hold on to: on a dump its labels wrap over two or three
lines, and the commune's figures were told lost with the whole table. Yet every row of it is a row
like any other: a unit's name and its figures on one line ("Công chức Tư pháp - Hộ tịch 92 88 85 3
96,59"; the name's wrapped words on the next line), and the total row under them ("Tổng số 261 248
240 8 96,77"). Read here:

- the total row: a total's words (as OCR leaves them: "Tong sé") and at least ``min_figures``
  figures, nothing else;
- above it, at least ``min_unit_rows`` lines each ending on as many figures, their words a unit's
  name (a line of words alone between them is a name wrapped);
- the units' figures adding up to the total's, column by column, in at least ``min_summed_share``
  of the columns (two at least; a share column adds up to nothing): that sum is what makes the
  lines one table by unit, not rows of an annex of indicators that happen to print as many figures;
- the header: the line opening the lines of words just above the first unit's row, its labels
  each opening on a capital (a wrapped label's next words are in small letters), one label per
  column after the units' own label. Where the capitals do not give one label per column, the
  columns cannot be named and the table stays told as before; a header naming points ("Điểm tối
  đa | Điểm tự chấm") is a flat score table's, whose criteria add up to its total row as units do,
  and is left to the score reader.

The grid rebuilt from them is read as a grid's table by unit (``stat_across.across_rows``): the
commune's row gives the figures, the units' rows draw the tree by their sums
(``stat_across_parts``) and are flagged not read. The layout is inferred: the rows' confidence is
at most the coded reader's (``AcrossLinesSettings.confidence``)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from extract.model import Line
from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.points_words import SCORE_HEADER_WORDS
from extract.segment.stat_across import AcrossSettings
from extract.segment.stat_across_units import label_key
from extract.segment.table_end import TOTAL_LABEL
from extract.segment.units_sums import whole_count
from normalize.lazy_regex import lazy_compile
from normalize.text import fold


@dataclass(frozen=True)
class FlatLinesSettings:
    # Figures the total row must print: fewer are a sentence's or an ordinary annex row's.
    min_figures: int = 3
    # Rows of units above the total row a table by unit holds.
    min_unit_rows: int = 2
    # Share of the columns whose units' figures add up to the total's (two columns at least).
    min_summed_share: float = 0.5
    # Lines of words alone between two units' rows (a name wrapped) or above the first (the header).
    max_word_lines: int = 3


# A figure as a dump prints it ("86", "93,48").
_FIGURE = lazy_compile(r"\d+(?:[.,]\d+)?")
# A bar OCR read for a cell's rule, or a speck beside a figure.
_RULES = "|[]_"


def flat_table(lines: list[Line], settings: FlatLinesSettings = FlatLinesSettings()) -> JoinedTable | None:
    """The grid of the first flat table by unit ``lines`` (a page's, blank ones left out) print,
    rebuilt (module docstring); None when they print none."""
    for k, line in enumerate(lines):
        total = _total_row(line.text, settings)
        if total is None:
            continue
        found = _units_above(lines, k, len(total[1]), settings) or _units_below(lines, k, len(total[1]), settings)
        if found is None:
            continue
        units, head = found
        if not _units_add_up([figures for _, figures, _ in units], total[1], settings):
            continue
        labels = _labels(lines[head].text, len(total[1]))
        if labels is None or _points_header(lines, head, settings):
            continue
        return _grid(labels, units, total, (lines[head], line))
    return None


def with_total_label(settings: AcrossSettings, label: str) -> AcrossSettings:
    """``settings`` taking the total row's label as OCR printed it ("Tong sé") for the commune's
    own label, as the grid reader needs it to tell that row from the units'."""
    units = settings.units
    return replace(settings, units=replace(units, total_labels=(*units.total_labels, label_key(label))))


def _total_row(text: str, settings: FlatLinesSettings) -> tuple[str, list[str]] | None:
    """(label, figures) of a total row: a total's words, then figures only."""
    words, figures = _split(text)
    if len(figures) < settings.min_figures or not words or not TOTAL_LABEL.match(fold(words)):
        return None
    return words, figures


def _split(text: str) -> tuple[str, list[str]]:
    """A line's words and the run of figures it ends on (bars and specks between them dropped)."""
    tokens = [t.strip(_RULES) for t in text.split()]
    tokens = [t for t in tokens if t]
    run = next((k for k, t in enumerate(reversed(tokens)) if not _FIGURE.fullmatch(t)), len(tokens))
    cut = len(tokens) - run
    return " ".join(tokens[:cut]).strip(" -–—:;,."), tokens[cut:]


def _units_above(
    lines: list[Line], total: int, n: int, settings: FlatLinesSettings
) -> tuple[list[tuple[str, list[str], Line]], int] | None:
    """The units' rows above the total row ``total`` (name, its last ``n`` figures, line; top
    down) and the header's first line; None when fewer than ``min_unit_rows`` or no header."""
    units: list[tuple[str, list[str], Line]] = []
    words_run: list[int] = []
    for k in range(total - 1, -1, -1):
        name, figures = _split(lines[k].text)
        if not figures:
            if len(words_run) == settings.max_word_lines:
                break
            words_run.append(k)
            continue
        if len(figures) < n or not _is_name(name):
            break
        units.append((_unit_name(name, lines[k + 1 : k + 1 + len(words_run)]), figures[-n:], lines[k]))
        words_run = []
    if len(units) < settings.min_unit_rows or not words_run:
        return None
    return units[::-1], _header_top(lines, words_run)


def _units_below(
    lines: list[Line], total: int, n: int, settings: FlatLinesSettings
) -> tuple[list[tuple[str, list[str], Line]], int] | None:
    """The units' rows under a total row printed first (name, its last ``n`` figures, line) and
    the header's first line above the total row; None when fewer than ``min_unit_rows`` or no
    header."""
    found: list[tuple[str, list[str], Line, list[Line]]] = []  # (… and the lines its name wraps onto)
    for line in lines[total + 1 :]:
        name, figures = _split(line.text)
        if not figures and found and len(found[-1][3]) < settings.max_word_lines:
            found[-1][3].append(line)
            continue
        if len(figures) < n or not _is_name(name):
            break
        found.append((name, figures[-n:], line, []))
    words_run: list[int] = []
    for k in range(total - 1, max(-1, total - 1 - settings.max_word_lines), -1):
        if _split(lines[k].text)[1]:
            break
        words_run.append(k)
    if len(found) < settings.min_unit_rows or not words_run:
        return None
    return [(_unit_name(name, wrapped), figures, line) for name, figures, line, wrapped in found], _header_top(
        lines, words_run
    )


def _is_name(words: str) -> bool:
    """Whether a unit row's words name a unit: letters, not a total's words."""
    return any(c.isalpha() for c in words) and not TOTAL_LABEL.match(fold(words))


def _unit_name(name: str, wrapped: list[Line]) -> str:
    """A unit's name with its words wrapped onto the lines under its figures."""
    return " ".join([name, *(ln.text.strip(" " + _RULES) for ln in wrapped)]).strip()


def _header_top(lines: list[Line], words_run: list[int]) -> int:
    """The header's first line among the lines of words above the first unit's row (bottom up):
    the highest that is no caption's note ("(Kèm theo …)")."""
    heads = [k for k in words_run if not lines[k].text.strip().startswith("(")]
    return heads[-1] if heads else words_run[0]


def _points_header(lines: list[Line], head: int, settings: FlatLinesSettings) -> bool:
    """Whether the header's lines name points: a flat score table (its criteria's points add up to
    its total row's as units' counts do) is the score reader's, no table by unit."""
    text = fold(" ".join(ln.text for ln in lines[head : head + settings.max_word_lines]))
    return "diem" in text.split() or any(words in text for words in SCORE_HEADER_WORDS)


def _units_add_up(units: list[list[str]], total: list[str], settings: FlatLinesSettings) -> bool:
    """Whether the units' counts add up to the total's in enough columns (module docstring)."""
    summed = 0
    for c, whole in enumerate(total):
        counts = [whole_count(row[c]) for row in units]
        parts = [x for x in counts if x is not None]
        value = whole_count(whole)
        summed += value is not None and len(parts) == len(counts) and sum(parts) == value
    return summed >= max(2, settings.min_summed_share * len(total))


def _labels(text: str, n: int) -> tuple[str, list[str]] | None:
    """(the units' label, one label per column) of a header's first line: each label opens on a
    capital; a row number's label ("STT") stays with the units' label. None when the capitals do
    not give ``n`` column labels."""
    tokens = [t for t in (w.strip(_RULES) for w in text.split()) if t]
    labels: list[list[str]] = []
    for token in tokens:
        if token[:1].isupper() or not labels:
            labels.append([token])
        else:
            labels[-1].append(token)
    if len(labels) > 1 and label_key(" ".join(labels[0])) in ("stt", "tt"):
        labels[:2] = [labels[0] + labels[1]]
    if len(labels) != n + 1:
        return None
    stub, *columns = (" ".join(words) for words in labels)
    return stub, columns


def _grid(
    labels: tuple[str, list[str]],
    units: list[tuple[str, list[str], Line]],
    total: tuple[str, list[str]],
    where: tuple[Line, Line],
) -> JoinedTable:
    """The rebuilt grid: the units' label and the columns' labels over the units' rows and the
    total row. The total row spans the header's line to its own; the table, to its last line."""
    stub, columns = labels
    head, total_line = where
    width = len(columns) + 1
    rows = [_row([name, *figures], line, line) for name, figures, line in units]
    rows.append(_row([total[0], *total[1]], head, total_line))
    return JoinedTable(
        header=[[stub, *columns]],
        rows=rows,
        pages=[head.page],
        n_cols=width,
        source="lines",
        line_start=head.number,
        line_end=max(total_line.number, *(line.number for _, _, line in units)),  # (a total printed first)
        block_index=0,
    )


def _row(cells: list[str], first: Line, last: Line) -> JoinedRow:
    return JoinedRow(cells, [False] * len(cells), first.page, first.number, last.number, 0)
