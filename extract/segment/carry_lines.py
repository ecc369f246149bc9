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
_CARRIED = lazy_compile(r"(?<![a-z])(?:chuyen|mang)\s+(?:sang|qua)(?![a-z])")
_WORD = lazy_compile(r"[a-z]+")


_FIGURE = lazy_compile(r"\d")


def opens_with_carry(folded: str) -> bool:
    """Whether a folded line of text opens with a carry line's label before its first figure
    ("cong trang 10 7,5stt noi dung …": an OCR dump glues the next page's header onto it)."""
    found = _FIGURE.search(folded)
    return found is not None and found.start() > 0 and is_carry_line(folded[: found.start()])


def is_carry_line(folded: str) -> bool:
    """Whether a folded label is a carry line's: only the carry's words, and a page or a carrying
    named ("cong chuyen trang", "trang truoc chuyen sang", "cong trang"; not "tong cong")."""
    words = _WORD.findall(folded)
    if not words or _CARRYING.search(" ".join(words)) is None:
        return False
    unknown = set(words) - _CARRY_WORDS
    # (OCR garbles a word: "Trang truéc chuyén sang" folds "truec"; a label naming the page and the
    # carrying both still is one with a word past reading)
    both = "trang" in words and _CARRIED.search(" ".join(words)) is not None
    return not unknown or (both and len(unknown) == 1)
