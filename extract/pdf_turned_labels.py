"""Labels turned a quarter inside an upright page of a PDF's text layer.

A narrow points column prints its header label turned (Word's text direction "bottom to top" or
"top to bottom", ``w:textDirection``): the page is upright, so it is not turned whole
(``extract.pdf_turn``), but the label's characters run up or down the page, and pdfplumber, which
reads such characters top to bottom as separate words, gives "m ể i đ g n a h T" for "Thang
điểm": the column loses its name and the table is not known for a score table. Here the turned
characters of the page are read as the lines they print: one column of characters at one x is
one line, read in the way the characters run (their text matrix), its words split at the gaps a
space leaves. Each line becomes one word-like dict the reader takes as any other word, so a
header cell holding it reads "Thang điểm" wherever headers are read."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from extract.pdf_turn import char_direction

# The ways a turned label runs, as ``char_direction`` gives them (y up): up the page, down it.
_UP, _DOWN = (0, 1), (0, -1)


@dataclass(frozen=True)
class TurnedLabelSettings:
    # Characters whose left edges differ by less than this (points) stand in one turned line.
    same_line: float = 1.0
    # A gap along the line wider than this share of the font size is a space between words.
    word_gap: float = 0.12
    # A gap wider than this many font sizes ends the line (another cell's label at the same x).
    line_gap: float = 2.0


def is_turned(char: Mapping[str, Any]) -> bool:
    """True for a character that runs up or down the page."""
    return char_direction(char.get("matrix")) in (_UP, _DOWN)


def _line_word(chars: list[Mapping[str, Any]], up: bool, settings: TurnedLabelSettings) -> dict:
    """One turned line as a pdfplumber-like word: its text in reading order, its box, font."""
    ordered = sorted(chars, key=lambda c: float(c["top"]), reverse=up)
    size = max(float(c["x1"]) - float(c["x0"]) for c in ordered)
    text = ""
    for before, char in zip([None, *ordered], ordered):
        if before is not None:
            gap = float(before["top"]) - float(char["bottom"]) if up else float(char["top"]) - float(before["bottom"])
            if gap > settings.word_gap * size:
                text += " "
        text += str(char["text"])
    return {
        "text": text,
        "x0": min(float(c["x0"]) for c in ordered),
        "x1": max(float(c["x1"]) for c in ordered),
        "top": min(float(c["top"]) for c in ordered),
        "bottom": max(float(c["bottom"]) for c in ordered),
        "fontname": ordered[0].get("fontname", ""),
        "size": size,
        "upright": False,
        "chars": ordered,
    }


def _runs(chars: list[Mapping[str, Any]], settings: TurnedLabelSettings) -> list[list[Mapping[str, Any]]]:
    """Characters of one x split where a gap too wide for a line's parts falls between them."""
    runs: list[list[Mapping[str, Any]]] = []
    for char in sorted(chars, key=lambda c: float(c["top"])):
        size = float(char["x1"]) - float(char["x0"])
        if runs and float(char["top"]) - max(float(c["bottom"]) for c in runs[-1]) <= settings.line_gap * size:
            runs[-1].append(char)
        else:
            runs.append([char])
    return runs


def turned_words(
    chars: Iterable[Mapping[str, Any]], settings: TurnedLabelSettings = TurnedLabelSettings()
) -> list[dict]:
    """The page's turned characters as one word per turned line (see the module's docstring)."""
    columns: list[tuple[float, tuple[int, int] | None, list[Mapping[str, Any]]]] = []
    turned = (c for c in chars if is_turned(c) and str(c.get("text", "")).strip())
    for char in sorted(turned, key=lambda c: float(c["x0"])):
        way = char_direction(char.get("matrix"))
        x0 = float(char["x0"])
        if columns and columns[-1][1] == way and x0 - columns[-1][0] <= settings.same_line:
            columns[-1][2].append(char)
        else:
            columns.append((x0, way, [char]))
    return [_line_word(run, way == _UP, settings) for _, way, column in columns for run in _runs(column, settings)]
