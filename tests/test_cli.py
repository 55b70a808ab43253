"""End to end through the command line: every input kind, bad input, exit status, determinism,
the messages an analyst reads, `make extract` with spaces."""
import json
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from pipeline.cli import _error_summary, main
from pipeline.records import ReadError

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


def test_closing_line_names_report_and_workbook_and_the_most_common_errors(tmp_path, capsys):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_bytes(b"")
    for name in ("d.pdf", "e.pdf"):
        (folder / name).write_bytes(b"%PDF")
    (folder / "f.docx").write_bytes(b"PK\x03\x04")
    (folder / "g.doc").write_bytes(b"x")
    assert main(["extract", str(folder), "--out", str(out), "--workers", "1", "--quiet"]) == 1
    err = capsys.readouterr().err
    assert f"open {out}/report.html and {out}/extract.xlsx" in err
    assert ("most common errors: 3× empty file (0 bytes), 2× unsupported format .pdf, "
            "1× unsupported format .docx (all in errors.csv)") in err


def test_a_folder_without_articles_says_so(tmp_path, capsys):
    folder = tmp_path / "empty folder"
    folder.mkdir()
    assert main(["extract", str(folder), "--out", str(tmp_path / "out"), "--workers", "1", "--quiet"]) == 0
    assert f"no articles found in {folder}: looked for .txt, .html, .htm, .jsonl and .csv files" in \
           capsys.readouterr().err


def test_a_repost_counts_once_in_the_network(tmp_path):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    story = ARTICLE + " Стороны договорились о поставках зерна, мяса и молока, а также о туризме."
    (folder / "a_original.txt").write_text(story, encoding="utf-8")
    (folder / "b_repost.txt").write_text("Новости региона | Главная\n" + story.replace("400", "410")
                                         + "\nПодписывайтесь на наш канал. Все права защищены.", encoding="utf-8")
    (folder / "c_other.txt").write_text("Аким Павлодарской области и губернатор Омской области подписали "
                                        "соглашение о строительстве моста через Иртыш к 2030 году.",
                                        encoding="utf-8")
    run(folder, out)
    articles = read(out, "articles").set_index("article_id")["duplicate_of"].to_dict()
    assert articles == {"a_original": "", "b_repost": "a_original", "c_other": ""}
    assert read(out, "network")[["region_a", "region_b", "articles"]].values.tolist() == [
        ["Омская область", "Павлодарская область", "2"]]
    people = read(out, "people").set_index("person")["articles"].to_dict()
    assert people == {"Болат Бакауов": "1", "Виктор Назаров": "1"}


def test_error_reasons_fold_the_batch_line_numbers():
    errors = [ReadError("b#2", "b.jsonl#2", "line 2 is not valid JSON: Expecting value (column 1)"),
              ReadError("b#5", "b.jsonl#5", "line 5 is not valid JSON: Expecting value (column 3)"),
              ReadError("x", "x.txt", "file too large: 6.1 MB, the limit is 5.0 MB")]
    assert _error_summary(errors) == ("\nmost common errors: 2× line N is not valid JSON, "
                                      "1× file too large (all in errors.csv)")


def test_make_extract_quotes_folders_with_spaces():
    if shutil.which("make") is None:
        pytest.skip("no make")
    root = Path(__file__).resolve().parents[1]
    dry = subprocess.run(["make", "-n", "-C", str(root), "extract", "INPUT=my articles", "OUTPUT=my out"],
                         capture_output=True, text=True, check=True).stdout
    assert '-m pipeline extract "my articles" --out "my out"' in dry
