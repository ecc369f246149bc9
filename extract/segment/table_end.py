"""Where a table read from lines ends: its totals row ("Tổng", "Tổng cộng", "Cộng" and numbers,
however OCR garbled the label) or the signature block ("Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "Chủ
tịch"). The line readers (``score_lines``, ``column_blocks``) and the told rows (``unread_rows``)
share these tests.
"""

from __future__ import annotations

import regex as re
from rapidfuzz import fuzz

from extract.segment.line_cells import is_syllable_run
from normalize.lazy_regex import lazy_compile
from normalize.text import fold

# The totals row: "Tổng", "Tổng cộng", "Cộng" and numbers, nothing else ("công tác" is no total).
# OCR misreads "số" as "sé", "sd", "s6", "Sos": a short word after "Tổng" starting with "s". After
# the numbers, one short token of no digit may end it: a last cell OCR garbled ("Tong cong Sos 33 se").
TOTAL_LABEL = lazy_compile(
    r"^\W*(tong|cong)(\s+(cong|s\w{1,2}|diem)){0,3}\W*((\s+[\d.,]+\W*)+(\s+[^\d\s]{1,3})?)?$", re.I
)
# The words a totals row's label is made of, and the share of letters a garbled one keeps of them.
_TOTAL_WORDS = ("tong", "cong", "so", "diem")
_TOTAL_WORD_SIMILARITY = 60.0
# How near a first word must be to "tong" to be it with a letter doubled ("toong": 89; "tang" is 75).
_DOUBLED_TONG_SIMILARITY = 85.0


def is_total_word(folded: str) -> bool:
    """A word of a totals label as OCR may leave it ("tong", "cong", "so", "diem"; "dim", "cons")."""
    return max(fuzz.ratio(folded, w) for w in _TOTAL_WORDS) >= _TOTAL_WORD_SIMILARITY


def is_signature(folded: str, raw: str | None = None) -> bool:
    """The signature block opening ("Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "Chủ tịch"), folded. Given the
    line as printed (``raw``), its case tells more than its folded text: a line opening "Ủy ban nhân
    dân xã" in small letters is a criterion's name run over onto its next line ("Ứng dụng công nghệ
    thông tin trong hoạt động của / Ủy ban nhân dân xã"), which ended the table there and lost every
    row after it; the signature block prints the council in capitals ("TM. ỦY BAN NHÂN DÂN", "ỦY BAN
    NHÂN DÂN XÃ …", OCR's "Uy BAN NHAN DAN" too)."""
    if not _SIGNATURE.match(folded):
        return False
    council = _COUNCIL_WORDS.match(raw) if raw is not None and _COUNCIL_OPENING.match(folded) else None
    if council is None:
        return True  # ("Nơi nhận:", "Chủ tịch", "TM. …": no council's name to weigh)
    letters = [c for c in council.group(1) if c.isalpha()]
    return sum(c.isupper() for c in letters) >= _COUNCIL_CAPITALS * len(letters)


def is_total_label(folded: str) -> bool:
    return bool(TOTAL_LABEL.match(folded)) or is_garbled_total(folded)


def is_garbled_total(folded: str) -> bool:
    """A totals row OCR garbled past ``TOTAL_LABEL`` ("Tốngốđểm | 10 | 75", "P| TONG TEM ts ||",
    "| Tốnsốđểm | 11 | 7 |",
    "TONG DIEM 4 10 | G7 | as"): after specks and one stray letter, a word opening with "tong",
    then only numbers, specks, short tokens that are no syllable and words like the label's. A
    person named Tống ("Tống Khắc Vinh") has other words after it."""
    words = [w for w in folded.split() if re.search(r"[\p{L}\p{N}]", w)]
    while len(words) > 2 and _stray_then_label(words):
        words = words[1:]  # a corner's letters and the row's number before a glued label ("CÔ | 7 TỐÑNGBĐẾM")
    if words and len(words[0].strip("|_.:;'\"")) == 1 and len(words) > 1:
        words = words[1:]  # a stray letter before the label ("P|")
    elif len(words) > 2 and re.sub(r"\W", "", words[2]) in ("cong", "diem", "so") and _stray_before(words[0]):
        words = words[1:]  # stray letters before a whole label ("si TỔNG ĐIỂM", "mini Tổng số điểm")
    if not words or not (
        re.match(r"^\W*tong", words[0]) or _doubled_tong(words) or _vowel_misread_tong(words) or _glued_label(words[0])
    ):
        return False
    labelled = False  # a label word after "tong": a short token after it is a garbled cell's specks
    for place, word in enumerate(words[1:]):
        core = re.sub(r"[^\p{L}\p{N}]", "", word)
        if re.search(r"\d", core) or is_total_word(core) or (place == 0 and _SO_MISREAD.match(core)):
            labelled = labelled or not re.search(r"\d", core)
            continue
        if labelled and len(core) <= 2:
            continue  # "TỔNG ĐIỂM na 8,75": a cell OCR garbled into two letters
        if len(core) > 3 or is_syllable_run(core):
            return False  # a word of its own ("Tổng hợp kết quả"): no totals label
    return True


# "số" right after "Tổng", as OCR misreads it ("sé", "sd", "s6"; ``TOTAL_LABEL``'s "s" and one or two
# characters): a word of the label, though "sé" folds to a syllable of its own.
_SO_MISREAD = lazy_compile(r"^s\w{1,2}$")


def label_figures(tokens: list[str]) -> list[int]:
    """The places of the tokens holding a figure before a totals label's last word: inside it,
    between two of its words ("Tong sé 5 diém 69,5": the "5", a letter of the label OCR misread),
    or before it ("3 Tong sé diém 34,5, 33,25": a speck of the rule or the blank numbering cell),
    never a cell, since a totals row prints its cells after its label."""
    folded = [re.sub(r"[^\p{L}\p{N}]", "", fold(t)) for t in tokens]
    start = next((i for i, w in enumerate(folded) if w and w.startswith(("tong", "cong"))), None)
    if start is None:
        return []

    def word(i: int) -> bool:
        w = folded[i] if i < len(folded) else ""
        if not w or re.search(r"\d", w):
            return False
        return is_total_word(w) or (i == start + 1 and bool(_SO_MISREAD.match(w)))

    out, i = [j for j in range(start) if re.search(r"\d", folded[j])], start + 1
    while i < len(folded):
        if word(i):
            i += 1
        elif re.search(r"\d", folded[i]) and word(i + 1):
            out.append(i)
            i += 1
        else:
            break
    return out


def _stray_before(word: str) -> bool:
    """A token OCR made of a rule or a speck before the totals label: two letters, or up to
    ``_STRAY_LETTERS`` that are no syllable ("mini", "Pecos)": a ruled cell's corner read as
    letters and a bracket)."""
    core = word.strip("|_.:;'\"()[]{}")
    return len(core) == 2 or (len(core) <= _STRAY_LETTERS and core.isalpha() and not is_syllable_run(core))


# The most letters a speck before a whole totals label holds (a word of a row's name is a syllable).
_STRAY_LETTERS = 5


# A whole label OCR read as one word, a letter or two lost ("Tốnsốđểm" for "Tổng số điểm"): how
# near it must be to the glued label (a word of its own, "tonghop", is 67 at most).
_GLUED_LABELS = ("tongcong", "tongsodiem", "tongdiem")
_GLUED_LABEL_SIMILARITY = 85.0


def _stray_then_label(words: list[str]) -> bool:
    """A short token (a ruled corner's letters, the row's number) two words before a glued label
    followed by clean figures only ("CÔ | 7 TỐÑNGBĐẾM | 7 | 190 | 575"): skipped only on that much
    evidence; a row whose figures OCR garbled ("… |; | 1M | 85") stays for the garbled totals' tell."""
    rest = [re.sub(r"[^\p{L}\p{N}.,]", "", w) for w in words[3:]]
    figures = any(rest) and all(re.fullmatch(r"[\d.,]*", w) for w in rest)
    short = len(words[0].strip("|_.:;'\"")) <= 2
    return short and _glued_label(words[2]) and not _glued_label(words[1]) and figures


def _glued_label(word: str) -> bool:
    core = re.sub(r"[^\p{L}]", "", word)
    single = re.sub(r"(\p{L})\1+", r"\1", core)  # (a letter OCR doubled: "TỐÑNGBĐẾM", "tonngbdem")
    return max(fuzz.ratio(c, label) for c in {core, single} for label in _GLUED_LABELS) >= _GLUED_LABEL_SIMILARITY


def _doubled_tong(words: list[str]) -> bool:
    """ "Tổng" OCR read with a letter doubled ("TỔỐNG ĐIẾM": "toong diem"), followed by a label
    word: a near "tong" alone could be another word ("tang", "long"), with "diem"/"cong" after it
    it is the label."""
    first = re.sub(r"[^\p{L}]", "", words[0])
    if len(words) < 2 or fuzz.ratio(first, "tong") < _DOUBLED_TONG_SIMILARITY:
        return False
    label = re.sub(r"[^\p{L}]", "", words[1])
    return max(fuzz.ratio(label, w) for w in ("cong", "diem")) >= _TOTAL_WORD_SIMILARITY


# "Tổng" as OCR reads its "ổ": the letter's hat and hook taken for an "é" or the vowel for the digit
# it resembles ("Téng sé diém", "T6ng cong", "T0ng so"); folded, the vowel slot holds one of these.
# An "a" is left out: "tăng" is a word of its own ("tăng số hồ sơ" opens an explanation).
_TONG = lazy_compile(r"^t[e60]ng$")


def _vowel_misread_tong(words: list[str]) -> bool:
    """ "Tổng" OCR read with its vowel misread ("Téng so diém ae 19°. 18,5 18,5", "T6ng cong oS",
    "Téng sé diém 67,5 58,5 65,5 +7"), followed by a label word: the label, as "tong" is. The next
    word is asked for, as for a doubled letter: a word read alone says too little."""
    first = re.sub(r"[^\p{L}\d]", "", words[0])
    if len(words) < 2 or not _TONG.match(first):
        return False
    label = re.sub(r"[^\p{L}]", "", words[1])
    if label and _SO_MISREAD.match(label) and len(words) > 2:
        # ("Téng sé diém": "số" misread as well, the label's last word after it says it)
        return is_total_word(re.sub(r"[^\p{L}]", "", words[2]))
    return bool(label) and is_total_word(label)


# "Nơi nhận:" as OCR leaves it ("Noi nhgn:", "Noinhén:."): its colon, not its letters, holds.
# Specks before it ("_ Noi nhén:") are a rule's; a dash is not skipped before "Chủ tịch" (a bullet
# of an explanation may be "- Chủ tịch …"), but is before "Nơi nhận:" (a speck of the rule above
# read as a dash: "- Noinhdn: ."), which no explanation's bullet opens with. Before the dotted
# abbreviations "TM." and "KT." any specks a seal's ink leaves ("* TM. ỦY BAN", "» KT. CHỦ TỊCH")
# are skipped: no row or explanation opens with them, while "- Chủ tịch …" may be a bullet.
_SIGNATURE = lazy_compile(
    r"^[^\p{L}\p{N}]*(tm\.|kt\.)|^[\s_~.'\"|]*(chu tich|uy ban nhan dan)"
    r"|^[\s_~.'\"|\-–—]*(noi\s?nh[^\s:]{0,3}\W*:|noi nhan)",
    re.I,
)

# The words "ban nhân dân" after a line's first word, as printed (OCR may read "Ủy" as "Uy", "Uỷ",
# "UY"): their letters weighed for capitals, and the share of capitals that makes them a heading's.
_COUNCIL_WORDS = lazy_compile(r"^[^\p{L}\p{N}]*\p{L}+\s+(\p{L}+\s+\p{L}+\s+\p{L}+)")
_COUNCIL_CAPITALS = 0.6
_COUNCIL_OPENING = lazy_compile(r"^[\s_~.'\"|]*uy ban nhan dan")


# ---------------------------------------------------------------- grouping lines into rows
