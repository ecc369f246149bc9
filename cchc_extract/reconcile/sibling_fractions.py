"""A free-text share's count misread past the look-alike pairs, read back where two relations
agree on it: the share printed beside it and the sibling fractions of the same whole.

A degraded scan blurs a digit into one no look-alike pair lists ("53" read "93"), so a reading
of any digit must be chosen, and one relation alone cannot choose: some twenty readings of a two-
or three-figure count land on a share exact to 0,01 % about once in several hundred, and a real
slip of the commune's ("7/671 = 0,89%") is as likely to find one. A report listing the parts of
one whole as fractions of it ("61/115 … (53,04%)", "93/115 … (46,09%)", "1/115 … (0,87%)")
states a second relation: the parts add up to the whole. A reading that makes both the share
exact and the parts add up to the whole (61 + 53 + 1 = 115), where the figure as read makes
neither, is the figure printed: two exact relations do not agree on a wrong digit by chance."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class SiblingFractionSettings:
    # Counts of more digits are not read digit by digit: their readings are too many for the
    # two relations to single one out.
    most_digits: int = 4
    # A share printed with fewer decimals than this picks no reading out of the many.
    least_decimals: int = 2


def any_digit_readings(value: int, most: int = 4) -> list[int]:
    """``value`` with one of its digits read as any other (no leading zero), for a count of at
    most ``most`` digits."""
    text = str(value)
    if len(text) > most:
        return []
    out: list[int] = []
    for k, ch in enumerate(text):
        for digit in "0123456789" if k or len(text) == 1 else "123456789":
            reading = int(text[:k] + digit + text[k + 1 :])
            if digit != ch and reading not in out:
                out.append(reading)
    return out


def sibling_reading(
    num: int,
    den: int,
    siblings: Sequence[int],
    share_holds: Callable[[int], bool],
    decimals: int,
    s: SiblingFractionSettings = SiblingFractionSettings(),
) -> int | None:
    """The one reading of the numerator ``num`` (of a share of ``den`` that failed) that makes the
    share hold (``share_holds(reading)``: a callable) and, with the numerators of the document's
    other fractions of the same whole (``siblings``, one or more), adds up to the whole exactly,
    where ``num`` as read does not; else None."""
    if decimals < s.least_decimals or not siblings:
        return None
    rest = sum(siblings)
    if rest + num == den:
        return None
    fits = [r for r in any_digit_readings(num, s.most_digits) if rest + r == den and share_holds(r)]
    return fits[0] if len(fits) == 1 else None
