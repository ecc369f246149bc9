"""The marks of a signer's name a Latin-only OCR lost, restored from the name-syllable stock
(normalize/vietnamese/names.py, data/person_names.txt) through the OCR channel, or left empty with
a review item when two name syllables fit alike. Real dumps of the corpus (tests/data/dumps_meta)."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.pipeline import PipelineOptions, convert_file
from normalize.vietnamese.names import is_surname, name_stock, restore_name, restore_syllable, surnames

DUMPS = Path(__file__).parent / "data" / "dumps_meta"


def test_stock_reads_its_places():
    stock = name_stock()
    assert stock["surname"]["Nguyễn"] == 3 and stock["middle"]["Thị"] == 3 and "Hạnh" in stock["given"]
    assert "Nguyễn" in surnames() and len(surnames()) == len(set(surnames()))
    assert is_surname("NGUYEN") and is_surname("Trịnh") and not is_surname("Hạnh")


def test_plain_names_get_their_marks():
    assert restore_name("Nguyen Thi Hanh".split()).name == "Nguyễn Thị Hạnh"  # Hạnh (3) over Hành (1)
    assert restore_name("Trinh Van An".split()).name == "Trịnh Văn An"  # the repair's model said "Trình"
    assert restore_name("Than Thanh Son".split()).name == "Thân Thanh Sơn"  # a middle Thanh, not Thành


def test_ocr_confusions_reach_the_name():
    # ứ read "it", ũ read "ii", ế read "é" by a Latin-only OCR
    assert restore_name("Giap Ditc Viet".split()).name == "Giáp Đức Việt"
    assert restore_name("Vii Ditc Long".split()).name == "Vũ Đức Long"
    assert restore_name("Hita Minh Quyét".split()).name == "Hứa Minh Quyết"


def test_a_latin_surname_is_restored_not_snapped():
    from extract.signature import person_name

    assert person_name("Vuong Ngoc Quyét Binh", snap=False) == "Vuong Ngoc Quyét Binh"
    assert restore_name("Vuong Ngoc Quyét Binh".split()).name == "Vương Ngọc Quyết Bình"


def test_a_tie_is_left_undecided():
    reading = restore_name("Le Van Thanh".split())  # Thanh or Thành as a given name
    assert reading.name is None and "Thanh/Thành" in reading.doubts[0]
    assert restore_name("Ta Thay".split()).name is None  # "Thay": Thủy or Thúy, "a" read for "u"
    assert restore_syllable("Thuy", "given")[0] is None


def test_a_syllable_the_stock_lacks_keeps_the_repairs_reading_of_the_same_letters():
    assert restore_name("Nguyen Xuan Thoang".split(), "Nguyễn Xuân Thoang".split()).name == "Nguyễn Xuân Thoang"
    assert restore_name("Nguyen Xuan Thoang".split()).name is None
    # a reading of other letters is no fallback: OCR garbage stays unread
    assert restore_name("Nguyen Xuan Qzx".split(), "Nguyễn Xuân Quế".split()).name is None
    # nor is OCR garbage the repair left as it was
    assert restore_name("Luc Ngoc Cuwoéng".split(), "Lục Ngọc Cuwoéng".split()).name is None


def test_an_undecided_signer_goes_to_the_review_queue(tmp_path):
    result = convert_file(DUMPS / "s128-d02-i1-ruled-top-eng-250dpi.txt", options=PipelineOptions())
    assert result.document.signer is None
    items = [r for r in result.review if r.field == "signer"]
    assert len(items) == 1 and items[0].item == "/document" and items[0].raw == "Ta Thay"
    assert "Thúy" in items[0].reason and "Thủy" in items[0].reason


def test_a_restored_signer_needs_no_review():
    result = convert_file(DUMPS / "s128-d04-i1-ruled-center-eng-200dpi.txt", options=PipelineOptions())
    assert result.document.signer == "Giáp Đức Việt"
    assert not [r for r in result.review if r.field == "signer"]


def test_plain_letters_of_a_name_syllable_keep_their_letters():
    # "Minh" is a middle name's letters: read where the surname stands (the surname "Vũ" lost to a
    # speck) it is no misread "Mạnh", and no surname; the stock's surnames are a closed list.
    reading = restore_name("Minh Giang".split(), "Minh Giang".split())
    assert reading.name is None and reading.doubts == ("Minh: no name syllable",)
    assert restore_syllable("Minh", "surname")[0] is None
    # letters that spell no name syllable still go through the OCR's confusions ("Vii" = Vũ)
    assert restore_name("Vii Ngoc Ngan".split()).name == "Vũ Ngọc Ngân"


_LATIN_DUMP = (
    "UBND XA DONG TAM CONG HOA XA HOI CHU NGHIA VIET NAM\n"
    "Doc lap - Tu do - Hanh phuc\n"
    "So: 25/BC-UBND Dong Tam, ngay 26 thang 11 nam 2013\n"
    "BAO CAO\n"
    "Ket qua tu danh gia, cham diem Chi so cai cach hanh chinh nam 2013\n"
    "Thuc hien Ke hoach so 283/KH-UBND ngay 11/08/2013 cua UBND huyen Quang Hai, UBND xa Dong Tam\n"
    "bao cao ket qua tu danh gia, cham diem nhu sau:\n"
    "1. Cong tac chi dao, dieu hanh cai cach hanh chinh 10 9\n"
    "2. Xay dung va to chuc thuc hien van ban quy pham phap luat 10 10\n"
    "3. Cai cach thu tuc hanh chinh 14,5 13,5\n"
    "4. Cai cach to chuc bo may hanh chinh 11 11\n"
    "5. Xay dung va nang cao chat luong doi ngu cong chuc 16 16\n"
    "6. Cai cach tai chinh cong 6 6\n"
    "7. Hien dai hoa hanh chinh 12 11\n"
    "TONG DIEM 79,5 76,5\n"
    "Noi nhan: KT. CHU TICH\n"
    "- UBND huyen Quang Hai (b/c); PHO CHU TICH\n"
    "- Luu: VT, VP.\n"
)


def _latin_signer(tmp_path, signer_line: str):
    """The signer and the review items of a Latin-only dump whose signature block closes with
    ``signer_line``."""
    dump = tmp_path / "latin.txt"
    dump.write_text(_LATIN_DUMP + signer_line + "\n", encoding="utf-8")
    result = convert_file(dump, options=PipelineOptions())
    return result.document.signer, [r for r in result.review if r.field == "signer"]


def test_specks_after_a_name_in_any_order_are_dropped(tmp_path):
    from extract.signature import person_name

    assert person_name("Giap Thanh Lan : co", snap=False) == "Giap Thanh Lan"
    assert person_name("Nông Thị Vân i ee :") == "Nông Thị Vân"
    # a Latin-only dump whose signer line ends in a colon speck and a short speck word
    assert _latin_signer(tmp_path, "a . - | | Giap Thanh Lan : co")[0] == "Giáp Thanh Lan"


def test_a_bare_name_syllable_another_name_syllable_spells_alike_is_no_reading(tmp_path):
    # A Latin-only OCR prints "Ung" for the surnames Ung and Ưng alike: the bare syllable is no
    # reading of the name, which is left empty with a review item, not given as printed. A name
    # whose bare syllables no marked one spells is given as printed.
    signer, review = _latin_signer(tmp_path, "Ung Nam")
    assert signer is None and [r.raw for r in review] == ["Ung Nam"]
    assert _latin_signer(tmp_path, "Mai Lan Anh")[0] == "Mai Lan Anh"


def test_a_signature_stroke_read_as_a_word_before_the_surname_is_dropped():
    from extract.signature import person_name

    # A held-out scan's signer line: the signature's strokes above the name OCR'd as "Jww" (no
    # Vietnamese syllable: a "w", a "j") before the surname Từ.
    assert person_name("Jww Từ Thúy Yến") == "Từ Thúy Yến"
    assert person_name("Des Lê Văn An") == "Lê Văn An"
    # (a surname first is the name's own: nothing dropped)
    assert person_name("Từ Thúy Yến") == "Từ Thúy Yến" and person_name("Lê Văn Sáu") == "Lê Văn Sáu"
