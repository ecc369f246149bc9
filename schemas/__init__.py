"""The JSON Schema of the output (draft 2020-12): the public contract of cchc-extract."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

SCHEMA_PATH = Path(__file__).with_name("cchc-output.v1.schema.json")


@lru_cache(maxsize=1)
def output_validator():
    import jsonschema

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def schema_errors(document: dict) -> list[str]:
    """Every way ``document`` breaks the schema, one line each ('' list when it is valid)."""
    errors = sorted(output_validator().iter_errors(document), key=lambda e: list(e.absolute_path))
    return [f"/{'/'.join(str(p) for p in e.absolute_path)}: {e.message}" for e in errors]
