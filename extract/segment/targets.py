"""Plan targets in running text: one per figure (percent, money, or a count after "ít nhất/tối thiểu")
stated under an objectives heading ("Mục tiêu", "Chỉ tiêu") and not under a tasks/solutions heading;
the year comes from the sentence ("đến năm 2025"), from a "Đến năm 2025:" line above it, from the
plan's title or from the plan's year. (Targets laid out in a table: ``extract.segment.target_tables``;
shared text views: ``extract.segment.narrative``.)
"""

from __future__ import annotations

from dataclasses import replace

import regex as re

from extract.model import IngestedDocument, Line
from extract.segment.narrative import (
    NarrativeSettings,
    _clean,
    _line_confidence,
    _source,
    heading_level,
    shadow,
)
from extract.segment.paragraphs import range_rest, reading_lines
from extract.segment.statements import states_group_score
from extract.segment.target_headings import heading_parted
from extract.segment.target_signs import garbled_year, lost_sign_share, range_digits
from normalize.count_units import lowered_unit
from normalize.lazy_regex import lazy_compile
from normalize.numbers import parse_number
from schemas.records import Target

_YEAR_LINE = lazy_compile(r"^[\s\-+*•]*(?:den|toi|trong|giai doan)\s+(?:nam\s+)?(20\d\d)(?:\s*[-–]\s*20\d\d)?\s*:?\s*$")

_FIGURE = lazy_compile(
    r"(?P<cmp>[<>]=?|≥|≤)?\s*(?P<num>\d+(?:[.,]\d+)?)\s*(?:(?P<pct>%)|\s(?P<money>ty|trieu|nghin)(?:\s+dong)?\b)"
)
_COUNT_FIGURE = lazy_compile(
    r"(?:(?:it nhat|toi thieu|khong duoi|tren|duoi|khong qua|toi da)\s+(?:co\s+)?(?:tu\s+)?(?P<num>\d{1,4})"
    r"(?:\s+den\s+\d{1,4})?"
    # a range states its floor: "từ 1-2 sáng kiến", "từ 01 đến 02 cuộc"
    r"|\btu\s+(?P<low>\d{1,4})\s*(?:-|–|den)\s*(?P<high>\d{1,4}))"
    r"\s+(?P<unit>[a-z]+(?:\s+[a-z]+)?)"
)
# Cue words are matched on the accented text when it has accents: folded, "từ" (from) and "tư"
# ("đầu tư", investment) are one word. OCR'd text that lost its accents uses the folded forms.
# "trên" (above) is strict, as "dưới" (below) is; "không dưới" (not below) is a floor.
_GE_BEFORE = lazy_compile(r"(?:toi thieu|it nhat|khong duoi|khong it hon|tu|hon)\s*(?:co\s+)?(?:ty le\s+)?$")
_GE_BEFORE_VI = lazy_compile(r"(?:tối thiểu|ít nhất|không dưới|không ít hơn|từ|hơn)\s*(?:có\s+)?(?:tỷ lệ\s+)?$")
_GE_SURE = lazy_compile(r"(?:toi thieu|it nhat|khong duoi|khong it hon)\s*(?:co\s+)?(?:ty le\s+)?$")
_GT_BEFORE = lazy_compile(r"\btren\s*$")
_GT_BEFORE_VI = lazy_compile(r"\btrên\s*$")
_LE_BEFORE = lazy_compile(r"(?:toi da|khong qua|khong vuot qua)\s*$")
_LE_BEFORE_VI = lazy_compile(r"(?:tối đa|không quá|không vượt quá)\s*$")
_LT_BEFORE = lazy_compile(r"(?<!khong )\bduoi\s*$")
_LT_BEFORE_VI = lazy_compile(r"(?<!không )\bdưới\s*$")
_GE_AFTER = lazy_compile(r"^\s*(?:tro len|tro len\b)")
_LE_AFTER = lazy_compile(r"^\s*tro xuong")
_YEAR_IN = lazy_compile(r"\b(?:den|trong|vao)?\s*nam\s+(20\d\d)\b")
# "so với năm 2024", "cùng kỳ năm 2024": the baseline a figure is measured against, not its year.
_BASELINE_BEFORE = lazy_compile(r"\b(?:so voi|cung ky)\s*$")
_LEAD_CUES = lazy_compile(
    r"^(?:[\s\-+*•]|\d{1,2}(?:\.\d{1,2})*\.?\s)*(?:phan dau|phân đầu|dam bao|bao dam|dat|hoan thanh)?\s*", re.I
)
_TRAIL_CUES = lazy_compile(
    r"(?:\s+(?:dat|la|dat ty le|dat muc|o muc|toi thieu|it nhat|tu|tren|duoi|khong duoi|khong it hon|"
    r"toi da|khong qua|dat tu|voi|chiem|co|phan dau))+\s*:?\s*$"
)
_TRAIL_CUES_VI = lazy_compile(
    r"(?:\s+(?:đạt|là|đạt tỷ lệ|đạt mức|ở mức|tối thiểu|ít nhất|từ|trên|dưới|không dưới|không ít hơn|"
    r"tối đa|không quá|đạt từ|với|chiếm|có|phấn đấu))+\s*:?\s*$"
)
# The cues of two syllables or more, folded: one meaning whatever marks OCR damaged.
_TRAIL_CUES_FOLDED = lazy_compile(
    r"(?:\s+(?:toi thieu|it nhat|khong duoi|khong it hon|toi da|khong qua|ty le|phan dau))+\s*:?\s*$"
)
# Words that name a measured quantity: a clause whose words before the figure hold none of them
# ("Thực hiện xử lý 100% văn bản ...") measures what follows the figure.
_MEASURE_NOUNS = lazy_compile(r"\b(?:ty le|muc do|so luong|so|chi tieu|tong|thu|chi|gia tri|diem|thoi gian|hai long)\b")


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


# Specks a scan printed between a cue and its figure ("không dưới . 100%", "tối thiểu _ 90%"):
# dots, strokes and bars standing alone, which no cue or figure prints.
_SPECKS_BEFORE_FIGURE = lazy_compile(r"(?:\s+[._'‘`|,]{1,2})+\s*$")


def _speckless_end(start: int, text: str, a: int = 0) -> int:
    """Where the words before a figure at ``start`` end once the specks before it are set aside."""
    m = _SPECKS_BEFORE_FIGURE.search(text, a, start)
    return m.start() if m else start


def _comparator(low: str, start: int, end: int, symbol: str | None, text: str | None = None) -> str:
    if symbol:
        return {"≥": ">=", "≤": "<="}.get(symbol, symbol)
    start = _speckless_end(start, low)
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
    a = max(prev_end, _speckless_end(a, low, prev_end))
    before = text[prev_end:a]
    if _accented(before):
        before = _TRAIL_CUES_VI.sub("", before.lower())  # lower() keeps the length: cut the original
        before = text[prev_end : prev_end + len(before)]
        # cues of two syllables or more whose marks OCR damaged ("tối thiếu") mean one thing folded
        folded = shadow(before)
        if len(folded) == len(before):
            cut = _TRAIL_CUES_FOLDED.search(folded)
            if cut:
                before = before[: cut.start()]
                before = before[: len(_TRAIL_CUES_VI.sub("", before.lower()))]
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


_BULLET = lazy_compile(r"^\s*[-+•*–]\s")
# A line that continues the sentence above whatever starts it: a lower-case word, or a percentage
# alone ("… phấn đấu đạt không dưới" / "97%.") or a range of them ("… phấn đấu đạt từ" / "87 -
# 92%."): OCR loses an item's bullet, and a sentence printed without one wraps the same way.
_CONTINUED = lazy_compile(r"^\s*(?:\p{Ll}|\d{1,3}(?:[.,]\d+)?\s*(?:[-–]\s*\d{1,3}(?:[.,]\d+)?\s*)?%)")


def _wrapped_items_joined(lines: list[Line], settings: NarrativeSettings) -> list[Line]:
    """A text dump keeps a page's printed lines: a bullet item whose sentence is not finished
    ("- Mức độ hài lòng … đạt tối thiểu" / "95%.") takes the next lines (no blank line between,
    none starting an item or a heading) until it is; so does any unfinished sentence whose next
    line continues it (``_CONTINUED``), a range wrapped at its dash its rest (``range_rest``)."""
    out: list[Line] = []
    last = -1  # the source line number the last output line ends at
    for line in lines:
        prev = out[-1] if out else None
        if (
            prev is not None
            and (_BULLET.match(prev.text) or (_CONTINUED.match(line.text) and not heading_level(prev, settings)))
            and not prev.text.rstrip().endswith((".", ";", ":", "!", "?"))
            and line.page == prev.page
            and line.number == last + 1
            and line.text.strip()
            and (not _BULLET.match(line.text) or range_rest(prev.text, line.text))
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


# A per cent sign as OCR reads it off a scan: its rings and stroke apart ("30°/o", "30 o/o",
# "30º/0") or a ring left after it ("30%o"). Put back as "%" after a figure only.
_PERCENT_LOOKALIKE = lazy_compile(
    r"(?P<apart>(?<=\d)\s?(?:[°º]\s?/\s?[o0O]|o/[o0]))(?![\p{L}\d])|(?P<ring>(?<=\d\s?%)[o0O])(?![\p{L}\d%])"
)


def percent_signs(text: str) -> str:
    """``text`` with OCR's look-alikes of a per cent sign after a figure read as "%"."""
    if not any(ch in text for ch in "°º/%"):
        return text
    return _PERCENT_LOOKALIKE.sub(lambda m: "%" if m.group("apart") else "", text)


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
    lines = [part for line in lines for part in heading_parted(line, settings)]
    for line in lines:
        text = percent_signs(line.text.strip())
        if line.conf is not None:  # a scan's words: a range's figure OCR read with a letter
            text = range_digits(text)
        low = shadow(text)
        level = heading_level(line, settings)
        if level and states_group_score(low):
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
        # A sentence striving for a figure ("Phấn đấu 100% thủ tục … được công khai") is a target
        # wherever no heading says otherwise: plans state their targets under "Mục đích, yêu cầu" too.
        striving = not in_target_context(stack, settings) and undecided(stack, settings) and _STRIVING.search(low)
        if not in_target_context(stack, settings) and not striving:
            continue
        section = _section_title(stack, settings)
        last_indicator = ""  # a sentence's later years of the same indicator ("…, 70% vào năm 2027")
        for a, b in _sentences(text):
            if striving and not _STRIVING.search(low[:b]):
                continue  # only the line's clauses from its striving on, in a section no heading decides
            figures = _figures(low, a, b)
            confidence = _line_confidence(line, settings)
            # a share OCR lost the per cent sign of (read from a scan's words only: typed text
            # prints its sign): said, unsure, so a person reads it rather than nothing saying it
            lost_sign = lost_sign_share(low, a, b) if not figures and line.conf is not None else None
            if lost_sign is not None:
                figures = [(*lost_sign, "%", None, None)]
                confidence = min(confidence, settings.lost_sign_confidence)
            clause_year = _target_year(low, a, b)
            years = _figure_years(low, a, b, figures)
            # "hàng năm" / "mỗi năm": a yearly target, not one for the plan's last year
            default = None if re.search(r"\b(?:hang|moi) nam\b", low[a:b]) else default_year
            year_garbled = garbled_year(low, a, b)
            for k, (start, end, value, unit, symbol, value_max) in enumerate(figures):
                prev_end = figures[k - 1][1] if k else a
                next_start = figures[k + 1][0] if k + 1 < len(figures) else b
                if isinstance(unit, tuple):  # a count: its unit from the real text, and what it counts
                    before = _indicator(text, low, start, end, prev_end, start)
                    names = len(before.split()) >= 3 and _MEASURE_NOUNS.search(shadow(before))
                    indicator = before if names else _clean(text[unit[0] : next_start])
                    unit = lowered_unit(text[unit[0] : unit[1]])
                else:
                    indicator = _indicator(text, low, start, end, prev_end, next_start)
                indicator = _without_years(indicator)
                if line.conf is not None:  # a scan's words: a speck OCR read between two of them
                    indicator = _SPECK_BETWEEN_WORDS.sub(" ", indicator)
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
                        # a figure no readable year dates, beside a year OCR garbled: its year is a guess
                        confidence=min(confidence, settings.garbled_year_confidence)
                        if year_garbled and years[k] is None
                        else confidence,
                        source=_source(line),
                    )
                )
    return out


# A dot OCR read for a speck where a scan's words meet ("Thu.ngân sách"): lower-case letters on both
# sides, no space. (Typed text keeps its own: an address "dichvucong.gov.vn" is printed so.)
_SPECK_BETWEEN_WORDS = lazy_compile(r"(?<=\p{L}\p{Ll})\.(?=\p{Ll}{2})")

_YEAR_PHRASE = lazy_compile(r"(?:\b(?:den|vao|trong)\s+)?\bnam\s+(20\d\d)\b")
_CONNECTORS = lazy_compile(
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


_ONE_SYLLABLE_UNITS = ("diem", "lan", "cuoc", "nguoi", "luot", "dot", "buoi", "lop", "tin", "bai", "cai", "ban")


_RANGE = lazy_compile(r"\btu\s+(?P<a>\d+(?:[.,]\d+)?)\s*%?\s*(?:-|–|den)\s*(?P<b>\d+(?:[.,]\d+)?)\s*%")
_COUNT_AFTER_VERB = lazy_compile(
    r"\b(?:dat|la)\s+(?:(?:it nhat|toi thieu|khong duoi|tren|duoi|khong qua|toi da)\s+)?"
    r"(?P<num>\d{1,3})\s+(?P<unit>[a-z]+(?:\s+[a-z]+)?)"
)
Figure = tuple[int, int, float | None, str | tuple[int, int], str | None, float | None]


def percent_sign_read(num: str, value: float | None) -> float | None:
    """A share OCR read with the per cent sign's upper ring as a last "9" ("859%" for "85%"):
    a share of 200% or more whose figure less that "9" is one of 20..100. Below 200 a figure
    ending in 9 may be printed ("đạt 109% dự toán"), and a rise of 150% does not end in the ring."""
    if value is None or value < 200 or not re.fullmatch(r"\d{2,3}9", num.strip()):
        return value
    share = float(num.strip()[:-1])
    return share if 20 <= share <= 100 else value


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
        value = parsed.value if parsed else None
        if unit == "%":
            value = percent_sign_read(m.group("num"), value)
        found.append((start, m.end(), value, unit, m.group("cmp"), None))
    for pattern in (_COUNT_FIGURE, _COUNT_AFTER_VERB):
        for m in pattern.finditer(low, a, b):
            num_start = m.start("num") if m.group("num") else m.start("low")
            first_word = m.group("unit").split()[0]
            # A score is a target's only behind a comparator ("đạt tối thiểu 85 điểm", "trên 80
            # điểm"): "đạt 8,5 điểm" states a score, it sets none.
            stated_floor = pattern is _COUNT_FIGURE and m.group("num") and first_word == "diem"
            if any(s <= num_start < e for s, e, *_ in found) or (first_word in _NOT_UNITS and not stated_floor):
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


def in_target_context(stack: list[tuple[int, str]], settings: NarrativeSettings) -> bool:
    """The innermost heading that says either decides: objectives/targets on, tasks/solutions off."""
    for _level, heading in reversed(stack):
        h = shadow(_bare(heading)).strip(" *")
        if re.match(rf"^(?:cac\s+)?(?:{'|'.join(settings.target_heading_words)})\b", h):
            return True
        if any(w in h for w in settings.task_heading_words + settings.target_heading_words):
            return any(w in h[:40] for w in settings.target_heading_words)
    return False


# "phấn đấu" (folded) not after "đã": a plan's striving, not a report's past effort.
_STRIVING = lazy_compile(r"(?<!\bda )\bphan dau\b")


def undecided(stack: list[tuple[int, str]], settings: NarrativeSettings) -> bool:
    """Whether no heading above says objectives or tasks (nor results: "kết quả", a report's)."""
    words = settings.target_heading_words + settings.task_heading_words + ("ket qua",)
    return not any(w in shadow(_bare(h)) for _level, h in stack for w in words)


_HEADING_NUMBER = lazy_compile(r"^\s*(?:[IVXLC]+|\d{1,2}(?:\.\d{1,2})*|[a-zđ])\s*[.:)]\s*", re.I)


def _bare(heading: str) -> str:
    return _HEADING_NUMBER.sub("", heading)


def _section_title(stack: list[tuple[int, str]], settings: NarrativeSettings) -> str:
    """The nearest heading that names a topic (not just "a) Mục tiêu")."""
    for _level, heading in reversed(stack):
        if shadow(_bare(heading)).strip(" :.") not in settings.target_heading_words + (
            "muc tieu chung",
            "muc tieu cu the",
        ):
            return heading
    return stack[-1][1] if stack else ""
