"""What a person reads, in their language: gettext catalogues kept with Babel.

Messages are written in English in the code (``_("…")`` where a translator is at hand, ``N_("…")``
for a table of messages translated later) and translated in ``cchc_extract/locale/<lang>/LC_MESSAGES/
cchc_extract.po``. Vietnamese is the default language (the people reading the outputs are district
officers); ``--lang en`` gives the English of the code itself.

The ``.po`` file is the only source: it is compiled with Babel when first used (a compiled ``.mo``
beside it, newer than the ``.po``, is used instead when one was built at install time by
``python3 tools/messages.py compile``; else the compiled bytes are kept in the user's cache under
the ``.po``'s hash), so an edited catalogue can never be shadowed by a stale binary.
``python3 tools/messages.py update`` extracts the messages from the code into the ``.pot`` template
and merges them into each ``.po``; tests/test_i18n.py fails when a message in the code has no
Vietnamese translation.
"""

from __future__ import annotations

import gettext
import hashlib
import io
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from normalize.disk_cache import cache_root, keep

DOMAIN = "cchc_extract"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DEFAULT_LANG = "vi"
LANGUAGES = ("vi", "en")  # en: the code's own strings, no catalogue


def N_(message: str) -> str:  # noqa: N802  gettext's name for "mark for extraction, translate later"
    return message


@lru_cache(maxsize=8)
def translations(lang: str = DEFAULT_LANG) -> gettext.NullTranslations:
    """The catalogue of ``lang`` (NullTranslations for English and for a language we have none of)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: one of {', '.join(LANGUAGES)}")
    po = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    mo = po.with_suffix(".mo")
    if not po.is_file():
        return gettext.NullTranslations()
    if mo.is_file() and mo.stat().st_mtime >= po.stat().st_mtime:
        with mo.open("rb") as f:
            return gettext.GNUTranslations(f)
    return gettext.GNUTranslations(io.BytesIO(cached_mo(po)))


def mo_cache_dir() -> Path:
    """Where compiled catalogues are kept between runs: the user's cache folder."""
    return cache_root() / "mo"


def cached_mo(po: Path) -> bytes:
    """``compile_po(po)``, kept in ``mo_cache_dir`` under the catalogue's hash: Babel's import and
    compile cost a short run (one small file converted) about a tenth of its time, and an edited
    catalogue has another hash, so it is never shadowed. An unwritable cache compiles every time."""
    source = po.read_bytes()
    cached = mo_cache_dir() / f"{po.parent.parent.name}-{hashlib.sha256(source).hexdigest()[:32]}.mo"
    try:
        return cached.read_bytes()
    except OSError:
        pass
    data = compile_po(po)
    keep(cached, data)
    return data


def compile_po(po: Path) -> bytes:
    """The ``.mo`` bytes of a ``.po`` catalogue (Babel's reader and writer)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as f:
        catalog = read_po(f, locale=po.parent.parent.name, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def translator(lang: str = DEFAULT_LANG) -> Callable[[str], str]:
    """``_`` for ``lang``: English message in, the reader's language out."""
    return translations(lang).gettext


def ngettext(lang: str, singular: str, plural: str, n: int) -> str:
    return translations(lang).ngettext(singular, plural, n)
