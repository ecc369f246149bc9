"""A table typed with no table at all: one paragraph a row, its columns set by tab stops (as a
typist lines up a list of criteria and their points on a typewriter or in a plain Word paragraph),
a long name broken by hand onto lines that start under the name's column. In the PDF LibreOffice
prints of it there is no ruling and no cell: the columns are only where the text stands."""

from __future__ import annotations

from dataclasses import dataclass

from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.shared import Cm, Pt


@dataclass(frozen=True)
class TabStop:
    at_cm: float
    align: str = "left"  # left | center | right
    dots: bool = False  # a leader of dots runs up to the stop ("Kế hoạch CCHC ........ 2")


@dataclass(frozen=True)
class TabLine:
    text: str  # columns separated by "\t"; "\n" a line broken by hand inside the row
    bold: bool = False
    leaders: bool = True  # the stops' dots on this line (a header line prints none)
    bold_first: bool = False  # only the row's first line bold (a task's opening line, its only mark)


@dataclass(frozen=True)
class TabRows:
    stops: tuple[TabStop, ...]
    lines: tuple[TabLine, ...]
    indent_cm: float = 1.2  # lines broken by hand start here (the name's column); the first at 0
    font_pt: float = 12


ALIGNS = {"left": WD_TAB_ALIGNMENT.LEFT, "center": WD_TAB_ALIGNMENT.CENTER, "right": WD_TAB_ALIGNMENT.RIGHT}


def write_tab_rows(doc, block: TabRows) -> None:
    """Each line a paragraph with the block's tab stops and a hanging indent (so a line broken by
    hand goes on under the name), the broken lines by manual breaks."""
    for line in block.lines:
        para = doc.add_paragraph()
        fmt = para.paragraph_format
        fmt.space_after = Pt(2)
        fmt.left_indent = Cm(block.indent_cm)
        fmt.first_line_indent = Cm(-block.indent_cm)
        for stop in block.stops:
            leader = WD_TAB_LEADER.DOTS if stop.dots and line.leaders else WD_TAB_LEADER.SPACES
            fmt.tab_stops.add_tab_stop(Cm(stop.at_cm), ALIGNS[stop.align], leader)
        for k, part in enumerate(line.text.split("\n")):
            run = para.add_run(part)
            run.bold = line.bold or (line.bold_first and k == 0)
            run.font.size = Pt(block.font_pt)
            if k < line.text.count("\n"):
                run.add_break()
