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
from extract.segment.narrative import (
    NarrativeSettings,
    _clean,
    _line_confidence,
    _source,
    shadow,
)
from extract.segment.paragraphs import reading_lines
from normalize.numbers import parse_number
from schemas.records import Count, CountPart

# Counting units (accent-free) and the unit they count in: a part in a unit other than its
# total's is not one of its parts. A noun not listed ("3 kế hoạch" under "28 văn bản") names the
# part's kind, in the total's unit. Longest first where one starts another.
_UNITS = {
    "thu tuc hanh chinh": "thu tuc",
    "thu tuc": "thu tuc",
    "tthc": "thu tuc",
    "ho so": "ho so",
    "van ban": "van ban",
    "luot nguoi": "luot nguoi",
    "luot": "luot",
    "nguoi": "nguoi",
    "nhiem vu": "nhiem vu",
    "chi tieu": "chi tieu",
    "truong hop": "truong hop",
    "phieu": "phieu",
    "ban": "ban",
    "tin bai": "tin bai",
    "tin": "tin",
    "bai": "bai",
    "cuoc": "cuoc",
    "buoi": "buoi",
    "lop": "lop",
    "dot": "dot",
    "lan": "lan",
    "don": "don",
    "thon": "thon",
    "co quan": "co quan",
    "don vi": "don vi",
    "tai khoan": "tai khoan",
    "sang kien": "sang kien",
    "pakn": "pakn",
}
_UNIT_KEYS = sorted(_UNITS, key=lambda u: -len(u))
# Words that never count: a total's "unit" cannot be one of these.
_NOT_COUNT_UNITS = ("diem", "nam", "thang", "ngay", "gio", "phut", "dong", "trieu", "ty", "nghin")
# "số 12", "thứ 36", "mức độ 2": a number or rank, not a count ("tổng số 120" is one).
_NOT_COUNT_BEFORE = re.compile(
    r"(?:ngay|thang|thu|(?<!tong |trong )so|quy|nam|muc do|muc|vi tri thu|tieu chi|phu luc|dieu|khoan|chuong"
    r"|lan thu)\s*$"
)
# Words that open a new predicate: a clause starting with one is a sibling of the total.
_ASPECT = ("da", "dang", "duoc", "se", "con")
# Sets of labels that partition a total: two parts labelled from one set make a complete list.
_PARTITIONS = (
    (r"truoc han", r"dung han", r"(?:tre|qua|cham) han|tre|cham"),
    (r"chua (?:den|toi) han|trong han|con han", r"qua han"),
    (r"truc tuyen", r"truc tiep", r"buu chinh"),
    (r"toan trinh", r"mot phan"),
    (r"muc do 1", r"muc do 2", r"muc do 3", r"muc do 4"),
    (r"cap xa", r"cap huyen", r"cap tinh"),
    (r"\bnam\b", r"\bnu\b"),
    (r"(?<!chua |khong )dat", r"(?:chua|khong) dat"),
    (r"(?<!chua )hoan thanh", r"chua hoan thanh|dang (?:thuc hien|trien khai)"),
)

_TOKEN = re.compile(
    r"""
     (?P<pct>\d+(?:[.,]\d+)*\s?%)
    |(?P<frac>\d+(?:\s*/\s*\d+)+)
    |(?P<num>\d+(?:[.,]\d+)*)
    |(?P<word>[^\W\d_]+)
    |(?P<open>\()
    |(?P<close>\))
    |(?P<sep>[,;:])
    |(?P<stop>\.(?=\s|$)|[\[\]|])
""",
    re.X,
)


@dataclass(frozen=True)
class Tok:
    kind: str  # pct frac num dec word open close sep stop
    start: int
    end: int
    text: str  # the accent-free lower-case form


@dataclass
class Paren:
    start: int
    end: int
    nodes: list = field(default_factory=list)


def tokenize(low: str) -> list[Tok]:
    """Tokens of an accent-free line: a number is ``num`` when it is a whole count ("08",
    "1.020"), ``dec`` when it has decimals ("47,37", "2.5"). Brackets and bars end a sentence:
    in OCR'd text they are a table's rules, not parentheses."""
    out = []
    for m in _TOKEN.finditer(low):
        kind = m.lastgroup
        if kind == "num" and not re.fullmatch(r"\d+|\d{1,3}(?:\.\d{3})+", m[0]):
            kind = "dec"
        out.append(Tok(kind, m.start(), m.end(), m[0]))
    return out


# Parentheses nest this deep at most in a sentence a person wrote; deeper ones (garbage, hostile
# input) are read as plain text so the reading stays bounded.
_MAX_DEPTH = 6


def nest(tokens: list[Tok]) -> list:
    """Tokens with each parenthesis a ``Paren`` node (an unclosed one runs to the end; a stray
    closing one is dropped)."""
    root: list = []
    stack: list[tuple[list, Paren | None]] = [(root, None)]
    depth_skipped = 0
    for t in tokens:
        if t.kind == "open" and (len(stack) - 1 >= _MAX_DEPTH or depth_skipped):
            depth_skipped += 1  # too deep: not a structure
            continue
        if t.kind == "close" and depth_skipped:
            depth_skipped -= 1
            continue
        if t.kind == "open":
            paren = Paren(t.start, t.end)
            stack[-1][0].append(paren)
            stack.append((paren.nodes, paren))
        elif t.kind == "close":
            top = stack[-1][1]
            if top is not None:
                top.end = t.end
                stack.pop()
        else:
            stack[-1][0].append(t)
    for _nodes, open_paren in stack[1:]:
        if open_paren is not None:
            open_paren.end = max([open_paren.end] + [n.end for n in open_paren.nodes])
    return root


def _is(node, kind: str, text: str | None = None) -> bool:
    return isinstance(node, Tok) and node.kind == kind and (text is None or node.text == text)


def _words_at(nodes: list, i: int, *words: str) -> bool:
    return all(i + k < len(nodes) and _is(nodes[i + k], "word", w) for k, w in enumerate(words))


def _opener_at(nodes: list, i: int) -> int:
    """Length in tokens of a breakdown opener at i ("trong đó", "gồm", "bao gồm"), else 0."""
    if _words_at(nodes, i, "trong", "do"):
        return 2
    if _words_at(nodes, i, "bao", "gom"):
        return 2
    if _words_at(nodes, i, "gom"):
        return 1
    return 0


def _unit_at(nodes: list, i: int) -> tuple[str | None, int]:
    """(canonical unit, tokens it spans) of the words from i, or (None, 0)."""
    words = []
    for node in nodes[i : i + 3]:
        if not _is(node, "word"):
            break
        words.append(node.text)
    joined = " ".join(words)
    for key in _UNIT_KEYS:
        if joined == key or joined.startswith(key + " "):
            return _UNITS[key], len(key.split())
    return None, 0


@dataclass
class _Part:
    value: float | None
    label: str
    unit: str | None  # canonical, when it names one
    unit_text: str
    aspect: bool  # the part opens with an aspect word ("đã giải quyết 30 hồ sơ")
    nested: list = field(default_factory=list)  # parentheses after its number: its own breakdown
    figures: int = 1


@dataclass
class _Reader:
    text: str
    low: str

    def real(self, a: int, b: int) -> str:
        return _clean(self.text[a:b])

    def is_count(self, nodes: list, i: int) -> bool:
        """A whole number used as a count: not a code or rank ("số 12", "mức độ 2"), not a year
        ("năm 2024", a bare 2024) unless a counting unit follows it ("1999 hồ sơ")."""
        t = nodes[i]
        if not _is(t, "num") or _NOT_COUNT_BEFORE.search(self.low[max(0, t.start - 16) : t.start]):
            return False
        return not re.fullmatch(r"(?:19|20)\d\d", t.text) or _unit_at(nodes, i + 1)[0] is not None

    # ------------------------------------------------------------ a breakdown's parts

    def split_items(self, nodes: list) -> list[list]:
        """Items separated by "," ";" "và" (a ':' belongs to its item: "trực tuyến: 100")."""
        items: list[list] = []
        cur: list = []
        for node in nodes:
            if (_is(node, "sep") and node.text in ",;") or _is(node, "word", "va"):
                if cur:
                    items.append(cur)
                # an item remembers what opened it: a clause break ';' or "và"
                cur = [node] if _is(node, "sep", ";") or _is(node, "word", "va") else []
                continue
            cur.append(node)
        if cur:
            items.append(cur)
        return [it for it in items if not (len(it) == 1 and (_is(it[0], "sep") or _is(it[0], "word", "va")))]

    def part(self, item: list, pending_label: str) -> _Part | None:
        """An item as a part, None when it holds no count (a label fragment or an annotation)."""
        body = [n for n in item if not _is(n, "sep", ";")]
        joined_by_and = bool(body) and _is(body[0], "word", "va")
        body = body[1:] if joined_by_and else body
        k = 0
        while k < len(body) and (_opener_at(body, k) or _is(body[k], "sep", ":")):
            k += _opener_at(body, k) or 1
        body = body[k:]
        counts = [j for j, n in enumerate(body) if self.is_count(body, j)]
        if not counts:
            return None
        j = counts[0]
        num = body[j]
        unit, span = _unit_at(body, j + 1)
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
            if any(_is(n, "word") for n in after):
                label = self.real(after[0].start, after[-1].end)
        if pending_label:
            # "trả trước và đúng hạn 2.402", "trước hạn, đúng hạn 15.539": one label split by the list
            label = f"{pending_label}{' và ' if joined_by_and else ', '}{label}".strip(" ,")
        nested = [n for n in body[j + 1 :] if isinstance(n, Paren)]
        aspect = bool(first is not None and _is(first, "word") and first.text in _ASPECT)
        parsed = parse_number(num.text, kind="count")
        return _Part(
            value=parsed.value if parsed else None,
            label=label,
            unit=unit,
            unit_text=unit_text,
            aspect=aspect,
            nested=nested,
            figures=len(counts),
        )

    def breakdown(
        self, items: list[list], total_unit: str | None, stop_at_clause: bool, stop_at_aspect: bool
    ) -> tuple[list[_Part], list[str], int]:
        """(parts, doubts, items used) of a breakdown read from its items; reading stops where a
        new clause starts (a ';' before an item that is not a part like the ones before, or an
        item opening with an aspect word when the parts do not)."""
        parts: list[_Part] = []
        doubts: list[str] = []
        pending = ""
        used = 0
        for k, item in enumerate(items):
            clause_break = _is(item[0], "sep", ";")
            p = self.part(item, pending)
            if (
                clause_break
                and stop_at_clause
                and parts
                and (
                    p is None
                    or (p.unit and total_unit and p.unit != total_unit)
                    or (p.aspect and not parts[0].aspect)
                    or any(_opener_at(item, i) for i in range(len(item)))
                )
            ):
                break
            if p is not None and stop_at_aspect and p.aspect and parts and not parts[0].aspect:
                break
            used = k + 1
            if p is None:
                words = [n for n in item if _is(n, "word") and not (n is item[0] and n.text == "va")]
                has_figure = any(_is(n, "pct") or _is(n, "dec") or isinstance(n, Paren) for n in item)
                if words and not has_figure:
                    pending = self.real(words[0].start, words[-1].end)  # "trước hạn, đúng hạn 15.539"
                continue
            pending = ""
            if p.unit and total_unit and p.unit != total_unit:
                doubts.append(f"the part “{p.label}” is counted in {p.unit_text}, not in the total's unit")
                continue
            if p.figures > 1:
                doubts.append(f"the part “{p.label}” holds {p.figures} figures")
                p.value = None
            parts.append(p)
        return parts, doubts, used


def _complete(labels: list[str]) -> bool:
    """Whether two or more labels come from one set of labels that partitions a total."""
    folded = [shadow(label) for label in labels]
    for family in _PARTITIONS:
        hit = {m for m, pattern in enumerate(family) for label in folded if re.search(pattern, label)}
        if len(hit) >= 2:
            return True
    return False


def _label_before(text: str, low: str, pos: int) -> str:
    """The clause before a total: "Bộ phận TN&TKQ UBND xã đã tiếp nhận" / "Tổng số hồ sơ đã giải quyết"."""
    stops = [(m.start(), m.end()) for m in re.finditer(r"[,;:(]\s*", low[:pos])]
    start = stops[-1][1] if stops else 0
    if stops and not low[start:pos].strip() and low[stops[-1][0]] == ":":
        # "Tổng số hồ sơ tiếp nhận: 120 hồ sơ": the clause before the colon names the total
        pos = stops[-1][0]
        start = stops[-2][1] if len(stops) > 1 else 0
    label = text[start:pos]
    return _clean(re.sub(r"(?i)\s*(là|đạt|có|gồm|:)\s*$", "", label))


def _count_label(text: str, low: str, pos: int, unit: str) -> str:
    """ "Tổng số hồ sơ đã giải quyết là" → "hồ sơ đã giải quyết"; "... xã đã tiếp nhận" →
    "hồ sơ tiếp nhận"."""
    clause = _label_before(text, low, pos)
    folded = shadow(clause)  # accent-free, same length: OCR'd "tong so" reads as "tổng số"
    m = re.search(r"\btong(?:\s+(?:so|cong))?\b\s*", folded)
    if m and clause[m.end() :]:
        return clause[m.end() :]
    if m:  # "... xã tiếp nhận tổng số 120 hồ sơ": the verb before the total names it
        words = [w for w in clause[: m.start()].split() if shadow(w) not in ("da", "duoc")]
        return f"{unit} {' '.join(words[-2:])}".strip()
    m = re.search(r"\b(?:trong so|gom)\s+$", folded)
    if m:
        return clause[: m.start()].strip() or unit
    m = re.search(r"\b(?:da|duoc)\s+(.+)$", folded)
    if m:
        return f"{unit} {clause[m.start(1) :]}"
    return unit


def _total_unit(reader: _Reader, nodes: list, i: int) -> tuple[str | None, str, int] | None:
    """(canonical unit, its text, tokens spanned) of the count at i; None when no noun follows
    or it measures time, points or money. An unlisted noun is the unit for up to two words."""
    unit, span = _unit_at(nodes, i + 1)
    if not span:
        words = []
        for k in range(i + 1, min(i + 3, len(nodes))):
            if not _is(nodes[k], "word") or _opener_at(nodes, k) or nodes[k].text == "va":
                break
            words.append(nodes[k])
        if not words or words[0].text in _NOT_COUNT_UNITS:
            return None
        span = len(words)
    return unit, reader.real(nodes[i + 1].start, nodes[i + span].end), span


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
    for node in nodes:
        if _is(node, "stop"):
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
            if i <= consumed_until or not reader.is_count(sent, i):
                continue
            unit_info = _total_unit(reader, sent, i)
            if unit_info is None:
                continue
            unit, unit_text, span = unit_info
            result = _read_breakdown(reader, sent, i, unit, span)
            if result is None:
                continue
            parts, doubts, complete, last = result
            consumed_until = last
            found.append(_Found(_count_value(node.text), node.start, unit_text, parts, doubts, complete))
            for p in parts:  # a part's own parenthesised breakdown
                for paren in p.nested:
                    sub = _read_items(reader, paren.nodes, p.unit or unit, paren_scope=True)
                    if sub is not None and len(sub[0]) >= 2:
                        found.append(
                            _Found(p.value, paren.start, p.unit_text or unit_text, sub[0], sub[1], sub[2], owner=p)
                        )
                    else:
                        found += _breakdowns(reader, paren.nodes)
    return found


def _read_items(reader: _Reader, nodes: list, unit: str | None, paren_scope: bool):
    """(parts, doubts, complete, items used) of the items of a parenthesis or of a clause."""
    body = list(nodes)
    partial = False
    k = 0
    while k < len(body) and (_is(body[k], "sep") or _opener_at(body, k)):
        if _words_at(body, k, "trong", "do"):
            partial = True
        k += _opener_at(body, k) or 1
    items = reader.split_items(body[k:])
    parts, doubts, used = reader.breakdown(items, unit, stop_at_clause=not paren_scope, stop_at_aspect=True)
    if not parts:
        return None
    labels = [p.label for p in parts]
    complete = (paren_scope and not partial and len(parts) >= 2) or _complete(labels)
    return parts, doubts, complete, used, items


def _read_breakdown(reader: _Reader, sent: list, i: int, unit: str | None, span: int):
    """The breakdown of the count at sent[i], if its structure gives one: (parts, doubts,
    complete, index of the last node read)."""
    j = i + 1 + span
    # words naming the total ("215 bản sao chứng thực (", "126 hồ sơ đang giải quyết,")
    while j < len(sent) and _is(sent[j], "word") and not _opener_at(sent, j) and sent[j].text != "va":
        j += 1
    before = reader.low[max(0, sent[i].start - 12) : sent[i].start]
    led = re.search(r"\b(?:trong so|gom|bao gom)\s*:?\s*$", before)
    # a parenthetical breakdown right after the count
    if j < len(sent) and isinstance(sent[j], Paren):
        got = _read_items(reader, sent[j].nodes, unit, paren_scope=True)
        if got is not None and not all(p.value is None for p in got[0]):
            parts, doubts, complete, _used, _items = got
            return parts, doubts, complete, j
        # a parenthesis with no count annotates the total ("(đạt 47,37%)"): read on past it
        j += 1
    # annotations between the total and its opener: ", đạt tỷ lệ 63,2%,"
    k = j
    while k < len(sent):
        if _is(sent[k], "sep") and k + 1 < len(sent) and _opener_at(sent, k + 1):
            k += 1
            break
        if _opener_at(sent, k):
            break
        if reader.is_count(sent, k) or _is(sent[k], "frac") or (_is(sent[k], "sep", ";")):
            k = len(sent)
            break
        if isinstance(sent[k], Paren) and any(reader.is_count(sent[k].nodes, m) for m in range(len(sent[k].nodes))):
            k = len(sent)
            break
        k += 1
    if k < len(sent) and _opener_at(sent, k):
        exhaustive = not _words_at(sent, k, "trong", "do")  # "gồm" states the whole
        got = _read_items(reader, sent[k:], unit, paren_scope=False)
        if got is None:
            return None
        parts, doubts, complete, used, items = got
        last = _last_index(sent, items[:used]) if used else k
        return parts, doubts, complete or (exhaustive and len(parts) >= 2), last
    # "gồm 72 hồ sơ, có 60 ... và 12 ...": only a counting unit makes a total here ("bao gồm 04
    # máy tính bàn, 02 máy in, ..." is a list of things)
    if led and unit is not None and j < len(sent) and _is(sent[j], "sep", ","):
        got = _read_items(reader, sent[j + 1 :], unit, paren_scope=False)
        if got is None or len(got[0]) < 2:
            return None
        parts, doubts, complete, used, items = got
        exhaustive = "gom" in led[0]
        return parts, doubts, complete or exhaustive, _last_index(sent, items[:used])
    return None


def _last_index(sent: list, items: list[list]) -> int:
    last = items[-1][-1] if items and items[-1] else None
    return next((k for k, n in enumerate(sent) if n is last), len(sent) - 1)


_RATIO = re.compile(
    r"(?<![\d/.,])(?P<done>\d{1,5})\s*/\s*(?P<total>\d{1,5})(?![\d/.,])"
    r"\s+(?P<unit>[a-zđ]+(?:\s+[a-zđ]+)?)(?P<tail>[^(,;.]*)"
)


def _count_value(raw: str) -> float | None:
    parsed = parse_number(raw, kind="count")
    return parsed.value if parsed else None


_DEFAULT = NarrativeSettings()


def find_counts(doc: IngestedDocument, settings: NarrativeSettings = _DEFAULT) -> list[Count]:
    out: list[Count] = []
    for line in reading_lines(doc):
        text = line.text
        low = shadow(text)
        reader = _Reader(text, low)
        of_part: dict[int, Count] = {}  # id of a part → the count it is a part of
        for f in _breakdowns(reader, nest(tokenize(low))):
            parent = of_part.get(id(f.owner)) if f.owner is not None else None
            if f.owner is not None:
                label = f.owner.label or f.unit_text
            else:
                label = _count_label(text, low, f.at, f.unit_text)
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


def _ratio_counts(text: str, low: str, line, settings: NarrativeSettings, out: list[Count]) -> None:
    """ "hoàn thành 15/19 nhiệm vụ": total 19, one part 15; "7/12 ..., còn 5/12 ..." two parts."""
    for m in _RATIO.finditer(low):
        unit_low = m.group("unit")
        if unit_low.split()[0] in _NOT_COUNT_UNITS or _NOT_COUNT_BEFORE.search(low[: m.start()]):
            continue
        if not text[m.start("unit")].islower():
            continue
        done, total = _count_value(m.group("done")), _count_value(m.group("total"))
        if done is None or total is None or done > total:
            continue
        words = _label_before(text, low, m.start("done")).split()
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
            and "/" in previous.text
        ):
            previous.parts.append(CountPart(label=part_label, value=done))  # "7/12 ..., còn 5/12 ..."
            previous.complete = True  # fractions of one total, side by side: its shares
            continue
        out.append(
            Count(
                text=text.strip(),
                label=unit,
                total=total,
                parts=[CountPart(label=part_label, value=done)],
                unit=unit,
                confidence=_line_confidence(line, settings),
                source=_source(line),
            )
        )
