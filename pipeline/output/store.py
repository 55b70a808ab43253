"""The per-article tables on disk while a run writes them, and each article's rows kept between runs.

A run's rows go into the tables of a scratch SQLite file (attached as `run`) and come
back sorted by the tables' keys (ties in the order they were added: a stable sort), so
the CSVs and the workbook are written row by row and no process holds every row of the
corpus: the main process's memory stays flat in its size. A file, not SQLite's temporary
tables, so that a forked writer can open a connection of its own to the same rows
(`reconnect`); it is deleted when the store is closed.

`KeptRows` keeps every article's rows (and its repost fingerprint) by article
key and pipeline version in the cache's SQLite file, so a rerun decodes only
the articles that are new: `RowStore.fill` copies the kept rows of the run's
articles, in reading order, into the run's tables with one SQL statement a table.
"""
from __future__ import annotations

import hashlib
import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import Iterable, Iterator

import pandas as pd

from ..corpus.duplicates import Reposts, band_keys, similar_to

# SQLite has no booleans: these columns come back as True/False, as they went in.
BOOL_COLUMNS = ("at_event",)
# Integer columns: pandas' nullable integers in a frame (an empty cell stays empty).
INT_COLUMNS = ("start", "end", "mentions", "n_chars", "n_officials", "n_sums", "links",
               "count", "memoranda_total")
BATCH = 1000


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _where(up_to: str | None, condition: str = "", after: str | None = None) -> tuple[str, tuple]:
    """The WHERE clause (and its values) of the rows of articles after `after` and up to `up_to`
    (ids in SQLite's order, which is the sort's) meeting `condition`."""
    bounds = [(bound, test) for bound, test in ((after, "article_id > ?"), (up_to, "article_id <= ?"))
              if bound is not None]
    conditions = ([condition] if condition else []) + [test for _, test in bounds]
    return (" WHERE " + " AND ".join(conditions) if conditions else "", tuple(bound for bound, _ in bounds))


class KeptRows:
    """Each article's rows by (pipeline version, article key): tables `kept_<name>` in `db`.

    An article has exactly one `articles` row, kept with its fingerprint and without its
    `duplicate_of` (that depends on the articles read before it: `RowStore.fill` sets it)."""

    def __init__(self, db: sqlite3.Connection, version: str, columns: dict[str, list[str]]):
        self.db, self.version = db, version
        self.columns = {name: [*names, "fingerprint"] if name == "articles" else names
                        for name, names in columns.items()}
        for name, names in self.columns.items():
            table, wanted = _quoted(f"kept_{name}"), ["version", "key", "n", *names]
            if [row[1] for row in db.execute(f"PRAGMA main.table_info({table})")] != wanted:
                # A table of other columns was kept by another version of the code: its rows are stale.
                db.execute(f"DROP TABLE IF EXISTS main.{table}")
                db.execute(f"CREATE TABLE main.{table} ({', '.join(map(_quoted, wanted))})")
            # By key, then in the article's order: `fill` reads them sorted without a sort.
            db.execute(f"DROP INDEX IF EXISTS main.{_quoted(f'kept_{name}_key')}")  # (version, key) before
            db.execute(f"CREATE INDEX IF NOT EXISTS main.{_quoted(f'kept_{name}_rows')} ON {table} (version, key, n)")
        # The repost index: each kept article's LSH bands, and the pairs of kept articles that
        # share one and are `similar` (a handful: only those need a look when a run finds its
        # reposts; which of a pair is the repost depends on the run's reading order).
        db.execute("CREATE TABLE IF NOT EXISTS main.kept_bands (version TEXT, band INTEGER, key TEXT, "
                   "PRIMARY KEY (version, band, key)) WITHOUT ROWID")
        db.execute("CREATE TABLE IF NOT EXISTS main.kept_pairs (version TEXT, key TEXT, other TEXT)")
        db.execute("CREATE INDEX IF NOT EXISTS main.kept_pairs_key ON kept_pairs (version, key)")

    def __contains__(self, key: str) -> bool:
        return self.db.execute("SELECT 1 FROM kept_articles WHERE version = ? AND key = ?",
                               (self.version, key)).fetchone() is not None

    def add(self, key: str, rows: Iterable[tuple[str, dict]], fingerprint: bytes) -> None:
        """One article's rows, as (table, row) pairs; its `articles` row gets the fingerprint.
        All or nothing: a run stopped halfway (Ctrl-C) commits what the cache holds, and an
        article kept with only some of its rows would miss rows on every rerun."""
        if not self.db.in_transaction:  # so that releasing the savepoint commits nothing yet:
            self.db.execute("BEGIN")  # a commit an article made keeping them cost 5 ms
        self.db.execute("SAVEPOINT kept_article")
        try:
            self._add(key, rows, fingerprint)
        except BaseException:
            self.db.execute("ROLLBACK TO kept_article")
            raise
        finally:
            self.db.execute("RELEASE kept_article")

    def _add(self, key: str, rows: Iterable[tuple[str, dict]], fingerprint: bytes) -> None:
        by_table: dict[str, list[tuple]] = {}
        for name, row in rows:
            row = {**row, "fingerprint": fingerprint} if name == "articles" else row
            found = by_table.setdefault(name, [])
            found.append((self.version, key, len(found), *(row.get(c) for c in self.columns[name])))
        for name, values in by_table.items():
            self.db.executemany(f"INSERT INTO main.{_quoted(f'kept_{name}')} VALUES "
                                f"({', '.join('?' * (3 + len(self.columns[name])))})", values)
        bands = band_keys(fingerprint)
        if bands:
            # A subquery, not a join: SQLite would rather scan every kept article for a join.
            others = self.db.execute(
                "SELECT key, fingerprint FROM main.kept_articles WHERE version = ? AND key IN "
                "(SELECT key FROM main.kept_bands WHERE version = ? AND band IN "
                f"({', '.join('?' * len(bands))}))", (self.version, self.version, *bands)).fetchall()
            others = [(other, signature) for other, signature in others if other != key]
            same = similar_to(fingerprint, [signature or b"" for _, signature in others])
            self.db.executemany("INSERT INTO main.kept_pairs VALUES (?, ?, ?)",
                                [(self.version, key, other) for (other, _), alike in zip(others, same) if alike])
            self.db.executemany("INSERT OR IGNORE INTO main.kept_bands VALUES (?, ?, ?)",
                                [(self.version, band, key) for band in bands])


class RowStore:
    """Tables of rows (dicts) by name; `records` gives them back sorted, as tuples.

    The tables are those of a scratch file attached to `db` as `run`: `db` is the cache's
    connection, so that `fill` can copy kept rows, or a private temporary file when no
    `db` is given."""

    def __init__(self, columns: dict[str, list[str]], sort_keys: dict[str, list[str]],
                 db: sqlite3.Connection | None = None):
        self.columns, self.sort_keys = columns, sort_keys
        self.owns_db = db is None
        self.db = sqlite3.connect("") if db is None else db  # "": a temporary file, deleted on close
        self.pending: dict[str, list[tuple]] = {name: [] for name in columns}
        self.version, self.prints = "", {}
        self.inherited = None  # a forked writer's parent's connection (`reconnect`)
        self.folder = Path(tempfile.mkdtemp(prefix="regio-rows-"))
        self.db.commit()  # SQLite attaches no file within a transaction
        self.db.execute("ATTACH DATABASE ? AS run", (str(self.folder / "rows.sqlite"),))
        # Scratch rows: no journal on disk, no waiting for the disk (a crash loses nothing kept).
        self.db.execute("PRAGMA run.journal_mode=MEMORY")
        self.db.execute("PRAGMA run.synchronous=OFF")
        for name, names in [*columns.items(), ("run_order", ["key", "duplicate_of"])]:
            self.db.execute(f"CREATE TABLE run.{_quoted(name)} (seq INTEGER PRIMARY KEY, "
                            + ", ".join(_quoted(c) for c in names) + ")")

    def _files(self) -> dict[str, str]:
        return {name: file for _, name, file in self.db.execute("PRAGMA database_list")}

    def reopenable(self) -> bool:
        """Can another process open the store (not where its kept rows are in a private file)?"""
        return bool(self._files().get("main"))

    def reconnect(self) -> None:
        """In a forked process: the store read through a connection of its own to the same
        files (one connection must not be used on both sides of a fork), after `commit`."""
        files = self._files()
        # The inherited connection is kept, never closed here: closing it would act on the
        # parent's locks and files.
        self.inherited, self.db = self.db, sqlite3.connect(files["main"], timeout=60)
        self.db.execute("ATTACH DATABASE ? AS run", (files["run"],))

    def commit(self) -> None:
        """Every row added so far on disk, for a connection other than this one to read."""
        for name in self.columns:
            self._flush(name)
        self.db.commit()

    def fill(self, kept: KeptRows, keys: Iterable[str]) -> None:
        """The kept rows of the articles `keys` names (each kept; one listed twice gives its rows
        twice), in that order, with their `duplicate_of`; rows added before stay first."""
        self.version = kept.version
        batch: list[tuple[str]] = []
        for key in keys:  # in chunks: `keys` may read the cache, which this connection serves
            batch.append((key,))
            if len(batch) >= BATCH:
                self.db.executemany("INSERT INTO run.run_order (key) VALUES (?)", batch)
                batch = []
        self.db.executemany("INSERT INTO run.run_order (key) VALUES (?)", batch)
        # CROSS JOIN: run_order outside, in reading order, each article's rows in order by the index.
        join = "FROM run.run_order o CROSS JOIN main.{} k ON k.version = ? AND k.key = o.key"
        self.db.executemany("UPDATE run.run_order SET duplicate_of = ? WHERE seq = ?",
                            list(self._reposts(kept, Reposts())))
        for name, names in self.columns.items():
            if name not in kept.columns:
                continue
            picked = ", ".join("o.duplicate_of" if c == "duplicate_of" else f"k.{_quoted(c)}" for c in names)
            self._flush(name)
            self.db.execute(f"INSERT INTO run.{_quoted(name)} ({', '.join(map(_quoted, names))}) "
                            f"SELECT {picked} {join.format(_quoted('kept_' + name))} ORDER BY o.seq, k.n",
                            (kept.version,))

    def add(self, name: str, row: dict) -> None:
        """One row; keys beyond the table's columns are ignored, missing ones are empty."""
        pending = self.pending[name]
        pending.append(tuple(row.get(c) for c in self.columns[name]))
        if len(pending) >= BATCH:
            self._flush(name)

    def _flush(self, name: str) -> None:
        if not self.pending[name]:  # an empty INSERT would still begin a transaction
            return
        names = self.columns[name]
        self.db.executemany(f"INSERT INTO run.{_quoted(name)} ({', '.join(map(_quoted, names))}) "
                            f"VALUES ({', '.join('?' * len(names))})", self.pending[name])
        self.pending[name] = []

    def count(self, name: str, up_to: str | None = None) -> int:
        """How many rows (only those of the articles whose id sorts at most `up_to`)."""
        self._flush(name)
        where, values = _where(up_to)
        return self.db.execute(f"SELECT COUNT(*) FROM run.{_quoted(name)}{where}", values).fetchone()[0]

    def select(self, query: str, values: tuple = ()) -> sqlite3.Cursor:
        """An SQL query over the run's tables (`run.<name>`), every row added so far in them."""
        for name in self.columns:
            self._flush(name)
        return self.db.execute(query, values)

    def last_article(self) -> str | None:
        """The id that sorts last (None: no articles)."""
        self._flush("articles")
        return self.db.execute("SELECT MAX(article_id) FROM run.articles").fetchone()[0]

    def made_of(self, up_to: str | None = None) -> str:
        """A hash of what the rows of the articles whose id sorts at most `up_to` (None: all) are
        made from, in every table: the kept rows' version, each article's id, cache key (its
        input and text) and `duplicate_of` in the tables' order, and the error rows. Equal hashes,
        equal rows: a file of those rows written by an earlier run can be kept (`outputs`)."""
        if up_to not in self.prints:
            self._flush("errors")
            bound = () if up_to is None else (up_to,)
            up_to_id = "" if up_to is None else " WHERE k.article_id <= ?"
            articles = self.db.execute(
                "SELECT k.article_id, o.key, o.duplicate_of FROM run.run_order o JOIN main.kept_articles k "
                f"ON k.version = ? AND k.key = o.key{up_to_id} ORDER BY k.article_id, o.seq", (self.version, *bound))
            where, values = _where(up_to)
            errors = self.db.execute(f"SELECT article_id, source, error FROM run.errors{where} "
                                     "ORDER BY article_id, seq", values)
            digest = hashlib.sha256(repr(self.version).encode())
            for rows in (articles, errors):
                for row in rows:
                    digest.update(repr(row).encode())
                digest.update(b"\0")
            self.prints[up_to] = digest.hexdigest()[:32]
        return self.prints[up_to]

    def records(self, name: str, columns: list[str] | None = None, sort: bool = True,
                offset: int = 0, limit: int = -1, up_to: str | None = None,
                where: str = "", distinct: bool = False, after: str | None = None) -> Iterator[tuple]:
        """The rows as tuples of `columns` (default: all), sorted by the table's keys (empty
        values last, as pandas sorts) or, with sort=False, in the order they were added;
        with `up_to` and `after`, only the rows of the articles whose id sorts at most `up_to`
        and after `after`; `where`: an SQL condition on the table's columns; `distinct`: each
        distinct tuple once, where first added."""
        self._flush(name)
        columns = columns or self.columns[name]
        keys = [f"{_quoted(k)} IS NULL, {_quoted(k)}" for k in self.sort_keys[name]] if sort else []
        where, values = _where(up_to, where, after)
        picked = ", ".join(map(_quoted, columns))
        table = f"run.{_quoted(name)}"
        if distinct:  # the first seq of each distinct tuple gives the order
            table = f"(SELECT MIN(seq) AS seq, {picked} FROM {table}{where} GROUP BY {picked})"
            where = ""
        cursor = self.db.execute(f"SELECT {picked} FROM {table}{where} "
                                 f"ORDER BY {', '.join([*keys, 'seq'])} LIMIT ? OFFSET ?", (*values, limit, offset))
        flags = [i for i, c in enumerate(columns) if c in BOOL_COLUMNS]
        for record in cursor:
            if flags:
                record = list(record)
                for i in flags:
                    record[i] = None if record[i] is None else bool(record[i])
                record = tuple(record)
            yield record

    def dicts(self, name: str, columns: list[str], sort: bool = False, where: str = "") -> Iterator[dict]:
        for record in self.records(name, columns, sort=sort, where=where):
            yield dict(zip(columns, record))

    def frame(self, name: str, columns: list[str] | None = None) -> pd.DataFrame:
        """The table (or some of its columns) sorted, as a DataFrame of the CSV's types."""
        columns = columns or self.columns[name]
        frame = pd.DataFrame(list(self.records(name, columns)), columns=columns)
        for column in INT_COLUMNS:
            if column in frame:
                frame[column] = pd.array(frame[column], dtype="Int64")
        return frame

    def _reposts(self, kept: KeptRows, reposts: Reposts) -> Iterator[tuple[str, int]]:
        """(original's id, seq) of each repost in run_order: `reposts` is fed, in reading order,
        only the articles similar to another of this run (the kept pairs), or sharing an id
        with another: no other article can be a repost or the original of one."""
        self.db.execute("CREATE INDEX run.run_order_key ON run_order (key)")
        pairs = "FROM main.kept_pairs p JOIN run.run_order a ON a.key = p.key JOIN run.run_order b ON b.key = p.other " \
                "WHERE p.version = ?"
        earlier: dict[int, list[int]] = {}
        for seq, other in self.db.execute(f"SELECT a.seq, b.seq {pairs} UNION SELECT b.seq, a.seq {pairs}",
                                          (kept.version, kept.version)):
            earlier.setdefault(max(seq, other), []).append(min(seq, other))
        named = "FROM run.run_order o JOIN main.kept_articles k ON k.version = ? AND k.key = o.key"
        twice = self.db.execute(f"SELECT o.seq {named} WHERE k.article_id IN (SELECT k.article_id {named} "
                                "GROUP BY k.article_id HAVING COUNT(*) > 1)", (kept.version, kept.version))
        involved = {seq for (seq,) in twice} | set(earlier) | {s for found in earlier.values() for s in found}
        ids: dict[int, str] = {}
        # One pass in reading order (an IN list of seqs made SQLite rescan the kept articles).
        found = self.db.execute(f"SELECT o.seq, k.article_id, k.fingerprint {named} ORDER BY o.seq",
                                (kept.version,)).fetchmany
        while rows := found(BATCH):
            for seq, article_id, signature in rows:
                if seq not in involved:
                    continue
                ids[seq] = article_id
                original = reposts.add(article_id, signature or b"", [ids[s] for s in earlier.get(seq, ())])
                if original:
                    yield original, seq

    def close(self) -> None:
        """Deletes the run's tables (a private file goes whole); the kept rows stay, committed."""
        if self.owns_db:
            self.db.close()
        else:
            self.db.commit()  # SQLite detaches no file within a transaction
            self.db.execute("DETACH DATABASE run")
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> "RowStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
