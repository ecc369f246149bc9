"""A criterion's row the criteria set's order finds from its own name line (``set_rows``,
``row_from_set_order``) whose points cells were not read carries them as lost (``missing_*``), as a
row read without its figures, or a parent restored from its children, does: the set's maximum and
the table's sums fill them after the checks (``reconcile.derived``), each fill flagged and queued.

The dump is the text Tesseract gave of a scan of the corpus generator (a five-column table of the
ca-mau set): row 1.2's name line ("Bio Go CCHC", line 24) prints no figure, its sub-criteria 1.2.1
(1; 0,25) and 1.2.2 (…; 0,5) are read; row 1.3's name line ("Kigm wa cong tic CCHC", line 30)
prints none either. The values asserted are the generator's truth: 1.2 self-assessed 0.75, 1.3's
maximum 3."""

from __future__ import annotations

from pathlib import Path

from extract.segment.set_rows import FLAG_FROM_SET_ORDER
from schemas import schema_errors
from score_dumps import queued, read_score_dump

_NAME_LINES_WITHOUT_FIGURES = [
    "- UYBANNHANDAN . ~+=CONG HOA XA HOI CHU NGHIA VIET NAM",
    "XA THANH PHU : Doc lap - Ty do - Hanh phic",
    "aS S6: 220/KH-UBND Thanh Phu, ngay 11 thang 12 nam 2014 eS",
    "] 7 KE HOACH a",
    "‘Nang cao Chi sé cai cach hanh chinh nam 2015",
    "Can ctr két qua tu danh gia, cham diém Chi s6 cai cach hanh chinh nam 2014, UBND xa",
    "Thanh Phu ban hanh Ké hoach nang cao Chi s6 cai cach hanh chinh nam 2015. Két qua tu.",
    "danh gia, chdm diém nam 2014 nhu sau: . eos",
    "STT pe Ghi chi |",
    ": toi da cham : ;",
    "CONG TAC CHi DAO, DIEU HANH aos",
    "sccm |",
    "Ban hanh ké hoach CCHC nam Ban hanh cham so véi",
    "Act ib ; ;",
    "quy dinh",
    "Xac dinh day du céc nhiém vy CCHC trén cac Céng van s6 119/CV-",
    "| 1.1.2. | Tinh vue theo: ké hoach nam ctia UBND tinh 1 1. | VP ngay 24/ 11/2014",
    "; : _| va b6 tri kinh phi thuc hién ~ : : :",
    "Cac két qua phai dat dure xac dinh r6 rang, Ké hoach s6 198/KH-",
    "1.1.3 | cu thé va dinh ré trach nhiém trién khai cua el 1 UBND ngay 6/7/2014",
    "phong, ban, don vi tryvc thudc :",
    "iia Mic dé thu hién ké hoach CCHC S 9 ae 1 Bao cao s6 35/BC-",
    "ee : UBND ngay 8/9/2014",
    "Bio Go CCHC _ oe oe ee ae",
    "Tat ca bdo cdo du¢c gtti ding thoi gianquy",
    "1.2.1 | dinh (bao cdo qui I, qui III, bao cao 6 thang va 1 . 0,25",
    "bao cdo nam) :",
    "1.22 Tat ca bao cdo cé day di ndi dung theo hudéng 40 05 Céng van s6 194/CV-",
    ": 2) | dan : : : : UBND ngay 21/03/2014 5",
    ": Kigm wa cong tic CCHC oa",
    "oe ewe ee ee :",
    "Noi nhén: TM. UY BAN NHAN DAN oe",
    "_- UBND huyén Son My (b/c); CHU TICH ~",
    "- _ . TT Dang ty, HDND xa (b/c); io",
    "- Lutu: VT, VP. o :",
    "‘Ludng Kim Hang",
]


def _rows(tmp_path: Path) -> tuple[dict, dict[str, tuple[int, dict]]]:
    out, rows = read_score_dump(tmp_path, "\n".join(_NAME_LINES_WITHOUT_FIGURES) + "\n")
    assert out["errors"] == [] and schema_errors(out) == [] and len(out["score_tables"]) == 1
    return out, rows


def test_a_row_found_by_its_name_gets_its_self_score_from_its_sub_criteria(tmp_path):
    out, rows = _rows(tmp_path)
    k, row = rows["1.2"]
    assert FLAG_FROM_SET_ORDER in row["flags"] and row["source"]["line_start"] == 24
    # (its line printed no figure: the cells are lost, not printed blank)
    assert "missing_self" in row["flags"] and "missing_max" in row["flags"]
    assert rows["1.2.1"][1]["self_points"] == 0.25 and rows["1.2.2"][1]["self_points"] == 0.5
    assert row["self_points"] == 0.75
    assert "derived_from_sums:self_points" in row["flags"]
    # (a value a sum gave is looked at: the row is queued)
    assert any(item == f"/score_tables/0/rows/{k}" for item, _ in queued(out))


def test_a_row_found_by_its_name_takes_the_sets_maximum_and_stays_told_unread(tmp_path):
    out, rows = _rows(tmp_path)
    _, row = rows["1.3"]
    assert FLAG_FROM_SET_ORDER in row["flags"] and row["source"]["line_start"] == 30
    assert row["max_points"] == 3.0 and "derived_from_criteria_set:max_points" in row["flags"]
    # (its self-assessed score, 3 in the truth, no sum determines: lost, and told so)
    assert row["self_points"] is None and "missing_self" in row["flags"]
    assert any("1.3" in p["reason"] and "not read" in p["reason"] for p in out["unread"])
