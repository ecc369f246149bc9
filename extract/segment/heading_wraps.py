"""A section heading's wrapped line in capitals, read as the next row's first line.

A heading printed in capitals ("I KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ 7 5") wraps in capitals
("CẢI CÁCH HÀNH CHÍNH") and has no explanation of its own. In a table the line reader takes for
centred, a number-less line after a row's numbers opens the next row when it starts like a name,
so the heading's last words became the next criterion's first ("CẢI CÁCH HÀNH CHÍNH Kế hoạch CCHC
năm"). The line is the heading's unless it is itself a catalogued criterion's name or its
opening (a sub-heading printed above its code and numbers: "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH" over
"1. CCHC 10 6,75"), or the heading is already a whole catalogued name.
"""

from __future__ import annotations

from extract.segment.line_common import LineTableSettings
from extract.segment.line_split import is_criterion_name, is_heading, opens_name_line, opens_name_part
from extract.segment.line_words import in_capitals, unspecked, words_only
from extract.segment.row_draft import RowDraft


def heading_wrap(cur: RowDraft, tokens: list[tuple[str, str]], settings: LineTableSettings) -> bool:
    """Whether a number-less line of ``tokens`` is the wrapped last words of the capitals
    heading ``cur`` (a row with no explanation), not a row of its own."""
    if cur.explanation or not cur.name or not is_heading(cur.name, settings):
        return False
    words = words_only(unspecked(tokens))
    if not words or not in_capitals(words, settings):
        return False
    if is_criterion_name(unspecked(cur.name), settings):
        return False  # (the heading whole: a capitals line after it is the next heading)
    return not (
        is_criterion_name(words, settings) or opens_name_line(words, settings) or opens_name_part(words, settings)
    )
