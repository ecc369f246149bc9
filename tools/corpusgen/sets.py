"""The official criteria sets the corpus is written from (``normalize.criteria``), as the generator's
own ``Criterion`` rows."""

from __future__ import annotations

from dataclasses import dataclass

from corpusgen.scores import Criterion, consistent_criteria

# A set whose page does not give the decision's year (a field-level summary) writes documents dated
# as if decided this year: the documents are fiction, only the rows are the set's.
UNDATED_SET_YEAR = 2023
# A set needs this many rows with points to fill a score table (pick_fields keeps at least two fields).
MIN_SCORED_ROWS = 2


@dataclass(frozen=True)
class CriteriaSet:
    id: str
    province: str | None
    year: int
    title: str
    rows: tuple[Criterion, ...]

    @property
    def pre_merger(self) -> bool:
        """Sets decided before the 2025 merger score communes that still sit under a district."""
        return self.year < 2025


def _scale(value) -> tuple[str, ...]:
    """Scale lines whichever way the loader gives them: a sequence, or one string split on ';' / '|' /
    line breaks; a leading bullet dash is not part of the line."""
    if not value:
        return ()
    if isinstance(value, str):
        for sep in ("\n", "|", ";"):
            if sep in value:
                value = value.split(sep)
                break
        else:
            value = [value]
    lines = (" ".join(str(v).split()).lstrip("-–+ ").strip() for v in value)
    return tuple(line for line in lines if line)


def _name(text: str) -> str:
    """The set's wording in the pipeline's one tone placement ("hoá" → "hóa", see
    normalize/vietnamese/syllable.py): the output spells names that way, so the corpus prints them
    that way too; the CSV keeps the page's own spelling."""
    from normalize.vietnamese.syllable import normalize_syllable

    return " ".join(normalize_syllable(w) for w in str(text).split())


def load_sets() -> list[CriteriaSet]:
    """The sets that can score a table: a set that prints no maxima (a field list only) names
    criteria for the dictionary but cannot be written into a document."""
    from normalize.criteria import load_criteria_sets

    out = []
    for s in load_criteria_sets():
        rows = [
            Criterion(
                str(r.code),
                r.parent or None,
                _name(r.name),
                None if r.max_points is None else float(r.max_points),
                _scale(getattr(r, "scale", None)),
            )
            for r in s.rows
        ]
        scored = tuple(consistent_criteria(rows))
        if len(scored) < MIN_SCORED_ROWS:
            continue
        year = UNDATED_SET_YEAR if s.year is None else int(s.year)
        out.append(CriteriaSet(s.id, s.province, year, s.title, scored))
    return sorted(out, key=lambda s: s.id)
