"""A share of an OCR'd annex whose counts belong to a group its parts do not make (issue 14): one
figure of that group was misread, so the share failing on it is no fault of the commune's. Seed
904's d07-i8 printed "5 29", "5.1 29", "5.2 0", "5.3 100" and OCR read the whole "39": 29 + 0 is not
39 and 29/39 is not 100%, one misreading, not two faults; the check said ``mismatch``. It is now
``misread``, its figures queued; a share whose group adds up is still told when it fails (the
planted fault: its counts are confirmed). The dumps are written by the test."""

from pathlib import Path

from annex_dumps import annex_dump_result

# As printed: 5 = 29 = 29 + 0, 5.3 = 29/29 = 100%.
REPORTS = """1 | So cuoc kiem tra CCHC da thuc hien | Cuoc | 4
5 | So phan anh, kien nghi cua ca nhan, to chuc tiep nhan | Phan anh | {whole}
5.1 | So phan anh, kien nghi da xu ly | Phan anh | 29
5.2 | So phan anh, kien nghi dang xu ly | Phan anh | 0
5.3 | Ty le phan anh, kien nghi duoc xu ly | % | {share}
7 | So sang kien, giai phap CCHC duoc cong nhan | Sang kien | 3
"""


def _read(tmp_path: Path, rows: str) -> tuple[dict[str, float | None], set[str], list[dict]]:
    out = annex_dump_result(tmp_path, rows)
    read = out["statistics"][0]["rows"]
    queued = {r["code"] for i, r in enumerate(read) if f"/statistics/0/rows/{i}" in {e["item"] for e in out["review"]}}
    return {r["code"]: r["value"] for r in read}, queued, out["checks"]


def _ratio(checks: list[dict]) -> dict:
    return next(c for c in checks if c["kind"] == "ratio" and c["code"] == "5.3")


def test_a_share_failing_on_a_group_its_counts_do_not_make_is_a_misreading(tmp_path):
    values, queued, checks = _read(tmp_path, REPORTS.format(whole="39", share="100"))
    assert (values["5"], values["5.1"], values["5.2"], values["5.3"]) == (39, 29, 0, 100)
    assert _ratio(checks)["status"] == "misread"
    # the share and the counts it fails on are looked at
    assert {"5", "5.1", "5.3"} <= queued


def test_a_share_failing_beside_a_group_that_adds_up_is_told(tmp_path):
    # the commune's slip: 90% printed for 29/29; 29 + 0 = 29 confirms the counts
    values, queued, checks = _read(tmp_path, REPORTS.format(whole="29", share="90"))
    assert (values["5"], values["5.3"]) == (29, 90)
    assert _ratio(checks)["status"] == "mismatch"
    assert "5.3" in queued
