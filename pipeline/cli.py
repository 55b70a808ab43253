"""Command line: arguments and usage errors; `engine.runner` does the run (progress bar, summary
line, exit status). This module imports little, so that the workers' server starts loading the
models (`start_workers`) before this process imports pandas and the output writers."""
from __future__ import annotations

import argparse
import math
import sys
import textwrap
from pathlib import Path

from .engine.engines import ENGINES, default_workers, start_workers
from .output import columns
from .read.files import input_files

EXIT_USAGE = 2  # the others are the run's (`engine.runner`)
EXIT_STATUS = ("Exit status: 0 every article was read; 1 some articles failed (listed in "
               "errors.csv, the tables hold the rest); 2 bad usage (unknown option, missing "
               "input, a folder without files); 3 the run itself failed, was interrupted (Ctrl-C, SIGTERM) or another run "
               "is writing to the same --out: no new tables were written, and DIR/manifest.json "
               "says so.")
FORMATS = ("csv", "xlsx", "html", "gexf", "graphml", "parquet")
DEFAULT_FORMATS = "csv,xlsx,html,gexf,graphml"
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
    extract.add_argument("--workbook-articles", type=_count, default=columns.WORKBOOK_ARTICLES, metavar="N",
                         help="extract.xlsx holds the per-article rows and the people of the first N articles "
                              f"(default: {columns.WORKBOOK_ARTICLES}; 0: all); the CSVs always hold all")
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
        start_workers(args.workers, args.engine)
        from .engine.runner import extract  # pandas and the writers: while the models load

        return extract(args)
    from .tools import evaluate

    return evaluate.main(args.gold, args.out, brief=args.brief)
