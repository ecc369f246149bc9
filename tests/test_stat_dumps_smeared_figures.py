"""A statistics annex of a ``--psm 6`` dump (``eng``, 200 dpi) whose figure column OCR smeared into
specks ("Cute ||", "SSSCSC~*@d"): only two rows give a figure, fewer than a table needs, so the
whole form was told unread though its code column prints in order (1, 21, 22, 23, 3, a), b) … 3.2,
4, 41 … 5). It is read in part (issues 11 and 16): the rows whose code the column reads as printed,
with annex-form words, under their codes, every lost figure told, the other lines told. The
items a) … c) stand right under 3, their parent 3.1's line smeared whole: the sibling 3.2 printed
after them says they are 3.1's, so 3.2 is read as printed, not re-read past them as 3.4. The dump
is written by the test (Tesseract's text of a generated annex, as it printed it)."""

from pathlib import Path

from annex_dumps import ANNEX_DUMP_HEAD
from cchc_extract.pipeline import convert_file, result_to_json
from normalize.code_repair import repair_codes
from normalize.codes import format_codes

# The report's head to the form's title, then the rows as OCR read them with the header lost. As
# printed: 1 = 2; 2 = 31 = 27 + 4 (2.2 prints "4"); 2.3 = 87.1 %; heading 3; 3.1 = 489 = 292 +
# 178 + 19; 3.2 = 96.11 %; 4 = 18 = 15 + 3; 4.3 = 73.33 %; 5 = 14 (printed "14").
HEAD = "\n".join(ANNEX_DUMP_HEAD.splitlines()[:7]) + "\n"
ROWS = """BIEU THONG KE SO LIEU CONG TAC CAI CACH HANH CHiNH 6 THANG
DAU NAM 2024
(Kém theo Bao cdo sé 48/BC-UBND ngay 04/02/2025 cua UBND xa Hai Dong)
1 [SéeuekiémtaCCHC dathychign Cute ||
= [ggrmeencmnmacse [ree [|
nhan
21 [S6 phan anh, kigunghidaxtly———~—~S~S~SCSéP | |SSSCSC~*@d
22 [Sophan anh, kién nghidang xy) —<Phandnh | 4 |
23 [Ty léphan anh, kién nghiduscxily SST C|CS
3 | Két qua giai quyét ho so thi tychanhchinh | SSC SCCSCSC~*Y
“Bi [Sono soTTHCdagiaiquye ——SSCS~sSC~<‘i SSB
a) [Gisiquyéuuschan —SSSSCiO ||
—b) |GiaiquyétdinghanSSSCS~C~—~SSCSO S| BTC
oO |Giaiquyétquahan——S~—~S~SCSCSCSCCSSSC‘iROSPSCTSSSC~*Y
3.2 [Ty leh so gidi quy@tuudchanvadinghan SS % ||
4 [Socanbé,congchiccipxa SCN] BTC
41 | Sécénbd, cong chic dat chun SCN] S|
42 [So cin b9, cong chitechwa datchuan————S~SC~«SN ESC
43 [Tylecin bd, cong chitcdatchuin HCC
5 _| Svan ban chi dgo, digu hank CCHC dibanhanh_| Vinbin | 14 | ——_—i|
"""


def _result(tmp_path: Path) -> dict:
    dump = tmp_path / "annex-eng-psm6.txt"
    dump.write_text(HEAD + ROWS, encoding="utf-8")
    return result_to_json(convert_file(dump))


def test_an_annex_whose_figures_ocr_smeared_is_read_by_its_code_column(tmp_path: Path) -> None:
    result = _result(tmp_path)
    (annex,) = result["statistics"]
    rows = {r["code"]: r for r in annex["rows"]}
    # Read in part: rows whose line prints its code in the column's order and annex-form words,
    # each under the code it prints (2.1 printed "21"; c) as the item after b)), none made up.
    truth = {"1", "2", "2.1", "2.2", "2.3", "3", "3.1", "3.1.a", "3.1.b", "3.1.c", "3.2", "4", "4.1", "4.2", "4.3", "5"}
    assert set(rows) <= truth
    assert {"2.1", "2.2", "2.3", "3.2", "4.1", "4.2", "4.3"} <= set(rows)
    assert "quahan" in rows["3.1.c"]["indicator"]  # "Giải quyết quá hạn", the third item
    # The figure the text prints on a kept row, read; no other figure made up.
    assert {c: r["value"] for c, r in rows.items() if r["value"] is not None} == {"2.2": 4}
    # Every other kept row's figure told lost (flagged, in the unread part), but the heading's own
    # blank ("Kết quả giải quyết …"); the lines no kept row reads are told too.
    lost = [c for c, r in rows.items() if "missing_value" in r["flags"]]
    assert lost == [c for c in rows if c not in ("2.2", "3")]
    assert all(r["confidence"] <= 0.7 for r in rows.values())
    (told,) = [u for u in result["unread"] if u["reason"].startswith(f"the figure of {len(lost)} row(s)")]
    assert "3.2" in told["reason"] and "3.4" not in told["reason"]
    assert [u for u in result["unread"] if "gave no row" in u["reason"]]


def test_items_under_a_lost_first_child_leave_the_sibling_after_them_as_printed() -> None:
    tokens = ["1", "21", "22", "23", "3", "a)", "b)", None, "3.2", "4"]
    choices = repair_codes(tokens)
    assert [c.repaired for c in choices] == [False] * len(tokens)
    assert format_codes([c.code for c in choices])[4:] == ["3", "3.1.a", "3.1.b", "3.1.c", "3.2", "4"]
    # Items right under a top-level row with no sibling printed after them stay its own items.
    assert format_codes([c.code for c in repair_codes(["2", "a)", "b)", "c)", "3"])]) == ["2", "2.a", "2.b", "2.c", "3"]
