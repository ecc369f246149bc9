"""A scan as the pipeline's ingest read it (Tesseract's lines and a grid's cells), stored as JSON
in ``tests/data`` instead of the scan itself (megabytes): the reading past OCR replays exactly.
Written by ``to_dict`` of each page, each block tagged ``kind`` ("line" or "table")."""

from __future__ import annotations

import dataclasses
import json
import typing
from pathlib import Path
from typing import Any

from extract.model import IngestedDocument, Line, Page, Table
from schemas.records import from_dict


def _tuples(obj: Any) -> Any:
    """``obj`` with every field typed a tuple (boxes, sides) a tuple again (JSON gives lists)."""
    if isinstance(obj, list):
        return [_tuples(v) for v in obj]
    if not dataclasses.is_dataclass(obj) or isinstance(obj, type):
        return obj
    hints = typing.get_type_hints(type(obj))
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        tp = hints[f.name]
        if isinstance(value, list) and _is_tuple(tp):
            setattr(obj, f.name, tuple(value))
        elif isinstance(value, list) and value and isinstance(value[0], list) and _holds_tuples(tp):
            setattr(obj, f.name, [tuple(v) for v in value])
        else:
            _tuples(value)
    return obj


def _is_tuple(tp: Any) -> bool:
    args = [a for a in typing.get_args(tp) if a is not type(None)] or [tp]
    return any(typing.get_origin(a) is tuple or a is tuple for a in args)


def _holds_tuples(tp: Any) -> bool:
    return typing.get_origin(tp) is list and _is_tuple(typing.get_args(tp)[0])


def ingested_from_json(path: Path) -> IngestedDocument:
    """The stored document, rebuilt."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    pages = []
    for page in raw["pages"]:
        blocks = [from_dict(Table if b.pop("kind") == "table" else Line, b) for b in page.pop("blocks")]
        pages.append(_tuples(dataclasses.replace(from_dict(Page, page), blocks=blocks)))
    return IngestedDocument(path=raw["path"], format=raw["format"], pages=pages)


def converted_ingested(path: Path) -> dict:
    """The stored document converted by the rest of the pipeline, its source told as
    ``convert_file`` tells it (format, pages, method: OCR'd pages make an OCR read), as JSON."""
    from cchc_extract.pipeline import PipelineOptions, convert_document, result_to_json
    from schemas.records import ExtractionResult, SourceInfo

    doc = ingested_from_json(path)
    result = ExtractionResult(
        source=SourceInfo(path=doc.path, format=doc.format, pages=len(doc.pages), method=doc.method)
    )
    convert_document(doc, result, PipelineOptions())
    return result_to_json(result)
