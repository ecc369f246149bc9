"""A deadline listing quarters out of order, on an OCR'd plan (issue 14): "Quý II - II" read for
"Quý II - III", "Quý I, II, II, IV" for "Quý I, II, III, IV". A plan lists a task's quarters from
the first to the last, each once; OCR drops or merges one of a numeral's like strokes, and what is
left is a quarter too, so the reading of each numeral alone shows nothing. The list does: a
quarter repeated, or one before the quarter listed ahead of it, is a numeral misread — doubted,
the reading kept (``task_doubts.doubt_tasks`` queues the row).

The list also says which numeral to put right when only one stroke added to one of them orders it
(``stroke_lost``): "Quý II - II" is "Quý II - III", "Quý I, II, II, IV" is "Quý I, II, III, IV".
A stroke lost is what a scan does to a run of like strokes (the strokes' serifs join); a stroke added
would as often order the list another way ("Quý II, II": "Quý I, II" too) and is not guessed. The
row stays queued, the reading in its doubt."""

from __future__ import annotations

from normalize.lazy_regex import lazy_compile

_NUMERAL = r"(?:IV|I{1,3})"
# "Quý II - III", "Quý I, II, III, IV", "Quý II và III", "Quý II đến quý IV": numerals after one
# "Quý", parted by a dash, a comma, "và" or "đến" (the word "quý" again allowed before each).
_LIST = lazy_compile(rf"(?i)\bqu[ýy]\s+({_NUMERAL}(?:\s*(?:[-–,]|và|đến)\s*(?:qu[ýy]\s+)?{_NUMERAL})+)(?![\p{{L}}\d])")
_EACH = lazy_compile(rf"(?<![\p{{L}}]){_NUMERAL}(?![\p{{L}}])")
_RANK = {"I": 1, "II": 2, "III": 3, "IV": 4}
# A numeral with one stroke more: what OCR read when it lost one of a run's strokes.
_ONE_MORE = {"I": "II", "II": "III"}
# (the prefix ``task_doubts.DOUBT`` every doubt of a task field carries)
DOUBT_OUT_OF_ORDER = "doubt: deadline: quarters listed out of order"


def quarter_list_doubts(deadline: str) -> list[str]:
    """The doubt of a deadline whose listed quarters repeat or run backwards; none otherwise."""
    for m in _LIST.finditer(deadline or ""):
        ranks = [_RANK[n.upper()] for n in _EACH.findall(m.group(1).upper().replace("QUÝ", " ").replace("QUY", " "))]
        if any(b <= a for a, b in zip(ranks, ranks[1:])):
            return [f"{DOUBT_OUT_OF_ORDER} ('{m.group(0)}'): a numeral's stroke OCR lost or added?"]
    return []


# The numerals no miscount of a run of like strokes makes: the longest run (OCR loses a stroke of a
# run, so a III read is printed III) and IV (a V is no stroke of a run): ``quarter_as_printed``'s.
_AS_PRINTED = frozenset({"III", "IV"})


def listed_as_printed(deadline: str) -> bool:
    """Whether the deadline lists quarters in order, every numeral of it III or IV ("Quý III -
    IV/2023"), and names no other quarter: each numeral is as printed, as a single quarter III or
    IV is (``task_deadline_doubts.quarter_as_printed``). A list holding a I or a II ("Quý II -
    IV") may have lost a stroke and is not. Seed 18221's S21 scan: two rows' "Quý III - IV/2023",
    read right at 0.69 and 0.77, queued for that alone."""
    lists = list(_LIST.finditer(deadline or ""))
    if len(lists) != 1:
        return False
    numerals = _EACH.findall(deadline.upper())
    listed = _EACH.findall(lists[0].group(1).upper().replace("QUÝ", " ").replace("QUY", " "))
    return (
        len(numerals) == len(listed) and all(n in _AS_PRINTED for n in listed) and _ordered([_RANK[n] for n in listed])
    )


def _ordered(ranks: list[int]) -> bool:
    return all(b > a for a, b in zip(ranks, ranks[1:]))


def stroke_lost(deadline: str) -> str | None:
    """The deadline with its listed quarters put in order by one stroke added to one numeral, when
    the list runs out of order and exactly one such numeral orders it; None otherwise."""
    for m in _LIST.finditer(deadline or ""):
        numerals = [(m.start(1) + n.start(), n.group()) for n in _EACH.finditer(m.group(1))]
        ranks = [_RANK[text] for _, text in numerals]
        if _ordered(ranks) or len(numerals) < 2:
            continue
        fits = []
        for k, (_, text) in enumerate(numerals):
            more = _ONE_MORE.get(text)
            if more is not None and _ordered([*ranks[:k], _RANK[more], *ranks[k + 1 :]]):
                fits.append((k, more))
        if len(fits) != 1:
            return None
        k, more = fits[0]
        at, text = numerals[k]
        return deadline[:at] + more + deadline[at + len(text) :]
    return None
