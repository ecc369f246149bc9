"""A table row's first line left out of the table at a page's top. On a scanned page the row the
page break cut may begin with its code and the first line of its name ("3.2.2. Thực hiện xin
lỗi người dân khi giải quyết"), its last name line and its figures below ("hồ sơ quá hạn 1,5
1,25"). The code printed a little wider than the column's others (its full stop) crosses the
gap the table's columns were found by, so the first line stays a running line between the two
pieces, and the piece's first row, with no code, was taken for the rest of the row above (the
row above given two maxima, the row itself lost). A line right above the piece, on its page,
that opens with a code the table's numbering can go on to, opens that first row.
"""

from __future__ import annotations

from extract.model import Line
from extract.segment.joined import JoinedRow
from normalize.codes import parse_code, transition_cost


def head_from_gap(gap: list, first: JoinedRow, last_code: str | None) -> bool:
    """Put the coded line right above a table piece (the last block of ``gap``) at the head of
    the piece's first row when that row has a name but no code, and the line's code can follow
    ``last_code`` (the table's last row's code). Returns whether it did."""
    if not gap or not isinstance(gap[-1], Line) or len(first.cells) < 2:
        return False
    line = gap[-1]
    if line.page != first.page or first.cells[0].strip() or not first.cells[1].strip():
        return False
    words = line.text.split()
    code, previous = parse_code(words[0]) if len(words) >= 2 else None, parse_code(last_code)
    if code is None or previous is None or transition_cost(previous, code) is None:
        return False
    # (a tab between code and name read as a dash or a dot: "1.2 - Thực hiện …")
    name = words[1:]
    while len(name) > 1 and not any(ch.isalnum() for ch in name[0]):
        name = name[1:]
    first.cells[0] = words[0].rstrip(".")
    first.cells[1] = f"{' '.join(name)} {first.cells[1].strip()}"
    first.line_start = line.number
    return True
