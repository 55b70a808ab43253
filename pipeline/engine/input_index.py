"""Which articles (keys) and read errors each input file gave, so a rerun need not read it again.

A row of the cache's table `inputs` holds, for one path as the walk named it
and one pipeline version (the readers are code too), the file's stamp when it
was read (`read.inputs.stamp`: size, mtime_ns, ctime_ns, inode, device) and
what the file gave: each article's id as read and as given (`~2` when an earlier
input had it) with its cache key, each error row whole; a batch file (.jsonl,
.csv) gives its whole list. A rerun that finds the same
stamp, and an entry still in the cache for every key, takes that list instead of opening,
decoding and hashing the file (`read.inputs.read_inputs`); any other file is
read as on a first run, and its row replaced.

Residual risk: a file rewritten to the same size with its mtime and ctime
set back to the old ones, and on the same inode (only tools faking
timestamps do that; ctime cannot be set by `touch`), would be taken as
unchanged. A file changed within `read.inputs.RACY_NS` of being read is not
indexed at all, so an edit within one timestamp tick of a read is never missed.
"""
from __future__ import annotations

import json
import zlib

from ..records import Article, CachedArticle, ReadError
from .cache import Cache, article_key


class InputIndex:
    """The input index of `cache` (its SQLite file, its version)."""

    def __init__(self, cache: Cache):
        self.cache, self.db = cache, cache.db
        self.db.execute("CREATE TABLE IF NOT EXISTS inputs (version TEXT NOT NULL, path TEXT NOT NULL, "
                        "max_bytes INTEGER NOT NULL, stamp TEXT NOT NULL, items BLOB NOT NULL, "
                        "PRIMARY KEY (version, path, max_bytes))")

    @staticmethod
    def entry(item: Article | ReadError) -> CachedArticle | ReadError:
        """What the index keeps of an item read: an article's id and key, an error whole."""
        return CachedArticle(item.article_id, article_key(item)) if isinstance(item, Article) else item

    def get(self, path: str, max_bytes: int, stamp: tuple) -> list[tuple[str, CachedArticle | ReadError]] | None:
        """(id as read, item as given) of what the file gave when it had this stamp, if every
        article of it is still cached."""
        row = self.db.execute("SELECT stamp, items FROM inputs WHERE version = ? AND path = ? "
                              "AND max_bytes = ?", (self.cache.version, path, max_bytes)).fetchone()
        if row is None or row[0] != json.dumps(stamp):
            return None
        try:
            items = [(item[1], CachedArticle(*item[2:]) if item[0] == "a" else ReadError(*item[2:]))
                     for item in json.loads(zlib.decompress(row[1]))]
        except (zlib.error, ValueError, TypeError):
            return None  # a damaged row: the file is read again
        keys = [item.key for _, item in items if isinstance(item, CachedArticle)]
        return items if self.cache.holds(keys) else None

    def put(self, path: str, max_bytes: int, stamp: tuple,
            items: list[tuple[str, CachedArticle | ReadError]]) -> None:
        plain = [["a", raw, i.article_id, i.key] if isinstance(i, CachedArticle)
                 else ["e", raw, i.article_id, i.source, i.error] for raw, i in items]
        self.db.execute("INSERT OR REPLACE INTO inputs VALUES (?, ?, ?, ?, ?)",
                        (self.cache.version, path, max_bytes, json.dumps(stamp),
                         zlib.compress(json.dumps(plain, ensure_ascii=False).encode(), 1)))
