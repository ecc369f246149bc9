"""What a count counts, where a report prints it elsewhere than right after the number.

Two shapes of real reports (``counts`` reads the rest):

- the kinds listed after the number, then their figures in brackets: "Toàn xã hiện có 24 cán bộ,
  công chức (11 cán bộ, 13 công chức)", "15 phản ánh, kiến nghị (10 phản ánh, 5 kiến nghị)". The
  comma inside the total's noun phrase is no clause break here: the bracket breaks the total down
  because each of its figures counts one of the kinds just listed. A bracket whose figures name other
  things is not taken (nothing says whose breakdown it is);
- the unit named before the number, as a heading of the figure: "Số hồ sơ đã giải quyết: 7.655 (…)",
  "Tổng số hồ sơ tiếp nhận là 1.208, trong đó …". The count's unit is the one the heading names.
"""

from __future__ import annotations

import regex as re

from extract.segment.count_words import UNIT_KEYS, UNITS, Paren, is_tok, opener_at
from extract.segment.narrative import shadow
from normalize.lazy_regex import lazy_compile

# The kinds listed: a few words each, joined by "," or "và" (more would be a clause, not a list).
_MAX_KINDS = 4
_MAX_KIND_WORDS = 6

# "số hồ sơ đã giải quyết:" / "tổng số TTHC tiếp nhận là" right before the number (accent-free).
_UNIT_HEADING = lazy_compile(
    r"(?:^|[\s(,;:.])(?:tong )?so (?:luong )?(?P<unit>" + "|".join(re.escape(u) for u in UNIT_KEYS) + r")\b"
    r"(?P<rest>[^\d,;()%.:]{0,60}?)\s*(?::|\bla)\s*$"
)


def listed_kinds(sent: list, j: int, first_kind: str) -> tuple[list[str], int] | None:
    """(the kinds, index of the bracket) when the nodes from ``j`` (after the total's first noun,
    ``first_kind``) list more kinds up to a bracket: ", công chức (" / " và công chức ("; None
    otherwise."""
    kinds = [first_kind]
    k = j
    while k < len(sent) and len(kinds) <= _MAX_KINDS:
        joiner = sent[k]
        if not (is_tok(joiner, "sep", ",") or is_tok(joiner, "word", "va")) or opener_at(sent, k + 1):
            return None
        words = []
        k += 1
        while k < len(sent) and is_tok(sent[k], "word") and sent[k].text != "va" and not opener_at(sent, k):
            words.append(sent[k].text)
            k += 1
        if not words or len(words) > _MAX_KIND_WORDS:
            return None
        kinds.append(" ".join(words))
        if k < len(sent) and isinstance(sent[k], Paren):
            return kinds, k
    return None


def parts_name_kinds(labels: list[str], kinds: list[str]) -> bool:
    """Whether every part is labelled by one of the kinds listed ("11 cán bộ" under "cán bộ,
    công chức"), and the parts name two kinds at least."""
    named = set()
    for label in labels:
        folded = " ".join(shadow(label).split())
        kind = next((x for x in kinds if folded == x or folded.startswith(x + " ")), None)
        if kind is None:
            return False
        named.add(kind)
    return len(named) >= 2


def kinds_broken_down(labels: list[str], kinds: list[str], low: str, bracket: Paren) -> bool:
    """Whether the bracket after the kinds listed breaks the total down: its parts name the kinds
    ("15 phản ánh, kiến nghị (10 phản ánh, 5 kiến nghị)"), or each part is counted in the whole
    noun phrase the total is ("30 phản ánh, kiến nghị (đã xử lý xong: 18 phản ánh, kiến nghị; đang
    xem xét, xử lý: 12 phản ánh, kiến nghị)": the phrase once a part, its comma no list)."""
    if parts_name_kinds(labels, kinds):
        return True
    whole = ", ".join(kinds)
    inside = " ".join(low[bracket.start + 1 : bracket.end].split())
    return len(labels) >= 2 and len(re.findall(rf"\d\s+{re.escape(whole)}(?![^\W\d_])", inside)) == len(labels)


def unit_named_before(low: str, start: int) -> tuple[str, int, int] | None:
    """(canonical unit, where its words start and end in the line) of a count whose heading names
    its unit ("Số hồ sơ đã giải quyết: 7.655"), None when the words before name none."""
    offset = max(0, start - 90)
    m = _UNIT_HEADING.search(low[offset:start])
    if m is None:
        return None
    return UNITS[m.group("unit")], offset + m.start("unit"), offset + m.end("unit")
