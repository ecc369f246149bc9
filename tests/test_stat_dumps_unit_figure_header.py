"""An annex header whose indicator label OCR garbled past reading (issue 11): a sparse-text (psm 11)
`eng` dump prints each label on its own line, "Nội dung" came out "Noi oo", and only "DVT" and "So lieu"
stand. The unit column's own label with the figure's names the form: the annex was told unread whole,
now its rows are read. A sentence's "đơn vị" (a unit of the commune) with its "kết quả" names no form.
The dump is written by the test; its figures are the document's as printed."""

from pathlib import Path

from annex_dumps import ANNEX_DUMP_HEAD
from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.stat_line_header import is_statistics_header

_HEADER = "STT | Noi dung | Don vi tinh | So lieu | Ghi chu\n"
# Cells one per line in the order sparse text finds them: a row's unit or figure may come first.
ROWS = """Noi oo
DVT
So lieu
Luot
23
So cuoc tuyen truyen CCHC
So can bo, cong chuc cap xa
Nguoi
24
20
So can bo, cong chuc dat chuan
Nguoi
So ho so TTHC da giai quyet
Ho so
426
"""


def test_the_unit_and_figure_labels_name_a_form_whose_indicator_label_is_garbled():
    assert is_statistics_header("Noi oo DVT So lieu", garbled=True)
    assert is_statistics_header("Nơi ưu Đơn vị tính Số liệu", garbled=True)
    # a score table's lines: a sentence's unit of the commune and its results are no labels
    assert not is_statistics_header(
        "Cac ket qua phai dat duoc xac dinh ro rang phong, ban, don vi truc thuoc", garbled=True
    )


def test_rows_under_a_header_whose_indicator_label_ocr_garbled_are_read(tmp_path: Path):
    assert ANNEX_DUMP_HEAD.endswith(_HEADER)
    dump = tmp_path / "annex-eng-psm11.txt"
    dump.write_text(ANNEX_DUMP_HEAD[: -len(_HEADER)] + ROWS, encoding="utf-8")
    out = result_to_json(convert_file(dump))
    rows = [r for table in out["statistics"] for r in table["rows"]]
    values = {r["indicator"][:20]: r["value"] for r in rows}
    assert values.get("Số cuộc tuyên truyền") == 23
    assert values.get("Số hồ sơ TTHC đã giả") == 426
    assert not any(u["kind"] == "table" for u in out["unread"])
