"""Converting many inputs: finding them, naming their outputs, running the pipeline on each."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from cchc_extract.pipeline import PipelineOptions, convert_file, result_to_json, write_json
from extract.base import supported_extensions


@dataclass(frozen=True)
class InputFile:
    path: Path
    relative: str  # path relative to the folder it was given in; the output is OUT/<relative>.json


@dataclass
class BatchSummary:
    converted: int = 0
    failed: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)


def collect_inputs(inputs: list[Path]) -> list[InputFile]:
    """Files as given, and folders walked recursively for the extensions we read. A file given by
    name is taken whatever its extension (so it gets its own 'unsupported' error record)."""
    found: list[InputFile] = []
    exts = supported_extensions()
    for item in inputs:
        if item.is_dir():
            for p in sorted(item.rglob("*")):
                if p.is_file() and p.suffix.lower() in exts and not p.name.startswith((".", "~$")):
                    found.append(InputFile(p, p.relative_to(item).as_posix()))
        else:
            found.append(InputFile(item, item.name))
    return found


def output_path(out_dir: Path, item: InputFile) -> Path:
    return out_dir / (item.relative + ".json")


def run_convert(inputs: list[Path], out_dir: Path, options: PipelineOptions) -> BatchSummary:
    summary = BatchSummary()
    for item in collect_inputs(inputs):
        result = convert_file(item.path, item.relative, options)
        write_json(result_to_json(result), output_path(out_dir, item))
        ingest_errors = [e for e in result.errors if e.stage == "ingest"]
        for err in result.errors:
            print(f"{item.relative}: {err.stage}: {err.message.splitlines()[0]}", file=sys.stderr)
        if ingest_errors:
            summary.failed += 1
            summary.failures.append((item.relative, ingest_errors[0].message))
        else:
            summary.converted += 1
    return summary
