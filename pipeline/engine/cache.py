"""Per-article results on disk, so a rerun only extracts the articles that are new.

An entry is keyed by the article's content (every field of the `Article`:
id, source, text, title, date, outlet, url) and by the pipeline's version: a hash
of every source file under pipeline/ and rules/ plus the versions of the
NLP packages and models. Changing any code or rule therefore starts a fresh
cache; entries of other versions are dropped when a run finishes.

The cache is one SQLite file, `<out>/.cache/extractions.sqlite`, written only
by the main process (workers, local or Dask, send their results back). It is
also the spool a run reads its extractions back from, in input order, for the
tables and the report: nothing holds all extractions in memory at once.

An entry is plain data: the Extraction as JSON (built from the dataclasses'
fields, so a new field needs no change here; Decimals as exact strings),
zlib-compressed. Nothing in the file is ever run as code (no pickle), so a file
someone else wrote can at worst give wrong rows. The file states its FORMAT;
another format is dropped on open, and a file SQLite cannot read (truncated,
garbage) is moved aside with a warning and replaced by an empty cache.
Results are committed every COMMIT_SECONDS, so a killed run loses at most
those last seconds of work.
"""
from __future__ import annotations

import base64
import hashlib
import json
import sqlite3
import sys
import time
import types
import typing
import zlib
from dataclasses import fields, is_dataclass
from decimal import Decimal
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from ..records import Article, Extraction

PACKAGE = Path(__file__).resolve().parents[1]  # pipeline/
SOURCE_DIRS = (PACKAGE, PACKAGE.parent / "rules")
SOURCE_SUFFIXES = {".py", ".csv", ".txt", ".json", ".tsv"}
# Their models and dictionaries decide the results as much as our code does.
MODEL_PACKAGES = ("natasha", "slovnet", "navec", "yargy", "razdel", "pymorphy3",
                  "pymorphy3-dicts-ru")
CACHE_DIR = ".cache"
DB_NAME = "extractions.sqlite"
COMMIT_SECONDS = 2.0
KEYS_A_QUERY = 500  # SQLite allows 32,766 parameters a statement (999 before 3.32)
FORMAT = "json-zlib-1"  # how an entry is stored: a change here starts a fresh cache


def source_files(dirs=None) -> list[tuple[str, Path]]:
    """(name relative to its folder's parent, path) of every source file, sorted."""
    found = []
    for folder in dirs or SOURCE_DIRS:
        folder = Path(folder)
        for path in folder.rglob("*"):
            if path.is_file() and path.suffix in SOURCE_SUFFIXES and "__pycache__" not in path.parts:
                found.append((path.relative_to(folder.parent).as_posix(), path))
    return sorted(found)


def compute_version(dirs=None) -> str:
    digest = hashlib.sha256()
    for name, path in source_files(dirs):
        digest.update(name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    for package in MODEL_PACKAGES:
        try:
            digest.update(f"{package}=={metadata.version(package)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package}: none\0".encode())
    return digest.hexdigest()[:20]


@lru_cache(maxsize=1)
def code_version() -> str:
    """The pipeline's version: changes with any file of pipeline/ or rules/ (once per process)."""
    return compute_version()


def article_key(article: Article) -> str:
    """A hash of everything the article holds: the same article read again has the same key."""
    fields = [article.article_id, article.source, article.text, article.title,
              article.published, article.outlet, article.url]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode()).hexdigest()


def to_plain(value):
    """A record as JSON-ready data: dataclasses as dicts of their fields, tuples as lists,
    Decimals as their exact digits, bytes (the repost fingerprint) as base64."""
    if is_dataclass(value):
        return {f.name: to_plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (list, tuple)):
        return [to_plain(item) for item in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


def from_plain(hint, data):
    """`to_plain`'s data back as the type `hint` names (a dataclass, list[X], tuple[X, ...],
    X | None, Decimal, bytes, or a JSON scalar), read from the dataclasses' own annotations."""
    return _reader(hint)(data)


@lru_cache(maxsize=None)
def _reader(hint):
    """A function reading `hint` from plain data (None stays None), built once per type:
    resolving the annotations for every record was most of the time of a read."""
    read = _reader_of(hint)
    return lambda data: None if data is None else read(data)


def _reader_of(hint):
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        (hint,) = [arg for arg in args if arg is not type(None)]  # only `X | None` is used
        return _reader(hint)
    if is_dataclass(hint):
        readers = {name: _reader(field_hint) for name, field_hint in typing.get_type_hints(hint).items()}
        return lambda data: hint(**{name: readers[name](item) for name, item in data.items()
                                    if name in readers})
    if origin is list:
        item = _reader(args[0])
        return lambda data: [item(x) for x in data]
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = _reader(args[0])
            return lambda data: tuple(item(x) for x in data)
        items = [_reader(arg) for arg in args]
        return lambda data: tuple(read(x) for read, x in zip(items, data))
    if hint is Decimal:
        return Decimal
    if hint is bytes:
        return base64.b64decode
    return lambda data: data


DUMP_START = b'{"article": {'  # every entry's first bytes: the Extraction's first field


def _dump(extraction: Extraction) -> bytes:
    return zlib.compress(json.dumps(to_plain(extraction), ensure_ascii=False).encode(), 1)


def _load(blob: bytes) -> Extraction:
    return from_plain(Extraction, json.loads(zlib.decompress(blob)))


def _move_aside(path: Path, reason: str) -> None:
    """An unreadable cache file (and its journal) is renamed, never deleted: it may be evidence."""
    aside = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
    for suffix in ("", "-wal", "-shm"):
        part = Path(f"{path}{suffix}")
        if part.exists():
            part.replace(f"{aside}{suffix}")
    print(f"warning: the cache {path} cannot be read ({reason}): moved aside to {aside.name}, "
          "every article is extracted afresh", file=sys.stderr)


class Cache:
    """Extractions by article key, for one pipeline version.

    `Cache(folder)` opens (or creates) `folder/extractions.sqlite`;
    `Cache(None)` keeps everything in a temporary SQLite file instead (a spool
    with nothing kept)."""

    def __init__(self, folder: Path | None, version: str | None = None):
        self.version = version or code_version()
        if folder is None:
            self.path = None
            self.db = sqlite3.connect("")  # a private temporary file, deleted on close
            self._create()
        else:
            folder = Path(folder)
            folder.mkdir(parents=True, exist_ok=True)
            self.path = folder / DB_NAME
            try:
                self._open()
            except sqlite3.DatabaseError as err:
                _move_aside(self.path, str(err))
                self._open()
        self._last_commit = time.monotonic()

    def _open(self) -> None:
        self.db = sqlite3.connect(self.path, timeout=60)
        try:
            if not self._closed_whole() and self.db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("damaged")
            self.db.execute("PRAGMA journal_mode=WAL")
            self._create()
            self._mark_closed("0")  # until `close`: a run that dies leaves it so
        except sqlite3.DatabaseError:
            self.db.close()
            raise

    def _closed_whole(self) -> bool:
        """Did the last run close the file (`close` marks it), and is it the length its header
        gives (not truncated since)? Then the full check, which reads the whole file (a second
        at 10,000 articles, minutes at a million), is skipped: SQLite's own writes are atomic."""
        if not self.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone():
            return False
        closed = self.db.execute("SELECT value FROM meta WHERE name = 'closed'").fetchone()
        pages, page_size = (self.db.execute(f"PRAGMA {name}").fetchone()[0] for name in ("page_count", "page_size"))
        return closed == ("1",) and self.path.stat().st_size == pages * page_size

    def _mark_closed(self, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('closed', ?)", (value,))
        self.db.commit()

    def _create(self) -> None:
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)")
        stored = self.db.execute("SELECT value FROM meta WHERE name = 'format'").fetchone()
        if stored != (FORMAT,):  # a cache of another format (an old pickle one): start afresh
            self.db.execute("DROP TABLE IF EXISTS extractions")
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('format', ?)", (FORMAT,))
        self.db.execute("CREATE TABLE IF NOT EXISTS extractions (version TEXT NOT NULL, "
                        "key TEXT NOT NULL, data BLOB NOT NULL, PRIMARY KEY (version, key))")
        self.db.commit()

    @classmethod
    def in_folder(cls, out_dir: Path, version: str | None = None) -> "Cache":
        """The cache kept beside a run's tables: `<out_dir>/.cache/`."""
        return cls(Path(out_dir) / CACHE_DIR, version)

    def keys(self) -> set[str]:
        rows = self.db.execute("SELECT key FROM extractions WHERE version = ?", (self.version,))
        return {key for (key,) in rows}

    def __contains__(self, key: str) -> bool:
        """An entry that reads back: one that does not (damaged, written by something else)
        counts as missing, so the article is extracted again and the entry replaced. Checked
        without decoding it whole (a rerun asks for every article): it decompresses (zlib's
        checksum: neither truncated nor garbage) into the JSON `_dump` writes."""
        row = self.db.execute("SELECT data FROM extractions WHERE version = ? AND key = ?",
                              (self.version, key)).fetchone()
        try:
            return row is not None and zlib.decompress(row[0]).startswith(DUMP_START)
        except (zlib.error, TypeError):
            return False

    def holds(self, keys: list[str]) -> bool:
        """Are there entries for all these keys? Not read back (`in` does that): for the input
        index, whose keys were entries that read back when their files were first read."""
        distinct = sorted(set(keys))
        found = 0
        for start in range(0, len(distinct), KEYS_A_QUERY):  # a batch file's keys: many
            chunk = distinct[start:start + KEYS_A_QUERY]
            found += self.db.execute(f"SELECT COUNT(*) FROM extractions WHERE version = ? AND key IN "
                                     f"({', '.join('?' * len(chunk))})", (self.version, *chunk)).fetchone()[0]
        return found == len(distinct)

    def get(self, key: str) -> Extraction | None:
        row = self.db.execute("SELECT data FROM extractions WHERE version = ? AND key = ?",
                              (self.version, key)).fetchone()
        if row is None:
            return None
        try:
            return _load(row[0])
        except (zlib.error, ValueError, TypeError, KeyError, AttributeError):
            return None

    def put(self, key: str, extraction: Extraction) -> None:
        self.db.execute("INSERT OR REPLACE INTO extractions (version, key, data) VALUES (?, ?, ?)",
                        (self.version, key, _dump(extraction)))
        if time.monotonic() - self._last_commit >= COMMIT_SECONDS:
            self.commit()

    def commit(self) -> None:
        self.db.commit()
        self._last_commit = time.monotonic()

    def prune(self) -> int:
        """Drop the entries of other pipeline versions, and what else the file keeps for them
        (every table with a `version` column: the kept rows, the input index); returns how
        many entries. Each table is first asked, along its index, whether it holds another
        version at all: a rerun of the same version then costs no scan of the whole file."""
        dropped = 0
        names = [name for (name,) in self.db.execute("SELECT name FROM main.sqlite_master WHERE type = 'table'")]
        for name in names:
            quoted = '"' + name.replace('"', '""') + '"'
            if not any(column[1] == "version" for column in self.db.execute(f"PRAGMA main.table_info({quoted})")):
                continue
            other = f"FROM main.{quoted} WHERE version < ? OR version > ?"
            if self.db.execute(f"SELECT 1 {other} LIMIT 1", (self.version,) * 2).fetchone():
                count = self.db.execute(f"DELETE {other}", (self.version,) * 2).rowcount
                dropped += count if name == "extractions" else 0
        self.commit()
        return dropped

    def __len__(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM extractions WHERE version = ?",
                               (self.version,)).fetchone()[0]

    def close(self) -> None:
        if self.db is not None:
            if self.path is not None:
                self._mark_closed("1")
            self.commit()
            self.db.close()
            self.db = None

    def __enter__(self) -> "Cache":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
