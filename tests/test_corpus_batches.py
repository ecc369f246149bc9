"""The standard checks of every batch of held-out layouts (tools/corpusgen/new_layouts_<b…za>.py, one
tests/test_corpus_new_layouts_<b…za>.py each for what its layouts print): made only when named, ranked
after every other family but a later batch's, held out, its scan and dump probes taking the batch's
families; and each family's truth adds up but for its planted faults and is the same when built twice.
The first batch (tests/test_corpus_new_layouts.py) checks less of its truth and keeps its own tests."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NamedTuple

import pytest

from tests.corpus_helpers import assert_adds_up_and_repeats, assert_batch_held

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tools")]

from corpusgen.common import family_code  # noqa: E402
from corpusgen.new_layouts_b import NEW_LAYOUT_FAMILIES_B  # noqa: E402
from corpusgen.new_layouts_c import NEW_LAYOUT_FAMILIES_C  # noqa: E402
from corpusgen.new_layouts_d import NEW_LAYOUT_FAMILIES_D  # noqa: E402
from corpusgen.new_layouts_e import NEW_LAYOUT_FAMILIES_E  # noqa: E402
from corpusgen.new_layouts_f import NEW_LAYOUT_FAMILIES_F  # noqa: E402
from corpusgen.new_layouts_g import NEW_LAYOUT_FAMILIES_G  # noqa: E402
from corpusgen.new_layouts_h import NEW_LAYOUT_FAMILIES_H  # noqa: E402
from corpusgen.new_layouts_i import NEW_LAYOUT_FAMILIES_I  # noqa: E402
from corpusgen.new_layouts_j import NEW_LAYOUT_FAMILIES_J  # noqa: E402
from corpusgen.new_layouts_k import NEW_LAYOUT_FAMILIES_K  # noqa: E402
from corpusgen.new_layouts_l import NEW_LAYOUT_FAMILIES_L  # noqa: E402
from corpusgen.new_layouts_m import NEW_LAYOUT_FAMILIES_M  # noqa: E402
from corpusgen.new_layouts_n import NEW_LAYOUT_FAMILIES_N  # noqa: E402
from corpusgen.new_layouts_o import NEW_LAYOUT_FAMILIES_O  # noqa: E402
from corpusgen.new_layouts_p import NEW_LAYOUT_FAMILIES_P  # noqa: E402
from corpusgen.new_layouts_q import NEW_LAYOUT_FAMILIES_Q  # noqa: E402
from corpusgen.new_layouts_r import NEW_LAYOUT_FAMILIES_R  # noqa: E402
from corpusgen.new_layouts_s import NEW_LAYOUT_FAMILIES_S  # noqa: E402
from corpusgen.new_layouts_t import NEW_LAYOUT_FAMILIES_T  # noqa: E402
from corpusgen.new_layouts_u import NEW_LAYOUT_FAMILIES_U  # noqa: E402
from corpusgen.new_layouts_v import NEW_LAYOUT_FAMILIES_V  # noqa: E402
from corpusgen.new_layouts_w import NEW_LAYOUT_FAMILIES_W  # noqa: E402
from corpusgen.new_layouts_x import NEW_LAYOUT_FAMILIES_X  # noqa: E402
from corpusgen.new_layouts_y import NEW_LAYOUT_FAMILIES_Y  # noqa: E402
from corpusgen.new_layouts_z import NEW_LAYOUT_FAMILIES_Z  # noqa: E402
from corpusgen.new_layouts_za import NEW_LAYOUT_FAMILIES_ZA  # noqa: E402


class Batch(NamedTuple):
    """A batch of held-out layouts: its families (the generator's, in order), its scan and dump
    probes, the families the dump probe leaves out (a plan: a dump's figures are scores and
    statistics) and the seeds its truth is built at."""

    families: tuple[str, ...]
    probes: tuple[str, str]
    undumped: tuple[str, ...]
    seeds: tuple[int, ...]


BATCHES = (
    Batch(tuple(NEW_LAYOUT_FAMILIES_B), ("S15_scan_new_layouts_b", "D11_dump_new_layouts_b"), ("N10",), (2202, 2203)),
    Batch(tuple(NEW_LAYOUT_FAMILIES_C), ("S16_scan_new_layouts_c", "D12_dump_new_layouts_c"), (), (2363, 2364)),
    Batch(tuple(NEW_LAYOUT_FAMILIES_D), ("S17_scan_new_layouts_d", "D13_dump_new_layouts_d"), (), (2393, 2394)),
    Batch(tuple(NEW_LAYOUT_FAMILIES_E), ("S18_scan_new_layouts_e", "D14_dump_new_layouts_e"), (), (2493, 2494)),
    Batch(tuple(NEW_LAYOUT_FAMILIES_F), ("S19_scan_new_layouts_f", "D15_dump_new_layouts_f"), (), (2596, 2597)),
    Batch(tuple(NEW_LAYOUT_FAMILIES_G), ("S20_scan_new_layouts_g", "D16_dump_new_layouts_g"), ("N32",), (3111, 3112)),
    Batch(tuple(NEW_LAYOUT_FAMILIES_H), ("S21_scan_new_layouts_h", "D17_dump_new_layouts_h"), ("N37",), (4311, 4312)),
    Batch(tuple(NEW_LAYOUT_FAMILIES_I), ("S22_scan_new_layouts_i", "D18_dump_new_layouts_i"), ("N41",), (5312, 5313)),
    Batch(tuple(NEW_LAYOUT_FAMILIES_J), ("S23_scan_new_layouts_j", "D19_dump_new_layouts_j"), ("N43",), (6312, 6313)),
    Batch(tuple(NEW_LAYOUT_FAMILIES_K), ("S24_scan_new_layouts_k", "D20_dump_new_layouts_k"), (), (7312, 7313)),
    Batch(tuple(NEW_LAYOUT_FAMILIES_L), ("S27_scan_new_layouts_l", "D21_dump_new_layouts_l"), ("N53",), (8312, 8313)),
    Batch(tuple(NEW_LAYOUT_FAMILIES_M), ("S28_scan_new_layouts_m", "D22_dump_new_layouts_m"), ("N57",), (9312, 9313)),
    Batch(tuple(NEW_LAYOUT_FAMILIES_N), ("S29_scan_new_layouts_n", "D23_dump_new_layouts_n"), ("N61",), (10102, 10103)),
    Batch(tuple(NEW_LAYOUT_FAMILIES_O), ("S30_scan_new_layouts_o", "D24_dump_new_layouts_o"), ("N65",), (11252, 11253)),
    Batch(tuple(NEW_LAYOUT_FAMILIES_P), ("S31_scan_new_layouts_p", "D25_dump_new_layouts_p"), ("N69",), (12292, 12293)),
    Batch(tuple(NEW_LAYOUT_FAMILIES_Q), ("S32_scan_new_layouts_q", "D26_dump_new_layouts_q"), ("N73",), (1, 2)),
    Batch(tuple(NEW_LAYOUT_FAMILIES_R), ("S33_scan_new_layouts_r", "D27_dump_new_layouts_r"), ("N76", "N77"), (1, 2)),
    Batch(tuple(NEW_LAYOUT_FAMILIES_S), ("S34_scan_new_layouts_s", "D28_dump_new_layouts_s"), (), (1, 2)),
    Batch(tuple(NEW_LAYOUT_FAMILIES_T), ("S35_scan_new_layouts_t", "D29_dump_new_layouts_t"), ("N85",), (1, 2)),
    Batch(tuple(NEW_LAYOUT_FAMILIES_U), ("S36_scan_new_layouts_u", "D30_dump_new_layouts_u"), (), (1, 2)),
    Batch(tuple(NEW_LAYOUT_FAMILIES_V), ("S37_scan_new_layouts_v", "D31_dump_new_layouts_v"), (), (1, 2)),
    Batch(tuple(NEW_LAYOUT_FAMILIES_W), ("S38_scan_new_layouts_w", "D32_dump_new_layouts_w"), (), (1, 2)),
    Batch(tuple(NEW_LAYOUT_FAMILIES_X), ("S39_scan_new_layouts_x", "D33_dump_new_layouts_x"), (), (1, 2)),
    Batch(tuple(NEW_LAYOUT_FAMILIES_Y), ("S40_scan_new_layouts_y", "D34_dump_new_layouts_y"), (), (1, 2)),
    Batch(tuple(NEW_LAYOUT_FAMILIES_Z), ("S41_scan_new_layouts_z", "D35_dump_new_layouts_z"), (), (1, 2)),
    Batch(tuple(NEW_LAYOUT_FAMILIES_ZA), ("S42_scan_new_layouts_za", "D36_dump_new_layouts_za"), ("N112",), (1, 2)),
)


def batch_span(batch: Batch) -> str:
    """A batch's test id: its first and last family codes ("N06-N10")."""
    return f"{family_code(batch.families[0])}-{family_code(batch.families[-1])}"


@pytest.mark.parametrize("batch", BATCHES, ids=[batch_span(b) for b in BATCHES])
def test_made_only_when_named_ranked_last_and_held_out(batch):
    """Made only when named, ranked last (so no older family's instance changes its set or its
    faults), held out; the scan probe takes every family of the batch, the dump probe every one but
    the batch's plans."""
    assert_batch_held(batch.families, batch.probes, undumped=batch.undumped)


@pytest.mark.parametrize(("family", "seeds"), [pytest.param(f, b.seeds, id=f) for b in BATCHES for f in b.families])
def test_truth_adds_up_but_for_its_planted_faults_and_is_deterministic(family, seeds):
    assert_adds_up_and_repeats(family, seeds)
