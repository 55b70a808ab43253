"""Command line: arguments, progress bar, summary line, exit status."""
from __future__ import annotations

import argparse
import math
import re
import signal
import sys
import textwrap
import threading
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

from tqdm import tqdm

from .engine import batch
from .engine.cache import Cache, code_version
from .engine.engines import ENGINES, default_workers
from .engine.input_index import InputIndex
from .output import columns, outputs, tables, write
from .read.files import input_files
from .read.inputs import read_inputs
from .tools import evaluate

EXIT_OK, EXIT_ARTICLES_FAILED, EXIT_USAGE, EXIT_RUN_FAILED = 0, 1, 2, 3
EXIT_STATUS = ("Exit status: 0 every article was read; 1 some articles failed (listed in "
               "errors.csv, the tables hold the rest); 2 bad usage (unknown option, missing "
               "input, a folder without files); 3 the run itself failed, was interrupted (Ctrl-C, SIGTERM) or another run "
               "is writing to the same --out: no new tables were written, and DIR/manifest.json "
               "says so.")
FORMATS = ("csv", "xlsx", "html", "gexf", "graphml", "parquet")
DEFAULT_FORMATS = "csv,xlsx,html,gexf,graphml"
TOP_ERRORS = 3
# No real article takes a tenth of this; a text that does is a wrong file or a hostile one.
DEFAULT_ARTICLE_TIMEOUT = 120.0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m pipeline",
        description="Turn Russian-language news articles into tables: regions, officials, "
                    "sums of money, memoranda and the regions that signed them.",
        epilog=EXIT_STATUS)
    commands = parser.add_subparsers(dest="command", required=True)

    extract = commands.add_parser(
        "extract", help="extract tables from articles",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=textwrap.fill(
            "Read articles (.txt, .html, .jsonl, .csv files or folders of them) and write the "
            "tables into the output folder. Articles that cannot be read are listed in errors.csv "
            "with the reason; the others are still processed.", 90)
        + "\n\noutput files (each table's columns are described in the `columns` sheet of "
          "extract.xlsx):\n" + "\n".join(f"  {name:<31}{what}" for name, what in columns.FILES.items()),
        epilog=textwrap.fill(EXIT_STATUS, 90))
    extract.add_argument("inputs", nargs="+", type=Path, metavar="INPUT",
                         help="article files or folders (searched recursively)")
    extract.add_argument("--out", type=Path, default=Path("outputs"), metavar="DIR",
                         help="folder for the tables (default: outputs)")
    extract.add_argument("--workers", type=int, default=default_workers(), metavar="N",
                         help="parallel processes (default: all cores; 1: in this process)")
    extract.add_argument("--quiet", action="store_true", help="no progress bar")
    extract.add_argument("--engine", choices=ENGINES, default="local",
                         help="local: this machine (default); dask: a Dask distributed cluster")
    extract.add_argument("--scheduler", metavar="ADDRESS",
                         help="Dask scheduler, e.g. tcp://10.0.0.5:8786 (--engine dask; without "
                              "it a local Dask cluster of --workers processes is started)")
    extract.add_argument("--no-cache", action="store_true",
                         help="extract every article afresh, neither reading nor writing the "
                              "cache (DIR/.cache), which otherwise spares a rerun the articles "
                              "it has already seen with the same code and rules, and write "
                              "every output file (a rerun keeps those that did not change)")
    extract.add_argument("--article-timeout", type=_seconds, default=DEFAULT_ARTICLE_TIMEOUT,
                         metavar="SECONDS",
                         help="an article whose extraction takes longer becomes an errors.csv row "
                              f"(default: {DEFAULT_ARTICLE_TIMEOUT:g}; 0: no limit)")
    extract.add_argument("--workbook-articles", type=_count, default=outputs.WORKBOOK_ARTICLES, metavar="N",
                         help="extract.xlsx holds the per-article rows of the first N articles "
                              f"(default: {outputs.WORKBOOK_ARTICLES}; 0: all); the CSVs always hold all")
    extract.add_argument("--formats", type=_formats, default=DEFAULT_FORMATS, metavar="LIST",
                         help="comma-separated outputs beside the CSVs: csv (always written), xlsx "
                              "(extract.xlsx), html (report.html), gexf (network.gexf), graphml "
                              "(network.graphml), parquet (<table>.parquet); "
                              f"default: {DEFAULT_FORMATS}")

    score = commands.add_parser(
        "eval", help="score extracted tables against gold files",
        description="Compare the tables in --out with gold JSON files and print precision, "
                    "recall and F1 per field, then what each article missed and what was extra.")
    score.add_argument("--gold", type=Path, required=True, metavar="DIR", help="folder of gold *.json")
    score.add_argument("--out", type=Path, default=Path("outputs"), metavar="DIR",
                       help="folder with the extracted tables (default: outputs)")
    score.add_argument("--brief", action="store_true", help="only the per-field table")

    return parser


def _seconds(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        seconds = math.nan
    if not 0 <= seconds < math.inf:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}")
    return seconds


def _formats(text: str) -> frozenset[str]:
    """'csv,xlsx' → the formats to write; csv is always among them."""
    chosen = {name.strip().lower() for name in text.split(",") if name.strip()}
    unknown = sorted(chosen - set(FORMATS))
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown format {', '.join(unknown)} (choose from {', '.join(FORMATS)})")
    return frozenset(chosen | {"csv"})


def _count(text: str) -> int:
    """A number of articles: 0 or more."""
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"not a number of articles: {text!r}")
    return int(text)


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
                       timeout=args.article_timeout or None) as extractions:
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


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "extract":
        missing = [str(p) for p in args.inputs if not p.exists()]
        if missing:
            print(f"error: no such file or folder: {', '.join(missing)}", file=sys.stderr)
            return EXIT_USAGE
        if next(input_files(args.inputs, exclude=args.out), None) is None:
            print(f"error: no files in {', '.join(map(str, args.inputs))}: looked for .txt, .html, .htm, "
                  ".jsonl and .csv files; no tables written", file=sys.stderr)
            return EXIT_USAGE
        return extract(args)
    return evaluate.main(args.gold, args.out, brief=args.brief)
