"""Criterion-code reading (normalize.codes) and column repair (normalize.code_repair)."""

import pytest

from normalize.code_repair import oversized_rows, parent_rows, repair_codes
from normalize.codes import (
    CodeSettings,
    CriterionCode,
    format_codes,
    match_cost,
    read_code_token,
    transition_cost,
)


def test_token_shapes():
    assert read_code_token("LL1").components == (1, 1, 1)
    assert read_code_token("L.1.3").components == (1, 1, 3)
    assert read_code_token("131").components == (1, 3, 1)
    assert read_code_token("31n").components == (3, 1, 2)
    assert read_code_token("I.").roman == 1
    # OCR reads the STT cell's dot as ':', ',' or ';' (seed 211's d01-i4: "1; Công tác chỉ đạo …").
    assert [read_code_token(t).components for t in ("1:", "1,", "1;", "1.2;")] == [(1,), (1,), (1,), (1, 2)]
    # Words, counts with a leading zero and years are not codes.
    assert read_code_token("S6") is None
    assert read_code_token("03") is None
    assert read_code_token("2023") is None
    assert read_code_token("Ban") is None


def test_codes_never_go_back():
    assert transition_cost(CriterionCode(1, (1, 2)), CriterionCode(1, (1, 1, 3))) is None
    assert transition_cost(CriterionCode(1, (1, 1, 2)), CriterionCode(1, (1, 1, 3))) == 0.0


def _repair(tokens, absorbable=None):
    choices = repair_codes(tokens, absorbable)
    return format_codes([c.code for c in choices]), choices


def test_column_repair_from_order_and_hierarchy():
    # Seed 003's code column as printed: "L2" is 1.1.2 (not 1.2, which comes later), "159"
    # is 1.5.2, "16" is 1.6 here but 3.6 under section 3, "540" is 5.4.2.
    tokens = [
        "I.",
        "L",
        "1.1",
        "LL1",
        "L2",
        "L.1.3",
        "1.2",
        "1.3",
        "L4",
        "1.5",
        "151",
        "159",
        "16",
        None,
        "L7",
        "3.",
        "11",
        "311",
        "31n",
        "3.2",
        "33",
        "34",
        "3.5",
        "351",
        "16",
        "5.4",
        "541",
        "540",
    ]
    codes, choices = _repair(tokens)
    assert codes == [
        "I",
        "1",
        "1.1",
        "1.1.1",
        "1.1.2",
        "1.1.3",
        "1.2",
        "1.3",
        "1.4",
        "1.5",
        "1.5.1",
        "1.5.2",
        "1.6",
        "1.6.1",
        "1.7",
        "3",
        "3.1",
        "3.1.1",
        "3.1.2",
        "3.2",
        "3.3",
        "3.4",
        "3.5",
        "3.5.1",
        "3.6",
        "5.4",
        "5.4.1",
        "5.4.2",
    ]
    assert choices[13].inferred and not choices[12].inferred
    assert choices[27].repaired


def test_stray_code_fragment_absorbed_and_part_two_prefixed():
    codes, choices = _repair(
        ["I.", "L", "L", "1.1", "7.2.2", "L.", "1.", "2.", None],
        [False, True, False, False, False, False, False, False, False],
    )
    assert choices[1].absorbed
    assert codes[0] == "I" and codes[2] == "1"
    assert codes[5:] == ["II", "II.1", "II.2", "II.3"]


def test_unreadable_code_cells_are_inferred_never_sections():
    # OCR'd code cells garbled from 3.2 on: missing codes, not new roman sections.
    codes, choices = _repair(["I.", "1.", "1.1", "2.", "3.", "3.1", "3.2", "ha", "°whj", "3.2.3", "Kế)", "3.4"])
    assert codes[7:] == ["3.2.1", "3.2.2", "3.2.3", "3.3", "3.4"]
    assert all(c.inferred for c in (choices[7], choices[8], choices[10]))
    assert codes.count("I") == 1 and not any(c.startswith("II") for c in codes)


def test_garbled_codes_above_a_readable_one_are_its_ancestors():
    # "7." read "VÃ" and "7.1" read "Z.1" above a clean "7.1.1": the table starts at section 7.
    codes, _ = _repair(["VÃ", "Z.1", "7.1.1", "7.1.2", "7.2", "7.2.1"])
    assert codes == ["7", "7.1", "7.1.1", "7.1.2", "7.2", "7.2.1"]


def test_roman_strokes_read_as_other_letters():
    assert read_code_token("HỊ").roman in (2, 3) and read_code_token("H").roman == 2
    # a dash printed after a part's numeral, read into its token ("II —" as "H——", S04 seed 120)
    assert read_code_token("H——").roman == 2 and read_code_token("1—").components == (1,)
    assert read_code_token("—") is None
    assert read_code_token("Ị.").roman == 1
    codes, _ = _repair(["I.", "1.", "1.1", "2.", "2.1", "HỊ", "1.", "2."])
    assert codes[5:] == ["II", "II.1", "II.2"]  # a stroke too many, not a skipped section


def test_parent_max_is_the_sum_of_its_children():
    # 11.5 = 7 + 4.5, 7 = seven rows of 1, 4.5 = 1.5 + 3: parents found bottom-up.
    assert parent_rows([11.5, 7, 1, 1, 1, 1, 1, 1, 1, 4.5, 1.5, 3]) == [True, True] + [False] * 7 + [True, False, False]
    assert parent_rows([1, 1, 0.5]) == [False] * 3  # one child is no evidence
    # Two rows without codes after 1.1 (2 points): 1 + 1 makes them its children...
    codes, _ = _repair_with_max(["1.", "1.1", None, None, "2."], [4, 2, 1, 1, 3])
    assert codes == ["1", "1.1", "1.1.1", "1.1.2", "2"]
    # ... while 2 + 2 + 2 = 6 makes 1.1 and the two rows siblings under 1.
    codes, _ = _repair_with_max(["1.", "1.1", None, None, "2."], [6, 2, 2, 2, 3])
    assert codes == ["1", "1.1", "1.2", "1.3", "2"]


def _repair_with_max(tokens, max_points):
    choices = repair_codes(tokens, parents=parent_rows(max_points))
    return format_codes([c.code for c in choices]), choices


def _random_column(rng) -> tuple[list[str], list[bool], list[bool]]:
    """A printed code column: mostly clean next steps, sometimes a skip, a look-alike, a roman
    section, a missing token, an absorbable row or a parent flag."""
    tokens: list[str | None] = []
    path: tuple[int, ...] = ()
    roman = 0
    for _ in range(rng.randint(1, 30)):
        r = rng.random()
        if r < 0.1 and roman < 5:
            roman += 1
            path = ()
            tokens.append(["I", "II", "III", "IV", "V"][roman - 1] + rng.choice(["", "."]))
            continue
        if r < 0.45 and len(path) < 3:
            path = path + (1,)
        elif path:
            k = rng.randrange(len(path))
            path = path[:k] + (path[k] + (1 if rng.random() < 0.9 else 2),)
        else:
            path = (1,)
        text = ".".join(map(str, path)) + rng.choice(["", "."])
        if rng.random() < 0.05:
            text = text.replace("1", "l")
        tokens.append(None if rng.random() < 0.03 else text)
    n = len(tokens)
    absorbable = [rng.random() < 0.03 for _ in range(n)]
    parents = [rng.random() < 0.05 for _ in range(n)]
    return tokens, absorbable, parents


def test_the_linear_pass_gives_what_the_search_gives():
    # A clean column skips the search: on every column it accepts, the search (run here by
    # hand) must choose the same codes at the same costs.
    import random

    from normalize.code_repair import _clean_path, _search
    from normalize.codes import CodeSettings

    rng = random.Random(18)
    settings = CodeSettings()
    accepted = 0
    for _ in range(1500):
        tokens, absorbable, parents = _random_column(rng)
        readings = [read_code_token(t) if t else None for t in tokens]
        fast = _clean_path(readings, absorbable, parents, settings)
        if fast is None:
            continue
        accepted += 1
        assert fast == _search(readings, absorbable, parents, settings), tokens
    assert accepted > 100


@pytest.mark.slow  # corpus-wide/property check: `pytest -m slow`
def test_cutting_dear_paths_changes_no_choice():
    # Paths that cannot enter the next beam are dropped before their token is weighed: on
    # garbled columns (lost dots, look-alike letters, missing tokens, absorbable and parent
    # rows), with the usual beam and a narrow one where the cut bites most, the search chooses
    # the same codes at the same costs as without the cut, ties included.
    import random
    from dataclasses import replace

    from normalize.code_repair import _search

    rng = random.Random(1812)
    for width in (40, 6):
        settings = CodeSettings(beam=width)
        uncut = replace(settings, cut_dear_paths=False)
        for _ in range(300):
            tokens, absorbable, parents = _random_column(rng)
            for i in rng.sample(range(len(tokens)), len(tokens) // 4):
                garble = rng.randrange(3)
                if garble == 0 and tokens[i]:
                    tokens[i] = tokens[i].replace(".", "")
                elif garble == 1 and tokens[i]:
                    tokens[i] = tokens[i].replace("1", "l").replace("2", "n")
                else:
                    tokens[i] = None
            readings = [read_code_token(t) if t else None for t in tokens]
            expected = _search(readings, absorbable, parents, uncut)
            assert _search(readings, absorbable, parents, settings) == expected, tokens


def test_the_search_over_doubtful_stretches_gives_what_the_whole_search_gives(monkeypatch):
    # A long column read as printed but for a row or two (a lost dot, a look-alike letter, no
    # token, a row whose numbers say it is a parent): the search runs over a window around each
    # doubtful row, the linear pass elsewhere; the codes and costs are those of the search over
    # the whole column.
    import random

    import normalize.code_repair as codes

    rng = random.Random(1818)
    settings = CodeSettings()
    searched = []
    whole_search = codes._search

    def counting(readings, *args, **kwargs):
        out = whole_search(readings, *args, **kwargs)
        searched.append(len(out))
        return out

    rows = 0
    for _ in range(10):
        tokens = _clean_column(rng, 45)
        absorbable, parents = [False] * len(tokens), [False] * len(tokens)
        for i in rng.sample(range(len(tokens)), 2):
            kind = rng.randrange(4)
            if kind == 0 and tokens[i]:
                tokens[i] = tokens[i].replace(".", "")
            elif kind == 1 and tokens[i]:
                tokens[i] = tokens[i].replace("1", "l")
            elif kind == 2:
                tokens[i] = None
            else:
                parents[i] = True
        readings = [read_code_token(t) if t else None for t in tokens]
        whole = whole_search(readings, absorbable, parents, settings)
        monkeypatch.setattr(codes, "_search", counting)
        assert codes.repair_codes(tokens, absorbable, settings, parents) == whole, tokens
        monkeypatch.setattr(codes, "_search", whole_search)
        rows += len(tokens)
    assert sum(searched) < rows / 2  # most rows took the linear pass


def _clean_column(rng, n: int) -> list[str]:
    """``n`` codes as printed, in order: first children and next siblings, up to three levels,
    single digits (a two-digit number reads as digits whose dots may be lost: a doubtful row)."""
    tokens: list[str] = []
    path: tuple[int, ...] = ()
    for _ in range(n):
        open_levels = [k for k in range(len(path)) if path[k] < 9]
        if not path:
            path = (1,)
        elif len(path) < 3 and (rng.random() < 0.4 or not open_levels):
            path = path + (1,)
        elif open_levels:
            k = rng.choice(open_levels)
            path = path[:k] + (path[k] + 1,)
        else:
            break
        tokens.append(".".join(map(str, path)) + rng.choice(["", "."]))
    return tokens


def test_lettered_items_sit_under_the_row_above():
    """ "a)", "b)" are items of the row above, in a part whose numbering restarts as well."""
    tokens = ["I", "1", "a)", "b)", "2", "II", "1", "1.1", "a)", "b)", "2"]
    choices = repair_codes(tokens)
    assert not any(c.inferred for c in choices)
    labels = format_codes([c.code for c in choices])
    assert labels == ["I", "1", "1.a", "1.b", "2", "II", "II.1", "II.1.1", "II.1.1.a", "II.1.1.b", "II.2"]
    assert choices[3].code.parent() == choices[1].code  # 1.b under 1


def test_letter_items_follow_the_vietnamese_alphabet():
    from normalize.codes import item_place, letter_item

    assert [letter_item(t) for t in ("a)", "(b)", "đ.", "l)", "1)", "ab)")] == ["a", "b", "đ", None, None, None]
    assert item_place("đ") == 5 and item_place("e") == 6


def test_typed_codes_outrank_sums_that_add_up_by_chance(monkeypatch):
    """score_table.docx: 3.5.1 is worth 1 and 3.5.2, 3.5.3 0.5 each, so the sums make 3.5.1 their
    parent; the printed 3.5.2 is its sibling. Typed codes are read as printed in one linear pass
    (no search); an OCR'd column keeps the sums as evidence and searches the stretch."""
    import normalize.code_repair as codes_module

    tokens = ["1.", "1.1", "1.1.1", "1.1.2", "1.1.3", "1.1.4", "1.2"]
    parents = parent_rows([6, 4, 1, 0.5, 0.5, 2, 2])
    assert parents[2]  # the chance sum
    searched: list[int] = []
    real_search = codes_module._search

    def spy(*args, **kwargs):
        searched.append(1)
        return real_search(*args, **kwargs)

    monkeypatch.setattr(codes_module, "_search", spy)
    typed = repair_codes(tokens, parents=parents, settings=CodeSettings(inferred=10.0, clean_over_sums=True))
    assert format_codes([c.code for c in typed]) == [t.rstrip(".") for t in tokens]
    assert not searched
    repair_codes(tokens, parents=parents)
    assert searched


def test_a_part_read_as_a_digit_is_weighed_against_the_column():
    """OCR prints a part's "I" as "1" and its "II" as "H" (seed 11's borderless scans): the column
    of parts with lettered items reads as printed; "c)" lost and "d)" garbled are the next items."""
    tokens = ["1", "1", "a)", "b)", None, "HỘ)", "2", "a)", "b)", "H", "1"]
    parents = parent_rows([7, 5, 1, 1, 1, 2, 2, 1, 1, 3, 3])
    choices = repair_codes(tokens, parents=parents)
    labels = format_codes([c.code for c in choices])
    assert labels == ["I", "1", "1.a", "1.b", "1.c", "1.d", "2", "2.a", "2.b", "II", "II.1"]
    assert choices[0].repaired and choices[4].inferred
    # A list of items opening on a garbled "a)" ("4)") is still a list.
    tokens = ["1", "1", "4)", "b)", None, "đd)", "2", "a)", "b)", "H", "1"]
    assert format_codes([c.code for c in repair_codes(tokens, parents=parents)]) == labels
    # With no part printed in strokes, a "1" stays the number one, items under it or not.
    tokens = ["1", "a)", "b)", "2", "2.1", "2.2", "3", "a)", "b)"]
    assert format_codes([c.code for c in repair_codes(tokens)]) == [
        "1", "1.a", "1.b", "2", "2.1", "2.2", "3", "3.a", "3.b"
    ]  # fmt: skip


def test_digit_strokes_read_as_roman_only_at_a_cost():
    one = read_code_token("1")
    assert one.components == (1,) and one.roman == 1 and one.roman_from_digits
    assert read_code_token("11").roman == 2 and read_code_token("1V").roman == 4
    assert not read_code_token("II").roman_from_digits
    settings = CodeSettings()
    assert match_cost(one, CriterionCode(1), settings) == settings.digit_as_roman
    assert match_cost(one, CriterionCode(0, (1,)), settings) == 0.0


def test_item_letters_misread_on_scans_are_weighed_against_the_column():
    """A scan prints "c)" as "€)" and "d)" as "đ)" (a speck on the stem read as the bar): after
    a, b the items are c and d, not d and đ; a real "đ)" after "d)" stays đ."""
    from normalize.codes import letter_item

    assert letter_item("€)") == "c" and read_code_token("€)").lookalikes
    tokens = ["I", "1.", "a)", "b)", "€)", "đ)", "2.", "a)", "b)", "II.", "1."]
    labels = format_codes([c.code for c in repair_codes(tokens)])
    assert labels == ["I", "1", "1.a", "1.b", "1.c", "1.d", "2", "2.a", "2.b", "II", "II.1"]
    tokens = ["1.", "a)", "b)", "c)", "d)", "đ)", "e)", "2."]
    assert format_codes([c.code for c in repair_codes(tokens)]) == ["1", "1.a", "1.b", "1.c", "1.d", "1.đ", "1.e", "2"]
    # A letter read as its neighbour only at a cost: "d)" printed as "d)" costs nothing.
    d = read_code_token("d)")
    assert match_cost(d, CriterionCode(0, (1, 4), "d")) == 0.0
    assert match_cost(d, CriterionCode(0, (1, 5), "đ")) == CodeSettings().lookalike


def test_a_part_read_as_a_digit_needs_no_part_printed_in_strokes():
    """A "1" over "1.", items and "2." reads as part I even when part II's row is unreadable
    (None, "Tl."): the restart of the numbering below tells the second part. Keeping the "1"
    arabic unless another part reads in strokes would shift every code of part I one level
    down (1.1, 1.1.a) and fold part II's rows under it."""
    for lost in (None, "Tl."):
        tokens = ["1", "1.", "a)", "b)", "2.", "a)", lost, "1.", "2.", "a)"]
        labels = format_codes([c.code for c in repair_codes(tokens)])
        assert labels[:6] == ["I", "1", "1.a", "1.b", "2", "2.a"]
        assert labels[7:] == ["II.1", "II.2", "II.2.a"]


def test_a_flat_column_whose_sums_add_up_by_chance_grows_no_first_part():
    """Criteria 1–6 of a flat table whose maxima add up by chance (4 = 2 + 2): the "1." over
    "2." and "3." is criterion 1, not part I with children from 2 on. Under the first part the
    numbering has nothing to carry on from: a first child "2." skips a number. A part I read as
    "1" over its own "1.", "2." still reads as the part."""
    maxima = [4.0, 2.0, 2.0, 4.0, 2.0, 2.0]
    tokens = ["1.", "2.", "3.", "4.", "5.", "6."]
    codes = format_codes([c.code for c in repair_codes(tokens, parents=parent_rows(maxima))])
    assert codes == ["1", "2", "3", "4", "5", "6"]
    tokens = ["1", "1.", "2.", "3.", "II.", "1.", "2."]
    maxima = [6.0, 2.0, 2.0, 2.0, 5.0, 3.0, 2.0]
    codes = format_codes([c.code for c in repair_codes(tokens, parents=parent_rows(maxima))])
    assert codes == ["I", "1", "2", "3", "II", "II.1", "II.2"]


def test_a_ruling_line_read_as_a_stroke_before_a_code_is_no_digit():
    # Seed 191 d04-i4: "l1 CÔNG TÁC …" over a clean "1.1": the "l" is the ruling line, the row
    # is 1 (read as 1.1, the clean 1.1 below had to be bent into 1.1.1).
    tokens = ["l1", "1.1", None, "1.1.2", "1.1.3", "1.14", "12", "1.2.1", "122", "13"]
    labels = format_codes([c.code for c in repair_codes(tokens)])
    assert labels == ["1", "1.1", "1.1.1", "1.1.2", "1.1.3", "1.1.4", "1.2", "1.2.1", "1.2.2", "1.3"]
    # ... while a stroke glued to a code the column reads on from stays a digit.
    tokens = ["1", "l1", "1.2", "1.3"]
    assert format_codes([c.code for c in repair_codes(tokens)]) == ["1", "1.1", "1.2", "1.3"]


def test_a_part_whose_numeral_was_lost_is_the_next_part_when_parts_print_theirs():
    """OCR lost the "I." before "KẾT QUẢ THỰC HIỆN …" (the heading row has no code token), and
    part II prints its numeral: the document numbers its parts in roman, so the row is part I
    and the "1." under it its first section. Read as criterion 1 instead, every row below went
    one level off ("1.a" read as "1.1.a", "II.1" as "I.1")."""
    tokens = [None, "1.", "a)", "b)", "2.", "II", "1.", "a)"]
    choices = repair_codes(tokens)
    assert format_codes([c.code for c in choices]) == ["I", "1", "1.a", "1.b", "2", "II", "II.1", "II.1.a"]
    assert choices[0].inferred  # a guessed part keeps its doubt (``code_inferred``, queued)
    # Parts are consecutive: I, ?, III has II between them.
    tokens = ["I", "1.", "2.", None, "1.", "2.", "III", "1."]
    assert format_codes([c.code for c in repair_codes(tokens)]) == [
        "I", "1", "2", "II", "II.1", "II.2", "III", "III.1"
    ]  # fmt: skip
    # A repeated "I." where the next part is expected is part II.
    tokens = ["I.", "1.", "2.", "I.", "1.", "2."]
    assert format_codes([c.code for c in repair_codes(tokens)]) == ["I", "1", "2", "II", "II.1", "II.2"]


def test_a_row_with_no_code_stays_arabic_where_no_part_prints_a_numeral():
    """With no part numeral printed anywhere the set-free inference is kept: a row with no code
    over "1.1" is criterion 1, and over a flat "1.", "2.", "3." no part is guessed; with the
    switch off, no section row is ever guessed."""
    assert format_codes([c.code for c in repair_codes([None, "1.1", "1.2", "2", "2.1"])]) == [
        "1", "1.1", "1.2", "2", "2.1"
    ]  # fmt: skip
    assert format_codes([c.code for c in repair_codes([None, "1.", "2.", "3."])])[0] == "1"
    off = CodeSettings(infer_lost_parts=False)
    tokens = [None, "1.", "a)", "b)", "2.", "II", "1.", "a)"]
    assert format_codes([c.code for c in repair_codes(tokens, settings=off)])[0] == "1"


def test_the_first_row_of_a_column_is_never_absorbed():
    """A number-less first row whose token is garbled ("(i." for "1.") has no row above to be
    folded into: it keeps a code of its own (seed 343 d05-i1 printed it with none)."""
    choices = repair_codes(["(i.", "2", "4.", "5"], [True, False, True, False])
    assert not choices[0].absorbed and format_codes([c.code for c in choices])[0] == "1"


def test_parts_whose_numerals_were_all_lost_are_told_by_the_numbering_and_the_items():
    """No part prints its numeral: a codeless row over a "1." that restarts the numbering (after
    "3.") is part II, and then the codeless row over the column's first "1." part I — not 1, 1.1,
    2, 3, 4, 4.1, 4.2. Items under top-level codes ("1." then "a)") with a codeless row over
    them worth their sum are part I's too in a score table (``items_mark_parts``), never 1.1.a;
    a statistics annex's items under its counts are no parts (the setting off)."""
    tokens = [None, "1.", "2.", "3.", None, "1.", "2."]
    assert format_codes([c.code for c in repair_codes(tokens)]) == ["I", "1", "2", "3", "II", "II.1", "II.2"]
    tokens = [None, "1.", "a)", "b)", "2.", "a)", "b)"]
    parents = parent_rows([7, 3, 1, 2, 4, 2, 2])
    scores = CodeSettings(items_mark_parts=True)
    codes = format_codes([c.code for c in repair_codes(tokens, settings=scores, parents=parents)])
    assert codes == ["I", "1", "1.a", "1.b", "2", "2.a", "2.b"]
    assert format_codes([c.code for c in repair_codes(tokens, parents=parents)])[:2] == ["1", "1.1"]


def test_a_row_worth_more_than_the_row_above_is_not_read_as_its_child():
    """ "1" (20) over "13" and "2.." (10 each) then "Il." (25,5) over two codeless rows: as 1, 1.1,
    2, 2.1, 2.1.1, 2.1.2 a row worth 25,5 would be the child of one worth 10 (seed 381's F10
    dump, whose rows are part I's 1, 2 then part II's)."""
    tokens = ["1", "13", "2..", "Il.", None, None]
    maxima = [20, 10, 10, 25.5, 14.5, 11]
    oversized = oversized_rows([(m, m) for m in maxima])
    choices = repair_codes(tokens, parents=parent_rows(maxima), oversized=oversized)
    assert format_codes([c.code for c in choices]) == ["I", "1", "2", "II", "II.1", "II.2"]
