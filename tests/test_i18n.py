"""The message catalogues: every message the code marks has a Vietnamese translation with the same
``{fields}``, the catalogue compiles, and English is the code's own text."""

from __future__ import annotations

import string
import sys
from pathlib import Path

from cchc_extract.i18n import LANGUAGES, compile_po, translator

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import messages  # noqa: E402  tools/messages.py, by path


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_is_translated_with_its_fields():
    assert messages.untranslated("vi") == []
    ids = [m.id for m in messages.template() if m.id]
    assert len(ids) > 40
    vi = translator("vi")
    for message in ids:
        assert _fields(vi(message)) == _fields(message), message


def test_catalogue_compiles_and_english_is_the_code():
    for lang in LANGUAGES:
        if lang != "en":
            assert compile_po(messages.po_path(lang)).startswith(b"\xde\x12\x04\x95")  # the .mo magic
    assert translator("en")("Queue") == "Queue"
    assert translator("vi")("Queue") == "Hàng đợi"


def test_compiled_catalogue_is_cached_under_the_catalogue_hash(tmp_path, monkeypatch):
    """Babel compiles a catalogue once per version of it (issue 18: a short run's start-up); an
    edited catalogue has another hash, so it is never shadowed by the cached one."""
    import cchc_extract.i18n as i18n

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    po = tmp_path / "vi" / "LC_MESSAGES" / "cchc_extract.po"
    po.parent.mkdir(parents=True)
    po.write_bytes(messages.po_path("vi").read_bytes())
    first = i18n.cached_mo(po)
    assert first == compile_po(po) and len(list(i18n.mo_cache_dir().iterdir())) == 1
    calls = []
    monkeypatch.setattr(i18n, "compile_po", lambda path: calls.append(path) or b"")
    assert i18n.cached_mo(po) == first and not calls
    po.write_bytes(po.read_bytes() + b"\n")
    i18n.cached_mo(po)
    assert calls == [po]
