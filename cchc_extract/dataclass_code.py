"""The methods ``dataclasses`` writes for each class, compiled once and kept in the user's cache.

The standard library builds a dataclass's ``__init__``, ``__repr__``, ``__eq__`` (and a frozen
one's ``__setattr__``, ``__delattr__``, ``__hash__``) as source text and compiles each with
``exec``: for the ~160 classes a one-line conversion defines, the compiling was a quarter of the
command's CPU (issue 18's 0.6 s target). The text depends only on the class's fields and the
interpreter, so the command (``cli.main``) keeps the compiled code objects, by their text, in a
``marshal`` file (what ``.pyc`` files hold), and ``dataclasses`` runs them instead of compiling
the same text again: the classes come out the same (same code, same names, same globals).

Only the command's own process does this (``dataclass_code_cached``): the API and the tests
define their classes as the standard library does.
"""

from __future__ import annotations

import builtins
import dataclasses
import marshal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import CodeType
from typing import Any

from normalize.disk_cache import cache_root, keep

# More texts than this in the file (classes edited over many versions): it keeps this run's only.
MAX_CODES = 5000


def code_cache_path() -> Path:
    """One file per interpreter version: code objects are read only by the Python that wrote them."""
    return cache_root() / "dataclass-code" / f"{sys.implementation.cache_tag}-{sys.hexversion:x}.marshal"


class CompiledTexts:
    """Code objects by source text: ``exec`` of a text runs the code compiled from it before."""

    def __init__(self, codes: dict[str, CodeType]):
        self.codes = codes
        self.used: set[str] = set()
        self.added = False

    def exec(self, source: Any, globals: dict | None = None, locals: dict | None = None) -> None:
        if not isinstance(source, str):
            builtins.exec(source, globals, locals)
            return
        code = self.codes.get(source)
        if code is None:
            # As ``exec(source)`` from ``dataclasses`` compiles it: that module has no
            # ``__future__`` import, so no flag of this one's may be inherited.
            code = self.codes[source] = compile(source, "<string>", "exec", dont_inherit=True)
            self.added = True
        self.used.add(source)
        builtins.exec(code, globals, locals)


def read_codes(path: Path) -> dict[str, CodeType]:
    """The kept code objects; none when the file is missing or not one this interpreter wrote."""
    try:
        codes = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not isinstance(codes, dict) or not all(isinstance(k, str) and isinstance(v, CodeType) for k, v in codes.items()):
        return {}
    return codes


def write_codes(path: Path, texts: CompiledTexts) -> None:
    """Keep the code objects when this run compiled new ones (whole or not at all)."""
    if not texts.added:
        return
    codes = texts.codes
    if len(codes) > MAX_CODES:
        codes = {k: v for k, v in codes.items() if k in texts.used}
    try:
        data = marshal.dumps(codes)
    except ValueError:  # a code object marshal cannot write: nothing kept
        return
    keep(path, data)


@contextmanager
def dataclass_code_cached(path: Path | None = None) -> Iterator[CompiledTexts]:
    """While the block runs, ``dataclasses`` compiles each method text once across runs (the
    file at ``path``, by default ``code_cache_path()``); the file is brought up to date after."""
    path = code_cache_path() if path is None else path
    texts = CompiledTexts(read_codes(path))
    # ``dataclasses`` calls ``exec`` by its global name: a module global of that name is found
    # before the builtin. Nothing else of the module changes; a block inside another (``main``
    # called again) puts back the outer block's.
    outer = vars(dataclasses).get("exec")
    dataclasses.exec = texts.exec  # type: ignore[attr-defined]
    try:
        yield texts
    finally:
        if outer is None:
            vars(dataclasses).pop("exec", None)
        else:
            dataclasses.exec = outer  # type: ignore[attr-defined]
        write_codes(path, texts)
