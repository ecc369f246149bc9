"""A score summary printed across (a column per field, the rows "Điểm tối đa" / "Điểm tự chấm":
``fields_across``) on pages read as lines, whose points no reader took. On a dump the grid is gone:
the fields' labels run over several lines ("Tiêu chí 1. Công tác 2. Xây 3. Cải cách | 4. Cải cách
… | Tổng cộng", their wrapped words under them), and each points row is a line opening with its
label, its figures OCR garbled in part ("| Diem tdi da jee 22 8 | 18 Ae Tes os 10 | (Eos: 18 20
99") or whole ("pitmmidas S| ed i ee"). No row opens with a code, so no other tell saw the table,
and every field's points were lost without a word.

Told here: a line naming the fields' codes in order from 1 (``min_codes`` or more: "1. Công tác |
2.Xâydựng | 3.Cảicách"), which names points too ("TỔNG ĐIỂM") or has a points line under it (one
opening "Điểm …", an ``eng`` dump's "Diem", "Diém", with ``min_figures`` figures or more), none of
whose lines, nor those under it up to the signature block (``body_lines`` at most), gave anything
read. The part covers those lines."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from extract.model import IngestedDocument, Line
from extract.segment.unread_rows import LINE_METHODS, lines_below, lines_part
from normalize.lazy_regex import lazy_compile
from normalize.text import fold
from schemas.records import UnreadPart


@dataclass(frozen=True)
class UnreadPointsAcrossSettings:
    # Figures a points line holds at least (a field's points each; OCR garbles some of them).
    min_figures: int = 3
    # Field codes the header line names at least, in order from 1 ("1. Công tác 2. Xây dựng …").
    min_codes: int = 3
    # Lines under the header that are still the table's: the fields' wrapped names, the points rows.
    body_lines: int = 12


# A points row's label opening the line, after a ruling's specks ("| Điểm tối đa", "Diém tự chấm").
_POINTS_ROW = lazy_compile(r"^[^\p{L}\p{N}]{0,3}diem\b")
_POINTS_WORD = lazy_compile(r"\bdiem\b")
_FIGURES = lazy_compile(r"(?<![\d.,])\d{1,3}(?:,\d{1,2})?(?![\d])")
# A field's code as a column label prints it: a number and its dot before the field's capitalised
# name ("1. Công tác", "2.Xâydựng"), on the line as printed.
_FIELD_CODE = lazy_compile(r"(?<![\d.,])(\d{1,2})\.\s*\p{Lu}")


# The addressees' label opening the signature block as OCR garbles it ("Noi nhén:", "Noinhén:").
_ADDRESSEES = lazy_compile(r"^\W*noi\s*nh\w{0,3}\s*:")


def _points_line(line: Line, settings: UnreadPointsAcrossSettings) -> bool:
    return bool(_POINTS_ROW.match(fold(line.text))) and len(_FIGURES.findall(line.text)) >= settings.min_figures


def _fields_header(line: Line, settings: UnreadPointsAcrossSettings) -> bool:
    """Whether a line names the fields' codes as column labels: 1, 2, 3 … in order."""
    codes = [int(c) for c in _FIELD_CODE.findall(line.text)]
    return len(codes) >= settings.min_codes and codes == list(range(1, len(codes) + 1))


def _ends_summary(line: Line, settings: UnreadPointsAcrossSettings) -> bool:
    """Whether a line under a summary's header opens something else: the addressees OCR glued
    ("Noinhén:", no body end), another summary's header."""
    return _ADDRESSEES.match(fold(line.text)) is not None or _fields_header(line, settings)


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
        for k, line in enumerate(lines):
            if not _fields_header(line, settings):
                continue
            span = lines_below(lines, k, settings.body_lines, lambda ln: _ends_summary(ln, settings))
            rows = [n for n, ln in enumerate(span) if n and _points_line(ln, settings)]
            if not rows and _POINTS_WORD.search(fold(line.text)) is None:
                continue
            # (the points rows close the table: a signature block OCR glued, "Noinhén:", is no body end)
            span = span[: rows[-1] + 1] if rows else span
            if any(is_read(ln, page.number) for ln in span):
                continue
            reason = (
                "a score summary printed across (a column per field, a row per kind of points) "
                "gave no row: its points were not read"
            )
            parts.append(lines_part("table", reason, span))
    return parts
