"""Dot leaders on a page image: the run of dots a tab stop prints between a criterion's name and
its figure ("Kế hoạch CCHC năm..........5"). Tesseract reads such a run as letters and digits
("……222 1T.", "9900010210120", "55+ s£++ss+"), glued to the name and to the figure: the figure is
lost in the name, and the gap that parts the name's column from the figure's is bridged by the
debris, so no column of maxima is ever seen. The leader is layout, not text: it is painted white
before Tesseract reads the page, as ruling lines are (``ocr_image.erase_rules``).

A leader is told apart from the page's other small marks by what only a leader has together:
- many dots (``min_dots``) on one line, each small (at most ``dot_max_in`` of an inch each way);
- evenly spaced (a typed leader repeats one glyph: most steps within ``pitch_tolerance`` of the
  median step; a dot lost to a faded scan leaves a step of two, still linked up to ``max_step``);
- each dot alone in its column of the page: nothing inked within ``clear_in`` of an inch above
  or below it. A diacritic (the dot of "ạ", the accent of "á") sits that close to its letter, so
  a word's marks never pass, however many stand in a row.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from extract.model import BBox, Word
from extract.pdf_leaders import leader_reach


@dataclass(frozen=True)
class LeaderSettings:
    min_dots: int = 8  # 0 = off
    dot_max_in: float = 0.04  # 12 px at 300 dpi; a 12-pt leader's dot is 6 px
    max_step_in: float = 0.1  # from one dot's left edge to the next's; 12-13 px at 300 dpi
    pitch_tolerance: float = 0.25
    regular_share: float = 0.75  # of the steps within the tolerance of the median step
    clear_in: float = 0.04  # ink-free above and below each dot
    same_line_in: float = 0.012  # the dots' centres this close in height: one line


@dataclass(frozen=True)
class Dot:
    label: int
    x0: int
    top: int
    x1: int
    bottom: int

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


def erase_leaders(
    gray: np.ndarray, ink: np.ndarray, dpi: int, settings: LeaderSettings = LeaderSettings()
) -> list[BBox]:
    """Paint white, in place, the dot leaders of a page (``gray``, its ``ink`` mask). Returns
    where they ran (``reach_over_leaders`` gives the names their ink back)."""
    if not settings.min_dots:
        return []
    import cv2

    _, labels, stats, _ = cv2.connectedComponentsWithStats(ink.view(np.uint8), connectivity=8)
    dots = lone_dots(stats, ink, labels, dpi, settings)
    leaders = [run for run in dot_runs(dots, dpi, settings) if is_leader(run, settings)]
    for run in leaders:
        for d in run:
            # (the box and a pixel round it: the dot's blurred edge, lighter than its ink, too)
            gray[max(0, d.top - 1) : d.bottom + 1, max(0, d.x0 - 1) : d.x1 + 1] = 255
    return [(run[0].x0, min(d.top for d in run), run[-1].x1, max(d.bottom for d in run)) for run in leaders]


def reach_over_leaders(words: list[Word], leaders: list[BBox]) -> None:
    """The word a leader ran from (the name's last word) is taken to reach over the leader's
    first half (``pdf_leaders.leader_reach``), in place: the leader was ink binding the name to its
    figure. Erased and not given back, the white it left opened gutters inside the names' column
    where a row's name is short ("CÔNG TÁC CHỈ ĐẠO, ĐIỀU | HÀNH | CCHC"), as in a text layer."""
    for x0, top, x1, bottom in leaders:
        middle = (top + bottom) / 2
        on_line = [w for w in words if w.bbox is not None and w.bbox[1] <= middle <= w.bbox[3] + (bottom - top)]
        before = [w for w in on_line if w.bbox is not None and w.bbox[2] <= x0 + (bottom - top)]
        after = [w for w in on_line if w.bbox is not None and w.bbox[0] >= x1 - (bottom - top)]
        if not before:
            continue
        name = max(before, key=lambda w: w.bbox[2] if w.bbox else 0.0)
        figure = min((w.bbox[0] for w in after if w.bbox is not None), default=float(x1))
        box = name.bbox
        if box is None:
            continue
        size = box[3] - box[1]
        name.bbox = (box[0], box[1], max(box[2], leader_reach(box[2], figure, size)), box[3])


def lone_dots(stats: np.ndarray, ink: np.ndarray, labels: np.ndarray, dpi: int, settings: LeaderSettings) -> list[Dot]:
    """The small ink blobs with nothing else inked just above or below them."""
    size = max(2, round(settings.dot_max_in * dpi))
    clear = max(2, round(settings.clear_in * dpi))
    out: list[Dot] = []
    height, _ = ink.shape
    for k in range(1, len(stats)):
        x, y, w, h, _area = (int(v) for v in stats[k])
        if w > size or h > size:
            continue
        above = labels[max(0, y - clear) : y, x : x + w]
        below = labels[y + h : min(height, y + h + clear), x : x + w]
        if above.any() or below.any():
            continue  # (a diacritic, or a letter's part)
        out.append(Dot(k, x, y, x + w, y + h))
    return out


def dot_runs(dots: list[Dot], dpi: int, settings: LeaderSettings) -> list[list[Dot]]:
    """The dots chained left to right along one line, each within ``max_step_in`` of the last."""
    step = settings.max_step_in * dpi
    level = settings.same_line_in * dpi
    runs: list[list[Dot]] = []
    for dot in sorted(dots, key=lambda d: d.x0):
        best = None
        for run in runs:
            last = run[-1]
            if 0 < dot.x0 - last.x0 <= step and abs(dot.middle - last.middle) <= level:
                if best is None or abs(dot.middle - last.middle) < abs(dot.middle - best[-1].middle):
                    best = run
        if best is None:
            runs.append([dot])
        else:
            best.append(dot)
    return [run for run in runs if len(run) >= settings.min_dots]


def is_leader(run: list[Dot], settings: LeaderSettings) -> bool:
    """Whether a chain of dots is evenly spaced, as a typed leader's are."""
    if len(run) < settings.min_dots:
        return False
    steps = sorted(b.x0 - a.x0 for a, b in zip(run, run[1:]))
    pitch = steps[len(steps) // 2]
    regular = sum(1 for s in steps if abs(s - pitch) <= settings.pitch_tolerance * pitch)
    return regular >= settings.regular_share * len(steps)
