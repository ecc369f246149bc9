"""A statistics line's figure and unit among OCR's specks: which token is the figure (a number, a
yes/no answer, never a year), where the unit before it starts (a known unit, a capitalised run the
indicator does not open with), the specks to drop after a unit or a figure, and the unit of a row
whose figure OCR lost. Apart from ``stat_line_cells`` (which cuts a line into its cells) as the
tokens' own small vocabulary."""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex as re

from extract.segment.stat_bracketed_unit import bracketed_unit
from extract.segment.stat_garbled_cells import KNOWN_UNITS as _KNOWN_UNITS, capitalised as _capitalised
from normalize.lazy_regex import lazy_compile
from normalize.text import fold

if TYPE_CHECKING:  # the settings live with the table finder that passes them down
    from extract.segment.stat_lines import StatLineSettings

_NUMBER = lazy_compile(r"^[(]?\d{1,3}(?:[.,]\d{3})*(?:[.,]\d+)?%?[)]?$|^\d+(?:[.,]\d+)?%?$")
_ENUM_VALUE = ("co", "khong", "x")
# Letters of an administrative acronym standing alone as an indicator's wrapped words ("CCHC").
_SPECK_CHARS = 2


_PERCENT_SPECKED = lazy_compile(r"\d\s?%|%\s?\d")
# Specks of the grid stuck to a figure's cell ("360]", "‘0"; the right rule read as a brace, "261}").
_FIGURE_SPECKS = " []|_—~‘’'`°{}"


def _unspecked_figure(tokens: list[str], units: set[str], settings: StatLineSettings) -> list[str]:
    """A row's tokens with its last number read as the figure without the specks OCR stuck to it
    ("Thủ tục 129.", "Người 19-", "Người -18", "Nhiệm vụ 38:", "Nhiệm vụ 2)"), when a unit
    stands before it: the figure is the row's last number, after its unit, and a mark beside it
    is the grid's or the page's (a statistics figure has no sign). Specks OCR put between the
    unit and the figure ("Thủ tục j 24.", "Nhiém vu Ce 27.") or one after it ("27. a": the cell's
    edge) are the grid's too. Without a unit known before it (a counting unit, the table's own),
    a number ending a line ("… theo Điều 5.") is the indicator's wording, left as it is."""
    if len(tokens) >= 3 and _is_speck(tokens[-1], settings) and len(tokens[-1]) <= _SPECK_CHARS:
        inner = tokens[:-1]
        unspecked = _unspecked_figure(inner, units, settings)
        if unspecked is not inner:  # the number before the speck read, after a unit, as the figure
            return unspecked
    if len(tokens) < 2 or _is_figure(tokens[-1]):
        return tokens
    bare = tokens[-1].strip(_FIGURE_SPECKS + _EDGE_MARKS)
    if not bare or not _NUMBER.match(bare) or "%" in bare:
        return tokens
    before = [t for t in tokens[:-1] if t.strip(_FIGURE_SPECKS + _EDGE_MARKS)]
    for n in range(settings.max_lost_figure_specks + 1):
        head, specks = before[: len(before) - n], before[len(before) - n :]
        if not head or not all(_is_speck(t, settings) for t in specks):
            break
        start = _unit_start(head, units, settings)
        if start is None or start == 0:
            continue
        unit = " ".join(fold(t).strip(",.;:") for t in head[start:])
        if unit in units or unit in _KNOWN_UNITS or bracketed_unit(head, settings.max_unit_words) == start:
            return [*head, bare]
    if _FRACTION_FIGURE.fullmatch(bare):
        # "… Kế hoạch CCHC năm 86,36.": a number with a decimal fraction is no article or clause
        # an indicator cites ("theo Điều 5.", "mục 5.2"), so it is the figure, its unit lost
        return [*tokens[:-1], bare]
    return tokens  # "… theo Điều 5.": a capitalised word, no unit the table or the language knows


# A figure printed with its decimal fraction: a decimal comma (Vietnamese; a clause's number
# prints dots), or two decimals after a point as a share's are ("98.34"; "5.2" may be a clause).
_FRACTION_FIGURE = lazy_compile(r"\d{1,3},\d{1,2}|\d{1,3}\.\d{2}")


def _is_speck(token: str, settings: StatLineSettings) -> bool:
    """A token OCR made of the grid beside a cell: short, no digit ("j", "Ce", "a")."""
    return len(token) <= settings.max_speck_chars and not any(c.isdigit() for c in token)


def _without_specks_after_unit(tokens: list[str], units: set[str], settings: StatLineSettings) -> list[str]:
    """A row's tokens without the specks OCR put between its unit and its figure ("% ại 100",
    "Hồ sơ ] 264"): at most ``max_lost_figure_specks`` tokens of at most ``max_speck_chars``
    characters and no digit, after a unit the table or the language knows (or "%"), before a
    figure. Nothing stands between a unit's cell and the figure's but the grid."""
    for k in range(2, len(tokens)):
        if not _is_figure(tokens[k]):
            continue
        for n in range(1, settings.max_lost_figure_specks + 1):
            specks = tokens[k - n : k]
            if k - n < 1 or any(len(t) > settings.max_speck_chars or any(c.isdigit() for c in t) for t in specks):
                break
            if _known_unit_ends(tokens[: k - n], units, settings):
                return [*tokens[: k - n], *tokens[k:]]
    return tokens


def garbled_before_figure(tokens: list[str], kept: list[str], settings: StatLineSettings) -> tuple[str, str] | None:
    """(word, figure) where ``_without_specks_after_unit`` dropped, before the figure, a word of
    letters only, at least ``garbled_cell_letters`` long: not the grid's speck ("% ại 100") but what
    OCR left of the figure's own cell ("Hồ sơ Mãi 1" printed "Hồ sơ 421"), so the figure after it
    may be only its last digits."""
    if len(kept) >= len(tokens):
        return None
    at = next((k for k, (t, u) in enumerate(zip(tokens, kept)) if t != u), len(kept))
    dropped, after = tokens[at : at + len(tokens) - len(kept)], at + len(tokens) - len(kept)
    words = [t for t in dropped if t.isalpha() and len(t) >= settings.garbled_cell_letters]
    return (words[-1], tokens[after]) if words and after < len(tokens) else None


def _known_unit_ends(tokens: list[str], units: set[str], settings: StatLineSettings) -> bool:
    """Whether the tokens end with "%" or a unit the table or the language knows, capitalised as
    a unit's cell is, after at least one word of the indicator."""
    for n in range(min(settings.max_unit_words, len(tokens) - 1), 0, -1):
        words = tokens[-n:]
        unit = " ".join(fold(t).strip(",.;:-_|") for t in words)
        if unit == "%" or (_capitalised(words[0]) and (unit in units or unit in _KNOWN_UNITS)):
            return True
    return bracketed_unit(tokens, settings.max_unit_words) is not None


def _unit_of_lost_figure(tokens: list[str], units: set[str], settings: StatLineSettings) -> tuple[int, int] | None:
    """(start, end) of the unit a row's tokens print where OCR garbled its figure into a speck
    or two ("Thủ tục b", "Người- NN") or dropped it, or None: a capitalised unit the table or the
    language knows, or "%", after the indicator's words (Vietnamese goes on in lower case: "…
    giải quyết hồ sơ" is wording). The row then lost its figure's cell, which is told."""
    for tail in range(0, settings.max_lost_figure_specks + 1):
        end = len(tokens) - tail
        if end < 2 or any(len(t) > settings.max_speck_chars or _is_figure(t) for t in tokens[end:]):
            continue
        for n in range(min(settings.max_unit_words, end - 1), 0, -1):
            words = tokens[end - n : end]
            unit = " ".join(fold(t).strip(",.;:-_|") for t in words)
            if unit == "%" or (_capitalised(words[0]) and (unit in units or unit in _KNOWN_UNITS)):
                return end - n, end
    return None


def _unit_alone(tokens: list[str], units: set[str], settings: StatLineSettings) -> str | None:
    """The unit a coded line prints alone, its figure garbled into a speck or two ("Cuộc lhc"), or
    None: OCR set the row's indicator on the next line. A capitalised unit the table or the language
    knows, then at most ``max_lost_figure_specks`` short words with no figure."""
    for tail in range(0, settings.max_lost_figure_specks + 1):
        end = len(tokens) - tail
        if end < 1 or any(len(t) > settings.max_speck_chars or _is_figure(t) for t in tokens[end:]):
            continue
        if end <= settings.max_unit_words and _capitalised(tokens[0]):
            unit = " ".join(fold(t).strip(",.;:-_|") for t in tokens[:end])
            if unit in units or unit in _KNOWN_UNITS:
                return " ".join(tokens[:end])
    return None


# Marks beside a figure at the end of a row's line: a full stop, a colon, a dash, a bracket, a
# cross (the grid's corner: "Thủ tục 4+"; a statistics figure has no sign).
_EDGE_MARKS = ".:;-–)(+"


def _is_figure(token: str) -> bool:
    token = token.strip()
    return bool(_NUMBER.match(token)) or fold(token) in _ENUM_VALUE


def _figure_at(tokens: list[str], units: set[str], settings: StatLineSettings) -> tuple[int, int] | None:
    """(where the unit starts, where the figure is) in a row's tokens after its code, or None:
    the first figure that follows a unit, else a figure ending the line."""
    for k in range(1, len(tokens)):
        if not _is_figure(tokens[k]):
            continue
        start = _unit_start(tokens[:k], units, settings)
        if start is not None and start > 0:
            return start, k
    if len(tokens) >= 2 and _is_figure(tokens[-1]) and not _is_year(tokens[-1]):
        return len(tokens) - 1, len(tokens) - 1
    return None


def _is_year(token: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d\d", token))


def _unit_start(before: list[str], units: set[str], settings: StatLineSettings) -> int | None:
    """Where the unit before a figure starts, or None when no unit stands there: "%", a run of
    words opened by a capitalised one the indicator does not start with (Vietnamese goes on in
    lower case), a
    phrase the table's other rows end with before their figure, a known counting unit."""
    last = before[-1]
    if fold(last).strip("_-—~.,;:") in ("%", "dong"):  # "_%-": the unit with the grid's specks
        return len(before) - 1
    # The unit's first word is capitalised, the rest not ("Hồ sơ", "Nhiệm vụ", "Triệu đồng").
    for start in range(len(before) - 1, max(0, len(before) - settings.max_unit_words - 1), -1):
        if start > 0 and _capitalised(before[start]):
            return start
    folded = [fold(t).strip(",.;:") for t in before]
    for vocabulary in (units, _KNOWN_UNITS):
        for n in range(min(settings.max_unit_words, len(before) - 1), 0, -1):
            if " ".join(folded[-n:]) in vocabulary:
                return len(before) - n
    return bracketed_unit(before, settings.max_unit_words)
