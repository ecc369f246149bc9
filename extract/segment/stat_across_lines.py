"""A statistics annex turned over (``stat_across_units``: a row per hamlet, a column per indicator,
the commune's total row) read from an OCR dump's lines (issues 11, 16).

On a dump the grid is gone: the header's labels run on one line, each opening on its printed code
("STT Tên thôn, tổ dân 1. Số sáng kiến, giải pháp 2. Số nhiệm vụ trong Kế 2.1. Số nhiệm vụ đã
hoàn …"), their wrapped words on the next lines, a line of bracketed units under them ("(Sáng
kiến) (Nhiệm vụ) … (%) (Văn bản)"), the hamlets' rows (whose blank cells OCR dropped, so their
figures no longer say their columns), and the total row ("Tổng số 2 16 13 3 81,25 30"). Before,
the hamlets' lines were read as annex rows ("Thôn 1" worth 0) and the commune's figures were told
lost.

Read here: a header line printing at least ``min_codes`` codes that run in the hierarchy's order
(1., 2., 2.1., 2.2., 3.), and under it, within ``body_lines`` lines, the commune's total row
printing exactly as many figures as the header prints codes, before any other header. The
figures go to the codes in print order; the grid is rebuilt from them (the codes' labels, the units'
line when it holds a unit per code, the hamlets' rows) and read as a grid's table across is
(``stat_across.across_rows``, which flags the hamlets' rows as not read). The labels' wrapped words
cannot be placed under their columns and stay out of the names. The layout is inferred: the rows'
confidence is at most ``confidence`` (the review weighs their figures). A total row with
another count of figures is not read (the table stays told, ``unread_across``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from extract.model import IngestedDocument, Line
from extract.segment.across_line_headings import HeadingSettings, blank_headings
from extract.segment.across_line_labels import Key, LabelSettings, code_text, header_labels, labels_above, merged
from extract.segment.across_line_units import mended_units
from extract.segment.annex_captions import annex_caption
from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.stat_across import AcrossSettings, across_rows
from extract.segment.stat_flat_lines import FlatLinesSettings, flat_table, with_total_label
from extract.segment.table_end import TOTAL_LABEL
from extract.segment.unread_rows import LINE_METHODS
from normalize.lazy_regex import lazy_compile
from normalize.numbers import parse_number
from normalize.text import fold
from schemas.records import StatAnnex


@dataclass(frozen=True)
class AcrossLinesSettings:
    # Lines under the header searched for the total row: wrapped labels, the units' line, a row per
    # hamlet (a commune has up to a score of them).
    body_lines: int = 30
    # Confidence of the figures at most: the columns were inferred from the header's codes.
    confidence: float = 0.7
    # Lines above the table searched for its caption ("Phụ lục 1" / its title), as the annex reader's.
    caption_lines: int = 8
    # The header's coded labels as a dump prints them (``across_line_labels``).
    labels: LabelSettings = LabelSettings()
    # The group headings a total row leaves blank (``across_line_headings``).
    headings: HeadingSettings = HeadingSettings()
    across: AcrossSettings = AcrossSettings()
    # A table by unit whose header prints no code (``stat_flat_lines``).
    flat: FlatLinesSettings = FlatLinesSettings()


# A unit bracketed under its label: "(Sáng kiến)", "(%)", a letter OCR read as a digit ("(H6 sơ)");
# its closing bracket OCR read as a letter ("(Người)" → "(Ngwaiy") ends where the next unit opens.
_UNIT = lazy_compile(r"\((?=[^()]*[\p{L}%])(?:[^()]{1,20}\)|[^()\s]{1,20}(?=\s+\())")
# Words a label prints (the grid reader's test of a label).
_WORDS = lazy_compile(r"\p{L}{2}")
# A figure of a unit's row as a dump prints it ("14", "85,71", "71,7").
_FIGURE = lazy_compile(r"\d+(?:[.,]\d+)?")
# A row of a hamlet: its number, then its name ("1 Thôn 1 0 5", "3 Tổ dân phố 2 …").
_UNIT_ROW = lazy_compile(r"^\s*(?P<number>\d{1,3})\.?\s+(?P<name>\p{L}.*?)(?:\s+[\d.,]+)*\s*$")


def across_line_annexes(
    doc: IngestedDocument,
    ocr_text: Callable[[], bool],
    settings: AcrossLinesSettings = AcrossLinesSettings(),
) -> list[StatAnnex]:
    """The annexes turned over that a dump's lines print whole enough to read (module docstring)."""
    annexes: list[StatAnnex] = []
    blocks = list(doc.blocks())
    for page in doc.pages:
        if page.method not in LINE_METHODS:
            continue
        lines = [ln for ln in page.lines if ln.text.strip()]
        found = len(annexes)
        for k, line in enumerate(lines):
            header = header_labels(line.text, settings.labels)
            if header is None:
                continue
            labels = merged(header[1], labels_above(lines, k, settings.labels), settings.labels)
            if labels is None:
                continue
            table = _table(lines, k, (header[0], labels), settings)
            if table is None:
                continue
            rows = across_rows(
                table, ocr=ocr_text(), settings=with_total_label(settings.across, table.rows[-1].cells[1])
            )
            if not rows:
                continue
            table.block_index = next((i for i, b in enumerate(blocks) if b is line), 0)
            label, title = annex_caption(doc, table, settings.caption_lines)
            # (not ``columns_inferred``: the hamlets' lines inside the rows' span are told by the rows'
            # own flag, ``units_rows_unread``, not as rows OCR garbled)
            rows = [replace(r, confidence=min(r.confidence, settings.confidence)) for r in rows]
            annexes.append(StatAnnex(label, title, [page.number], rows, read_from="lines"))
        if len(annexes) == found:  # no coded header on the page: a header in words only
            annexes += _flat_annexes(doc, lines, ocr_text, settings)
    return annexes


def _flat_annexes(
    doc: IngestedDocument, lines: list[Line], ocr_text: Callable[[], bool], settings: AcrossLinesSettings
) -> list[StatAnnex]:
    """The flat table by unit a page's ``lines`` print under a header of words (``stat_flat_lines``)."""
    table = flat_table(lines, settings.flat)
    if table is None:
        return []
    rows = across_rows(table, ocr=ocr_text(), settings=with_total_label(settings.across, table.rows[-1].cells[0]))
    if not rows:
        return []
    head = next(ln for ln in lines if ln.number == table.line_start and ln.page == table.pages[0])
    table.block_index = next((i for i, b in enumerate(doc.blocks()) if b is head), 0)
    label, title = annex_caption(doc, table, settings.caption_lines)
    rows = [replace(r, confidence=min(r.confidence, settings.confidence)) for r in rows]
    return [StatAnnex(label, title, list(table.pages), rows, read_from="lines")]


def _coded_labels(text: str, settings: AcrossLinesSettings) -> tuple[str, list[str]] | None:
    """(the stub's words, each coded label "2.1. Số nhiệm vụ …") of a header line, or None when it
    prints fewer than ``min_codes`` codes or they do not run in the hierarchy's order."""
    found = header_labels(text, settings.labels)
    return None if found is None else (found[0], [label for _, label in found[1]])


def _table(
    lines: list[Line], head: int, labels: tuple[str, list[tuple[Key, str]]], settings: AcrossLinesSettings
) -> JoinedTable | None:
    """The grid the dump's lines under a coded header line print: its labels, its units' line,
    the hamlets' rows and the total row; None without a total row whose figures fall under the
    labels (one per label, or one per label but the group headings it leaves blank)."""
    stub, coded = labels
    n = len(coded)
    least = n - settings.headings.max_blank
    units: list[str] | None = None
    unit_rows: list[Line] = []
    for line in lines[head + 1 : head + 1 + settings.body_lines]:
        if header_labels(line.text, settings.labels) is not None:
            return None  # the next table's header: this one printed no total
        found = _UNIT.findall(line.text)
        if least <= len(found) <= n and units is None and not unit_rows:
            units = mended_units(found)
            continue
        total = _total_figures(line.text, settings)
        if total is not None:
            codes = [code_text(key) for key, _ in coded]
            texts = [text for _, text in coded]
            blank = blank_headings(codes, texts, total[1], units, settings.headings)
            if blank is None:
                return None
            return _grid(lines[head], line, (stub, texts, units, blank), unit_rows, total)
        if _UNIT_ROW.match(line.text) and (units is not None or unit_rows):
            unit_rows.append(line)
    return None


def _total_figures(text: str, settings: AcrossLinesSettings) -> tuple[str, list[str]] | None:
    """(label, figures) of a commune's total row ("Tổng số 2 16 13 3 81,25 30"), else None."""
    words = text.split()
    for n in (1, 2, 3):
        label = " ".join(words[:n])
        # (or as OCR leaves its words: "Tong sé")
        if fold(label).strip(" .:") in settings.across.units.total_labels or TOTAL_LABEL.match(fold(label)):
            figures = words[n:]
            if figures and all(parse_number(f, kind="auto", ocr=True) is not None for f in figures):
                return label, figures
    return None


def _grid(
    head: Line,
    total_line: Line,
    header: tuple[str, list[str], list[str] | None, frozenset[int]],
    unit_rows: list[Line],
    total: tuple[str, list[str]],
) -> JoinedTable:
    """The rebuilt grid: "STT | <unit's name> | label …" over "(unit) …", the hamlets' rows by
    number and name (their figures, whose columns OCR's dropped blanks no longer say, left out),
    the total row's label and figures, blank under the group headings ``blank``. The total row
    spans the header's line to its own: its figures are read under the labels that line prints."""
    stub, coded, units, blank = header
    number_label, _, name_label = stub.partition(" ")
    top = [number_label, name_label, *coded]
    width = len(top)
    label, figures = total
    rows = [
        _row(
            [m["number"], m["name"].strip(), *_unit_figures(line.text, len(figures), len(coded), blank)],
            width,
            (line.page, line.number, line.number),
        )
        for line in unit_rows
        for m in [_UNIT_ROW.match(line.text)]
        if m is not None
    ]
    rows.append(
        _row(
            ["", label, *_spread(figures, len(coded), blank)], width, (total_line.page, head.number, total_line.number)
        )
    )
    if units is not None and len(units) != len(coded):
        units = _spread(units, len(coded), blank) if len(units) == len(coded) - len(blank) else None
    if units is not None:  # a label whose words OCR garbled to digits ("2. 86") named by its unit
        top[2:] = [_named(label, unit) for label, unit in zip(coded, units)]
    return JoinedTable(
        header=[top] + ([["", "", *units]] if units is not None else []),
        rows=rows,
        pages=[head.page],
        n_cols=width,
        source="lines",
        line_start=head.number,
        line_end=total_line.number,
        block_index=0,
    )


def _unit_figures(text: str, n: int, width: int, blank: frozenset[int]) -> list[str]:
    """A unit's figures under the columns, when its line ends on at least ``n`` figures (as many
    as the total row prints: the last ``n`` are its cells, a number closing its name before them,
    "Thôn 1"); none when it prints fewer (OCR dropped its blank cells, and which column each
    figure stands in is lost). Only the units' sums read them (``units_sums``)."""
    words = text.split()
    run = next((k for k, w in enumerate(reversed(words)) if not _FIGURE.fullmatch(w)), len(words))
    return _spread(words[-n:], width, blank) if n and run >= n else []


def _named(label: str, unit: str) -> str:
    """A label as the grid reader needs it, with words: one OCR left none ("2. 86") gets its
    column's bracketed unit ("2. 86 (Nhiệm vụ)"), the only words the dump prints for it."""
    return label if _WORDS.search(label) or not unit else f"{label} {unit}"


def _spread(cells: list[str], width: int, blank: frozenset[int]) -> list[str]:
    """``cells`` in print order under ``width`` columns, the ``blank`` ones left empty."""
    rest = iter(cells)
    return ["" if c in blank else next(rest, "") for c in range(width)]


def _row(cells: list[str], width: int, where: tuple[int, int, int]) -> JoinedRow:
    """A grid row of ``cells`` padded to ``width``; ``where`` is (page, first line, last line)."""
    page, start, end = where
    padded = cells + [""] * (width - len(cells))
    return JoinedRow(padded, [False] * width, page, start, end, 0)
