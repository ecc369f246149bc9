"""A failed sum mended by the reading another sum found (issue 14): on an OCR dump "1" fails
against 1.1, 1.2 and 1.3 only because 1.2's figure was misread, which 1.2's own sum found; the two
relations meet on our slip, so "1" is ``misread``, not the commune's ``mismatch``."""

from cchc_extract.reconcile.core import _Ledger
from cchc_extract.reconcile.shared_readings import settle_by_shared_readings
from schemas.records import Check

# 0 is "1" (4,75); 1, 2, 5 its parts 1.1 (3,5), 1.2 (read 1,5; printed 1,25), 1.3 (0);
# 3 and 4 are 1.2's sub-criteria (1 and 0,25)
CODES = ["1", "1.1", "1.2", "1.2.1", "1.2.2", "1.3"]
KIDS = {0: [1, 2, 5], 2: [3, 4]}


def _values(read_12: float = 1.5) -> list[dict[str, float | None]]:
    figures = [4.75, 3.5, read_12, 1.0, 0.25, 0.0]
    return [{"appraised_points": f} for f in figures]


def _sum(row: int, expected: float, stated: float, status: str) -> Check:
    return Check(
        id=f"sum_appraised:/score_tables/0/rows/{row}:appraised_points",
        kind="sum_appraised",
        field="appraised_points",
        expected=expected,
        actual=stated,
        tolerance=0.01,
        status=status,
        message=f"{CODES[row]}: appraised points add up to {expected}",
    )


def _ledger(parent_status: str = "mismatch") -> _Ledger:
    ledger = _Ledger()
    ledger.checks = [_sum(0, 5.0, 4.75, parent_status), _sum(2, 1.25, 1.5, "misread")]
    reading = ("/score_tables/0/rows/2", "appraised_points", 1.25)
    ledger.explained[reading] = {ledger.checks[1].id}
    ledger.readings_of[ledger.checks[1].id] = frozenset({reading})
    return ledger


def test_a_parent_sum_mended_by_a_childs_reading_is_ours():
    ledger = _ledger()
    assert settle_by_shared_readings(0, _values(), KIDS, CODES, ledger) == 1
    parent = ledger.checks[0]
    assert parent.status == "misread"
    assert "1.2 appraised points read as 1,5 may be 1,25" in parent.message
    # the reading now explains both sums: the two relations meet on it
    assert ledger.corroborated(ledger.checks[1].id) and ledger.corroborated(parent.id)


def test_a_reading_that_does_not_mend_the_sum_leaves_the_communes_fault():
    ledger = _ledger()
    ledger.checks[0] = _sum(0, 5.5, 4.75, "mismatch")  # 1.1 stated 4 by the commune: 4 + 1,5 + 0
    assert settle_by_shared_readings(0, _values(), KIDS, CODES, ledger) == 0
    assert ledger.checks[0].status == "mismatch"


def test_no_reading_found_elsewhere_no_change():
    ledger = _ledger()
    ledger.explained.clear()
    ledger.readings_of.clear()
    assert settle_by_shared_readings(0, _values(), KIDS, CODES, ledger) == 0
    assert ledger.checks[0].status == "mismatch"


def test_a_reading_only_this_sum_found_is_no_second_relation():
    ledger = _ledger()
    own = ledger.checks[0].id
    ledger.explained = {("/score_tables/0/rows/2", "appraised_points", 1.25): {own}}
    assert settle_by_shared_readings(0, _values(), KIDS, CODES, ledger) == 0
