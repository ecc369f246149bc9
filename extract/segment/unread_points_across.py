"""A score summary printed across (a column per field, the rows "Điểm tối đa" / "Điểm tự chấm":
``fields_across``) on pages read as lines, whose points no reader took. On a dump the grid is gone:
the fields' labels run over several lines ("Tiêu chí 1. Công tác 2. Xây 3. Cải cách | 4. Cải cách
…", their wrapped words under them), and each points row is a line opening with its label, its
figures OCR garbled in part ("| Diem tdi da jee 22 8 | 18 Ae Tes os 10 | (Eos: 18 20 99"). No row
opens with a code, so no other tell saw the table, and every field's points were lost without a
word.

Told here: a line opening with a points label ("Điểm …", an ``eng`` dump's "Diem", "Diém") that
holds ``min_figures`` figures or more, under a line naming ``min_codes`` field codes or more (the
header, within ``header_lines`` above), none of whose lines gave anything read. The part covers the
header's lines and the points lines under it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from extract.model import IngestedDocument, Line
from extract.segment.unread_rows import LINE_METHODS
from normalize.lazy_regex import lazy_compile
from normalize.text import fold
from schemas.records import UnreadPart


@dataclass(frozen=True)
class UnreadPointsAcrossSettings:
    # Figures a points line holds at least (a field's points each; OCR garbles some of them).
    min_figures: int = 3
    # Field codes the header line names at least ("1. Công tác 2. Xây dựng …").
    min_codes: int = 3
    # Lines above the first points line searched for the header (its labels wrap over lines).
    header_lines: int = 10


# A points row's label opening the line, after a ruling's specks ("| Điểm tối đa", "Diém tự chấm").
_POINTS_ROW = lazy_compile(r"^[^\p{L}\p{N}]{0,3}diem\b")
_FIGURES = lazy_compile(r"(?<![\d.,])\d{1,3}(?:,\d{1,2})?(?![\d])")
# A field's code as a column label prints it: a number and its dot before the field's capitalised
# name ("1. Công tác", "4. Cải cách"), on the line as printed.
_FIELD_CODE = lazy_compile(r"(?<![\d.,])\d{1,2}\.\s+\p{Lu}")


def _points_line(line: Line, settings: UnreadPointsAcrossSettings) -> bool:
    return bool(_POINTS_ROW.match(fold(line.text))) and len(_FIGURES.findall(line.text)) >= settings.min_figures


def unread_points_across(
    doc: IngestedDocument,
    is_read: Callable[[Line, int], bool],
    settings: UnreadPointsAcrossSettings = UnreadPointsAcrossSettings(),
) -> list[UnreadPart]:
    """The header and points lines of score summaries printed across that gave nothing read."""
    parts = []
    for page in doc.pages:
        if page.method not in LINE_METHODS:
            continue
        lines = [ln for ln in page.lines if ln.text.strip()]
        k = 0
        while k < len(lines):
            if not _points_line(lines[k], settings):
                k += 1
                continue
            end = k
            while end + 1 < len(lines) and _points_line(lines[end + 1], settings):
                end += 1
            above = range(k - 1, max(-1, k - 1 - settings.header_lines), -1)
            head = next((j for j in above if len(_FIELD_CODE.findall(lines[j].text)) >= settings.min_codes), None)
            span = lines[head : end + 1] if head is not None else []
            k = end + 1
            if not span or any(is_read(ln, page.number) for ln in span):
                continue
            parts.append(
                UnreadPart(
                    page=page.number,
                    kind="table",
                    reason=(
                        "a score summary printed across (a column per field, a row per kind of points) "
                        "gave no row: its points were not read"
                    ),
                    text_sample=" / ".join(ln.text for ln in span),
                    line_start=span[0].number,
                    line_end=span[-1].number,
                )
            )
    return parts
