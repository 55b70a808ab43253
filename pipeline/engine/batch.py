"""A run over many articles: read lazily, reuse the cache, extract the rest, in input order.

`run` streams: it reads the inputs lazily, looks each article up in the
cache, sends only the missing ones to an engine (at most a few per worker in
flight), stores every result in the cache as it arrives, and returns a
`Results` that reads the extractions back from the cache in input order.
No process holds the corpus or its extractions (the main process keeps only
the tables' rows), and the tables do not depend on which worker finished first.
"""
from __future__ import annotations

import time
from functools import partial
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..read import inputs as read
from ..records import Article, CachedArticle, Extraction, ReadError
from .cache import Cache, article_key
from .engines import Pairs, compute, start_workers


class Results:
    """What a run extracted: iterate it (as often as needed) for the extractions in input order.

    They are read back one at a time from the cache (the spool), so iterating
    never holds more than one in memory. `errors` lists the inputs that could
    not be read and the articles whose extraction failed."""

    def __init__(self, spool: Cache, order: list[str], failures: dict[str, ReadError],
                 read_errors: list[ReadError], cached: int, computed: int, seconds: float,
                 owns_spool: bool = False):
        self.spool, self.order, self.failures, self.owns_spool = spool, order, failures, owns_spool
        self.read_errors = read_errors
        self.cached, self.computed, self.seconds = cached, computed, seconds

    def __iter__(self) -> Iterator[Extraction]:
        for key, load in self.keyed():
            yield load()

    def keyed(self) -> Iterator[tuple[str, Callable[[], Extraction]]]:
        """(article key, a function reading its extraction back) in input order: the tables
        read back only the articles whose rows the cache does not keep yet."""
        for key in self.order:
            if key not in self.failures:
                yield key, partial(self.spool.get, key)

    @property
    def errors(self) -> list[ReadError]:
        failed = [self.failures[key] for key in dict.fromkeys(self.order) if key in self.failures]
        return self.read_errors + failed

    @property
    def articles(self) -> int:
        """Inputs read, articles and unreadable ones alike."""
        return len(self.order) + len(self.read_errors)

    def close(self) -> None:
        """Deletes a temporary spool; a cache passed to `run` stays open (its owner closes it)."""
        if self.owns_spool:
            self.spool.close()

    def __enter__(self) -> "Results":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def run(inputs: Iterable[Article | CachedArticle | ReadError], cache: Cache | None = None, *, use_cached: bool = True,
        workers: int = 1, engine: str = "local", scheduler: str | None = None,
        progress: Callable[[], None] | None = None, timeout: float | None = None,
        keep: Callable[[str, Extraction], None] | None = None) -> Results:
    """Extract every article of `inputs` not already in `cache`, storing the new results there
    (and handing each to `keep` with its key: the tables keep its rows while the workers
    are busy with the next articles, instead of decoding it again afterwards).

    `cache=None` (or `--no-cache`) spools to a temporary file that is deleted
    when the results are closed. `use_cached=False` extracts every article afresh (its
    inputs then must not come through the cache's input index: no `CachedArticle`s).
    An article whose extraction takes longer than `timeout` seconds is an error row."""
    started = time.perf_counter()
    start_workers(workers, engine)  # their models load while the inputs are read
    spool = cache if cache is not None else Cache(None)
    use_cached = use_cached and cache is not None
    order: list[str] = []
    read_errors: list[ReadError] = []
    failures: dict[str, ReadError] = {}
    seen: set[str] = set()
    counts = {"cached": 0, "computed": 0}
    tick = progress or (lambda: None)

    def missing() -> Pairs:
        for item in inputs:
            if isinstance(item, ReadError):
                read_errors.append(item)
                tick()
                continue
            known = isinstance(item, CachedArticle)  # its file unchanged: its key is cached
            key = item.key if known else article_key(item)
            order.append(key)
            if key in seen:  # the same article twice: extracted once, listed twice
                tick()
                continue
            seen.add(key)
            if known or (use_cached and key in spool):
                counts["cached"] += 1
                tick()
                continue
            yield key, item

    try:
        for key, result in compute(missing(), workers=workers, engine=engine, scheduler=scheduler,
                                   timeout=timeout):
            if isinstance(result, ReadError):
                failures[key] = result  # not cached: a rerun tries again
            else:
                spool.put(key, result)
                if keep is not None:
                    keep(key, result)
            counts["computed"] += 1
            tick()
    finally:
        spool.commit()  # an interrupted run keeps what it extracted: the rerun resumes there
    if cache is not None:
        cache.prune()
    return Results(spool, order, failures, read_errors, counts["cached"], counts["computed"],
                   time.perf_counter() - started, owns_spool=cache is None)


def expected_articles(paths: Iterable[Path], exclude: Path | None = None) -> int | None:
    """How many articles the inputs hold (the folder `exclude` skipped), for a progress bar: one
    per .txt/.html file; None when a batch file (.jsonl, .csv) is among them."""
    count = 0
    for path in read.input_files(paths, exclude):
        if path.suffix.lower() in (".jsonl", ".csv"):
            return None
        count += 1  # an unsupported file is an error row: counted too
    return count
