"""A row's name printed in pieces, one per printed line, with another column's words between them.

A table whose name column has a column of words beside it (a scoring scale, "Phương pháp chấm
điểm", or the explanation) reaches an OCR dump as lines that each hold a piece of the name, then
that column's piece: "1.1.2 | Xác định đầy đủ các nhiệm vụ CCHC trên các + Xác định đầy đủ nhiệm
vụ và có bố trí kinh 1 0,5 …" / "lĩnh vực theo kế hoạch năm của UBND tỉnh và | phí: 1 …" / "bố
trí kinh phí thực hiện + Không xác định …". The line parser cannot part the two columns on such
lines, so the row's name holds both, in turns, and its last piece may have gone to the
explanation. When the row's printed code is a criterion of the set surely recognised, and the
row's name and explanation hold that criterion's wording in order in a few pieces (as many as a
name cell has lines), nearly whole, the first piece opening the row's text, the pieces are the
name; the words between them are the other column's and go to the explanation. Nothing is taken
from the catalogue that the text does not print: the name is the words read, repaired as any
name read (the set's snap then compares them with the wording).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

import regex as re
from rapidfuzz import fuzz

from normalize.criteria import CriterionDef
from normalize.criteria.name_runs import FLAG_NAME_AROUND
from normalize.criteria.wording import damaged
from normalize.vietnamese.syllable import fold

if TYPE_CHECKING:
    from schemas.records import ScoreRow


@dataclass(frozen=True)
class NamePieceSettings:
    # Two pieces at least (one is a name with words after it), at most this many: the lines of a
    # name cell.
    max_pieces: int = 4
    # A piece holds at least this many of the wording's words (a lone common word, "và", "các",
    # is found anywhere in another column's text).
    min_piece_words: int = 2
    # The pieces hold at least this share of the wording's words, and the wording has at least
    # this many words (a short one is found in too many scales and explanations).
    min_coverage: float = 0.9
    min_words: int = 6
    # The first piece opens within this many tokens of the row's text (specks of the rule before it).
    max_lead: int = 1
    # A token at a piece's end stands for the wording's next word this near (fuzz.ratio), or for
    # up to this many of its next words glued together.
    damaged_word_ratio: float = 75.0
    max_glued: int = 3
    on: bool = True


def _key(token: str) -> list[str]:
    return [fold(w).lower() for w in re.findall(r"[\p{L}\p{N}]+", token)]


def name_pieces(
    tokens: Sequence[str], wording: str, s: NamePieceSettings = NamePieceSettings()
) -> tuple[list[tuple[int, int]], int] | None:
    """The token ranges holding ``wording``'s words in order (one word a token), and how many of
    its words they hold; None when they are too few, too many pieces, or the first does not open
    the text. A run of damaged tokens as long as the wording's words it stands between counts."""
    official = [w for t in wording.split() for w in _key(t)]
    if len(official) < s.min_words:
        return None
    # (OCR's specks inside a piece, "xác định ï rõ ràng", part nothing: matched without them)
    kept = [k for k, t in enumerate(tokens) if not _speck(t)]
    keys = [" ".join(_key(tokens[k])) for k in kept]
    blocks: list[tuple[int, int, int, int]] = []  # (kept token start, end, wording start, end)
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, keys, official, autojunk=False).get_opcodes():
        if tag == "equal" or (
            tag == "replace" and i2 - i1 == j2 - j1 and all(damaged(tokens[kept[k]]) for k in range(i1, i2))
        ):
            if blocks and blocks[-1][1] == i1 and blocks[-1][3] == j1:
                blocks[-1] = (blocks[-1][0], i2, blocks[-1][2], j2)
            else:
                blocks.append((i1, i2, j1, j2))
    blocks = [_widened(b, keys, official, s) for b in blocks]
    pieces = [b for b in blocks if b[1] - b[0] >= s.min_piece_words]
    held = sum(b[3] - b[2] for b in pieces)
    if not pieces or len(pieces) > s.max_pieces or held < s.min_coverage * len(official):
        return None
    if pieces[0][0] > s.max_lead:
        return None
    return [(kept[a], kept[b - 1] + 1) for a, b, _, _ in pieces], held


def _speck(token: str) -> bool:
    """A token of no letter or digit, or one letter alone: a rule's or the paper's mark."""
    word = "".join(_key(token))
    return not word or (len(word) == 1 and not word.isdigit())


def _widened(
    block: tuple[int, int, int, int], keys: list[str], official: list[str], s: NamePieceSettings
) -> tuple[int, int, int, int]:
    """A piece with the token OCR damaged at either end, where it stands for the wording's next
    word ("ĩnh" for "lĩnh": a letter lost at the line's edge) or its next words glued ("thựchiện")."""
    a, b, ja, jb = block
    if a > 0 and ja > 0:
        for n in range(min(s.max_glued, ja), 0, -1):
            if _stands_for(keys[a - 1], official[ja - n : ja], s):
                a, ja = a - 1, ja - n
                break
    if b < len(keys) and jb < len(official):
        for n in range(min(s.max_glued, len(official) - jb), 0, -1):
            if _stands_for(keys[b], official[jb : jb + n], s):
                b, jb = b + 1, jb + n
                break
    return a, b, ja, jb


def _stands_for(key: str, words: list[str], s: NamePieceSettings) -> bool:
    if not key or " " in key:
        return False
    if len(words) > 1:
        return key == "".join(words)
    return fuzz.ratio(key, words[0]) >= s.damaged_word_ratio


def _misnamed_criterion(
    row: ScoreRow, by_code: dict[str, CriterionDef], is_wording: Callable[[str, CriterionDef], bool]
) -> CriterionDef | None:
    """The criterion a row's printed code names, when the row has a name that is not its wording."""
    crit = by_code.get(str(row.code)) if row.code else None
    if crit is None or "code_inferred" in row.flags or not row.name or is_wording(row.name, crit):
        return None
    return crit


def _pieces_held_most(
    tokens: list[str], crit: CriterionDef, others: Sequence[CriterionDef], s: NamePieceSettings
) -> list[tuple[int, int]] | None:
    """``crit``'s wording's pieces in ``tokens`` (``name_pieces``), when no other criterion's
    wording is held as much."""
    found = name_pieces(tokens, crit.name, s)
    if found is None:
        return None
    pieces, held = found
    if any(c.code != crit.code and (name_pieces(tokens, c.name, s) or ([], 0))[1] >= held for c in others):
        return None
    return pieces


def names_across_cells(
    rows: Sequence[ScoreRow],
    by_code: dict[str, CriterionDef],
    is_wording: Callable[[str, CriterionDef], bool],
    others: Sequence[CriterionDef],
    s: NamePieceSettings = NamePieceSettings(),
) -> int:
    """Rows whose printed code is a criterion of the set, whose name read is not its wording
    (``is_wording``), and whose name and explanation hold it in pieces (``name_pieces``), no
    other criterion's wording held as much: the pieces become the name, the words between and
    after them the explanation (what was read stays in ``name_raw``). Returns how many."""
    if not s.on:
        return 0
    moved = 0
    for row in rows:
        crit = _misnamed_criterion(row, by_code, is_wording)
        if crit is None:
            continue
        tokens = row.name.split() + (row.explanation or "").split()
        pieces = _pieces_held_most(tokens, crit, others, s)
        if pieces is None or len(pieces) < 2:
            continue  # (a name with another cell's words after it: ``wording._tails`` and the like)
        inside = {k for a, b in pieces for k in range(a, b)}
        if not row.name_raw:
            row.name_raw = row.name
        row.name = " ".join(t for k, t in enumerate(tokens) if k in inside)
        row.explanation = " ".join(t for k, t in enumerate(tokens) if k not in inside)
        row.flags.append(FLAG_NAME_AROUND)
        moved += 1
    return moved


def names_opened_above(
    rows: list[ScoreRow],
    by_code: dict[str, CriterionDef],
    is_wording: Callable[[str, CriterionDef], bool],
    others: Sequence[CriterionDef],
    s: NamePieceSettings = NamePieceSettings(),
) -> int:
    """A name centred in a tall row opens on the line above its code's line: the line parser
    made that line a row of its own, no code printed on it ("Xac dinh day dt cdc nhiém vu CCHC
    trén cdc | Khong phat sinh" over "1.1.2 | linh vuc theo ké hoach nam ctia UBND tinh 1 1").
    Where a row's printed code is a criterion whose wording its name is not, and the row above,
    printing no code and naming no criterion, opens that wording, which goes on in pieces in
    the row's own text (``name_pieces``), the pieces are the row's name; the row above keeps
    the words between them (another column's) as its explanation, and no name: with the figure
    it holds (a speck, or a figure of the row's) it is a row no name says, for the checks and
    the queue. Returns how many."""
    if not s.on:
        return 0
    moved = 0
    for above, row in zip(rows, rows[1:]):
        crit = _misnamed_criterion(row, by_code, is_wording)
        if crit is None:
            continue
        if (above.code and "code_inferred" not in above.flags) or not above.name:
            continue
        if all(v is None for v in (above.max_points, above.self_points, above.appraised_points)):
            continue  # (a line of words alone is a name's wrap the row readers join: ``_name_tails``)
        if any(is_wording(above.name, c) for c in others):
            continue
        own = above.name.split() + (above.explanation or "").split()
        tokens = own + row.name.split() + (row.explanation or "").split()
        pieces = _pieces_held_most(tokens, crit, others, s)
        if pieces is None or len(pieces) < 2 or pieces[-1][1] <= len(own):
            continue  # (the row's own text holds none of it: not its name's opening above)
        inside = {k for a, b in pieces for k in range(a, b)}
        if not row.name_raw:
            row.name_raw = row.name
        row.name = " ".join(t for k, t in enumerate(tokens) if k in inside)
        row.explanation = " ".join(t for k, t in enumerate(tokens) if k >= len(own) and k not in inside)
        if not above.name_raw:
            above.name_raw = above.name
        above.name = ""
        above.explanation = " ".join(t for k, t in enumerate(own) if k not in inside)
        row.flags.append(FLAG_NAME_AROUND)
        moved += 1
    return moved
