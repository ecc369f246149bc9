"""How a score row's note (the explanation, evidence or verdict column) opens on a printed line,
so a lone points figure before it is told for the row's cell: the figure ends the name, the words
after it are the note's.

``line_split.opens_explanation`` knows the notes that cite a document ("Kế hoạch số …", a date).
A note just as often states the commune's verdict on the criterion: "Đã ban hành đúng thời gian
quy định", "Ban hành chậm so với quy định", "Đạt yêu cầu theo hướng dẫn", "Tỷ lệ đạt 77%",
"Chưa hoàn thành 2/17 nhiệm vụ", "Thực hiện đầy đủ, đúng quy định", "Không phát sinh". No
criterion's name goes on with one of these after a figure: a name says what is scored ("Ban hành
kế hoạch …", "Tỷ lệ hồ sơ …"), never that it was done, late, met or at what rate. A dump's line
"… nghị của 3 ea Đã ban hành đúng thời" prints the row's maximum, its self score garbled ("ea")
and the note; "… trực tiếp giải 5 Tỷ lệ đạt 77%" the maximum alone (no self score: the row is
not self-scored, or OCR lost it) and the note."""

from __future__ import annotations

from dataclasses import dataclass

import regex as re

from extract.segment.line_common import BAR, CELL_SPECKS, JUNK, points_cell
from extract.segment.line_split import opens_explanation
from normalize.lazy_regex import lazy_compile
from normalize.text import fold

# A verdict note's opening words, folded (marks dropped, as a dump read with the "eng" model prints
# them, and lower case). "ban hanh cham" (late), never "ban hanh" alone (a criterion's "Ban hành
# kế hoạch"); "ty le dat" then a figure (the rate reached), never "ty le" alone ("Tỷ lệ hồ sơ …");
# "hoan thanh" then a figure or "dung"/"day du" ("Hoàn thành 100% kế hoạch").
VERDICT_OPENING = lazy_compile(
    r"^(?:da ban hanh|ban hanh cham|dat yeu cau|ty le dat\s*\d|hoan thanh\s*(?:\d|dung|day du)"
    r"|chua (?:hoan thanh|day du|dat|ban hanh|thuc hien)|thuc hien day du|khong phat sinh)"
)

# Words a number after which is a date's part, not a cell ("… kế hoạch CCHC năm 2", a year's
# digits cut by OCR): folded, as ``fold`` prints them.
TIME_WORDS = frozenset({"nam", "thang", "ngay", "quy"})


@dataclass(frozen=True)
class NoteOpeningSettings:
    # How many of the note's first words are read to tell its opening (the longest opening,
    # "hoàn thành đúng", is three words; a figure glued to "đạt" may be a fourth).
    words: int = 4
    # The longest token (specks stripped) taken for a points cell OCR garbled between a lone
    # figure and the note ("ea", "AS", "Bán", "Soap"): a longer one is a word of the name.
    lost_cell_chars: int = 4


def opens_note(tokens: list[tuple[str, str]], settings: NoteOpeningSettings = NoteOpeningSettings()) -> bool:
    """Whether (repaired, raw) tokens open a row's note: a document cited (``opens_explanation``)
    or a verdict (``VERDICT_OPENING``), read from the repaired words or, when the repair took a
    garbled word elsewhere, from the raw ones."""
    if not tokens or not tokens[0][1][:1].isupper():
        return False
    if opens_explanation(tokens):
        return True
    words = [t for t in tokens if t[1] != BAR and not JUNK.match(t[1])][: settings.words]
    return any(
        VERDICT_OPENING.match(" ".join(fold(w[k]).lower().strip(".,:;") for w in words)) is not None for k in (0, 1)
    )


def lost_cell_before_note(
    tokens: list[tuple[str, str]], k: int, settings: NoteOpeningSettings = NoteOpeningSettings()
) -> int | None:
    """The index of the note's first token when token ``k`` (after a lone points figure) is a
    short token no number reads ("ea", "AS", "Bán") with the note opening right after it (specks
    and bars passed): the points cell OCR garbled, between the figure and the note. None else."""
    if k >= len(tokens):
        return None
    core = tokens[k][1].strip(CELL_SPECKS + BAR)
    if not core or len(core) > settings.lost_cell_chars or points_cell(tokens[k][1]) is not None:
        return None
    if re.search(r"\d", core):
        return None  # (a figure glued to a speck is the number readers' to read, not a lost cell)
    nxt = k + 1
    while nxt < len(tokens) and (JUNK.match(tokens[nxt][1]) or tokens[nxt][1] == BAR):
        nxt += 1
    return nxt if opens_note(tokens[nxt:], settings) else None


def after_name_word(tokens: list[tuple[str, str]], k: int) -> bool:
    """Whether token ``k`` (a lone figure) follows a word of the name right away: two letters or
    more, not all capitals, no time word (``TIME_WORDS``), nothing between. Only then is the
    figure the row's first points cell; after a token OCR garbled ("{ 0 Chưa đầy đủ", "MAS AA 14
    Ban hành chậm") the figure is a later column's, the cells before it lost."""
    if k < 1:
        return False
    raw = tokens[k - 1][1]
    if fold(tokens[k - 1][0]).lower().strip(".,:;") in TIME_WORDS:
        return False  # ("… năm 2 Đã ban hành": a year OCR cut, the row's cells on another line)
    return re.fullmatch(r"\p{L}{2,}[,.;:]?", raw) is not None and not raw.isupper()
