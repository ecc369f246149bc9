"""A title line as printed, without what OCR read from specks around and inside it.

OCR reads a stamp's, a ruling line's or the paper's specks as tokens beside a title ("ea Nâng
cao … năm 2014 êê", "… HÀNH CHÍNH ưu NĂM 2014"), misreads a capital as a small letter ("Chỉ
SỐ") and cuts a word ("BẢN G"). ``extract.metadata`` reads the title lines; these functions
clean each line (``title_text``), the joined title's ends (``edge_specks``), and tell a line
that is specks alone (``speck_line``).
"""

from __future__ import annotations

import re

from extract.commune import _NAME_MAX_WORDS, _UNIT_WORDS
from extract.title_wording import in_wording, year_words
from normalize.lazy_regex import lazy_re_compile
from normalize.text import fold_spaces
from normalize.vietnamese import word_damage
from normalize.vietnamese.syllable import fold

# A token OCR made of a speck: no letter or digit, or one letter alone ("Q XÃ …", "… Tiến Hà - ì");
# a lone digit is a title's ("… chính 6" / "tháng đầu năm 2024").
_SPECK = lazy_re_compile(r"^(?:[\W_]+|[\W_]*[^\W\d_][\W_]*)$")
# A digit with a run of dots or dashes before a title ("1... Nâng cao …"): a speck and its trail;
# a title opens with a word ("6 tháng đầu năm" follows a word), never a numbered heading.
_DOTTED_DIGIT = lazy_re_compile(r"^\d[.…_\-]{2,}$")
# A lone digit at a line's end ("7.") and the bare punctuation before it ("… TIẾN - | 7."): a
# number a title counts follows its word ("… chính 6" / "tháng đầu năm"), a cell's bar never.
_LONE_DIGIT = lazy_re_compile(r"^\d[\W_]*$")
# The punctuation a title prints (a bare token of it, "-", "(", is the title's); a bare token
# holding any other mark ("¡", "|", "~", "`") is a speck OCR read inside the line.
_TITLE_PUNCTUATION = frozenset("-–—,;:.()/\"“”'’‘…&+")


# A year with letters OCR glued before it, on a blurred scan's bold title: the year word's last
# glyph read twice, its box over the word's own ("năm n2024"), or the year word itself, the space
# lost ("năn2024"). The word before a year is then read as "năm" whatever its marks
# (``title_wording.year_words``): cut off as a speck, "năn" took the title's "năm" with it.
_LETTERED_YEAR = lazy_re_compile(r"^([^\W\d_]{1,3})((?:19|20)\d\d\W*)$")


def _unlettered_years(tokens: list[str]) -> list[str]:
    """The tokens with a year read with letters before it as the year: after the year word, the
    letter dropped; letters that fold to the year word ("nam", "nan") as that word beside it."""
    out: list[str] = []
    for token in tokens:
        found = _LETTERED_YEAR.match(token)
        letters = fold(found.group(1)).lower() if found else ""
        if found and letters in ("nam", "nan"):
            out += [found.group(1), found.group(2)]
        elif found and len(letters) == 1 and out and fold(out[-1]).lower() == "nam":
            out.append(found.group(2))
        else:
            out.append(token)
    # A place's name may stand before a year ("… tỉnh Quảng Nam 2024"): a capitalised word stays.
    return [t if t[:1].isupper() and t[1:].islower() else w for t, w in zip(out, year_words(out))]


def title_text(text: str) -> str:
    """A title line without the specks OCR read beside it: leading and trailing tokens of
    punctuation or a single character, and punctuation after the last word ("… năm 2014_", "…
    LỢI ĐỒNG ."). A title starts with a letter, a number or an opening bracket or quote."""
    tokens = _unlettered_years(fold_spaces(text).split())
    while tokens and (
        (_SPECK.match(tokens[0]) and not re.match(r"^[(“\"]\w", tokens[0])) or _DOTTED_DIGIT.match(tokens[0])
    ):
        tokens.pop(0)
    while tokens:
        while tokens and _SPECK.match(tokens[-1]) and not re.match(r"^\w[)”\"]$", tokens[-1]):
            tokens.pop()
        if not (len(tokens) > 2 and _LONE_DIGIT.match(tokens[-1]) and _bare(tokens[-2])):
            break
        tokens.pop()
    tokens = _inner_specks(tokens)
    out = " ".join(tokens)
    out = re.sub(r"^(?:[^\w(“\"]|_)+", "", out)
    return re.sub(r"(?:[^\w)”\"]|_)+$", "", out)


CAPS_TITLE_SHARE = 0.75  # of a line's words in capitals: a title printed in capitals


_EDGE_SPECK_LETTERS = 3  # a lower-case token this short at a title's edge may be a speck ("ea", "êê")


def edge_specks(tokens: list[str]) -> list[str]:
    """A title without the short lower-case tokens OCR read from specks at its ends ("ea Nâng
    cao … năm 2014 êê", "… năm 2014 áo"): a title opens with a capital, so a token of at most
    three small letters before its capitalised first word is a speck; at its end, such a token
    after the year is one (a title does not go on past its year in small letters) and so is one
    that is no Vietnamese syllable."""

    def speck(token: str) -> bool:
        core = re.sub(r"[\W\d_]+", "", token)
        return bool(core) and core.islower() and len(core) <= _EDGE_SPECK_LETTERS

    # A lone digit before a number ("… chính 1" / "6 tháng đầu năm", a speck ending the line above):
    # a title counts one thing at a time.
    tokens = [t for t, nxt in zip(tokens, [*tokens[1:], ""]) if not (len(t) == 1 and t.isdigit() and nxt.isdigit())]
    # (The capital may follow a quote OCR read from a speck too: "fe ‘Tự đánh giá …".)
    while len(tokens) > 1 and speck(tokens[0]) and next((c for c in tokens[1] if c.isalpha()), "").isupper():
        tokens = tokens[1:]
        tokens[0] = re.sub(r"^(?:[^\w(“\"]|_)+", "", tokens[0])  # as ``title_text`` opens a line
    # A lone digit opening a title is a speck ("2 BẢNG TỰ ĐÁNH GIÁ …"): a title opens with a count
    # only of months ("6 tháng đầu năm …").
    if len(tokens) > 1 and _LONE_DIGIT.match(tokens[0]) and fold(tokens[1]).lower() != "thang":
        tokens = tokens[1:]
    # ... and bare punctuation between the year and such a token ("… năm 2023 .. sắc"): a stamp's
    # specks read as dots and a syllable.
    while len(tokens) > 1 and (
        _bare(tokens[-1])
        or (
            speck(tokens[-1])
            and (re.fullmatch(r"\d{4}\W*", _last_word(tokens[:-1])) or word_damage(tokens[-1], skip_upper=False)[1])
        )
    ):
        tokens = tokens[:-1]
    if tokens and _LONE_DIGIT.match(tokens[-1]) and _after_unit_name(tokens[:-1]):
        tokens = tokens[:-1]  # "… CỦA UBND XÃ SƠN HƯNG 7": a place's name holds no digit
    return tokens


def _last_word(tokens: list[str]) -> str:
    """The last token that is more than punctuation ("2023" of "… năm 2023 ..")."""
    return next((t for t in reversed(tokens) if not _bare(t)), "")


def _after_unit_name(tokens: list[str]) -> bool:
    """Whether the tokens end with a unit word and its place's name ("… xã Sơn Hưng")."""
    for k in range(1, _NAME_MAX_WORDS + 1):
        if len(tokens) <= k or not all(t.isalpha() for t in tokens[-k:]):
            return False
        if fold(tokens[-k - 1]).lower() in _UNIT_WORDS:
            return True
    return False


def _inner_specks(tokens: list[str]) -> list[str]:
    """Specks OCR read inside a title line: in a line printed in capitals, lower-case words and
    bare punctuation ("… HÀNH CHÍNH ưu NĂM 2014", "… Chính có : NĂM"); in any line, a stop stuck
    to a word that the line goes on after in lower case ("Chỉ số. cải cách") or before a number
    (".2014"). A title has no sentence inside it."""
    words = [t for t in tokens if any(c.isalpha() for c in t)]
    caps = sum(w.isupper() and len(w) > 1 for w in words)
    if len(words) >= 3 and caps >= CAPS_TITLE_SHARE * len(words):
        tokens = [t for i, t in enumerate(tokens) if any(c.isalnum() for c in t) and not _small_speck(tokens, i)]
        tokens = _caps_line(tokens)
    inner = range(1, len(tokens) - 1)
    tokens = [
        t
        for i, t in enumerate(tokens)
        if not (i in inner and ((_bare(t) and set(t) - _TITLE_PUNCTUATION) or t in _LONE_LETTER_SPECKS))
    ]
    out = []
    for i, token in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if token.endswith(".") and token[:-1].isalpha() and nxt[:1].islower():
            token = token[:-1]
        out.append(re.sub(r"^\.(?=\d)", "", token))
    return out


# A lone small letter without a mark is no Vietnamese word but for "a", "o" and "y" ("y tế"): inside a
# title it is a speck OCR read as a letter ("… đánh giá, c chấm điểm …", "¢" repaired to "e").
_LONE_LETTER_SPECKS = frozenset("bcdefghijklmnpqrstuvwxz")


def _bare(token: str) -> bool:
    return not any(c.isalnum() for c in token)


def _small_speck(tokens: list[str], i: int) -> bool:
    """A word of a line printed in capitals that opens with a small letter is a speck ("HÀNH CHÍNH
    ưu NĂM", "aS BẢNG"), unless most of its letters are capitals ("cACH": its first one read small)
    or the wording of titles places it between its neighbours ("ĐIỂM chỉ số CẢI": capitals OCR
    read small, ``in_wording``)."""
    token = tokens[i]
    if not token.isalpha() or not token[:1].islower():
        return False
    if sum(c.isupper() for c in token) > len(token) / 2:
        return False
    before = next((t for t in reversed(tokens[:i]) if any(c.isalpha() for c in t)), None)
    after = next((t for t in tokens[i + 1 :] if any(c.isalpha() for c in t)), None)
    runs = ([before, token, after], [before, token], [token, after])
    return not any(in_wording([w for w in run if w]) for run in runs if all(run))


def _caps_line(tokens: list[str]) -> list[str]:
    """A title line printed in capitals as printed: a word OCR read with small letters in capitals
    ("Chỉ SỐ", "HÀNH Chính"), a word OCR cut before its last letter joined again ("BẢN G" when
    "BẢNG" is a syllable and "G" no word), and a lone number before "NĂM <year>" dropped (a
    speck: "… CHỈ SỐ 1 NĂM 2014"; no title counts years before naming one)."""
    out: list[str] = []
    for i, token in enumerate(tokens):
        nxt = tokens[i + 1 : i + 3]
        year_next = len(nxt) == 2 and fold(nxt[0]).lower() == "nam" and nxt[1][:4].isdigit()
        if token.isdigit() and len(token) == 1 and year_next:
            continue
        if token.isalpha():  # ("Chỉ", or "chỉ" the wording kept)
            token = token.upper()
        if (
            out
            and len(token) == 1
            and token.isalpha()
            and out[-1].isalpha()
            and word_damage(token, skip_upper=False)[1]
            and not word_damage(out[-1] + token, skip_upper=False)[1]
        ):
            out[-1] += token
            continue
        out.append(token)
    return out


# A date's month and year ending a line ("…, tháng 12 năm 2024"; OCR'd "thdng 12 ndm 2024").
_DATE_TAIL = lazy_re_compile(r"\bth\w{1,2}ng\s*\d{1,2}\s*[-.]?\s*n\w{1,2}m\s*\d{4}\W*$")
_DAY_WORD = lazy_re_compile(r"\bng\w{1,2}y\b")


def date_remnant(folded: str, opening: bool) -> bool:
    """A place-date line OCR read past knowing it as one by its day (``DATE_WORDS`` wants one):
    its month and year end the line after the word "ngày", the day misread ("Cường Ná ngày vả,
    tháng 12 năm 2024"), or stand alone where a title would open (``opening``: the date's end
    wrapped under the motto, "thdng 12 ndm 2024"; a title never opens with a month, though its
    wrapped line may say one)."""
    text = folded.lower().strip()
    tail = _DATE_TAIL.search(text)
    if not tail:
        return False
    before = text[: tail.start()]
    return bool(_DAY_WORD.search(before)) or (opening and not any(c.isalnum() for c in before))


def speck_line(text: str) -> bool:
    """A line with fewer than two Vietnamese words, or more words that are none than words that
    are ("1m... .ẽ5 .", "(omesceee os 2", "“ĐỒNG _")."""
    words, bad = word_damage(text, skip_upper=False)
    return words - bad < 2 or bad > words - bad
