"""Rows kept from a garbled OCR-dump table held to the document's criteria set
(``unread_withdrawn.withdraw_unsure_tables``): a kept row must be the criterion its code says, or take the
code its name clearly is; and a kept row's name must be made of words."""

from __future__ import annotations

import regex as re

from normalize.criteria import CriteriaSet
from normalize.criteria.match import FLAG_CODE_BY_NAME
from normalize.criteria.match_settings import FLAG_MAX_DIFFERS, FLAG_MAX_FROM_SET, FLAG_READING_BY_SET, FLAG_SNAPPED
from normalize.criteria.name_agreement import criterion_named, wording_similarity
from normalize.text import fold
from normalize.vietnamese.syllable import is_syllable_shape


def syllables(name: str, min_letters: int = 1) -> int:
    """How many words of ``name`` (of at least ``min_letters`` letters) are shaped as Vietnamese
    syllables (OCR's specks are not)."""
    return sum(1 for word in re.findall(r"\p{L}+", name) if len(word) >= min_letters and is_syllable_shape(word))


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


def placed_by_set(row) -> bool:
    """A row whose code OCR lost, kept from a garbled table all the same: its name took its
    place's wording, and its maximum was read (not taken from the set) and is the set's (name and
    points both say the place is right)."""
    return (
        row.max_points is not None
        and any(f.startswith(FLAG_SNAPPED) for f in row.flags)
        and not any(f.startswith((FLAG_MAX_DIFFERS, FLAG_MAX_FROM_SET, FLAG_READING_BY_SET)) for f in row.flags)
    )


def sure_row(row, min_name_syllables: int) -> bool:
    """A row of a table with unsure rows kept on its own: its code (printed as such, not pieced
    together from digits that lost their dots, or given back by the criteria set's name), a name
    of words, and points. A row with no code is a stray line (a header, a stamp) taken for a row;
    one with neither points nor a printed code is a name run into the next row's."""
    return (
        bool(row.code)
        and "code_repaired" not in row.flags
        and syllables(row.name) >= min_name_syllables
        and (row.max_points is not None or row.self_points is not None)
    )


def unplaced(row, criteria: CriteriaSet, max_tolerance: float, named_min: float) -> bool:
    """A row of an OCR dump coded by its place alone that nothing puts there: its name is no
    criterion's (not taken to the set's wording, not coded by it, not at least ``named_min`` near
    any criterion's wording), and its maximum is missing, or is not the set's maximum for that
    code, or the set has no such code. What OCR made of a ruling line, a stamp or a name's wrapped
    line ("Bồi cong nề HE 7| 78 8") taken for a row: its numbers would go into the sums as a
    criterion's. ``max_tolerance``: ``UnreadSettings.unplaced_max_tolerance``."""
    if "code_inferred" not in row.flags or not row.code:
        return False
    if any(f.startswith((FLAG_SNAPPED, FLAG_CODE_BY_NAME)) for f in row.flags):
        return False
    own = criteria.by_code().get(str(row.code))
    if own is not None and row.max_points is not None and own.max_points is not None:
        if abs(own.max_points - row.max_points) <= max_tolerance:
            return False
    names = [n for n in (row.name, row.name_raw) if n]
    return all((criterion_named(n, criteria) or (0.0, None))[0] < named_min for n in names)


def no_row_lost(row, above) -> bool:
    """A row taken out (``unplaced``) that holds no criterion of its own, so telling it as rows
    not read would claim a loss where none was: no printed code and no word of a name (a scale
    line's figures, "+ Không ban hành: 0 s 1"), or a name that is the tail of the row above's (its
    wrapped line, "pháp luật tại tỉnh" under "… văn bản quy phạm pháp luật tại tỉnh"). A
    criterion OCR lost whole is told by the set's gaps (``set_gaps``), not by this line."""
    if row.code_raw:
        return False
    # (letters alone, "Ỹ", "i i", "@Q@)o": a tick or a rule's ink OCR read as a vowel; no criterion's
    # name is made of one-letter words)
    if syllables(row.name, min_letters=2) == 0:
        return True
    tail = " ".join(fold(row.name).split())
    return above is not None and " ".join(fold(above.name).split()).endswith(tail)


def below_printed_levels(row, rows: list, min_name_syllables: int) -> bool:
    """A row of an OCR dump coded by its place alone one level deeper than any code the table
    prints ("1.1.1.1" in a table whose deepest printed code is "1.1.1"), with no name of words
    (fewer than ``min_name_syllables`` syllables): a scale line's wrap or OCR's specks beside
    numbers ("T : 5 5"), the table's own numbering has no place for it."""
    if "code_inferred" not in row.flags or not row.code:
        return False
    printed = max((r.level for r in rows if r.code and "code_inferred" not in r.flags), default=0)
    return row.level > printed > 0 and syllables(row.name) < min_name_syllables


def garbage_row(row, min_name_syllables: int) -> bool:
    """A row of an OCR dump, no criteria set recognised, that is no row: its name has fewer than
    ``min_name_syllables`` words shaped as syllables ("GF êê", "oe 0"), or its code was not printed
    (inferred from its place, or pieced from digits that lost their dots) so nothing puts it in
    the table's numbering. A table of such rows alone is withdrawn whole (``withdraw_unsure_tables``):
    kept, they would be invented rows, and they hide the region from the criteria set's wording
    (``set_rows``), which finds the rows its lines still name."""
    unprinted = not row.code or "code_inferred" in row.flags or "code_repaired" in row.flags
    return unprinted or syllables(row.name) < min_name_syllables
