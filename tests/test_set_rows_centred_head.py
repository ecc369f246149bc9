"""Rows of an OCR dump above its first row read, inside that row's own span (``set_regions``'s head,
issues 11 and 16): in a table whose cells are centred in tall rows, the first row read (1.1.2) had
its name found on the lines around its code's (``name_from_lines_around``), its span reaching up
over the lines of the criteria printed above it whose codes and points OCR lost ("Ké hoach CCHC
nam" for 1.1, "Ban hanh ké hoach CCHC nim" for 1.1.1). Only the span's first line was looked at
for the set's criteria before the row, so 1.1.1 was lost untold (1.1 restored from its children).
Now the rest of that span is looked at too: both rows are found by the set's wording, flagged
``row_from_set_order``, their lost figures told, and the row's own name opens no row.

The dump is the text Tesseract gave of the corpus generator's scan (dev seed 4161, d01-i3, a
``ruled-center`` ``eng`` dump); the codes and names asserted are the generator's truth."""

from __future__ import annotations

from cchc_extract.reconcile.restored import FLAG_RESTORED
from extract.segment.set_rows import FLAG_FROM_SET_ORDER
from normalize.criteria.name_runs import FLAG_NAME_AROUND
from score_dumps import read_score_dump

_DUMP = [
    "; UBND XA KHANH DINH CONG HOA XA HOI CHU NGHIA VIET NAM",
    "oS ——— ee Doc lap - Tu do - Hanh phic we",
    "S6:179/BC-UBND Khanh Dinh, ngay 22 thang 12 ném 2014 :",
    "oo - BAO CAO",
    "Tw danh gia, cham diém xac dinh Chi sé cai cach hanh chinh nam 2014",
    "_ Thu hién Ké hoach s6 158/KH-UBND ngay 5/10/2014 cia UBND huyén Gia An vé viéc",
    "trién khai c6ng tac cai cach hanh chinh nam 2014; UBND xa Khanh Dinh bdo cao két qua",
    "tu danh gid, cham diém nhv sau: - : e",
    "oe a  Néidungdanh gia Thang | Diem ty | pai jigu kiém ching",
    "diém cham :",
    "i CONG TAC CHi DAO, DIEU HANH it",
    "-COHG",
    "Ké hoach CCHC nam ee ee",
    "Ban hanh ké hoach CCHC nim _ ite ee a",
    "XAc dinh day dt cdc nhiém vu CCHC trén cac :",
    "1.1.2 | linh vuc theo ké hoach nam cua UBND tinh 1 [ete",
    "- | va bé tri kinh phi thurc hién",
    "Cac két qua phai dat duc xac dinh r6 rang, Hoan thanh 100% ké",
    "1.1.3 | cu thé va dinh r6 trach nhiém trién khai cua iL 1 hoach",
    "phong, ban, don vi trurc thudc ae :",
    "Mttc d6 thurc hién ké hoach CCHC : : -| Da ban hanh dung thoi .",
    "1.1.4 : ; eee 2 : ;",
    ": : : : gian quy dinh",
    "Pm (PncnCcne",
    "Tat ca bao cdo dugc giti ding thoi gian quy Thong bao so 161/TB- Ye)",
    "~. | 1.2.1 | dinh (bao cdo qui I; qui III, bao cao 6 thang va 1 1 UBND ngay 09/10/2014",
    ": | °_ 7 | bao cao nam)",
    "oe Kiém tra cong tac CCHC < Ban hanh cham so véi",
    "d3 3 2 :",
    ": quy dinh",
    "re",
    "Noi nhén: : TM.UYBANNHANDAN  ——",
    "- UBND huyén Gia An (b/c); CHU TICH |",
    ": - Chi tich, céc PCT UBND xa; oe ee",
    "- Luu: VT, VP. : Bee) :",
    " . : - Dam HituTing Q :",
    "",
]


def test_criteria_above_a_centred_first_row_inside_its_span_are_found_by_the_set(tmp_path):
    out, read = read_score_dump(tmp_path, "\n".join(_DUMP))
    assert len(out["score_tables"]) == 1
    rows = {code: row for code, (_, row) in read.items()}
    assert list(rows) == ["1", "1.1", "1.1.1", "1.1.2", "1.1.3", "1.1.4", "1.2", "1.2.1", "1.2.2", "1.3"]
    # 1.2.2 is printed (the truth file: maximum 1, self 1), its line lost whole between 1.2.1 and
    # 1.3: the set's order restores it, its cells not read, queued and told as the jump.
    assert FLAG_RESTORED in rows["1.2.2"]["flags"] and rows["1.2.2"]["self_points"] is None
    # The centred first row read keeps its code, its name from the lines around it.
    assert FLAG_NAME_AROUND in rows["1.1.2"]["flags"]
    # 1.1 and 1.1.1 are the set's rows on their own lines inside that row's span (13, 14).
    for code, name, line in (("1.1", "Kế hoạch CCHC năm", 13), ("1.1.1", "Ban hành kế hoạch CCHC năm", 14)):
        assert rows[code]["name"] == name and FLAG_FROM_SET_ORDER in rows[code]["flags"]
        assert rows[code]["source"]["line_start"] == line
        assert rows[code]["self_points"] is None and "missing_self" in rows[code]["flags"]
    # Their lost figures are told, the rows queued; nothing of them is lost silently.
    told = " ".join(p["reason"] for p in out["unread"])
    assert "points of 1, 1.1, 1.1.1 not read" in told
    queued = {q.get("code") for q in out["review"]}
    assert {"1.1", "1.1.1"} <= queued
    # No more "numbering starts at 1.1.2": the rows before it are read.
    assert "numbering starts at 1.1.2" not in told
    assert "numbering jumps from 1.2.1 to 1.3: 1.2.2 not read" in told and "1.2.2" in queued
