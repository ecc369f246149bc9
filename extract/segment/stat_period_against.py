"""An annex read from lines whose header splits its period into parts and then sets the whole
period against the same period last year: "Quý I | … | Cả năm | Cùng kỳ năm trước | So sánh (%)"
(``stat_line_periods`` places the whole; this module says which figures of a row stand after it).

Each count row prints its parts and its whole, then last year's figure and this year's over last
year's in per cent ("237 99 167 145 648 | 539 120,22"); a share row prints last year's share and no
per cent (a share is set against in points, which such a form leaves blank). Before, the two were
read as more parts, no end of the row added up, and the first quarter's figure was taken as the
year's, at full confidence.

Which columns stand beside the whole is read from the arithmetic first, since OCR garbles the
header's labels ("So voi cing ky (%)"): a count row whose last figure is the one two before it over
the one just before it, in per cent (648 / 539 = 120,22 %), prints the comparison; the header's
words of an earlier period ("cùng kỳ", "năm trước") or of a comparison ("so sánh", "so với") say so
where no row's figures can. The figures set aside stay in the note after the parts: nothing
printed is dropped."""

from __future__ import annotations

from dataclasses import dataclass

from extract.segment.stat_periods import names_change, names_earlier_period
from extract.segment.stat_values import parse_stat_value


@dataclass(frozen=True)
class AgainstSettings:
    # How far the per cent printed may be from this period over the earlier one (printed to two
    # decimals, or one, rounded).
    share_tolerance: float = 0.051
    # Count rows whose last figure is the per cent of the two before it, at least, for the table
    # to print the comparison where its header's words do not say so.
    min_votes: int = 1


@dataclass(frozen=True)
class Beside:
    """The columns a table prints after the whole period: last year's figure, the comparison."""

    earlier: bool
    compared: bool

    def count(self, share: bool, tokens: list[str], ocr: bool, settings: AgainstSettings) -> int:
        """Tokens at a row's end that are these columns' (a share's per cent is left blank, unless
        its figures print one)."""
        if share and self.compared and not _against_at_end(tokens, "%", ocr, settings):
            return int(self.earlier)
        return int(self.earlier) + int(self.compared)


NONE = Beside(False, False)


def cut_beside(
    rows: list[tuple[list[str], str]], beside: Beside, ocr: bool, settings: AgainstSettings = AgainstSettings()
) -> list[int]:
    """How many tokens at each row's end are the columns beside the whole (none of a row printing
    no more than them: a heading, a row OCR left a figure or two of)."""
    out = []
    for tokens, unit in rows:
        k = beside.count("%" in unit, tokens, ocr, settings)
        out.append(k if len(tokens) > k else 0)
    return out


def _figure(token: str, unit: str, ocr: bool) -> float | None:
    return parse_stat_value(token, unit, ocr=ocr)[0]


def _against_at_end(tokens: list[str], unit: str, ocr: bool, settings: AgainstSettings) -> bool:
    """Whether a row's last figure is the one two before it over the one just before it, in per
    cent ("648 539 120,22")."""
    if len(tokens) < 3:
        return False
    this, before = _figure(tokens[-3], unit, ocr), _figure(tokens[-2], unit, ocr)
    share = _figure(tokens[-1].rstrip("%"), "%", ocr)
    if not this or not before or share is None:
        return False  # (nothing over anything is 0 %: a row of zeros, "0 S0 0", shows no comparison)
    return abs(100 * this / before - share) <= settings.share_tolerance


def beside_whole(
    rows: list[tuple[list[str], str]], header: str, ocr: bool, settings: AgainstSettings = AgainstSettings()
) -> Beside:
    """The columns after the whole period of a table whose rows are (tokens, unit): both where a
    count row's figures show the comparison (this period, last year's, the per cent); else each
    whose label the header's words name."""
    votes = sum(1 for tokens, unit in rows if "%" not in unit and _against_at_end(tokens, unit, ocr, settings))
    if votes >= settings.min_votes:
        return Beside(earlier=True, compared=True)
    return Beside(earlier=names_earlier_period(header), compared=names_change(header))
