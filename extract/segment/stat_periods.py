"""An annex that prints two periods side by side: this period's figures beside the same period of
an earlier year ("6 tháng đầu năm 2025 | Cùng kỳ năm 2024", "Kỳ này | Cùng kỳ năm trước", "Năm
2025 | Năm 2024"), often with the change between them ("So sánh (%)", "Tăng/giảm so với cùng kỳ").

A period's label names no figure's role ("Số liệu", "Thực hiện"), so the annex reader
(``statistics.column_roles``) finds the value column here: the period the report is about is the
column that is neither the earlier period ("Cùng kỳ …", "… năm trước") nor their comparison; of
several columns headed by a year, the latest year's. The other columns stay in the row's note
("Cùng kỳ năm 2024: 19"), nothing printed dropped.

A plan's targets are also headed by years ("Năm 2026 | Năm 2027"), so year headers alone do not
tell the two apart (``target_tables.is_target_table``): a plan looks forward, year after year; a
report compares its period with an earlier one, so an earlier period's column, a comparison
column or years printed latest first make the table a report's annex."""

from __future__ import annotations

from normalize.lazy_regex import lazy_compile
from normalize.text import any_word, fold

# The earlier period a report compares with ("Cùng kỳ năm 2024", "Kỳ trước", "Năm trước").
_EARLIER = any_word(("cung ky", "cung thoi ky", "ky truoc", "nam truoc", "ky bao cao truoc"))
# The comparison of the two periods ("So sánh (%)", "Tăng/giảm so với cùng kỳ", "Tỷ lệ so với …"),
# its sign in brackets or a comma between its words too ("Tăng (+), giảm (-)", "Tỷ lệ tăng, giảm (%)").
_CHANGE = lazy_compile(r"(?<![a-z])(?:so sanh|tang\s*(?:\(\s*\+\s*\))?\s*[,/]?\s*giam|chenh lech|so voi)(?![a-z])")
# The period the report is about, named without a year ("Kỳ này", "Kỳ báo cáo").
_THIS = any_word(("ky nay", "ky bao cao", "nam nay"))
# A period with its year ("6 tháng đầu năm 2025", "Năm 2025", "Quý II/2025", "Thực hiện năm 2025").
_PERIOD_YEAR = lazy_compile(r"(?<![a-z])(?:nam|quy|thang|ky)(?![a-z])[^0-9]{0,12}((?:19|20)\d\d)(?!\d)")
_YEAR = lazy_compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
# The change's label as OCR leaves a header's text: its sign in brackets ("Tăng (+)", "giảm (-)"),
# its words glued ("Sosanh", "Chênhlệch").
# A label wrapped over two lines keeps half its words on each ("Chênh" / "lệch(+/-)"), so its sign
# alone in brackets ("(+/-)", "(+)") or "Chênh" alone say it too; OCR's specks between its words
# ("So-sanh", "So_sanh") and the sign's bracket before the other word ("Tăng" / "(+)/giảm", the label
# wrapped after its first word) as well.
_CHANGE_READ = lazy_compile(
    r"(?:(?<![a-z])(?:(?:tang|giam)\s*\(\s*[+-]\s*\)|so[\s\-_.~]*sanh|chenh)|\(\s*\+\s*/\s*-\s*\)"
    r"|\(\s*[+-]\s*\)\s*[,/]\s*(?:giam|tang)(?![a-z]))"
)
# A period's label with no year ("Năm | Năm", its years on the header's next line).
_PERIOD_WORD = lazy_compile(r"(?<![a-z])nam(?![a-z])")

EARLIER = "earlier"
CHANGE = "change"
THIS = "this"


def period_kinds(labels: list[str]) -> dict[int, str]:
    """Column → what period it holds: ``THIS`` (the report's), ``EARLIER`` (the one compared
    with) or ``CHANGE`` (their comparison). Columns of no period are left out. Of several
    year-headed periods no word marks, the latest year's is this period and the others earlier."""
    kinds: dict[int, str] = {}
    years: dict[int, int] = {}
    for c, label in enumerate(labels):
        folded = fold(label or "")
        if _CHANGE.search(folded):
            kinds[c] = CHANGE
        elif _EARLIER.search(folded):
            kinds[c] = EARLIER
        elif _THIS.search(folded):
            kinds[c] = THIS
        elif m := _PERIOD_YEAR.search(folded):
            years[c] = int(m.group(1))
    latest = [c for c, year in years.items() if year == max(years.values())]
    if len(latest) == 1:  # (two periods of one year, "Kế hoạch năm 2025 | 6 tháng năm 2025": no guess)
        for c in years:
            # (one year column beside a marked one: "6 tháng đầu năm 2025 | Cùng kỳ năm 2024")
            kinds[c] = THIS if c == latest[0] and THIS not in kinds.values() else EARLIER
    return kinds


def names_earlier(label: str) -> bool:
    """Whether a column's label names the earlier period or the change by its words ("Số liệu cùng
    kỳ", "So sánh (%)"): never this period's figure, whatever else it says."""
    folded = fold(label or "")
    return bool(_EARLIER.search(folded) or _CHANGE.search(folded))


def names_earlier_period(label: str) -> bool:
    """Whether a label names the earlier period ("Cùng kỳ năm trước", "Năm trước")."""
    return bool(_EARLIER.search(fold(label or "")))


def names_change(label: str) -> bool:
    """Whether a label names the change of two periods ("So sánh (%)", "So với cùng kỳ"), as
    printed or as OCR left its words ("Sosanh", "Tăng (+)")."""
    folded = fold(label or "")
    return bool(_CHANGE.search(folded) or _CHANGE_READ.search(folded))


def this_period_column(labels: list[str]) -> int | None:
    """The column of the report's own period when the header compares it with an earlier one
    (there is an earlier period's or a comparison column), else None."""
    if not compares_periods(labels):
        return None  # (years running forward: a plan's, no period of a report)
    kinds = period_kinds(labels)
    this = [c for c, kind in kinds.items() if kind == THIS]
    return this[0] if len(this) == 1 else None


def compares_periods(labels: list[str]) -> bool:
    """Whether a header compares the report's period with an earlier one: a column of the earlier
    period or of the change, or year columns printed latest first (a plan's years run forward)."""
    if any(names_earlier(label) for label in labels):
        return True
    folded = [fold(label or "") for label in labels]
    years = [int(m.group(1)) for f in folded if (m := _YEAR.search(f))]
    return len(years) >= 2 and len(set(years)) == len(years) and years == sorted(years, reverse=True)


def this_period_first(header: str) -> bool | None:
    """Of the two periods a header's text compares, whether the report's own is printed first
    (True) or second (False); None when the header compares no periods or does not say. For a
    header read as text (OCR's lines, its labels run together): the years' order where two are
    printed (the latest is this period's), else the order of the words naming each period
    ("Cùng kỳ năm trước … Kỳ này", "Kỳ báo cáo … Kỳ báo cáo trước")."""
    folded = fold(header or "")
    if not (_EARLIER.search(folded) or _CHANGE.search(folded) or _CHANGE_READ.search(folded)):
        return None  # (years alone run forward in a plan: no period of a report)
    years: list[int] = []
    for m in _YEAR.finditer(folded):
        years += [] if int(m.group(1)) in years else [int(m.group(1))]
    if len(years) >= 2:
        return years[0] == max(years[:2])
    earlier = _EARLIER.search(folded)
    # ("Kỳ báo cáo trước" names the earlier period: its words are not this period's "Kỳ báo cáo")
    this = _THIS.search(_EARLIER.sub(lambda m: " " * len(m.group()), folded))
    if earlier is None or this is None:
        return None
    return this.start() < earlier.start()


def names_compared_periods(header: str) -> bool:
    """Whether a header's text (one line of it, as OCR read it) labels two periods compared side
    by side: a word of the earlier period, of this one or of their change ("Cùng kỳ", "Kỳ này",
    "Chênh", "Tăng (+)"), or two period labels ("Năm | Năm"): the figure's columns, where a
    one-period form prints "Số liệu"."""
    folded = fold(header or "")
    if _EARLIER.search(folded) or _THIS.search(folded) or _CHANGE.search(folded) or _CHANGE_READ.search(folded):
        return True
    return len(_PERIOD_WORD.findall(folded)) >= 2
