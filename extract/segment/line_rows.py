"""Lines read into cells grouped into the rows of a score table (``score_lines`` finds the
tables and feeds their lines here). Two printed layouts occur and both are handled by the same
rules: interleaved (one printed line holds a piece of every cell; a line with numbers starts a
row, the centred STT cell's code turns up on any line of the row) and one cell per line (blank-line
separated blocks: the code block starts the row, then name, max, self, explanation). Whether a
line with no numbers of its own opens a row or goes on with the row above is ``row_openings``;
which numbers on a line are not the row's points (a speck, a count, the next code, a scale
item's value) is ``stray_numbers``."""

from __future__ import annotations

from extract.segment.bullet_rows import bullet_opens_row
from extract.segment.figures_first import named_tail
from extract.segment.heading_wraps import heading_wrap
from extract.segment.line_bare import feed_bare
from extract.segment.line_cells import LineCells
from extract.segment.line_common import LineTableSettings
from extract.segment.line_split import (
    first_name_line,
    is_criterion_name,
    is_heading,
    joint_split,
    opens_criterion_name,
    opens_explanation,
    opens_name_part,
    printed_width,
)
from extract.segment.line_words import before_date, in_capitals, starts_name, unspecked, words_only
from extract.segment.marked_levels import line_bullet
from extract.segment.name_tail_figures import closes_name
from extract.segment.row_draft import LineTable, RowDraft
from extract.segment.row_openings import (
    after_garbled,
    after_heading,
    after_whole_named_figures,
    below_heading,
    coded_centre,
    coded_name_split,
    coded_next_name,
    heading_tail,
    interleaved,
    lost_row,
    name_goes_on,
    name_opening,
    named_after_code,
    named_apart,
    names_row,
    next_name,
    next_opening,
    opens_centred_row,
    own_name_under_waiting,
    scale_item_row,
    stroke_coded_tail,
    whole_name,
    whole_name_line,
)
from extract.segment.scale_lines import is_scale_line, scale_line_parts, scale_line_text
from extract.segment.stray_numbers import (
    code_read_for_first_figure,
    code_read_for_max,
    count_in_text,
    scale_label_item,
    speck_number,
)


class RowBuilder:
    def __init__(
        self,
        table: LineTable,
        settings: LineTableSettings,
        widths: dict[str, dict[int, int]],
        centred: bool = False,
        n_points: int = 3,
        typed_positions: bool = False,
        leadered: bool = False,
    ):
        # Figures after a broken name's last line close that row (``name_tail_figures``) only where
        # the lines carry their layout (tab stops, words' positions, or the dot leaders OCR kept on
        # a typed list's lines: ``leader_lines``): on a plain text dump of a grid a lower-case line
        # with figures is as often the next row whose code OCR lost.
        self.typed_positions = typed_positions or leadered
        # ... and there, a line's first word OCR set in capitals ("Chỉnh" for "chính") still goes
        # on with the name: a leadered list prints every row's code, so a coded row's name awaiting
        # its figures is closed by the next uncoded line with figures whatever its case.
        self.leadered = leadered
        self.centred = centred
        self.table_points = n_points  # the points columns the header names
        self.table = table
        self.settings = settings
        self.widths = widths
        self.rows = table.rows
        self.cur: RowDraft | None = None
        self.bulleted = 0  # the rows opened on a line opening with a bullet (``bullet_rows``)

    def _any_case(self, cells: LineCells) -> bool:
        """A leadered list's line goes on with the name above whatever its first word's case, unless
        it opens a criterion's name of its own (the next row, its code lost: "Sự hài lòng về tiếp
        cận dịch vụ … 5")."""
        return self.leadered and not opens_criterion_name(" ".join(t for t, _ in cells.name), self.settings)

    def _new(self, cells: LineCells, started_by: str) -> RowDraft:
        self._settle_tail()
        row = RowDraft(
            page=cells.line.page, line_start=cells.line.number, line_end=cells.line.number, started_by=started_by
        )
        self.rows.append(row)
        self.cur = row
        if line_bullet(cells.line.text) is not None:
            self.bulleted += 1
        return row

    def _settle_tail(self) -> None:
        if self.cur is not None:
            self.cur.tail_block = None

    def feed(self, cells: LineCells) -> None:
        cur = self.cur
        row: RowDraft | None
        if cells.bare is not None:
            feed_bare(self, cells, cells.bare)
            return
        if stroke_coded_tail(cur, cells, self.settings):
            # (its figures are specks when the row's points are read; else the row's own, centred)
            cells.code = None
            if cur is not None and (cur.n_numbers or cur.appraised_raw is not None):
                cells.max_raw = cells.self_raw = cells.appraised_raw = None
        if code_read_for_max(cur, cells, self.rows, self.settings):
            # (the row's figures, its code lost: "11 10,5 h" after row 2 is no code 1.1)
            figure, *after = cells.text_tokens
            cells.max_raw, cells.self_raw, cells.code = cells.code, figure[1], None
            cells.name, cells.explanation, cells.split_tokens = [], after, []
        if code_read_for_first_figure(cur, cells, self.rows, self.settings, self.table_points):
            # (": 10 10 10" under a centred row's name: its three figures, no code 10)
            cells.max_raw, cells.self_raw, cells.appraised_raw = cells.code, cells.max_raw, cells.self_raw
            cells.code, cells.later_raws = None, ()
        if speck_number(self.cur, cells, self.settings, self.table_points):
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
        scale_item = scale_label_item(cells) if cur is not None else None
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
            if cur is not None and cells.figures_first and (figures_row := self._figures_row(cur)) is not None:
                row = figures_row
            elif cur is not None and cur.started_by == "code" and not cur.name and cur.n_numbers == 0:
                row = cur
            elif cur is not None and cur.n_numbers == 0 and not cur.name and not cur.explanation:
                row = cur
            elif (
                cur is not None
                and cur.awaiting_numbers
                and not (cur.whole_name and names_row(cells))
                and not coded_next_name(cur, cells, self.settings)
                and not (self.centred and own_name_under_waiting(cur, cells, self.settings))
                and not bullet_opens_row(cells.line.text, cur, self.rows, self.bulleted)
            ):
                # (a whole name's numbers line whose text opens in lower case goes on with its
                # explanation: "1. định 10 10 10" under "… hành chính Đã ban hành … quy"; one
                # whose text is no words, "3 [Cheeni fags | as |", holds its garbled cells)
                row = cur
                row.awaiting_numbers = False
            elif cur is not None and heading_tail(cur, cells, self.settings):
                row = cur  # (numbers centred on a capitals heading's wrapped line: "CCHC 5 …")
            elif cur is not None and self.typed_positions and closes_name(cur, cells, any_case=self._any_case(cells)):
                row = cur  # (figures after a broken name's last line: "và bố trí … 1 0,5")
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
                row.name_closed = row.name_room_closed = cells.name_end + room <= self._name_width(cells)
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
                    row.split_decimal = cells.split_decimal
                if row.n_numbers == 0 and row.appraised_raw is None:
                    row.specked = cells.specked
                    row.scale_figure = cells.scale_figure
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
        elif cells.code is not None and count_in_text(cells, self.rows, self.settings):
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
                and not (cur.name and not cur.n_numbers and next_name(cur, cells, self.settings, self.table_points))
                # ... nor does a row opened by a whole catalogued name, its numbers read below it:
                # a coded line opening a name after it is the next row ("8 Tac dong cua CCHC …"
                # under "Hiện đại hóa hành chính" and its "16 15,25 15,25").
                and not (cur.whole_name and cur.n_numbers and next_name(cur, cells, self.settings, self.table_points))
                # ... nor a row of figures and a whole criterion name the code of a line that is,
                # whole, another, past the row's place ("6. | Cải cách tài chính công" under "…
                # công chức, 15,25 …", the fourth row after "1").
                and not named_apart(cur, cells, self.rows, self.settings, self.table_points)
                # Nor does a capitals heading with its numbers take the code of a line opening a
                # name in small letters: a heading's code prints on its own line (or was lost).
                and not (cur.n_numbers and after_heading(cur, cells, self.settings))
                # Nor a scale's item read as a row of its own numbers ("Dưới 70% kế hoạch: 0 … 1").
                and not scale_item_row(cur, cells)
            ):
                row = cur
                row.code = cells.code
                if self.centred and row.awaiting_numbers:
                    row.awaiting_numbers = False
                    row.centre_line = True
                self._add_text(row, cells)
            else:
                if cur is not None and scale_item_row(cur, cells):
                    self._fold_scale_row(cur)
                self._split_lost_name()
                row = self._new(cells, "code")
                row.code = cells.code
                name, explanation = coded_name_split(cells, self.settings)
                row.name, row.explanation = row.name + name, row.explanation + explanation
        else:
            row = self._feed_text(cells)
            if row is None:
                return
        row.touch(cells.line)

    def _figures_row(self, cur: RowDraft) -> RowDraft | None:
        """The row of a line opening with its figures (``LineCells.figures_first``), its name
        printed as a block above it: the block taken for the row above's explanation when it
        reads as a criterion's name (a row of its own), else the row above when it has no figures
        yet (its own name); None when neither (a row of its own, nameless)."""
        if cur.tail_block and is_criterion_name(cur.tail_block, self.settings):
            return self._split_tail(None)
        k = named_tail(cur.explanation, self.settings) if cur.name else None
        if k is not None:
            # (the block joined the explanation's lines, not kept as a block of its own)
            cur.tail_block, cur.tail_line, cur.tail_page = cur.explanation[k:], cur.line_end, cur.page
            return self._split_tail(None)
        return cur if cur.n_numbers == 0 and cur.appraised_raw is None and cur.name else None

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

    def _fold_scale_row(self, item: RowDraft) -> None:
        """The row ``item`` opened was a scale's item of the row above (``scale_item_row``): its
        words go to that row's scale, its figure (the item's points, or a speck) with them."""
        if len(self.rows) < 2 or self.rows[-1] is not item:
            return
        self.rows.pop()
        above = self.rows[-1]
        above.scale.append(" ".join(raw for _, raw in item.name))
        above.explanation += item.explanation
        above.line_end = max(above.line_end, item.line_end)
        self.cur = above

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
            if whole_name_line(cells, self.settings, self.table_points):
                # A line that is, whole, a catalogued criterion name is the first row's, its code
                # and numbers lost (or printed on the line below): not the header's leftover words.
                row = self._new(cells, "text")
                row.name += whole_name(cells, self.settings, self.table_points)
                row.whole_name = row.awaiting_numbers = True
                return row
            if not self.centred and name_opening(cells, self.settings) is not None:
                return self._lost_name_row(cells)
            first_line = first_name_line(text, self.settings) or opens_name_part(unspecked(tokens), self.settings)
            if self.centred and opens_criterion_name(text, self.settings) or first_line:
                # Numbers centred in tall rows: the first row's name opens above its numbers' line
                # (a line opening with a catalogued name: not the header's leftover words); in any
                # table, a line that is the first of a name wrapping onto the numbers' line (a
                # heading in capitals too: "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH" over "1. CCHC 10 6,75"),
                # the explanation's first words beside it or not ("Xây dựng và tổ chức thực hiện
                # văn bản quy phạm | Thực hiện đầy đủ …" over ": 2s : 10 10 10").
                row = self._new(cells, "numbers")
                row.awaiting_numbers = True
                row.lines_above += 1
                self._add_text(row, cells)
                return row
            return None
        if name_goes_on(cur, tokens):
            return self._carry_name_on(cur, cells)
        if bullet_opens_row(cells.line.text, cur, self.rows, self.bulleted):
            # (a bulleted table's next row, its figures lost: no wrap of the name above)
            row = self._new(cells, "numbers")
            row.awaiting_numbers = True
            row.lines_above += 1
            self._add_text(row, cells)
            return row
        if cells.block_start and cur.started_by != "numbers" or cells.block_start and not interleaved(cur):
            complete = cur.n_numbers > 0 or cur.explanation
            if complete and is_heading(tokens, self.settings):
                row = self._new(cells, "text")
                row.name += tokens
                return row
            if complete and lost_row(cur, cells, self.settings, self.table_points):
                return self._whole_name_row(cells)
            if not cur.name and not cur.explanation and cur.n_numbers == 0:
                cur.name += tokens
            else:
                cur.explanation += tokens
                cur.tail_block = list(tokens)
                cur.tail_line = cells.line.number
                cur.tail_page = cells.line.page
            return cur
        if named_after_code(cur, cells, self.settings, self.table_points):
            cur.explanation = cur.name + cur.explanation
            cur.name = whole_name(cells, self.settings, self.table_points)
            cur.whole_name = True
            return cur
        if lost_row(cur, cells, self.settings, self.table_points):
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
        # So is one whose name so far opens a catalogued name: a line opening with another whole
        # catalogued name, a capital first, is no wrap of it (a name wraps mid-phrase).
        waiting_opened = (
            self.centred
            and cur.awaiting_numbers
            and not cur.n_numbers
            and bool(cur.name)
            # (its text so far: a joint split may have left the name's words in the explanation)
            and opens_name_part(unspecked(cur.name + cur.explanation), self.settings)
        )
        opens_row = (
            (not self.centred and bool(cur.name))
            or (cur.whole_name and not cur.n_numbers)
            or waiting_whole
            or waiting_opened
            or coded_centre(cur, self.centred)
        )
        if opens_row and name_opening(cells, self.settings) is not None:
            return self._lost_name_row(cells)
        if cur.tail_block is not None and cur.explanation[-len(cur.tail_block) :] == cur.tail_block:
            cur.explanation += tokens
            cur.tail_block = cur.tail_block + list(tokens)
            return cur
        if below_heading(cur, tokens, self.settings):
            cur = self._new(cells, "numbers")
            cur.awaiting_numbers = True
        elif cur.whole_name and cur.n_numbers == 0 and starts_name(unspecked(tokens)):
            # (a capitals heading's wrapped last words, "CCHC" under "CÔNG TÁC CHỈ ĐẠO, ĐIỀU
            # HÀNH", are its own: no row opens with them)
            if not opens_explanation(unspecked(tokens)) and not heading_tail(cur, cells, self.settings):
                # A whole name is complete: a line after it that starts like a name (not like an
                # explanation) is the next row's, printed above its numbers.
                cur = self._new(cells, "numbers")
                cur.awaiting_numbers = True
        elif (
            self.centred
            and (
                opens_centred_row(cur, tokens, self.settings)
                or next_opening(cur, tokens, self.settings)
                or after_whole_named_figures(cur, tokens, self.settings)
            )
            and not heading_wrap(cur, tokens, self.settings)
            or after_garbled(cur, tokens, self.settings)
        ):
            cur = self._new(cells, "numbers")
            cur.awaiting_numbers = True
        if cur.awaiting_numbers:
            cur.lines_above += 1
        elif cur.n_numbers or cur.appraised_raw is not None or cur.centre_line:
            cur.lines_below += 1
        self._add_text(cur, cells)
        return cur

    def _carry_name_on(self, cur: RowDraft, cells: LineCells) -> RowDraft:
        """A line that goes on with the row's name (``name_goes_on``): no row opens with it, however
        it opens ("Ủy ban nhân dân xã" under "… trong hoạt động của")."""
        if cur.started_by != "numbers":
            cur.name += words_only(cells.text_tokens)
        else:
            self._add_text(cur, cells)
        if cur.awaiting_numbers:
            cur.lines_above += 1
        elif cur.n_numbers:
            cur.lines_below += 1
        return cur

    def _whole_name_row(self, cells: LineCells) -> RowDraft:
        """A row opened by a line that is, whole, a catalogued criterion name (``_lost_row``)."""
        row = self._new(cells, "text")
        row.name += whole_name(cells, self.settings, self.table_points)
        row.whole_name = row.awaiting_numbers = True
        return row

    def _lost_name_row(self, cells: LineCells) -> RowDraft:
        """A top-aligned table's number-less line that opens with a whole catalogued criterion
        name and goes on with other text (the explanation's first words, cells OCR garbled): a
        row whose code and points were lost; the name is the catalogued part, the rest the
        explanation."""
        name, rest = name_opening(cells, self.settings) or ([], [])
        row = self._new(cells, "text")
        row.name += name
        row.explanation += rest
        row.whole_name = row.awaiting_numbers = True
        return row

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
            row.split_reopens, row.name_room_closed = row.name_room_closed and row.name_closed, False
        row.split_lines.append((tokens, width, explanation_width))
        del row.name[base_name:]
        del row.explanation[base_explanation:]
        splits, (name_open, explanation_open) = joint_split(
            row.split_lines,
            row.name,
            row.explanation,
            row.split_open,
            self.settings,
            self.centred,
            name_reopens=row.split_reopens,
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

    def end_row(self) -> None:
        """The row read so far is whole: a line closed it (a field's "Cộng"), the next line opens another."""
        self._settle_tail()
        self.cur = None

    def close(self) -> None:
        self._settle_tail()
