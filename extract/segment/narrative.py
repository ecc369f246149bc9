"""What the readers of running text share: their settings, the accent-free shadow of a line, a line's
source and confidence, and the heading levels of a plan.

The readers of running text read the document's text lines (tables are read elsewhere) with regexes
over an accent-free, lower-case shadow of each line that keeps the line's length ("Tiêu chí" and an
OCR'd "Tieu chi" match alike, and a match's span points back into the real text). Numbers are read
with ``normalize.numbers.parse_number``. Each reader is a module of its own:

- score statements ("+ Tiêu chí 1.1. … đạt 0/2 điểm"): ``extract.segment.statements``;
- plan targets (a figure under an objectives heading): ``extract.segment.targets``;
- counts (a total and its breakdown): ``extract.segment.counts``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex as re
from unidecode import unidecode

from extract.model import Line
from normalize.lazy_regex import lazy_compile
from normalize.text import SPACE_RUN
from schemas.records import SourceRef


@dataclass(frozen=True)
class NarrativeSettings:
    # Heading words that open / close a targets context (accent-free).
    target_heading_words: tuple[str, ...] = ("muc tieu", "chi tieu")
    task_heading_words: tuple[str, ...] = ("nhiem vu", "giai phap", "to chuc thuc hien", "phan cong", "kinh phi")
    # A heading is short and does not end a sentence.
    max_heading_chars: int = 120
    # Confidence of a figure read from text whose diacritics were repaired or OCR'd.
    repaired_confidence: float = 0.8
    # Confidence of a share target whose per cent sign OCR lost (``extract.segment.target_signs``):
    # its value is a guess a person must look at, under the review threshold.
    lost_sign_confidence: float = 0.5
    # …and of a target beside a year OCR garbled ("năm 20285") that no readable year dates.
    garbled_year_confidence: float = 0.5
    # A group line out of this many points states the whole index, not a group of criteria.
    index_total_max: float = 100.0
    # Formats whose lines are printed lines (a text dump of a scan): a bullet item wraps onto the
    # next lines; a joined item stops growing past ``max_joined_chars`` (a runaway join).
    printed_line_formats: tuple[str, ...] = ("txt", "text", "md")
    max_joined_chars: int = 600
    # A criterion or field statement whose score is not on its first line reads up to this many
    # printed lines (a long criterion name wraps once or twice).
    statement_wrap_lines: int = 3
    # A field sentence listing its criteria ("…, trong đó: tiêu chí 3.1 … ; …") reads up to this
    # many printed lines of a text dump's hard-wrapped paragraph (``field_sentences``).
    field_sentence_lines: int = 10
    # How many of a sentence's nodes (words, figures, marks) after a total's comma a breakdown with
    # no opener reads for its parts (``counts._partition_after``): a partition's parts follow within
    # a few clauses, and reading further makes every total of a long run-on line read the whole rest
    # of it (quadratic: a 150 kB one-line text took 131 s).
    partition_reach: int = 48
    # A count's sentence ending "trong đó:" / "cụ thể như sau:" reads its parts from up to this many
    # item paragraphs under it ("- Trực tuyến: 419 hồ sơ;"), one part a paragraph (``count_lines``).
    breakdown_item_lines: int = 12


def shadow(text: str) -> str:
    """Accent-free lower case of the same length: "Tiêu chí 1.1" → "tieu chi 1.1"."""
    if text.isascii():
        return text.lower()
    return "".join(map(_shadow_char, text))


@lru_cache(maxsize=8192)
def _shadow_char(ch: str) -> str:
    # One unidecode call per distinct character, not per character of a long text.
    u = unidecode(ch)
    return u.lower() if len(u) == 1 else ch.lower()


def _source(line: Line) -> SourceRef:
    bbox = list(line.bbox) if line.bbox else None
    return SourceRef(page=line.page, line_start=line.number, line_end=line.number, bbox=bbox)


def _line_confidence(line: Line, settings: NarrativeSettings) -> float:
    confidence = 1.0
    if line.conf is not None:
        confidence = min(confidence, line.conf)
    if line.repair_conf is not None:
        confidence = min(confidence, max(line.repair_conf, settings.repaired_confidence))
    return round(confidence, 3)


def _clean(text: str) -> str:
    return SPACE_RUN.sub(" ", text.replace("**", "").replace("*", "")).strip(" ,;:.-–+")


# ---------------------------------------------------------------- headings, shared by targets

# A speck or a margin mark a scan prints after a heading's title ("IL NHIỆM VỤ CỤ THỂ | X", "TI.
# CHỈ TIÊU CỤ THỂ |": the table's ruling or the page's edge beside the line), whatever its numeral.
_TRAILING_SPECK = r"(?:\s+[^\p{L}\p{N}\s]{1,2}(?:\s+\p{L})?)?$"

_HEADING_NUMBER = (
    (lazy_compile(r"^[IVXLC]{1,5}\s*[.:)]\s*\S", re.I), 1),
    # a roman numeral as OCR reads it ("IH.", "H.", "TI.") before an upper-case title ("TL. CHỦ
    # TỊCH" has none of I, V, X, H: a signature's title)
    (lazy_compile(r"^(?=[IVXLTHl|]*[IVXH])[IVXLTHl|]{1,5}\s*[.:)]\s*\p{Lu}[\p{Lu}\s,–-]{3,}?" + _TRAILING_SPECK), 1),
    # its full stop read as a letter ("IL CHỈ TIÊU CỤ THỂ" for "II. …"): capitals, two words or more
    (
        lazy_compile(r"^(?=[IVXLTHl|]*[IVXH])[IVXLTHl|]{1,5}\s+\p{Lu}{2,}(?:\s+\p{Lu}+){1,8}" + _TRAILING_SPECK),
        1,
    ),
    (lazy_compile(r"^\d{1,2}\.\d{1,2}\.\d{1,2}\.?\s+\S"), 4),
    (lazy_compile(r"^\d{1,2}\.\d{1,2}\.?\s+\S"), 3),
    (lazy_compile(r"^\d{1,2}\s*[.)]\s+\S"), 2),
    (lazy_compile(r"^[a-zđ]\)\s*\S"), 5),
)


# Specks a scan prints before a heading's number ("._4. Cải cách …", "_ II. MỤC TIÊU").
_SPECKS_BEFORE = lazy_compile(r"^(?:[_'‘`|.,]{1,3}\s*){1,2}(?=[\dIVXLTHl|a-zđ])")


def speckless(text: str) -> str:
    """``text`` without the specks a scan printed before its number or letter ("._4. Cải cách …")."""
    return _SPECKS_BEFORE.sub("", text)


def heading_level(line: Line, settings: NarrativeSettings = NarrativeSettings()) -> int:
    """1 roman, 2 "1.", 3 "1.1.", 4 "1.1.1.", 5 "a)"; 0 for body text (long or a full sentence)."""
    text = speckless(line.text.strip())
    if len(text) > settings.max_heading_chars or text.endswith((".", ";", ",")):
        return 0
    for pattern, level in _HEADING_NUMBER:
        if pattern.match(text):
            return level
    return 0
