"""The shapes of an administrative letter's lines (Decree 30/2020/NĐ-CP): the number line, the
place-date line, the issuing body, the national motto, a signature title's prefix, the kind codes
and words; and the anchors by which a header or signature block printed as two columns is read
column by column (``extract.columns``). ``extract.metadata`` reads the fields with them."""

from __future__ import annotations

import re

from extract.columns import Anchors
from extract.signature import RECIPIENTS, SIGNATURE_TITLE
from normalize.lazy_regex import lazy_re_compile
from normalize.vietnamese.syllable import fold, nfc

# Kind codes as they appear in a number's middle part (folded) → canonical code and name.
KINDS: dict[str, tuple[str, str]] = {
    "bc": ("BC", "Báo cáo"),
    "kh": ("KH", "Kế hoạch"),
    "qd": ("QĐ", "Quyết định"),
    "tb": ("TB", "Thông báo"),
    "cv": ("CV", "Công văn"),
    "ttr": ("TTr", "Tờ trình"),
    "nq": ("NQ", "Nghị quyết"),
    "ct": ("CT", "Chỉ thị"),
    "ctr": ("CTr", "Chương trình"),
    "bb": ("BB", "Biên bản"),
    "hd": ("HD", "Hướng dẫn"),
}
# The kind word printed above the title (folded) → kind code.
KIND_WORDS: dict[str, str] = {
    "bao cao": "bc",
    "ke hoach": "kh",
    "quyet dinh": "qd",
    "thong bao": "tb",
    "to trinh": "ttr",
    "nghi quyet": "nq",
    "chi thi": "ct",
    "chuong trinh": "ctr",
    "bien ban": "bb",
    "huong dan": "hd",
}

# "Số: 86 /BC-UBND", blank "Số: /QĐ-UBND" (folded), and as OCR reads it: "Sé:", "S6é:", "$6:", "§6:", "85:" (S read as 8
# or 5), a speck or two before it ("i S6:", "a 2) §6:"), the slash lost between the number and the kind ("277KH-UBND")
# or read twice ("37⁄/BC-UBND"); a normative decision's year between the number and the kind ("07/2024/QĐ-UBND"); the
# colon lost before the number ("Số102", "Siêh 299/KH-UBND") and the hyphen before "UBND" ("102/BCUBND"); a speck of
# three letters before it ("pee S6: 301/BC-UBND"), a stop after the colon ("§6:.34/BC-UBND"), "Số" misread as two other
# letters before its colon ("DỤ: 295 /BC-UBND": a number must follow). The "Số" word and its colon, then a kind code the
# caller checks (``KINDS``), keep body citations ("Kế hoạch số 134/KH-UBND", no colon) out.
NUMBER_LINE = lazy_re_compile(
    r"^(?:\W*\w{1,3}(?=\W)){0,2}\W*(?<![^\W_])"
    r"(?:(?:s|\$|§|8)\w{0,3}?(?:\s*[:;.][:;.,]?\s*|(?<=[^\W\d])\s*(?=\d))|[^\W\d_]{2}\s*:\s*(?=\d))"
    r"(\d*)\s*(?:/{1,2}|(?<=\d))\s*(?:((?:19|20)\d{2})\s*/\s*)?([a-z]{2,4}?)(?:\s*-\s*|(?=ubnd\b))([a-z0-9]+(?:-[a-z0-9]+)*)"
)
# The number line by its format alone, for a line ``NUMBER_LINE`` does not read because OCR misread its
# marks: "Số" as any short run of glyphs ("50:", "$0;", "S6: :", "_Số:"), the slash lost or read
# as a space, the hyphen before "UBND" read as an underscore or a space ("25 BC_UBND"). The digits,
# a kind code the caller checks and the issuer's code must follow one another at the line's start,
# before the kind word: a body citation has words before its number ("Kế hoạch số 134/KH-UBND").
NUMBER_FORMAT = lazy_re_compile(
    r"^[\W_]*(?:\S{1,4}?(?:\s*[:;.,]+\s*|\s+))?(\d{1,4})\s*[/|]{0,2}\s*(?:((?:19|20)\d{2})\s*/\s*)?"
    r"([a-z]{2,4}?)\s*[-_~–—]?\s*(ubnd)\b"
)
# "ngày 26 tháng 6 năm 2023", and as OCR reads it ("ngdy 5 thdng 11 ném 2024", "agiy 4 thang",
# ". 27 tháng 03 năm 2014": the word "ngày" lost). Without "ngày", the day may not follow another
# number ("ngdy 12 2 thang 11": which of the two is the day is not known, so no date is read).
# After "ngày", the month word may be misread or cut ("indng", "ng,") or lost to a stop ("ngày 07 . 12
# năm 2014"); after the day alone, garbled past "ng" ("OGY 10 thera 2 nam 2014") when the month and
# "năm" follow; a speck digit may stand before the year ("nam 1 2013"), a stop before "năm" ("2.nam").
DATE_WORDS = lazy_re_compile(
    r"(?:ng\w{1,2}y\s*(\d{0,2})\s*(?:\w{0,4}ng\b|[.,](?=\s*\d))\W{0,2}"
    r"|(?<!\d)(?<!\d\s)(\d{1,2})\s*th(?:\w{1,2}ng|\w{2,4}(?=\s+\d{1,2}\s*[-.]?\s*n\w{1,2}m)))"
    r"\s*(\d{0,2})\s*[-.]?\s*n\w{1,2}m\W{0,2}(?:\d\s+)?(\d{4})"
)
DATE_SLASH = lazy_re_compile(r"\b(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})\b")
# "Ngọc Kỳ, ngày 26 …", "…, 26/6/2023"; OCR'd: "Hà Diên; ngày", "Vạn Xuân, agiy 4 thang", "Tường
# Vĩnh, . 27 tháng" (the comma read as a semicolon, "ngày" misread or lost).
PLACE_DATE = lazy_re_compile(
    r"^\W*(?:\w\W+)?([^\W\d][^,;]{1,40})[,;][\W_]*(?:ng\w{1,2}y\b|(?:\w{1,4}\s+)?\d{1,2}\s*(?:/|th\w{1,2}ng\b))"
)
ISSUER_BODY = lazy_re_compile(r"^\W*(?:uy ban nhan dan|ubnd)\b")
# (OCR may print the motto's words glued, "CỘNGHÒAXÃHỘICHỦNGHĨAVIỆTNM", right after the issuer's.)
NATIONAL = lazy_re_compile(r"cong\s?hoa|doc lap|tu do|hanh phuc")
MOTTO = lazy_re_compile(r"cong\s?hoa\s?xa\s?hoi(?:\s?chu\s?nghia)?|doc lap\s*[-–]\s*tu do")
SIGNATURE_PREFIX = lazy_re_compile(r"\b(?:tm|kt|q)\s*\.\s*(?=\w)")


# --- anchors of a letter's two columns -----------------------------------------------------------


def anchor_side(text: str) -> int | None:
    """The column an anchor line belongs in: issuer, number and "Nơi nhận" on the left; motto,
    place-date and signature titles on the right."""
    folded = fold(nfc(text))
    if NUMBER_LINE.match(folded) or ISSUER_BODY.match(folded) or RECIPIENTS.match(folded):
        return 0
    if NATIONAL.search(folded) or PLACE_DATE.match(folded) or SIGNATURE_TITLE.match(folded):
        return 1
    return None


def anchor_cut(text: str) -> int | None:
    """Where a right-column anchor starts inside a piece that holds both columns with nothing
    between them: the motto after the issuer, the place-date after the number, a signature title
    after a recipient."""
    folded = fold(nfc(text))
    m = MOTTO.search(folded)
    if m and folded[: m.start()].strip(" -"):
        return m.start()
    m = NUMBER_LINE.match(folded)
    if m and folded[m.end() :].strip():
        return m.end()
    m = SIGNATURE_PREFIX.search(folded)
    if m and m.start() > 0 and (RECIPIENTS.match(folded) or folded.lstrip().startswith(("-", "+"))):
        return m.start()
    return None


def anchor_layout(text: str) -> bool:
    """A cell line only a letter's header or signature block holds."""
    folded = fold(nfc(text))
    number = NUMBER_LINE.match(folded)
    return bool(
        MOTTO.search(folded)
        or (number and number.group(3) in KINDS)
        or RECIPIENTS.match(folded)
        or (PLACE_DATE.match(folded) and (DATE_WORDS.search(folded) or DATE_SLASH.search(folded)))
        or re.match(r"^\W*(?:tm|kt|q)\s*\.\s*(?:uy ban|ubnd|chu tich|pho chu tich)", folded)
    )


ANCHORS = Anchors(side=anchor_side, cut=anchor_cut, is_layout=anchor_layout)
