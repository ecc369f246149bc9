"""A table continued on the next page under a running line ("Phụ lục 1 (tiếp theo)", "(Tiếp theo
Phụ lục 1)", "Biểu tự đánh giá (tiếp theo)"), often with no header there: the next page opens
straight on a row, its columns known only by their places. The line is the page's layout, not
text: it says the table above goes on. ``table_join`` asks ``continues_under_running_line`` for a
fragment its other tests (a repeated header, the numbering carried on, a cut row finished) leave
alone: a scan's first rows are often lettered items ("a)", "b)") whose letter OCR lost or misread,
which carry no number to follow the table's on."""

from __future__ import annotations

from collections.abc import Sequence

import regex as re

from extract.model import IngestedDocument, Line, Page
from normalize.lazy_regex import lazy_compile
from normalize.text import fold

# "(tiếp theo)", "(Tiếp theo Phụ lục 1)", "Phụ lục 1 - tiếp theo", "Biểu … (tiếp theo)",
# "Phụ lục 1 (tiếp)", "(tiếp theo trang trước)": a short label, the words "tiếp theo" (or "tiếp"
# alone in brackets), nothing that reads as a sentence after them. Matched folded, so a dump's
# "(Tiép theo Phu luc 1)" reads the same.
_CONTINUED = lazy_compile(
    r"^[\W_]{0,3}(?:(?:phu\s*luc|bieu|bang|mau|phan)\b[^()]{0,80}?)?[\s(,:.\-–—]*"
    r"(?:tiep\s*theo\b(?:\s*(?:trang\s*truoc|phu\s*luc|bieu|bang|mau)\b[^()]{0,12})?|\(\s*tiep\s*\))"
    # (a dump's specks after it: "Phu luc 1 (tiép theo) eee")
    r"[\s).\-–—]*(?:\s[^\w\s]*[a-z]{1,3}[^\w\s]*)?\s*$"
)
# Page furniture that may stand beside the running line at a page turn: a page number ("- 2 -",
# "Trang 3", "2/5", "Trang 2 / 3", "- 2/3 -") or a speck.
PAGE_NUMBER = lazy_compile(r"^\s*(?:trang\s*)?[-–]?\s*\d{1,3}\s*[-–]?\s*(?:/\s*\d{1,3}\s*[-–]?)?\s*$", re.I)
# A page mark no figure reads as: the word "Trang", a page out of a count ("2/3"), or a number
# between dashes ("- 2 -"). A bare number is left out: a table's last row may hold one figure.
_PAGE_MARK = lazy_compile(
    r"^\s*(?:trang\s*\d{1,3}(?:\s*/\s*\d{1,3})?|[-–]?\s*\d{1,3}\s*/\s*\d{1,3}\s*[-–]?"
    r"|[-–]\s*\d{1,3}\s*[-–])\s*$",
    re.I,
)


def is_running_line(text: str) -> bool:
    """Whether a line is the running "(tiếp theo)" label a continued table prints over its
    next part."""
    folded = fold(text)
    return 0 < len(folded) <= 100 and bool(_CONTINUED.match(folded))


# The same mark on a line of an OCR text dump: specks of the dashes around it ("= 3/3 =", "- 2/3 -",
# "~ Trang 2/3"), the page's own number misread as a letter ("e/3="): a page out of a count
# standing alone on its line, which no row of a table prints (a row's "1/12" sits among its words).
_DUMPED_PAGE_MARK = lazy_compile(r"^[\W_]{0,3}(?:trang\s*)?(?:\d{1,3}|[a-z])\s*/\s*\d{1,3}\s*[\W_]{0,3}$", re.I)


def is_page_mark_line(text: str) -> bool:
    """Whether a line of a dump is the page's mark ("Trang 2/3", "- 2/3 -", as OCR leaves them):
    layout, never a row's words nor a row."""
    return bool(_DUMPED_PAGE_MARK.match(fold(text).strip()))


# ... or opening a line OCR glued the next page's first line to ("Trang 1/3STT Nội dung …").
_GLUED_PAGE_MARK = lazy_compile(r"^[\W_]{0,3}trang\s*\d{1,3}\s*/\s*\d{1,3}(?=\s*\D)", re.I)


def after_page_mark(text: str) -> str:
    """A dump's line without the page's mark OCR glued before its words; any other line as it is."""
    m = _GLUED_PAGE_MARK.match(text)
    return text[m.end() :].lstrip() if m else text


def _furniture(text: str) -> bool:
    folded = fold(text)
    return len(folded) <= 3 or bool(PAGE_NUMBER.match(folded)) or is_running_line(text)


def is_page_mark_row(cells: Sequence[str]) -> bool:
    """A table row that is only the page's mark ("Trang 2/3" in one cell across the table): a sheet
    printed page by page with its footer pasted as a last row. Layout, never a row of the table."""
    filled = [c for c in cells if c.strip()]
    return len(filled) == 1 and bool(_PAGE_MARK.match(fold(filled[0])))


def goes_on_in_lower_case(cells: Sequence[str]) -> bool:
    """A row whose first filled cell goes on in lower case: the rest of a row the page break cut,
    never a header (a header's labels open with a capital)."""
    first = next((c.strip() for c in cells if c.strip()), "")
    return first[:1].islower()


def continues_under_running_line(
    gap: Sequence[object], page_step: int, shape_agrees: bool, opens_on_row: bool, max_lines: int
) -> bool:
    """Whether a fragment at the top of the next page goes on the table above: between them only
    page furniture, one line of it the running "(tiếp theo)" label; the fragment has the table's
    shape (``shape_agrees``: its column boundaries the table's, or the same count of columns where
    a boundary is unknown) and opens on a row or the header again (``opens_on_row``), not on a
    header of its own."""
    if page_step != 1 or not shape_agrees or not opens_on_row:
        return False
    if not gap or len(gap) > max_lines or not all(isinstance(b, Line) for b in gap):
        return False
    lines = [b for b in gap if isinstance(b, Line)]
    return any(is_running_line(ln.text) for ln in lines) and all(_furniture(ln.text) for ln in lines)


def continued_on_next_page(doc: IngestedDocument, page: Page, look: int = 3) -> list[Line]:
    """The next page's lines when it opens (within its first ``look`` lines) on the running
    "(tiếp theo)" line: the rest of a table this page ends with, which a reader of this page's
    lines alone counts short. Empty when the next page opens otherwise."""
    later = [p for p in doc.pages if p.number == page.number + 1]
    if not later:
        return []
    lines = [ln for ln in later[0].lines if ln.text.strip()]
    return lines if any(is_running_line(ln.text) for ln in lines[:look]) else []
