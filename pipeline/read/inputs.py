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

The text is kept as decoded (`normalize.as_read`: line endings, control
characters, lone surrogates), because every character offset downstream
indexes it.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Iterable, Iterator

from ..records import Article, ReadError
from .batches import read_batch
from .decode import decode, meta_charset
from .files import BadInput, check_regular, input_files, read_bytes
from .html import html_article
from .normalize import as_read, visible

__all__ = ["MAX_BYTES", "SUPPORTED", "input_files", "read_inputs", "read_file"]

MAX_BYTES = 5 * 1024 * 1024
SUPPORTED = {".txt", ".html", ".htm", ".jsonl", ".csv"}


def read_inputs(paths: Iterable[Path], max_bytes: int = MAX_BYTES,
                exclude: Path | None = None) -> Iterator[Article | ReadError]:
    """Articles and errors for files and (recursively walked) folders, ids unique; `exclude`
    is a folder the walk skips (the output folder)."""
    ids = UniqueIds()
    for path in input_files(paths, exclude):
        for item in read_file(path, max_bytes):
            yield ids.assign(item)


class UniqueIds:
    """The first input with an id keeps it; a later one gets the first free `id~N`, N ≥ 2."""

    def __init__(self):
        self.taken: set[str] = set()

    def assign(self, item: Article | ReadError) -> Article | ReadError:
        article_id, n = item.article_id, 1
        while article_id in self.taken:
            n += 1
            article_id = f"{item.article_id}~{n}"
        self.taken.add(article_id)
        return item if article_id == item.article_id else replace(item, article_id=article_id)


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
