"""A share OCR read without its decimal mark ("87,1" read 871), chosen back by the counts it is the
ratio of (``cchc_extract.reconcile.share_readings``). The dumps are written by the tests."""

from __future__ import annotations

from annex_dumps import annex_dump_result
from cchc_extract.reconcile.share_readings import lost_mark_readings

ROWS = """1 | So cuoc kiem tra CCHC da thuc hien | Cuoc | 5
2 | Tong so ho so TTHC tiep nhan trong ky | Ho so | 155
2.1 | So ho so tiep nhan truc tuyen | Ho so | 135
2.2 | So ho so tiep nhan truc tiep va qua buu chinh | Ho so | 20
2.3 | Ty le ho so tiep nhan truc tuyen | % | {share}
"""


def test_readings_put_the_mark_back_where_a_share_is_left():
    assert lost_mark_readings("871") == [(8.71, 2), (87.1, 1)]
    assert lost_mark_readings("9835") == [(98.35, 2)]
    assert lost_mark_readings("87,1") == [] and lost_mark_readings("") == []


def test_a_share_over_100_made_by_its_counts_with_its_mark_back_is_repaired(tmp_path):
    out = annex_dump_result(tmp_path, ROWS.format(share="871"))
    rows = {r["code"]: r for r in out["statistics"][0]["rows"]}
    assert rows["2.3"]["value"] == 87.1 and "repaired_value" in rows["2.3"]["flags"]
    assert rows["2.3"]["value_raw"] == "871"
    (check,) = [c for c in out["checks"] if c["kind"] == "ocr_reading"]
    assert check["status"] == "repaired" and check["actual"] == 871
    # still for a person to look at, with the figure as read beside it
    assert any(r["code"] == "2.3" and 871 in r["alternatives"] for r in out["review"])


def test_a_share_no_reading_of_which_its_counts_make_is_left_as_read(tmp_path):
    out = annex_dump_result(tmp_path, ROWS.format(share="905"))
    rows = {r["code"]: r for r in out["statistics"][0]["rows"]}
    assert rows["2.3"]["value"] == 905 and "repaired_value" not in rows["2.3"]["flags"]
