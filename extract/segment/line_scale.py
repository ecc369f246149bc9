"""A maximum printed as a dashed scale on a line read without positions ("… cải cách 0 – 0,5 – 2
1,5 Kế hoạch …"): its tokens made one token, the scale's top, before the run of figures is looked
for. Left apart, the 0 and the steps would pass for cells (the top taken for the self points) or
the 0 for a word of the name. Worded scales ("Tối đa 2; không đạt 0") are left to the name: a
criterion's name may print "tối đa 2 điểm" itself."""

from __future__ import annotations

from dataclasses import dataclass

from extract.segment.line_common import is_points_reading
from normalize.points_scale import stepped_scale


@dataclass(frozen=True)
class LineScaleSettings:
    # The most tokens a scale spans on a line: "0 – 0,5 – 1 – 1,5 – 2" (five steps and their signs).
    most_tokens: int = 9


def scale_tops(
    tokens: list[tuple[str, str]], settings: LineScaleSettings = LineScaleSettings()
) -> list[tuple[str, str]]:
    """(repaired, raw) tokens with each dashed scale ("0 - 2", "0 – 0,5 – 1", "0÷2") made its top.
    A scale opens the line's figures (the maximum is the first points column): after a figure,
    "0 - 2" is a score of 0 and a bullet's count ("- 2 văn bản"), and is left alone."""
    out: list[tuple[str, str]] = []
    k = 0
    while k < len(tokens):
        after_figure = k > 0 and is_points_reading(tokens[k - 1][1])
        end = None if after_figure else _scale_end(tokens, k, settings.most_tokens)
        if end is None:
            out.append(tokens[k])
            k += 1
            continue
        top = stepped_scale(" ".join(raw for _, raw in tokens[k:end]))
        out.append((top.top, top.top) if top else tokens[k])
        k = end
    return out


def _scale_end(tokens: list[tuple[str, str]], k: int, most: int) -> int | None:
    """The end of the longest scale opening at token ``k``; None when none opens there."""
    if not tokens[k][1][:1] == "0":
        return None
    for end in range(min(len(tokens), k + most), k, -1):
        if stepped_scale(" ".join(raw for _, raw in tokens[k:end])):
            return end
    return None
