"""Fictional places, people, document numbers and dates of the corpus, from seeded random choices.

Names are built from syllable lists so no generated commune is a real one on purpose; the communes of
our own samples are excluded so a corpus document is never mistaken for a sample.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

SYLLABLES = (
    "Tân",
    "Phú",
    "Mỹ",
    "Lạc",
    "An",
    "Bình",
    "Hòa",
    "Thạnh",
    "Long",
    "Phước",
    "Hưng",
    "Thuận",
    "Xuân",
    "Hà",
    "Sơn",
    "Thanh",
    "Quang",
    "Minh",
    "Đức",
    "Vĩnh",
    "Hải",
    "Trung",
    "Nghĩa",
    "Lợi",
    "Phong",
    "Kim",
    "Yên",
    "Thịnh",
    "Định",
    "Hiệp",
    "Tiến",
    "Cường",
    "Lộc",
    "Khánh",
    "Gia",
    "Đồng",
    "Tường",
    "Vân",
    "Lâm",
    "Hợp",
    "Thái",
    "Châu",
    "Quý",
    "Diên",
    "Mỹ",
    "Tam",
)
DIRECTIONS = ("Đông", "Tây", "Nam", "Bắc", "Thượng", "Hạ")
PROVINCES = (
    "Thanh Hóa",
    "Nghệ An",
    "Quảng Trị",
    "Bình Định",
    "Phú Yên",
    "Hà Tĩnh",
    "Tuyên Quang",
    "Đồng Tháp",
    "Bến Tre",
    "Lạng Sơn",
    "Gia Lai",
    "Sóc Trăng",
)
# The communes our samples come from: never used for corpus documents.
SAMPLE_COMMUNES = frozenset({"Quảng Thành", "Triệu Sơn", "Hương Sơn", "Ngọc Kỳ", "Cẩm Nhượng"})

# Vietnamese surnames, written here for the generator and kept apart from the reader's own list
# (extract/metadata.py): the common ones, the rarer ones the reader does not know (Đoàn, Hứa,
# Vương, Tạ, Lại, Quách, Kiều …, some a single letter from a common one, so a reader that snaps
# names to its list is caught), and surnames of ethnic minorities (Lò, Nông, Lường, Hà, Sầm …).
FAMILY_NAMES = (
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Trương",
    "Đinh",
    "Lương",
    "Mai",
    "Đoàn",
    "Hứa",
    "Vương",
    "Tạ",
    "Lại",
    "Quách",
    "Kiều",
    "Trịnh",
    "Phùng",
    "Thái",
    "Tô",
    "Khổng",
    "Lưu",
    "Triệu",
    "Nông",
    "Lò",
    "Lường",
    "Sầm",
    "Đàm",
    "Mạc",
    "Chu",
    "Giáp",
    "Từ",
    "Thân",
    "Doãn",
    "Khúc",
    "Ninh",
    "Tống",
    "Tăng",
    "Lục",
    "Cù",
    "Diệp",
    "Kha",
    "Âu",
    "Ông",
    "Ứng",
    "Văn",
    "Bế",
    "Hà",
)
MIDDLE = {
    "m": ("Văn", "Hữu", "Đức", "Minh", "Quang", "Công", "Xuân", "Thanh", "Đình", "Ngọc", "Bá", "Trọng", "Duy", "Khắc"),
    "f": ("Thị", "Ngọc", "Thanh", "Thu", "Minh", "Kim", "Hồng", "Thúy", "Bích", "Phương", "Diệu", "Mỹ"),
}
GIVEN = {
    "m": (
        "An",
        "Bình",
        "Cường",
        "Dũng",
        "Hùng",
        "Hải",
        "Nam",
        "Phúc",
        "Quân",
        "Sơn",
        "Tâm",
        "Tuấn",
        "Việt",
        "Khoa",
        "Long",
        "Thắng",
        "Toàn",
        "Trung",
        "Vinh",
        "Hiếu",
        "Chiến",
        "Đạt",
        "Giang",
        "Huy",
        "Khải",
        "Kiên",
        "Lộc",
        "Mạnh",
        "Nghĩa",
        "Quyết",
        "Thành",
        "Tùng",
        "Pó",
        "Thoảng",
    ),
    "f": (
        "Lan",
        "Mai",
        "Hương",
        "Thảo",
        "Yến",
        "Hạnh",
        "Nga",
        "Trang",
        "Hà",
        "Linh",
        "Nhung",
        "Vân",
        "Hằng",
        "Huyền",
        "Loan",
        "Ngân",
        "Oanh",
        "Phượng",
        "Thủy",
        "Tuyết",
        "Uyên",
    ),
}


def place_name(rng: random.Random, exclude: frozenset[str] = SAMPLE_COMMUNES) -> str:
    """Two syllables ("Tân Lạc"), now and then a third that is a direction ("Phú Mỹ Đông")."""
    while True:
        first, second = rng.sample(SYLLABLES, 2)
        name = f"{first} {second}"
        if rng.random() < 0.2:
            name += " " + rng.choice(DIRECTIONS)
        if name not in exclude:
            return name


def person_name(rng: random.Random) -> str:
    """Surname, middle name and given name; about one in six has a second given syllable
    ("Nguyễn Thị Thu Hà") or no middle name ("Lò Pó")."""
    sex = rng.choice("mf")
    roll = rng.random()
    middle = rng.choice(MIDDLE[sex])
    if roll < 0.1:
        middle = f"{middle} {rng.choice(GIVEN[sex])}"
    elif roll < 0.17:
        middle = ""
    return " ".join(p for p in (rng.choice(FAMILY_NAMES), middle, rng.choice(GIVEN[sex])) if p)


@dataclass(frozen=True)
class Place:
    commune: str
    district: str | None  # None after the 2025 merger: communes sit directly under the province
    province: str


def make_place(rng: random.Random, pre_merger: bool) -> Place:
    commune = place_name(rng)
    district = place_name(rng, SAMPLE_COMMUNES | {commune}) if pre_merger else None
    return Place(commune, district, rng.choice(PROVINCES))


def printed_date(date: dt.date, padded: bool) -> str:
    """ "ngày 05 tháng 01 năm 2024" or "ngày 5 tháng 1 năm 2024"."""
    if padded:
        return f"ngày {date.day:02d} tháng {date.month:02d} năm {date.year}"
    return f"ngày {date.day} tháng {date.month} năm {date.year}"


def random_date(rng: random.Random, year: int, months: tuple[int, int]) -> dt.date:
    month = rng.randint(*months)
    return dt.date(year, month, rng.randint(1, 28))


def short_date(date: dt.date, rng: random.Random) -> str:
    """A date as body text cites it: "05/01/2024" or "5/1/2024"."""
    if rng.random() < 0.6:
        return f"{date.day:02d}/{date.month:02d}/{date.year}"
    return f"{date.day}/{date.month}/{date.year}"


CITED_KINDS = (("KH", "Kế hoạch"), ("BC", "Báo cáo"), ("QĐ", "Quyết định"), ("TB", "Thông báo"), ("CV", "Công văn"))


def citation(rng: random.Random, year: int, kind: tuple[str, str] | None = None) -> str:
    """A cited document, e.g. "Kế hoạch số 12/KH-UBND ngày 05/01/2024"."""
    code, word = kind or rng.choice(CITED_KINDS)
    date = random_date(rng, year, (1, 12))
    number = rng.randint(1, 320)
    suffix = "UBND" if code != "CV" else rng.choice(("UBND", "VP"))
    return f"{word} số {number}/{code}-{suffix} ngày {short_date(date, rng)}"


EXPLANATION_FULL = (
    "Đã ban hành đúng thời gian quy định",
    "Thực hiện đầy đủ, đúng quy định",
    "Hoàn thành 100% kế hoạch",
    "Không phát sinh",
    "Đạt yêu cầu theo hướng dẫn",
)
EXPLANATION_SHORT = (
    "Chưa hoàn thành {k}/{n} nhiệm vụ theo kế hoạch",
    "Tỷ lệ đạt {p}%",
    "Ban hành chậm so với quy định",
    "Chưa đầy đủ tài liệu kiểm chứng",
)


def explanation(rng: random.Random, year: int, full: bool) -> str | None:
    """A short explanation: a cited document, a remark, or both; None for some rows."""
    roll = rng.random()
    if roll < 0.25:
        return None
    if roll < 0.7:
        return citation(rng, year)
    if full:
        return rng.choice(EXPLANATION_FULL)
    n = rng.randint(5, 20)
    text = rng.choice(EXPLANATION_SHORT).format(k=rng.randint(1, n - 1), n=n, p=rng.randint(60, 95))
    return text
