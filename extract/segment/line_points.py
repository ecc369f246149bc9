"""Where a score table's points cells sit on a printed line read by its token pattern, and which
tokens are cells OCR garbled (``line_cells`` reads the rest of the line around them).

The run of points numbers is found without positions: two or more consecutive points tokens (a
rule's specks and a letter OCR reads for a digit allowed between them), or one alone where the
line's shape says it is a cell (ending the line, beside a garbled cell, before a ruling bar or an
explanation's capital); a lone number inside text is a count, not a cell. A token that is no word
and no number (a syllable the language model does not know, a bracket, a lone accent) is a points
cell OCR could not read: it keeps its place in the run, so the numbers take the right columns and
the row is queued rather than its points shifted."""

from __future__ import annotations

import regex as re

from extract.segment.garbled_tokens import (
    LONE_ACCENTS,
    garbled_cell as garbled_cell,
    is_syllable_run as is_syllable_run,
    mixed_cell,
    overlong_cell,
)
from extract.segment.line_common import (
    BAR,
    CELL_SPECKS,
    JUNK,
    LineTableSettings,
    glued_digits,
    glued_readings,
    is_score_token,
    points_cell,
)
from extract.segment.line_split import is_criterion_name, opens_explanation
from extract.segment.misread_comma_run import misread_comma_run
from extract.segment.note_openings import TIME_WORDS, after_name_word, lost_cell_before_note, opens_note
from normalize.lazy_regex import lazy_compile
from normalize.numbers import lost_decimal_readings, parse_number
from normalize.text import fold


def _digit_of(cell: str | None) -> str | None:
    """The digit a letter OCR reads for one stands for ("l" → "1", "O" → "0"); the digits of a
    cell a letter is glued to ("8V" → "8")."""
    return glued_digits(cell) or {"l": "1", "I": "1", "i": "1", "O": "0", "o": "0"}.get(cell or "", cell)


def _number_after(raws: list[str]) -> bool:
    """Whether the line's first token has a points number after it, a ruling line's speck or bar
    between them passed over ("2 10 ._ 10 10": a centred row's numbers behind its code)."""
    after = next((raw for raw in raws[1:] if not JUNK.match(raw)), None)
    return after is not None and points_cell(after) is not None


def _number_run(
    tokens: list[tuple[str, str]],
    n_points: int = 2,
    settings: LineTableSettings = LineTableSettings(),
    coded: bool = False,
) -> tuple[int, int, list[str]] | None:
    """Where the points numbers sit among a line's tokens, and the cells they read as: the first
    two or more consecutive points tokens (up to the ``n_points`` columns; stray rule marks "|"
    between them allowed; a letter OCR reads for a digit counts beside a number), or one points
    token ending the line (the other cells left blank). A lone number inside text ("6 tháng") is
    not a cell. A number opening the line is one only right after the STT cell's code (``coded``:
    a centred row's name printed above and below its numbers' line, "4. 11 11") and beside another
    number, not a letter read for one ("12.1: 2 i i ey": a speck then specks): a line of wrapped
    text may open with a count."""
    raws = [t[1] for t in tokens]
    for i, tok in enumerate(raws):
        if points_cell(tok) is None and points_cell(tok, beside_points=True) is None:
            continue
        if i == 0 and not (coded and _number_after(raws)):
            continue
        if _labelled_value(raws, i, n_points):
            continue  # "+ Ban hành kịp thời: 1 1 0": a scale item's points, the row's cells after it
        cells: list[str | None] = [points_cell(tok)]
        lookalike = [points_cell(tok, beside_points=True)]
        sources = [tok]
        end = i + 1
        j = i + 1
        while len(cells) < n_points:
            while j < len(raws) and JUNK.match(raws[j]):
                j += 1
            if j < len(raws) and points_cell(raws[j], beside_points=True) is not None:
                cells.append(points_cell(raws[j]))
                lookalike.append(points_cell(raws[j], beside_points=True))
                sources.append(raws[j])
                j += 1
                end = j
            elif _ones_between(raws, j, cells):
                cells.append(None)  # "11 ii 11": the 11 OCR read as two letters (``lookalike_readings``)
                lookalike.append(raws[j].strip(CELL_SPECKS))
                sources.append(raws[j])
                j += 1
                end = j
            elif (between := _token_between(raws, j, cells, n_points)) == "speck":
                j += 1  # "10 a 10 10": the figures after the speck fill the columns the run left
            elif between == "lost":
                cells.append(None)  # "5 a 4,75": one figure short, the token is the cell OCR lost
                lookalike.append(raws[j])
                sources.append(raws[j])
                j += 1
                end = j
            elif (
                len(cells) >= 2 or _bar_letter(raws, j) or _marked_letter(raws, j) or _speck_before_last(raws, j, cells)
            ) and _speck_between(raws, j):
                j += 1  # "16 | 16 ne 16": a speck OCR read as letters between two cells
            elif len(cells) >= 2 and _speck_before_last_cell(raws, j, cells):
                j += 1  # "1 1 SH 1": the row's last cell after a speck read as capitals
            else:
                break
        printed = _printed_past_letter(raws, cells, sources, j)
        if printed is not None:
            return i, printed[0], printed[1]
        if len(cells) == n_points and _numbers_to_end(raws, j) and not _max_first(cells):
            continue  # more numbers than columns end the line, the first no max: the cells are later
        if len(cells) == n_points and _later_pair_fits(raws, cells, j):
            continue  # "_ 1: 145 14,5 | Thực hiện": a speck read as a figure before the row's cells
        if len(cells) >= 2 and cells[0] is None and not _max_first([_digit_of(lookalike[0]), *lookalike[1:]]):
            continue  # "l 7": a letter read for a digit, below the self score beside it, is a rule's speck
        if len(cells) >= 2 and (any(c is not None for c in cells) or misread_comma_run(sources)):
            return _with_lost_cells(tokens, i, end, [c for c in lookalike if c is not None], n_points)
        if _ruled_lookalikes(raws, i, end, len(cells), n_points):
            return i, end, [c for c in lookalike if c is not None]
        if cells[0] is None:
            continue
        while j < len(raws) and JUNK.match(raws[j]):
            j += 1
        # A lone number with its comma lost is too like a document's number to be a cell.
        if j >= len(raws) and i >= settings.min_name_words_single and is_score_token(cells[0]):
            return _with_lost_cells(tokens, i, j, [cells[0]], n_points)
        # A lone number inside the line is a cell when a points cell OCR garbled stands beside it
        # ("trách a} 0", "tỉnh 1 : al UBND"): the row's numbers, one of them lost.
        if n_points >= 2 and is_score_token(cells[0]) and i >= 2 and not _full_run_later(raws, j, n_points):
            run = _with_lost_cells(tokens, i, end, [cells[0]], n_points)
            if len(run[2]) > 1:
                return run
            # ... and when the ruling line after its column follows it ("CCHC 3 > | Thông báo").
            if i >= settings.min_name_words_single and BAR in raws[end:j]:
                return i, end, [cells[0]]
        # A lone points number printed with its decimal mark (no document's number nor a count
        # prints one; a quarter point's fraction, not a code's) after a name, with the
        # explanation's capital after it: the one cell the row prints ("… thu tuc hanh chinh 14,5
        # Chua day du tai liéu", "… người dân, tổ 15.5 Chưa đầy đủ": a maximum, no score).
        if (
            i >= settings.min_name_words_single
            and _decimal_points(cells[0])
            and j < len(raws)
            and raws[j][:1].isupper()
        ):
            return i, end, [cells[0]]
        # A lone whole points number on a coded row's line, after its name and before the
        # explanation opening with a document's reference ("… quy pham 10 Ké hoach s6 16/KH-UBND"):
        # a count in text is followed by what it counts, not by "Kế hoạch số". After a catalogued
        # criterion's whole name, any capital opening the words after it opens the explanation
        # ("1. Kiểm tra công tác CCHC 3 Tỷ lệ đạt 87%"): the name has ended, so the number is its cell.
        if (
            coded
            and i >= settings.min_name_words_single
            and is_score_token(cells[0])
            and j < len(raws)
            and raws[j][:1].isupper()
            and (
                opens_explanation(tokens[j:])
                or _ends_whole_name(tokens, i, settings)
                or (opens_note(tokens[j:]) and after_name_word(tokens, i))
            )
        ):
            return i, end, [cells[0]]
        # ... and so is one with a short token no number reads between it and the note ("… kiến
        # nghị của 3 ea Đã ban hành"): that token is the next points cell OCR garbled, kept in its
        # place (it parses as no number: the row is queued), not a word of the name.
        if coded and n_points >= 2 and i >= settings.min_name_words_single and is_score_token(cells[0]):
            if after_name_word(tokens, i) and lost_cell_before_note(tokens, j) is not None:
                return i, j + 1, [cells[0], tokens[j][1]]
    return None


def _ends_whole_name(tokens: list[tuple[str, str]], i: int, settings: LineTableSettings) -> bool:
    """The words before the number ``i`` are a catalogued criterion's whole name, and the number
    is not a date's part after its last word ("Ban hành kế hoạch CCHC năm 2 Đã ban hành": the
    name ends in "năm", and a number after "năm" is its year, cut; the row's cells come later)."""
    return fold(tokens[i - 1][0]).strip(".,:;") not in TIME_WORDS and is_criterion_name(tokens[:i], settings)


def _ruled_lookalikes(raws: list[str], i: int, end: int, n_cells: int, n_points: int) -> bool:
    """A run of letters read for digits alone ("| o7 | o | o |" for 07, 0, 0) is the row's cells
    when it fills every points column, a ruling bar before each of its cells, and ends the line:
    a name's or an explanation's words are not printed one per ruled cell."""
    if n_cells != n_points or n_points < 2 or any(not JUNK.match(raw) for raw in raws[end:]):
        return False
    cells = [k for k in range(i, end) if not JUNK.match(raws[k])]
    return len(cells) == n_points and all(k > 0 and BAR in raws[k - 1] for k in cells)


def _later_pair_fits(raws: list[str], cells: list[str | None], j: int) -> bool:
    """One number more than the points columns follows the run (specks skipped), the run's first
    two cannot be a maximum and a score under any reading ("1: 145 14,5": 145 and 14,5 are above
    1), and the run read one number later can: the first figure is a speck's, the cells are later
    (the arithmetic, not the figure's place, says which figures are the row's)."""
    while j < len(raws) and JUNK.match(raws[j]):
        j += 1
    after = points_cell(raws[j]) if j < len(raws) else None
    if after is None or any(c is None for c in cells) or _max_first(cells):
        return False
    return _max_first([*cells[1:], after])


def _printed_past_letter(
    raws: list[str], cells: list[str | None], sources: list[str], j: int
) -> tuple[int, list[str]] | None:
    """A run that filled the points columns with a letter read for a digit after its first cell
    ("1 i 0,25 | 0,25": "i" for 1), followed by a number printed as one: the letter was a speck
    between two cells, and the printed numbers fill the columns ("1", "0,25", "0,25") when they
    can be a maximum and its scores (``_max_first``). (The end of the run, the cells) or None."""
    letters = [k for k, c in enumerate(cells) if c is None and k > 0 and not re.search(r"\d", sources[k])]
    if len(letters) != 1 or any(c is None for k, c in enumerate(cells) if k not in letters):
        return None
    while j < len(raws) and JUNK.match(raws[j]):
        j += 1
    after = points_cell(raws[j]) if j < len(raws) else None
    if after is None:
        return None
    printed = [c for c in cells if c is not None] + [after]
    return (j + 1, printed) if _max_first(list(printed)) else None


def _labelled_value(raws: list[str], i: int, n_points: int) -> bool:
    """The number at ``i`` is the value a label ending in a colon gives ("Ban hành kịp thời: 1",
    a scoring scale printed in the name's or its own column), with the row's points cells after
    it on the line, one per column (fewer, and the colon may be a speck OCR glued to the name:
    "hành chính: 10 8,5")."""
    label = raws[i - 1] if i > 0 else ""
    if not (label.endswith(":") and re.search(r"\p{L}", label)):
        return False
    return sum(1 for raw in raws[i + 1 :] if points_cell(raw) is not None) >= n_points


def _decimal_points(cell: str) -> bool:
    """A points number printed with a decimal mark and a fraction of quarter points ("14,5",
    "15.5", "0,75"): a code's dot ("1.2") or a count is not one."""
    if not re.fullmatch(r"\d{1,2}[,.]\d{1,2}", cell):
        return False
    value = parse_number(cell, kind="score")
    return value is not None and value.value > 0 and (value.value * 4).is_integer()


def _ones_between(raws: list[str], j: int, cells: list[str | None]) -> bool:
    """Token ``j`` is two letters OCR reads for a 1 ("ii", "Il", "ll") standing between two points
    numbers: a cell printed "11" (or a 1 and a speck), not a word: no name or explanation word
    stands between two figures. A roman "II" is a numeral, not a cell."""
    core = raws[j].strip(CELL_SPECKS) if j < len(raws) else ""
    if not _DOUBLED_ONE.fullmatch(core) or core == "II" or not cells or cells[-1] is None:
        return False
    k = j + 1
    while k < len(raws) and JUNK.match(raws[k]):
        k += 1
    return k < len(raws) and points_cell(raws[k]) is not None


# Two of the letters OCR reads for a 1 ("ii", "Il", "ïÌ"): a cell "11" garbled.
_DOUBLED_ONE = lazy_compile(r"[lIiìíïÌÍ]{2}")


def _speck_between(raws: list[str], j: int) -> bool:
    """Token ``j``, inside a run of two numbers or more, is a speck read as one or two small letters
    ("ne", "en") with a points number right after it: the run goes on past it (a garbled cell would
    leave more cells than the table has columns)."""
    # Two letters in lower case only: an explanation opens with a capital ("2 1,5 Đã 3 lần"); but
    # an "L" is a ruling line read as a letter ("10 L 6,5 6,25"). One letter alone, of either
    # case, is a speck's shape ("10 95 Ệ 95 Quyết định …"): no explanation opens with it.
    if j + 1 >= len(raws) or not (
        re.fullmatch(r"\p{Ll}{1,2}|\p{L}", raws[j].strip(CELL_SPECKS) or "-") or _bar_letter(raws, j)
    ):
        return False
    return points_cell(raws[j + 1]) is not None


def _token_between(raws: list[str], j: int, cells: list[str | None], n_points: int) -> str | None:
    """What token ``j``, a few letters no number after a run's lone figure, is when printed
    figures follow it to the run's end (the line's end, a bar or the explanation's capital, a bar
    read "[" glued to it): a speck ("speck") when they fill every column left ("10 a 10 10"); the middle
    cell OCR could not read ("lost") when one figure short of them ("5 a 4,75", "1 les 0,75": the
    maximum, a lost self score, the appraised score). The figures counted together, not one by
    one, say which: a token standing where a cell is and the columns the figures leave agree.
    None otherwise (the figure after it must fit under the first as a score of it)."""
    if len(cells) != 1 or cells[0] is None or n_points < 2 or j >= len(raws):
        return None
    core = raws[j].strip(CELL_SPECKS)
    if not re.fullmatch(r"\p{L}{1,3}", core) or (len(core) == 3 and is_syllable_run(core)):
        return None
    after: list[str] = []
    k = j + 1
    while k < len(raws):
        raw = raws[k]
        cell = points_cell(raw)
        if cell is not None:
            after.append(cell)
        elif not (JUNK.match(raw) or (after and re.fullmatch(r"\p{L}", raw.strip(CELL_SPECKS) or "-"))):
            break
        k += 1
    ends = k >= len(raws) or raws[k].lstrip("[|(" + CELL_SPECKS)[:1].isupper()
    if not after or not ends or not _max_first([cells[0], after[0]]):
        return None
    if len(after) == n_points - 1:
        return "speck"
    # (the figure after it printed clean: one with specks glued, "11 Hi 1ˆ", lost ink as well)
    if n_points == 3 and len(after) == 1 and after[0] in raws[j + 1 :]:
        return "lost"
    return None


def _speck_before_last(raws: list[str], j: int, cells: list[str | None]) -> bool:
    """Token ``j`` stands between a lone number and the number ending the line, the two a
    maximum and a score ("CCHC 10 ac 5,5"): no text goes on after it, so the letters are a
    ruling line's speck between the two cells, not a word of the name. vie OCR gives the speck
    its marks ("hướng 1 nã 1"): small letters with marks are one too."""
    rest = [r for r in raws[j + 1 :] if not JUNK.match(r)]
    return (
        len(cells) == 1
        and cells[0] is not None
        and len(rest) == 1
        and (raws[j].isascii() or raws[j].islower())
        and points_cell(rest[0]) is not None
        and _max_first([cells[0], points_cell(rest[0])])
    )


def _speck_before_last_cell(raws: list[str], j: int, cells: list[str | None]) -> bool:
    """Token ``j``, after two figures or more of a run, is one or two letters (capitals too: "SH")
    with one figure after it that ends the line and fits under the run's maximum ("1 1 SH 1"):
    a ruling line's speck before the row's last cell. An explanation opening with a capital goes
    on with words, and a lost cell would leave the line's last figure past the table's columns."""
    core = raws[j].strip(CELL_SPECKS) if j < len(raws) else ""
    rest = [r for r in raws[j + 1 :] if not JUNK.match(r)]
    if not re.fullmatch(r"\p{L}{1,2}", core) or len(rest) != 1 or any(c is None for c in cells):
        return False
    last = points_cell(rest[0])
    return last is not None and _max_first([cells[0], last])


def _marked_letter(raws: list[str], j: int) -> bool:
    """Token ``j`` is a lone letter carrying a mark no plain letter has ("Ụ", "ễ"): the shape vie
    OCR gives a speck of a ruling line; a one-letter word between two cells it is not."""
    core = raws[j].strip(CELL_SPECKS) if j < len(raws) else ""
    return bool(re.fullmatch(r"\p{L}", core)) and not core.isascii() and core not in "đĐ"


def _bar_letter(raws: list[str], j: int) -> bool:
    """Token ``j`` is an "L": the shape OCR reads a ruling line with its foot as (no points
    cell's lookalike: "l" and "I" are read for a 1)."""
    return j < len(raws) and raws[j].strip(CELL_SPECKS) == "L"


def _numbers_to_end(raws: list[str], j: int) -> bool:
    """Whether the line goes on from ``j`` with points numbers only (specks aside) to its end: a
    run of more numbers than the table has points columns, printed last."""
    rest = [r for r in raws[j:] if not JUNK.match(r)]
    return bool(rest) and all(points_cell(r) is not None for r in rest)


def _full_run_later(raws: list[str], j: int, n_points: int) -> bool:
    """Whether the line ends, past ``j``, in a run of at least ``n_points`` points numbers (specks
    aside): the row's cells, a lone number and a garbled token before them the text's or the
    scale's ("hanh chinh 2 z 10 9,5 9,25": 10, 9,5 and 9,25, not 2 and a lost "z")."""
    for k in range(j + 1, len(raws)):
        if points_cell(raws[k]) is not None:
            rest = [r for r in raws[k:] if not JUNK.match(r)]
            return len(rest) >= n_points and _numbers_to_end(raws, k)
    return False


def _max_first(cells: list[str | None]) -> bool:
    """Whether a run's first two numbers can be a max and a self score (the self at most the max,
    a lost decimal comma allowed: "10. 55" is 10 and 5,5). In a longer run that ends the line, a
    first pair that cannot ("Ké hoach CCHC nam 3 5 4": 5 above 3) says the first number is the
    text's or a speck's, and the cells are the run's later numbers."""
    first, second = (parse_number(glued_digits(c) or c, kind="score") if c else None for c in cells[:2])
    if first is None or second is None:
        return True
    readings = [second.value, *lost_decimal_readings(cells[1] or "", upper=first.value)]
    return min(readings) <= first.value


def _lost_run(tokens: list[tuple[str, str]], n_points: int = 2) -> tuple[int, int, list[str]] | None:
    """A coded row line with no number whose name is followed by a garbled points cell and then
    more words ("Kiểm tra công tác CCHC : : S Quyết định số …"): the cell is the numbers' place,
    OCR lost; the text before it is the name, after it the explanation. So are up to ``n_points``
    garbled cells right after the name's last word when a note opens after them ("… kiến nghị
    của cá =ì sj Báo cáo số 171/BC-", "… ngân sách xã B Đã ban hành đúng thời gian"): no name
    goes on with a document cited or a verdict, so the name ended where the cells stand."""
    words = 0
    for k, token in enumerate(tokens):
        if JUNK.match(token[1]):
            continue
        if words >= 2 and garbled_cell(token) and re.search(r"\p{L}{2}", " ".join(r for _, r in tokens[k + 1 :])):
            before = tokens[k - 1][1] if k else ""
            after = tokens[k + 1][1] if k + 1 < len(tokens) else ""
            # Set apart by specks or bars on both sides, as a cell of its own is.
            if JUNK.match(before) and (not after or JUNK.match(after) or after[:1].isupper()):
                return k, k + 1, [token[1]]
            noted = _cells_before_note(tokens, k, n_points)
            if noted is not None:
                return k, noted, [raw for _, raw in tokens[k:noted] if not JUNK.match(raw) and raw != BAR]
        words += 1
    return None


def _cells_before_note(tokens: list[tuple[str, str]], k: int, n_points: int) -> int | None:
    """Where the note opens when tokens ``k``… are at most ``n_points`` garbled cells (specks and
    bars between them passed) and a note opens right after them; None otherwise. A token a digit's
    look-alike reads as a figure ("B" as 8, "il" as 11) is left to the number readers: no figure
    is guessed from the cells taken here, they stay lost."""
    cells, j = 0, k
    while j < len(tokens) and cells <= n_points:
        if JUNK.match(tokens[j][1]) or tokens[j][1] == BAR:
            j += 1
        elif (
            garbled_cell(tokens[j])
            and parse_number(tokens[j][1], kind="score", ocr=True) is None
            # (a lettered item's label, "b) Thông báo số …", opens the note's item: no cell)
            and not re.fullmatch(r"\p{L}[.)]", tokens[j][1])
        ):
            cells, j = cells + 1, j + 1
        else:
            return j if 0 < cells <= n_points and opens_note(tokens[j:]) else None
    return None


def _with_lost_cells(
    tokens: list[tuple[str, str]], first: int, last: int, numbers: list[str], n_points: int
) -> tuple[int, int, list[str]]:
    """A run with fewer numbers than the points columns, next to a token that is a garbled
    points cell (not a word: "a}", "ae", "<8]"): that token is the lost cell, kept as OCR read it
    (it parses as no number, so the row is flagged for review), and the numbers take the columns
    it leaves: after a lost cell before them, the later columns; before one after them, the first."""
    if len(numbers) >= n_points:
        return first, last, numbers
    before = first - 1
    while before > 0 and JUNK.match(tokens[before][1]):
        before -= 1
    after = last
    while after < len(tokens) and JUNK.match(tokens[after][1]):
        after += 1
    lost_before = before >= 1 and (garbled_cell(tokens[before]) or _glued_max(tokens[before][1], numbers))
    lost_after = after < len(tokens) and (
        garbled_cell(tokens[after], last=after == len(tokens) - 1)
        or overlong_cell(tokens, after)
        or mixed_cell(tokens, after)
        # (ending the line, only after figures that can be a maximum and its score: "2 1,5 1D",
        # not "2 5 H5,", whose figures are no such pair)
        or (mixed_cell(tokens, after, at_end=True) and len(numbers) >= 2 and _max_first(list[str | None](numbers)))
    )
    if lost_before and not lost_after:
        return before, last, [tokens[before][1], *numbers]
    if lost_after and not lost_before:
        past = _numbers_after(tokens, after + 1, n_points)
        if past and len(numbers) + len(past) == n_points and _speck_before_past(tokens[after][1], numbers, past):
            # "10 9/25 ˆ 9,25": the numbers after the mark fill the columns the run left, so the
            # mark is a speck between two cells, not a third cell lost.
            return first, past[-1][0] + 1, [*numbers, *(cell for _, cell in past)]
        return _run_past_lost(tokens, first, after, [*numbers, tokens[after][1]], n_points)
    return first, last, numbers


def _glued_max(raw: str, numbers: list[str]) -> bool:
    """A cell a letter is glued to, right before a run short of the points columns, that is the
    run's maximum only with its letter read as the digit it looks like ("i0 95 9": 10, then 9,5
    and 9; read as a speck, "0" is below them and the run would start at 95): the first cell,
    kept as OCR printed it (``glued_readings`` gives the set and the sums both readings)."""
    readings = glued_readings(raw)
    if points_cell(raw) is not None or len(readings) < 2 or not numbers:
        return False
    return any(_max_first([f"{value:g}", numbers[0]]) for value in readings[1:])


def _speck_before_past(raw: str, numbers: list[str], past: list[tuple[int, str]]) -> bool:
    """A token between a run's figures and the figures filling the columns it left is a speck, not
    a cell lost: a mark or one letter (``_spacing_mark``), or two letters when every figure after
    it prints its decimal mark and fits under the run's maximum ("16 16 oF 15.75": no count nor a
    document's number prints "15.75", and a lost cell would leave it past the table's columns)."""
    if _spacing_mark(raw):
        return True
    if not re.fullmatch(r"\p{L}{2}", raw.strip(CELL_SPECKS)) or not all(_decimal_points(c) for _, c in past):
        return False
    return _max_first([numbers[0], past[0][1]])


def _spacing_mark(raw: str) -> bool:
    """A token that is an accent or one letter alone (``garbled_cell`` with no digit or
    bracket in it): a speck's shape as much as a lost cell's."""
    return bool(LONE_ACCENTS.fullmatch(raw) or re.fullmatch(r"\p{L}", raw.strip(CELL_SPECKS)))


def _numbers_after(tokens: list[tuple[str, str]], k: int, n_points: int) -> list[tuple[int, str]]:
    """The points cells that follow token ``k`` (specks skipped), up to ``n_points``, with their
    token index."""
    out: list[tuple[int, str]] = []
    while k < len(tokens) and len(out) < n_points:
        if JUNK.match(tokens[k][1]):
            k += 1
            continue
        cell = points_cell(tokens[k][1])
        if cell is None:
            break
        out.append((k, cell))
        k += 1
    return out


def _run_past_lost(
    tokens: list[tuple[str, str]], first: int, lost: int, cells: list[str], n_points: int
) -> tuple[int, int, list[str]]:
    """The run goes on past a lost cell while points numbers follow it ("10 <0 10": the
    appraised 10 after the garbled self score is the row's too), up to the table's columns."""
    end = lost + 1
    k = end
    while len(cells) < n_points:
        while k < len(tokens) and JUNK.match(tokens[k][1]):
            k += 1
        cell = points_cell(tokens[k][1]) if k < len(tokens) else None
        if cell is None:
            break
        cells.append(cell)
        k += 1
        end = k
    return first, end, cells
