"""A row's name found in the text read around it, by its code's wording in the set surely recognised.

In a table whose cells are centred in tall rows, a name wraps above and below the line its code
and numbers share; an OCR dump's line parser may give those name lines to the row above (as its
explanation's last line, or its name's, the code and points of this row being OCR's specks) and
to this row's explanation, leaving the name on the numbers' line as OCR's specks ("Xây dựng và tổ
chức thực hiện văn bản" / "2. , A* ko $ vẽ 10 10" / "quy phạm pháp luật tại tỉnh"). When a row's
printed code is the set's and its name read is not that criterion's, while the text of the row
above and its own explanation hold that criterion's wording as one run of words (OCR's damage and
specks aside), the run is the row's name: it is moved there, what was read stays in ``name_raw``.
The words after the run on the row above are this row's explanation (they print after its name).
The run may be cut in two by other columns' words: its first line printed above the numbers' line
beside this row's explanation's first words (and the row above's explanation read after them),
its rest opening this row's explanation ("Xây dựng … văn bản Ban hành chậm so với" / "2. R k ko
vẻ 10 0" / "quy phạm pháp luật tại tỉnh quy định"): ``split_run``.
A run the row above needs for its own name is never taken: another criterion's name is not this
row's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import regex as re

from normalize.criteria import CriterionDef
from normalize.criteria.wording import WordingSettings, damage_only
from normalize.vietnamese.syllable import fold

if TYPE_CHECKING:
    from schemas.records import ScoreRow

# A name taken from the lines read around the row, by its code's wording.
FLAG_NAME_AROUND = "name_from_lines_around"

_NAME, _EXPLANATION_ABOVE, _NAME_ABOVE, _EXPLANATION = range(4)


@dataclass(frozen=True)
class NameRunSettings:
    # A run may hold this many more or fewer words than the wording (specks, glued words).
    word_slack: int = 2
    # The wording is at least this many words: a short one ("Báo cáo CCHC") is found in too many
    # explanations to be told from them.
    min_words: int = 3
    on: bool = True


def _key(token: str) -> str:
    return " ".join(fold(w).lower() for w in re.findall(r"[\p{L}\p{N}]+", token))


def _is_wording(tokens: list[str], wording: str, official: list[str], s: WordingSettings) -> bool:
    words = [w for t in tokens for w in _key(t).split()]
    if words == official:
        return True
    return damage_only(" ".join(tokens), wording, s)


def find_run(
    tokens: list[str], wording: str, s: NameRunSettings = NameRunSettings(), ws: WordingSettings = WordingSettings()
) -> tuple[int, int] | None:
    """The shortest span of tokens, earliest first, that is the wording read (as it is, or but for
    OCR's damage: ``damage_only``); None when none is."""
    official = _key(wording).split()
    n = len(official)
    if n < s.min_words:
        return None
    keys = [_key(t) for t in tokens]
    for i, k in enumerate(keys):
        if not k:
            continue  # (a run opens with a word, not a speck)
        words = 0
        for j in range(i, len(tokens)):
            words += len(keys[j].split())
            if words > n + s.word_slack:
                break
            if keys[j] and words >= n - s.word_slack and _is_wording(tokens[i : j + 1], wording, official, ws):
                return i, j + 1
    return None


def split_run(
    fields: list[int],
    tokens: list[str],
    wording: str,
    s: NameRunSettings = NameRunSettings(),
    ws: WordingSettings = WordingSettings(),
) -> tuple[int, int, int, int] | None:
    """(i, j, c, d): the wording read in two parts, ``tokens[i:j]`` printed above the row's
    numbers' line (in one field of the row above: its name or its explanation) and opening the
    wording, ``tokens[c:d]`` its rest opening the row's own explanation (the line under the
    numbers'), other columns' words between them: a name centred in a tall row, its first line
    beside the explanation's ("Xây dựng … văn bản Ban hành chậm so với" / "2. R k ko vẻ 10 0" /
    "quy phạm pháp luật tại tỉnh quy định"). The longest first part, earliest first; None when
    no such run is."""
    official = _key(wording).split()
    n = len(official)
    if n < s.min_words or _EXPLANATION not in fields:
        return None
    c = fields.index(_EXPLANATION)
    keys = [_key(t) for t in tokens]
    for i in range(c):
        if not keys[i]:
            continue  # (a run opens with a word, not a speck)
        ends = [j for j in range(i + 1, c) if fields[j - 1] == fields[i] and keys[j - 1]]
        ends = [j for j in ends if all(f == fields[i] for f in fields[i:j]) and _opening(keys[i:j], official)]
        for j in sorted(ends, reverse=True):
            taken = sum(len(k.split()) for k in keys[i:j])
            words = taken
            for d in range(c, len(tokens)):
                words += len(keys[d].split())
                if words > n + s.word_slack:
                    break
                if words >= n - s.word_slack and _is_wording(tokens[i:j] + tokens[c : d + 1], wording, official, ws):
                    return i, j, c, d + 1
    return None


def _pieces(above: ScoreRow, row: ScoreRow) -> list[tuple[int, str]]:
    """The tokens read in print order around the row's numbers' line, each with the field it is in:
    the row above's name and explanation, then the row's explanation (its name read left out: it is
    what OCR made of the name's place on the numbers' line)."""
    return (
        [(_NAME_ABOVE, t) for t in above.name.split()]
        + [(_EXPLANATION_ABOVE, t) for t in above.explanation.split()]
        + [(_EXPLANATION, t) for t in row.explanation.split()]
    )


def names_from_runs(
    rows: Sequence[ScoreRow],
    by_code: dict[str, CriterionDef],
    names: Callable[[ScoreRow, CriterionDef], bool],
    named_any: Callable[[str], bool],
    s: NameRunSettings = NameRunSettings(),
    ws: WordingSettings = WordingSettings(),
) -> int:
    """Rows whose printed code is a criterion of the set and whose name read does not name it
    (``names``), nor any criterion's (``named_any``: a name read whole, the code the misread one),
    take its wording's run from the text around them (module doc). Returns how many."""
    if not s.on:
        return 0
    moved = 0
    for above, row in zip(rows, rows[1:]):
        crit = by_code.get(str(row.code)) if row.code else None
        if crit is None or "code_inferred" in row.flags or names(row, crit) or named_any(row.name):
            continue
        pieces = _pieces(above, row)
        tokens = [t for _, t in pieces]
        span = find_run(tokens, crit.name, s, ws)
        split = None if span is not None else split_run([f for f, _ in pieces], tokens, crit.name, s, ws)
        if span is not None:
            i, j = span
            c = d = j
        elif split is not None:
            i, j, c, d = split
        else:
            continue
        kept_above = [t for f, t in pieces[:i] if f == _NAME_ABOVE]
        own = by_code.get(str(above.code)) if above.code else None
        # The row above keeps a name that still names its criterion (or, with no criterion of
        # the set, keeps a name at all): the run is not its own name taken.
        if own is not None:
            if own is crit or not names(replace(above, name=" ".join(kept_above), name_raw=""), own):
                continue
        elif not kept_above:
            continue
        # (between a name's two parts, the words printed beside its first line are this row's
        # explanation's first words; the row above's explanation stays its own)
        beside = [t for f, t in pieces[j:c] if f == pieces[i][0]]
        between = [t for f, t in pieces[j:c] if f != pieces[i][0]]
        after = beside + [t for _, t in pieces[d:]]
        # (words read before the run on this row's lines print above its name: the row above's)
        above_explanation = [t for f, t in pieces[:i] if f != _NAME_ABOVE] + between
        if own is not None:
            kept_above, spilled = _own_wording(kept_above, own, s, ws)
            above_explanation = spilled + above_explanation
        _take(above, row, kept_above, above_explanation, tokens[i:j] + tokens[c:d], after)
        moved += 1
    return moved


def _own_wording(
    name: list[str], crit: CriterionDef, s: NameRunSettings, ws: WordingSettings
) -> tuple[list[str], list[str]]:
    """A name that opens with its criterion's wording, other words after it: (the wording's
    words, the others: the explanation's, printed on the name's lines); else (the name, [])."""
    span = find_run(name, crit.name, s, ws)
    if span is None or span[0] != 0:
        return name, []
    return name[: span[1]], name[span[1] :]


def _take(
    above: ScoreRow,
    row: ScoreRow,
    above_name: list[str],
    above_explanation: list[str],
    run: list[str],
    explanation: list[str],
) -> None:
    if not above.name_raw and " ".join(above_name) != above.name:
        above.name_raw = above.name
    above.name = " ".join(above_name)
    above.explanation = " ".join(above_explanation)
    if not row.name_raw:
        row.name_raw = row.name
    row.name = " ".join(run)
    row.explanation = " ".join(explanation)
    row.flags.append(FLAG_NAME_AROUND)


def names_across_explanation(
    rows: Sequence[ScoreRow],
    by_code: dict[str, CriterionDef],
    names: Callable[[ScoreRow, CriterionDef], bool],
    s: NameRunSettings = NameRunSettings(),
    ws: WordingSettings = WordingSettings(),
) -> int:
    """Rows whose printed code is a criterion of the set, whose name read does not name it, and
    whose own name and explanation hold its wording in print order, the explanation's first line
    perhaps inside it: a name printed beside the explanation's first words wraps on below them
    ("Các kết quả … rõ ràng, cụ | Tỷ lệ đạt 87%" over "1.1.3 | thể và định rõ …"), and the line
    parser closed the name early. The wording's words become the name, the rest the explanation.
    Returns how many."""
    if not s.on:
        return 0
    moved = 0
    for row in rows:
        crit = by_code.get(str(row.code)) if row.code else None
        if crit is None or "code_inferred" in row.flags or not row.explanation or names(row, crit):
            continue
        tokens = row.name.split() + row.explanation.split()
        found = _gapped_run(tokens, len(row.name.split()), crit.name, s, ws)
        if found is None:
            continue
        a, b, c = found
        if not row.name_raw:
            row.name_raw = row.name
        row.name = " ".join(tokens[:a] + tokens[b:c])
        row.explanation = " ".join(tokens[a:b] + tokens[c:])
        row.flags.append(FLAG_NAME_AROUND)
        moved += 1
    return moved


def _gapped_run(
    tokens: list[str], name_tokens: int, wording: str, s: NameRunSettings, ws: WordingSettings
) -> tuple[int, int, int] | None:
    """(a, b, c): ``tokens[:a] + tokens[b:c]`` is the wording read (``_is_wording``), ``tokens[a:b]``
    the explanation's words printed inside it (none when a == b), the name's own tokens all in
    ``tokens[:a]`` or the run; the longest opening first (the explanation's words follow the name's
    first line). None when no such run is."""
    official = _key(wording).split()
    n = len(official)
    if n < s.min_words:
        return None
    keys = [_key(t) for t in tokens]
    for a in range(len(tokens), 0, -1):
        taken = sum(len(k.split()) for k in keys[:a])
        if a < name_tokens or not keys[a - 1] or not _opening(keys[:a], official):
            continue
        if taken >= n - s.word_slack and _is_wording(tokens[:a], wording, official, ws):
            return a, a, a  # the name's last words read into the explanation, nothing between
        if taken >= n:
            continue
        rest = official[taken]
        for b in range(a + 1, len(tokens)):
            if not keys[b] or keys[b].split()[0] != rest:
                continue
            words = taken
            for c in range(b, len(tokens)):
                words += len(keys[c].split())
                if words > n + s.word_slack:
                    break
                if words >= n - s.word_slack and _is_wording(tokens[:a] + tokens[b : c + 1], wording, official, ws):
                    return a, b, c + 1
    return None


def _opening(keys: list[str], official: list[str]) -> bool:
    """Whether the words read open the wording, word for word but for one OCR damaged."""
    words = [w for k in keys for w in k.split()]
    if len(words) > len(official):
        return False
    return sum(1 for w, o in zip(words, official) if w != o) <= 1
