"""A title's words put back by the fixed wording of administrative titles.

Titles of commune reform documents are formulaic: their words come from a small vocabulary ("Kết
quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm …", "Nâng cao Chỉ số cải cách hành
chính", "Tình hình, kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm …"). OCR garbles
one word of such a run ("xác định oF số cải cách", "HÀNH CHÁNH" read for CHÍNH, "Chis số"); the
repair cannot tell, word by word, that "chánh" is wrong. Where a run of the title matches a phrase
of the vocabulary but for one word inside it, that word is the phrase's: a non-word, a word one
letter from the phrase's, the phrase's word with other marks, or any word when the run holds
enough of the phrase around it. Never one document's title: the vocabulary is the wording every
such title is made of (``TITLE_PHRASES``), and a run must hold enough of it to be sure
(``TitleWordingSettings``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from normalize.vietnamese import word_damage
from normalize.vietnamese.syllable import fold


@dataclass(frozen=True)
class TitleWordingSettings:
    # Words of a phrase a title run must print exactly (marks aside) around the one it garbled:
    # four leave no other phrase the run could be ("… số cải cách hành …").
    min_context_words: int = 4
    # A garbled word that is a Vietnamese syllable is taken for the phrase's only this many letters
    # from it ("chánh" for "chính"); a non-word ("oF", "Chis") is taken whatever its letters.
    max_letter_edits: int = 1
    # Words of a phrase printed exactly around the one that differs past which that word is the
    # phrase's whatever it is ("Nâng cao Chỉ số cải văn hành chính năm": OCR read a syllable for
    # "cách"): seven words of the wording leave its eighth no other reading.
    sure_context_words: int = 7


DEFAULT_TITLE_WORDING = TitleWordingSettings()

# The wording administrative reform titles are made of (Decree 30 kind words apart), as printed in
# titles of mixed case; a title in capitals takes it in capitals. Several runs overlap so that a
# garbled word inside any title's run has a phrase around it.
TITLE_PHRASES: tuple[str, ...] = (
    "kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm",
    "tự đánh giá, chấm điểm xác định Chỉ số cải cách hành chính năm",
    "bảng tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm",
    "nâng cao Chỉ số cải cách hành chính năm",
    "xác định Chỉ số cải cách hành chính năm",
    "tình hình, kết quả thực hiện công tác cải cách hành chính",
    "cải cách hành chính 6 tháng đầu năm",
    "kết quả thực hiện công tác cải cách hành chính năm",
    "kết quả công tác cải cách hành chính năm",
    "kế hoạch cải cách hành chính năm",
    "kế hoạch kiểm tra công tác cải cách hành chính năm",
    "tuyên truyền cải cách hành chính năm",
    "kiểm soát thủ tục hành chính năm",
    "cải cách thủ tục hành chính năm",
    "thực hiện cơ chế một cửa, một cửa liên thông",
    "Chỉ số hài lòng của người dân, tổ chức",
    "năm của Ủy ban nhân dân xã",
    "năm của UBND xã",
)


def in_wording(words: list[str]) -> bool:
    """Whether the words, in this order, are a run of some phrase of the vocabulary (their letters,
    marks and case aside): a small-letter word inside a title printed in capitals that the wording
    places between its neighbours ("ĐIỂM chỉ số CẢI", "TỰ đánh GIÁ") is the title's, OCR having
    read its capitals small, not a speck."""
    keys = _words(" ".join(words))
    if len(keys) < 2 or not all(keys):
        return False
    return any(
        len(phrase) - i >= len(keys) and all(_same_word(k, w) for k, w in zip(keys, phrase[i:], strict=False))
        for _, phrase in _PHRASES
        for i in range(len(phrase))
    )


def _words(text: str) -> list[str]:
    """The folded letters of each word (punctuation and case aside)."""
    return [re.sub(r"[\W_]+", "", fold(w)) for w in text.split()]


_PHRASES = tuple((p.split(), _words(p)) for p in TITLE_PHRASES)
_VOCABULARY = frozenset(word for _, phrase in _PHRASES for word in phrase)

# A run of this many tokens at most, each of at most this many letters, is what OCR reads from
# specks in one place of a title (a stamp's edge, the ruling under the motto: "ễ Tên ẫ", "ee _ |").
_SPECK_RUN = 3
_SPECK_LETTERS = 3

# The words a report's title states its period in, where the wording's own words join on either
# side ("… hành chính quý III năm 2014", "… đợt 2 năm 2023", "… kỳ I"): short, and no word of the
# wording, yet the title's own, as a quarter's or a term's roman numeral is.
_PERIOD_WORDS = frozenset({"quy", "thang", "ky", "dot", "dau", "cuoi", "nua"})
_ROMAN_NUMERAL = re.compile(r"^(?:I{1,3}|IV|VI{0,3}|IX|X)$")


def wording_specks(tokens: list[str]) -> list[str]:
    """The title's tokens without the specks OCR read between two words the wording joins: where
    the two words before a run of short tokens and the word after it are a run of a phrase
    ("… hành chính HN, năm 2023", "… hành chính ee _ | 6 tháng đầu năm"), the run stands where the
    wording has nothing, mostly at the join of a title wrapped over two lines. A token of the
    wording ("của", "xã"), a number of more than one digit (the year) or a word longer than a
    speck is the title's own, and keeps the run."""
    out = list(tokens)
    i = 2
    while i < len(out):
        for n in range(1, _SPECK_RUN + 1):
            if i + n >= len(out) or not _speck_token(out[i + n - 1]):
                break
            if in_wording([out[i - 2], out[i - 1], out[i + n]]):
                del out[i : i + n]
                break
        i += 1
    return out


def _speck_token(token: str) -> bool:
    """A token too small to be a title's own word where the wording has none: bare punctuation, a
    lone digit, or a few letters that are no word of the wording."""
    core = re.sub(r"[\W\d_]+", "", token)
    digits = sum(c.isdigit() for c in token)
    if digits:
        return digits == 1 and not core
    if fold(core).lower() in _PERIOD_WORDS or _ROMAN_NUMERAL.match(core):
        return False
    return len(core) <= _SPECK_LETTERS and fold(core).lower() not in _VOCABULARY


# A year's word as OCR may mark it before the year ("nắm 2026", "NĂN 2024"): the letters of "nam"
# or "nan" with any marks, the year's four digits after it. No other word of a title stands there.
_YEAR_WORD = re.compile(r"^n[aăâ][mn]$")
_YEAR = re.compile(r"^(?:19|20)\d\d\b")


def year_words(tokens: list[str]) -> list[str]:
    """The tokens with the word before a year put back as "năm" (its case kept)."""
    out = list(tokens)
    for k, token in enumerate(tokens[:-1]):
        if token != "năm" and _YEAR.match(tokens[k + 1]) and _YEAR_WORD.match(fold(token).lower()):
            out[k] = _as_word("năm", token)
    return out


def worded_title(title: str, settings: TitleWordingSettings = DEFAULT_TITLE_WORDING) -> str:
    """The title with each word a run of the vocabulary garbled put back (see the module), and the
    word before a year read as "năm" (``year_words``)."""
    tokens = year_words(title.split())
    keys = _words(title)
    for printed, phrase in _PHRASES:
        n = len(phrase)
        for start in range(len(tokens) - n + 1):
            window = keys[start : start + n]
            differ = [k for k in range(n) if not _same_word(window[k], phrase[k])]
            if len(differ) > 1 or n - len(differ) < settings.min_context_words:
                continue
            kept: set[int] = set()
            for k in differ:  # inside the run: a phrase's edge word may be the title's own
                sure = n - len(differ) >= settings.sure_context_words and bool(window[k])
                # ... but for the title's first word, sure of its phrase: a title opens with the
                # wording it is made of, so nothing of its own stands before the phrase ("An cao
                # Chỉ số cải cách hành chính năm" is "Nâng cao …" with its first letters lost).
                # The phrase's last word garbled before a number (the year, "6 tháng đầu năm …") is
                # the wording's too: a title's words of its own do not stand between the two.
                opening = k == 0 and start == 0 and sure
                garbled = _garbled(tokens[start + k], window[k], phrase[k], settings)
                numbered = start + n < len(tokens) and tokens[start + n][:1].isdigit()
                closing = k == n - 1 and numbered and sure and garbled
                inside = 0 < k < n - 1 and (sure or garbled)
                if opening:
                    tokens[0] = _as_word(printed[0][:1].upper() + printed[0][1:], tokens[0])
                elif inside or closing:
                    tokens[start + k] = _as_word(printed[k], tokens[start + k])
                else:
                    kept.add(k)  # the title's own word at the phrase's edge
            for k in range(n):  # the phrase's marks on words whose letters it shares
                if k not in differ and window[k] and not phrase[k].isdigit():
                    tokens[start + k] = _as_word(printed[k], tokens[start + k])
            for k in set(range(n)) - kept:
                tokens[start + k] = _phrase_punctuation(tokens[start + k], printed[k], k > 0, k < n - 1)
    return " ".join(tokens)


def _same_word(key: str, wording: str) -> bool:
    """A title's word is the wording's: the same letters, or any count where the wording counts
    ("9 tháng đầu năm" against the wording's "6 tháng đầu năm": the count is the title's own)."""
    return key == wording or (key.isdigit() and wording.isdigit())


def _phrase_punctuation(token: str, printed: str, inner_start: bool, inner_end: bool) -> str:
    """The phrase's punctuation between its words on the title's word: inside a run of the
    wording the marks are the wording's, so a comma OCR lost is put back ("Tự đánh giá chấm
    điểm") and a mark it does not print is a speck ("Nâng cao. Chỉ số", "$số"). The run's own
    edges keep the title's marks (the title may go on with its own)."""
    m = re.match(r"^([\W_]*)(.*?)([\W_]*)$", token)
    if not m or not m.group(2):
        return token
    lead, core, trail = m.group(1), m.group(2), m.group(3)
    if inner_start:
        lead = ""
    if inner_end:
        trail = printed[len(printed.rstrip(",.;:")) :]  # the wording's comma after the word, or none
    return f"{lead}{core}{trail}"


def _garbled(token: str, key: str, wording: str, settings: TitleWordingSettings) -> bool:
    """A title word OCR garbled from the phrase's: no Vietnamese word, or one a letter or so from it."""
    core = re.sub(r"[\W\d_]+", "", token)
    if not core:
        return False
    not_word = word_damage(core, skip_upper=False)[1] > 0
    return not_word or Levenshtein.distance(key, wording) <= settings.max_letter_edits


def _as_word(printed: str, token: str) -> str:
    """The phrase's word in the title token's place: its case (capitals in a capitals title, the
    phrase's own case otherwise, a capital kept at a token that had one), the token's punctuation."""
    m = re.match(r"^([\W_]*)(.*?)([\W_]*)$", token)
    lead, core, trail = (m.group(1), m.group(2), m.group(3)) if m else ("", token, "")
    word = re.sub(r"[\W_]+", "", printed)
    letters = [c for c in core if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        word = word.upper()
    elif core[:1].isupper():
        word = word[:1].upper() + word[1:]
    elif word[:1].isupper() and core[:1].islower():
        word = word if fold(core[:1]) != fold(word[:1]) else word[:1].lower() + word[1:]
    return f"{lead}{word}{trail}"
