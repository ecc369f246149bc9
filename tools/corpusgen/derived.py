"""Derived families: a typed family's PDF printed and scanned, or photographed with a phone.

A derived instance takes one source document (a typed family's instance and its first PDF output),
rasterises it at ``RENDER_DPI`` and degrades every page (``degrade.py``). The truth is the source's
truth: the same rows, numbers, names and metadata; only the family, instance, format and variant
change. A derived document is ``heldout`` when its source is.

Sources are listed per derived family (one per instance, in order): the second instance of each is
taken from a held-out typed family, so every derived family has held-out documents; the first is a
dev one (what ``--quick`` makes).

A "dump" derivation reads the rendered (optionally degraded) pages with real Tesseract into a text
dump (``dumps.ocr_pdf``): the typed families' own layouts as an OCR tool's plain text.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from PIL import Image

from corpusgen.degrade import PhotoDegrade, ScanDegrade, degrade_scan, phone_photo, rng_for
from corpusgen.scan_files import crop_to_content, image_without_dpi, searchable_pdf
from corpusgen.seal import sign_pages

RENDER_DPI = 300  # the page as printed: degradations resample from this


@dataclass(frozen=True)
class Derivation:
    # "scan" (a PDF of page images), "photo" (a JPEG per page; several pages: a TIFF), "dump",
    # "searchable" (a scan as a PDF with an invisible OCR text layer) or "image" (a scan saved as an
    # image file that declares no dpi: PNG on odd instances, JPEG on even ones; several pages a TIFF)
    kind: str
    sources: tuple[str, ...]  # source family prefix per instance (instance i takes sources[i-1])
    scan: ScanDegrade = field(default_factory=ScanDegrade)
    photo: PhotoDegrade = field(default_factory=PhotoDegrade)
    # A dump family's Tesseract segmentation per instance (instance i reads with psms[i-1]); empty:
    # drawn from 3, 4 and 6 (``dumps.derived_dump_spec``), as D06's are.
    psms: tuple[int, ...] = ()
    # A searchable scan's text layer language per instance ("eng": a Latin-only engine's layer).
    langs: tuple[str, ...] = ()
    # Instances whose image is cut to its content (a scanner's auto-crop: no whole sheet).
    cropped: tuple[int, ...] = ()
    # The page signed and sealed before it is scanned or photographed (``seal.sign_pages``).
    signed: bool = False


DERIVED: dict[str, Derivation] = {
    # The good office scanner: 300 dpi, laid nearly straight.
    "S01_scan_300dpi": Derivation(
        "scan", ("F04", "F09", "F11", "F14"), scan=ScanDegrade(dpi=(300, 300), rotation_deg=(-1.0, 1.0))
    ),
    # The usual one: 200 dpi, askew up to 3°.
    "S02_scan_200dpi_rotated": Derivation(
        "scan", ("F08", "F10", "F01", "F12"), scan=ScanDegrade(dpi=(200, 200), rotation_deg=(-3.0, 3.0))
    ),
    # The coarse one: 150 dpi, askew up to 3°, more JPEG.
    "S03_scan_150dpi_rotated": Derivation(
        "scan",
        ("F07", "F09", "F05", "F11"),
        scan=ScanDegrade(dpi=(150, 150), rotation_deg=(-3.0, 3.0), jpeg_quality=(50, 70)),
    ),
    # A phone photo of each page.
    "S04_phone_photo": Derivation("photo", ("F01", "F10", "F08", "F09")),
    # Plans printed and scanned (issue 20): task grids (a landscape appendix, a portrait one after
    # score statements), paragraph tasks; the second from the held-out decision with its plan.
    "S05_scan_plans": Derivation(
        "scan", ("P01", "P05", "P04", "P02"), scan=ScanDegrade(dpi=(300, 300), rotation_deg=(-1.5, 1.5))
    ),
    # OCR text dumps of the typed layouts (issue 11, "any column layout"): scale lines in names,
    # parts restarting with the total first or last (held out), an unruled landscape table, a scale
    # column, a long table with no repeated header, a two-level header with a "(1) (2)" row (the
    # statistics annexes, F12, are D07's). Tesseract psm 3, 4 or 6, eng or vie
    # (``dumps.derived_dump_spec``); the later half degraded first as the other dump families are.
    "D06_dump_typed_layouts": Derivation("dump", ("F07", "F10", "F17", "F14", "F05", "F11")),
    # OCR text dumps of six-month and yearly reports' statistics annexes (F12: the report, then its
    # "Phụ lục" table of counts, breakdowns, "Trong đó" a)/b) items and ratio rows). Each of
    # Tesseract's segmentations a user's tool may use meets both languages once: 3 (automatic), 4 (a
    # column of lines), 6 (one block: the header's lines run together) and 11 (sparse text: one cell
    # per line); ``eng`` on odd instances; the later half degraded first.
    "D07_dump_statistics_annex": Derivation("dump", ("F12",) * 8, psms=(6, 11, 3, 4, 11, 6, 4, 3)),
    # Searchable scans (``scan_files.searchable_pdf``): a score table, an annex, a two-level header
    # scanned at 200-300 dpi, the page images with Tesseract's own invisible text layer over them,
    # Latin-only ("eng": diacritics lost) on odd instances, "vie" on even ones.
    "S06_searchable_scan": Derivation(
        "searchable",
        ("F01", "F12", "F08"),
        scan=ScanDegrade(dpi=(200, 300), rotation_deg=(-1.0, 1.0)),
        langs=("eng", "vie", "eng"),
    ),
    # Scans saved as image files with no dpi in them (``scan_files.image_without_dpi``), at 150-300
    # dpi; the third cut to its content, so no paper size tells its resolution either.
    "S07_image_no_dpi": Derivation(
        "image",
        ("F11", "F01", "F12", "F14"),
        scan=ScanDegrade(dpi=(150, 300), rotation_deg=(-1.5, 1.5)),
        cropped=(3,),
    ),
}
# How every probe scan is degraded (a 200-300 dpi scan rotated up to 2 degrees, as S01 is): one
# setting for all of them, so the probes differ by their layouts only.
PROBE_SCAN = ScanDegrade(dpi=(200, 300), rotation_deg=(-2.0, 2.0))


def probe_scan(sources: tuple[str, ...], signed: bool = False) -> Derivation:
    """A probe family of scans of ``sources``, degraded as every probe scan is (``PROBE_SCAN``)."""
    return Derivation("scan", sources, scan=PROBE_SCAN, signed=signed)


# Probe families: scans and dumps of the typed layouts no standing derived family takes as a source
# (a generalisation probe for issues 11 and 16: the scan and dump readers meet layouts no rule about
# scans or dumps was written against). Made only when named (``--families S08`` …): a whole run's
# corpus, and so every standing figure, stays as it was. The layouts are split in two: the first of
# each pair is for developing rules on, the second ("held") for reporting figures on only.
PROBES: dict[str, Derivation] = {
    "S08_scan_other_layouts": probe_scan(("F02", "F13", "F16", "F18", "F20", "F22", "F24", "F26", "F28", "P03")),
    "S09_scan_other_layouts_held": probe_scan(("F03", "F19", "F21", "F23", "F25", "F27", "F29", "P06")),
    "S10_photo_other_layouts": Derivation("photo", ("F02", "F16", "F18", "F20", "F22", "F24", "F26", "F28")),
    "S11_photo_other_layouts_held": Derivation("photo", ("F03", "F19", "F21", "F23", "F25", "F27", "F29")),
    # Signed and sealed: the standing scan sources with the commune's seal over the signer's title
    # and a signature above the name, scanned (S12) and photographed (S13).
    "S12_scan_signed": probe_scan(("F01", "F04", "F08", "F09", "F10", "F11", "F12", "F14", "P01", "P05"), signed=True),
    "S13_photo_signed": Derivation("photo", ("F01", "F10", "F12", "P02"), signed=True),
    "D08_dump_other_layouts": Derivation("dump", ("F02", "F13", "F16", "F18", "F20", "F22", "F24", "F26", "F28")),
    "D09_dump_other_layouts_held": Derivation("dump", ("F03", "F19", "F21", "F23", "F25", "F27", "F29")),
    # The new held-out layouts (tools/corpusgen/new_layouts.py) scanned and OCR'd as S08 and D08 are:
    # for reporting figures on only, as the typed families N01-N05 themselves.
    "S14_scan_new_layouts": probe_scan(("N01", "N02", "N03", "N04", "N05")),
    "D10_dump_new_layouts": Derivation("dump", ("N01", "N02", "N03", "N04", "N05")),
    # The second batch (tools/corpusgen/new_layouts_b.py), held as the first: the dump leaves out the
    # task table (N10) as D08 leaves out P03 (a dump's figures are scores and statistics).
    "S15_scan_new_layouts_b": probe_scan(("N06", "N07", "N08", "N09", "N10")),
    "D11_dump_new_layouts_b": Derivation("dump", ("N06", "N07", "N08", "N09")),
    # The third batch (tools/corpusgen/new_layouts_c.py), held as the first two; every one of them
    # prints scores or statistics, so the dump takes all five.
    "S16_scan_new_layouts_c": probe_scan(("N11", "N12", "N13", "N14", "N15")),
    "D12_dump_new_layouts_c": Derivation("dump", ("N11", "N12", "N13", "N14", "N15")),
    # The fourth batch (tools/corpusgen/new_layouts_d.py), held as the others; all five print scores
    # or statistics, so the dump takes them all.
    "S17_scan_new_layouts_d": probe_scan(("N16", "N17", "N18", "N19", "N20")),
    "D13_dump_new_layouts_d": Derivation("dump", ("N16", "N17", "N18", "N19", "N20")),
    # The fifth batch (tools/corpusgen/new_layouts_e.py), held as the others; all of them print
    # scores or statistics, so the dump takes them all.
    "S18_scan_new_layouts_e": probe_scan(("N21", "N22", "N23", "N24", "N25")),
    "D14_dump_new_layouts_e": Derivation("dump", ("N21", "N22", "N23", "N24", "N25")),
    # The sixth batch (tools/corpusgen/new_layouts_f.py), held as the others; all of them print
    # scores or statistics, so the dump takes them all.
    "S19_scan_new_layouts_f": probe_scan(("N26", "N27", "N28", "N29")),
    "D15_dump_new_layouts_f": Derivation("dump", ("N26", "N27", "N28", "N29")),
    # The seventh batch (tools/corpusgen/new_layouts_g.py), held as the others: the dump leaves out
    # the plan (N32), as D08 leaves out P03 (a dump's figures are scores and statistics).
    "S20_scan_new_layouts_g": probe_scan(("N30", "N31", "N32", "N33")),
    "D16_dump_new_layouts_g": Derivation("dump", ("N30", "N31", "N33")),
    # The eighth batch (tools/corpusgen/new_layouts_h.py), held as the others: the dump leaves out
    # the plan (N37), as D08 leaves out P03 (a dump's figures are scores and statistics).
    "S21_scan_new_layouts_h": probe_scan(("N34", "N35", "N36", "N37")),
    "D17_dump_new_layouts_h": Derivation("dump", ("N34", "N35", "N36")),
    # The ninth batch (tools/corpusgen/new_layouts_i.py), held as the others: the dump leaves out
    # the plan (N41), as D08 leaves out P03 (a dump's figures are scores and statistics).
    "S22_scan_new_layouts_i": probe_scan(("N38", "N39", "N40", "N41")),
    "D18_dump_new_layouts_i": Derivation("dump", ("N38", "N39", "N40")),
    # The tenth batch (tools/corpusgen/new_layouts_j.py), held as the others: the dump leaves out
    # the plan (N43), as D08 leaves out P03 (a dump's figures are scores and statistics).
    "S23_scan_new_layouts_j": probe_scan(("N42", "N43", "N44", "N45")),
    "D19_dump_new_layouts_j": Derivation("dump", ("N42", "N44", "N45")),
    # The eleventh batch (tools/corpusgen/new_layouts_k.py), held as the others; all of them print
    # scores or statistics, so the dump takes them all.
    "S24_scan_new_layouts_k": probe_scan(("N46", "N47", "N48", "N49")),
    "D20_dump_new_layouts_k": Derivation("dump", ("N46", "N47", "N48", "N49")),
    # Plans' task appendices in the layouts of P07 and P08 (tab stops, no TT column, a header wrapped
    # by hand, tasks told apart by a bold first line or by the line whose other columns are filled)
    # printed and scanned as S05 scans plans (300 dpi, askew up to 1.5 degrees), and saved as an image
    # file that declares no dpi (as S07): task rows from a scan's grid or lines (issue 16). Dev
    # families, as their sources are.
    "S25_scan_plan_task_layouts": Derivation(
        "scan", ("P07", "P08", "P07", "P08"), scan=ScanDegrade(dpi=(300, 300), rotation_deg=(-1.5, 1.5))
    ),
    "S26_image_plan_task_layouts": Derivation(
        "image", ("P08", "P07", "P08", "P07"), scan=ScanDegrade(dpi=(200, 300), rotation_deg=(-1.5, 1.5))
    ),
    # The twelfth batch (tools/corpusgen/new_layouts_l.py), held as the others: the dump leaves out
    # the plan (N53), as D08 leaves out P03 (a dump's figures are scores and statistics).
    "S27_scan_new_layouts_l": probe_scan(("N50", "N51", "N52", "N53")),
    "D21_dump_new_layouts_l": Derivation("dump", ("N50", "N51", "N52")),
    # The thirteenth batch (tools/corpusgen/new_layouts_m.py), held as the others: the dump leaves
    # out the plan (N57), as D21 leaves out N53.
    "S28_scan_new_layouts_m": probe_scan(("N54", "N55", "N56", "N57")),
    "D22_dump_new_layouts_m": Derivation("dump", ("N54", "N55", "N56")),
    # The fourteenth batch (tools/corpusgen/new_layouts_n.py), held as the others: the dump leaves
    # out the plan (N61), as D22 leaves out N57.
    "S29_scan_new_layouts_n": probe_scan(("N58", "N59", "N60", "N61")),
    "D23_dump_new_layouts_n": Derivation("dump", ("N58", "N59", "N60")),
    # The fifteenth batch (tools/corpusgen/new_layouts_o.py), held as the others: the dump leaves
    # out the plan (N65), as D23 leaves out N61.
    "S30_scan_new_layouts_o": probe_scan(("N62", "N63", "N64", "N65")),
    "D24_dump_new_layouts_o": Derivation("dump", ("N62", "N63", "N64")),
    # The sixteenth batch (tools/corpusgen/new_layouts_p.py), held as the others: the dump leaves
    # out the plan (N69), as D24 leaves out N65.
    "S31_scan_new_layouts_p": probe_scan(("N66", "N67", "N68", "N69")),
    "D25_dump_new_layouts_p": Derivation("dump", ("N66", "N67", "N68")),
    # The seventeenth batch (tools/corpusgen/new_layouts_q.py), held as the others: the dump leaves
    # out the plan (N73), as D25 leaves out N69.
    "S32_scan_new_layouts_q": probe_scan(("N70", "N71", "N72", "N73")),
    "D26_dump_new_layouts_q": Derivation("dump", ("N70", "N71", "N72")),
    # The eighteenth batch (tools/corpusgen/new_layouts_r.py), held as the others: the dump leaves
    # out the plans (N76, N77), as D26 leaves out N73.
    "S33_scan_new_layouts_r": probe_scan(("N74", "N75", "N76", "N77")),
    "D27_dump_new_layouts_r": Derivation("dump", ("N74", "N75")),
    # The nineteenth batch (tools/corpusgen/new_layouts_s.py), held as the others: two score tables
    # and two annexes, no plan, so the dump takes all four.
    "S34_scan_new_layouts_s": probe_scan(("N78", "N79", "N80", "N81")),
    "D28_dump_new_layouts_s": Derivation("dump", ("N78", "N79", "N80", "N81")),
    # The twentieth batch (tools/corpusgen/new_layouts_t.py), held as the others: the dump leaves
    # out the bulleted narrative (N85, no table), as D26 leaves out the plan N73.
    "S35_scan_new_layouts_t": probe_scan(("N82", "N83", "N84", "N85")),
    "D29_dump_new_layouts_t": Derivation("dump", ("N82", "N83", "N84")),
    # The twenty-first batch (tools/corpusgen/new_layouts_u.py), held as the others: three score
    # tables and an annex, no plan and no narrative, so the dump takes all four.
    "S36_scan_new_layouts_u": probe_scan(("N86", "N87", "N88", "N89")),
    "D30_dump_new_layouts_u": Derivation("dump", ("N86", "N87", "N88", "N89")),
    # The twenty-second batch (tools/corpusgen/new_layouts_v.py), held as the others: two score
    # tables and two annexes, no plan and no narrative, so the dump takes all four.
    "S37_scan_new_layouts_v": probe_scan(("N90", "N91", "N92", "N93")),
    "D31_dump_new_layouts_v": Derivation("dump", ("N90", "N91", "N92", "N93")),
    # The twenty-third batch (tools/corpusgen/new_layouts_w.py), held as the others: two score
    # tables and two annexes, no plan and no narrative, so the dump takes all four.
    "S38_scan_new_layouts_w": probe_scan(("N94", "N95", "N96", "N97")),
    "D32_dump_new_layouts_w": Derivation("dump", ("N94", "N95", "N96", "N97")),
    # The twenty-fourth batch (tools/corpusgen/new_layouts_x.py), held as the others: two score
    # tables and two annexes, no plan and no narrative, so the dump takes all four.
    "S39_scan_new_layouts_x": probe_scan(("N98", "N99", "N100", "N101")),
    "D33_dump_new_layouts_x": Derivation("dump", ("N98", "N99", "N100", "N101")),
    # The twenty-fifth batch (tools/corpusgen/new_layouts_y.py), held as the others: three score
    # tables and an annex, no plan and no narrative, so the dump takes all four.
    "S40_scan_new_layouts_y": probe_scan(("N102", "N103", "N104", "N105")),
    "D34_dump_new_layouts_y": Derivation("dump", ("N102", "N103", "N104", "N105")),
    # The twenty-sixth batch (tools/corpusgen/new_layouts_z.py), held as the others: three score
    # tables and an annex, no plan and no narrative, so the dump takes all four.
    "S41_scan_new_layouts_z": probe_scan(("N106", "N107", "N108", "N109")),
    "D35_dump_new_layouts_z": Derivation("dump", ("N106", "N107", "N108", "N109")),
    # The twenty-seventh batch (tools/corpusgen/new_layouts_za.py), held as the others: the dump leaves
    # out the plan (N112), as D26 leaves out N73; the narratives and the task outcomes' report it takes.
    "S42_scan_new_layouts_za": probe_scan(("N110", "N111", "N112", "N113")),
    "D36_dump_new_layouts_za": Derivation("dump", ("N110", "N111", "N113")),
}
# The format a derived family's kind is made for (``--formats`` leaves the family out without it).
KIND_FORMATS = {"scan": "pdf", "photo": "jpg", "dump": "txt", "searchable": "pdf", "image": "png"}


def at_extremes(derivation: Derivation, sign: float) -> Derivation:
    """The derivation with each degradation at the far end of what issue 11 asks to read: scans at
    150 dpi turned a full 3° (``sign`` says which way), the most blur, the least contrast and the
    lowest JPEG quality of any scan family; photos turned a full 6° with the most shading and blur
    and the lowest JPEG quality. Made only on request (``make_corpus.py --degrade extreme``): the
    standing families keep their ranges, so figures stay comparable across rounds."""
    scan, photo = derivation.scan, derivation.photo
    return replace(
        derivation,
        scan=replace(
            scan,
            dpi=(150, 150),
            rotation_deg=(3.0 * sign, 3.0 * sign),
            blur_radius=(scan.blur_radius[1], scan.blur_radius[1]),
            paper_level=(scan.paper_level[0], scan.paper_level[0]),
            ink_level=(scan.ink_level[1], scan.ink_level[1]),
            jpeg_quality=(50, 50),
        ),
        photo=replace(
            photo,
            rotation_deg=(6.0 * sign, 6.0 * sign),
            shading=(photo.shading[1], photo.shading[1]),
            blur_radius=(photo.blur_radius[1], photo.blur_radius[1]),
            jpeg_quality=(photo.jpeg_quality[0], photo.jpeg_quality[0]),
        ),
    )


def derived_format(derivation: Derivation, pages: int, index: int = 1) -> str:
    if derivation.kind == "dump":
        return "txt"
    if derivation.kind in ("scan", "searchable"):
        return "pdf"
    if derivation.kind == "image" and pages == 1:
        return "png" if index % 2 else "jpg"
    return "jpg" if pages == 1 else "tif"


def page_count(pdf: Path) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return len(doc)
    finally:
        doc.close()


def render(pdf: Path, dpi: int = RENDER_DPI) -> list[Image.Image]:
    """Every page of a PDF as a greyscale image (what pdftoppm -gray gives)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return [page.render(scale=dpi / 72).to_pil().convert("L") for page in doc]
    finally:
        doc.close()


def write_derived(
    source_pdf: Path, target: Path, derivation: Derivation, name: str, index: int = 1, commune: str = ""
) -> None:
    """The source PDF degraded into ``target`` (its suffix from ``derived_format``); ``index`` the
    derived instance's (1-based); ``commune`` the name a signed page's seal prints."""
    pages = render(source_pdf)
    if derivation.signed:
        pages = sign_pages(pages, source_pdf, commune, rng_for(name + "/signed", derivation.scan.seed), RENDER_DPI)
    if derivation.kind in ("searchable", "image"):
        rng = rng_for(name, derivation.scan.seed)
        scans = [degrade_scan(page, derivation.scan, rng, RENDER_DPI) for page in pages]
        images = [image for image, _ in scans]
        if derivation.kind == "searchable":
            lang = derivation.langs[(index - 1) % len(derivation.langs)] if derivation.langs else "vie"
            searchable_pdf(images, scans[0][1], target, lang)
            return
        if index in derivation.cropped:
            images = [crop_to_content(image) for image in images]
        image_without_dpi(images, target, _photo_quality(rng))
        return
    if derivation.kind == "scan":
        rng = rng_for(name, derivation.scan.seed)
        scans = [degrade_scan(page, derivation.scan, rng, RENDER_DPI) for page in pages]
        images = [image for image, _ in scans]
        # One image per page, at the scan's resolution: what scanners and image-to-PDF tools write.
        images[0].save(
            target,
            "PDF",
            save_all=True,
            append_images=images[1:],
            resolution=float(scans[0][1]),
            creationDate=_SCAN_DATE,
            modDate=_SCAN_DATE,
        )
        return
    rng = rng_for(name, derivation.photo.seed)
    photos = [phone_photo(page, derivation.photo, rng) for page in pages]
    quality = _photo_quality(rng)
    if len(photos) == 1:
        photos[0].save(target, "JPEG", quality=quality)  # a phone declares no useful dpi: none written
    else:
        photos[0].save(target, "TIFF", save_all=True, append_images=photos[1:], compression="jpeg", quality=quality)


# Pillow stamps the hour of writing into a PDF's info unless told a date: one fixed date keeps a
# corpus byte-identical from one run to the next (the check that a generator change left the
# other families alone compares files with `cmp`).
_SCAN_DATE = time.strptime("2025-01-01", "%Y-%m-%d")


def _photo_quality(rng: random.Random) -> int:
    """The phone's own JPEG quality when it saves the file (the pixels already went through one)."""
    return rng.randint(80, 92)
