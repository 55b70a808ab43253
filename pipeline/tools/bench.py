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

The machine may be shared, so (a) and (c), whose ratio is the figure that
matters, run in turn `--repeat` times (a c a c ...): their rows show the median
run, and (a)/(c) is the median of the pairs' ratios, by wall time and by CPU
time (CPU time counts only what the process itself ran, so it moves least when
other jobs take the cores).
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..engine.engines import default_workers
from .bench_corpus import make_corpus, source_folders
from .bench_runs import measure

# (a) needs ~0.02 s an article on one core, (c) ~0.035 s: at 1,000 articles and 3 pairs the whole
# bench takes ~5 minutes on an idle 2-core machine (`--articles 300 --repeat 1` for a quick look).
DEFAULT_ARTICLES = 1000
DEFAULT_REPEAT = 3

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
           "runs", "ratio", "ratio_min", "ratio_max"]


def _in_turn(run: str, runs: list[str], repeat: int, corpus: Path, tmp: Path, pairs: dict) -> dict:
    """Runs (a) and (c) (those of them asked for) in turn, `repeat` times each; fills `pairs`
    with each one's figures, returns the median (by wall time) of `run`'s."""
    import statistics
    both = [r for r in "ac" if r in runs]
    for i in range(repeat if not pairs[run] else 0):
        for r in both:
            print(f"bench: {RUNS[r]} ({i + 1} of {repeat}) ...", file=sys.stderr, flush=True)
            pairs[r].append(measure("ours", corpus, 1, tmp / f"out_a{i}") if r == "a" else
                            measure("natasha", corpus))
    median = statistics.median_low([f["seconds"] for f in pairs[run]])
    return next(f for f in pairs[run] if f["seconds"] == median)


def _pair_ratios(pairs: dict) -> list[dict]:
    """(a)/(c) as throughput, pair by pair (each (a) with the (c) run right after it): the median,
    by wall time and by CPU time, with the smallest and largest pair."""
    import statistics
    rows = []
    for key, label in (("seconds", "wall"), ("cpu", "CPU")):
        ratios = [c[key] / a[key] for a, c in zip(pairs["a"], pairs["c"]) if a[key]]
        if ratios:
            rows.append({"run": f"a/c {label}", "runs": len(ratios),
                         "label": f"(a)/(c) by {label} time: ours on 1 worker vs natasha, per core",
                         "ratio": round(statistics.median(ratios), 3),
                         "ratio_min": round(min(ratios), 3), "ratio_max": round(max(ratios), 3)})
    return rows


def main(args) -> int:
    import csv
    import tempfile

    n = args.articles or DEFAULT_ARTICLES
    workers = max(1, args.workers)
    runs = [r for r in (getattr(args, "runs", None) or "abcdes") if r in RUNS]
    if "e" in runs and "b" not in runs:
        runs.insert(runs.index("e"), "b")  # the rerun reuses (b)'s cache
    busy = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    repeat = max(1, getattr(args, "repeat", DEFAULT_REPEAT))
    rows, notes, versions, stages, pairs = [], [], {}, None, {"a": [], "c": []}
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        tmp = Path(tmp)
        corpus = tmp / "corpus"
        sources = args.sources or source_folders()
        print(f"bench: building {n} articles from {', '.join(map(str, sources))} ...",
              file=sys.stderr)
        chars = make_corpus(corpus, n, sources)
        for run in runs:
            label = RUNS[run].format(workers=workers)
            articles, run_chars = n, chars
            if run == "s":
                print(f"bench: {label} ...", file=sys.stderr, flush=True)
                stages = measure("stages", corpus, args.stage_articles)["stages"]
                continue
            if run in "ac":  # (a) and (c) are measured in turn, at the first of them
                f = _in_turn(run, runs, repeat, corpus, tmp, pairs)
            elif run == "b":
                print(f"bench: {label} ...", file=sys.stderr, flush=True)
                f = measure("ours", corpus, workers, tmp / "out_b")
            elif run == "d":
                print(f"bench: {label} ...", file=sys.stderr, flush=True)
                f = measure("razdel", corpus)
            else:  # e: 1% new articles beside the corpus (b) extracted, same output folder
                print(f"bench: {label} ...", file=sys.stderr, flush=True)
                new = max(1, n // 100)
                run_chars = chars + make_corpus(corpus, new, sources, seed=2, prefix="new")
                articles = n + new
                f = measure("ours", corpus, workers, tmp / "out_b")
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
                         "runs": len(pairs[run]) if run in pairs else 1, "ratio": None})

    def figure(run, column):
        return next((r[column] for r in rows if r["run"] == run), None)

    ratios = [("b/c", f"(b)/(c)/{workers}: ours per core on {workers} workers vs natasha on 1",
               figure("b", "articles_per_s"), (figure("c", "articles_per_s") or 0) * workers),
              ("b/a", f"(b)/(a): {workers} workers vs 1",
               figure("b", "articles_per_s"), figure("a", "articles_per_s")),
              ("e/b", "(e)/(b): the rerun's time as a share of the full run",
               figure("e", "seconds"), figure("b", "seconds"))]
    rows += _pair_ratios(pairs)
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
    print(f"\nper stage, CPU ms an article ({stages.pop('articles')} articles in one process; models "
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
            spread = (f"  (median of {r['runs']} pairs, {r['ratio_min']:.2f}–{r['ratio_max']:.2f})"
                      if r.get("ratio_min") is not None and r["runs"] > 1 else "")
            print(f"{r['label']:<64} {r['ratio']:>6.2f}{spread}")
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
                        help=f"corpus size (default: {DEFAULT_ARTICLES})")
    parser.add_argument("--workers", type=int, default=default_workers(), metavar="N",
                        help="processes for the all-cores run (default: all cores)")
    parser.add_argument("--sources", type=Path, nargs="+", default=None, metavar="DIR",
                        help="folders of real .txt articles to recombine (default: data/articles "
                             "and ../shared/dev/articles where it exists)")
    parser.add_argument("--repeat", type=int, default=DEFAULT_REPEAT, metavar="N",
                        help="runs of (a) and of (c), in turn; their ratio is the median pair's "
                             f"(default: {DEFAULT_REPEAT})")
    parser.add_argument("--stage-articles", type=int, default=300, metavar="N",
                        help="articles the per-stage run (s) times (default: 300)")
    parser.add_argument("--runs", default="abcdes", metavar="LETTERS",
                        help="which runs: a (1 worker), b (all cores), c (natasha), d (razdel), "
                             "e (rerun after 1%% new articles), s (per stage); default: abcdes")
    return parser


if __name__ == "__main__":
    sys.exit(main(_parser().parse_args()))
