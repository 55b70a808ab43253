"""The per-article tables on disk while a run writes them.

Rows go into a temporary SQLite file as the extractions stream past and come
back sorted by the tables' keys (ties in the order they were added: a stable
sort), so the CSVs and the workbook are written row by row and no process holds
every row of the corpus: the main process's memory stays flat in its size.
The file is deleted when the store is closed.
"""
from __future__ import annotations

import sqlite3
from typing import Iterator

import pandas as pd

# SQLite has no booleans: these columns come back as True/False, as they went in.
BOOL_COLUMNS = ("at_event",)
# Integer columns: pandas' nullable integers in a frame (an empty cell stays empty).
INT_COLUMNS = ("start", "end", "mentions", "n_chars", "n_officials", "n_sums", "links",
               "count", "memoranda_total")
BATCH = 1000


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _up_to(article_id: str | None) -> tuple[str, tuple]:
    return ("", ()) if article_id is None else (" WHERE article_id <= ?", (article_id,))


class RowStore:
    """Tables of rows (dicts) by name; `records` gives them back sorted, as tuples."""

    def __init__(self, columns: dict[str, list[str]], sort_keys: dict[str, list[str]]):
        self.columns, self.sort_keys = columns, sort_keys
        self.db = sqlite3.connect("")  # a private temporary file, deleted on close
        self.pending: dict[str, list[tuple]] = {name: [] for name in columns}
        for name, names in columns.items():
            self.db.execute(f"CREATE TABLE {_quoted(name)} (seq INTEGER PRIMARY KEY, "
                            + ", ".join(_quoted(c) for c in names) + ")")

    def add(self, name: str, row: dict) -> None:
        """One row; keys beyond the table's columns are ignored, missing ones are empty."""
        pending = self.pending[name]
        pending.append(tuple(row.get(c) for c in self.columns[name]))
        if len(pending) >= BATCH:
            self._flush(name)

    def _flush(self, name: str) -> None:
        names = self.columns[name]
        self.db.executemany(f"INSERT INTO {_quoted(name)} ({', '.join(map(_quoted, names))}) "
                            f"VALUES ({', '.join('?' * len(names))})", self.pending[name])
        self.pending[name] = []

    def count(self, name: str, up_to: str | None = None) -> int:
        """How many rows (only those of the articles whose id sorts at most `up_to`)."""
        self._flush(name)
        where, values = _up_to(up_to)
        return self.db.execute(f"SELECT COUNT(*) FROM {_quoted(name)}{where}", values).fetchone()[0]

    def records(self, name: str, columns: list[str] | None = None, sort: bool = True,
                offset: int = 0, limit: int = -1, up_to: str | None = None) -> Iterator[tuple]:
        """The rows as tuples of `columns` (default: all), sorted by the table's keys (empty
        values last, as pandas sorts) or, with sort=False, in the order they were added;
        with `up_to`, only the rows of the articles whose id sorts at most that."""
        self._flush(name)
        columns = columns or self.columns[name]
        keys = [f"{_quoted(k)} IS NULL, {_quoted(k)}" for k in self.sort_keys[name]] if sort else []
        where, values = _up_to(up_to)
        cursor = self.db.execute(
            f"SELECT {', '.join(map(_quoted, columns))} FROM {_quoted(name)}{where} "
            f"ORDER BY {', '.join([*keys, 'seq'])} LIMIT ? OFFSET ?", (*values, limit, offset))
        flags = [i for i, c in enumerate(columns) if c in BOOL_COLUMNS]
        for record in cursor:
            if flags:
                record = list(record)
                for i in flags:
                    record[i] = None if record[i] is None else bool(record[i])
                record = tuple(record)
            yield record

    def dicts(self, name: str, columns: list[str], sort: bool = False) -> Iterator[dict]:
        for record in self.records(name, columns, sort=sort):
            yield dict(zip(columns, record))

    def frame(self, name: str, columns: list[str] | None = None) -> pd.DataFrame:
        """The table (or some of its columns) sorted, as a DataFrame of the CSV's types."""
        columns = columns or self.columns[name]
        frame = pd.DataFrame(list(self.records(name, columns)), columns=columns)
        for column in INT_COLUMNS:
            if column in frame:
                frame[column] = pd.array(frame[column], dtype="Int64")
        return frame

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "RowStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
