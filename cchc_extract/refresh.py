"""After a batch: the dashboard tables, the review files and the report brought up to date with
every JSON this tool wrote in the output folder. Each is written document by document (the
tables through an embedded database updated only for the documents that changed), so the batch
process's memory does not grow with the number of documents."""

from __future__ import annotations

import logging
from pathlib import Path

from cchc_extract.i18n import DEFAULT_LANG
from cchc_extract.pipeline import one_line

LOG = logging.getLogger("cchc_extract")


def refresh_outputs(out_dir: Path, lang: str = DEFAULT_LANG) -> str:
    """Bring the dashboard tables, the review files and the report up to date with every JSON
    this tool wrote in ``out_dir``; the error message ("" when written). A failed write leaves the
    previous tables (each set is swapped in whole), and the caller exits with an error."""
    from cchc_extract.review import refresh_outputs as rewrite

    try:
        rewrite(out_dir, [], lang)
    except Exception as exc:  # the JSON outputs stand even if a table cannot be written
        message = f"could not write the tables or review files: {one_line(exc)}"
        LOG.error(f"cchc-extract: {message}")
        return message
    return ""
