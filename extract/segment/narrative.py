"""Figures stated in running text: score statements and plan targets.

All three read the document's text lines (tables are read elsewhere) with regexes over an
accent-free, lower-case shadow of each line that keeps the line's length ("Tiêu chí" and an OCR'd
"Tieu chi" match alike, and a match's span points back into the real text). Numbers are read
with ``normalize.numbers.parse_number``.

- Score statements: "+ Tiêu chí 1.1. Kế hoạch CCHC đạt 0/2 điểm, lý do: ..." (kind criterion)
  and "a) Công tác chỉ đạo, điều hành CCHC đạt 4,26/10 điểm" (kind group); a criterion carries
  the label of the group line above it. Other wordings read alike: "được 1,5/2 điểm", "đạt 1,5
  điểm/2 điểm", "1,5/2đ", "8,5 trên 10 điểm", "1,5 điểm (tối đa 2 điểm)", "Tiêu chí 2.3: đạt ...";
  groups numbered "1." (a criterion's group is then its code's first part) or unlabelled
  ("Lĩnh vực ... đạt 8,5 điểm/10 điểm", code None). Whole-index totals ("81.186/100 điểm") are
  not statements of a criterion or group and are left out.
- Targets: one per figure (percent, money, or a count after "ít nhất/tối thiểu") stated under an
  objectives heading ("Mục tiêu", "Chỉ tiêu") and not under a tasks/solutions heading; the
  year comes from the sentence ("đến năm 2025") or from a "Đến năm 2025:" line above it.
- Counts (a total and its breakdown) are read by the grammar in ``extract.segment.counts``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache, partial

import regex as re
from unidecode import unidecode

from extract.model import IngestedDocument, Line
from extract.segment.paragraphs import reading_lines
from normalize.numbers import parse_number
from schemas.records import ScoreStatement, SourceRef, Target


@dataclass(frozen=True)
class NarrativeSettings:
    # Heading words that open / close a targets context (accent-free).
    target_heading_words: tuple[str, ...] = ("muc tieu", "chi tieu")
    task_heading_words: tuple[str, ...] = ("nhiem vu", "giai phap", "to chuc thuc hien", "phan cong", "kinh phi")
    # A heading is short and does not end a sentence.
    max_heading_chars: int = 120
    # Confidence of a figure read from text whose diacritics were repaired or OCR'd.
    repaired_confidence: float = 0.8
    # A group line out of this many points states the whole index, not a group of criteria.
    index_total_max: float = 100.0
    # Formats whose lines are printed lines (a text dump of a scan): a bullet item wraps onto the
    # next lines; a joined item stops growing past ``max_joined_chars`` (a runaway join).
    printed_line_formats: tuple[str, ...] = ("txt", "text", "md")
    max_joined_chars: int = 600
    # A criterion or field statement whose score is not on its first line reads up to this many
    # printed lines (a long criterion name wraps once or twice).
    statement_wrap_lines: int = 3


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
    return re.sub(r"\s+", " ", text.replace("**", "").replace("*", "")).strip(" ,;:.-–+")


# ---------------------------------------------------------------- score statements

_NUM = r"\d+(?:[.,]\d+)?"
_CODE = r"\d{1,2}(?:\s?\.\s?\d{1,2}){0,3}"
# "điểm" or its abbreviation "đ" (folded "d"), never the start of a longer word ("đồng").
_POINTS_WORD = r"(?:diem|d)\b"
# The stated score, in the ways communes write it: "0/2 điểm", "**0,75/1** điểm", "1,5 điểm/2
# điểm", "1,5/2đ", "8,5 trên 10 điểm", "1,5 điểm (tối đa 2 điểm)"; OCR may set a fraction slash
# beside the slash ("3,75/⁄4": two slashes in the shadow).
_SCORE = (
    # "(2/2 điểm)", "(0/2)": the score in brackets after "đạt điểm tối đa" / "không đạt điểm"
    rf"(?:\(\s*(?P<pts>{_NUM})\s*//?\s*(?P<max>{_NUM})\s*(?:{_POINTS_WORD})?\s*\)|"
    rf"\**\s*(?P<pts>{_NUM})\s*\**\s*(?:"
    rf"(?:{_POINTS_WORD}\s*)?(?://?|\s+tren(?:\s+tong(?:\s+so)?)?\s)\s*\**\s*(?P<max>{_NUM})\s*\**\s*{_POINTS_WORD}"
    rf"|{_POINTS_WORD}\s*[(\[]\s*(?:toi da|tren tong so|tren|/)\s*:?\s*(?P<max>{_NUM})\s*(?:{_POINTS_WORD})?\s*[)\]]))"
)
# The verb before the score ("đạt", "được") or a colon ("Tiêu chí 2.3: đạt ...", "1. Công tác ...: 8,5/10").
# "đạt điểm tối đa (2/2 điểm)" and "không đạt điểm (0/2)" are verbs of their bracketed score.
_VERB_WORDS = r"(?:dat diem toi da|khong dat diem|dat|duoc)"
# (a comma is a separator only before a space: "0,5" is a number)
_SCORE_VERB = rf"(?:\s*(?::|,(?=\s))\s*(?:{_VERB_WORDS}\s*:?\s*)?|\s+{_VERB_WORDS}\s*:?\s*)"
_CRITERION = re.compile(
    rf"^[\s+\-•*]*(?:tieu chi|tc)\s+(?P<code>{_CODE})(?!\d)\s*[.:]?\s*(?P<name>.*?){_SCORE_VERB}{_SCORE}(?P<rest>.*)$"
)
# A field by its number ("Lĩnh vực 3 – Cải cách TTHC: đạt 12/14 điểm", "a) Lĩnh vực 2. …"): a group
# coded with the field's number, so its criteria (3.1, 3.2 …) are linked to it by their code's prefix.
_FIELD = re.compile(
    rf"^[\s+\-•*]*(?:[a-z]\)\s*)?linh vuc\s+(?P<code>\d{{1,2}}|[ivx]{{1,4}})(?:\s*[.:\-–—)]+\s*|\s+)"
    rf"(?P<name>.+?){_SCORE_VERB}{_SCORE}(?P<rest>.*)$"
)
# A group: lettered "a)", numbered "1." or roman "II.", or a field named without a label
# ("Lĩnh vực cải cách TTHC đạt 8,5 điểm/10 điểm").
_GROUP = re.compile(
    rf"^[\s+\-•*]*(?:(?P<code>[a-z]|\d{{1,2}}|[ivx]{{2,4}})\s*[).]\s*|(?=(?:linh vuc|nhom tieu chi)\b))"
    rf"(?P<name>.+?){_SCORE_VERB}{_SCORE}(?P<rest>.*)$"
)
_REASON = re.compile(r"^\s*[,;.]?\s*(?:ly do|do|vi)\s*:?\s*", re.I)


# The opening words of a criterion or field statement: a line opening so and holding no score
# wrapped it onto the next printed lines.
_STATEMENT_START = re.compile(rf"^[\s+\-•*]*(?:[a-z]\)\s*)?(?:tieu chi|tc|linh vuc)\s+(?:{_CODE}|[ivx]{{1,4}})(?!\d)")


# A statement opening after another's sentence end in the same text: OCR of a scan that lost the
# blank lines between paragraphs joins them ("… 0,5/1 điểm. Tiêu chí 1.3. Công tác … đạt …"; a field's
# line ends on its score with no stop: "… đạt 2,75/4,5 điểm Tiêu chí 2.1 - …").
_NEXT_STATEMENT = re.compile(
    rf"(?<=(?:[.;)]|\bdiem)\s+)"
    rf"(?=(?:[+\-•*]\s*)?(?:[a-z]\)\s*)?(?:tieu chi|tc|linh vuc)\s+(?:{_CODE}|[ivx]{{1,4}})(?!\d))"
)


def _statement_pieces(line: Line) -> list[Line]:
    """A line cut where each joined statement opens (``_NEXT_STATEMENT``), each piece keeping the
    line's place; its raw text is cut alike when it opens statements at as many places."""
    cuts = [m.start() for m in _NEXT_STATEMENT.finditer(shadow(line.text))]
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


def _statement_match(low: str) -> tuple[re.Match | None, str]:
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
    parsed = parse_number(raw, kind="score")
    return parsed.value if parsed else None


def find_score_statements(
    doc: IngestedDocument, settings: NarrativeSettings = NarrativeSettings()
) -> list[ScoreStatement]:
    out: list[ScoreStatement] = []
    group: str | None = None
    lines = [piece for line in reading_lines(doc) for piece in _statement_pieces(line)]
    skip_to = 0
    for k, line in enumerate(lines):
        if k < skip_to:
            continue
        last = line.number
        m, kind = _statement_match(shadow(line.text))
        if not m and _STATEMENT_START.match(shadow(line.text)):
            # A statement wrapped over printed lines ("Tiêu chí 1.5. … đạt" / "0,5/1 điểm."):
            # the next lines of the same paragraph until the score is read.
            for j in range(k + 1, min(len(lines), k + 1 + settings.statement_wrap_lines)):
                nxt = lines[j]
                low = shadow(nxt.text)
                if not _same_paragraph(lines[j - 1], nxt) or _STATEMENT_START.match(low) or _statement_match(low)[0]:
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
    return out


# ---------------------------------------------------------------- headings, shared by targets

_HEADING_NUMBER = (
    (re.compile(r"^[IVXLC]{1,5}\s*[.:)]\s*\S", re.I), 1),
    # a roman numeral as OCR reads it ("IH.", "H.") before an upper-case title ("TL. CHỦ TỊCH"
    # has none of I, V, X, H: a signature's title)
    (re.compile(r"^(?=[IVXLTHl|]*[IVXH])[IVXLTHl|]{1,5}\s*[.:)]\s*\p{Lu}[\p{Lu}\s,–-]{3,}$"), 1),
    (re.compile(r"^\d{1,2}\.\d{1,2}\.\d{1,2}\.?\s+\S"), 4),
    (re.compile(r"^\d{1,2}\.\d{1,2}\.?\s+\S"), 3),
    (re.compile(r"^\d{1,2}\s*[.)]\s+\S"), 2),
    (re.compile(r"^[a-zđ]\)\s*\S"), 5),
)
_YEAR_LINE = re.compile(r"^[\s\-+*•]*(?:den|toi|trong|giai doan)\s+(?:nam\s+)?(20\d\d)(?:\s*[-–]\s*20\d\d)?\s*:?\s*$")


def heading_level(line: Line, settings: NarrativeSettings = NarrativeSettings()) -> int:
    """1 roman, 2 "1.", 3 "1.1.", 4 "1.1.1.", 5 "a)"; 0 for body text (long or a full sentence)."""
    text = line.text.strip()
    if len(text) > settings.max_heading_chars or text.endswith((".", ";", ",")):
        return 0
    for pattern, level in _HEADING_NUMBER:
        if pattern.match(text):
            return level
    return 0


# ---------------------------------------------------------------- targets

_FIGURE = re.compile(
    r"(?P<cmp>[<>]=?|≥|≤)?\s*(?P<num>\d+(?:[.,]\d+)?)\s*(?:(?P<pct>%)|\s(?P<money>ty|trieu|nghin)(?:\s+dong)?\b)"
)
_COUNT_FIGURE = re.compile(
    r"(?:(?:it nhat|toi thieu|khong duoi|tren|duoi|khong qua|toi da)\s+(?:co\s+)?(?:tu\s+)?(?P<num>\d{1,4})"
    r"(?:\s+den\s+\d{1,4})?"
    # a range states its floor: "từ 1-2 sáng kiến", "từ 01 đến 02 cuộc"
    r"|\btu\s+(?P<low>\d{1,4})\s*(?:-|–|den)\s*(?P<high>\d{1,4}))"
    r"\s+(?P<unit>[a-z]+(?:\s+[a-z]+)?)"
)
# Cue words are matched on the accented text when it has accents: folded, "từ" (from) and "tư"
# ("đầu tư", investment) are one word. OCR'd text that lost its accents uses the folded forms.
# "trên" (above) is strict, as "dưới" (below) is; "không dưới" (not below) is a floor.
_GE_BEFORE = re.compile(r"(?:toi thieu|it nhat|khong duoi|khong it hon|tu|hon)\s*(?:co\s+)?(?:ty le\s+)?$")
_GE_BEFORE_VI = re.compile(r"(?:tối thiểu|ít nhất|không dưới|không ít hơn|từ|hơn)\s*(?:có\s+)?(?:tỷ lệ\s+)?$")
_GE_SURE = re.compile(r"(?:toi thieu|it nhat|khong duoi|khong it hon)\s*(?:co\s+)?(?:ty le\s+)?$")
_GT_BEFORE = re.compile(r"\btren\s*$")
_GT_BEFORE_VI = re.compile(r"\btrên\s*$")
_LE_BEFORE = re.compile(r"(?:toi da|khong qua|khong vuot qua)\s*$")
_LE_BEFORE_VI = re.compile(r"(?:tối đa|không quá|không vượt quá)\s*$")
_LT_BEFORE = re.compile(r"(?<!khong )\bduoi\s*$")
_LT_BEFORE_VI = re.compile(r"(?<!không )\bdưới\s*$")
_GE_AFTER = re.compile(r"^\s*(?:tro len|tro len\b)")
_LE_AFTER = re.compile(r"^\s*tro xuong")
_YEAR_IN = re.compile(r"\b(?:den|trong|vao)?\s*nam\s+(20\d\d)\b")
# "so với năm 2024", "cùng kỳ năm 2024": the baseline a figure is measured against, not its year.
_BASELINE_BEFORE = re.compile(r"\b(?:so voi|cung ky)\s*$")
_LEAD_CUES = re.compile(
    r"^(?:[\s\-+*•]|\d{1,2}(?:\.\d{1,2})*\.?\s)*(?:phan dau|phân đầu|dam bao|bao dam|dat|hoan thanh)?\s*", re.I
)
_TRAIL_CUES = re.compile(
    r"(?:\s+(?:dat|la|dat ty le|toi thieu|it nhat|tu|tren|duoi|khong duoi|khong it hon|"
    r"toi da|khong qua|dat tu|voi|chiem|co))+\s*:?\s*$"
)
_TRAIL_CUES_VI = re.compile(
    r"(?:\s+(?:đạt|là|đạt tỷ lệ|tối thiểu|ít nhất|từ|trên|dưới|không dưới|không ít hơn|"
    r"tối đa|không quá|đạt từ|với|chiếm|có))+\s*:?\s*$"
)
# Words that name a measured quantity: a clause whose words before the figure hold none of them
# ("Thực hiện xử lý 100% văn bản ...") measures what follows the figure.
_MEASURE_NOUNS = re.compile(r"\b(?:ty le|muc do|so luong|so|chi tieu|tong|thu|chi|gia tri|diem|thoi gian|hai long)\b")


def _accented(text: str) -> bool:
    return any(ord(ch) > 127 and ch.isalpha() for ch in text)


def _sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences and ';'-clauses of a line."""
    spans, start = [], 0
    for m in re.finditer(r";\s+|\.\s+(?=[A-ZĐÀ-Ỹ])", text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if b > a]


def _comparator(low: str, start: int, end: int, symbol: str | None, text: str | None = None) -> str:
    if symbol:
        return {"≥": ">=", "≤": "<="}.get(symbol, symbol)
    before, after = low[max(0, start - 30) : start], low[end : end + 15]
    ge, gt, le, lt = _GE_BEFORE, _GT_BEFORE, _LE_BEFORE, _LT_BEFORE
    if text is not None and _accented(text):
        before = text[max(0, start - 30) : start].lower()
        ge, gt, le, lt = _GE_BEFORE_VI, _GT_BEFORE_VI, _LE_BEFORE_VI, _LT_BEFORE_VI
    if ge.search(before) or _GE_AFTER.match(after):
        return ">="
    if le.search(before) or _LE_AFTER.match(after):
        return "<="
    if gt.search(before):
        return ">"
    if lt.search(before):
        return "<"
    # An accented text whose cue OCR damaged ("tối thiếu"): the cues of two syllables or more
    # mean one thing folded too ("tu" does not: "từ" / "tư").
    folded = low[max(0, start - 30) : start]
    if _GE_SURE.search(folded):
        return ">="
    if _LE_BEFORE.search(folded):
        return "<="
    return "="


def _indicator(text: str, low: str, a: int, b: int, prev_end: int, next_start: int) -> str:
    """What a figure measures: the words before it in its clause ("Tỷ lệ ... đạt tối thiểu
    50%"), or after it when it opens the clause ("100% TTHC được công khai")."""
    before = text[prev_end:a]
    if _accented(before):
        before = _TRAIL_CUES_VI.sub("", before.lower())  # lower() keeps the length: cut the original
        before = text[prev_end : prev_end + len(before)]
    else:
        before = before[: len(_TRAIL_CUES.sub("", low[prev_end:a]))]
    lead = _LEAD_CUES.match(shadow(before))
    before = before[lead.end() :] if lead else before
    after = text[b:next_start]
    after = re.sub(r"^\s*(?:trở lên|trở xuống)\s*", "", after)
    before, after = _clean(before), _clean(after)
    # The words before are the indicator when they name a quantity ("Tỷ lệ ... đạt 50%"); a verb
    # phrase before the figure ("Thực hiện xử lý 100% văn bản ...") leaves it to the words after.
    names_measure = bool(_MEASURE_NOUNS.search(shadow(before)))
    if (
        len(before.split()) >= 3
        and (names_measure or len(after.split()) < 2)
        and not re.fullmatch(r"(?i)(tối thiểu|ít nhất|trên|từ|đạt|phấn đấu|phần đầu)+", before)
    ):
        return before
    return after or before


_BULLET = re.compile(r"^\s*[-+•*–]\s")


def _wrapped_items_joined(lines: list[Line], settings: NarrativeSettings) -> list[Line]:
    """A text dump keeps a page's printed lines: a bullet item whose sentence is not finished
    ("- Mức độ hài lòng … đạt tối thiểu" / "95%.") takes the next lines (no blank line between,
    none starting an item or a heading) until it is."""
    out: list[Line] = []
    last = -1  # the source line number the last output line ends at
    for line in lines:
        prev = out[-1] if out else None
        if (
            prev is not None
            and _BULLET.match(prev.text)
            and not prev.text.rstrip().endswith((".", ";", ":", "!", "?"))
            and line.page == prev.page
            and line.number == last + 1
            and line.text.strip()
            and not _BULLET.match(line.text)
            and not heading_level(line, settings)
            and len(prev.text) < settings.max_joined_chars
        ):
            raw = None
            if prev.raw is not None or line.raw is not None:
                raw = f"{(prev.raw or prev.text).rstrip()} {(line.raw or line.text).strip()}"
            out[-1] = replace(prev, text=f"{prev.text.rstrip()} {line.text.strip()}", raw=raw)
        else:
            out.append(line)
        last = line.number
    return out


def find_targets(
    doc: IngestedDocument, settings: NarrativeSettings = NarrativeSettings(), default_year: int | None = None
) -> list[Target]:
    """Targets of the document's objectives sections; ``default_year`` (the plan's year, from its
    metadata) dates a figure no sentence, year line or title dates."""
    out: list[Target] = []
    stack: list[tuple[int, str]] = []  # (level, heading text)
    year_context: int | None = None
    doc_year: int | None = None
    kind_line = False  # the line before was the kind word alone ("KẾ HOẠCH"): this one is the title
    lines = reading_lines(doc)
    if doc.format in settings.printed_line_formats:
        lines = _wrapped_items_joined(lines, settings)
    for line in lines:
        text = line.text.strip()
        low = shadow(text)
        level = heading_level(line, settings)
        if level and _GROUP.match(low):
            level = 0  # "h) ... đạt 2/4 điểm" is a score statement, not a heading
        if doc_year is None and not level:
            doc_year = _title_year(f"ke hoach {low}" if kind_line else low)
        kind_line = low.strip(" *#") == "ke hoach"
        if level:
            stack = [h for h in stack if h[0] < level] + [(level, text)]
            year_context = None
            continue
        m = _YEAR_LINE.match(low)
        if m:
            year_context = int(m.group(1))
            continue
        if not _in_target_context(stack, settings):
            continue
        section = _section_title(stack, settings)
        last_indicator = ""  # a sentence's later years of the same indicator ("…, 70% vào năm 2027")
        for a, b in _sentences(text):
            figures = _figures(low, a, b)
            clause_year = _target_year(low, a, b)
            years = _figure_years(low, a, b, figures)
            # "hàng năm" / "mỗi năm": a yearly target, not one for the plan's last year
            default = None if re.search(r"\b(?:hang|moi) nam\b", low[a:b]) else default_year
            for k, (start, end, value, unit, symbol, value_max) in enumerate(figures):
                prev_end = figures[k - 1][1] if k else a
                next_start = figures[k + 1][0] if k + 1 < len(figures) else b
                if isinstance(unit, tuple):  # a count: its unit from the real text, and what it counts
                    before = _indicator(text, low, start, end, prev_end, start)
                    names = len(before.split()) >= 3 and _MEASURE_NOUNS.search(shadow(before))
                    indicator = before if names else _clean(text[unit[0] : next_start])
                    unit = text[unit[0] : unit[1]]
                else:
                    indicator = _indicator(text, low, start, end, prev_end, next_start)
                indicator = _without_years(indicator)
                if last_indicator and _bare_words(low, prev_end, start) < 2 and _bare_words(low, end, next_start) < 2:
                    indicator = last_indicator
                last_indicator = indicator
                out.append(
                    Target(
                        text=text[a:b].strip(),
                        indicator=indicator,
                        comparator=_comparator(low, start, end, symbol, text),
                        value=value,
                        value_max=value_max,
                        unit=unit,
                        year=years[k] or clause_year or year_context or doc_year or default,
                        section=section,
                        confidence=_line_confidence(line, settings),
                        source=_source(line),
                    )
                )
    return out


_YEAR_PHRASE = re.compile(r"(?:\b(?:den|vao|trong)\s+)?\bnam\s+(20\d\d)\b")
_CONNECTORS = re.compile(
    r"\b(?:va|dat|la|den|vao|trong|nam|tro len|tro xuong|phan dau|ty le|toi thieu|it nhat|tren|duoi|"
    r"khong duoi|khong qua|tu)\b|20\d\d|[^a-z0-9 ]"
)


def _bare_words(low: str, a: int, b: int) -> int:
    """Words between two figures once years, cue words and punctuation are set aside: none means
    the figure carries on the indicator before it ("đạt 60% vào năm 2026, 70% vào năm 2027")."""
    return len(_CONNECTORS.sub(" ", low[a:b]).split())


def _without_years(indicator: str) -> str:
    """An indicator without the year phrase a sentence gave it ("Thu ngân sách: đến năm 2026")."""
    low = shadow(indicator)
    m = re.search(r"[\s:,;]*(?:(?:den|vao|trong)\s+)?nam\s+20\d\d\s*(?:dat)?\s*$", low)
    if m and m.start() > 0:
        return _clean(indicator[: m.start()])
    m = re.match(r"^\s*(?:(?:den|vao|trong)\s+)?nam\s+20\d\d\s*(?:dat)?[\s:,]*", low)
    if m and m.end() < len(low):
        return _clean(indicator[m.end() :])
    return indicator


def _figure_years(low: str, a: int, b: int, figures: list) -> list[int | None]:
    """The year each figure of a clause is set for: "năm 2026" right after a figure ("60% vào năm
    2026") is that figure's; one before a figure ("đến năm 2027 đạt 70%") is the next figure's."""
    out: list[int | None] = [None] * len(figures)
    for m in _YEAR_PHRASE.finditer(low, a, b):
        if _BASELINE_BEFORE.search(low[max(a, m.start() - 20) : m.start()]):
            continue
        before = [k for k, f in enumerate(figures) if f[1] <= m.start()]
        if before and re.fullmatch(r"[\s,]*(?:tro len|tro xuong)?\s*", low[figures[before[-1]][1] : m.start()]):
            k = before[-1]
        else:
            k = next((k for k, f in enumerate(figures) if f[0] >= m.end()), -1)
            if k < 0:
                continue
        if out[k] is None:
            out[k] = int(m.group(1))
    return out


def _target_year(low: str, a: int, b: int) -> int | None:
    """The year a clause sets its figures for ("đến năm 2026"), not a baseline ("so với năm 2024")."""
    for m in _YEAR_IN.finditer(low, a, b):
        if not _BASELINE_BEFORE.search(low[max(a, m.start() - 20) : m.start()]):
            return int(m.group(1))
    return None


def _title_year(low: str) -> int | None:
    """The year of a one-year plan from its title line ("KẾ HOẠCH ... năm 2025"); a multi-year
    plan ("giai đoạn 2021-2025") has none."""
    if low.startswith("ke hoach") and "giai doan" not in low and len(low) < 200:
        years = set(re.findall(r"\bnam\s+(20\d\d)\b", low))
        if len(years) == 1:
            return int(years.pop())
    return None


_ONE_SYLLABLE_UNITS = ("lan", "cuoc", "nguoi", "luot", "dot", "buoi", "lop", "tin", "bai", "cai", "ban")


_RANGE = re.compile(r"\btu\s+(?P<a>\d+(?:[.,]\d+)?)\s*%?\s*(?:-|–|den)\s*(?P<b>\d+(?:[.,]\d+)?)\s*%")
_COUNT_AFTER_VERB = re.compile(
    r"\b(?:dat|la)\s+(?:(?:it nhat|toi thieu|khong duoi|tren|duoi|khong qua|toi da)\s+)?"
    r"(?P<num>\d{1,3})\s+(?P<unit>[a-z]+(?:\s+[a-z]+)?)"
)
Figure = tuple[int, int, float | None, str | tuple[int, int], str | None, float | None]


def _figures(low: str, a: int, b: int) -> list[Figure]:
    """(start, end, value, unit, comparator symbol, value_max) of each figure in low[a:b]; a count's
    unit is its (start, end) in ``low``, to be read from the real text; a range ("từ 60% đến 70%",
    "từ 60 - 70%") is one figure, its floor ``value`` and its ceiling ``value_max``."""
    found: list[Figure] = []
    for m in _RANGE.finditer(low, a, b):
        lo, hi = parse_number(m.group("a"), kind="auto"), parse_number(m.group("b"), kind="auto")
        found.append((m.start("a"), m.end(), lo.value if lo else None, "%", None, hi.value if hi else None))
    for m in _FIGURE.finditer(low, a, b):
        if any(s <= m.start("num") < e for s, e, *_ in found):
            continue
        parsed = parse_number(m.group("num"), kind="auto")
        unit = (
            "%" if m.group("pct") else {"ty": "tỷ đồng", "trieu": "triệu đồng", "nghin": "nghìn đồng"}[m.group("money")]
        )
        start = m.start("num") if not m.group("cmp") else m.start("cmp")
        found.append((start, m.end(), parsed.value if parsed else None, unit, m.group("cmp"), None))
    for pattern in (_COUNT_FIGURE, _COUNT_AFTER_VERB):
        for m in pattern.finditer(low, a, b):
            num_start = m.start("num") if m.group("num") else m.start("low")
            if any(s <= num_start < e for s, e, *_ in found) or m.group("unit").split()[0] in _NOT_UNITS:
                continue
            parsed = parse_number(m.group("num") or m.group("low"), kind="count")
            high = m.groupdict().get("high")
            top = parse_number(high, kind="count") if high else None
            unit_end = m.end("unit")
            if m.group("unit").split()[0] in _ONE_SYLLABLE_UNITS:
                unit_end = m.start("unit") + len(m.group("unit").split()[0])
            found.append(
                (
                    num_start,
                    unit_end,  # the count ends with its unit ("03 cuộc vào năm 2021")
                    parsed.value if parsed else None,
                    (m.start("unit"), unit_end),
                    None,
                    top.value if top else None,
                )
            )
    # A count's series: the same unit after a bare number later in the clause carries on the
    # count without its cue ("trên 02 cuộc vào năm 2021 và 04 cuộc vào năm 2024").
    for figure in list(found):
        span = figure[3]
        if not isinstance(span, tuple):
            continue
        e = figure[1]
        series = re.compile(rf"(?<![\d.,/])(?P<num>\d{{1,4}})\s+(?P<unit>{re.escape(low[span[0] : span[1]])})(?![a-z])")
        for m in series.finditer(low, e, b):
            if any(fs <= m.start("num") < fe for fs, fe, *_ in found):
                continue
            parsed = parse_number(m.group("num"), kind="count")
            found.append((m.start("num"), m.end(), parsed.value if parsed else None, m.span("unit"), None, None))
    return sorted(found)


# Words after a number that are no count's unit ("đạt 100 điểm" is a score, "là 2 năm" a span).
_NOT_UNITS = ("nam", "thang", "ngay", "diem", "lan thu")


def _in_target_context(stack: list[tuple[int, str]], settings: NarrativeSettings) -> bool:
    """The innermost heading that says either decides: objectives/targets on, tasks/solutions off."""
    for _level, heading in reversed(stack):
        h = shadow(_bare(heading)).strip(" *")
        if re.match(rf"^(?:cac\s+)?(?:{'|'.join(settings.target_heading_words)})\b", h):
            return True
        if any(w in h for w in settings.task_heading_words + settings.target_heading_words):
            return any(w in h[:40] for w in settings.target_heading_words)
    return False


def _bare(heading: str) -> str:
    return re.sub(r"^\s*(?:[IVXLC]+|\d{1,2}(?:\.\d{1,2})*|[a-zđ])\s*[.:)]\s*", "", heading, flags=re.I)


def _section_title(stack: list[tuple[int, str]], settings: NarrativeSettings) -> str:
    """The nearest heading that names a topic (not just "a) Mục tiêu")."""
    for _level, heading in reversed(stack):
        if shadow(_bare(heading)).strip(" :.") not in settings.target_heading_words + (
            "muc tieu chung",
            "muc tieu cu the",
        ):
            return heading
    return stack[-1][1] if stack else ""
