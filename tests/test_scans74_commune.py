"""The commune's spelling when its mentions in capitals and in lower case tie: a capital's stacked
marks ("Ồ": circumflex and grave) crowd the line's top and OCR drops the upper one, so the spelling
a lower-case mention printed wins (``commune.commune_spelling``). The mentions are an S30 scan's
lines as Tesseract read them (seed 18001, s30-i1-n62-i1-field-column-title-in-name.pdf, page 1:
the issuer line and the title's end read "ĐÔNG" at 0.75 and 0.78, the place-date line and the
opening sentence "Đồng" at 0.96 and 0.95); the generator's truth file names the commune Minh Đồng."""

from __future__ import annotations

from extract.commune import commune_spelling

_S30_MENTIONS = [
    "XÃ MINH ĐÔNG",
    "Minh Đồng, ngày 07 tháng 03 năm 2025",
    "NAM 2024 CUA UBND XÃ MINH ĐÔNG",
    "việc triển khai công tác cải cách hành chính năm 2024; UBND xã Minh Đồng báo cáo kết",
]


def test_a_tie_goes_to_the_spelling_printed_in_lower_case():
    assert commune_spelling("Minh Đông", _S30_MENTIONS) == "Minh Đồng"


def test_capitals_that_outnumber_the_lower_case_still_win():
    mentions = ["XÃ MINH ĐÔNG", "UBND XÃ MINH ĐÔNG", "CỦA UBND XÃ MINH ĐÔNG", "UBND xã Minh Đồng báo cáo"]
    assert commune_spelling("Minh Đông", mentions) == "Minh Đông"
