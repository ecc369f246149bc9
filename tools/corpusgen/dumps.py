"""OCR text dumps: a score-table document printed to PDF, rasterised (pdftoppm, 150–300 dpi), and
read by real Tesseract (``eng`` or ``vie``) into the plain text a user's OCR tool saves. The truth is
the source document's: the generator's rows, never what Tesseract made of them.

Families vary what a dump reader must not depend on: 4 to 7 grid columns, an appraised column or
not, the explanation before the points or last, ruling lines (read as bars and specks) or none,
numbers top-aligned (a name wraps below them) or centred in tall rows (name lines above and below).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from PIL import Image

from corpusgen.common import (
    Built,
    Instance,
    Output,
    evaluation_year,
    score_content,
    score_meta,
    score_truth,
    standard_blocks,
)
from corpusgen.degrade import ScanDegrade, degrade_scan, rng_for
from corpusgen.document import Document, Table
from corpusgen.grid import ScoreLayout, as_printed, score_grid


@dataclass(frozen=True)
class OcrDump:
    """How a document becomes an OCR dump."""

    lang: str = "vie"  # eng loses the diacritics (the repair stage puts them back)
    dpi: int = 200
    psm: int = 3  # Tesseract's page segmentation: 3 (automatic, its default) or 6 (one block)
    page_join: str = "\f"  # what separates pages: Tesseract's form feed, or blank lines (a copy-paste)
    degrade: bool = False  # the page images go through tools/corpusgen/degrade.py


def ocr_pdf(pdf: Path, spec: OcrDump, seed: str) -> str:
    """The PDF's pages rasterised at ``spec.dpi`` and OCR'd, joined as one text dump."""
    env = dict(os.environ, OMP_THREAD_LIMIT="1")  # the machine is shared: one core per Tesseract
    with tempfile.TemporaryDirectory(prefix="dump-") as tmp:
        root = Path(tmp) / "page"
        subprocess.run(["pdftoppm", "-r", str(spec.dpi), "-gray", "-png", str(pdf), str(root)], check=True)
        pages = sorted(Path(tmp).glob("page*.png"))
        if spec.degrade:
            pages = [_degraded(page, spec, f"{seed}/{k}") for k, page in enumerate(pages)]
        texts = []
        for page in pages:
            done = subprocess.run(
                ["tesseract", str(page), "-", "-l", spec.lang, "--psm", str(spec.psm)],
                check=True,
                capture_output=True,
                env=env,
            )
            texts.append(done.stdout.decode("utf-8").rstrip("\f\n"))
    return spec.page_join.join(texts) + "\n"


def _degraded(page: Path, spec: OcrDump, seed: str) -> Path:
    """The page image as a flatbed scan at the dump's dpi (``degrade.py``: paper and ink levels,
    a slight rotation, blur, noise, dust, JPEG)."""
    with Image.open(page) as img:
        settings = replace(DUMP_SCAN, dpi=(spec.dpi, spec.dpi))  # resolution kept: rasterised at it
        scan, _ = degrade_scan(img, settings, rng_for(seed, 0), page_dpi=spec.dpi)
    out = page.with_name(page.stem + "-degraded.png")
    scan.save(out)
    return out


# A dump's degradation: rotation up to 1.5° (a dump's user scanned with some care, then OCR'd).
DUMP_SCAN = ScanDegrade(rotation_deg=(-1.5, 1.5))


def tesseract_available() -> bool:
    return shutil.which("tesseract") is not None and shutil.which("pdftoppm") is not None


LABELS = {
    "code": ("STT", "TT"),
    "name": ("Lĩnh vực, tiêu chí", "Tiêu chí, tiêu chí thành phần", "Nội dung đánh giá"),
    "max": ("Điểm tối đa", "Điểm chuẩn", "Thang điểm"),
    "self": ("Điểm tự đánh giá", "Điểm tự chấm", "Điểm UBND xã tự chấm"),
    "appraised": ("Điểm thẩm định", "Điểm Phòng Nội vụ thẩm định"),
    "explanation": ("Giải trình", "Tài liệu kiểm chứng", "Nội dung giải trình", "Ghi chú"),
}
TOTAL_LABELS = ("Tổng cộng", "TỔNG ĐIỂM", "Tổng số điểm")


def _spec(inst: Instance, rng) -> OcrDump:
    """Odd instances are read with ``eng``, even ones with ``vie``; dpi, segmentation and page
    separator vary with the instance."""
    return OcrDump(
        lang="eng" if inst.index % 2 else "vie",
        dpi=rng.choice((150, 200, 250, 300)),
        psm=rng.choice((3, 3, 6)),
        page_join=rng.choice(("\f", "\n\n\n\n")),
        degrade=inst.index >= 3,
    )


def derived_dump_spec(index: int, count: int, rng, psms: tuple[int, ...] = ()) -> OcrDump:
    """How a derived dump family's instance ``index`` (of ``count``) is read: ``eng`` on odd
    instances, ``vie`` on even ones; Tesseract's segmentation ``psms[index - 1]`` when the family
    lists them, else any a user's tool may use (3 its default, 4 a single column of lines, 6 one
    block); the later half through ``degrade.py``. The draws are made in the same order either way,
    so a family listing no segmentations reads as it always did."""
    dpi = rng.choice((200, 250, 300))
    psm = rng.choice((3, 4, 6))
    return OcrDump(
        lang="eng" if index % 2 else "vie",
        dpi=dpi,
        psm=psms[(index - 1) % len(psms)] if psms else psm,
        page_join=rng.choice(("\f", "\n\n\n\n")),
        degrade=index > count // 2,
    )


def _dump(
    inst: Instance,
    columns: tuple[str, ...],
    *,
    ruled: bool = True,
    valign: str = "top",
    indent: bool = False,
    number_row: bool = False,
    widths: dict | None = None,
    landscape: bool = False,
) -> Built:
    rng = inst.rng("dump")
    year = evaluation_year(inst, rng)
    meta, title = score_meta(inst, rng, year)
    appraised = "appraised" in columns
    table = score_content(inst, rng, year, keep=rng.choice((0.5, 0.7, 1.0)), appraised=appraised)
    if "explanation" not in columns:
        table = replace(table, rows=tuple(replace(r, explanation=None) for r in table.rows))
    layout = ScoreLayout(
        columns,
        {k: rng.choice(v) for k, v in LABELS.items()},
        indent_column=indent,
        indent_holds_code=indent and inst.index % 2 == 0,
        number_row=number_row,
        total=rng.choice(("last", "last", None)),
        total_label=rng.choice(TOTAL_LABELS),
        widths_cm=widths or {},
    )
    # A layout without a total row states no total: the truth has none, and a total fault planted
    # in it (nothing on the page shows it) is not planted, as in the typed families. The page is
    # the same either way (no draw is made here).
    table = as_printed(table, layout)
    grid = Table(score_grid(table, layout), ruled=ruled, valign=valign)
    doc = Document(meta, standard_blocks(meta, title, grid, rng, year), landscape=landscape)
    spec = _spec(inst, rng)
    variant = f"{'ruled' if ruled else 'unruled'}-{valign}-{spec.lang}-{spec.dpi}dpi" + ("-degraded" * spec.degrade)
    built = Built([Output(variant, "txt", doc, ocr=spec)], meta.truth(), commune=meta.place.commune)
    built.score_tables = [score_truth(table, appraised=appraised)]
    built.faults = list(table.faults)
    built.table_marks = (table.rows[0].name, table.rows[-1].name)
    return built


def f16(inst: Instance) -> Built:
    """Five columns (STT, name, max, self, explanation), ruled: bars and specks between the words."""
    valign = "center" if inst.index in (2, 3) else "top"
    return _dump(inst, ("code", "name", "max", "self", "explanation"), valign=valign)


def _appraised_columns(explanation_first: bool) -> tuple[str, ...]:
    """The columns of a table with an appraised column, its explanation before the points or last."""
    if explanation_first:
        return ("code", "name", "explanation", "max", "self", "appraised")
    return ("code", "name", "max", "self", "appraised", "explanation")


def f17(inst: Instance) -> Built:
    """Six columns with an appraised column; the explanation last or before the points."""
    return _dump(
        inst,
        _appraised_columns(explanation_first=inst.index % 2 == 0),
        valign="center" if inst.index >= 3 else "top",
        number_row=inst.index in (1, 4),
        widths={"name": 9.0, "explanation": 6.0},
        landscape=True,
    )


def f18(inst: Instance) -> Built:
    """Four columns (STT, name, max, self), no explanation; ruled or not."""
    return _dump(inst, ("code", "name", "max", "self"), ruled=inst.index % 2 == 1, widths={"name": 11.0})


def f19(inst: Instance) -> Built:
    """Seven grid columns: an indent column for sub-criteria, an appraised column, the explanation
    last or before the points; numbers centred in their rows."""
    return _dump(
        inst,
        _appraised_columns(explanation_first=inst.index % 2 == 1),
        valign="center",
        indent=True,
        widths={"name": 8.0, "explanation": 6.0},
        landscape=True,
    )


def f20(inst: Instance) -> Built:
    """Seven grid columns as a dev layout (D04's are held out): an indent column and an appraised
    column, the explanation before the points on even instances (D04 puts it there on odd ones),
    numbers centred in their rows, a "(1) (2) …" row in instance 2."""
    return _dump(
        inst,
        _appraised_columns(explanation_first=inst.index % 2 == 0),
        valign="center",
        indent=True,
        number_row=inst.index == 2,
        widths={"name": 8.0, "explanation": 6.0},
        landscape=True,
    )


DUMP_FAMILIES = {
    "D01_dump_five_columns": f16,
    "D02_dump_appraised_column": f17,
    "D03_dump_four_columns": f18,
    "D04_dump_seven_columns": f19,
    "D05_dump_indent_appraised": f20,
}
