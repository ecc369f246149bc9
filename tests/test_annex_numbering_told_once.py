"""An annex row its numbering says lost (2.1 not read, 2.2 the first read under 2) is told at the row
read right after it (``stat_numbering.lost_rows``). When the queue already asks about that row's
figure, a person looking at it reads the lines right above it, where the lost row stands: the
numbering's part is told on that entry, not asked again (issue 14: review load). Where the row's
figure is sure, the part keeps its own entry. The dumps are written by the tests."""

from pathlib import Path

from annex_dumps import ANNEX_DUMP_HEAD
from cchc_extract.pipeline import convert_file, result_to_json

ROWS = """1 | So cuoc kiem tra CCHC da thuc hien | Cuoc | 5
2 | So nhiem vu trong Ke hoach CCHC nam | Nhiem vu | 40
2.2 | So nhiem vu chua hoan thanh | Nhiem vu | {figure}
3 | Tong so thu tuc hanh chinh thuoc tham quyen giai quyet cua UBND xa | Thu tuc | 97
3.1 | So TTHC cung cap dich vu cong truc tuyen toan trinh | Thu tuc | 55
3.2 | So TTHC cung cap dich vu cong truc tuyen mot phan | Thu tuc | 41
3.3 | So TTHC chi cung cap thong tin | Thu tuc | 1
4 | So van ban chi dao, dieu hanh CCHC da ban hanh | Van ban | 23
"""


def _read(tmp_path: Path, figure: str) -> dict:
    dump = tmp_path / "annex-eng-psm3.txt"
    dump.write_text(ANNEX_DUMP_HEAD + ROWS.format(figure=figure), encoding="utf-8")
    return result_to_json(convert_file(dump))


def _numbering(out: dict) -> list[dict]:
    return [u for u in out["unread"] if u["reason"].startswith("numbering of the statistics annex")]


def test_a_lost_row_the_numbering_tells_is_asked_on_the_queued_row_below_it(tmp_path):
    out = _read(tmp_path, "")  # 2.2 lost its figure too: its value is queued
    rows = out["statistics"][0]["rows"]
    assert [r["code"] for r in rows] == ["1", "2", "2.2", "3", "3.1", "3.2", "3.3", "4"]
    (part,) = _numbering(out)
    assert "starts at 2.2 under 2: 2.1 printed before it not read" in part["reason"]
    (entry,) = [e for e in out["review"] if e["item"] == "/statistics/0/rows/2"]
    assert entry["field"] == "value" and entry["value"] is None
    assert f"not read: {part['reason']}" in entry["reason"].split("\n")
    assert not [e for e in out["review"] if e["item"].startswith("/unread/")]


def test_the_part_keeps_its_entry_where_the_row_below_it_is_not_queued(tmp_path):
    out = _read(tmp_path, "5")
    (part,) = _numbering(out)
    assert not [e for e in out["review"] if e["item"] == "/statistics/0/rows/2"]
    (entry,) = [e for e in out["review"] if e["item"].startswith("/unread/")]
    assert entry["reason"] == f"not read: {part['reason']}"
