"""The bench's per-stage cost: CPU milliseconds an article for each stage, in one process
(CPU time, `time.process_time`: on a shared machine wall time also counts other jobs' turns).

Every stage `engine.run.extract_article` calls is timed where it is called
(the stage functions are wrapped for the length of the measurement, so the
pipeline's own code runs unchanged), then the tables, the report and the
workbook over the whole corpus. Models are loaded first and shown apart.
"""
from __future__ import annotations

import tempfile
import time
from collections import Counter
from contextlib import contextmanager
from itertools import islice
from pathlib import Path

# (stage, module attribute of engine.run that holds it, function name), in the order they run.
EXTRACT_STAGES = (
    ("clean", "clean", "clean"),
    ("nlp (razdel, NER, lemmas)", None, "analyze"),
    ("regions layer", "regions", "find_mentions"),
    ("offices layer", "offices", "find_offices"),
    ("regions table", "regions", "extract_regions"),
    ("officials", "officials", "extract_officials"),
    ("memoranda and links", "memoranda", "extract_memoranda"),
    ("sums", "sums", "extract_sums"),
)


@contextmanager
def _timed_stages(seconds: Counter):
    from ..engine import run

    patched = []
    for stage, holder, name in EXTRACT_STAGES:
        owner = getattr(run, holder) if holder else run
        real = getattr(owner, name)

        def timed(*args, _real=real, _stage=stage, **kwargs):
            started = time.process_time()
            try:
                return _real(*args, **kwargs)
            finally:
                seconds[_stage] += time.process_time() - started

        setattr(owner, name, timed)
        patched.append((owner, name, real))
    try:
        yield
    finally:
        for owner, name, real in patched:
            setattr(owner, name, real)


def stage_costs(corpus: Path, limit: int | None = None) -> dict[str, float]:
    """CPU milliseconds an article per stage over the (first `limit`) articles in `corpus`;
    `articles` gives their number and `model load (s)` the one-off loading, in seconds."""
    from ..engine.run import extract_article, load_models
    from ..output import report, tables, workbook
    from ..output.report_tables import ReportTables
    from ..read.inputs import read_inputs
    from ..records import Article

    seconds: Counter = Counter()

    def clock(stage, work, *args):
        started = time.process_time()
        result = work(*args)
        seconds[stage] += time.process_time() - started
        return result

    load = load_models()
    articles = clock("read", lambda: [a for a in islice(read_inputs([corpus]), limit)
                                      if isinstance(a, Article)])
    with _timed_stages(seconds):
        extractions = [extract_article(a) for a in articles]
    store = clock("tables", tables.collect, extractions, [])
    with store, tempfile.TemporaryDirectory(prefix="stages-") as out:
        frames = clock("tables", lambda: tables.frames(store, tables.corpus_tables(store)))
        clock("report.html", report.write_report, extractions, ReportTables(store, lambda: frames), Path(out) / "report.html")
        clock("extract.xlsx", workbook.write_workbook, frames, Path(out) / "extract.xlsx")
    n = max(len(articles), 1)
    order = ["read"] + [stage for stage, _, _ in EXTRACT_STAGES] + ["tables", "report.html",
                                                                    "extract.xlsx"]
    costs = {stage: round(1000 * seconds[stage] / n, 2) for stage in order}
    return {**costs, "articles": len(articles), "model load (s)": round(load, 2)}
