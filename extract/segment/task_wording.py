"""A task's wording checked against the CCHC phrase catalogue (``normalize/vietnamese/data/
cchc_phrases.txt``): OCR sets or drops a tone mark where the letters are clean ("Quy chế chỉ tiêu
nội bộ" for the printed "Quy chế chi tiêu nội bộ": Tesseract's own language model prefers the
commoner word), and the line repair leaves a line of well-formed syllables alone. Where a run of
the task's words is, accent-free, a run of a catalogue phrase and differs from it in the marks of
one word only, that word is the catalogue's: a fixed administrative term does not change its marks
in one word of a run of several."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

import regex as re

from extract.segment.task_lone_marks import lone_marks_dropped
from normalize.lazy_regex import lazy_compile
from normalize.vietnamese.model import data_lines
from normalize.vietnamese.syllable import fold
from schemas.records import TaskTable

_WORD = lazy_compile(r"\p{L}+")


@dataclass(frozen=True)
class WordingSettings:
    # Words a run must hold to be taken for the catalogue's: a run this long that matches a
    # phrase accent-free is the phrase (two words, "chi tiêu" / "chỉ tiêu", are both Vietnamese).
    run: int = 4


@lru_cache(maxsize=4)
def _runs(run: int) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Accent-free runs of ``run`` words of the catalogue → their wording; a run worded two ways
    in the catalogue says nothing and is left out."""
    out: dict[tuple[str, ...], tuple[str, ...] | None] = {}
    for line in data_lines("cchc_phrases.txt"):
        words = [w.lower() for w in _WORD.findall(line)]
        for i in range(len(words) - run + 1):
            wording = tuple(words[i : i + run])
            key = tuple(fold(w) for w in wording)
            out[key] = wording if out.get(key, wording) == wording else None
    return {k: v for k, v in out.items() if v is not None}


def catalogue_wording(text: str, settings: WordingSettings = WordingSettings()) -> str:
    """``text`` with each word whose marks alone differ from the catalogue's, inside a run that
    matches a catalogue phrase accent-free, in the catalogue's marks (the word's case kept)."""
    runs = _runs(settings.run)
    words = list(_WORD.finditer(text))
    fixes: dict[int, str] = {}
    for i in range(len(words) - settings.run + 1):
        window = words[i : i + settings.run]
        if any(text[a.end() : b.start()] != " " for a, b in zip(window, window[1:])):
            continue  # a run of words is one phrase only without punctuation between them
        wording = runs.get(tuple(fold(m.group(0)) for m in window))
        if wording is None:
            continue
        differ = [k for k, m in enumerate(window) if m.group(0).lower() != wording[k]]
        if len(differ) == 1:
            k = differ[0]
            written = window[k].group(0)
            fixes[i + k] = wording[k][:1].upper() + wording[k][1:] if written[:1].isupper() else wording[k]
    if not fixes:
        return text
    out, last = [], 0
    for j, m in enumerate(words):
        if j in fixes:
            out += [text[last : m.start()], fixes[j]]
            last = m.end()
    return "".join(out) + text[last:]


# Letters OCR reads for digits in a figure of running text ("năm 202G" for "năm 2026", "từ 8G - 96%"
# for "từ 86 - 96%"); not "Z", read for a 2 and for a 7 alike. One table: target_signs reads a share
# range's ends with it.
DIGITS_FOR_LETTERS = str.maketrans("GbSsOoDlI|!Bg", "6655000111189")
_YEAR = lazy_compile(r"(?<=\bn[aă]m\s+)(?P<year>(?:19|20)[0-9GbSsOoDlI|!Bg]{2})(?![\p{L}\p{N}])", re.I)


def year_digits(text: str) -> str:
    """``text`` with a year after "năm" whose last digits OCR read as letters put right."""
    return _YEAR.sub(lambda m: m.group("year").translate(DIGITS_FOR_LETTERS), text)


# A consonant with a mark on it is no Vietnamese letter (marks sit on vowels; "đ" is a letter of
# its own): after the same consonant it is that letter read twice, once with a speck above it
# ("NÑiêm yết" for "Niêm yết").
_MARKED_DOUBLE = lazy_compile(r"(?P<c>[b-df-hj-np-tv-zB-DF-HJ-NP-TV-Z])(?P<m>(?i:(?P=c))\p{M}+)")


def marked_doubles(text: str) -> str:
    """``text`` with a marked consonant OCR read after the same consonant dropped."""
    decomposed = unicodedata.normalize("NFD", text)
    cleaned = _MARKED_DOUBLE.sub(lambda m: m.group("c"), decomposed)
    return text if cleaned == decomposed else unicodedata.normalize("NFC", cleaned)


# OCR's specks in a cell's text: a token of marks alone between words ("báo ‹ cáo", "ngân sách '
# xã"), a full stop inside a phrase ("chất. lượng": a cell's words are one phrase, a lower-case
# word does not open a sentence), marks closing the cell ("Tháng 08/2024:"), and a lone
# lower-case letter before the cell's capital ("g Cả năm 2024": no Vietnamese word is one Latin
# letter without a mark), and marks before the cell's first word (".. Công khai", an opening
# quote no quote closes, "“Thực hiện": a cell opens with its first word, list marks taken off
# before). A spacing accent alone ("tại ˆ Bộ phận", "ˆ Báo cáo") is a speck too: a mark carries no
# sound without its letter; and a plus closing the cell ("đúng quy định +"): a sign with nothing after.
_SPECK_TOKEN = lazy_compile(r"(?<=\S)\s+[‹›'‘’\"“”`.,;:^~_¸ˆ˜ˇ˘˙´¨¯˚˝]+(?=\s+\S)")
_INNER_STOP = lazy_compile(r"(?<=\p{L}\p{L})\.(?=\s+\p{Ll})")
_SPECK_START = lazy_compile(r"^[a-z]\s+(?=\p{Lu})")
_MARKS_FIRST = lazy_compile(r"^[.,;:·…'\"“‘`ˆ˜¨¸ˇ˘˙´¯˚˝]+\s*(?=\p{L})(?!.*[”’\"'])")
# A stroke or speck OCR read as a lone letter between two lower-case words of a cell ("giải l
# pháp", "không l chuyên trách": a speck where the cell's printed line wraps): no Vietnamese word
# is a lone "l", "i" or "j" without a mark; an item letter of a legal reference ("điểm i khoản 2")
# follows its noun or a list's conjunction, or names the clause after it.
_STROKE_LETTER = lazy_compile(
    r"(?<=\p{Ll}{2})(?<!\b(?:điểm|mục|tiết|và|hoặc))\s+[lij](?=\s+\p{Ll}{2})(?!\s+(?:khoản|điểm|mục|điều)\b)"
)


def specks_dropped(text: str) -> str:
    """A cell's text without OCR's specks (``_SPECK_TOKEN``, ``_INNER_STOP``, ``_SPECK_START``,
    ``_MARKS_FIRST``, ``_STROKE_LETTER``) and the marks that close it."""
    text = _SPECK_START.sub("", _INNER_STOP.sub("", _SPECK_TOKEN.sub("", _MARKS_FIRST.sub("", text.strip()))))
    text = _STROKE_LETTER.sub("", text)
    return text.rstrip(" :;,‹›'‘’`^~_ˆ˜+")


def _reworded(task: str, settings: WordingSettings, specks: bool) -> str:
    task = specks_dropped(task) if specks else task
    return year_digits(catalogue_wording(marked_doubles(task), settings))


def reword_tasks(
    tables: list[TaskTable], ocr: bool = False, settings: WordingSettings = WordingSettings()
) -> list[TaskTable]:
    """The tables with each task's text in the catalogue's marks (``catalogue_wording``), its
    years in digits (``year_digits``) and no consonant read twice (``marked_doubles``); with
    ``ocr`` (characters OCR made) each cell without OCR's specks (``specks_dropped``): typed text
    prints its marks on purpose ("…năm 2023;" closing a product in a list of products)."""
    clean = specks_dropped if ocr else str.strip
    for table in tables:
        table.rows = [
            replace(
                r,
                task=_reworded(r.task, settings, ocr),
                product=clean(r.product),
                deadline=clean(r.deadline),
                lead=clean(r.lead),
                coordinator=clean(r.coordinator),
            )
            for r in table.rows
        ]
        if ocr:  # a bullet's mark opening one cell of a column that marks no other: a speck
            table.rows = lone_marks_dropped(table).rows
    return tables
