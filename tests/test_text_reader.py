"""The .txt/.md reader on the seeds' real layouts and on every encoding we accept."""

from pathlib import Path

import pytest

from extract.base import IngestError, ingest
from extract.text_reader import TextReaderSettings, bar_table, decode_text, parse_text

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def _sample(prefix: str) -> Path:
    return next(SAMPLES.glob(prefix + "*.txt"))


def test_seed_002_annexes_are_tab_tables_with_tags_stripped():
    doc = ingest(_sample("002"))
    tables = list(doc.tables())
    assert len(tables) >= 7
    rows = [r for t in tables for r in t.text_rows()]
    # Phụ lục 8 row 2: "Trực tuyến = 0 Phát phiếu = 1 Kết hợp = 2" with value 2... the coded row holds its codes in
    # the unit column; <b>/<i> tags are gone from every cell.
    assert any(r[0] == "7.2." and r[2].startswith("Trực tuyến = 0") for r in rows)
    assert not any("<b>" in c or "</i>" in c for r in rows for c in r)
    # A bold section row keeps its bold flag.
    bold_cells = [c for t in tables for c in t.cells if c.bold]
    assert any(c.text == "Kiểm tra CCHC" for c in bold_cells)


def test_markdown_headings_bold_and_html_lists():
    pages = parse_text("## BÁO CÁO\n\n**Phụ lục 2**\n\n<ul><li>Một</li><li>Hai</li></ul>\nthường\n")
    lines = pages[0].lines
    assert (lines[0].text, lines[0].heading) == ("BÁO CÁO", 2)
    assert (lines[1].text, lines[1].bold) == ("Phụ lục 2", True)
    assert [ln.text for ln in lines[2:4]] == ["- Một", "- Hai"]
    assert lines[4].bold is False


def test_bold_spanning_two_lines():
    lines = parse_text("**TM. ỦY BAN NHÂN DÂN  \nCHỦ TỊCH**\n\nHồ Thanh Nghi\n")[0].lines
    assert [ln.bold for ln in lines] == [True, True, False]


def test_page_breaks_form_feed_and_blank_runs():
    pages = parse_text("trang một\n\fTrang hai\n\n\n\n\nTrang ba\n")
    assert [[ln.text for ln in p.lines] for p in pages] == [["trang một"], ["Trang hai"], ["Trang ba"]]
    assert pages[1].lines[0].number == 2  # line numbers are the file's


def test_seed_003_ocr_dump_pages():
    doc = ingest(_sample("003"))
    assert len(doc.pages) >= 6
    assert doc.pages[0].lines[0].text == "UY BAN NHAN DAN"


def test_pipe_and_html_tables_with_spans():
    md = "| STT | Chỉ tiêu | Số liệu |\n|---|---|---|\n| 1 | Hồ sơ | 281 |\n"
    (table,) = parse_text(md)[0].tables
    assert table.source == "markdown" and table.text_rows() == [["STT", "Chỉ tiêu", "Số liệu"], ["1", "Hồ sơ", "281"]]
    html = (
        "<table><tr><th rowspan=2>STT</th><th colspan=2>Kết quả</th></tr>"
        "<tr><td>Đơn vị</td><td>Số liệu</td></tr><tr><td>1</td><td>Hồ sơ</td><td>5</td></tr></table>"
    )
    (table,) = parse_text(html)[0].tables
    assert (table.n_rows, table.n_cols) == (3, 3)
    grid = table.grid()
    assert grid[1][0].text == "STT" and grid[0][2].text == "Kết quả"
    assert table.text_rows()[1] == ["", "Đơn vị", "Số liệu"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1258"])
def test_encodings(tmp_path, encoding):
    text = "Số: 86/BC-UBND\nNgọc Kỳ, ngày 26 tháng 6 năm 2023\nKế hoạch cải cách hành chính\n"
    path = tmp_path / "doc.txt"
    if encoding == "cp1258":
        # Windows-1258 has ô, ă, ơ... precomposed but stores tone marks as combining characters; the
        # reader recomposes them (NFC).
        data = _cp1258_form(text).encode("cp1258", errors="strict")
    else:
        data = text.encode(encoding)
    path.write_bytes(data)
    doc = ingest(path)
    assert doc.text().splitlines() == text.strip().splitlines()


def _cp1258_form(text: str) -> str:
    import unicodedata

    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(p for p in parts if p not in tones))
        out.append(base + "".join(p for p in parts if p in tones))
    return "".join(out)


def test_unreadable_encoding_and_empty(tmp_path):
    binary = tmp_path / "x.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(IngestError, match="unreadable encoding"):
        ingest(binary)
    empty = tmp_path / "e.txt"
    empty.write_bytes(b"")
    with pytest.raises(IngestError, match="empty file"):
        ingest(empty)
    with pytest.raises(IngestError, match="unreadable encoding"):
        decode_text(b"\x81\x8d\x8f\x90" * 50)


def test_one_line_with_bars_in_an_ocr_dump_is_no_portal_table():
    # Seed 112 d01-i2: a row whose ruling lines OCR read as bars, among lines without; a row further
    # down has bars too, but the line under this one has none: no portal table, the line stays a line.
    text = (
        "l CCHC Ẻ\n"
        "—11 |KehạhCCHCim | 5 | 3 ||\n"
        "111 Ban hành kế hoạch CCHC năm 1 1 Kế hoạch số 232/KH-\n"
        "12 |BáodoCCHO 7 7 | 2 |1 | |\n"
    )
    blocks = parse_text(text)[0].blocks
    assert [b.text for b in blocks][1] == "—11 |KehạhCCHCim | 5 | 3 ||"


# A portal export whose rows mostly wrap: some between two cells (the line ends in a bar with the
# note still to come), some inside the name (the numbers on the next line, after an empty cell or
# after the name's last word). Text written for this test; the layout is the F06 family's.
_WRAPPED_EXPORT = """UBND XÃ AN THẠNH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
Số: 12 /BC-UBND | An Thạnh, ngày 5 tháng 1 năm 2025 |

BÁO CÁO
Tự đánh giá, chấm điểm xác định Chỉ số cải cách hành chính năm 2024

STT | Nội dung đánh giá | Điểm tối đa | Điểm tự đánh giá | Ghi
chú |
1. | Công tác chỉ đạo, điều hành cải cách hành chính | 10 | 8 |
Kế hoạch số 3/KH-UBND |
2. | Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật tại
tỉnh | 10 | 10 | Báo cáo số 15/BC-UBND |
3. | Cải cách thủ tục hành chính | 14,5 | 13 | Ban hành chậm so
với quy định |
4. | Xây dựng và nâng cao chất lượng đội ngũ công chức, viên chức
| 16 | 16 | Đúng thời gian |

Nơi nhận: - UBND huyện Hòa An (b/c); - TT Đảng ủy, HĐND xã
(b/c); - Lưu: VT, VP. | KT. CHỦ TỊCH PHÓ CHỦ TỊCH (Đã ký) Đàm Lộc
|
"""


def test_portal_rows_wrapped_between_cells_keep_every_cell(tmp_path):
    from cchc_extract.pipeline import convert_file

    path = tmp_path / "export.txt"
    path.write_text(_WRAPPED_EXPORT, encoding="utf-8")
    result = convert_file(path)
    rows = {r.code: r for t in result.score_tables for r in t.rows}
    assert [(c, rows[c].max_points, rows[c].self_points) for c in "1234"] == [
        ("1", 10, 8),
        ("2", 10, 10),
        ("3", 14.5, 13),
        ("4", 16, 16),
    ]
    assert rows["1"].explanation == "Kế hoạch số 3/KH-UBND"
    assert rows["2"].name.endswith("pháp luật tại tỉnh") and rows["2"].explanation == "Báo cáo số 15/BC-UBND"
    assert rows["4"].explanation == "Đúng thời gian"
    # The repair would re-mark the typed name (Đàm → Đảm): the signer is read as printed.
    assert result.document.signer == "Đàm Lộc"


# Seed 431 d07-i1 (an eng psm 6 dump of a ruled statistics annex), its body as Tesseract printed it:
# the ruling lines read as bars, and as "[", "]", "~", "_" glued into the words.
_RULED_ANNEX_DUMP = """F 1 | SécujctuyéntruyenCCHCSYSidt S| ST
P 2 | Két qua giai quyétho so thi tychanhchinh |]
P21 | Soho soTTHC dagisiquyé —SSSS*|C so | SOG]
Fa) |Gidiquyétinéchan—SSSCS™~SCO SG |S
Fb) | GidiquyétdinghanSSS~S~S~sSCO S| OT
Fo) |GidiquyétquahanSS~—~—~—CSSC |B
2.2 | Ty Ie ho so gidi quyétmdchanvadinghan «| | S978 |
8 [ahaa mh Memes ciacinkimeehvedep | Pn
nhan
F3.1 [So phan anh, ign nghidixily «| «Phan anh | 15 |
[32 | Sophan anh, kiénnghidangxifly ——~i|<~Phananh ‘| 1 |
P33 | Ty le phan anh, kién nghiduocxitySS«dSSYSCTS OT
| 4 |Socanbé,cingechitecipxi—SSS*;S=CWNguoh_—Ss| |
P41 | Sécinb9, cong chic dat chuan————SSSS*|SCN@_| S|
[42 [Sécanb9, cng chitc chwadatchudn——~—~S~s:SC‘N SYST
"""


def test_ruled_table_dump_with_ocr_specks_is_no_portal_table():
    # Its bars alone pass for an export's whenever the numbering column is read clean; the specks
    # in its cells still tell a scan's ruling lines (the code-column guard switched off here).
    lines = _RULED_ANNEX_DUMP.split("\n")
    no_code_guard = TextReaderSettings(bar_table_min_code_share=0.0)
    assert bar_table(lines, 0, TextReaderSettings(bar_table_min_code_share=0.0, bar_table_max_speck_share=1.0))
    assert all(bar_table(lines, i, no_code_guard) is None for i in range(len(lines)))
    # A typed export has no such marks: the same guards keep it a table.
    export = _WRAPPED_EXPORT.split("\n")
    start = next(i for i, line in enumerate(export) if line.startswith("STT |"))
    found = bar_table(export, start, no_code_guard)
    assert found is not None and len(found[0]) == 5


# Seed 432 d07-i6 (a vie psm 6 dump of a ruled statistics annex, degraded): rows 4.1 and 4.2 came
# out barred like an export's, their ruling lines read as dash runs beside the figures.
_DASHED_ANNEX_DUMP = """| 3.1 | Số phản ánh, kiến nghị đã xửi, | phnánh | 3 | — 7 :
_ | 3.2. | Số phản ánh, kiến nghị đang xửlý —^————Í Phmẩm | 1 ƑT— —
| 33 | Tỷ lệ phản ánh, kiến nghị được xử | „œ JỊ g j
Ã. 1 | Cuh9 công 7c 5 7. NgU |. ĐC |... |
| 41 |S6cánbộ,công chứcđạchuẩn TT Ngư | 16 —ƑT————|
| 42 | Sõcánbộ, công chứcchưadạchẩn — ? Ngưụi | T4 | —— |
.. ẽ..... b5 7575 ÃI...(.(ẽ..aa((. .
"""


def test_ruled_rows_whose_rules_read_as_dash_runs_are_no_portal_table():
    blocks = parse_text(_DASHED_ANNEX_DUMP)[0].blocks
    assert not [b for b in blocks if getattr(b, "source", None) == "portal"]
    assert any("S6cánbộ" in getattr(b, "text", "") for b in blocks)  # the row stays a line


# A narrow portal export (wrapped at 60 characters): the header and every row but none of them fit
# on one line, so no row shows its column count by itself, and one wrapped line starts with a
# number (row 1's self points going on after "10 |") as a row's code would. The stated self total
# (39) disagrees with the rows (38). Text written for this test; the layout is the F06 family's.
_NARROW_EXPORT = """BÁO CÁO
Tự đánh giá, chấm điểm xác định Chỉ số cải cách hành chính năm 2024

TT | Nội dung đánh giá | Thang điểm | Điểm tự đánh giá | Giải
trình |
1. | Công tác chỉ đạo, điều hành cải cách hành chính | 10 |
10 | Công văn số 15/CV-VP ngày 15/10/2024 |
2. | Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật
tại tỉnh | 10 | 9 |  |
3. | Cải cách thủ tục hành chính | 14,5 | 14,5 | Không phát
sinh |
4. | Cải cách tổ chức bộ máy hành chính | 11 | 4,5 | Báo cáo
số 281/BC-UBND ngày 21/12/2024 |
 | Tổng số điểm | 45,5 | 39 |  |

Nơi nhận: - UBND huyện (b/c); - Lưu: VT.
"""


def test_narrow_portal_export_whose_rows_all_wrap_keeps_every_row(tmp_path):
    start = _NARROW_EXPORT.split("\n").index("TT | Nội dung đánh giá | Thang điểm | Điểm tự đánh giá | Giải")
    found = bar_table(_NARROW_EXPORT.split("\n"), start)
    assert found is not None
    rows, end = found
    assert [row[0] for row in rows] == ["TT", "1.", "2.", "3.", "4.", ""]
    assert rows[0][4] == "Giải trình" and rows[1][2:] == ["10", "10", "Công văn số 15/CV-VP ngày 15/10/2024"]
    assert _NARROW_EXPORT.split("\n")[end] == ""  # the table ends at the blank line, the text under it stays text

    from cchc_extract.pipeline import convert_file

    path = tmp_path / "narrow.txt"
    path.write_text(_NARROW_EXPORT, encoding="utf-8")
    result = convert_file(path)
    rows_read = {r.code: (r.max_points, r.self_points) for t in result.score_tables for r in t.rows}
    assert rows_read == {"1": (10, 10), "2": (10, 9), "3": (14.5, 14.5), "4": (11, 4.5)}
    # The stated self total is 39, the rows add up to 38: the disagreement is reported.
    mismatches = [c for c in result.checks if c.status == "mismatch"]
    assert [(c.kind, c.field) for c in mismatches] == [("stated_total", "self_points")]
    assert "add up to 38, the total row states 39" in mismatches[0].message


def test_lines_with_a_stray_bar_or_two_are_no_portal_table():
    # Numbered paragraphs quoting a bar or two: no count splits them into rows closing on a bar.
    text = [
        "1. | Kế hoạch số 3/KH-UBND | đã ban hành",
        "2. Báo cáo | gửi đúng hạn |",
        "3. | Công văn",
        "số 15/CV-VP | ngày 15/10/2024",
    ]
    assert all(bar_table(text, i) is None for i in range(len(text)))
