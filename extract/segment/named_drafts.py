"""Whether a figure-less coded draft of an OCR'd line table is a row of its own.

``finish_table`` lets code repair fold an OCR'd draft that printed a code and no figures into the
row above (``absorbable``): a wrapped name's line opening with a count ("2 năm"), a speck read as
a digit, an explanation's numbered line. A draft whose name opens with, whole, a catalogued
criterion's name is none of those: it is a criterion's row whose points OCR lost (or printed on a
line the reader gave the row above), "1.1.2 -Mức độ hoàn thành kế Hoa cải cách hành :" over a
garbled line. It is kept as a row where the repair keeps the code it prints, or where the rows
around it leave its repaired code the one place ("9. Xây dựng và nâng cao chất lượng đội ngũ"
between rows 4 and 6 is 5): elsewhere a code the repair changes on a row with no figures to place
it is a guess ("15" made 1.3 after 1.2, the rows 1.3 and 1.4 lost above it, when it is 1.5), and a
row guessed wrong is a row invented; such a draft is folded as before (its loss is told as the
numbering's gap)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from extract.segment.line_common import LineTableSettings
from extract.segment.line_split import criterion_name_prefix, is_criterion_name
from extract.segment.line_words import unspecked
from extract.segment.row_draft import RowDraft
from normalize.code_repair import CodeChoice
from normalize.codes import CriterionCode


def names_own_row(draft: RowDraft, settings: LineTableSettings = LineTableSettings()) -> bool:
    """The draft's name is, whole, a catalogued criterion name, or opens with one."""
    tokens = unspecked(draft.name)
    if len(tokens) < 2:
        return False
    return is_criterion_name(tokens, settings) or criterion_name_prefix(tokens, settings) > 0


def repair_named(
    drafts: Sequence[RowDraft],
    ocr: bool,
    repair: Callable[[list[bool]], list[CodeChoice]],
    settings: LineTableSettings = LineTableSettings(),
) -> list[CodeChoice]:
    """The drafts' codes repaired (``repair`` given which drafts it may fold into the row above):
    an OCR'd draft with a code and no figures may be folded, unless its name is a criterion's
    (``names_own_row``) and its code is sure (printed, or the one place left: ``_one_place``)."""
    base = [ocr and d.n_numbers == 0 and d.code is not None for d in drafts]
    named = [b and names_own_row(d, settings) for b, d in zip(base, drafts)]
    if not any(named):
        return repair(base)
    choices = repair([b and not n for b, n in zip(base, named)])
    guessed = [
        n and (c.absorbed or (c.repaired or c.inferred) and not _one_place(choices, i))
        for i, (n, c) in enumerate(zip(named, choices))
    ]
    if not any(guessed):
        return choices
    return repair([b and (not n or g) for b, n, g in zip(base, named, guessed)])


def _one_place(choices: Sequence[CodeChoice], i: int) -> bool:
    """The code chosen for row ``i`` is the one the codes around it leave: it comes right after the
    row above's (its next sibling or first child) and the row below's comes right after it."""
    code = choices[i].code
    above = next((c.code for c in reversed(choices[:i]) if c.code is not None), None)
    below = next((c.code for c in choices[i + 1 :] if c.code is not None), None)
    if code is None or above is None or below is None:
        return False
    return _next(above, code) and _next(code, below)


def _next(code: CriterionCode, after: CriterionCode) -> bool:
    """``after`` is ``code``'s next sibling or its first child."""
    if after.roman != code.roman or not after.path:
        return False
    if after.path == (*code.path, 1):
        return True
    return (
        len(after.path) == len(code.path) and after.path[:-1] == code.path[:-1] and after.path[-1] == code.path[-1] + 1
    )
