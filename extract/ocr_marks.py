"""What only OCR writes on a page of text, whatever its words: the marks Tesseract leaves where a
printed grid, a stain or a rule was. A Vietnamese OCR dump of a clean scan has clean words, so the
repair stage takes it for typed text; its layout still says where it came from:

- specks standing as words of their own: ": : :", "_", "-_|", "`", "ˆ ^" (the rules and stains
  between cells), which a typed document never prints;
- ruling lines read as bars for some of a row's cells and not others ("1.1 | Kế hoạch 5 4 3,5":
  a bar after the code, none between the figures), where an export bars every cell;
- a code with a speck stuck to it ("|__1.", "‘3.1", "9.2_").

Judged once per document, on its text pages (a scan's or a DOCX's characters say nothing here)."""

from __future__ import annotations

from dataclasses import dataclass

from extract.model import IngestedDocument, Line
from normalize.lazy_regex import lazy_compile


@dataclass(frozen=True)
class OcrMarkSettings:
    # Marks a document's text pages show at least, to be taken for OCR's layout. One stray mark
    # is a typist's slip; typed families and samples show none.
    min_marks: int = 2
    # Page methods whose lines are the source's characters as written (text files).
    text_methods: frozenset[str] = frozenset({"text"})


# Characters OCR makes of rules, stains and cell borders.
_SPECKS = set("|¦_`~^ˆ˜´¨'‘’:;")
# Of them, those a typed text never prints standing alone (a colon or semicolon alone is a
# sloppy typist's "Số :" as well, a tilde a range: "từ 70% ~ 90%").
_STRONG = set("|¦_`^ˆ˜´¨'‘’")
# Long runs are typed rules and fill lines ("________", "……").
_RULE = lazy_compile(r"^(.)\1{3,}$")
_NUMBER = lazy_compile(r"^\d{1,3}(?:[.,]\d{1,2})?$")
_CODE = lazy_compile(r"^(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[IVX]{1,4}\.?)$")
_CODE_SPECKS = "|¦_`~'‘’"


def ocr_layout_marks(doc: IngestedDocument, settings: OcrMarkSettings = OcrMarkSettings()) -> int:
    """How many of OCR's layout marks the document's text pages show (the sum over its lines)."""
    return sum(line_marks(line) for page in doc.pages if page.method in settings.text_methods for line in page.lines)


def laid_out_by_ocr(doc: IngestedDocument, settings: OcrMarkSettings = OcrMarkSettings()) -> bool:
    """Whether the document's text shows OCR's layout marks (``ocr_layout_marks``) enough times."""
    return ocr_layout_marks(doc, settings) >= settings.min_marks


def line_marks(line: Line) -> int:
    """OCR's marks on one line: speck words, bars between some cells only, a speck on the code."""
    tokens = line.text.split()
    if not tokens:
        return 0
    marks = sum(1 for k, token in enumerate(tokens) if _speck_word(token, first=k == 0, tokens=tokens))
    marks += _partial_bars(tokens)
    marks += _specked_code(tokens[0])
    return marks


def _speck_word(token: str, first: bool, tokens: list[str]) -> bool:
    if not set(token) <= _SPECKS or token in ("|", "¦") or _RULE.match(token):
        return False
    if set(token) & _STRONG:
        return True
    # a colon, semicolon or tilde alone: OCR's when it opens the line or stands with another one
    return first or sum(1 for t in tokens if t in (":", ";", "~")) >= 2


def _partial_bars(tokens: list[str]) -> bool:
    """A line with bars where two figures stand side by side without one: the rules of some of
    the row's cells read as bars, the others lost (an export bars every cell)."""
    if not any(t in ("|", "¦") for t in tokens):
        return False
    return any(_NUMBER.match(a) and _NUMBER.match(b) for a, b in zip(tokens, tokens[1:], strict=False))


def _specked_code(token: str) -> bool:
    bare = token.strip(_CODE_SPECKS)
    return bool(bare) and bare != token and _CODE.match(bare) is not None


__all__ = ["OcrMarkSettings", "laid_out_by_ocr", "line_marks", "ocr_layout_marks"]
