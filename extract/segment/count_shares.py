"""When figures stated beside a total are its shares: the sentence must say so.

Real reports print fractions of one whole side by side for two reasons. They may be its shares
("7/12 chỉ tiêu đạt, còn 5/12 chỉ tiêu chưa đạt"), which must add up; or they may count the same
whole under different conditions ("4/9 huyện đạt tỷ lệ này dưới 3% và cả 9/9 huyện đạt tỷ lệ dưới
10%"; "31/47 cơ quan xếp hạng Tốt …; 12/47 cơ quan xếp hạng Khá …; còn 4 đơn vị …" where the last
share is no fraction), which need not. Adding the second kind up tells a commune its figures disagree
when they do not. So fractions are joined as shares only where the wording makes them shares: the
later one is the remainder ("còn 5/12 …", "còn lại"), or their labels come from one set that
partitions a total (đạt / chưa đạt, trước hạn / đúng hạn / trễ hạn …). Otherwise each fraction is a
count of its own: its part no larger than its whole is all that is checked.

A rate printed after a total, with the total's parts in brackets after it ("đã giải quyết 480 hồ
sơ, đạt tỷ lệ 99,75% (số hồ sơ đúng hạn là 479 hồ sơ, trễ hạn là 1 hồ sơ)"), states its breakdown:
the bracket is read as the total's when the rate is the total's own ("đạt", "chiếm", "tỷ lệ") and
every part in it is counted in the total's unit.
"""

from __future__ import annotations

import regex as re

from extract.segment.count_words import complete_labels
from normalize.lazy_regex import lazy_compile

# The clause of the later fraction opens with the remainder word (accent-free shadow).
_REMAINDER = lazy_compile(r"(?:^|[,;:]|\bva\b)\s*(?:con lai|con|so con lai)\s*(?:la\s*|co\s*)?$")
# A rate of the total itself, not a change against another figure ("tăng 12% so với …").
_OWN_RATE = lazy_compile(r"^\s*,?\s*(?:dat|chiem)?\s*(?:ty le|ti le)?\s*:?\s*$")


def are_shares(between_low: str, labels: list[str]) -> bool:
    """Whether a fraction of the same whole as the fractions before it is one more share of it:
    ``between_low`` is the shadow from the fraction before up to this one, ``labels`` the shares'
    labels, this one's last."""
    clause = re.split(r"[,;]", between_low)[-1] if between_low else ""
    return bool(_REMAINDER.search(between_low) or _REMAINDER.search(clause)) or complete_labels(labels)


def rate_of_the_total(words_low: str) -> bool:
    """Whether the words between a total and a percentage make the percentage the total's own rate
    ("…, đạt tỷ lệ 99,75%", "… (chiếm 12%)"), not a change against another figure."""
    return bool(_OWN_RATE.match(words_low))
