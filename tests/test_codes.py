"""Criterion-code reading and column repair (normalize.codes)."""

from normalize.codes import CriterionCode, format_codes, read_code_token, repair_codes, transition_cost


def test_token_shapes():
    assert read_code_token("LL1").components == (1, 1, 1)
    assert read_code_token("L.1.3").components == (1, 1, 3)
    assert read_code_token("131").components == (1, 3, 1)
    assert read_code_token("31n").components == (3, 1, 2)
    assert read_code_token("I.").roman == 1
    # Words, counts with a leading zero and years are not codes.
    assert read_code_token("S6") is None
    assert read_code_token("03") is None
    assert read_code_token("2023") is None
    assert read_code_token("Ban") is None


def test_codes_never_go_back():
    assert transition_cost(CriterionCode(1, (1, 2)), CriterionCode(1, (1, 1, 3))) is None
    assert transition_cost(CriterionCode(1, (1, 1, 2)), CriterionCode(1, (1, 1, 3))) == 0.0


def _repair(tokens, absorbable=None):
    choices = repair_codes(tokens, absorbable)
    return format_codes([c.code for c in choices]), choices


def test_column_repair_from_order_and_hierarchy():
    # Seed 003's code column as printed: "L2" is 1.1.2 (not 1.2, which comes later), "159"
    # is 1.5.2, "16" is 1.6 here but 3.6 under section 3, "540" is 5.4.2.
    tokens = ["I.", "L", "1.1", "LL1", "L2", "L.1.3", "1.2", "1.3", "L4", "1.5", "151", "159", "16", None, "L7",
              "3.", "11", "311", "31n", "3.2", "33", "34", "3.5", "351", "16", "5.4", "541", "540"]
    codes, choices = _repair(tokens)
    assert codes == ["I", "1", "1.1", "1.1.1", "1.1.2", "1.1.3", "1.2", "1.3", "1.4", "1.5", "1.5.1", "1.5.2", "1.6",
                     "1.6.1", "1.7", "3", "3.1", "3.1.1", "3.1.2", "3.2", "3.3", "3.4", "3.5", "3.5.1", "3.6", "5.4", "5.4.1",
                     "5.4.2"]
    assert choices[13].inferred and not choices[12].inferred
    assert choices[27].repaired


def test_stray_code_fragment_absorbed_and_part_two_prefixed():
    codes, choices = _repair(["I.", "L", "L", "1.1", "7.2.2", "L.", "1.", "2.", None],
                             [False, True, False, False, False, False, False, False, False])
    assert choices[1].absorbed
    assert codes[0] == "I" and codes[2] == "1"
    assert codes[5:] == ["II", "II.1", "II.2", "II.3"]
