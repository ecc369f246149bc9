"""Segmentation: from the ingested model to the rows users came for."""
