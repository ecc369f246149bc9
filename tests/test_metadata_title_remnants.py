"""Titles of OCR text dumps that took a line which is none of theirs: a place-date line whose day
OCR misread, the date's month and year wrapped alone above the title, the body's first sentence
citing a plan with a dash after "số", or a speck and a quote before the first word. Each excerpt is
the head of a generated dump (tools/make_corpus.py, spent seeds 21001 and 20001; path given), the
expected title its truth file's ``document.title``."""

from __future__ import annotations

import pytest

from extract.base import ingest
from extract.metadata import extract_metadata
from extract.title_text import date_remnant, edge_specks
from normalize.vietnamese import repair_document

EXCERPTS = {
    # lead-d21001/D14_dump_new_layouts_e/d14-i3-n23-i3-bulleted-bullets-eng-psm3-250dpi-degraded.txt: the body's first
    # line cites "Kế hoạch s6-275/KH-UBND" (a dash between "số" and the number): no title line.
    "citation_dash": (
        "Tự đánh giá, chấm điểm xác định Chỉ số cải cách hành chính năm 2024",
        "UY BAN NHAN DAN XA THANH\n"
        "-SON —\n"
        "\n"
        "S6: 108/BC-UBND\n"
        "\n"
        "CONG HOA XA HOI CHU NGHIA VIET NAM\n"
        "\n"
        "Doc lap - Tw do - Hanh ne\n"
        "\n"
        "BAO CAO\n"
        "Tw danh gia, cham diém xac dinh Chi sé cai cach hanh chinh nam 2024 -\n"
        "\n"
        "Thuc hién Ké hoach s6-275/KH-UBND ngay 28/05/2024 cla UBND dinen Léc Son vé viéc\n"
        "trién khai céng tac cai c4ch hanh chinh nam 2024; UBND xa Thanh Son bao cao két ue tw\n"
        "\n"
        "danh gia, cham diém nhw sau:\n"
        "\n"
        "Thanh Son, ngay 02 thang 01.ndm 2025\n"
        "\n"
        "Noi dung Diém toi | Diém tw * Ghi chi\n",
    ),
    # lead-e21001/D17_dump_new_layouts_h/d17-i2-n35-i2-subtotals-cong-field-vie-psm3-300dpi-degraded.txt: the place-
    # date line under the title with its day misread ("Cường Ná ngày vả, tháng 12 năm 2024"): no title line.
    "day_misread": (
        "Nâng cao Chỉ số cải cách hành chính năm 2025",
        "ỦY BAN NHÂN DÂN XÃ CƯỜNG\n"
        "\n"
        "TƯỜNG -\n"
        "\n"
        "Số: 284/KH-UBND.\n"
        "\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "\n"
        "thai lập - „ do - MU ng\n"
        "\n"
        "KẾ HOẠCH\n"
        "Nâng cao Chỉ số cải cách hành chính năm 2025.\n"
        "\n"
        "Cường Ná ngày vả, tháng 12 năm 2024\n"
        "\n"
        "Căn cứ kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính nh 2024, UBND xã\n",
    ),
    # lead-g20001/D26_dump_new_layouts_q/d26-i3-n72-i3-self-by-level-self-only-eng-psm3-300dpi-degraded.txt: the
    # date's end wrapped under the motto ("thdng 12 ndm 2024") between the kind word and the title.
    "month_year_alone": (
        "Nâng cao Chỉ số cải cách hành chính năm 2025",
        "UY BAN NHAN DAN XA DUC GIA\n"
        "\n"
        "S6: 231/KH-UBND ‘Ditc Gia, ngay 14\n"
        "\n"
        "KE HOACH\n"
        "\n"
        "CONG HOA XA HOI CHU NGHIA VIET NAM\n"
        "Doc lap - Tw do - Hanh phic\n"
        "\n"
        "thdng 12 ndm 2024\n"
        "\n"
        "Nang cao Chi sé cai cach hanh chinh nam 2025\n"
        "\n"
        "Can cif két qua tu danh gid, chaém diém Chi s6 cai cach hanh\n",
    ),
    # lead-g21001/D26_dump_new_layouts_q/d26-i3-n72-i3-self-by-level-self-only-eng-psm6-300dpi-degraded.txt: a speck
    # and a quote before the title's first word ("fe ‘Tw danh gia …").
    "quote_speck": (
        "Tự đánh giá, chấm điểm xác định Chỉ số cải cách hành chính năm 2024",
        "UY BAN NHAN DAN _ CONG HOA XA HOI CHU NGHIA VIET NAM\n"
        "oe XA HAI MY : Doc lap - Ty do - Hanh phiic oe\n"
        "~- $6: 60/BC-UBND Hai MY, ngay 21 thang 12 ndm 2024\n"
        "oo | BAO CAO : :\n"
        "fe ‘Tw danh gia, cham diém xac dinh Chi sé cai cach hanh chinh nam 2024\n"
        "Thuc hién Ké hoach s6.181/KH-UBND ngay 02/07/2024 cia UBND huyén Lac Hai Nam\n"
        ">. vé viéc trién khai c6ng tac cai cach hanh chinh nam 2024; UBND xa Hai My bdo cao két\n"
        "qua tu danh gia, chdm diém nhv sau: ee\n"
        "STT N@i dung tiéu chi - | Thang Tai liéu kiém\n"
        "diém | Cip1[ Cép2[Cap3| chime | :\n"
        "1 Cong tac chi dao, diéu hanh cai 12) 3\\2 1055\n"
        "cach hanh chinh :\n",
    ),
}


@pytest.mark.parametrize("key", sorted(EXCERPTS))
def test_title_without_lines_not_its_own(key, tmp_path):
    title, text = EXCERPTS[key]
    path = tmp_path / "dump.txt"
    path.write_text(text, encoding="utf-8")
    assert extract_metadata(repair_document(ingest(path))).title == title


def test_date_remnants():
    assert date_remnant("Cuong Na ngay va, thang 12 nam 2024", opening=False)
    assert date_remnant("thdng 12 ndm 2024", opening=True)
    # A title's wrapped line may name a month; its first line never opens with one.
    assert not date_remnant("thang 12 nam 2024", opening=False)
    assert not date_remnant("Bao cao cai cach hanh chinh thang 12 nam 2024", opening=True)


def test_speck_and_quote_before_the_title():
    assert edge_specks(["fe", "‘Tự", "đánh", "giá"]) == ["Tự", "đánh", "giá"]
    assert edge_specks(["“Tự", "đánh"]) == ["“Tự", "đánh"]  # a title's own quote, no speck before it
