"""A signer's name whose line the stamp's ink broke (held-out seed 10001, a phone photo of a score
report): OCR read "%o H „Hứa" then "Bích Ngân", and the signer came out "Bích Ngân", the surname
lost. A line of specks ending with a surname opens the name the next line finishes
(``signature_words.surname_after_specks``); a word of the document before it does not."""

from extract.model import Line
from extract.signature import find_signer
from extract.signature_words import surname_after_specks


def _block(*texts: str) -> list[Line]:
    head = ["Nơi nhận:", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "- UBND huyện Tam Đức (b/c);", "- Lưu: VT, VP."]
    return [Line(text=t, page=1, number=n) for n, t in enumerate([*head, *texts], start=1)]


def test_a_surname_after_a_stamps_specks_opens_the_name_on_the_next_line():
    assert find_signer(_block("%o H „Hứa", "Bích Ngân")) == "Hứa Bích Ngân"
    assert find_signer(_block("Hứa Bích Ngân")) == "Hứa Bích Ngân"  # the name whole, as before


def test_words_of_the_document_before_a_surname_are_no_specks():
    assert surname_after_specks("%o H „Hứa") == "Hứa"
    assert surname_after_specks("xã Hà") is None  # a word with a syllable: a place, not a stamp's specks
    assert surname_after_specks("CHỦ TỊCH Lê") is None
    assert surname_after_specks("Hứa") is None  # a lone word is ``_name_start``'s
