"""A line of the score table read from lines that holds one token alone (``LineCells.bare``): a
layout of one cell per line prints a row's code, its maximum and its self score each on a line of
its own, and a wrapped cell may leave a lone word. Which it is the row being read says
(``line_rows.RowBuilder`` feeds such lines here)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from extract.segment.line_cells import LineCells
from extract.segment.line_common import is_score_token, quarter_figure
from extract.segment.stray_numbers import continues_codes
from normalize.codes import read_code_token
from normalize.numbers import parse_number

if TYPE_CHECKING:
    from extract.segment.line_rows import RowBuilder


def feed_bare(builder: RowBuilder, cells: LineCells, token: str) -> None:
    """A line of one token (``cells.bare``, ``token``) fed to the row builder: a points cell of the
    row being read, a code opening a row (or the centred STT cell of the row above), else a word of
    the row's explanation."""
    cur = builder.cur
    value = parse_number(token, kind="score")
    points = value is not None and is_score_token(token) and value.value <= builder.settings.max_bare_points
    # "4.4" right after "4.3" is the next code, not 4.4 points; "1,5" after "1.3" whose self
    # cell is still empty is its points: codes print with dots, a decimal comma is a number's.
    # So is "1,5" under a named row with no numbers yet (a cell per line: its max), unless
    # it is the very next code (``comma_code_step``).
    waiting = (
        cur is not None
        and "," in token
        and (
            cur.n_numbers == 1
            or (
                cur.n_numbers == 0
                and bool(cur.name)
                and not continues_codes(token, builder.rows, builder.settings, builder.settings.comma_code_step)
            )
        )
    )
    if points and not waiting and continues_codes(token, builder.rows, builder.settings):
        points = False
    if points and cur is not None and (cur.name or cur.tail_block) and cur.n_numbers < 2:
        if cur.n_numbers == 0 and cur.tail_block:
            cur = builder._split_tail(cells)
        cur.add_number(token)
        cur.touch(cells.line)
        return
    if points and cur is not None and cur.n_numbers == 2 and cur.tail_block:
        cur = builder._split_tail(cells)
        cur.add_number(token)
        cur.touch(cells.line)
        return
    if read_code_token(token) is not None and not quarter_figure(token):
        if cur is None or cur.code is not None or cur.name or cur.n_numbers or cur.explanation:
            if cur is not None and cur.code is None and cur.started_by == "numbers" and not cells.block_start:
                cur.code = token  # the centred STT cell of the row above
                cur.touch(cells.line)
                return
            builder._split_lost_name()
            cur = builder._new(cells, "code")
        cur.code = token
        cur.touch(cells.line)
        return
    if cur is not None:
        cur.explanation.append((token, token))
        cur.touch(cells.line)
