"""An annex printing a plan column before the results, both labelled as figures ("Số lượng theo kế
hoạch" / "Số lượng thực hiện"), as a real DOCX and its LibreOffice PDF: the results are the row's
figure and the plan its note. Before, the first column naming "số lượng" was taken for the figures:
every value was the plan's, silently (confidence 0.995), and the ratio rows checked against it."""

import pytest

import cchc_extract
from extract.segment.statistics import column_roles
from layout_docs import CLOSE, decree30_head, plain_docx
from metadata_docs import libreoffice_pdfs

HEAD = decree30_head(
    "XÃ HÒA BÌNH",
    "31/BC-UBND",
    "Hòa Bình, ngày 15 tháng 12 năm 2025",
    "BÁO CÁO",
    "Kết quả công tác cải cách hành chính năm 2025",
)
ROWS = [  # (code, indicator, unit, plan, result)
    ("1", "Số văn bản chỉ đạo, điều hành CCHC đã ban hành", "Văn bản", "12", "10"),
    ("2", "Số hồ sơ TTHC đã giải quyết", "Hồ sơ", "400", "352"),
    ("2.1", "Giải quyết trước hạn và đúng hạn", "Hồ sơ", "", "340"),
    ("2.2", "Giải quyết quá hạn", "Hồ sơ", "", "12"),
    ("2.3", "Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn", "%", "100", "96,59"),
    ("3", "Số cuộc kiểm tra CCHC đã thực hiện", "Cuộc", "4", "3"),
]


@pytest.mark.parametrize(
    "labels, value",
    [
        (["STT", "Nội dung", "ĐVT", "Số lượng theo kế hoạch", "Số lượng thực hiện", "Ghi chú"], 4),
        (["STT", "Nội dung", "ĐVT", "Kế hoạch", "Thực hiện", "Ghi chú"], 4),
        (["STT", "Nội dung", "ĐVT", "Kết quả thực hiện kế hoạch", "Ghi chú"], 3),  # the results of the plan
        (["STT", "Nội dung", "ĐVT", "Số liệu", "Ghi chú"], 3),
    ],
)
def test_the_figures_column_is_the_results_not_the_plan(labels, value):
    assert column_roles(labels)["value"] == value


def test_an_annex_with_a_plan_column_reads_the_results(tmp_path):
    header = ("STT", "Nội dung", "ĐVT", "Số lượng theo kế hoạch", "Số lượng thực hiện", "Ghi chú")
    rows = [header] + [(c, i, u, p, r, "") for c, i, u, p, r in ROWS]
    docx = plain_docx(tmp_path / "plan_column.docx", HEAD + ("Phụ lục 1",), rows, CLOSE + ("Nguyễn Văn An",))
    for path in [docx, *libreoffice_pdfs([docx], tmp_path).values()]:
        data = cchc_extract.convert(path).data
        read = [(r["code"], r["value"]) for a in data["statistics"] for r in a["rows"]]
        assert read == [(c, float(r.replace(",", "."))) for c, _, _, _, r in ROWS], path.suffix
        notes = {r["code"]: r["note"] for a in data["statistics"] for r in a["rows"]}
        assert notes["2"] == "Số lượng theo kế hoạch: 400", path.suffix
        assert not [c for c in data["checks"] if c["status"] == "mismatch"], path.suffix
