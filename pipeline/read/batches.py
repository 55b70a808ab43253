"""Batches: `.jsonl` (one object a line) and `.csv` (a header row), one article a row.

Both need `id` and `text`; `title`, `published` (or `date`), `outlet` and
`url` are optional (without an `outlet`, the url's host names it). A CSV may
be `;`- or tab-separated and cp1251, as Russian Excel saves it. Every row is read
on its own: a broken one becomes an error row and the rows after it are
still read. A row's source is `path#N`: N is the line of a JSONL file, the
data row (header not counted) of a CSV file.

Batches may be of any size: they are streamed a line at a time, and no line
or CSV record is held beyond ROW_FACTOR times the text limit (no row under
the limit needs more: a JSON escape takes at most 6 bytes a character).

CSV quoting is read strictly, so that a quote left open cannot swallow the
rows after it unnoticed. A stray quote within one line is read leniently
(as spreadsheets write it); a quoted field that runs over lines into a
quoting error, or to the end of the file, makes its row an error row
naming the lines it spans, and reading starts again after it, at the first
line that reads as a row (its id without spaces, the id and text columns
there). Raw NUL bytes make their row an error row, wherever it is.
"""
from __future__ import annotations

import csv
import io
import json
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterator, TextIO
from urllib.parse import urlparse

from ..records import Article, ReadError
from .decode import batch_encoding, decode
from .files import SAMPLE_BYTES, BadInput, human, open_regular
from .normalize import as_read, one_line, visible

ROW_FACTOR = 6


def read_batch(path: Path, stem: str, source: str, max_bytes: int) -> Iterator[Article | ReadError]:
    limit = ROW_FACTOR * max_bytes + SAMPLE_BYTES
    with open_regular(path) as f:
        sample = f.read(SAMPLE_BYTES)
        if not sample:
            raise BadInput("empty file (0 bytes)")
        f.seek(0)
        if path.suffix.lower() == ".jsonl":
            rows = _jsonl_rows(f, limit)
        else:
            encoding = batch_encoding(sample)
            header = sample.decode(encoding, "replace").split("\n", 1)[0]
            rows = _csv_rows(io.TextIOWrapper(f, encoding=encoding, errors="replace", newline=""),
                             limit, _delimiter(header))
        for n, row in rows:
            yield _article(row, f"{source}#{n}", f"{stem}#{n}", max_bytes)


def _jsonl_rows(f: BinaryIO, limit: int) -> Iterator[tuple[int, dict | BadInput]]:
    for n, raw in enumerate(_byte_lines(f, limit), 1):
        if raw is None:
            yield n, BadInput(f"line {n} is over {human(limit)}, larger than any article: not read")
            continue
        if not raw.strip():
            continue
        try:
            row = json.loads(decode(raw))
        except BadInput as err:
            yield n, BadInput(f"line {n}: {err}")
            continue
        except json.JSONDecodeError as err:
            yield n, BadInput(f"line {n} is not valid JSON: {err.msg} (column {err.colno})")
            continue
        yield n, row if isinstance(row, dict) else BadInput(f"line {n} is not a JSON object")


def _byte_lines(f: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """Each line of `f`; None for a line over `limit` bytes, which is skipped unread."""
    while line := f.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := f.readline(SAMPLE_BYTES)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


class RecordTooLarge(Exception):
    """A CSV record over the row limit: a quote left open, or no article."""


class _Lines:
    """A text stream's lines for csv.reader, each kept until its record ends, so that a broken
    record can be read again from a later line (`again`)."""

    def __init__(self, stream: TextIO, limit: int):
        self.stream, self.limit = stream, limit
        self.again: deque[tuple[int, str]] = deque()
        self.record: list[tuple[int, str]] = []  # (line number, line) of the record being read
        self.size = self.count = 0
        self.ended = False  # the reader asked for a line past the last one

    def __iter__(self):
        return self

    def __next__(self) -> str:
        if self.again:
            number, line = self.again.popleft()
        else:
            line = self.stream.readline(self.limit + 1)
            if not line:
                self.ended = True
                raise StopIteration
            self.count += 1
            number = self.count
            if len(line) > self.limit and not line.endswith("\n"):
                while (rest := self.stream.readline(SAMPLE_BYTES)) and not rest.endswith("\n"):
                    pass
                self.record.append((number, ""))
                raise RecordTooLarge
        self.ended = False
        self.record.append((number, line))
        self.size += len(line)
        if self.size > self.limit:
            raise RecordTooLarge
        return line

    def new_record(self) -> None:
        self.record, self.size = [], 0


def _delimiter(header: str) -> str:
    """`,`, or the `;` (or tab) Russian Excel saves with, whichever the header row splits on most."""
    return max(",;\t", key=lambda sep: (header.count(sep), sep == ","))


def _csv_rows(stream: TextIO, limit: int, delimiter: str = ",") -> Iterator[tuple[int, dict | BadInput]]:
    csv.field_size_limit(max(csv.field_size_limit(), limit))  # the default 128 KB cuts an article
    lines = _Lines(stream, limit)
    reader = csv.reader(lines, strict=True, delimiter=delimiter)
    header = _header(reader)
    id_at = header.index("id")
    least = max(id_at, header.index("text")) + 1  # fields a row needs
    n, broken = 0, None
    while True:
        lines.new_record()
        try:
            fields, problem = next(reader), None
        except StopIteration:
            break
        except (csv.Error, RecordTooLarge) as err:
            fields, problem = None, err
        record = lines.record
        if isinstance(problem, csv.Error) and len(record) == 1 and not lines.ended and not broken:
            fields, problem = next(csv.reader([record[0][1]], delimiter=delimiter)), None  # a stray quote in one line
        if problem is None and broken:
            if not _row_like(fields, id_at, least, len(header)):
                broken.last = record[-1][0]  # still the broken row's lines
                continue
            yield broken.n, BadInput(broken.reason())
            broken = None
        if problem is None:
            n += 1
            yield n, _row(n, header, fields)
            continue
        if isinstance(problem, csv.Error) and len(record) > 1:
            # read again: after an open quote at the end of the file, from its next line;
            # after a quoting error, from the line it happened in
            again = record[1:] if lines.ended else record[-1:]
            lines.again.extendleft(reversed(again))
            record = record[:len(record) - len(again)]
        if broken:
            broken.last = record[-1][0]
        else:
            n += 1
            first = next(csv.reader([record[0][1]], delimiter=delimiter), [])
            broken = _Broken(n, record[0][0], record[-1][0], first[id_at] if len(first) > id_at else "",
                             problem, lines.ended, limit)
    if broken:
        yield broken.n, BadInput(broken.reason())


@dataclass
class _Broken:
    """A row whose quoting broke: where it starts, the lines it spans so far, and why."""
    n: int
    first: int
    last: int
    row_id: str
    problem: Exception
    ended: bool  # the file ended inside its quote
    limit: int

    def reason(self) -> str:
        lines = f"line {self.first}" if self.first == self.last else f"lines {self.first}–{self.last}"
        row_id = visible(self.row_id.strip())
        where = f"row {row_id!r}, {lines}" if row_id else lines.capitalize()
        if isinstance(self.problem, RecordTooLarge):
            why = f"over {human(self.limit)}, larger than any article (a quote left open?)"
        elif self.ended:
            why = f"a quote opened in line {self.first} is never closed"
        else:
            why = f"a quoted field runs on into the rows after it ({self.problem})"
        return f"{where}: {why}; not read"


def _header(reader) -> list[str]:
    try:
        names = next(reader)
    except StopIteration:
        raise BadInput("empty CSV: no header row") from None
    except (csv.Error, RecordTooLarge):
        raise BadInput("the CSV header row is broken: not read") from None
    header = [name.strip().lower() for name in names]
    missing = {"id", "text"} - set(header)
    if missing:
        raise BadInput(f"CSV header has no {', '.join(sorted(missing))} column "
                       f"(found: {', '.join(visible(name) for name in header)})")
    return header


def _row_like(fields: list[str], id_at: int, least: int, most: int) -> bool:
    """A record that can start a row again after a broken one: an id without spaces."""
    row_id = fields[id_at].strip() if len(fields) > id_at else ""
    return least <= len(fields) <= most and bool(row_id) and not any(ch.isspace() for ch in row_id)


def _row(n: int, header: list[str], fields: list[str]) -> dict | BadInput:
    if len(fields) > len(header):
        return BadInput(f"row {n} has {len(fields)} fields, the header {len(header)}: "
                        "a stray separator or quote")
    if any("\x00" in value for value in fields):
        return BadInput(f"row {n}: binary content: the row contains NUL bytes, it is not text")
    return dict(zip(header, fields + [None] * (len(header) - len(fields))))


def _article(row: dict | BadInput, source: str, fallback_id: str,
             max_bytes: int) -> Article | ReadError:
    if isinstance(row, BadInput):
        return ReadError(fallback_id, source, str(row))
    try:
        return _checked_article(row, source, fallback_id, max_bytes)
    except Exception as err:  # one odd row must not stop the batch
        return ReadError(fallback_id, source, f"cannot read the row: {type(err).__name__}: {err}")


def _checked_article(row: dict, source: str, fallback_id: str, max_bytes: int) -> Article | ReadError:
    raw_id = row.get("id")
    article_id = (one_line(raw_id) or "") if isinstance(raw_id, (str, int)) else ""
    text = row.get("text")
    if not article_id:
        return ReadError(fallback_id, source, "row has no 'id'")
    if not isinstance(text, str):
        return ReadError(article_id, source, "row has no 'text'" if text is None
                         else f"'text' is a {type(text).__name__}, not a string")
    text = as_read(text)
    if not text.strip():
        return ReadError(article_id, source, "no text: only whitespace")
    size = len(text.encode("utf-8"))
    if size > max_bytes:
        return ReadError(article_id, source,
                         f"text too large: {human(size)}, the limit is {human(max_bytes)}")
    url = one_line(row.get("url"))
    published = one_line(row.get("published")) or one_line(row.get("date"))
    return Article(article_id, source, text, title=one_line(row.get("title")),
                   published=published, outlet=one_line(row.get("outlet")) or _host(url), url=url,
                   date=published, date_source="batch" if published else None)


def _host(url: str | None) -> str | None:
    try:
        host = urlparse(url).hostname if url else None
    except ValueError:  # `http://[::1`: a url Python cannot parse names no outlet
        return None
    return host.removeprefix("www.") if host else None
