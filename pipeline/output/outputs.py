"""A run's output set: the CSVs, extract.xlsx, the report, parquet and the graphs, each staged
under a fingerprint of what it is made from, so that a rerun writes only what changed.

Each file's fingerprint hashes the code version and the cache keys (content hashes) of the
articles in input order with the error rows, plus the options that shape the file; a file
whose fingerprint is the published one's is reused, not rewritten (`write.OutputSet`). What a
new article does change is written building on the published file where the rows before it
did not change: the tables are sorted by `article_id`, so when the new articles' ids sort
after every published one (as dated or numbered file names do), a per-article CSV is the
published file with their rows appended, and the workbook's per-article and people sheets (of
the first `columns.WORKBOOK_ARTICLES` articles) are copied. The manifest keeps, beside each file's stamp, what
that takes: the last article id a CSV holds and a hash of what its rows are made from
(`RowStore.made_of`), and each sheet's hash. The per-article tables stream from the row
store, the report queries it (`report_tables`); only parquet holds frames.
"""
from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Callable

import pandas as pd

from . import columns, graph, report_pages, tables, write
from .report_tables import ReportTables
from .store import RowStore


def workbook_tables(store: RowStore, corpus: Mapping, articles: int) -> dict:
    """The workbook's tables: every row of `network` and `nodes`; of the per-article ones and
    `people`, the rows of the first `articles` articles (article_id order; 0: all), so that
    a rerun's workbook does not grow with the corpus; then a `note` sheet saying so. The
    CSVs hold every row."""
    from .workbook import Table, frame_table  # XlsxWriter: only when the workbook is written
    up_to = tables.first_articles(store, articles) if articles else None
    chosen = {name: None if name == "people" and up_to else corpus[name] if name in corpus else Table(
        columns, store.count(name, up_to),
        lambda offset, limit, name=name: store.records(name, offset=offset, limit=limit, up_to=up_to),
        store.made_of(up_to))
        for name, columns in tables.COLUMNS.items()}
    if up_to is not None:
        # People grow with the corpus as the per-article rows do: theirs, over the same articles.
        chosen["people"] = frame_table(tables.people_table(store, up_to), store.made_of(up_to))
        note = (f"The per-article sheets and `people` hold the rows of the first {articles} articles "
                f"(article_id up to {up_to}) of {store.count('articles')}, `network` and `nodes` "
                "all of them; the CSVs hold every row (--workbook-articles 0 puts every row here too).")
        chosen["note"] = pd.DataFrame({"note": [note]})
    return chosen


def _stage_csv(files: write.OutputSet, name: str, store: RowStore, made_of: str) -> None:
    """A per-article table's CSV: the published one with the rows of the articles after its last
    appended, where its rows are still what they were made from; else written whole."""
    def write_csv(path: Path) -> dict:
        published = files.previous(f"{name}.csv") or {}
        last = published.get("last_article")
        if last is not None and published.get("rows_made_of") == store.made_of(last):
            write.write_records(tables.COLUMNS[name], store.records(name, after=last), path,
                                after=files.out_dir / f"{name}.csv")
        else:
            write.write_records(tables.COLUMNS[name], store.records(name), path)
        last = store.last_article()
        return {"last_article": last, "rows_made_of": store.made_of(last)}
    files.add(f"{name}.csv", made_of, write_csv, keep=("last_article", "rows_made_of"))


def stage_outputs(formats: frozenset[str], store: RowStore, extractions, files: write.OutputSet,
                  version: str, workbook_articles: int = columns.WORKBOOK_ARTICLES) -> dict[str, int]:
    """extract.xlsx, network.gexf, network.graphml, the report (report.html, and its pages for
    a large corpus), then the CSVs and <table>.parquet into the staged set `files`; returns
    each table's rows. The corpus tables are computed only if a file that shows them is written
    (a rerun with nothing new reuses every file and takes their lengths from the manifest).

    The workbook, the graph files and the report are written in forked children (`forked`)
    while this process writes the CSVs: each child forks once what it shows is computed."""
    corpus = tables.CorpusTables(store)
    made_of = write.fingerprint(version, extractions.order, [list(vars(e).values()) for e in extractions.errors])
    changed = files.needs("network.csv", made_of)  # else every file is the published one
    prepare = _reconnect(store, extractions.spool) if changed else None
    try:
        if changed:
            corpus["network"]  # network and nodes: in every child (the workbook's people are its own)
            store.commit()  # for the children's connections
        if "xlsx" in formats:
            files.background("extract.xlsx", lambda: _stage_workbook(files, store, corpus, made_of,
                                                                     workbook_articles), prepare)
        graphs = sorted(formats & set(graph.GRAPH_FILES))
        if graphs:
            files.background("the graph files", lambda: _stage_graphs(files, graphs, corpus, made_of), prepare)
        if "html" in formats:
            if changed:
                corpus["people"]  # for the report's overview
            keys = [key for key in extractions.order if key not in extractions.failures]
            files.background("the report", lambda: report_pages.stage_report(
                files, keys, extractions.spool.get, ReportTables(store, lambda: corpus), version, made_of), prepare)
        for name in tables.PER_ARTICLE:
            _stage_csv(files, name, store, made_of)
        for name in tables.CORPUS:
            files.add(f"{name}.csv", made_of, lambda path, name=name: write.write_csv(corpus[name], path))
        if "parquet" in formats:
            every = cache(lambda: tables.frames(store, corpus))
            for name in tables.COLUMNS:
                files.add(f"{name}.parquet", made_of, lambda path, name=name: write.write_parquet(every()[name], path))
        files.wait()
    finally:
        files.cancel()
    return {name: _corpus_rows(files, name, corpus) if name in tables.CORPUS else store.count(name)
            for name in tables.COLUMNS}


def _reconnect(store: RowStore, spool) -> Callable[[], None] | None:
    """What a forked writer does first: its own connection to the row store and the cache
    (one, where the store reads its kept rows from the cache); None where another process
    cannot open them (`--no-cache` keeps them in private temporary files)."""
    if spool.db is not store.db or not store.reopenable():
        return None

    def prepare() -> None:
        store.reconnect()
        spool.db = store.db
    return prepare


def _stage_workbook(files: write.OutputSet, store: RowStore, corpus: Mapping, made_of: str, articles: int) -> None:
    def workbook_file(path: Path) -> dict:
        from .workbook import write_workbook  # XlsxWriter: only when the workbook is written
        published = files.previous("extract.xlsx") or {}
        sheets = write_workbook(workbook_tables(store, corpus, articles), path,
                                files.out_dir / "extract.xlsx" if published else None, published.get("sheets"))
        return {"sheets": sheets}
    files.add("extract.xlsx", write.fingerprint(made_of, "xlsx", articles), workbook_file, keep=("sheets",))


def _stage_graphs(files: write.OutputSet, formats: list[str], corpus: Mapping, made_of: str) -> None:
    network = cache(lambda: graph.build_graph(corpus))
    for fmt in formats:
        files.add(graph.GRAPH_FILES[fmt], made_of, lambda path, fmt=fmt: graph.write_graph(network(), fmt, path))


def _corpus_rows(files: write.OutputSet, name: str, corpus: Mapping) -> int:
    """A corpus table's rows: the manifest's count where its CSV was reused, else counted."""
    rows = files.published.get(f"{name}.csv", {}).get("rows") if f"{name}.csv" in files.reused else None
    return rows if isinstance(rows, int) else len(corpus[name])
