"""read/files.py: the walk, what is not a regular file, reading within the size limit."""
from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from pipeline.read.files import input_files
from pipeline.read.inputs import read_inputs
from pipeline.records import Article, ReadError

TEXT = "Аким Павлодарской области подписал меморандум о сотрудничестве.\n"


@pytest.fixture(autouse=True)
def never_hang():
    """A read that blocks (a FIFO opened for reading) fails the test instead of hanging it."""
    def timeout(*_):
        raise TimeoutError("reading blocked")
    previous = signal.signal(signal.SIGALRM, timeout)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def write(folder: Path, *names: str) -> None:
    for rel in names:
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(TEXT, encoding="utf-8")


def test_directory_walk_is_sorted_recursive_and_skips_hidden(tmp_path):
    write(tmp_path, "b.txt", "a/z.txt", "a/c.txt", ".hidden.txt", ".git/x.txt", "c.pdf")
    results = list(read_inputs([tmp_path]))
    expected = ("a/c.txt", "a/z.txt", "b.txt", "c.pdf")
    assert [r.source for r in results] == [str(tmp_path / p) for p in expected]
    assert [type(r) for r in results] == [Article, Article, Article, ReadError]
    assert [r.article_id for r in results] == ["c", "z", "b", "c~2"]  # ids unique in input order


SPECIAL = [
    ("dangling.txt", lambda p: p.symlink_to(p.parent / "gone.txt"),
     "broken symbolic link: its target"),
    ("null.txt", lambda p: p.symlink_to("/dev/null"), "a device, not a file: not read"),
    ("pipe.txt", lambda p: os.mkfifo(p), "a named pipe (FIFO), not a file: not read"),
    ("folder", lambda p: p.symlink_to(p.parent.parent / "real"),
     "a symbolic link to a folder: not followed (give the folder itself)"),
]


@pytest.mark.parametrize("name,make,reason", SPECIAL, ids=[case[0] for case in SPECIAL])
def test_what_is_not_a_regular_file_is_an_error_row_in_a_walk(tmp_path, name, make, reason):
    folder = tmp_path / "in"
    write(folder, "good.txt")
    (tmp_path / "real").mkdir()
    write(tmp_path / "real", "inside.txt")
    make(folder / name)
    results = list(read_inputs([folder]))
    by_source = {Path(r.source).name: r for r in results}
    assert set(by_source) == {"good.txt", name}
    assert isinstance(by_source["good.txt"], Article)
    error = by_source[name]
    assert isinstance(error, ReadError) and error.error.startswith(reason)


@pytest.mark.parametrize("path,reason", [
    ("/dev/zero", "a device, not a file: not read"),
    ("/dev/null", "a device, not a file: not read"),
])
def test_a_device_given_directly_is_not_read(path, reason):
    [error] = read_inputs([Path(path)])
    assert (error.article_id, error.error) == (Path(path).name, reason)


def test_a_fifo_given_directly_does_not_block(tmp_path):
    fifo = tmp_path / "feed.jsonl"
    os.mkfifo(fifo)
    [error] = read_inputs([fifo])
    assert error.error == "a named pipe (FIFO), not a file: not read"


def test_an_unreadable_subfolder_is_an_error_row(tmp_path, monkeypatch):
    write(tmp_path, "a.txt", "locked/b.txt")
    locked = str(tmp_path / "locked")
    real_scandir = os.scandir

    def scandir(path="."):  # chmod does not stop root, so the refusal is simulated
        if os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied", locked)
        return real_scandir(path)
    monkeypatch.setattr(os, "scandir", scandir)
    results = list(read_inputs([tmp_path]))
    assert [(Path(r.source).name, type(r)) for r in results] == [("a.txt", Article),
                                                                 ("locked", ReadError)]
    assert results[1].error == "cannot open the folder: permission denied"


def test_the_size_limit_holds_while_reading(tmp_path):
    """/proc files state a size of 0 bytes, whatever they hold."""
    link = tmp_path / "status.txt"
    link.symlink_to("/proc/self/status")
    assert os.stat(link).st_size == 0
    [error] = read_inputs([link], max_bytes=100)
    assert error.error == "file too large: more than 100 bytes, the limit"


@pytest.mark.parametrize("link", [Path.symlink_to, Path.hardlink_to], ids=["symbolic", "hard"])
def test_a_file_named_twice_or_through_a_link_is_read_once(tmp_path, link):
    write(tmp_path, "a.txt")
    link(tmp_path / "alias.txt", tmp_path / "a.txt")
    given = [tmp_path / "a.txt", tmp_path / "a.txt", tmp_path, tmp_path / "alias.txt"]
    assert list(input_files(given)) == [tmp_path / "a.txt"]
    assert [r.article_id for r in read_inputs(given)] == ["a"]


def test_the_output_folder_is_skipped_in_the_walk(tmp_path):
    write(tmp_path, "a.txt", "out/report.html", "out/articles.csv", "outputs/b.txt")
    assert list(input_files([tmp_path], exclude=tmp_path / "out")) == [
        tmp_path / "a.txt", tmp_path / "outputs/b.txt"]
    relative = Path(os.path.relpath(tmp_path / "out"))  # --out as typed, relative to the cwd
    assert [p.name for p in input_files([tmp_path], exclude=relative)] == ["a.txt", "b.txt"]


def test_a_file_name_that_is_not_utf8_gets_a_visible_id(tmp_path):
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"caf\xe9.txt"), "wb") as f:
        f.write(TEXT.encode("utf-8"))
    [article] = read_inputs([tmp_path])
    assert article.article_id == "caf\\xe9"
    assert article.source == f"{tmp_path}/caf\\xe9.txt"
    article.source.encode("utf-8")  # any table can hold it
