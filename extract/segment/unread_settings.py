"""The knobs of the account of what was not read (``extract.segment.unread`` and the modules it
calls: pages, tables, rows, numbering), and the one way a part's text sample is cut."""

from __future__ import annotations

from dataclasses import dataclass

from normalize.text import fold_spaces


@dataclass(frozen=True)
class UnreadSettings:
    # Characters of a part's text kept in ``text_sample`` (enough to recognise it in the review sheet).
    sample_chars: int = 160
    # A table is data-like when at least this many of its rows hold a number or an item code;
    # fewer is a text box or a one-line frame, not a table we owe rows for.
    min_data_rows: int = 2
    # ... or when one row holds figures (and no words) in this many cells: a table of indicators
    # printed across, a header of words over one row of figures (``stat_across``).
    min_figure_cells: int = 3
    # An OCR'd page with fewer characters of text (lines and table cells together) has no usable text.
    min_page_chars: int = 20
    # A table counts as partly read when fewer than this share of its data rows came out as rows,
    # and at least ``min_missing_rows`` of them are missing.
    min_read_share: float = 0.5
    min_missing_rows: int = 3
    # Boxes overlap when their intersection covers this share of the smaller one.
    bbox_overlap: float = 0.5
    # Siblings missing between two numbers of a score table's parent before it is reported
    # (1.2 → 1.5 leaves 1.3 and 1.4 unread: 2 missing).
    min_missing_siblings: int = 1
    # A score table of at least this many rows whose first sibling under a parent (or at the top)
    # is numbered past 1 lost the siblings before it (``_leading_gaps``); a row or two taken from
    # prose ("5. Cải cách tài chính công" in a paragraph) is no table that owes them.
    min_leading_gap_rows: int = 2
    # ... unless the table says it is an excerpt ("(TRÍCH)") in its title or on one of this many
    # lines above its first row (its header's height, with the lost rows under it).
    excerpt_lines: int = 12
    # A score table read from a typed page (text layer, DOCX, text export) is not trusted when at
    # least this share of its rows are unsure: a code the page does not print (inferred from order),
    # no name, or neither maximum nor self points. A typed table read right prints every code; rows
    # cut out of a layout the reader did not see (columns run together, a line taken for a row)
    # look like this. Such a table is reported as unread instead of giving invented rows.
    max_unsure_share: float = 0.4
    min_unsure_rows: int = 3
    # ... but on plain text (OCR dumps) a row with its printed code and name whose points were lost
    # is kept (and its points reported unread) when at least this share of the table's rows have
    # points: OCR lost some cells, the table is a score table.
    min_scored_share: float = 0.25
    # ... or when at least this share of its rows are the recognised criteria set's criteria by
    # their names (a name the set's wording of its code, or a lost code given back by the name):
    # a score table whose points OCR lost nearly all, not a layout misread.
    min_set_named_share: float = 0.5
    # A score table of plain text (an OCR dump) whose unsure rows trip the rule above loses only
    # the rows it is not sure of when at least this many of its rows are sure (code, name and
    # points; ``_sure``): OCR garbled some lines of a table it read, and the rows it read whole are
    # not thrown away with them. Fewer sure rows and the table goes whole, as on a typed page.
    min_sure_rows: int = 2
    # A sure row's name holds at least this many words shaped as Vietnamese syllables: every
    # criterion is named in two or more, and a "name" of OCR's specks ("oe 0", "ØjcS") is none.
    min_name_syllables: int = 2
    # When the document's criteria set is recognised, a sure row's name is at least this near
    # (0..100, ``wording_similarity``) to the wording of its code: a row whose name is another
    # criterion's is a row shifted or a code misread, not the row its code says ...
    sure_wording_min: float = 70.0
    # ... and it takes the code of the criterion whose wording its name is at least this near,
    # when no row of the table holds that code (a "2" read as "3"); otherwise it is not kept.
    sure_recode_min: float = 85.0
    # A row of a dump coded by its place alone is kept when its maximum read is the criteria
    # set's for that code within this, or when its name is at least this near (0..100,
    # ``wording_similarity``) to some criterion's wording; else nothing places it: withdrawn, told.
    unplaced_max_tolerance: float = 0.01
    unplaced_named_min: float = 85.0
    # Printed lines of a text-layer page that the reader cut into this many side-by-side pieces,
    # one of them a number alone, are rows of a table it did not see as one; this many of them
    # with no row read from them are reported.
    min_row_pieces: int = 3
    min_unread_lines: int = 3
    # Lines above a score table's first row read from lines where its header is looked for.
    header_lines: int = 8
    # Distinct pieces of the appraised column's label ("Phòng", "thẩm", "định", ``appraised_hints``)
    # the header lines must hold to name that column when OCR garbled its label past reading.
    appraised_label_pieces: int = 2


def sample_text(text: str, settings: UnreadSettings) -> str:
    """``text`` on one line, cut to ``sample_chars`` with an ellipsis: enough to recognise it."""
    text = fold_spaces(text.replace("\n", " "))
    return text if len(text) <= settings.sample_chars else text[: settings.sample_chars - 1].rstrip() + "…"
