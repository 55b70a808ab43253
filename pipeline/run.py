"""One article end to end, and the engines that run it over many.

`extract_article` is pure and picklable: the local pool, the cache and Dask
all call this one function (through `extract_safely`, which turns a crash on
one article into an error row instead of stopping the batch).

`run` streams: it reads the inputs lazily, looks each article up in the
cache, sends only the missing ones to an engine (at most a few per worker in
flight), stores every result in the cache as it arrives, and returns a
`Results` that reads the extractions back from the cache in input order.
No process holds the corpus or its extractions (the main process keeps only
the tables' rows), and the tables do not depend on which worker finished first.

Engines:
  - local, 1 worker: in this process;
  - local, N workers: a process pool, models loaded once per worker;
  - dask: a Dask distributed cluster (`scheduler` address, or a LocalCluster
    of N single-threaded worker processes when none is given).
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, Iterator

from . import cache as cache_module
from . import clean, memoranda, nlp, officials, read, regions, sums
from .cache import Cache, article_key, code_version
from .records import Article, Extraction, ReadError

ENGINES = ("local", "dask")
IN_FLIGHT_PER_WORKER = 4
# The pool is replaced after this many articles a worker (reloading the models takes ~1 s):
# the parse caches grow with every new word, so without it a worker's memory would grow with
# the corpus; with it, a run of 20,000 articles peaks where a run of 2,000 does.
RECYCLE_AFTER = 1000
# Touches every model, grammar and rule file the extractors load lazily.
WARMUP = Article("warmup", "warmup",
                 "Аким Павлодарской области Нурлан Ногаев и губернатор Омской области Иван Петров "
                 "подписали 3 меморандума о сотрудничестве на сумму более 5 млрд тенге в Астане.")


def extract_article(article: Article) -> Extraction:
    article, text = clean.clean(article)
    doc = nlp.analyze(article, text)
    found_regions, places = regions.extract_regions(doc)
    found_officials = officials.extract_officials(doc)
    found_memoranda, links = memoranda.extract_memoranda(doc)
    return Extraction(article, regions=found_regions, places=places, officials=found_officials,
                      sums=sums.extract_sums(doc), memoranda=found_memoranda, links=links)


def extract_safely(article: Article) -> Extraction | ReadError:
    """`extract_article`, or an error row naming the exception: one bad article never stops a run."""
    try:
        return extract_article(article)
    except Exception as err:  # noqa: BLE001 - any extractor bug on one article
        return ReadError(article.article_id, article.source,
                         f"extraction failed: {type(err).__name__}: {err}")


def load_models() -> float:
    """Load every model and grammar of this process now; returns the seconds it took."""
    started = time.perf_counter()
    extract_article(WARMUP)
    return time.perf_counter() - started


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


# ---------------------------------------------------------------- engines
# Each takes (key, article) pairs lazily and yields (key, Extraction | ReadError)
# in whatever order the work finishes.

Pairs = Iterator[tuple[str, Article]]
Done = Iterator[tuple[str, Extraction | ReadError]]


def _in_process(pairs: Pairs) -> Done:
    for key, article in pairs:
        yield key, extract_safely(article)


def _init_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    try:
        load_models()
    except Exception:  # noqa: BLE001 - the models then load with the first article, whose
        pass           # failure becomes that article's error row instead of a broken pool


def _pool(pairs: Pairs, workers: int) -> Done:
    """A process pool, replaced by a fresh one after RECYCLE_AFTER articles a worker.

    (Python 3.11's own `max_tasks_per_child` can leave the pool without workers.)"""
    while True:
        batch = islice(pairs, RECYCLE_AFTER * workers)
        first = next(batch, None)
        if first is None:  # nothing (more) to extract: no pool, no model loading
            return
        yield from _one_pool(_chain(first, batch), workers)


def _one_pool(pairs: Pairs, workers: int) -> Done:
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=_context(), initializer=_init_worker)
    try:
        pending = {}
        for key, article in islice(pairs, workers * IN_FLIGHT_PER_WORKER):
            pending[pool.submit(extract_safely, article)] = key
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                key = pending.pop(future)
                yield key, future.result()
                for next_key, article in islice(pairs, 1):
                    pending[pool.submit(extract_safely, article)] = next_key
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _context():
    """Workers start from a fresh server process that has imported the pipeline (not as forks
    of this one, which may hold threads, open files and a test's monkeypatches)."""
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")  # the workers are the parallelism: one BLAS thread each
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["pipeline.run"])
    return context


def _chain(first, rest):
    yield first
    yield from rest


def _dask(pairs: Pairs, scheduler: str | None, workers: int) -> Done:
    first = next(pairs, None)
    if first is None:
        return
    pairs = _chain(first, pairs)
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler:
        client = Client(scheduler, timeout="60s")
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=":0")
        client = Client(cluster)
    try:
        client.wait_for_workers(1, timeout=120)
        version = check_cluster(client)
        slots = max(2, IN_FLIGHT_PER_WORKER * sum(client.nthreads().values()))
        pending = {}
        running = as_completed()

        def submit(key: str, article: Article) -> None:
            future = client.submit(extract_safely, article, key=f"extract_article-{version}-{key}",
                                   pure=False)
            pending[future.key] = key
            running.add(future)

        for key, article in islice(pairs, slots):
            submit(key, article)
        for future in running:
            key = pending.pop(future.key)
            result = future.result()
            future.release()
            yield key, result
            for next_key, article in islice(pairs, 1):
                submit(next_key, article)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def check_cluster(client) -> str:
    """The workers must run this very pipeline (same code, rules and models): else stop."""
    ours = code_version()
    try:
        theirs = client.run(cache_module.code_version)  # imported there, by name
    except ImportError as err:
        raise RuntimeError(f"the Dask workers cannot import the pipeline ({err}): install this "
                           "project on every worker (pip install /path/to/project)") from None
    other = {worker: v for worker, v in theirs.items() if v != ours}
    if other:
        raise RuntimeError(f"{len(other)} of {len(theirs)} Dask workers run another version of the "
                           f"pipeline ({', '.join(sorted(set(other.values())))}, here {ours}): "
                           "install the same code and rules on every worker")
    return ours


def compute(pairs: Iterable[tuple[str, Article]], workers: int = 1, engine: str = "local",
            scheduler: str | None = None) -> Done:
    """Extract the given articles with the chosen engine; results in completion order."""
    pairs = iter(pairs)
    if engine == "dask":
        return _dask(pairs, scheduler, max(1, workers))
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    return _in_process(pairs) if workers <= 1 else _pool(pairs, workers)


# ---------------------------------------------------------------- a run


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
        for key in self.order:
            if key not in self.failures:
                yield self.spool.get(key)

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


def run(inputs: Iterable[Article | ReadError], cache: Cache | None = None, *, use_cached: bool = True,
        workers: int = 1, engine: str = "local", scheduler: str | None = None,
        progress: Callable[[], None] | None = None) -> Results:
    """Extract every article of `inputs` not already in `cache`, storing the new results there.

    `cache=None` (or `--no-cache`) spools to a temporary file that is deleted
    when the results are closed. `use_cached=False` extracts every article afresh."""
    started = time.perf_counter()
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
            key = article_key(item)
            order.append(key)
            if key in seen:  # the same article twice: extracted once, listed twice
                tick()
                continue
            seen.add(key)
            if use_cached and key in spool:
                counts["cached"] += 1
                tick()
                continue
            yield key, item

    try:
        for key, result in compute(missing(), workers=workers, engine=engine, scheduler=scheduler):
            if isinstance(result, ReadError):
                failures[key] = result  # not cached: a rerun tries again
            else:
                spool.put(key, result)
            counts["computed"] += 1
            tick()
    finally:
        spool.commit()  # an interrupted run keeps what it extracted: the rerun resumes there
    if cache is not None:
        cache.prune()
    return Results(spool, order, failures, read_errors, counts["cached"], counts["computed"],
                   time.perf_counter() - started, owns_spool=cache is None)


def expected_articles(paths: Iterable[Path]) -> int | None:
    """How many articles the inputs hold, for a progress bar: one per .txt/.html file;
    None when a batch file (.jsonl, .csv) is among them."""
    count = 0
    for path in read.input_files(paths):
        if path.suffix.lower() in (".jsonl", ".csv"):
            return None
        count += 1  # an unsupported file is an error row: counted too
    return count
