"""A row whose code OCR lost, its code cell read as a short speck before the indicator ("ES Tổng
số hồ sơ TTHC tiếp nhận …", "ree Tổng số thủ tục hành chính …": the cell's ink and its ruling
line, no code).

``stat_line_rows`` takes a line with no code and no figure for a row whose code was lost when it
opens as indicators do ("Tổng số …", "Tỷ lệ …"); the speck in front hid that opening, so the line
was taken for the row above's wrapped words and the row was lost, its parts numbered under the
row above. A wrap continues a phrase in lower case; a capitalised indicator opening as the second
word, behind a token too short to be a word of the row above, is the next row."""

from __future__ import annotations

from normalize.criteria.annex_forms import opens_indicator

# Characters a code cell's speck has at most ("ES", "ree", "F", "'§"); a longer first word is a
# word of the text.
_MAX_SPECK_CHARS = 3


def behind_speck(words: list[str]) -> list[str]:
    """The words from the indicator's opening on when a short speck stands before a capitalised
    opening ("ES Tổng số …" → "Tổng số …"); the words as they are otherwise."""
    if len(words) < 2 or len(words[0]) > _MAX_SPECK_CHARS:
        return words
    opening = words[1]
    if opening[:1].isupper() and not opening.isupper() and opens_indicator(opening) and not opens_indicator(words[0]):
        return words[1:]
    return words
