"""Files and batches on disk → `Article` or `ReadError`.

One bad file (or one bad batch row) becomes a `ReadError` with a reason an
analyst can act on; nothing here raises for a single input.

- `.txt`: byte-order mark first (UTF-8, UTF-16 LE/BE), then UTF-8 (a
  truncated last character or a stray broken byte is tolerated as U+FFFD),
  then charset-normalizer restricted to Cyrillic code pages. The machine
  locale is never consulted.
- `.html` / `.htm`: decoded the same way (a `<meta charset>` is tried before
  guessing); trafilatura extracts the article text, title, publication date
  and site name, dropping menus, ads, widgets and footers.
- `.jsonl`: one object a line; `.csv`: a header row. Both need `id` and
  `text`; `title`, `published`, `date`, `outlet` and `url` are optional (without an
  `outlet`, the url's host names it). A broken line or row is a ReadError of
  its own, the others are still read. Their source is `path#N`: N is the
  line of a JSONL file, the data row (header not counted) of a CSV file.

MAX_BYTES is 5 MB: a news article is a few dozen KB even as a saved page, so
anything larger is a wrong file (an archive, a dump, a scan) rather than an
article, and reading it would only stall the batch. Batch files may be of
any size: they are streamed row by row, and the limit applies to each row's
text.

Line endings become `\\n` and a BOM is dropped; otherwise the text is kept
as decoded, because every character offset downstream indexes it.
"""
from __future__ import annotations

import codecs
import csv
import json
import re
import unicodedata
from pathlib import Path
from typing import Iterable, Iterator
from urllib.parse import urlparse

import charset_normalizer

from ..records import Article, ReadError

MAX_BYTES = 5 * 1024 * 1024

# Code pages a Russian-language file realistically uses when it is not UTF-8.
CYRILLIC = ["cp1251", "koi8_r", "koi8_u", "cp866", "iso8859_5", "mac_cyrillic"]
BOMS = [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be")]
MAGIC = {b"%PDF": "a PDF document", b"PK\x03\x04": "a ZIP/Office document",
         b"\xd0\xcf\x11\xe0": "an old MS Office document", b"{\\rtf": "an RTF document"}
SUPPORTED = {".txt", ".html", ".htm", ".jsonl", ".csv"}
SAMPLE_BYTES = 1024 * 1024  # what a batch's encoding is told from
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)


class BadInput(Exception):
    """A reason, in words for an analyst, why an input cannot be read."""


def input_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Each given file, and the files of each given directory (recursively, sorted,
    hidden ones skipped)."""
    for given in paths:
        given = Path(given)
        if given.is_dir():
            yield from sorted(p for p in given.rglob("*") if p.is_file()
                              and not any(part.startswith(".") for part in p.relative_to(given).parts))
        else:
            yield given


def read_inputs(paths: Iterable[Path], max_bytes: int = MAX_BYTES) -> Iterator[Article | ReadError]:
    """Articles and errors for files and (recursively walked) directories."""
    for path in input_files(paths):
        yield from read_file(path, max_bytes)


def read_file(path: Path, max_bytes: int = MAX_BYTES) -> Iterator[Article | ReadError]:
    source, stem, ext = str(path), path.stem, path.suffix.lower()
    try:
        if ext not in SUPPORTED:
            raise BadInput(f"unsupported format {ext or '(no extension)'}: "
                           "save the article as .txt or .html")
        if ext in (".jsonl", ".csv"):
            _load(path, max_bytes=None)  # the file's own checks: exists, readable, not empty
            rows = _jsonl_rows(path) if ext == ".jsonl" else _csv_rows(path)
            for n, row in rows:
                yield _batch_article(row, f"{source}#{n}", f"{stem}#{n}", max_bytes)
            return
        data = _load(path, max_bytes)
        if ext == ".txt":
            yield Article(stem, source, _nonblank(_normalise(_decode(data))))
        else:
            yield _html_article(stem, source, _decode(data, _meta_charset(data)))
    except BadInput as err:
        yield ReadError(stem, source, str(err))
    except Exception as err:  # a parser failing on one odd file must not stop the batch
        yield ReadError(stem, source, f"cannot read the file: {type(err).__name__}: {err}")


def _load(path: Path, max_bytes: int | None) -> bytes:
    """The file's bytes; with max_bytes=None only its first block (a batch is streamed)."""
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise BadInput(f"file too large: {_human(size)}, the limit is {_human(max_bytes)}")
        if max_bytes is None:
            with open(path, "rb") as f:
                data = f.read(SAMPLE_BYTES)
        else:
            data = path.read_bytes()
    except FileNotFoundError:
        raise BadInput("file not found") from None
    except PermissionError:
        raise BadInput("cannot read the file: permission denied") from None
    except IsADirectoryError:
        raise BadInput("is a directory, not a file") from None
    except OSError as err:
        raise BadInput(f"cannot read the file: {err.strerror or err}") from None
    if not data:
        raise BadInput("empty file (0 bytes)")
    return data


def _human(n: int) -> str:
    if n < 1024:
        return f"{n} bytes"
    return f"{n / 1024:.1f} KB" if n < 1024 * 1024 else f"{n / 1024 / 1024:.1f} MB"


def _decode(data: bytes, declared: str | None = None) -> str:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return _not_binary(data[len(bom):].decode(encoding))
            except UnicodeDecodeError:
                raise BadInput(f"undecodable bytes: the file starts with a {encoding} "
                               f"byte-order mark but is not valid {encoding}") from None
    for magic, kind in MAGIC.items():
        if data.startswith(magic):
            raise BadInput(f"binary content: the file is {kind}, not text")
    if b"\x00" in data:
        raise BadInput("binary content: the file contains NUL bytes, it is not text")
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    # UTF-8 is self-checking: a handful of broken sequences among many good
    # ones (a truncated last character, one stray byte) is still UTF-8, while
    # a cp1251 file breaks on nearly every Cyrillic byte.
    if bad == 0 or bad * 20 < sum(ch > "\x7f" for ch in text):
        return _not_binary(text)
    if declared:
        try:
            return _not_binary(data.decode(declared))
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown meta charset: fall back to guessing
    best = charset_normalizer.from_bytes(data, cp_isolation=CYRILLIC).best()
    if best is None:
        raise BadInput("undecodable bytes: neither UTF-8 nor a Cyrillic code page "
                       "(cp1251, koi8-r, cp866, ...)")
    return _not_binary(str(best))


def _not_binary(text: str) -> str:
    controls = sum(unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v\x1b" for ch in text)
    if controls > max(2, len(text) // 100):
        raise BadInput(f"binary content: {controls} control characters in "
                       f"{len(text)}, it is not text")
    return text


def _meta_charset(data: bytes) -> str | None:
    found = META_CHARSET.search(data[:4096])
    return found.group(1).decode("ascii", "ignore") if found else None


def _normalise(text: str) -> str:
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _nonblank(text: str) -> str:
    if not text.strip():
        raise BadInput("no text: only whitespace")
    return text


def _html_article(stem: str, source: str, html: str) -> Article:
    import trafilatura  # heavy import, paid only when a page is read

    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False,
        # Only a date the page states (meta tags, markup), never a guess from
        # the URL or the body text, which may be any date in the story.
        date_extraction_params={"extensive_search": False, "original_date": True})
    if doc is None or not (doc.text or "").strip():
        raise BadInput("no article text found in the HTML page")
    return Article(stem, source, _normalise(doc.text), title=doc.title or None,
                   published=doc.date or None, outlet=doc.sitename or None, url=doc.url or None)


def _jsonl_rows(path: Path) -> Iterator[tuple[int, dict | BadInput]]:
    with open(path, "rb") as f:
        for n, raw in enumerate(f, 1):
            if not raw.strip():
                continue
            try:
                row = json.loads(_normalise(_decode(raw)))
            except BadInput as err:
                yield n, BadInput(f"line {n}: {err}")
                continue
            except json.JSONDecodeError as err:
                yield n, BadInput(f"line {n} is not valid JSON: {err.msg} (column {err.colno})")
                continue
            yield n, row if isinstance(row, dict) else BadInput(f"line {n} is not a JSON object")


def _csv_rows(path: Path) -> Iterator[tuple[int, dict | BadInput]]:
    sample = _load(path, max_bytes=None)
    encoding = _batch_encoding(sample)
    # The default 128 KB cell limit would reject a long article.
    csv.field_size_limit(max(csv.field_size_limit(), 64 * 1024 * 1024))
    with open(path, encoding=encoding, errors="replace", newline="") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames is None:
            raise BadInput("empty CSV: no header row")
        reader.fieldnames = [(name or "").strip().lower() for name in reader.fieldnames]
        missing = {"id", "text"} - set(reader.fieldnames)
        if missing:
            raise BadInput(f"CSV header has no {', '.join(sorted(missing))} column "
                           f"(found: {', '.join(reader.fieldnames)})")
        for n, row in enumerate(reader, 1):
            yield n, row


def _batch_encoding(sample: bytes) -> str:
    """A batch's encoding, told from its first block like a .txt file's."""
    for bom, encoding in BOMS:
        if sample.startswith(bom):
            return "utf-8-sig" if encoding == "utf-8" else encoding
    text = _decode(sample)
    if sample.decode("utf-8", "replace").count("\ufffd") <= 1:  # a block may cut a character
        return "utf-8"
    for encoding in CYRILLIC:
        try:
            if sample.decode(encoding) == text:
                return encoding
        except UnicodeDecodeError:
            continue
    return "utf-8"


def _batch_article(row: dict | BadInput, source: str, fallback_id: str,
                   max_bytes: int) -> Article | ReadError:
    if isinstance(row, BadInput):
        return ReadError(fallback_id, source, str(row))
    raw_id = row.get("id")
    article_id = str(raw_id).strip() if isinstance(raw_id, (str, int)) else ""
    text = row.get("text")
    if not article_id:
        return ReadError(fallback_id, source, "row has no 'id'")
    if not isinstance(text, str):
        return ReadError(article_id, source, "row has no 'text'" if text is None
                         else f"'text' is a {type(text).__name__}, not a string")
    if not text.strip():
        return ReadError(article_id, source, "no text: only whitespace")
    size = len(text.encode("utf-8"))
    if size > max_bytes:
        return ReadError(article_id, source, f"text too large: {_human(size)}, the limit is {_human(max_bytes)}")
    url = _field(row, "url")
    host = urlparse(url).hostname if url else None
    outlet = _field(row, "outlet") or (host.removeprefix("www.") if host else None)
    return Article(article_id, source, _normalise(text), title=_field(row, "title"),
                   published=_field(row, "published"), outlet=outlet, url=url,
                   date=_field(row, "date"))


def _field(row: dict, key: str) -> str | None:
    value = row.get(key)
    return (str(value).strip() or None) if value is not None else None
