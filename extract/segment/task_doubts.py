"""Doubt evidence for the fields of task rows OCR read (issue 14 with 20). A task row's fields have
no word confidence on an OCR dump, so a wrong field would go unqueued; these are the signs the
text itself gives that a field was misread, each a flag ``doubt: …`` the review queue turns
into an entry for the row (``cchc_extract.reconcile.queue``):

* a word that is no Vietnamese syllable (not in the repair model's inventory: "Niâm yết",
  "Tiấp nhận"; a letter glued to a digit, "x3"); capitals (abbreviations: "UBND") are left alone;
* a quarter printed with an Arabic numeral ("Quý 1/2025", "Quý 11/2025"): plans number quarters
  I-IV and OCR reads the strokes as ones — rewritten in Roman numerals, the reading kept in the
  entry's reason;
* a task read from a grid's lines that ends in a product's predicate ("… được cập nhật") while
  the product has none: the product cell's wrapped line ran into the task column;
* a deadline's year outside the plan's period;
* a field the table prints longer in another row ("Trang thông tin" where other rows read
  "Trang thông tin được cập nhật") while the row's task ends with the missing words: the cell's
  wrapped line ran into the next column — the words moved back.

Only documents read by OCR are weighed: a typed plan's words are what it prints."""

from __future__ import annotations

from dataclasses import dataclass, replace

import regex as re

from normalize.vietnamese.model import load_model
from normalize.vietnamese.syllable import fold
from schemas.records import TaskRow, TaskTable

DOUBT = "doubt: "
_WORD = re.compile(r"[\p{L}\d]+")
# A quarter's numeral as OCR gives it: Roman, Arabic, or Roman with its strokes read as ones ("11").
_QUARTER = re.compile(r"\b(Qu[ýy])\s*(IV|I{1,3}|[1I]V|1{1,3}|[2-4])\s*/\s*(20\d\d)\b", re.IGNORECASE)
_ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV", "11": "II", "111": "III", "1V": "IV"}
# A product's predicate ("Trang thông tin được cập nhật", "Kế hoạch được ban hành") closing a task
# read from a grid's lines: the product cell's wrapped words taken for the task's.
_PASSIVE_TAIL = re.compile(r"\sđược(\s+\p{Ll}+){1,2}\s*$")
_YEAR = re.compile(r"\b(20\d\d)\b")
_TEXT_FIELDS = ("task", "activity", "product", "lead", "coordinator", "deadline")


@dataclass(frozen=True)
class TaskDoubtSettings:
    # Letters a word needs to be weighed as a syllable (a lone letter is a list mark or a speck).
    min_letters: int = 2
    # Words a field must print shorter than the table's longer reading for the cut to say anything
    # ("Trang thông tin" of "Trang thông tin được cập nhật": at least one word moved).
    min_moved_words: int = 1


def _strange_words(text: str, vocab: frozenset[str], s: TaskDoubtSettings) -> list[str]:
    """Words of ``text`` no Vietnamese syllable: not in the inventory, not an abbreviation (all
    capitals) nor a number."""
    out = []
    for word in _WORD.findall(text):
        letters = [ch for ch in word if ch.isalpha()]
        if len(word) < s.min_letters or not letters or word.isdigit():
            continue
        if all(ch.isupper() for ch in letters) and not any(ch.isdigit() for ch in word):
            continue  # an abbreviation ("UBND", "HĐND")
        if word.lower() not in vocab:
            out.append(word)
    return out


def _romanised(deadline: str) -> str | None:
    """The deadline with its quarters' Arabic numerals in Roman ones, None if it has none."""
    if not any(any(ch.isdigit() for ch in m.group(2)) for m in _QUARTER.finditer(deadline)):
        return None
    return _QUARTER.sub(lambda m: f"{m.group(1)} {_ROMAN.get(m.group(2), m.group(2))}/{m.group(3)}", deadline)


def _period_years(period: str | None) -> set[int]:
    years = [int(y) for y in _YEAR.findall(period or "")]
    return set(range(min(years), max(years) + 1)) if years else set()


def _longer_reading(value: str, task: str, readings: set[str], s: TaskDoubtSettings) -> str | None:
    """A reading other rows give this column that starts with ``value`` and whose rest ends the
    row's task: the cell's wrapped words were read into the task column."""
    words = fold(value).split()
    if not words:
        return None
    task_words = fold(task).split()
    best = None
    for other in readings:
        other_words = other.split()
        rest = other_words[len(words) :]
        if other_words[: len(words)] != words or len(rest) < s.min_moved_words:
            continue
        if (
            len(task_words) > len(rest)
            and task_words[-len(rest) :] == rest
            and (best is None or len(other) > len(best))
        ):
            best = other
    return best


def _mended_cut(row: TaskRow, readings: dict[str, set[str]], s: TaskDoubtSettings) -> tuple[TaskRow, list[str]]:
    for column in ("product",):
        value = getattr(row, column)
        longer = _longer_reading(value, row.task, readings.get(column, set()), s) if value else None
        if longer is None:
            continue
        moved = len(longer.split()) - len(fold(value).split())
        task_words = row.task.split()
        tail = " ".join(task_words[-moved:])
        row = replace(row, task=" ".join(task_words[:-moved]), **{column: f"{value} {tail}"})
        return row, [f"{DOUBT}{column} cut short: its last words '{tail}' were read into the task (was '{value}')"]
    return row, []


def doubt_tasks(
    tables: list[TaskTable], ocr: bool, period: str | None = None, s: TaskDoubtSettings = TaskDoubtSettings()
) -> list[TaskTable]:
    """The task tables with each OCR-read row's doubts flagged and the readings they show mended."""
    if not ocr or not any(t.rows for t in tables):
        return tables
    vocab = load_model().syllables
    rows = [r for t in tables for r in t.rows]
    years = _period_years(period)
    readings: dict[str, set[str]] = {}
    for r in rows:
        for column in ("product",):
            if getattr(r, column):
                readings.setdefault(column, set()).add(fold(getattr(r, column)))
    out = []
    for table in tables:
        new_rows = []
        for row in table.rows:
            row, doubts = _mended_cut(row, readings, s)
            for f in _TEXT_FIELDS:
                strange = _strange_words(getattr(row, f), vocab, s)
                if strange:
                    doubts.append(f"{DOUBT}{f}: no Vietnamese syllable {', '.join(repr(w) for w in strange)}")
            romanised = _romanised(row.deadline)
            if romanised is not None:
                doubts.append(f"{DOUBT}deadline: quarter read '{row.deadline}' (a quarter is numbered I-IV)")
                row = replace(row, deadline=romanised)
            tail = _PASSIVE_TAIL.search(row.task) if "from_paragraph" not in row.flags else None
            if tail is not None and "được" not in row.product:
                doubts.append(f"{DOUBT}task ends in a product's wording '{tail.group().strip()}' (a wrapped cell?)")
            outside = sorted({int(y) for y in _YEAR.findall(row.deadline)} - years) if years else []
            if outside:
                doubts.append(f"{DOUBT}deadline: year {outside[0]} outside the plan's period")
            new_rows.append(replace(row, flags=[*row.flags, *doubts]) if doubts else row)
        out.append(replace(table, rows=new_rows))
    return out
