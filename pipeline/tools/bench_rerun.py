"""Reruns and the main process's memory: `python -m pipeline.tools.bench_rerun --articles 2000`.

A full run over a bench corpus (`bench_corpus`), a rerun with nothing new, then
reruns after adding 1% new articles (`--repeat` of them, each from a copy of the same
published set: the median is quoted), each with the default outputs; prints each run's
time, the +1% rerun's share of the full run, and the main process's peak resident
memory (VmHWM: the workers, which hold the models, and the forked writers are not
counted; the writers' CPU time is).
With --reuse, an earlier full run in --out is reused (its time is then not known).
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .bench_corpus import make_corpus

# Runs the command line, then prints this process's peak resident memory (VmHWM), its own
# CPU seconds (user + system) and those of the children it waited for: the forked writers
# (the workers are the children of the workers' server, which is not waited for).
CHILD = ("import os, sys\nfrom pipeline.cli import main\ncode = main(sys.argv[1:])\n"
         "peak = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]\n"
         "t = os.times()\nprint(f'main-figures {peak} {t.user + t.system} {t.children_user + t.children_system}',"
         " file=sys.stderr)\nsys.exit(code)\n")


def run_extract(arguments: list[str]) -> tuple[float, float, float, float]:
    """(wall seconds, main-process peak MB, main-process CPU seconds, its forked writers' CPU
    seconds) of one `extract` run
    with these arguments, in a fresh process, until that process exits (its stderr goes to a
    file, not a pipe: a pipe would also wait for the workers' server, which may still be
    loading the models it turned out not to need)."""
    with tempfile.TemporaryFile("w+", encoding="utf-8") as stderr:
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", CHILD, "extract", *arguments],
                              stdout=subprocess.DEVNULL, stderr=stderr)
        seconds = time.perf_counter() - started
        stderr.seek(0)
        told = stderr.read()
    if done.returncode not in (0, 1):
        raise SystemExit(f"the run failed: {told[-2000:]}")
    peak, cpu, writers = next(line.split()[1:] for line in told.splitlines() if line.startswith("main-figures"))
    return seconds, int(peak) / 1024, float(cpu), float(writers)


def _run(corpus: Path, out: Path, workers: int | None) -> tuple[float, float, float, float]:
    """`run_extract`'s figures of one `extract` run over `corpus` into `out`."""
    return run_extract([str(corpus), "--out", str(out), "--quiet"] + (["--workers", str(workers)] if workers else []))


def _line(what: str, figures: tuple[float, float, float], full: tuple | None = None) -> str:
    seconds, peak, cpu, writers = figures
    share = f" = {seconds / full[0]:.3f} of the full run" if full else ""
    return (f"{what}: {seconds:.1f} s{share}, main process {cpu:.1f} s CPU (its forked writers "
            f"{writers:.1f} s), peak {peak:.0f} MB")


def main(args: argparse.Namespace) -> int:
    corpus, out = args.out / "corpus", args.out / "run"
    if not args.reuse or not corpus.exists():
        make_corpus(corpus, args.articles)
    full = None if args.reuse and out.exists() else _run(corpus, out, args.workers)
    same = _run(corpus, out, args.workers)
    # Named after the others (`new_…` sorts after `bench_…`), as dated or numbered files are.
    make_corpus(corpus, max(1, args.articles // 100), seed=int(time.time()), prefix="new")
    # Each +1% rerun starts from the same published set (a copy): the median of them is quoted.
    before = args.out / "run-before-new"
    shutil.rmtree(before, ignore_errors=True)
    shutil.copytree(out, before)
    added = []
    for _ in range(args.repeat):
        shutil.rmtree(out)
        shutil.copytree(before, out)
        added.append(_run(corpus, out, args.workers))
    shutil.rmtree(before)
    median = sorted(added)[len(added) // 2]
    if full:
        print(_line(f"full run over {args.articles} articles", full))
    print(_line("rerun, nothing new", same))
    spread = f" (median of {len(added)}: {', '.join(f'{a[0]:.1f}' for a in added)} s)" if len(added) > 1 else ""
    print(_line(f"rerun after +1% new articles{spread}", median, full))
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m pipeline.tools.bench_rerun", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000, help="corpus size (default 2000)")
    parser.add_argument("--out", type=Path, default=Path("outputs/bench_rerun"),
                        help="folder for the corpus and the runs")
    parser.add_argument("--workers", type=int, help="default: all cores")
    parser.add_argument("--reuse", action="store_true", help="reuse the corpus and full run in --out")
    parser.add_argument("--repeat", type=int, default=3, help="+1%% reruns, each from the same published set (default 3)")
    return parser


if __name__ == "__main__":
    sys.exit(main(_parser().parse_args()))
