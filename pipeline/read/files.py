"""Which files the inputs name, and their bytes, read safely.

`input_files` walks folders (sorted, hidden entries and the output folder
skipped) and yields every other entry, so that an entry that is not a
readable regular file still becomes an error row with its reason: a broken
symbolic link, a link to a folder (not followed: loops), a folder that
cannot be opened, a named pipe, a device, a socket. A file reached twice (named
twice, through a symbolic or a hard link) is yielded once.

Only regular files are opened (opening a FIFO would block for ever, a device
such as /dev/zero never ends), and the size limit holds while reading, not
only by what `stat` says.
"""
from __future__ import annotations

import os
import stat
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from .normalize import visible

SAMPLE_BYTES = 1024 * 1024  # what a batch's encoding is told from


class BadInput(Exception):
    """A reason, in words for an analyst, why an input cannot be read."""


def human(n: int) -> str:
    if n < 1024:
        return f"{n} bytes"
    return f"{n / 1024:.1f} KB" if n < 1024 * 1024 else f"{n / 1024 / 1024:.1f} MB"


def input_files(paths: Iterable[Path], exclude: Path | None = None) -> Iterator[Path]:
    """Each given path, and the entries of each given folder (recursively, sorted, hidden ones
    and the folder `exclude` skipped); each file once."""
    skip = os.path.realpath(exclude) if exclude is not None else None
    seen: set = set()
    for given in paths:
        given = Path(given)
        found = _walk(given, skip) if given.is_dir() else [given]
        for path in found:
            identity = _identity(path)
            if identity not in seen:
                seen.add(identity)
                yield path


def _identity(path: Path) -> tuple[int, int] | str:
    """What makes two paths one file: its device and inode (one `stat`, links followed), or
    for a path that cannot be stat'ed (a broken link) where it leads."""
    try:
        found = os.stat(path)
    except OSError:
        return os.path.realpath(path)
    return found.st_dev, found.st_ino


def _walk(folder: Path, skip: str | None) -> Iterator[Path]:
    """The folder's entries, lazily, in the order of Paths: each folder's entries by name, a
    subfolder's at its name (so that asking whether there is any file reads no more)."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError:
        yield folder  # a folder that cannot be listed is kept, so that reading it says why
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = folder / entry.name
        if not entry.is_dir():  # a file, or anything else: reading it says what it is
            yield path
        elif os.path.realpath(path) != skip:
            if entry.is_symlink():
                yield path  # not followed (a link may loop): reading it says so
            else:
                yield from _walk(path, skip)


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The whole file, if it is a regular file of at most `max_bytes` bytes."""
    with open_regular(path) as f:
        size = os.fstat(f.fileno()).st_size
        if size > max_bytes:
            raise BadInput(f"file too large: {human(size)}, the limit is {human(max_bytes)}")
        data = f.read(max_bytes + 1)  # a file may grow, or its size may be unknown
    if len(data) > max_bytes:
        raise BadInput(f"file too large: more than {human(max_bytes)}, the limit")
    if not data:
        raise BadInput("empty file (0 bytes)")
    return data


def check_regular(path: Path) -> None:
    """BadInput, saying what it is, for anything but a regular file."""
    with _reasons():
        kind = _kind(os.stat(path).st_mode, path)
    if kind:
        raise BadInput(kind)


@contextmanager
def open_regular(path: Path) -> Iterator[BinaryIO]:
    """The file open for reading in binary; BadInput for anything but a readable regular file."""
    check_regular(path)
    with _reasons():
        # Non-blocking and no controlling terminal: if the path was swapped for a FIFO or a
        # terminal since the stat, opening it still returns at once, and fstat tells.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
        kind = _kind(os.fstat(fd).st_mode, path)
        if kind:
            os.close(fd)
            raise BadInput(kind)
        os.set_blocking(fd, True)
        f = os.fdopen(fd, "rb")
    with f:
        with _reasons():
            yield f


def _kind(mode: int, path: Path) -> str | None:
    """Why an entry of this mode is not read; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        try:
            os.scandir(path).close()
        except PermissionError:
            return "cannot open the folder: permission denied"
        if path.is_symlink():
            return "a symbolic link to a folder: not followed (give the folder itself)"
        return "is a directory, not a file"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO), not a file: not read"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a file: not read"
    if stat.S_ISSOCK(mode):
        return "a socket, not a file: not read"
    return "not a regular file: not read"


@contextmanager
def _reasons() -> Iterator[None]:
    """OSError → BadInput with the reason in words."""
    try:
        yield
    except FileNotFoundError as err:
        link = Path(err.filename) if err.filename else None
        if link is not None and link.is_symlink():
            raise BadInput(f"broken symbolic link: its target {visible(os.readlink(link))} "
                           "does not exist") from None
        raise BadInput("file not found") from None
    except PermissionError:
        raise BadInput("cannot read the file: permission denied") from None
    except IsADirectoryError:
        raise BadInput("is a directory, not a file") from None
    except OSError as err:
        raise BadInput(f"cannot read the file: {err.strerror or err}") from None
