"""The command's kept dataclass code (issue 18: compiling the ~160 classes' methods was a quarter
of a one-line conversion's CPU): a class made with it is the class the standard library makes,
a second run compiles nothing, a broken file is compiled anew, and the standard library is left
as it was after the block."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

from cchc_extract.dataclass_code import code_cache_path, dataclass_code_cached, read_codes

ROOT = Path(__file__).resolve().parent.parent

# Classes of the kinds the project defines: frozen settings with defaults and a factory, a plain
# record with a post-init and ordering, a subclass, a field named like the method's ``self``.
_MODULE = """
from __future__ import annotations
from dataclasses import dataclass, field, InitVar

@dataclass(frozen=True)
class Settings:
    width: int = 3
    share: float = 0.5
    names: tuple[str, ...] = ("a", "b")
    extra: tuple[int, ...] = field(default_factory=tuple)

@dataclass(order=True)
class Row:
    code: str
    points: float | None = None
    cells: list[str] = field(default_factory=list, compare=False, repr=False)
    scale: InitVar[int] = 1

    def __post_init__(self, scale):
        if self.points is not None:
            self.points *= scale

@dataclass(frozen=True)
class Wide(Settings):
    depth: int = 2

@dataclass
class Odd:
    self: int = 0
"""


def _define() -> dict:
    """The sample's classes, defined as a module's (``dataclasses`` looks their module up)."""
    module = types.ModuleType("kept_code_sample")
    sys.modules[module.__name__] = module
    try:
        exec(compile(_MODULE, "kept_code_sample.py", "exec"), module.__dict__)
    finally:
        del sys.modules[module.__name__]
    return module.__dict__


def _methods(cls: type) -> dict[str, object]:
    return {
        name: getattr(cls, name).__code__
        for name in ("__init__", "__repr__", "__eq__", "__lt__", "__setattr__", "__delattr__", "__hash__")
        if hasattr(getattr(cls, name, None), "__code__") and getattr(cls, name).__qualname__.startswith(cls.__name__)
    }


def _behaviour(ns: dict) -> list:
    settings, row, wide, odd = (
        ns["Settings"](),
        ns["Row"]("1.2", 2.0, ["x"], scale=3),
        ns["Wide"](depth=4),
        ns["Odd"](5),
    )
    try:
        settings.width = 4
        frozen = "assigned"
    except dataclasses.FrozenInstanceError:
        frozen = "refused"
    return [
        repr(settings),
        repr(row),
        repr(wide),
        repr(odd),
        row == ns["Row"]("1.2", 6.0, ["other"]),
        row < ns["Row"]("1.3"),
        hash(settings) == hash(ns["Settings"]()),
        wide == ns["Wide"](depth=4),
        frozen,
        ns["Settings"].__doc__,
        [f.name for f in dataclasses.fields(ns["Wide"])],
        ns["Row"].__hash__ is None,
    ]


def test_classes_made_with_kept_code_are_the_standard_librarys(tmp_path):
    path = tmp_path / "code.marshal"
    plain = _define()
    with dataclass_code_cached(path) as texts:
        first = _define()
    assert texts.added and path.is_file()
    with dataclass_code_cached(path) as texts:
        second = _define()
    assert not texts.added and texts.used  # every method text was read back, none compiled
    for ns in (first, second):
        assert _behaviour(ns) == _behaviour(plain)
        for name in ("Settings", "Row", "Wide", "Odd"):
            ours, theirs = _methods(ns[name]), _methods(plain[name])
            assert ours.keys() == theirs.keys() and len(ours) >= 2
            for method, code in ours.items():
                assert code == theirs[method], (name, method)  # same bytecode, constants and names
    assert not hasattr(dataclasses, "exec")  # the standard library's own ``exec`` again


def test_a_broken_file_is_compiled_anew(tmp_path):
    path = tmp_path / "code.marshal"
    path.write_bytes(b"\x00not marshal")
    assert read_codes(path) == {}
    with dataclass_code_cached(path) as texts:
        ns = _define()
    assert texts.added and read_codes(path)
    assert repr(ns["Settings"]()) == "Settings(width=3, share=0.5, names=('a', 'b'), extra=())"


def test_an_error_in_the_block_leaves_the_standard_library_as_it_was(tmp_path):
    with pytest.raises(RuntimeError), dataclass_code_cached(tmp_path / "code.marshal"):
        raise RuntimeError("stop")
    assert not hasattr(dataclasses, "exec")
    with dataclass_code_cached(tmp_path / "outer.marshal") as outer:
        with dataclass_code_cached(tmp_path / "inner.marshal"):
            pass
        assert dataclasses.exec == outer.exec  # type: ignore[attr-defined]
    assert not hasattr(dataclasses, "exec")


def test_the_command_keeps_the_code_and_converts_the_same(tmp_path):
    """A one-line text converted twice by the command, into the user's cache of a fresh home:
    the first run writes the file, the second reads it, the JSON is the same byte for byte."""
    source = tmp_path / "one.txt"
    source.write_text("Xã Quảng Thành đạt 85,5 điểm chỉ số cải cách hành chính năm 2023.\n", encoding="utf-8")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "PYTHONHASHSEED": "0"}
    outputs = []
    for run in ("a", "b"):
        subprocess.run(
            [sys.executable, "-m", "cchc_extract.cli", "convert", str(source), "--out", str(tmp_path / run), "-q"],
            cwd=ROOT,
            env=env,
            check=True,
            timeout=300,
        )
        outputs.append(json.loads((tmp_path / run / "one.txt.json").read_text(encoding="utf-8")))
    kept = tmp_path / "cache" / code_cache_path().relative_to(code_cache_path().parents[2])
    assert len(read_codes(kept)) > 300  # the methods of the pipeline's classes
    assert outputs[0] == outputs[1]
