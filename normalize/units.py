"""Grammars of the short cells of a commune's task framework: the units that lead or coordinate a
task, and deadlines. A commune's plan names its units from a small closed set (the commune-level
civil-servant titles of Nghị định 33/2023/NĐ-CP, the commune's offices after the 2025 merger, the
Fatherland Front and the mass organisations, "các thôn, tổ dân phố", ...), and its deadlines from a
few patterns (a date, a month, a quarter, "cả năm 2025", "thường xuyên").

Two uses: a line reader splitting an OCR'd row into cells asks whether a cell's text so far is a
sequence of units (complete, a prefix of one, or broken by a word no unit has: the wrapped word of
a neighbouring cell); and a cell read from OCR text is written back in the gazetteer's spelling
("Các thôn,tổ dân phố" → "Các thôn, tổ dân phố", "Quý 1/2025" → "Quý I/2025").

The list is written for this project from the public titles (not copyrightable, Luật SHTT 2005
Điều 15); a unit outside it reads as "unknown" and is left as printed.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

import regex as re

from normalize.lazy_regex import lazy_compile
from normalize.text import fold
from normalize.vietnamese.syllable import split_tone

Status = Literal["empty", "complete", "prefix", "broken", "unknown"]

# Units as a commune's plans write them. A name ending in "xã" stands for its "phường", "thị trấn"
# and bare forms too (see ``_variants``).
UNIT_NAMES: tuple[str, ...] = (
    "Văn phòng - Thống kê",
    "Công chức Văn phòng - Thống kê",
    "Công chức Tư pháp - Hộ tịch",
    "Công chức Văn hóa - Xã hội",
    "Công chức Tài chính - Kế toán",
    "Công chức Địa chính - Xây dựng",
    "Công chức Địa chính - Xây dựng - Đô thị và Môi trường",
    "Công chức Địa chính - Nông nghiệp - Xây dựng và Môi trường",
    "Công chức Địa chính - Nông nghiệp",
    "Công chức phụ trách CCHC",
    "Công chức chuyên môn",
    "Chỉ huy trưởng Ban Chỉ huy Quân sự xã",
    "Ban Chỉ huy Quân sự xã",
    "Công an xã",
    "Trưởng Công an xã",
    "Bộ phận Một cửa",
    "Bộ phận tiếp nhận và trả kết quả",
    "Trung tâm Phục vụ hành chính công xã",
    "Văn phòng HĐND và UBND xã",
    "Văn phòng UBND xã",
    "Phòng Kinh tế",
    "Phòng Kinh tế, Hạ tầng và Đô thị",
    "Phòng Văn hóa - Xã hội",
    "UBND xã",
    "HĐND xã",
    "Đảng ủy xã",
    "Chủ tịch UBND xã",
    "Phó Chủ tịch UBND xã",
    "UBMTTQ Việt Nam xã",
    "Ủy ban MTTQ Việt Nam xã",
    "Mặt trận Tổ quốc Việt Nam xã",
    "MTTQ Việt Nam xã",
    "Các đoàn thể",
    "Các đoàn thể chính trị - xã hội",
    "Các tổ chức chính trị - xã hội",
    "Đoàn Thanh niên xã",
    "Hội Liên hiệp Phụ nữ xã",
    "Hội Nông dân xã",
    "Hội Cựu chiến binh xã",
    "Các thôn, tổ dân phố",
    "Các thôn, bản",
    "Các thôn",
    "Các ấp",
    "Các khu phố",
    "Các tổ dân phố",
    "Các bộ phận chuyên môn",
    "Các bộ phận liên quan",
    "Các ngành liên quan",
    "Các cơ quan, đơn vị liên quan",
    "Các đơn vị liên quan",
    "Các cơ quan, đơn vị",
    "Ban Chỉ đạo CCHC xã",
    "Ban Chỉ đạo cải cách hành chính xã",
    "Trạm Y tế xã",
    "Các trường học",
    "Cán bộ, công chức xã",
)
_PLACE_WORDS = ("xã", "phường", "thị trấn")


def _words(text: str) -> list[str]:
    """Accent-free lower-case words, punctuation dropped (OCR moves and loses it: "thôn,tổ")."""
    return re.findall(r"[a-z0-9]+", fold(text))


def _variants(name: str) -> list[str]:
    if not name.endswith(" xã"):
        return [name]
    stem = name[: -len(" xã")]
    return [stem] + [f"{stem} {w}" for w in _PLACE_WORDS]


@lru_cache(maxsize=1)
def _unit_table() -> tuple[re.Pattern, dict[str, str]]:
    """The units' grammar (one unit or more, "và" or nothing between) and each key's spelling."""
    spelling: dict[str, str] = {}
    for name in UNIT_NAMES:
        for v in _variants(name):
            spelling.setdefault(" ".join(_words(v)), v)
    keys = sorted(spelling, key=len, reverse=True)
    unit = "(?:" + "|".join(re.escape(k) for k in keys) + ")"
    return re.compile(rf"{unit}(?: (?:va )?{unit})*"), spelling


# Deadlines, accent-free: OCR reads a quarter's roman numeral with "1", "l", "T", "J" or "|" for
# "I", and two I's close together as an "H" ("Quý IH/2024", "Quý HI/2024": "Quý III/2024").
_ROMAN_OCR = r"[ivxtl1|hj]{1,4}"
_DEADLINE = lazy_compile(
    r"(?:(?:truoc|sau|tu|den) )?(?:ngay )?\d{1,2}/\d{1,2}/\d{4}"
    r"|(?:(?:truoc|trong|tu|den) )?thang \d{1,2}/\d{4}"
    rf"|(?:(?:truoc|trong|tu|den) )?quy ?{_ROMAN_OCR} ?/? ?\d{{4}}"
    r"|(?:ca |trong )?nam \d{4}|thuong xuyen|hang (?:nam|quy|thang|tuan)|dinh ky|theo ke hoach"
)


# A deadline's words that go on from the one before it: a range's end, a period within it ("Thường
# xuyên trong năm 2024", "Định kỳ hằng quý").
_GOES_ON = ("den ", "tu ", "sau ", "trong ", "hang ")


def deadlines_side_by_side(text: str) -> bool:
    """Whether ``text`` holds two deadlines with nothing but a space between them ("Quý II/2023
    Thường xuyên"): no deadline cell prints two so, a range or a list joins them ("từ … đến …",
    "…, …", "… và …"); two tasks' deadlines read into one cell do."""
    key = " ".join(re.sub(r"/+", "/", fold(text)).split())  # (its marks kept: a comma lists)
    found = list(_DEADLINE.finditer(key))
    return any(
        not key[a.end() : b.start()].strip() and not b.group().startswith(_GOES_ON) for a, b in zip(found, found[1:])
    )


def _key(text: str, slash: bool) -> str:
    if slash:  # a fraction slash OCR set beside the slash folds to a second one ("I/⁄2026")
        return " ".join(re.findall(r"[a-z0-9/|]+", re.sub(r"/+", "/", fold(text))))
    return " ".join(_words(text))


def _status(pattern: re.Pattern, key: str) -> Status:
    if not key:
        return "empty"
    if pattern.fullmatch(key) is not None:
        return "complete"
    # A prefix of whole words: the space keeps "xa" from passing as the start of "xay dung".
    if pattern.fullmatch(key + " ", partial=True) is not None:
        return "prefix"
    if pattern.fullmatch(key.split()[0] + " ", partial=True) is None:
        return "unknown"  # not a unit (deadline) of the grammar: a name the list lacks
    return "broken"


@lru_cache(maxsize=65536)
def unit_status(text: str) -> Status:
    """Whether ``text`` is a sequence of units ("complete"), could become one ("prefix"), starts
    as one and then holds a word no unit has ("broken"), or starts with no unit ("unknown")."""
    return _status(_unit_table()[0], _key(text, slash=False))


@lru_cache(maxsize=1)
def _one_unit() -> re.Pattern:
    keys = sorted(_unit_table()[1], key=len, reverse=True)
    return re.compile("(?:" + "|".join(re.escape(k) for k in keys) + ")")


@lru_cache(maxsize=65536)
def one_unit_status(text: str) -> Status:
    """As ``unit_status``, for a single unit ("Văn phòng HĐND và" is a prefix of one; "Công an xã
    Các" is not)."""
    return _status(_one_unit(), _key(text, slash=False))


def names_unit(text: str) -> bool:
    """Whether ``text`` names a unit somewhere in it (a grid line's cells side by side)."""
    return _one_unit().search(_key(text, slash=False)) is not None


def names_deadline(text: str) -> bool:
    """Whether ``text`` names a deadline somewhere in it."""
    return _DEADLINE.search(_key(text, slash=True)) is not None


@lru_cache(maxsize=65536)
def deadline_status(text: str) -> Status:
    """As ``unit_status``, for the deadline patterns."""
    return _status(_DEADLINE, _key(text, slash=True))


# Products a commune's task framework names (what a task delivers): a kind of document alone
# ("Kế hoạch", "Báo cáo", "Biên bản") or with its complement. A list, a page or a result names what
# it holds ("Danh mục" of what is published, "Trang thông tin" kept up to date, "Kết quả" of what
# was settled), so alone it is a product's start whose next words wrapped to the cell's next line.
PRODUCT_NAMES: tuple[str, ...] = (
    "Kế hoạch",
    "Báo cáo",
    "Quyết định",
    "Thông báo",
    "Công văn",
    "Tờ trình",
    "Văn bản",
    "Văn bản chỉ đạo",
    "Biên bản",
    "Biên bản kiểm tra",
    "Hồ sơ",
    "Hồ sơ lưu trữ",
    "Quy chế",
    "Chương trình",
    "Hướng dẫn",
    "Đề án",
    "Danh mục công bố",
    "Danh mục thủ tục hành chính",
    "Danh mục TTHC",
    "Kết quả giải quyết",
    "Kết quả kiểm tra",
    "Trang thông tin được cập nhật",
    "Trang thông tin điện tử",
    "Sổ theo dõi",
    "Tài liệu tuyên truyền",
)


@lru_cache(maxsize=1)
def _one_product() -> re.Pattern:
    keys = sorted({" ".join(_words(name)) for name in PRODUCT_NAMES}, key=len, reverse=True)
    return re.compile("(?:" + "|".join(re.escape(k) for k in keys) + ")")


@lru_cache(maxsize=65536)
def product_status(text: str) -> Status:
    """As ``unit_status``, for one product ("Danh mục" is a prefix of one: a list names what it
    lists)."""
    return _status(_one_product(), _key(text, slash=False))


def spell_units(text: str) -> str:
    """A cell of units in the gazetteer's spelling, ", " between them ("và" kept); the text as
    printed (commas spaced) when it is not a sequence of known units. A printed word that spells
    the gazetteer's syllable (tone mark placed either way, "hoá" / "hóa") is kept as printed."""
    words = _words(text)
    parsed = _parse_units(tuple(words))
    printed = re.findall(r"[\p{L}\p{N}]+", text)
    if parsed is None:
        # OCR drops the space between narrow words ("Công anxã"): the letters still spell units.
        squeezed = _parse_squeezed("".join(words))
        if squeezed is not None:
            return squeezed
        mended = _mended_words(tuple(words))
        parsed = _parse_units(mended) if mended else None
        printed = []  # the mended word has no printed form: the gazetteer's spelling throughout
        if parsed is None:
            return re.sub(r",(?=\S)", ", ", text)
    if len(printed) != len(words):
        printed = []
    spelling = _unit_table()[1]
    return "".join(
        (joiner if k else "") + _keep_printed(spelling[key], printed[i:j])
        for k, (joiner, key, i, j) in enumerate(parsed)
    )


# A word OCR damaged in a units cell ("UBMTTTQ", "UBMTT(Q", "phối" for "phố") is mended only when
# it has this many letters at least (a short word is one letter from too many others) and one
# edit turns the cell into a sequence of units.
_MEND_MIN_LETTERS = 4
# A word this short that no unit has, whose removal alone makes the cell a sequence of units, is
# a speck OCR read as letters ("tổ dân nn phố").
_SPECK_LETTERS = 2


@lru_cache(maxsize=16384)
def _mended_words(words: tuple[str, ...]) -> tuple[str, ...] | None:
    """The cell's words with one word no unit has replaced by the unit word one letter away
    (or joined to the next word when OCR split it: "ubmtt q"), or dropped when it is a speck
    (``_SPECK_LETTERS``), when that alone makes the cell a sequence of units and only one unit
    word does; None else."""
    vocab = _unit_vocabulary()
    pattern = _unit_table()[0]
    for i, w in enumerate(words):
        if w in vocab:
            continue
        if len(w) <= _SPECK_LETTERS and pattern.fullmatch(" ".join(dropped := words[:i] + words[i + 1 :])):
            return dropped
        tries = [(i + 1, w)] + ([(i + 2, w + words[i + 1])] if i + 1 < len(words) else [])
        for end, word in tries:
            if len(word) < _MEND_MIN_LETTERS:
                continue
            near = [v for v in vocab if abs(len(v) - len(word)) <= 1 and (one_edit(word, v) or v == word)]
            parses = [m for v in near if pattern.fullmatch(" ".join(m := words[:i] + (v,) + words[end:]))]
            if len(parses) == 1:
                return parses[0]
        return None  # only the first unknown word is mended: two damaged words are not a unit
    return None


@lru_cache(maxsize=1)
def _unit_vocabulary() -> frozenset[str]:
    return frozenset(w for key in _unit_table()[1] for w in key.split())


def one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by one letter replaced, added or dropped."""
    if a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:k] + long_[k + 1 :] == short for k in range(len(long_)))


def unit_count(text: str) -> int:
    """How many units a cell names ("Công an xã, Các đoàn thể" → 2; "Văn phòng HĐND và UBND" and
    "Các thôn, tổ dân phố", one name each, → 1); 0 when it is not a sequence of known units."""
    return len(_parse_units(tuple(_words(text))) or [])


@lru_cache(maxsize=65536)
def _parse_units(words: tuple[str, ...]) -> list[tuple[str, str, int, int]] | None:
    """(joiner, gazetteer key, first word, end word) of each unit of a cell's words, the longest
    unit first that leaves a parse of the rest; None when the words are no sequence of units."""
    pattern, spelling = _unit_table()
    if pattern.fullmatch(" ".join(words)) is None:
        return None
    out: list[tuple[str, str, int, int]] = []
    k = 0
    while k < len(words):
        joiner = ", "
        if words[k] == "va" and out:
            joiner, k = " và ", k + 1
        for j in range(len(words), k, -1):
            key = " ".join(words[k:j])
            rest = " ".join(words[j:])
            if key in spelling and (not rest or pattern.fullmatch(rest) or pattern.fullmatch("va " + rest)):
                out.append((joiner, key, k, j))
                k = j
                break
        else:
            return None
    return out


@lru_cache(maxsize=1)
def _squeezed_table() -> tuple[re.Pattern, dict[str, str]]:
    """The units' grammar over their letters alone (spaces dropped), and each such key's spelling."""
    spelling: dict[str, str] = {}
    for key, name in _unit_table()[1].items():
        spelling.setdefault(key.replace(" ", ""), name)
    unit = "(" + "|".join(re.escape(k) for k in sorted(spelling, key=len, reverse=True)) + ")"
    return re.compile(rf"{unit}(?:(va)?{unit})*"), spelling


@lru_cache(maxsize=4096)
def _parse_squeezed(letters: str) -> str | None:
    """The gazetteer's spelling of a cell whose units OCR ran together; None when its letters are
    not a sequence of units (read as printed then)."""
    pattern, spelling = _squeezed_table()
    if not letters or pattern.fullmatch(letters) is None:
        return None
    out: list[str] = []
    k = 0
    while k < len(letters):
        joiner = ", "
        if letters.startswith("va", k) and out and pattern.fullmatch(letters[k + 2 :]):
            joiner, k = " và ", k + 2
        for j in range(len(letters), k, -1):
            rest = letters[j:]
            follows = not rest or pattern.fullmatch(rest) or (rest.startswith("va") and pattern.fullmatch(rest[2:]))
            if letters[k:j] in spelling and follows:
                out.append((joiner if out else "") + spelling[letters[k:j]])
                k = j
                break
        else:
            return None
    return "".join(out)


# Letters whose capital has their small letter's shape: OCR tells them by size alone.
_LOOKALIKE_LETTERS = frozenset("cosvwxz")


def _lookalike_capital(printed: str, name: str) -> bool:
    """Whether ``printed`` is the gazetteer's word ``name`` (small) with its first letter a capital
    of the small letter's shape ("Xã" for "xã" in "Ban Chỉ đạo CCHC xã"): OCR's reading of a size,
    not the typist's spelling, so the gazetteer's case stands."""
    head = printed[:1]
    return head.isupper() and name[:1].islower() and printed[1:] == name[1:] and fold(head) in _LOOKALIKE_LETTERS


def _keep_printed(name: str, printed: list[str]) -> str:
    """The gazetteer's ``name`` with each word the print spells the same way (same letters and
    tone, the mark placed either way) as printed."""
    if not printed:
        return name
    words = iter(printed)

    def pick(m: re.Match) -> str:
        word = next(words, m.group(0))
        if split_tone(word.lower()) != split_tone(m.group(0).lower()):
            return m.group(0)
        return m.group(0) if _lookalike_capital(word, m.group(0)) else word

    return re.sub(r"[\p{L}\p{N}]+", pick, name)


_ROMAN_VALUES = ("I", "II", "III", "IV")
_QUARTER = lazy_compile(rf"^(?P<head>.*?\bquy) ?(?P<num>{_ROMAN_OCR}) ?/? ?(?P<year>\d{{4}})$")
# Deadline words in their usual spelling (OCR loses marks; the case of a cell's later words is
# the typist's: "Thường Xuyên"); words not here keep their printed form.
_SPELLING = {
    "truoc": "trước",
    "sau": "sau",
    "trong": "trong",
    "ngay": "ngày",
    "thang": "tháng",
    "quy": "quý",
    "ca": "cả",
    "nam": "năm",
    "thuong": "thường",
    "xuyen": "xuyên",
    "tuan": "tuần",
}


def _quarter_numeral(read: str) -> str | None:
    """A quarter's roman numeral as OCR read it, accent-free ("tv", "ih", "1"), as printed ("IV",
    "III", "I"); None when no quarter reads so."""
    base = re.sub(r"[tl1|j]", "i", read.lower())
    # An "h" is two I's read together; where that makes no quarter, an "h" is one I with a
    # speck on it ("IIH/2024": III, the slash's speck; "IHI/2025": III, no four I's).
    num = base.replace("h", "ii").upper()
    if num not in _ROMAN_VALUES and re.fullmatch(r"i*hi*", base):
        num = base.replace("h", "i").upper()
    # IV is the one quarter with a V: strokes before it beyond one are specks read as
    # strokes ("TIV/2024": a speck by the "I").
    if num not in _ROMAN_VALUES and re.fullmatch(r"I{2,3}V", num):
        num = "IV"
    return num if num in _ROMAN_VALUES else None


# A deadline listing quarters after one "Quý": "Quý I, II", "Quý II - III", "Quý I,II/2025" (the
# numerals as OCR may read them); the list's marks spelt as typed (", " and " - ").
_QUARTER_LIST = lazy_compile(
    rf"(?i)^(?P<head>qu[ýy])\s*(?P<nums>{_ROMAN_OCR}(?:\s*[-–,]\s*{_ROMAN_OCR})+)\s*(?P<year>/\s*\d{{4}})?$"
)


def spell_quarter_list(text: str) -> str | None:
    """A quarter list in its usual spelling ("Quý I,II" → "Quý I, II", "Quý II-III" → "Quý II -
    III"); None when ``text`` is no list of quarters."""
    m = _QUARTER_LIST.match(text.strip())
    if m is None:
        return None
    parts = re.split(r"\s*([-–,])\s*", m.group("nums"))
    read = [_quarter_numeral(p) for p in parts[::2]]
    numerals = [n for n in read if n is not None]
    if len(numerals) < len(read):
        return None
    marks = [", " if mark == "," else " - " for mark in parts[1::2]]
    listed = "".join(n + mark for n, mark in zip(numerals, [*marks, ""]))
    year = "/" + m.group("year").lstrip("/ ") if m.group("year") else ""
    return f"Quý {listed}{year}"


# A date whose first slash OCR lost ("2609/2023" for "26/09/2023"): four digits that are a day and
# a month, then the year. No deadline prints four digits before a year's slash (a month is "09/2023").
_SLASH_LOST = lazy_compile(r"(?<![\d/])(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])/((?:19|20)\d{2})(?!\d)")


def spell_deadline(text: str, roman: bool = True) -> str:
    """A deadline in its usual spelling when it is one of the patterns ("Quý 12024" → "Quý
    I/2024", "Quý TV/2025" → "Quý IV/2025", "Thường Xuyên" → "Thường xuyên", "2609/2023" →
    "26/09/2023"); else as printed. ``roman``: the quarters are roman numerals (OCR's "1" is an
    "I"); else a digit stays."""
    text = _SLASH_LOST.sub(r"\1/\2/\3", text)
    bare = re.sub(r"\s+[|¦]+$", "", text)
    if bare != text and deadline_status(bare) == "complete":
        text = bare  # a bar after the deadline is a speck or a rule's stub, no part of it ("02/03/2023 |")
    key = _key(text, slash=True)
    listed = spell_quarter_list(text) if roman else None
    if listed is not None:
        return listed
    if not key or _DEADLINE.fullmatch(key) is None:
        return text
    q = _QUARTER.match(key)
    if q and not roman and re.search(r"quy ?\d ?/", key):  # "Quý 1/2025" as typed
        q = None
    if q:
        num = _quarter_numeral(q.group("num"))
        if num is None:
            return text
        key = f"{q.group('head')} {num}/{q.group('year')}"
    printed = text.split()
    keys = key.split()
    same = len(printed) == len(keys)
    # (a word kept as printed keeps no fraction slash OCR read for the slash: "1⁄2023" is "1/2023")
    words = [_SPELLING.get(w) or (printed[i].replace("⁄", "/") if same and not q else w) for i, w in enumerate(keys)]
    out = " ".join(words)
    return out[:1].upper() + out[1:]
