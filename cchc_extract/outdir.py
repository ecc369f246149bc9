"""The output folder as ours: a manifest of what this tool wrote there, and writes that stay inside.

``OUT/.cchc-extract.json`` lists the document JSON files the tool wrote (paths relative to OUT).
Only those are read back into the tables and the review files, and only those may be
overwritten: a JSON someone else put in ``--out`` (even one shaped like ours) is left alone. No
write follows a symlink: the folder a file goes into must resolve inside OUT, the file itself
must not be a symlink, and temporary files are created exclusively (never through a planted
link). The top-level names of our own outputs are reserved: an input under ``tables/`` would
land among the dashboard tables, so it is refused with a message (convert that folder on its
own, or rename it).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from schemas.records import SCHEMA_VERSION

MANIFEST_NAME = ".cchc-extract.json"
TOOL = "cchc-extract"
# Top-level names in OUT that are ours (tables, review files, summary, manifest).
RESERVED = ("tables", "review.xlsx", "review.csv", "summary.json", "report.html", MANIFEST_NAME)
# The review files' page crops; a folder deeper down, so an input folder named "review" still converts.
CROPS_DIR = "review/crops"


class OutputError(Exception):
    """A write this tool refuses to make (outside OUT, over a symlink or a foreign file)."""


@dataclass
class Manifest:
    files: set[str] = field(default_factory=set)  # document JSONs, posix paths relative to OUT
    # The input each document JSON was converted from (absolute path): page crops are cut from it.
    sources: dict[str, str] = field(default_factory=dict)
    # The page crops made for each document JSON: {"json": the JSON's sha256 they were made from,
    # "files": crop PNGs relative to OUT, "items": review index → its crop}. Only these files are
    # ever removed or replaced.
    crops: dict[str, dict] = field(default_factory=dict)

    def to_json(self) -> dict:
        return {
            "tool": TOOL,
            "schema_version": SCHEMA_VERSION,
            "files": sorted(self.files),
            "sources": dict(sorted(self.sources.items())),
            "crops": dict(sorted(self.crops.items())),
        }


def load_manifest(out_dir: Path) -> Manifest:
    """The manifest of ``out_dir``; empty when there is none (or it is not ours)."""
    path = out_dir / MANIFEST_NAME
    try:
        if path.is_symlink():
            return Manifest()
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Manifest()
    if not isinstance(data, dict) or data.get("tool") != TOOL or not isinstance(data.get("files"), list):
        return Manifest()
    sources, crops = _mapping(data.get("sources")), _mapping(data.get("crops"))
    return Manifest(
        {f for f in data["files"] if isinstance(f, str)},
        {k: v for k, v in sources.items() if isinstance(k, str) and isinstance(v, str)},
        {
            k: {
                "json": str(v.get("json", "")),
                "files": [f for f in v.get("files", []) if isinstance(f, str)],
                "items": {
                    n: f
                    for n, f in _mapping(v.get("items")).items()
                    if isinstance(n, str) and n.isdigit() and isinstance(f, str)
                },
            }
            for k, v in crops.items()
            if isinstance(k, str) and isinstance(v, dict) and isinstance(v.get("files", []), list)
        },
    )


def _mapping(value) -> dict:
    return value if isinstance(value, dict) else {}


def save_manifest(out_dir: Path, manifest: Manifest) -> None:
    write_text(out_dir, out_dir / MANIFEST_NAME, json.dumps(manifest.to_json(), ensure_ascii=False, indent=2) + "\n")


def relative_to_out(out_dir: Path, path: Path) -> str:
    return path.relative_to(out_dir).as_posix()


def reserved_name(relative: str) -> str | None:
    """The reserved top-level name an output path would fall under, or None."""
    if relative.lower().startswith(CROPS_DIR + "/"):
        return CROPS_DIR
    head = relative.split("/", 1)[0]
    return next((name for name in RESERVED if head.lower() == name.lower()), None)


def check_target(out_dir: Path, path: Path) -> None:
    """Refuse a write to ``path`` that would land outside ``out_dir`` or replace a symlink."""
    root = out_dir.resolve()
    parent = path.parent
    # The deepest folder that exists decides where the missing ones would be made.
    existing = parent
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.resolve().is_relative_to(root) or (parent.exists() and not parent.resolve().is_relative_to(root)):
        raise OutputError(f"{path}: its folder leads outside the output folder (a symlink); not written")
    if path.is_symlink():
        raise OutputError(f"{path}: is a symlink; not written")


def atomic_write(out_dir: Path, path: Path, write: Callable[[Path], None]) -> None:
    """Write through ``write(tmp)`` to an exclusive temporary file beside ``path``, then move it
    into place: readers never see half a file, and no planted link is followed."""
    check_target(out_dir, path)
    path.parent.mkdir(parents=True, exist_ok=True)
    check_target(out_dir, path)  # mkdir followed nothing it should not have
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        os.chmod(tmp, 0o666 & ~current_umask())  # mkstemp's 0600 would hide outputs from other users
        write(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text(out_dir: Path, path: Path, text: str) -> None:
    def write(tmp: Path) -> None:
        tmp.write_text(text, encoding="utf-8")

    atomic_write(out_dir, path, write)


def dumps(data: dict) -> str:
    """Strict JSON: a non-finite number raises instead of becoming ``Infinity``/``NaN``."""
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def owned_outputs(out_dir: Path) -> list[Path]:
    """The document JSONs this tool wrote in ``out_dir`` that are still there, inside it, and
    not symlinks, sorted."""
    root = out_dir.resolve()
    found = []
    for relative in sorted(load_manifest(out_dir).files):
        path = out_dir / relative
        try:
            if path.is_symlink() or not path.is_file() or not path.resolve().is_relative_to(root):
                continue
        except OSError:
            continue
        found.append(path)
    return found


def record_outputs(out_dir: Path, paths: list[Path], sources: dict[Path, Path] | None = None) -> None:
    """Add document JSONs to the manifest (written before the files, so a killed run still owns
    what it may have written), with the inputs they come from when given (``sources``: output
    JSON → input file)."""
    manifest = load_manifest(out_dir)
    new = {relative_to_out(out_dir, p) for p in paths} - manifest.files
    known = {relative_to_out(out_dir, p): str(src.resolve()) for p, src in (sources or {}).items()}
    if new or any(manifest.sources.get(k) != v for k, v in known.items()):
        manifest.files |= new
        manifest.sources.update(known)
        save_manifest(out_dir, manifest)
