"""Knobs of the task-framework line reader (``task_lines``): where its header and rows are, how a
row's lines are split into cells (``task_line_split``), how column widths are learnt
(``task_line_widths``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from extract.segment.task_shape import TaskShapeSettings


@dataclass(frozen=True)
class TaskLineSettings:
    # A header line names at least this many task columns, one of them the lead or the deadline.
    min_header_columns: int = 4
    # A header OCR glued after a row's words is a header (``task_lines._header_at``).
    glued_headers: bool = True
    # Words of a line's tail tried as a glued header, at most: a header's first line is a few
    # labels (a two-line header run together ~30 words); trying every cut of a long line folded
    # its whole tail each time (a 40 kB one-line text took 170 s under the profiler, all here).
    glued_header_words: int = 60
    # With no header on any line, a run of rows of a task grid's shape (a number, a task, a unit, a
    # deadline on each first line, in one order) is read under the columns its cells name
    # (``task_shape``).
    # Its rows are kept only when few of them hold another column's words (``astray_share``): on
    # P04 plans OCR'd with psm 6 (one block: the grid's columns' lines interleaved) it read 14 of
    # 53 rows and invented 18 (seeds 473, 474) before that check; with it, seed 501's psm 6 dumps
    # keep their tables told (5 found, 4 invented → none read) and its psm 4 dump reads 10 of 16
    # rows nothing read before.
    row_shapes: bool = True
    shape: TaskShapeSettings = field(default_factory=TaskShapeSettings)
    # A row's later line loses the number column's specks and rule ("ˆ_ | cách hành chính …",
    # ``task_line_split._past_number_cell``). On by the shape rule only: with no header label to
    # floor the task column's width, a speck read as the task's part moved every row's words
    # (seed 455's cut header: 3 of 7 rows right, 7 with it); under a header it cost seed 474 a
    # row (a degraded P04 dump: 3 of 11 → 2).
    number_specks: bool = False
    # Set by the reader for a header with no lead column: a line of a numeral and a title that is
    # wholly a unit's name ("II | Công anxã", "IV | Công chức Địa chính - Xây dựng") is a section
    # heading naming the body that leads the tasks under it (``task_sections.heading_lead``), its
    # title in sentence case and with no dot as such headings print.
    unit_headings: bool = False
    # A task header names the task's column (a header read from a line's tail may have lost it).
    task_label: bool = True
    # Header labels wrap over up to this many lines (checked for repeated headers too).
    header_lines: int = 4
    # Rows whose numbers OCR lost, at most, before a row whose number follows a ruling bar or a
    # criterion code (``task_line_rows._skipped_codes``): the row starts there all the same.
    row_gap: int = 3
    # A line inside a row that opens a task, names a unit and a deadline's opening word behind a
    # garbled number is the next row's first line (``task_line_rows._lost_row_words``).
    lost_numbers: bool = True
    # Lines a row may run to (a runaway row is the table's end missed).
    max_row_lines: int = 14
    # Log-probability bonus for a part boundary where OCR read a ruling bar, and penalty for a bar
    # inside a part.
    bar_split: float = 6.0
    bar_inside: float = 4.0
    # A cell's first part on the row's first line starts with a capital (a code, a date): a
    # lower-case start is a wrapped word of the cell to its left.
    capital_start: float = 10.0
    # A part whose content is its column's kind (a code in the codes column, a deadline in the
    # deadline column, a unit in the lead column) gains this; content of another column's kind
    # in a part costs it.
    content_fit: float = 5.0
    # A cell empty on the row's first line (cells are top-aligned: a filled cell starts there).
    empty_first: float = 6.0
    # A column whose text stopped on an earlier line of the row speaks again.
    column_gap: float = 8.0
    beam: int = 40
    # Splits of one line kept per beam state: the best split of a line alone may not be the best
    # for the row (a word a later line shows to be a wrapped cell's).
    line_splits: int = 2
    # Column widths (half-ems of Times New Roman, ``text_width``) are learnt from a first reading of
    # the rows: this quantile of each column's part widths; a part wider than its column by more
    # than ``width_slack`` (OCR drops and adds letters) costs ``overflow`` per half-em.
    width_quantile: float = 0.8
    # Readings the widths are learnt over: the first reading (no widths) misplaces wrapped words
    # and overfills columns; a reading with those widths places most of them right, and widths
    # learnt again from it are the printed ones more closely.
    width_rounds: int = 2
    width_slack: float = 1.5
    # A column is at least as wide as its header label's first line (``task_header.header_labels``).
    label_widths: bool = True
    overflow: float = 1.5
    # Penalty for a cell's text carried onto a line although its previous line had room for it.
    # The learnt width is a high quantile of a column's parts, about the printed column's least:
    # the room check needs less slack than the overflow check (a word that would have fitted by
    # half an em did fit: "Báo cáo | đúng hạn" under a column as wide as "Trang thông tin").
    wrap_room: float = 8.0
    room_slack: float = 0.5
    # Where a cell wrapped, its line with the next line's first word is wider than the column: a
    # low quantile of those widths over the rows (a misplaced word gives a few too narrow) is the
    # column's ceiling; a part wider than it by more than ``ceiling_slack`` (OCR's letters) costs
    # ``over_ceiling`` per half-em: it cannot have printed on one line of the column.
    ceiling_quantile: float = 0.25
    ceiling_slack: float = 0.5
    over_ceiling: float = 4.0
    # A plan's products, units and deadlines recur down their columns (tasks do not): a cell that
    # reads as a cell of the same column in another row gains this (the words a wrapped line
    # holds between a task's end and a product's end go where they make a known cell: "… hành
    # chính được cập nhật" with "Trang thông tin" above, when another row reads "Trang thông tin
    # được cập nhật").
    repeat_cell: float = 6.0
    # A row's cell is evidence for the other rows' cells (``repeat_cell``) only when its row's
    # best split beats every split reading that cell otherwise by this much (``sure_cells``): two
    # rows each reading "Hồ sơ lưu trữ" beside a task ending "… xã" by a hair would each back the
    # other's misreading.
    sure_cell: float = 1.0
    # Weight of each cell's end under the syllable model (``_end_logprob``): the parts' scores
    # say how a cell's words continue, not where it may stop, so a wrapped word taken by the
    # column beside would otherwise cost nothing.
    # Off: on P04 OCR dumps it moved 2, 2, 0 and -4 fields on seeds 124-127 (the syllable model
    # is no surer of where a product ends than of where a task does: "Quyết định | đúng hạn").
    cell_end: float = 0.0
    # A cell whose last word opens a complement ("ở", "của", "và": ``line_common.DANGLING_WORDS``)
    # costs this: its next word went to the column beside.
    dangling_end: float = 8.0
    # Confidence of a row read from lines: its cells were cut by a model, not a grid.
    confidence: float = 0.85
    # A unit or deadline cell (normalize/units.py's grammars) that a part breaks (a known unit
    # followed by a word no unit has: the wrapped word of a neighbouring cell) costs this; one
    # left unfinished at the row's end ("Công chức Địa chính -" without "Xây dựng") costs
    # ``grammar_open``.
    grammar_break: float = 9.0
    grammar_open: float = 7.0
    # Each word a unit or deadline cell takes in without breaking its grammar gains this: the
    # grammar is a sharper model of those cells than the syllable model of free text.
    grammar_word: float = 2.0
    # A lead cell names one unit (the one presiding); a later line that adds another unit to it
    # costs this (the coordinators' column beside it lists several).
    second_lead: float = 6.0
    # Commune index sets number their fields 1..8 (normalize/criteria/data): a code whose field is
    # 10..19 is a ruling bar OCR read as "1" glued to the code ("| 2.3" → "12.3").
    max_field: int = 9
