"""Which side of the points an OCR dump's explanation column prints on, when the header names the
column but no header line says (``score_lines`` reads the table with it): decided by the evidence
of the table's first lines with numbers taken together, not by one line.

Printed last, the explanation's text goes on after a line's figures in words ("… 1 0,5 Chưa
đầy đủ tài liệu"). Printed first, almost no line has words there: what OCR leaves after the last
figure is the rule's specks and the grid's edge ("10 10 a : ;", "7 7 sj | n4 J2", "1 1 1 : 5"),
which are no explanation; and the lines print the explanation's opening before their figures
instead ("… hành chính - | Thông báo số 82/TB-UBND ngày 10 10"). Counting every speck after a
figure as an explanation put the explanation last in such tables, and every row's name took its
explanation's words (the split that parts them runs only when the explanation prints first).
"""

from __future__ import annotations

from dataclasses import replace

import regex as re

from extract.model import Line
from extract.segment.line_cells import LineCells, is_syllable_run, read_line
from extract.segment.line_common import LineTableSettings
from extract.segment.line_header import HeaderLayout
from normalize.lazy_regex import lazy_compile
from normalize.text import fold

# What opens an explanation's text in the middle of a line, before the figures: a document's
# kind and "số", its number ("82/TB-UBND"), or a date. (A dash, which opens explanation items,
# prints inside names too, and a rule's speck reads as one: not counted here.)
_DOCUMENT_CUE = lazy_compile(
    r"^(?:(?:ke hoach|bao cao|quyet dinh|cong van|thong bao|to trinh)\s+so\b|\d+/[\p{Lu}Đ]|\d{1,2}/\d{1,2}/\d{2,4})"
)


def explanation_side(lines: list[Line], layout: HeaderLayout, settings: LineTableSettings) -> HeaderLayout:
    """The header's layout with the explanation's side decided from the body's lines (module
    doc): first when at most ``explanation_after_share`` of the lines with numbers go on in words
    after them (``explanation_after_words``), and, where more of them carry something there (a
    word alone, a speck), when more lines print an explanation's opening before their figures
    than go on in words after them. A header naming no explanation column (its label garbled
    past reading, or none printed) puts it first only where ``explanation_unnamed_openings`` lines
    or more print an explanation's opening before their figures, more than go on after them."""
    cells = [read_line(line, False, layout) for line in lines]
    numbered = [c for c in cells if c.has_numbers]
    allowed = settings.explanation_after_share * len(numbered)
    worded = sum(1 for c in numbered if words_after(c) >= settings.explanation_after_words)
    marked = sum(1 for c in numbered if c.explanation)
    opened = sum(1 for c in numbered if opens_explanation_before(c))
    if layout.explanation_named:
        first = bool(numbered) and worded <= allowed and (marked <= allowed or opened > worded)
    else:
        # No label read for the column: only its text printed before the figures says it is there.
        first = opened >= settings.explanation_unnamed_openings and opened > worded
    return replace(layout, explanation_first=first, explanation_undecided=False)


def words_after(cells: LineCells) -> int:
    """How many words a line prints after its figures: tokens whose letters, two or more, are
    syllables (OCR's specks — "a", "sj", "n4", "dc D" — are none)."""
    count = 0
    for _, raw in cells.explanation:
        letters = re.sub(r"[^\p{L}]", "", raw)
        count += len(letters) >= 2 and is_syllable_run(letters)
    return count


def opens_explanation_before(cells: LineCells) -> bool:
    """Whether a line's text before its figures holds, past its first word, an explanation's
    opening: a document's kind and number, or a date (no criterion's name prints one)."""
    # (as repaired, and as OCR printed it: "Théng bdo s6" is "Thông báo số" once its marks are read)
    for tokens in ([text for text, _ in cells.name], [raw for _, raw in cells.name]):
        if any(_DOCUMENT_CUE.match(fold(" ".join(tokens[k:]))) for k in range(1, len(tokens))):
            return True
    return False
