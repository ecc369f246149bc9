"""What a run builds from the package's files, kept in the user's cache (issue 18: a one-line
conversion built the repair model's tables every run): read back as built, built anew when a
source changes or the file is broken, and never a failure when the cache cannot be written."""

from __future__ import annotations

import marshal
from array import array

from normalize.disk_cache import cache_root, cached, sources_key


def test_built_once_then_read_until_a_source_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    source = tmp_path / "words.txt"
    source.write_text("một hai", encoding="utf-8")
    builds = []

    def build():
        builds.append(1)
        return {"words": source.read_text(encoding="utf-8").split(), "n": 2.5}

    assert cached("words", [source], build) == {"words": ["một", "hai"], "n": 2.5}
    assert cached("words", [source], build) == {"words": ["một", "hai"], "n": 2.5}
    assert len(builds) == 1 and len(list((cache_root() / "words").iterdir())) == 1
    source.write_text("một hai ba", encoding="utf-8")
    assert cached("words", [source], build)["words"] == ["một", "hai", "ba"]
    assert len(builds) == 2


def test_a_broken_file_is_built_anew_and_an_unwritable_cache_only_costs_the_build(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    source = tmp_path / "data.bin"
    source.write_bytes(b"\x01\x02")
    kept = cache_root() / "data" / f"{sources_key([source])}.marshal"
    kept.parent.mkdir(parents=True)
    kept.write_bytes(marshal.dumps([1, 2, 3])[:-2])  # cut short, as by a crash
    assert cached("data", [source], lambda: (4, 5)) == (4, 5)
    assert marshal.loads(kept.read_bytes()) == (4, 5)
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))  # the cache folder cannot be made
    assert cached("data", [source], lambda: (6,)) == (6,)


def _state(model) -> dict:
    """Every attribute of a repair model, its arrays as bytes and its sets sorted."""
    out = {}
    for name, value in model.__dict__.items():
        if isinstance(value, array):
            value = (value.typecode, value.tobytes())
        elif isinstance(value, frozenset):
            value = sorted(value)
        elif name == "catalogue":
            value = [(p.text, p.cores, p.folded, sorted(p.keys)) for p in value]
        out[name] = value
    return out


def test_repair_model_read_from_the_cache_is_the_model_built(tmp_path, monkeypatch):
    from normalize.vietnamese.model import RepairModel, model_tables

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    built = RepairModel()  # builds the tables and keeps them
    assert len(list((cache_root() / "repair-model").iterdir())) == 1
    monkeypatch.setattr("normalize.vietnamese.model.model_tables", lambda: 1 / 0)  # must not be built again
    read = RepairModel()
    assert _state(read) == _state(built)
    assert [list(d) for d in _state(read).values() if isinstance(d, dict)] == [
        list(d) for d in _state(built).values() if isinstance(d, dict)
    ]  # dictionaries in the same order (the decoder walks ``by_key``)
    # The tables as kept are those built from the data (the gazetteer's pairs as the
    # ``name_pairs`` property gives them).
    tables = model_tables()
    assert read.key_of == tables["key_of"] and read.by_key == tables["by_key"]
    ids = read.ids
    pairs = frozenset((ids[a] << 16) | ids[b] for a, b in read.name_pairs if a in ids and b in ids)
    assert read.name_pair_ids == pairs and len(pairs) > 1000
