"""A score row being read from lines (``RowDraft``) and the table of them (``LineTable``): what the
line reader (``line_rows.RowBuilder``) has gathered of a row so far — its code, name and explanation
tokens, its points as printed, its lines, boxes and OCR confidences, and where the layout left it
(awaiting its numbers, its name or explanation closed) — before ``score_lines`` turns it into a
``ScoreRow``."""

from __future__ import annotations

from dataclasses import dataclass, field

from extract.model import Line


@dataclass
class RowDraft:
    code: str | None = None
    name: list[tuple[str, str]] = field(default_factory=list)
    explanation: list[tuple[str, str]] = field(default_factory=list)
    scale: list[str] = field(default_factory=list)  # a scale column's lines (grid tables)
    max_raw: str | None = None
    self_raw: str | None = None
    appraised_raw: str | None = None  # grid tables and OCR'd pages with word boxes
    share_raw: str | None = None  # a share column's cell ("Tỷ lệ đạt (%)"): a check of the points
    page: int = 0
    line_start: int = 0
    line_end: int = 0
    confs: list[float] = field(default_factory=list)
    # OCR's confidence in each points cell that has one (grid tables): a number read unsurely, or a
    # cell holding ink that OCR could not read at all (0.0), makes the row doubtful.
    # By cell ("max", "self", "appraised").
    number_confs: dict[str, float] = field(default_factory=dict)
    # Points cells ("max", "self") OCR saw printed blank (grid cells whose paper holds no ink):
    # a blank there is the document's, not a cell lost.
    seen_blank: tuple[str, ...] = ()
    bbox: list[float] | None = None
    # The line's cells one number later (``LineCells.later_raws``): the criteria set's maximum may
    # say the run's first number was the name's.
    later_raws: tuple[str, ...] = ()
    # ... which are the line's figures with a decimal OCR split in two joined
    # (``LineCells.split_decimal``): a reading of the row's own figures, not of other cells.
    split_decimal: bool = False
    # Points cells a bracket stood against on the row's numbers line (``LineCells.specked``).
    specked: tuple[str, ...] = ()
    # The row's numbers line opened its figures with a scale item's (``LineCells.scale_figure``).
    scale_figure: bool = False
    started_by: str = "numbers"  # numbers | code | text
    # No code printed: the name's mark and emphasis gave it (``marked_levels``).
    code_derived: bool = False
    # Numbers centred in tall rows: the row was opened by a name line above its numbers' line and
    # waits for them; how many of its lines print above and below that line.
    awaiting_numbers: bool = False
    # The row was opened by a line that is, whole, a catalogued criterion name (its code and
    # numbers lost, or printed on the line below): a numbers line with a name of its own is
    # another row.
    whole_name: bool = False
    lines_above: int = 0
    lines_below: int = 0
    # Centred layout: the row's code line came with no numbers (OCR lost them): it is the row's
    # middle line all the same, and the lines after it are below it.
    centre_line: bool = False
    joined_across_page: bool = False
    # Interleaved layout: a name line left room for another word, or a line had no name part,
    # so the rest of the row's lines are explanation; likewise for the explanation.
    name_closed: bool = False
    explanation_closed: bool = False
    # The name was closed by the room its numbers' line left, a guess in characters: the run of
    # lines after it may reopen it (``joint_split``'s ``name_reopens``).
    name_room_closed: bool = False
    # The number-less lines split jointly so far, and where their tokens start in name/explanation.
    split_lines: list[tuple[list[tuple[str, str]], int, int]] = field(default_factory=list)
    split_base: tuple[int, int] = (0, 0)
    split_open: tuple[bool, bool] = (True, True)
    split_reopens: bool = False  # the run's first line may reopen the name (``name_room_closed``)
    # The last block of explanation text, kept apart in case it turns out to be the name of a
    # row whose code was lost (one-cell-per-line layout).
    tail_block: list[tuple[str, str]] | None = None
    tail_line: int = 0
    tail_page: int = 0

    @property
    def n_numbers(self) -> int:
        return (self.max_raw is not None) + (self.self_raw is not None)

    def add_number(self, raw: str) -> None:
        if self.max_raw is None:
            self.max_raw = raw
        else:
            self.self_raw = raw

    def touch(self, line: Line) -> None:
        if line.page != self.page and self.line_start:
            self.joined_across_page = True
        self.line_end = max(self.line_end, line.number)
        if line.conf is not None:
            self.confs.append(line.conf)
        self.confs.extend(w.conf for w in line.words if w.conf is not None)
        if line.bbox is not None:
            box = list(line.bbox)
            self.bbox = (
                box
                if self.bbox is None
                else [
                    min(self.bbox[0], box[0]),
                    min(self.bbox[1], box[1]),
                    max(self.bbox[2], box[2]),
                    max(self.bbox[3], box[3]),
                ]
            )


@dataclass
class LineTable:
    rows: list[RowDraft]
    pages: list[int]
    title: str = ""
    stated_total_max: str | None = None
    stated_total_self: str | None = None
    positional: bool = False
    total_first: bool = False  # the totals row printed above the criteria, not under them
    # Its points columns were printed (OCR read them as blocks of their own) but none could be
    # paired with its rows, and are told unread (``column_blocks``): a score table whose rows
    # hold no figure, not a plan's headings.
    points_told_unread: bool = False
    # Read by column blocks, a block paired in order its sums contradicted and placed by the sums
    # instead (``count_pairing``): its rows' figures are the realigned ones (flagged, README).
    order_realigned: bool = False
    # The points columns its header's words name ("max", "self", "appraised"): a score table's
    # header, however garbled its body's figures (``score_tables.named_criteria``).
    header_points: frozenset[str] = frozenset()
    # Its header names a deductions column and no self points (``deduction_points.deductions_only``).
    deducted: bool = False
