"""Page crops for the review files: a PNG of each doubtful row cut from its page, so the person
fixing a value looks at the page instead of reading a JSON pointer.

A crop is cut at the row's box (``source.bbox`` of the item a review pointer names; an unread
part's own box, or its whole page) with a margin, the row highlighted. PDF text pages are
rendered with pypdfium2 (their boxes are PDF points, top-left origin, as pdfplumber gives them);
OCR'd pages (image inputs, scanned PDF pages) have boxes in the pixels of the image OCR read, so
that image is made again with OCR's own ``prepare`` and ``deskew``. Crops live under
``OUT/review/crops/<output path without .json>/<n>.png`` (n: the review item's index), are
recorded in the manifest as ours, and are made again only when their document's JSON changed. A
crop that cannot be made (input gone or changed, a text input, no box) is simply absent.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from cchc_extract.outdir import CROPS_DIR, Manifest, atomic_write, load_manifest, relative_to_out, save_manifest

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")


@dataclass(frozen=True)
class CropSettings:
    enabled: bool = True
    # Resolution of the crops: 170 dpi reads a 10-pt Vietnamese diacritic clearly at a third of
    # the bytes of 300 dpi.
    dpi: int = 170
    # Margin around the box (points): a line of context above and below the row.
    margin_pt: float = 14.0
    # Longest side of a crop (pixels): a whole-page crop of an unread page is scaled down to it.
    max_px: int = 1800
    # The row's highlight: translucent yellow over the row box.
    highlight_rgba: tuple[int, int, int, int] = (255, 220, 0, 80)
    outline_rgb: tuple[int, int, int] = (230, 120, 0)
    # zlib level of the PNGs. Measured on the 84 crops of a 20-page scan: ``optimize`` (level 9)
    # took 60 ms a crop, most of a scan's review export, and came out 6% larger than level 3,
    # which takes 8 ms (the pixels are the same either way).
    png_compress_level: int = 3


@dataclass(frozen=True)
class PageImage:
    """A page as an RGB image and how many of its pixels one unit of its boxes is."""

    image: object  # PIL.Image.Image
    px_per_unit: float
    units_per_pt: float  # box units in one point (1 for PDF text pages; dpi/72 for OCR pixels)
    shrink: float = 1.0  # the crop's scale after cutting (an OCR'd page is cut at OCR's resolution)


def crop_name(json_relative: str) -> str:
    """The crop folder of a document: its output path without ``.json``."""
    return json_relative[: -len(".json")] if json_relative.endswith(".json") else json_relative


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_crops(
    out_dir: Path, outputs: Iterable[tuple[Path, dict]], settings: CropSettings = CropSettings()
) -> dict[tuple[str, int], str]:
    """Crops of every review item of ``outputs``: {(JSON path relative to OUT, review index):
    crop path relative to OUT}. Crops of a document whose JSON is unchanged are kept; those of a
    rewritten or vanished document are removed first. Never raises for one document."""
    manifest = load_manifest(out_dir)
    found: dict[tuple[str, int], str] = {}
    changed = False
    seen: set[str] = set()
    # One document in memory at a time: ``outputs`` may be a generator over a large folder.
    for path, data in outputs:
        relative = relative_to_out(out_dir, path)
        seen.add(relative)
        try:
            digest = _sha(path)
        except OSError:
            continue
        entry = manifest.crops.get(relative)
        if entry is not None and entry.get("json") == digest and settings.enabled:
            items = entry.get("items", {})
            if all((out_dir / f).is_file() for f in entry.get("files", [])):
                found.update({(relative, int(n)): f for n, f in items.items() if f in entry.get("files", [])})
                continue
        if entry is not None:
            _remove(out_dir, manifest, relative)
            changed = True
        if not settings.enabled:
            continue
        source = manifest.sources.get(relative)
        try:
            made = _document_crops(out_dir, relative, data, Path(source) if source else None, settings, manifest)
        except Exception:  # noqa: BLE001  an input pdfium or Pillow cannot open again: no crops, no failure
            made = {}
        manifest.crops[relative] = {
            "json": digest,
            "files": sorted(set(made.values())),
            "items": {str(n): f for n, f in made.items()},
        }
        found.update({(relative, n): f for n, f in made.items()})
        changed = True
    for relative in list(manifest.crops):
        if relative not in seen:
            _remove(out_dir, manifest, relative)
            changed = True
    if changed:
        save_manifest(out_dir, manifest)
    return found


def _remove(out_dir: Path, manifest: Manifest, relative: str) -> None:
    """Delete the crops the manifest records for one document (ours only, never through a link)."""
    root = out_dir.resolve()
    for f in manifest.crops.pop(relative, {}).get("files", []):
        path = out_dir / f
        try:
            if f.startswith(CROPS_DIR + "/") and not path.is_symlink() and path.resolve().is_relative_to(root):
                path.unlink(missing_ok=True)
        except OSError:
            pass


def review_boxes(data: dict) -> Iterator[tuple[int, int, list[float] | None]]:
    """(review index, page, box or None for the whole page) of each review item that has a page."""
    from cchc_extract.review import resolve_pointer

    for n, item in enumerate(data.get("review", [])):
        try:
            target = resolve_pointer(data, item.get("item", ""))
        except KeyError:
            continue
        if not isinstance(target, dict):
            continue
        # A row's box is in its ``source``; an unread part carries its own page and box.
        found = target.get("source")
        source: dict = found if isinstance(found, dict) else target
        page = item.get("page") or source.get("page")
        bbox = source.get("bbox")
        if not isinstance(page, int):
            continue
        box = [float(v) for v in bbox] if isinstance(bbox, list) and len(bbox) == 4 else None
        if box is None and not item.get("item", "").startswith("/unread/"):
            continue  # a row without a box: no crop (a whole page would not say which row)
        yield n, page, box


def _document_crops(
    out_dir: Path, relative: str, data: dict, source: Path | None, settings: CropSettings, manifest: Manifest
) -> dict[int, str]:
    wanted = list(review_boxes(data))
    if not wanted or source is None:
        return {}
    try:
        if not source.is_file() or _sha(source) != data.get("source", {}).get("sha256"):
            return {}  # gone, or not the bytes this output was made from
    except OSError:
        return {}
    if not has_pages(source):
        return {}  # text and DOCX inputs have no page to show
    # Recorded before writing: a run killed midway still owns what it wrote.
    manifest.crops[relative] = {"json": "", "files": crop_files(relative, wanted)}
    save_manifest(out_dir, manifest)
    return cut_crops(out_dir, relative, wanted, source, settings)


def has_pages(source: Path) -> bool:
    """The input has pages to cut crops from (a PDF or an image; text and DOCX have none)."""
    return source.suffix.lower() == ".pdf" or source.suffix.lower() in IMAGE_SUFFIXES


ReviewBox = tuple[int, int, list[float] | None]  # review index, page, box (None: the whole page)


def crop_files(relative: str, wanted: Iterable[ReviewBox]) -> list[str]:
    """The crop files the review items ``wanted`` may get (relative to OUT)."""
    return [f"{CROPS_DIR}/{crop_name(relative)}/{n}.png" for n, _, _ in wanted]


def cut_crops(
    out_dir: Path, relative: str, wanted: list[ReviewBox], source: Path, settings: CropSettings
) -> dict[int, str]:
    """Cut and write the crops of ``wanted`` (review index, page, box) from ``source``: {review
    index: crop path relative to OUT}. The manifest is the caller's to keep."""
    pages: _PdfPages | _ImagePages
    pages = _PdfPages(source, settings) if source.suffix.lower() == ".pdf" else _ImagePages(source, settings)
    made: dict[int, str] = {}
    folder = f"{CROPS_DIR}/{crop_name(relative)}"
    # One value failing two checks is two review items and one crop.
    first: dict[tuple, str] = {}
    try:
        for n, page, box in wanted:
            same = first.get((page, tuple(box or ())))
            if same is not None:
                made[n] = same
                continue
            try:
                image = pages.get(page)
                if image is None:
                    continue
                crop = cut(image, box, settings)
                if crop is None:
                    continue
                name = f"{folder}/{n}.png"
                atomic_write(out_dir, out_dir / name, _png_writer(crop, settings))
                made[n] = first[(page, tuple(box or ()))] = name
            except Exception:  # noqa: BLE001  a crop is a convenience: one that fails is absent
                continue
    finally:
        pages.close()
    return made


@dataclass
class CropPart:
    """What a crop job cut for one document: the sha256 of the JSON it cut from and {review
    index: crop path relative to OUT}."""

    json: str
    made: dict[int, str] = field(default_factory=dict)


def crop_pages(
    out_dir: Path, json_path: Path, source: Path, pages: range | None = None, settings: CropSettings = CropSettings()
) -> CropPart:
    """A job: the crops of a converted document's review items on ``pages`` (0-based; all when
    None), cut by the worker that converted it (or by several, a long scan's page ranges), not
    by the batch's process after the run. ``record_crops`` keeps them in the manifest."""
    raw = json_path.read_bytes()
    part = CropPart(hashlib.sha256(raw).hexdigest())
    data = json.loads(raw)
    wanted = [w for w in review_boxes(data) if pages is None or w[1] - 1 in pages]
    if not settings.enabled or not wanted or not has_pages(source):
        return part
    if not source.is_file() or _sha(source) != data.get("source", {}).get("sha256"):
        return part
    part.made = cut_crops(out_dir, relative_to_out(out_dir, json_path), wanted, source, settings)
    return part


def record_crops(out_dir: Path, parts: dict[str, list[CropPart]]) -> None:
    """Record in the manifest the crops the jobs cut, per document JSON (relative to OUT), as
    ``make_crops`` records its own, so the refresh keeps them; an earlier run's crops of the
    document that were not cut again are removed. A document whose JSON changed between its
    jobs is left out (the refresh cuts its crops)."""
    if not parts:
        return
    manifest = load_manifest(out_dir)
    for relative, got in parts.items():
        if len({p.json for p in got}) != 1:
            continue
        made = dict(sorted((n, f) for p in got for n, f in p.made.items()))
        files = sorted(set(made.values()))
        old = manifest.crops.get(relative)
        if old is not None:
            manifest.crops[relative] = {"files": [f for f in old.get("files", []) if f not in files]}
            _remove(out_dir, manifest, relative)
        manifest.crops[relative] = {"json": got[0].json, "files": files, "items": {str(n): f for n, f in made.items()}}
    save_manifest(out_dir, manifest)


def _png_writer(crop, settings: CropSettings) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        crop.save(path, format="PNG", compress_level=settings.png_compress_level)

    return write


def cut(page: PageImage, box: list[float] | None, settings: CropSettings):
    """The crop of ``box`` (page units) from ``page`` with the margin, the box highlighted; the
    whole page when ``box`` is None; None when the box lies off the page."""
    from PIL import Image, ImageDraw

    image = page.image
    width, height = image.size  # type: ignore[attr-defined]
    k = page.px_per_unit
    if box is None:
        region = (0, 0, width, height)
        mark = None
    else:
        x0, y0, x1, y1 = (v * k for v in box)
        if x1 <= 0 or y1 <= 0 or x0 >= width or y0 >= height or x1 < x0 or y1 < y0:
            return None
        m = settings.margin_pt * page.units_per_pt * k
        region = (
            max(0, int(x0 - m)),
            max(0, int(y0 - m)),
            min(width, int(x1 + m + 1)),
            min(height, int(y1 + m + 1)),
        )
        mark = (x0 - region[0], y0 - region[1], x1 - region[0], y1 - region[1])
    crop = image.crop(region).convert("RGBA")  # type: ignore[attr-defined]
    if mark is not None:
        layer = Image.new("RGBA", crop.size, (0, 0, 0, 0))
        draw = ImageDraw.Draw(layer)
        draw.rectangle(mark, fill=settings.highlight_rgba, outline=settings.outline_rgb + (255,), width=2)
        crop = Image.alpha_composite(crop, layer)
    crop = crop.convert("RGB")
    f = min(page.shrink, settings.max_px / max(crop.size))
    if f < 1.0:
        crop = crop.resize((max(1, round(crop.width * f)), max(1, round(crop.height * f))), Image.Resampling.LANCZOS)
    return crop


class _PdfPages:
    """PDF pages, each rendered once: a text page at ``settings.dpi`` (boxes in points), an OCR'd
    page as OCR saw it (boxes in its pixels), scaled to ``settings.dpi``."""

    def __init__(self, path: Path, settings: CropSettings) -> None:
        import pdfplumber
        import pypdfium2 as pdfium

        self.path, self.settings = path, settings
        self.doc = pdfium.PdfDocument(str(path))
        self.plumber = pdfplumber.open(path)
        self.cache: dict[int, PageImage | None] = {}

    def get(self, number: int) -> PageImage | None:
        if number not in self.cache:
            self.cache[number] = self._render(number)
        return self.cache[number]

    def _render(self, number: int) -> PageImage | None:
        from extract.base import IngestOptions
        from extract.pdf_page_image import Renderer
        from extract.pdf_reader import has_text_layer

        if not 1 <= number <= len(self.doc):
            return None
        options = IngestOptions()
        chars = self.plumber.pages[number - 1].chars
        if has_text_layer(chars, options.min_text_chars, options.min_text_quality):
            from extract.pdf_turn import sideways_turn

            scale = self.settings.dpi / 72
            # A sideways page was read turned upright (extract.pdf_turn): its boxes are the turned page's.
            turn = sideways_turn(chars)
            image = self.doc[number - 1].render(scale=scale, rotation=turn).to_pil().convert("RGB")
            return PageImage(image, scale, 1.0)
        renderer = Renderer(self.path)
        try:
            image, dpi = renderer.page_image(number - 1, options.ocr_dpi)
        finally:
            renderer.close()
        return ocr_view(image, dpi, self.settings)

    def close(self) -> None:
        self.plumber.close()
        self.doc.close()


class _ImagePages:
    """The frames of a scan or photo as OCR saw them."""

    def __init__(self, path: Path, settings: CropSettings) -> None:
        self.path, self.settings = path, settings
        self.cache: dict[int, PageImage | None] = {}

    def get(self, number: int) -> PageImage | None:
        if number not in self.cache:
            self.cache[number] = self._frame(number)
        return self.cache[number]

    def _frame(self, number: int) -> PageImage | None:
        from PIL import Image, ImageSequence

        from extract.base import IngestOptions
        from extract.image_reader import frame_dpi

        with Image.open(self.path) as image:
            for index, frame in enumerate(ImageSequence.Iterator(image)):
                if index + 1 == number:
                    frame.load()
                    return ocr_view(frame.copy(), frame_dpi(frame, IngestOptions().ocr_dpi), self.settings)
        return None

    def close(self) -> None:
        pass


def ocr_view(image, dpi: int, settings: CropSettings) -> PageImage:
    """The image OCR read (greyscale, upscaled when coarse, deskewed: the same functions), in
    whose pixels OCR's boxes are. A page OCR turned sideways is not turned here: its boxes fall
    off or onto the wrong place (see the module's limits)."""
    from extract.ocr_image import deskew, prepare
    from extract.ocr_settings import OcrSettings

    ocr = OcrSettings()
    gray, ocr_dpi = prepare(image, dpi, ocr)
    gray, _ = deskew(gray, ocr)
    return PageImage(gray.convert("RGB"), 1.0, ocr_dpi / 72, shrink=settings.dpi / ocr_dpi)
