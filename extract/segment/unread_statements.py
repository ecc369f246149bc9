"""Score statements a report prints that were not read: told, not dropped.

A report states its fields' and criteria's points in running text ("Tiêu chí 7.2. Văn bản điện tử
có ký số: không đạt điểm (0/2) …"). OCR of a scan spoils some of them past reading ("(02)" for
"(0/2)", "a1 điểm)" for "(1/1 điểm)", "Tiêu chí-3.1"), and the statement was then lost with
nothing said. Each labelled clause ("Tiêu chí N.M" / "Lĩnh vực N", wherever a sentence, a clause
or a field's score ends before it) that speaks of points ("điểm") and whose code no statement of
its kind states is one unread part (kind ``rows``), with its text, so a person reads its score.
Only a document from which some statement was read is looked at: a plan that names criteria in
its tasks states no score there.
"""

from __future__ import annotations

from dataclasses import dataclass

from extract.model import IngestedDocument, Line
from extract.segment.field_sentences import unplaced_clauses
from extract.segment.narrative import shadow
from extract.segment.paragraphs import reading_lines
from normalize.lazy_regex import lazy_compile
from schemas.records import ScoreStatement, UnreadPart

# A statement's label and code where a statement may open: the line's start (after a bullet, a
# speck or a letter item), or after a sentence's or a clause's end, or a score ("… điểm Tiêu chí
# 2.1"), a comma OCR read for its stop between ("… tối đa), Lĩnh vực 5"). The code may be glued
# to the label by a stroke OCR saw ("Tiêu chí-3.1").
_LABEL = lazy_compile(
    r"(?:^[\s+\-–—~•*|_'‘’“”\"]*(?:[a-z]\)\s*|\d{1,2}(?:\.\d{1,2}){0,2}\.?\s+)?|(?<=[.;:)]|\bdiem),?\s+[+\-–—~•*|_'‘’“”\"]*\s*)"
    r"(?P<label>tieu chi|tc|linh vuc)\s*[-–.]?\s*(?P<code>\d{1,2}(?:\s?\.\s?\d{1,2})?)(?![\d/])"
)
_POINTS = lazy_compile(r"\bdiem\b")


@dataclass(frozen=True)
class UnreadStatementSettings:
    # Characters of a clause kept in ``text_sample``.
    sample_chars: int = 160
    # How far a field's criteria's maxima, as read, may fall short of the field's stated maximum
    # before criteria are told missing (points are printed to a quarter).
    max_tolerance: float = 0.01


def _stated_codes(statements: list[ScoreStatement]) -> tuple[set[str], set[str]]:
    """(criterion codes, field codes) the statements read state."""
    criteria = {(s.code or "").rstrip(".") for s in statements if s.kind == "criterion"}
    fields = {(s.code or "").rstrip(".") for s in statements if s.kind != "criterion"}
    return criteria, fields


def _clauses(line: Line) -> list[tuple[str, str, str]]:
    """(label, code, clause text) of each labelled statement clause of a line, the clause running
    to the next label."""
    low = shadow(line.text)
    if "tieu chi" not in low and "tc" not in low and "linh vuc" not in low:
        return []
    found = list(_LABEL.finditer(low))
    out = []
    for k, m in enumerate(found):
        end = found[k + 1].start("label") if k + 1 < len(found) else len(low)
        code = m.group("code").replace(" ", "").rstrip(".")
        out.append((m.group("label"), code, line.text[m.start("label") : end].strip()))
    return out


def unread_statements(
    doc: IngestedDocument,
    statements: list[ScoreStatement],
    settings: UnreadStatementSettings = UnreadStatementSettings(),
) -> list[UnreadPart]:
    """A part per labelled statement clause speaking of points whose code no statement states."""
    if not statements:
        return []
    criteria, fields = _stated_codes(statements)
    parts: list[UnreadPart] = []
    told: set[tuple[str, str]] = set()
    lines = reading_lines(doc)
    for line in lines:
        for label, code, clause in _clauses(line):
            is_field = label == "linh vuc"
            if is_field and "." in code:
                continue  # "Lĩnh vực 1.2": no field's number
            if not is_field and "." not in code:
                continue  # "Tiêu chí 3" names no criterion of a set (they are coded N.M)
            stated = fields if is_field else criteria
            key = ("field" if is_field else "criterion", code)
            if code in stated or key in told or not _POINTS.search(shadow(clause)):
                continue
            told.add(key)
            what = f"the score statement of {'field' if is_field else 'criterion'} {code}"
            parts.append(_part(line, what, clause, settings))
    # A field sentence's clause after "trong đó" that speaks of points but was read as no
    # criterion's statement (its label or score spoilt, or split over a dump's lines).
    for line, label_code, clause in unplaced_clauses(lines):
        if label_code is not None and (label_code in criteria or ("criterion", label_code) in told):
            continue
        if label_code is not None:
            told.add(("criterion", label_code))
        what = (
            f"the score statement of criterion {label_code}" if label_code else "a clause of a field's score statement"
        )
        parts.append(_part(line, what, clause, settings))
    return parts + _fields_short_of_criteria(statements, told, settings)


def _fields_short_of_criteria(
    statements: list[ScoreStatement], told: set[tuple[str, str]], settings: UnreadStatementSettings
) -> list[UnreadPart]:
    """A part per field statement ("Lĩnh vực 5 … 4,25/7 điểm, trong đó …") some of whose criteria
    were read and whose criteria's maxima, as read, fall short of its own: the criteria not read
    before the last one read are named (the gaps in their numbering), whatever OCR did to their
    labels ("tiêu.⏎⏎-_ chí 5.1": no label left for the clause pass to find)."""
    parts: list[UnreadPart] = []
    for group in statements:
        field_code = (group.code or "").rstrip(".")
        if group.kind == "criterion" or not field_code.isdigit() or group.max_points is None:
            continue
        members = [c for c in statements if c.kind == "criterion" and _code_parts(c.code)[0] == field_code]
        numbers = sorted(int(sub) for c in members if (sub := _code_parts(c.code)[1]).isdigit())
        if not numbers or any(c.max_points is None for c in members):
            continue
        if sum(c.max_points or 0.0 for c in members) >= group.max_points - settings.max_tolerance:
            continue
        gaps = [f"{field_code}.{k}" for k in range(1, numbers[-1]) if k not in numbers]
        gaps = [g for g in gaps if ("criterion", g) not in told]
        if not gaps:
            # (none missing before the last read: a sentence may name some criteria only, "trong
            # đó tiêu chí 1.1 … đạt 2/2 điểm", the rest printed nowhere; or the clause pass told them)
            continue
        told.update(("criterion", g) for g in gaps)
        named = f"criteria {', '.join(gaps)}"
        what = f"the score statements of {named} (field {field_code} states a maximum the criteria read do not reach)"
        parts.append(
            UnreadPart(
                page=group.source.page,
                kind="rows",
                reason=f"{what} are printed but their points were not read",
                text_sample=_sample(group.text, settings),
                line_start=group.source.line_start,
                line_end=group.source.line_end,
            )
        )
    return parts


def _code_parts(code: str | None) -> tuple[str, str]:
    """(field, criterion number) of a statement's code: "5.2" → ("5", "2"), "5" → ("5", "")."""
    field_, _, sub = (code or "").rstrip(".").partition(".")
    return field_, sub


def _sample(text: str, settings: UnreadStatementSettings) -> str:
    return text if len(text) <= settings.sample_chars else text[: settings.sample_chars - 1] + "…"


def _part(line: Line, what: str, clause: str, settings: UnreadStatementSettings) -> UnreadPart:
    sample = _sample(clause, settings)
    return UnreadPart(
        page=line.page,
        kind="rows",
        reason=f"{what} is printed but its points were not read",
        text_sample=sample,
        line_start=line.number,
        line_end=line.number,
    )
