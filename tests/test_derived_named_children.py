"""A dump of a table numbered in parts of its own (dev seed 5101's d06-i3, the typed F17 layout
read by real Tesseract: "I", "1", "a)" … over the ca-mau set's 1.1, 1.1.1 …) lost the figures of
"d) Mức độ thực hiện kế hoạch CCHC". Its parent "1. Kế hoạch CCHC năm" prints 5 and 5, its
siblings a)–c) 1 and 1 each: the sum gives d) 2 and 2 (the truth file's values). The set names
a "1" too, its field "Công tác chỉ đạo" with children 1.1–1.3, so compared by code the page's
children 1.a–1.d were never whole and nothing was derived; compared by name
(``reconcile.named_children``) they are every child of the set's 1.1. A lost maximum no sum gives
is the set's for the criterion the row's name words, not for the set's criterion of its code."""

from pathlib import Path

import pytest

from cchc_extract.pipeline import convert_file
from cchc_extract.reconcile.named_children import children_named_whole, own_numbered_table
from normalize.criteria import criteria_set
from schemas.records import ScoreRow

DUMP = Path(__file__).parent / "data" / "named_children" / "parts-own-numbering.txt"


@pytest.fixture(scope="module")
def result():
    return convert_file(DUMP)


def test_a_lost_child_is_derived_under_a_parent_named_as_the_sets_criterion(result):
    (table,) = result.score_tables
    rows = {str(r.code): r for r in table.rows}
    d = rows["1.d"]
    assert (d.max_points, d.self_points) == (2.0, 2.0)
    assert d.max_points_raw is None and d.self_points_raw is None  # derived, never read
    assert {"derived_from_sums:max_points", "derived_from_sums:self_points"} <= set(d.flags)
    # one route only (the parent less its siblings): queued, and still told unread
    pointer = f"/score_tables/0/rows/{table.rows.index(d)}"
    assert any(item.item == pointer for item in result.review)
    assert any("1.d" in part.reason for part in result.unread)
    # "1. Báo cáo CCHC" and its "a)" under part II lost every figure, and no sum is known whole
    # there: their maxima are the set's for the criteria their names word (its 1.2 and 1.2.1),
    # flagged as the set's; their scores stay blank; the part II, no criterion, gets nothing.
    assert (rows["II.1"].max_points, rows["II.1.a"].max_points) == (2.0, 1.0)
    assert all("derived_from_criteria_set:max_points" in rows[c].flags for c in ("II.1", "II.1.a"))
    assert all(rows[c].self_points is None for c in ("II", "II.1", "II.1.a"))
    assert rows["II"].max_points is None


def _row(code: str, name: str) -> ScoreRow:
    return ScoreRow(code=code, name=name, max_points=1.0, self_points=1.0)


def test_children_are_whole_by_names_only_when_every_child_is_named():
    cset = criteria_set("ca-mau_2013")
    head = ScoreRow(code="I", name="CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH TRỌNG TÂM")
    parent = ScoreRow(code="1", name="Kế hoạch CCHC năm", max_points=5.0)
    kids = [
        _row("1.a", "Ban hành kế hoạch CCHC năm"),
        _row(
            "1.b",
            "Xác định đầy đủ các nhiệm vụ CCHC trên các lĩnh vực theo kế hoạch năm của UBND tỉnh và bố "
            "trí kinh phí thực hiện",
        ),
        _row(
            "1.c",
            "Các kết quả phải đạt được xác định rõ ràng, cụ thể và định rõ trách nhiệm triển khai của "
            "phòng, ban, đơn vị trực thuộc",
        ),
        _row("1.d", "Mức độ thực hiện kế hoạch CCHC"),
    ]
    rows = [head, parent, *kids]
    assert own_numbered_table(rows, cset)
    assert children_named_whole(rows, 1, [2, 3, 4, 5], cset)
    # a child lost (three of the set's four named) or garbled past its wording: not whole
    assert not children_named_whole(rows, 1, [2, 3, 4], cset)
    rows[5] = _row("1.d", "Mttc xyz qwe")
    assert not children_named_whole(rows, 1, [2, 3, 4, 5], cset)
