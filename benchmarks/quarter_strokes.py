"""How far a quarter's numeral read twice can be trusted (``Word.strokes_agree``, issue 14): plan
lines printing "Quý I/2025" … "Quý IV/2025" in Liberation Serif (Times' metrics, the face Decree 30
sets), each page degraded as the corpus's scans or phone photos are (``tools/corpusgen/degrade``),
read by real Tesseract through ``extract.base.ingest``; per numeral, what was printed, what the page
gave and whether Tesseract's strokes and the ink's stems agreed.

    python benchmarks/quarter_strokes.py [--pages 9] [--first 0] [--out DIR]

A numeral read twice that is wrong would leave the review queue silently: the count of those is
the figure to watch (every third page is a phone photo, the others scans of 150-300 dpi)."""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extract.base import ingest
from extract.model import Word
from normalize.lazy_regex import lazy_compile
from tools.corpusgen.degrade import PhotoDegrade, ScanDegrade, degrade_scan, phone_photo

SERIF = Path("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf")
QUARTERS = ("I", "II", "III", "IV")
TASKS = ("Rà soát thủ tục hành chính", "Kiểm tra công vụ", "Công khai ngân sách xã", "Đánh giá cán bộ, công chức")
LINES_A_PAGE = 16
_NUMERAL = lazy_compile(r"([^/]*)/")


def printed_page(rng: random.Random) -> tuple[Image.Image, list[str]]:
    """An A4 page at 300 dpi of task lines, each with a quarter drawn at random; the quarters."""
    font = ImageFont.truetype(str(SERIF), rng.choice([46, 50, 54]))  # 11-13 pt
    page = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(page)
    quarters = []
    for k in range(LINES_A_PAGE):
        quarter, year = rng.choice(QUARTERS), rng.choice((2023, 2024, 2025))
        line = f"- {rng.choice(TASKS)}; thời gian hoàn thành: Quý {quarter}/{year}; chủ trì: Công an xã."
        draw.text((150, 200 + 190 * k), line, font=font, fill=0)
        quarters.append(quarter)
    return page, quarters


def numerals_read(path: Path) -> list[Word]:
    """The word after each "Quý" the page gave, in reading order."""
    return [
        after
        for page in ingest(path).pages
        for line in page.lines
        for before, after in zip(line.words, line.words[1:])
        if before.text.strip(" .,:").lower() == "quý"
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=9)
    ap.add_argument("--first", type=int, default=0, help="the first page's seed")
    ap.add_argument("--out", type=Path, help="keep the degraded pages here")
    args = ap.parse_args(argv)
    if not SERIF.exists():
        print(f"quarter_strokes: {SERIF} not installed (fonts-liberation)", file=sys.stderr)
        return 1
    tally: Counter = Counter()
    with tempfile.TemporaryDirectory(prefix="quarter-strokes-") as tmp:
        out = args.out or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        for k in range(args.first, args.first + args.pages):
            rng = random.Random(k)
            page, quarters = printed_page(rng)
            photo = k % 3 == 2
            path = out / f"page-{k}.png"
            if photo:
                phone_photo(page, PhotoDegrade(), rng).save(path)
            else:
                scan, dpi = degrade_scan(page, ScanDegrade(), rng)
                scan.save(path, dpi=(dpi, dpi))
            words = numerals_read(path)
            if len(words) != len(quarters):
                tally["pages_misaligned"] += 1  # a line lost or split: its numerals not paired
                continue
            for quarter, word in zip(quarters, words):
                m = _NUMERAL.match(word.text)
                right = (m.group(1) if m else word.text) == quarter
                tally[("read twice" if word.strokes_agree else "read once", "right" if right else "wrong")] += 1
            print(f"page {k} ({'photo' if photo else 'scan'}): {len(words)} numerals", file=sys.stderr)
    for key in sorted(k for k in tally if isinstance(k, tuple)):
        print(f"{key[0]:>10} {key[1]:>5}: {tally[key]}")
    if tally["pages_misaligned"]:
        print(f"pages left out (a line lost or split): {tally['pages_misaligned']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
