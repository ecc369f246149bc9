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
from extract.segment.annex_captions import annex_caption
from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.stat_across import AcrossSettings, across_rows
from extract.segment.unread_rows import LINE_METHODS
from normalize.codes import CriterionCode, transition_cost
from normalize.lazy_regex import lazy_compile
from normalize.numbers import parse_number
from normalize.text import fold
from schemas.records import StatAnnex


@dataclass(frozen=True)
class AcrossLinesSettings:
    # Printed codes a header line must open labels on: two codes are a sentence's list as often.
    min_codes: int = 3
    # Lines under the header searched for the total row: wrapped labels, the units' line, a row per
    # hamlet (a commune has up to a score of them).
    body_lines: int = 30
    # A step between two printed codes at most this dear (``normalize.codes.transition_cost``): a
    # first child, a next sibling, a climb back up; no number skipped.
    max_step: float = 0.1
    # Confidence of the figures at most: the columns were inferred from the header's codes.
    confidence: float = 0.7
    # Lines above the table searched for its caption ("Phụ lục 1" / its title), as the annex reader's.
    caption_lines: int = 8
    across: AcrossSettings = AcrossSettings()


# A code opening a header label: "2.1. Số …" (its last dot printed), standing apart from the words.
_LABEL_CODE = lazy_compile(r"(?<![\w.,])(?P<code>\d{1,2}(?:\.\d{1,2})*)\.\s+(?=\p{L})")
# A unit bracketed under its label: "(Sáng kiến)", "(%)".
_UNIT = lazy_compile(r"\([^()\d]{1,20}\)")
# A row of a hamlet: its number, then its name ("1 Thôn 1 0 5", "3 Tổ dân phố 2 …").
_UNIT_ROW = lazy_compile(r"^\s*(?P<number>\d{1,3})\.?\s+(?P<name>\p{L}.*?)(?:\s+[\d.,]+)*\s*$")


def across_line_annexes(
    doc: IngestedDocument,
    ocr_text: Callable[[], bool],
    settings: AcrossLinesSettings = AcrossLinesSettings(),
) -> list[StatAnnex]:
    """The annexes turned over that a dump's lines print whole enough to read (module docstring)."""
    annexes = []
    blocks = list(doc.blocks())
    for page in doc.pages:
        if page.method not in LINE_METHODS:
            continue
        lines = [ln for ln in page.lines if ln.text.strip()]
        for k, line in enumerate(lines):
            labels = _coded_labels(line.text, settings)
            if labels is None:
                continue
            table = _table(lines, k, labels, settings)
            if table is None:
                continue
            rows = across_rows(table, ocr=ocr_text(), settings=settings.across)
            if not rows:
                continue
            table.block_index = next((i for i, b in enumerate(blocks) if b is line), 0)
            label, title = annex_caption(doc, table, settings.caption_lines)
            # (not ``columns_inferred``: the hamlets' lines inside the rows' span are told by the rows'
            # own flag, ``units_rows_unread``, not as rows OCR garbled)
            rows = [replace(r, confidence=min(r.confidence, settings.confidence)) for r in rows]
            annexes.append(StatAnnex(label, title, [page.number], rows, read_from="lines"))
    return annexes


def _coded_labels(text: str, settings: AcrossLinesSettings) -> tuple[str, list[str]] | None:
    """(the stub's words, each coded label "2.1. Số nhiệm vụ …") of a header line, or None when it
    prints fewer than ``min_codes`` codes or they do not run in the hierarchy's order."""
    found = list(_LABEL_CODE.finditer(text))
    if len(found) < settings.min_codes:
        return None
    prev = CriterionCode(0, ())
    for m in found:
        code = CriterionCode(0, tuple(int(c) for c in m["code"].split(".")))
        step = transition_cost(prev, code)
        if step is None or step > settings.max_step:
            return None
        prev = code
    ends = [m.start() for m in found[1:]] + [len(text)]
    return text[: found[0].start()].strip(), [text[m.start() : end].strip() for m, end in zip(found, ends)]


def _table(
    lines: list[Line], head: int, labels: tuple[str, list[str]], settings: AcrossLinesSettings
) -> JoinedTable | None:
    """The grid the dump's lines under a coded header line print: its labels, its units' line,
    the hamlets' rows and the total row; None without a total row giving a figure per label."""
    stub, coded = labels
    n = len(coded)
    units: list[str] | None = None
    unit_rows: list[Line] = []
    for line in lines[head + 1 : head + 1 + settings.body_lines]:
        if _coded_labels(line.text, settings) is not None:
            return None  # the next table's header: this one printed no total
        found = _UNIT.findall(line.text)
        if len(found) == n and units is None and not unit_rows:
            units = found
            continue
        total = _total_figures(line.text, settings)
        if total is not None:
            if len(total[1]) != n:
                return None
            return _grid(lines[head], line, (stub, coded, units), unit_rows, total)
        if _UNIT_ROW.match(line.text) and (units is not None or unit_rows):
            unit_rows.append(line)
    return None


def _total_figures(text: str, settings: AcrossLinesSettings) -> tuple[str, list[str]] | None:
    """(label, figures) of a commune's total row ("Tổng số 2 16 13 3 81,25 30"), else None."""
    words = text.split()
    for n in (1, 2, 3):
        label = " ".join(words[:n])
        if fold(label).strip(" .:") in settings.across.units.total_labels:
            figures = words[n:]
            if figures and all(parse_number(f, kind="auto", ocr=True) is not None for f in figures):
                return label, figures
    return None


def _grid(
    head: Line,
    total_line: Line,
    header: tuple[str, list[str], list[str] | None],
    unit_rows: list[Line],
    total: tuple[str, list[str]],
) -> JoinedTable:
    """The rebuilt grid: "STT | <unit's name> | label …" over "(unit) …", the hamlets' rows by
    number and name (their figures, whose columns OCR's dropped blanks no longer say, left out),
    the total row's label and figures. The total row spans the header's line to its own: its
    figures are read under the labels that line prints."""
    stub, coded, units = header
    number_label, _, name_label = stub.partition(" ")
    top = [number_label, name_label, *coded]
    width = len(top)
    rows = [
        _row([m["number"], m["name"].strip()], width, (line.page, line.number, line.number))
        for line in unit_rows
        for m in [_UNIT_ROW.match(line.text)]
        if m is not None
    ]
    label, figures = total
    rows.append(_row(["", label, *figures], width, (total_line.page, head.number, total_line.number)))
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


def _row(cells: list[str], width: int, where: tuple[int, int, int]) -> JoinedRow:
    """A grid row of ``cells`` padded to ``width``; ``where`` is (page, first line, last line)."""
    page, start, end = where
    padded = cells + [""] * (width - len(cells))
    return JoinedRow(padded, [False] * width, page, start, end, 0)
