"""Completion ratios in narrative text: "hoàn thành 15/19 nhiệm vụ" is a count of total 19 with one
part {label "hoàn thành", 15}; "7/12 ..., còn 5/12 ..." one of total 12 with two (complete) parts;
fractions of one whole followed by the rest of it ("…; còn 4 đơn vị …") join it. The breakdowns
of counts are ``counts``."""

from __future__ import annotations

import regex as re

from extract.segment.count_shares import are_shares, one_sentence, rest_of_the_whole
from extract.segment.count_words import NOT_COUNT_BEFORE, NOT_COUNT_UNITS, label_before
from extract.segment.narrative import NarrativeSettings, _clean, _line_confidence, _source, shadow
from normalize.lazy_regex import lazy_compile
from normalize.numbers import parse_number
from schemas.records import Count, CountPart

_RATIO = lazy_compile(
    r"(?<![\d/.,])(?P<done>\d{1,3}(?:\.\d{3})+|\d{1,5})\s*/\s*(?P<total>\d{1,3}(?:\.\d{3})+|\d{1,5})(?![\d/,]|\.\d)"
    r"\s+(?P<unit>[a-zđ]+(?:\s+[a-zđ]+)?)(?P<tail>[^(,;.]*)"
)


def _count_value(raw: str) -> float | None:
    parsed = parse_number(raw, kind="count")
    return parsed.value if parsed else None


def _ratio_counts(text: str, low: str, line, settings: NarrativeSettings, out: list[Count]) -> None:
    """ "hoàn thành 15/19 nhiệm vụ": total 19, one part 15; "7/12 ..., còn 5/12 ..." two parts."""
    last_end = 0  # where the fraction before ends: the words between say whether this one is a share
    wholes: list[tuple[Count, int, int, int]] = []  # a whole's count, its first fraction and noun, its last end
    for m in _RATIO.finditer(low):
        between, last_end = low[last_end : m.start()], m.end()
        unit_low = m.group("unit")
        if unit_low.split()[0] in NOT_COUNT_UNITS or NOT_COUNT_BEFORE.search(low[: m.start()]):
            continue
        if not text[m.start("unit")].islower():
            continue
        done, total = _count_value(m.group("done")), _count_value(m.group("total"))
        if done is None or total is None or done > total:
            continue
        words = label_before(text, low, m.start("done")).split()
        auxiliary = [k for k, w in enumerate(words) if shadow(w) in ("da", "duoc") and k >= len(words) - 4]
        verb = " ".join(words[auxiliary[-1] :] if auxiliary else words[-2:])
        verb = re.sub(r"(?i)^(có)\s*", "", verb)
        tail = _clean(text[m.start("tail") : m.end("tail")])
        unit = text[m.start("unit") : m.end("unit")]
        # "15/19 nhiệm vụ mà kế hoạch đã đề ra": the tail names the total; "7/12 chỉ tiêu
        # đạt và vượt kế hoạch": it names the part.
        tail_names_total = bool(re.match(r"(?:ma|duoc|do|cua|trong|theo)\b", shadow(tail)))
        part_label = (verb if tail_names_total or not tail else tail) or "đạt"
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.source.line_start == line.number
            and previous.total == total
            and previous.unit == unit
            and len(previous.parts) >= 1
            and any(c is previous for c, *_ in wholes)  # a fraction's count, not a breakdown's
            and are_shares(between, [p.label for p in previous.parts] + [part_label])
        ):
            previous.parts.append(CountPart(label=part_label, value=done))  # "7/12 ..., còn 5/12 ..."
            previous.complete = True  # fractions of one total, side by side: its shares
            wholes = [(c, a, u, m.end()) if c is previous else (c, a, u, e) for c, a, u, e in wholes]
            continue
        wholes.append(
            (_ratio_count(text, line, settings, total, unit, part_label, done), m.start(), m.start("unit"), m.end())
        )
        out.append(wholes[-1][0])
    _join_the_rest(text, low, wholes, out)


def _ratio_count(text: str, line, settings: NarrativeSettings, total, unit: str, label: str, done) -> Count:
    return Count(
        text=text.strip(),
        label=unit,
        total=total,
        parts=[CountPart(label=label, value=done)],
        unit=unit,
        confidence=_line_confidence(line, settings),
        source=_source(line),
    )


def _join_the_rest(text: str, low: str, wholes: list[tuple[Count, int, int, int]], out: list[Count]) -> None:
    """Fractions of one whole followed by the rest of it ("…; còn 4 đơn vị …") are its shares: joined
    into one count with the rest as its last part, complete (``count_shares.rest_of_the_whole``)."""
    for total in dict.fromkeys(c.total for c, *_ in wholes):
        mine = [w for w in wholes if w[0].total == total]
        rest = rest_of_the_whole(low, mine[0][2], mine[-1][3])
        mine = [w for w in mine if rest is not None and one_sentence(low, w[1], rest[1])]
        value = _count_value(rest[0]) if rest is not None and mine else None
        if rest is None or value is None or total is None or value > total:
            continue
        if sum(p.value or 0 for w in mine for p in w[0].parts) >= total:
            continue  # the fractions already make the whole: "the rest" is of something else
        first = mine[0][0]
        for other, *_ in mine[1:]:
            first.parts += other.parts
            out[:] = [c for c in out if c is not other]
        first.parts.append(CountPart(label=_clean(text[rest[1] : rest[2]]), value=value))
        first.complete = True
