"""A table's title as printed above it: the run of upper-case lines just over the grid ("CHỈ SỐ
ĐÁNH GIÁ, XÁC ĐỊNH CẢI CÁCH HÀNH CHÍNH CẤP XÃ" / "NĂM 2023" or "(TRÍCH)"), read past the line that
attaches it to a report ("(Kèm theo Báo cáo … )") and stopping at the letterhead ("ỦY BAN NHÂN DÂN
XÃ …", "CỘNG HÒA …", "Số: …"). A sentence above the table ("… như sau:") is no title: the table then
has none, as before."""

from __future__ import annotations

from dataclasses import dataclass

from extract.model import Line
from normalize.lazy_regex import lazy_compile
from normalize.text import fold


@dataclass(frozen=True)
class CaptionSettings:
    # Lines looked at above a table, and printed lines a title may run over.
    lines_above: int = 6
    max_title_lines: int = 3
    # A title line is upper case: this share of its letters at least.
    upper_share: float = 0.8
    min_letters: int = 3  # "NĂM 2023" is a title's second line


# "(Kèm theo …)", "Ban hành kèm theo …": what attaches the table to a report, under its title.
_ATTACHED = lazy_compile(r"^\W*(?:ban hanh )?kem theo\b")
# ... its first word garbled ("cae theo Bdo cao so 5 260/BC-UBND …"): "theo" near its start, then the
# report's number and symbol.
_CITES_REPORT = lazy_compile(r"^\W*(?:\w+\s+)?theo\b.{0,40}?\d+\s*/\s*[a-z]{2,}-")
# The letterhead and the document's own heading lines: never a table's title.
_LETTERHEAD = lazy_compile(
    r"^\W*(?:uy ban nhan dan|ubnd\b|cong hoa|doc lap|dang cong san|so\s*:|"
    r"[\p{L} ]{0,40},\s*ngay\s+\d|ngay\s+\d{1,2}\s+thang)"
)
# Specks a scan prints before a line's first letter ("_ CHỈ SỐ …").
_LEADING_SPECKS = lazy_compile(r"^[\s_'‘`|.,:;~^*-]+(?=\S)")


def printed_title(above: list[Line], settings: CaptionSettings = CaptionSettings()) -> str:
    """The title printed in ``above`` (the lines just over a table, nearest last); "" when none."""
    picked: list[str] = []
    for line in reversed(above[-settings.lines_above :]):
        text = _LEADING_SPECKS.sub("", line.text.strip())
        key = fold(text)
        if not picked and _ATTACHED.match(key):
            continue
        if _LETTERHEAD.match(key) or not _upper(text, settings) or len(picked) >= settings.max_title_lines:
            break
        picked.append(text)
    return " ".join(reversed(picked))


def attaches_to_report(text: str) -> bool:
    """Whether a line is the one attaching a table to its report ("(Kèm theo Báo cáo số …)"), its
    bracket read as a speck or lost ("_ Kèm theo …"), its first word garbled ("cae theo … số
    260/BC-UBND …")."""
    key = fold(_LEADING_SPECKS.sub("", text.strip()))
    return _ATTACHED.match(key) is not None or _CITES_REPORT.match(key) is not None


def _upper(text: str, settings: CaptionSettings) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= settings.min_letters and sum(c.isupper() for c in letters) >= settings.upper_share * len(
        letters
    )
