#!/usr/bin/env python3
"""Make the corpus of layout families: documents of fictional communes, written from the official
criteria sets (normalize/criteria), each with the truth of what it prints (tools/CORPUS.md).

    python3 tools/make_corpus.py                         # every family, every instance -> build/corpus
    python3 tools/make_corpus.py --quick                 # one instance per family
    python3 tools/make_corpus.py --families F01,F04 --formats docx,pdf --out /tmp/c
    python3 tools/make_corpus.py --seed 7 --out /tmp/fresh   # same families, unseen communes and values

The truth is the generator's own data (rows, points, names, metadata, planted faults), never what our
pipeline reads from a file. Deterministic: fixed seeds, so the same command gives the same files.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tools")]

# Families and criteria sets held out: rules are developed on the other ("dev") documents and the
# figures reported on these ("heldout"). A document is heldout when its family OR its set is listed.
HELDOUT_FAMILIES = (
    "F03_district_issuer",
    "F09_code_in_name_merged_points",
    "F10_parts_restart_total_position",
    "F13_narrative_counts",
    "D04_dump_seven_columns",
    "P05_decision_attached_plan",
    "P06_report_statements_targets",
    # the new held-out layouts (made only when named: NEW_LAYOUTS below)
    "N01_evidence_between_points",
    "N02_table_per_field",
    "N03_points_with_units",
    "N04_spreadsheet_print",
    "N05_annex_two_periods",
    "N06_pass_fail_points",
    "N07_level_code_columns",
    "N08_key_value_statistics",
    "N09_fields_summed_apart",
    "N10_task_merged_cells",
    "N11_table_continued",
    "N12_deduction_points",
    "N13_annex_quarters",
    "N14_verdict_for_points",
    "N15_body_statistics",
    "N16_max_in_name",
    "N17_appraisal_difference",
    "N18_annex_hamlets",
    "N19_two_years",
    "N20_annex_continued",
    "N21_evidence_first",
    "N22_annex_thousands",
    "N23_bulleted_names",
    "N24_tab_aligned",
    "N25_fields_then_details",
    "N26_software_export",
    "N27_stat_tab_lines",
    "N28_bonus_penalty",
    "N29_narrative_scores",
    "N30_max_as_scale",
    "N31_pasted_cells",
    "N32_plan_area_targets",
    "N33_annex_paged",
    "N34_criteria_not_scored",
    "N35_field_subtotals",
    "N36_annex_change_signed",
    "N37_plan_quarters_units",
    "N38_footnoted_evidence",
    "N39_share_column",
    "N40_body_stat_lines",
    "N41_plan_budget_column",
    "N42_annex_months",
    "N43_plan_target_table",
    "N44_verdict_with_points",
    "N45_names_side_by_side",
    "N46_annex_twelve_months",
    "N47_names_repeated",
    "N48_level_columns",
    "N49_counts_two_columns",
    "N50_annex_units_across",
    "N51_reference_column",
    "N52_points_bracketed",
    "N53_plan_quarter_budget",
    "N54_running_and_code",
    "N55_annex_channels",
    "N56_counts_over_whole",
    "N57_plan_units_one_cell",
    "N58_points_between_texts",
    "N59_halves_side_by_side",
    "N60_annex_last_year",
    "N61_plan_start_end",
    "N62_field_column_merged",
    "N63_annex_unit_last",
    "N64_annex_periods_as_rows",
    "N65_plan_by_lead",
    "N66_field_points_merged",
    "N67_annex_two_panels",
    "N68_appraisal_two_rounds",
    "N69_plan_field_column",
    "N70_subitems_in_cell",
    "N71_annex_three_levels",
    "N72_self_by_level",
    "N73_plan_counted_products",
    "N74_annex_ratio_to_plan",
    "N75_evidence_rows",
    "N76_plan_unit_matrix",
    "N77_plan_budget_total",
    "N78_appraised_first",
    "N79_points_decimal_point",
    "N80_annex_share_column",
    "N81_annex_label_rows",
    "N82_field_headings_across",
    "N83_range_in_name",
    "N84_annex_procedures_by_field",
    "N85_narrative_bullets",
    "N86_self_last_year",
    "N87_counts_beside_points",
    "N88_fields_across",
    "N89_annex_quarter_cumulative",
    "N90_carry_lines",
    "N91_self_split",
    "N92_annex_half_plans",
    "N93_annex_unit_once",
    "N94_annex_by_official",
    "N95_evidence_in_name",
    "N96_annex_handling_form",
    "N97_self_with_rate",
    "N98_table_two_parts",
    "N99_annex_months_rows",
    "N100_appraised_partly",
    "N101_annex_field_bands",
    "N102_self_with_explanation",
    "N103_points_fractions",
    "N104_annex_numbered_remarks",
    "N105_field_down_left",
    "N106_header_vertical",
    "N107_total_in_words",
    "N108_annex_sum_rows",
    "N109_evidence_list",
    "N110_counts_thousands",
    "N111_counts_over_lines",
    "N112_plan_targets_table",
    "N113_report_task_outcomes",
)
# Single instances held out of families that are otherwise dev (OCR dumps: one per layout family).
HELDOUT_INSTANCES = ("d01-i4", "d02-i4", "d03-i4")
HELDOUT_SETS: tuple[str, ...] = ("bnv-tinh_2948",)
GENERATOR_VERSION = 1
INSTANCES = 4  # per family (--quick: 1)
FORMATS = ("docx", "pdf", "txt", "md", "tsv", "jpg", "tif", "png")

from corpusgen.check import planted, truth_problems
from corpusgen.common import Built, Instance, family_code
from corpusgen.degrade import rng_for
from corpusgen.derived import (
    DERIVED as STANDING_DERIVED,
    KIND_FORMATS,
    PROBES,
    at_extremes,
    derived_format,
    page_count,
    write_derived,
)
from corpusgen.dumps import OcrDump, derived_dump_spec, ocr_pdf
from corpusgen.new_layouts import NEW_LAYOUT_FAMILIES, own_set
from corpusgen.new_layouts_b import NEW_LAYOUT_FAMILIES_B
from corpusgen.new_layouts_c import NEW_LAYOUT_FAMILIES_C
from corpusgen.new_layouts_d import NEW_LAYOUT_FAMILIES_D
from corpusgen.new_layouts_e import NEW_LAYOUT_FAMILIES_E
from corpusgen.new_layouts_f import NEW_LAYOUT_FAMILIES_F
from corpusgen.new_layouts_g import NEW_LAYOUT_FAMILIES_G
from corpusgen.new_layouts_h import NEW_LAYOUT_FAMILIES_H
from corpusgen.new_layouts_i import NEW_LAYOUT_FAMILIES_I
from corpusgen.new_layouts_j import NEW_LAYOUT_FAMILIES_J
from corpusgen.new_layouts_k import NEW_LAYOUT_FAMILIES_K
from corpusgen.new_layouts_l import NEW_LAYOUT_FAMILIES_L
from corpusgen.new_layouts_m import NEW_LAYOUT_FAMILIES_M
from corpusgen.new_layouts_n import NEW_LAYOUT_FAMILIES_N
from corpusgen.new_layouts_o import NEW_LAYOUT_FAMILIES_O
from corpusgen.new_layouts_p import NEW_LAYOUT_FAMILIES_P
from corpusgen.new_layouts_q import NEW_LAYOUT_FAMILIES_Q
from corpusgen.new_layouts_r import NEW_LAYOUT_FAMILIES_R
from corpusgen.new_layouts_s import NEW_LAYOUT_FAMILIES_S
from corpusgen.new_layouts_t import NEW_LAYOUT_FAMILIES_T
from corpusgen.new_layouts_u import NEW_LAYOUT_FAMILIES_U
from corpusgen.new_layouts_v import NEW_LAYOUT_FAMILIES_V
from corpusgen.new_layouts_w import NEW_LAYOUT_FAMILIES_W
from corpusgen.new_layouts_x import NEW_LAYOUT_FAMILIES_X
from corpusgen.new_layouts_y import NEW_LAYOUT_FAMILIES_Y
from corpusgen.new_layouts_z import NEW_LAYOUT_FAMILIES_Z
from corpusgen.new_layouts_za import NEW_LAYOUT_FAMILIES_ZA
from corpusgen.plan_codeless import PLAN_CODELESS_FAMILIES
from corpusgen.plan_layouts import PLAN_LAYOUT_FAMILIES
from corpusgen.registry import FAMILIES
from corpusgen.render_docx import write_docx
from corpusgen.sets import CriteriaSet, load_sets
from libreoffice import libreoffice_convert

# Every derived family the generator can make: the standing ones and the probes (made only when named).
DERIVED = {**STANDING_DERIVED, **PROBES}

# Families added after the corpus was settled rank after all the others, so that adding one moves
# neither the criteria set nor the planted faults of any existing family's instances.
LATE_FAMILIES = (
    "D05_dump_indent_appraised",
    "F18_word_numbering",
    "F19_header_text_boxes",
    "F20_fraction_points",
    "F21_annex_items_lettered_bulleted",
    "F22_annex_plan_actual",
    "F23_signer_alone",
    "F24_code_words",
    "F25_nested_tables",
    "F26_official_letter",
    "F27_annex_across",
    "F28_annex_no_unit_column",
    "F29_scale_lines_unbulleted",
    "F30_docx_page_picture",
    "F31_pdf_page_picture",
    *NEW_LAYOUT_FAMILIES,
    *NEW_LAYOUT_FAMILIES_B,
    *NEW_LAYOUT_FAMILIES_C,
    *NEW_LAYOUT_FAMILIES_D,
    *NEW_LAYOUT_FAMILIES_E,
    *NEW_LAYOUT_FAMILIES_F,
    *NEW_LAYOUT_FAMILIES_G,
    *NEW_LAYOUT_FAMILIES_H,
    *NEW_LAYOUT_FAMILIES_I,
    *NEW_LAYOUT_FAMILIES_J,
    *NEW_LAYOUT_FAMILIES_K,
    *PLAN_LAYOUT_FAMILIES,
    *PLAN_CODELESS_FAMILIES,
    # after the plans' layouts, so that adding this batch moves no earlier family's rank
    *NEW_LAYOUT_FAMILIES_L,
    *NEW_LAYOUT_FAMILIES_M,
    *NEW_LAYOUT_FAMILIES_N,
    *NEW_LAYOUT_FAMILIES_O,
    *NEW_LAYOUT_FAMILIES_P,
    *NEW_LAYOUT_FAMILIES_Q,
    *NEW_LAYOUT_FAMILIES_R,
    *NEW_LAYOUT_FAMILIES_S,
    *NEW_LAYOUT_FAMILIES_T,
    *NEW_LAYOUT_FAMILIES_U,
    *NEW_LAYOUT_FAMILIES_V,
    *NEW_LAYOUT_FAMILIES_W,
    *NEW_LAYOUT_FAMILIES_X,
    *NEW_LAYOUT_FAMILIES_Y,
    *NEW_LAYOUT_FAMILIES_Z,
    *NEW_LAYOUT_FAMILIES_ZA,
)
# Typed layouts no rule was written against (tools/corpusgen/new_layouts.py, new_layouts_b.py,
# new_layouts_c.py, new_layouts_d.py, new_layouts_e.py, new_layouts_f.py, new_layouts_g.py,
# new_layouts_h.py, new_layouts_i.py, new_layouts_j.py, new_layouts_k.py, new_layouts_l.py,
# new_layouts_m.py, new_layouts_n.py, new_layouts_o.py, new_layouts_p.py, new_layouts_q.py,
# new_layouts_r.py, new_layouts_s.py, new_layouts_t.py, new_layouts_u.py, new_layouts_v.py,
# new_layouts_w.py, new_layouts_x.py, new_layouts_y.py, new_layouts_z.py,
# new_layouts_za.py): like
# the probes, made only when named, so the standing corpus, CI and every standing figure stay as they were.
NEW_LAYOUTS = (
    *NEW_LAYOUT_FAMILIES,
    *NEW_LAYOUT_FAMILIES_B,
    *NEW_LAYOUT_FAMILIES_C,
    *NEW_LAYOUT_FAMILIES_D,
    *NEW_LAYOUT_FAMILIES_E,
    *NEW_LAYOUT_FAMILIES_F,
    *NEW_LAYOUT_FAMILIES_G,
    *NEW_LAYOUT_FAMILIES_H,
    *NEW_LAYOUT_FAMILIES_I,
    *NEW_LAYOUT_FAMILIES_J,
    *NEW_LAYOUT_FAMILIES_K,
    *PLAN_LAYOUT_FAMILIES,
    *PLAN_CODELESS_FAMILIES,
    *NEW_LAYOUT_FAMILIES_L,
    *NEW_LAYOUT_FAMILIES_M,
    *NEW_LAYOUT_FAMILIES_N,
    *NEW_LAYOUT_FAMILIES_O,
    *NEW_LAYOUT_FAMILIES_P,
    *NEW_LAYOUT_FAMILIES_Q,
    *NEW_LAYOUT_FAMILIES_R,
    *NEW_LAYOUT_FAMILIES_S,
    *NEW_LAYOUT_FAMILIES_T,
    *NEW_LAYOUT_FAMILIES_U,
    *NEW_LAYOUT_FAMILIES_V,
    *NEW_LAYOUT_FAMILIES_W,
    *NEW_LAYOUT_FAMILIES_X,
    *NEW_LAYOUT_FAMILIES_Y,
    *NEW_LAYOUT_FAMILIES_Z,
    *NEW_LAYOUT_FAMILIES_ZA,
)


def family_rank(family: str) -> int:
    """A family's place in the corpus order (which criteria set and faults its instances get)."""
    settled = sorted(f for f in FAMILIES if f not in LATE_FAMILIES)
    return settled.index(family) if family in settled else len(settled) + LATE_FAMILIES.index(family)


def faulty_instances(family: str, n: int = INSTANCES, seed: int = 0) -> set[int]:
    """About a third of the instances carry planted faults: one or two per family of four."""
    rng = random.Random(f"faults/{family}" + (f"/seed{seed}" if seed else ""))
    k = 1 + family_rank(family) % 2
    return set(rng.sample(range(1, n + 1), min(k, n)))


def instances(family: str, sets: list[CriteriaSet], n: int, seed: int = 0) -> list[Instance]:
    """Instance i of a family takes another criteria set than instance i-1 (and than the same
    instance of the next family); the two-line-issuer family wants sets from before the merger.
    Another seed also turns the sets round, so an instance meets another set than in the standing
    corpus."""
    pool = [s for s in sets if s.pre_merger] if family.startswith("F03") else sets
    pool = pool or sets
    offset = family_rank(family) + seed
    faulty = faulty_instances(family, seed=seed)
    return [
        Instance(family, i, own_set(family, i) or pool[(offset + i - 1) % len(pool)], i in faulty, seed)
        for i in range(1, n + 1)
    ]


def derived_sources(family: str, sets: list[CriteriaSet], n: int, seed: int = 0) -> list[tuple[int, Instance]]:
    """(index, source instance) of a derived family's instances: instance i degrades instance i of
    the i-th source family listed for it (tools/corpusgen/derived.py)."""
    out = []
    sources = DERIVED[family].sources
    # a whole run makes one instance per listed source (a dump family lists more than four layouts)
    for index, prefix in enumerate(sources[: n if n < INSTANCES else len(sources)], start=1):
        source = next(f for f in FAMILIES if f.startswith(prefix + "_"))
        out.append((index, instances(source, sets, index, seed)[index - 1]))
    return out


def fixed_pdf(src: Path, dst: Path) -> None:
    """LibreOffice's PDF with its creation date, file ID and checksum made fixed (same lengths, so the
    cross-reference offsets hold): the same document gives the same bytes."""
    data = re.sub(rb"/CreationDate\(D:\d{14}", b"/CreationDate(D:20240101000000", src.read_bytes())
    digest = hashlib.md5(re.sub(rb"/ID \[[^\]]*\]|/DocChecksum /[0-9A-F]{32}", b"", data)).hexdigest().upper().encode()
    data = re.sub(
        rb"(/ID \[\s*<)[0-9A-F]{32}(>\s*<)[0-9A-F]{32}(>)",
        lambda m: m.group(1) + digest + m.group(2) + digest + m.group(3),
        data,
    )
    data = re.sub(rb"/DocChecksum /[0-9A-F]{32}", b"/DocChecksum /" + digest, data)
    dst.write_bytes(data)


def _seeded(name: str, seed: int) -> str:
    """The name a degradation's random source is drawn from: the standing corpus's for seed 0."""
    return f"{name}/seed{seed}" if seed else name


def split_of(inst: Instance) -> str:
    held = inst.family in HELDOUT_FAMILIES or inst.cset.id in HELDOUT_SETS or inst.name in HELDOUT_INSTANCES
    return "heldout" if held else "dev"


def _squash(text: str) -> str:
    return "".join(text.split()).lower()


def table_pages(pdf: Path, marks: tuple[str, str]) -> list[int] | None:
    """The pages a score table runs over: from the page printing its first row's name to the page
    printing its last row's (the first words of each, spacing ignored)."""
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        texts = [_squash(page.extract_text() or "") for page in doc.pages]
    first_key, last_key = (_squash(" ".join(mark.split()[:4])) for mark in marks)
    firsts = [i for i, text in enumerate(texts, start=1) if first_key in text]
    lasts = [i for i, text in enumerate(texts, start=1) if last_key in text and firsts and i >= firsts[0]]
    if not firsts or not lasts:
        return None  # not found in the text layer: unknown, not guessed
    return list(range(firsts[0], lasts[-1] + 1))


def truth(inst: Instance, built: Built, output, pages) -> dict:
    document = dict(built.document)
    if output.printed is not None:
        document = {k: (v if k in output.printed else None) for k, v in document.items()}
    tables = [dict(t, pages=pages) for t in built.score_tables]
    return {
        "family": inst.family,
        "instance": inst.name,
        "format": output.fmt,
        "variant": output.variant,
        "criteria_set": inst.cset.id,
        "split": split_of(inst),
        # an OCR text dump of the rendered page (its text may have lost cells: benchmarks/legibility.py)
        "ocr_dump": output.ocr is not None,
        "document": document,
        "score_tables": tables,
        "statistics": built.statistics,
        "counts": built.counts,
        "task_rows": built.task_rows,
        "targets": built.targets,
        "score_statements": built.score_statements,
        "faults": [f.truth() for f in built.faults],
        **built.per_output.get(output.variant, {}),
    }


def generate(
    out: Path, families: list[str], formats: set[str], n: int, seed: int = 0, degrade: str = "standard"
) -> list[dict]:
    sets = load_sets()
    if not sets:
        raise SystemExit("no criteria sets: normalize/criteria/data/*.csv is empty")
    out.mkdir(parents=True, exist_ok=True)
    pending = []  # (instance, built, output, path, derived identity or None)
    derived = []  # (derived family, index, source instance, built, source output, source docx)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_dir = Path(tmp)
        to_pdf: list[Path] = []
        to_text: list[Path] = []  # a word processor's own text export of the DOCX
        dumps: list[tuple[Path, Path, OcrDump]] = []  # (PDF to be made, dump, how): OCR text dumps
        for family in families:
            folder = out / family
            if folder.exists():
                shutil.rmtree(folder)
            folder.mkdir(parents=True)
            if family in DERIVED:
                if KIND_FORMATS[DERIVED[family].kind] not in formats:
                    continue
                for index, inst in derived_sources(family, sets, n, seed):
                    built = FAMILIES[inst.family](inst)
                    output = next(o for o in built.outputs if o.fmt == "pdf")
                    docx = tmp_dir / f"{inst.family}__{inst.name}-{output.variant}.docx"
                    if not docx.exists():
                        write_docx(output.document, docx)
                    if docx not in to_pdf:
                        to_pdf.append(docx)
                    derived.append((family, index, inst, built, output, docx))
                continue
            for inst in instances(family, sets, n, seed):
                built = FAMILIES[family](inst)
                for output in built.outputs:
                    if output.fmt not in formats:
                        continue
                    stem = f"{inst.name}-{output.variant}"
                    path = folder / f"{stem}.{output.fmt}"
                    pending.append((inst, built, output, path, None))
                    if isinstance(output.document, str):
                        path.write_text(output.document, encoding="utf-8")
                        continue
                    docx = tmp_dir / f"{family}__{stem}.docx"
                    if not docx.exists():
                        write_docx(output.document, docx)
                    if output.fmt == "pdf" and docx in to_pdf:
                        continue  # also a derived family's source
                    if output.fmt == "docx":
                        shutil.copyfile(docx, path)
                    elif isinstance(output.ocr, OcrDump):
                        to_pdf.append(docx)
                        dumps.append((tmp_dir / "pdf" / f"{family}__{stem}.pdf", path, output.ocr))
                    else:
                        (to_pdf if output.fmt == "pdf" else to_text).append(docx)
        for sources, target, sub in ((to_pdf, "pdf", "pdf"), (to_text, "txt:Text (encoded):UTF8", "txt")):
            (tmp_dir / sub).mkdir()
            for start in range(0, len(sources), 40):  # a batch per LibreOffice process
                libreoffice_convert(sources[start : start + 40], tmp_dir / sub, target, timeout=900)
        for made_pdf, path, spec in dumps:
            if not made_pdf.exists():
                raise SystemExit(f"LibreOffice made no {made_pdf.name} (is libreoffice-writer installed?)")
            path.write_text(ocr_pdf(made_pdf, spec, _seeded(path.stem, seed)), encoding="utf-8")
        for family, index, inst, built, output, docx in derived:
            source = tmp_dir / "pdf" / (docx.stem + ".pdf")
            if not source.exists():
                raise SystemExit(f"LibreOffice made no {source.name} (is libreoffice-writer installed?)")
            fmt = derived_format(DERIVED[family], page_count(source), index)
            variant = f"{inst.name}-{output.variant}"
            name = f"{family_code(family).lower()}-i{index}"  # the derived document's, not its source's
            stem = f"{name}-{variant}"
            derivation = DERIVED[family]
            if derivation.kind == "dump":  # read by Tesseract: the reading's settings name the variant
                count = len(derivation.sources)
                spec = derived_dump_spec(
                    index, count, rng_for(_seeded(stem, seed), derivation.scan.seed), derivation.psms
                )
                variant += f"-{spec.lang}-psm{spec.psm}-{spec.dpi}dpi" + "-degraded" * spec.degrade
                stem = f"{name}-{variant}"
                path = out / family / f"{stem}.{fmt}"
                path.write_text(ocr_pdf(source, spec, _seeded(stem, seed)), encoding="utf-8")
                identity = (family, name, fmt, variant, None)
                pending.append((inst, built, output, path, identity))
                continue
            path = out / family / f"{stem}.{fmt}"
            if degrade == "extreme":  # turned one way on odd instances, the other on even ones
                derivation = at_extremes(derivation, 1.0 if index % 2 else -1.0)
            commune = str(built.document.get("commune") or "")
            write_derived(source, path, derivation, _seeded(stem, seed), index, commune)
            pages = table_pages(source, built.table_marks) if fmt == "pdf" and built.table_marks else None
            pending.append((inst, built, output, path, (family, name, fmt, variant, pages)))
        for inst, _built, output, path, identity in pending:
            if identity or output.ocr is not None:
                continue
            made = tmp_dir / output.fmt / f"{inst.family}__{path.stem}.{output.fmt}"
            if output.fmt in ("pdf", "txt") and not isinstance(output.document, str) and not made.exists():
                raise SystemExit(f"LibreOffice made no {made.name} (is libreoffice-writer installed?)")
            if output.fmt == "pdf":
                fixed_pdf(made, path)
            elif not isinstance(output.document, str) and output.fmt != "docx":
                shutil.copyfile(made, path)
    manifest = []
    unlisted: list[str] = []  # documents whose truth holds an inconsistency it does not list as planted
    for inst, built, output, path, identity in pending:
        pages = None
        if identity:
            pages = identity[4]
        elif output.fmt == "pdf" and built.table_marks:
            pages = table_pages(path, built.table_marks)
        data = truth(inst, built, output, pages)
        if identity:  # a derived document: the source's truth under the derived family's names
            data.update(family=identity[0], instance=identity[1], format=identity[2], variant=identity[3])
            data["ocr_dump"] = identity[2] == "txt"  # a derived text is Tesseract's reading of the pages
        if truth_problems(data) != planted(data):
            unlisted.append(path.relative_to(out).as_posix())
        path.with_name(path.name + ".truth.json").write_text(
            json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        manifest.append(
            {
                "path": path.relative_to(out).as_posix(),
                "family": data["family"],
                "instance": data["instance"],
                "format": data["format"],
                "variant": data["variant"],
                "criteria_set": inst.cset.id,
                "commune": f"Xã {built.commune}",
                "split": split_of(inst),
                "faults": len(built.faults),
                "seed": seed,
            }
        )
    if unlisted:
        raise SystemExit(f"truth inconsistent beyond its planted faults: {', '.join(unlisted)}")
    return manifest


def selected_families(wanted: list[str]) -> tuple[list[str], list[str]]:
    """(families to make, names matching none) for ``--families``' ids or prefixes. None wanted: the
    standing corpus, every family but the probes and the new held-out layouts (made only when named)."""
    known = list(FAMILIES) + list(DERIVED)
    named_only = set(PROBES) | set(NEW_LAYOUTS)
    families = [
        f for f in known if (not wanted and f not in named_only) or any(f == w or f.startswith(w + "_") for w in wanted)
    ]
    return families, [w for w in wanted if not any(f == w or f.startswith(w + "_") for f in known)]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "corpus")
    parser.add_argument("--families", default="", help="comma-separated family ids or prefixes (F01,F04)")
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--quick", action="store_true", help="one instance per family")
    parser.add_argument(
        "--seed",
        type=int,
        default=0,
        help="0 (default): the standing corpus; another value: other communes, values and degradations "
        "of the same families, for a check on documents no rule was written against",
    )
    parser.add_argument(
        "--degrade",
        choices=("standard", "extreme"),
        default="standard",
        help="standard (default): each scan and photo draws its degradation in its family's ranges; "
        "extreme: every one at the far end issue 11 names (150 dpi, 3° askew, most blur, lowest JPEG "
        "quality; photos 6° askew, most shading), for a check on the worst inputs",
    )
    args = parser.parse_args(argv)
    wanted = [f.strip() for f in args.families.split(",") if f.strip()]
    families, unknown = selected_families(wanted)
    if unknown:
        raise SystemExit(f"unknown families: {', '.join(unknown)} (known: {', '.join(list(FAMILIES) + list(DERIVED))})")
    formats = {f.strip() for f in args.formats.split(",") if f.strip()}
    start = time.monotonic()
    manifest = generate(args.out, families, formats, 1 if args.quick else INSTANCES, args.seed, args.degrade)
    manifest_path = args.out / "manifest.json"
    if wanted and manifest_path.exists():  # a subset run keeps the other families' entries
        old = json.loads(manifest_path.read_text(encoding="utf-8")).get("documents", [])
        manifest = [d for d in old if d["family"] not in families] + manifest
    manifest.sort(key=lambda d: d["path"])
    manifest_path.write_text(
        json.dumps({"generator_version": GENERATOR_VERSION, "documents": manifest}, ensure_ascii=False, indent=1)
        + "\n",
        encoding="utf-8",
    )
    faulty = sum(1 for d in manifest if d["faults"])
    print(
        f"{len(manifest)} documents ({faulty} with planted faults) of {len(families)} families in "
        f"{args.out} in {time.monotonic() - start:.0f} s; every truth file adds up except its planted faults"
    )
    return 0


if __name__ == "__main__":
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    sys.exit(main(sys.argv[1:]))
