"""Repair of diacritic-mangled Vietnamese (OCR dumps, stripped text, substituted words).

``repair_text`` repairs a string line by line; ``repair_document`` repairs every line and
table cell of an ``IngestedDocument`` in place of its text, keeping what the source said in
``raw`` and a 0..1 ``repair_conf`` where something changed. See ``repair.py`` for the method
and the token-alignment contract, ``syllable.py`` for the tone-placement convention.
"""

from __future__ import annotations

import math
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from .compounds import consensus_substitutes
from .model import load_model
from .repair import LineRepair, line_damage, repair_line
from .settings import RepairSettings
from .syllable import has_diacritic, is_syllable_shape, normalize_syllable
from .tokens import is_code, parse_token

if TYPE_CHECKING:  # annotations only: `cchc-extract repair` never builds a document
    from extract.model import IngestedDocument

DEFAULT_SETTINGS = RepairSettings()
# Share of a document's word tokens that are not valid syllables above which it is treated as
# an OCR dump: short lines (one or two words, table cells) are then decoded too.
DAMAGED_DOC_SHARE = 0.08
# Share of a text's syllable-shaped words that carry a diacritic below which it is treated as
# stripped (typed without a Vietnamese keyboard, or OCR'd by a Latin-only engine): clean
# Vietnamese has most of its syllables marked (about three in four in the seeds), so headings and
# one-word lines of such a text are decoded too.
STRIPPED_MARKED_SHARE = 0.15


def repair_text(text: str, settings: RepairSettings = DEFAULT_SETTINGS) -> str:
    """Repair a text line by line (token-aligned per line, see ``repair.py``)."""
    subs = consensus_substitutes(text.split(), load_model())
    damaged = text_damaged([text])
    return "\n".join(
        repair_line(line, settings, damaged_doc=damaged, substitutes=subs, confidence=False).text
        for line in text.split("\n")
    )


def marked_share(texts: list[str]) -> tuple[int, float]:
    """(syllable-shaped words, share of them carrying a diacritic) over ``texts``."""
    words = marked = 0
    for text in texts:
        for piece in text.split():
            shaped, has_mark = _marking(piece)
            words += shaped
            marked += has_mark
    return words, (marked / words if words else 1.0)


@lru_cache(maxsize=100_000)
def _marking(piece: str) -> tuple[bool, bool]:
    """(a syllable-shaped word of 2+ letters, and it carries a diacritic), per token."""
    core = parse_token(piece).core
    if len(core) < 2 or not core.isalpha() or not is_syllable_shape(core):
        return False, False
    return True, has_diacritic(core)


def text_damaged(texts: list[str]) -> str:
    """``ocr`` (many words that are not syllables), ``stripped`` (few marked syllables) or ``""``."""
    # The four counts of ``word_damage`` and ``marked_share`` summed in one pass, as one integer
    # per token (``_packed_counts``): the repair of a line reads every token of it here.
    total = 0
    for text in texts:
        total += sum(map(_packed_counts, text.split()))
    w, b, words, marked = ((total >> shift) & _FIELD for shift in (0, 32, 64, 96))
    if w and b / w >= DAMAGED_DOC_SHARE:
        return "ocr"
    share = marked / words if words else 1.0
    return "stripped" if words and share < STRIPPED_MARKED_SHARE else ""


_FIELD = (1 << 32) - 1


@lru_cache(maxsize=100_000)
def _packed_counts(piece: str) -> int:
    """A token's (counted by ``word_damage``, not a syllable, syllable-shaped, marked) as one
    integer, 32 bits a count, so that a text's counts are one C-level ``sum``."""
    counted, bad = _damage(piece, True)
    shaped, marked = _marking(piece)
    return int(counted) | int(bad) << 32 | int(shaped) << 64 | int(marked) << 96


def document_damage(doc: IngestedDocument) -> float:
    """Share of word tokens in the document that are not Vietnamese syllables."""
    words = bad = 0
    texts = [ln.text for ln in doc.lines()] + [c.text for t in doc.tables() for c in t.cells]
    for text in texts:
        w, b = word_damage(text)
        words, bad = words + w, bad + b
    return bad / words if words else 0.0


def word_damage(text: str, skip_upper: bool = True) -> tuple[int, int]:
    """(words, words that are not Vietnamese syllables) in a text; codes, numbers and (with
    ``skip_upper``) upper-case abbreviations do not count."""
    words = bad = 0
    for piece in text.split():
        counted, not_syllable = _damage(piece, skip_upper)
        words += counted
        bad += not_syllable
    return words, bad


@lru_cache(maxsize=100_000)
def _damage(piece: str, skip_upper: bool) -> tuple[bool, bool]:
    """(a word ``word_damage`` counts, and it is not a syllable), per token."""
    core = parse_token(piece).core
    if not core or is_code(core) or (skip_upper and core.isupper() and len(core) > 1):
        return False, False
    return True, normalize_syllable(core.lower()) not in load_model().syllables


def _document_texts(doc: IngestedDocument) -> list[str]:
    """The document's lines and table cells as the repair reads them (as written, before it)."""
    lines = [ln.raw if ln.raw is not None else ln.text for ln in doc.lines()]
    return lines + [c.raw if c.raw is not None else c.text for t in doc.tables() for c in t.cells]


def document_damage_class(doc: IngestedDocument) -> str:
    """``text_damaged`` of the document as written: what ``repair_document`` took it for (its
    recorded judgement, ``IngestedDocument.damage``, once it judged)."""
    return doc.damage if doc.damage is not None else text_damaged(_document_texts(doc))


def repair_gathered(words: str, damaged: str, settings: RepairSettings = DEFAULT_SETTINGS) -> str:
    """Words of one cell gathered from several printed lines (a wrapped criterion name, its
    pieces beside numbers and another column's words), as written, repaired as the one text they
    are: each printed line was repaired with its neighbours in other columns as context, and a
    wrapped line's words alone ("HANH CCHC") without the words before them."""
    return repair_line(words, settings, damaged_doc=damaged, confidence=False, mid_line=True).text


def repair_document(doc: IngestedDocument, settings: RepairSettings = DEFAULT_SETTINGS) -> IngestedDocument:
    texts = _document_texts(doc)
    damaged = doc.damage = text_damaged(texts)
    subs = consensus_substitutes(" ".join(texts).split(), load_model())
    for page in doc.pages:
        page_settings = typed_marks(settings) if page.method in TYPED_METHODS and damaged != "ocr" else settings
        for line in page.lines:
            _apply(line, repair_line(line.text, page_settings, damaged_doc=damaged, substitutes=subs))
        for table in page.tables:
            for cell in table.cells:
                if cell.text:
                    _apply(cell, repair_text_cell(cell.text, page_settings, damaged, subs))
    return doc


# Pages whose characters the author typed (a DOCX, a PDF's own text layer), not OCR's reading.
TYPED_METHODS = frozenset({"docx", "pdf-text"})


def typed_marks(settings: RepairSettings) -> RepairSettings:
    """The settings for typed text: a rare syllable beside a far more frequent one of its key is
    the word the author typed ("Bộ phận Một cửa" wrapped so that "cửa" stands alone in a cell's
    line, "cửa hàng"), not a misread mark; only OCR misreads marks ("Tý lệ" for "Tỷ lệ"). Words that
    are no syllable (a legacy font's encoding, a typo) are still repaired."""
    return replace(settings, rare_mark_gap=math.inf, keep_marked_typed_lines=True)


def repair_text_cell(
    text: str, settings: RepairSettings, damaged: str, subs: tuple[tuple[str, str], ...] = ()
) -> LineRepair:
    """A cell may hold several lines; each is repaired on its own."""
    parts = [repair_line(part, settings, damaged_doc=damaged, substitutes=subs) for part in text.split("\n")]
    confs = [p.confidence for p in parts if p.changed and p.confidence is not None]
    return LineRepair(
        "\n".join(p.text for p in parts),
        any(p.changed for p in parts),
        min(confs) if confs else None,
        sum(p.tokens_changed for p in parts),
    )


def _apply(target, fixed: LineRepair) -> None:
    if fixed.changed:
        target.raw = target.text
        target.text = fixed.text
        target.repair_conf = round(fixed.confidence if fixed.confidence is not None else 1.0, 3)


__all__ = [
    "repair_text",
    "repair_document",
    "repair_gathered",
    "document_damage_class",
    "repair_line",
    "RepairSettings",
    "document_damage",
    "line_damage",
    "word_damage",
]
