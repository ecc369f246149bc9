"""Ingest (one reader per format, all producing ``extract.model``) and segmentation into rows."""
