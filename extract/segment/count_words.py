"""The words of narrative counts: tokens of an accent-free line, parentheses nested, counting
units, the openers and aspect words a breakdown's grammar turns on (``counts`` reads it), the
label sets that partition a total, and the label a count's clause gives it."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex as re

from extract.segment.narrative import _clean, shadow
from normalize.lazy_regex import lazy_compile

_WHOLE_NUMBER = lazy_compile(r"\d+|\d{1,3}(?:\.\d{3})+")

# Counting units (accent-free) and the unit they count in: a part in a unit other than its
# total's is not one of its parts. A noun not listed ("3 kế hoạch" under "28 văn bản") names the
# part's kind, in the total's unit. Longest first where one starts another.
UNITS = {
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
UNIT_KEYS = sorted(UNITS, key=lambda u: -len(u))
# Words that never count: a total's "unit" cannot be one of these.
NOT_COUNT_UNITS = ("diem", "nam", "thang", "ngay", "gio", "phut", "dong", "trieu", "ty", "nghin")
# "số 12", "thứ 36", "mức độ 2": a number or rank, not a count ("tổng số 120" is one).
NOT_COUNT_BEFORE = lazy_compile(
    r"(?:ngay|thang|thu|(?<!tong |trong )so|quy|nam|muc do|muc|vi tri thu|tieu chi|phu luc|dieu|khoan|chuong"
    r"|lan thu)\s*$"
)
# Words that round the figure after them ("gần 900 hồ sơ", "trên 9.700", "hơn 4.300", "khoảng 30"):
# a total or a part so stated is no exact figure, its breakdown cannot be summed either way.
_APPROX_BEFORE = lazy_compile(r"\b(?:gan|tren|hon|khoang|xap xi|uoc(?: tinh| dat| khoang)?)\s*$")
# Words that open a new predicate: a clause starting with one is a sibling of the total.
ASPECT = ("da", "dang", "duoc", "se", "con")
# Sets of labels that partition a total: two parts labelled from one set make a complete list.
PARTITIONS = (
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

_TOKEN = lazy_compile(
    r"""
     (?P<pct>\d+(?:[.,]\d+)*\s?%)
    |(?P<frac>(?:\d{1,3}(?:\.\d{3})+|\d+)(?:\s*/\s*(?:\d{1,3}(?:\.\d{3})+|\d+))+)
    |(?P<num>\d+(?:[.,]\d+)*)
    |(?P<glued>[^\W\d_]+\d[^\W_]*)
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
    rounded: bool = False  # a figure in thousands ("10,18 ngàn"): its count, rounded by its writer


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
        if kind == "num" and not _WHOLE_NUMBER.fullmatch(m[0]):
            kind = "dec"
        if kind == "glued":
            # a digit glued after letters is OCR's letter ("s6" for số, "c6ng" for công): a word
            kind = "word"
        out.append(Tok(kind, m.start(), m.end(), m[0]))
    return _in_thousands(out)


# Words that count a figure in thousands ("10,18 ngàn hồ sơ", "5 nghìn lượt").
_THOUSANDS = ("ngan", "nghin")


def _thousands_value(text: str) -> int | None:
    """The count of a figure written in thousands: "10,18" → 10180, "7,7" → 7700, "5" → 5000 (a
    comma is the decimal mark; a dot before three digits groups them, else it is the mark)."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
        figure = text.replace(".", "")
    else:
        figure = text.replace(".", "", text.count(",") and text.count(".")).replace(",", ".")
    try:
        return round(float(figure) * 1000)
    except ValueError:
        return None


def _in_thousands(tokens: list[Tok]) -> list[Tok]:
    """A figure followed by "ngàn"/"nghìn" made one count token of its value, marked rounded: a
    report writes "tiếp nhận 5,65 ngàn hồ sơ … 1,07 ngàn HS …" for figures it rounded, so the reader
    takes them as counts whose sums are not exact ("nghìn đồng" stays money: its unit is no count)."""
    out: list[Tok] = []
    k = 0
    while k < len(tokens):
        t = tokens[k]
        after = tokens[k + 1] if k + 1 < len(tokens) else None
        value = _thousands_value(t.text) if t.kind in ("num", "dec") else None
        if after is not None and after.kind == "word" and after.text in _THOUSANDS and value is not None:
            out.append(Tok("num", t.start, after.end, str(value), rounded=True))
            k += 2
            continue
        out.append(t)
        k += 1
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


def approximate(low: str, start: int) -> bool:
    """Whether the figure starting at ``start`` of an accent-free line is stated as approximate."""
    return bool(_APPROX_BEFORE.search(low[max(0, start - 16) : start]))


def is_tok(node, kind: str, text: str | None = None) -> bool:
    return isinstance(node, Tok) and node.kind == kind and (text is None or node.text == text)


def words_at(nodes: list, i: int, *words: str) -> bool:
    return all(i + k < len(nodes) and is_tok(nodes[i + k], "word", w) for k, w in enumerate(words))


def opener_at(nodes: list, i: int) -> int:
    """Length in tokens of a breakdown opener at i ("trong đó", "trong số đó", "trong số này",
    "gồm", "bao gồm", "cụ thể như sau", "cụ thể:"), else 0."""
    if partial_opener_at(nodes, i):
        return 3 if words_at(nodes, i, "trong", "so") else 2
    if words_at(nodes, i, "bao", "gom"):
        return 2
    # "cụ thể như sau:", "Cụ thể: …": the parts that follow state the whole (never "cụ thể" inside a
    # sentence, "kế hoạch cụ thể", with no colon or "như sau" after it)
    if words_at(nodes, i, "cu", "the", "nhu", "sau"):
        return 4
    if words_at(nodes, i, "cu", "the") and i + 2 < len(nodes) and is_tok(nodes[i + 2], "sep", ":"):
        return 2
    if words_at(nodes, i, "gom"):
        return 1
    return 0


def partial_opener_at(nodes: list, i: int) -> bool:
    """Whether an opener at i may name only some of the parts: "trong đó", and "trong số đó" /
    "trong số này" (the same "of which" with the total named again by a demonstrative)."""
    return words_at(nodes, i, "trong", "do") or any(words_at(nodes, i, "trong", "so", d) for d in ("do", "nay"))


def unit_at(nodes: list, i: int) -> tuple[str | None, int]:
    """(canonical unit, tokens it spans) of the words from i, or (None, 0)."""
    words = []
    for node in nodes[i : i + 3]:
        if not is_tok(node, "word"):
            break
        words.append(node.text)
    joined = " ".join(words)
    for key in UNIT_KEYS:
        if joined == key or joined.startswith(key + " "):
            return UNITS[key], len(key.split())
    return None, 0


def complete_labels(labels: list[str]) -> bool:
    """Whether two or more labels come from one set of labels that partitions a total."""
    folded = [shadow(label) for label in labels]
    for family in PARTITIONS:
        hit = {m for m, pattern in enumerate(family) for label in folded if re.search(pattern, label)}
        if len(hit) >= 2:
            return True
    return False


def partition_labels(labels: list[str]) -> bool:
    """Whether every label is a member of one set of labels that partitions a total, two or more
    members named (``complete_labels`` asks only the two: a list may hold other counts beside)."""
    folded = [shadow(label) for label in labels]
    for family in PARTITIONS:
        hits = [{m for m, pattern in enumerate(family) if re.search(pattern, label)} for label in folded]
        if all(hits) and len(set().union(*hits)) >= 2:
            return True
    return False


def label_before(text: str, low: str, pos: int) -> str:
    """The clause before a total: "Bộ phận TN&TKQ UBND xã đã tiếp nhận" / "Tổng số hồ sơ đã giải quyết"."""
    stops = [(m.start(), m.end()) for m in re.finditer(r"[,;:(]\s*", low[:pos])]
    start = stops[-1][1] if stops else 0
    if stops and not low[start:pos].strip() and low[stops[-1][0]] == ":":
        # "Tổng số hồ sơ tiếp nhận: 120 hồ sơ": the clause before the colon names the total
        pos = stops[-1][0]
        start = stops[-2][1] if len(stops) > 1 else 0
    label = text[start:pos]
    return _clean(re.sub(r"(?i)\s*(là|đạt|có|gồm|:)\s*$", "", label))


def count_label(text: str, low: str, pos: int, unit: str) -> str:
    """ "Tổng số hồ sơ đã giải quyết là" → "hồ sơ đã giải quyết"; "... xã đã tiếp nhận" →
    "hồ sơ tiếp nhận"."""
    clause = label_before(text, low, pos)
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


def kin_units(sent: list, i: int, span: int) -> frozenset[str]:
    """The other counting units a total names beside its own ("11 cơ quan, đơn vị, trong đó có 9
    cơ quan … và 2 đơn vị …", "cơ quan và đơn vị"): one count of both kinds, so a part in either
    is its part; before, the part in the second was dropped as another unit's, a fault unseen."""
    j = i + 1 + span
    if not span or j >= len(sent) or not (is_tok(sent[j], "sep", ",") or is_tok(sent[j], "word", "va")):
        return frozenset()
    unit, _span = unit_at(sent, j + 1)
    return frozenset() if unit is None else frozenset({unit})
