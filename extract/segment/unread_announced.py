"""A score table a report announces that OCR garbled past every other tell.

A self-assessment report leads into its score table with a sentence of its own ("… UBND xã báo
cáo kết quả tự đánh giá, chấm điểm như sau:"). When OCR leaves of the table only scraps (a
header's "tối đa chấm", a cell's "UBND ngày 6/12/2023", a name's wrapped "quy phạm pháp luật tại
tỉnh"), nothing is shaped like a row, no codes run in order, no criterion's name opens a line and
no header names its criterion column: every other tell needs one of these, and the whole table
was lost without a word.

What the scraps still show is the table's place: under the sentence announcing scores, up to the
signature block, lines of which none gave an item and one at least names a points column ("tối
đa", "tự chấm"; ``line_header``'s words). Prose under such a sentence (a narrative report) names
no points column, and a table read under it is read: neither is told."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from extract.model import IngestedDocument, Line
from extract.segment.line_header import HEADER_POINTS, header_concepts
from extract.segment.unread_rows import LINE_METHODS, is_body_end
from normalize.lazy_regex import lazy_compile
from normalize.text import fold
from schemas.records import UnreadPart


@dataclass(frozen=True)
class UnreadAnnouncedSettings:
    # Lines under the announcing sentence looked at, up to the signature block: a page's table.
    body_lines: int = 40
    # Lines before the one ending "như sau:" that may hold the sentence's words on scores.
    sentence_lines: int = 2


# The sentence's end, "… như sau:" (folded; OCR may leave specks after it). An OCR trained on
# Latin letters alone has no "ư": it writes the letters it looks most like, one or two of "u",
# "v", "w" ("nhv sau:", "nhw sau:", "nhvw sau:", "nhuv sau:"), as it writes "ty danh gia" for
# "tự đánh giá".
_AS_FOLLOWS = lazy_compile(r"\bnh[uvw]{1,2}\s*sau\s*:")
# Its words on scores: "tự đánh giá, chấm điểm", "kết quả chấm điểm" (folded).
_SCORES = lazy_compile(r"\bcham\s*diem\b|\bt[uvwy]\s*danh\s*gia\b")


def unread_announced_tables(
    doc: IngestedDocument,
    is_read: Callable[[Line, int], bool],
    settings: UnreadAnnouncedSettings = UnreadAnnouncedSettings(),
) -> list[UnreadPart]:
    """One ``table`` part per sentence announcing scores on a line page (an OCR dump, an OCR'd
    page) under which no line gave an item and some line names a points column
    (``is_read(line, page)``: whether an item came from a line)."""
    parts = []
    for page in doc.pages:
        if page.method not in LINE_METHODS:
            continue
        lines = [ln for ln in page.lines if ln.text.strip()]
        for i, line in enumerate(lines):
            if not _announces_scores(lines[max(i - settings.sentence_lines, 0) : i + 1]):
                continue
            body: list[Line] = []
            for after in lines[i + 1 : i + 1 + settings.body_lines]:
                if is_body_end(fold(after.raw or after.text).lstrip("_ ")):  # ("__ Nơi nhận:")
                    break
                body.append(after)
            if not body or any(is_read(ln, page.number) for ln in body):
                continue
            named = set().union(*(_points_named(ln) for ln in body))
            if not named:
                continue
            parts.append(
                UnreadPart(
                    page=page.number,
                    kind="table",
                    reason=f"a score table announced ({_quoted(line)}) gave no row: {len(body)} lines under it, "
                    f"some naming its points columns ({', '.join(sorted(named))}), were not read (garbled by OCR)",
                    text_sample=" / ".join(ln.text.strip() for ln in body),
                    line_start=body[0].number,
                    line_end=body[-1].number,
                )
            )
    return parts


def _announces_scores(sentence: list[Line]) -> bool:
    """Whether the last line ends a sentence "… như sau:" whose words (on it or the lines before)
    speak of scores."""
    last = fold(sentence[-1].raw or sentence[-1].text)
    if not _AS_FOLLOWS.search(last):
        return False
    return any(_SCORES.search(fold(ln.raw or ln.text)) for ln in sentence)


def _points_named(line: Line) -> set[str]:
    """The points columns a line names by a header's words ("tối đa", "tự chấm"); the looser keyed
    reading (a header's pieces, "chuẩn UBND") would find them in prose ("xã … đạt kết quả")."""
    return header_concepts(line.raw or line.text) & set(HEADER_POINTS)


def _quoted(line: Line, chars: int = 40) -> str:
    text = " ".join(line.text.split())
    return f"“…{text[-chars:]}”" if len(text) > chars else f"“{text}”"
