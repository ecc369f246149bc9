"""A row's name cut out of the text read on its own lines by its printed code's wording.

OCR glues a row's name to what its line holds besides: the shading's garbage after a shaded
row's name ("KếhoạchCCHC năm BE E72iviEirii IS nã..."), the line above's words before it (a
field's heading whose code was lost, "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH. Kéhoach CCHC năm"; the scale
line of the row above, "Dưới 70% kế hoạch: Báo cáo CCHC jm. j..."), or the explanation after it.
The line parser may also leave the name's place to another line's words and read the name
itself into the explanation ("lệ Lệ dân." named, "47/08/2014 Kiểm tra công tác CCHC ưu êê" its
explanation). The whole string is then too far from the wording for the set's snap, and the row
reads as another one. Where the row's printed code is a criterion of the set recognised, and its
name and explanation, read as one run of letters (folded, spaces dropped: OCR glues and splits
words), hold that criterion's wording as one stretch with few letters edited, and no other
criterion's longer wording is read over that stretch, the tokens of that stretch are the name;
the tokens after it are the explanation (the explanation's words before it stay there too); the
name's words before it are no part of the row (the text read stays in ``name_raw``). Nothing is
taken from the set that the text does not print: the set's snap then compares the name cut with
the wording as it compares any name read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex as re

from normalize.criteria import CriterionDef
from normalize.criteria.name_agreement import find_stretch, folded_letters, wording_similarity
from normalize.criteria.name_runs import FLAG_NAME_AROUND
from normalize.criteria.wording import damaged

_WORD = re.compile(r"[\p{L}\p{N}]+")

if TYPE_CHECKING:
    from schemas.records import ScoreRow


@dataclass(frozen=True)
class NameCutSettings:
    # The stretch read may differ from the wording's letters by at most this share of them
    # (OCR's slips: "Báocáoocnc" for "Báo cáo CCHC" is 2 of 10) ...
    max_edits: float = 0.25
    # ... and the wording has at least this many letters (a shorter one is found in any garbage).
    min_letters: int = 8
    # A longer wording read over at least half the stretch, its share of letters edited at most
    # this much above the stretch's, is what the text prints there ("Ban hành kế hoạch CCHC năm"
    # holds "Kế hoạch CCHC năm"): no cut.
    within_margin: float = 0.1
    # A name read this near a criterion's wording (``wording_similarity``) names it: the stretch
    # found after it, in the explanation, is not this row's name.
    named_min: float = 80.0
    on: bool = True


def letters(tokens: Sequence[str]) -> tuple[str, list[int]]:
    """The tokens' letters and digits, folded and glued, and the token each letter is in."""
    text: list[str] = []
    owner: list[int] = []
    for k, token in enumerate(tokens):
        for ch in folded_letters(token):
            text.append(ch)
            owner.append(k)
    return "".join(text), owner


def wording_tokens(
    tokens: Sequence[str], crit: CriterionDef, others: Sequence[CriterionDef], s: NameCutSettings = NameCutSettings()
) -> tuple[int, int] | None:
    """The tokens ``[i, j)`` that read ``crit``'s wording as one stretch of letters, at most
    ``max_edits`` of them edited, when no other criterion's longer wording is read as nearly over
    letters of that stretch (a wording within another's: "Kế hoạch CCHC năm" in "Ban hành kế
    hoạch CCHC năm"); None when there is none."""
    official = folded_letters(crit.name)
    if len(official) < s.min_letters:
        return None
    text, owner = letters(tokens)
    found = find_stretch(text, official)
    if found is None or found.start >= found.end or found.edits > s.max_edits * len(official):
        return None
    share = found.edits / len(official)
    for other in others:
        wording = folded_letters(other.name)
        if other.code == crit.code or len(wording) <= len(official):
            continue
        over = find_stretch(text, wording)
        if (
            over is not None
            and min(over.end, found.end) - max(over.start, found.start) >= (found.end - found.start) / 2
            and over.edits / len(wording) <= share + s.within_margin
        ):
            return None
    return owner[found.start], owner[found.end - 1] + 1


def cut_to_wording(
    row: ScoreRow, crit: CriterionDef, others: Sequence[CriterionDef], s: NameCutSettings = NameCutSettings()
) -> bool:
    """The row's name cut to the tokens of its name and explanation that read ``crit``'s wording
    (``wording_tokens``), the tokens after them its explanation, the explanation's before them
    kept; what was read stays in ``name_raw``. Whether the name changed."""
    if not s.on:
        return False
    own = row.name.split()
    tokens = own + row.explanation.split()
    found = wording_tokens(tokens, crit, others, s)
    if found is None:
        return False
    i, j = found
    name = " ".join(tokens[i:j])
    if name == row.name or _own_wording(own, i, j, crit, others, s):
        return False
    if not row.name_raw:
        row.name_raw = row.name
    row.name = name
    row.explanation = " ".join(tokens[len(own) : i] + tokens[j:])
    row.flags.append(FLAG_NAME_AROUND)
    return True


def _own_wording(
    name: list[str], i: int, j: int, crit: CriterionDef, others: Sequence[CriterionDef], s: NameCutSettings
) -> bool:
    """Whether the name read is the commune's, not OCR's glue: a name read clean (every word a
    syllable or a known abbreviation) that holds the stretch ``[i, j)`` with other words around
    it is worded so ("Báo cáo CCHC định kỳ"); a name the stretch lies after, in the explanation,
    is kept when it names a criterion of the set itself."""
    if i < len(name):
        return all(not damaged(w) for t in name for w in _WORD.findall(t))
    return any(wording_similarity(" ".join(name), c.name) >= s.named_min for c in others)
