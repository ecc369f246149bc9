"""The mends of a task's or a product's words that evidence outside the row makes sure of (not
queued; each noted on the row): a speck read as a dash or a mark inside a compound, a syllable a
space split (``task_compound_dash``),
an abbreviation whose I OCR read as strokes with a one (``task_abbreviation_strokes``), a
gazetteer phrase read with a wrong mark (``task_known_phrases``), a speck read as a stop glued
between a word and a number ("hành chính.6 tháng")."""

from __future__ import annotations

from collections.abc import Collection

from extract.segment.task_abbreviation_strokes import ABBREVIATION_STROKE, mend_abbreviations
from extract.segment.task_compound_dash import (
    COMPOUND_DASH,
    COMPOUND_MARK,
    SPLIT_SYLLABLE,
    compound_dashes,
    compound_marks,
    split_syllables,
)
from extract.segment.task_known_phrases import PHRASE_MARKS, known_phrase_marks
from normalize.lazy_regex import lazy_compile
from normalize.text import fold
from normalize.vietnamese.model import RepairModel

# Capitals whose small letter has their shape (with any tone or vowel mark: "Ô", "Ở"), so OCR
# reads one for the other by size alone.
LOOKALIKE_CAPITALS = frozenset("COSVWXZ")
# A row's note that a stop glued between a word and a number was read as the space it stands in.
GLUED_STOP = "glued_stop_dropped"
# A stop between a word's small letter and a digit, no space either side ("chính.6 tháng"): a
# sentence's stop has a space after it, a decimal or a code's stop has digits both sides, an
# abbreviation's ("v.v.", "TP.HCM") letters; a speck on the space between the word and the number.
_GLUED_STOP = lazy_compile(r"(?<=\p{Ll})\.(?=\d)")
# A row's note that a body's opening capital, read as its small letter, was put back.
CAPITAL_RAISED = "body_capital_raised"


def mended_words(
    text: str, field: str, model: RepairModel, compound_bigram: float, abbreviations: Collection[str]
) -> tuple[str, list[str]]:
    """``text`` mended, and the row's notes ("compound_dash_dropped: task cải cách")."""
    notes = []
    text, joined = compound_dashes(text, model, compound_bigram)
    if joined:
        notes.append(f"{COMPOUND_DASH}: {field} {', '.join(joined)}")
    text, joined = compound_marks(text, model, compound_bigram)
    if joined:
        notes.append(f"{COMPOUND_MARK}: {field} {', '.join(joined)}")
    text, joined = split_syllables(text, model)
    if joined:
        notes.append(f"{SPLIT_SYLLABLE}: {field} {', '.join(joined)}")
    text, said = mend_abbreviations(text, abbreviations)
    if said:
        notes.append(f"{ABBREVIATION_STROKE}: {field} {', '.join(said)}")
    text, said = known_phrase_marks(text)
    if said:
        notes.append(f"{PHRASE_MARKS}: {field} {', '.join(said)}")
    spaced = _GLUED_STOP.sub(" ", text)
    if spaced != text:
        notes.append(f"{GLUED_STOP}: {field}")
    return spaced, notes


def mended_body(text: str, field: str) -> tuple[str, list[str]]:
    """A lead's or coordinator's cell with its gazetteer phrases in the gazetteer's marks and its
    opening capital put back where OCR read the small letter of its shape, and the row's notes
    (only those mends: a body's name keeps its dashes, "Văn phòng - Thống kê")."""
    notes = []
    text, said = known_phrase_marks(text)
    if said:
        notes.append(f"{PHRASE_MARKS}: {field} {', '.join(said)}")
    raised = _opening_raised(text)
    if raised != text:
        notes.append(f"{CAPITAL_RAISED}: {field} '{text.split()[0]}'")
    return raised, notes


def _opening_raised(text: str) -> str:
    """A body's name opens with a capital ("Các đoàn thể", "Công an xã", "Văn phòng"): one read
    opening with a small letter of a look-alike capital's shape ("các đoàn thể") is that capital,
    read a size too small."""
    first = text[:1]
    if first.islower() and fold(first).upper() in LOOKALIKE_CAPITALS:
        return first.upper() + text[1:]
    return text
