"""OCR dumps of leader-dotted score lists (issues 11, 14 and 16): no points column invented from a
leader's specks, no figure read among them taken silently, no sum vouching for a maximum read as 0.
The dump in tests/data/dumps_leader is real Tesseract output of seed 4101's generated N24 page (a
leader list under "Tối đa | Tự chấm"), with the generator's truth."""

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from cchc_extract.reconcile import reconcile
from cchc_extract.reconcile.held import _held_values
from extract.model import Line, Word
from extract.segment.leader_specks import leader_doubts, speck_of_digits
from extract.segment.line_cells import read_line
from extract.segment.line_common import LineTableSettings
from extract.segment.line_header import HeaderLayout
from extract.segment.points_columns import points_from_numbers
from test_reconcile import row, score_result

DATA = Path(__file__).parent / "data" / "dumps_leader"
N24 = DATA / "s4101-d14-i4-n24-i4-tab-aligned-dots-vie-psm6-200dpi-degraded.txt"
TWO = HeaderLayout(points=("max", "self"))
THREE = ("max", "self", "appraised")
# Lines of the N24 dump: a leader's specks read as figures beside the two printed ones.
LEADER_LINES = (
    ": đội! Kế hoạch cải cách hành chính năm......................----------22cs<sccs-sseee.. 2 2 1,5",
    "J RipthỜU ng n0 0 00. 6 c7 c0 1",
    "Hãnh CHHh c6 na. c0 0 7 200 1",
    ': _.344. Rà soát, đánh giá thủ tục hành t1") 717 1... 3',
    ": 7: Xây dựng chính quyền số, chuyển đổi s0... 185.. 15,25",
    "- 7.21 Tỷ lệ hồ sơ nỘp trực ID 7. c6... 3 3.5",
    ": điện tử của 13... TT. 4",
)


def lines(*texts: str) -> list[Line]:
    return [Line(text=t, raw=t, page=1, number=k + 1) for k, t in enumerate(texts)]


def test_a_leader_list_gets_no_third_column_from_its_specks():
    body = lines(*LEADER_LINES)
    settings = LineTableSettings()
    # Counted as figures, the specks make three columns (what main read: every row then lacked
    # its "appraised" cell) ...
    assert points_from_numbers(body, TWO, settings).points == THREE
    # ... in a leader list they are no evidence; the header's hint still is.
    assert points_from_numbers(body, TWO, settings, leadered=True).points == TWO.points
    assert points_from_numbers(body, TWO, settings, hinted=True, leadered=True).points == THREE


def test_three_figures_standing_in_three_places_are_three_columns():
    def placed(text: str, xs: tuple[float, ...]) -> Line:
        words = text.split()
        figures = [Word(w, (x - 5, 0, x + 5, 10)) for w, x in zip(words[-3:], xs)]
        return Line(text=text, raw=text, page=1, number=1, words=[Word(w, (0, 0, 1, 10)) for w in words[:-3]] + figures)

    aligned = [
        placed("1.1 Kế hoạch ........ 3 1,5 1,5", (400, 460, 520)),
        placed("1.2 Báo cáo định kỳ ...... 2 1,25 1", (401, 459, 522)),
    ]
    assert points_from_numbers(aligned, TWO, LineTableSettings(), leadered=True).points == THREE
    # The same figures standing anywhere (a speck's "3" far left of the cells) are not.
    scattered = [*aligned, placed("1.3 Tuyên truyền ..... 3 2,5 2,5", (250, 460, 520))]
    assert points_from_numbers(scattered, TWO, LineTableSettings(), leadered=True).points == TWO.points


def test_digit_specks_of_a_leader():
    for speck in ("n0", "22cs<sccs-sseee..", "13...", "185..", "2t.2s", "c7", "----------22cs"):
        assert speck_of_digits(speck), speck
    for clean in ("2", "0,5", "15,25", "2024;", "95%", "22/11/2024", "(2)", "......2", "năm....."):
        assert not speck_of_digits(clean), clean


def test_figures_read_among_specks_are_doubted():
    def doubted(text: str) -> tuple[str, ...]:
        return leader_doubts(read_line(lines(text)[0], False, TWO)).specked

    assert set(doubted("J RipthỜU ng n0 0 00. 6 c7 c0 1")) == {"max", "self"}
    assert set(doubted(": điện tử của 13... TT. 4")) >= {"max"}
    # A clean line of the same dump keeps its figures as read; its code's dots are the STT cell's.
    assert doubted("ỹ : chính ñm  ngglggglg 2 0,5") == ()
    assert doubted("1.1.2. Mức độ hoàn thành kế hoạch năm........ 2 0,5") == ()


def test_the_n24_dump_reads_two_columns_and_queues_every_wrong_figure():
    out = result_to_json(convert_file(N24))
    truth = json.loads(N24.with_name(N24.name + ".truth.json").read_text(encoding="utf-8"))
    want = {r["code"]: r for t in truth["score_tables"] for r in t["rows"]}
    rows = [r for t in out["score_tables"] for r in t["rows"]]
    assert rows
    # The header names "Tối đa" and "Tự chấm" only: no appraised figure, no appraised cell missed.
    assert all(r.get("appraised_points") is None for r in rows)
    assert not any(flag == "missing_appraised" for r in rows for flag in r["flags"])
    queued = {(e["item"], e.get("field")) for e in out["review"]}
    silent = []
    for i, read in enumerate(rows):
        right = want.get(read["code"])
        for field in ("max_points", "self_points"):
            value = read.get(field)
            if value is None or right is None or value == right[field]:
                continue
            if (f"/score_tables/0/rows/{i}", field) not in queued:
                silent.append((read["code"], field, value, right[field]))
    assert not silent
    # A maximum read as 0 (1.1.1's, "n0 0 00" of the leader) is never vouched by a sum.
    zero = [i for i, r in enumerate(rows) if r.get("max_points") == 0]
    assert zero and all((f"/score_tables/0/rows/{i}", "max_points") in queued for i in zero)


def _held_maxima(rows) -> set[str]:
    result = score_result(rows)
    reconcile(result)
    assert next(c for c in result.checks if c.kind == "sum_children").status == "ok"
    return {pointer for pointer, f in _held_values(result, result.checks) if f == "max_points"}


def test_a_sum_holding_with_a_zero_maximum_vouches_for_none():
    # 1.1.1's maximum read "0" off a leader's specks: 2 = 0 + 2 holds, but no criterion is worth 0.
    assert not _held_maxima([row("1.1", 2, 2), row("1.1.1", 0, 0), row("1.1.2", 2, 0.5)])
    # The same sum with every maximum above zero vouches for its members.
    assert len(_held_maxima([row("1.1", 3, 2.25), row("1.1.1", 1, 1), row("1.1.2", 2, 1.25)])) == 3
