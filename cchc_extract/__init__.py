"""cchc-extract: Vietnamese commune administrative-reform documents to checked, structured data.

The Python API (``convert``, ``convert_folder``, ``Result``) lives in ``cchc_extract.api`` and is
loaded on first use, so ``import cchc_extract`` stays cheap (no pandas, no readers).
"""

from typing import TYPE_CHECKING, Any

from schemas.version import PIPELINE_VERSION as __version__  # noqa: F401

if TYPE_CHECKING:
    from cchc_extract.api import Result, convert, convert_folder

__all__ = ["Result", "convert", "convert_folder"]
_API = frozenset(__all__)


def __getattr__(name: str) -> Any:
    if name in _API:
        from cchc_extract import api

        return getattr(api, name)
    raise AttributeError(f"module 'cchc_extract' has no attribute {name!r}")
