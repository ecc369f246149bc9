"""Lines read into cells grouped into the rows of a score table (``score_lines`` finds the
tables and feeds their lines here). Two printed layouts occur and both are handled by the same
rules: interleaved (one printed line holds a piece of every cell; a line with numbers starts a
row, the centred STT cell's code turns up on any line of the row) and one cell per line (blank-line
separated blocks: the code block starts the row, then name, max, self, explanation)."""

from __future__ import annotations

import regex as re

from extract.segment.line_cells import LineCells, is_syllable_run
from extract.segment.line_common import (
    LineTableSettings,
    is_score_token,
)
from extract.segment.line_split import (
    criterion_name_prefix,
    first_name_line,
    is_criterion_name,
    is_heading,
    joint_split,
    opens_criterion_name,
    opens_explanation,
    opens_name_line,
    opens_name_part,
    printed_width,
)
from extract.segment.line_words import (
    bar_tails,
    before_date,
    in_capitals,
    name_before_garbled_cells,
    opens_with_word,
    speckish,
    starts_name,
    unspecked,
    words_only,
)
from extract.segment.row_draft import LineTable, RowDraft
from extract.segment.scale_lines import is_scale_line, scale_line_parts, scale_line_text
from normalize.codes import CriterionCode, read_code_token, transition_cost
from normalize.numbers import parse_number


class RowBuilder:
    def __init__(
        self,
        table: LineTable,
        settings: LineTableSettings,
        widths: dict[str, dict[int, int]],
        centred: bool = False,
        n_points: int = 3,
    ):
        self.centred = centred
        self.table_points = n_points  # the points columns the header names
        self.table = table
        self.settings = settings
        self.widths = widths
        self.rows = table.rows
        self.cur: RowDraft | None = None

    def _new(self, cells: LineCells, started_by: str) -> RowDraft:
        self._settle_tail()
        row = RowDraft(
            page=cells.line.page, line_start=cells.line.number, line_end=cells.line.number, started_by=started_by
        )
        self.rows.append(row)
        self.cur = row
        return row

    def _settle_tail(self) -> None:
        if self.cur is not None:
            self.cur.tail_block = None

    def feed(self, cells: LineCells) -> None:
        cur = self.cur
        row: RowDraft | None
        if cells.bare is not None:
            self._feed_bare(cells, cells.bare)
            return
        if self._speck_number(cells):
            # a rule's speck read as a digit, on a row's wrapped line (and specks beside it)
            cells.max_raw = cells.self_raw = cells.appraised_raw = None
        if cur is not None and cells.code is None and is_scale_line(cells.line.text):
            # "- Ban hành kịp thời: 1": a line of the row's scoring scale (under its name or in a
            # scale column), whose number is the scale's points, not a row's.
            cur.scale.append(scale_line_text(cells.line.text))
            rest = scale_line_parts(cells.line.text)[1]  # the explanation cell's line beside it
            cur.explanation += [(w, w) for w in rest.split()]
            cur.touch(cells.line)
            return
        scale_item = _scale_label_item(cells) if cur is not None else None
        if cur is not None and scale_item is not None:
            # "Không ban hành: 0", "Đạt yêu cầu: 1 1": a scale column's line printed alone (no
            # bullet), its label's value the first number. Alone, it is a line of the row's scale;
            # with the row's cells after it, it is the row's first scale line, printed above the
            # row's name line (Tesseract orders a tall row's cells so): the row opens on these
            # numbers and waits for its name below, not a row named after the scale.
            label, values = scale_item
            if len(values) == 1:
                cur.scale.append(f"{label} {values[0]}")
                cur.explanation += cells.explanation  # the explanation cell's line beside it
                cur.touch(cells.line)
                return
            cells.max_raw, cells.self_raw, cells.appraised_raw = (values[1:] + [None, None])[:3]
            cells.name = []
        if cells.has_numbers:
            if cur is not None and cur.started_by == "code" and not cur.name and cur.n_numbers == 0:
                row = cur
            elif cur is not None and cur.n_numbers == 0 and not cur.name and not cur.explanation:
                row = cur
            elif (
                cur is not None
                and cur.awaiting_numbers
                and not (cur.whole_name and self._names_row(cells))
                and not self._coded_next_name(cur, cells)
            ):
                # (a whole name's numbers line whose text opens in lower case goes on with its
                # explanation: "1. định 10 10 10" under "… hành chính Đã ban hành … quy"; one
                # whose text is no words, "3 [Cheeni fags | as |", holds its garbled cells)
                row = cur
                row.awaiting_numbers = False
            elif cur is not None and self._heading_tail(cur, cells):
                row = cur  # (numbers centred on a capitals heading's wrapped line: "CCHC 5 …")
            else:
                row = self._new(cells, "numbers")
            if cells.code and row.code is None:
                row.code = cells.code
            dated: list[tuple[str, str]] = []
            if not cells.split and not cells.numbers_by_position:
                cells.name, dated = before_date(cells.name)
            row.name += cells.name
            if cells.split:
                # The text before the numbers is the name's and the explanation's: split jointly
                # with the row's next lines.
                del row.name[len(row.name) - len(cells.name) :]
                tokens = cells.split_tokens or cells.name
                if not row.explanation and not row.split_lines:
                    # The explanation cell starts on its row's first line or is empty: nothing of
                    # it is running yet (a parent row has none).
                    row.explanation_closed = True
                self._extend_split(row, tokens, self._name_width(cells), self._explanation_width(cells))
            elif not cells.numbers_by_position and cells.name:
                room = self.settings.name_end_room
                row.name_closed = cells.name_end + room <= self._name_width(cells)
                # The explanation's width is a loose bound: only a line far from full was its last.
                # None on the numbers' line: its cell is empty or ended above (cells are top-aligned).
                explanation_room = self._explanation_width(cells) - printed_width(cells.explanation)
                row.explanation_closed = not cells.explanation or 2 * room <= explanation_room
            if cells.numbers_by_position:
                row.max_raw, row.self_raw = cells.max_raw, cells.self_raw
                row.appraised_raw = cells.appraised_raw
            else:
                if cells.later_raws and row.n_numbers == 0 and row.appraised_raw is None:
                    row.later_raws = cells.later_raws  # (the row's cells are this line's)
                if cells.max_raw is not None:  # the token pattern reads the max first ...
                    row.add_number(cells.max_raw)
                if cells.self_raw is not None and cells.max_raw is None and row.self_raw is None:
                    row.self_raw = cells.self_raw  # ... unless it was the cell OCR lost
                elif cells.self_raw is not None:
                    row.add_number(cells.self_raw)
                if cells.appraised_raw is not None:
                    row.appraised_raw = cells.appraised_raw
            row.explanation += dated + cells.explanation
            if scale_item is not None:
                row.scale.append(f"{scale_item[0]} {scale_item[1][0]}")
        elif cells.code is not None and self._count_in_text(cells):
            # "6 tháng đúng thời gian quy định": a count opening a wrapped line, not the STT cell.
            cells.name = [(cells.code, cells.code), *cells.name]
            if cells.split_tokens:
                cells.split_tokens = [(cells.code, cells.code), *cells.split_tokens]
            cells.code = None
            row = self._feed_text(cells)
            if row is None:
                return
        elif cells.code is not None:
            if (
                cur is not None
                and cur.code is None
                and not (cells.block_start and cur.started_by != "numbers")
                # A row of a name only (its code and numbers lost) does not take the code of a line
                # that is, whole, another criterion's name, nor, when its own name is already a
                # whole criterion name, the code of a line opening another name: that line is the
                # next row.
                and not (cur.name and not cur.n_numbers and self._next_name(cur, cells))
                # ... nor does a row opened by a whole catalogued name, its numbers read below it:
                # a coded line opening a name after it is the next row ("8 Tac dong cua CCHC …"
                # under "Hiện đại hóa hành chính" and its "16 15,25 15,25").
                and not (cur.whole_name and cur.n_numbers and self._next_name(cur, cells))
                # Nor does a capitals heading with its numbers take the code of a line opening a
                # name in small letters: a heading's code prints on its own line (or was lost).
                and not (cur.n_numbers and self._after_heading(cur, cells))
            ):
                row = cur
                row.code = cells.code
                if self.centred and row.awaiting_numbers:
                    row.awaiting_numbers = False
                    row.centre_line = True
                self._add_text(row, cells)
            else:
                self._split_lost_name()
                row = self._new(cells, "code")
                row.code = cells.code
                row.name += cells.text_tokens
        else:
            row = self._feed_text(cells)
            if row is None:
                return
        row.touch(cells.line)

    def _feed_bare(self, cells: LineCells, token: str) -> None:
        """``token``: the line's one token (``cells.bare``)."""
        cur = self.cur
        value = parse_number(token, kind="score")
        points = value is not None and is_score_token(token) and value.value <= self.settings.max_bare_points
        # "4.4" right after "4.3" is the next code, not 4.4 points; "1,5" after "1.3" whose self
        # cell is still empty is its points: codes print with dots, a decimal comma is a number's.
        waiting = cur is not None and cur.n_numbers == 1 and "," in token
        if points and not waiting and self._continues_codes(token):
            points = False
        if points and cur is not None and (cur.name or cur.tail_block) and cur.n_numbers < 2:
            if cur.n_numbers == 0 and cur.tail_block:
                cur = self._split_tail(cells)
            cur.add_number(token)
            cur.touch(cells.line)
            return
        if points and cur is not None and cur.n_numbers == 2 and cur.tail_block:
            cur = self._split_tail(cells)
            cur.add_number(token)
            cur.touch(cells.line)
            return
        if read_code_token(token) is not None:
            if cur is None or cur.code is not None or cur.name or cur.n_numbers or cur.explanation:
                if cur is not None and cur.code is None and cur.started_by == "numbers" and not cells.block_start:
                    cur.code = token  # the centred STT cell of the row above
                    cur.touch(cells.line)
                    return
                self._split_lost_name()
                cur = self._new(cells, "code")
            cur.code = token
            cur.touch(cells.line)
            return
        if cur is not None:
            cur.explanation.append((token, token))
            cur.touch(cells.line)

    def _heading_tail(self, cur: RowDraft, cells: LineCells) -> bool:
        """A numbers line whose text is only capitals words ("CCHC") under a row of a capitals
        heading that has no numbers and no code of its own after it: the heading's wrapped last
        words, its numbers printed beside them (a row of its own opens with its name)."""
        words = [raw for _, raw in unspecked(cells.name) if re.search(r"\p{L}{2}", raw)]
        if cells.code is not None or cur.n_numbers or not words or not all(w.isupper() for w in words):
            return False
        return bool(cur.name) and is_heading(cur.name, self.settings)

    def _after_heading(self, cur: RowDraft, cells: LineCells) -> bool:
        """The coded line opens a name printed mostly in small letters under a capitals heading
        (a heading's own wrapped words, "L. CCHC", are capitals)."""
        tokens = unspecked(cells.text_tokens)
        letters = "".join(raw for _, raw in tokens)
        small = sum(ch.islower() for ch in letters) > sum(ch.isupper() for ch in letters)
        return small and starts_name(tokens) and is_heading(cur.name, self.settings)

    def _speck_number(self, cells: LineCells) -> bool:
        """A lone number ending a line that goes on with a name's lower-case middle ("pháp luật
        tại tỉnh 5"), under a row whose points are all read: the line is that row's wrapped text
        and the number a speck of the rule beside it (a row of its own would open its name). Cells
        OCR garbled beside that number ("lệ trực thuộc š š 4") are specks of the same rule."""
        cur = self.cur
        if cur is None or cells.code is not None:
            return False
        read = [raw for raw in (cells.max_raw, cells.self_raw, cells.appraised_raw) if raw is not None]
        if sum(1 for raw in read if parse_number(raw, kind="score") is not None) != 1:
            return False
        words = [raw for _, raw in unspecked(cells.name) if re.match(r"\p{L}{2}", raw)]
        if len(read) > 1 and any(w[:1].isupper() for w in words):
            return False  # (beside a garbled cell, a name's capital opens a row: "eat | Ban hanh … ek 0 |")
        if cells.explanation or cells.block_start or cur.n_numbers < 2:
            return False
        first = next((raw for _, raw in unspecked(cells.name) if re.match(r"\p{L}{2}", raw)), "")
        # (a whole criterion name after the STT cell OCR garbled into a small word is a row of its
        # own: "vô Hiện đại hóa hành chính : 1G. ...16")
        return first[:1].islower() and not self._whole_name_line(cells)

    def _count_in_text(self, cells: LineCells) -> bool:
        """A number-less line opening with a plain number ("6") then a lower-case word, where
        that number is far from the next code in the table's numbering (after "1.2"): a count
        wrapped to the start of a line, not a code."""
        code = cells.code or ""
        words = [raw for _, raw in cells.text_tokens]
        if not code.isdigit() or not words or not words[0][:1].islower():
            return False
        last = next((read_code_token(r.code) for r in reversed(self.rows) if r.code), None)
        reading = read_code_token(code)
        if last is None or not last.components or reading is None or not reading.components:
            return False
        cost = transition_cost(CriterionCode(0, last.components), CriterionCode(0, reading.components))
        return cost is None or cost > self.settings.max_code_step

    def _continues_codes(self, token: str) -> bool:
        reading = read_code_token(token)
        if reading is None or not reading.components or len(reading.components) < 2:
            return False
        last = next((read_code_token(r.code) for r in reversed(self.rows) if r.code), None)
        if last is None or not last.components:
            return False
        cost = transition_cost(CriterionCode(0, last.components), CriterionCode(0, reading.components))
        return cost is not None and cost <= self.settings.max_code_step

    def _split_tail(self, cells: LineCells | None) -> RowDraft:
        """The text block taken for the row's explanation was the name of a new row whose
        code is lost: numbers follow it (or a code does, and the block reads as a name)."""
        old = self.cur
        assert old is not None and old.tail_block is not None  # callers split only a row with a tail block
        block, line = old.tail_block, old.tail_line
        del old.explanation[len(old.explanation) - len(block) :]
        old.tail_block = None
        page = cells.line.page if cells is not None else old.tail_page
        row = RowDraft(page=page, line_start=line, line_end=line, started_by="text", name=list(block))
        self.rows.append(row)
        self.cur = row
        return row

    def _split_lost_name(self) -> None:
        """A new code is about to start a row, and the text block last taken for the current
        row's explanation reads as a criterion name: it is a row of its own whose code and
        numbers were lost (one-cell-per-line layout), not the explanation of the row above."""
        cur = self.cur
        if cur is None or not cur.tail_block or not (cur.n_numbers or cur.name):
            return
        if is_criterion_name(cur.tail_block, self.settings):
            self._split_tail(None)

    def _feed_text(self, cells: LineCells) -> RowDraft | None:
        cur = self.cur
        tokens = cells.text_tokens
        if not tokens:
            return cur
        if cur is None:
            text = " ".join(t for t, _ in tokens)
            if is_heading(tokens, self.settings) and not first_name_line(text, self.settings):
                row = self._new(cells, "text")
                row.name += tokens
                return row
            if self._whole_name_line(cells):
                # A line that is, whole, a catalogued criterion name is the first row's, its code
                # and numbers lost (or printed on the line below): not the header's leftover words.
                row = self._new(cells, "text")
                row.name += self._whole_name(cells)
                row.whole_name = row.awaiting_numbers = True
                return row
            if not self.centred and self._name_opening(cells) is not None:
                return self._lost_name_row(cells)
            if self.centred and opens_criterion_name(text, self.settings) or first_name_line(text, self.settings):
                # Numbers centred in tall rows: the first row's name opens above its numbers' line
                # (a line opening with a catalogued name: not the header's leftover words); in any
                # table, a line that is the first of a name wrapping onto the numbers' line (a
                # heading in capitals too: "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH" over "1. CCHC 10 6,75").
                row = self._new(cells, "numbers")
                row.awaiting_numbers = True
                row.lines_above += 1
                self._add_text(row, cells)
                return row
            return None
        if cells.block_start and cur.started_by != "numbers" or cells.block_start and not self._interleaved(cur):
            complete = cur.n_numbers > 0 or cur.explanation
            if complete and is_heading(tokens, self.settings):
                row = self._new(cells, "text")
                row.name += tokens
                return row
            if complete and self._lost_row(cur, cells):
                return self._whole_name_row(cells)
            if not cur.name and not cur.explanation and cur.n_numbers == 0:
                cur.name += tokens
            else:
                cur.explanation += tokens
                cur.tail_block = list(tokens)
                cur.tail_line = cells.line.number
                cur.tail_page = cells.line.page
            return cur
        if self._lost_row(cur, cells):
            return self._whole_name_row(cells)
        # In a top-aligned table a row's name starts on its first line: a line opening with another
        # whole name, after a row that has its name, is the next row (its code and points lost);
        # a name-only row is complete in any layout.
        # In a centred table, a row still waiting for its numbers whose name is already, whole, a
        # catalogued criterion name is complete too: a line opening another such name is the next
        # row (the numbers of this one lost).
        waiting_whole = (
            self.centred
            and cur.awaiting_numbers
            and not cur.n_numbers
            and bool(cur.name)
            and is_criterion_name(unspecked(cur.name), self.settings)
        )
        opens_row = (
            (not self.centred and bool(cur.name))
            or (cur.whole_name and not cur.n_numbers)
            or waiting_whole
            or self._coded_centre(cur)
        )
        if opens_row and self._name_opening(cells) is not None:
            return self._lost_name_row(cells)
        if cur.tail_block is not None and cur.explanation[-len(cur.tail_block) :] == cur.tail_block:
            cur.explanation += tokens
            cur.tail_block = cur.tail_block + list(tokens)
            return cur
        if self._below_heading(cur, tokens):
            cur = self._new(cells, "numbers")
            cur.awaiting_numbers = True
        elif cur.whole_name and cur.n_numbers == 0 and starts_name(unspecked(tokens)):
            # (a capitals heading's wrapped last words, "CCHC" under "CÔNG TÁC CHỈ ĐẠO, ĐIỀU
            # HÀNH", are its own: no row opens with them)
            if not opens_explanation(unspecked(tokens)) and not self._heading_tail(cur, cells):
                # A whole name is complete: a line after it that starts like a name (not like an
                # explanation) is the next row's, printed above its numbers.
                cur = self._new(cells, "numbers")
                cur.awaiting_numbers = True
        elif self.centred and (self._opens_centred_row(cur, tokens) or self._next_opening(cur, tokens)):
            cur = self._new(cells, "numbers")
            cur.awaiting_numbers = True
        if cur.awaiting_numbers:
            cur.lines_above += 1
        elif cur.n_numbers or cur.appraised_raw is not None or cur.centre_line:
            cur.lines_below += 1
        self._add_text(cur, cells)
        return cur

    def _coded_centre(self, cur: RowDraft) -> bool:
        """In a centred table, a row whose code and name are read (its centre line passed, its
        numbers read or lost there) holds no more than its name's lines below: a line opening
        with another whole catalogued name is the next row's, printed above its numbers' line
        ("Ban hành kế hoạch CCHC năm | Chưa hoàn thành …" under "11 | KếhoạchCCHC năm ni … 58")."""
        return self.centred and cur.code is not None and bool(cur.name) and not cur.awaiting_numbers

    def _whole_name_row(self, cells: LineCells) -> RowDraft:
        """A row opened by a line that is, whole, a catalogued criterion name (``_lost_row``)."""
        row = self._new(cells, "text")
        row.name += self._whole_name(cells)
        row.whole_name = row.awaiting_numbers = True
        return row

    def _lost_row(self, cur: RowDraft, cells: LineCells) -> bool:
        """A number-less line after a row's numbers that is, whole, a catalogued criterion name
        (a capital first, specks and a stray letter at its end aside) is a row of its own whose
        code and points OCR lost ("Ké hoach CCHC nim i"), not the row above's continuation: a
        name's wrapped line or an explanation is not a whole criterion name."""
        if not self._whole_name_line(cells):
            return False
        if (self._interleaved(cur) and cur.n_numbers) or cur.whole_name:
            return True
        # A row with no numbers whose name is already, whole, a catalogued name is complete too
        # (a table whose codes and points OCR lost prints one name after another).
        return bool(cur.name) and not cur.explanation and is_criterion_name(unspecked(cur.name), self.settings)

    def _name_opening(self, cells: LineCells) -> tuple[list[tuple[str, str]], list[tuple[str, str]]] | None:
        """A number-less line (or its part after a ruling bar: the STT cell OCR garbled before
        it, "it | Kế hoạch …") that opens with a whole catalogued criterion name, other text
        after it: (the name, the rest); None for none."""
        for part in bar_tails(cells):
            words = unspecked(part)
            start = part.index(words[0]) if words else 0
            k = criterion_name_prefix(part[start:], self.settings)
            if k:
                return part[start : start + k], part[start + k :]
        return None

    def _lost_name_row(self, cells: LineCells) -> RowDraft:
        """A top-aligned table's number-less line that opens with a whole catalogued criterion
        name and goes on with other text (the explanation's first words, cells OCR garbled): a
        row whose code and points were lost; the name is the catalogued part, the rest the
        explanation."""
        name, rest = self._name_opening(cells) or ([], [])
        row = self._new(cells, "text")
        row.name += name
        row.explanation += rest
        row.whole_name = row.awaiting_numbers = True
        return row

    def _next_name(self, cur: RowDraft, cells: LineCells) -> bool:
        if self._whole_name_line(cells):
            return True
        return starts_name(cells.text_tokens) and is_criterion_name(unspecked(cur.name), self.settings)

    def _below_heading(self, cur: RowDraft, tokens: list[tuple[str, str]]) -> bool:
        """A capitals heading with no numbers nor explanation (its cells lost, or centred on a
        line OCR lost), then a line opening a name in small letters: the next row's ("Kế hoạch
        CCHC năm" under "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"). A heading wraps in capitals and has no
        explanation of its own, so the line is neither."""
        if cur.n_numbers or cur.appraised_raw is not None or cur.explanation or not cur.name:
            return False
        if not is_heading(cur.name, self.settings):
            return False
        words = unspecked(tokens)
        # (the heading whole already, or the line opening a name of its own: a heading's wrapped
        # last words OCR read in small letters, "Hành CCHC" under "CÔNG TÁC CHỈ ĐẠO, ĐIỀU", are
        # neither)
        if not (cur.whole_name or is_criterion_name(unspecked(cur.name), self.settings)):
            if not opens_name_line(words, self.settings):
                return False
        # (the first word as repaired: OCR's "K€" of "Kế" is a speck to the raw reading)
        first = next((text for text, _ in tokens if re.search(r"\p{L}{2}", text)), "")
        return (
            (starts_name(words) or first[:1].isupper())
            and opens_with_word(tokens)
            and not in_capitals(words_only(words), self.settings)
            and not opens_explanation(words)
        )

    def _coded_next_name(self, cur: RowDraft, cells: LineCells) -> bool:
        """A row waiting for its numbers whose name is already, whole, a catalogued criterion
        name, and a numbers line printing a code then another catalogued name's opening: the next
        row ("2. xay dung va to chuc thuc hien van ban quy pham 9,75 9,75" under "Công tác chỉ
        đạo, điều hành cải cách hành chính"), not the waiting row's numbers line. (After a printed
        code the name's first letter's case says nothing: OCR reads "X" as "x".)"""
        if cells.code is None or cur.code is not None or not cur.name or not cells.name:
            return False
        if not is_criterion_name(unspecked(cur.name), self.settings):
            return False
        tokens = unspecked(cells.name)
        if not tokens:
            return False
        first, raw = tokens[0]
        return opens_name_line([(first[:1].upper() + first[1:], raw), *tokens[1:]], self.settings)

    @staticmethod
    def _names_row(cells: LineCells) -> bool:
        """The text before a line's numbers opens a name of its own: a capital first, and words
        the language knows (not "[Cheeni fags", the row's cells OCR garbled on its numbers' line)."""
        tokens = unspecked(cells.name)
        if len(tokens) > 1 and tokens[0][1][:1].islower() and speckish(tokens[0][1]):
            tokens = tokens[1:]  # the STT cell OCR garbled into letters ("eat | Ban hanh …")
        words = [re.sub(r"[^\p{L}]", "", raw) for _, raw in tokens if re.search(r"\p{L}{2}", raw)]
        return starts_name(tokens) and any(w.isupper() or is_syllable_run(w) for w in words)

    def _whole_name_line(self, cells: LineCells) -> bool:
        return bool(self._whole_name(cells))

    def _whole_name(self, cells: LineCells) -> list[tuple[str, str]]:
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
                if len(candidate) >= 2 and is_criterion_name(candidate, self.settings):
                    return candidate
            # ... or the name, then only specks OCR made of the row's garbled cells ("Ls 8s").
            k = criterion_name_prefix(tokens, self.settings)
            if k and all(speckish(raw) for _, raw in tokens[k:]):
                return tokens[:k]
            short = name_before_garbled_cells(tokens, self.settings)
            if short:
                return short
            # ... or a short name (too short to open a line by prefix), then no more than the
            # row's points cells OCR garbled into specks ("Ké hoach CCH nim [sf 3s", "Bio cio
            # CCHC [2 pas],").
            # (the fewest specks first; a cell OCR read in two pieces, "2/2) 2y)", allows one
            # speck more than the columns)
            for k in range(len(tokens) - 1, max(1, len(tokens) - self.table_points - 2), -1):
                if not speckish(tokens[k][1]):
                    break
                if is_criterion_name(tokens[:k], self.settings):
                    return tokens[:k]
        return []

    def _opens_centred_row(self, cur: RowDraft, tokens: list[tuple[str, str]]) -> bool:
        """In a table whose numbers (and codes) are centred in their rows, a number-less line
        after a row's numbers opens the next row when it starts like a name (a capital letter, not
        an explanation's opening: "UBND ngày …", a document number's rest) and the row above has as
        many lines below its numbers as above them (a centred cell)."""
        has_numbers = cur.n_numbers > 0 or cur.appraised_raw is not None or cur.centre_line
        return (
            has_numbers
            and not cur.awaiting_numbers
            and cur.lines_below >= cur.lines_above
            # (or past a short token OCR made of the ruling line, as a catalogued name opens)
            and (
                starts_name(tokens)
                and opens_with_word(tokens)
                and not opens_explanation(unspecked(tokens))
                or opens_name_line(tokens, self.settings)
            )
        )

    def _next_opening(self, cur: RowDraft, tokens: list[tuple[str, str]]) -> bool:
        """In a centred table, a row still waiting for its numbers whose name opens as a
        catalogued criterion name does: a line opening another such name is the next row's (this
        row's numbers' line lost), not its name's wrapped line, which goes on in the middle of a
        name ("Tất cả báo cáo được gửi …" under "Mức độ thực hiện kế hoạch CCHC 9 Công văn …")."""
        return (
            cur.awaiting_numbers
            and not cur.n_numbers
            and bool(cur.name)
            and opens_name_part(unspecked(cur.name), self.settings)
            and opens_name_part(unspecked(tokens), self.settings)
        )

    def _interleaved(self, row: RowDraft) -> bool:
        return row.started_by == "numbers"

    def _add_text(self, row: RowDraft, cells: LineCells) -> None:
        """A continuation line: in the interleaved layout it holds the name's next words and the
        explanation's, split where the name column ends."""
        if cells.numbers_by_position:
            row.name += cells.name
            row.explanation += cells.explanation
            return
        tokens = cells.text_tokens
        if row.started_by != "numbers":
            (row.explanation if row.explanation or row.n_numbers else row.name).extend(tokens)
            return
        capitals = in_capitals(words_only(tokens), self.settings)
        if not row.explanation and is_heading(row.name, self.settings) and capitals:
            # A section heading in capitals wraps in capitals; it has no explanation of its own.
            row.name += words_only(tokens)
            return
        tokens = cells.split_tokens if cells.split_tokens and not cells.has_numbers else tokens
        self._extend_split(row, tokens, self._name_width(cells), self._explanation_width(cells))

    def _extend_split(self, row: RowDraft, tokens: list[tuple[str, str]], width: int, explanation_width: int) -> None:
        """Add a continuation line and split the row's continuation lines again, jointly. A run
        of lines is re-split only while nothing else was added to the row's name or explanation."""
        base_name, base_explanation = row.split_base
        taken = sum(len(words_only(t)) for t, _, _ in row.split_lines)
        if (
            not row.split_lines
            or len(row.name) + len(row.explanation) != base_name + base_explanation + taken
            or len(row.name) < base_name
            or len(row.explanation) < base_explanation
        ):
            row.split_lines = []
            row.split_base = base_name, base_explanation = len(row.name), len(row.explanation)
            row.split_open = (not row.name_closed, not row.explanation_closed)
        row.split_lines.append((tokens, width, explanation_width))
        del row.name[base_name:]
        del row.explanation[base_explanation:]
        splits, (name_open, explanation_open) = joint_split(
            row.split_lines, row.name, row.explanation, row.split_open, self.settings, self.centred
        )
        for (line, _, _), k in zip(row.split_lines, splits):
            row.name += words_only(line[:k])
            row.explanation += words_only(line[k:])
        row.name_closed, row.explanation_closed = not name_open, not explanation_open

    def _name_width(self, cells: LineCells) -> int:
        # The code is the STT column's, left of the name column: the widths measured leave it out.
        return self.widths["name"].get(cells.line.page, self.widths["name"][-1])

    def _explanation_width(self, cells: LineCells) -> int:
        return self.widths["explanation"].get(cells.line.page, self.widths["explanation"][-1])

    def close(self) -> None:
        self._settle_tail()


def _garbled_stt(raw: str) -> bool:
    """A short token opening a line that is the STT cell OCR garbled: a small word ("vô") or
    letters mixed with a digit ("1ộT"), before a name's capital."""
    return len(raw) <= 3 and (raw.islower() or (bool(re.search(r"\d", raw)) and bool(re.search(r"\p{L}", raw))))


# A scale item's label, whole: a capitalised phrase ending in its colon, past a rule's specks
# ("L : Không ban hành:", "Đạt yêu cầu:").
_SCALE_LABEL = re.compile(r"^(?:[^\p{L}\p{N}]*\p{L}\s)?[^\p{L}\p{N}]*(\p{Lu}\S*(?:\s+\S+){1,9}:)$")


def _scale_label_item(cells: LineCells) -> tuple[str, list[str]] | None:
    """(label, numbers) when the text before a line's numbers is, whole, one scale item's label
    and no code opens the line; its first number, right after the colon, is the label's value."""
    if cells.code is not None or cells.split or cells.numbers_by_position:
        return None
    values = [v for v in (cells.max_raw, cells.self_raw, cells.appraised_raw) if v is not None]
    if not values or not cells.name:
        return None
    m = _SCALE_LABEL.match(" ".join(raw for _, raw in cells.name))
    if m is None:
        return None
    return " ".join(text for text, _ in cells.name).split(":")[0].strip(" .|:-") + ":", values
