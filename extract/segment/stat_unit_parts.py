"""An annex that splits the commune's figure by place: a column per hamlet or residential group
("Thôn 1 | Thôn 2 | … | Toàn xã", "Tổng số | Chia ra: TDP 1 | TDP 2 …", "Ấp Tân Lập | Ấp Hòa Bình"),
the commune's total printed last or first.

The report is about the commune, so the total's column holds the annex's figure; the hamlets are
parts of it as quarters are of a year (``stat_period_parts`` reads both kinds: this module only
knows the words). A hamlet's label is the kind of place ("Thôn", "Ấp", "Bản", "Xóm", "Tổ dân phố",
"TDP", "Khu phố", "Tổ", "Khu", "Buôn", "Làng", "Sóc", "Khóm") with its number ("Thôn 1", "Ấp1" as OCR
glues it, "Xóm II") or its name ("Thôn Đông Hòa": the name capitalised, so "Ban hành" or "Tổ chức"
is no place). The whole is the commune's: "Toàn xã", "Toàn phường", "Cả xã", "Tổng số", "Tổng cộng"."""

from __future__ import annotations

from normalize.lazy_regex import lazy_compile
from normalize.text import fold

# The kinds of place a commune is divided into, folded; longest first so "to dan pho" wins over "to".
_KINDS = r"to dan pho|khu dan cu|khu pho|tdp|kdc|thon|xom|ban|ap|buon|lang|soc|khom|khu|to|kp"
# A numbered place ("thon 1", "ap1", "xom ii", "to 12", "khu pho 3a"). A Roman numeral stands
# apart from its kind: glued, "to" + "i" is "tối" folded ("Điểm tối đa" is no "Tổ I").
_NUMBERED = lazy_compile(
    rf"(?<![a-z0-9])(?:{_KINDS})(?:\s*(?:so\s*)?\d{{1,3}}[a-z]?|\s+(?:so\s+)?[ivx]{{1,4}})(?![a-z0-9])"
)
# A named place, as typed (accents and case kept): the kind capitalised, then a capitalised name
# ("Thôn Đông Hòa", "THÔN ĐÔNG", "Bản Nà Sành"; not "Ban hành", "Tổ chức", "Khu vực").
_NAMED = lazy_compile(
    r"(?<!\p{L})(?:Thôn|THÔN|Xóm|XÓM|Bản|BẢN|Ấp|ẤP|Buôn|BUÔN|Làng|LÀNG|Sóc|SÓC|Khóm|KHÓM|Tổ dân phố|TỔ DÂN PHỐ|"
    r"Khu phố|KHU PHỐ|Khu dân cư|KHU DÂN CƯ)\s+\p{Lu}"
)
# The commune's whole: "toàn xã / phường / thị trấn", "cả xã", "chung toàn xã".
_ALL_UNITS = lazy_compile(r"(?<![a-z])(?:toan|ca)\s+(?:xa|phuong|thi tran|don vi)(?![a-z])")


def is_unit_label(label: str) -> bool:
    """Whether a column's label names one hamlet or residential group of the commune."""
    if _ALL_UNITS.search(fold(label or "")):
        return False
    return bool(_NUMBERED.search(fold(label or "")) or _NAMED.search(label or ""))


def names_all_units(folded: str) -> bool:
    """Whether a folded label names the commune as a whole ("toan xa", "ca phuong")."""
    return bool(_ALL_UNITS.search(folded))


def unit_word_starts(folded: str) -> list[int]:
    """Where a folded header's text names a numbered hamlet ("ap1 | ap2", "thon 3"), as OCR leaves
    the words (a named hamlet's capitals are lost to folding: not counted here)."""
    return [m.start() for m in _NUMBERED.finditer(folded)]


def all_units_starts(folded: str) -> list[int]:
    """Where a folded header's text names the commune as a whole."""
    return [m.start() for m in _ALL_UNITS.finditer(folded)]
