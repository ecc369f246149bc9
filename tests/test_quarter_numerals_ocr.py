"""A quarter's column whose numeral OCR garbled ("Quý Hị", "Quý 1H": II read as H) is a period's
column, never points: in a scanned annex "Quý Hị" came close enough to "điểm quy định" (a maximum's
label) for the score reader to take the annex for a score table, its quarter's figures for maxima."""

from extract.segment.score_tables import map_columns
from extract.segment.stat_period_parts import names_period_only

# An annex's header as Tesseract read a scanned page (two header rows joined per column).
SCANNED = ["ST", "Nội dung chỉ tiêu", "ĐVT", "Kết quả thực hiện Quý I", "Quý Hị", "Quý 1H", "Quý IV"]
SCANNED += ["Cả năm", "Cùng kỳ năm trước", "So với cùng kỳ (%)"]


def test_garbled_quarter_numerals_name_a_period():
    assert all(names_period_only(label) for label in ("Quý Hị", "Quý 1H", "Quý lI", "Quý II", "Quý IV"))
    assert not names_period_only("Quy hoạch")  # a word that opens like "quý h…" is no quarter
    assert not names_period_only("Điểm quy định")


def test_a_scanned_annex_header_is_no_score_table():
    assert map_columns(SCANNED) is None
    # a score table's header still is one
    assert map_columns(["STT", "Nội dung", "Điểm quy định", "Điểm tự chấm"]) is not None
