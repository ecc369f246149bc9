"""Blocks of a corpus document as text exports: plain text (a word processor's "save as text": table
rows tab-separated), markdown pipe tables, TSV, and a web portal's copy where every cell ends in a
vertical bar and long lines are hard-wrapped."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from corpusgen.document import (
    MOTTO,
    Document,
    Header,
    Landscape,
    PageBreak,
    Para,
    Signature,
    Table,
    Title,
)
from corpusgen.grid import Cell, Grid, GridRow


@dataclass(frozen=True)
class TextStyle:
    table: str = "tabs"  # tabs | markdown | tsv | bars
    bars: str = "stream"  # stream | columns | cell-lines (how a bar export wraps, see bar_lines)
    wrap: int = 72  # physical line width of a bar export
    header: str = "side"  # side: issuer and motto on one line | stacked | bars
    gap: int = 8  # spaces between the two halves of a side-by-side header line


def _flat(text: str) -> str:
    return " ".join(text.split("\n")).strip()


def _cells(grid: Grid, flat: bool = True) -> list[list[str]]:
    """Each grid row as one text per grid column: a spanned cell's text in its first column, merged
    continuations empty."""
    out = []
    for row in grid.rows:
        texts = []
        for cell in row.cells:
            text = "" if cell.vmerge == "continue" else cell.text
            texts.append(_flat(text) if flat else text)
            texts.extend([""] * (cell.span - 1))
        out.append(texts)
    return out


def markdown(grid: Grid) -> list[str]:
    """A pipe table as a DOCX-to-markdown converter writes it: the first row the header, further
    header rows as ordinary rows, merged cells empty."""
    rows = [[c.replace("|", "/") for c in r] for r in _cells(grid)]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "|".join("---" for _ in rows[0]) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return lines


def tsv(grid: Grid) -> list[str]:
    return ["\t".join(r) for r in _cells(grid)]


def tab_rows(grid: Grid) -> list[str]:
    """A word processor's plain-text save: cells of a row joined by tabs, line breaks inside a cell
    kept (the row then runs over several physical lines)."""
    return ["\t".join(r) for r in _cells(grid, flat=False)]


def bar_lines(grid: Grid, style: TextStyle) -> list[str]:
    """A web portal's copy of a table, every cell ended by " |".

    stream:     a row is one logical line "c1 | c2 | c3 |" hard-wrapped at ``wrap`` characters, so
                continuation lines carry only the wrapped text (and whatever bars fall on them);
    columns:    each cell wrapped to its share of ``wrap``; continuation lines repeat the bars of
                every column, empty cells included;
    cell-lines: every cell's text then a line "|" of its own, a row closed by one more "|", long cell
                texts wrapped at ``wrap``.
    """
    rows = _cells(grid)
    out: list[str] = []
    if style.bars == "stream":
        for r in rows:
            out.extend(
                textwrap.wrap(" | ".join(r) + " |", style.wrap, break_long_words=False, break_on_hyphens=False) or [""]
            )
        return out
    if style.bars == "cell-lines":  # a cell's own lines kept (the portal prints its paragraphs)
        for r in _cells(grid, flat=False):
            for text in r:
                for line in text.split("\n"):
                    out.extend(textwrap.wrap(line, style.wrap, break_long_words=False, break_on_hyphens=False))
                out.append("|")
            out.append("|")
        return out
    total = sum(grid.widths_cm)
    # a column's share of the line, never narrower than its longest word (codes and numbers stay whole)
    longest = [max((len(word) for r in rows for word in r[i].split()), default=1) for i in range(len(rows[0]))]
    widths = [max(longest[i], int(style.wrap * w / total) - 2) for i, w in enumerate(grid.widths_cm)]
    for r in rows:
        wrapped = [
            textwrap.wrap(text, w, break_long_words=False, break_on_hyphens=False) or [""] for text, w in zip(r, widths)
        ]
        for k in range(max(len(w) for w in wrapped)):
            parts = [(w[k] if k < len(w) else "").ljust(width) for w, width in zip(wrapped, widths)]
            out.append(" | ".join(parts).rstrip() + " |")
    return out


def _header_lines(document: Document, style: TextStyle) -> list[str]:
    meta = document.meta
    issuer = meta.issuer_lines()
    if style.header == "bars":  # the header block is a table on the portal's page too
        left = issuer + [""] * (2 - len(issuer))
        rows = [(left[0], MOTTO[0]), (left[1], MOTTO[1]), (meta.number_line(), meta.place_date())]
        grid = Grid((6.0, 10.0), tuple(GridRow((Cell(a), Cell(b))) for a, b in rows))
        return bar_lines(grid, style) + [""]
    if style.header == "side":
        left = issuer + [""] * (2 - len(issuer))
        pairs = [(left[0], MOTTO[0]), (left[1], MOTTO[1]), (meta.number_line(), meta.place_date())]
        width = max(len(a) for a, _ in pairs) + style.gap
        return [a.ljust(width) + b for a, b in pairs] + [""]
    return issuer + ["-------", MOTTO[0], MOTTO[1], "---------------", meta.number_line(), meta.place_date(), ""]


def _table_lines(grid: Grid, style: TextStyle) -> list[str]:
    if style.table == "markdown":
        return markdown(grid)
    if style.table == "tsv":
        return tsv(grid)
    if style.table == "bars":
        return bar_lines(grid, style)
    return tab_rows(grid)


def write_text(document: Document, style: TextStyle) -> str:
    meta = document.meta
    lines: list[str] = []
    for block in document.blocks:
        if isinstance(block, Header):
            lines += _header_lines(document, style)
        elif isinstance(block, Title):
            lines += ([block.kind_word] if block.kind_word else []) + list(block.lines)
            lines += [block.note] if block.note else []
            lines.append("")
        elif isinstance(block, Para):
            lines += [block.text, ""] if style.table != "markdown" or not block.bold else [f"**{block.text}**", ""]
        elif isinstance(block, Table):
            lines += _table_lines(block.grid, style) + [""]
        elif isinstance(block, Signature):
            role = meta.signature_lines()
            left = ["Nơi nhận:"] + [f"- {r}" for r in meta.recipients]
            right = role + (["(Đã ký)"] if meta.signed_mark else []) + [meta.signer]
            if style.header == "bars":  # the signature block is a table on the portal's page too
                grid = Grid((8.5, 8.5), (GridRow((Cell("\n".join(left)), Cell("\n".join(right)))),))
                lines += bar_lines(grid, style) + [""]
            else:
                lines += left + [""] + role + (["(Đã ký)"] if meta.signed_mark else [""]) + [meta.signer, ""]
        elif isinstance(block, (PageBreak, Landscape)):
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"
