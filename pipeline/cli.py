"""Command line: arguments, progress bar, summary line, exit status."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from tqdm import tqdm

from . import evaluate, read, run, tables, write
from .records import Article, ReadError

EXIT_OK, EXIT_ARTICLES_FAILED, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m pipeline",
        description="Turn Russian-language news articles into tables: regions, officials, "
                    "sums of money, memoranda and the regions that signed them.")
    commands = parser.add_subparsers(dest="command", required=True)

    extract = commands.add_parser(
        "extract", help="extract tables from articles",
        description="Read articles (.txt, .html, .jsonl, .csv files or folders of them) and write "
                    "articles.csv, regions.csv, officials.csv, sums.csv, memoranda.csv, links.csv "
                    "and errors.csv into the output folder. Articles that cannot be read are listed "
                    "in errors.csv with the reason; the others are still processed. The exit status "
                    "is 1 when any article failed, 0 otherwise.")
    extract.add_argument("inputs", nargs="+", type=Path, metavar="INPUT",
                         help="article files or folders (searched recursively)")
    extract.add_argument("--out", type=Path, default=Path("outputs"), metavar="DIR",
                         help="folder for the tables (default: outputs)")
    extract.add_argument("--workers", type=int, default=run.default_workers(), metavar="N",
                         help="parallel processes (default: all cores)")
    extract.add_argument("--quiet", action="store_true", help="no progress bar")

    score = commands.add_parser(
        "eval", help="score extracted tables against gold files",
        description="Compare the tables in --out with gold JSON files and print precision, "
                    "recall and F1 per field, then what each article missed and what was extra.")
    score.add_argument("--gold", type=Path, required=True, metavar="DIR", help="folder of gold *.json")
    score.add_argument("--out", type=Path, default=Path("outputs"), metavar="DIR",
                       help="folder with the extracted tables (default: outputs)")
    score.add_argument("--brief", action="store_true", help="only the per-field table")
    return parser


def extract(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    articles: list[Article] = []
    errors: list[ReadError] = []
    for item in read.read_inputs(args.inputs):
        (errors if isinstance(item, ReadError) else articles).append(item)
    progress = tqdm(total=len(articles), desc="articles", unit="art", file=sys.stderr,
                    disable=args.quiet or None)
    extractions = []
    for extraction in run.extract_all(articles, workers=args.workers):
        extractions.append(extraction)
        progress.update()
    progress.close()
    frames = tables.build_tables(extractions, errors)
    write.write_tables(frames, args.out)
    counts = ", ".join(f"{name} {len(frames[name])}" for name in
                       ("regions", "officials", "sums", "memoranda", "links"))
    print(f"{len(articles) + len(errors)} articles read, {len(errors)} failed; rows: {counts}; "
          f"{time.perf_counter() - started:.1f} s; tables in {args.out}/", file=sys.stderr)
    return EXIT_ARTICLES_FAILED if errors else EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "extract":
        missing = [str(p) for p in args.inputs if not p.exists()]
        if missing:
            print(f"error: no such file or folder: {', '.join(missing)}", file=sys.stderr)
            return EXIT_USAGE
        return extract(args)
    return evaluate.main(args.gold, args.out, brief=args.brief)
