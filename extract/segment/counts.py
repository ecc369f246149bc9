"""Narrative counts read by structure: a total and the parts it breaks down into.

A commune report states its counts in a small grammar, read here over tokens, not per example:

    count      := NUMBER UNIT [words]
    breakdown  := count [words] "(" parts ")"                          "48 lượt (qua loa 20 lượt; ...)"
                | count [annotation] [","|";"] OPENER [":"] parts     "402 hồ sơ, trong đó trước hạn 377, ..."
                | ("trong số" | "gồm") count [words] "," parts         "Trong số 126 hồ sơ đang giải quyết, ..."
    OPENER     := "trong đó" | "gồm" | "bao gồm"
    parts      := part (("," | ";" | "và") part)*
    part       := [label] NUMBER [UNIT] [label] ["(" parts ")"]     a part's own breakdown nests
    annotation := words with a percentage or a decimal ("đạt 47,37%", "chiếm tỷ lệ 85,1%")

Rules that keep a check honest:
- a percentage or a decimal is never a part; it annotates the part before it;
- a breakdown ends with its sentence, its parenthesis, or the clause where a new predicate starts
  ("..., trễ hạn 03; đang giải quyết 11": an aspect word "đang/đã/được/còn" opens a sibling of the
  total, unless the parts themselves are such verb phrases);
- a part counted in another unit ("35 trường hợp" under "215 bản") is not a part: the breakdown is
  recorded with a ``doubt`` and its sum is not checked; so is a part holding two figures;
- ``complete`` says whether the parts are stated to make the whole: a parenthetical list, "gồm",
  or labels that partition the total (trước hạn / đúng hạn / trễ hạn; trực tuyến / trực tiếp ...).
  "trong đó" may name only some parts: such a list short of its total is not a fault.

Completion ratios "hoàn thành 15/19 nhiệm vụ" are modelled as total 19 with one part
{label "hoàn thành", 15}; "7/12 ..., còn 5/12 ..." as total 12 with two (complete) parts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex as re

from extract.model import IngestedDocument
from extract.segment.count_baseline import change_figure, earlier_bracket
from extract.segment.count_fractions import _count_value, _ratio_counts
from extract.segment.count_kinds import kinds_broken_down, listed_kinds, unit_named_before
from extract.segment.count_lines import with_item_breakdowns
from extract.segment.count_pairs import (
    joined_before,
    joined_groups,
    one_total,
    paired_before,
    paired_figures,
    paired_opener,
    split_pairs,
    total_unit,
)
from extract.segment.count_shares import (
    completes_as_remainder,
    rate_of_the_total,
    ratio_whole,
    share_bracket,
)
from extract.segment.count_words import (
    ASPECT,
    NOT_COUNT_BEFORE,
    Paren,
    Tok,
    approximate,
    complete_labels,
    count_label,
    is_tok,
    kin_units,
    nest,
    opener_at,
    partial_opener_at,
    partition_labels,
    tokenize,
    unit_at,
)
from extract.segment.narrative import (
    NarrativeSettings,
    _clean,
    _line_confidence,
    _source,
    shadow,
)
from extract.segment.paragraphs import wrapped_lines
from normalize.lazy_regex import lazy_compile
from normalize.numbers import parse_number
from schemas.records import Count, CountPart


@dataclass
class _Part:
    value: float | None
    label: str
    unit: str | None  # canonical, when it names one
    unit_text: str
    aspect: bool  # the part opens with an aspect word ("đã giải quyết 30 hồ sơ")
    nested: list = field(default_factory=list)  # parentheses after its number: its own breakdown
    figures: int = 1
    approx: bool = False  # stated as approximate ("gần 860 hồ sơ"): no exact figure to sum
    opens_clause: bool = False  # its item opens with ';': a new group of parts may start with it
    whole: float | None = None  # the whole of a part stated as a ratio ("5/29 khiếu nại": 29)


# the line's opening number of an item: "2 Báo cáo", "2. Cải cách", and as OCR prints its dot
# doubled or glued to the word ("1..Cải cách", "1.Cải cách", "1) Cải cách")
_ITEM_CODE = lazy_compile(r"\d{1,2}(?:\s*[.,:)]+\s*|\s+)\p{Lu}")


# A rate's words opening an item of a breakdown (accent-free): "tỷ lệ", "tỉ lệ", OCR's "ty 1e".
_RATE_OPENS = lazy_compile(r"[\s;,:(]*(?:va\s+)?t[yi]\s*(?:le|1e|l\s?e)\b")


# A ';' followed by a list item's mark: the next item of a list printed one item a paragraph.
_ITEM_AFTER = lazy_compile(r";\s*[-+•–]\s")


@dataclass
class _Reader:
    text: str
    low: str
    reach: int = NarrativeSettings.partition_reach  # ``NarrativeSettings.partition_reach``

    def real(self, a: int, b: int) -> str:
        return _clean(self.text[a:b])

    def is_count(self, nodes: list, i: int) -> bool:
        """A whole number used as a count: not a code or rank ("số 12", "mức độ 2"), not a year
        ("năm 2024", a bare 2024) unless a counting unit follows it ("1999 hồ sơ")."""
        t = nodes[i]
        if not is_tok(t, "num") or NOT_COUNT_BEFORE.search(self.low[max(0, t.start - 16) : t.start]):
            return False
        if _ITEM_CODE.match(self.text[t.start :]) and not self.text[: t.start].strip(" -–.*•|_"):
            # the line's opening number before a capitalised word numbers an item (a criterion
            # row, a heading: "2 Báo cáo CCHC"); a sentence counts in lower case ("02 báo cáo")
            return False
        return not re.fullmatch(r"(?:19|20)\d\d", t.text) or unit_at(nodes, i + 1)[0] is not None

    def ratio_at(self, nodes: list, i: int) -> tuple[float, float] | None:
        """(done, whole) of a ratio "1.208/1.342" at i: a count of the done out of a whole (a date
        "01/12" is none: a date word before it, or its first figure above its second)."""
        t = nodes[i]
        if not is_tok(t, "frac") or NOT_COUNT_BEFORE.search(self.low[max(0, t.start - 16) : t.start]):
            return None
        figures = [_count_value(f) for f in re.split(r"\s*/\s*", t.text)]
        if len(figures) != 2:
            return None
        done, whole = figures
        if done is None or whole is None or done > whole:
            return None
        return done, whole

    # ------------------------------------------------------------ a breakdown's parts

    def rate_words(self, item: list) -> int | None:
        """Where the words of a rate opening an item end ("tỷ lệ", "tỉ lệ", and as OCR prints
        its "lệ": "1é", "lé"), None when the item opens with none."""
        if not item:
            return None
        m = _RATE_OPENS.match(self.low, item[0].start)
        return m.end() if m is not None and m.end() <= item[-1].end else None

    @staticmethod
    def figure(node) -> bool:
        """Whether a node is a figure: a number, a percentage, a decimal or a ratio."""
        return any(is_tok(node, kind) for kind in ("num", "pct", "dec", "frac"))

    def split_items(self, nodes: list) -> list[list]:
        """Items separated by "," ";" "và" (a ':' belongs to its item: "trực tuyến: 100")."""
        items: list[list] = []
        cur: list = []
        for node in nodes:
            if (is_tok(node, "sep") and node.text in ",;") or is_tok(node, "word", "va"):
                if cur:
                    items.append(cur)
                # an item remembers what opened it: a clause break ';' or "và"
                cur = [node] if is_tok(node, "sep", ";") or is_tok(node, "word", "va") else []
                continue
            cur.append(node)
        if cur:
            items.append(cur)
        return [it for it in items if not (len(it) == 1 and (is_tok(it[0], "sep") or is_tok(it[0], "word", "va")))]

    def part(self, item: list, pending_label: str) -> _Part | None:
        """An item as a part, None when it holds no count (a label fragment or an annotation)."""
        body = [n for n in item if not is_tok(n, "sep", ";")]
        joined_by_and = bool(body) and is_tok(body[0], "word", "va")
        body = body[1:] if joined_by_and else body
        k = 0
        while k < len(body) and (opener_at(body, k) or is_tok(body[k], "sep", ":")):
            k += opener_at(body, k) or 1
        body = body[k:]
        # a part may itself be a ratio ("trong đó, 7/31 khiếu nại, 3/3 tố cáo"): its done is the part
        counts = [j for j, n in enumerate(body) if self.is_count(body, j) or self.ratio_at(body, j)]
        if not counts:
            return None
        j = counts[0]
        num = body[j]
        ratio = self.ratio_at(body, j)
        unit, span = unit_at(body, j + 1)
        unit_text = self.real(body[j + 1].start, body[j + span].end) if span else ""
        first = body[0] if body else None
        # label: the words before the number ("trước hạn là 256"), else the words after its unit
        # up to a parenthesis ("có 09 TTHC không đủ điều kiện ... (...)")
        before_end = num.start
        label = ""
        if j > 0:
            label = self.real(body[0].start, before_end)
            label = re.sub(r"(?i)^(?:trong đó|trong do)\s*:?\s*", "", label)
            label = re.sub(r"(?i)\s*(?:là|la|đạt|dat|có|co|còn|con|:)\s*$", "", label).strip()
            if shadow(label) in ("co", "la", "dat", ""):
                label = ""
        if not label:
            # the words after the unit, up to a parenthesis ("nộp mức độ 3", "không đủ điều kiện")
            after = []
            for n in body[j + 1 + span :]:
                if isinstance(n, Paren):
                    break
                after.append(n)
            if any(is_tok(n, "word") for n in after):
                label = self.real(after[0].start, after[-1].end)
        if pending_label:
            # "trả trước và đúng hạn 2.402", "trước hạn, đúng hạn 15.539": one label split by the list
            label = f"{pending_label}{' và ' if joined_by_and else ', '}{label}".strip(" ,")
        nested = [n for n in body[j + 1 :] if isinstance(n, Paren)]
        aspect = bool(first is not None and is_tok(first, "word") and first.text in ASPECT)
        parsed = parse_number(num.text, kind="count")
        return _Part(
            value=ratio[0] if ratio else (parsed.value if parsed else None),
            label=label,
            unit=unit,
            unit_text=unit_text,
            aspect=aspect,
            nested=nested,
            figures=len(counts),
            approx=approximate(self.low, num.start) or num.rounded,
            whole=ratio[1] if ratio else None,
        )

    def label_runs_on(self, item: list, after: list[list], total_unit: str | None, kin: frozenset[str]) -> bool:
        """Whether an item of words alone opening a clause is the first half of a part's label a
        comma split, the next item its figure in the total's unit ("; kiến nghị, phản ánh 345
        đơn"): the clause goes on with the breakdown, it does not end it."""
        if any(self.figure(n) or isinstance(n, Paren) for n in item) or not after:
            return False
        nxt = after[0]
        if is_tok(nxt[0], "sep", ";") or is_tok(nxt[0], "word", "va"):
            return False
        p = self.part(nxt, "")
        return p is not None and p.unit is not None and (p.unit == total_unit or p.unit in kin)

    def breakdown(
        self,
        items: list[list],
        total_unit: str | None,
        stop_at_clause: bool,
        stop_at_aspect: bool,
        kin: frozenset[str] = frozenset(),
    ) -> tuple[list[_Part], list[str], int]:
        """(parts, doubts, items used) of a breakdown read from its items; reading stops where a
        new clause starts (a ';' before an item that is not a part like the ones before, or an
        item opening with an aspect word when the parts do not). ``kin``: the other units the
        total is counted in ("11 cơ quan, đơn vị": a part in either is of it, ``_kin_units``)."""
        parts: list[_Part] = []
        doubts: list[str] = []
        pending = ""
        used = 0
        rate_open = False  # a rate's words read, its figure not yet (``_rate_words``)
        for k, item in enumerate(items):
            # a ';' before a list item's mark ("…; - Trực tiếp và qua bưu chính: 17 hồ sơ") goes on
            # with the list the count's opener started (``count_lines``), no new clause
            clause_break = is_tok(item[0], "sep", ";") and not _ITEM_AFTER.match(self.text, item[0].start)
            rate_open = rate_open and not clause_break
            rate = self.rate_words(item)
            if rate is not None:
                # "tỷ lệ … đạt 83,33%" among the parts: a share of them, never a part; its figure
                # may come in a later item when a comma splits its words ("tỷ lệ phản ánh, kiến
                # nghị được xử lý đạt 83 %"), the "1" of an OCR'd "lệ" ("1é") no count either
                used, rate_open = k + 1, not any(self.figure(n) for n in item if n.start >= rate)
                continue
            if any(is_tok(n, "num") and change_figure(self.low, n.start, n.end) for n in item):
                # "…, tăng 12 hồ sơ so với cùng kỳ": a change against last year, never a part
                used = k + 1
                continue
            p = self.part(item, pending)
            if rate_open and (p is None or not (p.unit and (p.unit == total_unit or p.unit in kin))):
                # the rate's words go on to its figure, its "%" OCR may have lost ("83 aN"): a
                # figure counted in the total's unit is a part again, anything else the rate's
                used, rate_open = k + 1, p is None
                continue
            rate_open = False
            if (
                clause_break
                and stop_at_clause
                and parts
                and (
                    not self.label_runs_on(item, items[k + 1 : k + 2], total_unit, kin)
                    if p is None
                    else (
                        _other_unit(p, total_unit, kin)
                        or (p.aspect and not parts[0].aspect)
                        or any(opener_at(item, i) for i in range(len(item)))
                    )
                )
            ):
                break
            if (
                p is not None
                and stop_at_aspect
                and p.aspect
                and parts
                and not parts[0].aspect
                and not completes_as_remainder(item, [q.label for q in parts], p.label)
            ):
                break
            used = k + 1
            if p is None:
                words = [n for n in item if is_tok(n, "word") and not (n is item[0] and n.text == "va")]
                has_figure = any(is_tok(n, "pct") or is_tok(n, "dec") or isinstance(n, Paren) for n in item)
                if words and not has_figure:
                    pending = self.real(words[0].start, words[-1].end)  # "trước hạn, đúng hạn 15.539"
                continue
            pending = ""
            if _other_unit(p, total_unit, kin):
                doubts.append(f"the part “{p.label}” is counted in {p.unit_text}, not in the total's unit")
                continue
            if p.figures > 1:
                doubts.append(f"the part “{p.label}” holds {p.figures} figures")
                p.value = None
            p.opens_clause = clause_break
            parts.append(p)
        return parts, doubts, used


def _other_unit(p: _Part, total_unit: str | None, kin: frozenset[str]) -> bool:
    return bool(p.unit and total_unit and p.unit != total_unit and p.unit not in kin)


def _ratio_unit(reader: _Reader, nodes: list, i: int) -> tuple[str | None, str, int] | None:
    """The unit of a ratio: a counting unit listed after it ("21/36 vụ việc" names none: an
    unlisted noun after a ratio may be a date's or a score's, so only the heading's is taken then)."""
    unit, span = unit_at(nodes, i + 1)
    return None if unit is None else (unit, reader.real(nodes[i + 1].start, nodes[i + span].end), span)


def _unit_in_heading(reader: _Reader, num) -> tuple[str | None, str, int] | None:
    """The unit of a count printed after its heading ("Số hồ sơ đã giải quyết: 7.655"): spans no
    token after the number (``count_kinds``)."""
    named = unit_named_before(reader.low, num.start)
    return None if named is None else (named[0], reader.real(named[1], named[2]), 0)


@dataclass
class _Found:
    total: float | None
    at: int  # where the total's number starts in the line
    unit_text: str
    parts: list[_Part]
    doubts: list[str]
    complete: bool
    owner: _Part | None = None  # a part's own breakdown: the part it breaks down


def _breakdowns(reader: _Reader, nodes: list) -> list[_Found]:
    """Every breakdown in a sequence of nodes, sentence by sentence, nested ones included."""
    found: list[_Found] = []
    sentences: list[list] = []
    cur: list = []
    for n, node in enumerate(nodes):
        if is_tok(node, "stop", ".") and opener_at(nodes, n + 1) and one_total(reader, cur):
            # "… là 41.376 bộ. Trong đó, …": the next sentence opens with the breakdown of the one
            # count this one states; read on as one clause ("1.500 hộ, 12 thôn. Trong đó, …" names
            # no single total: not joined). Only counts are counted: a date's figures ("Tháng
            # 9-2022, … tiếp nhận 236 đơn. Trong đó, …") are no second total
            cur.append(Tok("sep", node.start, node.end, ","))
        elif is_tok(node, "stop"):
            sentences.append(cur)
            cur = []
        else:
            cur.append(node)
    sentences.append(cur)
    for sent in sentences:
        consumed_until = -1
        for i, node in enumerate(sent):
            if isinstance(node, Paren):
                if i > consumed_until:
                    found += _breakdowns(reader, node.nodes)
                continue
            if i <= consumed_until:
                continue
            ratio = reader.ratio_at(sent, i)
            if ratio is None and not reader.is_count(sent, i):
                continue
            if ratio is None and change_figure(reader.low, node.start, node.end):
                continue  # "tăng 391 hồ sơ so với cùng kỳ": the change, no count of its own
            unit_info = _ratio_unit(reader, sent, i) if ratio else total_unit(reader, sent, i)
            unit_info = unit_info or _unit_in_heading(reader, sent[i])
            if unit_info is None:
                continue
            unit, unit_text, span = unit_info
            paired = _paired(reader, sent, i, span, unit_text) if ratio is None else None
            if paired:
                found = [f for f in found if f.at != paired[0].at] + paired
                consumed_until = len(sent) - 1
                continue
            result = _read_breakdown(reader, sent, i, unit, span, kin_units(sent, i, span))
            if result is None:
                continue
            parts, doubts, complete, last = result
            consumed_until = last
            joined = joined_before(reader, sent, i, unit, last) if ratio is None else None
            groups = joined_groups(reader, sent, joined, i, parts) if joined is not None else None
            if joined is not None and groups is not None:
                # each count joined by "và" takes its own ';'-group of the parts, in order
                found = [f for f in found if f.at != sent[joined].start]
                first = total_unit(reader, sent, joined)
                first_unit = first[1] if first is not None else unit_text
                found.append(
                    _Found(_count_value(sent[joined].text), sent[joined].start, first_unit, groups[0], doubts, False)
                )
                found.append(_Found(_count_value(node.text), node.start, unit_text, groups[1], doubts, complete))
                continue
            if joined is not None:
                doubts = [*doubts, "the breakdown after its opener may be of the counts joined before the total too"]
            if ratio is None and paired is not None:
                doubts = [*doubts, "the parts may be of the count joined by “với” in another unit too"]
            if approximate(reader.low, node.start) or node.rounded or any(p.approx for p in parts):
                doubts = [*doubts, "a figure of the breakdown is stated as approximate"]
            total = ratio_whole(ratio, [p.value for p in parts]) if ratio else _count_value(node.text)
            found.append(_Found(total, node.start, unit_text, parts, doubts, complete))
            if ratio is not None and total == ratio[0] and len(parts) >= 2 and all(p.whole for p in parts):
                # "giải quyết 10/38 đơn; trong đó, 5/29 khiếu nại, 3/3 tố cáo, 2/6 kiến nghị": the
                # parts' wholes break down the whole as their done figures break down the done
                wholes = [_Part(p.whole, p.label, p.unit, p.unit_text, p.aspect) for p in parts]
                found.append(_Found(ratio[1], node.start, unit_text, wholes, doubts, complete))
            for p in parts:  # a part's own parenthesised breakdown
                for paren in p.nested:
                    inside = reader.low[paren.start + 1 : paren.end]
                    if share_bracket(inside) or earlier_bracket(inside):
                        continue  # "25 hồ sơ quá hạn (chiếm 8,33%)": the part's share, no breakdown
                    sub = _read_items(reader, paren.nodes, p.unit or unit, paren_scope=True)
                    if sub is not None and len(sub[0]) >= 2:
                        found.append(
                            _Found(p.value, paren.start, p.unit_text or unit_text, sub[0], sub[1], sub[2], owner=p)
                        )
                    else:
                        found += _breakdowns(reader, paren.nodes)
    return found


def _paired(reader: _Reader, sent: list, i: int, span: int, unit_text: str) -> list[_Found] | None:
    """The two breakdowns of a count stated in two units, its parts naming a figure in each
    (``count_pairs``); [] when the count is so paired but its parts are not (its breakdown read as
    one is then doubted), None when it is not paired."""
    before = paired_before(sent, i, reader.is_count)
    opener = paired_opener(sent, i, span) if before is not None else None
    if before is None or opener is None:
        return None
    k, first_unit = before
    figures = paired_figures(sent, opener + opener_at(sent, opener), first_unit, reader.is_count)
    pairs = split_pairs(figures) if figures else None
    if pairs is None:
        return []
    # a part's label is the words before its first figure ("tiếp thường xuyên"), the same for both
    labels = [
        reader.real(sent[f.label_from].start, sent[f.value_at].start).strip(" ,:") if f.label_from < f.value_at else ""
        for f in pairs[0]
    ]
    out = []
    for at, own in ((k, pairs[0]), (i, pairs[1])):
        parts = []
        for f, label in zip(own, labels, strict=True):
            unit, width = unit_at(sent, f.value_at + 1)
            unit_words = reader.real(sent[f.value_at + 1].start, sent[f.value_at + width].end)
            parts.append(_Part(_count_value(sent[f.value_at].text), label, unit, unit_words, aspect=False))
        _u, width = unit_at(sent, at + 1)
        own_unit = reader.real(sent[at + 1].start, sent[at + width].end) if at == k else unit_text
        out.append(_Found(_count_value(sent[at].text), sent[at].start, own_unit, parts, [], False))
    return out


def _read_items(reader: _Reader, nodes: list, unit: str | None, paren_scope: bool, kin: frozenset[str] = frozenset()):
    """(parts, doubts, complete, items used) of the items of a parenthesis or of a clause."""
    body = list(nodes)
    partial = False
    k = 0
    while k < len(body) and (is_tok(body[k], "sep") or opener_at(body, k)):
        if partial_opener_at(body, k):
            partial = True
        k += opener_at(body, k) or 1
    items = reader.split_items(body[k:])
    parts, doubts, used = reader.breakdown(items, unit, not paren_scope, True, kin)
    if not parts:
        return None
    labels = [p.label for p in parts]
    complete = (paren_scope and not partial and len(parts) >= 2) or complete_labels(labels)
    return parts, doubts, complete, used, items


def _read_breakdown(reader: _Reader, sent: list, i: int, unit: str | None, span: int, kin: frozenset[str]):
    """The breakdown of the count at sent[i], if its structure gives one: (parts, doubts,
    complete, index of the last node read)."""
    j = i + 1 + span
    # words naming the total ("215 bản sao chứng thực (", "126 hồ sơ đang giải quyết,")
    while j < len(sent) and is_tok(sent[j], "word") and not opener_at(sent, j) and sent[j].text != "va":
        j += 1
    before = reader.low[max(0, sent[i].start - 12) : sent[i].start]
    led = re.search(r"\b(?:trong so|gom|bao gom)\s*:?\s*$", before)
    # the kinds counted listed up to a bracket of their figures ("24 cán bộ, công chức (11 cán bộ, …)")
    listed = listed_kinds(sent, j, reader.low[sent[i + 1].start : sent[j - 1].end]) if j > i + 1 else None
    if listed is not None:
        got = _read_items(reader, sent[listed[1]].nodes, unit, paren_scope=True)
        if (
            got is not None
            and all(p.value is not None for p in got[0])
            and kinds_broken_down([f"{p.unit_text} {p.label}" for p in got[0]], listed[0], reader.low, sent[listed[1]])
        ):
            return got[0], got[1], got[2], listed[1]
    # a parenthetical breakdown right after the count
    if j < len(sent) and isinstance(sent[j], Paren):
        inside = reader.low[sent[j].start + 1 : sent[j].end]
        share = share_bracket(inside) or earlier_bracket(inside)  # "(cùng kỳ năm 2013: 1.865 hồ sơ)"
        got = None if share else _read_items(reader, sent[j].nodes, unit, paren_scope=True)
        if got is not None and not all(p.value is None for p in got[0]):
            parts, doubts, complete, _used, _items = got
            return parts, doubts, complete, j
        # a parenthesis with no count annotates the total ("(đạt 47,37%)"): read on past it
        j += 1
    # annotations between the total and its opener: ", đạt tỷ lệ 63,2%,"
    k = j
    while k < len(sent):
        if is_tok(sent[k], "sep") and k + 1 < len(sent) and opener_at(sent, k + 1):
            k += 1
            break
        if opener_at(sent, k):
            break
        if is_tok(sent[k], "num") and change_figure(reader.low, sent[k].start, sent[k].end):
            k += 1  # ", tăng 391 hồ sơ so với cùng kỳ năm 2022;": an annotation of the total
            continue
        if isinstance(sent[k], Paren) and earlier_bracket(reader.low[sent[k].start + 1 : sent[k].end]):
            k += 1
            continue
        if reader.is_count(sent, k) or is_tok(sent[k], "frac") or (is_tok(sent[k], "sep", ";")):
            k = len(sent)
            break
        if isinstance(sent[k], Paren) and any(reader.is_count(sent[k].nodes, m) for m in range(len(sent[k].nodes))):
            got = _bracket_after_rate(reader, sent, j, k, unit) or _opened_bracket(reader, sent[k], unit, k)
            if got is not None:
                return got
            k = len(sent)
            break
        k += 1
    if k < len(sent) and opener_at(sent, k):
        exhaustive = not partial_opener_at(sent, k)  # "gồm" states the whole
        got = _read_items(reader, sent[k:], unit, paren_scope=False, kin=kin)
        if got is None:
            return None
        parts, doubts, complete, used, items = got
        last = _last_index(sent, items[:used]) if used else k
        return parts, doubts, complete or (exhaustive and len(parts) >= 2), last
    # "gồm 72 hồ sơ, có 60 ... và 12 ...": only a counting unit makes a total here ("bao gồm 04
    # máy tính bàn, 02 máy in, ..." is a list of things)
    if led and unit is not None and j < len(sent) and is_tok(sent[j], "sep", ","):
        got = _read_items(reader, sent[j + 1 :], unit, paren_scope=False)
        if got is None or len(got[0]) < 2:
            return None
        parts, doubts, complete, used, items = got
        exhaustive = "gom" in led[0]
        return parts, doubts, complete or exhaustive, _last_index(sent, items[:used])
    return _partition_after(reader, sent, j, unit)


def _partition_after(reader: _Reader, sent: list, j: int, unit: str | None):
    """The total's parts right after its comma with no opener, when their labels are one partition
    of a total (``complete_labels``: "đã giải quyết 560 hồ sơ, đúng và trước hạn 552 hồ sơ, đạt tỷ
    lệ 98,57%; quá hạn còn 8 hồ sơ"), two or more, each a figure in the total's unit; None
    otherwise: a label of no partition ("đến hạn giải quyết" beside "trước và đúng hạn") makes the
    figures a list of other counts, no breakdown."""
    if unit is None or j >= len(sent) or not is_tok(sent[j], "sep", ","):
        return None
    # a partition's parts follow within a few clauses: read no further, or every total of a long
    # run-on line reads the whole rest of it (quadratic on a 150 kB one-line text)
    got = _read_items(reader, sent[j + 1 : j + 1 + reader.reach], unit, paren_scope=False)
    if got is None or len(got[0]) < 2 or any(p.unit != unit or p.value is None for p in got[0]):
        return None
    if not partition_labels([p.label for p in got[0]]):
        return None
    parts, doubts, complete, used, items = got
    return parts, doubts, complete, _last_index(sent, items[:used])


def _bracket_after_rate(reader: _Reader, sent: list, j: int, k: int, unit: str | None):
    """The total's parts in the bracket after its own rate ("480 hồ sơ, đạt tỷ lệ 99,75% (đúng hạn
    479 hồ sơ, trễ hạn 1 hồ sơ)"), every part counted in the total's unit; None otherwise
    (``count_shares``)."""
    rate = sent[k - 1] if k > j else None
    if unit is None or rate is None or not is_tok(rate, "pct"):
        return None
    if not rate_of_the_total(reader.low[sent[j].start : rate.start]):
        return None
    got = _read_items(reader, sent[k].nodes, unit, paren_scope=True)
    if got is None or len(got[0]) < 2 or any(p.unit != unit or p.value is None for p in got[0]):
        return None
    parts, doubts, complete, _used, _items = got
    return parts, doubts, complete, k


def _opened_bracket(reader: _Reader, paren: Paren, unit: str | None, k: int):
    """The total's parts in a bracket that says it breaks the total down, opening with "trong đó" /
    "gồm", after words naming the total and no other count ("84 lượt ý kiến, kiến nghị của cử tri
    … (trong đó gồm 76 ý kiến, kiến nghị …, 03 … và 05 …)"); None otherwise."""
    if not paren.nodes or not opener_at(paren.nodes, 0):
        return None
    got = _read_items(reader, paren.nodes, unit, paren_scope=True)
    if got is None or len(got[0]) < 2 or any(p.value is None for p in got[0]):
        return None
    parts, doubts, complete, _used, _items = got
    return parts, doubts, complete, k


def _last_index(sent: list, items: list[list]) -> int:
    last = items[-1][-1] if items and items[-1] else None
    return next((k for k, n in enumerate(sent) if n is last), len(sent) - 1)


_DEFAULT = NarrativeSettings()


def find_counts(doc: IngestedDocument, settings: NarrativeSettings = _DEFAULT) -> list[Count]:
    out: list[Count] = []
    for line in with_item_breakdowns(wrapped_lines(doc), settings):
        text = line.text
        low = shadow(text)
        reader = _Reader(text, low, settings.partition_reach)
        of_part: dict[int, Count] = {}  # id of a part → the count it is a part of
        for f in _breakdowns(reader, nest(tokenize(low))):
            parent = of_part.get(id(f.owner)) if f.owner is not None else None
            if f.owner is not None:
                label = f.owner.label or f.unit_text
            else:
                label = count_label(text, low, f.at, f.unit_text)
            count = Count(
                text=parent.text if parent else text.strip(),
                label=label,
                total=f.total,
                parts=[CountPart(label=p.label, value=p.value) for p in f.parts],
                unit=f.unit_text,
                complete=f.complete,
                doubt="; ".join(f.doubts) or None,
                confidence=_line_confidence(line, settings),
                source=_source(line),
            )
            for p in f.parts:
                of_part[id(p)] = count
            out.append(count)
        _ratio_counts(text, low, line, settings, out)
    return out
