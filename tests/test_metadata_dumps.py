"""Metadata of real OCR text dumps (tools/make_corpus.py, instances of seeds 0, 3, 7, 11, 71, 128, 311 and 353,
copied with the document part of their truth into tests/data/dumps_meta): each names the fields
the letterhead, title and signature readers must get right on it despite the OCR damage, and the
fields that cannot be read and must stay empty rather than wrong."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.base import ingest
from extract.metadata import extract_metadata, read_metadata
from normalize.vietnamese import repair_document

DUMPS = Path(__file__).parent / "data" / "dumps_meta"

# dump → the truth fields read right, with what in the dump makes each hard.
RIGHT = {
    # "S6é: 132/BC-UBND"; the body opens "Thu hién Ké hoach …" right under the title; the issuer
    # column is cut by the motto's lines ("UY BAN NHAN DAN" / motto / "XA TAN HOP").
    "s11-d02-i1-ruled-top-eng-150dpi": ("number", "date", "commune", "title"),
    # The kind word read "BAOCAO"; the title's second line starts with a speck ("s nam 2013 …").
    "s11-d01-i3-ruled-center-eng-150dpi-degraded": ("number", "date", "title"),
    # The signer's name printed on the recipients' last line ("- Lưu: VT, VP. Lê Đức Thắng").
    "s11-d03-i2-unruled-top-vie-200dpi": ("number", "date", "commune", "signer", "title"),
    # '" §6: 156/BC-UBND Yén Minh, ngay 5 thdng 12 nam 2014' on one line, the title under it.
    "5-d02-i3-ruled-center-eng-200dpi-degraded": ("number", "date", "commune", "title"),
    # "S6: 145 /BC-UBND | Van Xudn, agiy 4 thang 1 nam 2024": "ngày" misread.
    "s71-d05-i3-ruled-center-eng-300dpi-degraded": ("number", "date"),
    # The body opens "Cán cấu kết quả …" ("Căn cứ" misread) under a sentence-case title.
    "s7-d01-i3-ruled-center-eng-250dpi-degraded": ("number", "date", "commune", "title"),
    # "i S6: 141 /BC-UBND": a speck before the number.
    "s3-d02-i3-ruled-center-eng-150dpi-degraded": ("number", "date"),
    # "Noi nhén:" and the signature title right of a recipient ("- … (b/c); - es CHU TICH").
    # The commune OCR'd as one word in the issuer line ("XA GIASON"), spaced elsewhere.
    "s71-d03-i3-ruled-top-eng-150dpi-degraded": ("number", "date", "commune", "title"),
    # "Trinh Van An" (Latin-only OCR) under "CHU TICH": the marks restored from the name stock.
    "s128-d04-i3-ruled-center-eng-150dpi-degraded": ("signer",),
    # "Giap Ditc Viet": ứ read "it", the surname and given name restored through the OCR channel.
    "s128-d04-i1-ruled-center-eng-200dpi": ("signer",),
    # The issuer line "XA ViINH TAM" repaired past knowing; the place-date line and the text repeat
    # "Vinh Tam", a letter away; "Mac Hong Tuyét" restored from the name stock.
    "s128-d01-i1-ruled-top-eng-150dpi": ("number", "date", "commune", "signer", "title"),
    # "My Chau Nam" read "Năm" by the repair: the gazetteer writes a final "Nam" far more often;
    # the title names the commune the same way. The signer "Sam Thay Lan" behind specks.
    "s128-d01-i3-ruled-center-eng-150dpi-degraded": ("number", "date", "commune", "title"),
    # "UBND XA CUONG QUANG" / "THUQNG": the title's "Cuéng Quang Thugng" spelled as the issuer's.
    "s128-d03-i3-ruled-top-eng-250dpi-degraded": ("title",),
    # "XÃ AN DIÊỄN": a stacked mark read as a second vowel; the text spells "An Diên".
    "s128-d02-i2-ruled-top-vie-250dpi": ("number", "date", "commune", "signer", "title"),
    # The kind word between specks ("eo BAO CAO coe"): the title is the line under it.
    "s128-d02-i3-ruled-center-eng-250dpi-degraded": ("number", "date", "commune", "title"),
    # "coe V6 Dinh Dat": "Võ" read "V6"; a name holds no digit, so the surname is kept.
    "s311-d01-i1-ruled-top-eng-150dpi": ("number", "date", "commune", "signer", "title"),
    # The title between specks ("ee Nâng cao … năm 2014 ee", repaired "ea … êê").
    "s311-d03-i3-ruled-top-eng-250dpi-degraded": ("number", "date", "title"),
    # "Số:313⁄BCUBND": a fraction slash, the hyphen lost.
    "s311-d03-i4-unruled-top-vie-150dpi-degraded": ("number", "date", "commune", "signer", "title"),
    # "Số:73BGUBND" under "BÁO CÁO": the kind code a letter off; "PHÓ GHỦ TỊCH" is no signer,
    # the name under "(Đã ký)" is.
    "s311-d04-i4-ruled-center-vie-200dpi-degraded": ("number", "date", "commune", "signer", "title"),
    # "BẢN G TỰ ĐÁNH GIÁ …": a caps title's word cut before its last letter.
    "s311-d05-i4-ruled-center-vie-250dpi-degraded": ("number", "date", "commune", "signer", "title"),
    # "ngdy 12 thang 2-ndm 2014": a hyphen speck before "năm".
    "s311-d06-i5-f05-i5-portrait-eng-psm6-300dpi-degraded": ("date", "signer"),
    # "xác định oF số cải cách": a title word garbled, put back by the wording of reform titles;
    # the signer behind the recipients' last word ("Des ‘Khic Thiy Uyén").
    "s353-d02-i3-ruled-center-eng-250dpi-degraded": ("number", "date", "commune", "signer", "title"),
    # "Ve Bich Trang Sees": a stamp's speck read as a word after the name.
    "s353-d04-i3-ruled-center-eng-150dpi-degraded": ("number", "date", "commune", "signer", "title"),
    # "1... Nâng cao …": a speck before the title; "Tạ Minh Loan vs": the OCR's marks, past the
    # speck "vs", not the repair's "Tự".
    "s353-d04-i4-ruled-center-vie-300dpi-degraded": ("number", "date", "commune", "signer", "title"),
    # "XA BINH LAC", "Binh Lac, ngay …": the repair read "Bình Lục" everywhere; the printed letters
    # agree. "Chis số" in the title.
    "s353-d05-i3-ruled-center-eng-250dpi-degraded": ("number", "date", "commune", "signer", "title"),
    # The vie OCR printed "Đỉnh Hồng Trang": no surname has those marks, one has the letters.
    "s353-d06-i4-f14-i4-scale-before-max-vie-psm4-200dpi-degraded": ("date", "commune", "signer", "title"),
    # "CẢI CÁCH HÀNH CHÁNH" (OCR "CHiINH"): the wording of titles says CHÍNH.
    "s353-d06-i5-f05-i5-portrait-eng-psm4-300dpi-degraded": ("number", "date", "title"),
    # "Hop Phu Dong" (Latin-only): a 3-syllable name's last "dong" is "Đông" in unit names.
    "s353-d07-i3-f12-i3-annex-eng-psm3-300dpi": ("number", "date", "commune", "title"),
    # "XA PHU NGHIA" once, "Phi Nghia" twice in the text: the letterhead's reading is not outvoted.
    "s353-d07-i5-f12-i5-annex-eng-psm11-200dpi-degraded": ("number", "date", "commune", "signer", "title"),
    # "… hành chính 1." / "6 tháng đầu năm 2013": the lone digit before a number is a speck.
    "s353-d07-i6-f12-i6-annex-vie-psm6-300dpi-degraded": ("number", "date", "commune", "title"),
    # "So 17 /BG-UBND" and a date lost ("ngay 01 | Bang 03"); the annex heading cites "(Kém he Bdo
    # cdo s6.117/BC-UBND ngay 01/03/2025": the report's own number and date read again.
    "s353-d07-i7-f12-i7-annex-eng-psm4-300dpi-degraded": ("number", "date", "commune", "title"),
}
# dump → fields the dump does not print readably: left empty, never a guess.
EMPTY = {
    # "ngdy 12 2 thang 11": which of 12 and 2 is the day is not known.
    "s7-d03-i3-ruled-top-eng-300dpi-degraded": ("date",),
    # The signer printed "Ly Thu Thuy" by a Latin-only OCR: Thủy or Thúy, no context tells.
    "s71-d03-i3-ruled-top-eng-150dpi-degraded": ("signer",),
    # "Ta Thay": the given name is Thủy or Thúy read with "a" for "u".
    "s128-d02-i1-ruled-top-eng-250dpi": ("signer",),
    # Communes a Latin-only OCR printed without a mark in every mention, whose syllables unit
    # names spell several ways: "Dong Thuan" (Đông or Đồng), "Van Xuan" (Vân, Văn or Vạn),
    # "Cuong Quang Thuong" (Quang or Quảng; Thượng or Thương). Told in the review queue.
    "s11-d01-i3-ruled-center-eng-150dpi-degraded": ("commune",),
    "s71-d05-i3-ruled-center-eng-300dpi-degraded": ("commune",),
    "s128-d03-i3-ruled-top-eng-250dpi-degraded": ("commune",),
    # "Quang Binh" (Quang or Quảng), its issuer line cut to "XA QUANG" (see below).
    "s311-d03-i3-ruled-top-eng-250dpi-degraded": ("commune",),
    # "Số: na, : Gia An, ngày …": the number lost to OCR, and no annex cites it.
    "s353-d06-i4-f14-i4-scale-before-max-vie-psm4-200dpi-degraded": ("number",),
}


def _read(stem: str) -> tuple[dict, dict]:
    path = DUMPS / f"{stem}.txt"
    truth = json.loads(path.with_name(path.name + ".truth.json").read_text(encoding="utf-8"))["document"]
    meta = extract_metadata(repair_document(ingest(path)))
    return truth, {field: getattr(meta, field) for field in ("number", "date", "commune", "signer", "title")}


@pytest.mark.parametrize("stem", sorted(RIGHT))
def test_dump_metadata_read_through_ocr_damage(stem):
    truth, got = _read(stem)
    for field in RIGHT[stem]:
        want = truth[field]
        if field == "title":  # the corpus compares titles in any case (OCR reads "Chỉ" for "CHỈ")
            assert (got[field] or "").casefold() == want.casefold(), field
        else:
            assert got[field] == want, field


@pytest.mark.parametrize("stem", sorted(EMPTY))
def test_dump_metadata_unreadable_stays_empty(stem):
    truth, got = _read(stem)
    for field in EMPTY[stem]:
        assert truth[field] is not None
        assert got[field] is None, field


def test_commune_marks_not_printed_are_told():
    """A commune left empty because no mention printed its marks goes to the review queue with
    the name as printed and the spellings it could be."""
    meta, review = read_metadata(repair_document(ingest(DUMPS / "s11-d01-i3-ruled-center-eng-150dpi-degraded.txt")))
    assert meta.commune is None and meta.issuer is None
    told = [r for r in review if r.field == "commune"]
    assert len(told) == 1 and told[0].raw == "Dong Thuan"
    assert "Đông" in told[0].reason and "Đồng" in told[0].reason


def test_issuer_name_completed_from_place_line():
    """The issuer column cut the name ("XA QUANG" / ". 22 BINH ee" beside the motto); the
    place-date line prints it whole ("Quang Binh, ngay …"): the name told is the whole one."""
    stem = "s311-d03-i3-ruled-top-eng-250dpi-degraded"
    _, review = read_metadata(repair_document(ingest(DUMPS / f"{stem}.txt")))
    assert [r.raw for r in review if r.field == "commune"] == ["Quang Binh"]
