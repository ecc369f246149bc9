"""The JSON Schema of the output (draft 2020-12): the public contract of cchc-extract."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

SCHEMA_PATH = Path(__file__).with_name("cchc-output.v1.schema.json")


@lru_cache(maxsize=1)
def output_validator():
    """The validator of the published schema, built once per process. It validates against the
    schema with its local references inlined (``inline_refs``): the same errors, each with the
    same message and path, without resolving a reference at every row of every table (resolving
    them was most of the validation's time). The schema file itself is checked against the
    draft's metaschema by tests/test_pipeline.py, not in every process (≈0.09 s of CPU each, a
    sixth of converting a one-line text file)."""
    import jsonschema

    return jsonschema.Draft202012Validator(inline_refs(published_schema()))


def published_schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def inline_refs(schema: dict) -> dict:
    """``schema`` with each ``{"$ref": "#/$defs/NAME"}`` replaced by a copy of that definition
    (itself inlined); a reference inside its own definition (a recursive one) stays a reference,
    resolved through the ``$defs`` kept at the root."""
    defs = schema.get("$defs", {})

    def inline(node, active: frozenset[str]):
        if isinstance(node, list):
            return [inline(item, active) for item in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        if isinstance(ref, str) and len(node) == 1 and ref.startswith("#/$defs/"):
            name = ref.removeprefix("#/$defs/")
            if name in defs and "/" not in name and name not in active:
                return inline(defs[name], active | {name})
        return {key: value if key == "$defs" else inline(value, active) for key, value in node.items()}

    return inline(schema, frozenset())


@lru_cache(maxsize=1)
def quick_check():
    """``schemas.quick``'s compiled check of the published schema, built once per process; None
    when the schema uses a keyword it does not compile (then jsonschema checks every document)."""
    from schemas.quick import Unsupported, compile_check

    try:
        return compile_check(published_schema())
    except Unsupported:
        return None


def schema_errors(document: dict) -> list[str]:
    """Every way ``document`` breaks the schema, one line each ('' list when it is valid). A
    document the quick check passes has none, and jsonschema is not even imported; one it fails
    gets jsonschema's errors, messages and paths."""
    quick = quick_check()
    if quick is not None and quick(document):
        return []
    errors = sorted(output_validator().iter_errors(document), key=lambda e: list(e.absolute_path))
    return [f"/{'/'.join(str(p) for p in e.absolute_path)}: {e.message}" for e in errors]
