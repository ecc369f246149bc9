"""The words of a score table's points columns, in one place for every reader that must know them:
the score-table reader to tell its points columns apart, and the statistics-annex and task-table
readers to leave a score table alone (a table headed by any of them is someone else's)."""

from __future__ import annotations

from normalize.numbers import parse_number
from normalize.text import fold

# Words that settle which points column a label is: a label carrying one of a key's words is no
# other points column, however close its wording ("Điểm tự chấm" is a near neighbour of "Điểm
# thẩm định" to a fuzzy matcher, "Điểm tối đa được chấm" of "tự chấm").
POINTS_MARKS: dict[str, tuple[str, ...]] = {
    "max": ("toi da", "diem chuan", "thang diem", "diem quy dinh"),  # "Điểm quy định": the rules' points
    "self": ("tu cham", "tu danh", "tu dg"),
    "appraised": ("tham dinh", "noi vu"),
}

# Header words (accent-free) that make a table a score table to the other readers. Whole phrases,
# not the bare marks above: "tối đa" alone heads a task table's "Thời hạn tối đa" too. "diem tu"
# (of "Điểm tự đánh giá" / "Điểm tự chấm") survives a scan that garbles the rest ("Điểm tự đánh ga").
SCORE_HEADER_WORDS: tuple[str, ...] = (
    "diem toi da",
    "tu danh gia",
    "tu cham",
    "diem chuan",
    "thang diem",
    "diem quy dinh",
    "diem tham dinh",
    "diem tu",
)


def share_label(label: str) -> bool:
    """Whether a column's label names a share in per cent ("Tỷ lệ đạt (%)", "Tỷ lệ điểm đạt so với
    điểm tối đa (%)"): the self points over the maximum, never points itself, however many points'
    words its label repeats."""
    folded = " ".join(fold(label or "").split())
    return folded.startswith("ty le") or "(%)" in folded


def share_value(raw: str | None) -> float | None:
    """The per cent a share cell prints ("87,5", "87,5 %"); None when blank or no figure."""
    parsed = parse_number(raw) if raw and raw.strip() else None
    return parsed.value if parsed is not None else None
