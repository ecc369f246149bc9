"""A deadline listing quarters out of order, on an OCR'd plan (issue 14): "Quý II - II" read for
"Quý II - III", "Quý I, II, II, IV" for "Quý I, II, III, IV". A plan lists a task's quarters from
the first to the last, each once; OCR drops or merges one of a numeral's like strokes, and what is
left is a quarter too, so the reading of each numeral alone shows nothing. The list does: a
quarter repeated, or one before the quarter listed ahead of it, is a numeral misread — doubted,
the reading kept (``task_doubts.doubt_tasks`` queues the row)."""

from __future__ import annotations

from normalize.lazy_regex import lazy_compile

_NUMERAL = r"(?:IV|I{1,3})"
# "Quý II - III", "Quý I, II, III, IV", "Quý II và III", "Quý II đến quý IV": numerals after one
# "Quý", parted by a dash, a comma, "và" or "đến" (the word "quý" again allowed before each).
_LIST = lazy_compile(rf"(?i)\bqu[ýy]\s+({_NUMERAL}(?:\s*(?:[-–,]|và|đến)\s*(?:qu[ýy]\s+)?{_NUMERAL})+)(?![\p{{L}}\d])")
_EACH = lazy_compile(rf"(?<![\p{{L}}]){_NUMERAL}(?![\p{{L}}])")
_RANK = {"I": 1, "II": 2, "III": 3, "IV": 4}
# (the prefix ``task_doubts.DOUBT`` every doubt of a task field carries)
DOUBT_OUT_OF_ORDER = "doubt: deadline: quarters listed out of order"


def quarter_list_doubts(deadline: str) -> list[str]:
    """The doubt of a deadline whose listed quarters repeat or run backwards; none otherwise."""
    for m in _LIST.finditer(deadline or ""):
        ranks = [_RANK[n.upper()] for n in _EACH.findall(m.group(1).upper().replace("QUÝ", " ").replace("QUY", " "))]
        if any(b <= a for a, b in zip(ranks, ranks[1:])):
            return [f"{DOUBT_OUT_OF_ORDER} ('{m.group(0)}'): a numeral's stroke OCR lost or added?"]
    return []
