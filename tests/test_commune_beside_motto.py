"""The commune's name on an issuer line the motto is printed on: the name ends where the motto's
"CỘNG HÒA" begins, and its wrapped end, lost among the motto's specks, is the place-date line's
("XÃ THỊNH CỘNG HÒA XÃ HỘI …" / ": MINH :" over "____ Thịnh Minh, ngày …"), once the specks OCR
read before the place are set aside and a letter it misread is forgiven ("oe Chéu Quang")."""

from __future__ import annotations

from pathlib import Path

from extract.base import ingest
from extract.commune import completed_name, local_unit
from extract.metadata import extract_metadata

# The header of a Vietnamese OCR's dump of a scanned plan, as the corpus's dumps print it (the
# issuer column and the motto on one line, the name's second word wrapped under it among specks).
DUMP = """-_" ỦY BAN NHÂN DÂN XÃ THỊNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆTNAM  -
: MINH : ` Độc lập - Tự do - Hạnh phúc - :
: : ụ Số: 86/KH-UBND .. ____ Thịnh Minh, ngày 07 tháng 12 năm 2014 - : :
.:KẾ HOẠCH : : :
; Nâng cao Chỉ số cải cách hành chính năm 2015 : :
: Căn cứ kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2014, UBND xã Thịnh Minh
ban hành Kế hoạch nâng cao Chỉ số . m cải cách hành chính năm 2015. Kết quả tự đánh giá,
chấm điểm năm 2014 như sau: ni c h ệt :

TT Lĩnh vực, tiêu chí Điểm tối đa Điểm tự chấm
1 Công tác chỉ đạo, điều hành cải cách hành chính 10 9
2 Cải cách thủ tục hành chính 12 11

Nơi nhận: TM. ỦY BAN NHÂN DÂN
- Lưu: VT, VP. CHỦ TỊCH
Hoàng Ngọc Nhung
"""


def test_the_issuer_s_name_ends_at_the_motto():
    assert local_unit('-_" ỦY BAN NHÂN DÂN XÃ THỊNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆTNAM') == ("xã", "Thịnh")
    assert local_unit("UY BAN NHAN DAN XA CHAU CONG ‘HOA XA HOI CHU NGHIA VIET NAM") == ("xã", "Chau")
    assert local_unit("ỦY BAN NHÂN DÂN XÃ HÒA CÔNG") == ("xã", "Hòa Công")  # "Công" alone is a name's word


def test_the_wrapped_end_is_the_place_s_past_its_specks():
    assert completed_name("Thịnh", "____ Thịnh Minh") == "Thịnh Minh"
    assert completed_name("Châu", "oe Chéu Quang") == "Châu Quang"  # a letter misread in the place
    assert completed_name("Hòa", "Hà Tân") == "Hòa"  # a short name a letter off is another's


def test_a_dump_s_commune_beside_the_motto(tmp_path: Path):
    path = tmp_path / "dump.txt"
    path.write_text(DUMP, encoding="utf-8")
    meta = extract_metadata(ingest(path))
    assert meta.commune == "Thịnh Minh"
    assert meta.issuer == "UBND xã Thịnh Minh"
