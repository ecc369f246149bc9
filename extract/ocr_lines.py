"""OCR words in reading order: visual lines from word boxes, a cell's text from its lines."""

from __future__ import annotations

import statistics

from extract.model import Word, bbox_of, mean_conf
from extract.ocr_codes import CLEAN_NUMBER
from extract.ocr_settings import OcrSettings
from normalize.lazy_regex import lazy_compile
from normalize.text import join_printed_lines

# A figure in thousands ("3.128", "10.523", "1,581"): a digit group every three places.
_THOUSANDS = lazy_compile(r"^\d{1,3}(?:[.,]\d{3})+$")


def line_band(words: list[Word]) -> tuple[float, float, float, float]:
    """A line's left, right and its band: its words' median top to median bottom."""
    boxes = [bbox_of(w) for w in words]
    top = statistics.median(b[1] for b in boxes)
    bottom = statistics.median(b[3] for b in boxes)
    return min(b[0] for b in boxes), max(b[2] for b in boxes), top, bottom


def visual_lines(words: list[Word], settings: OcrSettings = OcrSettings()) -> list[list[Word]]:
    """OCR words into visual lines, top to bottom, each left to right. Letters' words, taken by
    their bottoms, join the line whose band (its words' median top to median bottom) they overlap
    by ``line_overlap`` of the lower height: a word's top varies with the stacked Vietnamese
    accents, its bottom with descenders and brackets, a line's band with neither. Compared with
    the line's first bottom alone, "huyện," (a "y" and a comma) or "(Đánh" became lines of their
    own put after their line ("… của sát huyện, với …"). Short marks ("-", ",", ".") join the line
    whose height holds their middle: grouped by tops, as text layers are, a scale line's bullet
    "-" became a line of its own ending the line above ("…: 1 - Ban hành…")."""
    if not words:
        return []
    heights = sorted(bbox_of(w)[3] - bbox_of(w)[1] for w in words)
    typical = max(1.0, heights[len(heights) // 2])
    tall = [w for w in words if bbox_of(w)[3] - bbox_of(w)[1] >= settings.mark_height * typical]
    marks = [w for w in words if bbox_of(w)[3] - bbox_of(w)[1] < settings.mark_height * typical]
    lines: list[list[Word]] = []
    for w in sorted(tall, key=lambda w: bbox_of(w)[3]):
        _, top, _, bottom = bbox_of(w)
        if lines:
            _, _, band_top, band_bottom = line_band(lines[-1])
            overlap = min(bottom, band_bottom) - max(top, band_top)
            if overlap >= settings.line_overlap * max(1.0, min(bottom - top, band_bottom - band_top)):
                lines[-1].append(w)
                continue
        lines.append([w])
    for w in marks:
        middle = (bbox_of(w)[1] + bbox_of(w)[3]) / 2
        spans = [(min(bbox_of(x)[1] for x in line), max(bbox_of(x)[3] for x in line)) for line in lines]
        holding = [k for k, (top, bottom) in enumerate(spans) if top <= middle <= bottom]
        if holding:
            k = min(holding, key=lambda k: abs((spans[k][0] + spans[k][1]) / 2 - middle))
            lines[k].append(w)
        else:
            lines.append([w])
    lines.sort(key=lambda line: statistics.median(bbox_of(w)[3] for w in line))
    return [sorted(line, key=lambda w: bbox_of(w)[0]) for line in lines]


def side_by_side(lines: list[list[Word]], settings: OcrSettings = OcrSettings()) -> list[list[Word]]:
    """Tesseract's lines that lie side by side on one printed line, joined (each left to right).
    Tesseract's page segmentation puts the columns of an unruled table in blocks of their own, so
    a row's numbers ("1 0,25 Tỷ lệ đạt 95%") come as a line apart from its name ("a) Tất cả báo
    cáo…"); on a photo, what its flattening leaves of the slope puts the numbers' line a few
    pixels higher, ordered before the name's and read as the end of the row above. Lines join
    when they do not overlap across, their bands overlap by ``side_line_overlap`` of the lower
    band (a line's neighbours above and below overlap it by a few pixels at most), and the right
    one starts with a number (a row's points, a count in thousands: ``opens_a_figure``) or the
    left one is a single token (a code read apart), or they stand a word space apart (one line
    Tesseract cut in two, ``side_line_word_gap``): the two columns of a signature block ("- UBND
    huyện …;" | "CHỦ TỊCH") stay apart, as the metadata reads them."""
    if settings.side_line_overlap <= 0:
        return lines
    out: list[list[Word]] = []
    bands: list[tuple[float, float, float, float]] = []
    for line in sorted((sorted(ws, key=lambda w: bbox_of(w)[0]) for ws in lines), key=lambda ws: line_band(ws)[0]):
        left, right, top, bottom = line_band(line)
        for k, (o_left, o_right, o_top, o_bottom) in enumerate(bands):
            overlap = min(bottom, o_bottom) - max(top, o_top)
            if left >= o_right:
                pair = (out[k], line)
            elif right <= o_left:
                pair = (line, out[k])
            elif _in_a_gap(line, out[k]):
                # A token read apart that stands between two words of a line ("Số: 27 /KH-UBND")
                # is that line's, not the next line beside it.
                pair = (line, out[k])
            else:
                continue
            lower = max(1.0, min(bottom - top, o_bottom - o_top))
            spaced = bbox_of(pair[1][0])[0] - bbox_of(pair[0][-1])[2] <= settings.side_line_word_gap * lower
            row_parts = len(pair[0]) == 1 or opens_a_figure(pair[1][0].text) or spaced
            if row_parts and overlap >= settings.side_line_overlap * max(1.0, min(bottom - top, o_bottom - o_top)):
                out[k] = sorted(out[k] + line, key=lambda w: bbox_of(w)[0])
                bands[k] = line_band(out[k])
                break
        else:
            out.append(line)
            bands.append((left, right, top, bottom))
    return out


def opens_a_figure(token: str) -> bool:
    """Whether a line's first token is a row's figure: a points figure ("5", "96,74") or a count in
    thousands ("3.128 hồ sơ" after a dot leader the page image lost: an annex line's figure)."""
    return bool(CLEAN_NUMBER.match(token) or _THOUSANDS.match(token))


def _in_a_gap(line: list[Word], other: list[Word]) -> bool:
    """``line`` is one token lying across between two words of ``other``, overlapping none."""
    if len(line) != 1:
        return False
    left, _, right, _ = bbox_of(line[0])
    return any(bbox_of(a)[2] <= left and right <= bbox_of(b)[0] for a, b in zip(other, other[1:]))


def reading_lines(words: list[Word]) -> list[str]:
    """Words of one cell as its printed lines (``visual_lines``), each left to right."""
    return [text for text, _ in lines_with_confs(words)]


def lines_with_confs(words: list[Word]) -> list[tuple[str, float | None]]:
    """``reading_lines`` each with its words' mean OCR confidence (``Cell.line_confs``)."""
    return [(text, conf) for text, conf, _ in placed_lines(words)]


def placed_lines(words: list[Word]) -> list[tuple[str, float | None, float]]:
    """``lines_with_confs`` each with its place down the page (``Cell.line_places``): its band's
    top (its words' median top, so neither an accent nor a speck moves it). A criteria row pasted
    from a spreadsheet leaves a blank figure as an empty line, which no read line marks: the place
    of the figures read says which criterion each is (``pasted_rows.placed_lines``), as a text
    layer's line tops do."""
    return [
        (
            " ".join(w.text for w in line),
            mean_conf([w.conf for w in line if w.conf is not None]),
            float(line_band(line)[2]),
        )
        for line in visual_lines(words)
    ]


def reading_text(words: list[Word]) -> str:
    """Words of one cell in reading order: its lines joined (``join_printed_lines``: a line that
    ends inside a hyphenated token was wrapped at the hyphen), as ``pdf_reader.cell_text`` does
    for text layers."""
    return join_printed_lines(reading_lines(words))
