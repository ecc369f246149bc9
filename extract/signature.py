"""The signer of a document: the name printed last in its first signature block.

A Decree 30 document closes with "Nơi nhận" on the left and the signature block on the right
("TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / (Đã ký) / <name>"), often as a borderless table. The block is
found by its structure (the signature title, notes in brackets, a name-like line under it), not by
knowing the name: the list of common surnames only breaks ties and snaps an OCR-damaged surname.
Text exports flatten or wrap the block's cells over bar-separated lines; those are put back
together before reading (``signature_zone``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from extract.letter_lines import is_upper, line_text, line_variants
from extract.model import Line
from extract.signature_words import (
    core_word,
    foreign_syllable,
    name_case,
    o_for_digit,
    surname_after_specks,
    surname_spelled,
)
from normalize.lazy_regex import lazy_re_compile
from normalize.text import fold_spaces
from normalize.vietnamese import word_damage
from normalize.vietnamese.names import NameReading, is_surname, name_stock, restore_name, surnames
from normalize.vietnamese.syllable import fold, nfc
from schemas.records import ReviewItem


@dataclass(frozen=True)
class SignatureSettings:
    signature_title_max_chars: int = 45  # "TM. ỦY BAN NHÂN DÂN" is short; body sentences are not
    signer_lookahead: int = 6  # lines between the signature title and the name (stamp, scribbles)
    signature_text_words: int = 3  # a line of this many words after the name is past the signature block
    speck_letters: int = 2  # a lower-case token this short after a name is a speck, no word of it
    surname_min_score: float = 80.0  # fuzzy match of an OCR-damaged surname ("{guyén" → Nguyễn)


DEFAULT_SIGNATURE_SETTINGS = SignatureSettings()


@lru_cache(maxsize=1)
def _folded_surnames() -> frozenset[str]:
    """The common surnames without marks, read on first use (the name stock is loaded then)."""
    return frozenset(fold(s) for s in surnames())


# "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH" (folded).
SIGNATURE_TITLE = lazy_re_compile(r"^\W*(?:(?:tm|kt|q)\s*\.\s*)?(?:pho\s*)?(?:chu\s*tich|uy ban nhan dan)")
# The same title printed to the right of a recipient ("- UBND huyện Hòa Minh (b/c); - CHỦ TỊCH"):
# an OCR dump or a flattened line holds both columns of the closing block on one line.
_INLINE_TITLE = lazy_re_compile(r"(?:\b(?:tm|kt|q)\s*\.\s*)?(?:\bpho\s*)?(?:\bchu\s*tich|\buy ban nhan dan)\b")
# "Nơi nhận:" (folded), as OCR reads it ("Nơi nhọn", "Noi nhén", "Noi nhGn").
RECIPIENTS = lazy_re_compile(r"^\W*n[o0]i\s*nh\w{1,2}n\b")
# The words before a place's name: "UBND huyện Hòa Minh" is a recipient, not a person.
_UNIT_WORDS = frozenset({"xa", "phuong", "huyen", "quan", "tinh", "ubnd", "tran", "pho", "thi"})

EXPORT_CLOSED_SHARE = 0.5  # of the barred lines after the header that end in a bar: a text export


def signature_zone(
    lines: list[Line],
    header: list[Line],
    physical: list[Line],
    title_at: int = 0,
    settings: SignatureSettings = DEFAULT_SIGNATURE_SETTINGS,
) -> list[Line]:
    """The lines after the header the signer is looked for in: in reading order, or, when that part
    of the document is a text export's bar-separated block, its physical lines (the reading order
    splits such lines at wide spaces, which cut a wrapped cell's lines apart inconsistently). A
    header that ran into the document's close is cut where the close starts (``header_before_close``)."""
    header = header_before_close(header, title_at, settings)
    after = lines[len(header) :]
    last = max((ln.number for ln in header if ln.number is not None), default=-1)
    tail = [ln for ln in physical if ln.number is not None and ln.number > last]
    barred = [ln.text.rstrip() for ln in tail if "|" in ln.text]
    # An export closes its cells with a bar; OCR reads a ruling line as a bar anywhere in a line.
    export = bool(barred) and sum(t.endswith("|") for t in barred) >= EXPORT_CLOSED_SHARE * len(barred)
    return _bar_runs_joined(tail) if export else after


def header_before_close(
    header: list[Line], title_at: int, settings: SignatureSettings = DEFAULT_SIGNATURE_SETTINGS
) -> list[Line]:
    """The header without the document's close it ran into: a short document whose body opens with
    no known opener (a score table's caption, one sentence) and whose signature block has no "Nơi
    nhận" list has its header zone run to the signer's name, and a signer looked for after the
    header was never found. The close starts at the first signature title or recipients line after
    the title's first line (``title_at``; before it the issuer's "ỦY BAN NHÂN DÂN" reads as one)."""
    for i in range(title_at + 1, len(header)):
        if RECIPIENTS.match(fold(line_text(header[i])).lstrip("*# ")) or is_signature_title(header[i], settings):
            return header[:i]
    return header


@dataclass(frozen=True)
class SignerReading:
    """The signer, or None; when a name was found but its marks could not be restored, the name
    as the OCR gave it and why (a review item, not a guess)."""

    name: str | None
    raw: str | None = None
    doubt: str = ""
    # A signature block found with no name read under its title (a seal or a signature over the
    # name line): ``raw`` is the title as read.
    unread: bool = False


def signer_review(reading: SignerReading) -> list[ReviewItem]:
    """A review item for a signer found but left empty: the name as the OCR printed it, and the
    syllables whose marks could not be told."""
    if reading.name is not None or not reading.raw:
        return []
    if reading.unread:
        return [
            ReviewItem(
                item="/document",
                field="signer",
                raw=reading.raw,
                reason="signature block found but the signer's name under it could not be read",
                confidence=0.0,
            )
        ]
    return [
        ReviewItem(
            item="/document",
            field="signer",
            raw=reading.raw,
            reason=f"signer's name read without its marks, which cannot be told ({reading.doubt})",
            confidence=0.0,
        )
    ]


def find_signer(lines: list[Line], settings: SignatureSettings = DEFAULT_SIGNATURE_SETTINGS) -> str | None:
    """The signer's name (``read_signer``)."""
    return read_signer(lines, settings).name


def read_signer(
    lines: list[Line], settings: SignatureSettings = DEFAULT_SIGNATURE_SETTINGS, latin_source: bool = False
) -> SignerReading:
    """The signer: the name printed last in the first signature block ("TM. ỦY BAN NHÂN DÂN /
    CHỦ TỊCH", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", then the signature, stamp, "(Đã ký)" and the name)
    after the "Nơi nhận" list when there is one. Found by the block's structure, not by knowing the
    name: the surname list only breaks a tie between several name-like lines of one block. A text
    export may flatten the block into one cell ("TM. ỦY BAN NHÂN DÂN CHỦ TỊCH (Đã ký) Lê Văn An |"):
    the text after the title words is then the block's first line. A name a Latin-only OCR read
    has its marks restored from the name-syllable stock (``restore_name``), or is left empty with
    a doubt when they cannot be told (``latin_source``: the document was read so; a typed name
    may hold only Latin-1 letters too: "Lò Pó", "Lê Tú")."""
    start = next((i for i, ln in enumerate(lines) if RECIPIENTS.match(fold(line_text(ln)).lstrip("*# "))), 0)
    pieces = [piece for line in lines[start:] for piece in _cells(line)]
    title = None  # the first signature title seen: a block whose name was not read says so
    for i, piece in enumerate(pieces):
        tail = _after_signature_title(piece, settings)
        inline = tail is None  # the title printed after other text: a block only an OCR dump prints so
        tail = tail or _after_inline_title(piece, settings)
        if tail is None:
            continue
        block = ([tail] if tail else []) + pieces[i + 1 : i + 1 + settings.signer_lookahead]
        if any(_unread_name_line(p) for p in block):  # something printed where the name stands
            title = title or fold_spaces(line_text(piece))
        names, trailing, guessed, latin = _read_names(block, settings, latin_source)
        if names or trailing:
            signer = _pick_signer(names or trailing)
            if signer in latin:
                plain, reading = latin[signer]
                if reading.name is not None:
                    return SignerReading(reading.name)
                return SignerReading(None, plain, "; ".join(reading.doubts))
            # A name found only by the OCR-tolerant readings (a title after the recipients, a name
            # after other text) is given when the OCR read its marks, not when the repair chose them.
            weak = inline or not names
            return SignerReading(None if weak and signer in guessed else signer)
    return SignerReading(None, title, unread=True) if title else SignerReading(None)


def _bar_runs_joined(lines: list[Line]) -> list[Line]:
    """A text export's bar-separated block (the "Nơi nhận" and signature cells side by side) wraps
    each cell's text over several physical lines, so a note or a name is cut in two ("(Đã |" /
    "ký) Nông Xuân Phúc |", "CHỦ TỊCH Giáp Phương" / "Oanh Phượng |"). Consecutive barred lines are
    put back together: lines that all close their cells with the same number of bars are columns,
    joined cell by cell; otherwise the cells flow on, and a line not closed by a bar goes on at the
    next. Other lines pass as they are."""
    out: list[Line] = []
    run: list[Line] = []
    for line in [*lines, None]:
        if line is not None and "|" in line.text:
            run.append(line)
            continue
        if len(run) > 1:
            out.append(_joined_run(run))
        else:
            out.extend(run)
        run = []
        if line is not None:
            out.append(line)
    return out


def _joined_run(run: list[Line]) -> Line:
    """The run as one line; the printed reading (``raw``, set where the repair changed a line) is
    joined alike, so a name is read as printed rather than as the repair re-marked it
    (``_name_text``)."""
    changed = any(line.raw is not None for line in run)  # else the repair left the run as printed
    raw = _joined_texts([line.raw if line.raw is not None else line.text for line in run]) if changed else None
    return replace(run[0], text=_joined_texts([line_text(line) for line in run]), raw=raw)


def _joined_texts(texts: list[str]) -> str:
    counts = {t.count("|") for t in texts}
    if all(t.endswith("|") for t in texts) and len(counts) == 1:
        rows = [[c.strip() for c in t.split("|")] for t in texts]
        cells = [" ".join(c for c in column if c) for column in zip(*rows, strict=True)]
        return " | ".join(cells)
    return " ".join(texts)


def _unread_name_line(line: Line) -> bool:
    """Whether a line under a signature title is what OCR left of a name it could not read: a few
    words of letters and no figure (not a table's row, which the reading order may put after a
    title printed above it; not a blank). A block with nothing under its title may print no name
    at all (an unsigned copy, a form's "CHỦ TỊCH" alone): that is the document's, not a reading lost."""
    words = line_text(line).split()
    return 1 <= len(words) <= 6 and not any(ch.isdigit() for ch in line.text) and any(ch.isalpha() for ch in line.text)


def _cells(line: Line) -> list[Line]:
    """A line of a bar-separated text export ("VP. | TM. ỦY BAN NHÂN DÂN … |") as its cells' texts;
    any other line as it is."""
    if "|" not in line.text:
        return [line]
    texts = line.text.split("|")
    raws = line.raw.split("|") if line.raw else []
    raws = (
        raws if len(raws) == len(texts) else [""] * len(texts)
    )  # the OCR's reading of each cell, when it splits alike
    return [replace(line, text=t.strip(), raw=r.strip() or None) for t, r in zip(texts, raws, strict=True) if t.strip()]


_NOTE = lazy_re_compile(r"^\s*[(\[][^)\]]*[)\]]")


def _after_signature_title(line: Line, settings: SignatureSettings) -> Line | None:
    """None when the line is no signature title; else what follows the title words and bracketed
    notes on it (empty text for a title line on its own)."""
    text = line_text(line)
    pos = 0
    while True:
        m = SIGNATURE_TITLE.match(fold(text[pos:]))
        if m and is_upper(text[pos : pos + m.end()]):
            pos += m.end()
            continue
        note = _NOTE.match(text[pos:]) if pos else None
        if note:
            pos += note.end()
            continue
        break
    tail = text[pos:].strip()
    # A title followed by a name (or the first word of one wrapped to the next line) on its line;
    # a sentence opening with "ỦY BAN NHÂN DÂN XÃ …" is no signature block.
    if pos and tail and (person_name(tail, settings) or _name_start(tail)):
        return replace(line, text=tail, raw=_raw_tail(line, tail))
    return replace(line, text="", raw=None) if is_signature_title(line, settings) else None


def _raw_tail(line: Line, tail: str) -> str | None:
    """The printed reading of a line's last words ``tail`` (read from its repaired text), when the
    repair kept the line's words one for one; else None."""
    words, raws = line_text(line).split(), (line.raw or "").split()
    n = len(tail.split())
    if not line.raw or len(raws) != len(words) or fold(" ".join(raws[-n:])) != fold(tail):
        return None
    return " ".join(raws[-n:])


def _after_inline_title(line: Line, settings: SignatureSettings) -> Line | None:
    """What follows a signature title printed in capitals after other text on the line (the
    recipients' column beside it), read as ``_after_signature_title`` reads a line of its own."""
    text = line_text(line)
    for m in _INLINE_TITLE.finditer(fold(text)):
        if m.start() > 0 and is_upper(text[m.start() : m.end()]):
            rest = text[m.start() :]
            return _after_signature_title(replace(line, text=rest, raw=_raw_tail(line, rest)), settings)
    return None


def _name_start(text: str) -> bool:
    """A lone capitalised word: the first syllable of a name the cell wrapped ("Dương" / "Mỹ Lan");
    an all-capitals word is an abbreviation ("UBND"), not a name's start."""
    words = text.split()
    return len(words) == 1 and words[0].isalpha() and words[0][0].isupper() and not words[0].isupper()


def signature_names(block: list[Line], settings: SignatureSettings = DEFAULT_SIGNATURE_SETTINGS) -> list[str]:
    """The name-like lines under a signature title, in order (``_read_names``)."""
    names, trailing, _, _ = _read_names(block, settings)
    return names or trailing


def _marks_guessed(line: Line) -> bool:
    """The line's marks are the repair's guess: a Latin-only OCR read it (no letter past Latin-1:
    none of ă, ơ, ư, đ or the dot below; at most a stray "é" for ệ) and the repair changed it. A
    common word's marks follow from the words around it; a person's name has no context that
    decides between "Hạnh", "Hành" and "Hanh", and a wrong name is worse than none."""
    raw = nfc(line.raw.strip()) if line.raw else ""
    latin = all(ord(ch) < 256 for ch in raw if ch.isalpha())
    return bool(raw) and latin and raw != line_text(line) and _name_text(line) != raw


def _read_names(
    block: list[Line], settings: SignatureSettings, latin_source: bool = False
) -> tuple[list[str], list[str], set[str], dict[str, tuple[str, NameReading]]]:
    """Names on lines of their own, names read at the end of lines (``_trailing_name``: only
    when there are none of the first), the names whose marks were guessed, and the names read
    from Latin-only text with the OCR's reading and its restoration (``_latin_name``)."""
    """The name-like lines under a signature title, in order. Further title lines ("PHÓ CHỦ TỊCH")
    and notes in brackets ("(Đã ký)", "(Ký tên, đóng dấu)") belong to the block; OCR specks of the
    stamp are passed over; a name wrapped over two lines is joined; text of three words or more
    after a name ends the block (an annex heading, the next page's prose)."""
    names: list[str] = []
    trailing: list[str] = []  # names read at the end of a line holding other text: the weaker reading
    guessed: set[str] = set()  # names whose marks the OCR did not read (``_marks_guessed``)
    latin: dict[str, tuple[str, NameReading]] = {}
    skip = False
    page = None  # the page of the first name: an annex on the next page is no part of the block
    for k, line in enumerate(block):
        if skip:
            skip = False
            continue
        if (names or trailing) and line.page != page:
            break
        text = line_text(line)
        if not text or is_signature_title(line, settings) or text.startswith(("(", "[")):
            continue
        name = person_name(_name_text(line), settings)
        start = _name_text(line) if _name_start(text) else surname_after_specks(_name_text(line))
        if name is None and start and k + 1 < len(block):
            name = person_name(f"{start} {_name_text(block[k + 1])}", settings)
            skip = name is not None
        tail = None if name else _trailing_name(line, settings)
        if (name or tail) and (_marks_guessed(line) or (skip and _marks_guessed(block[k + 1]))):
            guessed.add(name or tail or "")
        # A name line a Latin-only OCR read in a document that is not one (column pieces of its
        # header carry the repair's marks): the repair's marks are a guess there too.
        if (name or tail) and (latin_source or name in guessed or tail in guessed):
            read = _latin_name([line, block[k + 1]] if skip else [line], name or tail or "", settings)
            if read is not None:
                latin[name or tail or ""] = read
        if name:
            names.append(name)
            page = line.page
        elif tail:
            trailing.append(tail)
            page = line.page
        elif names and len(text.split()) >= settings.signature_text_words:
            break
    return names, trailing, guessed, latin


def _latin_name(lines: list[Line], repaired: str, settings: SignatureSettings) -> tuple[str, NameReading] | None:
    """The name as a Latin-only OCR printed it (no letter past Latin-1: the marks lost), read
    from the OCR's text the way the repaired text was read, and its restoration; None when the
    text carries Vietnamese marks. A name every syllable of which is a name syllable as printed
    ("Mai Lan Anh" needs no marks) is kept as printed, not restored."""
    raws = [nfc((ln.raw or ln.text).strip()) for ln in lines]
    text = " ".join(raws)
    if not any(ch.isalpha() for ch in text) or any(ord(ch) >= 256 for ch in text if ch.isalpha()):
        return None
    joined = replace(lines[0], text=text, raw=None)
    plain = person_name(text, settings, snap=False) or _trailing_name(joined, settings)
    if plain is None:
        return None
    stock = name_stock()
    places = [stock["surname"]] + [stock["middle"] | stock["given"]] * (len(plain.split()) - 1)
    if all(w in p and _sole_spelling(w, p) for w, p in zip(plain.split(), places, strict=True)):
        return plain, NameReading(plain)
    reading = restore_name(plain.split(), repaired.split())
    snapped = person_name(text, settings)  # a surname OCR damaged past the channel ("{guyén")
    if reading.name is None and snapped and snapped != plain:
        again = restore_name(snapped.split(), repaired.split())
        reading = again if again.name else reading
    return plain, reading


def _sole_spelling(word: str, place: dict[str, int]) -> bool:
    """No other syllable of the place's stock has the word's letters: a Latin-only OCR prints
    "Ung" for Ung, Ưng and Ứng alike, so a bare syllable that is a name is no reading of one
    while a marked one is spelled so too (``restore_name`` weighs them)."""
    return not any(fold(s) == fold(word) and s != word for s in place)


def _name_text(line: Line) -> str:
    """The text a name is read from: as the OCR gave it when that reading carries diacritics and
    every word of it is a Vietnamese syllable, else the repaired text. The repair's language model
    knows words, not people: it turns a name read right into common words ("Phan" → "Phân",
    "Huyền" → "Huyện", "Thu Nhung" → "Thủ Những"); a stripped or damaged reading still needs it."""
    raw = nfc(line.raw.strip()) if line.raw else ""
    # Specks aside ("ˆTrần", "l Đàm", "Tạ Minh Loan vs"): a name's words are capitalised.
    words = " ".join(w for w in (core_word(t) for t in raw.split()) if len(w) > 1 and w[:1].isupper())
    if raw and any(ch.isalpha() and not ch.isascii() for ch in raw) and not word_damage(words, skip_upper=False)[1]:
        return raw
    return line_text(line)


def _trailing_name(line: Line, settings: SignatureSettings) -> str | None:
    """A name printed at the end of a line that holds something else before it: the recipients'
    column beside the signature block ("- Lưu: VT, VP. Lê Đức Thắng") or specks OCR read left of it
    (": : Phan Diệu Hạnh", "ue Sầm Mỹ Oanh"). The name is the run of capitalised words the line
    ends with, up to punctuation, a lower-case word or an abbreviation; a place after a unit word
    ("UBND huyện Hòa Minh") is no name."""
    raw = nfc(line.raw.strip()) if line.raw else ""
    # As the OCR gave it when that reading carries diacritics (see ``_name_text``), else repaired.
    for text in ([raw] if any(ch.isalpha() and not ch.isascii() for ch in raw) else []) + [line_text(line)]:
        tokens = o_for_digit(text).split()
        while tokens and (not any(c.isalnum() for c in tokens[-1]) or _lower_speck(tokens[-1], settings)):
            tokens.pop()  # specks after the name (": Nong Duy Toan Léc as")
        run: list[str] = []
        for token in reversed(tokens):
            core = core_word(token)
            if run and token != token.rstrip(".,;:)]|"):
                break  # "VP." ends the text before the name
            if not core or not core[0].isupper() or not core.replace("'", "").isalpha():
                break
            if core.isupper() and len(core) > 1 and not all(w.isupper() for w in run):
                break  # an abbreviation ("UBND", "VP") before a name printed in normal case
            run.insert(0, core)
            if core != token.lstrip("(["):
                break  # "(Đã" or ":Mạc": punctuation before the word starts the run
        before = tokens[: len(tokens) - len(run)]
        if not 2 <= len(run) <= 5 or len(run) == len(tokens):
            continue
        if before and fold(re.sub(r"[^\w]+$", "", before[-1])) in _UNIT_WORDS:
            continue
        if _INLINE_TITLE.search(fold(" ".join(run))):
            continue
        name = person_name(" ".join(run), settings)
        if name and (text is line_text(line) or not word_damage(" ".join(run), skip_upper=False)[1]):
            return name
    return None


def _pick_signer(names: list[str]) -> str:
    """The last name-like line: the signer's name is printed under everything else of the block.
    When the block holds several, one whose surname is a common one is preferred over stamp text
    that happens to look like a name ("Xã Ngọc Kỳ") — the list's only say in the matter."""
    known = [n for n in names if fold(n.split()[0]) in _folded_surnames()]
    return (known or names)[-1]


def person_name(text: str, settings: SignatureSettings = DEFAULT_SIGNATURE_SETTINGS, snap: bool = True) -> str | None:
    """A personal name line (2-5 capitalised syllables), cleaned of OCR junk. A surname the OCR
    damaged into no Vietnamese syllable at all ("{guyén") is snapped to the closest common one
    (unless not ``snap``: a Latin-only "Vuong" is Vương to the name stock, not a snapped Dương); a
    surname that is a syllable is kept as printed, known or not (Đoàn is no misread Đào)."""
    printed = o_for_digit(fold_spaces(text)).split()
    # Specks after the name, of either kind and in any order ("Giap Thanh Lan : co"): a bare mark
    # or a lone letter ("Nông Thị Vân i", "Văn Thanh Hiếu k :"), or a short lower-case word (a
    # name ends with a capitalised word).
    while printed and (
        len(core_word(printed[-1])) < 2 or _lower_speck(printed[-1], settings) or _capital_speck(printed)
    ):
        printed.pop()
    while printed and len(core_word(printed[0])) < 2:
        printed.pop(0)  # a speck before it (": : Phan Diệu Hạnh")
    if len(printed) > 2 and core_word(printed[0]).isupper() and not any(core_word(t).isupper() for t in printed[1:]):
        printed.pop(0)  # an abbreviation before a name in normal case ("TT Hồ Khắc Phúc")
    if (
        len(printed) > 2
        and (printed[0][:1].islower() or (len(core_word(printed[0])) <= 2 and not is_surname(printed[0])))
        and fold(core_word(printed[0])).lower() not in _UNIT_WORDS  # "huyện Đồng Bình Đông" names a place
        and is_surname(printed[1])
    ):
        # a speck read as a short word before a surname ("Re Nong Duy …"; "co Lê Trọng …": a
        # surname is printed capitalised, so "co" is no "Cổ")
        printed.pop(0)
    if _stroke_before_surname(printed, settings):
        printed.pop(0)  # the signature's stroke read as a word before the surname ("Jww Từ Thúy Yến")
    if len(printed) > 2 and re.match(r"^[‘'\"“]\w", printed[1]) and not is_surname(core_word(printed[0])):
        printed.pop(0)  # a word of the recipients' column before a name OCR opened with a quote ("Des ‘Khic …")
    if len(printed) > 3 and foreign_syllable(core_word(printed[-1])):
        printed.pop()  # a stamp's speck read as a word after a full name ("Ve Bich Trang Sees")
    tokens = [core_word(t) for t in printed]
    if any(re.search(r"[.,;:]$", t) for t in printed[:-1]):
        return None  # punctuation inside: a list ("Lưu: VT, VP."), not a name
    if any(t.isupper() and len(t) > 1 for t in tokens) and not all(t.isupper() for t in tokens):
        return None  # abbreviations among words in normal case ("Lưu VT VP")
    # An apostrophe joins the syllables of Central Highlands names ("H'Linh Niê").
    letters = [re.sub(r"(?<=\w)['’](?=\w)", "", t) for t in tokens]
    if not 2 <= len(tokens) <= 5 or any(len(t) < 2 or not t.isalpha() for t in letters):
        return None
    if any(not set(fold(t)) & _VOWELS for t in letters):
        return None  # every syllable holds a vowel: "PCT UBND", "SEHU VI VP" are abbreviations
    capitalised = sum(t[0].isupper() for t in tokens)
    if capitalised < len(tokens) - 1 or capitalised < 2:
        return None
    surname = max(surnames(), key=lambda s: fuzz.ratio(fold(s), fold(tokens[0])))
    damaged = word_damage(tokens[0], skip_upper=False)[1] > 0
    if (
        snap
        and damaged
        and fold(surname) != fold(tokens[0])
        and fuzz.ratio(fold(surname), fold(tokens[0])) >= settings.surname_min_score
    ):
        tokens[0] = surname
    elif not tokens[0][0].isupper():
        return None
    elif snap:
        tokens[0] = surname_spelled(tokens[0])
    return " ".join(name_case(t) for t in tokens)


def _stroke_before_surname(printed: list[str], settings: SignatureSettings) -> bool:
    """Whether the first of a name line's words is a stroke of the signature OCR read as letters:
    no Vietnamese syllable, nor a surname OCR damaged ("{guyén" is Nguyễn), before a surname."""
    if len(printed) < 3:
        return False
    first = core_word(printed[0])
    if not foreign_syllable(first) or not is_surname(core_word(printed[1])):
        return False
    return max(fuzz.ratio(fold(s), fold(first)) for s in surnames()) < settings.surname_min_score


_VOWELS = frozenset("aeiouyw")  # folded; "w" is no Vietnamese letter but ư as OCR reads it ("Tw" = "Từ")


def _lower_speck(token: str, settings: SignatureSettings) -> bool:
    """A short lower-case token OCR made of a stamp's or a ruling's specks ("as", "ie")."""
    core = core_word(token)
    return bool(core) and core.islower() and len(core) <= settings.speck_letters


def _capital_speck(printed: list[str]) -> bool:
    """The last token is a word in capitals after a name in normal case ("Giáp Phương Uyên SEN",
    "Vũ Trang. KP"): a stamp's or a ruling's specks OCR read as letters, no syllable of the name,
    which is printed in one case throughout."""
    last = core_word(printed[-1])
    return (
        len(printed) > 2
        and len(last) > 1
        and last.isupper()
        and not any(core_word(t).isupper() for t in printed[:-1] if len(core_word(t)) > 1)
    )


# The signature titles' letters, for a title OCR misread by a letter ("PHÓ GHỦ TỊCH").
_TITLE_LETTERS = ("chutich", "phochutich", "ktchutich", "uybannhandan", "tmuybannhandan")


def is_signature_title(line: Line, settings: SignatureSettings) -> bool:
    """A title line of the block ("TM. ỦY BAN NHÂN DÂN", "PHÓ CHỦ TỊCH"), in capitals, read as
    printed or with one letter misread (a title taken for a name would be the signer)."""
    text = line_text(line)
    return (
        len(text) <= settings.signature_title_max_chars
        and is_upper(text)
        and any(
            SIGNATURE_TITLE.match(fold(t).replace("chutich", "chu tich"))
            or any(Levenshtein.distance(re.sub(r"[^a-z]", "", fold(t).lower()), w) <= 1 for w in _TITLE_LETTERS)
            for t in line_variants(line)
        )
    )
