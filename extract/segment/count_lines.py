"""A count's breakdown printed over the paragraphs under it: the count's sentence ends with its
opener and a colon ("Giải quyết 594 hồ sơ, cụ thể như sau:", "…, trong đó:", "… bao gồm:") and each
part is an item paragraph of its own ("- Trước hạn: 247 hồ sơ;", "+ Trực tuyến: 461 hồ sơ;"), the
last closed by a full stop. The counts reader reads one paragraph at a time, so such a sentence is
joined with its items into one before it is read; an item list under a sentence with no opener
(a list of tasks, of measures) is left as it is."""

from __future__ import annotations

from extract.model import Line
from extract.segment.narrative import NarrativeSettings, shadow
from extract.segment.paragraphs import _join
from normalize.lazy_regex import lazy_compile

# A sentence ending with a breakdown's opener and its colon (accent-free shadow).
_OPENS_ITEMS = lazy_compile(
    r"(?<![a-z])(?:trong do|trong so do|trong so nay|bao gom|gom|cu the(?:\s+nhu sau)?)\s*:\s*$"
)
# An item paragraph: a dash, a plus or a bullet before its words.
_ITEM = lazy_compile(r"^\s*[-+•–]\s*\S")
# An item closing its list: the list's sentence ends with it.
_CLOSES = lazy_compile(r"\.\W{0,2}$")


def with_item_breakdowns(lines: list[Line], settings: NarrativeSettings = NarrativeSettings()) -> list[Line]:
    """``lines`` with each sentence that opens a breakdown with a colon joined to the item
    paragraphs right under it (up to ``breakdown_item_lines``; the list ends at a line that is no
    item or an item closing its sentence)."""
    out: list[Line] = []
    taking = 0  # items the last line may still take
    for line in lines:
        if taking and _ITEM.match(line.text) and line.page == out[-1].page:
            out[-1] = _join(out[-1], line)
            taking = 0 if _CLOSES.search(line.text) else taking - 1
            continue
        out.append(line)
        taking = settings.breakdown_item_lines if _OPENS_ITEMS.search(shadow(line.text)) else 0
    return out
