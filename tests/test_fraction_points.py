"""A score table whose points are written as fractions in one column ("9/10" under "Điểm đạt/Điểm
tối đa"), as a real DOCX and the PDF LibreOffice prints of it: every row read with its maximum and
its score, the total read, a score over its maximum still the commune's fault. Before, the column
was taken for the maximum alone, no cell read as a figure, and the table went to ``unread``."""

from pathlib import Path

import pytest

import cchc_extract
from layout_docs import CLOSE, SCORE_REPORT_HEAD, plain_docx
from metadata_docs import libreoffice_pdfs

ROWS = [
    ("1", "Công tác chỉ đạo, điều hành cải cách hành chính", "9/10", ""),
    ("1.1", "Kế hoạch cải cách hành chính năm", "4/4", "Kế hoạch số 12/KH-UBND"),
    ("1.2", "Báo cáo cải cách hành chính", "2/3", "Chậm 01 báo cáo"),
    ("1.3", "Kiểm tra công tác cải cách hành chính", "3/3", ""),
    ("2", "Cải cách thủ tục hành chính", "11,5/12", ""),
    ("2.1", "Công khai thủ tục hành chính", "6/6", ""),
    ("2.2", "Giải quyết hồ sơ đúng hạn", "5,5/6", "Trễ hạn 2 hồ sơ"),
    ("", "Tổng cộng", "20,5/22", ""),
]
EXPECTED = [
    ("1", 10.0, 9.0),
    ("1.1", 4.0, 4.0),
    ("1.2", 3.0, 2.0),
    ("1.3", 3.0, 3.0),
    ("2", 12.0, 11.5),
    ("2.1", 6.0, 6.0),
    ("2.2", 6.0, 5.5),
]


def _docx(path: Path, rows, label: str = "Điểm đạt/Điểm tối đa") -> Path:
    return plain_docx(
        path, SCORE_REPORT_HEAD, [("STT", "Tiêu chí", label, "Giải trình"), *rows], CLOSE + ("Nguyễn Văn An",)
    )


def _read(result) -> list[tuple]:
    return [(r["code"], r["max_points"], r["self_points"]) for t in result.data["score_tables"] for r in t["rows"]]


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("fractions")
    docx = _docx(out / "fractions.docx", ROWS)
    pdfs = libreoffice_pdfs([docx], out)
    return {"docx": docx, **({"pdf": pdfs[docx]} if docx in pdfs else {})}


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_fraction_points_are_read_as_score_and_maximum(files, fmt):
    if fmt not in files:
        pytest.fail("LibreOffice printed no PDF")
    result = cchc_extract.convert(files[fmt])
    assert _read(result) == EXPECTED
    table = result.data["score_tables"][0]
    assert (table["stated_total_max"], table["stated_total_self"]) == (22.0, 20.5)
    assert not result.data["unread"]
    assert not result.mismatches


def test_maximum_first_and_an_over_score_flagged(tmp_path):
    rows = [(c, n, "/".join(reversed(p.split("/"))) if p else p, e) for c, n, p, e in ROWS]
    rows[2] = ("1.2", "Báo cáo cải cách hành chính", "3/4", "Chậm 01 báo cáo")  # 4 of 3: over its maximum
    result = cchc_extract.convert(_docx(tmp_path / "max_first.docx", rows, "Điểm tối đa/Điểm tự chấm"))
    read = _read(result)
    assert read[2] == ("1.2", 3.0, 4.0)
    assert read[:2] == EXPECTED[:2] and read[3:] == EXPECTED[3:]
    assert any(c["code"] == "1.2" and c["status"] == "mismatch" for c in result.data["checks"])


def test_a_blank_score_printed_as_a_dash_keeps_its_maximum(tmp_path):
    """ "14,5/-" (the maximum first) and "-/3": a score not given yet, as tables print a blank cell.
    Before, such cells were no fractions, too few were left, and the table went to ``unread``."""
    rows = [
        ("1", "Công tác chỉ đạo, điều hành cải cách hành chính", "10/9", ""),
        ("2", "Xây dựng và tổ chức thực hiện văn bản", "10/9,5", ""),
        ("3", "Cải cách thủ tục hành chính", "14,5/-", "Chấm sau khi có kết quả khảo sát"),
        ("", "Tổng cộng", "34,5/-", ""),
    ]
    docx = _docx(tmp_path / "blank.docx", rows, "Điểm tối đa/Điểm tự chấm")
    for path in [docx, *libreoffice_pdfs([docx], tmp_path).values()]:
        result = cchc_extract.convert(path)
        assert _read(result) == [("1", 10.0, 9.0), ("2", 10.0, 9.5), ("3", 14.5, None)], path.suffix
        assert result.data["score_tables"][0]["stated_total_max"] == 34.5
        assert not result.data["unread"], path.suffix
