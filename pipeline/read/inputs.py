"""Files and batches on disk → `Article` or `ReadError`, each with an id of its own.

One bad file (or one bad batch row) becomes a `ReadError` with a reason an
analyst can act on; nothing here raises for a single input.

- `.txt`: decoded by `decode` (byte-order mark, UTF-8, Cyrillic code pages).
- `.html` / `.htm`: decoded the same way (a `<meta charset>` is tried before
  guessing); `html` extracts the article.
- `.jsonl`, `.csv`: batches, one article a row (`batches`).
- Folders are walked and files opened by `files`: only regular files are
  read; links, pipes, devices and unreadable folders are error rows.

MAX_BYTES is 5 MB: a news article is a few dozen KB even as a saved page, so
anything larger is a wrong file (an archive, a dump, a scan) rather than an
article, and reading it would only stall the batch. Batch files may be of
any size; the limit applies to each row's text.

Ids: a file's id is its stem, a batch row's its `id`. An id already given to
an earlier input (the same stem in two folders, a file and a batch row) gets
`~2`, `~3`, ... in input order, which is the sorted walk order: the same
inputs give the same ids on every run. A file named twice (or reached
through a link too) is read once.

With an `index` (the cache's input index, `engine/input_index.py`), a file
whose stamp (`stamp`) is what it was when an earlier run read it, and whose
articles are all still cached, is not opened: the index's list of what it
gave (`CachedArticle` keys and `ReadError`s) is yielded instead, provided each
of its ids comes out as it did then (otherwise an id would now get another
`~N`, and that article another key: the file is read). `--no-cache` passes no index.

The text is kept as decoded (`normalize.as_read`: line endings, control
characters, lone surrogates), because every character offset downstream
indexes it.
"""
from __future__ import annotations

import os
import stat
import time
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Iterator

from ..records import Article, CachedArticle, ReadError
from .batches import read_batch
from .decode import decode, meta_charset
from .files import BadInput, check_regular, input_files, read_bytes
from .html import html_article
from .normalize import as_read, visible

__all__ = ["MAX_BYTES", "SUPPORTED", "input_files", "read_inputs", "read_file"]

MAX_BYTES = 5 * 1024 * 1024
SUPPORTED = {".txt", ".html", ".htm", ".jsonl", ".csv"}
# A file modified this shortly before it was read could be modified again with no change to
# its stamp (timestamps move in ticks, coarse on some filesystems): it is not indexed.
RACY_NS = 2_000_000_000


def read_inputs(paths: Iterable[Path], max_bytes: int = MAX_BYTES, exclude: Path | None = None,
                index=None) -> Iterator[Article | CachedArticle | ReadError]:
    """Articles and errors for files and (recursively walked) folders, ids unique; `exclude`
    is a folder the walk skips (the output folder); `index`: an `InputIndex`, whose
    unchanged files give `CachedArticle`s instead of being read."""
    ids = UniqueIds()
    for path in input_files(paths, exclude):
        before = stamp(path) if index is not None else None
        known = index.get(str(path), max_bytes, before) if before else None
        # A hit only if every id of the file comes out as it did then: the keys hold the ids.
        if known is not None and ids.peek([raw for raw, _ in known]) == [i.article_id for _, i in known]:
            ids.taken.update(item.article_id for _, item in known)
            yield from (item for _, item in known)
            continue
        started, entries = time.time_ns(), []
        for item in read_file(path, max_bytes):
            given = ids.assign(item)
            if before:
                entries.append((item.article_id, index.entry(given)))
            yield given
        if before and max(before[1:3]) < started - RACY_NS and stamp(path) == before:
            index.put(str(path), max_bytes, before, entries)


def stamp(path: Path) -> tuple[int, ...] | None:
    """(size, mtime_ns, ctime_ns, inode, device) of a regular file; None for anything else.
    Any write changes ctime, which no tool but a clock change sets back."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(found.st_mode):
        return None
    return found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino, found.st_dev


class UniqueIds:
    """The first input with an id keeps it; a later one gets the first free `id~N`, N ≥ 2."""

    def __init__(self):
        self.taken: set[str] = set()

    def assign(self, item: Article | ReadError) -> Article | ReadError:
        article_id = self._free(item.article_id, set())
        self.taken.add(article_id)
        return item if article_id == item.article_id else replace(item, article_id=article_id)

    def peek(self, article_ids: list[str]) -> list[str]:
        """The ids inputs with these ids would get, in this order; none is taken."""
        given: list[str] = []
        also: set[str] = set()
        for article_id in article_ids:
            given.append(self._free(article_id, also))
            also.add(given[-1])
        return given

    def _free(self, article_id: str, also: set[str]) -> str:
        free, n = article_id, 1
        while free in self.taken or free in also:
            n += 1
            free = f"{article_id}~{n}"
        return free


def read_file(path: Path, max_bytes: int = MAX_BYTES) -> Iterator[Article | ReadError]:
    source, stem, ext = visible(str(path)), visible(path.stem), path.suffix.lower()
    try:
        if ext in (".jsonl", ".csv"):
            yield from read_batch(path, stem, source, max_bytes)
            return
        check_regular(path)  # a pipe or a device says so before its name is judged
        if ext not in SUPPORTED:
            raise BadInput(f"unsupported format {visible(ext) or '(no extension)'}: "
                           "save the article as .txt or .html")
        data = read_bytes(path, max_bytes)
        if ext == ".txt":
            yield Article(stem, source, _nonblank(as_read(decode(data))))
        else:
            yield html_article(stem, source, decode(data, meta_charset(data)))
    except BadInput as err:
        yield ReadError(stem, source, str(err))
    except Exception as err:  # a parser failing on one odd file must not stop the batch
        yield ReadError(stem, source, f"cannot read the file: {type(err).__name__}: {err}")


def _nonblank(text: str) -> str:
    if not text.strip():
        raise BadInput("no text: only whitespace")
    return text
