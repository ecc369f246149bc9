"""OCR of one page image with Tesseract (``vie``), and the table grid from the ruling lines drawn
on it.

    image ─ deskew (projection profile, ±3°) ─ binarise (Otsu) ─ ruling lines (long dark runs)
          ─ lines erased ─ Tesseract image_to_data ─ words ─┬─ in a grid cell → Table(ocr-lines)
                                                           └─ elsewhere → Lines (Tesseract's own
                                                              block/paragraph/line numbers)

Pages without ruling lines come out as lines only; the score-table segmenter builds columns from
the word x-positions itself.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy as np
from PIL import Image

from extract.base import IngestError, IngestOptions
from extract.image_prep import ImagePrepSettings, prepare_page
from extract.lifeline import tesseract_module
from extract.limits import check_image
from extract.model import BBox, Cell, Line, Page, Table, Word, bbox_of
from extract.pdf_reader import centre_in, union_bbox
from normalize.text import fold_spaces, nfc

# Punctuation-only "words" below this confidence are scanner noise.
NOISE_CONF = 0.5
TESSERACT_MISSING = "Tesseract not found: install tesseract-ocr and tesseract-ocr-vie"

# Measured by benchmarks/ingest on this 2-core machine: one Tesseract per process with OpenMP off
# is faster per page than OpenMP's threads, and pages/files already run in parallel processes,
# where OpenMP threads only fight each other for the same cores.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")


@dataclass(frozen=True)
class OcrSettings:
    psm: int = 3  # automatic page segmentation, for pages without a ruled grid
    # Pages with a ruled grid: sparse text finds the short numbers in narrow cells that automatic
    # segmentation drops (measured on the score-table scan: cell accuracy 0.88 → 0.95).
    table_psm: int = 11
    # Cells still empty but holding ink are OCR'd again, cut tight around their ink without the
    # specks, pasted one under another into one strip (one more Tesseract call per page, not one
    # per cell): isolated "1" and "I." come back.
    retry_min_ink_px: int = 25
    # Reading order in a cell: a word joins a line when this share of the lower of the two heights
    # (the word's, the line's band from its typical top to its typical bottom) overlaps: a
    # descender ("huyện,", "(Đánh") or stacked accents shift a box by a third of a line, the next
    # line's words overlap the band by a few pixels at most. Boxes lower than ``mark_height`` of
    # the typical word height are marks ("-", ",") placed by their middle.
    line_overlap: float = 0.5
    mark_height: float = 0.5
    retry_inset_px: int = 8
    retry_margin_px: int = 6  # at 300 dpi: a lone "5" with 20 px of paper around read as "k" or nothing
    retry_gap_px: int = 30
    retry_across_gap: int = 3  # cells read side by side: this many crop heights apart
    # Crops up to this high (at 300 dpi) are one line of text, read side by side; taller ones stacked.
    retry_line_max_px: int = 70
    # A points column: at least this many of its filled cells, and this share, read as numbers.
    numeric_column_min_cells: int = 3
    numeric_column_share: float = 0.6
    # Its cells that read as something else this short ("s)", "„1", "10'") are read again with
    # digits and the decimal separators only (a header's words are longer and stay).
    odd_max_chars: int = 5
    digit_chars: str = "0123456789,."
    # A codes column's empty cells are read apart, with this language model when installed
    # (Tesseract's own, always shipped): the Vietnamese model, trained on accented words, read a
    # clean lone "7." as "YÃ", "V" or "1." and "5." as "5," by the paper around it; the English
    # one read the code crops right ("I." as "L": told from a "1" by its shape, ``ones_as_roman``).
    # A character whitelist made it read the header's "TT" as "IL": none.
    code_lang: str = "eng"
    code_margin: int = 2  # times ``retry_margin_px``
    # Values replacing a first reading are capped at this confidence (under the score segmenter's
    # ``ocr_number_doubt``): a number OCR first misread stays in the review queue.
    retry_max_conf: float = 0.65
    # A part code "I." that Tesseract reads "1." or "L" (its LSTM does so on a lone bold serif
    # "I.", read alone or beside digits): each glyph of a codes column's word read so is looked at. A "1" has
    # its flag on the left of the stem's top, an "I" a top serif (or none) balanced about the stem:
    # ink right of the stem in the glyph's top quarter at least this share of the ink left of it.
    # Measured on a 300-dpi scan: "I" 0.86, "1" 0.20-0.25.
    roman_top_balance: float = 0.5
    # Photos and poor scans: page found and flattened, light evened out (extract/image_prep.py).
    prep: ImagePrepSettings = field(default_factory=ImagePrepSettings)
    # Deskew: projection-profile search over ±max_skew_deg, coarse then fine, on a small copy.
    # 5°: a sheet laid by hand on a scanner is off by up to 3° (issue 11), a photo's page after
    # its perspective correction by about as much; 4 more candidates per page cost ~10 ms.
    max_skew_deg: float = 5.0
    coarse_step_deg: float = 0.5
    fine_step_deg: float = 0.1
    deskew_width_px: int = 1000
    min_skew_deg: float = 0.05  # below this the page is left as it is
    # Scanner dust: a speck beside a letter turns "Kèm" into "xà". Ink pixels with fewer than
    # ``speck_max_ink`` ink pixels in their ``speck_window``² neighbourhood are wiped; strokes and
    # 1-px ruling lines have more (0 = off).
    speck_window: int = 5
    speck_max_ink: int = 3
    # Dust a little bigger (a 2×2 speck JPEG-blurred, read as "`", ":" or "B" beside a number):
    # ink blobs of at most this many pixels at 300 dpi (scaled with dpi²) are wiped (0 = off). 12
    # also took the full stop of a bold "I." on the 200-dpi bilevel sample scan (upscaled): 8 keeps
    # it and still wipes the corpus's dust.
    dust_max_px: int = 8
    # Paper to white: every pixel on the paper's side of the ink threshold set to 255 (ink keeps its
    # grey edges). Grey, noisy paper beside the white bands of erased ruling lines misleads
    # Tesseract's own threshold: on a 300-dpi JPEG scan "1.1" read "ẤT", "1.1.2" "D12"; whitened,
    # every code and number of the same cells read right (issue 11's corpus, S01).
    whiten_paper: bool = True
    # Only pixels this share of the way from the ink threshold to white are whitened: the grey
    # edges of letters stay (cut at the threshold itself, an upscaled bilevel "0,5" thinned into
    # "9,5"), the paper (its noise included) goes.
    whiten_from: float = 0.5
    # Both steps (paper to white, dust blobs) only on a page whose paper is noisy: the median
    # absolute deviation of its paper pixels at least this many grey levels (a JPEG scan or a
    # photo: 2–3). A clean or bilevel scan (0) is left as the steps before read it best: whitened,
    # an upscaled bilevel sample read "II." as "1." and a row's hierarchy shifted.
    noisy_paper_mad: float = 1.0
    # Ruling lines: a dark run at least this long (cm on the page) is a line, not a letter stroke.
    min_rule_cm: float = 1.2
    rule_merge_px: int = 4  # runs on neighbouring pixel rows (or columns) within this are one line
    # A grid edge separates two cells when a ruling line covers this share of it.
    edge_coverage: float = 0.6
    # Images declared below this resolution are upscaled to ``target_dpi`` before OCR.
    min_dpi: int = 200
    target_dpi: int = 300
    # Page orientation. A page put in sideways or upside down reads as few, unsure words; only then
    # (so an upright page costs nothing more) Tesseract's orientation detection (OSD, package
    # tesseract-ocr-osd) is asked, the page turned and read again, and the better reading kept.
    fix_orientation: bool = True
    # "Reads poorly": fewer than this share of the page's words are confident (conf >= 0.8, 2+ chars)…
    orientation_check_below: float = 0.5
    # …or fewer confident words than this on a page that has any ink.
    orientation_min_words: int = 15
    # OSD's own confidence below which its answer is not acted on.
    osd_min_confidence: float = 1.0
    osd_max_px: int = 1700


def check_tesseract(lang: str) -> None:
    """IngestError (the one message users need) when the binary or a language model is missing.
    The answer follows ``pytesseract.tesseract_cmd``; a good answer is remembered per command, so a
    many-page scan asks once (a failure is never remembered)."""
    pytesseract = tesseract_module()

    _check_tesseract_cmd(pytesseract.pytesseract.tesseract_cmd, lang)


def has_language(lang: str) -> bool:
    """Whether Tesseract has this language model (asked once per command)."""
    try:
        check_tesseract(lang)
    except IngestError:
        return False
    return True


@lru_cache(maxsize=8)
def _check_tesseract_cmd(cmd: str, lang: str) -> None:
    try:
        out = subprocess.run([cmd, "--list-langs"], capture_output=True, timeout=30, text=True)
    except (OSError, subprocess.SubprocessError):
        raise IngestError(TESSERACT_MISSING) from None
    available = {line.strip() for line in (out.stdout + out.stderr).splitlines()}
    if out.returncode != 0 or any(part not in available for part in lang.split("+")):
        raise IngestError(TESSERACT_MISSING)


# ------------------------------------------------------------------------------------- geometry


def otsu_threshold(gray: np.ndarray) -> int:
    # PIL's histogram of a uint8 image: no widening copy of every pixel as np.bincount makes.
    hist = np.asarray(Image.fromarray(np.ascontiguousarray(gray, dtype=np.uint8)).histogram(), dtype=np.float64)
    total = hist.sum()
    omega = np.cumsum(hist) / total
    mu = np.cumsum(hist * np.arange(256)) / total
    between = (mu[-1] * omega - mu) ** 2 / np.maximum(omega * (1 - omega), 1e-12)
    return int(np.argmax(between))


def skew_angle(gray: Image.Image, settings: OcrSettings = OcrSettings()) -> float:
    """The rotation (degrees, counter-clockwise) that makes text rows horizontal: the angle whose
    row histogram of ink pixels is sharpest. Ink coordinates are projected, not the image rotated,
    so each candidate angle costs one ``bincount``."""
    scale = min(1.0, settings.deskew_width_px / gray.width)
    small = np.asarray(
        gray.resize((max(1, int(gray.width * scale)), max(1, int(gray.height * scale))), Image.Resampling.BILINEAR)
    )
    ys, xs = np.nonzero(small < otsu_threshold(small))
    if ys.size == 0:
        return 0.0
    ys, xs = ys.astype(np.float64), xs.astype(np.float64) - small.shape[1] / 2
    offset = small.shape[1]  # keeps projected rows non-negative

    def sharpness(angle: float) -> float:
        # PIL's rotate(angle) turns the page counter-clockwise: a point's new row is y·cos − x·sin.
        t = np.deg2rad(angle)
        rows = np.round(ys * np.cos(t) - xs * np.sin(t) + offset).astype(np.int64)
        profile = np.bincount(rows).astype(np.float64)
        return float(np.sum(np.diff(profile) ** 2))

    def best(candidates) -> float:
        return max(candidates, key=sharpness)

    coarse = best(np.arange(-settings.max_skew_deg, settings.max_skew_deg + 1e-9, settings.coarse_step_deg))
    fine = best(
        np.arange(coarse - settings.coarse_step_deg, coarse + settings.coarse_step_deg + 1e-9, settings.fine_step_deg)
    )
    return float(round(fine, 2))


def deskew(gray: Image.Image, settings: OcrSettings = OcrSettings()) -> tuple[Image.Image, float]:
    angle = skew_angle(gray, settings)
    if abs(angle) < settings.min_skew_deg:
        return gray, 0.0
    return gray.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=255), angle


@dataclass(frozen=True)
class Rule:
    """A ruling line: ``pos`` across it (y of a horizontal line, x of a vertical one), its extent
    ``start..end`` along it, and the pixel band ``lo..hi`` it occupies across."""

    pos: float
    start: int
    end: int
    lo: int
    hi: int


def find_rules(ink: np.ndarray, min_len: int, merge_px: int) -> list[Rule]:
    """Horizontal ruling lines in a boolean ink image (transpose it for vertical ones): runs of
    ink at least ``min_len`` long, merged across neighbouring rows."""
    # Thicken by one row each way so a line drifting by a pixel stays one run.
    thick = ink.copy()
    thick[1:] |= ink[:-1]
    thick[:-1] |= ink[1:]
    # Only rows with that much ink at all can hold a long run: look at those alone.
    candidates = np.flatnonzero(thick.sum(axis=1) >= min_len)
    if candidates.size == 0:
        return []
    padded = np.zeros((candidates.size, thick.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = thick[candidates]
    diff = np.diff(padded, axis=1)
    starts = np.argwhere(diff == 1)
    ends = np.argwhere(diff == -1)
    long = (ends[:, 1] - starts[:, 1]) >= min_len
    segments = sorted(zip(candidates[starts[long, 0]].tolist(), starts[long, 1].tolist(), ends[long, 1].tolist()))
    rules: list[list[int]] = []  # [lo, hi, start, end]
    for y, x0, x1 in segments:
        joined = False
        for rule in reversed(rules):
            if y - rule[1] > merge_px:
                break
            if x0 <= rule[3] + merge_px * 4 and x1 >= rule[2] - merge_px * 4:
                rule[1], rule[2], rule[3] = y, min(rule[2], x0), max(rule[3], x1)
                joined = True
                break
        if not joined:
            rules.append([y, y, x0, x1])
    return [Rule(pos=(lo + hi) / 2, start=s, end=e, lo=lo, hi=hi) for lo, hi, s, e in rules]


def _cluster(values: list[float], tol: float) -> list[float]:
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= tol:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(g) / len(g) for g in out]


def _covered(rules: list[Rule], pos: float, a: float, b: float, tol: float) -> float:
    """Share of the stretch a..b (along the rules) covered by rules at ``pos``."""
    spans = sorted(
        (max(r.start, a), min(r.end, b)) for r in rules if abs(r.pos - pos) <= tol and r.end > a and r.start < b
    )
    covered, reach = 0.0, a
    for s, e in spans:
        if e > reach:
            covered += e - max(s, reach)
            reach = e
    return covered / max(b - a, 1e-9)


def grids(
    h_rules: list[Rule], v_rules: list[Rule], tol: float, settings: OcrSettings
) -> list[list[tuple[BBox, int, int, int, int]]]:
    """Tables as lists of cells ``(bbox, row, col, row_span, col_span)`` from ruling lines: lines
    that cross each other form one table; cells are grid slots joined where no line separates them."""
    rules = [("h", r) for r in h_rules] + [("v", r) for r in v_rules]
    parent = list(range(len(rules)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (ki, ri) in enumerate(rules):
        if ki != "h":
            continue
        for j, (kj, rj) in enumerate(rules):
            if kj == "v" and rj.start - tol <= ri.pos <= rj.end + tol and ri.start - tol <= rj.pos <= ri.end + tol:
                parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(rules)):
        groups.setdefault(find(i), []).append(i)
    tables = []
    for members in groups.values():
        hs = [rules[i][1] for i in members if rules[i][0] == "h"]
        vs = [rules[i][1] for i in members if rules[i][0] == "v"]
        ys, xs = _cluster([r.pos for r in hs], tol), _cluster([r.pos for r in vs], tol)
        if len(ys) < 2 or len(xs) < 2:
            continue
        cells = _grid_cells(xs, ys, hs, vs, tol, settings)
        if len(cells) >= 2:
            tables.append(cells)
    return sorted(tables, key=lambda cells: cells[0][0][1])


def _grid_cells(xs, ys, hs, vs, tol, settings: OcrSettings):
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    slot = {(r, c): (r, c) for r in range(n_rows) for c in range(n_cols)}

    def root(k):
        while slot[k] != k:
            k = slot[k]
        return k

    for r in range(n_rows):
        for c in range(n_cols):
            if c + 1 < n_cols and _covered(vs, xs[c + 1], ys[r], ys[r + 1], tol) < settings.edge_coverage:
                slot[root((r, c + 1))] = root((r, c))
            if r + 1 < n_rows and _covered(hs, ys[r + 1], xs[c], xs[c + 1], tol) < settings.edge_coverage:
                slot[root((r + 1, c))] = root((r, c))
    members: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for k in slot:
        members.setdefault(root(k), []).append(k)
    cells: list[tuple[tuple[int, int, int, int], int, int, int, int]] = []
    taken: set[tuple[int, int]] = set()
    for group in sorted(members.values()):
        r0, r1 = min(r for r, _ in group), max(r for r, _ in group)
        c0, c1 = min(c for _, c in group), max(c for _, c in group)
        if (r0, c0) in taken:
            continue
        taken.update((r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1))
        cells.append(((xs[c0], ys[r0], xs[c1 + 1], ys[r1 + 1]), r0, c0, r1 - r0 + 1, c1 - c0 + 1))
    return cells


def despeckle(gray: np.ndarray, ink: np.ndarray, window: int, max_ink: int) -> None:
    """Paint white the ink pixels that are nearly alone in their neighbourhood (dust, not
    letters), in place. Neighbourhood counts as two running sums (rows, then columns) in uint16:
    a window's count is a difference of running sums, exact modulo 2**16 even where the sums
    themselves wrap, since no window holds that much ink."""
    pad = window // 2
    padded = np.pad(ink, pad).view(np.uint8)
    across = np.zeros((padded.shape[0], padded.shape[1] + 1), dtype=np.uint16)
    np.cumsum(padded, axis=1, dtype=np.uint16, out=across[:, 1:])
    row_sums = across[:, window:] - across[:, :-window]
    down = np.zeros((row_sums.shape[0] + 1, row_sums.shape[1]), dtype=np.uint16)
    np.cumsum(row_sums, axis=0, dtype=np.uint16, out=down[1:])
    box = down[window:] - down[:-window]
    gray[ink & (box <= max_ink)] = 255


def paper_noise(gray: np.ndarray, ink: np.ndarray) -> float:
    """How much the paper's grey level varies: the median absolute deviation of the paper pixels
    (every 4th each way: enough, and cheap). Robust: letter edges do not count, only the paper."""
    paper = gray[::4, ::4][~ink[::4, ::4]].astype(np.int16)
    if not paper.size:
        return 0.0
    return float(np.median(np.abs(paper - np.median(paper))))


def wipe_dust(gray: np.ndarray, ink: np.ndarray, max_px: int) -> None:
    """Paint white, in place, the ink blobs (8-connected) of at most ``max_px`` pixels."""
    import cv2

    _, labels, stats, _ = cv2.connectedComponentsWithStats(ink.view(np.uint8), connectivity=8)
    small = stats[:, cv2.CC_STAT_AREA] <= max_px
    small[0] = False  # label 0 is the paper
    if small.any():
        gray[small[labels]] = 255  # a lookup per pixel: several times faster than np.isin


def erase_rules(gray: np.ndarray, rules: list[Rule], horizontal: bool, pad: int = 2) -> None:
    """Paint ruling lines (and their blurred edges) white so Tesseract does not read them as
    letters (|, _, I, l, -)."""
    for r in rules:
        lo, hi = max(r.lo - pad, 0), r.hi + pad + 1
        if horizontal:
            gray[lo:hi, r.start : r.end] = 255
        else:
            gray[r.start : r.end, lo:hi] = 255


# ------------------------------------------------------------------------------------------ OCR


def tesseract_words(
    image: Image.Image, dpi: int, options: IngestOptions, psm: int, config: str = ""
) -> list[tuple[tuple[int, int, int], Word]]:
    """Tesseract's words with boxes and 0..1 confidences, each keyed by (block, par, line);
    ``config`` adds Tesseract options (a character whitelist)."""
    pytesseract = tesseract_module()

    config = f"--psm {psm} --dpi {dpi} {config}".strip()
    try:
        data = pytesseract.image_to_data(
            image,
            lang=options.ocr_lang,
            config=config,
            output_type=pytesseract.Output.DICT,
            timeout=options.ocr_timeout_s,
        )
    except pytesseract.TesseractNotFoundError:
        raise IngestError(TESSERACT_MISSING) from None
    except RuntimeError as exc:  # pytesseract's timeout
        raise IngestError(f"OCR timed out after {options.ocr_timeout_s:g} s on a page") from exc
    except pytesseract.TesseractError as exc:
        message = str(exc.message if hasattr(exc, "message") else exc)
        if "loading language" in message.lower():
            raise IngestError(TESSERACT_MISSING) from None
        raise IngestError(f"OCR failed: {fold_spaces(message)[:200]}") from None
    out = []
    for i, text in enumerate(data["text"]):
        text = nfc((text or "").strip())
        conf = float(data["conf"][i])
        if data["level"][i] != 5 or not text or conf < 0:
            continue
        if conf < NOISE_CONF * 100 and not any(ch.isalnum() for ch in text):
            continue  # a speck or a remain of a ruling line read as punctuation
        x, y, w, h = data["left"][i], data["top"][i], data["width"][i], data["height"][i]
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        out.append((key, Word(text=text, bbox=(x, y, x + w, y + h), conf=round(conf / 100, 3))))
    return out


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 3) if values else None


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
            band_top = statistics.median(bbox_of(x)[1] for x in lines[-1])
            band_bottom = statistics.median(bbox_of(x)[3] for x in lines[-1])
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


def _reading_text(words: list[Word]) -> str:
    """Words of one cell in reading order (``visual_lines``). A line that ends inside a
    hyphenated token (``52/KH-`` | ``UBND``) was wrapped at the hyphen: joined without a space,
    as ``pdf_reader.cell_text`` does for text layers."""
    out = ""
    for line in visual_lines(words):
        text = " ".join(w.text for w in line)
        glue = "" if out.endswith("-") and len(out.rsplit(" ", 1)[-1]) > 1 else " "
        out = f"{out}{glue}{text}" if out else text
    return fold_spaces(out)


def prepare(image: Image.Image, dpi: int, settings: OcrSettings) -> tuple[Image.Image, int]:
    """Greyscale (transparency onto white), a photographed page cut out and flattened
    (``extract.image_prep``), upscaled when coarse."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(white, rgba)
    gray, dpi = prepare_page(image.convert("L"), dpi, settings.prep)
    size, scaled_dpi = prepared_size(gray.width, gray.height, dpi, settings)
    if scaled_dpi != dpi:
        gray = gray.resize(size, Image.Resampling.LANCZOS)
    return gray, scaled_dpi


def prepared_size(width: int, height: int, dpi: int, settings: OcrSettings) -> tuple[tuple[int, int], int]:
    """The size and resolution ``prepare`` gives an image: coarse scans are upscaled."""
    if dpi < settings.min_dpi:
        factor = settings.target_dpi / dpi
        return (round(width * factor), round(height * factor)), settings.target_dpi
    return (width, height), dpi


def ocr_page(
    image: Image.Image,
    page_number: int,
    dpi: int,
    options: IngestOptions = IngestOptions(),
    first_number: int = 1,
    settings: OcrSettings = OcrSettings(),
) -> Page:
    """One page image to a ``Page`` (method ``ocr``): lines, and tables where ruling lines form a
    grid. Coordinates are pixels of the deskewed (and, for a sideways page, turned) image."""
    check_tesseract(options.ocr_lang)
    (width, height), _ = prepared_size(image.width, image.height, dpi, settings)
    check_image(width, height, options.limits, f"page {page_number}: image too large to OCR")
    gray, dpi = prepare(image, dpi, settings)
    page, words = _read_page(gray, page_number, dpi, options, first_number, settings)
    if settings.fix_orientation and reads_poorly(words, settings):
        turn = osd_rotation(gray, dpi, options, settings)
        if turn:
            turned, turned_words = _read_page(
                gray.rotate(-turn, expand=True), page_number, dpi, options, first_number, settings
            )
            if confident_words(turned_words) > confident_words(words):
                page = turned
    return page


def _read_page(
    gray: Image.Image, page_number: int, dpi: int, options: IngestOptions, first_number: int, settings: OcrSettings
) -> tuple[Page, list[Word]]:
    gray, angle = deskew(gray, settings)
    arr = np.array(gray)
    ink = arr < otsu_threshold(arr)
    min_len = max(20, int(settings.min_rule_cm / 2.54 * dpi))
    h_rules = find_rules(ink, min_len, settings.rule_merge_px)
    v_rules = find_rules(ink.T, min_len, settings.rule_merge_px)
    tables = grids(h_rules, v_rules, tol=settings.rule_merge_px * 3, settings=settings)
    if settings.speck_max_ink:
        despeckle(arr, ink, settings.speck_window, settings.speck_max_ink)
    noisy = paper_noise(arr, ink) >= settings.noisy_paper_mad
    if noisy and settings.dust_max_px:
        wipe_dust(arr, ink, round(settings.dust_max_px * (dpi / 300) ** 2))
    if h_rules or v_rules:
        erase_rules(arr, h_rules, horizontal=True)
        erase_rules(arr, v_rules, horizontal=False)
    if noisy and settings.whiten_paper:
        threshold = otsu_threshold(arr)
        arr[arr >= threshold + settings.whiten_from * (255 - threshold)] = 255
    words = tesseract_words(Image.fromarray(arr), dpi, options, settings.table_psm if tables else settings.psm)
    inked: set = set()
    if tables:
        found, replaced, inked = retry_cells(arr, tables, words, dpi, options, settings)
        words = [(k, w) for k, w in words if id(w) not in replaced] + found
    page = Page(number=page_number, width=float(gray.width), height=float(gray.height), method="ocr", dpi=dpi)
    page.blocks = assemble(words, tables, page_number, first_number, inked)
    return page, [w for _, w in words]


def confident_words(words: list[Word]) -> int:
    """Words Tesseract is sure of (conf >= 0.8, two characters or more): the measure of a reading."""
    return sum(1 for w in words if (w.conf or 0) >= 0.8 and len(w.text) >= 2)


def reads_poorly(words: list[Word], settings: OcrSettings = OcrSettings()) -> bool:
    if not words:
        return True
    sure = confident_words(words)
    return sure < settings.orientation_min_words or sure < settings.orientation_check_below * len(words)


def osd_rotation(gray: Image.Image, dpi: int, options: IngestOptions, settings: OcrSettings = OcrSettings()) -> int:
    """Degrees (clockwise: 90, 180 or 270) the page must turn to stand upright, by Tesseract's
    orientation detection; 0 when it is upright, unsure, or OSD is not installed."""
    pytesseract = tesseract_module()

    # OSD needs letters, not detail: a copy at most ``osd_max_px`` on its long side is enough and
    # several times faster than the full page.
    scale = min(1.0, settings.osd_max_px / max(gray.size))
    small = gray if scale >= 1.0 else gray.resize((round(gray.width * scale), round(gray.height * scale)))
    try:
        report = pytesseract.image_to_osd(
            small, config=f"--psm 0 --dpi {max(70, round(dpi * scale))}", timeout=options.ocr_timeout_s
        )
    except (pytesseract.TesseractError, RuntimeError):
        return 0  # no osd.traineddata, or too little text to tell: the page stays as read
    fields = dict(line.split(":", 1) for line in report.splitlines() if ":" in line)
    try:
        rotate = int(fields.get("Rotate", "0").strip())
        confidence = float(fields.get("Orientation confidence", "0").strip())
    except ValueError:
        return 0
    return rotate % 360 if confidence >= settings.osd_min_confidence else 0


# A points cell as printed: "5", "10", "0,5", "2,25" (a dot for the comma in some tables).
_CLEAN_NUMBER = re.compile(r"^\d{1,3}(?:[.,]\d{1,2})?$")
# Printed column numbers under a header: "(3)" is not a misread number.
_COLUMN_NUMBER = re.compile(r"^\(\d{1,2}\)$")
_CODE = re.compile(r"^(?:\d+\.\d+\.\d+|[IVXLivxl]+\.?)$")
# What a codes column's cell holds below its header: "1.", "1.1.2", "II.", "I" (read "L"), "3.1.a".
_CODE_LIKE = re.compile(r"^(?:\d{1,2}|[IVXL]{1,4})(?:\.\d{1,2})*(?:\.[a-z])?\.?$")
# A part code as Tesseract may read a Roman "I.", "II.", "III.": ones, a bold "I" as "L".
_ONES_CODE = re.compile(r"^[1IL]{1,3}\.?$")


def ones_as_roman(words: list[Word], ink: np.ndarray, settings: OcrSettings = OcrSettings()) -> None:
    """Codes read as ones or "I"/"L" ("1.", "11.", "L") are rewritten glyph by glyph in place:
    an "I" where the glyph's top quarter is balanced about its stem, a "1" where a flag sticks
    out on its left. A Roman part code read as the Arabic "1." made the parts' criteria its
    children ("I.1.1"); a "1." read "L" lost its code."""
    import cv2

    for w in words:
        if not _ONES_CODE.match(w.text):
            continue
        x0, y0, x1, y1 = (int(round(v)) for v in bbox_of(w))
        box = np.ascontiguousarray(ink[max(0, y0) : y1, max(0, x0) : x1]).view(np.uint8)
        if box.size == 0:
            continue
        n, labels, stats, _ = cv2.connectedComponentsWithStats(box, connectivity=8)
        height = stats[1:, cv2.CC_STAT_HEIGHT].max() if n > 1 else 0
        # The glyphs, left to right: components nearly as tall as the word (not the dot, specks).
        glyphs = sorted(
            (k for k in range(1, n) if stats[k, cv2.CC_STAT_HEIGHT] >= 0.7 * height),
            key=lambda k: stats[k, cv2.CC_STAT_LEFT],
        )
        letters = w.text.rstrip(".")
        if len(glyphs) != len(letters):
            continue
        shapes = {"I" if _balanced_top(labels == k, settings) else "1" for k in glyphs}
        if len(shapes) == 1:  # "I1." is no code: a mixed verdict leaves the reading alone
            w.text = shapes.pop() * len(glyphs) + w.text[len(letters) :]


def _balanced_top(glyph: np.ndarray, settings: OcrSettings) -> bool:
    """Whether a glyph's top quarter sits evenly about its stem (an "I"), not off to the left
    (the flag of a "1"). The stem's axis: the mean x of the ink in the glyph's middle third."""
    ys, xs = np.nonzero(glyph)
    top, bottom = ys.min(), ys.max() + 1
    h = bottom - top
    middle = xs[(ys >= top + h // 3) & (ys < top + 2 * h // 3)]
    if middle.size == 0:
        return False
    axis = float(middle.mean())
    upper = xs[ys < top + max(1, h // 4)]
    left = float((axis - upper[upper < axis]).sum())
    right = float((upper[upper > axis] - axis).sum())
    return right >= settings.roman_top_balance * left


def _cell_words(words, tables) -> dict[tuple, list[Word]]:
    """Each grid cell's words (by box centre), keyed by the cell box."""
    out: dict[tuple, list[Word]] = {}
    for cells in tables:
        for cell_box, *_ in cells:
            out[tuple(cell_box)] = []
    boxes = list(out)
    for _, w in words:
        for box in boxes:
            if centre_in(w.bbox, box):
                out[box].append(w)
                break
    return out


def code_columns(cells, texts: dict[tuple, str]) -> set[int]:
    """Columns of one grid holding a criterion code ("1.1.2", "II."): the codes column, whose
    "1.1" look like numbers."""
    return {c for cell_box, _r, c, _rs, cs in cells if cs == 1 and _CODE.match(texts.get(tuple(cell_box), ""))}


def numeric_columns(cells, texts: dict[tuple, str], settings: OcrSettings) -> set[int]:
    """Columns of one grid most of whose filled one-column cells read as plain numbers (the points
    columns): there a cell that reads otherwise ("s)", "„1") is a number misread."""
    filled: dict[int, int] = {}
    numbers: dict[int, int] = {}
    codes = code_columns(cells, texts)
    for cell_box, _r, c, _rs, cs in cells:
        text = texts.get(tuple(cell_box), "")
        if cs != 1 or not text:
            continue
        filled[c] = filled.get(c, 0) + 1
        numbers[c] = numbers.get(c, 0) + int(bool(_CLEAN_NUMBER.match(text)))
    return {
        c
        for c, n in filled.items()
        if c not in codes
        and numbers[c] >= settings.numeric_column_min_cells
        and numbers[c] >= settings.numeric_column_share * n
    }


def _clean_crop(
    arr: np.ndarray, ink: np.ndarray, box: tuple[int, int, int, int], dust_px: int, margin: int, number: bool = False
):
    """The ink of a cell cut tight, specks left out (a dust dot beside a lone "5" makes Tesseract
    read "s)" or nothing), on white paper with a small margin; None when no ink is left. A
    ``number``'s small marks are kept only where a decimal comma sits: beside the digits, on their
    lower half (an upscaled 150-dpi speck passes any size limit: ". 0" read ".0", "1 ." nothing);
    the same holds for a one-line code ("I.", "1.2")."""
    import cv2

    x0, y0, x1, y1 = box
    cell_ink = np.ascontiguousarray(ink[y0:y1, x0:x1])
    n, labels, stats, _ = cv2.connectedComponentsWithStats(cell_ink.view(np.uint8), connectivity=8)
    keep = np.zeros(n, dtype=bool)
    keep[1:] = stats[1:, cv2.CC_STAT_AREA] > dust_px
    if not keep.any():
        return None
    if number:
        area = stats[:, cv2.CC_STAT_AREA]
        c_left, c_top = stats[:, cv2.CC_STAT_LEFT], stats[:, cv2.CC_STAT_TOP]
        c_right, c_bottom = c_left + stats[:, cv2.CC_STAT_WIDTH], c_top + stats[:, cv2.CC_STAT_HEIGHT]
        digit = keep & (area >= 0.25 * area[keep].max())
        d_left, d_right = c_left[digit].min(), c_right[digit].max()
        d_top, d_bottom = c_top[digit].min(), c_bottom[digit].max()
        h = d_bottom - d_top
        beside = (c_right >= d_left - h / 2) & (c_left <= d_right + h / 2)
        low = ((c_top + c_bottom) / 2 >= d_top + h / 2) & (c_top <= d_bottom + h / 3)
        keep = digit | (keep & beside & low)
    mask = keep[labels]
    ys, xs = np.nonzero(mask)
    top, bottom, left, right = int(ys.min()), int(ys.max()) + 1, int(xs.min()), int(xs.max()) + 1
    crop = np.full((bottom - top + 2 * margin, right - left + 2 * margin), 255, dtype=np.uint8)
    part = arr[y0 + top : y0 + bottom, x0 + left : x0 + right]
    crop[margin:-margin, margin:-margin] = np.where(mask[top:bottom, left:right], part, 255)
    return crop, (x0 + left - margin, y0 + top - margin)


def _read_strip(
    crops: list[tuple[np.ndarray, tuple[int, int]]],
    dpi: int,
    options: IngestOptions,
    settings: OcrSettings,
    config: str = "",
    across: bool = False,
) -> list[tuple[int, Word]]:
    """Crops pasted into one image, read by one Tesseract call: each word (in page coordinates)
    with the index of the crop it came from. One under another (lines of text), or ``across``:
    side by side on one line, far apart (lone digits: stacked, the top one of a column of single
    "5", "1", "2" was dropped; side by side with gaps of 3 glyph heights every one was read)."""
    gap = settings.retry_gap_px
    if across:
        gap = max(gap, settings.retry_across_gap * max(c.shape[0] for c, _ in crops))
        # No paper above and below beyond the crops' own margin: with 5-30 px more, a bold "5,5"
        # read "2,2" and a lone "5" "k".
        height = max(c.shape[0] for c, _ in crops)
        width = sum(c.shape[1] + gap for c, _ in crops) + gap
    else:
        width = max(c.shape[1] for c, _ in crops) + 2 * gap
        height = sum(c.shape[0] + gap for c, _ in crops) + gap
    strip = np.full((height, width), 255, dtype=np.uint8)
    placed: list[tuple[int, int, int, int]] = []  # x, y of each crop in the strip, its far side
    at = gap
    for crop, _ in crops:
        x, y = (at, 0) if across else (gap, at)
        strip[y : y + crop.shape[0], x : x + crop.shape[1]] = crop
        placed.append((x, y, x + crop.shape[1], y + crop.shape[0]))
        at += (crop.shape[1] if across else crop.shape[0]) + gap
    out = []
    for _key, w in tesseract_words(Image.fromarray(strip), dpi, options, psm=6, config=config):
        if not any(ch.isalnum() for ch in w.text):
            continue  # specks and edge remains read as punctuation
        wx0, wy0, wx1, wy1 = bbox_of(w)
        cx, cy = (wx0 + wx1) / 2, (wy0 + wy1) / 2
        for k, (x0, y0, x1, y1) in enumerate(placed):
            if (x0 - gap / 2 <= cx <= x1 + gap / 2) if across else (y0 <= cy <= y1):
                ox, oy = crops[k][1]
                dx, dy = ox - x0, oy - y0
                w.bbox = (wx0 + dx, wy0 + dy, wx1 + dx, wy1 + dy)
                out.append((k, w))
                break
    return out


def retry_cells(
    arr: np.ndarray, tables, words, dpi: int, options: IngestOptions, settings: OcrSettings
) -> tuple[list[tuple[tuple[int, int, int], Word]], set[int], set]:
    """OCR again, cut tight and cleaned of specks, (1) the grid cells the page reading left empty
    though they hold ink, then (2) the cells of a points column that still read as no number
    ("s)", "„1"), with digits and the decimal comma only. Crops go into strips, one Tesseract call
    per strip, not one per cell. Returns the words found (page coordinates), the ids of the words
    they replace, and the boxes of the inked cells (ink OCR had not read)."""
    ink = arr < otsu_threshold(arr)
    by_cell = _cell_words(words, tables)
    inset = settings.retry_inset_px
    dust = max(1, round(settings.dust_max_px * (dpi / 300) ** 2))
    margin = max(2, round(settings.retry_margin_px * dpi / 300))
    one_line = settings.retry_line_max_px * dpi / 300

    def inner(cell_box) -> tuple[int, int, int, int] | None:
        x0, y0, x1, y1 = cell_box
        box = (int(x0) + inset, int(y0) + inset, int(x1) - inset, int(y1) - inset)
        return box if box[2] > box[0] and box[3] > box[1] else None

    # (1) Empty cells holding ink: one-line crops side by side, taller ones stacked; those of a
    # codes column side by side apart, with the characters of codes only.
    inked: set = set()
    first = {box: _reading_text(ws) for box, ws in by_cell.items()}
    short: list[tuple[np.ndarray, tuple[int, int]]] = []
    tall: list[tuple[np.ndarray, tuple[int, int]]] = []
    coded: list[tuple[np.ndarray, tuple[int, int]]] = []
    short_cells: list[tuple] = []
    tall_cells: list[tuple] = []
    coded_cells: list[tuple] = []
    for cells in tables:
        codes = code_columns(cells, first)
        for cell_box, _r, c, _rs, cs in cells:
            key = tuple(cell_box)
            box = inner(cell_box)
            if by_cell[key] or box is None:
                continue
            if int(ink[box[1] : box[3], box[0] : box[2]].sum()) < settings.retry_min_ink_px:
                continue
            crop = _clean_crop(arr, ink, box, dust, margin, number=True)
            if crop is not None and crop[0].shape[0] > one_line:  # not one line: marks are letters' too
                crop = _clean_crop(arr, ink, box, dust, margin)
            if crop is None:
                continue
            inked.add(key)
            if crop[0].shape[0] <= one_line and cs == 1 and c in codes:
                # More paper around a code: with the number margin the English model dropped
                # the dot of "4." and read "I." as "L".
                coded.append(_clean_crop(arr, ink, box, dust, margin * settings.code_margin, number=True) or crop)
                coded_cells.append(key)
            elif crop[0].shape[0] <= one_line:
                short.append(crop)
                short_cells.append(key)
            else:
                tall.append(crop)
                tall_cells.append(key)
    found: list[tuple[tuple[int, int, int], Word]] = []
    if coded:
        # Codes first. A crop whose reading is no code ("TT" of the header, nothing) is read
        # again with the other one-line crops, as any cell: the English model knows no Vietnamese.
        code_options = replace(options, ocr_lang=settings.code_lang) if has_language(settings.code_lang) else options
        read_codes: dict[int, list[Word]] = {}
        for k, w in _read_strip(coded, dpi, code_options, settings, across=True):
            read_codes.setdefault(k, []).append(w)
        for k, crop in enumerate(coded):
            ws = read_codes.get(k, [])
            if ws and _CODE_LIKE.match(_reading_text(ws)):
                found.extend(((-4, k, 0), w) for w in ws)
                by_cell[coded_cells[k]].extend(ws)
            else:
                short.append(crop)
                short_cells.append(coded_cells[k])
    for crops, keys, across, tag in ((short, short_cells, True, -1), (tall, tall_cells, False, -2)):
        if crops:
            for k, w in _read_strip(crops, dpi, options, settings, across=across):
                found.append(((tag, k, 0), w))
                by_cell[keys[k]].append(w)
    texts = {box: _reading_text(ws) for box, ws in by_cell.items()}
    for cells in tables:  # a Roman part code read "1." or "L", in the first reading or the second
        codes = code_columns(cells, texts)
        coded_words = [
            w for cell_box, _r, c, _rs, cs in cells if c in codes and cs == 1 for w in by_cell[tuple(cell_box)]
        ]
        ones_as_roman(coded_words, ink, settings)
    # (2) Points columns: a cell reading as no number is read again, digits only.
    texts = {box: _reading_text(ws) for box, ws in by_cell.items()}
    digits: list[tuple[np.ndarray, tuple[int, int]]] = []
    digit_cells: list[tuple] = []
    for cells in tables:
        numeric = numeric_columns(cells, texts, settings)
        for cell_box, _r, c, _rs, cs in cells:
            key = tuple(cell_box)
            text = texts[key]
            if cs != 1 or c not in numeric or not text or _CLEAN_NUMBER.match(text) or _COLUMN_NUMBER.match(text):
                continue
            box = inner(cell_box)
            if len(text) > settings.odd_max_chars or box is None:
                continue
            crop = _clean_crop(arr, ink, box, dust, margin, number=True)
            if crop is not None:
                digits.append(crop)
                digit_cells.append(key)
    replaced: set[int] = set()
    if digits:
        read: dict[int, list[Word]] = {}
        whitelist = f"-c tessedit_char_whitelist={settings.digit_chars}"
        for k, w in _read_strip(digits, dpi, options, settings, whitelist, across=True):
            read.setdefault(k, []).append(w)
        for k, ws in read.items():
            key = digit_cells[k]
            for w in ws:  # a number neither starts nor ends with its separator: ".0" is a speck and a 0
                w.text = w.text.strip(settings.digit_chars.strip("0123456789"))
            ws = [w for w in ws if w.text]
            if not ws or not _CLEAN_NUMBER.match(_reading_text(ws)):
                continue  # no better than the first reading: that one stays
            for w in ws:
                # A second reading of a cell the first misread: doubtful by nature, so the value
                # stays in the review queue whatever Tesseract's own confidence.
                w.conf = min(w.conf if w.conf is not None else 0.0, settings.retry_max_conf)
                found.append(((-3, k, 0), w))
            replaced.update(id(w) for w in by_cell[key])
    return [(k, w) for k, w in found if id(w) not in replaced], replaced, inked


def _as_bbox(values) -> BBox:
    x0, top, x1, bottom = (float(v) for v in values)
    return (x0, top, x1, bottom)


def assemble(words, tables, page_number: int, first_number: int, inked: frozenset | set = frozenset()) -> list:
    """Words into table cells (by box centre) and the rest into Tesseract's lines; blocks in
    reading order (top to bottom). A cell in ``inked`` that still has no word gets confidence 0.0:
    ink OCR could not read (a lost number is then doubtful, not a blank)."""
    blocks: list[tuple[float, float, Table | list[Word]]] = []
    free = list(words)
    for cells in tables:
        box = union_bbox([c[0] for c in cells])
        inside = [w for _, w in free if centre_in(w.bbox, box)]
        free = [(k, w) for k, w in free if not centre_in(w.bbox, box)]
        table_cells = []
        for cbox, r, c, rs, cs in cells:
            cw = [w for w in inside if centre_in(w.bbox, cbox)]
            table_cells.append(
                Cell(
                    row=r,
                    col=c,
                    text=_reading_text(cw),
                    row_span=rs,
                    col_span=cs,
                    bbox=_as_bbox(cbox),
                    conf=_mean([w.conf for w in cw]) if cw or tuple(cbox) not in inked else 0.0,
                )
            )
        n_rows = max(c.row + c.row_span for c in table_cells)
        n_cols = max(c.col + c.col_span for c in table_cells)
        table = Table(
            page=page_number, cells=table_cells, n_rows=n_rows, n_cols=n_cols, source="ocr-lines", bbox=_as_bbox(box)
        )
        blocks.append((box[1], box[0], table))
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for key, w in free:
        lines.setdefault(key, []).append(w)
    for ws in lines.values():
        ws.sort(key=lambda w: bbox_of(w)[0])
        bbox = union_bbox([bbox_of(w) for w in ws])
        blocks.append((bbox[1], bbox[0], ws))
    out: list[Line | Table] = []
    number = first_number
    for _top, _, item in sorted(blocks, key=lambda b: (b[0], b[1])):
        if isinstance(item, Table):
            item.line_start, item.line_end = number, number + item.n_rows - 1
            number += item.n_rows
            out.append(item)
        else:
            out.append(
                Line(
                    text=fold_spaces(" ".join(w.text for w in item)),
                    page=page_number,
                    number=number,
                    bbox=union_bbox([bbox_of(w) for w in item]),
                    words=item,
                    conf=_mean([w.conf for w in item if w.conf is not None]),
                )
            )  # (OCR words have one)
            number += 1
    return out
