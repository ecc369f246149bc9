"""A row of a score table printing no code opens on a line opening with its bullet, whether its
figures are on that line or not.

A table whose names carry their levels by bullets ("- Kế hoạch …", "+ Ban hành …"; ``marked_levels``)
opens nearly every row with one; on a scan OCR may lose or garble a row's figures ("B 125" for
"2 1,25"), and the line reader then took the next lines for that row's: the next bulleted line's
figures filled the row above ("+ Mức độ hoàn thành …" took the "2 2" of "- Thực hiện chế độ báo cáo
…", whose row was lost), and a bulleted line with no figures became the row above's explanation ("|
- Sự hài lòng về thủ tục hành chính es G2"). A name's wrapped line or an explanation's does not open
with a bullet and a capital; so once the table's rows have shown they open so, such a line opens a
row of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from extract.segment.marked_levels import line_bullet
from extract.segment.row_draft import RowDraft
from extract.segment.scale_lines import is_scale_line


@dataclass(frozen=True)
class BulletRowSettings:
    # Rows opened by a bullet so far, and their share of the rows, before a bulleted line is taken
    # to open a row whatever the row above awaits: a coded table's names may open with a dash now
    # and then, a bulleted table opens most of its rows with one.
    min_bulleted: int = 3
    min_bulleted_share: float = 0.5


def bullet_opens_row(
    line_text: str,
    cur: RowDraft | None,
    rows: list[RowDraft],
    bulleted: int,
    settings: BulletRowSettings = BulletRowSettings(),
) -> bool:
    """Whether a line (its text as read) opens a row of its own in a bulleted table: ``bulleted`` of
    the table's ``rows`` so far opened on a bulleted line, the row being read (``cur``) has its
    name, and the line opens with a bullet and a capital and is no item of a scoring scale ("-
    Ban hành kịp thời: 1", the row's scale)."""
    if cur is None or not cur.name or bulleted < settings.min_bulleted:
        return False
    if bulleted < settings.min_bulleted_share * len(rows):
        return False
    return line_bullet(line_text) is not None and not is_scale_line(line_text)
