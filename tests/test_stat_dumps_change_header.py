"""An annex header comparing two periods whose period labels OCR garbled (issue 16): "Nội dung chỉ
tiêu | ĐVT Năm | Năm | Tăng (+), giảm (-) | Tỷ lệ tăng, giảm (%) | Ghi chú" read by a degraded psm 3
dump as "N6i dung chi tiéu | DVT Nain Nam’ | Tang (+), Ty lé Ghi" (its years on the next line). The
change label's sign in brackets names the comparison, hence the figure columns; the look-alike
folding the header is read with drops the brackets, so the header was not found and the whole annex
(28 rows) was lost, read as a score table's rows and withdrawn. The excerpt is the corpus dump's
(family D17, seed 20001, lines 33-64) as printed; the expected figures are its truth file's."""

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.stat_line_header import is_statistics_header

_HEADER = "N6i dung chi tiéu | DVT Nain Nam’ | Tang (+), Ty lé Ghi"

DUMP = f"""BAO CAO
Két qua cong tac cai cach hanh chinh
6 thang dau nam 2023

SO LIEU KET QUA THUC HIEN CONG TAC CAL CACH HANH CHINH 6

Phu luc 1

THANG DAU NAM 2023
(Kem theo Bao cdo s6 124/BC- EME ngdy 08/12/2023 ctia UBND xd Nghia Tan)

{_HEADER}
2022 2023 giam (-) tang, chi
giam(%) | -
er sang kién, gia phapCCHC’ | Sang | 3 ees G2 00
duoc cong nhan kién I
Tong sé hé so TTHC tiép nhan | Hé so 574 - 688 +114 119,9
trong ky [ee [
S6 h6 so tiép nhan truc tuyén H6 so 513 ~ 614 +101 119,7
S6 hé so tiép nhan truc tigp va H6 so G2 ey #2 i954
qua buu chinh gee
| Ty 1€ ho so tiép nhan truc tuyén 2 | 82,74 89,24 +6,5 a
S6 nhiém vu trong Ké hoach Nhiém 21 25 +4 1g
‘CCHC nam vu ;
S6 nhiém vu da hoan thanh. Nhiém 19 28 +4 nea eal
vu i
S6 nhiém vu chwa hoan thanh Nhiém eee eg 100
| ae ae [
Ty 1é hoan thanh Ké hoach % ag2 92 0
CCHC nam
S6 ho so TTHC da giai quyét Ho so 220) ga #44 06 a
Gidi quyét truéc han Ho so 134° fey +27 120,1
| Giai quyét ding han H6 so 81 97 +16 119,8
Giai quyét qua han Ho so 5 6 teh a0 p|
Ty lé ho so giai quyét tréc han G6 © 12 400 = 9773 ey
va dung han ; :
"""


def test_a_change_label_with_its_sign_names_the_compared_figures():
    assert is_statistics_header(_HEADER)
    # the sign alone, with no indicator's or unit's label, is no annex's header
    assert not is_statistics_header("Tang (+), Ty lé Ghi")


def test_the_annex_under_a_garbled_period_header_is_read(tmp_path: Path):
    dump = tmp_path / "annex-eng-psm3.txt"
    dump.write_text(DUMP, encoding="utf-8")
    out = result_to_json(convert_file(dump))
    (annex,) = out["statistics"]
    values = {r["indicator"]: r["value"] for r in annex["rows"]}
    # truth: 2 "Tổng số hồ sơ TTHC tiếp nhận trong kỳ" 688, 2.1 "Số hồ sơ tiếp nhận trực tuyến" 614,
    # 3 "Số nhiệm vụ trong Kế hoạch CCHC năm" 25, 4.2 "Giải quyết đúng hạn" 97 (this year's column)
    assert [v for k, v in values.items() if k.startswith("Tổng số hồ sơ TTHC tiếp nhận")] == [688]
    assert [v for k, v in values.items() if "tiếp nhận trực tuyến" in k and "Tỷ lệ" not in k] == [614]
    assert [v for k, v in values.items() if k.startswith("Giải quyết đúng hạn")] == [97]


# The same form on another commune's dump (family D17, seed 19001, lines 31-51, as printed): its header's
# first line ends on the note's label with a stop OCR glued to it, "… So sanh Ghi.", which is no
# sentence's end; read as one, no header was found and the annex was lost whole.
DUMP_NOTE_STOP = """BAO CAO
Két qua cong tac cai cach hanh chinh
6 thang dau nam 2024

SO LIEU KET QUA THUC HIEN CONG TAC cAI CACH HANH CHINH 6

Phu luc 1

THANG DAU NAM 2024
(Kem theo Bao cdo s6 221/BC- UBND ngdy 26/01/2025 cua UBND xa Duc Phut6c)

ST N6i dung chi tiéu DVT Nam Nam Tang So sanh Ghi.
T ~ 2023 2024 (+)/giam (%) cha
(-)
1 | S6 sang kién, giai phap CCHC Sang 3 3 0 100
| dugc cong nhan kién
2 | S6h6so TTHC da giai awe Hoso | 288 332 +44 115.3
2.1 | Giai quyét trudc han | Beso © 190 219 +29 115,3
2.2 | Giai quyét ding han Hosd | 97 E55
2.3 | Giai quyét qua han H6 so 1 100
2.4 | Ty lé ho so giai quyét truéc han % 9372
va dung han
3 | S6 nhiém vu trong Ké hoach Nhiém 16 112,5
CCHC nam vu
3.1 | S6nhiém vu da hoan thanh Nhiém | 16 (125
"""


def test_a_header_line_ending_on_the_note_label_with_a_stop_is_the_header(tmp_path: Path):
    dump = tmp_path / "annex-eng-psm3.txt"
    dump.write_text(DUMP_NOTE_STOP, encoding="utf-8")
    (annex,) = result_to_json(convert_file(dump))["statistics"]
    values = {r["code"]: r["value"] for r in annex["rows"]}
    # truth: 1 = 3 sáng kiến, 2 = 332 hồ sơ, 2.1 = 219 (this year's column, 2024)
    assert (values["1"], values["2"], values["2.1"]) == (3, 332, 219)


def test_codes_lost_with_the_column_are_placed_by_the_groups_their_shares_close(tmp_path: Path):
    # psm 3 dropped the STT column whole: each group is its whole, its parts counting the whole's
    # unit and their share last; read by the column's order alone the rows were 1, 2, 3 … 14
    dump = tmp_path / "annex-eng-psm3.txt"
    dump.write_text(DUMP, encoding="utf-8")
    (annex,) = result_to_json(convert_file(dump))["statistics"]
    codes = [r["code"] for r in annex["rows"]]
    # truth: 1 sáng kiến; 2 hồ sơ tiếp nhận, 2.1, 2.2, 2.3 its share; 3 nhiệm vụ, 3.1-3.3; 4 hồ sơ
    # đã giải quyết, 4.1-4.3, 4.4 its share
    assert codes == ["1", "2", "2.1", "2.2", "2.3", "3", "3.1", "3.2", "3.3", "4", "4.1", "4.2", "4.3", "4.4"]
