"""A wrapped criterion name an OCR dump cut mid-phrase: the row's first line ends its name part
with room left ("2.1 | Ban hanh van ban quy pham phap } 2,9"), which the room rule takes for the
name's end, so the next line ("luat theo tham quyén : .") went whole to the explanation. The room
is a guess in characters and OCR'd text has no fixed pitch: the run of lines after such a row may
reopen the name when the language model's continuation across the break pays for it
(``LineTableSettings.name_reopens``, ``joint_split``'s ``name_reopens``), never after a stop (a
scale label "… kinh phí:") nor after words OCR glued into one (issue 11, names).

The dump is a generated one (spent seed 21001, family D19, instance 3); the expected names and
explanations are its truth file's."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.pipeline import PipelineOptions, convert_file, result_to_json
from extract.segment.line_common import LineTableSettings
from extract.segment.line_split import joint_split
from normalize.criteria.match_settings import MatchSettings

DUMP = Path(__file__).parent / "data" / "dump_name_reopens" / "side-by-side-s21001-d19-i3.txt"


def _tokens(text: str) -> list[tuple[str, str]]:
    return [(w, w) for w in text.split()]


def _rows() -> dict[str, dict]:
    # (names as read, not snapped to a set's wording: the split itself is under test)
    out = result_to_json(convert_file(DUMP, options=PipelineOptions(criteria=MatchSettings(snap_names=False))))
    return {r["code"]: r for t in out["score_tables"] for r in t["rows"]}


def test_a_name_cut_mid_phrase_takes_its_next_lines_words_back():
    rows = _rows()
    assert rows["2.1"]["name"] == "Ban hành văn bản quy phạm pháp luật theo thẩm quyền"
    assert rows["3.3"]["name"] == "Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức"
    assert not rows["3.3"]["explanation"]  # (the truth has none)
    assert rows["4.2"]["name"].startswith("Thực hiện quy chế làm việc của Ủy ban")
    assert "ban" not in rows["4.2"]["explanation"]  # "Kế hoạch số 150/KH-UBND ngày 23/9/2024"


def test_the_reopening_is_weighed_only_when_asked_and_not_after_a_stop():
    line = [(_tokens("luat theo tham quyén"), 30, 30)]
    name = _tokens("Ban hanh van ban quy pham phap")
    s = LineTableSettings()
    assert joint_split(line, name, [], (False, False), s)[0] == [0]  # closed: the room rule alone
    assert joint_split(line, name, [], (False, False), s, name_reopens=True)[0] == [4]
    stopped = _tokens("Xác định đầy đủ nhiệm vụ và có bố trí kinh phí:")
    assert joint_split(_tokens_line("bố trí kinh phí thực hiện"), stopped, [], (False, False), s, name_reopens=True)[
        0
    ] == [0]


def _tokens_line(text: str) -> list[tuple[list[tuple[str, str]], int, int]]:
    return [(_tokens(text), 30, 30)]
