"""Pages that gave nothing: no text, or almost none on a scan (a typed page with a few words, the
signer's name pushed onto a page of its own, is read whole), and pictures of printed pages beside
a page's text, whose contents no reader took."""

from __future__ import annotations

import regex as re
from rapidfuzz import fuzz

from extract.model import Page
from extract.segment.unread_settings import UnreadSettings, sample_text
from normalize.lazy_regex import lazy_compile
from normalize.text import fold
from schemas.records import UnreadPart

# The reason of a page with nothing printed on it (``Page.blank``): no text, picture or stroke.
BLANK_PAGE = "blank page: nothing is printed on it (no text, picture or drawing)"


def _page_text(page: Page) -> str:
    cells = " ".join(c.text for t in page.tables for c in t.cells)
    return " ".join(line.text for line in page.lines) + " " + cells


def unread_page(page: Page, settings: UnreadSettings, signer: str | None = None) -> list[UnreadPart]:
    text = _page_text(page).strip()
    if not text and page.blank:
        # Told, as every page that gave no text is (issue 16), and said for certain: nothing lost.
        reason = BLANK_PAGE
    elif not text:
        reason = "no text on this page: blank, or OCR found nothing readable"
    elif _is_name(text, signer):
        return []  # the signer's name pushed onto a page of its own: the signature block, read
    elif page.method == "ocr" and len(re.sub(r"\s", "", text)) < settings.min_page_chars:
        # Only a scan can hold more than it gave: a typed page with a few words (a signature name
        # pushed onto the last page) is read whole.
        reason = f"almost no text on this page ({len(text)} characters): blank, or not readable"
    else:
        return []
    bbox = [0.0, 0.0, float(page.width), float(page.height)] if page.width and page.height else None
    return [
        UnreadPart(page=page.number, kind="page", reason=reason, text_sample=sample_text(text, settings), bbox=bbox)
    ]


# The words a signature block prints around the signer's name (folded): the mark of a signed
# copy, the signer's title, "TM." / "KT." and the body signed for.
_SIGNATURE_WORDS = lazy_compile(
    r"\((?:da )?ky[^)]*\)|\b(?:tm|kt|t/m)\b\.?|\b(?:pho )?chu tich\b|\buy ban nhan dan\b|\bubnd\b"
)


def unread_pictures(page: Page) -> list[UnreadPart]:
    """Pictures of printed pages beside a page's text (extract.pdf_pictures): their contents,
    often a scanned signed table, were not read; the box says where to look."""
    return [
        UnreadPart(
            page=page.number,
            kind="table",
            reason="a picture of a printed page or table beside the typed text: its contents were not "
            "read (open the page, or ask for the scan itself)",
            bbox=[round(v, 1) for v in box],
        )
        for box in page.pictures
    ]


def _is_name(text: str, name: str | None, similarity: float = 85.0) -> bool:
    """Whether a page's text is, whole, the given name (OCR slips allowed), with what a signature
    block prints around it ("(Đã ký)", "CHỦ TỊCH") left out."""
    if not name:
        return False
    letters = [" ".join(re.findall(r"\p{L}+", t)) for t in (_SIGNATURE_WORDS.sub(" ", fold(text)), fold(name))]
    return bool(letters[1]) and fuzz.ratio(letters[0], letters[1]) >= similarity
