"""A yes/no check of a document against the published schema, without jsonschema.

jsonschema costs ≈0.1 s of CPU to import (a sixth of converting a one-line text file) and, per
document, walks the schema through its generic keyword dispatch. Nearly every document is valid,
and for a valid one the only answer needed is "no errors". So the schema is compiled once into
nested Python checks for the keywords it uses, with jsonschema's semantics for draft 2020-12
(``integer`` takes 1.0, ``bool`` is never a number, ``enum`` keeps ``True`` apart from ``1``,
``pattern`` is ``re.search``); a document that fails it is handed to jsonschema, which gives
every error with its message and path (``schemas.schema_errors``). A schema using a keyword not
compiled here is never checked quickly (``compile_check`` raises ``Unsupported``), so a schema
change cannot make this check say yes where jsonschema says no: tests/test_schema_quick.py runs
both on the samples' outputs and on damaged copies of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Check = Callable[[Any], bool]

# Keywords that only annotate: no effect on validity.
_ANNOTATIONS = frozenset({"$schema", "$id", "title", "description", "$comment", "$defs", "examples", "default"})


class Unsupported(ValueError):
    """The schema uses a keyword this check does not compile."""


def _is_number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


_TYPES: dict[str, Check] = {
    "object": lambda x: isinstance(x, dict),
    "array": lambda x: isinstance(x, list),
    "string": lambda x: isinstance(x, str),
    "number": _is_number,
    # Draft 6 on: a float with no fraction is an integer.
    "integer": lambda x: not isinstance(x, bool) and (isinstance(x, int) or (isinstance(x, float) and x.is_integer())),
    "boolean": lambda x: isinstance(x, bool),
    "null": lambda x: x is None,
}


def _enum_key(value: Any) -> tuple[str, Any]:
    """What jsonschema's ``equal`` compares for a scalar: ``True`` is not ``1``, ``1`` is ``1.0``."""
    return ("bool", value) if isinstance(value, bool) else ("value", value)


def compile_check(schema: dict) -> Check:
    """``schema`` (its ``$defs`` references local) as one function: document → valid."""
    defs = schema.get("$defs", {})
    compiled: dict[str, Check] = {}

    def ref(name: str) -> Check:
        # Late-bound: a definition may refer to itself.
        def check(x: Any) -> bool:
            return compiled[name](x)

        return check

    def build(node: Any) -> Check:
        if node is True:
            return lambda x: True
        if node is False:
            return lambda x: False
        if not isinstance(node, dict):
            raise Unsupported(f"schema node {node!r}")
        checks: list[Check] = []
        for key, value in node.items():
            if key in _ANNOTATIONS:
                continue
            checks.append(keyword(key, value, node))
        if len(checks) == 1:
            return checks[0]
        return _all_of(tuple(checks))

    def keyword(key: str, value: Any, node: dict) -> Check:
        if key == "$ref":
            if not (isinstance(value, str) and value.startswith("#/$defs/") and value[8:] in defs):
                raise Unsupported(f"$ref {value!r}")
            return ref(value[8:])
        if key == "type":
            tests = [_TYPES[t] for t in ([value] if isinstance(value, str) else value)]
            return tests[0] if len(tests) == 1 else _any_of(tuple(tests))
        if key == "enum":
            if not all(v is None or isinstance(v, (str, int, float)) for v in value):
                raise Unsupported("enum of arrays or objects")
            allowed = {_enum_key(v) for v in value}
            return lambda x: isinstance(x, (str, int, float, type(None))) and _enum_key(x) in allowed
        if key == "pattern":
            search = re.compile(value).search
            return lambda x: not isinstance(x, str) or search(x) is not None
        if key == "minimum":
            return lambda x: not _is_number(x) or not x < value
        if key == "maximum":
            return lambda x: not _is_number(x) or not x > value
        if key == "minItems":
            return lambda x: not isinstance(x, list) or len(x) >= value
        if key == "maxItems":
            return lambda x: not isinstance(x, list) or len(x) <= value
        if key == "required":
            names = tuple(value)
            return lambda x: not isinstance(x, dict) or all(n in x for n in names)
        if key == "items":
            if "prefixItems" in node:
                raise Unsupported("prefixItems")
            return _items(build(value))
        if key == "properties":
            return _properties(tuple((name, build(sub)) for name, sub in value.items()))
        if key == "additionalProperties":
            if "patternProperties" in node:
                raise Unsupported("patternProperties")
            known = frozenset(node.get("properties", {}))
            extra = build(value)
            return lambda x: not isinstance(x, dict) or all(extra(v) for n, v in x.items() if n not in known)
        raise Unsupported(f"keyword {key!r}")

    for name, definition in defs.items():
        compiled[name] = build(definition)
    return build(schema)


# The combinators a document is checked by most often, as loops (a generator per object and
# per list, in ``all``/``any``, cost a third of the check), same answers.


def _all_of(checks: tuple[Check, ...]) -> Check:
    def check(x: Any) -> bool:
        for c in checks:
            if not c(x):
                return False
        return True

    return check


def _any_of(tests: tuple[Check, ...]) -> Check:
    def check(x: Any) -> bool:
        for t in tests:
            if t(x):
                return True
        return False

    return check


def _items(item: Check) -> Check:
    def check(x: Any) -> bool:
        if not isinstance(x, list):
            return True
        for v in x:
            if not item(v):
                return False
        return True

    return check


def _properties(props: tuple[tuple[str, Check], ...]) -> Check:
    def check(x: Any) -> bool:
        if not isinstance(x, dict):
            return True
        for name, c in props:
            if name in x and not c(x[name]):
                return False
        return True

    return check
