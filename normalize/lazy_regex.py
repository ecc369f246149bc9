"""Module-level `regex` patterns compiled the first time they are used.

The `regex` module parses a pattern in Python: the ~140 patterns the segmenters, the number and
code readers and the reconciler declare at module level cost ≈40 ms of CPU to compile, and
converting one short text file uses about a third of them (a text without tables never meets
the task-table, join or statistics patterns). ``lazy_compile`` has the same arguments as
``regex.compile``; the pattern is compiled when one of its methods or attributes is first asked
for, and that attribute is then kept on the object, so later calls cost what a compiled
pattern's do.
"""

from __future__ import annotations

from typing import Any

import regex


class LazyPattern:
    """Stands for ``regex.compile(pattern, flags, **kwargs)``, compiled on first use."""

    def __init__(self, pattern: str, flags: int = 0, **kwargs: Any) -> None:
        self._source = (pattern, flags, kwargs)

    def __getattr__(self, name: str) -> Any:
        # Only called for a name not yet in the instance's dict: the first use of each method.
        if name.startswith("__"):  # copy, pickle and the like ask for dunders: not the pattern's
            raise AttributeError(name)
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            pattern, flags, kwargs = self._source
            compiled = self.__dict__["_compiled"] = regex.compile(pattern, flags, **kwargs)
        value = getattr(compiled, name)
        self.__dict__[name] = value
        return value

    def __reduce__(self) -> tuple[Any, ...]:
        pattern, flags, kwargs = self._source
        return (_rebuild, (pattern, flags, kwargs))

    def __repr__(self) -> str:
        return f"LazyPattern({self._source[0]!r})"


def _rebuild(pattern: str, flags: int, kwargs: dict[str, Any]) -> LazyPattern:
    return LazyPattern(pattern, flags, **kwargs)


def lazy_compile(pattern: str, flags: int = 0, **kwargs: Any) -> Any:
    """``regex.compile`` deferred to the pattern's first use (typed ``Any`` as the untyped
    `regex` module's patterns are)."""
    return LazyPattern(pattern, flags, **kwargs)
