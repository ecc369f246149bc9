"""Coded lines that are a score table's rows by their names, their points lost.

``unread_rows`` tells lines opening with criterion codes in order under a score table's header as
a table not read when at least half of them still print a figure (a plan's numbered headings,
"1.1. Kết quả chung", print none). A degraded scan read as blocks (``--psm 3``) may lose every
figure while each line still prints its code before a catalogued criterion's name ("1.1.1 | Ban
hanh ké hoach CCHC nam"): such a run is a table's rows too, the criteria set's wording then
finding them (``set_rows``).
"""

from __future__ import annotations

from extract.model import Line
from extract.segment.line_common import JUNK, LineTableSettings, line_tokens
from extract.segment.line_split import is_criterion_name, opens_name_part
from normalize.codes import read_code_token

# Specks and bars OCR leaves between the code and the name ("1.1. | Ké hoach CCHC nam").
_SPECKS = ":;.,|_-~‘’'\"{}[]() "


def criteria_named(lines: list[Line], settings: LineTableSettings = LineTableSettings()) -> bool:
    """Whether most of the coded ``lines`` (all but one at most) name a catalogued criterion
    after their code, as a whole name or its opening, up to a rule's bar."""
    named = sum(_coded_name(line, settings) for line in lines)
    return named >= max(len(lines) - 1, 1) and named * 3 >= 2 * len(lines)


def _coded_name(line: Line, settings: LineTableSettings) -> bool:
    tokens = [raw for _, raw in line_tokens(line) if not JUNK.match(raw)]
    if len(tokens) < 2 or read_code_token(tokens[0].strip(_SPECKS)) is None:
        return False
    # (the name cell's text: up to the bar OCR read for the rule before the next cell)
    cell = line.text.split(tokens[0], 1)[1].lstrip(_SPECKS).split("|")[0].split()
    words = [(w, w) for w in cell]
    return bool(words) and (is_criterion_name(words, settings) or opens_name_part(words, settings))
