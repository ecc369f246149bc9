"""Parent rows a score table must print whose lines OCR did not read, restored from the code tree
(issue 11, rows; issue 16, told): rows 1.1.1 … 1.1.4 read and no row 1.1, the criteria set naming
1.1 over them, give a row 1.1 with the set's name, its cells not read (filled only where the
children's sums determine them, after the checks), flagged, queued whole and told unread; rows 3
and 5 read and no row 4 give a row 4 alike.

The dumps are the text Tesseract gave of two of the corpus generator's scans: seed 651, d03-i1
(English OCR of a four-column table), where the shaded lines of 1.1 and 1.2 left nothing at all;
seed 1001, d04-i3 (seven columns, degraded), where row 4's line came out "aire Chai i ee ee re |"."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.pipeline import PipelineOptions, convert_file, result_to_json, write_json
from cchc_extract.reconcile.derived import FLAG_DERIVED, FLAG_DERIVED_BY_SET
from cchc_extract.reconcile.restored import FLAG_RESTORED
from cchc_extract.restored_rows import RESTORED_REASON, RestoreSettings, restore_lost_parents
from cchc_extract.review.apply import recheck
from cchc_extract.validate import validate_file
from normalize.criteria import load_criteria_sets
from schemas import schema_errors
from schemas.records import ExtractionResult, ScoreRow, ScoreTable, SourceInfo, SourceRef
from test_score_variants import write_docx

DUMP = """UY BAN NHAN DAN XA DONG CONG HOA XA HOI CHU NGHIA VIET NAM
XUAN Doc lap - Ty do - Hanh phiic
S6: 264/BC-UBND Dong Xuan, ngay 19 thang 1 nam 2014
BAO CAO
Tw danh gia, cham diém xac dinh Chi sé cai cach hanh chinh nam 2013
Thuc hién Ké hoach sé 215/KH-UBND ngay 6/4/2013 cia UBND huyén Van An Ha vé
viéc trién khai c6ng tac cai cach hanh chinh nam 2013; UBND xa Dong Xuan bao cao két
qua ty danh gia, cham diém nhv sau:
TT N@i dung danh gia Diém Diém
tdida UBND
xa ty
: cham
| 1. | CONGTAC CHIDAO, DIEUHANHCCHC | 0 | 7
Ban hanh ké hoach CCHC nam f 1 | o |
1.1.2 | X4c dinh day du cdc nhiém vu CCHC trén cac linh vurc theo ké 1 0,5
hoach nam cia UBND tinh va bé tri kinh phi thuc hién
1.1.3 | Cac két qua phai dat duoc xdc dinh ré rang, cu thé va dinh ré trach 1 0,5
nhiém trién khai cia phong, ban, don vi trurc thuéc
Mite dé thurc hién ké hoach CCHC
1.2.1 | Tat ca bao céo dugc gtti ding théi gian quy dinh (bao cdo qui I, qui 1 1
III, bao cdo 6 thang va bdo cao nam)
TAt ca bdo cdo c6 day di ndi dung theo huéng dan
ong eg 0
Noi nhgn: TM. UY BAN NHAN DAN
- UBND huyén Van An Ha (b/c); CHU TICH
- Chi tich, cdc PCT UBND xa; °
- Luu: VT, VP.
Tw Hitu Nam
"""


FIELDS_DUMP = """| UBND XAVANCHAU ~ CONGHOA XA HOI CHU NGHIA VIET NAM :
manne Doc lap - Ty do- Hanh phic oo oo
S6: 69/BC-UBND Van Chdu, ngay 28 thdng 12 nam 2024 ~ oo :
: . oo. BAO CAO : a :
- _ Tw danh gia, cham diém xac dinh Chi sé cai cach hanh chinh nam 2024. ee e
Thu hién Ké hoach s6 161/KH-UBND ngay 3/4/2024 ctia UBND huyén Lam Thanh vé viéc trién khai céng tac cai cdch hanh chinh nim —
2024; UBND xa Van Chau bao cao két qua ty danh gia, cham diém nhu sau: oo
: ; Te os BS Diém —
ari Linh vwe, teu chi : Tai ligu kiém ching heme | en an : :
ne ae diém cham nk :
1 Cong tac chi dao, diéu hanh cai cach hanh chinh Quyét dinh s6 300/QD-UBND ngay 10 a aoe ; :
a 3 08/08/2024 ae :
>. Xay dung va to chic thyc hién van ban any pham Ban hanh cham so véi quy dinh 10 9,75 9,75
phap luat tai tinh oS
ae Cai cach tha tuc hanh chinh— Bao cao s6 163/BC-UBND ngay ae
- : : 2/10/2024 coe ee ie
aire Chai i ee ee re |
5 Xay dung va nang cao chat lugng di ngii cong chic, _| Ké hoach so 146/KH-UBND ngay | . 16 148 4s 2
: vien chic 10/12/2024 - . a ee a
Cai cach tai chinh céng | Bao cdo s6 305/BC-UBND ngay a 7 7
: | 13/12/2024 io co :
: Noi nhan: : : TM. UY BAN NHAN DAN oo
. . = UBND huyén Lam Thanh (b/c); —e CHU TICH
- Chi tich, céc PCT UBND xa; : oe : 2 : :
; y ich, cac xa | S (Da ky)
- Luu: VT, VP. S ee
a Tang Quang Thang a
"""  # noqa: E501 (the dump as OCR wrote it)


def _convert(tmp_path: Path, on: bool = True, dump: str = DUMP):
    path = tmp_path / "dump.txt"
    path.write_text(dump, encoding="utf-8")
    result = convert_file(path, options=PipelineOptions(restore=RestoreSettings(on=on)))
    assert result.errors == [] and schema_errors(result_to_json(result)) == []
    return result, result.score_tables[0].rows


def test_the_parents_whose_lines_ocr_lost_are_restored_with_the_sets_names(tmp_path):
    result, rows = _convert(tmp_path)
    # As printed (the truth of the scan): 1, 1.1, its four rows, 1.2, its two rows (1.3 lost whole).
    assert [r.code for r in rows] == ["1", "1.1", "1.1.1", "1.1.2", "1.1.3", "1.1.4", "1.2", "1.2.1", "1.2.2"]
    restored = {r.code: r for r in rows if FLAG_RESTORED in r.flags}
    assert set(restored) == {"1.1", "1.2"}
    assert (restored["1.1"].name, restored["1.2"].name) == ("Kế hoạch CCHC năm", "Báo cáo CCHC")
    for row in restored.values():
        # Nothing of it was read: no raw text, no line of its own; its children hang under it.
        assert row.name_raw == "" and row.max_points_raw is None and row.self_points_raw is None
        assert row.parent == "1" and row.level == 2
        assert {r.parent for r in rows if r.code.startswith(f"{row.code}.")} == {row.code}
    # Its maxima are its children's added up (1+1+1+2 = 5 and 1+1 = 2, the printed 5 and 2), after
    # the checks; 1.1's self score is not (1.1.4's was lost), and stays blank.
    assert restored["1.1"].max_points == 5.0 and f"{FLAG_DERIVED}max_points" in restored["1.1"].flags
    assert restored["1.2"].max_points == 2.0
    assert restored["1.1"].self_points is None and "missing_self" in restored["1.1"].flags


def test_a_restored_row_is_queued_whole_and_told_unread(tmp_path):
    result, rows = _convert(tmp_path)
    for code in ("1.1", "1.2"):
        at = next(i for i, r in enumerate(rows) if r.code == code)
        entries = [e for e in result.review if e.item == f"/score_tables/0/rows/{at}" and e.field is None]
        assert len(entries) == 1 and RESTORED_REASON in entries[0].reason
    told = [p.reason for p in result.unread]
    assert "row 1.1 not read (its sub-criteria 1.1.1, 1.1.2, 1.1.3, 1.1.4 were)" in told
    assert "row 1.2 not read (its sub-criteria 1.2.1, 1.2.2 were)" in told


def test_restored_rows_are_no_witness_to_the_checks(tmp_path):
    """The checks are those of the table as read, each pointing at its row in the whole table; an
    output read back (validate, an applied review) checks to the same."""
    result, rows = _convert(tmp_path)
    plain, plain_rows = _convert(tmp_path, on=False)

    def said(res, table_rows):
        return sorted((c.kind, c.code, c.field, c.status, c.expected, c.actual) for c in res.checks)

    assert said(result, rows) == said(plain, plain_rows)
    for check in result.checks:
        at = check.id.split(":")[1]
        if at.startswith("/score_tables/0/rows/") and check.kind != "lost_parent_sum":
            # (a lost parent's set-based check is said on its first sub-criterion read, under its code)
            assert rows[int(at.rsplit("/", 1)[1])].code == check.code
    for entry in result.review:
        if entry.item.startswith("/score_tables/0/rows/") and entry.code:
            assert rows[int(entry.item.rsplit("/", 1)[1])].code == entry.code
    out = tmp_path / "out.json"
    write_json(result_to_json(result), out)
    assert validate_file(out) == (True, [])


def _set():
    return next(c for c in load_criteria_sets() if c.id == "ca-mau_2013")


def _result(codes: list[str]) -> ExtractionResult:
    crits = _set().by_code()
    rows = [
        ScoreRow(
            code=code,
            parent=code.rpartition(".")[0] or None,
            level=code.count(".") + 1,
            name=crits[code].name if code in crits else "Nội dung khác",
            max_points=crits[code].max_points if code in crits else 1.0,
            source=SourceRef(page=1, line_start=10 + k),
        )
        for k, code in enumerate(codes)
    ]
    return ExtractionResult(source=SourceInfo(path="x.txt"), score_tables=[ScoreTable(rows=rows, read_from="lines")])


def test_no_row_is_restored_under_a_code_a_row_carries_nor_against_the_sets_order():
    cset = _set()
    # 1.2's line read with its name garbled: it carries the code; nothing to restore.
    result = _result(["1", "1.1", "1.1.1", "1.2", "1.2.1", "1.2.2", "1.3"])
    assert restore_lost_parents(result, cset, ocr=True) == []
    assert [r.code for r in result.score_tables[0].rows] == ["1", "1.1", "1.1.1", "1.2", "1.2.1", "1.2.2", "1.3"]
    # 1.2's line read under a wrong code (2.1.4, after 1.2 in the set): the table is not in the set's
    # order there, and a row 1.2 restored would be the same row twice.
    result = _result(["1", "1.1", "1.1.1", "2.1.4", "1.2.1", "1.2.2", "1.3"])
    restore_lost_parents(result, cset, ocr=True)
    assert not any(FLAG_RESTORED in r.flags for r in result.score_tables[0].rows)
    # No set recognised, or a typed document: nothing restored.
    result = _result(["1", "1.1.1", "1.1.2", "1.2.1"])
    restore_lost_parents(result, None, ocr=True)
    restore_lost_parents(result, cset, ocr=False)
    assert [r.code for r in result.score_tables[0].rows] == ["1", "1.1.1", "1.1.2", "1.2.1"]
    # The field 1 is never restored (a table of a field's sub-criteria may stand under the field's
    # caption alone), nor a sub-field above the table's first row read (the table may begin there).
    result = _result(["1.1.1", "1.1.2"])
    assert restore_lost_parents(result, cset, ocr=True) == []
    # Below a row read, the sub-field lost is restored, and told when no part tells it yet.
    result = _result(["1", "1.1", "1.1.1", "1.2.1", "1.2.2"])
    told = restore_lost_parents(result, cset, ocr=True)
    assert [r.code for r in result.score_tables[0].rows] == ["1", "1.1", "1.1.1", "1.2", "1.2.1", "1.2.2"]
    assert [p.reason for p in told] == ["row 1.2 not read (its sub-criteria 1.2.1, 1.2.2 were)"]


def test_a_typed_table_is_read_whole_and_a_parent_it_lacks_is_not_restored(tmp_path):
    """A DOCX of the set's rows without 1.2: typed text prints every row it has."""
    crits = [c for c in _set().rows[:10] if c.code != "1.2"]
    header = ["TT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm"]
    body = [[c.code, c.name, f"{c.max_points:g}", f"{c.max_points:g}"] for c in crits]
    result = convert_file(write_docx(tmp_path / "typed.docx", [{"rows": [header, *body]}]))
    rows = result.score_tables[0].rows
    assert [r.code for r in rows] == [c.code for c in crits]
    assert not any(FLAG_RESTORED in r.flags or f.startswith(FLAG_DERIVED_BY_SET) for r in rows for f in r.flags)


def test_a_review_applied_keeps_a_restored_row_queued_until_a_person_reads_a_figure_of_it(tmp_path):
    from cchc_extract.reconcile.settings import ReconcileSettings
    from cchc_extract.review.apply import Decision, _Doc, _write
    from cchc_extract.review.fields import ApplySettings

    result, rows = _convert(tmp_path)
    at = next(i for i, r in enumerate(rows) if r.code == "1.2")
    data, problems = recheck(result_to_json(result), ReconcileSettings())
    assert problems == []
    entries = [e for e in data["review"] if e["item"] == f"/score_tables/0/rows/{at}" and e["field"] is None]
    assert [RESTORED_REASON in e["reason"] for e in entries] == [True]
    # A person reads 1.2's self score (1,25): the row is read, no longer restored, and checked.
    doc = _Doc(path=tmp_path / "out.json", data=data, sha="")
    row = data["score_tables"][0]["rows"][at]
    _write(
        doc, row, f"/score_tables/0/rows/{at}", "self_points", None, 1.25, Decision("k", "correct"), ApplySettings(), ""
    )
    assert FLAG_RESTORED not in row["flags"]
    data, problems = recheck(data, ReconcileSettings())
    assert problems == [] and any(c["code"] == "1.2" and c["kind"] == "sum_self" for c in data["checks"])


def test_a_row_a_numbering_jump_skips_is_restored_between_the_siblings_read(tmp_path):
    result, rows = _convert(tmp_path, dump=FIELDS_DUMP)
    # As printed: the six fields 1 … 6; row 4's line is garbage, its neighbours' are read.
    assert [r.code for r in rows] == ["1", "2", "3", "4", "5", "6"]
    row = rows[3]
    assert FLAG_RESTORED in row.flags and row.name == "Cải cách tổ chức bộ máy hành chính"
    assert row.parent is None and row.level == 1 and row.name_raw == ""
    # No sum gives its maximum (the top level's total row was not read): the set's 11, after the
    # checks; its scores stay blank.
    assert row.max_points == 11.0 and f"{FLAG_DERIVED_BY_SET}max_points" in row.flags
    assert row.self_points is None and row.appraised_points is None
    assert "numbering jumps from 3 to 5: 4 not read" in [p.reason for p in result.unread]
    assert any(
        e.item == "/score_tables/0/rows/3" and e.field is None and RESTORED_REASON in e.reason for e in result.review
    )


def test_no_row_is_restored_in_a_jump_over_a_row_read_under_another_code():
    cset = _set()
    # 1.1 and 1.3 read, 1.2's line read under a code of its own (2.1.4) between them: not restored.
    result = _result(["1", "1.1", "1.1.1", "2.1.4", "1.3"])
    restore_lost_parents(result, cset, ocr=True)
    assert not any(FLAG_RESTORED in r.flags for r in result.score_tables[0].rows)
    # Only 1.1's own rows between them: 1.2 restored before 1.3, the jump told.
    result = _result(["1", "1.1", "1.1.1", "1.3"])
    told = restore_lost_parents(result, cset, ocr=True)
    assert [r.code for r in result.score_tables[0].rows] == ["1", "1.1", "1.1.1", "1.2", "1.3"]
    assert [p.reason for p in told] == ["numbering jumps from 1.1 to 1.3: 1.2 not read"]
