"""A quarter's Roman numeral on a scan counted by its stems (extract/ocr_numerals.py): in a Times-like
serif face Tesseract reads "Quý III/2025" as "IIH1/2025" or "II/2025" (the serifs join the strokes),
sure of it, and the deadline is a quarter off with nothing to doubt it. Real Tesseract reads a page
the test draws; the stems are counted on its ink."""

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from extract.base import ingest
from extract.model import Word
from extract.ocr_numerals import count_quarter_stems, leading_stems

SERIF = Path("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf")


def _page(tmp_path: Path, lines: list[str]) -> Path:
    font = ImageFont.truetype(str(SERIF), 50)
    image = Image.new("L", (2480, 150 + 150 * len(lines)), 255)
    draw = ImageDraw.Draw(image)
    for k, text in enumerate(lines):
        draw.text((100, 100 + 150 * k), text, font=font, fill=0)
    path = tmp_path / "plan.png"
    image.save(path, dpi=(300, 300))
    return path


@pytest.mark.skipif(not SERIF.exists(), reason="Liberation Serif (fonts-liberation, LibreOffice's) not installed")
def test_a_quarters_numeral_is_read_with_as_many_strokes_as_it_prints(tmp_path: Path):
    printed = ["Thời hạn hoàn thành: Quý III/2025; Quý II/2025.", "Sản phẩm: Quý IV/2025 và Quý I/2026."]
    doc = ingest(_page(tmp_path, printed))
    text = " ".join(getattr(b, "text", "") for p in doc.pages for b in p.blocks)
    assert "Quý III/2025" in text and "Quý II/2025" in text
    assert "Quý IV/2025" in text and "Quý I/2026" in text


def _stems(*shapes: str) -> np.ndarray:
    """A word's ink, glyph by glyph: "I" a stem, "H" two stems and a bar, "/" a diagonal."""
    cols: list[np.ndarray] = []
    for shape in shapes:
        glyph = np.zeros((40, 12), dtype=bool)
        if shape == "I":
            glyph[:, 5:8] = True
        elif shape == "H":
            glyph = np.zeros((40, 24), dtype=bool)
            glyph[:, 3:6] = glyph[:, 18:21] = glyph[19:22, 3:21] = True
        elif shape == "/":
            for y in range(40):
                glyph[y, 11 - y * 11 // 39] = True
        cols += [glyph, np.zeros((40, 6), dtype=bool)]
    return np.hstack(cols)


def test_stems_are_counted_up_to_the_first_glyph_that_is_none():
    ink = _stems("I", "I", "I", "/", "I")
    word = Word(text="II/2025", bbox=(0, 0, ink.shape[1], 40), conf=0.93)
    assert leading_stems(word, ink) == 3
    count_quarter_stems([Word(text="Quý", bbox=(0, 0, 1, 1)), word], ink)
    assert word.text == "III/2025"
    joined = _stems("I", "H", "/")
    assert leading_stems(Word(text="IH/2025", bbox=(0, 0, joined.shape[1], 40)), joined) == 3
    # not after "Quý": a numeral of anything else is left as read
    other = Word(text="II/2025", bbox=(0, 0, ink.shape[1], 40))
    count_quarter_stems([Word(text="Phần", bbox=(0, 0, 1, 1)), other], ink)
    assert other.text == "II/2025"


def test_a_points_figure_after_a_name_ending_in_quy_is_no_quarter():
    # "… theo quy" ends a criterion's name, its points cell "1,5" next: one stem, but no quarter
    ink = _stems("I", "/")
    figure = Word(text="1,5", bbox=(0, 0, ink.shape[1], 40), conf=0.95)
    count_quarter_stems([Word(text="quy", bbox=(0, 0, 1, 1)), figure], ink)
    assert figure.text == "1,5"


def test_a_numeral_tesseract_read_with_as_many_strokes_as_its_stems_is_read_twice():
    quy = Word(text="Quý", bbox=(0, 0, 1, 1))
    # seed 2801's scanned plans: "Quý II/2023;" read "11/2023;" at 0.11, its ink two stems
    two = _stems("I", "I", "/")
    read = Word(text="11/2023;", bbox=(0, 0, two.shape[1], 40), conf=0.11)
    count_quarter_stems([quy, read], two)
    assert (read.text, read.strokes_agree) == ("II/2023;", True)
    # a stroke lost ("III" read "II", seed 481): the ink's count rewrites it, read once only
    three = _stems("I", "I", "I", "/")
    lost = Word(text="II/2025", bbox=(0, 0, three.shape[1], 40), conf=0.34)
    count_quarter_stems([quy, lost], three)
    assert (lost.text, lost.strokes_agree) == ("III/2025", False)
    # an "H" is two strokes joined or one with a speck: its count is a guess, even when it matches
    guessed = Word(text="HI/2025", bbox=(0, 0, two.shape[1], 40), conf=0.45)
    count_quarter_stems([quy, guessed], two)
    assert (guessed.text, guessed.strokes_agree) == ("II/2025", False)
    # a numeral the ink shows no stem of is not counted: nothing read twice
    slash = _stems("/")
    blank = Word(text="I/2025", bbox=(0, 0, slash.shape[1], 40), conf=0.5)
    count_quarter_stems([quy, blank], slash)
    assert (blank.text, blank.strokes_agree) == ("I/2025", False)


def test_a_count_the_ink_and_tesseract_disagree_on_is_no_surer_than_a_disputed_numeral():
    """ "Quý III" read "Quý II" and held sure (a probe's held-out silent error): a stem the blur broke
    ends the ink's count early, and Tesseract's confidence was given to another count. Two readings
    that disagree witness nothing: the count kept is queued (``task_doubts``), not held sure."""
    from extract.segment.task_deadline_doubts import strokes_read_sure
    from extract.segment.task_doubt_settings import DEADLINE_WORD_CONF
    from extract.segment.task_doubts import doubt_tasks
    from schemas.records import TaskRow, TaskTable

    quy = Word(text="Quý", bbox=(0, 0, 1, 1))
    two = _stems("I", "I", "/")
    sure = Word(text="III/2025", bbox=(0, 0, two.shape[1], 40), conf=0.93)
    count_quarter_stems([quy, sure], two)
    assert (sure.text, sure.strokes_agree) == ("II/2025", False)
    assert sure.conf is not None and sure.conf < 0.8
    row = TaskRow(
        task="Rà soát thủ tục hành chính", deadline=f"Quý {sure.text}", flags=[f"{DEADLINE_WORD_CONF}:{sure.conf:.2f}"]
    )
    assert not strokes_read_sure(row)
    doubts = [f for r in doubt_tasks([TaskTable(rows=[row])], ocr=True, period="2025")[0].rows for f in r.flags]
    assert any(f.startswith("doubt: deadline: quarter numeral 'II'") for f in doubts)
    # "HI": an H and an I, three strokes to Tesseract, two stems in the ink: disputed too
    guessed = Word(text="HI/2025", bbox=(0, 0, two.shape[1], 40), conf=0.9)
    count_quarter_stems([quy, guessed], two)
    assert (guessed.text, guessed.conf) == ("II/2025", 0.5)
    # the ink finding the stroke Tesseract lost keeps the longest run, held as printed downstream:
    # its confidence is left as read
    three = _stems("I", "I", "I", "/")
    lost = Word(text="II/2025", bbox=(0, 0, three.shape[1], 40), conf=0.91)
    count_quarter_stems([quy, lost], three)
    assert (lost.text, lost.conf) == ("III/2025", 0.91)
    # both readings agreeing leave the confidence as Tesseract gave it
    agreed = Word(text="II/2025", bbox=(0, 0, two.shape[1], 40), conf=0.6)
    count_quarter_stems([quy, agreed], two)
    assert (agreed.conf, agreed.strokes_agree) == (0.6, True)
