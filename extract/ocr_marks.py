"""What only OCR writes on a page of text, whatever its words: the marks Tesseract leaves where a
printed grid, a stain or a rule was. A Vietnamese OCR dump of a clean scan has clean words, so the
repair stage takes it for typed text; its layout still says where it came from:

- specks standing as words of their own: ": : :", "_", "-_|", "`", "ˆ ^" (the rules and stains
  between cells), which a typed document never prints;
- ruling lines read as bars for some of a row's cells and not others ("1.1 | Kế hoạch 5 4 3,5":
  a bar after the code, none between the figures), where an export bars every cell;
- a code with a speck stuck to it ("|__1.", "‘3.1", "9.2_"), or an item letter read as a symbol
  ("€)" for c), "@2)"): a numbering broken by what no typist types.

A dump whose grid left fewer marks still has a printed page's lines (``printed_page``): every
line wrapped at the page's width, where a typed export keeps a paragraph on one line (its
opening "Thực hiện …" paragraph alone is longer than a printed line). With one mark, one stray
letter OCR made of a rule or a stain ("l", "h" standing alone), or a roman numbering broken
("I." where "II." was printed: the second part opens as the first), or a page break in the
middle of a line (Tesseract's form feed glued to the next page's text), that says OCR.

Judged once per document, on its text pages (a scan's or a DOCX's characters say nothing here)."""

from __future__ import annotations

from dataclasses import dataclass

from extract.model import IngestedDocument, Line
from normalize.lazy_regex import lazy_compile
from normalize.vietnamese.model import load_model
from normalize.vietnamese.syllable import normalize_syllable
from normalize.vietnamese.tokens import parse_token


@dataclass(frozen=True)
class OcrMarkSettings:
    # Marks a document's text pages show at least, to be taken for OCR's layout. One stray mark
    # is a typist's slip; typed families and samples show none.
    min_marks: int = 2
    # Page methods whose lines are the source's characters as written (text files).
    text_methods: frozenset[str] = frozenset({"text"})
    # A printed line holds at most this many characters (A4 landscape at 11 pt: ~135; the dumps
    # of the corpus: at most 132); typed exports (corpus, samples) have a paragraph above 190.
    page_line_chars: int = 150
    # Lines of words a text shows at least, to be judged a printed page's by their lengths.
    min_page_lines: int = 15
    # OCR's marks (``line_marks``) or stray letters a printed page's lines need besides.
    min_page_marks: int = 1


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
    """Whether the document's text shows OCR's layout marks (``ocr_layout_marks``) enough times,
    or a printed page's lines (``printed_page``) with fewer marks or stray letters."""
    marks = ocr_layout_marks(doc, settings)
    if marks >= settings.min_marks:
        return True
    lines = _text_lines(doc, settings)
    if not printed_page(lines, settings):
        return False
    signs = (
        marks + sum(stray_letters(line) for line in lines) + roman_repeats(lines) + mid_line_page_breaks(doc, settings)
    )
    return signs >= settings.min_page_marks


def _text_lines(doc: IngestedDocument, settings: OcrMarkSettings) -> list[Line]:
    return [line for page in doc.pages if page.method in settings.text_methods for line in page.lines]


def printed_page(lines: list[Line], settings: OcrMarkSettings = OcrMarkSettings()) -> bool:
    """Whether the lines are a printed page's: enough lines of words, none longer than a printed
    line holds. A typed export writes a paragraph on one line; OCR wraps it where the page did."""
    worded = [line.text.strip() for line in lines if len(line.text.split()) >= 2]
    return len(worded) >= settings.min_page_lines and max(map(len, worded)) <= settings.page_line_chars


def mid_line_page_breaks(doc: IngestedDocument, settings: OcrMarkSettings = OcrMarkSettings()) -> int:
    """Page breaks with text on both sides on one line of the file: Tesseract ends a page with a
    form feed and the next page's text follows it on the same line; a typed export breaks pages
    between paragraphs (a form feed on a line of its own or at a line's start)."""
    pages = [page for page in doc.pages if page.method in settings.text_methods and page.lines]
    return sum(1 for a, b in zip(pages, pages[1:], strict=False) if a.lines[-1].number == b.lines[0].number)


_ROMAN_ITEM = lazy_compile(r"^([IVX]{1,4})[.)]?$")


def roman_repeats(lines: list[Line]) -> int:
    """Roman parts that open with the numeral of the part before them ("I." … "I."): OCR lost
    a stroke of "II." (a typed text numbers its parts on, or restarts after a higher one)."""
    numerals = []
    for line in lines:
        tokens = line.text.split()
        found = _ROMAN_ITEM.match(tokens[0]) if len(tokens) > 1 else None
        if found:
            numerals.append(found.group(1))
    return sum(1 for a, b in zip(numerals, numerals[1:], strict=False) if a == b)


def stray_letters(line: Line) -> int:
    """Lone lower-case letters that are no Vietnamese word ("l", "h", "n"): what OCR makes of a
    rule, a stain or a bar. A typed text's lone letters are words ("y", "ạ"), item letters
    ("a)") or a table's tick ("x")."""

    syllables = load_model().syllables
    n = 0
    for token in line.text.split():
        core = parse_token(token).core
        if token == core and len(core) == 1 and core.isalpha() and core.islower() and core != "x":
            n += normalize_syllable(core) not in syllables
    return n


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
    if bare and bare != token and _CODE.match(bare) is not None:
        return True
    return _ITEM_SYMBOL.match(token) is not None


# An item's letter read as a symbol ("€)" for c), "@2)", "©)"): OCR's junk where the numbering
# had a letter; a typed text's items are letters, digits or a footnote's "*)".
_ITEM_SYMBOL = lazy_compile(r"^[¢&@€£©®§¥][\w¢&@€£©®]?\)$")


__all__ = [
    "OcrMarkSettings",
    "laid_out_by_ocr",
    "line_marks",
    "mid_line_page_breaks",
    "ocr_layout_marks",
    "printed_page",
    "roman_repeats",
    "stray_letters",
]
