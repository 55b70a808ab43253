"""read.py: every input kind, every bad input, directory order."""
from __future__ import annotations

import json
import os

import pytest

from pipeline.read.inputs import MAX_BYTES, read_inputs
from pipeline.records import Article, ReadError

from .common import TEXT, read_one


@pytest.mark.parametrize("data", [
    TEXT.encode("utf-8"),
    TEXT.encode("utf-8-sig"),
    TEXT.encode("cp1251"),
    TEXT.encode("koi8_r"),
    b"\xff\xfe" + TEXT.encode("utf-16-le"),
    b"\xfe\xff" + TEXT.encode("utf-16-be"),
    TEXT.replace("\n", "\r\n").encode("cp1251"),
], ids=["utf8", "utf8-bom", "cp1251", "koi8r", "utf16le-bom", "utf16be-bom", "crlf-cp1251"])
def test_txt_encodings(tmp_path, data):
    path = tmp_path / "a1.txt"
    path.write_bytes(data)
    article = read_one(path)
    assert article == Article("a1", str(path), TEXT)


def test_utf8_with_truncated_last_character_stays_utf8(tmp_path):
    path = tmp_path / "cut.txt"
    path.write_bytes(TEXT.encode("utf-8") + "область".encode("utf-8")[:-1])
    article = read_one(path)
    assert isinstance(article, Article)
    assert article.text.startswith(TEXT) and "облас" in article.text


BAD = [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b" \n\t\r\n  ", "only whitespace"),
    ("nul.txt", b"abc\x00\x01\x02def" * 10, "binary content"),
    ("ctrl.txt", bytes(range(1, 9)) * 20 + b"text", "binary content"),
    ("scan.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "PDF"),
    ("garbage.txt", bytes(range(128, 256)) * 4, "undecodable"),
    ("doc.pdf", b"%PDF-1.7", "unsupported format .pdf: save the article as .txt or .html"),
    ("doc.docx", b"PK\x03\x04", "unsupported format .docx"),
]


@pytest.mark.parametrize("name,data,reason", BAD, ids=[case[0] for case in BAD])
def test_bad_inputs_become_read_errors(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    error = read_one(path)
    assert isinstance(error, ReadError)
    assert reason in error.error
    assert (error.article_id, error.source) == (path.stem, str(path))


def test_over_the_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(TEXT.encode("utf-8"))
    error = read_one(path, max_bytes=100)
    assert isinstance(error, ReadError)
    assert "too large" in error.error and "100 bytes" in error.error
    assert MAX_BYTES == 5 * 1024 * 1024


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text(TEXT, encoding="utf-8")

    def denied(*args):  # chmod does not stop root, so the refusal is simulated
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr("pipeline.read.files.os.open", denied)
    assert "permission denied" in read_one(path).error


def test_missing_file(tmp_path):
    assert "not found" in read_one(tmp_path / "nope.txt").error


def test_ids_are_unique_across_folders_files_and_batch_rows(tmp_path):
    for rel in ("a/news.txt", "b/news.txt", "c/other.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(TEXT, encoding="utf-8")
    (tmp_path / "c/rows.jsonl").write_text(json.dumps({"id": "other", "text": TEXT}) + "\n",
                                           encoding="utf-8")
    results = list(read_inputs([tmp_path, tmp_path / "a/news.txt"]))
    assert [(r.article_id, r.source.removeprefix(f"{tmp_path}/")) for r in results] == [
        ("news", "a/news.txt"), ("news~2", "b/news.txt"), ("other", "c/other.txt"),
        ("other~2", "c/rows.jsonl#1")]
    assert [r.article_id for r in read_inputs([tmp_path])] == [r.article_id for r in results]


def test_run_with_odd_names_and_its_output_inside_the_inputs(tmp_path):
    """Through the command line: a non-UTF-8 file name and a lone surrogate reach the tables,
    and a second run does not read the first run's tables as articles."""
    import pandas as pd

    from pipeline.cli import main

    folder = tmp_path / "in"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"\xcf\xf0\xe8\xec\xe5\xf0.txt"), "wb") as f:
        f.write(TEXT.encode("cp1251"))
    (folder / "rows.jsonl").write_text('{"id": "x\\udc80", "text": "Аким\\ud800 области."}\n',
                                       encoding="utf-8")
    out = folder / "out"
    args = ["extract", str(folder), "--out", str(out), "--workers", "1", "--quiet", "--no-cache"]
    for _ in range(2):
        assert main(args) == 0
        articles = pd.read_csv(out / "articles.csv", encoding="utf-8-sig")
        assert sorted(articles["article_id"]) == ["\\xcf\\xf0\\xe8\\xec\\xe5\\xf0", "x\ufffd"]

