"""The whole period of an annex row read from lines, witnessed by the columns printed beside it:
last year's figure and this year's over last year's in per cent ("Quý I | Quý II | Lũy kế 6
tháng | Cùng kỳ năm trước | So sánh (%)", ``stat_period_against``).

Such a row states its whole twice over: its parts add up to it (157 + 180 = 337), and it over last
year's figure is the per cent printed (337 / 282 = 119,5 %). Two uses of that, both from the
arithmetic the row prints, never from a place in the line:

- a table whose header OCR garbled or cut (a page that prints the header again, its quarters'
  line lost) still splits its period when a row shows both relations at once at the same figure:
  three figures adding up by chance is likely, the sum also being the per cent's numerator is not;
- a row whose whole OCR garbled ("157 180 âớu 282 119,5"; "3 4 Z 6 116,67", the Z read as 2)
  while its parts were read has the parts' sum for its whole when that sum over last year's
  figure is the per cent printed and the figure as read is not: a reading proposed, doubted (the
  row stays in the review queue), the characters as printed kept in ``value_raw``.

Tokens of the line that hold no letter or digit ("/", "_", ":", "|" left of a ruling) are no
cells: they are left out before figures are placed, a dash (a blank cell's mark) kept."""

from __future__ import annotations

from dataclasses import dataclass

from extract.segment.stat_values import parse_stat_value

# A reading taken from the parts' sum, witnessed by last year's figure and the per cent.
WHOLE_FROM_PARTS_FLAG = "whole_from_parts"
_DASHES = frozenset("-–—")


@dataclass(frozen=True)
class WitnessSettings:
    # How far the per cent printed may be from the whole over last year's figure (printed to two
    # decimals or one, rounded).
    share_tolerance: float = 0.051
    # How far a sum may be from the whole and still add up.
    tolerance: float = 0.01
    # Parts a row prints, at least, for its sum to stand for a whole OCR garbled.
    min_parts: int = 2


def cell_tokens(tokens: list[str]) -> list[str]:
    """The tokens that are cells: not a speck of the ruling with no letter or digit in it."""
    return [t for t in tokens if t in _DASHES or any(c.isalnum() for c in t)]


def trailing_specks_dropped(tokens: list[str], excess: int) -> list[str]:
    """``tokens`` less at most ``excess`` cells at their end that hold no digit (specks a row
    printing more cells than its table's columns ends in)."""
    out = list(tokens)
    while excess > 0 and len(out) > 1 and not any(c.isdigit() for c in out[-1]):
        out.pop()
        excess -= 1
    return out


def _figure(token: str, unit: str, ocr: bool) -> float | None:
    return parse_stat_value(token, unit, ocr=ocr)[0]


def compared(whole: float, earlier: float | None, share: float | None, settings: WitnessSettings) -> bool:
    """Whether ``share`` is ``whole`` over ``earlier`` in per cent."""
    if not earlier or share is None:
        return False
    return abs(100 * whole / earlier - share) <= settings.share_tolerance


def _split(tokens: list[str], unit: str, ocr: bool, last: bool) -> tuple[list[float | None], float | None]:
    """(the parts, the whole) of a row's figures, the whole at its end ``last`` or first."""
    figures = [_figure(t, unit, ocr) for t in tokens]
    return (figures[:-1], figures[-1]) if last else (figures[1:], figures[0])


def shows_split(
    tokens: list[str], beside: list[str], unit: str, ocr: bool, settings: WitnessSettings = WitnessSettings()
) -> bool:
    """Whether a count row's figures (``tokens``, its parts and whole, the whole last) add up at
    their last and that last over last year's figure is the per cent (``beside``: both printed)."""
    if "%" in unit or len(tokens) < 3 or len(beside) != 2:
        return False
    parts, whole = _split(tokens, unit, ocr, last=True)
    if whole is None or any(p is None for p in parts) or len({*parts, whole}) < 2:
        return False
    if abs(whole - sum(p for p in parts if p is not None)) > settings.tolerance:
        return False
    return compared(whole, _figure(beside[0], unit, ocr), _figure(beside[1].rstrip("%"), "%", ocr), settings)


def witnessed_sum(
    tokens: list[str],
    beside: list[str],
    unit: str,
    ocr: bool,
    last: bool,
    settings: WitnessSettings = WitnessSettings(),
) -> float | None:
    """The parts' sum of a count row whose whole as read (at its end ``last`` or first) does not
    add up, when that sum over last year's figure is the per cent printed and the whole as read
    is not; else None."""
    if "%" in unit or len(beside) != 2 or len(tokens) < settings.min_parts + 1:
        return None
    parts, whole = _split(tokens, unit, ocr, last)
    if any(p is None for p in parts):
        return None
    total = sum(p for p in parts if p is not None)
    if whole is not None and abs(whole - total) <= settings.tolerance:
        return None
    earlier, share = _figure(beside[0], unit, ocr), _figure(beside[1].rstrip("%"), "%", ocr)
    if not compared(total, earlier, share, settings):
        return None
    if whole is not None and compared(whole, earlier, share, settings):
        return None  # (the whole as read is witnessed too: a part was misread, not the whole)
    return total


def against_disagrees(
    whole: float | None, beside: list[str], unit: str, ocr: bool, settings: WitnessSettings = WitnessSettings()
) -> bool:
    """Whether a count row's whole as placed, over last year's figure (``beside``: it and the per
    cent, both read), is not the per cent printed ("0 0 0 Ones 20 2 {0": 20 over 2 is no 0 %): OCR
    misread one of the three, so the whole is doubted. Says nothing of a share (it prints no per
    cent of last year's) or where any of the three is not read or last year's is nought."""
    if whole is None or "%" in unit or len(beside) != 2:
        return False
    earlier, share = _figure(beside[0], unit, ocr), _figure(beside[1].rstrip("%"), "%", ocr)
    if not earlier or share is None:
        return False
    return not compared(whole, earlier, share, settings)
