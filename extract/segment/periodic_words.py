"""A plan spells its periodic deadlines one way: "hằng quý", "hằng tháng", "hằng năm" (or, in
another plan, "hàng quý"). On a scan OCR drops the breve of "ằ" and reads "hằng quý" as "hàng
quý", which is a word too, so the deadline alone shows nothing (issue 11). The table does: when
its other deadlines print the periodic word with the breve at least as often as without, a reading
without it lost the breve — put back, the row noted ``PERIODIC_SPELT`` (a mend by the plan's own spelling, not
queued). A mark OCR lost is the common error, one it adds is not: a "hằng" among "hàng"s is left."""

from __future__ import annotations

from dataclasses import replace

from normalize.lazy_regex import lazy_compile
from schemas.records import TaskTable

# A row's note that its deadline's periodic word was put in the table's spelling.
PERIODIC_SPELT = "periodic_word_spelt"
# "hằng"/"hàng" before a period ("quý", "tháng", "năm", "tuần", "ngày"), any case.
_PERIODIC = lazy_compile(r"(?i)\b(h[àằ]ng)(?=\s+(?:quý|tháng|năm|tuần|ngày)\b)")


def _with_breve(word: str) -> str:
    return word.replace("à", "ằ").replace("À", "Ằ")


def spelt_as_the_table(table: TaskTable) -> TaskTable:
    """The table with each deadline's "hàng <period>" put as "hằng <period>" when its deadlines
    print "hằng" at least as often as "hàng"."""
    words = [m.group(1).lower() for r in table.rows for m in _PERIODIC.finditer(r.deadline or "")]
    if "hằng" not in words or "hàng" not in words or words.count("hàng") > words.count("hằng"):
        return table
    rows = []
    for row in table.rows:
        put = _PERIODIC.sub(lambda m: _with_breve(m.group(1)), row.deadline or "")
        if put != (row.deadline or ""):
            row = replace(row, deadline=put, flags=[*row.flags, f"{PERIODIC_SPELT}: (was '{row.deadline}')"])
        rows.append(row)
    return replace(table, rows=rows)
