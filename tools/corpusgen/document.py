"""A corpus document as format-free blocks (header, title, paragraphs, tables, signature) and the
metadata they print; the renderers turn the same blocks into DOCX or text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from corpusgen.grid import Grid
from corpusgen.people import Place, printed_date

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


@dataclass(frozen=True)
class DocMeta:
    place: Place
    number: str  # as printed after "Số:", e.g. "15/BC-UBND"
    kind: str  # BC | KH | ...
    title_lines: tuple[str, ...]
    date: dt.date
    signer: str
    signer_role: str = "TM"  # TM: "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH"; KT: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"
    issuer_style: str = "full"  # full: "ỦY BAN NHÂN DÂN" / "XÃ ..."; short: "UBND XÃ ..."; oneline: "ỦY BAN NHÂN
    #                             DÂN XÃ ..."; district: "UBND HUYỆN ..." over "ỦY BAN NHÂN DÂN XÃ ..."
    date_padded: bool = True
    signed_mark: bool = True  # "(Đã ký)" above the name, as copies published online print it
    recipients: tuple[str, ...] = ()
    number_spaced: bool = False  # "Số: 15 /BC-UBND", as many typed documents print it
    # An official letter (công văn) prints its subject under the number ("V/v …") in place of a
    # kind word and title; its ``title_lines`` are the subject's lines, printed after "V/v ".
    subject: bool = False

    def issuer_lines(self) -> list[str]:
        commune = self.place.commune.upper()
        if self.issuer_style == "district":
            return [f"UBND HUYỆN {self.place.district.upper()}", f"ỦY BAN NHÂN DÂN XÃ {commune}"]
        if self.issuer_style == "short":
            return [f"UBND XÃ {commune}"]
        if self.issuer_style == "oneline":
            return [f"ỦY BAN NHÂN DÂN XÃ {commune}"]
        return ["ỦY BAN NHÂN DÂN", f"XÃ {commune}"]

    def number_line(self) -> str:
        number = self.number.replace("/", " /", 1) if self.number_spaced else self.number
        return f"Số: {number}"

    def place_date(self) -> str:
        return f"{self.place.commune}, {printed_date(self.date, self.date_padded)}"

    def signature_lines(self) -> list[str]:
        if self.signer_role == "KT":
            return ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
        return ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]

    def truth(self, printed: set[str] | None = None) -> dict:
        """The metadata the document prints; a field left out of ``printed`` is null."""
        out = {
            "number": self.number,
            "date": self.date.isoformat(),
            "commune": self.place.commune,
            "signer": self.signer,
            "title": " ".join(" ".join(self.title_lines).split()),
            "issuer": f"UBND xã {self.place.commune}",
            "kind": self.kind,
        }
        if printed is not None:
            out = {k: (v if k in printed else None) for k, v in out.items()}
        return out


@dataclass(frozen=True)
class Header:
    style: str = "table"  # table | tabs | stacked | boxes (two floating text boxes, left and right)


@dataclass(frozen=True)
class Title:
    kind_word: str | None
    lines: tuple[str, ...]
    note: str | None = None  # "(Kèm theo Báo cáo số ...)" in italics under the title


@dataclass(frozen=True)
class Para:
    text: str
    bold: bool = False
    italic: bool = False
    align: str = "justify"  # justify | center | left


@dataclass(frozen=True)
class Table:
    grid: Grid
    ruled: bool = True
    repeat_header: bool = True  # header rows marked to repeat on every page
    allow_break: bool = False  # a row may split across a page break
    font_pt: float = 11
    # Vertical alignment of the centred cells (code, points): "center" puts the numbers half-way
    # down a tall row, so an OCR'd line of numbers has name lines above and below it.
    valign: str = "top"
    # Word's automatic numbering: the label pattern of each list level ("%1.", "%1.%2."), used by
    # the cells whose ``numbered`` level is set (their label is in numbering.xml, not in the text).
    numbering: tuple[str, ...] = ()


@dataclass(frozen=True)
class Framed:
    """A table set inside a cell of a layout table: a frame of one column (a caption row, the table,
    a note row) or, with ``label``, two columns (a narrow label cell beside the table's cell)."""

    table: Table
    caption: str = ""
    note: str = ""
    label: str = ""  # "Biểu 01": a second, narrow column on the left holding it
    ruled: bool = True  # the frame's own borders


@dataclass(frozen=True)
class Addressee:
    """ "Kính gửi: …" of an official letter, one recipient or a dashed list of them."""

    names: tuple[str, ...]


@dataclass(frozen=True)
class Signature:
    style: str = "table"  # table (Nơi nhận left, signer right) | paragraphs
    recipients: bool = True  # False: the signer's block alone, no "Nơi nhận" list


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class Landscape:
    """Everything after this block sits in a landscape section."""


@dataclass(frozen=True)
class Document:
    meta: DocMeta
    blocks: tuple
    landscape: bool = False  # the whole document landscape


@dataclass(frozen=True)
class PagePicture:
    """Pages of another document pasted as pictures (the signed score table, scanned or
    photographed): ``document`` is printed, each page rasterised and degraded as a scanner or a
    phone would (``corpusgen.page_pictures``), and pasted at ``width_cm`` in its place, inline in
    the text or anchored to a paragraph (Word's "top and bottom" wrapping)."""

    document: Document
    name: str  # the degradation's random source (instance and seed)
    shot: str = "scan"  # scan | photo
    cropped: bool = False  # a scan cut to its content: the table alone, no sheet around it
    anchored: bool = False
    width_cm: float = 16.0
