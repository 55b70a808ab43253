"""One article end to end, and the engines that run it over many.

`extract_article` is pure and picklable: the local pool, the cache and Dask
all call this one function.
"""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from typing import Iterable, Iterator

from . import clean, memoranda, nlp, officials, regions, sums
from .records import Article, Extraction


def extract_article(article: Article) -> Extraction:
    article, text = clean.clean(article)
    doc = nlp.analyze(article, text)
    found_regions, places = regions.extract_regions(doc)
    found_officials = officials.extract_officials(doc)
    found_memoranda, links = memoranda.extract_memoranda(doc)
    return Extraction(article, regions=found_regions, places=places, officials=found_officials,
                      sums=sums.extract_sums(doc), memoranda=found_memoranda, links=links)


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def extract_all(articles: Iterable[Article], workers: int = 1) -> Iterator[Extraction]:
    """Extractions in input order; with workers > 1 a process pool, models loaded once per worker."""
    if workers <= 1:
        yield from map(extract_article, articles)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(extract_article, articles, chunksize=4)
