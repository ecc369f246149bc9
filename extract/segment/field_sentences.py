"""A field's score stated in one sentence, read by the sentence's structure.

Reports that give their self-assessment in prose only put a field and its criteria in one
sentence: "2. Cải cách TTHC (lĩnh vực 3): tự chấm 7,75/14 điểm (đạt 55,36%), trong đó: tiêu chí
3.1 (…) đạt 1/2 điểm; tiêu chí 3.2 (…) đạt 1,75/3 điểm; …", or the field alone, its label before
or after its name ("Lĩnh vực 2 (Cải cách TTHC): tự chấm 12/14 điểm, đạt 85,71%", "- Cải cách TTHC
(lĩnh vực 2): tự chấm được 12/14 điểm, đạt tỷ lệ 85,71%"). Read line by line, the field took its
first criterion's figures and the criterion was lost, and a label after the name was no field.
Here the sentence is read by its parts: the field's own "x/y điểm" is the first one before "trong
đó"; each clause "tiêu chí k (…) đạt a/b điểm" after it is that criterion's; a percentage is no
score (a score is a fraction of points). A clause this cannot read is left to
``unread_statements``, which tells every labelled clause speaking of points whose code no
statement states.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import regex as re

from extract.model import Line
from extract.segment.narrative import NarrativeSettings, _clean, _line_confidence, _source, shadow
from normalize.lazy_regex import lazy_compile
from normalize.numbers import parse_number
from schemas.records import ScoreStatement

# A number as printed, and as OCR spaces its decimal comma or reads it a semicolon ("6, 25/10
# điểm", "0;25/0,5 điểm").
_NUM = r"\d{1,3}(?:[.,;] ?\d{1,3})?"
# The points word or its abbreviation, never the start of a longer word.
_POINTS_WORD = r"(?:diem|d)\b"
# A score is a fraction of points: "12/14 điểm", "1,5 điểm/2 điểm", "8,5 trên 10 điểm" (OCR may
# set a speck before the word a dump wraps onto the next line, "0,25/1,5 . điểm", or a fraction
# slash beside the slash, "1,5/⁄2": two slashes in the shadow). A percentage
# ("đạt 85,71%") has no maximum and is not one.
_SCORE = lazy_compile(
    rf"(?<![\d.,/])(?P<pts>{_NUM})\s*(?:{_POINTS_WORD}\s*)?(?://?|\s+tren\s+)\s*(?P<max>{_NUM})\s*(?:[.,:\-–_]\s+)?{_POINTS_WORD}"
)
_ITEM = r"[\s+\-–—~•*_|]*(?:[a-z]\)\s*|\d{1,2}\.\s*)?"
# The field named by its label first ("Lĩnh vực 2 (Cải cách TTHC):", "Lĩnh vực 3 – Cải cách
# TTHC:") or after its name ("Cải cách TTHC (lĩnh vực 2):").
_LABEL_FIRST = lazy_compile(rf"^{_ITEM}linh vuc\s+(?P<code>\d{{1,2}})(?![\d.])\s*[.:\-–—]?\s*(?P<name>[^:]*?)\s*:")
_LABEL_AFTER = lazy_compile(rf"^{_ITEM}(?P<name>[^():;]{{3,}}?)\s*\(\s*linh vuc\s+(?P<code>\d{{1,2}})\s*\)\s*[:.\-–—]?")
# Where the field's criteria begin: "trong đó", "cụ thể", "gồm".
_CRITERIA_START = lazy_compile(r"\b(?:trong do|cu the|gom)\b\s*:?")
# A criterion's clause: its label and code (OCR may set a stop after the label or in it: "tiêu
# chí. 6.1", "tiêu: chí 4.1"),
# its name, the score.
_CRITERION = lazy_compile(
    r"^[^\p{L}\p{N}]*(?:tieu\W?\s*chi|tc)\s*[.:\-]?\s*(?P<code>\d{1,2}\s?\.\s?\d{1,2}(?:\s?\.\s?\d{1,2})?)(?![\d/])"
)
# A printed line opening an item of its own: "2. Xây dựng …", "b) …", "III. …".
_ITEM_OPENS = lazy_compile(r"^[\s+\-–—•*]*(?:\d{1,2}\.|[a-z]\)|[IVX]{1,4}\.)\s+\p{Lu}")
# A verb before a criterion's score, left out of its name.
_VERB_TAIL = lazy_compile(r"[\s,:]*(?:tu cham(?:\s+duoc)?|dat|duoc)?[\s:\-_]*$")


@dataclass(frozen=True)
class FieldSentence:
    """The statements one field sentence makes, and the index of the line after it."""

    statements: list[ScoreStatement]
    next_index: int
    criteria: int
    # Clauses after "trong đó" that speak of points but could not be placed (no criterion's label,
    # or no score): the line they were read from, and (code or None, clause) of each.
    line: Line
    unplaced: tuple[tuple[str | None, str], ...] = ()


def _opening(low: str) -> re.Match | None:
    return _LABEL_FIRST.match(low) or _LABEL_AFTER.match(low)


def _score(raw: str) -> float | None:
    parsed = parse_number(re.sub(r"(?<=\d);", ",", re.sub(r"(?<=[.,;])\s", "", raw)), kind="score")
    return parsed.value if parsed else None


def _criterion_of_its_own(sentence: str, text: str) -> bool:
    """Whether a printed line opening on a criterion's label is a statement of its own: the field
    sentence above it lists no criteria ("trong đó", "gồm" …), so its own score, which OCR may
    have left unreadable ("đạt.6,75/10"), is never taken from the criterion's line."""
    return _CRITERION.match(shadow(text)) is not None and _CRITERIA_START.search(shadow(sentence)) is None


def _open(text: str) -> bool:
    """Whether a sentence runs on past this text: it ends on no stop (specks after it aside)."""
    return not re.search(r"[.!?][\s:;|_¡!-]*$", text)


def _joined(lines: Sequence[Line], k: int, settings: NarrativeSettings) -> tuple[Line, int]:
    """The field sentence opening at line ``k`` with the lines it runs over: the printed lines of
    a text dump's hard-wrapped paragraph (blank lines between them where the dump doubles its
    spacing, so a blank ends it only after a stop), or a paragraph the page's layout split where a
    criterion's name opens in a bracket, or over a page's end. It ends after a stop at a blank, another
    paragraph or page, and wherever a line opens an item or a field of its own or a new sentence."""
    line, end = lines[k], k + 1
    while end < len(lines) and end - k < settings.field_sentence_lines:
        nxt, prev = lines[end], lines[end - 1]
        text = nxt.text.strip()
        if not text and _open(line.text):
            end += 1  # a dump's blank line inside the sentence
            continue
        if (
            not text
            or ((nxt.page != prev.page or nxt.number != prev.number + 1) and not _open(line.text))
            or _ITEM_OPENS.match(text)
            or _opening(shadow(text))
            or (not _open(line.text) and text[:1].isupper())
            or _criterion_of_its_own(line.text, text)
        ):
            break
        raw = None
        if line.raw is not None or nxt.raw is not None:
            raw = f"{(line.raw or line.text).rstrip()} {(nxt.raw or nxt.text).strip()}"
        conf = min((c for c in (line.conf, nxt.conf) if c is not None), default=None)
        line = replace(line, text=f"{line.text.rstrip()} {text}", raw=raw, conf=conf)
        end += 1
    while end > k + 1 and not lines[end - 1].text.strip():
        end -= 1  # blank lines after the sentence are not its own
    return line, end


def _statement(
    line: Line,
    last: Line,
    settings: NarrativeSettings,
    kind: str,
    code: str,
    name: str,
    score: tuple[str, str],
    group: str | None,
    text: str,
) -> ScoreStatement:
    """A statement read from ``line`` (printed down to ``last``), ``score`` its points and maximum as printed."""
    return ScoreStatement(
        kind=kind,
        code=code,
        name=_clean(_clean(name).removeprefix("(").removesuffix(")")),
        points=_score(score[0]),
        max_points=_score(score[1]),
        reason="",
        group=group,
        text=text,
        confidence=_line_confidence(line, settings),
        source=replace(_source(line), line_end=last.number),
    )


def _printed(text: str, score: re.Match) -> tuple[str, str]:
    """The points and maximum of ``score`` (matched on the shadow) as ``text`` prints them."""
    return text[score.start("pts") : score.end("pts")], text[score.start("max") : score.end("max")]


def _clause_ends(text: str) -> list[int]:
    """Where the criteria's clauses end: at each semicolon but one between digits (OCR's decimal
    comma, "0;25") or inside a criterion's parenthesised name ("tiêu chí 5.3 (Chấp hành kỷ luật;
    kỷ cương hành chính) đạt 2/2 điểm": its ")" closes before any other semicolon)."""
    ends = []
    for m in re.finditer(r";(?!\s?\d)", text):
        p = m.start()
        opened, closed = text.rfind("(", 0, p), text.rfind(")", 0, p)
        after_close, after_semi = text.find(")", p), text.find(";", p + 1)
        inside = opened > closed and after_close != -1 and (after_semi == -1 or after_close < after_semi)
        if not inside:
            ends.append(p)
    return ends


def _criteria(
    text: str, tail: int, field: str, line: Line, last: Line, settings: NarrativeSettings
) -> tuple[list[ScoreStatement], list[tuple[str | None, str]]]:
    """Each "tiêu chí k (…) đạt a/b điểm" clause after the field's score, cut at the semicolons;
    and (code or None, clause) of each clause speaking of points that is none."""
    out, unplaced = [], []
    start = tail
    for end in _clause_ends(text[tail:]) + [len(text) - tail]:
        clause = text[start : tail + end]
        start = tail + end + 1
        low = shadow(clause)
        label = _CRITERION.match(low)
        score = _SCORE.search(low, label.end()) if label else None
        if not label or not score:
            if re.search(r"\bdiem\b", low) or _SCORE.search(low):
                unplaced.append((re.sub(r"\s+", "", label["code"]) if label else None, clause.strip()))
            continue
        name = clause[label.end() : _VERB_TAIL.search(low, label.end(), score.start()).start()]
        out.append(
            _statement(
                line,
                last,
                settings,
                kind="criterion",
                code=re.sub(r"\s+", "", label["code"]),
                name=name,
                score=_printed(clause, score),
                group=field,
                text=clause.strip(),
            )
        )
    return out, unplaced


def read_field_sentence(
    lines: Sequence[Line], k: int, settings: NarrativeSettings = NarrativeSettings()
) -> FieldSentence | None:
    """The field and criteria statements of the field sentence opening at line ``k`` (None when
    that line opens none, or its field's own score cannot be read before its criteria)."""
    low = shadow(lines[k].text)
    if "linh vuc" not in low:
        return None
    opening = _opening(low)
    if not opening:
        return None
    line, end = _joined(lines, k, settings)
    text, low = line.text, shadow(line.text)
    after = _CRITERIA_START.search(low, opening.end())
    head_end = after.start() if after else len(low)
    score = _SCORE.search(low, opening.end(), head_end)
    if not score:
        return None
    code = opening["code"]
    name = text[opening.start("name") : opening.end("name")]
    last = lines[end - 1]
    field = _statement(
        line,
        last,
        settings,
        kind="group",
        code=code,
        name=name,
        score=_printed(text, score),
        group=None,
        text=text[:head_end].strip(),
    )
    criteria, unplaced = _criteria(text, after.end(), code, line, last, settings) if after else ([], [])
    return FieldSentence([field, *criteria], end, len(criteria), line, tuple(unplaced))


def unplaced_clauses(
    lines: Sequence[Line], settings: NarrativeSettings = NarrativeSettings()
) -> list[tuple[Line, str | None, str]]:
    """(line, code or None, clause) of each clause of a field sentence that speaks of points but
    was not read as a criterion's statement: told, never dropped (``unread_statements``)."""
    out = []
    k = 0
    while k < len(lines):
        field = read_field_sentence(lines, k, settings)
        if not field:
            k += 1
            continue
        out += [(field.line, code, clause) for code, clause in field.unplaced]
        k = field.next_index
    return out
