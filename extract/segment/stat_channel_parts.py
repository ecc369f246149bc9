"""An annex that splits a count by the channel it came through: a column per channel beside the
total ("Tổng số | Trong đó: Trực tuyến | Trực tiếp, qua bưu chính", "Chia ra: Qua DVC trực tuyến |
Tại Bộ phận Một cửa | Tổng cộng"), the total printed first or last.

The one-stop rules (NĐ 61/2018, TT 01/2018/TT-VPCP) receive a file or a complaint online, at the
desk or by post; a report counts them all and may say how many came each way. The total holds the
annex's figure; the channels are parts of it as quarters are of a year and hamlets of the commune
(``stat_period_parts`` reads all three kinds: this module only knows the words). A channel's label
names one way in ("Trực tuyến", "Qua dịch vụ công trực tuyến", "Trực tiếp", "Tại Bộ phận Một cửa",
"Qua bưu chính", "Qua đường dây nóng", "Qua thư điện tử"), and no total ("Tổng số hồ sơ trực
tuyến" is a count of its own, not a part). A row whose files did not come by channel leaves the
channel cells blank, and then nothing is split."""

from __future__ import annotations

import regex as re

from normalize.lazy_regex import lazy_compile
from normalize.text import fold

# The ways a file or a complaint reaches the commune, folded: online (the public-service portal,
# "DVC" its short name), in person at the one-stop desk, by post, by telephone or hot line, by
# e-mail or the suggestion box.
_CHANNEL = lazy_compile(
    r"(?<![a-z])(?:truc tuyen|truc tiep|buu chinh|mot cua|bo phan tiep nhan|dich vu cong|dvc|"
    r"duong day nong|dien thoai|thu dien tu|email|hom thu)(?![a-z])"
)
# A label that totals ("tổng số …"), whatever channel it names, is the whole's or a count's own
# ("cộng" alone folds as "công" of "dịch vụ công" does: only with "tổng").
_TOTAL = lazy_compile(r"(?<![a-z])tong(?![a-z])")


def is_channel_label(label: str) -> bool:
    """Whether a column's label names one channel a count came through, and no total."""
    folded = fold(label or "")
    return bool(_CHANNEL.search(folded)) and not _TOTAL.search(folded)


# The words of the two channel labels a form prints most ("Trực tuyến", "Trực tiếp"), folded.
_STACKED_ONLINE, _STACKED_DESK, _STACKED_WAY = "tuyen", "tiep", "truc"


def channels_stacked(header: str) -> bool:
    """Whether a header's text names the online and the in-person channel with their words apart:
    a header of narrow columns prints each label's words one above the other ("Trực | Trực" over
    "tuyến | tiếp"), and OCR reading line by line keeps no label whole ("Trực. . Trực cộng chú /
    tuyến tiếp"). "Trực" twice and both second words anywhere in the header say two channels."""
    words = re.findall(r"[a-z]+", fold(header or ""))
    return words.count(_STACKED_WAY) >= 2 and _STACKED_ONLINE in words and _STACKED_DESK in words
