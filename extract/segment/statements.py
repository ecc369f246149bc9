"""Score statements in running text: "+ Tiêu chí 1.1. Kế hoạch CCHC đạt 0/2 điểm, lý do: ..." (kind
criterion) and "a) Công tác chỉ đạo, điều hành CCHC đạt 4,26/10 điểm" (kind group); a criterion carries
the label of the group line above it. Other wordings read alike: "được 1,5/2 điểm", "đạt 1,5 điểm/2
điểm", "1,5/2đ", "8,5 trên 10 điểm", "1,5 điểm (tối đa 2 điểm)", "Tiêu chí 2.3: đạt ..."; groups
numbered "1." (a criterion's group is then its code's first part) or unlabelled ("Lĩnh vực ... đạt 8,5
điểm/10 điểm", code None). Whole-index totals ("81.186/100 điểm") are not statements of a criterion
or group and are left out. (Shared text views: ``extract.segment.narrative``.)
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial

import regex as re

from extract.model import IngestedDocument, Line
from extract.segment.field_sentences import FieldSentence, read_field_sentence
from extract.segment.narrative import NarrativeSettings, _clean, _line_confidence, _source, shadow
from extract.segment.paragraphs import reading_lines
from extract.segment.statement_dots import restore_lost_dots
from normalize.lazy_regex import lazy_compile
from normalize.numbers import parse_number
from schemas.records import ScoreStatement

_NUM = r"\d+(?:[.,]\d+)?"
# A bracketed score's maximum whose decimal comma a scan's speck spaced from its digits ("không
# đạt điểm (0/1, 5)"): the bracket closing after it, no list of figures stands there.
_BRACKETED_MAX = r"\d+(?:[.,]\s?\d{1,2})?"
_CODE = r"\d{1,2}(?:\s?\.\s?\d{1,2}){0,3}"
# "điểm" or its abbreviation "đ" (folded "d"), never the start of a longer word ("đồng").
_POINTS_WORD = r"(?:diem|d)\b"
# The stated score, in the ways communes write it: "0/2 điểm", "**0,75/1** điểm", "1,5 điểm/2
# điểm", "1,5/2đ", "8,5 trên 10 điểm", "1,5 điểm (tối đa 2 điểm)"; OCR may set a fraction slash
# beside the slash ("3,75/⁄4": two slashes in the shadow).
# The maximum stated first, then the score given ("Tổng số điểm là 6 điểm, tự chấm là 5,5 điểm",
# "điểm tối đa 1,5 điểm, tự chấm 1 điểm", "(tối đa 5 điểm): tự chấm 4,25 điểm"): self-assessment
# reports list each field and criterion so.
_MAX_FIRST = (
    rf"\(?\s*(?:tong so diem|so diem toi da|diem toi da|toi da)\s*(?:la\s*)?:?\s*"
    rf"(?P<max>{_NUM})\s*(?:{_POINTS_WORD})?\s*\)?\s*[,;:]?\s*"
    rf"(?:tu cham|tu danh gia|dat|duoc)\s*(?:diem\s*)?(?:la\s*|duoc\s*)?:?\s*(?P<pts>{_NUM})\s*{_POINTS_WORD}"
)
_SCORE = (
    rf"(?:{_MAX_FIRST}|"
    # "(2/2 điểm)", "(0/2)": the score in brackets after "đạt điểm tối đa" / "không đạt điểm"
    rf"(?:\(\s*(?P<pts>{_NUM})\s*//?\s*(?P<max>{_BRACKETED_MAX})\s*(?:{_POINTS_WORD})?\s*\)|"
    rf"\**\s*(?P<pts>{_NUM})\s*\**\s*(?:"
    rf"(?:{_POINTS_WORD}\s*)?(?://?|\s+tren(?:\s+tong(?:\s+so)?)?\s)\s*\**\s*(?P<max>{_NUM})\s*\**\s*{_POINTS_WORD}"
    rf"|{_POINTS_WORD}\s*[(\[]\s*(?:toi da|tren tong so|tren|/)\s*:?\s*(?P<max>{_NUM})\s*(?:{_POINTS_WORD})?\s*[)\]])))"
)
# The verb before the score ("đạt", "được") or a colon ("Tiêu chí 2.3: đạt ...", "1. Công tác ...: 8,5/10").
# "đạt điểm tối đa (2/2 điểm)" and "không đạt điểm (0/2)" are verbs of their bracketed score.
# "bị trừ 0,5 điểm (đạt 1/1,5 điểm)": the deduction, then the score kept.
_VERB_WORDS = (
    rf"(?:dat diem toi da|khong dat diem|bi tru\s*{_NUM}\s*{_POINTS_WORD}\s*[(,;]?\s*(?:con\s*)?(?:dat|duoc)|dat|duoc)"
)
# (a comma is a separator only before a space: "0,5" is a number)
# A scan's speck may stand for the colon after the verb ("đạt.6,75/10 điểm").
_SCORE_VERB = rf"(?:\s*(?::|,(?=\s))\s*(?:{_VERB_WORDS}\s*[:.]?\s*)?|\s+{_VERB_WORDS}\s*[:.]?\s*|\s+(?=\(\s*toi da))"
# Specks a scan prints beside a statement's opening: a bar after the sentence before it ("… (3/3
# điểm). | Tiêu chí 7.4 …", the page's rule) or a quote mark before its label ("“Tiêu chí 1.3 …").
_SPECKS = r"[|_`'‘’“”\"]{1,2}"
# An item's bullet before a statement ("- Tiêu chí 1.2", "+ Tiêu chí 1.3"), and the marks OCR of a
# scan reads for its dash ("~ Tiêu chí 7.2", "— Tiêu chí 7.2").
_BULLETS = r"[\s+\-–—~•*]*"
# A report's own item number before the label ("1.1. Tiêu chí 1.1: …", "2. Lĩnh vực 2: …").
_ITEM_NUMBER = r"\d{1,2}(?:\.\d{1,2}){0,2}\.?\s+"
_CRITERION = lazy_compile(
    rf"^{_BULLETS}(?:{_SPECKS}\s*)?(?:{_ITEM_NUMBER})?(?:tieu chi|tc)\s+(?P<code>{_CODE})(?!\d)\s*[.:]?\s*"
    rf"(?P<name>.*?){_SCORE_VERB}{_SCORE}(?P<rest>.*)$"
)
# A field by its number ("Lĩnh vực 3 – Cải cách TTHC: đạt 12/14 điểm", "a) Lĩnh vực 2. …"): a group
# coded with the field's number, so its criteria (3.1, 3.2 …) are linked to it by their code's prefix.
_FIELD = lazy_compile(
    rf"^{_BULLETS}(?:[a-z]\)\s*|{_ITEM_NUMBER})?linh vuc\s+(?P<code>\d{{1,2}}|[ivx]{{1,4}})(?:\s*[.:\-–—)]+\s*|\s+)"
    rf"(?P<name>.+?){_SCORE_VERB}{_SCORE}(?P<rest>.*)$"
)
# A group: lettered "a)", numbered "1." or roman "II.", or a field named without a label
# ("Lĩnh vực cải cách TTHC đạt 8,5 điểm/10 điểm").
_GROUP = lazy_compile(
    rf"^[\s+\-•*]*(?:(?P<code>[a-z]|\d{{1,2}}|[ivx]{{2,4}})\s*[).]\s*|(?=(?:linh vuc|nhom tieu chi)\b))"
    rf"(?P<name>.+?){_SCORE_VERB}{_SCORE}(?P<rest>.*)$"
)
_REASON = lazy_compile(r"^\s*[,;.]?\s*(?:ly do|do|vi)\s*:?\s*", re.I)


# The opening words of a criterion or field statement: a line opening so and holding no score
# wrapped it onto the next printed lines.
_STATEMENT_START = lazy_compile(
    rf"^{_BULLETS}(?:{_SPECKS}\s*)?(?:[a-z]\)\s*)?(?:tieu chi|tc|linh vuc)\s+(?:{_CODE}|[ivx]{{1,4}})(?!\d)"
)


# A statement opening after another's sentence end in the same text: OCR of a scan that lost the
# blank lines between paragraphs joins them ("… 0,5/1 điểm. Tiêu chí 1.3. Công tác … đạt …"; a field's
# line ends on its score with no stop: "… đạt 2,75/4,5 điểm Tiêu chí 2.1 - …"), and may read the
# stop as a comma ("… (đạt điểm tối đa), Lĩnh vực 5 — …: đạt 4,75/7 điểm").
_NEXT_STATEMENT = lazy_compile(
    rf"(?<=(?:[.;)]|\bdiem),?\s+(?:{_SPECKS}\s*)?)"
    rf"(?=(?:[+\-–—~•*]\s*)?(?:[a-z]\)\s*)?(?:tieu chi|tc|linh vuc)\s+(?:{_CODE}|[ivx]{{1,4}})(?!\d))"
)


def _names_a_label(low: str) -> bool:
    """Whether the shadow holds a label word that ``_STATEMENT_START`` and ``_NEXT_STATEMENT``
    need: a line without one is read without compiling them (issue 18's start-up)."""
    return "tc" in low or "tieu chi" in low or "linh vuc" in low


def _opens_statement(low: str) -> bool:
    return _names_a_label(low) and bool(_STATEMENT_START.match(low))


def _statement_pieces(line: Line) -> list[Line]:
    """A line cut where each joined statement opens (``_NEXT_STATEMENT``), each piece keeping the
    line's place; its raw text is cut alike when it opens statements at as many places."""
    low = shadow(line.text)
    cuts = [m.start() for m in _NEXT_STATEMENT.finditer(low)] if _names_a_label(low) else []
    if not cuts:
        return [line]
    raw_cuts = [m.start() for m in _NEXT_STATEMENT.finditer(shadow(line.raw))] if line.raw is not None else []
    bounds, raw_bounds = [0, *cuts, len(line.text)], [0, *raw_cuts, len(line.raw or "")]
    same = len(raw_cuts) == len(cuts)
    return [
        replace(
            line,
            text=line.text[bounds[i] : bounds[i + 1]].strip(),
            raw=(line.raw or "")[raw_bounds[i] : raw_bounds[i + 1]].strip() if same else None,
        )
        for i in range(len(bounds) - 1)
    ]


def _pieces(lines: list[Line], settings: NarrativeSettings) -> tuple[list[Line], dict[int, FieldSentence]]:
    """The lines cut where joined statements open (``_statement_pieces``), but a field sentence
    listing its criteria after "trong đó" kept whole and read by its structure: the pieces, and
    the field sentences read by the index of their piece."""
    pieces: list[Line] = []
    read_at: dict[int, FieldSentence] = {}
    k = 0
    while k < len(lines):
        field = read_field_sentence(lines, k, settings)
        if field and field.criteria:
            read_at[len(pieces)] = field
            pieces.append(lines[k])
            k = field.next_index
            continue
        pieces.extend(_statement_pieces(lines[k]))
        k += 1
    return pieces, read_at


def _statement_match(low: str) -> tuple[re.Match | None, str]:
    # Every statement states its score (``_NUM``: a digit): a line without a digit is none, and the
    # three long patterns are not compiled for a text that has none (issue 18's start-up).
    if not any(ch.isdigit() for ch in low):
        return None, "group"
    m = _CRITERION.match(low)
    if m:
        return m, "criterion"
    return _FIELD.match(low) or _GROUP.match(low), "group"


def _same_paragraph(prev: Line, line: Line) -> bool:
    """Whether ``line`` is the printed line right after ``prev`` (same page, next number, not blank)."""
    return line.page == prev.page and line.number == prev.number + 1 and bool(line.text.strip())


def _group_text(text: str, match: re.Match, group: str) -> str:
    """The real text of a group matched on the shadow of ``text`` ("" when the group did not take part)."""
    return text[match.start(group) : match.end(group)] if match.start(group) >= 0 else ""


def _score(raw: str) -> float | None:
    parsed = parse_number(re.sub(r"(?<=\d[.,])\s+(?=\d)", "", raw), kind="score")  # ("1, 5": _BRACKETED_MAX)
    return parsed.value if parsed else None


def find_score_statements(
    doc: IngestedDocument, settings: NarrativeSettings = NarrativeSettings()
) -> list[ScoreStatement]:
    out: list[ScoreStatement] = []
    group: str | None = None
    lines, read_at = _pieces(reading_lines(doc), settings)
    skip_to = 0
    for k, line in enumerate(lines):
        if k < skip_to:
            continue
        if k in read_at:  # a field sentence listing its criteria, read by its structure
            out.extend(read_at[k].statements)
            group = read_at[k].statements[0].code
            continue
        last = line.number
        m, kind = _statement_match(shadow(line.text))
        if not m and _opens_statement(shadow(line.text)):
            # A statement wrapped over printed lines ("Tiêu chí 1.5. … đạt" / "0,5/1 điểm."):
            # the next lines of the same paragraph until the score is read.
            for j in range(k + 1, min(len(lines), k + 1 + settings.statement_wrap_lines)):
                nxt = lines[j]
                low = shadow(nxt.text)
                if (
                    j in read_at
                    or not _same_paragraph(lines[j - 1], nxt)
                    or _opens_statement(low)
                    or _statement_match(low)[0]
                ):
                    break  # a statement of its own follows
                raw = None
                if line.raw is not None or nxt.raw is not None:
                    raw = f"{(line.raw or line.text).rstrip()} {(nxt.raw or nxt.text).strip()}"
                line = replace(line, text=f"{line.text.rstrip()} {nxt.text.strip()}", raw=raw)
                m, kind = _statement_match(shadow(line.text))
                if m:
                    skip_to, last = j + 1, nxt.number
                    break
        if not m:
            # A field sentence the line-wise patterns cannot place ("Cải cách TTHC (lĩnh vực 2):
            # tự chấm được 12/14 điểm"): read by its structure.
            field = read_field_sentence(lines, k, settings)
            if field:
                out.extend(field.statements)
                group, skip_to = field.statements[0].code, field.next_index
            continue
        text = line.text
        span = partial(_group_text, text, m)
        points, max_points = _score(span("pts")), _score(span("max"))
        if kind == "group" and max_points == settings.index_total_max:
            continue  # "1. Chỉ số CCHC năm 2022 đạt 81,19/100 điểm": the whole index, not a group
        reason_text = span("rest")
        lead = _REASON.match(shadow(reason_text))
        reason = _clean(reason_text[lead.end() :] if lead else reason_text)
        if kind == "group":
            group = span("code") or None
            code = group
        else:
            code = re.sub(r"\s+", "", span("code")).rstrip(".")
        owner = group
        head = (code or "").split(".")[0]  # (a criterion's code is never None)
        if kind == "criterion" and group and group.isdigit() and head != group:
            owner = head  # numbered groups: criterion 2.3 sits under group 2
        out.append(
            ScoreStatement(
                kind=kind,
                code=code,
                name=_clean(span("name")),
                points=points,
                max_points=max_points,
                reason=reason,
                group=owner if kind == "criterion" else None,
                text=text,
                confidence=_line_confidence(line, settings),
                source=replace(_source(line), line_end=last),
            )
        )
    return restore_lost_dots(out)  # "TC 15" a scan lost the dot of, put back by its neighbours


def states_group_score(low: str) -> bool:
    """Whether a shadowed line states a group's score ("h) … đạt 2/4 điểm"): a statement, not a heading."""
    return bool(_GROUP.match(low))
