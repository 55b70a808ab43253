"""End to end through the command line: every input kind, bad input, exit status, determinism."""
import json

import pandas as pd
import pytest

from pipeline.cli import main

SPEC_TABLES = ["articles", "regions", "officials", "sums", "memoranda", "links", "errors"]
ARTICLE = ("Аким Павлодарской области Болат Бакауов и губернатор Омской области Виктор Назаров "
           "подписали меморандум о сотрудничестве. Товарооборот превысил 400 млн долларов.")


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "utf8.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "cp1251.txt").write_bytes(ARTICLE.encode("cp1251"))
    (folder / "batch.jsonl").write_text(
        json.dumps({"id": "j1", "text": ARTICLE}, ensure_ascii=False) + "\n{broken\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4 ...")
    return folder


def run(corpus, out):
    return main(["extract", str(corpus), "--out", str(out), "--workers", "1", "--quiet"])


def read(out, name):
    return pd.read_csv(out / f"{name}.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)


def test_failed_articles_are_listed_and_set_the_exit_status(corpus, tmp_path):
    out = tmp_path / "out"
    assert run(corpus, out) == 1
    errors = read(out, "errors")
    assert sorted(errors["article_id"]) == ["batch#2", "empty", "scan"]  # the broken batch line
    assert set(read(out, "articles")["status"]) == {"ok", "error"}
    assert sorted(read(out, "links")["article_id"]) == ["cp1251", "j1", "utf8"]


def test_all_good_articles_exit_zero(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "one.txt").write_text(ARTICLE, encoding="utf-8")
    assert run(folder, tmp_path / "out") == 0


def test_every_spec_table_is_written_with_bom_and_header(corpus, tmp_path):
    out = tmp_path / "out"
    run(corpus, out)
    for name in SPEC_TABLES:
        assert (out / f"{name}.csv").read_bytes().startswith("\ufeffarticle_id,".encode("utf-8"))


def test_two_runs_write_identical_bytes(corpus, tmp_path):
    run(corpus, tmp_path / "first")
    run(corpus, tmp_path / "second")
    for name in SPEC_TABLES:
        assert (tmp_path / "first" / f"{name}.csv").read_bytes() == \
               (tmp_path / "second" / f"{name}.csv").read_bytes()


def test_missing_input_is_a_usage_error(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "nowhere"), "--out", str(tmp_path / "o")]) == 2
    assert "no such file or folder" in capsys.readouterr().err
