"""A group heading whose code OCR lost, printed right under the share that closes the group
above ("2.3 | Tỷ lệ hồ sơ tiếp nhận trực tuyến | % | 84,29" over "Kết quả giải quyết hồ sơ thủ tục
hành chính", "Công khai thủ tục hành chính": no code, no unit, no figure).

A line with no code and no figure under a row is that row's wrapped words, unless it opens as
indicators do ("Số …", "Tỷ lệ …": ``stat_line_rows._indicator_code_lost``). A heading opens with
any word, so it was taken for the share's wrap: the heading was lost, and the rows under it, their
codes lost too, were numbered on from the share's (3 and 3.1 read as 2.4, 2.5). A form closes each
group with its share, so what follows a share is the next group, not more of the share's label;
the share's own wrap is its label's last words, which open in lower case ("trình", "hạn"). The
heading is then a row with its code lost, which the column repair numbers as the next group
(``stat_headings.headings_after_a_share``)."""

from __future__ import annotations

from extract.segment.stat_headings import worded_as_share
from normalize.criteria.annex_forms import indicator_wording


def heading_after_share(
    above_indicator: str, above_unit: str, above_value: str, words: list[str], min_words: int, min_wording: float
) -> bool:
    """Whether a line's ``words`` (no code, no figure) under the row read so far are a group
    heading: the row is a share (its "%" and figure, or its wording), the line opens with a
    capitalised word that is no acronym ("UBND xã …", "CCHC năm" are a label's middle words) and
    holds at least ``min_words`` words, ``min_wording`` of them annex-form wording."""
    share = (bool(above_value.strip()) and "%" in above_unit) or worded_as_share(above_indicator)
    if not share or len(words) < min_words:
        return False
    first = words[0]
    if not first[:1].isupper() or first.isupper():
        return False
    wording = indicator_wording(" ".join(words))
    return wording is not None and wording >= min_wording
