"""Which fields of an output a review may change, and how a typed value becomes one.

A JSON pointer names a record inside an ``ExtractionResult``; the record's dataclass says what
type each field holds, so a typed "2,5" becomes 2.5 for points and a word where a number belongs
is refused. Only the value fields of rows can be corrected, numbers within their field's range.
"""

from __future__ import annotations

import dataclasses
import math
import typing
from dataclasses import dataclass, field

from cchc_extract.reconcile import ReconcileSettings
from normalize.numbers import parse_number
from schemas.records import (
    Count,
    ExtractionResult,
    ScoreRow,
    ScoreStatement,
    StatRow,
    Target,
    TaskRow,
)

# Number fields whose values are points: "2.5" and "2,5" alike, "1.250" never a thousand.
_SCORE_FIELDS = frozenset({"max_points", "self_points", "points"})
# What a review file may correct: the value fields of rows and items. Provenance (source,
# sha256), flags, confidences and the document's own metadata are the pipeline's, not a sheet's.
CORRECTABLE: dict[type, frozenset[str]] = {
    ScoreRow: frozenset({"code", "name", "max_points", "self_points", "appraised_points", "explanation"}),
    StatRow: frozenset({"code", "indicator", "unit", "value", "note"}),
    TaskRow: frozenset(
        {
            "code",
            "criterion_code",
            "criterion",
            "objective",
            "task",
            "activity",
            "product",
            "deadline",
            "lead",
            "coordinator",
            "official",
            "budget",
        }
    ),
    ScoreStatement: frozenset({"code", "name", "points", "max_points"}),
    Target: frozenset({"indicator", "value", "unit", "year"}),
    Count: frozenset({"label", "total", "unit"}),
}


@dataclass(frozen=True)
class ApplySettings:
    reconcile: ReconcileSettings = field(default_factory=ReconcileSettings)
    # A value a person has corrected is certain: the item leaves review on the next check run.
    corrected_confidence: float = 1.0
    # Sane ranges of corrected numbers. Points: a CCHC index is out of 100, no criterion is
    # negative; the margin takes other scales. Values and counts: budgets in VND reach 1e11.
    points_range: tuple[float, float] = (0.0, 1000.0)
    value_range: tuple[float, float] = (-1e13, 1e13)
    year_range: tuple[float, float] = (1945.0, 2100.0)
    # Longest text a cell may put into a name or explanation (Excel's own cell limit is 32,767).
    max_text_chars: int = 10_000


def resolve_pointer(data, pointer: str):
    """The object a JSON pointer (RFC 6901) names; KeyError when there is none."""
    node = data
    if pointer in ("", "/"):
        return node
    if not pointer.startswith("/"):
        raise KeyError(pointer)
    for token in pointer[1:].split("/"):
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(node, list):
            if not token.isdigit() or int(token) >= len(node):
                raise KeyError(pointer)
            node = node[int(token)]
        elif isinstance(node, dict) and token in node:
            node = node[token]
        else:
            raise KeyError(pointer)
    return node


def record_type(pointer: str) -> type | None:
    """The record class the pointer names inside an ``ExtractionResult`` ("/score_tables/0/rows/3"
    → ScoreRow), read from the dataclasses' own type hints; None when it names no record."""
    tp: typing.Any = ExtractionResult
    for token in pointer.strip("/").split("/"):
        if dataclasses.is_dataclass(tp):
            hints = typing.get_type_hints(tp)
            if token not in hints:
                return None
            tp = hints[token]
        elif typing.get_origin(tp) is list and token.isdigit():
            (tp,) = typing.get_args(tp)
        else:
            return None
    return tp if isinstance(tp, type) and dataclasses.is_dataclass(tp) else None


def _field_kinds(cls: type, name: str) -> set[type]:
    hint = typing.get_type_hints(cls).get(name)
    args = typing.get_args(hint) or (hint,)
    return {a for a in args if a is not type(None)}


def parse_correction(cls: type, name: str, text: str):
    """The typed value of a corrected cell for field ``name`` of record ``cls``; ValueError when
    the text does not fit the field (a word where a number belongs)."""
    kinds = _field_kinds(cls, name)
    if kinds & {float, int}:
        kind = "score" if name in _SCORE_FIELDS else ("count" if int in kinds else "auto")
        parsed = parse_number(text, kind=kind)
        if parsed is None:
            if str in kinds:
                return text
            raise ValueError(f"'{short(text)}' is not a number (field {name})")
        if not math.isfinite(parsed.value):
            raise ValueError(f"'{short(text)}' is too large a number (field {name})")
        if float not in kinds and int in kinds:
            if parsed.value != int(parsed.value):
                raise ValueError(f"'{text}' is not a whole number (field {name})")
            return int(parsed.value)
        return parsed.value
    if kinds & {str}:
        return text
    raise ValueError(f"field {name} cannot be corrected from a review file")


def short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def gate(cls: type, name: str, value, settings: ApplySettings) -> str:
    """Why a parsed correction may not be written ("" when it may): a field outside the value
    fields of rows, or a number outside its field's range."""
    if name not in CORRECTABLE.get(cls, frozenset()):
        allowed = ", ".join(sorted(CORRECTABLE.get(cls, ()))) or "none: not a row"
        return f"field '{name}' of a {cls.__name__} cannot be corrected from a review file (correctable: {allowed})"
    if isinstance(value, str):
        return (
            f"text longer than {settings.max_text_chars:,} characters" if len(value) > settings.max_text_chars else ""
        )
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        low, high = (
            settings.points_range
            if name in _SCORE_FIELDS or name == "appraised_points"
            else settings.year_range
            if name == "year"
            else settings.value_range
        )
        if not math.isfinite(value) or not low <= value <= high:
            return f"{value:g} is outside the range of {name} ({low:g} to {high:g})"
    return ""
