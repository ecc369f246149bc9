"""The quick schema check (schemas/quick.py) says "valid" exactly when jsonschema finds no error:
on every golden output, and on hundreds of damaged copies of them (wrong types, missing and
extra keys, values out of range, off the enum or the pattern, 1.0 for an integer, True for a
number)."""

import copy
import json
import random
from pathlib import Path

import jsonschema
import pytest

from schemas import inline_refs, published_schema, quick_check, schema_errors
from schemas.quick import Unsupported, compile_check

ROOT = Path(__file__).resolve().parents[1]
GOLDENS = sorted((ROOT / "golden").glob("*.json")) + sorted((ROOT / "golden" / "renderings").glob("*.json"))

# What a damaged value becomes: each a way a writer could break the contract.
_REPLACEMENTS = [None, True, False, 0, 1, 1.0, 2.5, -1, 7, "", "x", "2023-13-45", "ok", [], [1, 2, 3, 4], {}, {"a": 1}]


def _nodes(data, path=()):
    """Every (container, key) pair of a JSON document."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield data, key
            yield from _nodes(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield data, index
            yield from _nodes(value, (*path, index))


def _damaged(data: dict, rng: random.Random) -> dict:
    out = copy.deepcopy(data)
    nodes = list(_nodes(out))
    for _ in range(rng.choice((1, 1, 2))):
        container, key = rng.choice(nodes)
        roll = rng.random()
        try:
            if roll < 0.15 and isinstance(container, dict):
                del container[key]
            elif roll < 0.25 and isinstance(container, dict):
                container["unexpected_" + str(key)] = 1
            else:
                container[key] = copy.deepcopy(rng.choice(_REPLACEMENTS))
        except (KeyError, IndexError):
            pass
        nodes = list(_nodes(out))
    return out


def test_the_published_schema_compiles():
    assert quick_check() is not None


@pytest.mark.parametrize("path", GOLDENS, ids=lambda p: p.name)
def test_quick_check_agrees_with_jsonschema(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    quick = quick_check()
    validator = jsonschema.Draft202012Validator(inline_refs(published_schema()))
    assert quick(data) and not list(validator.iter_errors(data))
    rng = random.Random(path.name)
    invalid = 0
    for _ in range(40):
        damaged = _damaged(data, rng)
        errors = list(validator.iter_errors(damaged))
        assert quick(damaged) == (not errors), (errors[:1], damaged)
        invalid += bool(errors)
    assert invalid > 10  # the damage reached the schema's rules, not only free text
    # An invalid document still gets jsonschema's messages.
    broken = copy.deepcopy(data)
    broken["source"]["format"] = "doc"
    assert schema_errors(broken) == ["/source/format: 'doc' is not one of ['', 'txt', 'md', 'docx', 'pdf', 'image']"]


def test_draft_2020_12_edges_as_jsonschema_reads_them():
    schema = {
        "type": "object",
        "properties": {
            "n": {"type": "integer"},
            "x": {"type": ["number", "null"], "minimum": 0, "maximum": 1},
            "e": {"enum": [1, "a"]},
        },
        "additionalProperties": False,
    }
    quick = compile_check(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for doc in ({"n": 1.0}, {"n": True}, {"x": True}, {"x": None}, {"x": 1.5}, {"e": True}, {"e": 1.0}, {"z": 1}):
        assert quick(doc) == validator.is_valid(doc), doc


def test_a_keyword_not_compiled_is_refused():
    with pytest.raises(Unsupported):
        compile_check({"type": "object", "patternProperties": {"^a": {"type": "string"}}})
    with pytest.raises(Unsupported):
        compile_check({"anyOf": [{"type": "string"}]})
