"""Pictures of printed pages as communes paste them into a typed report: the signed score table
printed, scanned (or photographed with a phone) and inserted into the Word file as an image. The
pictured document is printed by LibreOffice, each page rasterised at ``RENDER_DPI`` and degraded by
``degrade.py`` (the scan and photo families' own degradations), then pasted inline or anchored."""

from __future__ import annotations

import copy
import io
import tempfile
from pathlib import Path

from docx.oxml import parse_xml
from docx.shared import Cm

from corpusgen.degrade import PhotoDegrade, ScanDegrade, degrade_scan, phone_photo, rng_for
from corpusgen.document import PagePicture

# A pasted scan: the office scanner's range, laid by hand; a phone photo as S04's.
PICTURE_SCAN = ScanDegrade(dpi=(150, 300), rotation_deg=(-1.5, 1.5))
PICTURE_PHOTO = PhotoDegrade()
RENDER_DPI = 300


def picture_images(block: PagePicture) -> list[bytes]:
    """The pictured document's pages as the image files a user pastes (JPEG, as scanners and
    phones save them): printed by LibreOffice, rasterised, degraded; a cropped scan cut to its ink."""
    from libreoffice import libreoffice_pdfs

    from corpusgen.derived import render
    from corpusgen.render_docx import write_docx
    from corpusgen.scan_files import crop_to_content

    with tempfile.TemporaryDirectory(prefix="page-picture-") as tmp:
        source = Path(tmp) / "pictured.docx"
        write_docx(block.document, source)
        pdf = libreoffice_pdfs([source], Path(tmp))[0]
        pages = render(pdf, RENDER_DPI)
    rng = rng_for(block.name, 0)
    out = []
    for page in pages:
        if block.shot == "photo":
            image = phone_photo(page, PICTURE_PHOTO, rng)
        else:
            image, _dpi = degrade_scan(page, PICTURE_SCAN, rng, RENDER_DPI)
            if block.cropped:
                image = crop_to_content(image)
        buffer = io.BytesIO()
        image.convert("RGB" if block.shot == "photo" else "L").save(buffer, "JPEG", quality=rng.randint(80, 92))
        out.append(buffer.getvalue())
    return out


def add_page_pictures(doc, block: PagePicture) -> None:
    """Each page's picture in a paragraph of its own, at the block's width: inline, or anchored to
    that paragraph with the text kept above and below it."""
    for k, blob in enumerate(picture_images(block)):
        para = doc.add_paragraph()
        shape = para.add_run().add_picture(io.BytesIO(blob), width=Cm(block.width_cm))
        if block.anchored:
            _anchor(shape._inline, k + 1)


_ANCHOR = (
    '<wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="{z}" behindDoc="0" '
    'locked="0" layoutInCell="1" allowOverlap="0"><wp:simplePos x="0" y="0"/>'
    '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
    '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
    "</wp:anchor>"
)


def _anchor(inline, z: int) -> None:
    """An inline picture made a floating one anchored to its paragraph (as Word writes a picture
    whose wrapping was set to "Top and Bottom"): extent, frame and graphic moved into ``wp:anchor``."""
    anchor = parse_xml(_ANCHOR.format(z=251658240 + z))
    wp = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
    children = {child.tag: child for child in inline}
    anchor.append(copy.deepcopy(children[wp + "extent"]))
    anchor.append(parse_xml(f'<wp:effectExtent xmlns:wp="{wp[1:-1]}" l="0" t="0" r="0" b="0"/>'))
    anchor.append(parse_xml(f'<wp:wrapTopAndBottom xmlns:wp="{wp[1:-1]}"/>'))
    for tag in ("docPr", "cNvGraphicFramePr"):
        if wp + tag in children:
            anchor.append(copy.deepcopy(children[wp + tag]))
    anchor.append(copy.deepcopy(next(c for c in inline if c.tag.endswith("}graphic"))))
    inline.getparent().replace(inline, anchor)
