"""The engines that run `extract_safely` over many articles.

Each takes (key, article) pairs lazily and yields (key, Extraction | ReadError)
in whatever order the work finishes:
  - local, 1 worker: in this process;
  - local, N workers: a process pool forked from a server that has loaded the models;
  - dask: a Dask distributed cluster (`scheduler` address, or a LocalCluster
    of N single-threaded worker processes when none is given).
"""
from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import os
import signal
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from functools import partial
from itertools import chain, islice
from typing import Callable, Iterable, Iterator

from ..records import Article, Extraction, ReadError
from . import cache as cache_module
from .cache import code_version

ENGINES = ("local", "dask")
IN_FLIGHT_PER_WORKER = 4
# The pool is replaced after this many articles a worker (its workers fork with the models loaded):
# the parse caches grow with every new word, so without it a worker's memory would grow with
# the corpus; with it, a run of 20,000 articles peaks where a run of 2,000 does.
RECYCLE_AFTER = 1000
# Fewer new articles than this a worker are extracted in this process: starting a pool (a
# server process, then the models loaded in every worker) costs more than they do.
IN_PROCESS_PER_WORKER = 4
# Articles a Dask task: each task costs the scheduler and this process about as much as an
# article's extraction saves them, so they go in small chunks.
DASK_CHUNK = 8

Pairs = Iterator[tuple[str, Article]]
Extract = Callable[[Article], Extraction | ReadError]
Done = Iterator[tuple[str, Extraction | ReadError]]


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _in_process(pairs: Pairs, extract: Extract) -> Done:
    for key, article in pairs:
        yield key, extract(article)


def prepare_worker() -> None:
    """A worker, or the fork server the workers fork from (`warm`): signals ignored, models loaded.

    Ctrl-C and SIGTERM (sent to the whole group by a terminal or systemd) are the main
    process's to handle: it lets the articles in hand finish, keeps them, and stops; a fork
    server killed while loading would leave the run without workers."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    from .run import load_models

    try:
        load_models()  # loaded already where the fork server preloaded them (`warm`), not when spawned
    except Exception:  # noqa: BLE001 - the models then load with the first article, whose
        pass           # failure becomes that article's error row instead of a broken pool


def _pool(pairs: Pairs, workers: int, extract: Extract) -> Done:
    """A process pool, replaced by a fresh one after RECYCLE_AFTER articles a worker; no pool
    when fewer than IN_PROCESS_PER_WORKER articles a worker are to be extracted.

    (Python 3.11's own `max_tasks_per_child` can leave the pool without workers.)"""
    first_few = list(islice(pairs, IN_PROCESS_PER_WORKER * workers))
    if len(first_few) < IN_PROCESS_PER_WORKER * workers:  # a rerun with little new
        yield from _in_process(iter(first_few), extract)
        return
    pairs = chain(first_few, pairs)
    while True:
        batch = islice(pairs, RECYCLE_AFTER * workers)
        first = next(batch, None)
        if first is None:  # nothing (more) to extract: no pool, no model loading
            return
        yield from _one_pool(chain([first], batch), workers, extract)


def _one_pool(pairs: Pairs, workers: int, extract: Extract) -> Done:
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=_context(), initializer=prepare_worker)
    try:
        pending = {}
        for key, article in islice(pairs, workers * IN_FLIGHT_PER_WORKER):
            pending[pool.submit(extract, article)] = key
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                key = pending.pop(future)
                yield key, future.result()
                for next_key, article in islice(pairs, 1):
                    pending[pool.submit(extract, article)] = next_key
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _context():
    """Workers fork from a fresh server process that has loaded the models (`warm`), not from
    this one, which may hold threads, open files and a test's monkeypatches."""
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")  # the workers are the parallelism: one BLAS thread each
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["pipeline.engine.warm"])
    return context


def start_workers(workers: int, engine: str = "local") -> None:
    """Starts the local pool's fork server now, without waiting for it, so that its models
    load while this process reads the inputs: a rerun with a few new articles then waits
    for their extraction only. Nothing for one worker or Dask."""
    if engine == "local" and workers > 1 and _context().get_start_method() == "forkserver":
        multiprocessing.forkserver.ensure_running()


def _dask(pairs: Pairs, scheduler: str | None, workers: int, extract: Extract) -> Done:
    first = next(pairs, None)
    if first is None:
        return
    pairs = chain([first], pairs)
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler:
        client = Client(scheduler, timeout="60s")
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)  # no dashboard: its updates cost CPU
        client = Client(cluster)
    try:
        client.wait_for_workers(1, timeout=120)
        version = check_cluster(client)
        slots = max(2, IN_FLIGHT_PER_WORKER * sum(client.nthreads().values()))
        chunks = iter(lambda: list(islice(pairs, DASK_CHUNK)), [])
        pending = {}
        running = as_completed()

        def submit(chunk: list[tuple[str, Article]]) -> None:
            future = client.submit(extract_each, extract, [article for _, article in chunk],
                                   key=f"extract_articles-{version}-{chunk[0][0]}", pure=False)
            pending[future.key] = [key for key, _ in chunk]
            running.add(future)

        for chunk in islice(chunks, slots):
            submit(chunk)
        for future in running:
            keys = pending.pop(future.key)
            results = future.result()
            future.release()
            yield from zip(keys, results)
            for chunk in islice(chunks, 1):
                submit(chunk)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def extract_each(extract: Extract, articles: list[Article]) -> list[Extraction | ReadError]:
    """One Dask task: a few articles, so that the scheduler's and the client's cost of a task
    is shared by them."""
    return [extract(article) for article in articles]


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
            scheduler: str | None = None, timeout: float | None = None) -> Done:
    """Extract the given articles with the chosen engine; results in completion order.
    An article taking longer than `timeout` seconds becomes an error row."""
    from .run import extract_safely  # the extractors load only where articles are extracted

    pairs = iter(pairs)
    extract = partial(extract_safely, timeout=timeout)  # picklable: pool and Dask send it
    if engine == "dask":
        return _dask(pairs, scheduler, max(1, workers), extract)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    return _in_process(pairs, extract) if workers <= 1 else _pool(pairs, workers, extract)
