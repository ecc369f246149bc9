"""Two annex dumps whose statistics checks told the commune a fault it did not make (issue 14), as
Tesseract printed them (excerpts of generated dumps, dev seed 20001; the values expected are the
generator's truth files'):

- a plan-first annex ("Kế hoạch năm | Thực hiện | Tỷ lệ (%) so với KH") under a title that says
  "KẾT QUẢ THỰC HIỆN": the title's "thực hiện" was taken for the result's column label, so the
  header was not read as plan-first and every row's plan was read as its value (2.2: 85% "against"
  69/126);
- an annex in two panels whose left row's share OCR printed with a stroke for its comma ("95/3"
  for 93,3): the right row's code after it was read as the left row's figure (2.3: 5%)."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.stat_plan_column import plan_first
from extract.segment.stat_two_panels import panel_cut

# d27-i1 (psm 3, eng, 300 dpi): the annex's title, its header and its first rows.
PLAN_FIRST = """\
UY BAN NHAN DAN CONG HOA XA HOI CHU NGHIA VIET NAM
XA KIM THINH Doc lap - Tu do - Hanh phuc
So: 83/BC-UBND Kim Thinh, ngay 28 thang 03 nam 2024
BAO CAO
Ket qua thuc hien cong tac cai cach hanh chinh nam 2023
UBND xa Kim Thinh bao cao ket qua nhu sau: so lieu chi tiet tai Phu luc kem theo.

(Kém theo Bdo cdo sé 83/BC-UBND ngay 28/03/2024 cua UBND x4 Kim Thinh)

Phu luc 1
SO LIEU KET QUA THUC HIEN CONG TAC CAI CACH HANH CHiINH NAM

2023

TT Chi tiéu Don vi | Ké hoach Thuc Ty le (%) Ghi
tinh nam hién so voi KH chia
1 | S6 sang kién, giai phap CCHC dugc | Sang 2 2 100
cong nhan kién
2 | Cong khai thi tuc hanh chinh
2.1 | T6ng sé thu tuc hanh chinh thu6c Thu tuc 126 96 76,19
tham quyén gidi quyét cla UBND xa
a) | SO TTHC cung cap dich vu c6ngtruc | Thu tuc 69
tuyén toan trinh
b) | S6 TTHC cung cap dich vu cong trwc | Tht tuc 24
tuyén m6t phan
c) | S6 TTHC chi cung cap thong tin Tht tuc 3
2.2 | Ty lé TTHC cung cap dich vu céng % 85 71,88 84,56
truc tuyén toan trinh
3 | S6 nhiém vu trong Ké hoach CCHC | Nhiém 53 40 75,47
nam vu
3.1 | S6 nhiém vu da hoan thanh Nhiém 36
vu
3.2 | S6 nhiém vu chwa hoan thanh Nhiém 4
vu
3.3. | Ty lé hoan thanh Ké hoach CCHC % 100 90 90
nam
"""


def _stat(tmp_path: Path, text: str) -> tuple[dict[str, float | None], list[dict]]:
    path = tmp_path / "dump.txt"
    path.write_text(text, encoding="utf-8")
    out = result_to_json(convert_file(path))
    values = {r["code"]: r["value"] for a in out["statistics"] for r in a["rows"]}
    return values, [c for c in out["checks"] if c["status"] == "mismatch"]


def test_a_title_above_the_header_names_no_column():
    header = "SO LIEU KET QUA THUC HIEN CONG TAC NAM 2023 TT Chi tiéu Don vi | Ké hoach Thuc Ty le (%) Ghi"
    assert plan_first(header)
    # (the result's column before the plan's, under the same title: not plan-first)
    assert not plan_first("SO LIEU KET QUA THUC HIEN NAM 2023 TT Chi tiéu Don vi | Thuc hien Ké hoach Ghi chu")


def test_a_plan_first_annex_under_its_title_reads_the_results(tmp_path: Path):
    values, mismatches = _stat(tmp_path, PLAN_FIRST)
    # the truth file's values: the results, not the plans (126, 85, 53 and 100 were read before)
    assert values["2.1"] == 96.0
    assert values["2.2"] == 71.88
    assert values["3"] == 40.0
    assert values["3.3"] == 90.0
    assert values["2.1.a"] == 69.0 and values["2.1.c"] == 3.0
    assert not mismatches  # the annex holds no planted fault


def test_a_share_printed_with_a_stroke_ends_the_left_panel():
    # d25-i2 (psm 3, vie, 200 dpi, degraded): "95/3" is 2.3's 93,3; "5" opens the right panel's row
    line = (
        "2.3 | Tỷ lệ hồ sơ tiếp nhận trực tuyến : % 95/3 5 Số phản ánh, kiến nghị của cá nhân, tổ chức tiếp Phản ánh 12"
    )
    tokens = line.split()
    assert tokens[panel_cut(line)] == "5"
    # (a count right after the unit is still the left row's figure, the right row's code lost)
    right = "2.1 | Số hồ sơ tiếp nhận trực tuyến Hồ sơ 18 Số phản ánh đã xử lý Phản ánh 11"
    assert right.split()[panel_cut(right)] == "Số"
