"""A statistics annex of an OCR dump where one row came out as specks, its indicator's wrapped
words readable under them (issue 11): "[3 | Công khai thủ tục hành chính" / "yee UND mavens | Te"
(the row 3.1 "Tổng số thủ tục hành chính thuộc thẩm quyền giải" smeared) / "quyét cua UBND xa"
(the end of 3.1's indicator). The wrapped words are the smeared row's, not the row above's: a row's
wrap comes right under it. They were joined to row 3, whose name then matched nothing the page
prints. The dumps are written by the tests."""

from pathlib import Path

from annex_dumps import ANNEX_DUMP_HEAD
from cchc_extract.pipeline import convert_file, result_to_json

HEAD = (
    ANNEX_DUMP_HEAD
    + """[1 _| Sésang kin, giai phap CCHC dugecéngnhan | Sangkien | 2 |
P21 [So phan anh, kiénnghidaxily ————————*i| «Phan (| 38
F 22 | Séphan anh, kiénnghidangxitly ———~—~—~—~i|~Phandnh ‘| 4
[3 | Céngkhaithitychanhchinh —|STCdTS
"""
)
SMEARED = "yee UND mavens | Te\n"
TAIL = """quyét cua UBND xa
a) | SOTTHC cung cép dich vu cong trye twyéntoantinh | Thitwe | 77 |
fb) | SOTTHC cung cap dich vu céng try tuyén mot phan | Thitue | 57 |
[4 | Tong soho so TTHC tgp nhantrongky «| Hoso | 6
42 | Soho sotigp nhan try tiép vaquabuuchinh ——«|_—<Hoso | 4 |
"""


def _rows(tmp_path: Path, text: str) -> dict[str, dict]:
    dump = tmp_path / "annex-eng-psm6.txt"
    dump.write_text(text, encoding="utf-8")
    (annex,) = result_to_json(convert_file(dump))["statistics"]
    return {r["code"]: r for r in annex["rows"]}


def test_words_wrapped_under_a_smeared_row_are_not_the_row_above(tmp_path):
    rows = _rows(tmp_path, HEAD + SMEARED + TAIL)
    assert rows["3"]["indicator"] == "Céngkhaithitychanhchinh STCdTS"
    assert rows["3"]["value"] is None
    # The row's lines still reach over the smeared row and its words (lines 14-16), so they are
    # where a reader looks for what the annex did not read.
    assert (rows["3"]["source"]["line_start"], rows["3"]["source"]["line_end"]) == (14, 16)
    assert rows["4"]["value"] == 6 and rows["2.2"]["value"] == 4


def test_words_wrapped_right_under_a_row_are_its_own(tmp_path):
    rows = _rows(tmp_path, HEAD + TAIL)  # no specks between: "quyết của UBND xã" is row 3's wrap
    assert rows["3"]["indicator"] == "Céngkhaithitychanhchinh STCdTS quyết của UBND xã"


def test_a_smeared_row_left_as_a_few_stray_letters_is_still_a_smeared_row(tmp_path):
    # OCR left two letters of the smeared row 3.1 ("ea", too few for the trigram test of specks):
    # they are no word the annex forms print, so the wrapped words under them are 3.1's, not 3's.
    for stray in ("ea\n", "ee\n\n", "a\n\n"):
        text = HEAD + stray + TAIL
        rows = _rows(tmp_path, text)
        assert rows["3"]["indicator"] == "Céngkhaithitychanhchinh STCdTS", stray
        # Row 3's lines reach over the stray letters and the wrapped words, which are told with it.
        wrap_line = text.splitlines().index("quyét cua UBND xa") + 1
        assert (rows["3"]["source"]["line_start"], rows["3"]["source"]["line_end"]) == (14, wrap_line), stray
        assert rows["3.1.a"]["value"] == 77 and rows["4"]["value"] == 6


def test_a_short_wrapped_word_the_forms_print_is_the_row_above(tmp_path):
    # "xã" is as short as "ea", but it is a word of the forms' indicators: wrapped from row 3.
    rows = _rows(tmp_path, HEAD + "xã\n" + TAIL.split("\n", 1)[1])
    assert rows["3"]["indicator"] == "Céngkhaithitychanhchinh STCdTS xã"


def test_the_smeared_row_above_items_read_is_told_by_the_numbering(tmp_path):
    # Items a) and b) are read under 3.1, which no row read carries: the form printed 3.1 (the
    # smeared line and its wrapped words), so it is told, not silently left out.
    dump = tmp_path / "annex-eng-psm6.txt"
    dump.write_text(HEAD + "ea\n" + TAIL, encoding="utf-8")
    out = result_to_json(convert_file(dump))
    (annex,) = out["statistics"]
    assert [r["code"] for r in annex["rows"]][3:6] == ["3", "3.1.a", "3.1.b"]
    told = [p for p in out["unread"] if p["kind"] == "rows" and "3.1 printed" in p["reason"]]
    assert len(told) == 1 and told[0]["reason"].endswith("under 3: 3.1 printed before it not read")
