#!/usr/bin/env python3
"""The message catalogues (Babel): ``update`` extracts every ``_("…")``/``N_("…")`` of the package
into ``cchc_extract/locale/cchc_extract.pot`` and merges it into each language's ``.po`` (new
messages arrive untranslated, vanished ones become obsolete); ``compile`` writes the ``.mo`` files
(optional: the package compiles a ``.po`` itself when no newer ``.mo`` is there); ``check`` exits 1
listing messages of the code with no translation.

    python3 tools/messages.py update|compile|check
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from cchc_extract.i18n import DOMAIN, LANGUAGES, LOCALE_DIR, compile_po

KEYWORDS = {"_": None, "N_": None, "ngettext": (2, 3)}


def template() -> Catalog:
    """Every message of the package's code, with where it is used."""
    catalog = Catalog(project="cchc-extract", domain=DOMAIN, charset="utf-8")
    package = ROOT / "cchc_extract"
    for filename, lineno, message, comments, context in extract_from_dir(
        str(package), method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
    ):
        catalog.add(message, None, [(f"cchc_extract/{filename}", lineno)], auto_comments=comments, context=context)
    return catalog


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def read(path: Path, lang: str) -> Catalog:
    with path.open("rb") as f:
        return read_po(f, locale=lang, domain=DOMAIN)


def write(path: Path, catalog: Catalog) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        write_po(f, catalog, width=100, sort_output=False, include_previous=True)


def untranslated(lang: str) -> list[str]:
    """Messages of the code that ``lang``'s catalogue does not translate (missing, empty or fuzzy)."""
    catalog = read(po_path(lang), lang)
    missing = []
    for message in template():
        if not message.id:
            continue
        found = catalog.get(message.id)
        strings = found.string if found is not None else None
        texts = strings if isinstance(strings, tuple) else (strings,)
        if found is None or found.fuzzy or not all(texts):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    languages = [lang for lang in LANGUAGES if lang != "en"]
    if command == "update":
        pot = template()
        write(LOCALE_DIR / f"{DOMAIN}.pot", pot)
        for lang in languages:
            path = po_path(lang)
            catalog = read(path, lang) if path.is_file() else Catalog(locale=lang, domain=DOMAIN)
            catalog.update(pot, no_fuzzy_matching=True)
            write(path, catalog)
        return 0
    if command == "compile":
        for lang in languages:
            po_path(lang).with_suffix(".mo").write_bytes(compile_po(po_path(lang)))
        return 0
    if command == "check":
        bad = {lang: untranslated(lang) for lang in languages}
        for lang, ids in bad.items():
            for message in ids:
                print(f"{lang}: untranslated: {message}")
        return 1 if any(bad.values()) else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
