"""The cluster bench's own logic: its corpora, the tables check and its arguments."""
import argparse

import pytest

from pipeline.tools import bench_cluster


def test_the_tenth_links_the_first_tenth_of_the_corpus(tmp_path, monkeypatch):
    def fake_corpus(folder, n):
        folder.mkdir(parents=True)
        for i in range(n):
            (folder / f"a{i:02}.txt").write_text(f"статья {i}", encoding="utf-8")
    monkeypatch.setattr(bench_cluster, "make_corpus", fake_corpus)
    corpus, tenth = bench_cluster._corpora(tmp_path, 30)
    assert sorted(p.name for p in tenth.iterdir()) == ["a00.txt", "a01.txt", "a02.txt"]
    assert (tenth / "a01.txt").read_text(encoding="utf-8") == "статья 1"


@pytest.mark.parametrize("right, expected", [
    ({"a.csv": "x,y\n", "b.csv": "1\n"}, True),
    ({"a.csv": "x,y\n", "b.csv": "2\n"}, False),
    ({"a.csv": "x,y\n"}, False),
])
def test_same_tables_compares_every_csv_byte_for_byte(tmp_path, right, expected):
    left_dir, right_dir = tmp_path / "l", tmp_path / "r"
    left_dir.mkdir()
    right_dir.mkdir()
    for name, text in {"a.csv": "x,y\n", "b.csv": "1\n"}.items():
        (left_dir / name).write_text(text)
    for name, text in right.items():
        (right_dir / name).write_text(text)
    assert bench_cluster.same_tables(left_dir, right_dir) is expected


@pytest.mark.parametrize("text, expected", [("1", [1]), ("1,2,4", [1, 2, 4])])
def test_worker_counts(text, expected):
    assert bench_cluster._workers(text) == expected


@pytest.mark.parametrize("text", ["", "0", "two", "1,-2"])
def test_bad_worker_counts_are_refused(text):
    with pytest.raises(argparse.ArgumentTypeError):
        bench_cluster._workers(text)
