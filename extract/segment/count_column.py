"""A column of counts among a score table's points columns, read from lines (an OCR dump): "Số
lượng văn bản, sản phẩm", "Số lượng (văn bản, hồ sơ)", "Kết quả thực hiện (số lượng)" print how
many documents or products each criterion's work made, before the maximum or after it.

Its figures are no points, but a line prints them in the same run as the points ("1. Công tác chỉ
đạo … 31 10 9,5 Công văn …"), so a reader that knows only the points columns takes the count for
the maximum and the maximum for the self points. The header says the column is there (its label
names "số lượng") and where: the header's first line holds each column label's opening word left to
right ("TT Tiêu chí đánh giá Kết quả | Điểm | Điểm tự Tài liệu kiểm"), so the points labels opened
before the count's opening word say how many points columns print before it. A row whose run holds
one figure more than the points columns holds the count among them, dropped there; a row printing no
count (a field made of others, a leaf the count was left blank on) prints the points alone.
"""

from __future__ import annotations

from extract.model import Line
from extract.segment.line_header import header_key, opens_points_label
from normalize.text import fold_words

# A count label names its figures' kind: "số lượng" (folded, OCR's glued "soluong" too), its two
# words often wrapped apart ("Số Điểm | Điểm tự" over "lượng tối đa chấm"); "chất lượng" (quality)
# is a criterion's word, no count.
_COUNT_WORDS = ("luong", "soluong")
_NOT_COUNT = "chat"
# Words a count label opens with on the header's first line: "Số lượng …", "Kết quả thực hiện (số
# lượng)" (the words after them wrap onto the lines below).
_OPENINGS = (("so", "luong"), ("soluong",), ("ket", "qua"), ("ketqua",))
# Keys of the words that make a "Kết quả …" label a points one ("Kết quả tự đánh giá (điểm)").
_POINTS_KEYS = frozenset({"max", "self", "appraised"})


def count_column_at(lines: list[Line]) -> int | None:
    """How many points columns print before a count column the header names: None when it names
    none, or when no header line shows where it stands among the points columns."""
    words = fold_words(" ".join(line.raw or line.text for line in lines)).split()
    if not any(_names_count(words, k) for k in range(len(words))):
        return None
    for line in lines:
        at = _count_place((line.raw or line.text).split())
        if at is not None:
            return at
    return None


def _count_place(raw: list[str]) -> int | None:
    """How many points columns a header line names before the count label's word on it: the
    labels' first line opens each label ("Kết quả | Điểm | Điểm tự"), a wrapped line holds each
    label's next word in the same order ("lượng tối đa chấm chứng" under "Số Điểm | Điểm tự"). A
    line naming no points column beside the count's word ("lượng)") says nothing of its place;
    a "Kết quả" whose next words name a points column is that column's label."""
    folded = [fold_words(w) for w in raw]
    for k in range(len(raw)):
        if not _names_count(folded, k) and not any(_holds(folded, k, opening) for opening in _OPENINGS):
            continue
        result = folded[k] in ("ket", "ketqua")
        if result and any(header_key(w) in _POINTS_KEYS for w in raw[k + 1 : k + 5] if not opens_points_label(w)):
            continue
        before, after = raw[:k], raw[k + 1 :]
        opened = sum(1 for w in before if opens_points_label(w))
        if opened or any(opens_points_label(w) for w in after):
            return opened
        keyed = _points_runs(before)
        if keyed or _points_runs(after):
            return keyed
        return None
    return None


def _points_runs(words: list[str]) -> int:
    """How many points columns a run of header words names, a label's words in a row one column
    ("tối đa chấm": the maximum's two words, the self points' one)."""
    keys = [header_key(w) for w in words]
    named = [key for key in keys if key in _POINTS_KEYS]
    return sum(1 for k, key in enumerate(named) if k == 0 or named[k - 1] != key)


def _names_count(words: list[str], k: int) -> bool:
    return words[k] in _COUNT_WORDS and (k == 0 or words[k - 1] != _NOT_COUNT)


def _holds(words: list[str], k: int, phrase: tuple[str, ...]) -> bool:
    return tuple(words[k : k + len(phrase)]) == phrase


def without_count(numbers: list, count_at: int | None, n_points: int) -> list:
    """A row's run of figures without the count's: only a run holding one figure more than the
    points columns holds it (a row printing its points alone left the count blank)."""
    if count_at is None or len(numbers) != n_points + 1:
        return numbers
    return [*numbers[:count_at], *numbers[count_at + 1 :]]
