"""Whether a line with no numbers of its own opens a row or goes on with the row above: the name
rules of the score-table row builder (``line_rows.RowBuilder``), as pure tests of the row drafted so
far and the line read into cells.

A dump loses cells: a row's code, its points, a whole line. What is left to tell one row from the
next is the criteria set's own wording. A line that is, whole, a catalogued criterion name (or
opens with one) is a row of its own whose code and points OCR lost; a line opening a name under a
capitals heading, or under a row whose name is already whole, is the next row's, printed above its
numbers; a name's wrapped middle and an explanation's words are neither, and join the row above.
Headings wrap in capitals and have no explanation, so their wrapped words are told apart by case.
In a table whose numbers are centred in tall rows, a row's name runs both above and below its
numbers' line, so a row is complete when it has as many lines below its numbers as above them."""

from __future__ import annotations

import regex as re
from rapidfuzz import fuzz

from extract.segment.line_cells import LineCells, is_syllable_run
from extract.segment.line_common import LineTableSettings, ends_dangling
from extract.segment.line_split import (
    criterion_catalogue,
    criterion_name_prefix,
    is_criterion_name,
    is_heading,
    opens_explanation,
    opens_name_line,
    opens_name_part,
)
from extract.segment.line_words import (
    bar_tails,
    digit_speck,
    in_capitals,
    name_before_garbled_cells,
    opens_with_word,
    speckish,
    starts_name,
    unspecked,
    words_only,
)
from extract.segment.row_draft import RowDraft
from normalize.codes import CriterionCode, read_code_token, transition_cost
from normalize.lazy_regex import lazy_compile
from normalize.text import fold_words


def heading_tail(cur: RowDraft, cells: LineCells, settings: LineTableSettings) -> bool:
    """A numbers line whose text is only capitals words ("CCHC") under a row of a capitals
    heading that has no numbers and no code of its own after it: the heading's wrapped last
    words, its numbers printed beside them (a row of its own opens with its name)."""
    words = [raw for _, raw in unspecked(cells.name) if re.search(r"\p{L}{2}", raw)]
    if cur.n_numbers or not words:
        return False
    if cells.code is not None:
        # The heading's code centred on its wrapped last line, when the heading printed none:
        # "1, CCHC : Bata 10 8,25" under "CONG TAC CHI DAO, DIEU HANH" (a speck word aside); a
        # row of its own has a name of more than a heading's last words.
        capitals = [w for w in words if w.isupper()]
        if cur.code is not None or not 0 < len(capitals) <= _HEADING_TAIL_WORDS:
            return False
        if not all(w.isupper() or speckish(w) for w in words):
            return False
    elif not all(w.isupper() for w in words):
        return False
    return bool(cur.name) and is_heading(cur.name, settings)


# The most capitals words a heading's wrapped last line holds beside its code and numbers.
_HEADING_TAIL_WORDS = 2


def after_heading(cur: RowDraft, cells: LineCells, settings: LineTableSettings) -> bool:
    """The coded line opens a name printed mostly in small letters under a capitals heading
    (a heading's own wrapped words, "L. CCHC", are capitals)."""
    tokens = unspecked(cells.text_tokens)
    letters = "".join(raw for _, raw in tokens)
    small = sum(ch.islower() for ch in letters) > sum(ch.isupper() for ch in letters)
    return small and starts_name(tokens) and is_heading(cur.name, settings)


def coded_centre(cur: RowDraft, centred: bool) -> bool:
    """In a centred table, a row whose code and name are read (its centre line passed, its
    numbers read or lost there) holds no more than its name's lines below: a line opening
    with another whole catalogued name is the next row's, printed above its numbers' line
    ("Ban hành kế hoạch CCHC năm | Chưa hoàn thành …" under "11 | KếhoạchCCHC năm ni … 58")."""
    return centred and cur.code is not None and bool(cur.name) and not cur.awaiting_numbers


def lost_row(cur: RowDraft, cells: LineCells, settings: LineTableSettings, table_points: int) -> bool:
    """A number-less line after a row's numbers that is, whole, a catalogued criterion name
    (a capital first, specks and a stray letter at its end aside) is a row of its own whose
    code and points OCR lost ("Ké hoach CCHC nim i"), not the row above's continuation: a
    name's wrapped line or an explanation is not a whole criterion name."""
    if not whole_name_line(cells, settings, table_points):
        return False
    if (interleaved(cur) and cur.n_numbers) or cur.whole_name:
        return True
    # A row with no numbers whose name is already, whole, a catalogued name is complete too
    # (a table whose codes and points OCR lost prints one name after another).
    return bool(cur.name) and not cur.explanation and is_criterion_name(unspecked(cur.name), settings)


def named_apart(
    cur: RowDraft, cells: LineCells, rows: list[RowDraft], settings: LineTableSettings, table_points: int
) -> bool:
    """A row with its figures whose name is already, whole, a catalogued criterion name, then a
    coded line whose text is, whole, another, its code past the row's place (``past_place``):
    two rows (the line's code is its own), not one row whose code OCR printed late. So too when
    the row holds every points cell the table prints and the line opens with another whole
    criterion name, its explanation after it: the row's name OCR garbled past recognition ("Bỹ
    Xây dựng … chất Hi cc đội ngũ công cH viên … 16 16 16", its code "5." read "Bỹ") then "6. |
    Cải cách tài chính công Đạt yêu cầu …", its figures lost: a row whose figures are all read
    waits for no code, and a line opening a criterion's name is no wrapped line of it."""
    if not (cur.n_numbers or cur.appraised_raw is not None) or not cur.name or cells.code is None:
        return False
    if not past_place(cells.code, rows, settings):
        return False
    line_name = whole_name(cells, settings, table_points)
    if line_name and not is_criterion_name(_without_cell_specks(unspecked(cur.name)), settings):
        line_name = []
    if not line_name and _points_full(cur, table_points):
        opening = name_opening(cells, settings)
        line_name = opening[0] if opening else []
    if not line_name:
        return False
    return fold_words(" ".join(t for t, _ in line_name)) not in fold_words(" ".join(t for t, _ in cur.name))


def _points_full(cur: RowDraft, table_points: int) -> bool:
    """Whether a row holds a figure in each of the table's ``table_points`` points cells."""
    cells = (cur.max_raw, cur.self_raw, cur.appraised_raw)[: max(table_points, 2)]
    return table_points >= 2 and all(raw is not None for raw in cells)


def past_place(code: str, rows: list[RowDraft], settings: LineTableSettings) -> bool:
    """Whether ``code`` numbers the row after the last of ``rows``: the place the rows since the
    last code read give the last row ("5" for the fourth uncoded row after "1", 1.1.4 for the
    row after 1.1.3) is not ``code``, and ``code`` is a next step from it ("6"; "1.2"). Codes
    read through lookalike letters ("L2") say nothing here."""
    reading = read_code_token(code)
    coded = [k for k, row in enumerate(rows) if row.code]
    if reading is None or not reading.components or reading.lookalikes or not coded:
        return False
    last = read_code_token(str(rows[coded[-1]].code))
    if last is None or not last.components or last.lookalikes:
        return False
    place = (*last.components[:-1], last.components[-1] + len(rows) - 1 - coded[-1])
    if reading.components == place:
        return False
    cost = transition_cost(CriterionCode(0, place), CriterionCode(0, reading.components))
    return cost is not None and cost <= settings.max_code_step


def name_opening(
    cells: LineCells, settings: LineTableSettings
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]] | None:
    """A number-less line (or its part after a ruling bar: the STT cell OCR garbled before
    it, "it | Kế hoạch …") that opens with a whole catalogued criterion name, other text
    after it: (the name, the rest); None for none."""
    for part in bar_tails(cells):
        words = unspecked(part)
        starts = [part.index(words[0])] if words else [0]
        # (or past the STT cell OCR garbled into words the language does not know: "Sine Cai
        # cach té chifc b6 may hanh chinh …", "sá là T111, Ban hành kế hoạch CCHC năm: …")
        for k in range(1, min(_STT_SPECKS, len(words) - 2) + 1):
            if not speckish(words[k - 1][1]):
                break
            starts.append(part.index(words[k]))
        # (a start at a capitalised word first: a name opens so, a speck with a digit does not)
        starts.sort(key=lambda at: not re.match(r"\p{Lu}\p{Ll}", part[at][1]))
        for start in starts:
            k = criterion_name_prefix(part[start:], settings)
            if k:
                return part[start : start + k], part[start + k :]
    return None


def coded_name_split(
    cells: LineCells, settings: LineTableSettings
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """A coded line's text with no figures on it, as (name, explanation): a whole catalogued
    criterion name, then (past OCR's specks) words opening an explanation, are split there ("4
    Cải cách tổ chifc b6 máy hành chính ôi. Thông báo số 274/TB-UBND ngày"); else all the name's."""
    tokens = cells.text_tokens
    if cells.has_numbers or cells.explanation:
        return tokens, []
    opening = name_opening(cells, settings)
    if opening is None or not opening[1]:
        return tokens, []
    name, rest = opening
    for k in range(min(_STT_SPECKS, len(rest))):
        if opens_explanation(rest[k:]):
            return name, rest[k:]
        if not speckish(rest[k][1]):
            break
    return tokens, []


def scale_item_row(cur: RowDraft, cells: LineCells) -> bool:
    """A row no code opened, opened by a numbers line whose text is a scoring scale's item (a
    label, its colon and points: "Do. _| Dưới 70% kế hoạch: 0 - Si : : 1", the row above's last
    scale line whose bullet OCR made letters of), then a coded line opening a name of its own
    ("1.2 † Báo cáo CCHC"): the coded line is the next row, named by its own words; a scale's
    item is no row's name."""
    if cur.code is not None or cur.started_by != "numbers" or not cur.n_numbers:
        return False
    text = " ".join(raw for _, raw in cur.name)
    return bool(_LABEL_POINTS.search(text)) and starts_name(unspecked(cells.text_tokens))


# A scale item's label and points: a word, its colon, a figure ("kế hoạch: 0", "thời: 1").
_LABEL_POINTS = lazy_compile(r"\p{L}{2,}\s*:\s*\d+(?:[.,]\d+)?(?!\S*\p{L})")


def next_name(cur: RowDraft, cells: LineCells, settings: LineTableSettings, table_points: int) -> bool:
    if whole_name_line(cells, settings, table_points):
        return True
    return starts_name(cells.text_tokens) and is_criterion_name(unspecked(cur.name), settings)


def below_heading(cur: RowDraft, tokens: list[tuple[str, str]], settings: LineTableSettings) -> bool:
    """A capitals heading with no numbers nor explanation (its cells lost, or centred on a
    line OCR lost), then a line opening a name in small letters: the next row's ("Kế hoạch
    CCHC năm" under "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"). A heading wraps in capitals and has no
    explanation of its own, so the line is neither."""
    if cur.n_numbers or cur.appraised_raw is not None or cur.explanation or not cur.name:
        return False
    if not is_heading(cur.name, settings):
        return False
    words = unspecked(tokens)
    # (the heading whole already, or the line opening a name of its own: a heading's wrapped
    # last words OCR read in small letters, "Hành CCHC" under "CÔNG TÁC CHỈ ĐẠO, ĐIỀU", are
    # neither)
    if not (cur.whole_name or is_criterion_name(unspecked(cur.name), settings)):
        if not opens_name_line(words, settings):
            return False
    # (the first word as repaired: OCR's "K€" of "Kế" is a speck to the raw reading)
    first = next((text for text, _ in tokens if re.search(r"\p{L}{2}", text)), "")
    return (
        (starts_name(words) or first[:1].isupper())
        and opens_with_word(tokens)
        and not in_capitals(words_only(words), settings)
        and not opens_explanation(words)
    )


def coded_next_name(cur: RowDraft, cells: LineCells, settings: LineTableSettings) -> bool:
    """A row waiting for its numbers whose name is already, whole, a catalogued criterion
    name, and a numbers line printing a code then another catalogued name's opening: the next
    row ("2. xay dung va to chuc thuc hien van ban quy pham 9,75 9,75" under "Công tác chỉ
    đạo, điều hành cải cách hành chính"), not the waiting row's numbers line. (After a printed
    code the name's first letter's case says nothing: OCR reads "X" as "x".)"""
    if cells.code is None or cur.code is not None or not cur.name or not cells.name:
        return False
    if not is_criterion_name(unspecked(cur.name), settings):
        return False
    tokens = unspecked(cells.name)
    if not tokens:
        return False
    first, raw = tokens[0]
    return opens_name_line([(first[:1].upper() + first[1:], raw), *tokens[1:]], settings)


def own_name_under_waiting(cur: RowDraft, cells: LineCells, settings: LineTableSettings) -> bool:
    """In a centred table, a row waiting for its numbers whose name is garbled (not, whole, a
    catalogued name: "vr Cải cách té.chite b6é máy hành chính u ỉu u", its numbers OCR made
    letters of), then a numbers line whose text opens a catalogued name of its own, a capital
    first past a garbled STT cell ("“5. XAy ding va nang cao chat lwgng … 16 16 16"): the next
    row, not the waiting row's numbers line (which goes on with its name's lower-case middle)."""
    if cur.code is not None or cur.n_numbers or not cur.name or not cells.name:
        return False
    if is_criterion_name(unspecked(cur.name), settings):
        return False
    letters = [ch for _, raw in cur.name for ch in raw if ch.isalpha()]
    if letters and all(ch.isupper() for ch in letters):
        return False  # a capitals heading's wrapped line ("CẢI CÁCH HÀNH CHÍNH"), not a garbled name
    return opens_name_part(unspecked(cells.name), settings)


def names_row(cells: LineCells) -> bool:
    """The text before a line's numbers opens a name of its own: a capital first, and words
    the language knows (not "[Cheeni fags", the row's cells OCR garbled on its numbers' line)."""
    tokens = unspecked(cells.name)
    if len(tokens) > 1 and tokens[0][1][:1].islower() and speckish(tokens[0][1]):
        tokens = tokens[1:]  # the STT cell OCR garbled into letters ("eat | Ban hanh …")
    words = [re.sub(r"[^\p{L}]", "", raw) for _, raw in tokens if re.search(r"\p{L}{2}", raw)]
    if not starts_name(tokens) or not words:
        return False
    if cells.code is not None:
        # (after a printed code, a name OCR glued together opens it: "1.1 | KéhoachCCHC nam",
        # "12 | BáocáoCCHC - z 1 1")
        return any(w.isupper() or is_syllable_run(w) for w in words) or is_criterion_name(tokens)
    # With no code, its first word is one the language knows (or a capitals heading's): "NIệi b
    # 3/8/2013 TL" is a garbled cell's letters beside the figures, whatever capitals follow them.
    return words[0].isupper() or is_syllable_run(words[0])


# At most this many tokens OCR made of a garbled STT cell before a name opening a line.
_STT_SPECKS = 3


def whole_name_line(cells: LineCells, settings: LineTableSettings, table_points: int) -> bool:
    return bool(whole_name(cells, settings, table_points))


def whole_name(cells: LineCells, settings: LineTableSettings, table_points: int) -> list[tuple[str, str]]:
    """The name a line holds when its text is, whole, a catalogued criterion name (a capital
    first; specks and a stray letter at its ends aside), or its text after a ruling bar is
    (the STT cell OCR garbled before it: "| it | | Kéhoach CCHC nim ee"); [] otherwise."""
    for part in bar_tails(cells):
        tokens = unspecked([t for t in part if len(t[1]) > 1 or t[1].isupper()])
        if len(tokens) > 2 and _garbled_stt(tokens[0][1]) and starts_name(tokens[1:2]):
            tokens = tokens[1:]  # the STT cell OCR garbled into a small word ("vô Hiện đại …", "1ộT")
        # A short token ending the line may be a garbled points cell ("ee"), not the name's.
        bare = tokens[:-1] if tokens and len(tokens[-1][1]) <= 2 and tokens[-1][1].islower() else tokens
        for candidate in (tokens, bare):
            if len(candidate) >= 2 and is_criterion_name(candidate, settings):
                return candidate
        # ... or the name, then only specks OCR made of the row's garbled cells ("Ls 8s").
        k = criterion_name_prefix(tokens, settings)
        if k and all(speckish(raw) for _, raw in tokens[k:]):
            return tokens[:k]
        short = name_before_garbled_cells(tokens, settings)
        if short:
            return short
        # ... or a short name (too short to open a line by prefix), then no more than the
        # row's points cells OCR garbled into specks ("Ké hoach CCH nim [sf 3s", "Bio cio
        # CCHC [2 pas],").
        # (the fewest specks first; a cell OCR read in two pieces, "2/2) 2y)", allows one
        # speck more than the columns)
        for k in range(len(tokens) - 1, max(1, len(tokens) - table_points - 2), -1):
            if not speckish(tokens[k][1]):
                break
            if is_criterion_name(tokens[:k], settings):
                return tokens[:k]
    return []


def opens_centred_row(cur: RowDraft, tokens: list[tuple[str, str]], settings: LineTableSettings) -> bool:
    """In a table whose numbers (and codes) are centred in their rows, a number-less line
    after a row's numbers opens the next row when it starts like a name (a capital letter, not
    an explanation's opening: "UBND ngày …", a document number's rest) and the row above has as
    many lines below its numbers as above them (a centred cell)."""
    has_numbers = cur.n_numbers > 0 or cur.appraised_raw is not None or cur.centre_line
    return (
        has_numbers
        and not cur.awaiting_numbers
        and cur.lines_below >= cur.lines_above
        # (or past a short token OCR made of the ruling line, as a catalogued name opens, its
        # first words at least when the explanation's go on after them on the line: "TTất cả báo
        # cáo được gửi … (báo _ | Chưa hoàn thành …", a letter OCR doubled)
        and (
            starts_name(tokens)
            and opens_with_word(tokens)
            and not opens_explanation(unspecked(tokens))
            or opens_name_line(tokens, settings)
            or opens_name_part(unspecked(tokens), settings)
        )
    )


def after_whole_named_figures(cur: RowDraft, tokens: list[tuple[str, str]], settings: LineTableSettings) -> bool:
    """In a centred table, a row with its figures whose name is, whole, a catalogued criterion
    name printed above them ("Ban hành kế hoạch CCHC năm" over "mã 111 07/01/2013 1 0,5 0,5":
    the name's one line beside the explanation's first, OCR ordered it first), then a line
    opening another catalogued name: the next row's, printed above its figures. A whole name has
    no wrapped line, and an explanation does not open as a criterion's name does. So is a row
    whose code and whole name are read, its figures lost ("| 12 | Báo cáoCCHC m1..." over "{ Tất
    cả báo cáo được gửi đúng thời gian quy định …")."""
    has_figures = cur.n_numbers > 0 or cur.appraised_raw is not None
    return (
        (has_figures or cur.code is not None)
        and not cur.awaiting_numbers
        and bool(cur.name)
        and is_criterion_name(_without_cell_specks(unspecked(cur.name)), settings)
        and opens_name_part(unspecked(tokens), settings)
        and not opens_explanation(unspecked(tokens))
    )


def _without_cell_specks(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A name without the garbled figures OCR left after it, short tokens with a digit ("m1...")."""
    end = len(tokens)
    while end > 1 and digit_speck(tokens[end - 1][1]):
        end -= 1
    return tokens[:end]


def next_opening(cur: RowDraft, tokens: list[tuple[str, str]], settings: LineTableSettings) -> bool:
    """In a centred table, a row still waiting for its numbers whose name opens as a
    catalogued criterion name does: a line opening another such name is the next row's (this
    row's numbers' line lost), not its name's wrapped line, which goes on in the middle of a
    name ("Tất cả báo cáo được gửi …" under "Mức độ thực hiện kế hoạch CCHC 9 Công văn …")."""
    return (
        cur.awaiting_numbers
        and not cur.n_numbers
        and bool(cur.name)
        and opens_name_part(unspecked(cur.name), settings)
        and opens_name_part(unspecked(tokens), settings)
    )


def after_garbled(cur: RowDraft, tokens: list[tuple[str, str]], settings: LineTableSettings) -> bool:
    """In any layout, a row waiting for its numbers whose name so far is only tokens that are
    no word ("BEiriTEOHC DĐ Si 7aẽ 1. 5Ð säẽ:": a line OCR garbled past reading, its row
    unknown), then a line opening a catalogued criterion name: the next row's, printed above its
    numbers (the garbled line a lost row's), not the garbled row's wrapped name. So is a row a
    garbled heading opened ("C1. |EÖNGTÁCCHỈĐẠO,ĐIỀUHÀNHCGHG", its letters run together), no
    figures nor explanation read for it: nothing of it is waiting for a wrapped line."""
    opened_by_text = cur.started_by == "text" and not cur.explanation
    return (
        (cur.awaiting_numbers or opened_by_text)
        and cur.appraised_raw is None
        and not cur.n_numbers
        and bool(cur.name)
        and all(speckish(raw) for _, raw in cur.name)
        and opens_name_part(unspecked(tokens), settings)
    )


def interleaved(row: RowDraft) -> bool:
    return row.started_by == "numbers"


def _garbled_stt(raw: str) -> bool:
    """A short token opening a line that is the STT cell OCR garbled: a small word ("vô") or
    letters mixed with a digit ("1ộT"), before a name's capital."""
    return len(raw) <= 3 and (raw.islower() or (bool(re.search(r"\d", raw)) and bool(re.search(r"\p{L}", raw))))


def named_after_code(cur: RowDraft, cells: LineCells, settings: LineTableSettings, table_points: int) -> bool:
    """A row a code opened on a line of no numbers whose words open no name (small letters: "2
    quy dinh", the row above's explanation going on beside a code OCR made of a speck or a
    centred cell), then a line that is, whole, a catalogued criterion name ("de2 Bao cao CCHC
    Qe 125"): the name is the row's own, its code's line held none (a centred code prints on its
    numbers' line; a top-aligned one opens its name)."""
    return (
        cur.started_by == "code"
        and not cur.n_numbers
        and cur.appraised_raw is None
        and not cur.whole_name
        and bool(unspecked(cur.name))
        and not starts_name(cur.name)
        and whole_name_line(cells, settings, table_points)
    )


def stroke_coded_tail(cur: RowDraft | None, cells: LineCells, settings: LineTableSettings) -> bool:
    """A line whose code is a lone stroke OCR made of the ruling line ("l", "|", "I"), whose
    words, in small letters, are the end of a catalogued criterion name the row above's name
    opens with ("l chức và phát triển kinh tế xã hội của tỉnh 7 l" under "8 'Tác động của CCHC
    đến người dân, tổ 15/5 …"): the name's wrapped line, no row of its own."""
    if cur is None or cells.code is None or not cur.name or cells.split:
        return False
    if not re.fullmatch(r"[lI|!]", cells.code.strip()) or starts_name(cells.name):
        return False
    folded = fold_words(" ".join(text for text, _ in cells.name if re.search(r"\p{L}", text)))
    opened = fold_words(" ".join(text for text, _ in unspecked(cur.name)))
    if len(folded) < settings.opening_name_chars or not opened:
        return False
    for name in criterion_catalogue():
        head = name[: len(name) - len(folded)].strip()
        if len(head) < settings.opening_name_chars:
            continue
        if fuzz.ratio(folded, name[-len(folded) :]) < settings.criterion_name_similarity:
            continue
        if fuzz.ratio(opened[: len(head)], head) >= settings.criterion_name_similarity:
            return True
    return False


def name_goes_on(cur: RowDraft, tokens: list[tuple[str, str]]) -> bool:
    """Whether a line with no code and no figure goes on with the current row's name: the name so
    far ends on a word that opens a complement or on a list's comma (``ends_dangling``: "… trong
    hoạt động của", "… đội ngũ cán bộ,"), no explanation has begun, and the line opens with a word,
    not a bullet or a lettered mark. A name never ends there, so the line is its next words, even
    when they open with a capital as a row would ("Ủy ban nhân dân xã"): in a table printing no
    code, such a line was read as a field of its own and every code after it derived one off."""
    if not cur.name or cur.explanation:
        return False
    if not ends_dangling([text for text, _ in words_only(cur.name)]):
        return False
    first = next((raw for _, raw in tokens if raw.strip()), "")
    return first[:1].isalpha() and not re.match(r"^\p{L}[.)]$", first)
