"""Running text as paragraphs. Layout formats (text PDFs, OCR) give one ``Line`` per printed
line, so a sentence ("… đã hoàn thành 15/19 nhiệm vụ") can be cut across two of them; text
exports and DOCX already give one line per paragraph. The narrative segmenters read paragraphs."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, replace

import regex as re

from extract.model import IngestedDocument, Line, Table
from normalize.lazy_regex import lazy_compile

LAYOUT_METHODS = ("pdf-text", "ocr")


@dataclass(frozen=True)
class ParagraphSettings:
    # Two lines are one paragraph when the blank space between them is under this share of a
    # line's height (paragraph spacing is larger than line spacing in typed documents).
    max_gap_ratio: float = 0.6
    # ... and under this share when the line goes on in lower case after one that did not end its
    # sentence: a scan's last word wrapped alone ("… là không dưới 03" / "cuộc.") has a box only
    # as tall as its small letters, so the blank above it looks as wide as a paragraph's.
    max_gap_going_on: float = 1.0
    # A line starting like a list item or a numbered heading starts a paragraph of its own.
    # (A roman numeral as OCR reads it, "IH." for "II.", before an upper-case title too.)
    # Specks a scan prints before an item ("__ 1.2. …", ". . b) …", "._4. …") do not hide it, nor
    # does a roman numeral's full stop OCR read as a letter ("IL CHỈ TIÊU CỤ THỂ": a title in
    # capitals to the line's end).
    item_start: str = (
        r"^\s*(?:[_'‘`|.,]{1,3}\s*){0,2}(?:[-+•*–]\s|[a-zđ]\)\s|\d{1,2}(?:\.\d{1,2})*[.)]\s|[IVX]{1,4}\.\s"
        r"|(?=[IVXLTHl|]*[IVXH])[IVXLTHl|]{1,5}\.\s+\p{Lu}{2}"
        r"|(?=[IVXLTHl|]*[IVXH])[IVXLTHl|]{1,5}\s+\p{Lu}{2,}(?:\s+\p{Lu}+){1,8}(?:\s+[^\p{L}\p{N}\s]{1,2}(?:\s+\p{L})?)?\s*$)"
    )


def reading_lines(doc: IngestedDocument, settings: ParagraphSettings = ParagraphSettings()) -> list[Line]:
    """The document's text lines, those of layout pages joined into paragraphs; a table between
    two lines always separates them."""
    item = re.compile(settings.item_start)
    out: list[Line] = []
    for page in doc.pages:
        if page.method not in LAYOUT_METHODS:
            out.extend(page.lines)
            continue
        heights = [ln.bbox[3] - ln.bbox[1] for ln in page.lines if ln.bbox]
        height = statistics.median(heights) if heights else 0.0
        current: Line | None = None
        last: Line | None = None  # the printed line the paragraph ends with
        for block in page.blocks:
            if isinstance(block, Table):
                current = last = None
                continue
            if current is not None and last is not None and _continues(last, block, height, item, settings, current):
                current = _join(current, block)
                out[-1] = current
            else:
                current = block
                out.append(current)
            last = block
    return out


# A printed line that opens, past OCR's specks ("- tục", ". trong đó"), in lower case: a sentence
# going on. A paragraph, a heading and a list item each open in upper case or with a number.
_GOES_ON = lazy_compile(r"^[^\p{L}\p{N}]{0,3}\p{Ll}")
# ... or with a count and its unit in lower case: a sentence wrapped between a count's label and
# its figure ("… đang xử lý" / "05 phản ánh (đạt 79,17%)."). An item's number is no figure so
# ("2. Cải cách …", "a) …": a mark after it, a capital). A clause mark may close the figure: a year
# wrapped alone before the breakdown ("… so với cùng kỳ năm" / "2012; trong đó: …").
_GOES_ON_FIGURE = lazy_compile(r"^\d{1,6}(?:[.,]\d+)?[;,]?\s+\p{Ll}")
# A line that ends a sentence.
_SENTENCE_END = lazy_compile(r"[.!?]\W{0,3}$")


def wrapped_lines(doc: IngestedDocument, settings: ParagraphSettings = ParagraphSettings()) -> list[Line]:
    """``reading_lines``, with the lines of plain-text pages (OCR dumps, whose lines are the
    page's printed lines) joined where a sentence wraps: a line going on in lower case after one
    that did not end its sentence. Typed text exports give one line per paragraph, which never
    opens in lower case."""
    out: list[Line] = []
    for line in reading_lines(doc, settings):
        last = out[-1] if out else None
        if (
            last is not None
            and line.page == last.page
            and _page_method(doc, line.page) == "text"
            and last.text.strip()
            and not _SENTENCE_END.search(last.text)
            and (_GOES_ON.match(line.text) or _GOES_ON_FIGURE.match(line.text))
        ):
            out[-1] = _join(last, line)
        else:
            out.append(line)
    return out


def _page_method(doc: IngestedDocument, number: int) -> str | None:
    return next((p.method for p in doc.pages if p.number == number), None)


def open_bracket(text: str) -> bool:
    """Whether a text leaves a bracket open: its next line carries on inside it, even when it
    starts like an item ("(… chủ trì: Văn phòng" / "- Thống kê; phối hợp: …)"). An item's own
    letter or number ("a) …", "2) …") closes no bracket."""
    text = _ITEM_MARK.sub("", text, count=1)
    return text.count("(") > text.count(")")


_ITEM_MARK = lazy_compile(r"^\s*[_'‘`|]?(?:[a-zđ]|\d{1,2})\)")
# A range's second figure wrapped at its dash ("… đạt tỷ lệ từ 76" / "- 86%."): a line opening
# with a dash and a percentage after a line ending in a figure is the range's rest, not an item
# (an item opens with words).
_RANGE_REST = lazy_compile(r"^\s*[-–]\s*\d{1,3}(?:[.,]\d+)?\s*%")


def range_rest(previous: str, line: str) -> bool:
    """Whether ``line`` is the rest of a range the line ``previous`` wrapped at its dash."""
    return bool(_RANGE_REST.match(line)) and previous.rstrip()[-1:].isdigit()


def _continues(
    previous: Line, line: Line, height: float, item: re.Pattern, settings: ParagraphSettings, paragraph: Line
) -> bool:
    if (
        not previous.bbox
        or not line.bbox
        or height <= 0
        # An item inside an open bracket carries its text on ("(… chủ trì: Văn phòng" / "- Thống
        # kê; …)"), unless the line above closed a sentence: the bracket's ")" OCR lost.
        or (
            item.match(line.text)
            and not range_rest(previous.text, line.text)
            and not (open_bracket(paragraph.text) and not _SENTENCE_END.search(previous.text))
        )
        or (COMMA_NUMBERED.match(line.text) and previous.text.rstrip().endswith(_CLOSED))
    ):
        return False
    if previous.bold != line.bold or previous.heading or line.heading:
        return False
    if _numbered_caps(paragraph.text) and not _numbered_caps(f"{paragraph.text} {line.text}"):
        return False  # a numbered heading in capitals ("II. CHỈ TIÊU CỤ THỂ") ends where text starts
    gap = line.bbox[1] - previous.bbox[3]
    going_on = _GOES_ON.match(line.text) and not _SENTENCE_END.search(previous.text)
    return -height / 2 < gap <= (settings.max_gap_going_on if going_on else settings.max_gap_ratio) * height


# A numbered heading whose full stop OCR read as a comma ("2, Cải cách thủ tục hành chính"): a
# new paragraph when the line above closed its sentence or clause (".", "). ", ";", ":"); a number
# opening a wrapped line of a sentence going on ("… các năm 2023," / "2024, Các …") follows none.
# Specks a scan prints before a heading's number ("_ 2, Cải cách …") stand before it as before
# any heading's (``narrative.speckless``).
COMMA_NUMBERED = lazy_compile(r"^\s*(?:[_'‘`|.,]{1,3}\s*){0,2}\d{1,2},\s+\p{Lu}\p{Ll}")
_CLOSED = (".", ";", ":", "!", "?")


_NUMBERED = lazy_compile(r"^\s*(?:[IVXLC]{1,5}|\d{1,2}(?:\.\d{1,2})*)\s*[.)]\s+\S")


def _numbered_caps(text: str) -> bool:
    """A numbered heading printed in capitals (a speck or two aside)."""
    letters = [c for c in text if c.isalpha()]
    return bool(_NUMBERED.match(text)) and len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def _join(paragraph: Line, line: Line) -> Line:
    raw = None
    if paragraph.raw is not None or line.raw is not None:
        raw = (
            f"{paragraph.raw if paragraph.raw is not None else paragraph.text} "
            f"{line.raw if line.raw is not None else line.text}"
        )
    confs = [c for c in (paragraph.conf, line.conf) if c is not None]
    repairs = [c for c in (paragraph.repair_conf, line.repair_conf) if c is not None]
    a, b = paragraph.bbox, line.bbox
    bbox = (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])) if a and b else a or b
    return replace(
        paragraph,
        text=f"{paragraph.text} {line.text}",
        raw=raw,
        bbox=bbox,
        words=paragraph.words + line.words,
        conf=min(confs) if confs else None,
        repair_conf=min(repairs) if repairs else None,
    )
