"""A statistics annex whose rows were read from its lines without their figures, the figures
printed after them as a block of their own (issues 11, 16): Tesseract's automatic page layout
(``--psm 3``) reads an unruled annex column by column, so the coded indicator lines come first
("2.1 | Số phản ánh, kiến nghị đã xử lý"), then the units and figures one row a line
("Phản ánh 6" / "% 85,71"), or a block of units and then a block of figures.

The rows read with no figure (``missing_value``, told lost) get the block's figures by order and
count, the rows that print none chosen by the annex's arithmetic (``stat_block_pairing``). A paired
figure is weighed, not trusted (``figure_paired_by_block``, its confidence at most
``confidence``); a figure the best ways put on different rows, or a block no relation confirms,
is told unread with the rows it could go to, never dropped and never guessed."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from extract.model import IngestedDocument, Line
from extract.segment.stat_block_pairing import BlockFigure, BlockPairing, BlockPairSettings, BlockRow, pair_block
from extract.segment.stat_line_figures import _is_figure
from extract.segment.stat_unread import MISSING_VALUE
from extract.segment.stat_values import number_kind, parse_stat_value
from normalize.text import fold
from schemas.records import StatAnnex, StatRow, UnreadPart

# A row's figure taken from a block printed apart from its rows, by order and the arithmetic.
PAIRED_BY_BLOCK = "figure_paired_by_block"


@dataclass(frozen=True)
class BlockFigureSettings:
    # Rows of an annex read with no figure, at least, and their share of its rows, for its
    # figures to be looked for in a block below it (a row or two OCR lost is no column block).
    min_blank_rows: int = 3
    min_blank_share: float = 0.6
    # Figure lines a block holds at least.
    min_block_lines: int = 3
    # Words a figure line's unit takes at most ("Phản ánh 7", "Sáng kiến 2", "Thủ tục 106").
    max_unit_words: int = 3
    # Lines looked at below the annex's last row for the block (the note column's and signature's
    # lines may stand between).
    window_lines: int = 60
    # A figure paired by order is weighed in the review queue, not trusted.
    confidence: float = 0.75
    pairing: BlockPairSettings = field(default_factory=BlockPairSettings)


@dataclass(frozen=True)
class BlockFiguresRead:
    annexes: list[StatAnnex]
    unread: list[UnreadPart]


@dataclass(frozen=True)
class _FigureLine:
    unit: str
    raw: str
    line: Line


def figures_from_blocks(
    doc: IngestedDocument, annexes: list[StatAnnex], settings: BlockFigureSettings = BlockFigureSettings()
) -> BlockFiguresRead:
    """The annexes, each read with its figures lost given those of a block printed below its rows,
    and the block's figures that could not be paired, told."""
    out: list[StatAnnex] = []
    told: list[UnreadPart] = []
    for annex in annexes:
        named, tail = _block_rows(annex.rows, settings)
        blank = [k for k, r in enumerate(named) if _blank(r)]
        if len(blank) < settings.min_blank_rows or len(blank) < settings.min_blank_share * len(named):
            out.append(annex)
            continue
        block = _figure_block(_lines_after(doc, annex, named, settings.window_lines), settings)
        if len(block) < settings.min_block_lines:
            out.append(annex)
            continue
        # (a parent whose code the rows skip, "2" between "1" and "2.1": a row the reader lost,
        # whose figure the block still prints; weighed as a row, its figure told, never a row made)
        rows = _with_lost_parents([named[k] for k in blank], named)
        pairing = pair_block(
            [BlockRow(r.code, _share(r)) for r in rows],
            [BlockFigure(_value(f), ("%" in f.unit) if f.unit else None) for f in block],
            settings.pairing,
        )
        at = {id(r): k for k, r in enumerate(named)}
        paired = {
            at[id(rows[pairing.paired[i]])]: f
            for i, f in enumerate(block)
            if i in pairing.paired and id(rows[pairing.paired[i]]) in at
        }
        if paired:  # (the block's lines read as rows of their own are the block, not rows)
            annex = replace(annex, rows=[_paired(r, paired.get(k), settings) for k, r in enumerate(named)])
        out.append(annex)
        part = _unpaired(annex, block, rows, pairing)
        told.extend([part] if part is not None else [])
    return BlockFiguresRead(out, told)


def _block_rows(rows: list[StatRow], settings: BlockFigureSettings) -> tuple[list[StatRow], list[StatRow]]:
    """(the rows printed with their codes, the trailing rows the reader made of the block's lines):
    a unit and a figure with no code read as a row, its code inferred ("5 | Phản ánh | 7")."""
    k = len(rows)
    while k > 0 and _block_line_row(rows[k - 1], settings):
        k -= 1
    return rows[:k], rows[k:]


def _with_lost_parents(rows: list[StatRow], named: list[StatRow]) -> list[StatRow]:
    """The rows, each preceded by its parent where no row printed the parent's code before it (a
    row OCR ran into the one above: "1 Số cuộc … 2_Số phản ánh …"), as a row of that code alone."""
    seen: set[str] = set()
    out: list[StatRow] = []
    printed = iter(named)
    for row in rows:
        for r in printed:
            seen.add(r.code or "")
            if r is row:
                break
        parent = (row.code or "").rsplit(".", 1)[0] if "." in (row.code or "") else ""
        if parent and parent not in seen and not parent.isalpha():
            out.append(StatRow(code=parent, indicator="", flags=[MISSING_VALUE]))
            seen.add(parent)
        out.append(row)
    return out


def _block_line_row(row: StatRow, settings: BlockFigureSettings) -> bool:
    """A row the line reader made of a block's figure line: its code inferred, a figure, and no more
    words than a unit and a label's speck or two ("Phản ánh", "% Kết quả")."""
    words = row.indicator.split()
    return "code_inferred" in row.flags and row.value is not None and len(words) <= settings.max_unit_words + 2


def _blank(row: StatRow) -> bool:
    return row.value is None and not row.value_raw and MISSING_VALUE in row.flags


def _share(row: StatRow) -> bool:
    """Whether a row is a share's, by its unit or its wording ("Tỷ lệ …")."""
    return number_kind(row.unit, row.indicator) == "percent" or fold(row.indicator).startswith("ty le")


def _value(figure: _FigureLine) -> float | None:
    value, _, _ = parse_stat_value(figure.raw, figure.unit, ocr=True)
    return value


def _lines_after(doc: IngestedDocument, annex: StatAnnex, named: list[StatRow], window: int) -> list[Line]:
    """The lines after the annex's last row printed with its code, on its pages, ``window`` at most."""
    # (from the last row's first line: its wrapped words may have taken the block's label line)
    last = max(((r.source.page or 0, r.source.line_start or 0) for r in named), default=None)
    if last is None:
        return []
    pages = set(annex.pages) or {last[0]}
    after = [ln for ln in doc.lines() if ln.page in pages and (ln.page, ln.number) > last and ln.text.strip()]
    return after[:window]


def _figure_block(lines: list[Line], settings: BlockFigureSettings) -> list[_FigureLine]:
    """The first run of figure lines ("Hồ sơ 317", "% 96,02", "35") in the lines, a run of unit
    lines just above a run of bare figures of its length lending them their units."""
    k = 0
    while k < len(lines):
        if _figure_line(lines[k], settings) is None:
            k += 1
            continue
        run: list[_FigureLine] = []
        while k < len(lines) and (figure := _figure_line(lines[k], settings)) is not None:
            run.append(figure)
            k += 1
        if len(run) < settings.min_block_lines:
            continue
        if not any(f.unit for f in run):
            start = lines.index(run[0].line)
            units = _unit_run(lines[:start], len(run), settings)
            if units is not None:
                run = [replace(f, unit=u) for f, u in zip(run, units)]
        return run
    return []


def _figure_line(line: Line, settings: BlockFigureSettings) -> _FigureLine | None:
    """A line of a unit (words, or "%") and a figure, or a figure alone; no code, no sentence."""
    tokens = [t for t in line.text.replace("|", " ").split() if t.strip("_—-~[]'`.:;")]
    if not tokens or not _is_figure(tokens[-1].strip("[]|_")):
        return None
    unit = tokens[:-1]
    if len(unit) > settings.max_unit_words or any(any(ch.isdigit() for ch in w) for w in unit):
        return None
    if unit and unit != ["%"] and not all(w.isalpha() for w in unit):
        return None
    return _FigureLine(" ".join(unit), tokens[-1].strip("[]|_"), line)


def _unit_run(lines: list[Line], n: int, settings: BlockFigureSettings) -> list[str] | None:
    """The units of a block of ``n`` bare figures: the ``n`` lines just above it, when each is a
    unit alone (a word or three, or "%")."""
    if len(lines) < n:
        return None
    units = [ln.text.replace("|", " ").split() for ln in lines[-n:]]
    if all(u and len(u) <= settings.max_unit_words and (u == ["%"] or all(w.isalpha() for w in u)) for u in units):
        return [" ".join(u) for u in units]
    return None


def _paired(row: StatRow, figure: _FigureLine | None, settings: BlockFigureSettings) -> StatRow:
    if figure is None:
        return row
    unit = row.unit or figure.unit
    value, flags, _ = parse_stat_value(figure.raw, unit, row.indicator, ocr=True)
    if value is None:
        return row
    confidence = min(row.confidence, settings.confidence)
    kept = [f for f in row.flags if f != MISSING_VALUE]
    return replace(
        row,
        unit=unit,
        value=value,
        value_raw=figure.raw,
        confidence=confidence,
        value_confidence={**row.value_confidence, "value": confidence},
        flags=[*kept, *flags, PAIRED_BY_BLOCK],
    )


def _unpaired(
    annex: StatAnnex, block: list[_FigureLine], rows: list[StatRow], pairing: BlockPairing
) -> UnreadPart | None:
    """The block's figures not paired, each with the rows the best ways put it on, told."""
    lost = {i: rows[k].code for i, k in pairing.paired.items() if not rows[k].indicator}
    left = [i for i in range(len(block)) if i not in pairing.paired or i in lost]
    if not left:
        return None
    said = []
    for i in left:
        could = " or ".join(rows[k].code or "?" for k in pairing.doubtful.get(i, ()))
        if i in lost:
            said.append(f"{block[i].raw} (row {lost[i]}, whose line OCR ran into the row above)")
        else:
            said.append(f"{block[i].raw} (rows {could})" if could else block[i].raw)
    why = "no sum or share confirms an order" if not pairing.paired else "the sums do not say which row"
    name = annex.title or annex.annex
    return UnreadPart(
        page=block[left[0]].line.page,
        kind="rows",
        reason=f"figures printed in a block apart from the rows of the statistics annex “{name}” not paired "
        f"({why}): {', '.join(said)}",
        text_sample=" / ".join(block[i].line.text for i in left[:6]),
        line_start=block[left[0]].line.number,
        line_end=block[left[-1]].line.number,
    )
