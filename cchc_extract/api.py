"""The Python API: one document or a folder converted from a notebook or a script.

    import cchc_extract

    result = cchc_extract.convert("samples/003_ngoc-ky_2023_bang-diem-ocr.txt", review_below=0.7)
    result.document.commune            # "Ngọc Kỷ"
    result.mismatches                  # the checks that failed, each with its message
    result.frames()["score_rows"]      # pandas DataFrames, the columns of OUT/tables/
    result.to_dict()                   # the JSON document, validated against schemas/

    summary = cchc_extract.convert_folder(["samples"], "out", workers=2)

Options are the knobs of the settings dataclasses, by name: those of ``PipelineOptions``
(``repair``, ``debug``), ``IngestOptions`` (``ocr_lang``, ``ocr_dpi``, ...), ``ReconcileSettings``
(``review_below``, ``points_tolerance``, ...) and, for folders, ``BatchSettings`` (``workers``,
``timeout_s``, ``force``, ...). A name none of them has is a ``TypeError`` naming the valid ones.
"""

from __future__ import annotations

import copy
import dataclasses
import os
import sys
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from cchc_extract.batch import BatchSettings, BatchSummary, run_convert
from cchc_extract.pipeline import PipelineOptions, convert_file, result_to_json
from cchc_extract.reconcile import ReconcileSettings
from extract.base import IngestOptions
from schemas.records import Check, DocumentMeta, ErrorRecord, ExtractionResult, ReviewItem, UnreadPart, from_dict

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Result", "convert", "convert_folder", "pipeline_options"]


def _names(cls: type) -> set[str]:
    return {f.name for f in dataclasses.fields(cls)}


def _split(options: dict[str, Any], *classes: type) -> list[dict[str, Any]]:
    """The options of each settings class, by field name; TypeError for a name none of them has."""
    unknown = set(options) - set().union(*(_names(c) for c in classes))
    if unknown:
        valid = ", ".join(sorted(set().union(*(_names(c) for c in classes))))
        raise TypeError(f"unknown option(s) {', '.join(sorted(unknown))}; the options are: {valid}")
    return [{k: v for k, v in options.items() if k in _names(c)} for c in classes]


def pipeline_options(**options: Any) -> PipelineOptions:
    """``PipelineOptions`` from knob names: ``pipeline_options(repair=False, ocr_lang="vie",
    review_below=0.7)``. ``ingest=`` / ``reconcile=`` take whole settings objects, and the knobs
    named beside them are applied on top."""
    own, ingest, reconcile = _split(options, PipelineOptions, IngestOptions, ReconcileSettings)
    base = PipelineOptions(**own)
    return dataclasses.replace(
        base,
        ingest=dataclasses.replace(base.ingest, **ingest),
        reconcile=dataclasses.replace(base.reconcile, **reconcile),
    )


@dataclass(frozen=True)
class Result:
    """One converted document.

    ``data`` is the output JSON document, validated against the schema (as ``convert`` writes it);
    the attributes read it back as records (``schemas.records``): ``document`` (number, date,
    commune...), ``checks``, ``mismatches``, ``review``, ``unread``, ``errors``.
    """

    path: Path
    data: dict

    @cached_property
    def extraction(self) -> ExtractionResult:
        """The whole output as records."""
        return from_dict(ExtractionResult, self.data)

    @property
    def document(self) -> DocumentMeta:
        return self.extraction.document

    @property
    def checks(self) -> list[Check]:
        """Every check run (sums, ratios, coded answers) with its status and message."""
        return self.extraction.checks

    @property
    def mismatches(self) -> list[Check]:
        """The checks the document fails: numbers that do not add up."""
        return [c for c in self.checks if c.status == "mismatch"]

    @property
    def review(self) -> list[ReviewItem]:
        """Values a person should look at (doubtful reads, rows in a broken sum, parts not read)."""
        return self.extraction.review

    @property
    def unread(self) -> list[UnreadPart]:
        return self.extraction.unread

    @property
    def errors(self) -> list[ErrorRecord]:
        """Stages that failed (``{stage, message}``); the document still comes out."""
        return self.extraction.errors

    def to_dict(self) -> dict:
        """The output JSON document (a copy: changing it leaves the result alone)."""
        return copy.deepcopy(self.data)

    def frames(self) -> dict[str, pd.DataFrame]:
        """One pandas DataFrame per table (``documents``, ``score_rows``, ``statistics_rows``,
        ``task_rows``, ``checks``...), with the columns and types of ``OUT/tables/``."""
        from cchc_extract.tables import document_frames

        return document_frames(self.data)

    def __repr__(self) -> str:
        doc = self.document
        return (
            f"Result({str(self.path)!r}, commune={doc.commune!r}, number={doc.number!r}, "
            f"checks={len(self.checks)}, mismatches={len(self.mismatches)}, review={len(self.review)}, "
            f"errors={len(self.errors)})"
        )


def convert(path: str | os.PathLike[str], **options: Any) -> Result:
    """Convert one file (DOCX, PDF, image, text) and return its ``Result``; never raises for a bad
    input (its errors are in ``result.errors``). ``options``: see ``pipeline_options``."""
    source = Path(path)
    data = result_to_json(convert_file(source, str(path), pipeline_options(**options)))
    return Result(source, data)


def convert_folder(
    inputs: str | os.PathLike[str] | list[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    stream: TextIO | None = None,
    **options: Any,
) -> BatchSummary:
    """Convert files and folders (walked recursively) into the folder ``out``, as the ``convert``
    command does: one JSON per input, the tables, the review files and ``report.html``; outputs
    already up to date are kept. Returns the batch summary (``converted``, ``failed``,
    ``with_mismatches``, ``review_rows``, ``outcomes``...). ``options``: the knobs of
    ``pipeline_options`` and of ``BatchSettings`` (``workers``, ``timeout_s``, ``force``...);
    progress and the closing summary go to ``stream`` (standard error by default)."""
    items = [inputs] if isinstance(inputs, (str, os.PathLike)) else list(inputs)
    batch = _split(options, BatchSettings, PipelineOptions, IngestOptions, ReconcileSettings)[0]
    rest = {k: v for k, v in options.items() if k not in batch}
    return run_convert(
        [Path(p) for p in items], Path(out), pipeline_options(**rest), BatchSettings(**batch), stream or sys.stderr
    )
