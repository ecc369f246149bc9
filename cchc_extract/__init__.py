"""cchc-extract: Vietnamese commune administrative-reform documents to checked, structured data."""

from cchc_extract.records import PIPELINE_VERSION as __version__  # noqa: F401
