"""Vietnamese repair: real sentences from the seeds, the OCR examples, the token contract."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from extract.base import ingest
from normalize.vietnamese import repair_document, repair_text
from normalize.vietnamese.syllable import fold, normalize_syllable

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


def _seed(prefix: str) -> Path:
    return next(SAMPLES.glob(prefix + "*.txt"))


def _strip(text: str) -> str:
    """Diacritics dropped, case kept: "Đánh giá" → "Danh gia"."""
    return "".join(fold(ch).upper() if ch.isupper() else fold(ch) for ch in text)


@pytest.mark.parametrize(
    "line, expected",
    [
        (
            "CHI SO PANH GIA, XAC PINH CAI CACH HANH CHINH CAP XA",
            "CHỈ SỐ ĐÁNH GIÁ, XÁC ĐỊNH CẢI CÁCH HÀNH CHÍNH CẤP XÃ",
        ),
        ("K¢ hoach CCHC nim", "Kế hoạch CCHC năm"),
        ("Mirc d6 hoan thanh ké hoach CCHC", "Mức độ hoàn thành kế hoạch CCHC"),
    ],
)
def test_ocr_examples_from_seed_003(line, expected):
    assert repair_text(line) == expected


def test_ocr_line_keeps_numbers_codes_and_abbreviations():
    line = "Ké hoach s6 52/KH-UBND ngay 30/12/2022 cua UBND xa vé cong tac CCHC nam 2023."
    out = repair_text(line)
    assert out.startswith("Kế hoạch số 52/KH-UBND ngày 30/12/2022 của UBND xã về công tác CCHC năm 2023")
    for i, (a, b) in enumerate(zip(line.split(), out.split())):
        if any(c.isdigit() for c in a) and ("/" in a or a.replace(".", "").isdigit()):
            assert a == b, i
    assert len(out.split()) == len(line.split())


def test_substituted_words_of_seed_001_repaired_from_context():
    # The same corruption recurs through the document: repaired by its consensus.
    text = _seed("001_").read_text(encoding="utf-8")
    out = repair_text(text).splitlines()
    src = text.splitlines()
    assert len(out) == len(src)
    i = next(i for i, ln in enumerate(src) if "Sónsản" in ln)
    assert "tài sản công" in out[i]
    i = next(i for i, ln in enumerate(src) if "Sonchính" in ln and "minh bạch" in ln)
    assert "quản lý tài chính công" in out[i]
    i = next(i for i, ln in enumerate(src) if "Sonkhoản" in ln)
    assert "có tài khoản giao dịch" in out[i]


def test_stripped_seed_sentences_restored():
    # Real sentences of seed 000 (clean), stripped of their diacritics, then restored.
    lines = [
        ln for ln in _seed("000_").read_text(encoding="utf-8").splitlines() if len(ln.split()) >= 10 and "*" not in ln
    ][:40]
    good = total = 0
    for ln in lines:
        out = repair_text(_strip(ln))
        assert len(out.split()) == len(ln.split())
        for a, b in zip(ln.split(), out.split()):
            total += 1
            good += normalize_syllable(a) == b
    assert good / total >= 0.97


def test_clean_text_left_untouched():
    for prefix in ("000_", "002_", "004_"):
        lines = _seed(prefix).read_text(encoding="utf-8").splitlines()
        changed = sum(repair_text(ln) != ln for ln in lines)
        assert changed <= 3, prefix


def test_all_caps_kept_and_title_case_kept():
    assert repair_text("KE HOACH CAI CACH HANH CHINH NAM 2024") == "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024"
    assert repair_text("Uy ban nhan dan xa") == "Ủy ban nhân dân xã"


def test_token_alignment_on_the_ocr_dump():
    text = _seed("003_").read_text(encoding="utf-8")
    for ln in text.splitlines():
        out = repair_text(ln)
        assert len(out.split()) == len(ln.split()), ln


def test_tone_placement_convention_is_old_style():
    assert repair_text("hoà") == "hòa"
    assert normalize_syllable("thuỷ") == "thủy"


def test_repair_document_sets_raw_and_confidence():
    doc = repair_document(ingest(_seed("003_")))
    changed = [ln for ln in doc.lines() if ln.raw is not None]
    assert changed
    assert all(0.0 <= ln.repair_conf <= 1.0 for ln in changed)
    first = next(ln for ln in changed if ln.raw.startswith("CHI SO PANH GIA"))
    assert first.text.startswith("CHỈ SỐ ĐÁNH GIÁ, XÁC ĐỊNH CẢI CÁCH HÀNH CHÍNH CẤP XÃ")
    clean = repair_document(ingest(_seed("002_")))
    assert sum(ln.raw is not None for ln in clean.lines()) <= 3


def test_cli_round_trip():
    src = "K¢ hoach CCHC nim\nCHI SO PANH GIA\n"
    proc = subprocess.run(
        [sys.executable, "-m", "cchc_extract.cli", "repair"],
        input=src,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == ["Kế hoạch CCHC năm", "CHỈ SỐ ĐÁNH GIÁ"]
