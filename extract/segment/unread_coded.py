"""Rows kept from a garbled OCR-dump table held to the document's criteria set
(``unread.withdraw_unsure_tables``): a kept row must be the criterion its code says, or take the
code its name clearly is; and a kept row's name must be made of words."""

from __future__ import annotations

import regex as re

from normalize.criteria import CriteriaSet
from normalize.criteria.match import FLAG_CODE_BY_NAME, criterion_named, wording_similarity
from normalize.vietnamese.syllable import is_syllable_shape


def syllables(name: str) -> int:
    """How many words of ``name`` are shaped as Vietnamese syllables (OCR's specks are not)."""
    return sum(1 for word in re.findall(r"\p{L}+", name) if is_syllable_shape(word))


def as_coded(sure: list, rows: list, criteria: CriteriaSet, wording_min: float, recode_min: float) -> list:
    """The sure rows that are the criteria their codes say: a name near its code's wording. A row
    whose name is, clearly, another criterion's that no row of the table holds takes that code (OCR
    misread the digit); one whose name is clearly another criterion's that a row holds, or one of
    another level, is left out (rows shifted). A name that is clearly no criterion's (a wrapped
    second line of its own, garbled) says nothing against its code: the row stays. ``wording_min``
    and ``recode_min`` are ``UnreadSettings.sure_wording_min`` and ``sure_recode_min``."""
    by_code = criteria.by_code()
    taken = {str(r.code) for r in rows if r.code}
    kept = []
    for row in sure:
        own = by_code.get(str(row.code))
        names = [n for n in (row.name, row.name_raw) if n]
        if own is not None and max(wording_similarity(n, own.name) for n in names) >= wording_min:
            kept.append(row)
            continue
        near, crit = criterion_named(row.name_raw or row.name, criteria) or (0.0, None)
        if crit is None or near < recode_min:
            kept.append(row)  # a name no criterion's: nothing to hold it to
            continue
        # A misread digit keeps the code's depth: a name of another level's criterion is a row out of place.
        if crit.code not in taken and crit.code.count(".") == str(row.code).count("."):
            taken.discard(str(row.code))
            taken.add(crit.code)
            row.code, row.parent = crit.code, crit.parent or None
            row.flags.append(f"{FLAG_CODE_BY_NAME}:{criteria.id}")
            kept.append(row)
    return kept
