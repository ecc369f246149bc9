"""Whether a score table's lines are a typist's list with dot leaders: "1.1.2 Mức độ hoàn thành kế
hoạch cải cách hành" / "chính năm ................ 2 1,5" — a name broken over lines, a leader of
dots running from its last words to the figures at the tab stops. A text dump of such a page keeps
no tab and no position, but OCR keeps some of the leaders' dots on several lines ("thẩm
QUYỀN.............e.2222…", "hành Chính...............Ð 2.20"), and those say the layout as the tab
stops of a typed file do: the line with the figures closes the name above it
(``name_tail_figures.closes_name``), it opens no row of its own."""

from __future__ import annotations

from collections.abc import Sequence

from extract.model import Line
from extract.pdf_leaders import LEADER
from extract.segment.line_common import LineTableSettings


def leader_lines(lines: Sequence[Line], settings: LineTableSettings = LineTableSettings()) -> bool:
    """Whether enough of the table's body ``lines`` (a sample after its header) hold a dot leader
    (``LineTableSettings.leader_min_lines``, ``leader_share``)."""
    body = [ln for ln in lines if (ln.raw or ln.text).strip()]
    if not body:
        return False
    held = sum(1 for ln in body if LEADER.search(ln.raw or ln.text))
    return held >= settings.leader_min_lines and held >= settings.leader_share * len(body)
