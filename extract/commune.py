"""The issuing commune's name: the lowest unit an issuer line or a sentence names ("… XÃ NGỌC KỲ",
"UBND xã Hương Sơn"), spelled as most of the document's mentions spell it (OCR misreads a mark
or a letter in one place and reads it right in others), with the marks the gazetteer is sure of
when a Latin-only OCR read the document (``normalize.vietnamese.names.restore_place``).
"""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from extract.model import Line
from normalize.lazy_regex import lazy_re_compile
from normalize.text import fold_spaces
from normalize.vietnamese import word_damage
from normalize.vietnamese.names import is_place, restore_place
from normalize.vietnamese.syllable import fold, nfc
from schemas.records import DocumentMeta

# A commune-level unit; "đặc khu", the island special zones of the 2025 reorganisation, is one.
LOCAL_UNIT = lazy_re_compile(r"\b(xa|phuong|thi tran|dac khu)\s+")


def latin_document(lines: list[Line], line_share: float) -> bool:
    """A document a Latin-only OCR read (or typed without marks): hardly a line of the source
    text holds a letter of Vietnamese's own (ă, â, đ, ơ, ư, a tone mark past Latin-1)."""
    texts = [ln.raw or ln.text for ln in lines if sum(ch.isalpha() for ch in ln.text) >= 3]
    marked = sum(any(ch.isalpha() and ord(ch) >= 256 for ch in t) for t in texts)
    return bool(texts) and marked < line_share * len(texts)


def restored_place(name: str, meta: DocumentMeta) -> str:
    """The commune's name with the marks the gazetteer is sure of (``restore_place``: the repair
    reads "Nam" as "Năm" in a Latin-only text), written so in the title and the place too: the
    repair reads each mention of a Latin-only text on its own, a letter or a mark apart ("…
    của UBND xã Cũng Quang Thượng" under "XÃ CƯỜNG QUANG THƯỢNG")."""
    restored = place_name(" ".join(restore_place(name.split())))
    if meta.title:
        meta.title = named_alike(meta.title, restored)
    if meta.place and Levenshtein.distance(_squeezed(fold(meta.place).lower()), _squeezed(fold(restored).lower())) <= 1:
        meta.place = restored
    return restored


def named_alike(text: str, name: str) -> str:
    """The text with the commune named after a unit word ("xã …") a letter or a mark from ``name``
    spelled as ``name`` (in capitals in a title printed in capitals)."""
    key, n = _squeezed(fold(name).lower()), len(name.split())
    words = text.split()
    for i in range(1, len(words) - n + 1):
        if fold(words[i - 1]).lower() not in _UNIT_WORDS:
            continue
        span = words[i : i + n]
        core = [re.sub(r"[^\w]+$", "", w) for w in span]
        if Levenshtein.distance(_squeezed(fold(" ".join(core)).lower()), key) <= 1:
            spelled = name.split()
            if all(w.isupper() for w in core):
                spelled = [w.upper() for w in spelled]
            words[i : i + n] = [s + w[len(c) :] for s, w, c in zip(spelled, span, core, strict=True)]
    return " ".join(words)


def commune_spelling(name: str, texts: list[str]) -> str:
    """The commune's name as most of the document's mentions spell it. OCR misreads a mark in one
    place ("XÃ ĐỊNH TAM NẠM", repaired to "Năm"), joins two words ("XA VINHTIEN") or loses the
    issuer line's wrapped end ("XA DONG" / "THUAN" beside the motto), and reads it right in others
    (the place-date line, the title, the opening sentence). Counted: capitalised mentions with the
    same letters, spaced or not, and mentions after a unit word ("xã Đồng Thuận") that go on where
    the issuer's name stopped. The most frequent spelling wins; a tie goes to a spelling a mention in
    lower case printed over one only capitals printed (a capital's stacked marks, "Ồ", crowd the
    line's top and OCR drops the upper one: "XÃ MINH ĐÔNG" twice, "Minh Đồng" twice), then to the
    one found first (the issuer column's)."""
    key = _squeezed(fold(name).lower())
    key_words = fold(name).lower().split()
    counts: dict[str, int] = {name: 0}
    lower: set[str] = set()  # spellings a mention not in capitals printed
    near: dict[str, int] = {}  # mentions a letter away, after a unit word or opening a line
    for text in texts:
        words = [re.sub(r"^[^\w]+|[^\w]+$", "", w) for w in nfc(text).split()]
        folded = [fold(w).lower() for w in words]
        for i in range(len(words)):
            run = 0  # the capitalised words from i on
            while i + run < len(words) and words[i + run][:1].isupper() and run < _NAME_MAX_WORDS:
                run += 1
            # After a unit word, or opening a text (the place-date line: "Thịnh Nghĩa, ngày …").
            after_unit = i == 0 or folded[i - 1] in _UNIT_WORDS
            if after_unit and run > len(key_words) and folded[i : i + len(key_words)] == key_words:
                spans = [run]  # "xã Đồng Thuận" where the issuer line kept "XÃ ĐỒNG"
            else:
                spans = [n for n in range(1, run + 1) if _squeezed("".join(folded[i : i + n])) == key]
            for n in spans:
                spelling = place_name(" ".join(words[i : i + n]))
                counts[spelling] = counts.get(spelling, 0) + 1
                if not all(w.isupper() for w in words[i : i + n]):
                    lower.add(spelling)
            n = len(key_words)
            if after_unit and not spans and run >= n and len(key) >= _NEAR_NAME_LETTERS:
                if Levenshtein.distance(_squeezed("".join(folded[i : i + n])), key) == 1:
                    spelling = place_name(" ".join(words[i : i + n]))
                    near[spelling] = near.get(spelling, 0) + 1
    best = max(counts, key=lambda s: (counts[s], s in lower))
    # The issuer line's letters misread ("XA ViINH TAM" → "Vành Tâm", no place's syllable) and the
    # name seen nowhere else: the place name a letter away that the text repeats is the commune's.
    nearest = max(near, key=lambda s: near[s]) if near else None
    if nearest and sum(counts.values()) <= 1 and near[nearest] >= 2 and is_place(nearest) and not is_place(best):
        return nearest
    return best


def printed_spelling(name: str, lines: list[Line]) -> str | None:
    """The commune's name as the OCR itself printed its mentions, when that outvotes the repair's
    spelling: the repair reads each mention in its context and may take a better-known name for
    it ("BINH LAC" → "Bình Lục" everywhere), while two mentions printed alike are two readings
    that agree, one of them the letterhead's (in capitals: the issuer line, the title or the
    signature block's "ỦY BAN NHÂN DÂN XÃ …"). Counted over lines the repair kept word for word:
    a mention it left as printed votes for ``name``. None when the repair's spelling is as printed
    or not outvoted."""
    key = fold(name).lower().split()
    n = len(key)
    votes: dict[str, int] = {}
    capitals: set[str] = set()  # spellings a mention in capitals printed
    for line in lines:
        words = line.text.split()
        raws = (line.raw or line.text).split()
        if len(raws) != len(words):
            continue
        folded = [fold(_word_core(w)).lower() for w in words]
        for i in range(len(words) - n + 1):
            if folded[i : i + n] == key:
                printed = place_name(" ".join(_word_core(w) for w in raws[i : i + n]))
                votes[printed.lower()] = votes.get(printed.lower(), 0) + 1
                if all(_word_core(w).isupper() for w in raws[i : i + n]):
                    capitals.add(printed.lower())
    if not votes:
        return None
    best = max(votes, key=lambda s: votes[s])
    if (
        best == nfc(name).lower()
        or best not in capitals
        or votes[best] < 2
        or votes[best] <= votes.get(nfc(name).lower(), 0)
    ):
        return None
    return " ".join(w.capitalize() for w in best.split())


def _word_core(word: str) -> str:
    return re.sub(r"^[^\w]+|[^\w]+$", "", nfc(word))


def completed_name(name: str, place: str | None) -> str:
    """The commune's name as the place-date line prints it when that goes on where the issuer's
    name stopped ("XÃ QUANG" over "Quang Bình, ngày …"): the issuer column wrapped the name and
    OCR lost its second line among the motto's specks (". 22 BÌNH êê Độc lập"). The place names
    the commune in full on a commune's document; its extra words must be place syllables."""
    if not place:
        return name
    have, full = fold(name).lower().split(), fold(place).lower().split()
    extra = place.split()[len(have) :]
    if (
        len(have) < len(full) <= _NAME_MAX_WORDS
        and full[: len(have)] == have
        and all(w[:1].isupper() for w in extra)
        and is_place(" ".join(extra))
    ):
        return place_name(" ".join(name.split() + extra))
    return name


def marks_read(name: str, lines: list[Line]) -> list[bool]:
    """For each syllable of the commune's name, whether some mention of it in the OCR's own text
    (before repair) carries a mark: a Latin-only OCR keeps a few ("Hiép", "Yén"), which the
    repair reads; a syllable printed bare everywhere has marks only the repair chose."""
    key = [fold(w).lower() for w in name.split()]
    marked = [False] * len(key)
    for line in lines:
        words = re.findall(r"[^\W\d_]+", nfc(line.raw or line.text))
        folded = [fold(w).lower() for w in words]
        for i in range(len(words) - len(key) + 1):
            if folded[i : i + len(key)] == key:
                marked = [m or not words[i + k].isascii() for k, m in enumerate(marked)]
    return marked


def same_place(name: str, place: str | None) -> bool:
    """The name is the place-date line's place, marks, case, spacing and a doubled letter aside
    (two mentions OCR read apart that agree)."""
    return bool(place) and _squeezed(fold(name).lower()) == _squeezed(fold(place or "").lower())


def _squeezed(folded: str) -> str:
    """Letters without spaces, a doubled letter once: OCR reads a stacked mark as a second vowel
    ("AN DIÊỄN" for "AN DIÊN"), and joins or splits words ("VANLOI")."""
    return re.sub(r"(\w)\1+", r"\1", re.sub(r"\s+", "", folded))


_NEAR_NAME_LETTERS = 6  # a name this long is not another commune's for one letter misread
_NAME_MAX_WORDS = 4  # a commune's name is at most this many syllables ("Hòa Trung Thượng")
_UNIT_WORDS = frozenset({"xa", "phuong", "tran", "khu"})  # the word before a commune's name ("thị trấn", "đặc khu")


def local_unit(text: str) -> tuple[str, str] | None:
    """("xã", "Ngọc Kỳ") from "… XÃ NGỌC KỲ" or "… xã Hương Sơn./."; the name is the run of
    capitalised words after the unit word, up to the next unit or issuing body ("UBND HUYỆN …
    ỦY BAN NHÂN DÂN XÃ …" is read one unit at a time)."""
    text = _unglued(nfc(text))
    folded = fold(text)
    for m in LOCAL_UNIT.finditer(folded):
        before = folded[: m.start()].rstrip()
        if before.endswith(("cap", "cac", "toan")):
            continue  # "cấp xã", "các xã": the level, not a named commune
        if before.endswith("thi") and m.group(1) == "xa" or folded[m.end() :].startswith("hoi chu nghia"):
            continue  # "thị xã" is a town above the commune; "xã hội chủ nghĩa" is the motto
        words: list[str] = []
        rest = text[m.end() :].split()
        for k, word in enumerate(rest):
            core = re.sub(r"[\W_]+$", "", word)  # "VĨNHMỸ_": an underscore speck after the name
            if not core or not core[0].isupper() or not core.isalpha() or _NAME_STOP.match(fold(" ".join(rest[k:]))):
                break
            if len(words) > 0 and all(w.isupper() and len(w) > 1 for w in words) and not core.isupper():
                break  # a name printed in capitals ends where the capitals do ("XÃ ĐỒNG / THẠNH An")
            words.append(core)
            if core != word or len(words) == 4:  # punctuation ends the name; names are short
                break
        if words:
            unit = {"xa": "xã", "phuong": "phường", "thi tran": "thị trấn", "dac khu": "đặc khu"}[m.group(1)]
            return unit, place_name(" ".join(words))
    return None


# "XASON THAI", "XANGHIADIEN", "XAHA YEN": the unit word glued to the name by OCR, in capitals;
# "UBNDXÃNGHĨAXUÂN": the issuing body glued to the unit word too.
_GLUED_UNIT = lazy_re_compile(r"\b(X[AÃ])([A-ZĐÀ-Ỹ]{2,})\b")
_GLUED_BODY = lazy_re_compile(r"\b(UBND)(X[AÃ][A-ZĐÀ-Ỹ]*)\b")


def _unglued(text: str) -> str:
    """The unit word split off a capitalised name OCR glued it to, when the glued token is no
    Vietnamese syllable ("XANH" is one and stays)."""

    def split(m: re.Match[str]) -> str:
        return m.group(0) if not word_damage(m.group(0), skip_upper=False)[1] else f"{m.group(1)} {m.group(2)}"

    return _GLUED_UNIT.sub(split, _GLUED_BODY.sub(r"\1 \2", text))


# What ends a unit's name: the next issuing body or unit starts there.
_NAME_STOP = lazy_re_compile(r"(?:uy ban|ubnd|xa|phuong|thi tran|dac khu|thi xa|huyen|quan|tinh|thanh pho)\b")


def place_name(text: str) -> str:
    """A place's name in title case: a word printed in capitals is capitalised ("MỸ HÒA" → "Mỹ
    Hòa"; "Nghĩa ĐIỀN", pieced together from two mentions, → "Nghĩa Điền")."""
    words = fold_spaces(text).split()
    return " ".join(w.capitalize() if w.isupper() else w for w in words)
