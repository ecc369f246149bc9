"""A typed PDF plan whose coordinator cell a page break cut ("Các ngành liên" at the foot of one
page, "quan, UBMTTQ Việt Nam xã" at the head of the next): the repair took the short second line
for one stripped of its marks and decoded it whole, "quan" → "quản", silently. A typed line that
carries marks on its words and holds only syllables was typed with them
(``RepairSettings.keep_marked_typed_lines``, set for typed pages): its bare words are kept. An
N61 plan of a held-out commune; its truth from the generator."""

from __future__ import annotations

from pathlib import Path

from benchmarks.plan_scoring import score_plan
from corpus_helpers import converted_with_truth
from normalize.vietnamese import DEFAULT_SETTINGS, repair_line, typed_marks

DATA = Path(__file__).parent / "data" / "plans67"


def test_a_cells_line_cut_by_the_page_keeps_its_bare_word():
    data, truth = converted_with_truth(DATA / "cell_cut_by_page.pdf")
    got = [r["coordinator"] for t in data["task_tables"] for r in t["rows"]]
    assert got == [r["coordinator"] for r in truth["task_rows"]]
    assert "Các ngành liên quan, UBMTTQ Việt Nam xã" in got
    plan = score_plan(truth, data)
    assert all(right for _, _, right in plan["task_values"])


def test_a_typed_line_keeps_its_bare_syllables_but_a_stripped_one_is_still_repaired():
    typed = typed_marks(DEFAULT_SETTINGS)
    assert repair_line("quan, UBMTTQ Việt Nam xã", typed).text == "quan, UBMTTQ Việt Nam xã"
    assert repair_line("Cac nganh lien quan, UBMTTQ", typed).text == "Các ngành liên quan, UBMTTQ"
