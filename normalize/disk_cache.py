"""What a run builds from the package's own files, kept between runs in the user's cache folder.

A short run (one small text converted) spends a tenth of its time building the repair model's
tables from ``normalize/vietnamese/data`` (decompressing the n-grams, folding and sorting the
syllables): the same work each time, from the same files. ``cached`` keeps the result as a
``marshal`` file named by a hash of every file it was built from (the data and the code that
reads them) and of the interpreter's version, so an edited file or another Python is never
served a stale build. A cache folder that cannot be read or written only costs the build.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any


def cache_root() -> Path:
    """The tool's folder in the user's cache (``$XDG_CACHE_HOME``, else ``~/.cache``)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "cchc-extract"


def sources_key(paths: Iterable[Path]) -> str:
    """A hash of the files' bytes, the interpreter's version and the marshal format."""
    digest = hashlib.sha256(f"{sys.version_info[:3]} marshal {marshal.version}".encode())
    for path in paths:
        data = path.read_bytes()
        digest.update(f"\0{path.name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()[:32]


def cached(kind: str, sources: Iterable[Path], build: Callable[[], Any]) -> Any:
    """``build()`` (a value ``marshal`` can write: containers of str, bytes, numbers), read from
    ``cache_root()/kind`` when it was built from the same ``sources``, else built and kept there."""
    path = cache_root() / kind / f"{sources_key(sources)}.marshal"
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):  # none yet, or unreadable: built anew
        pass
    value = build()
    keep(path, marshal.dumps(value))
    return value


def keep(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all (a concurrent run reads the old file or this
    one); a cache that cannot be written is left as it is."""
    import tempfile  # (writing is rare: a cached run needs none of it)

    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except OSError:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
