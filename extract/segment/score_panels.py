"""A score table printed in two halves side by side, read from lines (an OCR dump): "STT | Nội dung
tiêu chí | Điểm tối đa | Điểm tự đánh giá | STT | Nội dung tiêu chí | Điểm tối đa | Điểm tự đánh
giá", fields 1–2 on the left, 3–4 on the right, so each line of text holds two rows ("1. Công tác
chỉ đạo … 10 10 3. Cải cách thủ tục hành chính 14,5 14,5"). Read as printed, the right half's code
and name were the left row's explanation and the right half's rows were lost without a word; a
scan keeps the halves apart by where they stand (``side_halves``), a dump does not.

A header line that names the code's and the criteria's labels twice, with the points' label under
them twice or more, says the table is in two halves. Each line under it is cut where the right
half's row opens: a code printed with its dot ("3.", "4. .|") after the left row's last figure and
before a capitalised name. The left half's lines are read first, then the right half's, in order,
so the codes run on as printed (1, 2, then 3, 4); lines no cut divides (a wrapped name, specks)
stay with the left half, and the totals line closing the grid comes after both halves. (The
annex reader's two panels are ``stat_two_panels``.)"""

from __future__ import annotations

from dataclasses import dataclass, replace

from extract.model import Line
from extract.segment.table_end import is_total_label
from normalize.lazy_regex import lazy_compile
from normalize.text import fold

# The code column's label ("STT", "TT") and the criteria column's ("Nội dung tiêu chí", "Tiêu chí",
# "Lĩnh vực"), once however many of its words are printed; on the folded header line.
_CODE_LABEL = lazy_compile(r"(?<![a-z])s?tt(?![a-z])")
_CRITERIA_LABEL = lazy_compile(r"(?:noi dung )?tieu chi|noi dung|linh vuc")
_POINTS_LABEL = lazy_compile(r"(?<![a-z])diem(?![a-z])")
# A code printed with its dot, as OCR leaves it at the half's edge ("3.", "4..", "1.2", "—2..").
_CODE = lazy_compile(r"^[^\p{L}\p{N}]{0,2}\d{1,2}(?:\.\d{1,2}){0,2}\.{0,2}[^\p{L}\p{N}]{0,2}$")
_DOT = lazy_compile(r"\d\.")
# A token with no letter or digit: a ruling's speck ("|", ".|", "_").
_SPECK = lazy_compile(r"^[^\p{L}\p{N}]+$")
# A name's first word opens on a capital, after specks ("|.Xây", "Cải").
_CAPITAL = lazy_compile(r"^[^\p{L}\p{N}]{0,2}\p{Lu}")
# A points figure as OCR prints it: digits with a decimal comma, specks about it ("10.", "10:", "14,5").
_FIGURE = lazy_compile(r"^[^\p{L}\p{N}]{0,2}\d{1,3}(?:,\d{1,2})?[^\p{L}\p{N}]{0,3}$")


@dataclass(frozen=True)
class ScorePanelSettings:
    # Times the header line names the code's and the criteria's labels for the table to have two halves.
    halves: int = 2
    # Header lines (from the one naming the labels twice) over which the points' label is counted.
    header_lines: int = 3
    # Words the left part keeps, at least (its code, a name's word, a figure).
    min_left_words: int = 3
    # Lines under the header looked at for rows: a page's table, not the report after it.
    body_lines: int = 60
    # Lines after the last one both halves share that can still be the left half's: its rows and
    # their wrapped names (this many words at most).
    left_tail_lines: int = 8
    wrap_words: int = 6


def _names_halves(line: Line, settings: ScorePanelSettings) -> bool:
    """Whether a header line names the code's and the criteria's labels once per half."""
    folded = fold(line.text)
    return (
        len(_CODE_LABEL.findall(folded)) >= settings.halves and len(_CRITERIA_LABEL.findall(folded)) >= settings.halves
    )


def _two_halves(lines: list[Line], k: int, settings: ScorePanelSettings) -> bool:
    """Whether line ``k`` is a score table's header naming its code's and criteria's labels once per
    half, the points' label named as often or more on it and the lines under it."""
    if not _names_halves(lines[k], settings):
        return False
    header = " ".join(fold(ln.text) for ln in lines[k : k + settings.header_lines])
    return len(_POINTS_LABEL.findall(header)) >= settings.halves


def _back(tokens: list[str], j: int) -> int:
    while j >= 0 and _SPECK.match(tokens[j]):
        j -= 1
    return j


def half_cut(text: str, settings: ScorePanelSettings = ScorePanelSettings()) -> int | None:
    """The token index where the right half's row opens in a line holding two rows (its dotted
    code after the left row's last figure, before a capitalised name), or None."""
    tokens = text.split()
    for i in range(settings.min_left_words, len(tokens)):
        if not _CAPITAL.match(tokens[i]):
            continue
        j = _back(tokens, i - 1)
        if j < settings.min_left_words - 1 or not (_CODE.match(tokens[j]) and _DOT.search(tokens[j])):
            continue
        before = _back(tokens, j - 1)
        if before >= 1 and _FIGURE.match(tokens[before]):
            return j
    return None


def _left_end(lines: list[Line], last_cut: int, settings: ScorePanelSettings) -> int:
    """The last line of the left half: its rows and wrapped names under the last line both halves
    share, up to the totals line (which closes the grid, after the right half)."""
    end = last_cut
    for n in range(last_cut + 1, min(len(lines), last_cut + 1 + settings.left_tail_lines)):
        text = lines[n].text
        if is_total_label(fold(text).strip(" |_-—.:;'`")) or len(text.split()) > settings.wrap_words:
            break
        end = n
    return end


def header_left_halves(header: list[Line], settings: ScorePanelSettings = ScorePanelSettings()) -> list[Line]:
    """A score table's header lines as one half prints them, where a line of them names the labels
    once per half (the right half's labels are the left's again: counted twice they name columns
    the table has not, a third points column taken for the appraisal's); the lines otherwise."""
    if not any(_names_halves(ln, settings) for ln in header):
        return header
    return [_header_half(ln) for ln in header]


def _header_half(line: Line) -> Line:
    """A header line's left half: the line up to where its first label's first word is printed
    again (the right half repeats the left's labels: "STT Nội dung … Điểm | STT Nội dung …",
    "tốiđa | tự đánh … tốiđa | tự đánh"); the line as it is where no word repeats so."""
    words = [fold(w).strip(".,:;") for w in line.text.split()]
    first = next((n for n, w in enumerate(words) if any(c.isalnum() for c in w)), None)
    if first is None:
        return line
    again = next((n for n in range(first + 1, len(words)) if words[n] == words[first]), None)
    return line if again is None else _part(line, 0, again)


def _part(line: Line, start: int, end: int | None) -> Line:
    """The line's tokens ``start:end``, its source text cut alike where the repair kept its tokens
    (else dropped: the half's text stands for itself)."""
    tokens = line.text.split()
    raw = line.raw.split() if line.raw is not None else None
    return replace(
        line,
        text=" ".join(tokens[start:end]),
        raw=" ".join(raw[start:end]) if raw is not None and len(raw) == len(tokens) else None,
        words=[],
        columns=[],
        column_stops=[],
    )


def halves_unfolded(lines: list[Line], settings: ScorePanelSettings = ScorePanelSettings()) -> list[Line]:
    """The lines with each two-half score table's right half read after its left one (the lines
    holding two rows cut in two); other lines as they are."""
    for k in range(len(lines)):
        if not _two_halves(lines, k, settings):
            continue
        body = range(k + 1, min(len(lines), k + 1 + settings.body_lines))
        cuts = {n: cut for n in body if (cut := half_cut(lines[n].text, settings)) is not None}
        if not cuts:
            continue
        last = _left_end(lines, max(cuts), settings)
        first = min(cuts)
        header = [_header_half(ln) for ln in lines[k : min(first, k + settings.header_lines)]]
        left: list[Line] = []
        right: list[Line] = []
        for n in range(k + len(header), last + 1):
            line = lines[n]
            if n not in cuts:
                left.append(line)
                continue
            left.append(_part(line, 0, cuts[n]))
            right.append(_part(line, cuts[n], None))
        return [*lines[:k], *header, *left, *right, *halves_unfolded(lines[last + 1 :], settings)]
    return lines
