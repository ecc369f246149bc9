"""A statistics annex of a ``--psm 6`` dump whose header OCR lost and whose sub-item codes lost their
dots ("21" for 2.1, "42" for 4.2), the group rows above them garbled past reading (issues 11 and 16).
Read as the numbers they print, the codes go back at every group (22 → 3, 32 → 4, 42 → 5), so the
column was taken for no annex's and the whole form was told unread; read by their sequence, each
dot-lost code takes the reading the column's order gives (21 under nothing is 2.1, then 22 is 2.2
and 3 follows), and every row is read under its own code. The dump is written by the test."""

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.stat_line_order import codes_in_sequence
from extract.segment.stat_lines import StatLineSettings
from test_stat_dumps_in_part import HEAD  # a report, its annex's title and caption, a garbled header line
from test_statistics import _table  # an annex table of the rows' cells, as the line reader cuts them

# The rows as psm 6 prints them: bars here and there, a rule read as a dash; 2, 3.1, 4.1, 6 lost.
ROWS = """— 21 Số phản ánh, kiến nghị đã xử lý — [ Phản ánh | 7
22 |Số phản ánh, kiến nghị đang xử lý | Phản ánh 2 |
— 3 Tổng số hồ sơ TTHC tiếp nhận trong kỳ — [ Hồ sơ | 126
32 |Số hồ sơ tiếp nhận trực tiếp và qua bưu chính | Hồ sơ 31 |
— 4 Tổng số thủ tục hành chính thuộc thẩm quyền giải quyết của UBND xã — [ Thủ tục | 180
42 |Số TTHC cung cấp dịch vụ công trực tuyến một phần | Thủ tục 40 |
— 5 Số nhiệm vụ trong Kế hoạch CCHC năm — [ Nhiệm vụ | 22
61 |Số cán bộ, công chức đạt chuẩn | Người 19 |
— 7 Số sáng kiến, giải pháp CCHC được công nhận — [ Sáng kiến | 3
"""


def test_dot_lost_codes_are_read_by_the_columns_order(tmp_path):
    dump = tmp_path / "annex-vie-psm6.txt"
    dump.write_text(HEAD + ROWS, encoding="utf-8")
    out = result_to_json(convert_file(dump))
    (annex,) = out["statistics"]
    rows = {r["code"]: r for r in annex["rows"]}
    assert list(rows) == ["2.1", "2.2", "3", "3.2", "4", "4.2", "5", "6.1", "7"]
    assert [rows[c]["value"] for c in rows] == [7, 2, 126, 31, 180, 40, 22, 19, 3]
    assert rows["3.2"]["indicator"] == "Số hồ sơ tiếp nhận trực tiếp và qua bưu chính"
    assert rows["6.1"]["unit"] == "Người"
    # The codes read otherwise than printed say so, and the columns inferred from the rows are doubted.
    assert "code_repaired" in rows["4.2"]["flags"] and "code_repaired" not in rows["4"]["flags"]
    assert all("columns_inferred" in r["flags"] for r in rows.values())
    assert not any("none of its rows could be read" in p["reason"] for p in out["unread"])


def test_a_column_runs_in_order_once_its_dot_lost_codes_are_read_as_sub_items():
    settings = StatLineSettings()

    def column(codes: list[str]):
        return _table([[c, "Số hồ sơ tiếp nhận trực tuyến", "Hồ sơ", "12", ""] for c in codes])

    # As numbers 21, 22, 3, 32, 4, 42, 5, 61, 7 go back four times in eight steps: read by their
    # sequence (2.1, 2.2, 3, 3.2, 4, 4.2, 5, 6.1, 7) none does.
    assert codes_in_sequence(column(["21", "22", "3", "32", "4", "42", "5", "61", "7"]), settings)
    # A code printed with its dot is read as printed only ("3.2" is never 32), and numbers that go
    # back whatever their reading are no column: 52 → 3 → 41 → 2 → 12.
    assert codes_in_sequence(column(["2.1", "2.2", "3", "3.2", "4"]), settings)
    assert not codes_in_sequence(column(["52", "3", "41", "2", "12"]), settings)
