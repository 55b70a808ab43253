"""`python -m pipeline.tools.bench` (`make bench`): speed and memory, ours against natasha's own pipeline.

A corpus of N articles (default 2,000) is made from the sample articles
(`bench_corpus`), written as .txt files to a temporary folder.
Then each of

  (a) our `extract` with 1 worker,
  (b) our `extract` with all cores (a process pool),
  (c) natasha's full `Doc` pipeline: segment, morph, syntax, NER, normalize,
  (d) razdel segmentation alone (the floor),
  (e) our `extract` again into (b)'s folder after adding 1% new articles
      (the cache serves the rest),

runs in a fresh process over the same files, from reading the files to the
last result, model loading included (load time is also shown apart), with one
BLAS thread a process. Peak RSS is the largest resident set of one process:
the process itself for (a), (c), (d), the largest pool worker for (b) and (e).
CPU s adds every process of the run. The figures go to `OUT/bench.csv`.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

from ..engine.engines import default_workers
from .bench_corpus import make_corpus, source_folders
from .bench_stages import stage_costs

# Each of (a) and (c) needs ~0.06 s an article on one core: at 2,000 articles the whole bench
# takes ~5.5 minutes on an idle 2-core machine (`--articles 500` for a quick look).
DEFAULT_ARTICLES = 2000
BLAS_THREADS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")

# ---------------------------------------------------------------- measuring
# Each run is a fresh process (`python -m pipeline.tools.bench --child MODE ...`), so
# model loading and peak RSS are its own; it prints its figures as JSON.

class Watch(threading.Thread):
    """Samples this process's descendants (pool workers, wherever they were started from):
    the peak RSS of each (Linux: VmHWM, exact) and its CPU seconds so far."""

    def __init__(self, interval: float = 0.25):
        super().__init__(daemon=True)
        self.interval, self.done = interval, threading.Event()
        self.peak_mb: dict[int, float] = {}
        self.cpu_s: dict[int, float] = {}

    def run(self) -> None:
        while not self.done.wait(self.interval):
            self.sample()

    def sample(self) -> None:
        import psutil
        for child in psutil.Process().children(recursive=True):
            try:
                times = child.cpu_times()
                self.cpu_s[child.pid] = times.user + times.system
                self.peak_mb[child.pid] = max(self.peak_mb.get(child.pid, 0.0), _peak_rss(child))
            except psutil.Error:
                pass

    def stop(self) -> None:
        self.sample()
        self.done.set()


def _peak_rss(process) -> float:
    try:
        with open(f"/proc/{process.pid}/status", encoding="ascii") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("VmHWM:")) / 1024
    except (OSError, StopIteration):
        return process.memory_info().rss / 1024 / 1024  # not Linux: the current RSS


def _own_figures() -> tuple[float, float]:
    """Peak RSS (MB) and CPU seconds of this process."""
    import resource
    usage = resource.getrusage(resource.RUSAGE_SELF)
    scale = 1024 if sys.platform != "darwin" else 1024 * 1024  # ru_maxrss: KB on Linux
    return usage.ru_maxrss / scale, usage.ru_utime + usage.ru_stime


def _child_ours(corpus: Path, workers: int, out: Path) -> dict:
    import contextlib
    import io

    from .. import cli
    from ..engine.cache import code_version
    from ..engine.run import load_models
    started = time.perf_counter()
    load = load_models() if workers <= 1 else None  # a pool's workers load their own
    said = io.StringIO()
    with contextlib.redirect_stderr(said):
        status = cli.main(["extract", str(corpus), "--out", str(out), "--workers", str(workers),
                           "--formats", "csv", "--quiet"])
    seconds = time.perf_counter() - started
    if status not in (0, 1):
        raise SystemExit(f"extract failed with status {status}:\n{said.getvalue()[-3000:]}")
    counts = re.search(r"(\d+) from the cache, (\d+) extracted", said.getvalue())
    return {"seconds": seconds, "load": load, "version": code_version(),
            "cached": int(counts.group(1)) if counts else None,
            "extracted": int(counts.group(2)) if counts else None}


def _natasha_models():
    from natasha import (
        MorphVocab,
        NewsEmbedding,
        NewsMorphTagger,
        NewsNERTagger,
        NewsSyntaxParser,
        Segmenter,
    )
    embedding = NewsEmbedding()
    return (Segmenter(), MorphVocab(), NewsMorphTagger(embedding), NewsSyntaxParser(embedding),
            NewsNERTagger(embedding))


def _child_natasha(corpus: Path) -> dict:
    from natasha import Doc

    from ..read.inputs import read_inputs
    started = time.perf_counter()
    segmenter, vocab, morph, syntax, ner = _natasha_models()
    load = time.perf_counter() - started
    for article in read_inputs([corpus]):
        doc = Doc(article.text)
        doc.segment(segmenter)
        doc.tag_morph(morph)
        doc.parse_syntax(syntax)
        doc.tag_ner(ner)
        for span in doc.spans:
            span.normalize(vocab)
    return {"seconds": time.perf_counter() - started, "load": load}


def _child_razdel(corpus: Path) -> dict:
    from razdel import sentenize, tokenize

    from ..read.inputs import read_inputs
    started = time.perf_counter()
    for article in read_inputs([corpus]):
        for sentence in sentenize(article.text):
            list(tokenize(sentence.text))
    return {"seconds": time.perf_counter() - started, "load": None}


def _child(argv: list[str]) -> None:
    mode, corpus, workers, out = argv[0], Path(argv[1]), int(argv[2]), Path(argv[3])
    watch = Watch()
    watch.start()
    figures = (_child_ours(corpus, workers, out) if mode == "ours" else
               _child_natasha(corpus) if mode == "natasha" else
               {"stages": stage_costs(corpus, limit=workers)} if mode == "stages" else
               _child_razdel(corpus))
    watch.stop()
    figures["rss"], own_cpu = _own_figures()
    figures["worker_rss"] = max(watch.peak_mb.values(), default=None)
    figures["cpu"] = own_cpu + sum(watch.cpu_s.values())
    print("BENCH " + json.dumps(figures))


def _measure(mode: str, corpus: Path, workers: int = 1, out: Path | None = None) -> dict:
    command = [sys.executable, "-m", "pipeline.tools.bench", "--child", mode, str(corpus), str(workers),
               str(out or corpus.parent / "unused")]
    # One thread per process for numpy's BLAS too: every run gets the cores it says it uses
    # (natasha's and our NER models would otherwise spread a "1 worker" run over all cores).
    env = {**os.environ, **{name: "1" for name in BLAS_THREADS}}
    done = subprocess.run(command, capture_output=True, text=True, env=env,
                          cwd=Path(__file__).resolve().parents[2])
    line = next((l for l in done.stdout.splitlines() if l.startswith("BENCH ")), None)
    if done.returncode != 0 or line is None:
        raise SystemExit(f"bench run {mode} failed:\n{done.stderr[-3000:]}")
    return json.loads(line[len("BENCH "):])


RUNS = {
    "a": "(a) ours, 1 worker",
    "b": "(b) ours, {workers} workers",
    "c": "(c) natasha Doc: segment+morph+syntax+NER+normalize",
    "d": "(d) razdel segmentation alone",
    "e": "(e) ours rerun after +1% new articles, {workers} workers",
    "s": "(s) ours per stage, 1 process",
}
COLUMNS = ["run", "label", "articles", "chars", "seconds", "articles_per_s", "chars_per_s",
           "peak_rss_mb", "main_rss_mb", "cpu_s", "model_load_s", "from_cache", "extracted",
           "ratio"]


def main(args) -> int:
    import csv
    import tempfile

    n = args.articles or DEFAULT_ARTICLES
    workers = max(1, args.workers)
    runs = [r for r in (getattr(args, "runs", None) or "abcdes") if r in RUNS]
    if "e" in runs and "b" not in runs:
        runs.insert(runs.index("e"), "b")  # the rerun reuses (b)'s cache
    busy = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    rows, notes, versions, stages = [], [], {}, None
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        tmp = Path(tmp)
        corpus = tmp / "corpus"
        sources = args.sources or source_folders()
        print(f"bench: building {n} articles from {', '.join(map(str, sources))} ...",
              file=sys.stderr)
        chars = make_corpus(corpus, n, sources)
        for run in runs:
            label = RUNS[run].format(workers=workers)
            print(f"bench: {label} ...", file=sys.stderr, flush=True)
            articles, run_chars = n, chars
            if run == "s":
                stages = _measure("stages", corpus, args.stage_articles)["stages"]
                continue
            if run in "ab":
                f = _measure("ours", corpus, 1 if run == "a" else workers, tmp / f"out_{run}")
            elif run == "c":
                f = _measure("natasha", corpus)
            elif run == "d":
                f = _measure("razdel", corpus)
            else:  # e: 1% new articles beside the corpus (b) extracted, same output folder
                new = max(1, n // 100)
                run_chars = chars + make_corpus(corpus, new, sources, seed=2, prefix="new")
                articles = n + new
                f = _measure("ours", corpus, workers, tmp / "out_b")
                if f["extracted"] != new:
                    notes.append(f"(e) extracted {f['extracted']} articles, not the {new} new ones: "
                                 "pipeline/ or rules/ changed during the bench (the cache's version "
                                 f"went from {versions.get('b')} to {f['version']}), so rerun it")
            versions[run] = f.get("version")
            pooled = run in "be" and workers > 1
            worker_rss = (f["worker_rss"] or f["rss"]) if pooled else f["rss"]
            rows.append({"run": run, "label": label, "articles": articles, "chars": run_chars,
                         "seconds": round(f["seconds"], 2),
                         "articles_per_s": round(articles / f["seconds"], 2),
                         "chars_per_s": round(run_chars / f["seconds"]),
                         "peak_rss_mb": round(worker_rss), "main_rss_mb": round(f["rss"]),
                         "cpu_s": round(f["cpu"], 1),
                         "model_load_s": None if f["load"] is None else round(f["load"], 2),
                         "from_cache": f.get("cached"), "extracted": f.get("extracted"),
                         "ratio": None})

    def figure(run, column):
        return next((r[column] for r in rows if r["run"] == run), None)

    ratios = [("a/c", "(a)/(c): ours on 1 worker vs natasha's full pipeline",
               figure("a", "articles_per_s"), figure("c", "articles_per_s")),
              ("b/c", f"(b)/(c)/{workers}: ours per core on {workers} workers vs natasha on 1",
               figure("b", "articles_per_s"), (figure("c", "articles_per_s") or 0) * workers),
              ("b/a", f"(b)/(a): {workers} workers vs 1",
               figure("b", "articles_per_s"), figure("a", "articles_per_s")),
              ("e/b", "(e)/(b): the rerun's time as a share of the full run",
               figure("e", "seconds"), figure("b", "seconds"))]
    for run, label, top, bottom in ratios:
        if top is not None and bottom:
            rows.append({"run": run, "label": label, "ratio": round(top / bottom, 3)})
    _print(rows, n, chars, workers, busy)
    for note in notes:
        print(f"note: {note}")
    args.out.mkdir(parents=True, exist_ok=True)
    with open(args.out / "bench.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    if stages:
        _print_stages(stages)
        with open(args.out / "bench_stages.csv", "w", encoding="utf-8", newline="") as f:
            f.write("stage,ms_per_article\n" + "".join(f"{k},{v}\n" for k, v in stages.items()))
    print(f"figures in {args.out / 'bench.csv'}", file=sys.stderr)
    return 0


def _print_stages(stages: dict) -> None:
    print(f"\nper stage, ms an article ({stages.pop('articles')} articles in one process; models "
          f"loaded first in {stages.pop('model load (s)')} s):")
    for stage, ms in stages.items():
        print(f"  {stage:<32} {ms:>9.2f}")


def _print(rows: list[dict], n: int, chars: int, workers: int, busy: float | None) -> None:
    print(f"\n{n} articles, {chars:,} chars (real articles recombined), {workers} "
          f"workers for (b) and (e); each run a fresh process from reading the files to the last "
          f"result, model loading included"
          + (f"; load average {busy:.1f} before the bench" if busy is not None else "") + "\n")
    print(f"{'run':<56} {'art/s':>7} {'chars/s':>9} {'peak RSS MB':>14} {'seconds':>8} "
          f"{'CPU s':>7} {'load s':>7}")
    for r in rows:
        if r["ratio"] is not None:
            continue
        load = "" if r["model_load_s"] is None else f"{r['model_load_s']:.2f}"
        rss = f"{r['peak_rss_mb']}" + (" per worker" if r["run"] in "be" and workers > 1 else "")
        print(f"{r['label']:<56} {r['articles_per_s']:>7.2f} {r['chars_per_s']:>9,} {rss:>14} "
              f"{r['seconds']:>8.1f} {r['cpu_s']:>7.1f} {load:>7}")
    print()
    for r in rows:
        if r["ratio"] is not None:
            print(f"{r['label']:<56} {r['ratio']:>7.2f}")
    print("\nload s: loading the models in one process (each pool worker pays it once, in parallel).")
    rerun = next((r for r in rows if r["run"] == "e"), None)
    if rerun:
        print(f"(e) read {rerun['from_cache']} articles from the cache and extracted {rerun['extracted']}.")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m pipeline.tools.bench",
        description="Build a corpus recombined from real articles, then time our extraction "
                    "with 1 worker and with all cores, natasha's full Doc pipeline and razdel "
                    "alone over it, and our cost per stage; print the tables and write them to "
                    "OUT/bench.csv and OUT/bench_stages.csv.")
    parser.add_argument("--out", type=Path, default=Path("outputs"), metavar="DIR",
                        help="folder for bench.csv (default: outputs)")
    parser.add_argument("--articles", type=int, default=None, metavar="N",
                        help="corpus size (default: 2000)")
    parser.add_argument("--workers", type=int, default=default_workers(), metavar="N",
                        help="processes for the all-cores run (default: all cores)")
    parser.add_argument("--sources", type=Path, nargs="+", default=None, metavar="DIR",
                        help="folders of real .txt articles to recombine (default: data/articles "
                             "and ../shared/dev/articles where it exists)")
    parser.add_argument("--stage-articles", type=int, default=300, metavar="N",
                        help="articles the per-stage run (s) times (default: 300)")
    parser.add_argument("--runs", default="abcdes", metavar="LETTERS",
                        help="which runs: a (1 worker), b (all cores), c (natasha), d (razdel), "
                             "e (rerun after 1%% new articles), s (per stage); default: abcdes")
    return parser


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        _child(sys.argv[2:])
    else:
        sys.exit(main(_parser().parse_args()))
