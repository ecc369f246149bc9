"""Reader for scans and photos: ``.png .jpg .jpeg .tif .tiff`` (multi-page TIFF included), one
OCR'd page per frame."""

from __future__ import annotations

import warnings
from pathlib import Path

from extract.base import DocumentReader, IngestError
from extract.carried_columns import CarriedColumns, carried_from
from extract.limits import check, check_image, memory_error
from extract.model import IngestedDocument

# Office paper, long side in inches and long/short ratio: A4 (Decree 30's paper) and US Letter
# (the page size of many Word templates, kept by the PDFs and scans made from them).
PAPERS = ((11.69, 1.414), (11.0, 1.294))
# How far an image's shape may be from a paper's to be taken for a whole page of it.
PAPER_RATIO_TOLERANCE = 0.02


def frame_dpi(frame, default: int) -> int:
    """The resolution a frame declares; when it declares none (or nonsense), the one a whole page
    of office paper of its shape gives (a 1700 × 2200 image of a Letter page is 200 dpi: taken for
    300, the grid's thin rules fell under the ruling-line finder's length and a table's inner
    columns were lost); ``default`` when its shape is no paper's."""
    dpi = frame.info.get("dpi")
    try:
        value = int(round(float(dpi[0] if isinstance(dpi, (tuple, list)) else dpi)))
    except (TypeError, ValueError, IndexError):
        return paper_dpi(frame.width, frame.height, default)
    return value if 50 <= value <= 2400 else paper_dpi(frame.width, frame.height, default)


def paper_dpi(width: int, height: int, default: int) -> int:
    """The resolution of an image that is a whole A4 or Letter page (either way up), or ``default``."""
    long_side, short_side = max(width, height), min(width, height)
    if short_side <= 0:
        return default
    for inches, ratio in PAPERS:
        if abs(long_side / short_side - ratio) <= PAPER_RATIO_TOLERANCE * ratio:
            value = round(long_side / inches)
            return value if 100 <= value <= 1200 else default
    return default


class ImageReader(DocumentReader):
    format_name = "image"

    def read(self, path: Path) -> IngestedDocument:
        from PIL import Image, ImageSequence, UnidentifiedImageError

        from extract.ocr import check_tesseract, ocr_page  # numpy, Pillow: only for images

        check_tesseract(self.options.ocr_lang)  # before decoding: the one fix users need
        limits = self.options.limits
        try:
            with warnings.catch_warnings():  # Pillow's bomb warning: our own limit decides below
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                image = Image.open(path)  # reads the header only
        except Image.DecompressionBombError:  # Pillow's own cap, twice its MAX_IMAGE_PIXELS
            raise IngestError(
                f"image too large: over {2 * (Image.MAX_IMAGE_PIXELS or 0) / 1e6:,.0f} MP, "
                f"limit {limits.max_image_mp:g} MP"
            ) from None
        except UnidentifiedImageError:
            raise IngestError("not a readable image (unknown or corrupt format)") from None
        except OSError as exc:
            raise IngestError(f"not a readable image: {exc}".splitlines()[0]) from None
        doc = IngestedDocument(path=str(path), format="image")
        number = 0
        carried: CarriedColumns | None = None  # a task table the last frame ended with
        with image:
            check_image(image.width, image.height, limits)
            try:
                frames = getattr(image, "n_frames", 1)
            except (OSError, ValueError, SyntaxError) as exc:
                raise IngestError(f"corrupt image: {exc}".splitlines()[0]) from None
            check(frames, limits.max_frames, "image has too many frames (pages)")
            try:
                for index, frame in enumerate(ImageSequence.Iterator(image)):
                    check_image(frame.width, frame.height, limits, f"frame {index + 1}: image too large")
                    frame.load()
                    page = ocr_page(
                        frame.copy(),
                        index + 1,
                        frame_dpi(frame, self.options.ocr_dpi),
                        self.options,
                        first_number=number + 1,
                        carried=carried,
                    )
                    # A several-page TIFF's task table goes on over its frames as a PDF's over its
                    # pages (its columns carried, ``extract.carried_columns``); other borderless
                    # tables are not carried here (measured on task tables only).
                    went_on = carried_from(page, carried)
                    carried = went_on if went_on is not None and went_on.tasks else None
                    number = page.last_number(number)
                    doc.pages.append(page)
            except IngestError:
                raise
            except MemoryError:
                raise memory_error("image") from None
            except (OSError, ValueError, SyntaxError) as exc:  # truncated or broken image data
                raise IngestError(f"corrupt image: {exc}".splitlines()[0]) from None
        if not any(page.blocks for page in doc.pages):
            raise IngestError("no text found in image")
        for page in doc.pages:
            if not page.blocks:
                doc.warnings.append(f"page {page.number}: no text found")
        return doc
