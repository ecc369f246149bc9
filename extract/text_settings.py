"""Settings of the ``.txt`` / ``.md`` reader and of the web-portal tables it reads."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TextReaderSettings:
    # OCR dumps separate pages by runs of blank lines; typed exports use form feeds.
    blank_lines_page_break: int = 3
    # Explicit page-break markers some exporters write on a line of their own.
    page_break_markers: tuple[str, ...] = ("<!-- pagebreak -->", "<!-- page break -->", "\\pagebreak", "\\newpage")
    # Share of decoded characters that must be ordinary text for a legacy decoding to be trusted.
    min_printable_share: float = 0.97
    # Web-portal exports end every cell with "|" and hard-wrap long rows onto the next lines:
    # a run of lines is such a table when at least this many of its lines end a row of at
    # least ``bar_table_min_cols`` cells.
    bar_table_min_rows: int = 2
    bar_table_min_cols: int = 3
    # Lines of a run the column count of a bar table is judged on.
    bar_table_window: int = 200
    # Share of a bar table's rows whose first cell is an STT cell (a code, its header word or
    # empty): an export's first column is the numbering; an OCR dump whose ruling lines were read
    # as bars puts specks and the name's words there ("—... | Xây dựng …", "A. Cải cách … -_|").
    bar_table_min_code_share: float = 0.8
    # Share of a bar table's rows that may hold an OCR speck (``_OCR_SPECK``): an export's cells
    # are typed text; Tesseract reads the ruling lines of a scanned table as "[", "]", "~", "_" or
    # dash runs glued into its words ("[So phan anh", "SOG]", "dinghanSSS~S~S"), the code column's bar too,
    # so this holds when the numbering column happened to be read clean.
    bar_table_max_speck_share: float = 0.2
    # Lines one cell of a "cell then a bar line" export may take (a long name wrapped).
    max_cell_lines: int = 20
    # NUL bytes in a UTF-8/legacy file up to this share (and at least ``stray_nuls_min``) are
    # stray (a copy-paste or a bad export), removed with a warning; more means binary data.
    stray_nuls_share: float = 0.001
    stray_nuls_min: int = 16
