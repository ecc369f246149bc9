"""An OCR'd share read over 100% ("92,91" read 8291, its decimal mark lost) whose counts were lost
but one, so no pair is weighed against it: no share is over its whole, so it goes to review on its
own, as it does when a pair is weighed (issue 14: silent errors). Read within 100 it is not queued
as over 100. The dumps are written by the tests."""

from pathlib import Path

from annex_dumps import annex_dump_result

# the share's unit garbled ("Sh" for "%"): the segmenter's own over-100 flag needs the "%"
ROWS = """1 | So van ban chi dao, dieu hanh CCHC da ban hanh | Van ban | 12
2 | So can bo, cong chuc cap xa | Nguoi | 20
2.1 | So can bo, cong chuc dat chuan | Nguoi | 18
2.2 | So can bo, cong chuc chua dat chuan | Nguoi | 2
3 | Tong so ho so TTHC tiep nhan trong ky | Ho so | ee
3.1 | So ho so tiep nhan truc tuyen | Ho so |\x20
3.2 | So ho so tiep nhan truc tiep va qua buu chinh | Ho so | 30
3.3 | Ty le ho so tiep nhan truc tuyen | Sh {share}
4 | So cuoc kiem tra CCHC da thuc hien | Cuoc | 5
"""


def _read(tmp_path: Path, share: str) -> dict:
    return annex_dump_result(tmp_path, ROWS.format(share=share))


def test_a_share_over_100_with_no_pair_to_weigh_goes_to_review(tmp_path):
    out = _read(tmp_path, "8291")
    rows = out["statistics"][0]["rows"]
    assert [(r["code"], r["value"]) for r in rows[4:8]] == [("3", None), ("3.1", None), ("3.2", 30.0), ("3.3", 8291.0)]
    (entry,) = [e for e in out["review"] if e["item"] == "/statistics/0/rows/7"]
    assert entry["value"] == 8291.0
    assert "is over 100" in entry["reason"]


def test_a_share_within_100_is_not_queued_for_it(tmp_path):
    out = _read(tmp_path, "92,91")
    assert out["statistics"][0]["rows"][7]["value"] == 92.91
    # (queued, if at all, for its unit read as no share's, never as a share over 100)
    assert not [e for e in out["review"] if "is over 100" in e["reason"]]
