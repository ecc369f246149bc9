"""Markup and Unicode clean-up shared by every reader and segmenter."""

from __future__ import annotations

import html
import unicodedata
from functools import lru_cache
from typing import Any

import regex as re
from unidecode import unidecode

from normalize.lazy_regex import lazy_compile

_TAG = lazy_compile(r"<\s*/?\s*([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*?/?\s*>")
_MD_ESCAPE = lazy_compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>])")
_MD_EMPHASIS = lazy_compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_ITALIC = lazy_compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])")
_SPACES = lazy_compile(r"[ \t\u00a0\u2009\u202f]+")

# Tags whose boundaries separate words; the rest (b, i, sup, span...) are inline.
_BLOCK_TAGS = {"br", "p", "div", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5", "h6"}


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def strip_markup(text: str) -> str:
    """Plain text of one line of markdown with inline HTML: tags removed (block tags leave a
    space), entities decoded, emphasis markers and markdown escapes dropped, spaces folded."""

    def tag_repl(m: re.Match) -> str:
        return " " if m.group(1).lower() in _BLOCK_TAGS else ""

    text = _TAG.sub(tag_repl, text)
    text = html.unescape(text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    text = _MD_ITALIC.sub(r"\1", text)
    text = text.replace("**", "")
    text = _MD_ESCAPE.sub(r"\1", text)
    return nfc(_SPACES.sub(" ", text).strip())


def is_bold_markup(text: str) -> bool:
    """True when the visible text of a markup line is (wholly) bold."""
    t = text.strip()
    if not t:
        return False
    m = re.fullmatch(r"(?:#+\s*)?(\*\*|__|<b>|<strong>)(.*?)(\*\*|__|</b>|</strong>)\s*\S?", t, flags=re.S | re.I)
    return bool(m) or (t.startswith("**") and t.count("**") % 2 == 1) or t.lower().startswith(("<b>", "<strong>"))


def is_italic_markup(text: str) -> bool:
    t = text.strip()
    return (t.startswith("*") and not t.startswith("**") and t.endswith("*")) or t.lower().startswith(("<i>", "<em>"))


# The blocks a Vietnamese document's letters, marks and punctuation come from: Latin-1 and Latin
# Extended-A/B, the combining marks, Latin Extended Additional (the toned vowels "ộ", "ữ"), the
# general punctuation ("–", "…", "“").
_LATIN_BLOCKS = ((0x80, 0x250), (0x300, 0x370), (0x1E00, 0x1F00), (0x2000, 0x2070))


@lru_cache(maxsize=1)
def _latin_table() -> dict[int, str]:
    """unidecode's spelling of every character of ``_LATIN_BLOCKS`` that it spells in ASCII, for
    ``str.translate``: one table, built once, in place of unidecode's loop over a text's characters."""
    table = {}
    for start, end in _LATIN_BLOCKS:
        for code in range(start, end):
            spelt = unidecode(chr(code))
            if spelt.isascii():
                table[code] = spelt
    return table


def ascii_spelling(text: str) -> str:
    """``unidecode(text)``, the same string: unidecode spells each character on its own, so the
    characters of the Latin blocks are spelt by one ``str.translate`` and unidecode spells only
    what is left (a character of another block; an ASCII one stays itself)."""
    if text.isascii():
        return text
    spelt = text.translate(_latin_table())
    return spelt if spelt.isascii() else unidecode(spelt)


# Cached: the segmenters fold the same cells and lines again and again (a DOCX's 1,150 calls are
# 340 texts).
@lru_cache(maxsize=16_384)
def fold(text: str) -> str:
    """Accent-free lower case with spaces folded: the key for keyword matching that survives OCR'd
    text which lost its diacritics ("Đơn vị  tính" and "Don vi tinh" both read "don vi tinh")."""
    return " ".join(ascii_spelling(text or "").lower().split())


def fold_words(text: str) -> str:
    """``fold``, with only the letter-and-digit runs kept, one space apart: the key a name is
    compared by whatever punctuation and specks OCR put between its words ("Kế hoạch, CCHC |"
    and "ke hoach CCHC" both read "ke hoach cchc")."""
    return " ".join(WORD_RUN.findall(fold(text)))


# Shared patterns the segmenters ask for on every cell and line: words (letters and digits),
# letters alone, runs of white space.
WORD_RUN = lazy_compile(r"[\p{L}\p{N}]+")
LETTER_RUN = lazy_compile(r"\p{L}+")
SPACE_RUN = lazy_compile(r"\s+")


def any_word(words: tuple[str, ...], before: str = r"(?<![a-z])", after: str = r"(?![a-z])") -> Any:
    """One pattern (compiled on first use) that finds any of ``words`` with ``before`` and
    ``after`` holding around it: a text holds one of them so iff this finds it (each alternative
    is tried at every place), in one pass instead of a pattern per word and text."""
    return lazy_compile(before + "(?:" + "|".join(re.escape(w) for w in words) + ")" + after)


# How an explanation cell opens (folded text): a dash, a document ("Kế hoạch số", "Báo cáo số",
# "Quyết định số"), a date, or a reference number. No criterion's name goes on with one.
EXPLANATION_OPENING = lazy_compile(
    r"^(?:[-–+•]|(?:ke hoach|bao cao|quyet dinh|cong van|thong bao|to trinh)\s+so\b"
    r"|ngay\s+\d|\d{1,2}/\d{1,2}/\d{2,4})",
    re.I,
)


def fold_spaces(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def join_printed_lines(lines: list[str]) -> str:
    """A cell's printed lines as one text. A line that ends inside a hyphenated token (``52/KH-``
    | ``UBND``) was wrapped by the layout at the hyphen: it is joined without a space."""
    out = ""
    for text in lines:
        glue = "" if out.endswith("-") and len(out.rsplit(" ", 1)[-1]) > 1 else " "
        out = f"{out}{glue}{text}" if out else text
    return fold_spaces(out)


# A tab, or three spaces or more, between two pieces of typed text is a column gap: typists line up
# side-by-side columns with them (the issuer beside the national motto), one space never does.
_COLUMN_GAP = lazy_compile(r"\t+[ \t\u00a0]*|[ \u00a0]{3,}[ \t\u00a0]*")


def column_pieces(text: str) -> list[str]:
    """The side-by-side pieces of a typed line split at column gaps (tabs, runs of 3+ spaces), each
    with its spaces folded; ``""`` first when the line starts with a tab (its text sits in a right
    column only). ``[]`` when the line is one piece."""
    body = text.rstrip()
    lead_tab = body[: len(body) - len(body.lstrip())].find("\t") >= 0
    pieces = [fold_spaces(p) for p in _COLUMN_GAP.split(body.strip()) if fold_spaces(p)]
    if lead_tab and pieces:
        pieces.insert(0, "")
    return pieces if len(pieces) > 1 else []


# A bullet opening a line or a cell ("- ", "+ ", "• "): a mark, then the words it opens; arrows
# and chevrons are bullets too ("➢ ", "» ": what OCR reads a small bullet as on a scan), and a
# tilde ("~ ": a dash OCR read with a wave; before a word, no text prints one); OCR's specks after
# the mark, an underscore or the dash read twice ("-_- Đăng ký"), are the bullet's.
_BULLET_OPENING = lazy_compile(r"^\s*[-–—‒−•·●▪■◦∙+*»›►▸‣➢➤~](?:[\s_]*[-–—_~])*\s*(?=\p{L})(.*)$", flags=0)


def after_bullet(text: str) -> str | None:
    """The words after the bullet opening ``text`` ("- Xây dựng …" → "Xây dựng …"); None when no
    bullet opens it (a bullet is a mark before a word, never a minus before a figure)."""
    m = _BULLET_OPENING.match(text)
    return m.group(1).strip() if m else None
