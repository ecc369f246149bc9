"""review.xlsx written as SpreadsheetML parts, without openpyxl.

openpyxl costs ≈0.12 s of CPU to import and loads numpy with it (≈0.1 s more): together a
quarter of converting one text file into a fresh folder. XlsxWriter, already loaded for the
tables, writes a relative link to a page crop only with backslashes. The sheet needs little of
the format: inline strings, numbers, a few fonts, fills and alignments, row heights, column
widths, a frozen header, a filter, one list validation, links, print settings. This writes the
parts openpyxl wrote for the same sheet, in the order the schema (ECMA-376) requires, rows
streamed to the zip one at a time; openpyxl and LibreOffice read it back
(tests/test_review_xlsx.py). Reading a sheet back still uses openpyxl.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument."


@dataclass(frozen=True)
class Style:
    """How a cell looks: font (bold, colour as RRGGBB, size, underlined), fill colour, wrap."""

    bold: bool = False
    color: str = ""
    size: float = 0
    underline: bool = False
    fill: str = ""
    wrap: bool = False
    top: bool = True  # vertical alignment at the top


@dataclass(frozen=True)
class Cell:
    value: object  # str, int, float or None (an empty cell)
    style: Style = Style()
    link: str = ""  # a relative or absolute target: the cell is a hyperlink


@dataclass(frozen=True)
class SheetSetup:
    name: str
    widths: Sequence[float]  # per column, in characters
    n_rows: int  # data rows under the header
    validation: tuple[int, Sequence[str]] | None = None  # (column index, allowed values) on the data rows
    print_columns: int = 0  # columns printed (0: all)
    margins: tuple[float, float, float, float, float, float] = (0.4, 0.4, 1, 1, 0.5, 0.5)  # l r t b header footer


def column_letter(index: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _num(x: float) -> str:
    return repr(x) if isinstance(x, float) and not x.is_integer() else str(int(x))


_DEFAULT_FONT = (False, "", 0.0, False)


@dataclass
class _Styles:
    """The fonts, fills and cell formats the sheet's cells use, numbered as they first appear."""

    fonts: dict[tuple, int] = field(default_factory=lambda: {_DEFAULT_FONT: 0})
    fills: dict[str, int] = field(default_factory=lambda: {"": 0, "gray125": 1})
    xfs: dict[Style | None, int] = field(default_factory=lambda: {None: 0})

    def index(self, style: Style) -> int:
        found = self.xfs.get(style)
        if found is None:
            font = (style.bold, style.color, float(style.size), style.underline)
            self.fonts.setdefault(font, len(self.fonts))
            self.fills.setdefault(style.fill, len(self.fills))
            found = self.xfs[style] = len(self.xfs)
        return found

    def xml(self) -> str:
        fonts = ['<font><name val="Calibri"/><family val="2"/><sz val="11"/></font>']
        for bold, color, size, underline in list(self.fonts)[1:]:
            fonts.append(
                "<font>"
                + ('<b val="1"/>' if bold else "")
                + ('<u val="single"/>' if underline else "")
                + (f'<sz val="{_num(size)}"/>' if size else "")
                + (f'<color rgb="00{color}"/>' if color else "")
                + "</font>"
            )
        fills = ["<fill><patternFill/></fill>", '<fill><patternFill patternType="gray125"/></fill>']
        fills += [
            f'<fill><patternFill patternType="solid"><fgColor rgb="00{c}"/></patternFill></fill>'
            for c in list(self.fills)[2:]
        ]
        xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']
        for style in list(self.xfs)[1:]:
            assert style is not None
            font = self.fonts[(style.bold, style.color, float(style.size), style.underline)]
            fill = self.fills[style.fill]
            align = "<alignment" + (' vertical="top"' if style.top else "") + (' wrapText="1"' if style.wrap else "")
            xfs.append(
                f'<xf numFmtId="0" fontId="{font}" fillId="{fill}" borderId="0" xfId="0"'
                + (' applyFont="1"' if font else "")
                + (' applyFill="1"' if fill else "")
                + f' applyAlignment="1">{align}/></xf>'
            )
        return (
            f'<styleSheet xmlns="{_MAIN}"><fonts count="{len(fonts)}">{"".join(fonts)}</fonts>'
            f'<fills count="{len(fills)}">{"".join(fills)}</fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            f'<cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
        )


def _cell_xml(ref: str, cell: Cell, style: int) -> str:
    value = cell.value
    if value is None or value == "":
        return f'<c r="{ref}" s="{style}"/>'
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f'<c r="{ref}" s="{style}"><v>{_num(value) if isinstance(value, float) else value}</v></c>'
    text = _xml_text(str(value))
    space = ' xml:space="preserve"' if text != text.strip() or "\n" in text else ""
    return f'<c r="{ref}" s="{style}" t="inlineStr"><is><t{space}>{text}</t></is></c>'


def _xml_text(text: str) -> str:
    """``text`` escaped, less the characters XML 1.0 cannot hold (control characters)."""
    clean = "".join(ch for ch in text if ch >= " " or ch in "\t\n\r")
    return escape(clean, quote=False)


def write_sheet(path: Path, setup: SheetSetup, rows: Iterable[tuple[float, Sequence[Cell]]]) -> None:
    """One sheet: ``rows`` (height in points, cells), the header first."""
    styles = _Styles()
    links: list[tuple[str, str]] = []
    n_cols = len(setup.widths)
    last_col, last_row = column_letter(n_cols), setup.n_rows + 1
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        with book.open("xl/worksheets/sheet1.xml", "w") as sheet:

            def put(text: str) -> None:
                sheet.write(text.encode("utf-8"))

            cols = "".join(
                f'<col min="{i}" max="{i}" width="{_num(w)}" customWidth="1"/>'
                for i, w in enumerate(setup.widths, start=1)
            )
            put(
                f'<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
                '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft"'
                ' state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
                f'<sheetFormatPr defaultRowHeight="15"/><cols>{cols}</cols><sheetData>'
            )
            for r, (height, cells) in enumerate(rows, start=1):
                parts = [f'<row r="{r}" ht="{_num(height)}" customHeight="1">']
                for c, cell in enumerate(cells, start=1):
                    ref = f"{column_letter(c)}{r}"
                    parts.append(_cell_xml(ref, cell, styles.index(cell.style)))
                    if cell.link:
                        links.append((ref, cell.link))
                parts.append("</row>")
                put("".join(parts))
            put(f'</sheetData><autoFilter ref="A1:{last_col}{last_row}"/>')
            if setup.validation is not None and setup.n_rows:
                col, allowed = setup.validation
                letter = column_letter(col)
                formula = _xml_text('"' + ",".join(allowed) + '"')
                put(
                    '<dataValidations count="1"><dataValidation type="list" allowBlank="1"'
                    f' sqref="{letter}2:{letter}{last_row}"><formula1>{formula}</formula1></dataValidation>'
                    "</dataValidations>"
                )
            if links:
                put(
                    "<hyperlinks>"
                    + "".join(f'<hyperlink ref="{ref}" r:id="rId{i}"/>' for i, (ref, _) in enumerate(links, start=1))
                    + "</hyperlinks>"
                )
            left, right, top, bottom, header, footer = setup.margins
            put(
                f'<pageMargins left="{_num(left)}" right="{_num(right)}" top="{_num(top)}" bottom="{_num(bottom)}"'
                f' header="{_num(header)}" footer="{_num(footer)}"/>'
                '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>'
            )
        if links:
            book.writestr(
                "xl/worksheets/_rels/sheet1.xml.rels",
                f'<Relationships xmlns="{_PKG_REL}">'
                + "".join(
                    f'<Relationship Id="rId{i}" Type="{_REL}/hyperlink" Target="{escape(target)}"'
                    ' TargetMode="External"/>'
                    for i, (_, target) in enumerate(links, start=1)
                )
                + "</Relationships>",
            )
        book.writestr("xl/styles.xml", styles.xml())
        name = "'" + setup.name.replace("'", "''") + "'"
        printed = column_letter(setup.print_columns or n_cols)
        book.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><bookViews><workbookView activeTab="0"/></bookViews>'
            f'<sheets><sheet name="{escape(setup.name)}" sheetId="1" r:id="rId1"/></sheets><definedNames>'
            f'<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'
            f"{escape(name, quote=False)}!$A$1:${last_col}${last_row}</definedName>"
            f'<definedName name="_xlnm.Print_Area" localSheetId="0">'
            f"{escape(name, quote=False)}!$A$1:${printed}${last_row}</definedName>"
            f'<definedName name="_xlnm.Print_Titles" localSheetId="0">{escape(name, quote=False)}!$1:$1</definedName>'
            '</definedNames><calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>',
        )
        book.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" Type="{_REL}/worksheet"'
            ' Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{_REL}/styles" Target="styles.xml"/></Relationships>',
        )
        book.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" Type="{_REL}/officeDocument"'
            ' Target="xl/workbook.xml"/></Relationships>',
        )
        book.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}spreadsheetml.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_CT}spreadsheetml.worksheet+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{_CT}spreadsheetml.styles+xml"/></Types>',
        )
