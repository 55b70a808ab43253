"""Throughput on a Dask cluster: `python -m pipeline.tools.bench_cluster --articles 400`.

For each number of workers N (default: 1 and every core), fresh runs of
`extract --no-cache --formats csv` over the same bench corpus (`bench_corpus`):
the local process pool of N workers, and a Dask cluster started as the README says
to start one (`dask scheduler`, `dask worker --nworkers N --nthreads 1`, each its own
process) with `--engine dask --scheduler ADDRESS`, each over the whole corpus and over a tenth of
it, so that starting (imports, the pool, model loading) drops out (the cluster's workers,
which outlive a run, load their models in a run before): the figures are
the steady rate, (articles − tenth) / (seconds − tenth's seconds). It prints each
engine's articles/s, the main process's CPU time an article (reading, hashing,
sending, receiving, caching, writing: the part a cluster does not spread) and checks that the Dask run's CSVs are byte for byte the
local run's.

What one machine cannot show is extrapolated, and said to be: a cluster of C cores
gives at most C × (Dask articles/s a worker), and at most 1 / (main-process CPU s an
article), since one process feeds every worker.
"""
from __future__ import annotations

import argparse
import contextlib
import csv
import filecmp
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

from ..engine.engines import default_workers
from .bench_corpus import make_corpus
from .bench_rerun import run_extract

COLUMNS = ["engine", "workers", "articles", "seconds", "articles_per_s", "per_worker",
           "main_cpu_ms_per_article", "tables_identical"]


@contextlib.contextmanager
def dask_cluster(folder: Path, workers: int) -> Iterator[str]:
    """A scheduler and `workers` single-threaded worker processes, stopped on leaving; its address."""
    dask = Path(sys.executable).with_name("dask")
    address_file = folder / "scheduler.json"
    address_file.unlink(missing_ok=True)
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    scheduler = subprocess.Popen([str(dask), "scheduler", "--port", "0", "--no-dashboard",
                                  "--scheduler-file", str(address_file)], **quiet)
    started = [scheduler]
    try:
        deadline = time.perf_counter() + 60
        while not address_file.exists():
            if scheduler.poll() is not None or time.perf_counter() > deadline:
                raise SystemExit("the Dask scheduler did not start")
            time.sleep(0.2)
        address = json.loads(address_file.read_text())["address"]
        started.append(subprocess.Popen([str(dask), "worker", address, "--nworkers", str(workers),
                                         "--nthreads", "1", "--no-dashboard"], **quiet))
        from distributed import Client
        with Client(address, timeout="60s") as client:
            client.wait_for_workers(workers, timeout=120)
        yield address
    finally:
        for process in reversed(started):
            process.terminate()
            process.wait(timeout=60)


def _run(corpus: Path, out: Path, engine: str, workers: int,
         scheduler: str | None = None) -> tuple[float, float]:
    """(wall seconds, main-process CPU seconds) of one extract run."""
    arguments = [str(corpus), "--out", str(out), "--quiet", "--no-cache", "--formats", "csv",
                 "--workers", str(workers), "--engine", engine]
    seconds, _, cpu, _ = run_extract(arguments + (["--scheduler", scheduler] if scheduler else []))
    return seconds, cpu


def same_tables(left: Path, right: Path) -> bool:
    """Whether the two output folders hold byte-identical CSVs (the same names, the same bytes)."""
    names = sorted(p.name for p in left.glob("*.csv"))
    return names == sorted(p.name for p in right.glob("*.csv")) and \
        all(filecmp.cmp(left / n, right / n, shallow=False) for n in names)


def _corpora(folder: Path, articles: int) -> tuple[Path, Path]:
    """The bench corpus and a tenth of it (its first files, as links) beside it."""
    corpus, tenth = folder / "corpus", folder / "tenth"
    if not corpus.exists():
        make_corpus(corpus, articles)
    if not tenth.exists():
        tenth.mkdir(parents=True)
        files = sorted(corpus.glob("*.txt"))
        for path in files[:max(1, len(files) // 10)]:
            (tenth / path.name).symlink_to(path.resolve())
    return corpus, tenth


def main(args: argparse.Namespace) -> int:
    corpus, tenth = _corpora(args.out, args.articles)
    articles = sum(1 for _ in corpus.glob("*.txt")) - sum(1 for _ in tenth.glob("*.txt"))
    rows = []
    for workers in args.workers:
        local_out, dask_out = args.out / f"local-{workers}", args.out / f"dask-{workers}"
        figures = {}
        for engine, out in (("local", local_out), ("dask", dask_out)):
            with contextlib.ExitStack() as stack:
                scheduler = None
                if engine == "dask":  # its workers stay up between runs: load their models first
                    scheduler = stack.enter_context(dask_cluster(args.out, workers))
                    _run(tenth, args.out / f"{engine}-{workers}-warm", engine, workers, scheduler)
                small = _run(tenth, args.out / f"{engine}-{workers}-tenth", engine, workers, scheduler)
                whole = _run(corpus, out, engine, workers, scheduler)
            figures[engine] = (whole[0] - small[0], whole[1] - small[1])
        identical = same_tables(local_out, dask_out)
        for engine, (seconds, cpu) in figures.items():
            rows.append({"engine": engine, "workers": workers, "articles": articles,
                         "seconds": round(seconds, 1), "articles_per_s": round(articles / seconds, 1),
                         "per_worker": round(articles / seconds / workers, 1),
                         "main_cpu_ms_per_article": round(1000 * cpu / articles, 2),
                         "tables_identical": identical if engine == "dask" else ""})
    with open(args.out / "bench_cluster.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    print(f"{'engine':<7}{'workers':>8}{'art/s':>9}{'per worker':>12}{'main CPU ms/art':>17}  tables")
    for r in rows:
        print(f"{r['engine']:<7}{r['workers']:>8}{r['articles_per_s']:>9}{r['per_worker']:>12}"
              f"{r['main_cpu_ms_per_article']:>17}  {r['tables_identical']}")
    dask = [r for r in rows if r["engine"] == "dask"]
    best = max(dask, key=lambda r: r["per_worker"])
    feed = 1000 / max(r["main_cpu_ms_per_article"] for r in dask)
    print(f"extrapolated: a cluster of C cores gives about {best['per_worker']} × C articles/s, "
          f"up to about {feed:.0f} articles/s, where the one main process is saturated")
    return 0 if all(r["tables_identical"] for r in dask) else 1


def _workers(text: str) -> list[int]:
    try:
        counts = [int(part) for part in text.split(",")]
    except ValueError:
        counts = []
    if not counts or min(counts) < 1:
        raise argparse.ArgumentTypeError(f"not a list of worker counts: {text!r}")
    return counts


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m pipeline.tools.bench_cluster", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=400, help="corpus size (default 400)")
    parser.add_argument("--workers", type=_workers, default=sorted({1, default_workers()}),
                        help="comma-separated worker counts (default: 1 and every core)")
    parser.add_argument("--out", type=Path, default=Path("outputs/bench_cluster"),
                        help="folder for the corpus and the runs")
    return parser


if __name__ == "__main__":
    sys.exit(main(_parser().parse_args()))
