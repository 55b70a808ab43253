"""One `extract` run into an output folder: its lock, the articles streamed through the cache and
an engine, the output set staged and published with its manifest; the progress bar, the summary
line and the exit status."""
from __future__ import annotations

import argparse
import re
import signal
import sys
import threading
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

from tqdm import tqdm

from ..output import outputs, tables, write
from ..read.inputs import read_inputs
from . import batch
from .cache import Cache, code_version
from .input_index import InputIndex

# The exit statuses of a run (`cli.EXIT_STATUS` says what each means; 2 is the command line's).
EXIT_OK, EXIT_ARTICLES_FAILED, EXIT_RUN_FAILED = 0, 1, 3
TOP_ERRORS = 3


def _error_summary(errors) -> str:
    """The most common reasons (the words before any detail, a batch's line number folded:
    `line N is not valid JSON`), e.g. '3× empty file (0 bytes), 1× unsupported format .pdf'."""
    if not errors:
        return ""
    reasons = Counter(re.sub(r"\b(line|row) \d+", r"\1 N", e.error.split(":")[0]) for e in errors)
    top = ", ".join(f"{n}× {reason}" for reason, n in reasons.most_common(TOP_ERRORS))
    return f"\nmost common errors: {top} (all in errors.csv)"


def _opened_files(formats: frozenset[str], out: Path) -> str:
    """'; open out/report.html and out/extract.xlsx': the files an analyst opens first."""
    named = [name for fmt, name in (("html", "report.html"), ("xlsx", "extract.xlsx")) if fmt in formats]
    return f"; open {' and '.join(str(out / n) for n in named)}" if named else ""


def _stop_on_sigterm(signum, frame):
    """`kill`, systemd, schedulers: stop as on Ctrl-C, keeping the work (a second SIGTERM
    while the run winds down is ignored)."""
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise KeyboardInterrupt


def _on_sigterm(handler):
    """Installs a SIGTERM handler (only the main thread may); returns the previous one."""
    if threading.current_thread() is not threading.main_thread():
        return handler
    return signal.signal(signal.SIGTERM, handler)


def extract(args: argparse.Namespace) -> int:
    """One run into args.out: holds its lock, stages the output set, publishes it with a
    manifest; every way a run ends gives a one-line message and an exit status."""
    out = args.out
    try:
        with write.locked(out):
            write.clean_stale(out)
            # Until the new set is published, the manifest says the tables are not this run's
            # (its `files` are still the last published ones: they are what is on disk).
            manifest = {"status": "running", "code_version": code_version(), "started": _now(),
                        "inputs": [str(p) for p in args.inputs],
                        "files": write.read_manifest(out).get("files", {})}
            write.write_manifest(out, manifest)
            previous = _on_sigterm(_stop_on_sigterm)
            try:
                return _extract(args, manifest)
            except KeyboardInterrupt:
                write.write_manifest(out, {**manifest, "status": "interrupted", "ended": _now()})
                print(f"interrupted: {_kept(args)} articles kept, rerun to resume", file=sys.stderr)
            except Exception as err:  # noqa: BLE001 - the run failed: say why in one line
                write.write_manifest(out, {**manifest, "status": "failed", "ended": _now(),
                                           "error": f"{type(err).__name__}: {err}"})
                print(f"error: the run failed, no tables written: {type(err).__name__}: {err}",
                      file=sys.stderr)
            finally:
                _on_sigterm(previous)
                write.clean_stale(out)  # a staging folder the run did not publish
    except write.FolderBusy:
        print(f"error: another run is writing to {out}", file=sys.stderr)
    except OSError as err:  # the folder cannot be created or written at all
        print(f"error: cannot write to {out}: {err.strerror or err}", file=sys.stderr)
    return EXIT_RUN_FAILED


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _kept(args: argparse.Namespace) -> int:
    """Articles in the cache a rerun will reuse (none with --no-cache)."""
    if args.no_cache:
        return 0
    with Cache.in_folder(args.out) as cache:
        return len(cache)


def _extract(args: argparse.Namespace, manifest: dict) -> int:
    started = time.perf_counter()
    progress = tqdm(desc="articles", unit="art", file=sys.stderr, disable=args.quiet or None)
    if not progress.disable:  # a second walk of the inputs: only for a bar that is shown
        progress.total = batch.expected_articles(args.inputs, args.out)
        progress.refresh()
    # Streams: articles are read lazily, results go to the cache, and `extractions`
    # reads them back in input order each time it is iterated (tables, then report).
    cache = None if args.no_cache else Cache.in_folder(args.out)
    try:
        # Files unchanged since an earlier run are not read again (their articles are cached).
        index = None if cache is None else InputIndex(cache)
        inputs = read_inputs(args.inputs, exclude=args.out, index=index)
        with batch.run(inputs, cache, workers=args.workers, engine=args.engine,
                       scheduler=args.scheduler, progress=progress.update,
                       timeout=args.article_timeout or None,
                       keep=None if cache is None else tables.keeper(cache)) as extractions:
            progress.close()
            errors = extractions.errors
            with tables.collect(extractions, errors) as store:
                files = write.OutputSet(write.staging_folder(args.out), args.out, reuse=not args.no_cache)
                lengths = outputs.stage_outputs(args.formats, store, extractions, files,
                                                code_version(), args.workbook_articles)
    finally:
        progress.close()
        if cache is not None:
            cache.close()
    rows = {f"{name}.csv": n for name, n in lengths.items()}
    write.publish(files.staging, args.out, rows, {**manifest, "ended": _now(), "articles":
                  extractions.articles, "failed": len(errors)}, files.stamps)
    counts = ", ".join(f"{name} {lengths[name]}" for name in
                       ("regions", "officials", "sums", "memoranda", "links"))
    reused = f"{extractions.cached} from the cache, " if cache is not None else ""
    if extractions.articles == 0:
        print(f"no articles found in {', '.join(map(str, args.inputs))}: looked for "
              f".txt, .html, .htm, .jsonl and .csv files", file=sys.stderr)
    print(f"{extractions.articles} articles read, {len(errors)} failed; {reused}"
          f"{extractions.computed} extracted; rows: {counts}; "
          f"{time.perf_counter() - started:.1f} s; tables in {args.out}/"
          f"{_opened_files(args.formats, args.out)}{_error_summary(errors)}", file=sys.stderr)
    return EXIT_ARTICLES_FAILED if errors else EXIT_OK


