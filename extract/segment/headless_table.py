"""Where a score table starts when OCR garbled its header past reading ("§ i Điểm tỷ", "e là a.
i ỉ Ddiém ea SƠN ủy 2", "chuẩn òa"): no line names two column concepts, so ``score_lines`` finds
no header, though the rows under it still print their codes and points. The table is known by
the document's title naming the scoring ("BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM …") and by the rows
themselves: lines that open with a code and print a maximum and a score within it. Its body
starts at the first such row, or at the first line opening a catalogued criterion name above it,
with the name lines right above it (a centred row prints its name above its numbers' line); the
garbled header lines between the lead-in and the body are the header, whose words may still say
which points columns there are."""

from __future__ import annotations

from dataclasses import dataclass

import regex as re

from extract.model import Line
from extract.segment.line_common import JUNK, LineTableSettings, is_score_token, line_tokens
from extract.segment.line_header import header_concepts, is_header_line, keyed_concepts
from extract.segment.line_split import first_name_line, opens_criterion_name
from extract.segment.table_end import is_signature
from extract.segment.unread_coded import syllables
from normalize.codes import read_code_token
from normalize.lazy_regex import lazy_compile
from normalize.numbers import parse_number
from normalize.text import fold

# A title naming a score table's scoring: "BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM …", "Tự đánh giá, chấm
# điểm xác định Chỉ số …" (a lead-in sentence saying so ends with its colon: "… như sau:").
_SCORING_TITLE = lazy_compile(r"\bcham\s*diem\b")


@dataclass(frozen=True)
class HeadlessStart:
    """A score table found without a header: the lines to read it from (the garbled header's
    lines printed inside its first row's lines, "Nội dung giải trình : Điểm. Điểm" under the
    first row's name, left out), its header line's index and its first body line's."""

    lines: list[Line]
    header: int
    body: int


def headless_start(lines: list[Line], settings: LineTableSettings) -> HeadlessStart | None:
    """Where a score table whose header OCR garbled starts, or None: a scoring title, then at
    least ``headless_min_rows`` coded rows printing a maximum and a score within it before the
    signature block."""
    title = next((k for k, ln in enumerate(lines) if scoring_title(ln)), None)
    if title is None:
        return None
    end = next((k for k in range(title + 1, len(lines)) if is_signature(fold(lines[k].text))), len(lines))
    rows = [k for k in range(title + 1, end) if _scored_row(lines[k])]
    if len(rows) < settings.headless_min_rows:
        return None
    lead = title
    for k in range(title + 1, rows[0]):
        if re.search(r"\w:\s*$", lines[k].text):
            lead = k  # the lead-in sentence ("… chấm điểm như sau:") ends above the header
    # (the garbled header's lines hold no name's words; a centred row prints its name above its
    # numbers' line, so the body opens at the first line of a name's words)
    first = next((k for k in range(lead + 1, rows[0]) if _name_line(lines[k], settings)), rows[0])
    header = lead + 1 if lead + 1 < first else first - 1
    # Header lines OCR printed after the first row's name (the page's blocks out of order) are
    # no row's text.
    inside = {k for k in range(first + 1, rows[0]) if _header_words(lines[k], settings)}
    kept = [ln for k, ln in enumerate(lines) if k not in inside]
    return HeadlessStart(kept, header, first)


def scoring_title(line: Line) -> bool:
    """A line titling the document's scoring ("… tự đánh giá, chấm điểm …"), not a lead-in sentence."""
    text = line.text.strip()
    return bool(_SCORING_TITLE.search(fold(text).lower())) and not text.endswith(":") and len(text) <= 160


def _scored_row(line: Line) -> bool:
    """A line opening with a code that prints two points figures, the second within the first."""
    tokens = [raw for _, raw in line_tokens(line) if not JUNK.match(raw)]
    if len(tokens) < 3 or read_code_token(tokens[0].strip(".|:;_")) is None:
        return False
    figures = [parse_number(t.strip(".|"), kind="score") for t in tokens[1:] if is_score_token(t.strip(".|"))]
    values = [f.value for f in figures if f is not None and f.value is not None]
    return any(0 <= values[k + 1] <= values[k] for k in range(len(values) - 1))


def _name_line(line: Line, settings: LineTableSettings) -> bool:
    """A line opening a catalogued criterion name, or one of a name's words: a capital first,
    then syllables (three at least, the first three words all syllables)."""
    text = line.text.strip().lstrip(_SPECKS)
    if opens_criterion_name(text, settings) or first_name_line(text, settings):
        return True
    words = text.split()
    return text[:1].isupper() and len(words) >= 3 and syllables(" ".join(words[:3])) == 3


def _header_words(line: Line, settings: LineTableSettings) -> bool:
    """A line of header words with no figure but a speck's: it names a column."""
    text = line.raw or line.text
    return is_header_line(line, settings) and bool(header_concepts(text) or keyed_concepts(text))


# Specks and bars OCR leaves before a line's first word ("_} Công tác …", "| Đã ban hành …").
_SPECKS = ":;.,|_-~‘’'\"{}[]() "
