"""After a batch: the dashboard tables, the review files and the report brought up to date with
every JSON this tool wrote in the output folder. Each is written document by document (the
tables through an embedded database updated only for the documents that changed), so the batch
process's memory does not grow with the number of documents."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from cchc_extract.pipeline import one_line


def refresh_outputs(out_dir: Path, stream: TextIO) -> str:
    """Bring the dashboard tables and the review files up to date with every JSON this tool wrote
    in ``out_dir``; the error message ("" when written). A failed write leaves the previous tables
    (each set is swapped in whole), and the caller exits with an error."""
    from cchc_extract.report import write_report
    from cchc_extract.review import export_review
    from cchc_extract.tables import write_tables

    try:
        write_tables(out_dir)
        export_review(out_dir)
        write_report(out_dir)
    except Exception as exc:  # the JSON outputs stand even if a table cannot be written
        message = f"could not write the tables or review files: {one_line(exc)}"
        print(f"cchc-extract: {message}", file=stream)
        return message
    return ""
