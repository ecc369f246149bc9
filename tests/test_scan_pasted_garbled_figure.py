"""A score table pasted from a spreadsheet, its fields one a line in one row, read on a scan whose
self point "5,5" came out "5,Ð": the figure cell still holds one line a criterion, so the row is
split into its eight fields, the garbled figure left to the score reader (which tells it unread),
not the whole row taken for words and told unread, 0 of 8 rows read (seed 14131's S20 scan of N31
on 7f36aba1). The lines are Tesseract's reading of that page, cell by cell."""

from __future__ import annotations

from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.pasted_rows import split_pasted_rows

# (the name cell's lines, "|" between them: a name wrapped onto the next line runs on in lower case)
NAMES = (
    "1. Công tác chỉ đạo, điều hành cải cách hành|chính|2. Xây dựng và tổ chức thực hiện văn bản quy|"
    "phạm pháp luật tại tỉnh|3. Cải cách thủ tục hành chính|4. Cải cách tổ chức bộ máy hành chính|"
    "5. Xây dựng và nâng cao chất lượng đội ngũ công|chức, viên chức|6. Cải cách tài chính công|"
    "7. Hiện đại hóa hành chính|8. Tác động của CCHC đến người dân, tổ chức và|phát triển kinh tế xã hội của tỉnh"
).split("|")
MAXIMA = ["10", "10", "14,5", "11", "16", "7", "16", "15,5"]
SELF = ["10", "9,75", "14,5", "11", "16", "5,Ð", "16", "15"]


def test_a_pasted_row_whose_figure_a_scan_garbled_is_still_split():
    lines = [NAMES, MAXIMA, SELF, []]
    row = JoinedRow([" ".join(c) for c in lines], [False] * 4, 1, 0, 0, 0, lines=lines)
    header = [["Tên tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Giải trình"]]
    table = JoinedTable(header, [row], [1], 4, "ocr-lines", 0, 0, 0)
    split = split_pasted_rows(table, {"name": 0, "max": 1, "self": 2, "explanation": 3})
    assert not split.unread
    pieces = split.joined.rows
    # the generator's truth (s20-i2-n31-i2-pasted-codes-in-names.pdf.truth.json): fields 1-8,
    # maxima 10 10 14.5 11 16 7 16 15.5, self points 10 9.75 14.5 11 16 5.5 16 15
    assert [p.cells[0].split(".")[0] for p in pieces] == [str(k) for k in range(1, 9)]
    assert [p.cells[1] for p in pieces] == MAXIMA
    assert [p.cells[2] for p in pieces] == SELF
