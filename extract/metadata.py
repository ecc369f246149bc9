"""Document metadata (number, kind, issuer, commune, place, date, period, title, signer).

A Vietnamese administrative document opens with a fixed header (Nghị định 30/2020/NĐ-CP): the
issuing body ("ỦY BAN NHÂN DÂN / XÃ …") beside the national motto, the number line
("Số: 86/BC-UBND"), the place-and-date line ("Ngọc Kỳ, ngày 26 tháng 6 năm 2023"), then the kind
word ("BÁO CÁO") and the title. It closes with the signature block ("TM. ỦY BAN NHÂN DÂN / CHỦ
TỊCH / <name>"). We read header fields only from the header zone (the first lines of page 1, up to
where the body starts) so that citations in the body ("Quyết định số 1395/QĐ-SNV") are never taken
for the document's own number, and the signer only from a signature block after the header
(``extract.signature``).

The header and the signature block are often two columns side by side (a borderless table, a
line typed with tabs, a PDF line holding both): ``extract.columns`` reads them column by column
first, with the anchors this module knows (motto, "Số:", place-date, "Nơi nhận", "TM./KT.").

Matching is done on folded text (lower case, no diacritics: ``fold`` keeps positions, so a match
on the folded line slices the original) so OCR'd headers without diacritics match the same rules.
Each line is tried as repaired (``Line.text``) and as the OCR gave it (``Line.raw``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from rapidfuzz.distance import Levenshtein

from extract.annex_note import read_annex_note
from extract.columns import ColumnSettings, reading_lines
from extract.commune import (
    LOCAL_UNIT,
    commune_spelling,
    completed_name,
    latin_document,
    local_unit,
    marks_read,
    named_alike,
    place_name,
    printed_spelling,
    restored_place,
    same_place,
)
from extract.date_repair import DamagedDate, dated_in_period, specked_date
from extract.issuer_lines import before_motto, motto_tail, unit_text
from extract.letter_lines import folded_text, is_upper, line_text, line_variants
from extract.letter_shapes import (
    ANCHORS,
    DATE_SLASH,
    DATE_WORDS,
    ISSUER_BODY,
    KIND_WORDS,
    KINDS,
    NATIONAL,
    NUMBER_FORMAT,
    NUMBER_LINE,
    PLACE_DATE,
)
from extract.model import IngestedDocument, Line
from extract.ocr_marks import laid_out_by_ocr
from extract.official_letter import read_letter
from extract.periods import find_period
from extract.sheet_head import sheet_head_lines
from extract.signature import RECIPIENTS, SIGNATURE_TITLE, SignatureSettings, read_signer, signature_zone, signer_review
from extract.title_text import date_remnant, edge_specks, speck_line, title_text
from extract.title_wording import TitleWordingSettings, in_wording, worded_title, wording_specks
from normalize.lazy_regex import lazy_re_compile
from normalize.text import fold_spaces
from normalize.vietnamese import DAMAGED_DOC_SHARE, word_damage
from normalize.vietnamese.names import is_place, place_doubts, restore_place
from normalize.vietnamese.syllable import fold
from schemas.records import DocumentMeta, ReviewItem


@dataclass(frozen=True)
class MetadataSettings:
    header_max_lines: int = 25  # the header zone never runs longer than this
    title_max_lines: int = 3
    # OCR reads the header's two columns line by line and may print the body's first line between
    # them (issuer and motto, then "Thực hiện …", then "Số:" and the place-date): a body opener is
    # the body's start only when no number or place-date line follows within this many lines.
    header_anchor_lookahead: int = 4
    # A line between the number and the place-date line is the title's first line (read between
    # the header's columns) when it holds this many words in a row of the titles' wording.
    title_wording_run: int = 3
    # Titles run to about 100 characters; a title that would grow past this has run into the body
    # (an OCR dump's first body line, its opening words misread, is no "Căn cứ" any more).
    title_max_chars: int = 160
    # A title is centred: a wrapped title's next line is not much longer than its first. A longer
    # line is the body's first (full-width) line.
    title_wrap_ratio: float = 1.3
    # The kind word ("BÁO CÁO") on a line OCR littered with specks ("ea : | BÁO CÁO’"): its
    # capitals hold at least this share of the line's letters.
    kind_word_share: float = 0.6
    kind_speck_letters: int = 3  # a lower-case word this short beside the kind word is a speck ("eo BAO CAO coe")
    issuer_max_lines: int = 4  # "UBND TỈNH … / UBND HUYỆN … / ỦY BAN NHÂN DÂN / XÃ …" at most
    issuer_line_max_words: int = 6  # a line continuing the issuer without a unit word ("MỸ HÒA" wrapped)
    opening_lines: int = 4  # the body's first lines, read for the commune when the header names none
    # A document most of whose lines carry diacritics is typed Vietnamese (when its words are
    # syllables too): a line of it the repair changed is read as printed (see ``as_printed``).
    typed_line_share: float = 0.5
    typed_sample_words: int = 1500  # enough words to tell an OCR dump from typed text
    # A document fewer of whose source lines than this hold a letter past Latin-1 was read by a
    # Latin-only OCR: its commune's marks are the repair's guess (see ``_restored_place``).
    latin_line_share: float = 0.1
    # A Latin-only document's commune whose marks no mention printed and the gazetteer does not
    # decide ("Long Thanh": Thành, Thanh or Thạnh) is left empty and told in the review queue
    # (False), or given as the repair spelled it (True: a guess, right about half the time).
    guess_latin_marks: bool = False
    # A document is dated in the years of the period its title names or this many years either side
    # (a report on 2023 signed in early 2024, a plan for 2024 in late 2023): on a text OCR read, a
    # date's year cut short or misread by a digit ("năm 25", "năm 2035") is read as the one of those
    # its digits are nearest to, and a date is read past specks between its words (``date_repair``);
    # off (False) the date is read as printed, or not at all.
    date_by_period: bool = True
    period_date_slack: int = 1
    title_wording: TitleWordingSettings = field(default_factory=TitleWordingSettings)  # garbled title words
    columns: ColumnSettings = field(default_factory=ColumnSettings)  # two-column header/signature blocks
    signature: SignatureSettings = field(default_factory=SignatureSettings)  # the signer's block


DEFAULT_SETTINGS = MetadataSettings()

_ATTACHED = lazy_re_compile(r"^\W*\(?\s*(?:ban hanh\s+)?kem theo\b")
_BODY_START = lazy_re_compile(r"^\W*(?:can cu|kinh gui|thuc hien|stt\b|tt\b|[ivx]+\s*[.)]\s|\d+\s*[.)]\s)")
# The words a letter's body opens with, as OCR damages them ("Thu hién", "tán cứ", "Cán cấu"): the
# first two words within this many edits of one of them. "thực hiện" may also open a title's
# wrapped second line ("thực hiện tại bộ phận một cửa"), so only a capitalised one opens the body.
_OPENERS: dict[str, int] = {"can cu": 1, "kinh gui": 2, "thuc hien": 2}
_LOWER_OPENERS = ("can cu", "kinh gui")
# A body sentence cites a document by its number ("Kế hoạch số 134/KH-UBND"); no title does.
# ("Kế hoạch s6-275/KH-UBND": OCR may read a dash between "số" and the number.)
_CITATION = lazy_re_compile(r"\bs\w{0,2}[\s\-–.]*\d+\s*/\s*[a-z]{2,4}\b")
# A sentence ends inside the line ("… năm 2025. Kết quả …") or the line ends with a colon ("… như
# sau:"): prose, not a title.
# A line ending with a colon stuck to its last word ("… như sau:"; the title's trimming drops it,
# and a colon OCR read apart, "Đồng Thuận ~ :", is a speck) leads into a list: prose.
_LEAD_IN = lazy_re_compile(r"\w:\s*$")
_PROSE = lazy_re_compile(r"\w[.;]\s+[A-ZĐÀ-Ỹ]|:\s*$")
_UNIT_START = lazy_re_compile(r"^\W*(?:xa|phuong|thi tran|dac khu|thi xa|huyen|quan|thanh pho|tinh)\b")


def extract_metadata(doc: IngestedDocument, settings: MetadataSettings = DEFAULT_SETTINGS) -> DocumentMeta:
    return read_metadata(doc, settings)[0]


def read_metadata(
    doc: IngestedDocument, settings: MetadataSettings = DEFAULT_SETTINGS
) -> tuple[DocumentMeta, list[ReviewItem]]:
    """The metadata, and the review items of fields found but not read for sure (a signer's name
    whose marks a Latin-only OCR lost and the name stock cannot restore)."""
    # Header and signature blocks printed as two columns (tables, tabs, side by side on a PDF
    # line) are read column by column: issuer lines stay together, the motto stays apart.
    lines = [line for line in reading_lines(doc, ANCHORS, settings.columns) if line.text.strip()]
    sheet = sheet_head_lines(doc)  # a printed spreadsheet's header rows, inside its grid
    lines = sheet + lines
    # A text export's bar-separated lines are read as printed: its bars, not its spacing, say where
    # its cells are (the signature cell wraps inside its column; see _bar_runs_joined).
    barred = [b for p in doc.pages for b in p.blocks if isinstance(b, Line) and b.text.strip()]
    ocr_pages = {p.number for p in doc.pages if p.method == "ocr"}
    typed = typed_document(lines, settings)
    if any(line.raw and line.page not in ocr_pages for line in lines):
        lines = [line if line.page in ocr_pages else as_printed(line, typed) for line in lines]
        barred = [line if line.page in ocr_pages else as_printed(line, typed) for line in barred]
    header = header_zone(lines, settings)
    meta = DocumentMeta()
    _read_number(header, meta, settings)
    damaged_date = _read_place_date(header, meta)
    if sheet and meta.date is None:  # a sheet prints its place-date line under the grid, pages on
        closing = [ln for ln in lines[len(header) :] if PLACE_DATE.match(folded_text(ln))]
        damaged_date = _read_place_date(closing[:1], meta) if closing else damaged_date
    kind_at = _read_kind_and_title(header, meta, settings, titled_first=bool(sheet))
    read_letter(header, meta)  # a công văn: "Số: 120/UBND-VP", its "V/v" subject its title
    # Text OCR read (a dump of a Vietnamese OCR has its marks and reads as typed, but for OCR's
    # layout marks) or that lost its marks: its words may be garbled.
    garbled = bool(ocr_pages) or not typed or laid_out_by_ocr(doc)
    if garbled and meta.title:
        meta.title = worded_title(meta.title, settings.title_wording)
    _read_issuer(header, lines, meta, settings)
    if garbled and meta.title and meta.commune:
        meta.title = named_alike(meta.title, meta.commune)  # one mention misread ("xã Làm Cường" under "LÂM CƯỜNG")
    read_annex_note(lines, meta, KINDS)
    meta.period = find_period(" ".join(t for t in [meta.title or ""] + [line_text(ln) for ln in header[kind_at:]]))
    if settings.date_by_period and garbled:  # a typed date is as printed; the title names the period
        meta.date = dated_in_period(meta.date, damaged_date, find_period(meta.title or ""), settings.period_date_slack)
    meta.year = _year(meta)
    latin = latin_document(lines, settings.latin_line_share)
    signer = read_signer(signature_zone(lines, header, barred, kind_at, settings.signature), settings.signature, latin)
    meta.signer = signer.name
    # The commune's marks as OCR printed them are read on the physical lines: they keep the
    # OCR's text (``raw``) where the reading order's split pieces do not.
    # A name lost under a seal or a signature is a scan's (a page OCR read); a typed document's or a
    # text dump's block with no name read prints none, or lost it before we saw it.
    reviews = signer_review(signer) if ocr_pages or not signer.unread else []
    return meta, reviews + _commune_review(meta, lines, barred, settings)


def as_printed(line: Line, typed_document: bool) -> Line:
    """The line as the document printed it when the repair changed a line of a typed Vietnamese
    document (``typed_document``: diacritics on most lines, few words that are not syllables)
    whose every word is a Vietnamese syllable: there was nothing to restore, and the repair's
    language model renames people and places ("Phan Thúy Nga" → "Phân Thúy Nga", "xã Gia Xuân
    Nam" → "Năm"). Stripped and OCR-damaged documents keep their repair; so do OCR pages, where a
    misread letter can still give a valid syllable."""
    if not line.raw or not typed_document:
        return line
    _, bad = word_damage(line.raw)
    return replace(line, text=line.raw, raw=None) if not bad else line


def _has_diacritics(text: str) -> bool:
    return any(ch.isalpha() and not ch.isascii() for ch in text)


def typed_document(lines: list[Line], settings: MetadataSettings) -> bool:
    """Typed Vietnamese, as the source gave it (before any repair): most lines carry diacritics
    and few words are not syllables (an OCR dump has diacritics too, and many broken words)."""
    texts = [line.raw or line.text for line in lines if sum(ch.isalpha() for ch in line.text) >= 3]
    if not texts or sum(_has_diacritics(t) for t in texts) < settings.typed_line_share * len(texts):
        return False
    words = bad = 0
    for text in texts:
        w, b = word_damage(text)
        words, bad = words + w, bad + b
        if words >= settings.typed_sample_words:
            break
    return bad < DAMAGED_DOC_SHARE * words


def header_zone(lines: list[Line], settings: MetadataSettings = DEFAULT_SETTINGS) -> list[Line]:
    """The first lines of page 1 up to where the body starts ("Căn cứ", "Kính gửi", a table head,
    a numbered section)."""
    first_page = lines[0].page if lines else 0
    zone: list[Line] = []
    for i, line in enumerate(lines[: settings.header_max_lines]):
        # A body sentence starts with a capital ("Thực hiện …"); a title's wrapped second line
        # that happens to begin with the same words ("thực hiện tại bộ phận một cửa") does not.
        first_letter = next((c for c in line_text(line) if c.isalpha()), "")
        # The line right under the kind word is the title whatever it starts with ("KẾ HOẠCH" /
        # "Thực hiện công tác cải cách hành chính năm 2025").
        under_kind = bool(zone) and _kind_word(zone[-1], settings) is not None
        opener = body_opener(folded_text(line))
        # A header line OCR prefixed with a speck that looks like a number or a table head ("7. Yên,
        # ngày 15 tháng 02 năm 2015", "TT .. BÁO CÁO") is still the header's.
        dated = DATE_WORDS.search(folded_text(line)) and not _CITATION.search(folded_text(line))
        body = (
            zone
            and not under_kind
            and not dated
            and _kind_word(line, settings) is None
            and (
                (_BODY_START.match(folded_text(line)) and not first_letter.islower())
                or (opener is not None and (not first_letter.islower() or opener in _LOWER_OPENERS))
            )
        )
        # The recipients' list ("Nơi nhận") is the document's end: a document with no body text
        # between its table and its close (a bare score table) has its header end there.
        closing = bool(zone) and RECIPIENTS.match(folded_text(line).lstrip("*# "))
        if body and _anchor_follows(zone, lines[i + 1 : i + 1 + settings.header_anchor_lookahead]):
            body = False  # the body's first line read between the header's columns
        if line.page != first_page or body or closing:
            break
        zone.append(line)
    return zone


def _dated_line(line: Line) -> bool:
    """A number line ("Số: 297/BC-UBND") or a place-date line ("Thái Thanh, ngày 26 …"): the
    anchors of a letter's header, by their own shape."""
    return _anchor_kind(line) is not None


def _anchor_kind(line: Line) -> str | None:
    """Which anchor of a letter's header the line is by its shape: "number" ("Số: 297/BC-UBND"),
    "place-date" ("Thái Thanh, ngày 26 …") or None."""
    folded = folded_text(line)
    if NUMBER_LINE.match(folded):
        return "number"
    return "place-date" if PLACE_DATE.match(folded) else None


def _anchor_follows(zone: list[Line], ahead: list[Line]) -> bool:
    """One of the header's anchors is still to come: a number or place-date line ahead of a kind
    the zone does not hold yet. Each is printed once, side by side with the other column, so OCR
    reading the columns line by line may print the body's first line (or a table head's "TT.")
    after the number and before the place-date: the header goes on past it."""
    held = {_anchor_kind(ln) for ln in zone}
    return any(kind is not None and kind not in held for kind in map(_anchor_kind, ahead))


def body_opener(folded: str) -> str | None:
    """The body opener ("căn cứ", "kính gửi", "thực hiện") a line starts with, read with the OCR
    damage ``_OPENERS`` allows; None for any other line."""
    words = re.findall(r"[a-z]+", folded[:40])[:2]
    if len(words) < 2:
        return None
    head = " ".join(words)
    return next((w for w, edits in _OPENERS.items() if Levenshtein.distance(head, w) <= edits), None)


# --- header fields -------------------------------------------------------------------------------


# Slashes OCR reads as other slash-like letters ("313⁄BCUBND": the fraction slash); one for one,
# so a match on the folded text still slices the original.
# Likewise the eth, which Vietnamese never prints, for the "Đ" OCR read it from ("17/QĐÐ-UBND").
_SLASHES = str.maketrans({"⁄": "/", "∕": "/", "／": "/", "Ð": "Đ", "ð": "đ"})


def _read_number(header: list[Line], meta: DocumentMeta, settings: MetadataSettings = DEFAULT_SETTINGS) -> None:
    # The kind word printed above the title ("BÁO CÁO") reads a kind code OCR misread by a letter
    # ("73BGUBND" under "BÁO CÁO"): the number's code is the same document's kind.
    printed_kind = next((k for k in (_kind_word(ln, settings) for ln in header) if k), None)
    kind_at = next((i for i, ln in enumerate(header) if _kind_word(ln, settings)), len(header))
    for pattern, lines in ((NUMBER_LINE, header), (NUMBER_FORMAT, header[:kind_at])):
        if _number_read(pattern, lines, printed_kind, meta):
            return


def _number_read(pattern: re.Pattern[str], lines: list[Line], printed_kind: str | None, meta: DocumentMeta) -> bool:
    """The first of the lines ``pattern`` reads as a number line with a known kind code, read into
    ``meta``; whether there was one."""
    for line in lines:
        for text in line_variants(line):
            text = text.translate(_SLASHES)
            m = pattern.match(fold(text))
            code = _kind_code(m.group(3), printed_kind) if m else None
            if not m or code not in KINDS:
                continue
            kind, name = KINDS[code]
            meta.kind, meta.kind_name = kind, name
            suffix = text[m.start(4) : m.end(4)].upper()
            year = f"{m.group(2)}/" if m.group(2) else ""
            meta.number = f"{m.group(1)}/{year}{kind}-{suffix}" if m.group(1) else None
            return True
    return False


def _kind_code(code: str, printed_kind: str | None) -> str | None:
    """The kind code of a number line as read, or the known code OCR misread: one letter off the
    printed kind word's code ("bg" under "BÁO CÁO"), or a letter read twice ("QĐÐ-UBND": one
    glyph read as two, like the slash of "37⁄/BC-UBND") when the code with it once is a kind the
    printed kind word does not gainsay."""
    if code in KINDS:
        return code
    if printed_kind and _one_letter_off(code, printed_kind):
        return printed_kind
    once = next((code[:i] + code[i + 1 :] for i in range(1, len(code)) if code[i] == code[i - 1]), None)
    if once in KINDS and printed_kind in (None, once):
        return once
    return None


def _one_letter_off(code: str, kind: str) -> bool:
    """The same length and one letter apart ("bg" for "bc")."""
    return len(code) == len(kind) and sum(a != b for a, b in zip(code, kind, strict=True)) == 1


def _read_place_date(header: list[Line], meta: DocumentMeta) -> DamagedDate | None:
    """The place and date of the place-date line; the date's day, month and year digits read
    past specks when the line's date is damaged past the strict reading (``date_repair``)."""
    attached_date = None
    for i, line in enumerate(header):
        after = line_text(header[i + 1]) if i + 1 < len(header) else ""
        for text in line_variants(line):
            folded = fold(text)
            place = PLACE_DATE.match(folded)
            if place and not NATIONAL.search(folded):
                meta.place = place_name(text[place.start(1) : place.end(1)])
                meta.date, meta.year = _date(folded)
                if meta.year is None and after:  # "…, ngày 05 tháng 12 năm" / "2025": a narrow cell wrapped it
                    meta.date, meta.year = _date(fold(f"{text} {after}"))
                if meta.date:
                    return None
                return next((d for d in (specked_date(t) for t in line_variants(line)) if d), None)
            if attached_date is None and _ATTACHED.match(folded):
                attached_date, _ = _date(folded)
    # No place-date line: the place OCR'd past reading ("7. Yên, ngày 15 tháng 02 năm 2015"). A date
    # in words in the header is the document's (citations in the body write "ngày 17/12/2014"); else
    # a plan issued "kèm theo Quyết định số … ngày …" takes that decision's date.
    worded = (_date(fold(text)) for ln in header for text in line_variants(ln) if DATE_WORDS.search(fold(text)))
    meta.date, meta.year = next((d for d in worded if d[0]), (attached_date, None))
    if meta.date:
        return None
    return next((d for ln in header for t in line_variants(ln) if (d := specked_date(t))), None)


def _read_kind_and_title(
    header: list[Line], meta: DocumentMeta, settings: MetadataSettings, titled_first: bool = False
) -> int:
    """Kind from the kind word when the number did not give it; title = the line(s) after the kind
    word, or without one the upper-case line(s) after the place-date line, or from the first line
    when the header opens with its title (``titled_first``: a printed sheet's rows, whose place-date
    line comes under the grid). Returns where the title starts."""
    kind_at = next((i for i, ln in enumerate(header) if _kind_word(ln, settings)), None)
    if kind_at is not None:
        word = _kind_word(header[kind_at], settings)
        if meta.kind is None and word is not None:  # (it is: kind_at is where a kind word is)
            meta.kind, meta.kind_name = KINDS[word]
        start = kind_at + 1
    else:
        # Under the place-date line, or under the number line when a line between the two holds
        # the wording of titles: OCR reading the header's two columns line by line may print the
        # title's first line between them ("Số: 298/BC-UBND" / "BẢNG TỰ ĐÁNH GIÁ …" / "Vĩnh Bình,
        # ngày …" / "NĂM 2023 CỦA …"); the place-date line is then passed over by its shape. The
        # motto's lines between them, whatever OCR made of them, are no title.
        dated = next((i + 1 for i, ln in enumerate(header) if PLACE_DATE.match(folded_text(ln))), 0)
        anchor = next((i + 1 for i, ln in enumerate(header) if _dated_line(ln)), 0)
        between = header[anchor : dated - 1]
        start = anchor if any(_title_worded(line_text(ln), settings.title_wording_run) for ln in between) else dated
        if titled_first:
            start = 0  # the issuer's line above the title is passed over below
    title: list[str] = []
    upper_title = None
    for line in header[start:]:
        text = title_text(line_text(line))
        folded = fold(text)
        if not title and not any(c.isalpha() for c in text):
            continue  # the year of a place-date line wrapped onto its own line
        if not title and speck_line(text):
            continue  # a stamp's or a ruling line's specks OCR'd as letters ("1m... .ẽ5 .")
        if title and (
            _CITATION.search(folded)
            or ((_PROSE.search(text) or _LEAD_IN.search(line_text(line))) and not is_upper(text))
            or len(" ".join(title)) + len(text) >= settings.title_max_chars
            or len(text) > settings.title_wrap_ratio * len(title[0])
        ):
            break  # the body's first sentence, its opening words OCR'd past knowing
        if DATE_WORDS.search(folded) or date_remnant(folded, opening=not title):
            continue  # a place-date line OCR'd past knowing as one ("1 Hưng Đức, ngày 25 tháng . năm")
        if (
            _ATTACHED.match(folded)
            or NUMBER_LINE.match(folded)
            or NATIONAL.search(folded)
            or (not title and ISSUER_BODY.match(folded))
            or (not title and LOCAL_UNIT.match(folded) and len(text.split()) <= settings.issuer_line_max_words)
        ):  # "XÃ NGỌC KỲ"
            if title:
                break
            continue
        upper = is_upper(text)
        if upper_title is None:
            upper_title = upper
        elif upper != upper_title or ISSUER_BODY.match(folded) or SIGNATURE_TITLE.match(folded):
            break
        title.append(text)
        if len(title) >= settings.title_max_lines:
            break
    # Specks where the wording joins two words (mostly at the join of the title's two lines).
    meta.title = " ".join(edge_specks(wording_specks(" ".join(title).split()))) or None
    return start


def _title_worded(text: str, n: int) -> bool:
    """The line holds ``n`` words in a row of the wording titles are made of ("BẢNG TỰ ĐÁNH GIÁ,
    CHẤM ĐIỂM …")."""
    words = text.split()
    return any(in_wording(words[i : i + n]) for i in range(len(words) - n + 1))


def _read_issuer(header: list[Line], lines: list[Line], meta: DocumentMeta, settings: MetadataSettings) -> None:
    """Issuer and commune from the header's issuer column ("UBND HUYỆN … / ỦY BAN NHÂN DÂN XÃ …":
    the lowest unit it names); without one, from the title or the closing sentence ("… của UBND
    xã Hương Sơn"). Never from the motto ("… XÃ HỘI CHỦ NGHĨA …")."""
    sources = _issuer_column(header, settings) + [meta.title or ""]
    sources += [line_text(ln) for ln in header if not NATIONAL.search(folded_text(ln))]
    sources += [line_text(ln) for ln in lines if fold(line_text(ln)).startswith("tren day la")]
    # Last, the issuer's words OCR printed on the motto's line, and the body's opening sentence
    # ("…; UBND xã Hà Yên báo cáo …") when the header's column lost its unit word ("XxA LAC HOA"):
    # a sentence may name another unit, so its name must be the place-date line's too.
    sources += [text for ln in header if (text := before_motto(line_text(ln)))]
    opening = [line_text(ln) for ln in lines[len(header) : len(header) + settings.opening_lines]]
    for k, text in enumerate(sources + opening):
        found = local_unit(text)
        if found and k >= len(sources) and not same_place(found[1], meta.place):
            continue
        if found:
            unit, name = found
            name = commune_spelling(name, [line_text(ln) for ln in lines] + [meta.place or "", meta.title or ""])
            name = completed_name(name, meta.place)
            latin = latin_document(lines, settings.latin_line_share)
            printed = printed_spelling(name, lines)
            # A Latin-only OCR prints no marks: only its letters can outvote the repair's.
            if latin and printed and fold(printed) == fold(name):
                printed = None
            if printed and is_place(" ".join(restore_place(printed.split())) if latin else printed):
                name = printed
            if latin:
                name = restored_place(name, meta)
            meta.commune = name
            meta.issuer = f"UBND {unit} {name}"
            return


def _commune_review(
    meta: DocumentMeta, lines: list[Line], physical: list[Line], settings: MetadataSettings
) -> list[ReviewItem]:
    """A commune a Latin-only OCR read whose marks cannot be told (``place_doubts``): the field
    is left empty and the name as printed goes to the review queue, as a signer's name does."""
    if meta.commune is None or settings.guess_latin_marks or not latin_document(lines, settings.latin_line_share):
        return []
    doubts = place_doubts(meta.commune.split(), marks_read(meta.commune, physical))
    if not doubts:
        return []
    printed = " ".join(w.capitalize() for w in fold(meta.commune).split())
    meta.commune = meta.issuer = None
    return [
        ReviewItem(
            item="/document",
            field="commune",
            raw=printed,
            reason=f"commune's name read without its marks, which cannot be told ({'; '.join(doubts)})",
            confidence=0.0,
        )
    ]


def _issuer_column(header: list[Line], settings: MetadataSettings) -> list[str]:
    """The issuing body's lines joined: from the first "ỦY BAN NHÂN DÂN"/"UBND" line, the lines
    under it that name a unit ("XÃ NGỌC KỲ", "ỦY BAN NHÂN DÂN XÃ MỸ HÒA") or continue one (a short
    upper-case line: a long name wrapped), up to "Số:", the motto or the kind word."""
    tail = motto_tail(header)
    for i, line in enumerate(header):
        folded = folded_text(line)
        if not ISSUER_BODY.match(folded) or NATIONAL.search(folded):
            continue
        block = [line_text(line)]
        for nxt in header[i + 1 : i + settings.issuer_max_lines]:
            text, folded = unit_text(line_text(nxt)), folded_text(nxt)
            unit_line = ISSUER_BODY.match(folded) or _UNIT_START.match(folded)
            if (
                NATIONAL.search(folded)
                or _TRAILING_MARKS.sub("", folded).strip() == tail  # ("NAM |": a bar or speck after it)
                or NUMBER_LINE.match(folded)
                or PLACE_DATE.match(folded)
                or _kind_word(nxt, settings)
                or not is_upper(text)
                or not (unit_line or len(text.split()) <= settings.issuer_line_max_words)
            ):
                break
            # A speck OCR read in the column's gap at the line's end ("XÃ THUẬN —" / "PHƯỚC") is no
            # end of the name: the name goes on on the line under it.
            block[-1] = _TRAILING_MARKS.sub("", block[-1])
            block.append(text)
        return [" ".join(block)]
    return []


_TRAILING_MARKS = lazy_re_compile(r"(?:\s+[\W_]+)+\s*$")  # bare marks ending a line: " —", " - :"

_KIND_LETTERS = {word.replace(" ", ""): code for word, code in KIND_WORDS.items()}


def _kind_word(line: Line, settings: MetadataSettings = DEFAULT_SETTINGS) -> str | None:
    """The kind word printed above the title ("BÁO CÁO"), alone on its line or with specks OCR read
    beside it ("ea : | BÁO CÁO’", "mục BÁO CÁO", "BAOCAO êê"): its capital words, spaces or not,
    spell a kind word and hold most of the line's letters."""
    for text in line_variants(line):
        folded = fold_spaces(re.sub(r"[^\w\s]", " ", fold(text)))
        if folded in KIND_WORDS and is_upper(text):
            return KIND_WORDS[folded]
        capitals = [fold(w) for w in re.sub(r"[^\w\s]|_", " ", text).split() if w.isupper() and len(w) > 1]
        letters = sum(c.isalpha() for c in text)
        for i in range(len(capitals)):  # a run of capital words ("TT .. BÁO CÁO": the table head's "TT" is no part)
            for j in range(i + 1, min(i + 3, len(capitals)) + 1):
                caps = "".join(capitals[i:j])
                if caps in _KIND_LETTERS and len(caps) >= settings.kind_word_share * letters:
                    return _KIND_LETTERS[caps]
        # Specks OCR read as short lower-case words on both sides ("eo BAO CAO coe"): the line's
        # only capitals spell the kind word, and nothing else on it is longer than a speck.
        words = re.sub(r"[^\w\s]|_", " ", text).split()
        rest = [w for w in words if not (w.isupper() and len(w) > 1)]
        if "".join(capitals) in _KIND_LETTERS and all(
            w.islower() and len(w) <= settings.kind_speck_letters for w in rest if any(c.isalpha() for c in w)
        ):
            return _KIND_LETTERS["".join(capitals)]
    return None


def _date(folded: str) -> tuple[str | None, int | None]:
    m = DATE_WORDS.search(folded)
    if m:
        day, month, year = m.group(1) or m.group(2), m.group(3), int(m.group(4))
    else:
        m = DATE_SLASH.search(folded)
        if not m:
            return None, None
        day, month, year = m.group(1), m.group(2), int(m.group(3))
    if not day or not month or not (1 <= int(day) <= 31 and 1 <= int(month) <= 12):
        return None, year  # "ngày tháng năm 2025": the day is left blank until signing
    return f"{year:04d}-{int(month):02d}-{int(day):02d}", year


def _year(meta: DocumentMeta) -> int | None:
    if meta.date:
        return int(meta.date[:4])
    if meta.year:
        return meta.year
    m = re.search(r"\d{4}", meta.period or "")
    return int(m.group(0)) if m else None
