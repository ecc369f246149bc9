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
)
MIDDLE = {
    "m": ("Văn", "Hữu", "Đức", "Minh", "Quang", "Công", "Xuân", "Thanh", "Đình", "Ngọc"),
    "f": ("Thị", "Ngọc", "Thanh", "Thu", "Minh", "Kim", "Hồng", "Thúy"),
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
    ),
    "f": ("Lan", "Mai", "Hương", "Thảo", "Yến", "Hạnh", "Nga", "Trang", "Hà", "Linh", "Nhung", "Vân"),
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
    sex = rng.choice("mf")
    return f"{rng.choice(FAMILY_NAMES)} {rng.choice(MIDDLE[sex])} {rng.choice(GIVEN[sex])}"


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
