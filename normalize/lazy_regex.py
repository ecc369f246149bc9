r"""Module-level `regex` patterns compiled the first time they are used.

The `regex` module parses a pattern in Python: the ~140 patterns the segmenters, the number and
code readers and the reconciler declare at module level cost ≈40 ms of CPU to compile, and
converting one short text file uses about a third of them (a text without tables never meets
the task-table, join or statistics patterns). ``lazy_compile`` has the same arguments as
``regex.compile``; the pattern is compiled when one of its attributes is first asked for, and
every attribute of the compiled pattern is then put on the object itself, so a later
``PATTERN.search(text)`` is an instance attribute read, as cheap as a compiled pattern's
(the class has no ``__getattr__``: that hook alone makes every attribute read slower).

``lazy_re_compile`` does the same for a stdlib-`re` pattern (``re.compile``'s arguments, compiled
by `re`: the two engines differ on some syntax, e.g. ``\d`` and ``\w`` on bytes, possessive
quantifiers, ``(?V1)``, so a stdlib pattern keeps its engine).
"""

from __future__ import annotations

import re
from typing import Any

import regex

# The public attributes of a compiled `regex` pattern (tests/test_lazy_regex.py checks the list).
PATTERN_ATTRIBUTES = (
    "findall",
    "finditer",
    "flags",
    "fullmatch",
    "groupindex",
    "groups",
    "match",
    "named_lists",
    "pattern",
    "prefixmatch",
    "scanner",
    "search",
    "split",
    "splititer",
    "sub",
    "subf",
    "subfn",
    "subn",
)


class _FirstUse:
    """A non-data descriptor: read only while the instance's dict lacks the name, i.e. once."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: LazyPattern | None, owner: type | None = None) -> Any:
        if obj is None:
            return self
        pattern, flags, kwargs = obj._source
        compiled = obj._engine(pattern, flags, **kwargs)
        for name in PATTERN_ATTRIBUTES:
            if hasattr(compiled, name):
                obj.__dict__[name] = getattr(compiled, name)
        obj.__dict__["compiled"] = compiled
        if self.name not in obj.__dict__:  # a `regex`-only attribute asked of a stdlib pattern
            raise AttributeError(self.name)
        return obj.__dict__[self.name]


class LazyPattern:
    """Stands for ``regex.compile(pattern, flags, **kwargs)``, compiled on first use."""

    _engine = staticmethod(regex.compile)

    def __init__(self, pattern: str, flags: int = 0, **kwargs: Any) -> None:
        self._source = (pattern, flags, kwargs)

    compiled = _FirstUse()

    def __reduce__(self) -> tuple[Any, ...]:
        pattern, flags, kwargs = self._source
        return (_rebuild, (pattern, flags, kwargs, type(self)))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._source[0]!r})"


class LazyStdPattern(LazyPattern):
    """Stands for ``re.compile(pattern, flags)`` (the stdlib engine), compiled on first use."""

    _engine = staticmethod(re.compile)


for _name in PATTERN_ATTRIBUTES:  # each attribute of the pattern compiles it on first read
    _attribute = _FirstUse()
    _attribute.__set_name__(LazyPattern, _name)
    setattr(LazyPattern, _name, _attribute)


def _rebuild(pattern: str, flags: int, kwargs: dict[str, Any], kind: type[LazyPattern] = LazyPattern) -> LazyPattern:
    return kind(pattern, flags, **kwargs)


def lazy_compile(pattern: str, flags: int = 0, **kwargs: Any) -> Any:
    """``regex.compile`` deferred to the pattern's first use (typed ``Any`` as the untyped
    `regex` module's patterns are)."""
    return LazyPattern(pattern, flags, **kwargs)


def lazy_re_compile(pattern: str, flags: int = 0) -> Any:
    """``re.compile`` (the stdlib engine, not `regex`) deferred to the pattern's first use."""
    return LazyStdPattern(pattern, flags)
