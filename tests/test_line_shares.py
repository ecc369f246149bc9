"""A score table read from lines whose header names a share column ("Tỷ lệ đạt (%)") and no
appraised points (``segment.line_shares``): each row's third figure is its share, never appraised
points (main read "10 6,5 65" as 65 appraised, seven false appraised alarms on this table), and a
share its points do not make is checked (``reconcile.share_of_max``). A TXT written here, read whole."""

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.model import Line
from extract.segment.line_shares import names_share

HEAD = """UỶ BAN NHÂN DÂN XÃ AN BÌNH
BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024

STT Tiêu chí, tiêu chí thành phần Điểm tối đa Điểm tự chấm Tỷ lệ đạt (%)
"""
ROWS = [
    "1 Công tác chỉ đạo, điều hành CCHC 10 6,5 65",
    "1.1 Kế hoạch CCHC năm 5 3,5 70",
    "1.2 Báo cáo CCHC 2 1 50",
    "1.3 Kiểm tra công tác CCHC 3 2 66,7",
    "2 Cải cách thủ tục hành chính 8 7 87,5",
    "2.1 Công khai thủ tục hành chính 4 4 100",
    "2.2 Giải quyết thủ tục hành chính 4 3 75",
    "Tổng cộng 18 13,5 75",
]


def _read(tmp_path: Path, rows: list[str]) -> dict:
    path = tmp_path / "bang-diem.txt"
    path.write_text(HEAD + "\n".join(rows) + "\n", encoding="utf-8")
    return result_to_json(convert_file(path, path.name))


def test_a_header_naming_a_share_is_told():
    assert names_share([Line(text="STT Tiêu chí Điểm tối đa Điểm tự chấm Tỷ lệ đạt (%)", page=1, number=1)])
    assert names_share([Line(text="ST tối đa chấm (%)", page=1, number=1)])  # OCR's wrapped header
    assert not names_share([Line(text="STT Tiêu chí Điểm tối đa Điểm tự chấm Điểm thẩm định", page=1, number=1)])


def test_the_third_figure_is_the_share_not_appraised_points(tmp_path):
    out = _read(tmp_path, ROWS)
    (table,) = out["score_tables"]
    read = [
        (r["code"], r["max_points"], r["self_points"], r["appraised_points"], r["share_percent"]) for r in table["rows"]
    ]
    assert read == [
        ("1", 10.0, 6.5, None, 65.0),
        ("1.1", 5.0, 3.5, None, 70.0),
        ("1.2", 2.0, 1.0, None, 50.0),
        ("1.3", 3.0, 2.0, None, 66.7),
        ("2", 8.0, 7.0, None, 87.5),
        ("2.1", 4.0, 4.0, None, 100.0),
        ("2.2", 4.0, 3.0, None, 75.0),
    ]
    assert [c["message"] for c in out["checks"] if c["status"] != "ok"] == []
    assert out["unread"] == []


def test_a_share_its_points_do_not_make_is_checked(tmp_path):
    wrong = list(ROWS)
    wrong[2] = "1.2 Báo cáo CCHC 2 1 60"  # 1 of 2 is 50 %
    out = _read(tmp_path, wrong)
    (check,) = [c for c in out["checks"] if c["kind"] == "share_of_max"]
    assert (check["code"], check["expected"], check["actual"]) == ("1.2", 50, 60)
    assert [c["kind"] for c in out["checks"] if c["status"] != "ok"] == ["share_of_max"]
