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
"""
from __future__ import annotations

import hashlib
import json
import pickle
import sqlite3
import zlib
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
COMMIT_EVERY = 200


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


def _dump(extraction: Extraction) -> bytes:
    return zlib.compress(pickle.dumps(extraction, protocol=pickle.HIGHEST_PROTOCOL), 1)


def _load(blob: bytes) -> Extraction:
    return pickle.loads(zlib.decompress(blob))


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
        else:
            folder = Path(folder)
            folder.mkdir(parents=True, exist_ok=True)
            self.path = folder / DB_NAME
            self.db = sqlite3.connect(self.path, timeout=60)
            self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS extractions (version TEXT NOT NULL, "
                        "key TEXT NOT NULL, data BLOB NOT NULL, PRIMARY KEY (version, key))")
        self.db.commit()
        self._uncommitted = 0

    @classmethod
    def in_folder(cls, out_dir: Path, version: str | None = None) -> "Cache":
        """The cache kept beside a run's tables: `<out_dir>/.cache/`."""
        return cls(Path(out_dir) / CACHE_DIR, version)

    def keys(self) -> set[str]:
        rows = self.db.execute("SELECT key FROM extractions WHERE version = ?", (self.version,))
        return {key for (key,) in rows}

    def __contains__(self, key: str) -> bool:
        return self.db.execute("SELECT 1 FROM extractions WHERE version = ? AND key = ?",
                               (self.version, key)).fetchone() is not None

    def get(self, key: str) -> Extraction | None:
        row = self.db.execute("SELECT data FROM extractions WHERE version = ? AND key = ?",
                              (self.version, key)).fetchone()
        return _load(row[0]) if row else None

    def put(self, key: str, extraction: Extraction) -> None:
        self.db.execute("INSERT OR REPLACE INTO extractions (version, key, data) VALUES (?, ?, ?)",
                        (self.version, key, _dump(extraction)))
        self._uncommitted += 1
        if self._uncommitted >= COMMIT_EVERY:
            self.commit()

    def commit(self) -> None:
        self.db.commit()
        self._uncommitted = 0

    def prune(self) -> int:
        """Drop the entries of other pipeline versions; returns how many."""
        dropped = self.db.execute("DELETE FROM extractions WHERE version != ?", (self.version,)).rowcount
        self.commit()
        return dropped

    def __len__(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM extractions WHERE version = ?",
                               (self.version,)).fetchone()[0]

    def close(self) -> None:
        if self.db is not None:
            self.commit()
            self.db.close()
            self.db = None

    def __enter__(self) -> "Cache":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
