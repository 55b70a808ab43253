"""The bench's runs, each a fresh process: `python -m pipeline.tools.bench_runs MODE CORPUS
WORKERS OUT` runs one (ours, natasha, razdel or the per-stage costs) and prints its figures as
JSON, so that model loading, peak RSS and CPU time are that run's own; `measure` starts one
and reads them back.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

from .bench_stages import stage_costs

BLAS_THREADS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")

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


def child(argv: list[str]) -> None:
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


def measure(mode: str, corpus: Path, workers: int = 1, out: Path | None = None) -> dict:
    command = [sys.executable, "-m", "pipeline.tools.bench_runs", mode, str(corpus), str(workers),
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


if __name__ == "__main__":
    child(sys.argv[1:])
