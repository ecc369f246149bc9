"""A criterion name OCR damaged, restored from the official wording it differs from only by damage.

The criteria sets are a dictionary of the names a score table prints. A name read whose words are
a criterion's wording, except for words that are no Vietnamese syllable ("tổ chifc b6 máy",
"NHIỆMVỤ", "hành chíh": what OCR makes of a word) and specks between them, is that wording: the
catalogue restores it. A name that differs by a real word ("Cải cách tài chính công" against "Cải
cách tổ chức bộ máy"), by a word left out or added, is the commune's own wording (or another
column's words run in) and stays as read: only damage is repaired, never a choice of words.

Both the set recognised under the row's code (``normalize.criteria.match.snap_to_set``) and, where
the code says nothing (no set recognised, a code OCR shifted), the nearest wording of any set ask
``damage_only``; what was read stays in ``name_raw``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import TYPE_CHECKING

import regex as re
from rapidfuzz import fuzz

from normalize.criteria import CriteriaSet, CriterionDef
from normalize.criteria.wording_place import damaged, garbled_in_place, worded_in_place
from normalize.lazy_regex import lazy_compile
from normalize.text import EXPLANATION_OPENING, LETTER_RUN, WORD_RUN, fold as fold_text
from normalize.vietnamese.syllable import TONE_MARKS, VOWELS, fold, nfc, place_tone, split_tone

if TYPE_CHECKING:
    from schemas.records import ScoreRow, ScoreTable

# A name restored from the wording of a criterion found by the name alone (no set recognised, or
# the row's code another criterion's): the set named, the row's code left as read.
FLAG_WORDING = "name_from_wording"


@dataclass(frozen=True)
class WordingSettings:
    # The name read and the wording, folded, at least this near (fuzz.ratio, 0..100).
    min_ratio: float = 80.0
    # At least this share of the wording's words read as they are (folded).
    min_equal_share: float = 0.6
    # A run of damaged words read stands for at most this many more wording words than it has
    # (two words OCR glued into one: "NHIỆMVỤ").
    max_extra_words: int = 1
    # Folded read and wording within this near (0..100) of each other for each damaged run: a
    # damaged word is still the word it stands for ("chttc" for "chức"), not any word.
    min_run_ratio: float = 40.0
    # A damaged run read that is the wording's words glued together ("KếhoạchCCHCnăm", OCR lost
    # the spaces) stands for any number of them: the run and the words, spaces left out and
    # folded, at least this near (0..100).
    glued_ratio: float = 85.0
    # A name read from OCR'd lines with another column's words run into it (``leaked_into``):
    # its code's wording, at least this many words long, held in order at least to this share.
    leak_min_words: int = 6
    leak_coverage: float = 0.9
    # A short wording (at most this many words) whose row is read under its printed code, in the
    # place the set gives it between the rows read around it, takes the wording when the name read
    # is all OCR's garble ("_12 |BodioH |" for "Báo cáo CCHC": every word damaged) of at most this
    # many times the wording's letters, its points within the criterion's maximum (``garbled_in_place``).
    place_max_words: int = 5
    place_max_letters: float = 2.0
    # A row in its criterion's place whose name OCR garbled in part (``worded_in_place``): its
    # clean words the wording's, at least this many in order, beside at most ``place_strays``
    # syllables of at most ``place_stray_letters`` letters (specks OCR read as a syllable); or its
    # letters glued at least this near its wording's (fuzz.ratio), by this margin nearer than any
    # sibling criterion's.
    place_min_words: int = 2
    place_strays: int = 1
    place_stray_letters: int = 2
    place_glued_ratio: float = 55.0
    place_glued_margin: float = 10.0
    # A name read that is its code's wording cut short, the rest opening the explanation (a name
    # wrapped below its figures' line: ``wrapped_rest``), holds at least this share of its words.
    min_cut_share: float = 0.5
    # A name read that is a later piece of its code's wording (a tall cell's name whose first
    # line printed above the coded line, read into the row above: ``opened_above``): the piece
    # within the wording at least this near (fuzz.partial_ratio), and the wording's opening,
    # at least ``opening_min_words`` words, this near in the row above's text.
    piece_ratio: float = 85.0
    opening_ratio: float = 85.0
    opening_min_words: int = 3
    on: bool = True


def _words(text: str) -> list[str]:
    return WORD_RUN.findall(text or "")


@lru_cache(maxsize=10_000)
def _folded(wording: str) -> str:
    """A catalogue wording's words folded, once (every row read is compared with every wording)."""
    return " ".join(fold(w).lower() for w in _words(wording))


def worded_otherwise(read: str | None, wording: str) -> bool:
    """Whether a name read clean (every word a syllable of the language or a known abbreviation)
    prints words the wording does not hold, marks aside: the commune's own wording ("… điều hành
    cải cách hành chính" where a set prints "… điều hành CHCC"), not the wording with marks or
    words lost."""
    words = _words(read or "")
    official = {fold(w).lower() for w in _words(wording)}
    return all(not damaged(w) for w in words) and any(fold(w).lower() not in official for w in words)


def shortened_wording(read: str | None, wording: str) -> bool:
    """Whether a name read clean prints the wording's first words as they are and stops before its
    end: the commune's shorter wording of a set's criterion ("… văn bản quy phạm pháp luật" where
    the provincial set prints "… pháp luật tại tỉnh"), which a typed grid's whole cell printed as it
    is — not a name to lengthen."""
    words = [nfc(w).lower() for w in _words(read or "")]
    official = [nfc(w).lower() for w in _words(wording)]
    if not words or len(words) >= len(official) or any(map(damaged, words)):
        return False
    return official[: len(words)] == words


def damage_only(read: str, wording: str, s: WordingSettings = WordingSettings()) -> bool:
    """Whether the name read is the wording but for OCR's damage: every word that is not the
    wording's (folded) is a damaged word standing for wording words, or a damaged speck between
    them; at least one word is damaged (a clean name differing in marks is the commune's)."""
    words = _words(read)
    folded = [fold(w).lower() for w in words]
    official = [fold(w).lower() for w in _words(wording)]
    if not words or not official:
        return False
    # (near with the spaces or without them: words OCR glued, "KéhoachCCHCnim")
    near = max(fuzz.ratio(" ".join(folded), " ".join(official)), fuzz.ratio("".join(folded), "".join(official)))
    if near < s.min_ratio:
        return False
    ops = SequenceMatcher(None, folded, official, autojunk=False).get_opcodes()
    equal = sum(i2 - i1 for tag, i1, i2, _, _ in ops if tag == "equal")
    # (words read glued are read as they are, but for the spaces)
    equal += sum(
        j2 - j1 for tag, i1, i2, j1, j2 in ops if tag == "replace" and _glued(folded[i1:i2], official[j1:j2], s)
    )
    if equal < s.min_equal_share * len(official):
        return False
    seen_damage = False
    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal":
            continue
        if tag == "insert":
            return False  # (a wording word with nothing read for it: a word left out, not damaged)
        run = words[i1:i2]
        if not all(damaged(w) for w in run):
            return False
        seen_damage = True
        if tag == "replace":
            if j2 - j1 > i2 - i1 + s.max_extra_words and not _glued(folded[i1:i2], official[j1:j2], s):
                return False
            # (a run between words read as they are stands where the wording's words are; one at
            # an end must still look like the words it would be)
            anchored = 0 < k < len(ops) - 1
            if not anchored and fuzz.ratio("".join(folded[i1:i2]), "".join(official[j1:j2])) < s.min_run_ratio:
                return False
    return seen_damage


def _glued(read: list[str], official: list[str], s: WordingSettings) -> bool:
    """The words read are the wording's words run together, OCR having lost the spaces between,
    with damaged specks after them ("KéhoachCCHCnim 5 8H": a run's words are all damaged)."""
    joined = "".join(official)
    return any(fuzz.ratio("".join(read[:m]), joined) >= s.glued_ratio for m in range(1, len(read) + 1))


def nearest_wording(
    name: str, sets: Sequence[CriteriaSet], s: WordingSettings = WordingSettings()
) -> tuple[CriteriaSet, CriterionDef] | None:
    """The criterion of ``sets`` whose wording the name read is, but for OCR's damage (the
    nearest such wording, folded); None when none is."""
    words = _words(name)
    if not any(damaged(w) for w in words):
        return None  # (``damage_only`` takes no name without a damaged word: a typed name's case)
    folded = " ".join(fold(w).lower() for w in words)
    if not folded:
        return None
    scored = sorted(
        ((fuzz.ratio(folded, _folded(c.name)), cs, c) for cs in sets for c in cs.rows),
        key=lambda e: -e[0],
    )
    for ratio, cs, crit in scored:
        if ratio < s.min_ratio:
            return None
        if damage_only(name, crit.name, s):
            return cs, crit
    return None


def restore_wordings(
    tables: Sequence[ScoreTable],
    sets: Sequence[CriteriaSet],
    code_flag: str = "",
    s: WordingSettings = WordingSettings(),
    sure: bool = False,
) -> int:
    """Rows not restored yet whose name read is a criterion's wording but for damage take that
    wording. With ``code_flag`` (``sets`` is then the one set recognised, flagged so), a row whose
    code the set has takes its own criterion's wording or none (also, when the set is ``sure``,
    the wording another column's words ran into, ``leaked_into``); other rows, and every row when
    no set was recognised, the nearest wording of ``sets`` (flagged ``FLAG_WORDING``; the code is
    left as read). A name that is its code's wording with another cell's words run in after it
    (``_tails``) takes the wording, the words going to the explanation or the scale. Returns the
    number of names restored."""
    if not s.on or not sets:
        return 0
    by_code = sets[0].by_code() if code_flag else {}
    restored = 0
    for table in tables:
        for row in table.rows:
            if _restored(row) or not row.name:
                continue
            own = by_code.get(str(row.code)) if row.code else None
            found: tuple[CriteriaSet, CriterionDef] | None = None
            tails: Tails = None, None
            explained: str | None = None  # the explanation left when its opening was the name's rest
            split = table.read_from == "lines"
            if own is not None:
                if same_words(row.name, own.name) or damage_only(row.name, own.name, s):
                    found = sets[0], own
                elif sure and leaked_into(row.name, own, sets[0].rows, s):
                    found = sets[0], own
                elif sure and garbled_in_place(table.rows, row, own, sets[0], s):
                    found = sets[0], own
                elif opened_above(table.rows, row, own, sets[0], s):
                    found = sets[0], own
                elif (own_tails := _tails(row.name, own.name, split, s)) is not None:
                    found, tails = (sets[0], own), own_tails
                elif (kept := wrapped_rest(row, own.name, s)) is not None:
                    found, explained = (sets[0], own), kept
                elif sure and split and worded_in_place(table.rows, row, own, sets[0], s):
                    found = sets[0], own
            else:
                found = nearest_wording(row.name, sets, s) or _same_words_by_code(row, sets)
                if found is None and not code_flag:
                    found = _leaked_by_code(row, sets, s)
                    if found is None and (by_tail := _tails_by_code(row, sets, split, s)) is not None:
                        found, tails = by_tail
                    if found is None and (by_rest := _wrapped_by_code(row, sets, s)) is not None:
                        found, explained = by_rest
            if found is None or found[1].name == row.name:
                continue
            take_wording(row, found[1].name)
            if explained is not None:
                row.explanation = explained
            explanation, scale = tails
            if explanation:
                row.explanation = f"{explanation} {row.explanation}".strip()
            if scale:
                row.scale.insert(0, scale)
            row.flags.append(f"{code_flag if own is not None else FLAG_WORDING}:{found[0].id}")
            restored += 1
    return restored


def same_words(read: str, wording: str) -> bool:
    """The name read prints the wording's very words, marks and all (case aside), and differs only
    in what lies between them: OCR's specks glued to a word ("'quy", "tỉnh:"), a comma lost. A name
    differing only in case or a tone mark's place is the wording as printed: nothing to restore."""
    words = [nfc(w).lower() for w in _words(read)]
    if " ".join(spelling(read).lower().split()) == " ".join(spelling(wording).lower().split()):
        return False
    return bool(words) and words == [nfc(w).lower() for w in _words(wording)]


def _same_words_by_code(row: ScoreRow, sets: Sequence[CriteriaSet]) -> tuple[CriteriaSet, CriterionDef] | None:
    """The criterion of a set under the row's code whose very words the name prints
    (``same_words``): code and name agree on it, with no damage to repair."""
    for cs in sets:
        crit = cs.by_code().get(str(row.code)) if row.code else None
        if crit is not None and same_words(row.name, crit.name):
            return cs, crit
    return None


def wrapped_rest(row: ScoreRow, wording: str, s: WordingSettings = WordingSettings()) -> str | None:
    """The row's explanation less its opening words when the name read is the wording's opening
    (at least ``min_cut_share`` of its words, as printed or but for OCR's damage) and the
    explanation opens with the wording's rest (word for word, or but for OCR's damage): a name
    wrapped below the line its figures share, its last line read as the next column's ("Công tác
    chỉ đạo, điều hành cải cách hành" / "1. z 10 9" / "chính"). None when the row is not so."""
    official = _words(wording)
    folded = [fold(w).lower() for w in official]
    read = [fold(w).lower() for w in _words(row.name)]
    tokens = (row.explanation or "").split()
    cut = len(read)
    if not read or cut >= len(official) or cut < s.min_cut_share * len(official):
        return None
    if read != folded[:cut] and not damage_only(row.name, " ".join(official[:cut]), s):
        return None
    rest = folded[cut:]
    taken: list[str] = []
    for k, token in enumerate(tokens):
        taken += [fold(w).lower() for w in _words(token)]
        if len(taken) < len(rest):
            continue
        whole = f"{row.name} {' '.join(tokens[: k + 1])}"
        if taken == rest or (len(taken) == len(rest) and damage_only(whole, wording, s)):
            return " ".join(tokens[k + 1 :])
        return None
    return None


def _wrapped_by_code(
    row: ScoreRow, sets: Sequence[CriteriaSet], s: WordingSettings
) -> tuple[tuple[CriteriaSet, CriterionDef], str] | None:
    """With no set recognised: the criterion of a set under the row's code whose wording the name
    opens and the explanation's opening ends (``wrapped_rest``), and the explanation left."""
    for cs in sets:
        crit = cs.by_code().get(str(row.code)) if row.code else None
        kept = wrapped_rest(row, crit.name, s) if crit is not None else None
        if crit is not None and kept is not None:
            return (cs, crit), kept
    return None


def opened_above(
    rows: Sequence[ScoreRow], row: ScoreRow, crit: CriterionDef, cs: CriteriaSet, s: WordingSettings = WordingSettings()
) -> bool:
    """A row read under its printed code, in the set's order between the rows around it, whose
    name read is a later piece of its criterion's wording ("cụ thể và định 16 trách nhiệm …"),
    while the text of the row above holds the wording's opening ("… Các kết quả phải đạt đức xác
    định rõ ràng, Báo cáo số 59/BC-"): a tall cell's name whose first line printed above the
    coded line, read into the row above. Code, place and wording agree on the row's name."""
    if "code_inferred" in row.flags:
        return False
    k = next((i for i, r in enumerate(rows) if r is row), None)
    if k is None or k == 0:
        return False
    order = {c.code: i for i, c in enumerate(cs.rows)}
    above, here = rows[k - 1], order[crit.code]
    below = order.get(str(rows[k + 1].code)) if k + 1 < len(rows) else None
    if order.get(str(above.code), here) >= here or (below is not None and below <= here):
        return False
    read, wording = " ".join(fold(w).lower() for w in _words(row.name)), _folded(crit.name)
    if not read or len(read) >= len(wording):
        return False
    piece = fuzz.partial_ratio_alignment(read, wording)
    if piece is None or piece.score < s.piece_ratio:
        return False
    opening = wording[: piece.dest_start].split()
    if len(opening) < s.opening_min_words:
        return False
    text = " ".join(fold(w).lower() for w in _words(f"{above.name_raw or above.name} {above.explanation}"))
    return fuzz.partial_ratio(" ".join(opening), text) >= s.opening_ratio


def _leaked_by_code(
    row: ScoreRow, sets: Sequence[CriteriaSet], s: WordingSettings
) -> tuple[CriteriaSet, CriterionDef] | None:
    """With no set recognised: the criterion of a set under the row's code whose wording the
    name holds with another column's words run in (``leaked_into``): code and name agree on it."""
    for cs in sets:
        crit = cs.by_code().get(str(row.code)) if row.code else None
        if crit is not None and leaked_into(row.name, crit, cs.rows, s):
            return cs, crit
    return None


# Text run in after a name's wording: (the explanation's, the scale's); None where none is.
Tails = tuple[str | None, str | None]


def _tails(read: str, wording: str, split: bool, s: WordingSettings) -> Tails | None:
    """The name read is the wording, then another cell's words run in: an explanation's opening
    (``explained_tail``), a scale's items (``scale_tail``), or, in a table whose rows were split
    from lines of text (``split``: no cell edge was printed), a capitalised word opening another
    cell (``cell_tail``). None when the name read is not so."""
    tail = explained_tail(read, wording, s)
    if tail is None and split:
        tail = cell_tail(read, wording, s)
    if tail is not None:
        return tail, None
    scale = scale_tail(read, wording, s)
    return None if scale is None else (None, scale)


def _tails_by_code(
    row: ScoreRow, sets: Sequence[CriteriaSet], split: bool, s: WordingSettings
) -> tuple[tuple[CriteriaSet, CriterionDef], Tails] | None:
    """With no set recognised: the criterion of a set under the row's code whose wording the
    name opens with, another cell's words after it (``_tails``), and those words."""
    for cs in sets:
        crit = cs.by_code().get(str(row.code)) if row.code else None
        tails = _tails(row.name, crit.name, split, s) if crit is not None else None
        if crit is not None and tails is not None:
            return (cs, crit), tails
    return None


def explained_tail(read: str, wording: str, s: WordingSettings = WordingSettings()) -> str | None:
    """The words read after the wording when the name read is the wording (as it is, or but for
    OCR's damage) and goes on with what opens an explanation cell, a document or a date ("Cải
    cách thủ tục hành chính Kế hoạch số 152/KH-UBND ngày": the explanation column's words run in
    where OCR's line did not part the cells); None otherwise. No criterion's name goes on so."""
    # (a dash inside a name, "chỉ đạo - điều hành", is no cell's edge: a document or a date is)
    return _tail_after(read, wording, lambda rest: bool(EXPLANATION_OPENING.match(fold_text(rest))), s)


# A word opening a cell: a capital then small letters ("Chưa", "Thông", "Tỷ"). A name goes on in
# small letters within its cell, or in capitals (an abbreviation, a title in capitals).
_CELL_OPENING = lazy_compile(r"^\p{Lu}\p{Ll}+\b")


def cell_tail(read: str, wording: str, s: WordingSettings = WordingSettings()) -> str | None:
    """The words read after the wording when the name read is the wording (as it is, or but for
    OCR's damage) and goes on with a capitalised word ("Hiện đại hóa hành chính Chưa hoàn thành
    3/7 nhiệm vụ theo"): for a row split from a line of text, the next cell's opening."""
    return _tail_after(read, wording, lambda rest: bool(_CELL_OPENING.match(rest)), s)


# A scoring scale's items run in after a name: each a capitalised label ending in its colon, its
# points after it or read into a points cell ("Ban hành kịp thời:", "Đạt 100%: 3 điểm").
_SCALE_ITEMS = lazy_compile(r"^(?:\p{Lu}[^:]{0,80}:\s*(?:\d+(?:[.,]\d+)?\s*(?:điểm|đ)?)?\s*[;.,]?\s*)+$")


def scale_tail(read: str, wording: str, s: WordingSettings = WordingSettings()) -> str | None:
    """The words read after the wording when the name read is the wording (as it is, or but for
    OCR's damage) and goes on with a scoring scale's items only ("Ban hành kế hoạch CCHC năm Ban
    hành kịp thời:": the scale column's first line run in); None otherwise."""
    return _tail_after(read, wording, lambda rest: bool(_SCALE_ITEMS.match(rest)), s)


def _tail_after(read: str, wording: str, is_tail: Callable[[str], bool], s: WordingSettings) -> str | None:
    tokens = (read or "").split()
    official = _folded(wording)
    for k in range(1, len(tokens)):
        rest = " ".join(tokens[k:])
        if not rest[:1].isalnum() or not is_tail(rest):
            continue
        head = " ".join(tokens[:k])
        if " ".join(fold(w).lower() for w in _words(head)) == official or damage_only(head, wording, s):
            return rest
    return None


def _covered(read: str, wording: str, s: WordingSettings) -> tuple[int, int, bool]:
    """(wording words read in order, as they are or as damaged words standing for them; read
    words outside them, run in; whether any of those run in is damaged)."""
    words = _words(read)
    folded = [fold(w).lower() for w in words]
    official = [fold(w).lower() for w in _words(wording)]
    covered = 0
    extra: list[str] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, folded, official, autojunk=False).get_opcodes():
        if tag == "equal":
            covered += i2 - i1
        elif (
            tag == "replace"
            and all(damaged(w) for w in words[i1:i2])
            and (j2 - j1 <= i2 - i1 + s.max_extra_words or _glued(folded[i1:i2], official[j1:j2], s))
        ):
            covered += j2 - j1
        else:
            extra += words[i1:i2]
    return covered, len(extra), any(damaged(w) for w in extra)


def leaked_into(
    read: str, crit: CriterionDef, rows: Sequence[CriterionDef], s: WordingSettings = WordingSettings()
) -> bool:
    """The name read holds its code's wording (of at least ``leak_min_words`` words) in order,
    nearly whole (``leak_coverage``), with another column's words or a neighbour's line run in
    before, after or between its lines, OCR's damage on those (a figure, a speck: the table was
    read from OCR'd lines whose cells it could not part; clean words added are the commune's own
    wording, "… CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ"). Fewer words run in than the wording's, and
    no other criterion's wording held as much."""
    covered, extra, damage = _covered(read, crit.name, s)
    total = len(_words(crit.name))
    if total < s.leak_min_words or not damage or covered < s.leak_coverage * total or extra > covered:
        return False
    return all(c.code == crit.code or _covered(read, c.name, s)[0] < covered for c in rows)


def spelling(text: str | None) -> str:
    """The text with every syllable's tone mark on one vowel: a name read "hóa" that the set
    prints "hoá" is the same wording, kept as printed."""
    return LETTER_RUN.sub(lambda m: place_tone(*split_tone(m.group())), nfc(text or ""))


def as_printed(read: str, wording: str) -> str:
    """The wording with its words spelt as the name read spells them where only the tone mark's
    place differs ("hóa" read, "hoá" published): the document's spelling, the set's words. A word
    the name read glues to others ("Hiệnđạihóahànhchính") is spelt so too when the glued run holds
    it one way only."""
    printed = nfc(read or "")
    spelt = {spelling(w).lower(): w for w in LETTER_RUN.findall(printed)}
    glued = printed.lower()

    def word(m: re.Match) -> str:
        w = m.group()
        own = spelt.get(spelling(w).lower())
        if own is None:
            own = _placed_within(w, glued)
        if own is None or own.lower() == w.lower():
            return w
        return own.upper() if w.isupper() else own.lower() if w.islower() else own

    return LETTER_RUN.sub(word, wording)


def _placed_within(word: str, text: str) -> str | None:
    """The one spelling of ``word`` with its tone mark on another vowel of its nucleus that the
    lower-cased ``text`` holds while it does not hold ``word`` itself; None when there is none."""
    base, tone = split_tone(word.lower())
    if tone == 0 or word.lower() in text:
        return None
    mark = TONE_MARKS[tone - 1]
    decomposed = unicodedata.normalize("NFD", base)
    others = set()
    for k, ch in enumerate(decomposed):
        if fold(ch) in VOWELS:
            # (after the vowel's own shape mark, if any: "ô" + tone)
            end = k + 1
            while end < len(decomposed) and unicodedata.combining(decomposed[end]):
                end += 1
            placed = nfc(decomposed[:end] + mark + decomposed[end:])
            if placed != word.lower() and spelling(placed) == spelling(word.lower()) and placed in text:
                others.add(placed)
    return others.pop() if len(others) == 1 else None


def take_wording(row: ScoreRow, wording: str) -> None:
    """The row named by the wording, what was read kept in ``name_raw``."""
    if not row.name_raw:
        row.name_raw = row.name
    letters = [c for c in row.name if c.isalpha()]
    # (a name printed in capitals, a part's title, keeps them)
    wording = as_printed(row.name, wording)
    row.name = wording.upper() if letters and all(c.isupper() for c in letters) else wording


def _restored(row: ScoreRow) -> bool:
    return any(f.startswith(("name_from_criteria_set", FLAG_WORDING)) for f in row.flags)
