"""Carry lines at a page break, as ledgers print them: "Cộng chuyển trang" (or "Cộng chuyển sang
trang sau", "Cộng trang") under the rows printed on a page, and "Trang trước chuyển sang" (or "Số
trang trước chuyển sang", "Cộng trang trước chuyển sang", "Mang sang") over the rows of the next,
each with the sums of the points printed so far. Such a line is the table's bookkeeping, neither a
criterion nor its total: read as a row it was a criterion no one set, with a code inferred for it;
read as the total, the first page's sum checked against the whole table's.

A carry line's label is made of the carry's words alone (a page, before or after, carried, the
sum's "cộng" / "tổng" / "số") and names the page or the carrying ("trang", "chuyển sang", "mang
sang"); its figures, if the label's cell holds them, are figures only."""

from __future__ import annotations

from normalize.lazy_regex import lazy_compile

# The words a carry line's label is made of, folded.
_CARRY_WORDS = frozenset(
    ("tong", "cong", "so", "diem", "trang", "truoc", "nay", "sau", "chuyen", "mang", "sang", "qua", "luy", "ke")
)
_CARRYING = lazy_compile(r"(?<![a-z])(?:trang|(?:chuyen|mang)\s+(?:sang|qua))(?![a-z])")
_WORD = lazy_compile(r"[a-z]+")


def is_carry_line(folded: str) -> bool:
    """Whether a folded label is a carry line's: only the carry's words, and a page or a carrying
    named ("cong chuyen trang", "trang truoc chuyen sang", "cong trang"; not "tong cong")."""
    words = _WORD.findall(folded)
    return bool(words) and set(words) <= _CARRY_WORDS and _CARRYING.search(" ".join(words)) is not None
