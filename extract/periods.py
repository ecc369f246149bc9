"""The period a document covers, as its title names it ("6 tháng đầu năm 2023", "quý I năm 2024",
"giai đoạn 2021-2025", "năm 2025"), read on folded text so that OCR'd titles without
diacritics read the same."""

from __future__ import annotations

import re

from normalize.lazy_regex import lazy_re_compile
from normalize.vietnamese.syllable import fold, nfc

_PERIODS = (
    # "pau": Đ read as P by a Latin-only OCR ("6 THANG PAU NAM 2023")
    (lazy_re_compile(r"\b(6|sau|9|chin)\s+thang\s+(dau|pau|cuoi)?\s*nam\b(?:\s+(\d{4}))?"), "months"),
    (lazy_re_compile(r"\bquy\s+(iv|iii|ii|i|[1-4])\b(?:\s+nam)?(?:\s+(\d{4}))?"), "quarter"),
    (lazy_re_compile(r"\bgiai\s+doan\s+(\d{4})\s*[-–]\s*(\d{4})"), "span"),
    (lazy_re_compile(r"\bnam\s+(\d{4})\b"), "year"),
)


def find_period(text: str) -> str | None:
    """The period a title names, in canonical Vietnamese: "6 tháng đầu năm 2023", "quý I năm 2024",
    "giai đoạn 2021-2025", "năm 2025"."""
    folded = fold(nfc(text))
    years = re.findall(r"\b(?:19|20)\d{2}\b", folded)
    for pattern, kind in _PERIODS:
        m = pattern.search(folded)
        if not m:
            continue
        if kind == "months":
            months = "6" if m.group(1) in ("6", "sau") else "9"
            half = {"dau": " đầu", "pau": " đầu", "cuoi": " cuối"}.get(m.group(2) or "", "")
            year = m.group(3) or (years[0] if years else None)
            return f"{months} tháng{half} năm {year}" if year else f"{months} tháng{half} năm"
        if kind == "quarter":
            roman = {"1": "I", "2": "II", "3": "III", "4": "IV"}.get(m.group(1), m.group(1).upper())
            year = m.group(2) or (years[0] if years else None)
            return f"quý {roman} năm {year}" if year else f"quý {roman}"
        if kind == "span":
            return f"giai đoạn {m.group(1)}-{m.group(2)}"
        return f"năm {m.group(1)}"
    return None
