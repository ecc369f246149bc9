"""A task table's count column: "Số lượng" ("Số lượng sản phẩm", "Số lượng (sản phẩm)", "Khối
lượng") after the product, its cells the products counted, "01", "04", "112". It is none of a
task's fields: not the product (its label's "sản phẩm" says what is counted, not what is made), and
its zero-padded figures are no criterion codes whose dot OCR lost ("04" read as 0.4), no deadline
and no lead. The column is left to the row's extra cells, as any column no field names."""

from __future__ import annotations

from normalize.lazy_regex import lazy_compile
from normalize.text import fold

# A label naming a count (accent-free, at its start: "Số lượng sản phẩm"; "Số lượng" after a
# column number "4- Số lượng").
COUNT_LABEL = lazy_compile(r"^\W*(?:\d+\W+)?(?:so luong|khoi luong)\b")


def count_columns(labels: list[str]) -> set[int]:
    """The columns whose label names a count."""
    return {c for c, label in enumerate(labels) if COUNT_LABEL.match(fold(label).strip())}
