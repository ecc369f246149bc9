"""An official letter (công văn): its number carries no kind code and its subject line is its title.

Reports and requests to the district often go as a công văn (Decree 30/2020/NĐ-CP, form 1.4):
"Số: 120/UBND-VP" (the issuer's abbreviation, then the drafting office's: no "BC" or "KH"), and
under it the subject, "V/v báo cáo kết quả cải cách hành chính quý I năm 2024", in place of a
kind word and a title. The kind-coded number pattern of ``extract.metadata`` rightly refuses such a
number (it would also match citations), so a letter came out with no number, no kind and no
title. It is a letter when the header has both: the number line with an issuing body's
abbreviation where the kind code stands, and the "V/v" subject line.
"""

from __future__ import annotations

from extract.letter_lines import line_text
from extract.model import Line
from normalize.lazy_regex import lazy_re_compile
from normalize.vietnamese.syllable import fold
from schemas.records import DocumentMeta

# "Số: 120/UBND-VP", "Số 35/UBND-NV": an issuing body's abbreviation where a kind code would stand;
# on a scan the slash read as the fraction slash, read twice, or lost ("135UBND-VP"), as a
# kind-coded number's (``letter_shapes.NUMBER_LINE``).
_LETTER_NUMBER = lazy_re_compile(
    r"^\W*so\s*:?\s*(\d+)\s*(?:[/⁄∕]{1,2}|(?<=\d))\s*(ubnd|hdnd|dub|btv)\s*-\s*([a-z0-9]+(?:-[a-z0-9]+)*)\b"
)
# "V/v …", "V/V: …", "Về việc …" opening the subject line.
_SUBJECT = lazy_re_compile(r"^\W*(?:v\s*/\s*v\b\s*:?|ve viec\b\s*:?)\s*")
# Lines that end the subject: the motto, the place-date line, the addressee.
_NOT_SUBJECT = lazy_re_compile(r"^\W*(?:cong hoa|doc lap|kinh gui|\w[\w ]*, ngay\b)")


def read_letter(header: list[Line], meta: DocumentMeta) -> None:
    """Number, kind and title of a công văn, where the kind-coded number was not found."""
    if meta.number is not None:
        return
    subject_at = next((i for i, ln in enumerate(header) if _SUBJECT.match(fold(line_text(ln)))), None)
    if subject_at is None:
        return
    for line in header:
        text = line_text(line)
        m = _LETTER_NUMBER.match(fold(text))
        if m is None:
            continue
        meta.number = f"{m.group(1)}/{text[m.start(2) : m.end(2)].upper()}-{text[m.start(3) : m.end(3)].upper()}"
        meta.kind, meta.kind_name = "CV", "Công văn"
        if meta.title is None or _SUBJECT.match(fold(meta.title)):  # (the title reader may take the "V/v" line)
            meta.title = _subject(header, subject_at)
        return


def _subject(header: list[Line], at: int) -> str:
    """The subject after its "V/v", with the lines it wraps onto (they go on in lower case)."""
    first = line_text(header[at])
    m = _SUBJECT.match(fold(first))
    parts = [first[m.end() :].strip()] if m else [first.strip()]
    for line in header[at + 1 :]:
        text = line_text(line).strip()
        if not text or not text[0].islower() or _NOT_SUBJECT.match(fold(text)):
            break
        parts.append(text)
    return " ".join(p for p in parts if p)
