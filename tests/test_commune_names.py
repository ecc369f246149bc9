"""The issuing commune's name: spelled as the document's mentions spell it, a letter or a stacked
mark apart, and with the marks the gazetteer (normalize/vietnamese/data/names.txt, real units) is
sure of when a Latin-only OCR read the document."""

from __future__ import annotations

from extract.commune import commune_spelling, latin_document, restored_place
from extract.model import Line
from normalize.vietnamese.names import is_place, restore_place
from schemas.records import DocumentMeta


def test_gazetteer_marks_only_when_sure():
    assert restore_place("Mỹ Châu Năm".split()) == ["Mỹ", "Châu", "Nam"]  # a final "Nam", far more often
    assert restore_place("Vinh Tam".split()) == ["Vĩnh", "Tam"]
    assert restore_place("Văn Lợi".split()) == ["Văn", "Lợi"]  # Vân or Văn: too close, kept
    assert restore_place(["THUONG"])[0].isupper()
    assert is_place("Vĩnh Tam") and not is_place("Vành Tâm")


def test_a_misread_issuer_name_gives_way_to_the_place_the_text_repeats():
    texts = ["XÃ Vành Tâm", "Vĩnh Tam, ngày 3 tháng 4 năm 2024", "Thực hiện …, UBND xã Vĩnh Tam báo cáo"]
    assert commune_spelling("Vành Tâm", texts) == "Vĩnh Tam"
    # a name read right in the issuer line and misread in the text keeps the issuer's
    texts = ["UBND XÃ CƯỜNG QUANG THƯỢNG", "của UBND xã Cũng Quang Thượng", "UBND xã Cũng Quang Thượng báo cáo"]
    assert commune_spelling("Cường Quang Thượng", texts) == "Cường Quang Thượng"
    # a stacked mark read as a second vowel: the mentions without it are the same letters
    assert commune_spelling("An Diêễn", ["XÃ AN DIÊỄN", "An Diên, ngày 10", "UBND xã An Diên"]) == "An Diên"


def test_the_title_names_the_commune_as_the_issuer_does():
    meta = DocumentMeta(title="Kết quả năm 2023 của UBND xã Cũng Quang Thượng", place="Cuông Quang Thượng")
    assert restored_place("Cường Quang Thượng", meta) == "Cường Quang Thượng"
    assert meta.title == "Kết quả năm 2023 của UBND xã Cường Quang Thượng"
    assert meta.place == "Cường Quang Thượng"
    meta = DocumentMeta(title="BẢNG TỰ ĐÁNH GIÁ NĂM 2024 CỦA UBND XÃ MỸ CHÂU NĂM")
    assert restored_place("Mỹ Châu Năm", meta) == "Mỹ Châu Nam"
    assert meta.title == "BẢNG TỰ ĐÁNH GIÁ NĂM 2024 CỦA UBND XÃ MỸ CHÂU NAM"


def test_unit_word_glued_to_the_name_and_a_speck_after_capitals():
    from extract.commune import local_unit

    assert local_unit("ỦY BAN NHÂN DÂN XASON THÁI") == ("xã", "Son Thái")
    assert local_unit("UBND XÃ XANH HÒA") == ("xã", "Xanh Hòa")  # "XANH" is a syllable: no glue
    assert local_unit("ỦY BAN NHÂN DÂN XÃ ĐỒNG THẠNH An") == ("xã", "Đồng Thạnh")
    # the name's words glued, an underscore speck after it: the mentions space it
    name = local_unit("ỦY BAN NHÂN DÂN XÃ VĨNHMỸ_")
    assert name == ("xã", "Vĩnhmỹ")
    assert commune_spelling(name[1], ["XÃ VĨNHMỸ_", "Vĩnh Mỹ, ngày 8 tháng 12 năm 2025"]) == "Vĩnh Mỹ"


def test_latin_document():
    def lines(*texts: str) -> list[Line]:
        return [Line(text=t, page=1, number=i) for i, t in enumerate(texts)]

    assert latin_document(lines("UY BAN NHAN DAN", "XA MY CHAU", "Két qua ty danh gia"), 0.1)
    assert not latin_document(lines("ỦY BAN NHÂN DÂN", "XÃ MỸ CHÂU", "Kết quả tự đánh giá"), 0.1)
