"""Regions, officials, sums, memoranda and links from Russian-language news, as tables.

For notebooks:

    import pipeline
    tables = pipeline.extract(["articles/", "batch.jsonl"], workers=1)
    tables["regions"]  # a pandas DataFrame, the same as regions.csv

The command line (`python -m pipeline extract`) writes the same tables as files.
"""
from .api import extract

__all__ = ["extract"]
